#pragma once
// ProjectGraph: the graph jobs of one open project, each off the calling thread (the GUI's), each
// cancellable, each a coroutine the views await:
//   - loadSnapshot(): read the graph, rank it (PageRank, communities), lay it out and embed it,
//     saving a computed layout and computed vectors in the project; progress sampled with
//     loadProgress();
//   - positions(): stored node positions, or a new layout saved in the project (GraphLayoutJob);
//   - entityDetails(): an entity's provenance (documents, sentences, neighbours) and the entities
//     most like it;
//   - exportRows() / exportGraph(): CSV rows and whole-graph exports;
//   - documents() / documentContent() / removeDocuments(): the Documents view and its reader.
// loadSnapshot() and entityDetails() are latest-only: a newer request supersedes a running one,
// which then ends JobEnd::Superseded (its result is stale; show nothing).
//
// It is the only owner of the project's store above the pipeline: views hold a ProjectGraph,
// never a store. close() cancels every job and completes when none touches the store any more,
// so the project can be closed after it. Always owned by a std::shared_ptr: a running job keeps
// it alive until the job's coroutine ends.
#include "graphsnapshot.h"

#include "core/cancellation.h"
#include "core/latestonly.h"
#include "core/offthread.h"
#include "graph/entityprovenance.h"
#include "graph/graphexporter.h"
#include "graph/graphlayout.h"
#include "graph/similarentities.h"
#include "store/curationtable.h"
#include "store/documentlistreader.h"
#include "store/documenttextreader.h"

#include <QCoroTask>
#include <QObject>
#include <QStringList>
#include <QVariantList>

#include <functional>
#include <memory>

namespace gw {

class ProjectStore;

struct EntityDetails
{
    EntityProvenance provenance;
    QList<SimilarEntity> similar; // most similar first; empty without an index
};

// The evidence of two entities side by side (the review queue): a few sentences of each.
struct EntityComparison
{
    EntityProvenance first, second;
};

struct GraphPositions
{
    QList<QPointF> positions; // indexed like the graph's nodes
    bool computed = false;    // a new layout (saved in the project), else the stored one
};

class ProjectGraph : public QObject, public std::enable_shared_from_this<ProjectGraph>
{
    Q_OBJECT

public:
    explicit ProjectGraph(std::shared_ptr<ProjectStore> store);
    ~ProjectGraph() override;

    QString projectPath() const;

    // Latest-only. Similar entities are a bonus: when the embeddings fail, the snapshot comes
    // without them and says why (similarError).
    // `edges`: KnowledgeGraph::fromStore's choice; views show significant edges unless asked.
    QCoro::Task<JobResult<GraphSnapshot>>
    loadSnapshot(KnowledgeGraph::Edges edges = KnowledgeGraph::Edges::Significant);
    void cancelLoad(const QString &reason);
    bool isLoading() const { return m_loads.isRunning(); }
    GraphLoadProgress loadProgress() const;

    // Latest-only. `mergedIds`: the entity's ids in other documents (KnowledgeGraph aliases).
    QCoro::Task<JobResult<EntityDetails>> entityDetails(QString entityId, QStringList mergedIds,
                                                        std::shared_ptr<const SimilarEntities> similar);

    // Latest-only. The evidence of two entities (each with its merged ids), a few documents and
    // sentences of each: enough to judge whether they are one.
    QCoro::Task<JobResult<EntityComparison>> compareEntities(QString firstId, QStringList firstMerged, QString secondId,
                                                             QStringList secondMerged);

    // The stored positions of `graph` when every node has one (and !recompute), else a new
    // layout with `options`, saved in the project. `progress` (0..1) is called on the worker.
    QCoro::Task<JobResult<GraphPositions>> positions(KnowledgeGraph graph, GraphLayout::Options options, bool recompute,
                                                     CancellationToken token, std::function<void(double)> progress);

    // Writes `rows` (the first one the header) as CSV; doubles and integers keep full precision.
    QCoro::Task<JobResult<bool>> exportRows(QList<QVariantList> rows, QString path);
    // `positions`: the layout the view shows (GraphExporter::exportGraph), or empty.
    QCoro::Task<JobResult<bool>> exportGraph(KnowledgeGraph graph, NodeMetrics metrics, ExportFormat format,
                                             QString path, QList<QPointF> positions = {});

    // Curation (CurationTable): the history, read off this thread; and an edit, an undo or a redo,
    // queued on the project's writer in call order (so undo after an edit undoes that edit) and
    // completing when written. A reload of the graph shows them (loadSnapshot()).
    QCoro::Task<JobResult<QList<CurationEdit>>> curationHistory();
    QCoro::Task<bool> addCuration(CurationEdit edit);
    QCoro::Task<bool> undoCuration();
    QCoro::Task<bool> redoCuration();

    // Documents (the Documents view). Latest-only: every document with its counts; the text and
    // mentions of one (Failed, saying so, when the project no longer has it).
    QCoro::Task<JobResult<QList<DocumentSummary>>> documents();
    QCoro::Task<JobResult<DocumentContent>> documentContent(qint64 documentId);
    // Removes the documents at `paths` (ProjectStore::removeDocument, one transaction each, in
    // order; entities no other document mentions go with them). Completes with how many were
    // there; Failed with the store's message (those before it stay removed). A reload of the graph
    // shows it.
    QCoro::Task<JobResult<int>> removeDocuments(QStringList paths);

    // Cancels every job; completes when no job touches the project any more. Jobs started later
    // end Cancelled at once.
    QCoro::Task<> close();
    int runningJobs() const { return m_running; }

Q_SIGNALS:
    void jobsFinished(); // runningJobs() reached 0

private:
    class JobScope;
    struct LoadState;
    CancellationToken projectToken() const { return m_project.token(); }

    const std::shared_ptr<ProjectStore> m_store;
    CancellationSource m_project; // every job of this project
    LatestOnly m_loads;
    LatestOnly m_details;
    LatestOnly m_comparisons;
    LatestOnly m_documentLists;
    LatestOnly m_documentTexts;
    std::shared_ptr<LoadState> m_loadState;
    int m_running = 0;
    bool m_closed = false;
};

} // namespace gw
