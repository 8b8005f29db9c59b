#include "core/circuitbreakerregistry.h"
#include "core/syncwait.h"
#include "documentfixtures.h"
#include "extract/loopbackchatserver.h"
#include "extract/remoteextractor.h"
#include "pipeline/ingestjob.h"
#include "pipeline/projectextractioncache.h"
#include "store/extractioncachetable.h"
#include "store/projectstore.h"
#include "testmain.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace gw;
using gw::testing::LoopbackChatServer;

// Declared before any literal that could confuse moc (see docs/toolchain-traps.md).
class TstRemoteExtraction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void projectHoldsTheRemoteEntitiesAndReRunsAskNothing();
    void failingEndpointFallsBackAndDocumentsSucceed();
    void hungEndpointOpensTheBreakerAndEveryDocumentFallsBack();
    void projectCacheStaysWithinItsLimitAsItGrows();
    void aFlushRecordsTheUsesAndNoLimitKeepsEverything();
};

namespace {

// The model of these tests: "quantum teapot" is an entity only it finds (the built-in extractor
// takes no lower-case words), so the project shows where its entities came from.
QString modelAnswer(const QString &text)
{
    QJsonArray entities;
    for (const QString &name :
         {QStringLiteral("quantum teapot"), QStringLiteral("Ada Lovelace"), QStringLiteral("Charles Babbage")})
        if (text.contains(name))
            entities.append(QJsonObject{
                {QStringLiteral("text"), name},
                {QStringLiteral("type"), name.startsWith(u'q') ? QStringLiteral("MISC") : QStringLiteral("PERSON")}});
    QJsonArray relations;
    if (text.contains(QStringLiteral("Ada Lovelace")) && text.contains(QStringLiteral("Charles Babbage")))
        relations.append(
            QJsonObject{{QStringLiteral("subject"), QStringLiteral("Ada Lovelace")},
                        {QStringLiteral("type"), QStringLiteral("works_for")},
                        {QStringLiteral("object"), QStringLiteral("Charles Babbage")},
                        {QStringLiteral("evidence"),
                         QStringLiteral("Ada Lovelace worked with Charles Babbage on the quantum teapot.")}});
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("entities"), entities}, {QStringLiteral("relations"), relations}})
            .toJson(QJsonDocument::Compact));
}

QByteArray documentText()
{
    QByteArray text;
    for (int i = 0; i < 8; ++i)
        text += "Paragraph " + QByteArray::number(i)
            + ". Ada Lovelace worked with Charles Babbage on the quantum teapot. "
              "They met in London in 1833.\n\n";
    return text;
}

IngestOptions remoteOptions(const LoopbackChatServer &server)
{
    IngestOptions options;
    options.jobs = 2;
    options.chunkChars = 300; // several chunks per document
    options.chunkOverlap = 40;
    options.remote.url = server.url();
    options.remote.model = QStringLiteral("test-model");
    options.remote.timeoutMs = 10000;
    return options;
}

const StoredEntity *findEntity(const QList<StoredEntity> &entities, const QString &name)
{
    for (const StoredEntity &entity : entities)
        if (entity.name == name)
            return &entity;
    return nullptr;
}

} // namespace

