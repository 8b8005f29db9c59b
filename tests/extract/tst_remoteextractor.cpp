#include "testmain.h"

#include "core/cancellation.h"
#include "core/circuitbreaker.h"
#include "core/errors.h"
#include "extract/chatextractioncodec.h"
#include "extract/entityextractor.h"
#include "core/taskgroup.h"
#include "extract/extractioncache.h"
#include "extract/extractionschema.h"
#include "extract/vocabulary.h"
#include "extract/relationextractor.h"
#include "extract/remoteextractionerrors.h"
#include "extract/remoteextractor.h"
#include "loopbackchatserver.h"

#include <QHash>
#include <QScopeGuard>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QThreadPool>

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>

using namespace gw;
using gw::testing::LoopbackChatServer;
using Behaviour = LoopbackChatServer::Behaviour;

// Declared before any literal that could confuse moc (see docs/toolchain-traps.md).
class TstRemoteExtractor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codecPlacesMentionsAndRelations();
    void codecMatchesWholeWordsThenIgnoringCase();
    void codecAcceptsAFencedAnswer();
    void codecRejectsMalformedAnswers_data();
    void codecRejectsMalformedAnswers();
    void schemaIsStrictAndNamesTheProjectTypes();
    void vocabularyNamesInAChunkAreListedAndKeyed();
    void codecRefusesAbsurdAnswers_data();
    void codecRefusesAbsurdAnswers();
    void codecDropsTokensThatNameNothing();
    void codecRejectsMalformedResponses_data();
    void codecRejectsMalformedResponses();
    void requestBodyCarriesModelAndText();
    void requestKeyCoversEveryPart();
    void endpointUrl_data();
    void endpointUrl();

    void goodAnswersBecomeMentionsWithOffsets();
    void cacheHitMakesNoRequest();
    void timeoutsAndGarbageOpenTheBreakerThenFallBackWithoutRequests();
    void transientFailuresAreRetried_data();
    void transientFailuresAreRetried();
    void connectionFailuresAreRetried();
    void cancelDuringSlowAnswerReturnsQuickly();
    void concurrencyNeverExceedsTheBound();
    void absurdAnswersFallBackAndAreNotCached();
    void apiKeyIsSentAsBearerTokenEnvironmentFirst();
    void refusedKeyFallsBackAndIsNeverAskedAgain();
    void usageIsCountedPerChunkAndInAll();
    void faultsEndWithTheRightFigures_data();
    void faultsEndWithTheRightFigures();
    void jsonSchemaIsSentOnlyWhenHonoured();
};

namespace {

const QString sampleText = QStringLiteral(
    "In 1843 Ada Lovelace worked with Charles Babbage in London. Later, Lovelace described the quantum teapot.");
const QString sampleSentence = QStringLiteral("Ada Lovelace worked with Charles Babbage in London.");

// A well-behaved model: reports the names of the test texts that it sees, plus one it made up.
QString modelAnswer(const QString &text)
{
    static const QList<std::pair<QString, QString>> known = {
        {QStringLiteral("Ada Lovelace"), QStringLiteral("PERSON")},
        {QStringLiteral("Charles Babbage"), QStringLiteral("PERSON")},
        {QStringLiteral("London"), QStringLiteral("LOCATION")},
        {QStringLiteral("Lovelace"), QStringLiteral("PERSON")},
        {QStringLiteral("quantum teapot"), QStringLiteral("MISC")},
    };
    QJsonArray entities;
    for (const auto &[name, type] : known)
        if (text.contains(name))
            entities.append(QJsonObject{{QStringLiteral("text"), name}, {QStringLiteral("type"), type}});
    entities.append(QJsonObject{{QStringLiteral("text"), QStringLiteral("Alan Turing")},
                                {QStringLiteral("type"), QStringLiteral("PERSON")}});
    QJsonArray relations;
    if (text.contains(sampleSentence))
        relations.append(QJsonObject{{QStringLiteral("subject"), QStringLiteral("Ada Lovelace")},
                                     {QStringLiteral("type"), QStringLiteral("works_for")},
                                     {QStringLiteral("object"), QStringLiteral("Charles Babbage")},
                                     {QStringLiteral("evidence"), sampleSentence}});
    const QJsonObject answer{{QStringLiteral("entities"), entities}, {QStringLiteral("relations"), relations}};
    return QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact));
}

class MemoryCache final : public ExtractionCache
{
public:
    std::optional<QString> find(const QString &key) override
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_entries.constFind(key);
        return it == m_entries.constEnd() ? std::nullopt : std::optional<QString>(*it);
    }
    void insert(const QString &key, const QString &, const QString &response) override
    {
        std::lock_guard lock(m_mutex);
        m_entries.insert(key, response);
    }
    qsizetype size() const
    {
        std::lock_guard lock(m_mutex);
        return m_entries.size();
    }

private:
    mutable std::mutex m_mutex;
    QHash<QString, QString> m_entries;
};

CircuitBreakerSettings testBreaker(qint64 timeoutMs, int retries, int threshold = 5)
{
    CircuitBreakerSettings s;
    s.failureThreshold = threshold;
    s.recoveryTimeoutMs = 600000; // stays open for the rest of the test
    s.callTimeoutMs = timeoutMs;
    s.maxRetries = retries;
    s.backoffBaseMs = 10;
    s.backoffMaxMs = 40;
    s.seed = 1;
    return s;
}

RemoteExtractorSettings remoteSettings(const LoopbackChatServer &server, int maxConcurrent = 2)
{
    RemoteExtractorSettings s;
    s.url = server.url();
    s.model = QStringLiteral("test-model");
    s.maxConcurrent = maxConcurrent;
    return s;
}

// What one extract() on a worker gave: a result, or the exception's description.
struct Outcome
{
    std::optional<RemoteExtractor::Result> result;
    bool cancelled = false;
    QString error;
    qint64 finishedAtMs = 0; // steady clock, for latencies
};

qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

Outcome runExtract(const RemoteExtractor &remote, const QString &text, const CancellationToken &token = {})
{
    Outcome outcome;
    try {
        outcome.result = remote.extract(text, token);
    } catch (const CancelledError &) {
        outcome.cancelled = true;
    } catch (const std::exception &error) {
        outcome.error = QString::fromUtf8(error.what());
    }
    outcome.finishedAtMs = steadyMs();
    return outcome;
}

// Extracts each text on a private pool of `threads` workers (extraction never runs on the main
// thread in the product either) and waits for all; outcomes in the order of the texts. Through a
// TaskGroup, as the product hands work to threads: its hand-offs are visible to ThreadSanitizer.
QList<Outcome> extractOnWorkers(const RemoteExtractor &remote, const QStringList &texts, int threads,
                                const CancellationToken &token = {})
{
    QThreadPool pool;
    pool.setMaxThreadCount(threads);
    gw::TaskGroup<Outcome> group({.maxParallel = threads, .pool = &pool, .name = QStringLiteral("extract")});
    for (qsizetype i = 0; i < texts.size(); ++i)
        group.spawn(QStringLiteral("text %1").arg(i),
                    [&remote, &texts, i, token] { return runExtract(remote, texts.at(i), token); });
    return group.joinBlocking();
}

Outcome extractOnWorker(const RemoteExtractor &remote, const QString &text)
{
    return extractOnWorkers(remote, {text}, 1).constFirst();
}

QStringList distinctTexts(int count)
{
    QStringList texts;
    for (int i = 0; i < count; ++i)
        texts << QStringLiteral("Text %1: Ada Lovelace worked with Charles Babbage in London.").arg(i);
    return texts;
}

} // namespace

