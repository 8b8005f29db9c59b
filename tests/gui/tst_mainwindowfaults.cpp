// The workbench window under real faults of the disk that holds the project: a read-only folder
// and a full disk. Both are real, as in tst_cli: a read-only bind mount and a 1 MB tmpfs, made in a
// private mount namespace (what `unshare -rm` gives). The window runs in this process, so the
// process itself enters that namespace, in main() before its first thread: later the kernel
// refuses a user namespace, and a mount namespace would hold the calling thread only (the store's
// writer and the workers would write to the real disk). Mounts made there are private to the
// process and gone when it ends.
#include "core/syncwait.h"
#include "gui/documentlistmodel.h"
#include "gui/documentsview.h"
#include "gui/graphworkspace.h"
#include "gui/jobsmodel.h"
#include "gui/jobsview.h"
#include "gui/mainwindow.h"
#include "gui/unsaveddocumentsnotice.h"
#include "pipeline/ingestjob.h"
#include "pipeline/projectcontext.h"
#include "store/projectstore.h"
#include "store/sampledocuments.h"
#include "testmain.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

namespace {

// Why the private mount namespace could not be entered; empty once inside it.
QString g_noPrivateMounts = QStringLiteral("not tried");

bool writeProcFile(const char *path, const QByteArray &text)
{
    const int fd = ::open(path, O_WRONLY);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, text.constData(), size_t(text.size())) == text.size();
    ::close(fd);
    return ok;
}

// What `unshare -rm` does: a new user namespace in which this user is root, and a new mount
// namespace whose mounts do not propagate back. Must run while the process has one thread.
void enterPrivateMountNamespace()
{
    // With more threads, a mount namespace would hold the calling one only.
    if (QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size() != 1) {
        g_noPrivateMounts = QStringLiteral("the process already runs other threads");
        return;
    }
    const uid_t uid = ::getuid();
    const gid_t gid = ::getgid();
    if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) == 0) {
        if (!writeProcFile("/proc/self/setgroups", "deny")
            || !writeProcFile("/proc/self/uid_map", QByteArray("0 ") + QByteArray::number(uid) + " 1")
            || !writeProcFile("/proc/self/gid_map", QByteArray("0 ") + QByteArray::number(gid) + " 1")) {
            g_noPrivateMounts = QStringLiteral("cannot map the user into the new user namespace");
            return;
        }
    } else if (::unshare(CLONE_NEWNS) != 0) { // no user namespaces here, but maybe root
        g_noPrivateMounts = QStringLiteral("unshare: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return;
    }
    if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
        g_noPrivateMounts =
            QStringLiteral("cannot make the mounts private: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return;
    }
    g_noPrivateMounts.clear();
}

// Unmounts `path` when it goes (before the QTemporaryDir declared earlier removes the folder).
class Mount
{
public:
    explicit Mount(QString path) : m_path(std::move(path)) {}
    ~Mount() { ::umount2(QFile::encodeName(m_path).constData(), MNT_DETACH); }
    Mount(const Mount &) = delete;
    Mount &operator=(const Mount &) = delete;

private:
    QString m_path;
};

QString lastError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Runs a free event loop (QTest::qWait sleeps between rounds and would show as lag) until
// `done` holds or `timeoutMs` pass; true when it held.
template<typename Predicate>
bool runUntil(Predicate done, int timeoutMs)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(20);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!done())
        loop.exec();
    return done();
}

} // namespace

class TstMainWindowFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings and data in a test location
        QCoreApplication::setOrganizationName(QStringLiteral("GraphwrightTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindowfaults"));
        QSettings().clear();
    }

    // The window's message counts only the documents the project could not save (their reason
    // names the project file), not those that could not be read; a full disk is named as such.
    void theMessageTellsUnsavedDocumentsApartFromUnreadableOnes()
    {
        const QString project = QStringLiteral("/data/p.gwp");
        auto row = [](quint64 id, gw::DocumentState state, const QString &message) {
            gw::DocumentSnapshot snapshot;
            snapshot.id = id;
            snapshot.path = QStringLiteral("/in/doc%1.txt").arg(id);
            snapshot.state = state;
            snapshot.message = message;
            return snapshot;
        };
        const QString full =
            QStringLiteral("could not be saved: Project file \"/data/p.gwp\": cannot commit: database or disk is full");
        const QString ioError =
            QStringLiteral("could not be saved: Project file \"/data/p.gwp\": cannot commit: disk I/O error");
        const QList<gw::DocumentSnapshot> rows{
            row(1, gw::DocumentState::Done, {}), row(2, gw::DocumentState::Failed, QStringLiteral("invalid JSON")),
            row(3, gw::DocumentState::Failed, full), row(4, gw::DocumentState::Failed, ioError)};

        gw::UnsavedDocumentsNotice::Text text = gw::UnsavedDocumentsNotice::describe(rows, project);
        QCOMPARE(text.documents, (QList<quint64>{3, 4}));
        QCOMPARE(text.title, QStringLiteral("The Disk Is Full"));
        QVERIFY(text.informative.startsWith(QStringLiteral("The documents finished before (1) are kept")));
        QVERIFY2(text.details.contains(QStringLiteral("/in/doc3.txt\n/in/doc4.txt")), qPrintable(text.details));
        QVERIFY(!text.details.contains(QStringLiteral("doc2")));

        text = gw::UnsavedDocumentsNotice::describe(rows, project, {3}); // told before: only the other
        QCOMPARE(text.documents, QList<quint64>{4});
        QCOMPARE(text.title, QStringLiteral("Documents Not Saved"));
        QCOMPARE(text.text, QStringLiteral("The project /data/p.gwp could not save 1 of the documents."));
        QVERIFY2(text.details.startsWith(QStringLiteral("Reason: ") + ioError), qPrintable(text.details));

        QVERIFY(gw::UnsavedDocumentsNotice::describe(rows.mid(0, 2), project).documents.isEmpty());
    }

    // A project whose file and folder are read-only (modes 0444 and 0555, and a read-only bind
    // mount: root ignores the modes). The store always opens a writer (ProjectStore::open), so
    // the window cannot show the project read-only: it says why it cannot open it, naming the
    // file and the cause, touches nothing, and goes on to open another project.
    void aReadOnlyProjectIsRefusedWithItsCauseAndLeftIntact()
    {
        if (!g_noPrivateMounts.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no private mount namespace here (unshare -rm): ") + g_noPrivateMounts));
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("ro"));
        QVERIFY(QDir().mkpath(folder));
        const QString project = folder + QStringLiteral("/held.gwp");
        {
            auto store = gw::ProjectStore::open(project);
            store->writeDocumentBlocking(gw::testing::sampleDocument(QStringLiteral("/notes/a.txt"), 12));
        }
        const QByteArray before = contentsOf(project);
        const QStringList filesBefore = QDir(folder).entryList(QDir::Files | QDir::Hidden);
        QVERIFY(!before.isEmpty());
        QVERIFY(QFile::setPermissions(project, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        QVERIFY(QFile::setPermissions(folder,
                                      QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                                          | QFile::ReadOther | QFile::ExeOther));
        const QByteArray where = QFile::encodeName(folder);
        QVERIFY2(::mount(where.constData(), where.constData(), nullptr, MS_BIND, nullptr) == 0,
                 qPrintable(lastError()));
        Mount bound(folder);
        QVERIFY2(::mount(nullptr, where.constData(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) == 0,
                 qPrintable(lastError()));
        QVERIFY(!QFileInfo(folder).isWritable() && !QFileInfo(project).isWritable());

        gw::MainWindow window;
        window.show();
        // The error dialog waits for a click: read it, take its picture, and answer it.
        QString shown;
        QTimer closer;
        connect(&closer, &QTimer::timeout, this, [&shown] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                shown +=
                    box->windowTitle() + QLatin1Char('\n') + box->text() + QLatin1Char('\n') + box->informativeText();
                box->grab().save(QStringLiteral("/tmp/faults16-readonly.png"));
                box->close();
            }
        });
        closer.start(20);
        QVERIFY(!gw::syncWait(window.openProject(project)));
        closer.stop();
        QVERIFY(!window.project());
        QVERIFY2(shown.contains(QDir::toNativeSeparators(project)), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("read-only")), qPrintable(shown));
        QCOMPARE(contentsOf(project), before); // untouched, and no journal left beside it
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), filesBefore);

        const QString elsewhere = dir.filePath(QStringLiteral("writable.gwp"));
        QVERIFY(gw::syncWait(window.openProject(elsewhere)));
        QVERIFY(window.project() && window.project()->isOpen());
    }

    // A project on a real full disk (a 1 MB tmpfs): the documents that no longer fit fail, each
    // with a reason that names the project file and says the disk is full; those finished before
    // stay; the window says so once, in plain words; the event loop keeps turning; the project opens again, on the same full disk, with
    // the finished documents.
    void aFullDiskFailsDocumentsClearlyAndKeepsTheFinishedOnes()
    {
        if (!g_noPrivateMounts.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no private mount namespace here (unshare -rm): ") + g_noPrivateMounts));
        QTemporaryDir dir;
        const int documents = 60;
        for (int i = 0; i < documents; ++i)
            writeFile(dir.filePath(QStringLiteral("in/doc%1.txt").arg(i, 2, 10, QLatin1Char('0'))),
                      QByteArray("Ada Lovelace met Charles Babbage in London on problem %1. ")
                          .replace("%1", QByteArray::number(i))
                          .repeated(40));
        const QString disk = dir.filePath(QStringLiteral("disk"));
        QVERIFY(QDir().mkpath(disk));
        QVERIFY2(::mount("tmpfs", QFile::encodeName(disk).constData(), "tmpfs", 0, "size=1m") == 0,
                 qPrintable(lastError()));
        Mount mounted(disk);
        const QString project = disk + QStringLiteral("/full.gwp");

        int done = 0;
        {
            gw::MainWindow window;
            window.resize(1200, 700);
            window.show();
            QVERIFY(gw::syncWait(window.openProject(project)));
            window.lagProbe().reset();
            window.addInputs({dir.filePath(QStringLiteral("in"))});
            QVERIFY(
                runUntil([&] { return window.job()->documentCount() == documents && window.job()->isIdle(); }, 60'000));
            const gw::EventLoopLagSnapshot lag = window.lagProbe().snapshot();
            qInfo("event loop lag during the ingest: max %.1f ms, p99 %.1f ms", lag.maxMs, lag.p99Ms);
            QVERIFY2(lag.maxMs < 500, qPrintable(QString::number(lag.maxMs)));

            gw::JobsModel *model = window.jobsView()->model();
            model->refresh();
            int failed = 0;
            QString reason;
            QString firstReason; // in row order, as the message gives it
            for (int row = 0; row < model->rowCount(); ++row) {
                const int state = model->index(row, 0).data(gw::JobsModel::StateRole).toInt();
                done += state == int(gw::DocumentState::Done);
                if (state != int(gw::DocumentState::Failed))
                    continue;
                ++failed;
                reason = model->index(row, gw::JobsModel::MessageColumn).data().toString();
                if (firstReason.isEmpty())
                    firstReason = reason;
                QVERIFY2(reason.contains(QDir::toNativeSeparators(project)), qPrintable(reason));
                QVERIFY2(reason.contains(QStringLiteral("disk is full")), qPrintable(reason));
            }
            QVERIFY2(done >= 1 && done < documents, qPrintable(QString::number(done)));
            QCOMPARE(failed, documents - done);
            qInfo("%d documents fit, %d failed: %s", done, failed, qPrintable(reason));
            // One message says it for all of them, in plain words: which project, which cause,
            // what was kept, what to do.
            QMessageBox *box = nullptr;
            QVERIFY(runUntil(
                [&] { return (box = window.findChild<QMessageBox *>(QStringLiteral("unsavedDocuments"))); }, 10'000));
            const QString told = box->text() + QLatin1Char('\n') + box->informativeText();
            QVERIFY2(
                told.contains(QStringLiteral("The disk that holds the project %1 is full: it has no room for %2 of "
                                             "the documents.")
                                  .arg(QDir::toNativeSeparators(project))
                                  .arg(failed)),
                qPrintable(told));
            QVERIFY2(
                told.contains(QStringLiteral("The documents finished before (%1) are kept in the project.").arg(done)),
                qPrintable(told));
            QVERIFY2(box->detailedText().contains(QStringLiteral("Reason: ") + firstReason),
                     qPrintable(box->detailedText()));
            QCOMPARE(window.findChildren<QMessageBox *>().size(), 1); // one message, not one per document
            box->grab().save(QStringLiteral("/tmp/faults16-fulldisk-message.png"));
            box->close();
            window.showJobs();
            QTest::qWait(200); // the view paints the last sample
            window.grab().save(QStringLiteral("/tmp/faults16-fulldisk.png"));
            QCOMPARE(window.project()->store()->status().documentsDone, done);
            window.close(); // idle: closes without asking
            QVERIFY(!window.isVisible());
        }

        // Opened again on the same full disk, it holds the finished documents.
        gw::MainWindow again;
        again.show();
        QVERIFY(gw::syncWait(again.openProject(project)));
        QCOMPARE(again.project()->store()->status().documentsDone, done);
        gw::DocumentsView *view = again.documentsView();
        QVERIFY(runUntil([view, done] { return !view->isLoading() && view->model()->rowCount() == done; }, 30'000));
        // The graph the opening started loads before the window goes: a load cut off by the
        // window's end leaves its off-thread work behind (LeakSanitizer saw it).
        gw::GraphWorkspace *graph = again.graphWorkspace();
        QVERIFY(runUntil([graph] { return !graph->isLoading(); }, 30'000));
    }
};

int main(int argc, char **argv)
{
    enterPrivateMountNamespace(); // first: it must hold every thread the window starts
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TstMainWindowFaults test;
    if (!gw::testing::allTestSlotsReturnVoid(TstMainWindowFaults::staticMetaObject))
        return 1;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mainwindowfaults.moc"
