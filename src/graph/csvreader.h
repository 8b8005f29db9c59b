#pragma once
// Reads CSV text (RFC 4180, tolerant) into records that remember where each cell is in the text,
// which TableImporter needs for provenance: a cell is a mention, a record the evidence.
// Quoted fields may hold the delimiter, doubled quotes and line breaks (spaces before the opening
// quote are skipped); a quote inside an unquoted field is kept as a character; CRLF, LF and CR
// all end a record.
#include <QList>
#include <QString>

namespace gw {

struct CsvCell
{
    qsizetype start = 0, end = 0; // the value's span in the text (inside the quotes, if quoted)
    QString value;                // with doubled quotes undone
};

struct CsvRecord
{
    qsizetype start = 0, end = 0; // the record's span, without its line break
    qint64 line = 0;              // 1-based line of the text it starts on
    QList<CsvCell> cells;
    bool unterminatedQuote = false; // a quoted field ran to the end of the text

    bool isBlank() const { return cells.size() == 1 && cells.front().value.trimmed().isEmpty(); }
};

class CsvReader
{
public:
    explicit CsvReader(QChar delimiter) : m_delimiter(delimiter) {}

    // All records, blank lines included (isBlank()).
    QList<CsvRecord> read(const QString &text) const;
    // At most `limit` records from the start.
    QList<CsvRecord> read(const QString &text, qsizetype limit) const;

    // The delimiter among ',', ';' and tab that splits the first records of `text` into the most
    // columns most consistently; ',' when none splits anything.
    static QChar detectDelimiter(const QString &text);

private:
    QChar m_delimiter;
};

} // namespace gw