void TstRemoteExtractor::codecPlacesMentionsAndRelations()
{
    const auto answer = ChatExtractionCodec::parseAnswer(modelAnswer(sampleText), sampleText);
    const QList<std::pair<QString, EntityType>> expected = {{QStringLiteral("Ada Lovelace"), EntityType::Person},
                                                            {QStringLiteral("Charles Babbage"), EntityType::Person},
                                                            {QStringLiteral("London"), EntityType::Location},
                                                            {QStringLiteral("Lovelace"), EntityType::Person},
                                                            {QStringLiteral("quantum teapot"), EntityType::Misc}};
    QCOMPARE(answer.mentions.size(), expected.size());
    qsizetype from = 0;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const Mention &m = answer.mentions.at(i);
        // The second "Lovelace" only: the first is inside "Ada Lovelace", claimed first.
        const qsizetype start = sampleText.indexOf(expected.at(i).first, from);
        QCOMPARE(m.text, expected.at(i).first);
        QCOMPARE(m.type, expected.at(i).second);
        QCOMPARE(m.start, start);
        QCOMPARE(m.end, start + expected.at(i).first.size());
        QCOMPARE(sampleText.mid(m.start, m.end - m.start), m.text);
        from = m.end;
    }
    QCOMPARE(answer.unplaced, 1); // "Alan Turing" is not in the text
    QCOMPARE(answer.relations.size(), 1);
    const RelationMention &r = answer.relations.constFirst();
    QCOMPARE(r.type, RelationType::WorksFor);
    QCOMPARE(answer.mentions.at(r.subject).text, QStringLiteral("Ada Lovelace"));
    QCOMPARE(answer.mentions.at(r.object).text, QStringLiteral("Charles Babbage"));
    QCOMPARE(r.sentenceStart, sampleText.indexOf(sampleSentence));
    QCOMPARE(r.sentenceEnd, r.sentenceStart + sampleSentence.size());
}

void TstRemoteExtractor::codecMatchesWholeWordsThenIgnoringCase()
{
    const QString text = QStringLiteral("Adam met ADA at IBM. Ada left.");
    const QString content = QStringLiteral(
        R"({"entities":[{"text":"Ada","type":"PERSON"},{"text":"ibm","type":"ORGANIZATION"}],
            "relations":[{"subject":"ada","type":"works_for","object":"IBM","evidence":""}]})");
    const auto answer = ChatExtractionCodec::parseAnswer(content, text);
    // "Ada" as written exists (the last sentence), so only exact matches count; never inside "Adam".
    QCOMPARE(answer.mentions.size(), 2);
    QCOMPARE(answer.mentions.at(0).text, QStringLiteral("IBM")); // found ignoring case
    QCOMPARE(answer.mentions.at(0).type, EntityType::Organization);
    QCOMPARE(answer.mentions.at(1).text, QStringLiteral("Ada"));
    QCOMPARE(answer.mentions.at(1).start, text.lastIndexOf(QStringLiteral("Ada")));
    QCOMPARE(answer.mentions.at(1).type, EntityType::Person);
    // No evidence given: the nearest pair; names are found ignoring case.
    QCOMPARE(answer.relations.size(), 1);
    QCOMPARE(answer.relations.constFirst().type, RelationType::WorksFor);
    QCOMPARE(answer.unplaced, 0);
}

void TstRemoteExtractor::codecAcceptsAFencedAnswer()
{
    const QString content = QStringLiteral("```json\n") + modelAnswer(sampleText) + QStringLiteral("\n```");
    QCOMPARE(ChatExtractionCodec::parseAnswer(content, sampleText).mentions.size(), 5);
}

void TstRemoteExtractor::codecRejectsMalformedAnswers_data()
{
    QTest::addColumn<QString>("content");
    QTest::newRow("prose") << QStringLiteral("Sure! Ada Lovelace is a person.");
    QTest::newRow("truncated") << QStringLiteral(R"({"entities":[{"text":"Ada")");
    QTest::newRow("array") << QStringLiteral(R"([{"text":"Ada"}])");
    QTest::newRow("no entities") << QStringLiteral(R"({"people":[]})");
    QTest::newRow("entities not a list") << QStringLiteral(R"({"entities":{"text":"Ada"}})");
    QTest::newRow("entity not an object") << QStringLiteral(R"({"entities":["Ada"]})");
    QTest::newRow("entity without text") << QStringLiteral(R"({"entities":[{"type":"PERSON"}]})");
    QTest::newRow("text not a string") << QStringLiteral(R"({"entities":[{"text":42}]})");
    QTest::newRow("relations not a list") << QStringLiteral(R"({"entities":[],"relations":"none"})");
    QTest::newRow("relation without object")
        << QStringLiteral(R"({"entities":[],"relations":[{"subject":"a","type":"owns","evidence":""}]})");
    // Against the schema: exact type names, every field, nothing else.
    QTest::newRow("type in lower case") << QStringLiteral(
        R"({"entities":[{"text":"Ada Lovelace","type":"person"}],"relations":[]})");
    QTest::newRow("unknown entity type") << QStringLiteral(
        R"({"entities":[{"text":"Ada Lovelace","type":"GENIUS"}],"relations":[]})");
    QTest::newRow("unknown relation type") << QStringLiteral(
        R"({"entities":[],"relations":[{"subject":"Ada Lovelace","type":"admires","object":"London","evidence":""}]})");
    QTest::newRow("co-occurrence is not the model's") << QStringLiteral(
        R"({"entities":[],"relations":[{"subject":"Ada Lovelace","type":"co_occurs","object":"London","evidence":""}]})");
    QTest::newRow("no relations list") << QStringLiteral(R"({"entities":[{"text":"Ada Lovelace","type":"PERSON"}]})");
    QTest::newRow("relation without evidence") << QStringLiteral(
        R"({"entities":[],"relations":[{"subject":"Ada Lovelace","type":"works_for","object":"London"}]})");
    QTest::newRow("entity without type") << QStringLiteral(R"({"entities":[{"text":"Ada Lovelace"}],"relations":[]})");
    QTest::newRow("an extra field") << QStringLiteral(
        R"({"entities":[{"text":"Ada Lovelace","type":"PERSON","confidence":0.9}],"relations":[]})");
    QTest::newRow("offsets out of range") << QStringLiteral(
        R"({"entities":[{"text":"Ada Lovelace","type":"PERSON","start":90000,"end":90012}],"relations":[]})");
    QTest::newRow("an extra list") << QStringLiteral(
        R"({"entities":[],"relations":[],"events":[{"text":"Ada Lovelace"}]})");
    QTest::newRow("type not a string") << QStringLiteral(
        R"({"entities":[{"text":"Ada Lovelace","type":1}],"relations":[]})");
}

void TstRemoteExtractor::codecRejectsMalformedAnswers()
{
    QFETCH(QString, content);
    QVERIFY_THROWS_EXCEPTION(MalformedAnswerError, ChatExtractionCodec::parseAnswer(content, sampleText));
}

