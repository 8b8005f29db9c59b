#include "markdowninlinestripper.h"

#include "htmlentities.h"

#include <QHash>
#include <QList>

namespace gw {

namespace {

bool isAsciiAlnum(QChar c)
{
    return c.unicode() < 128 && c.isLetterOrNumber();
}

bool isAsciiPunctuation(QChar c)
{
    return c.unicode() < 128 && (c.isPunct() || c.isSymbol());
}

// One line's worth of state: the code spans and bracket pairs found before the main pass.
class InlineStripper
{
public:
    explicit InlineStripper(const QString &line) : m_line(line), m_n(line.size()) {}

    QString run()
    {
        findCodeSpans();
        matchPairs();
        QString out;
        out.reserve(m_n);
        QList<std::pair<qsizetype, qsizetype>> jumps; // (at, to): skip a link's destination
        qsizetype span = 0;
        qsizetype i = 0;
        while (i < m_n) {
            while (!jumps.isEmpty() && jumps.last().first < i) // skipped over by a tag
                jumps.removeLast();
            if (!jumps.isEmpty() && jumps.last().first == i) {
                i = jumps.takeLast().second;
                continue;
            }
            if (span < m_codeSpans.size() && m_codeSpans[span].open == i) {
                const CodeSpan &code = m_codeSpans[span++];
                QStringView content = QStringView(m_line).mid(i + code.ticks, code.close - i - code.ticks);
                if (content.size() >= 2 && content.startsWith(u' ') && content.endsWith(u' '))
                    content = content.mid(1, content.size() - 2);
                out += content;
                i = code.close + code.ticks;
                continue;
            }
            const QChar c = m_line.at(i);
            if (c == u'\\' && i + 1 < m_n && isAsciiPunctuation(m_line.at(i + 1))) {
                out += m_line.at(i + 1);
                i += 2;
                continue;
            }
            if (c == u'[' || (c == u'!' && i + 1 < m_n && m_line.at(i + 1) == u'[')) {
                const qsizetype open = c == u'!' ? i + 1 : i;
                const qsizetype close = m_match[open];
                if (close > open + 1 && c == u'[' && m_line.at(open + 1) == u'^') {
                    i = close + 1; // footnote reference "[^1]"
                    continue;
                }
                const qsizetype dest = close + 1;
                if (close > open && dest < m_n && (m_line.at(dest) == u'(' || m_line.at(dest) == u'[')
                    && m_match[dest] > dest) {
                    // Keep the link text (or image alt text), skip "(url)" / "[ref]" when we get there.
                    jumps.append({close, m_match[dest] + 1});
                    i = open + 1;
                    continue;
                }
            }
            if (c == u'<') {
                if (const qsizetype used = stripAngle(i, out)) {
                    i += used;
                    continue;
                }
            }
            if (c == u'&') {
                if (const qsizetype used = HtmlEntities::decodeAt(m_line, i, out)) {
                    i += used;
                    continue;
                }
            }
            if (c == u'*' || c == u'_' || c == u'~') {
                qsizetype run = 1;
                while (i + run < m_n && m_line.at(i + run) == c)
                    ++run;
                if (!isDelimiter(c, i, run))
                    out += QStringView(m_line).mid(i, run);
                i += run;
                continue;
            }
            out += c;
            ++i;
        }
        return out;
    }

private:
    struct CodeSpan
    {
        qsizetype open;
        qsizetype close;
        qsizetype ticks;
    };

    bool inCode(qsizetype pos) const { return pos < m_inCode.size() && m_inCode[pos]; }
    bool escaped(qsizetype pos) const
    {
        qsizetype backslashes = 0;
        while (pos - backslashes > 0 && m_line.at(pos - backslashes - 1) == u'\\')
            ++backslashes;
        return backslashes % 2 == 1;
    }

