#include "ingest/inputexpander.h"

#include "ingest/filestamp.h"

#include "core/errors.h"

#include "testmain.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace gw;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QString reasonFor(const ExpandedInputs &result, const QString &path)
{
    for (const SkippedInput &skipped : result.skipped)
        if (skipped.path == path)
            return skipped.reason;
    return {};
}

QStringList documentPaths(const ExpandedInputs &result, const QString &root)
{
    QStringList paths;
    for (const InputDocument &document : result.documents)
        paths.append(document.path.startsWith(root + u'/') ? document.path.mid(root.size() + 1) : document.path);
    return paths;
}

} // namespace

class TestInputExpander : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = QDir(m_dir.path()).canonicalPath();
        writeFile(at(u"a.txt"), "alpha text");
        writeFile(at(u"b.md"), "# Bee");
        writeFile(at(u"fake"), "%PDF-1.4\n"); // no extension, PDF content
        writeFile(at(u"noext"), "just text"); // no extension, not recognised
        writeFile(at(u"thing.xyz"), "whatever");
        writeFile(at(u".hidden.txt"), "secret");
        writeFile(at(u".git/config.txt"), "hidden folder");
        writeFile(at(u"other/e.csv"), "h\n1\n");
        writeFile(at(u"sub/c.html"), "<p>c</p>");
        writeFile(at(u"sub/deeper/d.json"), "{}");
        writeFile(at(u"sub/deeper/.cache.txt"), "hidden");
        // A link back to an ancestor (a loop) and a link to a folder walked elsewhere.
        QVERIFY(QFile::link(m_root, at(u"sub/deeper/loop")));
        QVERIFY(QFile::link(at(u"other"), at(u"sub/linkToOther")));
        QVERIFY(QFile::link(at(u"nowhere"), at(u"dangling")));
        // A FIFO: opening it would block until a writer appears, so it must never be opened.
        QCOMPARE(::mkfifo(QFile::encodeName(at(u"pipe.txt")).constData(), 0644), 0);
        makeSocket(at(u"socket.txt"));
    }

    void cleanupTestCase()
    {
        if (m_socket >= 0)
            ::close(m_socket);
    }

    void expandsFolderTree()
    {
        const ExpandedInputs result = InputExpander::expand({m_root});
        QCOMPARE(documentPaths(result, m_root),
                 (QStringList{u"a.txt"_qs, u"b.md"_qs, u"fake"_qs, u"other/e.csv"_qs, u"sub/c.html"_qs,
                              u"sub/deeper/d.json"_qs}));
        const InputDocument &a = result.documents.at(0);
        QCOMPARE(a.format, DocumentFormat::PlainText);
        QCOMPARE(a.size, qint64(10));
        QCOMPARE(result.documents.at(2).format, DocumentFormat::Pdf); // sniffed
        QCOMPARE(result.documents.at(3).format, DocumentFormat::Csv);
        QCOMPARE(result.documents.at(4).format, DocumentFormat::Html);
        QCOMPARE(result.documents.at(5).format, DocumentFormat::Json);

        QCOMPARE(reasonFor(result, at(u"pipe.txt")), u"named pipe (FIFO), not a regular file"_qs);
        QCOMPARE(reasonFor(result, at(u"thing.xyz")), u"unsupported file type '.xyz'"_qs);
        QCOMPARE(reasonFor(result, at(u"noext")), u"no file extension and content not recognised"_qs);
        QCOMPARE(reasonFor(result, at(u"sub/deeper/loop")), u"symbolic link loop"_qs);
        QCOMPARE(reasonFor(result, at(u"dangling")), u"broken symbolic link"_qs);
        if (m_socket >= 0)
            QCOMPARE(reasonFor(result, at(u"socket.txt")), u"socket, not a regular file"_qs);
        // Hidden entries are skipped silently; the folder reached twice adds nothing.
        for (const SkippedInput &skipped : result.skipped) {
            QVERIFY2(!skipped.path.contains(u"/."), qPrintable(skipped.path));
            QVERIFY2(!skipped.path.contains(u"linkToOther"), qPrintable(skipped.path));
        }
        QCOMPARE(result.skipped.size(), m_socket >= 0 ? 6 : 5);
        // Sorted by path, so two runs agree.
        const ExpandedInputs again = InputExpander::expand({m_root});
        QCOMPARE(documentPaths(again, m_root), documentPaths(result, m_root));
    }

    void explicitInputs()
    {
        const QString relative = QDir::current().relativeFilePath(at(u"a.txt"));
        const ExpandedInputs result =
            InputExpander::expand({at(u"sub/./deeper/../c.html"), at(u".hidden.txt"), relative, at(u"a.txt"),
                                   at(u"missing.txt"), u"/dev/null"_qs, QString(), at(u"sub/deeper/loop/b.md")});
        // Clean absolute paths; an explicit hidden file is taken; the duplicate is listed once;
        // a file inside a linked folder is found through the link.
        QCOMPARE(documentPaths(result, m_root),
                 (QStringList{u"sub/c.html"_qs, u".hidden.txt"_qs, u"a.txt"_qs, u"sub/deeper/loop/b.md"_qs}));
        QCOMPARE(reasonFor(result, at(u"missing.txt")), u"no such file or directory"_qs);
        QCOMPARE(reasonFor(result, u"/dev/null"_qs), u"character device, not a regular file"_qs);
        QCOMPARE(reasonFor(result, QString()), u"empty path"_qs);
        QCOMPARE(result.skipped.size(), 3);
    }

    void folderGivenTwiceIsWalkedOnce()
    {
        const ExpandedInputs result = InputExpander::expand({at(u"sub"), at(u"sub/"), m_root});
        QCOMPARE(documentPaths(result, m_root),
                 (QStringList{u"sub/c.html"_qs, u"sub/deeper/d.json"_qs, u"sub/linkToOther/e.csv"_qs, u"a.txt"_qs,
                              u"b.md"_qs, u"fake"_qs}));
    }

    void aFileGivenAloneAndInItsFolderIsListedOnce()
    {
        // The folder's files take their canonical path from the folder's; the explicit one from
        // realpath(): both must name the same file the same way.
        const ExpandedInputs result = InputExpander::expand({at(u"a.txt"), at(u"other")});
        QCOMPARE(documentPaths(result, m_root), (QStringList{u"a.txt"_qs, u"other/e.csv"_qs}));
        const ExpandedInputs twice = InputExpander::expand({at(u"other/e.csv"), at(u"sub")});
        QCOMPARE(documentPaths(twice, m_root),
                 (QStringList{u"other/e.csv"_qs, u"sub/c.html"_qs, u"sub/deeper/d.json"_qs}));
    }

    void aFileKnownByItsStampIsNotRead()
    {
        struct stat info
        {};
        QCOMPARE(::stat(QFile::encodeName(at(u"a.txt")).constData(), &info), 0);
        const QString stamp = FileStamp::of(info);
        QStringList asked;
        const KnownFileTest known = [&](const QString &path, const QString &found) {
            asked.append(path);
            // Markdown, not what sniffing a.txt would say: the format comes from the caller.
            return path == at(u"a.txt") && found == stamp ? DocumentFormat::Markdown : DocumentFormat::Unknown;
        };
        const ExpandedInputs result = InputExpander::expand({m_root}, {}, known);
        QCOMPARE(result.unchanged.size(), 1);
        QCOMPARE(result.unchanged.first().path, at(u"a.txt"));
        QCOMPARE(result.unchanged.first().format, DocumentFormat::Markdown);
        QCOMPARE(result.unchanged.first().size, qint64(10));
        QCOMPARE(documentPaths(result, m_root),
                 (QStringList{u"b.md"_qs, u"fake"_qs, u"other/e.csv"_qs, u"sub/c.html"_qs, u"sub/deeper/d.json"_qs}));
        for (const InputDocument &document : result.documents)
            QVERIFY2(!document.stamp.isEmpty(), qPrintable(document.path));
        // Every regular file once (two of unsupported types among them); links to files met
        // already, FIFOs and sockets never reach the test.
        QCOMPARE(asked.size(), 8);
        QVERIFY(!asked.contains(at(u"pipe.txt")));
    }

    void aStampChangesWithTheFileAndIsNotTrustedRightAfterAWrite()
    {
        const QString path = at(u"stamped.txt");
        writeFile(path, "first");
        const auto stampOf = [&] {
            struct stat info
            {};
            return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? FileStamp::of(info) : QString();
        };
        const auto trusted = [&] {
            QFile file(path);
            return file.open(QIODevice::ReadOnly) ? FileStamp::trustedForRead(file.handle()) : u"unopened"_qs;
        };
        const QString first = stampOf();
        // Just written: another write within the clock's granularity could leave the same stamp.
        QCOMPARE(trusted(), QString());
        QTest::qWait(2100); // past the coarsest granularity (whole seconds: two)
        QCOMPARE(trusted(), first);
        // The same size, the old modification time put back: the status change still tells.
        struct stat before
        {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &before), 0);
        writeFile(path, "other");
        const timespec times[2] = {before.st_atim, before.st_mtim};
        QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0), 0);
        QVERIFY(stampOf() != first);
        QFile::remove(path);
    }

    void unreadableFileIsStillADocument()
    {
        const QString path = at(u"locked/secret.md");
        writeFile(path, "# Locked");
        QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions()));
        const ExpandedInputs result = InputExpander::expand({path});
        QCOMPARE(result.documents.size(), 1);
        QCOMPARE(result.documents.front().format, DocumentFormat::Markdown);
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QVERIFY(QDir(at(u"locked")).removeRecursively());
    }

    void unlistableFolderIsSkipped()
    {
        if (::geteuid() == 0)
            QSKIP("root can list any folder");
        const QString folder = at(u"closed");
        writeFile(folder + QStringLiteral("/inside.txt"), "x");
        QVERIFY(QFile::setPermissions(folder, QFileDevice::Permissions()));
        const ExpandedInputs result = InputExpander::expand({folder});
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(result.documents.isEmpty());
        QVERIFY(reasonFor(result, folder).startsWith(u"permission denied"));
        QVERIFY(QDir(folder).removeRecursively());
    }

    void cancellation()
    {
        CancellationSource source;
        source.cancel();
        QVERIFY_THROWS_EXCEPTION(CancelledError, InputExpander::expand({m_root}, source.token()));
    }

private:
    QString at(QStringView relative) const { return m_root + u'/' + relative.toString(); }

    void makeSocket(const QString &path)
    {
        const QByteArray native = QFile::encodeName(path);
        sockaddr_un address{};
        if (size_t(native.size()) >= sizeof(address.sun_path))
            return; // temp path too long for a socket: that check is skipped
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
        m_socket = ::socket(AF_UNIX, SOCK_STREAM, 0);
        if (m_socket >= 0 && ::bind(m_socket, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0) {
            ::close(m_socket);
            m_socket = -1;
        }
    }

    QTemporaryDir m_dir;
    QString m_root;
    int m_socket = -1;
};

GW_TEST_MAIN(TestInputExpander)
#include "tst_inputexpander.moc"
