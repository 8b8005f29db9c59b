#pragma once

#include <QObject>
#include <QTimer>

namespace gw {

// Turns Ctrl-C (SIGINT) and SIGTERM into a Qt signal on the main thread. The POSIX handler only
// sets a flag; a 50 ms timer notices it, so nothing unsafe runs inside the handler. A second
// Ctrl-C while the first is handled exits at once. The handler is installed on construction; the
// signal is delivered only after start(), so an interrupt that comes before anything is connected
// (while a project opens, say, where a nested event loop may run) is kept, not emitted to nobody.
class InterruptWatcher : public QObject
{
    Q_OBJECT

public:
    explicit InterruptWatcher(QObject *parent = nullptr);
    // Delivers `interrupted` from now on, within 50 ms of an interrupt that already came.
    void start();

Q_SIGNALS:
    void interrupted();

private:
    QTimer m_poll;
};

} // namespace gw
