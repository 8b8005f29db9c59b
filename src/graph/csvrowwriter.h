#pragma once
// Rows of an RFC 4180 CSV file: comma-separated, CRLF line ends, a field quoted (with its quotes
// doubled) when it holds a comma, a quote, a line break or leading/trailing space. UTF-8, no BOM.
//
// Files meant for spreadsheets (the CSV export, a table export) neutralise formulas: a text cell
// starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so a name such as
// =HYPERLINK("http://x","a") from an imported table is shown, not run (OWASP's advice on CSV
// injection). Import files for a database (Neo4j) keep the raw values: they are data there.
#include "graph/exportfile.h"
#include "store/documentrecord.h"

#include <QString>

namespace gw {

class CsvRowWriter
{
public:
    enum class Cells {
        Spreadsheet, // text that a spreadsheet would run as a formula is neutralised
        Data,        // written as is
    };
    explicit CsvRowWriter(ExportFile &file, Cells cells = Cells::Spreadsheet) : m_file(file), m_cells(cells) {}

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
    const Cells m_cells;
    bool m_rowStarted = false;
};

} // namespace gw
