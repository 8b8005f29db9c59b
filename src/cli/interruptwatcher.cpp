#include "interruptwatcher.h"

#include <atomic>
#include <csignal>
#include <unistd.h>

namespace gw {

namespace {
std::atomic<int> interruptCount{0};

extern "C" void onInterrupt(int)
{
    if (interruptCount.fetch_add(1) >= 1)
        _exit(130); // asked twice: the user wants out now
}
} // namespace

InterruptWatcher::InterruptWatcher(QObject *parent) : QObject(parent)
{
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    m_poll.setInterval(50);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (interruptCount.load() > 0) {
            m_poll.stop();
            Q_EMIT interrupted();
        }
    });
}

void InterruptWatcher::start()
{
    m_poll.start();
}

} // namespace gw
