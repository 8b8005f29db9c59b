#pragma once

#include "cancellation.h"

#include <QCoroTask>

#include <memory>

namespace gw {

namespace detail {
struct AsyncSemaphoreState;
}

// A counting semaphore that coroutines await without blocking their thread. Waiters are served
// strictly first come, first served: a release hands the permit to the oldest waiter, so a stream
// of newcomers cannot starve it. Worker threads without an event loop use acquireBlocking().
class AsyncSemaphore
{
public:
    explicit AsyncSemaphore(int permits);
    ~AsyncSemaphore();
    AsyncSemaphore(const AsyncSemaphore &) = delete;
    AsyncSemaphore &operator=(const AsyncSemaphore &) = delete;

    // Resumes on the awaiting coroutine's thread once a permit is ours. Throws CancelledError
    // (holding no permit) when the token is cancelled first.
    QCoro::Task<> acquire(CancellationToken token = {});
    // The same for threads without an event loop; blocks the calling thread.
    void acquireBlocking(const CancellationToken &token = {});
    // Takes a permit only when one is free and nobody is queued (no barging past waiters).
    bool tryAcquire();
    void release(int permits = 1);

    int available() const;
    int waiting() const;

private:
    std::shared_ptr<detail::AsyncSemaphoreState> d;
};

} // namespace gw
