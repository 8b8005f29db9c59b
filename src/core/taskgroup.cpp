#include "taskgroup.h"

#include "threadsanitizer.h"

#include <QCoroFuture>
#include <QFuture>
#include <QFutureInterface>
#include <QThread>
#include <QThreadPool>

#include <condition_variable>
#include <utility>
#include <vector>

namespace gw::detail {

// The pool whose worker is running a task on this thread: a group made inside a task runs its
// children on its parent's pool by default, so a blocked parent can lend them its slot.
thread_local QThreadPool *currentTaskPool = nullptr;
struct TaskGroupCore;
// The group whose task the calling thread runs (for lendSlotWhile).
thread_local TaskGroupCore *currentTaskCore = nullptr;
// Lent slots the running task is back from: its slot went to another task, so it stays counted as
// lending (not computing) until it ends, and the group's bound and its "computing" figure hold.
thread_local int returnedLends = 0;

struct TaskGroupJob
{
    QString label;
    std::function<void(const CancellationToken &)> body;
    TaskState state = TaskState::Pending;
    std::optional<CancellationSource> source; // exists while the task runs
    bool cancelRequested = false;             // cancelTask() came before the source existed
};

struct TaskGroupCore : std::enable_shared_from_this<TaskGroupCore>
{
    QThreadPool *pool = nullptr;
    int maxParallel = 1;
    QString name;
    CancellationSource source;
    CancellationToken::CallbackId cancelHook = 0;

    mutable std::mutex mutex;
    mutable std::condition_variable changed;
    std::deque<TaskGroupJob> jobs;    // every task, by index (deque: stable addresses)
    std::deque<TaskGroupJob *> queue; // pending tasks in spawn order
    int workers = 0;                  // drain loops started on the pool and not yet returned
    int lent = 0;                     // running tasks blocked in lendSlotWhile (not counted by the bound)
    TaskGroupCounts counts;
    bool failed = false;
    QString failedLabel;
    QString failedReason;
    std::exception_ptr failedCause;
    std::vector<QFutureInterface<void>> idleWaiters;

    explicit TaskGroupCore(const TaskGroupOptions &options)
        : pool(options.pool          ? options.pool
                   : currentTaskPool ? currentTaskPool
                                     : QThreadPool::globalInstance()),
          maxParallel(options.maxParallel > 0 ? options.maxParallel : QThread::idealThreadCount()),
          name(options.name.isEmpty() ? QStringLiteral("task group") : options.name), source(options.parent)
    {}

    ~TaskGroupCore() { source.token().removeCallback(cancelHook); }

    bool idleLocked() const { return counts.pending == 0 && counts.running == 0; }

    // Called with the lock held; the futures are finished by the caller after unlocking.
    std::vector<QFutureInterface<void>> takeIdleWaitersLocked()
    {
        std::vector<QFutureInterface<void>> out;
        if (idleLocked()) {
            out.swap(idleWaiters);
            changed.notify_all();
        }
        return out;
    }

    static void wake(std::vector<QFutureInterface<void>> &waiters)
    {
        for (auto &waiter : waiters)
            waiter.reportFinished();
    }

    void dropPending()
    {
        std::vector<QFutureInterface<void>> waiters;
        {
            std::lock_guard lock(mutex);
            for (TaskGroupJob *job : queue) {
                job->state = TaskState::Cancelled;
                job->body = nullptr;
            }
            counts.cancelled += qsizetype(queue.size());
            counts.pending -= qsizetype(queue.size());
            queue.clear();
            waiters = takeIdleWaitersLocked();
        }
        wake(waiters);
    }