void TstRemoteExtractor::schemaIsStrictAndNamesTheProjectTypes()
{
    const ExtractionSchema &schema = ExtractionSchema::standard();
    const QJsonObject answer = schema.answerSchema();
    QCOMPARE(answer.value(QStringLiteral("additionalProperties")).toBool(true), false);
    const QJsonObject entity = answer.value(QStringLiteral("properties"))
                                   .toObject()
                                   .value(QStringLiteral("entities"))
                                   .toObject()
                                   .value(QStringLiteral("items"))
                                   .toObject();
    QStringList typeNames;
    for (const QJsonValue &name : entity.value(QStringLiteral("properties"))
                                      .toObject()
                                      .value(QStringLiteral("type"))
                                      .toObject()
                                      .value(QStringLiteral("enum"))
                                      .toArray())
        typeNames << name.toString();
    QStringList expected;
    for (EntityType type :
         {EntityType::Person, EntityType::Organization, EntityType::Location, EntityType::Date, EntityType::Money,
          EntityType::Percent, EntityType::Email, EntityType::Url, EntityType::Misc})
        expected << entityTypeName(type);
    QCOMPARE(typeNames, expected);
    // OpenAI's strict mode: every property of every object required, no others allowed.
    const std::function<void(const QJsonObject &, const QString &)> checkStrict = [&](const QJsonObject &node,
                                                                                      const QString &where) {
        if (node.value(QStringLiteral("type")).toString() == QLatin1String("object")) {
            QStringList required;
            for (const QJsonValue &name : node.value(QStringLiteral("required")).toArray())
                required << name.toString();
            QCOMPARE(required, node.value(QStringLiteral("properties")).toObject().keys());
            QVERIFY2(node.value(QStringLiteral("additionalProperties")) == QJsonValue(false), qPrintable(where));
            const QJsonObject properties = node.value(QStringLiteral("properties")).toObject();
            for (auto it = properties.begin(); it != properties.end(); ++it)
                checkStrict(it.value().toObject(), where + u'.' + it.key());
        }
        if (node.contains(QStringLiteral("items")))
            checkStrict(node.value(QStringLiteral("items")).toObject(), where + QStringLiteral("[]"));
    };
    checkStrict(answer, QStringLiteral("answer"));

    // The format sent: json_schema with that very schema, or plain JSON.
    const QJsonObject honoured = schema.responseFormat(true);
    QCOMPARE(honoured.value(QStringLiteral("type")).toString(), QStringLiteral("json_schema"));
    const QJsonObject jsonSchema = honoured.value(QStringLiteral("json_schema")).toObject();
    QCOMPARE(jsonSchema.value(QStringLiteral("name")).toString(), ExtractionSchema::formatName());
    QCOMPARE(jsonSchema.value(QStringLiteral("strict")).toBool(), true);
    QCOMPARE(jsonSchema.value(QStringLiteral("schema")).toObject(), answer);
    QCOMPARE(schema.responseFormat(false), (QJsonObject{{QStringLiteral("type"), QStringLiteral("json_object")}}));
    const QJsonObject body =
        QJsonDocument::fromJson(ChatExtractionCodec::requestBody(QStringLiteral("m"), sampleText, schema, true))
            .object();
    QCOMPARE(body.value(QStringLiteral("response_format")).toObject(), honoured);

    // The validator says where an answer strays.
    const QString violation = schema.violation(
        QJsonDocument::fromJson(
            R"({"entities":[{"text":"Ada","type":"PERSON"},{"text":"Bob","type":"person"}],"relations":[]})")
            .object());
    QVERIFY2(violation.contains(QStringLiteral("answer.entities[1].type")), qPrintable(violation));
    QVERIFY(schema.violation(QJsonDocument::fromJson(modelAnswer(sampleText).toUtf8()).object()).isEmpty());
}

void TstRemoteExtractor::vocabularyNamesInAChunkAreListedAndKeyed()
{
    auto vocabulary = std::make_shared<const Vocabulary>(
        QList<VocabularyEntry>{{QStringLiteral("Analytical Engine"), EntityType::Misc, {QStringLiteral("the Engine")}},
                               {QStringLiteral("Royal Society"), EntityType::Organization, {}}});
    const ExtractionSchema withVocabulary(vocabulary);
    const QString chunk = QStringLiteral("Ada Lovelace wrote about the Engine for the Royal Society.");
    const QString prompt = withVocabulary.systemPrompt(chunk);
    QVERIFY2(prompt.startsWith(ExtractionSchema::standard().systemPrompt(chunk)), qPrintable(prompt));
    QVERIFY2(prompt.contains(QStringLiteral("- Royal Society: ORGANIZATION")), qPrintable(prompt));
    QVERIFY2(prompt.contains(QStringLiteral("- the Engine: MISC (another name of Analytical Engine)")),
             qPrintable(prompt));
    // A chunk without the names gets the plain instructions.
    QCOMPARE(withVocabulary.systemPrompt(sampleText), ExtractionSchema::standard().systemPrompt(sampleText));
    // Another vocabulary, another request shape: cached answers are not reused across them.
    QVERIFY(withVocabulary.requestShape(false) != ExtractionSchema::standard().requestShape(false));
    const ExtractionSchema other(std::make_shared<const Vocabulary>(
        QList<VocabularyEntry>{{QStringLiteral("Royal Society"), EntityType::Location, {}}}));
    QVERIFY(other.requestShape(false) != withVocabulary.requestShape(false));
    QCOMPARE(ExtractionSchema(vocabulary).requestShape(true), withVocabulary.requestShape(true));
}

namespace {
// An answer listing `count` entities called `name` plus a number.
QString manyEntities(int count, const QString &name)
{
    QJsonArray entities;
    for (int i = 0; i < count; ++i)
        entities.append(QJsonObject{{QStringLiteral("text"), QStringLiteral("%1 %2").arg(name).arg(i)},
                                    {QStringLiteral("type"), QStringLiteral("PERSON")}});
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("entities"), entities}, {QStringLiteral("relations"), QJsonArray()}})
            .toJson());
}

// Why the codec refused `content` (empty when it did not).
QString refusal(const QString &content, const QString &chunk)
{
    try {
        ChatExtractionCodec::parseAnswer(content, chunk);
    } catch (const MalformedAnswerError &error) {
        return error.message();
    }
    return {};
}
} // namespace

void TstRemoteExtractor::codecRefusesAbsurdAnswers_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("chunk");
    // The whole chunk stored as one PERSON was seen from a real model.
    QString paragraph;
    while (paragraph.size() < 956)
        paragraph += QStringLiteral("Ada Lovelace worked with Charles Babbage in London. ");
    QTest::newRow("a paragraph as a name")
        << QStringLiteral(R"({"entities":[{"text":"%1","type":"PERSON"}],"relations":[]})").arg(paragraph.trimmed())
        << paragraph;
    QTest::newRow("100,000 invented entities") << manyEntities(100000, QStringLiteral("Person")) << sampleText;
    QTest::newRow("more entities than the chunk has room for")
        << manyEntities(int(sampleText.size()), QStringLiteral("A")) << sampleText;
    QTest::newRow("a megabyte-long name")
        << QStringLiteral(R"({"entities":[{"text":"%1","type":"PERSON"}],"relations":[]})")
               .arg(QString(1 << 20, QLatin1Char('x')))
        << sampleText;
    QJsonArray relations;
    for (int i = 0; i < 100; ++i)
        relations.append(QJsonObject{{QStringLiteral("subject"), QStringLiteral("Ada Lovelace")},
                                     {QStringLiteral("type"), QStringLiteral("works_for")},
                                     {QStringLiteral("object"), QStringLiteral("Charles Babbage")},
                                     {QStringLiteral("evidence"), sampleSentence}});
    QTest::newRow("more relations than the chunk has room for") << QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("entities"), QJsonArray{}}, {QStringLiteral("relations"), relations}})
            .toJson(QJsonDocument::Compact)) << sampleText;
}

void TstRemoteExtractor::codecRefusesAbsurdAnswers()
{
    QFETCH(QString, content);
    QFETCH(QString, chunk);
    // Refused for its size, though it follows the schema.
    const QString why = refusal(content, chunk);
    QVERIFY2(!why.isEmpty(), "accepted");
    QVERIFY2(!why.contains(QStringLiteral("schema")), qPrintable(why));
}

