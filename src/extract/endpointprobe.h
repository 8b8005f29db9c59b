#pragma once

#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;
class QTimer;

namespace gw {

// What an endpoint answered when asked for its models (EndpointProbe).
struct EndpointProbeResult
{
    enum class Outcome {
        Listed,        // it answered with a model list (possibly empty)
        InvalidUrl,    // nothing to ask: no URL, or not an http(s) URL
        Unreachable,   // connection refused, host not found, TLS or other network failure
        TimedOut,      // no complete answer within the time limit
        KeyRefused,    // HTTP 401 or 403: the API key is missing or wrong
        HttpError,     // another HTTP error status
        NotAModelList, // HTTP 200, but no model list in the body
    };
    Outcome outcome = Outcome::InvalidUrl;
    QUrl asked;               // the last URL asked
    int httpStatus = 0;       // of the answer to `asked`; 0 without one
    QStringList models;       // as listed, in the server's order
    bool modelListed = false; // the model asked about is among `models` ("llama3" matches "llama3:latest")
    QString message;          // for people: what the endpoint answered, or what went wrong; never the key

    bool ok() const { return outcome == Outcome::Listed; }
};

// The Preferences' "Test connection": asks an OpenAI-compatible endpoint for its models (GET
// <base>/v1/models, with "Authorization: Bearer <key>" when there is a key) and, when that path is
// unknown there (HTTP 404, or no list), Ollama's own GET <server>/api/tags. Says within the time
// limit what the endpoint answered: the model names and whether the chosen model is among them,
// or the error (connection refused, HTTP status with the body's error message, time-out, key
// refused).
//
// Asynchronous on the thread that calls start() (the GUI thread: it never blocks); finished() is
// emitted once per start(). Deleting the probe aborts the request without a signal.
class EndpointProbe : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultTimeoutMs = 5000;

    explicit EndpointProbe(QObject *parent = nullptr);
    ~EndpointProbe() override;

    // The model list for what a person typed as the endpoint (see RemoteExtractor::endpointUrl):
    // "http://localhost:11434/v1" and ".../v1/chat/completions" both give ".../v1/models".
    static QUrl modelsUrl(const QString &url);
    // Ollama's native list: the server's root with "/api/tags" (the "/v1..." part dropped).
    static QUrl ollamaTagsUrl(const QString &url);
    // Whether `model` is among `models`; a name without a tag matches the same name tagged ":latest".
    static bool lists(const QStringList &models, const QString &model);

    // Starts a probe (a running one is abandoned, without a signal). The whole probe, both
    // requests together, takes at most timeoutMs.
    void start(const QString &url, const QString &model, const QString &apiKey, int timeoutMs = defaultTimeoutMs);
    bool isRunning() const { return m_reply != nullptr; }

Q_SIGNALS:
    void finished(const gw::EndpointProbeResult &result);

private:
    void ask(const QUrl &url);
    void answered(QNetworkReply *reply);
    void finish(EndpointProbeResult result);
    void timedOut();
    QString redacted(QString text) const;

    QNetworkAccessManager *m_network = nullptr;
    QTimer *m_deadline = nullptr;
    QPointer<QNetworkReply> m_reply;
    QString m_url;
    QString m_model;
    QString m_apiKey;
    int m_timeoutMs = defaultTimeoutMs;
    bool m_triedOllama = false;
    EndpointProbeResult m_first; // the answer of the first URL, reported when the fallback fails too
};

} // namespace gw

Q_DECLARE_METATYPE(gw::EndpointProbeResult)
