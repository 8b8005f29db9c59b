// Runs the real graphwright-cli binary: exit codes, JSON output, Ctrl-C.
#include "clirunner.h"
#include "testmain.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <csignal>

class TstCli : public QObject
{
    Q_OBJECT

private:
    // Runs a shell script as root of a new user and mount namespace: mounts it makes are private
    // to it and gone when it ends. Exit code -1 when unshare could not run.
    static Run inPrivateMounts(const QString &script)
    {
        QProcess process;
        process.start(QStringLiteral("unshare"),
                      {QStringLiteral("-rm"), QStringLiteral("sh"), QStringLiteral("-c"), script});
        if (!process.waitForFinished(120'000))
            return {};
        return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                   process.readAllStandardOutput(), process.readAllStandardError()};
    }

private Q_SLOTS:
    void initTestCase()
    {
#if defined(__SANITIZE_THREAD__)
        // Qt 6.4 starts children with clone(CLONE_VFORK); ThreadSanitizer's fork hook then breaks
        // the parent. The CLI is covered by the normal build; TSan covers the libraries.
        QSKIP("QProcess cannot run under ThreadSanitizer with Qt 6.4");
#endif
    }

    void ingestsTheSamplesAndPrintsJson()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("samples.gwp"));
        const Run run = cli({QStringLiteral("ingest"), QStringLiteral("--project"), project, QStringLiteral("--json"),
                             QStringLiteral(GW_SAMPLES_DIR)});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject summary = json(run.out);
        const int samples = QDir(QStringLiteral(GW_SAMPLES_DIR)).entryList(QDir::Files).size();
        QCOMPARE(summary.value(QStringLiteral("documents_done")).toInt(), samples);
        QCOMPARE(summary.value(QStringLiteral("documents_failed")).toInt(), 0);
        for (const char *key : {"documents_skipped", "failures", "words", "bytes", "seconds", "max_concurrency",
                                "entities", "mentions", "relations"})
            QVERIFY2(summary.contains(QLatin1String(key)), key);
        QVERIFY(summary.value(QStringLiteral("words")).toInt() > 500);
        QVERIFY(summary.value(QStringLiteral("entities")).toInt() > 50);
        QVERIFY(summary.value(QStringLiteral("entities")).toInt() < summary.value(QStringLiteral("mentions")).toInt());
        QVERIFY(summary.value(QStringLiteral("relations")).toInt() > 50);

        const Run status =
            cli({QStringLiteral("status"), QStringLiteral("--project"), project, QStringLiteral("--json")});
        QCOMPARE(status.exitCode, 0);
        QCOMPARE(json(status.out).value(QStringLiteral("documents_done")).toInt(), samples);