void TstRemoteExtractor::codecDropsTokensThatNameNothing()
{
    const QString text = QStringLiteral("Lovelace's notes on the engine of Charles Babbage - a first program.");
    // Built, not written as a raw string: moc reads an apostrophe in one as a character literal.
    QJsonArray listed;
    for (const char *name : {"\x27s", "-", "Charles Babbage", "Lovelace"})
        listed.append(QJsonObject{{QStringLiteral("text"), QString::fromUtf8(name)},
                                  {QStringLiteral("type"), QStringLiteral("PERSON")}});
    const QString content = QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("entities"), listed}, {QStringLiteral("relations"), QJsonArray()}})
            .toJson());
    const ChatExtractionCodec::Answer answer = ChatExtractionCodec::parseAnswer(content, text);
    QStringList names;
    for (const Mention &mention : answer.mentions) {
        names << mention.text;
        QVERIFY(mention.start >= 0 && mention.end <= text.size() && mention.start < mention.end);
        QCOMPARE(text.mid(mention.start, mention.end - mention.start), mention.text);
    }
    QCOMPARE(names, (QStringList{QStringLiteral("Lovelace"), QStringLiteral("Charles Babbage")}));
    QCOMPARE(answer.unplaced, 2);
}

void TstRemoteExtractor::codecRejectsMalformedResponses_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("html") << QByteArray("<html><body>Bad gateway</body></html>");
    QTest::newRow("no choices") << QByteArray(R"({"choices":[]})");
    QTest::newRow("error object") << QByteArray(R"({"error":{"message":"model not found"}})");
    QTest::newRow("content not a string") << QByteArray(R"({"choices":[{"message":{"content":null}}]})");
}

void TstRemoteExtractor::codecRejectsMalformedResponses()
{
    QFETCH(QByteArray, body);
    QVERIFY_THROWS_EXCEPTION(MalformedAnswerError, ChatExtractionCodec::answerContent(body));
}

void TstRemoteExtractor::requestBodyCarriesModelAndText()
{
    const QJsonObject body =
        QJsonDocument::fromJson(ChatExtractionCodec::requestBody(QStringLiteral("llama3.2"), sampleText,
                                                                 ExtractionSchema::standard(), false))
            .object();
    QCOMPARE(body.value(QStringLiteral("model")).toString(), QStringLiteral("llama3.2"));
    QCOMPARE(body.value(QStringLiteral("stream")).toBool(true), false);
    const QJsonArray messages = body.value(QStringLiteral("messages")).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("system"));
    QVERIFY(
        messages.at(0).toObject().value(QStringLiteral("content")).toString().contains(QStringLiteral("works_for")));
    QCOMPARE(messages.at(1).toObject().value(QStringLiteral("content")).toString(), sampleText);
    // The test server's wrapping is what the codec unwraps.
    QCOMPARE(ChatExtractionCodec::answerContent(LoopbackChatServer::completion(QStringLiteral("x"))),
             QStringLiteral("x"));
}

void TstRemoteExtractor::requestKeyCoversEveryPart()
{
    const QString e = QStringLiteral("http://a/v1/chat/completions");
    const QString m = QStringLiteral("m");
    const ExtractionSchema &schema = ExtractionSchema::standard();
    const QString shape = schema.requestShape(false);
    const QString key = ExtractionCache::requestKey(e, m, 1, shape, sampleText);
    QCOMPARE(key.size(), 64);
    QCOMPARE(ExtractionCache::requestKey(e, m, 1, shape, sampleText), key);
    QVERIFY(ExtractionCache::requestKey(e + QStringLiteral("x"), m, 1, shape, sampleText) != key);
    QVERIFY(ExtractionCache::requestKey(e, QStringLiteral("n"), 1, shape, sampleText) != key);
    QVERIFY(ExtractionCache::requestKey(e, m, 2, shape, sampleText) != key);
    QVERIFY(ExtractionCache::requestKey(e, m, 1, shape + QStringLiteral(" "), sampleText) != key);
    QVERIFY(ExtractionCache::requestKey(e, m, 1, shape, sampleText + QStringLiteral(" ")) != key);
    // The shape is what the requests carry: their instructions and response format, and the
    // schema answers are checked against, whether or not the request carries it.
    const QJsonObject body =
        QJsonDocument::fromJson(ChatExtractionCodec::requestBody(QStringLiteral("m"), sampleText, schema, false))
            .object();
    QCOMPARE(body.value(QStringLiteral("response_format")).toObject(), schema.responseFormat(false));
    const QJsonObject parsedShape = QJsonDocument::fromJson(shape.toUtf8()).object();
    QCOMPARE(parsedShape.value(QStringLiteral("response_format")).toObject(), schema.responseFormat(false));
    QCOMPARE(parsedShape.value(QStringLiteral("schema")).toObject(), schema.answerSchema());
    QCOMPARE(parsedShape.value(QStringLiteral("system")).toString(), schema.systemPrompt(sampleText));
    QCOMPARE(body.value(QStringLiteral("messages")).toArray().at(0).toObject().value(QStringLiteral("content")),
             parsedShape.value(QStringLiteral("system")));
    // Asking for json_schema is another request: another key.
    QVERIFY(schema.requestShape(true) != shape);
}

void TstRemoteExtractor::endpointUrl_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected");
    QTest::newRow("host and port") << QStringLiteral("localhost:11434")
                                   << QStringLiteral("http://localhost:11434/v1/chat/completions");
    QTest::newRow("base") << QStringLiteral("http://gpu:8000/")
                          << QStringLiteral("http://gpu:8000/v1/chat/completions");
    QTest::newRow("v1") << QStringLiteral("http://gpu:8000/v1")
                        << QStringLiteral("http://gpu:8000/v1/chat/completions");
    QTest::newRow("full") << QStringLiteral("https://api.example.org/openai/v1/chat/completions")
                          << QStringLiteral("https://api.example.org/openai/v1/chat/completions");
}

void TstRemoteExtractor::endpointUrl()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    QCOMPARE(RemoteExtractor::endpointUrl(typed).toString(), expected);
}

void TstRemoteExtractor::goodAnswersBecomeMentionsWithOffsets()
{
    LoopbackChatServer server(modelAnswer);
    QVERIFY(server.isListening());
    const EntityExtractor entities;
    const RelationExtractor relations;
    const RemoteExtractor remote(remoteSettings(server), entities, relations);

    const Outcome outcome = extractOnWorker(remote, sampleText);
    QVERIFY2(outcome.result, qPrintable(outcome.error));
    QCOMPARE(outcome.result->origin, RemoteExtractor::Origin::Remote);
    const auto expected = ChatExtractionCodec::parseAnswer(modelAnswer(sampleText), sampleText);
    QCOMPARE(outcome.result->mentions, expected.mentions);
    for (const Mention &m : outcome.result->mentions)
        QCOMPARE(sampleText.mid(m.start, m.end - m.start), m.text);
    QCOMPARE(outcome.result->relations.size(), 1);
    QCOMPARE(outcome.result->mentions.at(outcome.result->relations.constFirst().subject).text,
             QStringLiteral("Ada Lovelace"));
    QCOMPARE(server.requests(), 1);
    QCOMPARE(server.models(), QStringList{QStringLiteral("test-model")});
    const RemoteExtractorStats stats = remote.stats();
    QCOMPARE(stats.requests, 1u);
    QCOMPARE(stats.remoteAnswers, 1u);
    QCOMPARE(stats.fallbacks, 0u);
    QCOMPARE(stats.unplaced, 1u);
    QCOMPARE(remote.breaker().stats().successes, 1u);
}

