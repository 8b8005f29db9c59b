// Runs the real graphwright-cli with --remote-url against a loopback chat-completions server.
#include "extract/loopbackchatserver.h"
#include "testmain.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

using gw::testing::LoopbackChatServer;

class TstCliRemote : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void ingestAsksTheEndpointThenTheCache();
    void remoteOptionsAreChecked();
    void apiKeyComesFromTheEnvironmentAndIsWrittenNowhere();
    void refusedKeyEndsWithAClearErrorAndFallback();
    void ingestJsonReportsTokensCallsCacheAndFallbacks();
    void budgetSendsTheRestToTheBuiltInExtractor();
    void cacheCommandCountsPrunesAndClearsTheAnswers();
    void estimateCountsTheCallsOfARunWithoutAsking();
};

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// The environment of a CLI run: the test's, without any API key of the person running the tests,
// with the configuration and cache folders inside `home` (so a key written there would be found).
QProcessEnvironment environment(const QString &home, const QString &apiKey = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("GRAPHWRIGHT_API_KEY"));
    if (!apiKey.isEmpty())
        env.insert(QStringLiteral("GRAPHWRIGHT_API_KEY"), apiKey);
    if (!home.isEmpty()) {
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    }
    return env;
}

Run cli(const QStringList &arguments, const QProcessEnvironment &env = environment({}))
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(GW_CLI_PATH), arguments);
    process.waitForFinished(120'000);
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
               process.readAllStandardError()};
}

QString modelAnswer(const QString &text)
{
    QJsonArray entities;
    if (text.contains(QStringLiteral("quantum teapot")))
        entities.append(QJsonObject{{QStringLiteral("text"), QStringLiteral("quantum teapot")},
                                    {QStringLiteral("type"), QStringLiteral("MISC")}});
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("entities"), entities}, {QStringLiteral("relations"), QJsonArray()}})
            .toJson(QJsonDocument::Compact));
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// Files under `dir` (recursively) whose bytes contain `needle`.
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found << file.fileName();
    }
    return found;
}

QStringList remoteArguments(const LoopbackChatServer &server, const QString &project)
{
    return {QStringLiteral("ingest"),
            QStringLiteral("--project"),
            project,
            QStringLiteral("--json"),
            QStringLiteral("--remote-url"),
            server.url(),
            QStringLiteral("--remote-model"),
            QStringLiteral("tiny"),
            QStringLiteral("--remote-timeout-ms"),
            QStringLiteral("5000")};
}

// `count` paragraphs that each fill about one chunk of chunkedArguments().
QByteArray paragraphs(int count)
{
    QByteArray text;
    for (int i = 0; i < count; ++i)
        text += "Paragraph " + QByteArray::number(i) + ". Ada Lovelace described the quantum teapot in London.\n\n";
    return text;
}

// remoteArguments() with chunks of 150 characters (20 overlapping): a few per paragraph.
QStringList chunkedArguments(const LoopbackChatServer &server, const QString &project)
{
    return remoteArguments(server, project)
        + QStringList{QStringLiteral("--chunk-size"), QStringLiteral("150"), QStringLiteral("--chunk-overlap"),
                      QStringLiteral("20")};
}

} // namespace

void TstCliRemote::initTestCase()
{
#if defined(__SANITIZE_THREAD__)
    QSKIP("QProcess cannot run under ThreadSanitizer with Qt 6.4 (see docs/toolchain-traps.md)");
#endif
}

