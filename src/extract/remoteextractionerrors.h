#pragma once
// The errors of the remote extractor that are not core's TransientError/TimeoutError. Small value
// types, so they share one header (as core/errors.h does).

#include "core/errors.h"

namespace gw {

// The endpoint refused the request for good (HTTP 4xx other than 429, a bad URL, a TLS failure):
// retrying the same request would fail the same way. Counted by the breaker, never retried.
class RemoteRequestError : public Error
{
public:
    RemoteRequestError(const QString &message, int httpStatus = 0) : Error(message), m_httpStatus(httpStatus) {}
    int httpStatus() const { return m_httpStatus; } // 0 when no HTTP answer came

private:
    int m_httpStatus;
};

// The endpoint refused the API key (HTTP 401 or 403): every further request would be refused the
// same way, so the remote extractor stops asking (see RemoteExtractor) instead of letting the
// breaker probe it again and again. The message never holds the key.
class CredentialsRefusedError : public RemoteRequestError
{
public:
    using RemoteRequestError::RemoteRequestError;
};

// The endpoint answered, but not with what was asked for: not JSON, or JSON that does not follow
// the schema of the prompt. Counted by the breaker (a model that babbles is a failing service);
// not retried, since the prompt asks for deterministic answers (temperature 0).
class MalformedAnswerError : public Error
{
public:
    using Error::Error;
};

} // namespace gw
