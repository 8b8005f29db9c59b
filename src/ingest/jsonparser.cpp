#include "jsonparser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace gw {

namespace {

[[noreturn]] void throwInvalid(const ParseContext &context, const QJsonParseError &error, int shift)
{
    TextFormatParser::throwMalformed(context,
                                     QCoreApplication::translate("gw::JsonParser", "invalid JSON: %1 at byte offset %2")
                                         .arg(error.errorString())
                                         .arg(std::max(0, error.offset - shift)));
}

QJsonDocument parseJson(const QString &source, const ParseContext &context)
{
    const QByteArray utf8 = source.toUtf8();
    QJsonParseError error{};
    QJsonDocument document = QJsonDocument::fromJson(utf8, &error);
    if (error.error == QJsonParseError::NoError)
        return document;
    // QJsonDocument only takes an object or an array at the top; RFC 8259 also allows a scalar.
    // Wrapped in brackets it must then be an array of exactly one value.
    const QByteArray trimmed = utf8.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith('['))
        throwInvalid(context, error, 0);
    QJsonParseError wrappedError{};
    const QJsonDocument wrapped = QJsonDocument::fromJson('[' + utf8 + ']', &wrappedError);
    if (wrappedError.error != QJsonParseError::NoError)
        throwInvalid(context, wrappedError, 1);
    if (wrapped.array().size() != 1)
        throwInvalid(context, error, 0);
    return wrapped;
}

// Appends the JSON string starting at the quote at `pos`; returns the index after its closing
// quote. The document has been validated, so escapes are well formed.
qsizetype readString(const QString &source, qsizetype pos, QString &out)
{
    const qsizetype n = source.size();
    qsizetype i = pos + 1;
    while (i < n) {
        const QChar c = source.at(i);
        if (c == u'"')
            return i + 1;
        if (c != u'\\') {
            out += c;
            ++i;
            continue;
        }
        const QChar e = i + 1 < n ? source.at(i + 1) : QChar();
        i += 2;
        switch (e.unicode()) {
        case u'n':
            out += u'\n';
            break;
        case u't':
            out += u'\t';
            break;
        case u'r':
            out += u'\n';
            break;
        case u'b':
        case u'f':
            out += u' ';
            break;
        case u'u':
            // Surrogate pairs arrive as two \u escapes and simply become two UTF-16 units.
            out += QChar(char16_t(QStringView(source).mid(i, 4).toUShort(nullptr, 16)));
            i += 4;
            break;
        default:
            out += e;
            break; // \" \\ \/
        }
    }
    return n;
}

} // namespace

QString JsonParser::extractText(const QByteArray &bytes, const ParseContext &context) const
{
    const QString source = decodeText(bytes, context);
    parseJson(source, context);
    context.token.throwIfCancelled();

    // QJsonObject sorts its keys, so walk the text to keep document order.
    CancellationPoll poll(context.token);
    QString out;
    QString value;
    const qsizetype n = source.size();
    qsizetype i = 0;
    while (i < n) {
        const qsizetype quote = source.indexOf(u'"', i);
        if (quote < 0)
            break;
        value.clear();
        i = readString(source, quote, value);
        qsizetype next = i;
        while (next < n && source.at(next).isSpace())
            ++next;
        const bool isKey = next < n && source.at(next) == u':';
        if (!isKey && !value.trimmed().isEmpty()) {
            out += value;
            out += u'\n';
            checkTextLength(out.size(), context);
        }
        poll();
    }
    if (out.endsWith(u'\n'))
        out.chop(1);
    return out;
}

QVariantMap JsonParser::extractMetadata(const QByteArray &bytes, const ParseContext &context) const
{
    QString encoding;
    const QJsonDocument document = parseJson(decodeText(bytes, context, &encoding), context);
    QVariantMap metadata{{QStringLiteral("encoding"), encoding}};
    if (document.isObject()) {
        const QJsonObject object = document.object();
        for (const QString &key : {QStringLiteral("title"), QStringLiteral("author")})
            if (object.value(key).isString() && !object.value(key).toString().trimmed().isEmpty())
                metadata.insert(key, object.value(key).toString().trimmed());
    }
    return metadata;
}

} // namespace gw
