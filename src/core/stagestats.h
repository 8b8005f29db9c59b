#pragma once

#include "latencyhistogram.h"

#include <QJsonObject>
#include <QString>

#include <atomic>
#include <chrono>

namespace gw {

// A point-in-time view of one stage; see StageStats for what each number means.
struct StageSnapshot
{
    QString name;
    qint64 queued = 0;
    qint64 active = 0;
    qint64 maxConcurrent = 0;
    qint64 completed = 0;
    qint64 failed = 0;
    qint64 cancelled = 0;
    LatencySnapshot latency; // completed runs only
};

// Live counters of one named pipeline stage ("parse", "extract", ...), written by every task of
// that stage with lock-free atomics and sampled by views about ten times a second.
class StageStats
{
public:
    enum class Outcome { Completed, Failed, Cancelled };

    explicit StageStats(QString name = {}) : m_name(std::move(name)) {}
    StageStats(const StageStats &) = delete;
    StageStats &operator=(const StageStats &) = delete;

    QString name() const { return m_name; }

    // A unit of work is waiting for a slot.
    void enqueued() noexcept;
    // Queued work was dropped before it started (its job was cancelled): counts as cancelled.
    void cancelledWhileQueued() noexcept;
    // Work begins: leaves the queue (if it was queued) and becomes active.
    void started() noexcept;
    // Active work ended after `micros`. Only completed runs feed the latency histogram, so quick
    // failures and cancellations do not make the stage look faster than it is.
    void finished(Outcome outcome, qint64 micros) noexcept;

    qint64 queued() const noexcept { return m_queued.load(std::memory_order_relaxed); }
    qint64 active() const noexcept { return m_active.load(std::memory_order_relaxed); }
    qint64 maxConcurrent() const noexcept { return m_maxConcurrent.load(std::memory_order_relaxed); }
    qint64 completed() const noexcept { return m_completed.load(std::memory_order_relaxed); }
    qint64 failed() const noexcept { return m_failed.load(std::memory_order_relaxed); }
    qint64 cancelled() const noexcept { return m_cancelled.load(std::memory_order_relaxed); }
    const LatencyHistogram &latency() const noexcept { return m_latency; }

    StageSnapshot snapshot() const;

    // Clears what was accumulated (outcome counts, latencies) but keeps what is live: queued and
    // active work is still there, and the high-water mark restarts from the current activity.
    void reset() noexcept;

private:
    const QString m_name;
    std::atomic<qint64> m_queued{0};
    std::atomic<qint64> m_active{0};
    std::atomic<qint64> m_maxConcurrent{0};
    std::atomic<qint64> m_completed{0};
    std::atomic<qint64> m_failed{0};
    std::atomic<qint64> m_cancelled{0};
    LatencyHistogram m_latency;
};

// Marks one run of a stage: started() on construction, finished() with the measured time on
// destruction. The outcome is Failed unless marked otherwise, so a run left by an exception
// counts as a failure without a catch block at every call site.
class StageScope
{
public:
    explicit StageScope(StageStats &stats) noexcept;
    ~StageScope();
    StageScope(const StageScope &) = delete;
    StageScope &operator=(const StageScope &) = delete;

    void markCompleted() noexcept { m_outcome = StageStats::Outcome::Completed; }
    void markCancelled() noexcept { m_outcome = StageStats::Outcome::Cancelled; }
    void markFailed() noexcept { m_outcome = StageStats::Outcome::Failed; }

    qint64 elapsedUs() const noexcept;

private:
    StageStats &m_stats;
    StageStats::Outcome m_outcome = StageStats::Outcome::Failed;
    std::chrono::steady_clock::time_point m_start;
};

QJsonObject toJson(const StageSnapshot &stage);

} // namespace gw
