#pragma once

#include "asyncsemaphore.h"
#include "clock.h"
#include "errors.h"

#include <QCoroTask>
#include <QString>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace gw {

// A number unique to the calling thread for the life of the process. Unlike std::thread::id it is
// never reused by a later thread, so a thread-affine resource never goes to a stranger.
quint64 currentThreadSerial();

struct ResourcePoolStats
{
    QString name;
    int maxSize = 0;
    qint64 created = 0;
    qint64 destroyed = 0; // shrunk, evicted or discarded
    qint64 discarded = 0; // failed validation on return, or discarded by the holder
    int inUse = 0;
    int idle = 0;
    int waiting = 0;
    qint64 acquisitions = 0;
    qint64 totalWaitUs = 0;
    qint64 maxWaitUs = 0;
    double meanWaitMs() const { return acquisitions ? double(totalWaitUs) / acquisitions / 1000.0 : 0.0; }
};

// A bounded pool of things that are expensive to make or not thread-safe (database connections,
// network clients). acquire() waits, without blocking the event loop, until one of at most
// maxSize resources is free; the Lease gives it back on scope exit, also when an exception
// unwinds. Resources that fail validation on return are dropped; idle ones are shrunk after
// idleTimeoutMs. With threadAffine, a resource is only handed to the thread that created it (Qt
// SQL connections must stay on their thread); the bound still counts all of them.
template<typename T>
class ResourcePool
{
public:
    struct Options
    {
        int maxSize = 4;
        std::function<std::unique_ptr<T>()> factory; // may throw; the permit is given back
        std::function<bool(T &)> validate;           // on return; false = broken, drop it
        qint64 idleTimeoutMs = 60'000;
        bool threadAffine = false;
        QString name;
        Clock *clock = nullptr; // for idle times; steady clock when null
    };

private:
    struct Idle
    {
        std::unique_ptr<T> resource;
        qint64 lastUsedMs = 0;
        quint64 owner = 0;
    };

    struct State
    {
        Options options;
        AsyncSemaphore permits;
        mutable std::mutex mutex;
        std::vector<Idle> idle; // most recently returned last
        ResourcePoolStats stats;
        std::atomic<int> waiting{0};

        explicit State(Options o) : options(std::move(o)), permits(options.maxSize) {}
        Clock *clock() const { return options.clock ? options.clock : SteadyClock::instance(); }
    };

public:
    // Holds one resource; gives it back when destroyed. Move-only.
    class Lease
    {
    public:
        Lease() = default;
        Lease(Lease &&other) noexcept = default;
        Lease &operator=(Lease &&other) noexcept
        {
            if (this != &other) {
                giveBack();
                m_state = std::move(other.m_state);
                m_resource = std::move(other.m_resource);
                m_owner = other.m_owner;
                m_discard = other.m_discard;
            }
            return *this;
        }
        ~Lease() { giveBack(); }

        T *get() const { return m_resource.get(); }
        T *operator->() const { return m_resource.get(); }
        T &operator*() const { return *m_resource; }
        explicit operator bool() const { return bool(m_resource); }
        // The resource is broken: destroy it on return instead of reusing it.
        void discard() { m_discard = true; }

    private:
        friend class ResourcePool;
        Lease(std::shared_ptr<State> state, std::unique_ptr<T> resource, quint64 owner)
            : m_state(std::move(state)), m_resource(std::move(resource)), m_owner(owner)
        {}

        void giveBack()
        {
            if (!m_state)
                return;
            auto state = std::move(m_state);
            std::unique_ptr<T> broken;
            bool keep = m_resource && !m_discard;
            if (keep && state->options.validate) {
                try {
                    keep = state->options.validate(*m_resource);
                } catch (...) {
                    keep = false;
                }
            }
            {
                std::lock_guard lock(state->mutex);
                --state->stats.inUse;
                if (keep) {
                    state->idle.push_back({std::move(m_resource), state->clock()->nowMs(), m_owner});
                } else if (m_resource) {
                    ++state->stats.discarded;
                    ++state->stats.destroyed;
                    broken = std::move(m_resource);
                }
            }
            broken.reset(); // destroyed outside the lock: may be slow (closing a connection)
            state->permits.release();
        }

