#include "csvparser.h"

namespace gw {

namespace {

// Yields one record at a time, so metadata needs no copy of the table.
class CsvRecordReader
{
public:
    CsvRecordReader(const QString &text, QChar delimiter) : m_text(text), m_delimiter(delimiter) {}

    // False at the end. Blank lines are not records.
    bool next(QStringList &fields)
    {
        while (m_pos < m_text.size()) {
            fields.clear();
            readRecord(fields);
            if (!(fields.size() == 1 && fields.front().isEmpty()))
                return true;
        }
        return false;
    }

private:
    void readRecord(QStringList &fields)
    {
        const qsizetype n = m_text.size();
        QString field;
        while (true) {
            if (m_pos < n && m_text.at(m_pos) == u'"') {
                // Quoted: runs to the next lone quote; "" is a literal quote.
                ++m_pos;
                while (true) {
                    const qsizetype quote = m_text.indexOf(u'"', m_pos);
                    if (quote < 0) { // unterminated: take the rest, as spreadsheets do
                        field += QStringView(m_text).mid(m_pos);
                        m_pos = n;
                        break;
                    }
                    field += QStringView(m_text).mid(m_pos, quote - m_pos);
                    m_pos = quote + 1;
                    if (m_pos < n && m_text.at(m_pos) == u'"') {
                        field += u'"';
                        ++m_pos;
                    } else {
                        break;
                    }
                }
            }
            // Unquoted text, or stray text after a closing quote (kept: tolerant).
            const qsizetype start = m_pos;
            while (m_pos < n && m_text.at(m_pos) != m_delimiter && m_text.at(m_pos) != u'\n')
                ++m_pos;
            field += QStringView(m_text).mid(start, m_pos - start);
            fields.append(field);
            field.clear();
            if (m_pos >= n)
                return;
            const QChar separator = m_text.at(m_pos++);
            if (separator == u'\n')
                return;
        }
    }

    const QString &m_text;
    QChar m_delimiter;
    qsizetype m_pos = 0;
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
