#pragma once

#include <QString>

namespace gw {

// Formats Graphwright reads. Unknown files are listed as skipped, with the reason.
enum class DocumentFormat {
    Unknown,
    PlainText, // .txt .text .log
    Markdown,  // .md .markdown
    Html,      // .html .htm .xhtml
    Pdf,       // .pdf
    Docx,      // .docx
    Odt,       // .odt
    Epub,      // .epub
    Csv,       // .csv
    Tsv,       // .tsv
    Json,      // .json
};

// Short lowercase name ("pdf", "docx", ...), used in the store and in JSON output.
QString documentFormatName(DocumentFormat format);
DocumentFormat documentFormatFromName(const QString &name);

} // namespace gw
