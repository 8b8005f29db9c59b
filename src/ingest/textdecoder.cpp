#include "textdecoder.h"

#include <QStringDecoder>

#include <uchardet/uchardet.h>

#include <memory>

namespace gw {

namespace {

struct Bom
{
    QByteArrayView bytes;
    QStringConverter::Encoding encoding;
    const char *name;
};

// UTF-32LE before UTF-16LE: its BOM starts with UTF-16LE's.
const Bom boms[] = {
    {QByteArrayView("\xFF\xFE\x00\x00", 4), QStringConverter::Utf32LE, "UTF-32LE"},
    {QByteArrayView("\x00\x00\xFE\xFF", 4), QStringConverter::Utf32BE, "UTF-32BE"},
    {QByteArrayView("\xEF\xBB\xBF", 3), QStringConverter::Utf8, "UTF-8"},
    {QByteArrayView("\xFF\xFE", 2), QStringConverter::Utf16LE, "UTF-16LE"},
    {QByteArrayView("\xFE\xFF", 2), QStringConverter::Utf16BE, "UTF-16BE"},
};

// uchardet's verdict stabilises long before the end of a large file.
constexpr qsizetype maxDetectionBytes = 1024 * 1024;

void setName(QString *target, const QString &name)
{
    if (target)
        *target = name;
}

QByteArray guessCharset(const QByteArray &bytes)
{
    const std::unique_ptr<uchardet, decltype(&uchardet_delete)> detector(uchardet_new(), &uchardet_delete);
    if (!detector)
        return {};
    uchardet_handle_data(detector.get(), bytes.constData(), size_t(std::min(bytes.size(), maxDetectionBytes)));
    uchardet_data_end(detector.get());
    const char *charset = uchardet_get_charset(detector.get());
    return charset ? QByteArray(charset) : QByteArray();
}

// Decodes with a named codec; false when Qt has no such codec.
bool decodeNamed(const QByteArray &bytes, const QByteArray &charset, QString *text, QString *encodingName)
{
    QByteArray name = charset.trimmed().toLower();
    // Like browsers, read Latin-1 as its superset Windows-1252: text labelled Latin-1 that has
    // bytes 0x80-0x9F means curly quotes and dashes, never C1 control characters.
    if (name == "iso-8859-1" || name == "latin1" || name == "us-ascii" || name == "ascii" || name == "windows-1252"
        || name == "cp1252") {
        *text = TextDecoder::decodeWindows1252(bytes);
        setName(encodingName, QStringLiteral("windows-1252"));
        return true;
    }
    if (name.isEmpty())
        return false;
    QStringDecoder decoder(name.constData());
    if (!decoder.isValid())
        return false;
    *text = decoder.decode(bytes);
    setName(encodingName, QString::fromLatin1(charset.trimmed()));
    return true;
}

} // namespace

QString TextDecoder::decode(const QByteArray &bytes, QString *encodingName)
{
    return decode(bytes, QByteArray(), encodingName);
}

QString TextDecoder::decode(const QByteArray &bytes, const QByteArray &declaredCharset, QString *encodingName)
{
    for (const Bom &bom : boms) {
        if (bytes.startsWith(bom.bytes)) {
            QStringDecoder decoder(bom.encoding, QStringConverter::Flag::Stateless);
            setName(encodingName, QString::fromLatin1(bom.name));
            return decoder.decode(QByteArrayView(bytes).sliced(bom.bytes.size()));
        }
    }

    // Stateless: a truncated sequence at the very end counts as an error too.
    QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (!utf8.hasError()) {
        setName(encodingName, QStringLiteral("UTF-8"));
        return text;
    }

    if (decodeNamed(bytes, declaredCharset, &text, encodingName))
        return text;
    if (decodeNamed(bytes, guessCharset(bytes), &text, encodingName))
        return text;
    // Not UTF-8 and nothing better known: Windows-1252 maps every byte to something readable.
    text = decodeWindows1252(bytes);
    setName(encodingName, QStringLiteral("windows-1252"));
    return text;
}

QString TextDecoder::decodeWindows1252(QByteArrayView bytes)
{
    // 0x80-0x9F; the five unassigned bytes keep their Latin-1 (C1) value, as WHATWG specifies.
    static constexpr char16_t high[32] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    };
    QString text(bytes.size(), Qt::Uninitialized);
    QChar *out = text.data();
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        *out++ = (byte >= 0x80 && byte < 0xA0) ? QChar(high[byte - 0x80]) : QChar(byte);
    }
    return text;
}

} // namespace gw
