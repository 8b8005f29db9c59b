#include "endpointprobe.h"

#include "remoteextractor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <optional>

namespace gw {

namespace {

constexpr qint64 maxBodyBytes = 4 * 1024 * 1024; // a model list is a few KB
constexpr int shownModels = 12;                  // named in the message; the rest counted

using Outcome = EndpointProbeResult::Outcome;

// The names of an OpenAI-style list ({"data": [{"id": ...}]}) or an Ollama one ({"models":
// [{"name": ...}]}, which llama.cpp's server also sends); nullopt when the body is neither.
std::optional<QStringList> modelNames(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject root = document.object();
    QStringList names;
    bool found = false;
    const auto take = [&names, &found](const QJsonValue &list, const QStringList &keys) {
        if (!list.isArray())
            return;
        found = true;
        for (const QJsonValue &item : list.toArray()) {
            for (const QString &key : keys) {
                const QString name = item.toObject().value(key).toString();
                if (!name.isEmpty()) {
                    if (!names.contains(name))
                        names << name;
                    break;
                }
            }
        }
    };
    take(root.value(QStringLiteral("data")), {QStringLiteral("id")});
    if (names.isEmpty())
        take(root.value(QStringLiteral("models")), {QStringLiteral("name"), QStringLiteral("model")});
    return found ? std::optional(names) : std::nullopt;
}

// What an error body says: {"error": {"message": ...}}, {"error": "..."}, {"message": ...}
// (vLLM), {"detail": ...} (FastAPI), else the start of the text.
QString errorMessage(const QByteArray &body)
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonValue error = root.value(QStringLiteral("error"));
    QString said;
    if (error.isObject())
        said = error.toObject().value(QStringLiteral("message")).toString();
    else if (error.isString())
        said = error.toString();
    if (said.isEmpty())
        said = root.value(QStringLiteral("message")).toString();
    if (said.isEmpty())
        said = root.value(QStringLiteral("detail")).toString();
    if (said.isEmpty())
        said = QString::fromUtf8(body.left(300));
    said = said.simplified();
    return said.size() > 300 ? said.left(300) + QStringLiteral("…") : said;
}

QUrl withPath(QUrl url, const QString &path)
{
    url.setPath(path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

} // namespace

EndpointProbe::EndpointProbe(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this)), m_deadline(new QTimer(this))
{
    qRegisterMetaType<EndpointProbeResult>();
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, &EndpointProbe::timedOut);
}

EndpointProbe::~EndpointProbe()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

QUrl EndpointProbe::modelsUrl(const QString &url)
{
    QUrl endpoint = RemoteExtractor::endpointUrl(url);
    QString path = endpoint.path();
    path.chop(qsizetype(sizeof("/chat/completions")) - 1);
    return withPath(endpoint, path + QStringLiteral("/models"));
}

QUrl EndpointProbe::ollamaTagsUrl(const QString &url)
{
    QUrl endpoint = RemoteExtractor::endpointUrl(url);
    QString path = endpoint.path();
    const qsizetype v1 = path.lastIndexOf(QLatin1String("/v1/"));
    path = v1 >= 0 ? path.left(v1) : QString();
    return withPath(endpoint, path + QStringLiteral("/api/tags"));
}

bool EndpointProbe::lists(const QStringList &models, const QString &model)
{
    if (model.isEmpty())
        return false;
    const QString tagged = model.contains(u':') ? model : model + QStringLiteral(":latest");
    return models.contains(model) || models.contains(tagged);
}

QString EndpointProbe::redacted(QString text) const
{
    if (!m_apiKey.isEmpty())
        text.replace(m_apiKey, QStringLiteral("[API key]"));
    return text;
}

void EndpointProbe::start(const QString &url, const QString &model, const QString &apiKey, int timeoutMs)
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    m_url = url.trimmed();
    m_model = model.trimmed();
    m_apiKey = apiKey.trimmed();
    m_timeoutMs = timeoutMs;
    m_triedOllama = false;
    m_first = {};
    const QUrl models = m_url.isEmpty() ? QUrl() : modelsUrl(m_url);
    if (!models.isValid() || (models.scheme() != QLatin1String("http") && models.scheme() != QLatin1String("https"))) {
        EndpointProbeResult result;
        result.outcome = Outcome::InvalidUrl;
        result.message = m_url.isEmpty() ? tr("Enter the endpoint's URL first, e.g. http://localhost:11434/v1.")
                                         : tr("“%1” is not an http or https URL.").arg(m_url);
        // Queued, so a caller that connects after start() still hears it, as with a request.
        QMetaObject::invokeMethod(
            this, [this, result] { Q_EMIT finished(result); }, Qt::QueuedConnection);
        return;
    }
    m_deadline->start(timeoutMs);
    ask(models);
}

