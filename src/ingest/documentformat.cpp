#include "documentformat.h"

#include <QHash>

namespace gw {

namespace {
struct FormatName
{
    DocumentFormat format;
    const char16_t *name;
};
constexpr FormatName formatNames[] = {
    {DocumentFormat::Unknown, u"unknown"},   {DocumentFormat::PlainText, u"text"},
    {DocumentFormat::Markdown, u"markdown"}, {DocumentFormat::Html, u"html"},
    {DocumentFormat::Pdf, u"pdf"},           {DocumentFormat::Docx, u"docx"},
    {DocumentFormat::Odt, u"odt"},           {DocumentFormat::Epub, u"epub"},
    {DocumentFormat::Csv, u"csv"},           {DocumentFormat::Tsv, u"tsv"},
    {DocumentFormat::Json, u"json"},
};
} // namespace

QString documentFormatName(DocumentFormat format)
{
    for (const auto &entry : formatNames)
        if (entry.format == format)
            return QString::fromUtf16(entry.name);
    return QStringLiteral("unknown");
}

DocumentFormat documentFormatFromName(const QString &name)
{
    for (const auto &entry : formatNames)
        if (name == QString::fromUtf16(entry.name))
            return entry.format;
    return DocumentFormat::Unknown;
}

} // namespace gw