void TstCliRemote::ingestAsksTheEndpointThenTheCache()
{
    LoopbackChatServer server(modelAnswer);
    QVERIFY(server.isListening());
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.gwp"));
    writeFile(dir.filePath(QStringLiteral("a.txt")), "Ada Lovelace described the quantum teapot in London.\n");
    const QStringList arguments{QStringLiteral("ingest"),
                                QStringLiteral("--project"),
                                project,
                                QStringLiteral("--json"),
                                QStringLiteral("--remote-url"),
                                server.url(),
                                QStringLiteral("--remote-model"),
                                QStringLiteral("tiny"),
                                QStringLiteral("--remote-timeout-ms"),
                                QStringLiteral("5000"),
                                dir.filePath(QStringLiteral("a.txt"))};
    Run run = cli(arguments);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QJsonObject remote = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("remoteExtractor")).toObject();
    QCOMPARE(remote.value(QStringLiteral("model")).toString(), QStringLiteral("tiny"));
    QCOMPARE(remote.value(QStringLiteral("remoteAnswers")).toInt(), 1);
    QCOMPARE(remote.value(QStringLiteral("fallbacks")).toInt(), 0);
    QCOMPARE(server.requests(), 1);
    QCOMPARE(server.models(), QStringList{QStringLiteral("tiny")});

    // The same text again under another name: answered from the project's cache.
    writeFile(dir.filePath(QStringLiteral("b.txt")), "Ada Lovelace described the quantum teapot in London.\n");
    QStringList again = arguments;
    again.last() = dir.filePath(QStringLiteral("b.txt"));
    run = cli(again);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    remote = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("remoteExtractor")).toObject();
    QCOMPARE(remote.value(QStringLiteral("cacheHits")).toInt(), 1);
    QCOMPARE(remote.value(QStringLiteral("requests")).toInt(), 0);
    QCOMPARE(server.requests(), 1);

    // The same text for another model: a new question, asked, not a stale answer from the cache.
    writeFile(dir.filePath(QStringLiteral("c.txt")), "Ada Lovelace described the quantum teapot in London.\n");
    QStringList otherModel = arguments;
    otherModel[otherModel.indexOf(QStringLiteral("tiny"))] = QStringLiteral("huge");
    otherModel.last() = dir.filePath(QStringLiteral("c.txt"));
    run = cli(otherModel);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    remote = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("remoteExtractor")).toObject();
    QCOMPARE(remote.value(QStringLiteral("cacheHits")).toInt(), 0);
    QCOMPARE(remote.value(QStringLiteral("remoteAnswers")).toInt(), 1);
    QCOMPARE(server.requests(), 2);
    QCOMPARE(server.models(), (QStringList{QStringLiteral("tiny"), QStringLiteral("huge")}));
}

void TstCliRemote::remoteOptionsAreChecked()
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.gwp"));
    Run run = cli({QStringLiteral("ingest"), QStringLiteral("--project"), project, QStringLiteral("--remote-url"),
                   QStringLiteral("localhost:11434"), dir.path()});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("--remote-model"), run.err.constData());
    run = cli({QStringLiteral("ingest"), QStringLiteral("--project"), project, QStringLiteral("--remote-url"),
               QStringLiteral("localhost:11434"), QStringLiteral("--remote-model"), QStringLiteral("m"),
               QStringLiteral("--remote-timeout-ms"), QStringLiteral("soon"), dir.path()});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("--remote-timeout-ms"), run.err.constData());
}

void TstCliRemote::apiKeyComesFromTheEnvironmentAndIsWrittenNowhere()
{
    const QByteArray key = "sk-test-4711-c0ffee-graphwright";
    LoopbackChatServer server(modelAnswer);
    server.setRequiredApiKey(key);
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.gwp"));
    writeFile(dir.filePath(QStringLiteral("in/a.txt")), "Ada Lovelace described the quantum teapot in London.\n");
    QStringList arguments = remoteArguments(server, project);
    arguments << dir.filePath(QStringLiteral("in"));
    Run run = cli(arguments, environment(dir.path(), QString::fromLatin1(key)));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject remote =
        QJsonDocument::fromJson(run.out).object().value(QStringLiteral("remoteExtractor")).toObject();
    QCOMPARE(remote.value(QStringLiteral("remoteAnswers")).toInt(), 1);
    QCOMPARE(remote.value(QStringLiteral("credentialsRefused")).toBool(true), false);
    QCOMPARE(server.authorizations(), QList<QByteArray>{"Bearer " + key});
    // Also the text summary, and a status run: none of it says the key.
    arguments.removeOne(QStringLiteral("--json"));
    const Run text = cli(arguments, environment(dir.path(), QString::fromLatin1(key)));
    QVERIFY2(text.exitCode == 0, text.err.constData());
    const Run status = cli({QStringLiteral("status"), QStringLiteral("--project"), project},
                           environment(dir.path(), QString::fromLatin1(key)));
    QCOMPARE(status.exitCode, 0);
    for (const QByteArray &output : {run.out, run.err, text.out, text.err, status.out, status.err})
        QVERIFY2(!output.contains(key), output.constData());
    // Not in the project file (nor its journal), the configuration or the cache folders.
    QVERIFY(QFileInfo::exists(project));
    QCOMPARE(filesContaining(dir.path(), key), QStringList());
    QVERIFY(!filesContaining(dir.path(), "quantum teapot").isEmpty()); // the search does look
}

