#pragma once

#include "cancellation.h"
#include "errors.h"

#include <QCoroTask>
#include <QList>
#include <QString>

#include <concepts>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>

class QThreadPool;

namespace gw {

enum class TaskState { Pending, Running, Succeeded, Failed, Cancelled };

struct TaskGroupOptions
{
    int maxParallel = 0;         // tasks running at once; 0 = QThread::idealThreadCount()
    QThreadPool *pool = nullptr; // nullptr = the pool of the task creating the group, else the global one
    CancellationToken parent;    // cancelling the parent cancels this group (groups nest)
    QString name;                // used in error messages
};

// Outcome counts of a group, for progress and statistics.
struct TaskGroupCounts
{
    qsizetype spawned = 0;
    qsizetype pending = 0;
    qsizetype running = 0;
    qsizetype waiting = 0; // of the running: lending their slot (TaskGroupBase::lendSlotWhile)
    qsizetype succeeded = 0;
    qsizetype failed = 0;
    qsizetype cancelled = 0;
    int peakRunning = 0; // high-water mark of tasks running at once (not counting waiting ones)
};

namespace detail {
struct TaskGroupCore;
}

// Structured concurrency over a QThreadPool, without the result type (see TaskGroup<R>).
//
// - spawn() queues a task; at most maxParallel run at once (the queue is the group's own, so a
//   cancel drops pending tasks at once instead of waiting for the pool to reach them).
// - Each task receives a CancellationToken: the group's, refined per task so one task can be
//   cancelled alone. Tasks poll it between small units of work.
// - The first failure cancels the siblings; waitAll()/join() then rethrow it as TaskFailedError,
//   labelled with the failing task.
// - Destroying the group cancels it and waits, so no task outlives its group.
class TaskGroupBase
{
public:
    explicit TaskGroupBase(TaskGroupOptions options = {});
    virtual ~TaskGroupBase();
    TaskGroupBase(const TaskGroupBase &) = delete;
    TaskGroupBase &operator=(const TaskGroupBase &) = delete;

    // Cancels every task: pending ones never start, running ones see their token cancelled.
    void cancel(const QString &reason = QStringLiteral("cancelled"));
    // Cancels one task; its siblings go on. Returns false when it had already finished.
    bool cancelTask(qsizetype index);

    CancellationToken token() const;
    bool isCancelled() const;
    int maxParallel() const;
    QString name() const;
    TaskState state(qsizetype index) const;
    QString label(qsizetype index) const;
    TaskGroupCounts counts() const;

    // Completes when no task is pending or running; never blocks the calling thread's event loop.
    // Does not throw: call throwIfFailed() afterwards, or use TaskGroup<R>::join().
    QCoro::Task<> waitAll() const;
    // Blocks the calling thread until no task is pending or running. For worker threads (a task
    // running a nested group) and non-GUI tools; a pool thread lends its slot while it waits.
    void waitBlocking() const;
    // Runs `blocking` (a wait on another thread or on I/O, not CPU work) from inside a task while
    // lending that task's slot to its group: a pending task may start meanwhile, so the group's
    // bound keeps counting only tasks that compute. At most maxParallel tasks lend at once (each
    // still holds a thread); beyond that, or outside a task, `blocking` just runs. Its slot stays
    // lent until the task ends, so what follows the wait should be bookkeeping, not work.
    static void lendSlotWhile(const std::function<void()> &blocking);
    // Throws the first failure as TaskFailedError, else CancelledError when the group or any task
    // was cancelled. Call once idle.
    void throwIfFailed() const;

protected:
    using Body = std::function<void(const CancellationToken &)>;
    qsizetype enqueue(const QString &label, Body body);
    // Cancels and waits until no worker of this group runs any more. Idempotent.
    void shutdown();

private:
    std::shared_ptr<detail::TaskGroupCore> d;
};

// A task group whose tasks return R (or void). Results come back in spawn order.
//
//   gw::TaskGroup<int> group({.maxParallel = 4});
//   for (const auto &path : paths)
//       group.spawn(path, [path](const gw::CancellationToken &token) { return count(path, token); });
//   const QList<int> counts = co_await group.join();
template<typename R = void>
class TaskGroup final : public TaskGroupBase
{
public:
    using JoinResult = std::conditional_t<std::is_void_v<R>, void, QList<R>>;
    using TaskGroupBase::TaskGroupBase;
    // Running tasks write into m_results: stop them before the results go away.
    ~TaskGroup() override { shutdown(); }

    // fn is callable as fn(const CancellationToken &) or fn(), returning R. Returns the task's
    // index. May be called from any thread, also from inside a task of this group.
    template<typename F>
    qsizetype spawn(const QString &label, F &&fn)
    {
        if constexpr (std::is_void_v<R>) {
            return enqueue(label,
                           [fn = std::forward<F>(fn)](const CancellationToken &token) mutable { invoke(fn, token); });
        } else {
            std::optional<R> *slot = nullptr;
            {
                std::lock_guard lock(m_resultsMutex);
                slot = &m_results.emplace_back(); // deque: the slot's address stays valid
            }
            return enqueue(label, [slot, fn = std::forward<F>(fn)](const CancellationToken &token) mutable {
                *slot = invoke(fn, token);
            });
        }
    }

    // Awaits every task. Returns the results in spawn order; throws TaskFailedError for the first
    // failure, or CancelledError when anything was cancelled.
    QCoro::Task<JoinResult> join()
    {
        co_await waitAll();
        throwIfFailed();
        if constexpr (std::is_void_v<R>) {
            co_return;
        } else {
            co_return collect();
        }
    }

    // The blocking twin of join(), for worker threads.
    JoinResult joinBlocking()
    {
        waitBlocking();
        throwIfFailed();
        if constexpr (!std::is_void_v<R>)
            return collect();
    }

    // Whatever finished, in spawn order: empty for tasks that failed or were cancelled. For
    // keeping finished work after a cancel. Call once idle.
    // clang-format 14 would split "const" off a member function after a requires clause.
    // clang-format off
    template<typename T = R>
        requires(!std::is_void_v<T>)
    QList<std::optional<T>> partialResults() const
    // clang-format on
    {
        std::lock_guard lock(m_resultsMutex);
        return QList<std::optional<T>>(m_results.begin(), m_results.end());
    }

private:
    template<typename F>
    static decltype(auto) invoke(F &fn, const CancellationToken &token)
    {
        if constexpr (std::is_invocable_v<F &, const CancellationToken &>)
            return fn(token);
        else
            return fn();
    }

    template<typename T = R>
        requires(!std::is_void_v<T>)
    QList<T> collect()
    {
        std::lock_guard lock(m_resultsMutex);
        QList<T> out;
        out.reserve(qsizetype(m_results.size()));
        for (const auto &slot : m_results)
            out.append(*slot);
        return out;
    }

    struct Empty
    {};
    mutable std::mutex m_resultsMutex;
    std::deque<std::optional<std::conditional_t<std::is_void_v<R>, Empty, R>>> m_results;
};

} // namespace gw
