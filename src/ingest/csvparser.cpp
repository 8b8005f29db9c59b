#include "csvparser.h"

#include "core/csvreader.h"

namespace gw {

namespace {

// The core CSV reader, record by record (no copy of the table), as lists of cell values; blank
// lines are not records.
class CsvRecordReader
{
public:
    CsvRecordReader(const QString &text, QChar delimiter) : m_cursor(delimiter, text) {}

    bool next(QStringList &fields)
    {
        while (m_cursor.next(m_record)) {
            if (m_record.isBlank())
                continue;
            fields.clear();
            for (const CsvCell &cell : std::as_const(m_record.cells))
                fields.append(cell.value);
            return true;
        }
        return false;
    }

private:
    CsvReader::Cursor m_cursor;
    CsvRecord m_record;
};

// A header names columns: every cell filled in, none of them a number.
bool looksLikeHeader(const QStringList &cells)
{
    for (const QString &cell : cells) {
        const QString trimmed = cell.trimmed();
        bool number = false;
        trimmed.toDouble(&number);
        if (trimmed.isEmpty() || number)
            return false;
    }
    return true;
}

QStringList trimmedCells(const QStringList &cells)
{
    QStringList out;
    out.reserve(cells.size());
    for (const QString &cell : cells)
        out.append(cell.trimmed());
    return out;
}

} // namespace

QString CsvParser::extractText(const QByteArray &bytes, const ParseContext &context) const
{
    const QString source = decodeText(bytes, context);
    CsvRecordReader reader(source, QChar(m_delimiter));
    CancellationPoll poll(context.token, 1024);
    QString out;
    QStringList fields;
    if (!reader.next(fields))
        return out;
    const QStringList header = trimmedCells(fields);
    const bool hasHeader = looksLikeHeader(header);
    auto columnName = [&header](qsizetype column) {
        return column < header.size() ? header.at(column) : QStringLiteral("Column %1").arg(column + 1);
    };
    bool first = true;
    auto emitRecord = [&](const QStringList &cells) {
        if (!hasHeader) {
            out += trimmedCells(cells).join(u'\t');
            out += u'\n';
            return;
        }
        if (!first)
            out += u'\n';
        first = false;
        for (qsizetype column = 0; column < cells.size(); ++column) {
            const QString value = cells.at(column).trimmed();
            if (value.isEmpty())
                continue;
            out += columnName(column);
            out += QLatin1String(": ");
            out += value;
            out += u'\n';
        }
    };
    if (!hasHeader)
        emitRecord(fields);
    while (reader.next(fields)) {
        emitRecord(fields);
        poll();
        checkTextLength(out.size(), context);
    }
    if (hasHeader && first) // a header and nothing else: still say what the columns are
        out = header.join(u'\t');
    while (!out.isEmpty() && out.back().isSpace())
        out.chop(1);
    checkTextLength(out.size(), context);
    return out;
}

QVariantMap CsvParser::extractMetadata(const QByteArray &bytes, const ParseContext &context) const
{
    QString encoding;
    const QString source = decodeText(bytes, context, &encoding);
    CsvRecordReader reader(source, QChar(m_delimiter));
    CancellationPoll poll(context.token, 1024);
    QVariantMap metadata{{QStringLiteral("encoding"), encoding}};
    QStringList fields;
    int rows = 0;
    if (reader.next(fields)) {
        const QStringList header = trimmedCells(fields);
        if (looksLikeHeader(header))
            metadata.insert(QStringLiteral("columns"), header);
        else
            ++rows;
        while (reader.next(fields)) {
            ++rows;
            poll();
        }
    }
    metadata.insert(QStringLiteral("rows"), rows);
    return metadata;
}

} // namespace gw
