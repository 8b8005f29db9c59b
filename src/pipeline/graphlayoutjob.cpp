#include "graphlayoutjob.h"

#include "projectgraph.h"

#include <QPointer>
#include <QTimer>

namespace gw {

GraphLayoutJob::GraphLayoutJob(QObject *parent)
    : QObject(parent), m_progress(std::make_shared<std::atomic<double>>(0)), m_progressTimer(new QTimer(this))
{
    // Workers store progress in an atomic; the GUI samples it (no signal per iteration).
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, [this] {
        const double now = progress();
        if (now != m_lastProgress) {
            m_lastProgress = now;
            Q_EMIT progressChanged(now);
        }
    });
}

GraphLayoutJob::~GraphLayoutJob() = default; // m_runs cancels the running one

void GraphLayoutJob::setProjectGraph(std::shared_ptr<ProjectGraph> project)
{
    m_project = std::move(project);
}

double GraphLayoutJob::progress() const
{
    return m_progress->load(std::memory_order_relaxed);
}

void GraphLayoutJob::loadOrCompute(const KnowledgeGraph &graph)
{
    run(graph, false);
}

void GraphLayoutJob::compute(const KnowledgeGraph &graph)
{
    run(graph, true);
}

void GraphLayoutJob::cancel()
{
    if (m_runs.isRunning())
        m_runs.cancel(tr("layout cancelled"));
}

QCoro::Task<> GraphLayoutJob::run(KnowledgeGraph graph, bool recompute)
{
    const LatestOnly::Ticket ticket = m_runs.start();
    auto progress = std::make_shared<std::atomic<double>>(0);
    m_progress = progress;
    m_lastProgress = -1;
    m_progressTimer->start();
    Q_EMIT started();
    auto report = [progress](double done) { progress->store(done, std::memory_order_relaxed); };
    JobResult<GraphPositions> result;
    if (std::shared_ptr<ProjectGraph> project = m_project) {
        result = co_await project->positions(graph, m_options, recompute, ticket.token(), report);
    } else {
        const GraphLayout::Options options = m_options;
        auto work = [graph, options, report](const CancellationToken &token) {
            return GraphPositions{GraphLayout::compute(graph, token, options, report), true};
        };
        result = co_await tryOffThread(tr("lay the graph out"), ticket.token(), work);
    }
    if (!ticket.isLatest())
        co_return; // superseded, or this job is gone
    m_runs.finish(ticket);
    m_progressTimer->stop();
    switch (result.end) {
    case JobEnd::Finished:
        Q_EMIT progressChanged(1);
        Q_EMIT positionsReady(result.value->positions, result.value->computed);
        break;
    case JobEnd::Failed:
        Q_EMIT failed(result.error);
        break;
    case JobEnd::Cancelled:
    case JobEnd::Superseded:
        Q_EMIT cancelled();
        break;
    }
}

} // namespace gw
