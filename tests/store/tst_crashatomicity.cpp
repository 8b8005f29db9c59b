// A project survives a writer killed with SIGKILL at any moment: every document in it is whole.
//
// The test runs its own binary again as a child (`--writer-child <file>`, handled in main()
// before QtTest starts) that writes documents with many chunks in a loop, printing a line after
// each commit. The parent kills it mid-stream and checks the file.
//
// Why posix_spawn and not QProcess: Qt 6.4's QProcess starts children with clone(CLONE_VM |
// CLONE_VFORK). ThreadSanitizer intercepts that clone and runs its "child after fork" code in
// the shared address space and on the parent's thread state: the parent is then marked as a
// forked multi-threaded child, dies at its next thread start ("starting new threads after
// multi-threaded fork is not supported") and its main thread stops being checked. glibc's
// posix_spawn does not go through that interceptor.

#include "sampledocuments.h"
#include "store/projectstore.h"
#include "testmain.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <cstdio>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace {

constexpr int chunksPerDocument = 400;
constexpr int mentionsPerChunk = 3; // Ada, Grace, Zürich; and one relation per chunk

// The child: writes until killed. Paths repeat every 7 documents with a new version, so kills
// also land in the middle of replacing a document.
int runWriterChild(const QString &projectPath)
{
    auto store = gw::ProjectStore::open(projectPath);
    for (int i = 0;; ++i) {
        const QString path = QStringLiteral("/docs/%1.txt").arg(i % 7);
        gw::DocumentRecord record = gw::testing::sampleDocument(path, chunksPerDocument, i + 1);
        // Entities shared by every document: replacing one must leave the others' intact.
        gw::testing::addSampleExtraction(record,
                                         {gw::testing::sampleEntity(QStringLiteral("Ada")),
                                          gw::testing::sampleEntity(QStringLiteral("Grace")),
                                          gw::testing::sampleEntity(QStringLiteral("Zürich"))});
        store->writeDocumentBlocking(record);
        std::printf("committed %d\n", i);
        std::fflush(stdout);
    }
}

// This binary again, as `--writer-child <file>`, with its standard output on a pipe.
class WriterChild
{
public:
    explicit WriterChild(const QString &projectPath)
    {
        const QByteArray program = QCoreApplication::applicationFilePath().toLocal8Bit();
        const QByteArray file = projectPath.toLocal8Bit();
        int pipe[2];
        if (::pipe2(pipe, O_CLOEXEC) != 0)
            return;
        m_stdout = pipe[0];
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, pipe[1], STDOUT_FILENO); // clears O_CLOEXEC
        char *argv[] = {const_cast<char *>(program.constData()), const_cast<char *>("--writer-child"),
                        const_cast<char *>(file.constData()), nullptr};
        if (posix_spawn(&m_pid, program.constData(), &actions, nullptr, argv, environ) != 0)
            m_pid = -1;
        posix_spawn_file_actions_destroy(&actions);
        ::close(pipe[1]);
    }
    ~WriterChild()
    {
        if (m_pid > 0)
            killHard();
        if (m_stdout >= 0)
            ::close(m_stdout);
    }
    WriterChild(const WriterChild &) = delete;
    WriterChild &operator=(const WriterChild &) = delete;

    bool started() const { return m_pid > 0; }
    int commits() const { return int(m_output.count("committed")); }

    // Reads the child's reports until it has committed `count` documents.
    bool waitForCommits(int count, int timeoutMs)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (commits() < count) {
            pollfd readable{m_stdout, POLLIN, 0};
            const int ready = ::poll(&readable, 1, int(deadline.remainingTime()));
            if (ready < 0 && errno == EINTR)
                continue;
            if (ready <= 0)
                return false;
            char buffer[4096];
            const ssize_t got = ::read(m_stdout, buffer, sizeof buffer);
            if (got <= 0)
                return false; // the child died on its own
            m_output.append(buffer, got);
        }
        return true;
    }

    // SIGKILL: no destructor, no rollback, no checkpoint. True when SIGKILL is what ended it.
    bool killHard()
    {
        ::kill(m_pid, SIGKILL);
        int status = 0;
        while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {}
        m_pid = -1;
        return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    }

