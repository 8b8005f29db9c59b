// Runs the real graphwright-cli with --remote-url against a loopback chat-completions server.
#include "extract/loopbackchatserver.h"
#include "testmain.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using gw::testing::LoopbackChatServer;

class TstCliRemote : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void ingestAsksTheEndpointThenTheCache();
    void remoteOptionsAreChecked();
};

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &arguments)
{
    QProcess process;
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
        QJsonDocument(QJsonObject{{QStringLiteral("entities"), entities}}).toJson(QJsonDocument::Compact));
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
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

GW_TEST_MAIN(TstCliRemote)
#include "tst_cliremote.moc"