        // A second run changes nothing.
        const Run again = cli({QStringLiteral("ingest"), QStringLiteral("-p"), project, QStringLiteral("--json"),
                               QStringLiteral(GW_SAMPLES_DIR)});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(json(again.out).value(QStringLiteral("documents_skipped")).toInt(), samples);
    }

    void failuresGiveExitCodeTwoWithFileAndReason()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("in/good.txt")), "Ada Lovelace met Charles Babbage in London.");
        writeFile(dir.filePath(QStringLiteral("in/bad.pdf")), "this is not a PDF at all");
        const Run run =
            cli({QStringLiteral("ingest"), QStringLiteral("--project"), dir.filePath(QStringLiteral("p.gwp")),
                 QStringLiteral("--json"), dir.filePath(QStringLiteral("in"))});
        QCOMPARE(run.exitCode, 2);
        const QJsonObject summary = json(run.out);
        QCOMPARE(summary.value(QStringLiteral("documents_done")).toInt(), 1);
        const QJsonArray failures = summary.value(QStringLiteral("failures")).toArray();
        QCOMPARE(failures.size(), 1);
        QVERIFY(
            failures.first().toObject().value(QStringLiteral("path")).toString().endsWith(QStringLiteral("bad.pdf")));
        QVERIFY(!failures.first().toObject().value(QStringLiteral("reason")).toString().isEmpty());

        const Run text =
            cli({QStringLiteral("status"), QStringLiteral("--project"), dir.filePath(QStringLiteral("p.gwp"))});
        QVERIFY(text.out.contains("bad.pdf"));
    }

    void limitsAreConfigurableAndNamedInTheReason()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("in/big.txt")), QByteArray("Ada Lovelace. ").repeated(150'000)); // 2.1 MB
        writeFile(dir.filePath(QStringLiteral("in/deep.html")),
                  "<html><body>" + QByteArray("<div>").repeated(40) + "Turing" + QByteArray("</div>").repeated(40)
                      + "</body></html>");
        const Run run =
            cli({QStringLiteral("ingest"), QStringLiteral("--project"), dir.filePath(QStringLiteral("p.gwp")),
                 QStringLiteral("--json"), QStringLiteral("--max-file-mb"), QStringLiteral("1"),
                 QStringLiteral("--max-xml-depth"), QStringLiteral("16"), dir.filePath(QStringLiteral("in"))});
        QCOMPARE(run.exitCode, 2);
        const QJsonArray failures = json(run.out).value(QStringLiteral("failures")).toArray();
        QCOMPARE(failures.size(), 2);
        QStringList reasons;
        for (const auto &failure : failures)
            reasons << failure.toObject().value(QStringLiteral("reason")).toString();
        QVERIFY2(reasons.join(QLatin1Char('\n')).contains(QStringLiteral("1.0 MB")),
                 qPrintable(reasons.join(QLatin1Char('\n'))));
        QVERIFY2(reasons.join(QLatin1Char('\n')).contains(QStringLiteral("16")),
                 qPrintable(reasons.join(QLatin1Char('\n'))));
    }

    void compactGivesBackWhatReplacedDocumentsLeft()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.gwp"));
        const auto ingestRound = [&](int round) {
            for (int i = 0; i < 20; ++i)
                writeFile(dir.filePath(QStringLiteral("in/%1.txt").arg(i)),
                          QByteArray("Round %1: Ada Lovelace met Charles Babbage in London. ")
                              .replace("%1", QByteArray::number(round))
                              .repeated(200));
            return cli({QStringLiteral("ingest"), QStringLiteral("-p"), project, dir.filePath(QStringLiteral("in"))});
        };
        QCOMPARE(ingestRound(1).exitCode, 0);
        QCOMPARE(ingestRound(2).exitCode, 0); // every document replaced
        const Run run = cli({QStringLiteral("compact"), QStringLiteral("-p"), project, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject result = json(run.out);
        const qint64 before = result.value(QStringLiteral("bytes_before")).toInteger();
        const qint64 after = result.value(QStringLiteral("bytes_after")).toInteger();
        QVERIFY2(after > 0 && after < before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
        const Run status = cli({QStringLiteral("status"), QStringLiteral("-p"), project, QStringLiteral("--json")});
        QCOMPARE(json(status.out).value(QStringLiteral("documents_done")).toInt(), 20);

        const Run missing =
            cli({QStringLiteral("compact"), QStringLiteral("-p"), dir.filePath(QStringLiteral("no.gwp"))});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains("no.gwp"), missing.err.constData());
    }

    // A real full disk: a 1 MB tmpfs mounted in a private mount namespace (unshare: no root
    // needed where user namespaces are allowed). Documents that no longer fit fail with the
    // project file and the cause; those written before stay, and the project still opens.
    void aFullDiskFailsClearlyAndKeepsFinishedDocuments()
    {
        QTemporaryDir dir;
        for (int i = 0; i < 60; ++i)
            writeFile(dir.filePath(QStringLiteral("in/doc%1.txt").arg(i, 2, 10, QLatin1Char('0'))),
                      QByteArray("Ada Lovelace met Charles Babbage in London on problem %1. ")
                          .replace("%1", QByteArray::number(i))
                          .repeated(300));
        const QString disk = dir.filePath(QStringLiteral("disk"));
        QVERIFY(QDir().mkpath(disk));
        const QString project = disk + QStringLiteral("/p.gwp");
        const Run run =
            inPrivateMounts(QStringLiteral("mount -t tmpfs -o size=1m tmpfs '%1' || exit 99; "
                                           "'%2' ingest -p '%3' --json '%4'; echo \"ingest=$?\" >&2; "
                                           "'%2' status -p '%3' --json")
                                .arg(disk, QStringLiteral(GW_CLI_PATH), project, dir.filePath(QStringLiteral("in"))));
        if (run.exitCode == 99 || run.exitCode == -1 || run.err.startsWith("unshare:"))
            QSKIP("no private mount namespace here (unshare -rm)");
        QVERIFY2(run.err.contains("ingest=2"), run.err.constData()); // some documents failed
        // The ingest summary, then the status of the same project.
        const QJsonObject summary = json(run.out.left(run.out.indexOf("\n}\n") + 3));
        const int done = summary.value(QStringLiteral("documents_done")).toInt();
        QVERIFY2(done >= 1 && done < 60, run.out.constData());
        const QJsonArray failures = summary.value(QStringLiteral("failures")).toArray();
        QCOMPARE(failures.size(), 60 - done);
        const QString reason = failures.first().toObject().value(QStringLiteral("reason")).toString();
        QVERIFY2(reason.contains(project) && reason.contains(QStringLiteral("full")), qPrintable(reason));
        QVERIFY2(run.exitCode == 0, run.err.constData()); // status opens the project
        const QJsonObject status = json(run.out.mid(run.out.indexOf("\n}\n") + 3));
        QCOMPARE(status.value(QStringLiteral("documents_done")).toInt(), done);
    }

    // A project on a read-only disk (a read-only bind mount in a private mount namespace): the
    // error names the folder and says why, for an existing project and for a new one.
    void aReadOnlyProjectIsNamedAsSuch()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("in/a.txt")), "Ada Lovelace met Charles Babbage in London.");
        const QString folder = dir.filePath(QStringLiteral("ro"));
        QVERIFY(QDir().mkpath(folder));
        const QString project = folder + QStringLiteral("/p.gwp");
        QCOMPARE(
            cli({QStringLiteral("ingest"), QStringLiteral("-p"), project, dir.filePath(QStringLiteral("in"))}).exitCode,
            0);
        writeFile(dir.filePath(QStringLiteral("in/b.txt")), "Grace Hopper joined the Navy.");
        const Run run = inPrivateMounts(
            QStringLiteral("mount --bind '%1' '%1' && mount -o remount,ro,bind '%1' || exit 99; "
                           "'%2' ingest -p '%3' '%4'; echo \"existing=$?\" >&2; '%2' ingest -p '%1/new.gwp' '%4'; "
                           "echo \"new=$?\" >&2")
                .arg(folder, QStringLiteral(GW_CLI_PATH), project, dir.filePath(QStringLiteral("in"))));
        if (run.exitCode == 99 || run.exitCode == -1 || run.err.startsWith("unshare:"))
            QSKIP("no private mount namespace here (unshare -rm)");
        QVERIFY2(run.err.contains("existing=2") && run.err.contains("new=2"), run.err.constData());
        QVERIFY2(run.err.contains("the project is read-only: " + folder.toUtf8() + " cannot be written"),
                 run.err.constData());
        QVERIFY2(run.err.contains("cannot create the project: the folder " + folder.toUtf8()), run.err.constData());
        // Nothing of the attempt reached the project.
        const Run status = cli({QStringLiteral("status"), QStringLiteral("-p"), project, QStringLiteral("--json")});
        QCOMPARE(json(status.out).value(QStringLiteral("documents_done")).toInt(), 1);
    }

    void usageErrorsGiveExitCodeOne()
    {
        QCOMPARE(cli({}).exitCode, 1);
        QCOMPARE(cli({QStringLiteral("frobnicate")}).exitCode, 1);
        QCOMPARE(cli({QStringLiteral("ingest")}).exitCode, 1);
        const Run badJobs =
            cli({QStringLiteral("ingest"), QStringLiteral("--jobs"), QStringLiteral("zero"), QStringLiteral("x")});
        QCOMPARE(badJobs.exitCode, 1);
        QVERIFY(badJobs.err.contains("--jobs"));
        QCOMPARE(cli({QStringLiteral("ingest"), QStringLiteral("--no-such-flag"), QStringLiteral("x")}).exitCode, 1);
        const Run help = cli({QStringLiteral("ingest"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        // The default names the current folder's graphwright.gwp; a long build path wraps it
        // inside the word, so compare without the white space the wrapping adds.
        QByteArray unwrapped = help.out;
        unwrapped.replace('\n', "").replace(' ', "");
        QVERIFY2(unwrapped.contains("/graphwright.gwp)"), help.out.constData());
    }

    void healthReportsMeasuredChecks()
    {
        QTemporaryDir dir;
        const Run run = cli({QStringLiteral("health"), QStringLiteral("--project"),
                             dir.filePath(QStringLiteral("none.gwp")), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject report = json(run.out);
        QCOMPARE(report.value(QStringLiteral("overall")).toString(), QStringLiteral("degraded")); // no project yet
        const QJsonArray checks = report.value(QStringLiteral("checks")).toArray();
        QVERIFY(checks.size() >= 4);
        for (const auto &check : checks)
            QVERIFY(!check.toObject().value(QStringLiteral("reason")).toString().isEmpty());

        writeFile(dir.filePath(QStringLiteral("garbage.gwp")), QByteArray(4096, 'x'));
        const Run broken =
            cli({QStringLiteral("health"), QStringLiteral("--project"), dir.filePath(QStringLiteral("garbage.gwp"))});
        QCOMPARE(broken.exitCode, 2);
        QVERIFY(broken.out.contains("garbage.gwp"));
    }

    void healthListsTheProjectsBreakersByName()
    {
        // The window's project set-up: the project store's breaker always, the remote extractor's
        // when an endpoint is configured; each by name with its state.
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("in/a.txt")), "Ada Lovelace wrote to Charles Babbage in London.");
        const QString project = dir.filePath(QStringLiteral("p.gwp"));
        QCOMPARE(cli({QStringLiteral("ingest"), QStringLiteral("--project"), project, QStringLiteral("--json"),
                      dir.filePath(QStringLiteral("in"))})
                     .exitCode,
                 0);
        const auto breakerStates = [](const QJsonObject &report) {
            QMap<QString, QString> states;
            for (const auto &breaker : report.value(QStringLiteral("breakers")).toArray())
                states.insert(breaker.toObject().value(QStringLiteral("name")).toString(),
                              breaker.toObject().value(QStringLiteral("state")).toString());
            return states;
        };
        const Run plain =
            cli({QStringLiteral("health"), QStringLiteral("--project"), project, QStringLiteral("--json")});
        QCOMPARE(plain.exitCode, 0);
        const QJsonObject plainReport = json(plain.out);
        QCOMPARE(breakerStates(plainReport),
                 (QMap<QString, QString>{{QStringLiteral("project store"), QStringLiteral("closed")}}));
        QStringList checks;
        for (const auto &check : plainReport.value(QStringLiteral("checks")).toArray())
            checks << check.toObject().value(QStringLiteral("name")).toString();
        QCOMPARE(checks,
                 (QStringList{QStringLiteral("project file"), QStringLiteral("disk space"),
                              QStringLiteral("project folder writable"), QStringLiteral("worker pool"),
                              QStringLiteral("circuit breakers")}));
        // The opened project file is measured (its schema and size).
        QVERIFY2(plainReport.value(QStringLiteral("checks"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("reason"))
                     .toString()
                     .contains(QStringLiteral("schema")),
                 plain.out.constData());

        const Run remote = cli({QStringLiteral("health"), QStringLiteral("--project"), project,
                                QStringLiteral("--remote-url"), QStringLiteral("http://127.0.0.1:9/v1"),
                                QStringLiteral("--remote-model"), QStringLiteral("tiny"), QStringLiteral("--json")});
        QCOMPARE(remote.exitCode, 0);
        QCOMPARE(breakerStates(json(remote.out)),
                 (QMap<QString, QString>{{QStringLiteral("project store"), QStringLiteral("closed")},
                                         {QStringLiteral("remote extractor"), QStringLiteral("closed")}}));

        const Run text = cli({QStringLiteral("health"), QStringLiteral("--project"), project});
        QVERIFY2(text.out.contains("project store: closed"), text.out.constData());
        const Run wrong = cli({QStringLiteral("health"), QStringLiteral("--project"), project,
                               QStringLiteral("--remote-url"), QStringLiteral("http://127.0.0.1:9/v1")});
        QCOMPARE(wrong.exitCode, 1); // a URL without a model
    }

    void interruptKeepsFinishedDocumentsAndTheProjectOpens()
    {
        QTemporaryDir dir;
        QByteArray text;
        for (int i = 0; i < 20000; ++i)
            text += "Grace Hopper worked with Howard Aiken at Harvard University on the Mark I. ";
        for (int i = 0; i < 60; ++i)
            writeFile(dir.filePath(QStringLiteral("in/doc%1.txt").arg(i)), text + QByteArray::number(i));
        const QString project = dir.filePath(QStringLiteral("p.gwp"));
        QProcess process;
        process.start(QStringLiteral(GW_CLI_PATH),
                      {QStringLiteral("ingest"), QStringLiteral("--project"), project, QStringLiteral("--jobs"),
                       QStringLiteral("2"), QStringLiteral("--json"), dir.filePath(QStringLiteral("in"))});
        QVERIFY(process.waitForStarted());
        // The project file appears once the command has its interrupt handler (a SIGINT before
        // that ends the process as the default action would: on a loaded machine, start-up can
        // take longer than the wait below).
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(project), 30'000);
        QTest::qWait(700);
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(30'000));
        const QJsonObject summary = json(process.readAllStandardOutput());
        if (process.exitCode() == 0)
            QSKIP("the machine ingested all 60 documents before the interrupt; nothing to cancel");
        QCOMPARE(process.exitCode(), 130);
        QVERIFY(summary.value(QStringLiteral("cancelled")).toBool());
        const int done = summary.value(QStringLiteral("documents_done")).toInt();

        const Run status =
            cli({QStringLiteral("status"), QStringLiteral("--project"), project, QStringLiteral("--json")});
        QCOMPARE(status.exitCode, 0);
        QCOMPARE(json(status.out).value(QStringLiteral("documents_done")).toInt(), done);
    }
};

GW_TEST_MAIN(TstCli)
#include "tst_cli.moc"
