#include "documentparser.h"

#include "csvparser.h"
#include "htmlparser.h"
#include "jsonparser.h"
#include "markdownparser.h"
#include "plaintextparser.h"

// The container formats are written alongside this file; until a header exists its format simply
// has no parser (forFormat returns nullptr and the pipeline reports it as unsupported).
#if __has_include("pdfparser.h")
#include "pdfparser.h"
#define GW_HAVE_PDF_PARSER 1
#endif
#if __has_include("docxparser.h")
#include "docxparser.h"
#define GW_HAVE_DOCX_PARSER 1
#endif
#if __has_include("odtparser.h")
#include "odtparser.h"
#define GW_HAVE_ODT_PARSER 1
#endif
#if __has_include("epubparser.h")
#include "epubparser.h"
#define GW_HAVE_EPUB_PARSER 1
#endif

namespace gw {

namespace {
// A preview is for a person glancing at a list: a minified one-line file must not put megabytes
// into it.
constexpr qsizetype maxPreviewLineChars = 240;
} // namespace

DocumentPreview DocumentParser::makePreview(const QByteArray &bytes, const ParseContext &context) const
{
    DocumentPreview preview;
    preview.text = firstLines(extractText(bytes, context), context.limits.previewLines);
    return preview;
}

// The first `lines` non-blank lines, each trimmed and capped, joined with '\n'. Blank lines are
// skipped so that a title page full of empty lines still previews something.
QString DocumentParser::firstLines(const QString &text, int lines)
{
    QStringList kept;
    qsizetype pos = 0;
    while (kept.size() < lines && pos < text.size()) {
        qsizetype newline = text.indexOf(QLatin1Char('\n'), pos);
        if (newline < 0)
            newline = text.size();
        QStringView line = QStringView(text).mid(pos, newline - pos).trimmed();
        pos = newline + 1;
        if (line.isEmpty())
            continue;
        if (line.size() > maxPreviewLineChars) {
            qsizetype cut = maxPreviewLineChars;
            if (line.at(cut - 1).isHighSurrogate())
                --cut; // never split a surrogate pair
            kept.append(line.left(cut).toString() + QChar(0x2026));
        } else {
            kept.append(line.toString());
        }
    }
    return kept.join(QLatin1Char('\n'));
}

const DocumentParser *DocumentParser::forFormat(DocumentFormat format)
{
    // Function-local statics: built on first use, thread-safe, and every parser is stateless.
    switch (format) {
    case DocumentFormat::Unknown:
        return nullptr;
    case DocumentFormat::PlainText: {
        static const PlainTextParser parser;
        return &parser;
    }
    case DocumentFormat::Markdown: {
        static const MarkdownParser parser;
        return &parser;
    }
    case DocumentFormat::Html: {
        static const HtmlParser parser;
        return &parser;
    }
    case DocumentFormat::Csv: {
        static const CsvParser parser(u',');
        return &parser;
    }
    case DocumentFormat::Tsv: {
        static const CsvParser parser(u'\t');
        return &parser;
    }
    case DocumentFormat::Json: {
        static const JsonParser parser;
        return &parser;
    }
    case DocumentFormat::Pdf: {
#ifdef GW_HAVE_PDF_PARSER
        static const PdfParser parser;
        return &parser;
#else
        return nullptr;
#endif
    }
    case DocumentFormat::Docx: {
#ifdef GW_HAVE_DOCX_PARSER
        static const DocxParser parser;
        return &parser;
#else
        return nullptr;
#endif
    }
    case DocumentFormat::Odt: {
#ifdef GW_HAVE_ODT_PARSER
        static const OdtParser parser;
        return &parser;
#else
        return nullptr;
#endif
    }
    case DocumentFormat::Epub: {
#ifdef GW_HAVE_EPUB_PARSER
        static const EpubParser parser;
        return &parser;
#else
        return nullptr;
#endif
    }
    }
    return nullptr;
}

} // namespace gw
