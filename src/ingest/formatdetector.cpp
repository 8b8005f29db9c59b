#include "formatdetector.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace gw {

namespace {

struct ExtensionFormat
{
    const char *extension;
    DocumentFormat format;
};
constexpr ExtensionFormat extensionFormats[] = {
    {"txt", DocumentFormat::PlainText}, {"text", DocumentFormat::PlainText},    {"log", DocumentFormat::PlainText},
    {"md", DocumentFormat::Markdown},   {"markdown", DocumentFormat::Markdown}, {"html", DocumentFormat::Html},
    {"htm", DocumentFormat::Html},      {"xhtml", DocumentFormat::Html},        {"pdf", DocumentFormat::Pdf},
    {"docx", DocumentFormat::Docx},     {"odt", DocumentFormat::Odt},           {"epub", DocumentFormat::Epub},
    {"csv", DocumentFormat::Csv},       {"tsv", DocumentFormat::Tsv},           {"json", DocumentFormat::Json},
};

bool startsWithUtf16Or32Bom(const QByteArray &head)
{
    return head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF")
        || head.startsWith(QByteArray("\x00\x00\xFE\xFF", 4));
}

// ODF and EPUB zips start with an uncompressed "mimetype" entry (their specs require it), so the
// mime type sits in plain bytes right after the 30-byte local header and the 8-byte name.
DocumentFormat sniffZip(const QByteArray &head)
{
    constexpr qsizetype nameOffset = 30;
    if (head.mid(nameOffset, 8) != "mimetype")
        return DocumentFormat::Unknown;
    const QByteArray rest = head.mid(nameOffset + 8, 64);
    if (rest.startsWith("application/epub+zip"))
        return DocumentFormat::Epub;
    if (rest.startsWith("application/vnd.oasis.opendocument.text")
        && !rest.startsWith("application/vnd.oasis.opendocument.text-"))
        return DocumentFormat::Odt;
    return DocumentFormat::Unknown;
}

bool looksLikeHtml(const QByteArray &head)
{
    QByteArray start = head.left(512).trimmed().toLower();
    if (start.startsWith("\xEF\xBB\xBF"))
        start = start.mid(3).trimmed();
    return start.startsWith("<!doctype html") || start.startsWith("<html");
}

} // namespace

QString FormatDetector::extension(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    // A leading dot makes a hidden name, not an extension.
    if (dot <= 0 || dot == name.size() - 1)
        return {};
    return name.mid(dot + 1).toLower();
}

DocumentFormat FormatDetector::fromExtension(const QString &path)
{
    const QString ext = extension(path);
    for (const auto &entry : extensionFormats)
        if (ext == QLatin1String(entry.extension))
            return entry.format;
    return DocumentFormat::Unknown;
}

DocumentFormat FormatDetector::detect(const QString &path, const QByteArray &head)
{
    const DocumentFormat byName = fromExtension(path);
    if (byName != DocumentFormat::Unknown)
        return byName;
    if (head.startsWith("%PDF-"))
        return DocumentFormat::Pdf;
    if (head.startsWith("PK\x03\x04"))
        return sniffZip(head); // a generic zip stays Unknown
    if (looksLikeHtml(head) && !looksBinary(head))
        return DocumentFormat::Html;
    // Plain text and JSON are not sniffed: an extension-less text file in a dropped folder is far
    // more often a script or a config file than a document.
    return DocumentFormat::Unknown;
}

bool FormatDetector::looksBinary(const QByteArray &head)
{
    const QByteArray sample = head.left(headBytes);
    if (startsWithUtf16Or32Bom(sample))
        return false;
    qsizetype controls = 0;
    for (const char c : sample) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == 0)
            return true;
        // Tab, LF, VT, FF, CR and ESC (ANSI colours in logs) are normal in text.
        if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\v' && byte != '\f' && byte != '\r' && byte != 0x1B)
            ++controls;
    }
    // A few stray control characters happen in real text; a tenth of the bytes does not.
    return controls * 10 > sample.size();
}

QString FormatDetector::skipReason(const QString &path)
{
    const QString ext = extension(path);
    if (ext.isEmpty())
        return QCoreApplication::translate("gw::FormatDetector", "no file extension and content not recognised");
    return QCoreApplication::translate("gw::FormatDetector", "unsupported file type '.%1'").arg(ext);
}

} // namespace gw