void TstRemoteExtractor::cacheHitMakesNoRequest()
{
    LoopbackChatServer server(modelAnswer);
    const EntityExtractor entities;
    const RelationExtractor relations;
    auto cache = std::make_shared<MemoryCache>();
    const QStringList texts = distinctTexts(4);

    QList<Outcome> first;
    {
        const RemoteExtractor remote(remoteSettings(server), entities, relations, cache);
        first = extractOnWorkers(remote, texts, 4);
    }
    QCOMPARE(server.requests(), 4);
    QCOMPARE(cache->size(), 4);

    // A re-run (a new extractor, as a new job would make) asks for nothing.
    const RemoteExtractor again(remoteSettings(server), entities, relations, cache);
    const QList<Outcome> second = extractOnWorkers(again, texts, 4);
    QCOMPARE(server.requests(), 4);
    for (qsizetype i = 0; i < texts.size(); ++i) {
        QVERIFY2(first.at(i).result && second.at(i).result, qPrintable(first.at(i).error + second.at(i).error));
        QCOMPARE(first.at(i).result->origin, RemoteExtractor::Origin::Remote);
        QCOMPARE(second.at(i).result->origin, RemoteExtractor::Origin::Cache);
        QCOMPARE(second.at(i).result->mentions, first.at(i).result->mentions);
        QCOMPARE(second.at(i).result->relations.size(), first.at(i).result->relations.size());
    }
    QCOMPARE(again.stats().cacheHits, 4u);
    QCOMPARE(again.stats().requests, 0u);
    QCOMPARE(again.breaker().stats().calls, 0u);

    // Another model is another question.
    RemoteExtractorSettings otherModel = remoteSettings(server);
    otherModel.model = QStringLiteral("other-model");
    const RemoteExtractor other(otherModel, entities, relations, cache);
    QVERIFY(extractOnWorker(other, texts.constFirst()).result);
    QCOMPARE(server.requests(), 5);
}

void TstRemoteExtractor::timeoutsAndGarbageOpenTheBreakerThenFallBackWithoutRequests()
{
    LoopbackChatServer server(modelAnswer);
    server.setSlowDelayMs(5000);
    server.script({Behaviour::Slow, Behaviour::Garbage, Behaviour::Slow});
    const EntityExtractor entities;
    const RelationExtractor relations;
    RemoteExtractor remote(remoteSettings(server), entities, relations);
    CircuitBreaker breaker(RemoteExtractor::breakerName(), testBreaker(300, 0, 3));
    remote.setBreaker(&breaker);

    const QStringList texts = distinctTexts(6);
    // One at a time, so the breaker opens exactly after the third failure.
    for (int i = 0; i < 3; ++i) {
        const Outcome outcome = extractOnWorker(remote, texts.at(i));
        QVERIFY2(outcome.result, qPrintable(outcome.error));
        QCOMPARE(outcome.result->origin, RemoteExtractor::Origin::Fallback); // the document goes on
    }
    CircuitBreakerStats stats = breaker.stats();
    QCOMPARE(stats.failures, 3u);
    QCOMPARE(stats.timeouts, 2u);
    QCOMPARE(stats.state, CircuitBreaker::State::Open);
    QCOMPARE(server.requests(), 3);
    QCOMPARE(remote.stats().malformed, 1u);
    QVERIFY2(breaker.stats().lastError.contains(QStringLiteral("timed out"))
                 || remote.stats().lastFallbackReason.contains(QStringLiteral("timed out")),
             qPrintable(remote.stats().lastFallbackReason));

    // Open: the built-in extractor answers and no request reaches the server.
    const QList<Outcome> whileOpen = extractOnWorkers(remote, texts.mid(3), 3);
    for (const Outcome &outcome : whileOpen) {
        QVERIFY2(outcome.result, qPrintable(outcome.error));
        QCOMPARE(outcome.result->origin, RemoteExtractor::Origin::Fallback);
    }
    QCOMPARE(whileOpen.at(0).result->mentions.size(), entities.extract(texts.at(3)).size());
    QCOMPARE(whileOpen.at(0).result->mentions, entities.extract(texts.at(3)));
    QCOMPARE(server.requests(), 3);
    stats = breaker.stats();
    QCOMPARE(stats.rejections, 3u);
    QCOMPARE(stats.fallbacks, 6u);
    QCOMPARE(remote.stats().fallbacks, 6u);
    QVERIFY(remote.stats().lastFallbackReason.contains(QStringLiteral("is open")));
}

void TstRemoteExtractor::transientFailuresAreRetried_data()
{
    QTest::addColumn<QList<Behaviour>>("script");
    QTest::addColumn<int>("requests");
    QTest::addColumn<int>("retries");
    QTest::addColumn<bool>("remoteAnswer");
    QTest::newRow("500, 500, answer") << QList<Behaviour>{Behaviour::Error500, Behaviour::Error500} << 3 << 2 << true;
    QTest::newRow("429, answer") << QList<Behaviour>{Behaviour::Error429} << 2 << 1 << true;
    QTest::newRow("500 beyond the retries")
        << QList<Behaviour>{Behaviour::Error500, Behaviour::Error500, Behaviour::Error500} << 3 << 2 << false;
    QTest::newRow("400 is not retried") << QList<Behaviour>{Behaviour::Error400} << 1 << 0 << false;
    QTest::newRow("garbage is not retried") << QList<Behaviour>{Behaviour::Garbage} << 1 << 0 << false;
}

void TstRemoteExtractor::transientFailuresAreRetried()
{
    QFETCH(QList<Behaviour>, script);
    QFETCH(int, requests);
    QFETCH(int, retries);
    QFETCH(bool, remoteAnswer);
    LoopbackChatServer server(modelAnswer);
    server.script(script);
    const EntityExtractor entities;
    const RelationExtractor relations;
    RemoteExtractor remote(remoteSettings(server), entities, relations);
    CircuitBreaker breaker(RemoteExtractor::breakerName(), testBreaker(5000, 2, 10));
    remote.setBreaker(&breaker);

    const Outcome outcome = extractOnWorker(remote, sampleText);
    QVERIFY2(outcome.result, qPrintable(outcome.error));
    QCOMPARE(outcome.result->origin,
             remoteAnswer ? RemoteExtractor::Origin::Remote : RemoteExtractor::Origin::Fallback);
    QCOMPARE(server.requests(), requests);
    const CircuitBreakerStats stats = breaker.stats();
    QCOMPARE(stats.retries, quint64(retries));
    QCOMPARE(stats.failures, quint64(remoteAnswer ? requests - 1 : requests));
    QCOMPARE(stats.fallbacks, remoteAnswer ? 0u : 1u);
}

void TstRemoteExtractor::connectionFailuresAreRetried()
{
    const EntityExtractor entities;
    const RelationExtractor relations;
    RemoteExtractorSettings settings;
    settings.model = QStringLiteral("test-model");
    // Qt itself resends a request once when a kept-alive connection drops, so requests per
    // attempt vary; every attempt must still fail, and be retried, as a transient error.
    LoopbackChatServer closing(modelAnswer);
    closing.setBehaviour(Behaviour::Close);
    quint16 deadPort = 0;
    {
        const LoopbackChatServer gone(modelAnswer);
        deadPort = gone.port();
    }
    for (const QString &url : {closing.url(), QStringLiteral("http://127.0.0.1:%1/v1").arg(deadPort)}) {
        settings.url = url;
        RemoteExtractor remote(settings, entities, relations);
        CircuitBreaker breaker(RemoteExtractor::breakerName(), testBreaker(5000, 2, 10));
        remote.setBreaker(&breaker);
        const Outcome outcome = extractOnWorker(remote, sampleText);
        QVERIFY2(outcome.result, qPrintable(outcome.error));
        QCOMPARE(outcome.result->origin, RemoteExtractor::Origin::Fallback);
        const CircuitBreakerStats stats = breaker.stats();
        QCOMPARE(stats.retries, 2u);
        QCOMPARE(stats.failures, 3u);
        QVERIFY2(remote.stats().lastFallbackReason.contains(QStringLiteral("cannot reach")),
                 qPrintable(remote.stats().lastFallbackReason));
    }
    QVERIFY(closing.requests() >= 3);
}

