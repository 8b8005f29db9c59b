#include "csvreader.h"

namespace gw {

QList<CsvRecord> CsvReader::read(const QString &text) const
{
    return read(text, -1);
}

QList<CsvRecord> CsvReader::read(const QString &text, qsizetype limit) const
{
    QList<CsvRecord> records;
    Cursor cursor(m_delimiter, text);
    CsvRecord record;
    while ((limit < 0 || records.size() < limit) && cursor.next(record))
        records.append(record);
    return records;
}

bool CsvReader::Cursor::next(CsvRecord &record)
{
    const QString &text = m_text;
    const qsizetype size = text.size();
    const QChar *data = text.constData();
    qsizetype &at = m_at; // advances as the record is read
    qint64 &line = m_line;
    if (at >= size)
        return false;
    record = CsvRecord{};
    record.start = at;
    record.line = line;
    bool recordDone = false;
    while (!recordDone) {
        CsvCell cell;
        // Spaces before an opening quote are tolerated (`a, "b, c"`), as spreadsheets write it.
        qsizetype quote = at;
        while (quote < size && (data[quote] == u' ' || (data[quote] == u'\t' && m_delimiter != u'\t')))
            ++quote;
        if (quote < size && data[quote] == u'"')
            at = quote;
        if (at < size && data[at] == u'"') {
            // Quoted: up to the closing quote; "" is one quote.
            ++at;
            cell.start = at;
            bool closed = false;
            while (at < size) {
                const QChar c = data[at];
                if (c == u'"') {
                    if (at + 1 < size && data[at + 1] == u'"') {
                        cell.value += u'"';
                        at += 2;
                        continue;
                    }
                    closed = true;
                    break;
                }
                if (c == u'\n' || (c == u'\r' && !(at + 1 < size && data[at + 1] == u'\n')))
                    ++line;
                cell.value += c;
                ++at;
            }
            cell.end = at;
            if (closed) {
                ++at; // the closing quote
                // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
                while (at < size && data[at] != m_delimiter && data[at] != u'\n' && data[at] != u'\r')
                    cell.value += data[at++];
            } else {
                record.unterminatedQuote = true;
            }
        } else {
            cell.start = at;
            while (at < size && data[at] != m_delimiter && data[at] != u'\n' && data[at] != u'\r')
                ++at;
            cell.end = at;
            cell.value = text.mid(cell.start, cell.end - cell.start);
        }
        record.cells.append(cell);
        if (at < size && data[at] == m_delimiter) {
            ++at;
            continue;
        }
        record.end = at;
        if (at < size && data[at] == u'\r')
            ++at;
        if (at < size && data[at] == u'\n')
            ++at;
        ++line;
        recordDone = true;
    }
    return true;
}

QChar CsvReader::detectDelimiter(const QString &text)
{
    const QString head = text.left(64 * 1024);
    QChar best = u',';
    double bestScore = 0;
    for (const QChar candidate : {QChar(u','), QChar(u';'), QChar(u'\t')}) {
        QList<CsvRecord> records = CsvReader(candidate).read(head, 21);
        if (records.size() > 1 && head.size() == 64 * 1024)
            records.removeLast(); // probably cut off
        qsizetype counted = 0, consistent = 0;
        const qsizetype columns = records.isEmpty() ? 0 : records.front().cells.size();
        for (const CsvRecord &record : std::as_const(records)) {
            if (record.isBlank())
                continue;
            ++counted;
            if (record.cells.size() == columns)
                ++consistent;
        }
        if (columns < 2 || counted == 0)
            continue;
        // Consistency first; more columns break ties (a comma inside "a;b" values splits less evenly).
        const double score = double(consistent) / double(counted) * 1000 + double(columns);
        if (score > bestScore) {
            bestScore = score;
            best = candidate;
        }
    }
    return best;
}

} // namespace gw