void TstCliRemote::refusedKeyEndsWithAClearErrorAndFallback()
{
    const QByteArray key = "sk-wrong-0123456789abcdef";
    LoopbackChatServer server(modelAnswer);
    server.setRequiredApiKey("the-right-key");
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.gwp"));
    for (int i = 0; i < 3; ++i)
        writeFile(dir.filePath(QStringLiteral("in/%1.txt").arg(i)),
                  "Document " + QByteArray::number(i) + ": Ada Lovelace described the quantum teapot in London.\n");
    QStringList arguments = remoteArguments(server, project);
    arguments << QStringLiteral("--remote-concurrency") << QStringLiteral("1") << dir.filePath(QStringLiteral("in"));
    const Run run = cli(arguments, environment(dir.path(), QString::fromLatin1(key)));
    QVERIFY2(run.exitCode == 0, run.err.constData()); // the documents are done, by the built-in extractor
    const QJsonObject out = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(out.value(QStringLiteral("documents_done")).toInt(), 3);
    const QJsonObject remote = out.value(QStringLiteral("remoteExtractor")).toObject();
    QCOMPARE(remote.value(QStringLiteral("credentialsRefused")).toBool(), true);
    QCOMPARE(remote.value(QStringLiteral("fallbacks")).toInt(), 3);
    QCOMPARE(remote.value(QStringLiteral("remoteAnswers")).toInt(), 0);
    QCOMPARE(server.requests(), 1); // the refusal is not asked again, document after document
    const QString endpoint = server.url() + QStringLiteral("/chat/completions");
    QVERIFY2(run.err.contains("the API key was refused"), run.err.constData());
    QVERIFY2(run.err.contains(endpoint.toUtf8()), run.err.constData());
    QVERIFY2(remote.value(QStringLiteral("lastFallbackReason")).toString().contains(endpoint), run.out.constData());
    QVERIFY2(!run.out.contains(key), run.out.constData());
    QVERIFY2(!run.err.contains(key), run.err.constData());
    QCOMPARE(filesContaining(dir.path(), key), QStringList());
}

void TstCliRemote::ingestJsonReportsTokensCallsCacheAndFallbacks()
{
    LoopbackChatServer server(modelAnswer);
    server.setUsage(211, 37);
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.gwp"));
    const QByteArray text = paragraphs(6);
    writeFile(dir.filePath(QStringLiteral("a.txt")), text);
    writeFile(dir.filePath(QStringLiteral("b.txt")), text); // the same chunks: from the cache
    QStringList arguments = chunkedArguments(server, project);
    arguments << QStringLiteral("--jobs") << QStringLiteral("1");
    // One request of the first run is refused (HTTP 400, not retried): that chunk falls back.
    server.script({LoopbackChatServer::Behaviour::Error400});
    Run run = cli(arguments + QStringList{dir.filePath(QStringLiteral("a.txt"))});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QJsonObject out = QJsonDocument::fromJson(run.out).object();
    const int chunks = out.value(QStringLiteral("chunks")).toInt();
    QVERIFY2(chunks >= 3, run.out.constData());
    QCOMPARE(out.value(QStringLiteral("remote_calls")).toInt(), chunks);
    QCOMPARE(out.value(QStringLiteral("remote_prompt_tokens")).toInt(), 211 * (chunks - 1));
    QCOMPARE(out.value(QStringLiteral("remote_completion_tokens")).toInt(), 37 * (chunks - 1));
    QCOMPARE(out.value(QStringLiteral("remote_cached")).toInt(), 0);
    QCOMPARE(out.value(QStringLiteral("remote_fallbacks")).toInt(), 1);
    QCOMPARE(server.requests(), chunks);

    // The same chunks in another file: the answered ones from the cache, the refused one asked again.
    run = cli(arguments + QStringList{dir.filePath(QStringLiteral("b.txt"))});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    out = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(out.value(QStringLiteral("chunks")).toInt(), chunks);
    QCOMPARE(out.value(QStringLiteral("remote_cached")).toInt(), chunks - 1);
    QCOMPARE(out.value(QStringLiteral("remote_calls")).toInt(), 1);
    QCOMPARE(out.value(QStringLiteral("remote_prompt_tokens")).toInt(), 211);
    QCOMPARE(out.value(QStringLiteral("remote_completion_tokens")).toInt(), 37);
    QCOMPARE(out.value(QStringLiteral("remote_fallbacks")).toInt(), 0);
    QCOMPARE(server.requests(), chunks + 1);

    // The text summary says the same.
    arguments.removeOne(QStringLiteral("--json"));
    writeFile(dir.filePath(QStringLiteral("c.txt")), text);
    run = cli(arguments + QStringList{dir.filePath(QStringLiteral("c.txt"))});
    QVERIFY2(run.out.contains("Remote extraction: 0 request(s), 0 prompt + 0 completion tokens"), run.out.constData());
}

