// EndpointProbe (Preferences' "Test connection") against a real HTTP server on the loopback
// interface: model lists of both shapes, Ollama's /api/tags fallback, refused keys, HTTP errors
// with their messages, refused connections and time-outs.
#include "extract/endpointpreset.h"
#include "extract/endpointprobe.h"
#include "testmain.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include "loopbackchatserver.h"

using namespace gw;
using gw::testing::LoopbackChatServer;
using Outcome = EndpointProbeResult::Outcome;

namespace {

QByteArray openAiList(const QStringList &ids)
{
    QJsonArray data;
    for (const QString &id : ids)
        data.append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("object"), QStringLiteral("model")}});
    return QJsonDocument(
               QJsonObject{{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

QByteArray ollamaTags(const QStringList &names)
{
    QJsonArray models;
    for (const QString &name : names)
        models.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("size"), 1234}});
    return QJsonDocument(QJsonObject{{QStringLiteral("models"), models}}).toJson(QJsonDocument::Compact);
}

LoopbackChatServer::Responder noAnswer()
{
    return [](const QString &) { return QString(); };
}

} // namespace

class TestEndpointProbe : public QObject
{
    Q_OBJECT

private:
    // Probes and waits for the one result (or fails after `waitMs`).
    static EndpointProbeResult probe(const QString &url, const QString &model, const QString &key = {},
                                     int timeoutMs = 5000, int waitMs = 10'000)
    {
        EndpointProbe probe;
        QSignalSpy spy(&probe, &EndpointProbe::finished);
        probe.start(url, model, key, timeoutMs);
        if (spy.isEmpty() && !spy.wait(waitMs))
            return {};
        return spy.constFirst().constFirst().value<EndpointProbeResult>();
    }

private Q_SLOTS:
    void urlsForWhatAPersonTypes()
    {
        QCOMPARE(EndpointProbe::modelsUrl(QStringLiteral("http://localhost:11434/v1")).toString(),
                 QStringLiteral("http://localhost:11434/v1/models"));
        QCOMPARE(EndpointProbe::modelsUrl(QStringLiteral("http://h:8000/v1/chat/completions")).toString(),
                 QStringLiteral("http://h:8000/v1/models"));
        QCOMPARE(EndpointProbe::modelsUrl(QStringLiteral("localhost:11434")).toString(),
                 QStringLiteral("http://localhost:11434/v1/models"));
        QCOMPARE(EndpointProbe::ollamaTagsUrl(QStringLiteral("http://localhost:11434/v1")).toString(),
                 QStringLiteral("http://localhost:11434/api/tags"));
        QCOMPARE(EndpointProbe::ollamaTagsUrl(QStringLiteral("http://proxy/ollama/v1/chat/completions")).toString(),
                 QStringLiteral("http://proxy/ollama/api/tags"));
        QVERIFY(EndpointProbe::lists({QStringLiteral("llama3:latest")}, QStringLiteral("llama3")));
        QVERIFY(!EndpointProbe::lists({QStringLiteral("llama3:8b")}, QStringLiteral("llama3")));
        QVERIFY(EndpointProbe::lists({QStringLiteral("llama3:8b")}, QStringLiteral("llama3:8b")));
        QVERIFY(!EndpointProbe::lists({QStringLiteral("llama3")}, QString()));
    }

    void presetsKnowTheirUrls()
    {
        const QList<EndpointPreset> presets = EndpointPreset::all();
        QCOMPARE(presets.size(), 4);
        for (qsizetype i = 0; i < presets.size(); ++i) {
            QCOMPARE(EndpointPreset::indexOf(presets.at(i).url), int(i));
            QCOMPARE(EndpointPreset::indexOf(presets.at(i).url + QLatin1Char('/')), int(i));
        }
        QCOMPARE(EndpointPreset::indexOf(QStringLiteral("http://localhost:11435/v1")), -1);
        QCOMPARE(EndpointPreset::indexOf(QString()), -1);
        QCOMPARE(presets.at(0).url, QStringLiteral("http://localhost:11434/v1"));
        QCOMPARE(presets.at(3).url, QStringLiteral("https://api.openai.com/v1"));
    }

    void listsTheModelsAndSaysWhetherTheChosenOneIsThere()
    {
        LoopbackChatServer server(noAnswer());
        QVERIFY(server.isListening());
        server.setGetAnswer("/v1/models", 200,
                            openAiList({QStringLiteral("qwen2.5:7b"), QStringLiteral("llama3:latest")}));

        EndpointProbeResult result = probe(server.url(), QStringLiteral("llama3"));
        QCOMPARE(result.outcome, Outcome::Listed);
        QCOMPARE(result.models, (QStringList{QStringLiteral("qwen2.5:7b"), QStringLiteral("llama3:latest")}));
        QVERIFY(result.modelListed);
        QVERIFY2(result.message.contains(QLatin1String("qwen2.5:7b, llama3:latest")), qPrintable(result.message));
        QVERIFY2(result.message.contains(QLatin1String("is among them")), qPrintable(result.message));
        QCOMPARE(result.httpStatus, 200);

        result = probe(server.url(), QStringLiteral("mistral"));
        QCOMPARE(result.outcome, Outcome::Listed);
        QVERIFY(!result.modelListed);
        QVERIFY2(result.message.contains(QStringLiteral("“mistral” is not among them")), qPrintable(result.message));
        QCOMPARE(server.getPaths(), (QList<QByteArray>{"/v1/models", "/v1/models"}));
        QCOMPARE(server.requests(), 0); // no chat completion was asked for
    }

    void ollamaAnswersOnItsOwnPathToo()
    {
        // An Ollama before its OpenAI-compatible model list: /v1/models is 404, /api/tags lists.
        LoopbackChatServer server(noAnswer());
        server.setGetAnswer("/api/tags", 200, ollamaTags({QStringLiteral("llama3:latest")}));
        const EndpointProbeResult result = probe(server.url(), QStringLiteral("llama3"));
        QCOMPARE(result.outcome, Outcome::Listed);
        QCOMPARE(result.models, QStringList{QStringLiteral("llama3:latest")});
        QVERIFY(result.modelListed);
        QCOMPARE(server.getPaths(), (QList<QByteArray>{"/v1/models", "/api/tags"}));
    }

    void notFoundAnywhereReportsTheFirstAnswer()
    {
        LoopbackChatServer server(noAnswer());
        const EndpointProbeResult result = probe(server.url(), QStringLiteral("llama3"));
        QCOMPARE(result.outcome, Outcome::HttpError);
        QCOMPARE(result.httpStatus, 404);
        QVERIFY2(result.asked.path() == QLatin1String("/v1/models"), qPrintable(result.asked.toString()));
        QVERIFY2(result.message.contains(QLatin1String("404")) && result.message.contains(QLatin1String("not found")),
                 qPrintable(result.message));
    }

    void anHttpErrorSaysTheStatusAndTheBodysMessage()
    {
        LoopbackChatServer server(noAnswer());
        server.setGetAnswer("/v1/models", 503, R"({"error":{"message":"model loading, try again"}})");
        server.setGetAnswer("/api/tags", 503, R"({"error":"still loading"})");
        const EndpointProbeResult result = probe(server.url(), QString());
        QCOMPARE(result.outcome, Outcome::HttpError);
        QCOMPARE(result.httpStatus, 503);
        QVERIFY2(result.message.contains(QLatin1String("503")), qPrintable(result.message));
        QVERIFY2(result.message.contains(QLatin1String("model loading, try again")), qPrintable(result.message));
    }

    void aRefusedKeyIsSaidSoWithoutTheKey()
    {
        LoopbackChatServer server(noAnswer());
        server.setRequiredApiKey("right-key");
        server.setGetAnswer("/v1/models", 200, openAiList({QStringLiteral("gpt-4o-mini")}));

        EndpointProbeResult result = probe(server.url(), QStringLiteral("gpt-4o-mini"), QStringLiteral("wrong-key-42"));
        QCOMPARE(result.outcome, Outcome::KeyRefused);
        QCOMPARE(result.httpStatus, 401);
        QVERIFY2(result.message.contains(QLatin1String("refused the API key")), qPrintable(result.message));
        QVERIFY2(!result.message.contains(QLatin1String("wrong-key-42")), qPrintable(result.message));
        QVERIFY2(result.message.contains(QLatin1String("[API key]")), qPrintable(result.message)); // the echo, redacted
        QCOMPARE(server.getPaths().size(), 1); // a refused key is not tried on the Ollama path

        result = probe(server.url(), QStringLiteral("gpt-4o-mini"));
        QCOMPARE(result.outcome, Outcome::KeyRefused);
        QVERIFY2(result.message.contains(QLatin1String("wants an API key")), qPrintable(result.message));

        result = probe(server.url(), QStringLiteral("gpt-4o-mini"), QStringLiteral("right-key"));
        QCOMPARE(result.outcome, Outcome::Listed);
        QVERIFY(result.modelListed);
        QCOMPARE(server.authorizations().size(), 0); // chat requests only; GETs are checked by the status
    }

    void aRefusedConnectionIsSaidQuickly()
    {
        // A port that was just free: nothing listens there.
        quint16 port = 0;
        {
            QTcpServer holder;
            QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
            port = holder.serverPort();
        }
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(port);
        url.setPath(QStringLiteral("/v1"));
        QElapsedTimer timer;
        timer.start();
        const EndpointProbeResult result = probe(url.toString(), QStringLiteral("llama3"));
        QCOMPARE(result.outcome, Outcome::Unreachable);
        QVERIFY2(result.message.contains(QLatin1String("connection refused")), qPrintable(result.message));
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    }

    void aSilentServerTimesOutAtTheLimit()
    {
        LoopbackChatServer server(noAnswer());
        server.setGetAnswer("/v1/models", 200, openAiList({QStringLiteral("llama3")}), 5000);
        QElapsedTimer timer;
        timer.start();
        const EndpointProbeResult result = probe(server.url(), QStringLiteral("llama3"), {}, 400);
        const qint64 ms = timer.elapsed();
        QCOMPARE(result.outcome, Outcome::TimedOut);
        QVERIFY2(result.message.contains(QLatin1String("did not answer within 0.4 s")), qPrintable(result.message));
        QVERIFY2(ms >= 350 && ms < 3000, qPrintable(QString::number(ms)));
    }

    void notAnHttpUrl()
    {
        EndpointProbeResult result = probe(QString(), QStringLiteral("llama3"));
        QCOMPARE(result.outcome, Outcome::InvalidUrl);
        QVERIFY2(result.message.contains(QLatin1String("URL")), qPrintable(result.message));
        result = probe(QStringLiteral("ftp://example.org/v1"), QStringLiteral("llama3"));
        QCOMPARE(result.outcome, Outcome::InvalidUrl);
    }

    void aBodyThatIsNoListIsSaidSo()
    {
        LoopbackChatServer server(noAnswer());
        server.setGetAnswer("/v1/models", 200, R"({"hello":"world"})");
        server.setGetAnswer("/api/tags", 200, R"({"hello":"again"})");
        const EndpointProbeResult result = probe(server.url(), QStringLiteral("llama3"));
        QCOMPARE(result.outcome, Outcome::NotAModelList);
        QVERIFY2(result.message.contains(QLatin1String("not with a model list")), qPrintable(result.message));
    }
};

GW_TEST_MAIN(TestEndpointProbe)
#include "tst_endpointprobe.moc"
