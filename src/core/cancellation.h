#pragma once

#include <QString>

#include <functional>
#include <memory>

namespace gw {

namespace detail {
struct CancellationState;
}

// Read side of a cancellation request. Cheap to copy and to poll (one atomic load), so workers
// check it between small units of work. A default-constructed token is never cancelled.
class CancellationToken
{
public:
    using CallbackId = quint64;

    CancellationToken() = default;

    bool isCancelled() const noexcept;
    // Throws CancelledError (with the reason given to cancel()) when cancelled.
    void throwIfCancelled() const;
    QString reason() const;

    // Registers a hook run once on cancellation, on the thread that cancels. Runs at once, on this
    // thread, when already cancelled (and returns 0). Keep hooks short and non-blocking.
    CallbackId onCancel(std::function<void()> callback) const;
    // After this returns the hook will not run and is not running (unless on this very thread).
    void removeCallback(CallbackId id) const;

    bool canBeCancelled() const noexcept { return bool(m_state); }

private:
    friend class CancellationSource;
    explicit CancellationToken(std::shared_ptr<detail::CancellationState> state) : m_state(std::move(state)) {}
    std::shared_ptr<detail::CancellationState> m_state;
};

// Write side. Sources form a tree: a source made from a parent token is cancelled when the parent
// is (job -> document -> chunk). Copies share one state; the link to the parent is dropped when
// the last copy and token are gone.
class CancellationSource
{
public:
    CancellationSource();
    explicit CancellationSource(const CancellationToken &parent);

    void cancel(const QString &reason = QStringLiteral("cancelled")) const;
    bool isCancelled() const noexcept;
    CancellationToken token() const { return CancellationToken(m_state); }

private:
    std::shared_ptr<detail::CancellationState> m_state;
};

// Unregisters a cancellation hook when it goes out of scope.
class CancellationCallback
{
public:
    CancellationCallback(CancellationToken token, std::function<void()> callback)
        : m_token(std::move(token)), m_id(m_token.onCancel(std::move(callback)))
    {}
    ~CancellationCallback() { m_token.removeCallback(m_id); }
    CancellationCallback(const CancellationCallback &) = delete;
    CancellationCallback &operator=(const CancellationCallback &) = delete;

private:
    CancellationToken m_token;
    CancellationToken::CallbackId m_id;
};

} // namespace gw
