#include "latestonly.h"

namespace gw {

bool LatestOnly::Ticket::isLatest() const
{
    return m_state && m_generation != 0 && m_state->generation == m_generation;
}

LatestOnly::LatestOnly() : m_state(std::make_shared<State>()) {}

LatestOnly::~LatestOnly()
{
    m_state->generation = 0;
    m_state->running = false;
    m_current.cancel(QStringLiteral("its owner is gone"));
}

LatestOnly::Ticket LatestOnly::start(const CancellationToken &parent)
{
    m_current.cancel(QStringLiteral("superseded by a newer request"));
    m_current = CancellationSource(parent);
    Ticket ticket;
    ticket.m_state = m_state;
    ticket.m_generation = ++m_state->generation;
    ticket.m_token = m_current.token();
    m_state->running = true;
    return ticket;
}

void LatestOnly::cancel(const QString &reason)
{
    m_current.cancel(reason);
}

void LatestOnly::supersede()
{
    m_current.cancel(QStringLiteral("superseded"));
    ++m_state->generation;
    m_state->running = false;
}

bool LatestOnly::isRunning() const
{
    return m_state->running;
}

void LatestOnly::finish(const Ticket &ticket)
{
    if (ticket.isLatest())
        m_state->running = false;
}

} // namespace gw
