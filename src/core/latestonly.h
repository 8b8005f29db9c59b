#pragma once
// "The latest request wins" (as KDAB hotspot's job tracker): for work that a newer request makes
// stale, such as reloading a graph or showing the details of the entity selected last. Starting
// a request cancels the one before; the older one's result is then dropped by its caller.
//
//   LatestOnly m_loads;                                   // a member of the requesting object
//   const LatestOnly::Ticket ticket = m_loads.start(projectToken);
//   auto result = co_await tryOffThread(name, ticket.token(), work);
//   if (!ticket.isLatest())
//       co_return;                                        // stale, or the owner is gone: touch nothing
//
// A ticket stays valid after its tracker is destroyed (it then says "not latest"), so a coroutine
// can ask it after an await without knowing whether its owner still exists. Use a tracker on one
// thread (its owner's).
#include "cancellation.h"
#include "offthread.h"

#include <QString>

#include <memory>

namespace gw {

class LatestOnly
{
    struct State;

public:
    class Ticket
    {
    public:
        // No newer request was started and the tracker still exists: the result may be shown.
        bool isLatest() const;
        // Cancelled when a newer request starts, when cancel() is called, with the parent token
        // given to start(), and when the tracker is destroyed.
        const CancellationToken &token() const { return m_token; }

    private:
        friend class LatestOnly;
        std::shared_ptr<const State> m_state;
        quint64 m_generation = 0;
        CancellationToken m_token;
    };

    LatestOnly();
    ~LatestOnly(); // cancels the current request; every ticket becomes stale
    LatestOnly(const LatestOnly &) = delete;
    LatestOnly &operator=(const LatestOnly &) = delete;

    // Starts a new request, superseding (cancelling) the current one.
    Ticket start(const CancellationToken &parent = {});
    // Cancels the current request. It stays the latest: its caller sees it end as cancelled.
    void cancel(const QString &reason = QStringLiteral("cancelled"));
    // Makes the current request stale (cancelled, its result dropped) without starting another.
    void supersede();
    // True between start() and finish() of the latest request.
    bool isRunning() const;
    // Marks the latest request ended when `ticket` is it (isRunning() turns false).
    void finish(const Ticket &ticket);

    // Runs fn off the calling thread as a new request: a JobResult that ends Superseded when a
    // newer request started (or the tracker went away) meanwhile. The tracker is not touched
    // after the await, so it may be destroyed while the work runs.
    template<typename F>
    QCoro::Task<JobResult<detail::OffThreadResult<F>>> run(QString name, CancellationToken parent, F fn)
    {
        const Ticket ticket = start(parent);
        auto result = co_await tryOffThread(name, ticket.token(), fn);
        if (!ticket.isLatest()) {
            result.end = JobEnd::Superseded;
            result.value.reset();
        } else {
            ticket.m_state->running = false;
        }
        co_return result;
    }

private:
    struct State
    {
        mutable bool running = false; // the latest request has not ended
        quint64 generation = 0;       // of the latest request; 0 once the tracker is gone
    };
    std::shared_ptr<State> m_state;
    CancellationSource m_current;
};

} // namespace gw
