#pragma once

#include "textformatparser.h"

namespace gw {

// .txt .text .log: the decoded text with line endings normalised to LF.
class PlainTextParser : public TextFormatParser
{
public:
    DocumentFormat format() const override { return DocumentFormat::PlainText; }
    QString extractText(const QByteArray &bytes, const ParseContext &context) const override;
};

} // namespace gw
