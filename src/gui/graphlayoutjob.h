#pragma once
// GraphLayoutJob: node positions for the graph view, never on the GUI thread. Loads the
// positions stored in the project, computes a layout (GraphLayout, Fruchterman-Reingold) when
// some are missing or when asked to, saves computed ones back (GraphLayout::saveLayout), reports
// progress at about 10 Hz and can be cancelled. Starting again supersedes the previous run (its
// result is dropped).
//
//   job->setStore(store);                  // optional: without one nothing is loaded or saved
//   connect(job, &GraphLayoutJob::positionsReady, view, &GraphView::setPositions);
//   job->loadOrCompute(graph);             // stored positions, else a new layout
//   job->compute(graph);                   // "re-run layout"
//   job->cancel();
#include "graph/graphlayout.h"
#include "graph/knowledgegraph.h"

#include <QObject>
#include <QPointF>

#include <atomic>
#include <memory>

class QTimer;

namespace gw {

class ProjectStore;

class GraphLayoutJob : public QObject
{
    Q_OBJECT

public:
    explicit GraphLayoutJob(QObject *parent = nullptr);
    ~GraphLayoutJob() override; // cancels a running job; its thread finishes on its own

    void setStore(std::shared_ptr<ProjectStore> store);
    void setOptions(const GraphLayout::Options &options) { m_options = options; }

    void loadOrCompute(const KnowledgeGraph &graph);
    void compute(const KnowledgeGraph &graph);
    void cancel();
    bool isRunning() const { return m_running; }
    // Worker threads still running, superseded ones included: each holds the store until it ends.
    int activeThreads() const { return m_threads; }
    double progress() const;

Q_SIGNALS:
    void started();
    void progressChanged(double fraction);
    // `computed`: a new layout (saved to the store when there is one); else loaded.
    void positionsReady(const QList<QPointF> &positions, bool computed);
    void cancelled();
    void failed(const QString &message);
    void threadsFinished(); // activeThreads() reached 0 (a closing project waits for it)

private:
    void start(const KnowledgeGraph &graph, bool loadFirst);

    std::shared_ptr<ProjectStore> m_store;
    GraphLayout::Options m_options;
    struct Run;
    std::shared_ptr<Run> m_run;
    quint64 m_generation = 0;
    bool m_running = false;
    int m_threads = 0;
    QTimer *m_progressTimer;
    double m_lastProgress = -1;
};

} // namespace gw