void TstRemoteExtraction::projectHoldsTheRemoteEntitiesAndReRunsAskNothing()
{
    LoopbackChatServer server(modelAnswer);
    QVERIFY(server.isListening());
    QTemporaryDir dir;
    const QString first = dir.filePath(QStringLiteral("first.txt"));
    gw::testing::writeFile(first, documentText());
    auto store = ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
    const IngestOptions options = remoteOptions(server);
    CircuitBreakerRegistry registry;
    CircuitBreaker *breaker =
        registry.create(RemoteExtractor::breakerName(), RemoteExtractor::breakerSettings(options.remote));

    qint64 chunks = 0;
    {
        IngestJob job(*store, options);
        job.setRemoteBreaker(breaker);
        const IngestSummary summary = syncWait(job.run({first}));
        QCOMPARE(summary.documentsDone, 1);
        chunks = summary.chunks;
        QVERIFY(chunks > 2);
        QVERIFY(job.remoteExtractor());
        const RemoteExtractorStats stats = job.remoteExtractor()->stats();
        QCOMPARE(stats.remoteAnswers, quint64(chunks));
        QCOMPARE(stats.fallbacks, 0u);
    }
    QCOMPARE(server.requests(), int(chunks));
    QCOMPARE(breaker->stats().successes, quint64(chunks)); // the registry's breaker saw every call

    const QList<StoredEntity> entities = store->entities();
    const StoredEntity *teapot = findEntity(entities, QStringLiteral("quantum teapot"));
    QVERIFY2(teapot, "the remote entity is in the project");
    QCOMPARE(teapot->type, QStringLiteral("MISC"));
    QCOMPARE(teapot->mentions, 8); // once per paragraph, overlaps between chunks counted once
    QVERIFY(!findEntity(entities, QStringLiteral("London"))); // the model did not report it
    bool worksFor = false;
    for (const StoredRelation &relation : store->relations())
        worksFor |= relation.type == QStringLiteral("works_for")
            && relation.subjectName == QStringLiteral("Ada Lovelace")
            && relation.objectName == QStringLiteral("Charles Babbage");
    QVERIFY(worksFor);

    // The same text under another name, in a new job: every chunk comes from the project's cache.
    const QString second = dir.filePath(QStringLiteral("second.txt"));
    gw::testing::writeFile(second, documentText());
    {
        IngestJob job(*store, options);
        job.setRemoteBreaker(breaker);
        const IngestSummary summary = syncWait(job.run({second}));
        QCOMPARE(summary.documentsDone, 1);
        QCOMPARE(job.remoteExtractor()->stats().cacheHits, quint64(chunks));
        QCOMPARE(job.remoteExtractor()->stats().requests, 0u);
    }
    QCOMPARE(server.requests(), int(chunks));
    teapot = nullptr;
    const QList<StoredEntity> after = store->entities();
    QVERIFY(findEntity(after, QStringLiteral("quantum teapot")));
    QCOMPARE(findEntity(after, QStringLiteral("quantum teapot"))->documents, 2);
}

void TstRemoteExtraction::failingEndpointFallsBackAndDocumentsSucceed()
{
    LoopbackChatServer server(modelAnswer);
    server.setBehaviour(LoopbackChatServer::Behaviour::Error500);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("doc.txt"));
    gw::testing::writeFile(path, documentText());
    auto store = ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
    const IngestOptions options = remoteOptions(server);
    CircuitBreakerSettings settings = RemoteExtractor::breakerSettings(options.remote);
    settings.failureThreshold = 2;
    settings.maxRetries = 1;
    settings.backoffBaseMs = 5;
    settings.recoveryTimeoutMs = 600000;
    CircuitBreaker breaker(RemoteExtractor::breakerName(), settings);

    IngestJob job(*store, options);
    job.setRemoteBreaker(&breaker);
    const IngestSummary summary = syncWait(job.run({path}));
    QCOMPARE(summary.documentsDone, 1);
    QCOMPARE(job.remoteExtractor()->stats().fallbacks, quint64(summary.chunks));
    QCOMPARE(breaker.stats().state, CircuitBreaker::State::Open);
    // Once open, chunks no longer reach the server: far fewer requests than chunks times attempts.
    QVERIFY2(server.requests() < 2 * summary.chunks, qPrintable(QString::number(server.requests())));
    const QList<StoredEntity> entities = store->entities();
    QVERIFY(findEntity(entities, QStringLiteral("Ada Lovelace")));    // the built-in extractor's
    QVERIFY(!findEntity(entities, QStringLiteral("quantum teapot"))); // only the model finds it
}

