#pragma once
// The XML side of an export file: a QXmlStreamWriter that writes into a QString drained into
// the ExportFile in blocks. QXmlStreamWriter is several times faster into a QString than into a
// device (which costs an encoding and a write per token). Used by the GraphML and GEXF exports.
#include "graph/exportfile.h"

#include <QString>
#include <QXmlStreamWriter>

namespace gw {

class XmlExportStream
{
public:
    // Writes the XML declaration; the writer indents by one space.
    explicit XmlExportStream(ExportFile &file);
    XmlExportStream(const XmlExportStream &) = delete;
    XmlExportStream &operator=(const XmlExportStream &) = delete;

    QXmlStreamWriter &xml() { return m_xml; }
    // Moves what is written so far into the file once it is a block's worth (call per element).
    void drainIfFull();
    // After writeEndDocument(): the rest, with a final line break, into the file.
    void finish();

private:
    ExportFile &m_file;
    QString m_buffer;
    QXmlStreamWriter m_xml;
};

} // namespace gw
