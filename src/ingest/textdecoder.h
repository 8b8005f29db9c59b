#pragma once

#include <QByteArray>
#include <QString>

namespace gw {

// Turns the bytes of a text file into a QString, guessing the encoding the way a person would
// expect: a byte-order mark wins, then valid UTF-8, then a declared charset (HTML's <meta
// charset>), then uchardet's statistical guess. Never fails: undecodable bytes become U+FFFD.
class TextDecoder
{
public:
    // encodingName receives the name used ("UTF-8", "UTF-16LE", "windows-1252", ...).
    static QString decode(const QByteArray &bytes, QString *encodingName = nullptr);
    // As decode(), but a charset the document declares is tried before guessing. An unknown or
    // empty declaredCharset is ignored.
    static QString decode(const QByteArray &bytes, const QByteArray &declaredCharset, QString *encodingName);

    // The single-byte Western encoding most "ANSI" text is in; implemented by hand so it works
    // even when Qt is built without ICU.
    static QString decodeWindows1252(QByteArrayView bytes);
};

} // namespace gw
