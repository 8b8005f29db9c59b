#include "eventlooplagprobe.h"

#include <QTimer>

#include <algorithm>

namespace gw {

EventLoopLagProbe::EventLoopLagProbe(QObject *parent, int intervalMs)
    : QObject(parent), m_intervalMs(std::max(1, intervalMs)), m_timer(new QTimer(this))
{
    // A coarse timer may fire up to 5 % early or late by design; that would read as lag.
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(m_intervalMs);
    connect(m_timer, &QTimer::timeout, this, &EventLoopLagProbe::tick);
    start();
}

EventLoopLagProbe::~EventLoopLagProbe() = default;

void EventLoopLagProbe::setIntervalMs(int ms)
{
    m_intervalMs = std::max(1, ms);
    m_timer->setInterval(m_intervalMs);
    if (m_timer->isActive())
        start();
}

void EventLoopLagProbe::start()
{
    m_sinceLastTick.start();
    m_timer->start();
}

void EventLoopLagProbe::stop()
{
    m_timer->stop();
}

bool EventLoopLagProbe::isRunning() const
{
    return m_timer->isActive();
}

EventLoopLagSnapshot EventLoopLagProbe::snapshot() const
{
    const LatencySnapshot latency = m_lateness.snapshot();
    EventLoopLagSnapshot s;
    s.samples = latency.count;
    s.maxMs = latency.maxUs / 1000.0;
    s.p50Ms = latency.p50Us / 1000.0;
    s.p95Ms = latency.p95Us / 1000.0;
    s.p99Ms = latency.p99Us / 1000.0;
    return s;
}

void EventLoopLagProbe::reset()
{
    m_lateness.reset();
    m_sinceLastTick.start();
}

void EventLoopLagProbe::tick()
{
    const qint64 actualUs = m_sinceLastTick.nsecsElapsed() / 1000;
    m_sinceLastTick.start();
    // A tick that catches up on its schedule comes early: that is no lag, so it counts as 0.
    m_lateness.record(std::max<qint64>(0, actualUs - qint64(m_intervalMs) * 1000));
}

} // namespace gw
