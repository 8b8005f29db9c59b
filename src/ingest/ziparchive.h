#pragma once

#include "documentparser.h"

#include <QBuffer>
#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

class QuaZip;

namespace gw {

// Reads entries of an in-memory ZIP container (DOCX, ODT, EPUB) without trusting it: the total
// inflated size across every read() is capped by IngestLimits::maxDecompressedBytes, counted while
// inflating, so a zip bomb stops after at most one chunk past the limit. One instance per call and
// thread (QuaZip keeps a cursor); it throws LoadError for a corrupt container or missing entry and
// CancelledError when the token is cancelled between chunks.
class ZipArchive
{
public:
    // Throws LoadError(Malformed) when the bytes are not a ZIP container.
    ZipArchive(const QByteArray &bytes, const ParseContext &context);
    ~ZipArchive();
    ZipArchive(const ZipArchive &) = delete;
    ZipArchive &operator=(const ZipArchive &) = delete;

    QStringList entryNames() const { return m_entries; }
    bool contains(const QString &name) const { return m_entries.contains(name); }

    // The inflated entry. maxBytes (< 0: no own limit) caps this entry on top of the archive-wide
    // budget. Throws LoadError: Malformed "missing <name>" or a damaged entry, TooLarge past a limit,
    // Encrypted for a password-protected entry.
    QByteArray read(const QString &name, qint64 maxBytes = -1);
    // Empty when the entry is absent (optional parts such as docProps/app.xml).
    QByteArray readIfPresent(const QString &name, qint64 maxBytes = -1);

    // Bytes inflated so far by read(), counted against maxDecompressedBytes.
    qint64 inflatedBytes() const { return m_inflated; }

private:
    [[noreturn]] void throwTooLarge() const;

    ParseContext m_context; // a copy: cheap (implicitly shared strings, shared token state)
    QByteArray m_bytes;
    QBuffer m_buffer;
    std::unique_ptr<QuaZip> m_zip;
    QStringList m_entries;
    qint64 m_inflated = 0;
};

} // namespace gw
