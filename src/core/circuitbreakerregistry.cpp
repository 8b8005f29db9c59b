#include "circuitbreakerregistry.h"

#include <QStringList>

namespace gw {

namespace {

QString secondsText(qint64 ms)
{
    return QStringLiteral("%1 s").arg(ms / 1000);
}

} // namespace

CircuitBreakerRegistry::CircuitBreakerRegistry(QObject *parent) : QObject(parent) {}

// Out of line: the breakers are destroyed here, while the registry is still whole.
CircuitBreakerRegistry::~CircuitBreakerRegistry() = default;

CircuitBreaker *CircuitBreakerRegistry::create(const QString &name, const CircuitBreakerSettings &settings,
                                               Clock *clock)
{
    CircuitBreaker *breaker = nullptr;
    {
        std::lock_guard lock(m_mutex);
        auto &slot = m_breakers[name];
        if (slot)
            return slot.get();
        // Owned by the map, not by QObject parenting: a parent cannot adopt a child from
        // another thread, and create() may run on a worker.
        slot = std::make_unique<CircuitBreaker>(name, settings, clock);
        breaker = slot.get();
        breaker->moveToThread(thread());
        // Direct: relays in the emitting thread, so the order of changes is kept; receivers of
        // anyStateChanged still get their own (queued) delivery as usual.
        connect(
            breaker, &CircuitBreaker::stateChanged, this,
            [this, name](CircuitBreaker::State from, CircuitBreaker::State to) {
                Q_EMIT anyStateChanged(name, from, to);
            },
            Qt::DirectConnection);
    }
    Q_EMIT breakerAdded(breaker);
    return breaker;
}

CircuitBreaker *CircuitBreakerRegistry::find(const QString &name) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_breakers.find(name);
    return it == m_breakers.end() ? nullptr : it->second.get();
}

QList<CircuitBreaker *> CircuitBreakerRegistry::breakers() const
{
    std::lock_guard lock(m_mutex);
    QList<CircuitBreaker *> all;
    all.reserve(qsizetype(m_breakers.size()));
    for (const auto &entry : m_breakers)
        all.append(entry.second.get());
    return all;
}

HealthCheckResult CircuitBreakerRegistry::health() const
{
    // Snapshots are taken outside the registry lock: stats() may emit stateChanged.
    QStringList open;
    QStringList halfOpen;
    const QList<CircuitBreaker *> all = breakers();
    for (CircuitBreaker *breaker : all) {
        const CircuitBreakerStats s = breaker->stats();
        if (s.state == CircuitBreaker::State::Open) {
            const qint64 openForMs = breaker->clock()->nowMs() - s.lastStateChangeMs;
            open.append(QStringLiteral("breaker '%1' open since %2 (next probe in %3): %4")
                            .arg(s.name, secondsText(openForMs), secondsText(s.msUntilProbe),
                                 s.lastError.isEmpty() ? QStringLiteral("no error recorded") : s.lastError));
        } else if (s.state == CircuitBreaker::State::HalfOpen) {
            halfOpen.append(QStringLiteral("breaker '%1' half-open, probing (last error: %2)")
                                .arg(s.name, s.lastError.isEmpty() ? QStringLiteral("none") : s.lastError));
        }
    }

    HealthCheckResult result;
    if (!open.isEmpty()) {
        result.status = HealthStatus::Failed;
        result.reason = (open + halfOpen).join(QStringLiteral("; "));
    } else if (!halfOpen.isEmpty()) {
        result.status = HealthStatus::Degraded;
        result.reason = halfOpen.join(QStringLiteral("; "));
    } else if (all.isEmpty()) {
        result.reason = QStringLiteral("no circuit breakers");
    } else {
        result.reason =
            all.size() == 1 ? QStringLiteral("1 breaker closed") : QStringLiteral("%1 breakers closed").arg(all.size());
    }
    return result;
}

} // namespace gw
