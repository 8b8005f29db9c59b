#pragma once

#include "stagestats.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace gw {

class Clock;

// A monotonically growing count ("documents ingested", "bytes read"). Lock-free.
class Counter
{
public:
    void add(qint64 n = 1) noexcept { m_value.fetch_add(n, std::memory_order_relaxed); }
    qint64 value() const noexcept { return m_value.load(std::memory_order_relaxed); }
    void reset() noexcept { m_value.store(0, std::memory_order_relaxed); }

private:
    std::atomic<qint64> m_value{0};
};

// A level that goes up and down ("open connections", "bytes buffered"), with its high-water mark.
// Lock-free.
class Gauge
{
public:
    void set(qint64 value) noexcept;
    void add(qint64 delta) noexcept;
    qint64 value() const noexcept { return m_value.load(std::memory_order_relaxed); }
    qint64 highWater() const noexcept { return m_highWater.load(std::memory_order_relaxed); }
    // Keeps the level (it is still true) and restarts the high-water mark from it.
    void reset() noexcept;

private:
    void raiseHighWater(qint64 value) noexcept;
    std::atomic<qint64> m_value{0};
    std::atomic<qint64> m_highWater{0};
};

struct GaugeSnapshot
{
    qint64 value = 0;
    qint64 highWater = 0;
};

struct StatsSnapshot
{
    QDateTime takenAtUtc;                // for people and logs
    qint64 takenAtMs = 0;                // the registry clock's monotonic time, for rates between samples
    QList<StageSnapshot> stages;         // in order of first use
    QMap<QString, qint64> counters;      // by name
    QMap<QString, GaugeSnapshot> gauges; // by name
};

// Named stages, counters and gauges of one engine. Looking a name up takes a mutex, so hot code
// looks up once and keeps the reference: references stay valid for the registry's lifetime, and
// updating through them is lock-free. Views call snapshot() at their own pace (~10 Hz).
class StatsRegistry
{
public:
    // `clock` stamps snapshots; the steady clock when null. It must outlive the registry.
    explicit StatsRegistry(Clock *clock = nullptr);
    ~StatsRegistry();
    StatsRegistry(const StatsRegistry &) = delete;
    StatsRegistry &operator=(const StatsRegistry &) = delete;

    // Each creates the item on first use.
    StageStats &stage(const QString &name);
    Counter &counter(const QString &name);
    Gauge &gauge(const QString &name);

    StatsSnapshot snapshot() const;

    // Resets every item (see StageStats::reset, Gauge::reset); items and references survive.
    void reset();

private:
    Clock *m_clock;
    mutable std::mutex m_mutex;
    std::map<QString, std::unique_ptr<StageStats>> m_stages;
    std::vector<StageStats *> m_stageOrder;
    std::map<QString, std::unique_ptr<Counter>> m_counters;
    std::map<QString, std::unique_ptr<Gauge>> m_gauges;
};

QJsonObject toJson(const StatsSnapshot &snapshot);

} // namespace gw
