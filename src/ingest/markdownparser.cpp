#include "markdownparser.h"

#include "markdowninlinestripper.h"

#include <QList>

namespace gw {

namespace {

struct MarkdownDocument
{
    QString text;
    QString title;
    QString author;
};

bool isRunOf(QStringView text, QLatin1StringView chars, qsizetype minCount, bool allowSpaces)
{
    if (text.isEmpty() || !chars.contains(text.front()))
        return false;
    const QChar first = text.front();
    qsizetype count = 0;
    for (const QChar c : text) {
        if (c == first)
            ++count;
        else if (!(allowSpaces && (c == u' ' || c == u'\t')))
            return false;
    }
    return count >= minCount;
}

bool isTableSeparator(QStringView text)
{
    if (!text.contains(u'|') || !text.contains(u'-'))
        return false;
    for (const QChar c : text)
        if (c != u'|' && c != u':' && c != u'-' && c != u' ' && c != u'\t')
            return false;
    return true;
}

// "| a | b |" -> "a\tb"
QString tableRow(const QString &line)
{
    QStringList cells;
    QString cell;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == u'\\' && i + 1 < line.size() && line.at(i + 1) == u'|') {
            cell += u'|';
            ++i;
        } else if (c == u'|') {
            cells.append(MarkdownInlineStripper::strip(cell).trimmed());
            cell.clear();
        } else {
            cell += c;
        }
    }
    if (!cell.trimmed().isEmpty())
        cells.append(MarkdownInlineStripper::strip(cell).trimmed());
    if (!cells.isEmpty() && cells.front().isEmpty() && line.trimmed().startsWith(u'|'))
        cells.removeFirst();
    return cells.join(u'\t');
}

QString frontMatterValue(QStringView line, QLatin1StringView key)
{
    if (!line.startsWith(key, Qt::CaseInsensitive) || line.mid(key.size(), 1) != u":")
        return {};
    QStringView value = line.mid(key.size() + 1).trimmed();
    if (value.size() >= 2 && (value.front() == u'"' || value.front() == u'\'') && value.back() == value.front())
        value = value.mid(1, value.size() - 2);
    return value.toString();
}

class MarkdownReader
{
public:
    MarkdownReader(const QString &source, const ParseContext &context)
        : m_source(source), m_context(context), m_poll(context.token, 2048)
    {}

    MarkdownDocument read()
    {
        qsizetype pos = readFrontMatter();
        m_doc.title = m_frontTitle;
        while (pos <= m_source.size()) {
            qsizetype next = m_source.indexOf(u'\n', pos);
            if (next < 0)
                next = m_source.size();
            readLine(m_source.mid(pos, next - pos));
            pos = next + 1;
            m_poll();
            TextFormatParser::checkTextLength(m_doc.text.size(), m_context);
        }
        while (!m_doc.text.isEmpty() && m_doc.text.back().isSpace())
            m_doc.text.chop(1);
        return std::move(m_doc);
    }

private:
    qsizetype readFrontMatter()
    {
        if (!m_source.startsWith(QLatin1String("---\n")))
            return 0;
        constexpr qsizetype maxFrontMatter = 64 * 1024;
        qsizetype pos = 4;
        while (pos < std::min(m_source.size(), maxFrontMatter)) {
            qsizetype next = m_source.indexOf(u'\n', pos);
            if (next < 0)
                next = m_source.size();
            const QStringView line = QStringView(m_source).mid(pos, next - pos).trimmed();
            if (line == u"---" || line == u"...")
                return next + 1;
            if (const QString title = frontMatterValue(line, QLatin1StringView("title")); !title.isEmpty())
                m_frontTitle = title;
            if (const QString author = frontMatterValue(line, QLatin1StringView("author")); !author.isEmpty())
                m_doc.author = author;
            pos = next + 1;
        }
        m_frontTitle.clear(); // no closing line: it was a thematic break, not front matter
        m_doc.author.clear();
        return 0;
    }

    void emitLine(const QString &line)
    {
        m_doc.text += line;
        m_doc.text += u'\n';
    }
    void emitBlank()
    {
        if (!m_doc.text.isEmpty() && !m_doc.text.endsWith(QLatin1String("\n\n")))
            m_doc.text += u'\n';
    }
    void setTitle(const QString &heading)
    {
        if (m_doc.title.isEmpty())
            m_doc.title = heading;
    }

