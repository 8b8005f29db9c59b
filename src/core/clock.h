#pragma once

#include "cancellation.h"

#include <QCoroTask>

#include <QtGlobal>

namespace gw {

// Time source for everything that measures or waits (breakers, pools, retries). Injected so that
// tests can drive time by hand instead of sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    // Monotonic milliseconds; only differences are meaningful.
    virtual qint64 nowMs() const = 0;
    // Waits without blocking the calling thread's event loop. Throws CancelledError when the token
    // is cancelled first.
    virtual QCoro::Task<> sleep(qint64 ms, CancellationToken token = {}) = 0;
};

// The real monotonic clock (QElapsedTimer / steady clock).
class SteadyClock final : public Clock
{
public:
    qint64 nowMs() const override;
    QCoro::Task<> sleep(qint64 ms, CancellationToken token = {}) override;

    // A process-wide instance for components that were given no clock.
    static Clock *instance();
};

} // namespace gw