void TstRemoteExtractor::cancelDuringSlowAnswerReturnsQuickly()
{
    LoopbackChatServer server(modelAnswer);
    server.setBehaviour(Behaviour::Slow);
    server.setSlowDelayMs(20000);
    const EntityExtractor entities;
    const RelationExtractor relations;
    // One slot: the first chunk waits for its answer, the second for the slot.
    RemoteExtractor remote(remoteSettings(server, 1), entities, relations);
    CircuitBreaker breaker(RemoteExtractor::breakerName(), testBreaker(60000, 2));
    remote.setBreaker(&breaker);

    CancellationSource source;
    QThreadPool pool;
    pool.setMaxThreadCount(2);
    const QStringList texts = distinctTexts(2);
    gw::TaskGroup<Outcome> group({.maxParallel = 2, .pool = &pool, .name = QStringLiteral("extract")});
    for (int i = 0; i < 2; ++i)
        group.spawn(QStringLiteral("text %1").arg(i),
                    [&remote, &texts, i, token = source.token()] { return runExtract(remote, texts.at(i), token); });
    QVERIFY(server.waitForInFlight(1, 10000));
    QThread::msleep(50); // let the second one queue for the slot
    const qint64 cancelledAt = steadyMs();
    source.cancel(QStringLiteral("test cancel"));
    const QList<Outcome> outcomes = group.joinBlocking();

    qint64 worst = 0;
    for (const Outcome &outcome : outcomes) {
        QVERIFY2(outcome.cancelled, qPrintable(outcome.error));
        worst = std::max(worst, outcome.finishedAtMs - cancelledAt);
    }
    qInfo("cancel latency (slow answer in flight + a chunk waiting for the slot): %lld ms", worst);
    QVERIFY2(worst < 2000, qPrintable(QStringLiteral("took %1 ms").arg(worst)));
    QCOMPARE(server.requests(), 1);
    const CircuitBreakerStats stats = breaker.stats();
    QCOMPARE(stats.failures, 0u); // a cancel is nobody's failure
    QCOMPARE(stats.cancellations, 1u);
    QCOMPARE(stats.fallbacks, 0u);
    QVERIFY(server.waitForInFlight(0, 5000)); // the server saw the connection go
}

void TstRemoteExtractor::concurrencyNeverExceedsTheBound()
{
    LoopbackChatServer server(modelAnswer);
    server.setAnswerDelayMs(100);
    const EntityExtractor entities;
    const RelationExtractor relations;
    const RemoteExtractor remote(remoteSettings(server, 2), entities, relations);

    const QList<Outcome> outcomes = extractOnWorkers(remote, distinctTexts(10), 6);
    for (const Outcome &outcome : outcomes) {
        QVERIFY2(outcome.result, qPrintable(outcome.error));
        QCOMPARE(outcome.result->origin, RemoteExtractor::Origin::Remote);
    }
    qInfo("server-side peak in flight: %d (bound 2), over %d connections", server.maxInFlight(), server.connections());
    QCOMPARE(server.requests(), 10);
    QVERIFY(server.maxInFlight() >= 1);
    QVERIFY(server.maxInFlight() <= 2);
}

void TstRemoteExtractor::absurdAnswersFallBackAndAreNotCached()
{
    // A model that lists 100,000 invented entities for every chunk.
    LoopbackChatServer server([](const QString &) { return manyEntities(100000, QStringLiteral("Person")); });
    const EntityExtractor entities;
    const RelationExtractor relations;
    auto cache = std::make_shared<MemoryCache>();
    RemoteExtractor remote(remoteSettings(server), entities, relations, cache);
    // A generous limit: the answer is several megabytes, built, sent and parsed twice, which takes
    // seconds under ThreadSanitizer on a loaded machine; this test is about the refusal, not time.
    CircuitBreaker breaker(RemoteExtractor::breakerName(), testBreaker(60000, 0, 10));
    remote.setBreaker(&breaker);
    const Outcome outcome = extractOnWorker(remote, sampleText);
    QVERIFY2(outcome.result, qPrintable(outcome.error));
    QCOMPARE(outcome.result->origin, RemoteExtractor::Origin::Fallback);
    QCOMPARE(outcome.result->mentions, entities.extract(sampleText));
    QCOMPARE(cache->size(), 0);
    QCOMPARE(remote.stats().malformed, 1u);
    QVERIFY2(remote.stats().lastFallbackReason.contains(QStringLiteral("unusable answer")),
             qPrintable(remote.stats().lastFallbackReason));
}

void TstRemoteExtractor::apiKeyIsSentAsBearerTokenEnvironmentFirst()
{
    const QByteArray variable = RemoteExtractor::apiKeyVariable().toLatin1();
    const QByteArray outside = qgetenv(variable.constData());
    const auto restore = qScopeGuard([&] {
        if (outside.isNull())
            qunsetenv(variable.constData());
        else
            qputenv(variable.constData(), outside);
    });
    qunsetenv(variable.constData());
    LoopbackChatServer server(modelAnswer);
    const EntityExtractor entities;
    const RelationExtractor relations;
    RemoteExtractorSettings settings = remoteSettings(server);

    // No key: no Authorization header at all.
    {
        const RemoteExtractor remote(settings, entities, relations);
        QCOMPARE(extractOnWorker(remote, sampleText).result->origin, RemoteExtractor::Origin::Remote);
    }
    // A key from the settings (the keyring's), then the environment's, which wins.
    settings.apiKey = QStringLiteral("from-settings");
    {
        const RemoteExtractor remote(settings, entities, relations);
        QCOMPARE(extractOnWorker(remote, sampleText).result->origin, RemoteExtractor::Origin::Remote);
    }
    qputenv(variable.constData(), "from-environment");
    {
        const RemoteExtractor remote(settings, entities, relations);
        QCOMPARE(extractOnWorker(remote, sampleText).result->origin, RemoteExtractor::Origin::Remote);
    }
    QCOMPARE(
        server.authorizations(),
        (QList<QByteArray>{QByteArray(), QByteArray("Bearer from-settings"), QByteArray("Bearer from-environment")}));
}

void TstRemoteExtractor::refusedKeyFallsBackAndIsNeverAskedAgain()
{
    const QByteArray variable = RemoteExtractor::apiKeyVariable().toLatin1();
    const QByteArray outside = qgetenv(variable.constData());
    const auto restore = qScopeGuard([&] {
        if (!outside.isNull())
            qputenv(variable.constData(), outside);
    });
    qunsetenv(variable.constData());
    LoopbackChatServer server(modelAnswer);
    server.setRequiredApiKey("the-right-key");
    const EntityExtractor entities;
    const RelationExtractor relations;
    RemoteExtractorSettings settings = remoteSettings(server, 1);
    const QString wrongKey = QStringLiteral("sk-wrong-9f8e7d6c5b4a");
    settings.apiKey = wrongKey;
    RemoteExtractor remote(settings, entities, relations);
    // A breaker that would probe again after 50 ms: the refusal, not the breaker, stops the calls.
    CircuitBreakerSettings breakerSettings = testBreaker(5000, 2, 5);
    breakerSettings.recoveryTimeoutMs = 50;
    CircuitBreaker breaker(RemoteExtractor::breakerName(), breakerSettings);
    remote.setBreaker(&breaker);

    const QStringList texts = distinctTexts(7);
    const QList<Outcome> first = extractOnWorkers(remote, texts.mid(0, 4), 2);
    QThread::msleep(120); // past the breaker's recovery time
    QCOMPARE(breaker.state(), CircuitBreaker::State::HalfOpen);
    const QList<Outcome> later = extractOnWorkers(remote, texts.mid(4), 2);
    for (const Outcome &outcome : first + later) {
        QVERIFY2(outcome.result, qPrintable(outcome.error));
        QCOMPARE(outcome.result->origin, RemoteExtractor::Origin::Fallback);
    }
    QCOMPARE(server.requests(), 1); // one refusal, no retry, no probe
    const RemoteExtractorStats stats = remote.stats();
    QVERIFY(stats.credentialsRefused);
    QCOMPARE(stats.fallbacks, 7u);
    QCOMPARE(breaker.stats().retries, 0u);
    QCOMPARE(breaker.stats().failures, 1u);
    const QString reason = stats.lastFallbackReason;
    QVERIFY2(reason.contains(remote.endpoint().toDisplayString()), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("the API key was refused")), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("401")), qPrintable(reason));
    // The server quoted the key in its error body; no message repeats it.
    QVERIFY2(!reason.contains(wrongKey), qPrintable(reason));
    QVERIFY2(!breaker.stats().lastError.contains(wrongKey), qPrintable(breaker.stats().lastError));
    QVERIFY2(reason.contains(QStringLiteral("[API key]")), qPrintable(reason));
}

