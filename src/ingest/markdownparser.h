#pragma once

#include "textformatparser.h"

namespace gw {

// .md .markdown: readable text without the markup. Headings, emphasis, code spans, links
// ("[text](url)" becomes "text"), images (their alt text), block quotes, list bullets, table pipes
// and HTML tags are stripped; fenced code is kept verbatim; YAML front matter is read for
// metadata and left out of the text. Metadata "title": the front matter's, else the first heading.
class MarkdownParser : public TextFormatParser
{
public:
    DocumentFormat format() const override { return DocumentFormat::Markdown; }
    QString extractText(const QByteArray &bytes, const ParseContext &context) const override;
    QVariantMap extractMetadata(const QByteArray &bytes, const ParseContext &context) const override;
};

} // namespace gw