void TstRemoteExtraction::hungEndpointOpensTheBreakerAndEveryDocumentFallsBack()
{
    // An endpoint that accepts and never answers, at the defaults' proportions scaled down 30
    // times: 2 request slots, a request limit half the document's (60 s and 120 s become 2 s and
    // 4 s), 5 failures in a window as long as a request's limit. Timeouts alone reach the breaker
    // two at a time, too few to open it before the documents' time runs out.
    LoopbackChatServer server(modelAnswer);
    server.setSlowDelayMs(120000);
    server.setBehaviour(LoopbackChatServer::Behaviour::Slow);
    QTemporaryDir dir;
    const int documents = 4;
    for (int i = 0; i < documents; ++i)
        gw::testing::writeFile(dir.filePath(QStringLiteral("in/doc%1.txt").arg(i)),
                               documentText() + QByteArray::number(i));
    auto store = ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
    IngestOptions options = remoteOptions(server);
    options.remote.timeoutMs = 2000;
    options.remote.maxConcurrent = 2;
    options.limits.timeoutMs = 4000;
    CircuitBreakerSettings settings = RemoteExtractor::breakerSettings(options.remote);
    settings.windowMs = 2000;
    settings.recoveryTimeoutMs = 600000;
    CircuitBreaker breaker(RemoteExtractor::breakerName(), settings);

    IngestJob job(*store, options);
    job.setRemoteBreaker(&breaker);
    const IngestSummary summary = syncWait(job.run({dir.filePath(QStringLiteral("in"))}));
    QVERIFY2(summary.documentsFailed == 0,
             qPrintable(summary.failures.isEmpty() ? QString() : summary.failures.first().reason));
    QCOMPARE(summary.documentsDone, documents);
    QCOMPARE(breaker.stats().state, CircuitBreaker::State::Open);
    QVERIFY(breaker.stats().slowPeriods >= 1u);
    QCOMPARE(job.remoteExtractor()->stats().fallbacks, quint64(summary.chunks));
    QVERIFY2(server.requests() < summary.chunks, qPrintable(QString::number(server.requests())));
    const QList<StoredEntity> entities = store->entities();
    QVERIFY(findEntity(entities, QStringLiteral("Ada Lovelace"))); // the built-in extractor's
}

GW_TEST_MAIN(TstRemoteExtraction)
void TstRemoteExtraction::projectCacheStaysWithinItsLimitAsItGrows()
{
    QTemporaryDir dir;
    auto store = ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
    const qint64 one = 6 + 1 + 100; // "key-NN", "m", 100 characters
    ProjectExtractionCache cache(*store, 10 * one);
    const QString response(100, QLatin1Char('y'));
    for (int i = 10; i < 73; ++i)
        cache.insert(QStringLiteral("key-%1").arg(i), QStringLiteral("m"), response);
    QCOMPARE(ExtractionCacheTable(*store).size().entries, qint64(63)); // not pruned yet: every 64 writes
    QThread::msleep(5); // its use is recorded in a later millisecond than every answer written so far
    QVERIFY(cache.find(QStringLiteral("key-10"))); // found again: used most recently of the old ones
    cache.insert(QStringLiteral("key-73"), QStringLiteral("m"), response);
    const ExtractionCacheSize size = ExtractionCacheTable(*store).size();
    QCOMPARE(size.entries, qint64(10));
    QCOMPARE(size.bytes, 10 * one);
    QVERIFY(cache.find(QStringLiteral("key-73")));
    QVERIFY(cache.find(QStringLiteral("key-10")));
    QVERIFY(!cache.find(QStringLiteral("key-11")));
}

void TstRemoteExtraction::aFlushRecordsTheUsesAndNoLimitKeepsEverything()
{
    QTemporaryDir dir;
    auto store = ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
    const QString response(100, QLatin1Char('y'));
    {
        // No limit: 200 answers, three prunes' worth of writes, and none goes.
        ProjectExtractionCache unbounded(*store, 0);
        for (int i = 0; i < 200; ++i)
            unbounded.insert(QStringLiteral("key-%1").arg(i, 3, 10, QLatin1Char('0')), QStringLiteral("m"), response);
        QCOMPARE(ExtractionCacheTable(*store).size().entries, qint64(200));
    }
    // A use found and flushed (as the remote extractor does after each document) counts at the
    // next prune, though the batch was far from full; one not flushed is dropped with the cache.
    {
        ProjectExtractionCache cache(*store, 0);
        QThread::msleep(5); // a later millisecond than the answers' writing
        QVERIFY(cache.find(QStringLiteral("key-000")));
        cache.flush();
        QThread::msleep(5); // a later millisecond than the uses below
        QVERIFY(cache.find(QStringLiteral("key-001")));
    }
    ExtractionCacheTable(*store).prune(ExtractionCacheTable(*store).size().bytes / 200);
    QCOMPARE(ExtractionCacheTable(*store).size().entries, qint64(1));
    ProjectExtractionCache reader(*store, 0);
    QVERIFY(reader.find(QStringLiteral("key-000")));
}

#include "tst_remoteextraction.moc"