    void drain()
    {
        QThreadPool *const outerPool = std::exchange(currentTaskPool, pool);
        TaskGroupCore *const outerCore = std::exchange(currentTaskCore, this);
        const int outerReturnedLends = std::exchange(returnedLends, 0);
        std::unique_lock lock(mutex);
        // A worker started while another task lent its slot retires once that task is back.
        while (!queue.empty() && workers - lent <= maxParallel) {
            TaskGroupJob *job = queue.front();
            queue.pop_front();
            --counts.pending;
            ++counts.running;
            counts.peakRunning = std::max(counts.peakRunning, int(counts.running) - lent);
            job->state = TaskState::Running;
            auto body = std::move(job->body);
            std::optional<CancellationSource> published;
            lock.unlock();

            TaskState outcome;
            {
                // Sources are made and dropped outside the lock: their parent's hooks take it.
                CancellationSource taskSource(source.token());
                bool cancelRequested = false;
                {
                    std::lock_guard relock(mutex);
                    job->source = taskSource;
                    cancelRequested = job->cancelRequested;
                }
                if (cancelRequested)
                    taskSource.cancel(QStringLiteral("cancelled"));
                outcome = run(job->label, body, taskSource.token());
                body = nullptr;
                std::lock_guard relock(mutex);
                published.swap(job->source);
            }
            published.reset();

            lock.lock();
            job->state = outcome;
            --counts.running;
            lent -= std::exchange(returnedLends, 0);
            if (outcome == TaskState::Succeeded)
                ++counts.succeeded;
            else if (outcome == TaskState::Failed)
                ++counts.failed;
            else
                ++counts.cancelled;
            auto waiters = takeIdleWaitersLocked();
            if (!waiters.empty()) {
                lock.unlock();
                wake(waiters);
                lock.lock();
            }
        }
        --workers;
        changed.notify_all();
        currentTaskPool = outerPool;
        currentTaskCore = outerCore;
        returnedLends = outerReturnedLends;
    }

    TaskState run(const QString &label, const std::function<void(const CancellationToken &)> &body,
                  const CancellationToken &token)
    {
        if (token.isCancelled())
            return TaskState::Cancelled;
        try {
            body(token);
            return TaskState::Succeeded;
        } catch (const CancelledError &) {
            return TaskState::Cancelled;
        } catch (...) {
            const auto cause = std::current_exception();
            bool first = false;
            {
                std::lock_guard lock(mutex);
                if (!failed) {
                    failed = first = true;
                    failedLabel = label;
                    failedReason = describeException(cause);
                    failedCause = cause;
                }
            }
            if (first)
                source.cancel(QStringLiteral("%1 failed").arg(label));
            return TaskState::Failed;
        }
    }

    void waitUntil(std::unique_lock<std::mutex> &lock, const std::function<bool()> &done) const
    {
        if (done())
            return;
        // A pool thread that blocks lends its slot, so a nested group cannot starve its parent.
        QThreadPool *lender = nullptr;
        if (pool->contains(QThread::currentThread()))
            lender = pool;
        else if (QThreadPool::globalInstance()->contains(QThread::currentThread()))
            lender = QThreadPool::globalInstance();
        if (lender) {
            lock.unlock();
            lender->releaseThread();
            lock.lock();
        }
        changed.wait(lock, done);
        if (lender) {
            lock.unlock();
            lender->reserveThread();
            lock.lock();
        }
    }
};

} // namespace gw::detail

