#pragma once
// GraphLayoutJob: node positions for a graph view, never on the GUI thread. Loads the positions
// stored in the project, computes a layout (GraphLayout: community-aware from 300 nodes) when
// some are missing or when asked to, saves computed ones back (through ProjectGraph::positions),
// reports progress at about 10 Hz and can be cancelled. Starting again supersedes the previous
// run: its result is dropped (LatestOnly).
//
//   job->setProjectGraph(project);         // optional: without one nothing is loaded or saved
//   connect(job, &GraphLayoutJob::positionsReady, view, &GraphView::setPositions);
//   job->loadOrCompute(graph);             // stored positions, else a new layout
//   job->compute(graph);                   // "re-run layout"
//   job->cancel();
#include "core/latestonly.h"
#include "graph/graphlayout.h"
#include "graph/knowledgegraph.h"

#include <QObject>
#include <QPointF>

#include <atomic>
#include <memory>

class QTimer;

namespace gw {

class ProjectGraph;

class GraphLayoutJob : public QObject
{
    Q_OBJECT

public:
    explicit GraphLayoutJob(QObject *parent = nullptr);
    ~GraphLayoutJob() override; // cancels a running job; the project's close() waits for it

    void setProjectGraph(std::shared_ptr<ProjectGraph> project);
    void setOptions(const GraphLayout::Options &options) { m_options = options; }

    void loadOrCompute(const KnowledgeGraph &graph);
    void compute(const KnowledgeGraph &graph);
    void cancel();
    bool isRunning() const { return m_runs.isRunning(); }
    double progress() const;

Q_SIGNALS:
    void started();
    void progressChanged(double fraction);
    // `computed`: a new layout (saved in the project when there is one); else loaded.
    void positionsReady(const QList<QPointF> &positions, bool computed);
    void cancelled();
    void failed(const QString &message);

private:
    QCoro::Task<> run(KnowledgeGraph graph, bool recompute);

    std::shared_ptr<ProjectGraph> m_project;
    GraphLayout::Options m_options;
    LatestOnly m_runs;
    std::shared_ptr<std::atomic<double>> m_progress;
    QTimer *m_progressTimer;
    double m_lastProgress = -1;
};

} // namespace gw
