#include "csvrowwriter.h"

#include <QtNumeric>

namespace gw {

void CsvRowWriter::raw(QByteArrayView text)
{
    if (m_rowStarted)
        m_file.write(",");
    m_rowStarted = true;
    m_file.write(text);
}

namespace {
bool looksLikeFormula(const QString &text)
{
    if (text.isEmpty())
        return false;
    const QChar first = text.front();
    return first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r';
}
} // namespace

void CsvRowWriter::field(const QString &cell)
{
    const QString text = m_cells == Cells::Spreadsheet && looksLikeFormula(cell) ? u'\'' + cell : cell;
    bool quote = !text.isEmpty() && (text.front().isSpace() || text.back().isSpace());
    for (const QChar c : text) {
        if (c == u',' || c == u'"' || c == u'\n' || c == u'\r') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        raw(QByteArrayView(text.toUtf8()));
        return;
    }
    QString quoted = text;
    quoted.replace(u'"', QStringLiteral("\"\""));
    raw(QByteArrayView(QByteArray('"' + quoted.toUtf8() + '"')));
}

void CsvRowWriter::field(double value)
{
    raw(qIsFinite(value) ? QByteArrayView(ExportFile::number(value)) : QByteArrayView());
}

void CsvRowWriter::endRow()
{
    m_file.write("\r\n");
    m_rowStarted = false;
}

void CsvRowWriter::evidence(const RelationEvidence &evidence)
{
    if (evidence.documentPath.isEmpty()) {
        for (int i = 0; i < 5; ++i)
            empty();
        return;
    }
    field(evidence.documentPath);
    field(evidence.sentenceStart);
    field(evidence.sentenceEnd);
    field(evidence.chunk);
    field(evidence.trigger);
}

} // namespace gw