private:
    pid_t m_pid = -1;
    int m_stdout = -1;
    QByteArray m_output;
};

} // namespace

class TstCrashAtomicity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedWriterLeavesOnlyWholeDocuments()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString projectPath = dir.filePath(QStringLiteral("crash.gwp"));
        constexpr int rounds = 8;
        int totalCommits = 0;
        for (int round = 0; round < rounds; ++round) {
            WriterChild child(projectPath);
            QVERIFY(child.started());
            // Kill after a different number of commits each round, while the next is under way;
            // a random pause moves the kill to any point of that document's transaction.
            QVERIFY2(child.waitForCommits(3 + round, 60'000), "the writer child stopped reporting commits");
            QThread::usleep(QRandomGenerator::global()->bounded(4000));
            QVERIFY(child.killHard());
            const int commits = child.commits();
            totalCommits += commits;
            verifyWholeDocuments(projectPath, std::min(commits, 7));
            if (QTest::currentTestFailed())
                return;
        }
        qInfo("%d kills after %d commits in all; every document whole each time", rounds, totalCommits);
    }

private:
    // Every mention of the document points at its entity's word inside the document's text.
    static void verifyMentionsInside(const QString &projectPath, qint64 documentId, const QString &text)
    {
        gw::ProjectConnection connection(projectPath, gw::ProjectConnection::Access::ReadOnly);
        QSqlQuery query = connection.prepare(QStringLiteral(
            "SELECT m.start_offset, m.end_offset, e.key FROM mentions m JOIN entities e ON e.id = m.entity_id "
            "WHERE m.document_id = ?"));
        query.addBindValue(documentId);
        connection.exec(query, QStringLiteral("test probe"));
        int mentions = 0;
        while (query.next()) {
            const qint64 start = query.value(0).toLongLong(), end = query.value(1).toLongLong();
            QVERIFY(start >= 0 && start <= end && end <= text.size());
            QCOMPARE(text.mid(start, end - start).toLower(), query.value(2).toString());
            ++mentions;
        }
        QCOMPARE(mentions, chunksPerDocument * mentionsPerChunk);
    }

    static void verifyWholeDocuments(const QString &projectPath, int atLeast)
    {
        QCOMPARE(gw::testing::scalarText(projectPath, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        QCOMPARE(gw::testing::countRows(projectPath, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")),
                 0);
        auto store = gw::ProjectStore::open(projectPath); // recovers the WAL of the killed writer
        const QList<gw::StoredDocument> documents = store->documents();
        QVERIFY(documents.size() >= atLeast);
        for (const gw::StoredDocument &document : documents) {
            QCOMPARE(document.state, gw::StoredState::Done);
            QCOMPARE(document.chunkCount, chunksPerDocument);
            const QList<gw::ChunkRecord> chunks = store->chunks(document.id);
            QCOMPARE(chunks.size(), document.chunkCount);
            const QString text = store->documentText(document.id);
            QCOMPARE(text.size(), document.chars);
            for (const gw::ChunkRecord &chunk : chunks)
                QCOMPARE(text.mid(chunk.start, chunk.end - chunk.start), chunk.text);
            QCOMPARE(chunks.last().end, text.size());
            verifyMentionsInside(projectPath, document.id, text);
        }
        const gw::ProjectStatus status = store->status();
        QCOMPARE(status.chunks, status.documentsDone * chunksPerDocument);
        QCOMPARE(status.mentions, status.documentsDone * chunksPerDocument * mentionsPerChunk);
        QCOMPARE(gw::testing::countRows(projectPath, QStringLiteral("SELECT count(*) FROM relations")),
                 status.documentsDone * chunksPerDocument);
        QCOMPARE(status.entities, status.documentsDone > 0 ? 3 : 0);
        QCOMPARE(status.relations, status.documentsDone > 0 ? 1 : 0);
        QCOMPARE(gw::testing::countRows(projectPath, QStringLiteral("SELECT count(*) FROM document_texts")),
                 status.documentsDone);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--writer-child") == 0)
        return runWriterChild(QString::fromLocal8Bit(argv[2]));
    TstCrashAtomicity test;
    if (!gw::testing::allTestSlotsReturnVoid(TstCrashAtomicity::staticMetaObject))
        return 1;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_crashatomicity.moc"
