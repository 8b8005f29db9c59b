#include "textformatparser.h"

#include "formatdetector.h"
#include "loaderror.h"
#include "textdecoder.h"

#include <QCoreApplication>

namespace gw {

namespace {

QString normalizeLineEndings(const QString &text, const CancellationToken &token)
{
    if (!text.contains(QLatin1Char('\r')))
        return text;
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        if ((i & 0xFFFF) == 0)
            token.throwIfCancelled();
        const QChar c = text.at(i);
        if (c == QLatin1Char('\r')) {
            out.append(QLatin1Char('\n'));
            if (i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
        } else {
            out.append(c);
        }
    }
    return out;
}

} // namespace

QVariantMap TextFormatParser::extractMetadata(const QByteArray &bytes, const ParseContext &context) const
{
    QString encoding;
    decodeText(bytes, context, &encoding);
    return {{QStringLiteral("encoding"), encoding}};
}

QString TextFormatParser::decodeText(const QByteArray &bytes, const ParseContext &context, QString *encodingName,
                                     const QByteArray &declaredCharset)
{
    context.token.throwIfCancelled();
    if (bytes.size() > context.limits.maxFileBytes)
        throw LoadError(
            LoadError::Kind::TooLarge, context.path,
            QCoreApplication::translate("gw::TextFormatParser", "the file is larger than the limit of %1 bytes")
                .arg(context.limits.maxFileBytes));
    if (FormatDetector::looksBinary(bytes))
        throwMalformed(context, QCoreApplication::translate("gw::TextFormatParser", "binary content, not text"));
    const QString text = TextDecoder::decode(bytes, declaredCharset, encodingName);
    context.token.throwIfCancelled();
    return normalizeLineEndings(text, context.token);
}

void TextFormatParser::checkTextLength(qsizetype length, const ParseContext &context)
{
    if (length > context.limits.maxTextChars)
        throw LoadError(LoadError::Kind::TooLarge, context.path,
                        QCoreApplication::translate("gw::TextFormatParser",
                                                    "the text is longer than the limit of %1 characters; "
                                                    "split the document or raise the limit")
                            .arg(context.limits.maxTextChars));
}

void TextFormatParser::throwMalformed(const ParseContext &context, const QString &reason)
{
    throw LoadError(LoadError::Kind::Malformed, context.path, reason);
}

} // namespace gw
