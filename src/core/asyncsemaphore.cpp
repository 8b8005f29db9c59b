#include "asyncsemaphore.h"

#include "errors.h"

#include <QCoroFuture>
#include <QFuture>
#include <QFutureInterface>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>

namespace gw::detail {

struct SemaphoreWaiter
{
    bool granted = false;
    bool cancelled = false;
    bool blocking = false;
    QFutureInterface<void> wake; // async waiters only
};

struct AsyncSemaphoreState
{
    mutable std::mutex mutex;
    std::condition_variable blockingWake;
    int available = 0;
    std::deque<std::shared_ptr<SemaphoreWaiter>> queue;

    // Called with the lock held. Returns true when the waiter was still queued.
    bool withdrawLocked(const std::shared_ptr<SemaphoreWaiter> &waiter)
    {
        if (waiter->granted || waiter->cancelled)
            return false;
        waiter->cancelled = true;
        std::erase(queue, waiter);
        return true;
    }
};

} // namespace gw::detail

namespace gw {

using detail::SemaphoreWaiter;

AsyncSemaphore::AsyncSemaphore(int permits) : d(std::make_shared<detail::AsyncSemaphoreState>())
{
    d->available = std::max(0, permits);
}

AsyncSemaphore::~AsyncSemaphore() = default;

QCoro::Task<> AsyncSemaphore::acquire(CancellationToken token)
{
    token.throwIfCancelled();
    auto waiter = std::make_shared<SemaphoreWaiter>();
    {
        std::lock_guard lock(d->mutex);
        if (d->available > 0 && d->queue.empty()) {
            --d->available;
            co_return;
        }
        waiter->wake.reportStarted();
        d->queue.push_back(waiter);
    }
    std::weak_ptr<detail::AsyncSemaphoreState> weakState = d;
    const auto hook = token.onCancel([weakState, waiter] {
        auto state = weakState.lock();
        if (!state)
            return;
        bool withdrawn = false;
        {
            std::lock_guard lock(state->mutex);
            withdrawn = state->withdrawLocked(waiter);
        }
        if (withdrawn)
            waiter->wake.reportFinished();
    });
    QFuture<void> woken = waiter->wake.future();
    co_await woken;
    token.removeCallback(hook);
    bool cancelled = false;
    {
        std::lock_guard lock(d->mutex); // pairs with the granting thread's lock (also for TSan)
        cancelled = waiter->cancelled;
    }
    if (cancelled)
        throw CancelledError(token.reason());
}

void AsyncSemaphore::acquireBlocking(const CancellationToken &token)
{
    token.throwIfCancelled();
    auto waiter = std::make_shared<SemaphoreWaiter>();
    waiter->blocking = true;
    std::unique_lock lock(d->mutex);
    if (d->available > 0 && d->queue.empty()) {
        --d->available;
        return;
    }
    d->queue.push_back(waiter);
    lock.unlock();
    std::weak_ptr<detail::AsyncSemaphoreState> weakState = d;
    bool cancelled = false;
    {
        CancellationCallback hook(token, [weakState, waiter] {
            if (auto state = weakState.lock()) {
                std::lock_guard innerLock(state->mutex);
                state->withdrawLocked(waiter);
                state->blockingWake.notify_all();
            }
        });
        // Declared after the hook so it is unlocked before the hook goes: removing a hook that
        // the cancelling thread is running waits for it, and it needs this mutex.
        std::unique_lock relock(d->mutex);
        d->blockingWake.wait(relock, [&] { return waiter->granted || waiter->cancelled; });
        cancelled = waiter->cancelled;
    }
    if (cancelled)
        throw CancelledError(token.reason());
}

bool AsyncSemaphore::tryAcquire()
{
    std::lock_guard lock(d->mutex);
    if (d->available > 0 && d->queue.empty()) {
        --d->available;
        return true;
    }
    return false;
}

void AsyncSemaphore::release(int permits)
{
    std::vector<std::shared_ptr<SemaphoreWaiter>> toWake;
    bool wakeBlocking = false;
    {
        std::lock_guard lock(d->mutex);
        for (int i = 0; i < permits; ++i) {
            if (d->queue.empty()) {
                ++d->available;
                continue;
            }
            auto waiter = d->queue.front();
            d->queue.pop_front();
            waiter->granted = true; // the permit passes straight to the oldest waiter
            if (waiter->blocking)
                wakeBlocking = true;
            else
                toWake.push_back(std::move(waiter));
        }
        if (wakeBlocking)
            d->blockingWake.notify_all();
    }
    for (auto &waiter : toWake)
        waiter->wake.reportFinished();
}

int AsyncSemaphore::available() const
{
    std::lock_guard lock(d->mutex);
    return d->available;
}

int AsyncSemaphore::waiting() const
{
    std::lock_guard lock(d->mutex);
    return int(d->queue.size());
}

} // namespace gw
