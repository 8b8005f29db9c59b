// HTTP Retry-After is honoured (issue 14: retries came after 0.19 s and 0.58 s when the server
// asked for 5 s): the client reads it (delay-seconds and HTTP-date), the breaker waits at least
// that long before the retry, and a wait longer than it allows gives up at once (fallback).
#include "testmain.h"

#include "core/circuitbreaker.h"
#include "core/errors.h"
#include "core/syncwait.h"
#include "extract/chatcompletionclient.h"
#include "extract/remoteextractor.h"
#include "loopbackchatserver.h"

#include <QDateTime>
#include <QLocale>
#include <QTest>

using gw::ChatCompletionClient;
using gw::CircuitBreaker;
using gw::testing::LoopbackChatServer;
using Behaviour = LoopbackChatServer::Behaviour;

class TstRetryAfter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clientReadsRetryAfter_data();
    void clientReadsRetryAfter();
    void breakerWaitsAsLongAsAsked();
    void aWaitBeyondTheLimitFallsBackAtOnce();
};

namespace {

QString answer(const QString &)
{
    return QStringLiteral(R"({"entities":[],"relations":[]})");
}

ChatCompletionClient clientFor(const LoopbackChatServer &server)
{
    return ChatCompletionClient(gw::RemoteExtractor::endpointUrl(server.url()));
}

// An HTTP-date (IMF-fixdate) `seconds` from now.
QByteArray httpDateIn(int seconds)
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc().addSecs(seconds), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

gw::CircuitBreakerSettings quickRetries()
{
    gw::CircuitBreakerSettings settings;
    settings.failureThreshold = 100;
    settings.maxRetries = 1;
    settings.backoffBaseMs = 20; // far below what the server asks
    settings.backoffMaxMs = 40;
    settings.callTimeoutMs = 10000;
    return settings;
}

} // namespace

void TstRetryAfter::clientReadsRetryAfter_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qint64>("atLeast");
    QTest::addColumn<qint64>("atMost");
    QTest::newRow("seconds") << QByteArray("5") << qint64(5000) << qint64(5000);
    QTest::newRow("HTTP-date") << httpDateIn(4) << qint64(2000) << qint64(4500);
    QTest::newRow("absent") << QByteArray() << qint64(0) << qint64(0);
    QTest::newRow("garbage") << QByteArray("soon") << qint64(0) << qint64(0);
    QTest::newRow("a date in the past") << httpDateIn(-60) << qint64(0) << qint64(0);
}

void TstRetryAfter::clientReadsRetryAfter()
{
    QFETCH(QByteArray, header);
    QFETCH(qint64, atLeast);
    QFETCH(qint64, atMost);
    LoopbackChatServer server(answer);
    QVERIFY(server.isListening());
    server.setBehaviour(Behaviour::Error429);
    server.setRetryAfter(header);
    const ChatCompletionClient client = clientFor(server);
    try {
        gw::syncWait(client.post(QByteArrayLiteral("{}"), {}));
        QFAIL("a 429 must throw");
    } catch (const gw::TransientError &error) {
        QVERIFY2(error.retryAfterMs() >= atLeast && error.retryAfterMs() <= atMost,
                 qPrintable(QStringLiteral("retry after %1 ms").arg(error.retryAfterMs())));
    }
}

void TstRetryAfter::breakerWaitsAsLongAsAsked()
{
    LoopbackChatServer server(answer);
    server.script({Behaviour::Error429});
    server.setRetryAfter("1");
    const ChatCompletionClient client = clientFor(server);
    CircuitBreaker breaker(QStringLiteral("remote"), quickRetries());
    auto operation = [&client](gw::CancellationToken token) { return client.post(QByteArrayLiteral("{}"), token); };
    const QByteArray body = gw::syncWait(breaker.call<QByteArray>(operation));
    QVERIFY(body.contains("chat.completion"));
    const QList<qint64> times = server.requestTimesMs();
    QCOMPARE(times.size(), 2);
    // The server asked for one second; the backoff alone would have waited at most 40 ms.
    QVERIFY2(times.at(1) - times.at(0) >= 950,
             qPrintable(QStringLiteral("retried after %1 ms").arg(times.at(1) - times.at(0))));
    QCOMPARE(breaker.stats().retries, 1u);
}

void TstRetryAfter::aWaitBeyondTheLimitFallsBackAtOnce()
{
    LoopbackChatServer server(answer);
    server.setBehaviour(Behaviour::Error429);
    server.setRetryAfter("3600");
    const ChatCompletionClient client = clientFor(server);
    gw::CircuitBreakerSettings settings = quickRetries();
    settings.retryAfterMaxMs = 2000;
    CircuitBreaker breaker(QStringLiteral("remote"), settings);
    auto operation = [&client](gw::CancellationToken token) { return client.post(QByteArrayLiteral("{}"), token); };
    auto fallback = [](std::exception_ptr) { return QByteArray("fallback"); };
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(gw::syncWait(breaker.call<QByteArray>(operation, fallback)), QByteArray("fallback"));
    QVERIFY(timer.elapsed() < 2000);
    QCOMPARE(server.requests(), 1);
    QCOMPARE(breaker.stats().retries, 0u);
}

GW_TEST_MAIN(TstRetryAfter)
#include "tst_retryafter.moc"
