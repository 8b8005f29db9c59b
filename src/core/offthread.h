#pragma once
// The one way to run a single function off the calling thread (the GUI thread, a coroutine's
// thread) and await it without blocking that thread's event loop.
//
//   auto read = [store](const gw::CancellationToken &t) { return readGraph(*store, t); };
//   const Snapshot snapshot = co_await gw::runOffThread(tr("load the graph"), token, read);
//   auto write = [path] { writeFile(path); return true; };
//   gw::JobResult<bool> written = co_await gw::tryOffThread(tr("export"), token, write);
//
// Name the lambda before the co_await: g++ 12 mishandles captures of a lambda written inside a
// co_await expression (docs/toolchain-traps.md).
//
// Underneath it is a TaskGroup of one task on the global pool, so it inherits the group's
// guarantees: cancellation through the token (the function polls it), no task outliving its
// awaiter (the coroutine completes only after the function has returned, also when cancelled),
// ThreadSanitizer-visible hand-offs.
//
// One failure type: runOffThread throws CancelledError when the token was cancelled, and the
// function's own gw::Error (or a gw::Error carrying any other exception's text) when it failed;
// never TaskFailedError. tryOffThread never throws: it reports how the work ended.
#include "cancellation.h"
#include "errors.h"

#include <QCoroTask>
#include <QString>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>

namespace gw {

// How a job ended, for callers that show each ending differently.
enum class JobEnd {
    Finished,   // `value` holds the result
    Failed,     // `error` says why, for a person
    Cancelled,  // its token was cancelled
    Superseded, // a newer request of the same kind made it stale (LatestOnly); nothing to show
};

template<typename R>
struct JobResult
{
    JobEnd end = JobEnd::Cancelled;
    std::optional<R> value;
    QString error;

    bool finished() const { return end == JobEnd::Finished; }
};

namespace detail {
// Runs body(token) on the global pool as a task group of one and completes when it has ended.
// Throws CancelledError or the body's gw::Error (see above).
QCoro::Task<> runBodyOffThread(QString name, CancellationToken token,
                               std::function<void(const CancellationToken &)> body);

template<typename F>
decltype(auto) invokeWithToken(F &fn, const CancellationToken &token)
{
    if constexpr (std::is_invocable_v<F &, const CancellationToken &>)
        return fn(token);
    else
        return fn();
}

template<typename F>
using OffThreadResult =
    std::decay_t<decltype(invokeWithToken(std::declval<F &>(), std::declval<const CancellationToken &>()))>;
} // namespace detail

// Runs fn(token) (or fn()) on a pool thread; completes with its result. `fn` must be copyable:
// it is copied into the task before anything is awaited (see docs/toolchain-traps.md).
template<typename F>
QCoro::Task<detail::OffThreadResult<F>> runOffThread(QString name, CancellationToken token, F fn)
{
    using R = detail::OffThreadResult<F>;
    if constexpr (std::is_void_v<R>) {
        std::function<void(const CancellationToken &)> body = [fn](const CancellationToken &t) mutable {
            detail::invokeWithToken(fn, t);
        };
        co_await detail::runBodyOffThread(name, token, body);
    } else {
        // Written by the worker, read here once it has ended; the mutex makes the hand-over
        // visible to ThreadSanitizer too.
        struct Slot
        {
            std::mutex mutex;
            std::optional<R> value;
        };
        auto slot = std::make_shared<Slot>();
        std::function<void(const CancellationToken &)> body = [fn, slot](const CancellationToken &t) mutable {
            R value = detail::invokeWithToken(fn, t);
            const std::lock_guard lock(slot->mutex);
            slot->value.emplace(std::move(value));
        };
        co_await detail::runBodyOffThread(name, token, body);
        const std::lock_guard lock(slot->mutex);
        co_return std::move(*slot->value);
    }
}

// runOffThread without exceptions: how the work ended, its value or the reason it failed.
template<typename F>
QCoro::Task<JobResult<detail::OffThreadResult<F>>> tryOffThread(QString name, CancellationToken token, F fn)
{
    using R = detail::OffThreadResult<F>;
    static_assert(!std::is_void_v<R>, "tryOffThread needs a result: return true from a void job");
    JobResult<R> result;
    try {
        result.value = co_await runOffThread(name, token, fn);
        result.end = JobEnd::Finished;
    } catch (const CancelledError &) {
        result.end = JobEnd::Cancelled;
    } catch (const Error &error) {
        result.end = JobEnd::Failed;
        result.error = error.message();
    }
    co_return result;
}

} // namespace gw