void TstCliRemote::budgetSendsTheRestToTheBuiltInExtractor()
{
    LoopbackChatServer server(modelAnswer);
    server.setUsage(90, 10); // 100 tokens an answer
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.gwp"));
    const QByteArray text = paragraphs(10);
    writeFile(dir.filePath(QStringLiteral("a.txt")), text);
    QStringList arguments = chunkedArguments(server, project);
    // One request at a time: the budget is checked before each, so 250 tokens allow three answers.
    arguments << QStringLiteral("--remote-concurrency") << QStringLiteral("1")
              << QStringLiteral("--remote-budget-tokens") << QStringLiteral("250");
    Run run = cli(arguments + QStringList{dir.filePath(QStringLiteral("a.txt"))});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject out = QJsonDocument::fromJson(run.out).object();
    const int chunks = out.value(QStringLiteral("chunks")).toInt();
    QVERIFY2(chunks >= 5, run.out.constData());
    QCOMPARE(out.value(QStringLiteral("remote_calls")).toInt(), 3);
    QCOMPARE(out.value(QStringLiteral("remote_prompt_tokens")).toInt(), 270);
    QCOMPARE(out.value(QStringLiteral("remote_completion_tokens")).toInt(), 30);
    QCOMPARE(out.value(QStringLiteral("remote_over_budget")).toInt(), chunks - 3);
    QCOMPARE(out.value(QStringLiteral("remote_fallbacks")).toInt(), chunks - 3);
    QCOMPARE(server.requests(), 3);
    const QJsonObject remote = out.value(QStringLiteral("remoteExtractor")).toObject();
    QCOMPARE(remote.value(QStringLiteral("budgetReached")).toBool(), true);
    QVERIFY2(remote.value(QStringLiteral("lastFallbackReason")).toString().contains(QStringLiteral("budget of 250")),
             run.out.constData());

    // The text summary says so. A new run has a new budget: three more answers for new text.
    arguments.removeOne(QStringLiteral("--json"));
    writeFile(dir.filePath(QStringLiteral("b.txt")), QByteArray(text).replace("Paragraph", "Section"));
    run = cli(arguments + QStringList{dir.filePath(QStringLiteral("b.txt"))});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("The remote token budget was reached: " + QByteArray::number(chunks - 3)
                              + " chunk(s) used the built-in extractor instead"),
             run.out.constData());
    QCOMPARE(server.requests(), 6);

    // The option wants a positive number.
    run = cli({QStringLiteral("ingest"), QStringLiteral("--project"), project, QStringLiteral("--remote-url"),
               server.url(), QStringLiteral("--remote-model"), QStringLiteral("m"),
               QStringLiteral("--remote-budget-tokens"), QStringLiteral("lots"), dir.path()});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("--remote-budget-tokens"), run.err.constData());
}

GW_TEST_MAIN(TstCliRemote)
#include "tst_cliremote.moc"

void TstCliRemote::cacheCommandCountsPrunesAndClearsTheAnswers()
{
    LoopbackChatServer server(modelAnswer);
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.gwp"));
    const QByteArray text = paragraphs(6);
    writeFile(dir.filePath(QStringLiteral("a.txt")), text);
    QStringList arguments = chunkedArguments(server, project);
    Run run = cli(arguments + QStringList{dir.filePath(QStringLiteral("a.txt"))});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const int chunks = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("chunks")).toInt();
    QVERIFY2(chunks >= 3, run.out.constData());
    const auto cache = [&](const QStringList &words) {
        const Run result =
            cli(QStringList{QStringLiteral("cache"), QStringLiteral("--project"), project, QStringLiteral("--json")}
                + words);
        [&] { QVERIFY2(result.exitCode == 0, result.err.constData()); }();
        return QJsonDocument::fromJson(result.out).object();
    };
    QJsonObject out = cache({QStringLiteral("stats")});
    QCOMPARE(out.value(QStringLiteral("entries")).toInt(), chunks);
    const qint64 bytes = out.value(QStringLiteral("bytes")).toInteger();
    QVERIFY(bytes > chunks * 64); // each holds at least its 64-character key

    // 1 MB holds them all: nothing goes.
    out = cache({QStringLiteral("prune"), QStringLiteral("--max-mb"), QStringLiteral("1")});
    QCOMPARE(out.value(QStringLiteral("removed_entries")).toInt(), 0);
    QCOMPARE(out.value(QStringLiteral("entries")).toInt(), chunks);

    out = cache({QStringLiteral("clear")});
    QCOMPARE(out.value(QStringLiteral("removed_entries")).toInt(), chunks);
    QCOMPARE(out.value(QStringLiteral("removed_bytes")).toInteger(), bytes);
    QCOMPARE(out.value(QStringLiteral("entries")).toInt(), 0);
    QCOMPARE(out.value(QStringLiteral("bytes")).toInteger(), 0);

    // Cleared: the same text in another file is asked again, every chunk.
    writeFile(dir.filePath(QStringLiteral("b.txt")), text);
    const int before = server.requests();
    run = cli(arguments + QStringList{dir.filePath(QStringLiteral("b.txt"))});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("remote_cached")).toInt(), 0);
    QCOMPARE(server.requests(), before + chunks);

    // Usage errors name what is wrong.
    const Run wrong = cli({QStringLiteral("cache"), QStringLiteral("--project"), project, QStringLiteral("prune")});
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY2(wrong.err.contains("--max-mb"), wrong.err.constData());
}

