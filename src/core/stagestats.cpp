#include "stagestats.h"

namespace gw {

namespace {
constexpr auto relaxed = std::memory_order_relaxed;

// Decrements unless already zero, so work that skipped enqueued() cannot drive the queue negative.
void decrementIfPositive(std::atomic<qint64> &value) noexcept
{
    qint64 seen = value.load(relaxed);
    while (seen > 0 && !value.compare_exchange_weak(seen, seen - 1, relaxed)) {}
}
} // namespace

void StageStats::enqueued() noexcept
{
    m_queued.fetch_add(1, relaxed);
}

void StageStats::cancelledWhileQueued() noexcept
{
    decrementIfPositive(m_queued);
    m_cancelled.fetch_add(1, relaxed);
}

void StageStats::started() noexcept
{
    decrementIfPositive(m_queued);
    const qint64 nowActive = m_active.fetch_add(1, relaxed) + 1;
    qint64 seenMax = m_maxConcurrent.load(relaxed);
    while (nowActive > seenMax && !m_maxConcurrent.compare_exchange_weak(seenMax, nowActive, relaxed)) {}
}

void StageStats::finished(Outcome outcome, qint64 micros) noexcept
{
    m_active.fetch_sub(1, relaxed);
    switch (outcome) {
    case Outcome::Completed:
        m_latency.record(micros);
        m_completed.fetch_add(1, relaxed);
        break;
    case Outcome::Failed:
        m_failed.fetch_add(1, relaxed);
        break;
    case Outcome::Cancelled:
        m_cancelled.fetch_add(1, relaxed);
        break;
    }
}

StageSnapshot StageStats::snapshot() const
{
    StageSnapshot s;
    s.name = m_name;
    s.queued = queued();
    s.active = active();
    s.maxConcurrent = maxConcurrent();
    s.completed = completed();
    s.failed = failed();
    s.cancelled = cancelled();
    s.latency = m_latency.snapshot();
    return s;
}

void StageStats::reset() noexcept
{
    m_completed.store(0, relaxed);
    m_failed.store(0, relaxed);
    m_cancelled.store(0, relaxed);
    m_maxConcurrent.store(m_active.load(relaxed), relaxed);
    m_latency.reset();
}

StageScope::StageScope(StageStats &stats) noexcept : m_stats(stats), m_start(std::chrono::steady_clock::now())
{
    m_stats.started();
}

StageScope::~StageScope()
{
    m_stats.finished(m_outcome, elapsedUs());
}

qint64 StageScope::elapsedUs() const noexcept
{
    using namespace std::chrono;
    return duration_cast<microseconds>(steady_clock::now() - m_start).count();
}

QJsonObject toJson(const StageSnapshot &stage)
{
    return QJsonObject{
        {QStringLiteral("name"), stage.name},           {QStringLiteral("queued"), stage.queued},
        {QStringLiteral("active"), stage.active},       {QStringLiteral("maxConcurrent"), stage.maxConcurrent},
        {QStringLiteral("completed"), stage.completed}, {QStringLiteral("failed"), stage.failed},
        {QStringLiteral("cancelled"), stage.cancelled}, {QStringLiteral("latency"), toJson(stage.latency)},
    };
}

} // namespace gw