void TstRemoteExtractor::usageIsCountedPerChunkAndInAll()
{
    QCOMPARE(ChatExtractionCodec::usage(LoopbackChatServer::completion(QStringLiteral("x"), 7, 3)).promptTokens, 7);
    QCOMPARE(ChatExtractionCodec::usage(LoopbackChatServer::completion(QStringLiteral("x"), 7, 3)).completionTokens, 3);
    QCOMPARE(ChatExtractionCodec::usage(LoopbackChatServer::completion(QStringLiteral("x"))).promptTokens, 0);
    QCOMPARE(ChatExtractionCodec::usage("not json").completionTokens, 0);
    QCOMPARE(ChatExtractionCodec::usage(R"({"usage":{"prompt_tokens":-5,"completion_tokens":"many"}})").promptTokens,
             0);

    LoopbackChatServer server(modelAnswer);
    server.setUsage(120, 30);
    const EntityExtractor entities;
    const RelationExtractor relations;
    auto cache = std::make_shared<MemoryCache>();
    RemoteExtractor remote(remoteSettings(server, 1), entities, relations, cache);
    CircuitBreaker breaker(RemoteExtractor::breakerName(), testBreaker(5000, 2, 10));
    remote.setBreaker(&breaker);
    const QStringList texts = distinctTexts(3);

    // A 500 (no usage) and its retry: two requests, the tokens of one answer.
    server.script({Behaviour::Error500});
    Outcome outcome = extractOnWorker(remote, texts.at(0));
    QCOMPARE(outcome.result->origin, RemoteExtractor::Origin::Remote);
    QCOMPARE(outcome.result->usage, (RemoteUsage{120, 30, 2, 0, 0, 0}));
    // A babbling answer is billed too, counted invalid, and the chunk falls back.
    server.script({Behaviour::Garbage});
    outcome = extractOnWorker(remote, texts.at(1));
    QCOMPARE(outcome.result->origin, RemoteExtractor::Origin::Fallback);
    QCOMPARE(outcome.result->usage, (RemoteUsage{120, 30, 1, 0, 1, 0, 1}));
    // From the cache: free.
    outcome = extractOnWorker(remote, texts.at(0));
    QCOMPARE(outcome.result->origin, RemoteExtractor::Origin::Cache);
    QCOMPARE(outcome.result->usage, (RemoteUsage{0, 0, 0, 1, 0, 0}));

    const RemoteExtractorStats stats = remote.stats();
    QCOMPARE(stats.promptTokens, 240u);
    QCOMPARE(stats.completionTokens, 60u);
    QCOMPARE(stats.requests, 3u);
    QCOMPARE(server.requests(), 3);
}

namespace {
// An answer that follows the schema but for `entity`'s type.
QString answerTyped(const QString &type)
{
    return QStringLiteral(R"({"entities":[{"text":"Ada Lovelace","type":"%1"}],"relations":[]})").arg(type);
}
} // namespace

void TstRemoteExtractor::faultsEndWithTheRightFigures_data()
{
    QTest::addColumn<QList<Behaviour>>("script"); // the first requests, in order
    QTest::addColumn<Behaviour>("otherwise");     // every request after them
    QTest::addColumn<QStringList>("answers");     // for Scripted, in order
    QTest::addColumn<QByteArray>("retryAfter");   // sent with 429s
    QTest::addColumn<bool>("wrongKey");           // the server wants another API key
    QTest::addColumn<int>("origin");              // RemoteExtractor::Origin
    QTest::addColumn<int>("calls");               // requests the client sent
    QTest::addColumn<int>("invalid");             // answers not following the schema
    QTest::addColumn<int>("billedAnswers");       // answers that reported 100 + 10 tokens
    QTest::addColumn<int>("breakerState");        // CircuitBreaker::State at the end
    QTest::addColumn<int>("minGapMs");            // least time between the first two requests

    const auto row = [](const char *name) -> QTestData & { return QTest::newRow(name); };
    const int remote = int(RemoteExtractor::Origin::Remote);
    const int fallback = int(RemoteExtractor::Origin::Fallback);
    const int closed = int(CircuitBreaker::State::Closed);
    const int open = int(CircuitBreaker::State::Open);
    const QList<Behaviour> none;
    row("slow past the timeout, every attempt")
        << none << Behaviour::Slow << QStringList() << QByteArray() << false << fallback << 3 << 0 << 0 << closed << 0;
    row("slow past the timeout, then answered")
        << QList<Behaviour>{Behaviour::Slow} << Behaviour::Answer << QStringList() << QByteArray() << false << remote
        << 2 << 0 << 1 << closed << 0;
    row("429 with Retry-After, then answered")
        << QList<Behaviour>{Behaviour::Error429} << Behaviour::Answer << QStringList() << QByteArray("1") << false
        << remote << 2 << 0 << 1 << closed << 950;
    row("500s, then answered") << QList<Behaviour>{Behaviour::Error500, Behaviour::Error500} << Behaviour::Answer
                               << QStringList() << QByteArray() << false << remote << 3 << 0 << 1 << closed << 0;
    row("500s beyond the retries") << none << Behaviour::Error500 << QStringList() << QByteArray() << false << fallback
                                   << 3 << 0 << 0 << closed << 0;
    row("invalid JSON") << none << Behaviour::Garbage << QStringList() << QByteArray() << false << fallback << 1 << 1
                        << 1 << closed << 0;
    row("megabyte names") << none << Behaviour::Answer
                          << QStringList{QStringLiteral(
                                             R"({"entities":[{"text":"%1","type":"PERSON"}],"relations":[]})")
                                             .arg(QString(1 << 20, QLatin1Char('A')))}
                          << QByteArray() << false << fallback << 1 << 1 << 1 << closed << 0;
    row("offsets out of range")
        << none << Behaviour::Answer
        << QStringList{QStringLiteral(
               R"({"entities":[{"text":"Ada Lovelace","type":"PERSON","start":5000,"end":5012}],"relations":[]})")}
        << QByteArray() << false << fallback << 1 << 1 << 1 << closed << 0;
    row("a type the schema does not have") << none << Behaviour::Answer << QStringList{answerTyped("SCIENTIST")}
                                           << QByteArray() << false << fallback << 1 << 1 << 1 << closed << 0;
    row("connection closed mid-body, every attempt") << none << Behaviour::CloseMidBody << QStringList() << QByteArray()
                                                     << false << fallback << 3 << 0 << 0 << closed << 0;
    row("connection closed mid-body, then answered")
        << QList<Behaviour>{Behaviour::CloseMidBody} << Behaviour::Answer << QStringList() << QByteArray() << false
        << remote << 2 << 0 << 1 << closed << 0;
    row("wrong API key (401)") << none << Behaviour::Answer << QStringList() << QByteArray() << true << fallback << 1
                               << 0 << 0 << open << 0;
}