// ingest --estimate reads and chunks as an ingest would, asks nothing and opens no project: its
// calls are the chunks the real run then sends, and the cost follows the prices given.
void TstCliRemote::estimateCountsTheCallsOfARunWithoutAsking()
{
    LoopbackChatServer server(modelAnswer);
    server.setUsage(100, 20);
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.gwp"));
    writeFile(dir.filePath(QStringLiteral("docs/a.txt")), paragraphs(5));
    // Chunks of their own (a chunk the cache answers costs nothing, and an estimate counts it).
    writeFile(dir.filePath(QStringLiteral("docs/b.txt")), paragraphs(9).replace("Paragraph", "Section"));
    writeFile(dir.filePath(QStringLiteral("docs/broken.pdf")), "%PDF-1.4 not really");
    const QStringList prices{QStringLiteral("--remote-price-prompt"), QStringLiteral("2.5"),
                             QStringLiteral("--remote-price-completion"), QStringLiteral("10")};
    const Run estimated = cli(chunkedArguments(server, project) + prices
                              + QStringList{QStringLiteral("--estimate"), dir.filePath(QStringLiteral("docs"))});
    QCOMPARE(estimated.exitCode, 2); // the broken PDF could not be read, and is named
    const QJsonObject estimate = QJsonDocument::fromJson(estimated.out).object();
    QCOMPARE(server.requests(), 0);
    QVERIFY(!QFileInfo::exists(project));
    QCOMPARE(estimate.value(QStringLiteral("documents")).toInt(), 2);
    QCOMPARE(estimate.value(QStringLiteral("failures")).toArray().size(), 1);
    QVERIFY(estimate.value(QStringLiteral("failures"))
                .toArray()
                .at(0)
                .toObject()
                .value(QStringLiteral("path"))
                .toString()
                .endsWith(QLatin1String("broken.pdf")));
    const double prompt = estimate.value(QStringLiteral("prompt_tokens")).toDouble();
    const double completion = estimate.value(QStringLiteral("completion_tokens")).toDouble();
    QVERIFY(prompt > completion && completion > 0);
    QCOMPARE(estimate.value(QStringLiteral("cost")).toDouble(), (prompt * 2.5 + completion * 10) / 1e6);

    const Run ingested =
        cli(chunkedArguments(server, project) + prices
            + QStringList{dir.filePath(QStringLiteral("docs/a.txt")), dir.filePath(QStringLiteral("docs/b.txt"))});
    QVERIFY2(ingested.exitCode == 0, ingested.err.constData());
    const QJsonObject run = QJsonDocument::fromJson(ingested.out).object();
    QCOMPARE(estimate.value(QStringLiteral("calls")).toInt(), run.value(QStringLiteral("chunks")).toInt());
    QCOMPARE(run.value(QStringLiteral("remote_calls")).toInt(), server.requests());
    QCOMPARE(server.requests(), estimate.value(QStringLiteral("calls")).toInt());
    // The run's cost at the same prices, from the tokens the answers reported.
    const QJsonObject remote = run.value(QStringLiteral("remoteExtractor")).toObject();
    QCOMPARE(remote.value(QStringLiteral("cost")).toDouble(), (100.0 * 2.5 + 20.0 * 10) * server.requests() / 1e6);

    const Run badPrice = cli(chunkedArguments(server, project)
                             + QStringList{QStringLiteral("--estimate"), QStringLiteral("--remote-price-prompt"),
                                           QStringLiteral("cheap"), dir.filePath(QStringLiteral("docs"))});
    QCOMPARE(badPrice.exitCode, 1);
    QVERIFY2(badPrice.err.contains("--remote-price-prompt needs a price"), badPrice.err.constData());
}
