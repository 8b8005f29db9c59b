#include "plaintextparser.h"

namespace gw {

QString PlainTextParser::extractText(const QByteArray &bytes, const ParseContext &context) const
{
    QString text = decodeText(bytes, context);
    checkTextLength(text.size(), context);
    return text;
}

} // namespace gw
