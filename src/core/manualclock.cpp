#include "manualclock.h"

#include "errors.h"

namespace gw {

QCoro::Task<> ManualClock::sleep(qint64 ms, CancellationToken token)
{
    token.throwIfCancelled();
    {
        std::lock_guard lock(m_mutex);
        m_sleeps.append(ms);
    }
    advance(ms);
    co_return;
}

QList<qint64> ManualClock::sleeps() const
{
    std::lock_guard lock(m_mutex);
    return m_sleeps;
}

} // namespace gw
