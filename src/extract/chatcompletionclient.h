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
class ChatCompletionClient
{
public:
    static constexpr qint64 maxResponseBytes = 16 * 1024 * 1024; // no model answer is this long

    explicit ChatCompletionClient(QUrl endpoint) : m_endpoint(std::move(endpoint)) {}
    const QUrl &endpoint() const { return m_endpoint; }

    // Completes with the body of a 2xx answer. Throws TransientError for what a retry may cure
    // (connection refused or dropped, HTTP 5xx, 429), RemoteRequestError for what it will not
    // (other 4xx, an unsupported URL, TLS failures), CancelledError when `token` was cancelled.
    QCoro::Task<QByteArray> post(const QByteArray &body, CancellationToken token) const;

private:
    QUrl m_endpoint;
};

} // namespace gw
