#include "ziparchive.h"

#include "loaderror.h"

#include <QCoreApplication>

#include <quazip.h>
#include <quazipfile.h>
#include <quazipfileinfo.h>

#include <limits>

namespace gw {

namespace {

constexpr qint64 chunkBytes = 64 * 1024;
// Reserve at most this much up front: the declared size may be a lie.
constexpr qint64 maxReserveBytes = 8 * 1024 * 1024;

QString describeZipError(int code)
{
    switch (code) {
    case UNZ_BADZIPFILE:
        return QCoreApplication::translate("gw::ZipArchive", "no ZIP directory found");
    case UNZ_CRCERROR:
        return QCoreApplication::translate("gw::ZipArchive", "checksum mismatch");
    case UNZ_ERRNO:
        return QCoreApplication::translate("gw::ZipArchive", "read error");
    case UNZ_INTERNALERROR:
        return QCoreApplication::translate("gw::ZipArchive", "internal ZIP error");
    default:
        return QCoreApplication::translate("gw::ZipArchive", "ZIP error %1").arg(code);
    }
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'g', 4);
}

} // namespace

ZipArchive::ZipArchive(const QByteArray &bytes, const ParseContext &context) : m_context(context), m_bytes(bytes)
{
    m_buffer.setData(m_bytes);
    m_zip = std::make_unique<QuaZip>(&m_buffer);
    if (!m_zip->open(QuaZip::mdUnzip)) {
        throw LoadError(LoadError::Kind::Malformed, m_context.path,
                        QCoreApplication::translate("gw::ZipArchive", "not a valid ZIP container (%1)")
                            .arg(describeZipError(m_zip->getZipError())));
    }
    m_entries = m_zip->getFileNameList();
    if (m_zip->getZipError() != UNZ_OK) {
        throw LoadError(LoadError::Kind::Malformed, m_context.path,
                        QCoreApplication::translate("gw::ZipArchive", "not a valid ZIP container (%1)")
                            .arg(describeZipError(m_zip->getZipError())));
    }
}

ZipArchive::~ZipArchive()
{
    m_zip->close();
}

void ZipArchive::throwTooLarge() const
{
    throw LoadError(
        LoadError::Kind::TooLarge, m_context.path,
        QCoreApplication::translate("gw::ZipArchive", "decompressed content exceeds the limit of %1 MB (zip bomb?)")
            .arg(megabytes(m_context.limits.maxDecompressedBytes)));
}

QByteArray ZipArchive::readIfPresent(const QString &name, qint64 maxBytes)
{
    return contains(name) ? read(name, maxBytes) : QByteArray();
}

QByteArray ZipArchive::read(const QString &name, qint64 maxBytes)
{
    m_context.token.throwIfCancelled();
    if (!m_entries.contains(name) || !m_zip->setCurrentFile(name, QuaZip::csSensitive))
        throw LoadError(LoadError::Kind::Malformed, m_context.path,
                        QCoreApplication::translate("gw::ZipArchive", "missing %1").arg(name));

    QuaZipFileInfo64 info;
    if (!m_zip->getCurrentFileInfo(&info)) {
        throw LoadError(LoadError::Kind::Malformed, m_context.path,
                        QCoreApplication::translate("gw::ZipArchive", "damaged entry %1 (%2)")
                            .arg(name, describeZipError(m_zip->getZipError())));
    }
    if (info.flags & 0x1) { // general purpose bit 0: the entry is encrypted
        throw LoadError(LoadError::Kind::Encrypted, m_context.path,
                        QCoreApplication::translate(
                            "gw::ZipArchive",
                            "%1 inside the container is password-protected; save an unprotected copy and add that")
                            .arg(name));
    }

    // The declared size catches honest large files early; the running count below catches liars.
    const qint64 budget = m_context.limits.maxDecompressedBytes - m_inflated;
    const qint64 declared = qint64(qMin<quint64>(info.uncompressedSize, quint64(std::numeric_limits<qint64>::max())));
    if (declared > budget)
        throwTooLarge();
    const auto throwEntryTooLarge = [&] {
        throw LoadError(LoadError::Kind::TooLarge, m_context.path,
                        QCoreApplication::translate("gw::ZipArchive", "%1 inside the container is larger than %2 bytes")
                            .arg(name, QString::number(maxBytes)));
    };
    if (maxBytes >= 0 && declared > maxBytes)
        throwEntryTooLarge();

    QuaZipFile file(m_zip.get());
    if (!file.open(QIODevice::ReadOnly)) {
        throw LoadError(LoadError::Kind::Malformed, m_context.path,
                        QCoreApplication::translate("gw::ZipArchive", "damaged entry %1 (%2)")
                            .arg(name, describeZipError(file.getZipError())));
    }

    QByteArray content;
    content.reserve(qMin(declared, maxReserveBytes));
    QByteArray chunk(chunkBytes, Qt::Uninitialized);
    for (;;) {
        const qint64 n = file.read(chunk.data(), chunk.size());
        if (n <= 0)
            break;
        m_inflated += n;
        if (m_inflated > m_context.limits.maxDecompressedBytes)
            throwTooLarge();
        if (maxBytes >= 0 && content.size() + n > maxBytes)
            throwEntryTooLarge();
        content.append(chunk.constData(), n);
        m_context.token.throwIfCancelled();
    }
    const int readError = file.getZipError();
    file.close(); // verifies the CRC
    const int error = readError != UNZ_OK ? readError : file.getZipError();
    if (error != UNZ_OK) {
        throw LoadError(
            LoadError::Kind::Malformed, m_context.path,
            QCoreApplication::translate("gw::ZipArchive", "damaged entry %1 (%2)").arg(name, describeZipError(error)));
    }
    return content;
}

} // namespace gw
