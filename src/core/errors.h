#pragma once
// The exception types that cross core's public API. They are small value types, so they share
// one header rather than one file each.

#include <QString>

#include <exception>
#include <stdexcept>

namespace gw {

// Base of every Graphwright error: carries a message a person can read.
class Error : public std::runtime_error
{
public:
    explicit Error(const QString &message) : std::runtime_error(message.toStdString()), m_message(message) {}
    QString message() const { return m_message; }

private:
    QString m_message;
};

// The operation stopped because somebody asked it to; not a failure.
class CancelledError : public Error
{
public:
    explicit CancelledError(const QString &message = QStringLiteral("cancelled")) : Error(message) {}
};

// A failure worth retrying (a dropped connection, a busy service).
class TransientError : public Error
{
public:
    explicit TransientError(const QString &message, qint64 retryAfterMs = 0)
        : Error(message), m_retryAfterMs(retryAfterMs)
    {}
    // How long the service asked to be left alone before a retry (HTTP Retry-After); 0: not said.
    qint64 retryAfterMs() const { return m_retryAfterMs; }

private:
    qint64 m_retryAfterMs = 0;
};

// A call took longer than its allowed time. Transient: a retry may succeed.
class TimeoutError : public TransientError
{
public:
    using TransientError::TransientError;
};

// A circuit breaker refused the call because the service is considered down.
class CircuitOpenError : public Error
{
public:
    CircuitOpenError(const QString &breaker, const QString &message) : Error(message), m_breaker(breaker) {}
    QString breaker() const { return m_breaker; }

private:
    QString m_breaker;
};

// A task of a TaskGroup failed. Names the task and keeps the original exception.
class TaskFailedError : public Error
{
public:
    TaskFailedError(const QString &label, const QString &reason, std::exception_ptr cause)
        : Error(QStringLiteral("%1: %2").arg(label, reason)), m_label(label), m_reason(reason),
          m_cause(std::move(cause))
    {}
    QString label() const { return m_label; }
    QString reason() const { return m_reason; }
    std::exception_ptr cause() const { return m_cause; }

private:
    QString m_label;
    QString m_reason;
    std::exception_ptr m_cause;
};

// Readable text for any exception (used to label failures).
QString describeException(std::exception_ptr error);

} // namespace gw
