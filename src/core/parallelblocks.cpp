#include "parallelblocks.h"

#include "threadsanitizer.h"

#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>

namespace gw {

namespace {

// Address used to tell ThreadSanitizer about the pool hand-off (see threadsanitizer.h).
char helperHandOff = 0;

struct BlockRun
{
    const std::function<void(int)> *work = nullptr; // valid while `closed` is false or running > 0
    CancellationToken token;
    int blockCount = 0;
    std::atomic<int> next{0};
    std::mutex mutex;
    std::condition_variable idle;
    int running = 0;
    bool closed = false;
    std::exception_ptr error;

    void drain()
    {
        for (;;) {
            const int block = next.fetch_add(1, std::memory_order_relaxed);
            if (block >= blockCount)
                return;
            if (token.isCancelled()) {
                next.store(blockCount, std::memory_order_relaxed);
                return;
            }
            try {
                (*work)(block);
            } catch (...) {
                next.store(blockCount, std::memory_order_relaxed);
                const std::lock_guard lock(mutex);
                if (!error)
                    error = std::current_exception();
                return;
            }
        }
    }
};

} // namespace

void runParallelBlocks(int blockCount, const std::function<void(int)> &work, const CancellationToken &token)
{
    token.throwIfCancelled();
    if (blockCount <= 0)
        return;
    auto run = std::make_shared<BlockRun>();
    run->work = &work;
    run->token = token;
    run->blockCount = blockCount;

    QThreadPool *pool = QThreadPool::globalInstance();
    const int helpers = std::min(blockCount, std::max(1, pool->maxThreadCount())) - 1;
    for (int i = 0; i < helpers; ++i) {
        // The runnable is built before the hand-off is announced, and the worker acquires on a
        // static key before it reads its capture (reading `run` to find the key would race).
        std::function<void()> helper = [run] {
            GW_TSAN_ACQUIRE(&helperHandOff);
            {
                const std::lock_guard lock(run->mutex);
                if (run->closed)
                    return; // started after the caller finished: `work` may be gone
                ++run->running;
            }
            run->drain();
            const std::lock_guard lock(run->mutex);
            if (--run->running == 0)
                run->idle.notify_all();
        };
        GW_TSAN_RELEASE(&helperHandOff);
        pool->start(std::move(helper));
    }
    run->drain();
    std::unique_lock lock(run->mutex);
    run->closed = true;
    run->idle.wait(lock, [&run] { return run->running == 0; });
    if (run->error)
        std::rethrow_exception(run->error);
    lock.unlock();
    token.throwIfCancelled();
}

} // namespace gw