void EndpointProbe::ask(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    if (!m_apiKey.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_apiKey.toUtf8());
    request.setTransferTimeout(0); // m_deadline rules the whole probe
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > maxBodyBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { answered(reply); });
}

void EndpointProbe::answered(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply = nullptr;

    EndpointProbeResult result;
    result.asked = reply->url();
    const QString where = result.asked.toDisplayString();
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->bytesAvailable() <= maxBodyBytes ? reply->readAll() : QByteArray();
    const int status = result.httpStatus;

    if (status >= 200 && status < 300) {
        if (const std::optional<QStringList> names = modelNames(body)) {
            result.outcome = Outcome::Listed;
            result.models = *names;
            result.modelListed = lists(result.models, m_model);
            QStringList shown = result.models.mid(0, shownModels);
            if (result.models.size() > shownModels)
                shown << tr("and %n more", nullptr, int(result.models.size() - shownModels));
            result.message = result.models.isEmpty()
                ? tr("%1 answered, but lists no models.").arg(where)
                : tr("%1 answered with %n model(s): %2.", nullptr, int(result.models.size()))
                      .arg(where, shown.join(QStringLiteral(", ")));
            if (!m_model.isEmpty())
                result.message += QLatin1Char(' ')
                    + (result.modelListed ? tr("The model “%1” is among them.").arg(m_model)
                                          : tr("The model “%1” is not among them.").arg(m_model));
            finish(result);
            return;
        }
        result.outcome = Outcome::NotAModelList;
        result.message = tr("%1 answered HTTP %2, but not with a model list: %3")
                             .arg(where)
                             .arg(status)
                             .arg(redacted(errorMessage(body)));
    } else if (status == 401 || status == 403) {
        result.outcome = Outcome::KeyRefused;
        const QString said = redacted(errorMessage(body));
        result.message = m_apiKey.isEmpty()
            ? tr("%1 wants an API key (HTTP %2: %3). Enter one, or set %4.")
                  .arg(where)
                  .arg(status)
                  .arg(said, RemoteExtractor::apiKeyVariable())
            : tr("%1 refused the API key (HTTP %2: %3).").arg(where).arg(status).arg(said);
        finish(result); // a refused key is refused on every path
        return;
    } else if (status >= 300) {
        result.outcome = Outcome::HttpError;
        const QString phrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        result.message =
            tr("%1 answered HTTP %2 %3: %4").arg(where).arg(status).arg(phrase, redacted(errorMessage(body)));
    } else {
        result.outcome = Outcome::Unreachable;
        QString why;
        switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
            why = tr("connection refused — is the server running, and on this port?");
            break;
        case QNetworkReply::HostNotFoundError:
            why = tr("host not found");
            break;
        default:
            why = redacted(reply->errorString());
        }
        result.message = tr("Cannot reach %1: %2").arg(where, why);
        finish(result); // the fallback is on the same server
        return;
    }

    // The OpenAI path is not there, or not a list: Ollama answers on /api/tags as well.
    const QUrl tags = ollamaTagsUrl(m_url);
    if (!m_triedOllama && tags != result.asked) {
        m_triedOllama = true;
        m_first = result;
        ask(tags);
        return;
    }
    finish(m_triedOllama ? m_first : result);
}

void EndpointProbe::timedOut()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
    EndpointProbeResult result;
    result.outcome = Outcome::TimedOut;
    result.asked = reply->url();
    result.message =
        tr("%1 did not answer within %2 s.").arg(result.asked.toDisplayString()).arg(m_timeoutMs / 1000.0, 0, 'g', 3);
    finish(result);
}

void EndpointProbe::finish(EndpointProbeResult result)
{
    m_deadline->stop();
    Q_EMIT finished(result);
}

} // namespace gw
