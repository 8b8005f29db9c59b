#include "xmlexportstream.h"

namespace gw {

namespace {
constexpr qsizetype drainChars = 256 * 1024;
}

XmlExportStream::XmlExportStream(ExportFile &file) : m_file(file), m_xml(&m_buffer)
{
    m_xml.setAutoFormatting(true);
    m_xml.setAutoFormattingIndent(1);
    m_file.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
}

void XmlExportStream::drainIfFull()
{
    if (m_buffer.size() >= drainChars) {
        m_file.write(QStringView(m_buffer));
        m_buffer.truncate(0);
    }
}

void XmlExportStream::finish()
{
    m_buffer += u'\n';
    m_file.write(QStringView(m_buffer));
    m_buffer.clear();
}

} // namespace gw
