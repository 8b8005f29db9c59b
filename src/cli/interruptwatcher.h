#pragma once

#include <QObject>
#include <QTimer>

namespace gw {

// Turns Ctrl-C (SIGINT) and SIGTERM into a Qt signal on the main thread. The POSIX handler only
// sets a flag; a 50 ms timer notices it, so nothing unsafe runs inside the handler. A second
// Ctrl-C while the first is handled exits at once.
class InterruptWatcher : public QObject
{
    Q_OBJECT

public:
    explicit InterruptWatcher(QObject *parent = nullptr);

Q_SIGNALS:
    void interrupted();

private:
    QTimer m_poll;
};

} // namespace gw
