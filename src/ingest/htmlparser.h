#pragma once

#include "textformatparser.h"

namespace gw {

// .html .htm .xhtml: the visible text. A tolerant, linear-time tokenizer (real-world HTML is not
// XML): <script>, <style>, <template>, <noscript> and <head> content are dropped, entities
// decoded, whitespace collapsed as a browser would (except in <pre>), block elements end lines
// and table cells are tab-separated. Nesting deeper than limits.maxXmlDepth is a
// LoadError(TooLarge). The charset a document declares is honoured when its bytes are not UTF-8.
// Metadata: "title" (<title>), "author" and "description" (<meta>), "language" (<html lang>).
class HtmlParser : public TextFormatParser
{
public:
    DocumentFormat format() const override { return DocumentFormat::Html; }
    QString extractText(const QByteArray &bytes, const ParseContext &context) const override;
    QVariantMap extractMetadata(const QByteArray &bytes, const ParseContext &context) const override;

    // The charset named in the first KB (<meta charset="..."> or an http-equiv content type).
    static QByteArray declaredCharset(const QByteArray &bytes);
};

} // namespace gw
