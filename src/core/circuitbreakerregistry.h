#pragma once
// The named circuit breakers of a process: one per external dependency, shared by every caller
// of that dependency. Feeds the circuit-breaker panel and the health report.

#include "circuitbreaker.h"
#include "health.h"

#include <QList>
#include <QObject>
#include <QString>

#include <map>
#include <memory>
#include <mutex>

namespace gw {

class CircuitBreakerRegistry : public QObject
{
    Q_OBJECT
public:
    explicit CircuitBreakerRegistry(QObject *parent = nullptr);
    ~CircuitBreakerRegistry() override;

    // Returns the breaker called `name`, creating it with these settings when it does not exist
    // yet (an existing breaker keeps its own settings and clock). Callable from any thread; the
    // breaker lives in the registry's thread and is owned by the registry.
    CircuitBreaker *create(const QString &name, const CircuitBreakerSettings &settings = {}, Clock *clock = nullptr);
    CircuitBreaker *find(const QString &name) const; // nullptr when unknown
    QList<CircuitBreaker *> breakers() const;        // sorted by name

    // Failed while any breaker is open, Degraded while any is half-open, else Ok.
    HealthCheckResult health() const;

Q_SIGNALS:
    void breakerAdded(gw::CircuitBreaker *breaker);
    // Relayed from each breaker's stateChanged, on the thread that caused the change.
    void anyStateChanged(const QString &name, gw::CircuitBreaker::State from, gw::CircuitBreaker::State to);

private:
    mutable std::mutex m_mutex;
    std::map<QString, std::unique_ptr<CircuitBreaker>> m_breakers; // ordered: breakers() is sorted
};

} // namespace gw