        std::shared_ptr<State> m_state;
        std::unique_ptr<T> m_resource;
        quint64 m_owner = 0;
        bool m_discard = false;
    };

    explicit ResourcePool(Options options) : m_state(std::make_shared<State>(std::move(options)))
    {
        m_state->options.maxSize = std::max(1, m_state->options.maxSize);
        m_state->stats.name = m_state->options.name;
        m_state->stats.maxSize = m_state->options.maxSize;
    }

    // Awaitable; resumes on the calling coroutine's thread. Throws CancelledError when the token
    // is cancelled while waiting, and whatever the factory throws.
    QCoro::Task<Lease> acquire(CancellationToken token = {})
    {
        const auto started = std::chrono::steady_clock::now();
        m_state->waiting.fetch_add(1);
        try {
            co_await m_state->permits.acquire(token);
        } catch (...) {
            m_state->waiting.fetch_sub(1);
            throw;
        }
        m_state->waiting.fetch_sub(1);
        co_return takeOrCreate(started);
    }

    // For worker threads without an event loop.
    Lease acquireBlocking(const CancellationToken &token = {})
    {
        const auto started = std::chrono::steady_clock::now();
        m_state->waiting.fetch_add(1);
        try {
            m_state->permits.acquireBlocking(token);
        } catch (...) {
            m_state->waiting.fetch_sub(1);
            throw;
        }
        m_state->waiting.fetch_sub(1);
        return takeOrCreate(started);
    }

    // Destroys idle resources unused for idleTimeoutMs. Returns how many.
    int shrinkIdle()
    {
        std::vector<std::unique_ptr<T>> expired;
        {
            std::lock_guard lock(m_state->mutex);
            const qint64 now = m_state->clock()->nowMs();
            auto &idle = m_state->idle;
            for (auto it = idle.begin(); it != idle.end();) {
                if (now - it->lastUsedMs >= m_state->options.idleTimeoutMs) {
                    expired.push_back(std::move(it->resource));
                    it = idle.erase(it);
                } else {
                    ++it;
                }
            }
            m_state->stats.destroyed += qint64(expired.size());
        }
        return int(expired.size());
    }

    ResourcePoolStats stats() const
    {
        std::lock_guard lock(m_state->mutex);
        ResourcePoolStats out = m_state->stats;
        out.idle = int(m_state->idle.size());
        out.waiting = m_state->waiting.load();
        return out;
    }

private:
    Lease takeOrCreate(std::chrono::steady_clock::time_point started)
    {
        const quint64 owner = currentThreadSerial();
        std::unique_ptr<T> resource;
        std::unique_ptr<T> evicted;
        {
            std::lock_guard lock(m_state->mutex);
            auto &idle = m_state->idle;
            // Most recently used first: it is the most likely to be warm.
            for (auto it = idle.rbegin(); it != idle.rend(); ++it) {
                if (!m_state->options.threadAffine || it->owner == owner) {
                    resource = std::move(it->resource);
                    idle.erase(std::next(it).base());
                    break;
                }
            }
            // We hold a permit, so others use at most maxSize - 1; count what exists besides.
            const qint64 alive = m_state->stats.inUse + qint64(idle.size());
            if (!resource && !idle.empty() && alive >= m_state->options.maxSize) {
                // At the bound with only other threads' resources idle: make room.
                evicted = std::move(idle.front().resource);
                idle.erase(idle.begin());
                ++m_state->stats.destroyed;
            }
            const qint64 waitedUs =
                std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started)
                    .count();
            ++m_state->stats.acquisitions;
            m_state->stats.totalWaitUs += waitedUs;
            m_state->stats.maxWaitUs = std::max(m_state->stats.maxWaitUs, waitedUs);
            ++m_state->stats.inUse;
        }
        evicted.reset();
        if (!resource) {
            try {
                resource = m_state->options.factory();
                if (!resource)
                    throw Error(QStringLiteral("%1: the factory made no resource").arg(m_state->options.name));
            } catch (...) {
                {
                    std::lock_guard lock(m_state->mutex);
                    --m_state->stats.inUse;
                }
                m_state->permits.release();
                throw;
            }
            std::lock_guard lock(m_state->mutex);
            ++m_state->stats.created;
        }
        return Lease(m_state, std::move(resource), owner);
    }

    std::shared_ptr<State> m_state;
};

} // namespace gw
