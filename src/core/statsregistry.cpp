#include "statsregistry.h"

#include "clock.h"

#include <QJsonArray>

namespace gw {

namespace {
constexpr auto relaxed = std::memory_order_relaxed;

template<typename T>
T &findOrCreate(std::map<QString, std::unique_ptr<T>> &items, const QString &name)
{
    auto it = items.find(name);
    if (it == items.end())
        it = items.emplace(name, std::make_unique<T>()).first;
    return *it->second;
}
} // namespace

void Gauge::set(qint64 value) noexcept
{
    m_value.store(value, relaxed);
    raiseHighWater(value);
}

void Gauge::add(qint64 delta) noexcept
{
    raiseHighWater(m_value.fetch_add(delta, relaxed) + delta);
}

void Gauge::reset() noexcept
{
    m_highWater.store(m_value.load(relaxed), relaxed);
}

void Gauge::raiseHighWater(qint64 value) noexcept
{
    qint64 seen = m_highWater.load(relaxed);
    while (value > seen && !m_highWater.compare_exchange_weak(seen, value, relaxed)) {}
}

StatsRegistry::StatsRegistry(Clock *clock) : m_clock(clock ? clock : SteadyClock::instance()) {}

StatsRegistry::~StatsRegistry() = default;

StageStats &StatsRegistry::stage(const QString &name)
{
    std::lock_guard lock(m_mutex);
    auto it = m_stages.find(name);
    if (it == m_stages.end()) {
        it = m_stages.emplace(name, std::make_unique<StageStats>(name)).first;
        m_stageOrder.push_back(it->second.get());
    }
    return *it->second;
}

Counter &StatsRegistry::counter(const QString &name)
{
    std::lock_guard lock(m_mutex);
    return findOrCreate(m_counters, name);
}

Gauge &StatsRegistry::gauge(const QString &name)
{
    std::lock_guard lock(m_mutex);
    return findOrCreate(m_gauges, name);
}

StatsSnapshot StatsRegistry::snapshot() const
{
    StatsSnapshot s;
    s.takenAtUtc = QDateTime::currentDateTimeUtc();
    s.takenAtMs = m_clock->nowMs();

    // The lock only guards the maps; the values themselves are atomics read as they are.
    std::lock_guard lock(m_mutex);
    s.stages.reserve(qsizetype(m_stageOrder.size()));
    for (const StageStats *stage : m_stageOrder)
        s.stages.append(stage->snapshot());
    for (const auto &[name, counter] : m_counters)
        s.counters.insert(name, counter->value());
    for (const auto &[name, gauge] : m_gauges)
        s.gauges.insert(name, GaugeSnapshot{gauge->value(), gauge->highWater()});
    return s;
}

void StatsRegistry::reset()
{
    std::lock_guard lock(m_mutex);
    for (const auto &[name, stage] : m_stages)
        stage->reset();
    for (const auto &[name, counter] : m_counters)
        counter->reset();
    for (const auto &[name, gauge] : m_gauges)
        gauge->reset();
}

QJsonObject toJson(const StatsSnapshot &snapshot)
{
    QJsonArray stages;
    for (const StageSnapshot &stage : snapshot.stages)
        stages.append(toJson(stage));

    QJsonObject counters;
    for (auto it = snapshot.counters.cbegin(); it != snapshot.counters.cend(); ++it)
        counters.insert(it.key(), it.value());

    QJsonObject gauges;
    for (auto it = snapshot.gauges.cbegin(); it != snapshot.gauges.cend(); ++it) {
        gauges.insert(it.key(),
                      QJsonObject{{QStringLiteral("value"), it.value().value},
                                  {QStringLiteral("highWater"), it.value().highWater}});
    }

    return QJsonObject{
        {QStringLiteral("takenAt"), snapshot.takenAtUtc.toString(Qt::ISODateWithMs)},
        {QStringLiteral("takenAtMs"), snapshot.takenAtMs},
        {QStringLiteral("stages"), stages},
        {QStringLiteral("counters"), counters},
        {QStringLiteral("gauges"), gauges},
    };
}

} // namespace gw
