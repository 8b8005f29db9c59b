#pragma once
// Measures how late the event loop of one thread serves a timer: the proof that "the window never
// freezes". A precise timer fires every few milliseconds; each time, the probe records how much
// later than expected it fired. A loop that blocks for 120 ms shows a lag of ~115 ms.

#include "latencyhistogram.h"

#include <QElapsedTimer>
#include <QObject>

QT_BEGIN_NAMESPACE
class QTimer;
QT_END_NAMESPACE

namespace gw {

// Lateness of the event loop's timer ticks, in milliseconds.
struct EventLoopLagSnapshot
{
    qint64 samples = 0; // ticks measured since the start or the last reset()
    double maxMs = 0;
    double p50Ms = 0;
    double p95Ms = 0;
    double p99Ms = 0;
};

class EventLoopLagProbe : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultIntervalMs = 5;

    // Starts measuring at once, on the thread this object lives on (it follows moveToThread()).
    explicit EventLoopLagProbe(QObject *parent = nullptr, int intervalMs = DefaultIntervalMs);
    ~EventLoopLagProbe() override;

    int intervalMs() const { return m_intervalMs; }
    // Restarts the timer with the new interval (at least 1 ms).
    void setIntervalMs(int ms);

    void start();
    void stop();
    bool isRunning() const;

    // Callable from any thread (the histogram is lock-free).
    EventLoopLagSnapshot snapshot() const;
    // Forgets the measured ticks; the next tick is measured from now.
    void reset();

private:
    void tick();

    int m_intervalMs;
    QTimer *m_timer;
    QElapsedTimer m_sinceLastTick;
    LatencyHistogram m_lateness; // microseconds
};

} // namespace gw
