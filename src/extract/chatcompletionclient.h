#pragma once

#include "core/cancellation.h"

#include <QByteArray>
#include <QCoroTask>
#include <QUrl>

namespace gw {

// Posts JSON to one chat-completions endpoint over HTTP(S) with Qt Network. Each thread gets its
// own QNetworkAccessManager (Qt's network classes belong to one thread), kept for the thread's
// life so connections are reused between chunks; it is deleted when the thread ends.
//
// post() must be awaited on a thread whose event loop runs (a worker inside gw::syncWait is
// fine). A cancelled token aborts the request at once, from any thread.
//
// With an API key, every request carries "Authorization: Bearer <key>". The key appears in no
// error message: a server that echoes it in an error body has it replaced by "[API key]".
class ChatCompletionClient
{
public:
    static constexpr qint64 maxResponseBytes = 16 * 1024 * 1024; // no model answer is this long

    explicit ChatCompletionClient(QUrl endpoint, QString apiKey = {})
        : m_endpoint(std::move(endpoint)), m_apiKey(std::move(apiKey))
    {}
    const QUrl &endpoint() const { return m_endpoint; }
    bool hasApiKey() const { return !m_apiKey.isEmpty(); }

    // Completes with the body of a 2xx answer. Throws TransientError for what a retry may cure
    // (connection refused or dropped, HTTP 5xx, 429), RemoteRequestError for what it will not
    // (other 4xx, an unsupported URL, TLS failures), CredentialsRefusedError for HTTP 401 and 403,
    // CancelledError when `token` was cancelled.
    QCoro::Task<QByteArray> post(const QByteArray &body, CancellationToken token) const;

private:
    // `text` without the API key, for messages that quote what the server said.
    QString redacted(QString text) const;

    QUrl m_endpoint;
    QString m_apiKey;
};

} // namespace gw
