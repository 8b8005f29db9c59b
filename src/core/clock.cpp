#include "clock.h"

#include "errors.h"

#include <QCoroFuture>
#include <QFutureInterface>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <limits>
#include <memory>

namespace gw {

qint64 SteadyClock::nowMs() const
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

QCoro::Task<> SteadyClock::sleep(qint64 ms, CancellationToken token)
{
    if (token.isCancelled())
        throw CancelledError();
    // A finished-future hand-off lets either the timer or a cancel wake the coroutine, whichever
    // comes first, on the coroutine's own thread.
    auto wake = std::make_shared<QFutureInterface<void>>();
    wake->reportStarted();
    auto timer = std::make_unique<QTimer>();
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    QObject::connect(timer.get(), &QTimer::timeout, [wake] {
        if (!wake->isFinished())
            wake->reportFinished();
    });
    timer->start(int(std::clamp<qint64>(ms, 0, std::numeric_limits<int>::max())));
    const auto registration = token.onCancel([wake] {
        if (!wake->isFinished())
            wake->reportFinished();
    });
    QFuture<void> done = wake->future();
    co_await done;
    token.removeCallback(registration);
    if (token.isCancelled())
        throw CancelledError();
}

Clock *SteadyClock::instance()
{
    static SteadyClock clock;
    return &clock;
}

} // namespace gw
