#pragma once
// Text for the XML exports (GraphML, GEXF). XML 1.0 cannot hold most control characters at all,
// and a reader turns a raw carriage return into a line feed; names come from arbitrary documents.
#include <QString>

class QXmlStreamWriter;

namespace gw {

class XmlExportText
{
public:
    // `text` with every character XML 1.0 cannot hold (controls other than tab, line feed and
    // carriage return; U+FFFE, U+FFFF; unpaired surrogates) replaced by U+FFFD.
    static QString safe(const QString &text);
    // safe(text) as element content, carriage returns as "&#13;" so that they survive a reader.
    static void writeCharacters(QXmlStreamWriter &writer, const QString &text);
    // A valid xs:NMTOKEN (GraphML node ids): letters, digits, '.', '-', '_', ':'.
    static bool isNameToken(const QString &text);
};

} // namespace gw