namespace gw {

namespace {
// Address used to tell ThreadSanitizer about the pool hand-off (see threadsanitizer.h).
char poolHandOff = 0;
} // namespace

namespace {

void startDrain(std::shared_ptr<detail::TaskGroupCore> core)
{
    QThreadPool *const pool = core->pool;
    std::function<void()> work = [core = std::move(core)] {
        GW_TSAN_ACQUIRE(&poolHandOff);
        core->drain();
    };
    GW_TSAN_RELEASE(&poolHandOff);
    pool->start(std::move(work));
}

} // namespace

TaskGroupBase::TaskGroupBase(TaskGroupOptions options) : d(std::make_shared<detail::TaskGroupCore>(options))
{
    std::weak_ptr<detail::TaskGroupCore> weak = d;
    d->cancelHook = d->source.token().onCancel([weak] {
        if (auto core = weak.lock())
            core->dropPending();
    });
}

TaskGroupBase::~TaskGroupBase()
{
    shutdown();
}

void TaskGroupBase::shutdown()
{
    {
        std::lock_guard lock(d->mutex);
        if (d->workers == 0 && d->queue.empty())
            return;
    }
    d->source.cancel(QStringLiteral("%1 closed").arg(d->name));
    std::unique_lock lock(d->mutex);
    d->waitUntil(lock, [this] { return d->workers == 0; });
}

qsizetype TaskGroupBase::enqueue(const QString &label, Body body)
{
    bool startWorker = false;
    qsizetype index = 0;
    {
        std::lock_guard lock(d->mutex);
        index = qsizetype(d->jobs.size());
        auto &job = d->jobs.emplace_back();
        job.label = label;
        ++d->counts.spawned;
        if (d->source.isCancelled()) {
            job.state = TaskState::Cancelled;
            ++d->counts.cancelled;
            return index;
        }
        job.body = std::move(body);
        d->queue.push_back(&job);
        ++d->counts.pending;
        // Start a worker when all running ones are busy and the bound allows one more.
        const qsizetype idleWorkers = d->workers - d->counts.running;
        if (d->workers - d->lent < d->maxParallel && idleWorkers < d->counts.pending) {
            ++d->workers;
            startWorker = true;
        }
    }
    if (startWorker)
        startDrain(d);
    return index;
}

void TaskGroupBase::lendSlotWhile(const std::function<void()> &blocking)
{
    detail::TaskGroupCore *const core = detail::currentTaskCore;
    bool lending = false;
    bool startWorker = false;
    if (core) {
        std::lock_guard lock(core->mutex);
        // At most maxParallel tasks wait at once: each holds a thread and its data. A task back
        // from an earlier lend is still counted and lends again without a new count.
        lending = detail::returnedLends > 0 || core->lent < core->maxParallel;
        if (lending) {
            if (detail::returnedLends > 0)
                --detail::returnedLends;
            else
                ++core->lent;
            if (!core->queue.empty() && core->workers - core->lent < core->maxParallel) {
                ++core->workers;
                startWorker = true;
            }
        }
    }
    if (!lending) {
        blocking();
        return;
    }
    core->pool->releaseThread(); // the pool's own bound would hold the new worker back
    if (startWorker)
        startDrain(core->shared_from_this());
    struct Return
    {
        detail::TaskGroupCore *core;
        ~Return()
        {
            core->pool->reserveThread();
            // The task's slot stays lent until the task ends (see returnedLends).
            ++detail::returnedLends;
        }
    } giveBack{core};
    blocking();
}

void TaskGroupBase::cancel(const QString &reason)
{
    d->source.cancel(reason);
}

bool TaskGroupBase::cancelTask(qsizetype index)
{
    std::optional<CancellationSource> running;
    std::vector<QFutureInterface<void>> waiters;
    {
        std::lock_guard lock(d->mutex);
        if (index < 0 || index >= qsizetype(d->jobs.size()))
            return false;
        auto &job = d->jobs[size_t(index)];
        if (job.state == TaskState::Pending) {
            std::erase(d->queue, &job);
            job.state = TaskState::Cancelled;
            job.body = nullptr;
            --d->counts.pending;
            ++d->counts.cancelled;
            waiters = d->takeIdleWaitersLocked();
        } else if (job.state == TaskState::Running) {
            if (job.source)
                running = job.source;
            else
                job.cancelRequested = true; // it is starting: the worker cancels it on publishing
        } else {
            return false;
        }
    }
    detail::TaskGroupCore::wake(waiters);
    if (running)
        running->cancel(QStringLiteral("cancelled"));
    return true;
}

CancellationToken TaskGroupBase::token() const
{
    return d->source.token();
}

bool TaskGroupBase::isCancelled() const
{
    return d->source.isCancelled();
}

int TaskGroupBase::maxParallel() const
{
    return d->maxParallel;
}

QString TaskGroupBase::name() const
{
    return d->name;
}

TaskState TaskGroupBase::state(qsizetype index) const
{
    std::lock_guard lock(d->mutex);
    return d->jobs.at(size_t(index)).state;
}

QString TaskGroupBase::label(qsizetype index) const
{
    std::lock_guard lock(d->mutex);
    return d->jobs.at(size_t(index)).label;
}

TaskGroupCounts TaskGroupBase::counts() const
{
    std::lock_guard lock(d->mutex);
    TaskGroupCounts counts = d->counts;
    counts.waiting = d->lent;
    return counts;
}

QCoro::Task<> TaskGroupBase::waitAll() const
{
    QFuture<void> idle;
    {
        std::lock_guard lock(d->mutex);
        QFutureInterface<void> waiter;
        waiter.reportStarted();
        if (d->idleLocked())
            waiter.reportFinished();
        else
            d->idleWaiters.push_back(waiter);
        idle = waiter.future();
    }
    // Keep the core alive while suspended, in case the group object goes first.
    auto keepAlive = d;
    co_await idle;
}

void TaskGroupBase::waitBlocking() const
{
    std::unique_lock lock(d->mutex);
    d->waitUntil(lock, [this] { return d->idleLocked(); });
}

void TaskGroupBase::throwIfFailed() const
{
    std::lock_guard lock(d->mutex);
    if (d->failed)
        throw TaskFailedError(d->failedLabel, d->failedReason, d->failedCause);
    if (d->source.isCancelled())
        throw CancelledError(QStringLiteral("%1 cancelled: %2").arg(d->name, d->source.token().reason()));
    if (d->counts.cancelled > 0)
        throw CancelledError(QStringLiteral("%1: %2 task(s) cancelled").arg(d->name).arg(d->counts.cancelled));
}

} // namespace gw
