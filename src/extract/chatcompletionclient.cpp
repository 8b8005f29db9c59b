#include "chatcompletionclient.h"

#include "core/errors.h"
#include "remoteextractionerrors.h"

#include <QCoreApplication>
#include <QCoroSignal>
#include <QDateTime>
#include <QLocale>
#include <QTimeZone>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThreadStorage>

#include <algorithm>
#include <memory>

namespace gw {

namespace {

// Deleted by Qt on the owning thread when that thread finishes (for the main thread: with the
// application object), which is where a QObject must die.
QNetworkAccessManager &threadManager()
{
    static QThreadStorage<QNetworkAccessManager *> managers;
    if (!managers.hasLocalData())
        managers.setLocalData(new QNetworkAccessManager);
    return *managers.localData();
}

bool retryableNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::UnknownProxyError:
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::InternalServerError:
    case QNetworkReply::ServiceUnavailableError:
    case QNetworkReply::UnknownServerError:
        return true;
    default:
        return false;
    }
}

// HTTP Retry-After (RFC 9110): delay-seconds or an HTTP-date. 0 when absent or unreadable.
qint64 retryAfterMs(const QByteArray &value)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return 0;
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return seconds > 0 ? std::min<qint64>(seconds, 24 * 3600) * 1000 : 0;
    // IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), which Qt's RFC 2822 parser refuses for its
    // zone name; other forms with a numeric zone through that parser.
    QDateTime at =
        QLocale::c().toDateTime(QString::fromLatin1(text), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    if (at.isValid())
        at.setTimeZone(QTimeZone::utc());
    else
        at = QDateTime::fromString(QString::fromLatin1(text), Qt::RFC2822Date);
    return at.isValid() ? std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(at), 0, 24 * 3600 * 1000) : 0;
}

struct ReplyDeleter
{
    void operator()(QNetworkReply *reply) const { delete reply; }
};

} // namespace

QString ChatCompletionClient::redacted(QString text) const
{
    if (!m_apiKey.isEmpty())
        text.replace(m_apiKey, QStringLiteral("[API key]"));
    return text;
}

QCoro::Task<QByteArray> ChatCompletionClient::post(const QByteArray &body, CancellationToken token) const
{
    token.throwIfCancelled();
    const QString endpoint = m_endpoint.toDisplayString();
    QNetworkRequest request(m_endpoint);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    if (!m_apiKey.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_apiKey.toUtf8());
    // Our own deadline (the breaker's) rules; Qt's transfer timeout would only second-guess it.
    request.setTransferTimeout(0);
    const std::unique_ptr<QNetworkReply, ReplyDeleter> reply(threadManager().post(request, body));
    QNetworkReply *const raw = reply.get();

    bool tooLarge = false;
    QObject::connect(raw, &QNetworkReply::downloadProgress, raw, [raw, &tooLarge](qint64 received, qint64) {
        if (received > maxResponseBytes && !tooLarge) {
            tooLarge = true;
            raw->abort();
        }
    });
    {
        // The hook runs on the cancelling thread: it only posts the abort to the reply's thread.
        // A posted call to a reply deleted meanwhile is dropped by Qt, and the hook is removed
        // before the reply goes.
        const CancellationCallback abortOnCancel(
            token, [raw] { QMetaObject::invokeMethod(raw, &QNetworkReply::abort, Qt::QueuedConnection); });
        if (!raw->isFinished())
            co_await qCoro(raw, &QNetworkReply::finished);
    }
    if (token.isCancelled())
        throw CancelledError(token.reason());

    const int status = raw->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = raw->error();
    if (tooLarge)
        throw RemoteRequestError(QCoreApplication::translate("gw::ChatCompletionClient", "%1 sent an answer over %2 MB")
                                     .arg(endpoint)
                                     .arg(maxResponseBytes / (1024 * 1024)));
    if (status >= 200 && status < 300 && error == QNetworkReply::NoError) {
        QByteArray body = raw->readAll();
        // Qt 6.4 may end a reply whose connection closed mid-body without an error: the body is
        // then shorter than announced. That is a dropped connection (a retry may get it all), not
        // a malformed answer. (A compressed body is announced compressed: not comparable.)
        const QVariant announced = raw->header(QNetworkRequest::ContentLengthHeader);
        const QByteArray encoding = raw->rawHeader(QByteArrayLiteral("Content-Encoding")).trimmed().toLower();
        if (announced.isValid() && (encoding.isEmpty() || encoding == "identity")
            && body.size() < announced.toLongLong())
            throw TransientError(
                QCoreApplication::translate("gw::ChatCompletionClient",
                                            "%1 closed the connection in the middle of its answer (%2 of %3 bytes)")
                    .arg(endpoint)
                    .arg(body.size())
                    .arg(announced.toLongLong()));
        co_return body;
    }
    const QString phrase = redacted(raw->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
    if (status == 429 || status >= 500)
        throw TransientError(QCoreApplication::translate("gw::ChatCompletionClient", "%1 answered HTTP %2 %3")
                                 .arg(endpoint)
                                 .arg(status)
                                 .arg(phrase),
                             retryAfterMs(raw->rawHeader(QByteArrayLiteral("Retry-After"))));
    if (status == 401 || status == 403) {
        const QString said = redacted(QString::fromUtf8(raw->readAll().left(300)).simplified());
        throw CredentialsRefusedError(
            m_apiKey.isEmpty()
                ? QCoreApplication::translate("gw::ChatCompletionClient",
                                              "%1 wants an API key (HTTP %2 %3: %4); set GRAPHWRIGHT_API_KEY")
                      .arg(endpoint)
                      .arg(status)
                      .arg(phrase, said)
                : QCoreApplication::translate("gw::ChatCompletionClient",
                                              "%1: the API key was refused (HTTP %2 %3: %4); check "
                                              "GRAPHWRIGHT_API_KEY")
                      .arg(endpoint)
                      .arg(status)
                      .arg(phrase, said),
            status);
    }
    if (status >= 400)
        throw RemoteRequestError(
            QCoreApplication::translate("gw::ChatCompletionClient", "%1 refused the request with HTTP %2 %3: %4")
                .arg(endpoint)
                .arg(status)
                .arg(phrase, redacted(QString::fromUtf8(raw->readAll().left(300)).simplified())),
            status);
    const QString reason = QCoreApplication::translate("gw::ChatCompletionClient", "cannot reach %1: %2")
                               .arg(endpoint, redacted(raw->errorString()));
    if (retryableNetworkError(error))
        throw TransientError(reason);
    throw RemoteRequestError(reason);
}

} // namespace gw
