#include "inputexpander.h"

#include "filestamp.h"
#include "formatdetector.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gw {

namespace {

QString specialFileReason(mode_t mode)
{
    if (S_ISFIFO(mode))
        return QCoreApplication::translate("gw::InputExpander", "named pipe (FIFO), not a regular file");
    if (S_ISCHR(mode))
        return QCoreApplication::translate("gw::InputExpander", "character device, not a regular file");
    if (S_ISBLK(mode))
        return QCoreApplication::translate("gw::InputExpander", "block device, not a regular file");
    if (S_ISSOCK(mode))
        return QCoreApplication::translate("gw::InputExpander", "socket, not a regular file");
    return QCoreApplication::translate("gw::InputExpander", "not a regular file or folder");
}

QString errnoReason(int error)
{
    switch (error) {
    case ENOENT:
        return QCoreApplication::translate("gw::InputExpander", "no such file or directory");
    case EACCES:
        return QCoreApplication::translate("gw::InputExpander", "permission denied");
    case ELOOP:
        return QCoreApplication::translate("gw::InputExpander", "symbolic link loop");
    default:
        return QString::fromLocal8Bit(std::strerror(error));
    }
}

bool statPath(const QString &path, bool followLinks, struct stat *info)
{
    const QByteArray native = QFile::encodeName(path);
    return (followLinks ? ::stat(native.constData(), info) : ::lstat(native.constData(), info)) == 0;
}

// The first bytes of a regular file; empty if it cannot be read (the read stage will say why).
// Non-blocking and re-checked after opening: if the file was swapped for a FIFO since stat(),
// open() must not wait for a writer.
QByteArray readHead(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return {};
    QByteArray head;
    struct stat info
    {};
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode)) {
        head.resize(FormatDetector::headBytes);
        qsizetype filled = 0;
        while (filled < head.size()) {
            const ssize_t got = ::read(fd, head.data() + filled, size_t(head.size() - filled));
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0)
                break;
            filled += got;
        }
        head.truncate(filled);
    }
    ::close(fd);
    return head;
}

class Expansion
{
public:
    Expansion(const CancellationToken &token, const KnownFileTest &known) : m_token(token), m_known(known) {}

    void addInput(const QString &input)
    {
        if (input.trimmed().isEmpty()) {
            m_result.skipped.append({input, QCoreApplication::translate("gw::InputExpander", "empty path")});
            return;
        }
        const QString path = QDir::cleanPath(QFileInfo(input).absoluteFilePath());
        const qsizetype firstDocument = m_result.documents.size();
        const qsizetype firstSkipped = m_result.skipped.size();
        const qsizetype firstUnchanged = m_result.unchanged.size();
        addPath(path);
        // Each input's results in path order; inputs keep the order they were given in.
        const auto byPath = [](const InputDocument &a, const InputDocument &b) { return a.path < b.path; };
        std::sort(m_result.documents.begin() + firstDocument, m_result.documents.end(), byPath);
        std::sort(m_result.unchanged.begin() + firstUnchanged, m_result.unchanged.end(), byPath);
        std::sort(m_result.skipped.begin() + firstSkipped, m_result.skipped.end(),
                  [](const SkippedInput &a, const SkippedInput &b) { return a.path < b.path; });
    }

    ExpandedInputs take() { return std::move(m_result); }

private:
    void skip(const QString &path, const QString &reason)
    {
        if (!m_skippedPaths.contains(path)) {
            m_skippedPaths.insert(path);
            m_result.skipped.append({path, reason});
        }
    }

    // `canonicalParent`: the canonical path of the folder that lists `path`, when known.
    void addPath(const QString &path, const QString &canonicalParent = {})
    {
        m_token.throwIfCancelled();
        struct stat linkInfo
        {};
        if (!statPath(path, false, &linkInfo)) {
            skip(path, errnoReason(errno));
            return;
        }
        struct stat info = linkInfo;
        if (S_ISLNK(linkInfo.st_mode) && !statPath(path, true, &info)) {
            const int error = errno;
            skip(path,
                 error == ENOENT ? QCoreApplication::translate("gw::InputExpander", "broken symbolic link")
                                 : errnoReason(error));
            return;
        }
        if (S_ISDIR(info.st_mode))
            addFolder(path);
        else if (S_ISREG(info.st_mode))
            addFile(path, info, S_ISLNK(linkInfo.st_mode) ? QString() : canonicalParent);
        else
            skip(path, specialFileReason(info.st_mode)); // never opened
    }

    void addFolder(const QString &path)
    {
        const QString canonical = QFileInfo(path).canonicalFilePath();
        // A link to the folder being walked or to one of its ancestors (canonically) would lead
        // back here forever: report it at the link rather than somewhere down the cycle.
        if (!m_walking.isEmpty()
            && (m_walking.contains(canonical)
                || m_walking.last().startsWith(canonical.endsWith(u'/') ? canonical : canonical + u'/'))) {
            skip(path, QCoreApplication::translate("gw::InputExpander", "symbolic link loop"));
            return;
        }
        // A folder already walked (given twice, or reached by two links) adds nothing new.
        if (m_walked.contains(canonical))
            return;
        m_walked.insert(canonical);
        m_walking.append(canonical);

        const QDir dir(path);
        if (!dir.isReadable()) {
            skip(path, QCoreApplication::translate("gw::InputExpander", "permission denied (folder cannot be listed)"));
        } else {
            // System: also list FIFOs, sockets, devices and broken links, so they can be reported.
            QStringList names =
                dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Unsorted);
            std::sort(names.begin(), names.end());
            for (const QString &name : std::as_const(names)) {
                if (name.startsWith(u'.'))
                    continue; // hidden, skipped silently
                addPath(path + u'/' + name, canonical);
            }
        }
        m_walking.removeLast();
    }

    void addFile(const QString &path, const struct stat &info, const QString &canonicalParent)
    {
        // A file that is no link, listed by a folder whose canonical path is known, needs no
        // realpath() (a system call per component of its path).
        const QString canonical = canonicalParent.isEmpty()
            ? QFileInfo(path).canonicalFilePath()
            : (canonicalParent.endsWith(u'/') ? canonicalParent : canonicalParent + u'/')
                + path.mid(path.lastIndexOf(u'/') + 1);
        if (m_files.contains(canonical))
            return; // duplicate: listed once
        m_files.insert(canonical);

        const QString stamp = FileStamp::of(info);
        if (m_known) {
            const DocumentFormat known = m_known(path, stamp);
            if (known != DocumentFormat::Unknown) {
                m_result.unchanged.append({path, known, qint64(info.st_size), stamp});
                return;
            }
        }
        // Only the head, and only of a regular file: enough to sniff a format.
        const QByteArray head = readHead(path);
        const DocumentFormat format = FormatDetector::detect(path, head);
        if (format == DocumentFormat::Unknown)
            skip(path, FormatDetector::skipReason(path));
        else
            m_result.documents.append({path, format, qint64(info.st_size), stamp});
    }

    const CancellationToken &m_token;
    const KnownFileTest &m_known;
    ExpandedInputs m_result;
    QStringList m_walking; // canonical folders on the current path, outermost first
    QSet<QString> m_walked;
    QSet<QString> m_files;
    QSet<QString> m_skippedPaths;
};

} // namespace

ExpandedInputs InputExpander::expand(const QStringList &inputs, const CancellationToken &token,
                                     const KnownFileTest &known)
{
    Expansion expansion(token, known);
    for (const QString &input : inputs)
        expansion.addInput(input);
    return expansion.take();
}

} // namespace gw
