// ApiKeyring on a machine without a keyring service, as on CI under Xvfb or offscreen: no D-Bus
// session bus and no Secret Service. Storing and reading must end quickly with a clear error (no
// hang, no crash, no plain-text fallback file), for real: QtKeychain and Qt D-Bus are not mocked.
#include "core/syncwait.h"
#include "pipeline/apikeyring.h"
#include "testmain.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gw;

class TestApiKeyring : public QObject
{
    Q_OBJECT

private:
    ApiKeyring m_keyring{QStringLiteral("graphwright-test-%1").arg(QCoreApplication::applicationPid())};

private Q_SLOTS:
    void storingWithoutAKeyringFailsWithAClearMessage()
    {
        QElapsedTimer timer;
        timer.start();
        const KeyringAnswer answer = syncWait(m_keyring.store(QStringLiteral("sk-test-secret-123"), 8000));
        const qint64 ms = timer.elapsed();
        QVERIFY2(!answer.ok, "a keyring was reachable: this test needs a machine without one");
        QVERIFY2(answer.error.contains(QLatin1String("keyring")), qPrintable(answer.error));
        QVERIFY2(!answer.error.contains(QLatin1String("sk-test-secret-123")), qPrintable(answer.error));
        // It failed because nothing answered, not because our own time limit ran out.
        QVERIFY2(!answer.error.contains(QLatin1String("did not answer")), qPrintable(answer.error));
        QVERIFY2(ms < 8000, qPrintable(QString::number(ms)));
        qInfo("store failed after %lld ms: %s", ms, qPrintable(answer.error));
    }

    void readingWithoutAKeyringFailsToo()
    {
        const KeyringAnswer answer = syncWait(m_keyring.read(8000));
        QVERIFY(!answer.ok);
        QVERIFY(answer.key.isEmpty());
        QVERIFY2(answer.error.contains(QLatin1String("keyring")), qPrintable(answer.error));
    }

    void noPlainTextFallbackIsWritten()
    {
        // QtKeychain's insecure fallback would write the key into QSettings of the service name.
        syncWait(m_keyring.store(QStringLiteral("sk-fallback-check"), 8000));
        QSettings fallback(m_keyring.service());
        QVERIFY2(fallback.allKeys().isEmpty(), qPrintable(fallback.allKeys().join(u',')));
        QVERIFY(!QFileInfo::exists(fallback.fileName()));
    }

    void aBusWithoutAKeyringServiceFailsToo()
    {
        // A desktop-less session with a bus but no keyring daemon on it: a private dbus-daemon,
        // and this test program again in a child, pointed at it (the session bus is chosen once
        // per process).
        if (qEnvironmentVariableIsSet("GW_TEST_SESSION_BUS"))
            QSKIP("already the child");
#if defined(__SANITIZE_THREAD__)
        QSKIP("QProcess cannot run under ThreadSanitizer with Qt 6.4");
#endif
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (daemon.isEmpty())
            QSKIP("no dbus-daemon on this machine (Debian package dbus-daemon)");
        QProcess bus;
        bus.start(daemon,
                  {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
        QVERIFY(bus.waitForStarted(5000));
        QVERIFY(bus.waitForReadyRead(5000));
        const QByteArray address = bus.readLine().trimmed();
        QVERIFY2(address.startsWith("unix:"), address.constData());

        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("GW_TEST_SESSION_BUS"), QString::fromUtf8(address));
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("storingWithoutAKeyringFailsWithAClearMessage"),
                     QStringLiteral("readingWithoutAKeyringFailsToo")});
        QVERIFY(child.waitForFinished(30'000));
        const QByteArray output = child.readAllStandardOutput() + child.readAllStandardError();
        bus.terminate();
        bus.waitForFinished(5000);
        QVERIFY2(child.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("no keyring service"), output.constData());
    }

    void aKeyringThatNeverAnswersEndsAtTheTimeLimit()
    {
        // The time limit is ours: with 0 ms it runs out before the (queued) job can even start.
        const KeyringAnswer answer = syncWait(m_keyring.read(0));
        QVERIFY(!answer.ok);
        QVERIFY2(answer.error.contains(QLatin1String("did not answer")), qPrintable(answer.error));
    }
};

int main(int argc, char **argv)
{
    // No session bus (as on CI): nothing inherited from a desktop session, and no bus socket in
    // the runtime folder (libdbus looks for $XDG_RUNTIME_DIR/bus).
    // GW_TEST_SESSION_BUS: a bus of the test's own, with no keyring service on it (see
    // aBusWithoutAKeyringServiceFailsToo).
    if (qEnvironmentVariableIsSet("GW_TEST_SESSION_BUS"))
        qputenv("DBUS_SESSION_BUS_ADDRESS", qgetenv("GW_TEST_SESSION_BUS"));
    else
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("DISPLAY");
    QTemporaryDir runtime;
    qputenv("XDG_RUNTIME_DIR", runtime.path().toUtf8());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication app(argc, argv);
    TestApiKeyring test;
    if (!gw::testing::allTestSlotsReturnVoid(TestApiKeyring::staticMetaObject))
        return 1;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_apikeyring.moc"
