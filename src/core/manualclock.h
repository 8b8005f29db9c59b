#pragma once

#include "clock.h"

#include <QList>

#include <atomic>
#include <mutex>

namespace gw {

// A clock that moves only when told to. sleep() advances it at once and remembers the delay, so
// tests check timing behaviour (backoff, recovery timeouts, idle shrink) without real waiting.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'000'000) : m_now(startMs) {}

    qint64 nowMs() const override { return m_now.load(); }
    QCoro::Task<> sleep(qint64 ms, CancellationToken token = {}) override;

    void advance(qint64 ms) { m_now.fetch_add(ms); }
    QList<qint64> sleeps() const;

private:
    std::atomic<qint64> m_now;
    mutable std::mutex m_mutex;
    QList<qint64> m_sleeps;
};

} // namespace gw
