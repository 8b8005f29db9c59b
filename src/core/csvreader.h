#pragma once
// The one CSV reader: RFC 4180, tolerant. Records remember where each cell is in the text, which
// TableImporter needs for provenance (a cell is a mention, a record the evidence); ingestion reads
// a document's table record by record through a Cursor, without a copy of the whole table.
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

    // Reads one record after another from `text`, which must outlive it.
    class Cursor
    {
    public:
        Cursor(QChar delimiter, const QString &text) : m_delimiter(delimiter), m_text(text) {}
        // The next record, blank ones included (isBlank()); false at the end of the text.
        bool next(CsvRecord &record);

    private:
        QChar m_delimiter;
        const QString &m_text;
        qsizetype m_at = 0;
        qint64 m_line = 1;
    };

    Cursor cursor(const QString &text) const { return Cursor(m_delimiter, text); }
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
