#pragma once

#include "textformatparser.h"

namespace gw {

// .json: every string value, in document order, one per line; keys, numbers, booleans and null
// are left out (keys name fields, the values carry the content). Invalid JSON is a
// LoadError(Malformed) quoting the parser's message and byte offset. Metadata: "title" and
// "author" when the top level is an object with such string members.
class JsonParser : public TextFormatParser
{
public:
    DocumentFormat format() const override { return DocumentFormat::Json; }
    QString extractText(const QByteArray &bytes, const ParseContext &context) const override;
    QVariantMap extractMetadata(const QByteArray &bytes, const ParseContext &context) const override;
};

} // namespace gw
