#include "graphlayoutjob.h"

#include "core/errors.h"
#include "core/threadsanitizer.h"
#include "store/projectstore.h"

#include <QFutureWatcher>
#include <QScopeGuard>
#include <QTimer>
#include <QFutureInterface>
#include <QThreadPool>

#include <functional>
#include <mutex>

namespace gw {

namespace {

struct Outcome
{
    QList<QPointF> positions;
    bool computed = false;
    bool cancelled = false;
    QString error;
};

// The ThreadSanitizer hand-off key of layout runs (see core/threadsanitizer.h).
char layoutHandOff;

} // namespace

// Shared with the worker thread: it outlives the job object when the job is destroyed mid-run.
// The outcome goes through the mutex (which ThreadSanitizer sees), the QFuture only says "done".
struct GraphLayoutJob::Run
{
    CancellationSource source;
    std::atomic<double> progress{0};
    std::mutex mutex;
    Outcome outcome;
};

GraphLayoutJob::GraphLayoutJob(QObject *parent) : QObject(parent), m_progressTimer(new QTimer(this))
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

GraphLayoutJob::~GraphLayoutJob()
{
    if (m_run)
        m_run->source.cancel();
}

void GraphLayoutJob::setStore(std::shared_ptr<ProjectStore> store)
{
    m_store = std::move(store);
}

double GraphLayoutJob::progress() const
{
    return m_run ? m_run->progress.load(std::memory_order_relaxed) : 0.0;
}

void GraphLayoutJob::loadOrCompute(const KnowledgeGraph &graph)
{
    start(graph, true);
}

void GraphLayoutJob::compute(const KnowledgeGraph &graph)
{
    start(graph, false);
}

void GraphLayoutJob::cancel()
{
    if (m_run && m_running)
        m_run->source.cancel(tr("layout cancelled"));
}

void GraphLayoutJob::start(const KnowledgeGraph &graph, bool loadFirst)
{
    if (m_run)
        m_run->source.cancel(); // superseded: its result will be dropped
    auto run = std::make_shared<Run>();
    m_run = run;
    const quint64 generation = ++m_generation;
    m_running = true;
    m_lastProgress = -1;
    std::shared_ptr<ProjectStore> store = m_store;
    const GraphLayout::Options options = m_options;
    ++m_threads;
    auto work = [graph, store, options, loadFirst, run]() mutable {
        // Let go of the store before the result is reported: once the GUI thread has seen the
        // run end, no worker may still own the project (it would close it on its own thread).
        const auto release = qScopeGuard([&store] { store.reset(); });
        Outcome outcome;
        const CancellationToken token = run->source.token();
        try {
            if (loadFirst && store) {
                outcome.positions = GraphLayout::loadLayout(*store, graph);
                const bool complete = std::all_of(outcome.positions.cbegin(), outcome.positions.cend(),
                                                  [](QPointF p) { return GraphLayout::hasPosition(p); });
                if (complete && !outcome.positions.isEmpty()) {
                    run->progress = 1;
                    return outcome;
                }
            }
            outcome.positions = GraphLayout::compute(
                graph, token, options, [run](double done) { run->progress.store(done, std::memory_order_relaxed); });
            outcome.computed = true;
            token.throwIfCancelled();
            if (store)
                GraphLayout::saveLayout(*store, graph, outcome.positions);
        } catch (const CancelledError &) {
            outcome = {};
            outcome.cancelled = true;
        } catch (const std::exception &error) {
            outcome = {};
            outcome.error = QString::fromUtf8(error.what());
        }
        return outcome;
    };
    // QThreadPool::start with the hand-off hints, not QtConcurrent::run: see core/threadsanitizer.h.
    QFutureInterface<void> done;
    done.reportStarted();
    QFuture<void> future = done.future();
    std::function<void()> task = [done, run, work = std::move(work)]() mutable {
        GW_TSAN_ACQUIRE(&layoutHandOff); // before touching any capture
        Outcome outcome = work();        // lets go of the store inside
        {
            std::lock_guard lock(run->mutex);
            run->outcome = std::move(outcome);
        }
        done.reportFinished();
    };
    GW_TSAN_RELEASE(&layoutHandOff);
    QThreadPool::globalInstance()->start(std::move(task));
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, generation, run] {
        watcher->deleteLater();
        if (--m_threads == 0)
            Q_EMIT threadsFinished();
        if (generation != m_generation)
            return; // a later run superseded this one
        m_running = false;
        m_progressTimer->stop();
        Outcome outcome;
        {
            std::lock_guard lock(run->mutex);
            outcome = std::move(run->outcome);
        }
        if (outcome.cancelled) {
            Q_EMIT cancelled();
        } else if (!outcome.error.isEmpty()) {
            Q_EMIT failed(outcome.error);
        } else {
            Q_EMIT progressChanged(1);
            Q_EMIT positionsReady(outcome.positions, outcome.computed);
        }
    });
    watcher->setFuture(future);
    m_progressTimer->start();
    Q_EMIT started();
}

} // namespace gw
