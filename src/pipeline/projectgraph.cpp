#include "projectgraph.h"

#include "core/errors.h"
#include "graph/csvrowwriter.h"
#include "graph/exportfile.h"
#include "graph/graphanalytics.h"
#include "graph/nodeembedding.h"
#include "store/projectstore.h"

#include <QCoroSignal>

#include <algorithm>
#include <atomic>

namespace gw {

// Counts a running job from its first line to its coroutine's end, and keeps the ProjectGraph
// (with its store) alive meanwhile.
class ProjectGraph::JobScope
{
public:
    explicit JobScope(ProjectGraph *graph) : m_graph(graph->shared_from_this()) { ++m_graph->m_running; }
    ~JobScope()
    {
        if (--m_graph->m_running == 0)
            Q_EMIT m_graph->jobsFinished();
    }
    JobScope(const JobScope &) = delete;
    JobScope &operator=(const JobScope &) = delete;

private:
    std::shared_ptr<ProjectGraph> m_graph;
};

// The load in progress, written by its worker and sampled by views.
struct ProjectGraph::LoadState
{
    std::atomic<int> stage{GraphLoadProgress::Reading};
    std::atomic<double> fraction{0};
    std::atomic<int> nodes{0};
};

namespace {

bool vectorsCover(const EntityVectors &vectors, const KnowledgeGraph &graph)
{
    if (vectors.count() != graph.nodeCount())
        return false;
    for (const QString &id : vectors.ids)
        if (graph.indexOf(id) < 0)
            return false;
    return true;
}

// The one place positions are loaded, computed and saved (a snapshot load and a layout rerun).
GraphPositions positionsFor(ProjectStore &store, const KnowledgeGraph &graph, const GraphLayout::Options &options,
                            bool recompute, const CancellationToken &token, const std::function<void(double)> &progress)
{
    GraphPositions result;
    if (!recompute) {
        result.positions = GraphLayout::loadLayout(store, graph);
        const bool complete = std::all_of(result.positions.cbegin(), result.positions.cend(),
                                          [](QPointF p) { return GraphLayout::hasPosition(p); });
        if (complete) {
            if (progress)
                progress(1);
            return result;
        }
    }
    // New entities: lay the whole graph out again, so they do not pile up in a corner.
    result.positions = GraphLayout::compute(graph, token, options, progress);
    result.computed = true;
    token.throwIfCancelled();
    GraphLayout::saveLayout(store, graph, result.positions);
    return result;
}

} // namespace

ProjectGraph::ProjectGraph(std::shared_ptr<ProjectStore> store)
    : m_store(std::move(store)), m_loadState(std::make_shared<LoadState>())
{}

ProjectGraph::~ProjectGraph()
{
    m_project.cancel(tr("the project closed"));
}

QString ProjectGraph::projectPath() const
{
    return m_store ? m_store->path() : QString();
}

GraphLoadProgress ProjectGraph::loadProgress() const
{
    GraphLoadProgress progress;
    progress.stage = GraphLoadProgress::Stage(m_loadState->stage.load(std::memory_order_relaxed));
    progress.fraction = m_loadState->fraction.load(std::memory_order_relaxed);
    progress.nodes = m_loadState->nodes.load(std::memory_order_relaxed);
    return progress;
}

void ProjectGraph::cancelLoad(const QString &reason)
{
    m_loads.cancel(reason);
}

QCoro::Task<JobResult<GraphSnapshot>> ProjectGraph::loadSnapshot(KnowledgeGraph::Edges edges)
{
    JobScope scope(this);
    auto state = std::make_shared<LoadState>();
    m_loadState = state;
    ProjectStore *store = m_store.get(); // alive while this job runs (JobScope)
    auto work = [store, state, edges](const CancellationToken &token) {
        GraphSnapshot snapshot;
        auto rows = std::make_shared<KnowledgeGraph::Rows>(KnowledgeGraph::readRows(*store));
        snapshot.graph = KnowledgeGraph::build(*rows, CurationTable(*store).activeEdits(),
                                               KnowledgeGraph::Resolution::AcrossDocuments, edges);
        snapshot.rows = std::move(rows);
        snapshot.documents = int(store->storedFingerprints().size());
        snapshot.edges = edges;
        state->nodes = snapshot.graph.nodeCount();
        if (snapshot.graph.nodeCount() == 0)
            return snapshot;
        token.throwIfCancelled();
        state->stage = GraphLoadProgress::Analysing;
        GraphAnalytics::Options analytics;
        // Betweenness and coreness are not shown: not worth their time here.
        analytics.metrics = GraphAnalytics::Metric::Degree | GraphAnalytics::Metric::PageRank
            | GraphAnalytics::Metric::Communities | GraphAnalytics::Metric::Components;
        snapshot.metrics = GraphAnalytics::compute(snapshot.graph, token, analytics);

        state->stage = GraphLoadProgress::Layout;
        GraphLayout::Options layout;
        layout.communities = snapshot.metrics.community; // the layout groups what the view colours
        snapshot.positions = positionsFor(*store, snapshot.graph, layout, false, token, [state](double done) {
                                 state->fraction = done;
                             }).positions;

        state->stage = GraphLoadProgress::Embedding;
        state->fraction = 0;
        try {
            EntityVectors vectors = NodeEmbedding::load(*store);
            if (!vectorsCover(vectors, snapshot.graph)) {
                vectors = NodeEmbedding::compute(snapshot.graph, {}, token);
                NodeEmbedding::save(*store, vectors);
            }
            snapshot.similar = std::make_shared<const SimilarEntities>(vectors);
        } catch (const CancelledError &) {
            throw;
        } catch (const std::exception &error) {
            snapshot.similarError = QString::fromUtf8(error.what());
        }
        return snapshot;
    };
    co_return co_await m_loads.run(tr("load the graph"), projectToken(), work);
}

QCoro::Task<JobResult<EntityDetails>> ProjectGraph::entityDetails(QString entityId, QStringList mergedIds,
                                                                  std::shared_ptr<const SimilarEntities> similar)
{
    JobScope scope(this);
    ProjectStore *store = m_store.get();
    EntityProvenance::Options options;
    options.mergedIds = mergedIds;
    auto work = [store, similar, entityId, options](const CancellationToken &token) {
        EntityDetails details;
        details.provenance = EntityProvenance::load(*store, entityId, options, token);
        if (similar)
            details.similar = similar->similarTo(entityId, 15, 0.0f);
        return details;
    };
    co_return co_await m_details.run(tr("read the entity's provenance"), projectToken(), work);
}

QCoro::Task<JobResult<EntityComparison>> ProjectGraph::compareEntities(QString firstId, QStringList firstMerged,
                                                                       QString secondId, QStringList secondMerged)
{
    JobScope scope(this);
    ProjectStore *store = m_store.get();
    EntityProvenance::Options options;
    options.maxDocuments = 4;
    options.maxSnippetsPerDocument = 2;
    options.contextChars = 0;
    options.maxNeighbours = 8;
    auto work = [store, options, firstId, firstMerged, secondId, secondMerged](const CancellationToken &token) {
        EntityProvenance::Options first = options, second = options;
        first.mergedIds = firstMerged;
        second.mergedIds = secondMerged;
        return EntityComparison{EntityProvenance::load(*store, firstId, first, token),
                                EntityProvenance::load(*store, secondId, second, token)};
    };
    co_return co_await m_comparisons.run(tr("read the evidence of two entities"), projectToken(), work);
}

QCoro::Task<JobResult<GraphPositions>> ProjectGraph::positions(KnowledgeGraph graph, GraphLayout::Options options,
                                                               bool recompute, CancellationToken token,
                                                               std::function<void(double)> progress)
{
    JobScope scope(this);
    ProjectStore *store = m_store.get();
    CancellationSource cancel(token);
    const CancellationCallback onClose(projectToken(), [cancel] { cancel.cancel(tr("the project closed")); });
    auto work = [store, graph, options, recompute, progress](const CancellationToken &token) {
        return positionsFor(*store, graph, options, recompute, token, progress);
    };
    co_return co_await tryOffThread(tr("lay the graph out"), cancel.token(), work);
}

QCoro::Task<JobResult<bool>> ProjectGraph::exportRows(QList<QVariantList> rows, QString path)
{
    JobScope scope(this);
    auto work = [rows, path] {
        ExportFile file(path);
        CsvRowWriter writer(file);
        for (const QVariantList &row : rows) {
            for (const QVariant &cell : row) {
                if (cell.typeId() == QMetaType::Double)
                    writer.field(cell.toDouble());
                else if (cell.typeId() == QMetaType::LongLong || cell.typeId() == QMetaType::Int)
                    writer.field(cell.toLongLong());
                else
                    writer.field(cell.toString());
            }
            writer.endRow();
        }
        file.commit();
        return true;
    };
    co_return co_await tryOffThread(tr("export the table"), projectToken(), work);
}

QCoro::Task<JobResult<bool>> ProjectGraph::exportGraph(KnowledgeGraph graph, NodeMetrics metrics, ExportFormat format,
                                                       QString path, QList<QPointF> positions)
{
    JobScope scope(this);
    auto work = [graph, metrics, format, path, positions] {
        GraphExporter::exportGraph(graph, metrics, format, path, positions);
        return true;
    };
    co_return co_await tryOffThread(tr("export the graph"), projectToken(), work);
}

QCoro::Task<JobResult<QList<CurationEdit>>> ProjectGraph::curationHistory()
{
    JobScope scope(this);
    ProjectStore *store = m_store.get(); // alive while this job runs (JobScope)
    auto work = [store] { return CurationTable(*store).edits(); };
    co_return co_await tryOffThread(tr("read the curation history"), projectToken(), work);
}

QCoro::Task<bool> ProjectGraph::addCuration(CurationEdit edit)
{
    JobScope scope(this);
    // Queued before the first suspension (writeTransaction is not a coroutine), so calls keep
    // their order. The edit is copied, not moved, into the lambda: g++ 12 and coroutine
    // parameters (docs/toolchain-traps.md).
    auto write = [edit](ProjectConnection &connection) { CurationTable::addIn(connection, {edit}); };
    co_return co_await m_store->writeTransaction(write);
}

QCoro::Task<bool> ProjectGraph::undoCuration()
{
    JobScope scope(this);
    auto write = [](ProjectConnection &connection) { CurationTable::undoIn(connection); };
    co_return co_await m_store->writeTransaction(write);
}

QCoro::Task<bool> ProjectGraph::redoCuration()
{
    JobScope scope(this);
    auto write = [](ProjectConnection &connection) { CurationTable::redoIn(connection); };
    co_return co_await m_store->writeTransaction(write);
}

QCoro::Task<JobResult<QList<DocumentSummary>>> ProjectGraph::documents()
{
    JobScope scope(this);
    ProjectStore *store = m_store.get(); // alive while this job runs (JobScope)
    auto work = [store] { return DocumentListReader::summaries(*store); };
    co_return co_await m_documentLists.run(tr("list the documents"), projectToken(), work);
}

QCoro::Task<JobResult<DocumentContent>> ProjectGraph::documentContent(qint64 documentId)
{
    JobScope scope(this);
    ProjectStore *store = m_store.get();
    auto work = [store, documentId] {
        std::optional<DocumentContent> content = DocumentTextReader::read(*store, documentId);
        if (!content)
            throw Error(tr("The project no longer has this document; it was removed or ingested again."));
        return std::move(*content);
    };
    co_return co_await m_documentTexts.run(tr("read the document"), projectToken(), work);
}

QCoro::Task<JobResult<int>> ProjectGraph::removeDocuments(QStringList paths)
{
    JobScope scope(this);
    const QStringList toRemove = paths; // a copy: g++ 12 and coroutine parameters (toolchain-traps.md)
    JobResult<int> result;
    result.value = 0;
    try {
        for (const QString &path : toRemove) {
            if (m_closed) {
                result.end = JobEnd::Cancelled;
                co_return result;
            }
            if (co_await m_store->removeDocument(path))
                ++*result.value;
        }
        result.end = JobEnd::Finished;
    } catch (const Error &error) {
        result.end = JobEnd::Failed;
        result.error = error.message();
    }
    co_return result;
}

QCoro::Task<> ProjectGraph::close()
{
    auto self = shared_from_this();
    m_closed = true;
    m_project.cancel(tr("the project closed"));
    while (m_running > 0)
        co_await qCoro(this, &ProjectGraph::jobsFinished);
}

} // namespace gw