// Each fault on one chunk, through the breaker, with a cache: the chunk ends (answered or done
// by the built-in extractor), no request is left hanging, and every figure is what the fault
// should cost. Then the same chunk again: from the cache when it was answered, else asked anew.
void TstRemoteExtractor::faultsEndWithTheRightFigures()
{
    QFETCH(QList<Behaviour>, script);
    QFETCH(Behaviour, otherwise);
    QFETCH(QStringList, answers);
    QFETCH(QByteArray, retryAfter);
    QFETCH(bool, wrongKey);
    QFETCH(int, origin);
    QFETCH(int, calls);
    QFETCH(int, invalid);
    QFETCH(int, billedAnswers);
    QFETCH(int, breakerState);
    QFETCH(int, minGapMs);

    const QByteArray variable = RemoteExtractor::apiKeyVariable().toLatin1();
    const QByteArray outside = qgetenv(variable.constData());
    const auto restore = qScopeGuard([&] {
        if (!outside.isNull())
            qputenv(variable.constData(), outside);
    });
    qunsetenv(variable.constData());

    LoopbackChatServer server(modelAnswer);
    server.setUsage(100, 10);
    server.setSlowDelayMs(3000);
    server.setRetryAfter(retryAfter);
    server.setBehaviour(otherwise);
    server.script(script);
    for (const QString &answer : answers)
        server.scriptAnswer(answer);
    if (wrongKey)
        server.setRequiredApiKey("the-right-key");
    const EntityExtractor entities;
    const RelationExtractor relations;
    auto cache = std::make_shared<MemoryCache>();
    RemoteExtractorSettings settings = remoteSettings(server, 1);
    if (wrongKey)
        settings.apiKey = QStringLiteral("the-wrong-key");
    RemoteExtractor remote(settings, entities, relations, cache);
    // 300 ms per attempt, two retries, ten failures to open: only a refused key opens it here.
    // A megabyte answer gets 20 s: sent, read and parsed under ThreadSanitizer it takes more than
    // 300 ms, and a timed-out first attempt would be retried and answered by the server's default.
    qsizetype answered = 0;
    for (const QString &answer : answers)
        answered += answer.size();
    const qint64 attemptMs = answered > (1 << 19) ? 20000 : 300;
    CircuitBreaker breaker(RemoteExtractor::breakerName(), testBreaker(attemptMs, 2, 10));
    remote.setBreaker(&breaker);

    const Outcome outcome = extractOnWorker(remote, sampleText);
    QVERIFY2(outcome.result, qPrintable(outcome.error)); // the chunk ended, whatever happened
    QCOMPARE(int(outcome.result->origin), origin);
    if (origin == int(RemoteExtractor::Origin::Fallback))
        QCOMPARE(outcome.result->mentions, entities.extract(sampleText));
    RemoteUsage expected;
    expected.calls = calls;
    expected.invalid = invalid;
    expected.fallbacks = origin == int(RemoteExtractor::Origin::Fallback) ? 1 : 0;
    expected.promptTokens = 100 * billedAnswers;
    expected.completionTokens = 10 * billedAnswers;
    const RemoteUsage &used = outcome.result->usage;
    QVERIFY2(used == expected,
             qPrintable(QStringLiteral("calls %1, invalid %2, fallbacks %3, tokens %4+%5, cached %6; last reason: %7")
                            .arg(used.calls)
                            .arg(used.invalid)
                            .arg(used.fallbacks)
                            .arg(used.promptTokens)
                            .arg(used.completionTokens)
                            .arg(used.cached)
                            .arg(remote.stats().lastFallbackReason)));
    QCOMPARE(int(breaker.state()), breakerState);
    QCOMPARE(cache->size(), origin == int(RemoteExtractor::Origin::Remote) ? 1 : 0); // only good answers
    const RemoteExtractorStats stats = remote.stats();
    QCOMPARE(stats.requests, quint64(calls));
    QCOMPARE(stats.malformed, quint64(invalid));
    QCOMPARE(stats.promptTokens + stats.completionTokens, quint64(110 * billedAnswers));
    QCOMPARE(stats.credentialsRefused, wrongKey);
    // Qt resends a request on its own when a kept-alive connection drops before an answer
    // starts, so the server may count more requests than the client sent; never fewer.
    QVERIFY2(server.requests() >= calls, qPrintable(QString::number(server.requests())));
    QVERIFY2(server.waitForInFlight(0, 5000), "a request is still open on the server");
    if (minGapMs > 0) {
        const QList<qint64> times = server.requestTimesMs();
        QVERIFY(times.size() >= 2);
        QVERIFY2(times.at(1) - times.at(0) >= minGapMs,
                 qPrintable(QStringLiteral("retried after %1 ms").arg(times.at(1) - times.at(0))));
    }

    // Again: an answered chunk costs nothing; any other is asked for anew (or, with the key
    // refused, never again).
    server.setBehaviour(Behaviour::Answer);
    const int before = server.requests();
    const Outcome again = extractOnWorker(remote, sampleText);
    QVERIFY2(again.result, qPrintable(again.error));
    if (origin == int(RemoteExtractor::Origin::Remote)) {
        QCOMPARE(again.result->origin, RemoteExtractor::Origin::Cache);
        QCOMPARE(again.result->usage, (RemoteUsage{0, 0, 0, 1, 0, 0, 0}));
        QCOMPARE(server.requests(), before);
    } else if (wrongKey) {
        QCOMPARE(again.result->origin, RemoteExtractor::Origin::Fallback);
        QCOMPARE(server.requests(), before);
    } else {
        QCOMPARE(again.result->origin, RemoteExtractor::Origin::Remote);
        QCOMPARE(server.requests(), before + 1);
    }
}

void TstRemoteExtractor::jsonSchemaIsSentOnlyWhenHonoured()
{
    LoopbackChatServer server(modelAnswer);
    const EntityExtractor entities;
    const RelationExtractor relations;
    auto cache = std::make_shared<MemoryCache>();
    RemoteExtractorSettings settings = remoteSettings(server, 1);
    QCOMPARE(settings.honoursJsonSchema, false); // the default: not every server does
    {
        const RemoteExtractor remote(settings, entities, relations, cache);
        QCOMPARE(extractOnWorker(remote, sampleText).result->origin, RemoteExtractor::Origin::Remote);
    }
    settings.honoursJsonSchema = true;
    {
        // Another request: not answered from what the json_object request got.
        const RemoteExtractor remote(settings, entities, relations, cache);
        QCOMPARE(extractOnWorker(remote, sampleText).result->origin, RemoteExtractor::Origin::Remote);
        QCOMPARE(extractOnWorker(remote, sampleText).result->origin, RemoteExtractor::Origin::Cache);
    }
    const QList<QJsonObject> formats = server.responseFormats();
    QCOMPARE(formats.size(), 2);
    QCOMPARE(formats.at(0), ExtractionSchema::standard().responseFormat(false));
    QCOMPARE(formats.at(1), ExtractionSchema::standard().responseFormat(true));
    QCOMPARE(formats.at(1).value(QStringLiteral("json_schema")).toObject().value(QStringLiteral("schema")).toObject(),
             ExtractionSchema::standard().answerSchema());

    // A server that was asked to honour the schema and did not is caught all the same.
    server.scriptAnswer(answerTyped(QStringLiteral("person")));
    const RemoteExtractor remote(settings, entities, relations, cache);
    const Outcome strayed = extractOnWorker(remote, sampleText + QStringLiteral(" Again."));
    QCOMPARE(strayed.result->origin, RemoteExtractor::Origin::Fallback);
    QCOMPARE(strayed.result->usage.invalid, 1);
    QVERIFY2(remote.stats().lastFallbackReason.contains(QStringLiteral("answer.entities[0].type")),
             qPrintable(remote.stats().lastFallbackReason));
}

GW_TEST_MAIN(TstRemoteExtractor)
#include "tst_remoteextractor.moc"