    void findCodeSpans()
    {
        QList<std::pair<qsizetype, qsizetype>> runs; // (position, length)
        for (qsizetype i = 0; i < m_n;) {
            if (m_line.at(i) != u'`') {
                ++i;
                continue;
            }
            qsizetype len = 1;
            while (i + len < m_n && m_line.at(i + len) == u'`')
                ++len;
            runs.append({i, len});
            i += len;
        }
        // nextSame[k]: the next run with the same length, found in one backward pass.
        QList<qsizetype> nextSame(runs.size(), -1);
        QHash<qsizetype, qsizetype> lastByLength;
        for (qsizetype k = runs.size() - 1; k >= 0; --k) {
            nextSame[k] = lastByLength.value(runs[k].second, -1);
            lastByLength[runs[k].second] = k;
        }
        m_inCode.fill(false, m_n);
        for (qsizetype k = 0; k < runs.size(); ++k) {
            if (nextSame[k] < 0)
                continue;
            const qsizetype end = nextSame[k];
            m_codeSpans.append({runs[k].first, runs[end].first, runs[k].second});
            for (qsizetype p = runs[k].first; p < runs[end].first + runs[end].second; ++p)
                m_inCode[p] = true;
            k = end;
        }
    }

    void matchPairs()
    {
        m_match.fill(-1, m_n);
        QList<qsizetype> brackets, parens;
        for (qsizetype i = 0; i < m_n; ++i) {
            if (inCode(i) || escaped(i))
                continue;
            switch (m_line.at(i).unicode()) {
            case u'[':
                brackets.append(i);
                break;
            case u']':
                if (!brackets.isEmpty()) {
                    m_match[brackets.last()] = i;
                    m_match[i] = brackets.takeLast();
                }
                break;
            case u'(':
                parens.append(i);
                break;
            case u')':
                if (!parens.isEmpty()) {
                    m_match[parens.last()] = i;
                    m_match[i] = parens.takeLast();
                }
                break;
            default:
                break;
            }
        }
    }

    // Autolinks keep their address; HTML tags go. Returns QChars consumed. Each scan stops at the
    // next '<', so many '<' on a line stay linear.
    qsizetype stripAngle(qsizetype i, QString &out) const
    {
        qsizetype j = i + 1;
        const bool closing = j < m_n && m_line.at(j) == u'/';
        if (closing)
            ++j;
        const qsizetype nameStart = j;
        while (j < m_n && isAsciiAlnum(m_line.at(j)))
            ++j;
        if (j == nameStart || !m_line.at(nameStart).isLetter())
            return 0;
        if (!closing && j < m_n && m_line.at(j) == u':') { // autolink <https://...>
            qsizetype end = j + 1;
            while (end < m_n && m_line.at(end) != u'>' && m_line.at(end) != u'<' && !m_line.at(end).isSpace())
                ++end;
            if (end >= m_n || m_line.at(end) != u'>')
                return 0;
            out += QStringView(m_line).mid(i + 1, end - i - 1);
            return end - i + 1;
        }
        while (j < m_n && (m_line.at(j).isLetterOrNumber() || m_line.at(j) == u'-'))
            ++j;
        if (j >= m_n || !(m_line.at(j) == u'>' || m_line.at(j) == u'/' || m_line.at(j).isSpace()))
            return 0;
        while (j < m_n && m_line.at(j) != u'>' && m_line.at(j) != u'<')
            ++j;
        return j < m_n && m_line.at(j) == u'>' ? j - i + 1 : 0;
    }

    // Emphasis and strikethrough delimiters go; "a * b", snake_case names and "~" stay.
    bool isDelimiter(QChar c, qsizetype pos, qsizetype run) const
    {
        const QChar before = pos > 0 ? m_line.at(pos - 1) : QChar(u' ');
        const QChar after = pos + run < m_n ? m_line.at(pos + run) : QChar(u' ');
        if (c == u'~')
            return run == 2;
        if (c == u'_')
            return !(before.isLetterOrNumber() && after.isLetterOrNumber());
        return !(before.isSpace() && after.isSpace());
    }

    const QString &m_line;
    qsizetype m_n;
    QList<CodeSpan> m_codeSpans;
    QList<bool> m_inCode;
    QList<qsizetype> m_match;
};

} // namespace

QString MarkdownInlineStripper::strip(const QString &line)
{
    return InlineStripper(line).run();
}

} // namespace gw