    // Removes HTML comments, which may span lines. False when nothing is left of a non-blank line.
    bool stripComments(QString &line)
    {
        const bool wasBlank = line.trimmed().isEmpty();
        if (m_inComment) {
            const qsizetype end = line.indexOf(QLatin1String("-->"));
            if (end < 0)
                return false;
            line.remove(0, end + 3);
            m_inComment = false;
        }
        for (qsizetype start = line.indexOf(QLatin1String("<!--")); start >= 0;
             start = line.indexOf(QLatin1String("<!--"), start)) {
            const qsizetype end = line.indexOf(QLatin1String("-->"), start + 4);
            if (end < 0) {
                line.truncate(start);
                m_inComment = true;
                break;
            }
            line.remove(start, end + 3 - start);
        }
        return wasBlank || !line.trimmed().isEmpty();
    }

    void readLine(QString line)
    {
        if (m_fence != QChar()) {
            const QStringView trimmed = QStringView(line).trimmed();
            if (isRunOf(trimmed, QLatin1StringView(m_fence == u'`' ? "`" : "~"), m_fenceLength, false))
                m_fence = QChar();
            else
                emitLine(line); // code stays verbatim
            return;
        }
        if (!stripComments(line))
            return;
        qsizetype indent = 0;
        while (indent < line.size() && (line.at(indent) == u' ' || line.at(indent) == u'\t'))
            ++indent;
        QString text = line.trimmed();
        const bool paragraphBefore = m_paragraph;
        m_paragraph = false;
        if (text.isEmpty()) {
            emitBlank();
            return;
        }
        if (indent < 4 && (text.startsWith(QLatin1String("```")) || text.startsWith(QLatin1String("~~~")))) {
            m_fence = text.front();
            m_fenceLength = 0;
            while (m_fenceLength < text.size() && text.at(m_fenceLength) == m_fence)
                ++m_fenceLength;
            return;
        }
        if (indent < 4 && paragraphBefore && isRunOf(text, QLatin1StringView("=-"), 1, false)) {
            setTitle(m_lastParagraph); // setext heading: the underline goes, the line was the title
            return;
        }
        if (indent < 4 && isRunOf(text, QLatin1StringView("-*_"), 3, true)) {
            emitBlank();
            return;
        }
        while (text.startsWith(u'>'))
            text = text.mid(1).trimmed();
        qsizetype hashes = 0;
        while (hashes < text.size() && text.at(hashes) == u'#')
            ++hashes;
        if (hashes >= 1 && hashes <= 6 && (hashes == text.size() || text.at(hashes).isSpace())) {
            QString heading = text.mid(hashes).trimmed();
            while (heading.endsWith(u'#'))
                heading.chop(1);
            heading = MarkdownInlineStripper::strip(heading.trimmed()).trimmed();
            setTitle(heading);
            emitLine(heading);
            return;
        }
        if (isTableSeparator(text))
            return;
        if (text.startsWith(u'|')) {
            emitLine(tableRow(text));
            return;
        }
        if (text.startsWith(u'[')) {
            const qsizetype colon = text.indexOf(QLatin1String("]:"));
            if (colon > 1 && text.lastIndexOf(u'[', colon) == 0) {
                if (text.at(1) != u'^')
                    return;                           // link reference definition
                text = text.mid(colon + 2).trimmed(); // footnote: keep its text
            }
        }
        bool listItem = false;
        if (text.size() >= 2 && (text.front() == u'-' || text.front() == u'*' || text.front() == u'+')
            && text.at(1).isSpace()) {
            text = text.mid(2).trimmed();
            if (text.size() >= 3 && text.front() == u'[' && text.at(2) == u']'
                && QStringView(u" xX").contains(text.at(1)))
                text = text.mid(3).trimmed(); // task list box
            listItem = true;
        }
        text = MarkdownInlineStripper::strip(text);
        while (!text.isEmpty() && text.back().isSpace())
            text.chop(1);
        emitLine(text);
        m_paragraph = !listItem;
        m_lastParagraph = text.trimmed();
    }

    const QString &m_source;
    const ParseContext &m_context;
    TextFormatParser::CancellationPoll m_poll;
    MarkdownDocument m_doc;
    QString m_frontTitle;
    QString m_lastParagraph;
    QChar m_fence;
    qsizetype m_fenceLength = 0;
    bool m_inComment = false;
    bool m_paragraph = false;
};

} // namespace

QString MarkdownParser::extractText(const QByteArray &bytes, const ParseContext &context) const
{
    return MarkdownReader(decodeText(bytes, context), context).read().text;
}

QVariantMap MarkdownParser::extractMetadata(const QByteArray &bytes, const ParseContext &context) const
{
    QString encoding;
    const MarkdownDocument doc = MarkdownReader(decodeText(bytes, context, &encoding), context).read();
    QVariantMap metadata{{QStringLiteral("encoding"), encoding}};
    if (!doc.title.isEmpty())
        metadata.insert(QStringLiteral("title"), doc.title);
    if (!doc.author.isEmpty())
        metadata.insert(QStringLiteral("author"), doc.author);
    return metadata;
}

} // namespace gw
