#pragma once

#include "documentformat.h"

#include <QByteArray>
#include <QString>

namespace gw {

// Decides a file's format from its name and its first bytes. The extension wins when it names a
// format we read (a ".pdf" that is not a PDF is still routed to the PDF parser, which then reports
// it as malformed, a message a person can act on); content is sniffed only for files whose
// extension is missing or unknown.
class FormatDetector
{
public:
    // How much of a file detect() and looksBinary() look at.
    static constexpr qsizetype headBytes = 8192;

    static DocumentFormat detect(const QString &path, const QByteArray &head);
    // By extension only, case-insensitive; Unknown for a missing or unknown extension.
    static DocumentFormat fromExtension(const QString &path);
    // The extension without the dot, lowercase ("" for "README" and for ".bashrc").
    static QString extension(const QString &path);

    // True when the bytes look like binary data rather than text: NUL bytes (UTF-16/32 with a BOM
    // excepted) or many control characters in the first headBytes.
    static bool looksBinary(const QByteArray &head);

    // Why a file whose format is Unknown is skipped, for the person reading the job's report.
    static QString skipReason(const QString &path);
};

} // namespace gw
