#pragma once
// Rows of an RFC 4180 CSV file: comma-separated, CRLF line ends, a field quoted (with its quotes
// doubled) when it holds a comma, a quote, a line break or leading/trailing space. UTF-8, no BOM.
#include "graph/exportfile.h"
#include "store/documentrecord.h"

#include <QString>

namespace gw {

class CsvRowWriter
{
public:
    explicit CsvRowWriter(ExportFile &file) : m_file(file) {}

    void field(const QString &text);
    void field(qint64 value) { raw(ExportFile::number(value)); }
    void field(double value); // empty when not finite
    void empty() { raw({}); }
    // Five fields: document, sentence start and end, chunk, trigger; all empty when there is no
    // evidence (derived edges). The edge files of the CSV and Neo4j exports share this layout.
    void evidence(const RelationEvidence &evidence);
    void endRow();

private:
    void raw(QByteArrayView text);
    ExportFile &m_file;
    bool m_rowStarted = false;
};

} // namespace gw
