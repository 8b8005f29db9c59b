#include "cancellation.h"

#include "errors.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace gw::detail {

struct CancellationState
{
    std::atomic<bool> cancelled{false};
    std::mutex mutex;
    std::condition_variable callbacksDone;
    QString reason;
    std::vector<std::pair<CancellationToken::CallbackId, std::function<void()>>> callbacks;
    CancellationToken::CallbackId nextId = 1;
    bool invoking = false;
    std::thread::id invokingThread;

    // Link to the parent, dropped with this state.
    std::shared_ptr<CancellationState> parent;
    CancellationToken::CallbackId parentCallback = 0;

    ~CancellationState();
    void cancel(const QString &why);
    CancellationToken::CallbackId add(std::function<void()> callback);
    void remove(CancellationToken::CallbackId id);
};

CancellationState::~CancellationState()
{
    if (parent && parentCallback)
        parent->remove(parentCallback);
}

void CancellationState::cancel(const QString &why)
{
    decltype(callbacks) toRun;
    {
        std::lock_guard lock(mutex);
        if (cancelled.load(std::memory_order_relaxed))
            return;
        reason = why;
        cancelled.store(true, std::memory_order_release);
        toRun.swap(callbacks);
        invoking = true;
        invokingThread = std::this_thread::get_id();
    }
    for (auto &entry : toRun)
        entry.second();
    {
        std::lock_guard lock(mutex);
        invoking = false;
    }
    callbacksDone.notify_all();
}

CancellationToken::CallbackId CancellationState::add(std::function<void()> callback)
{
    {
        std::lock_guard lock(mutex);
        if (!cancelled.load(std::memory_order_relaxed)) {
            const auto id = nextId++;
            callbacks.emplace_back(id, std::move(callback));
            return id;
        }
    }
    callback();
    return 0;
}

void CancellationState::remove(CancellationToken::CallbackId id)
{
    if (id == 0)
        return;
    std::unique_lock lock(mutex);
    for (auto it = callbacks.begin(); it != callbacks.end(); ++it) {
        if (it->first == id) {
            callbacks.erase(it);
            return;
        }
    }
    // Not registered any more: it may be running right now on the cancelling thread.
    if (invoking && invokingThread != std::this_thread::get_id())
        callbacksDone.wait(lock, [this] { return !invoking; });
}

} // namespace gw::detail

namespace gw {

bool CancellationToken::isCancelled() const noexcept
{
    return m_state && m_state->cancelled.load(std::memory_order_acquire);
}

void CancellationToken::throwIfCancelled() const
{
    if (isCancelled())
        throw CancelledError(reason());
}

QString CancellationToken::reason() const
{
    if (!m_state)
        return {};
    std::lock_guard lock(m_state->mutex);
    return m_state->reason;
}

CancellationToken::CallbackId CancellationToken::onCancel(std::function<void()> callback) const
{
    if (!m_state)
        return 0; // can never be cancelled: the hook would never run
    return m_state->add(std::move(callback));
}

void CancellationToken::removeCallback(CallbackId id) const
{
    if (m_state)
        m_state->remove(id);
}

CancellationSource::CancellationSource() : m_state(std::make_shared<detail::CancellationState>()) {}

CancellationSource::CancellationSource(const CancellationToken &parent) : CancellationSource()
{
    if (!parent.m_state)
        return;
    m_state->parent = parent.m_state;
    std::weak_ptr<detail::CancellationState> weakChild = m_state;
    // A raw pointer: the parent is alive while it runs its hooks, and owning it here would make a cycle.
    detail::CancellationState *parentState = parent.m_state.get();
    m_state->parentCallback = parentState->add([weakChild, parentState] {
        if (auto child = weakChild.lock()) {
            QString why;
            {
                std::lock_guard lock(parentState->mutex);
                why = parentState->reason;
            }
            child->cancel(why);
        }
    });
}

void CancellationSource::cancel(const QString &reason) const
{
    m_state->cancel(reason);
}

bool CancellationSource::isCancelled() const noexcept
{
    return m_state->cancelled.load(std::memory_order_acquire);
}

} // namespace gw
