#include "htmlparser.h"

#include "htmlentities.h"
#include "loaderror.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>

#include <cctype>

namespace gw {

namespace {

struct HtmlDocument
{
    QString text;
    QString title;
    QString author;
    QString description;
    QString language;
};

using TagSet = QSet<QString>;

const TagSet &voidElements()
{
    static const TagSet set{u"area"_qs,  u"base"_qs,  u"br"_qs,       u"col"_qs,  u"embed"_qs, u"hr"_qs,
                            u"img"_qs,   u"input"_qs, u"link"_qs,     u"meta"_qs, u"param"_qs, u"source"_qs,
                            u"track"_qs, u"wbr"_qs,   u"basefont"_qs, u"frame"_qs};
    return set;
}
// Elements whose content a reader never sees.
const TagSet &hiddenElements()
{
    static const TagSet set{u"head"_qs,     u"template"_qs, u"noscript"_qs, u"select"_qs,
                            u"datalist"_qs, u"object"_qs,   u"iframe"_qs};
    return set;
}
// Blocks separated by a blank line.
const TagSet &paragraphElements()
{
    static const TagSet set{u"p"_qs,  u"h1"_qs,         u"h2"_qs,  u"h3"_qs,     u"h4"_qs, u"h5"_qs,
                            u"h6"_qs, u"blockquote"_qs, u"pre"_qs, u"table"_qs,  u"ul"_qs, u"ol"_qs,
                            u"dl"_qs, u"figure"_qs,     u"hr"_qs,  u"address"_qs};
    return set;
}
// Blocks that end a line.
const TagSet &lineElements()
{
    static const TagSet set{u"br"_qs,         u"div"_qs,     u"li"_qs,      u"tr"_qs,      u"dt"_qs,
                            u"dd"_qs,         u"section"_qs, u"article"_qs, u"header"_qs,  u"footer"_qs,
                            u"nav"_qs,        u"aside"_qs,   u"main"_qs,    u"form"_qs,    u"fieldset"_qs,
                            u"figcaption"_qs, u"caption"_qs, u"details"_qs, u"summary"_qs, u"legend"_qs,
                            u"body"_qs,       u"html"_qs,    u"option"_qs,  u"center"_qs};
    return set;
}
// Elements allowed in <head>; anything else starts the body.
const TagSet &headElements()
{
    static const TagSet set{u"title"_qs, u"meta"_qs,     u"link"_qs,     u"style"_qs, u"script"_qs,
                            u"base"_qs,  u"noscript"_qs, u"template"_qs, u"head"_qs};
    return set;
}

bool isBlock(const QString &name)
{
    return paragraphElements().contains(name) || lineElements().contains(name);
}

bool isHtmlSpace(QChar c)
{
    return c == u' ' || c == u'\n' || c == u'\t' || c == u'\r' || c == u'\f';
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'-' || c == u':' || c == u'_' || c == u'.';
}

QString collapseSpaces(QStringView text)
{
    return text.toString().simplified();
}

struct Tag
{
    QString name;
    QList<std::pair<QString, QString>> attributes; // only kept for <meta> and <html>
    bool selfClosing = false;

    QString attribute(QLatin1StringView key) const
    {
        for (const auto &[name, value] : attributes)
            if (name == key)
                return value;
        return {};
    }
};

class HtmlReader
{
public:
    HtmlReader(const QString &source, const ParseContext &context, bool wantText)
        : m_src(source), m_n(source.size()), m_context(context), m_wantText(wantText), m_poll(context.token, 1024)
    {}

    // <meta property="og:title">, the fallback when there is no <title>.
    QString openGraphTitle() const { return m_ogTitle; }

    HtmlDocument read()
    {
        qsizetype i = 0;
        while (i < m_n) {
            const qsizetype lt = m_src.indexOf(u'<', i);
            const qsizetype textEnd = lt < 0 ? m_n : lt;
            if (textEnd > i)
                appendText(QStringView(m_src).mid(i, textEnd - i), true);
            if (lt < 0)
                break;
            i = readMarkup(lt);
            m_poll();
            TextFormatParser::checkTextLength(m_doc.text.size(), m_context);
        }
        while (!m_doc.text.isEmpty() && m_doc.text.back().isSpace())
            m_doc.text.chop(1);
        TextFormatParser::checkTextLength(m_doc.text.size(), m_context);
        return std::move(m_doc);
    }

private:
    // Reads the construct starting with '<' at i; returns the index after it.
    qsizetype readMarkup(qsizetype i)
    {
        const QStringView rest = QStringView(m_src).mid(i);
        if (rest.startsWith(u"<!--"))
            return skipPast(i + 4, u"-->");
        if (rest.startsWith(u"<![CDATA[")) {
            const qsizetype end = m_src.indexOf(QLatin1String("]]>"), i + 9);
            const qsizetype stop = end < 0 ? m_n : end;
            appendText(QStringView(m_src).mid(i + 9, stop - i - 9), false);
            return end < 0 ? m_n : end + 3;
        }
        if (rest.startsWith(u"<!") || rest.startsWith(u"<?"))
            return skipPast(i + 2, u">");
        if (rest.startsWith(u"</")) {
            qsizetype j = i + 2;
            while (j < m_n && isNameChar(m_src.at(j)))
                ++j;
            const QString name = m_src.mid(i + 2, j - i - 2).toLower();
            const qsizetype end = skipPast(j, u">");
            if (!name.isEmpty())
                endTag(name);
            return end;
        }
        if (i + 1 < m_n && m_src.at(i + 1).isLetter()) {
            Tag tag;
            const qsizetype end = readStartTag(i + 1, tag);
            return startTag(tag, end);
        }
        appendText(u"<", false); // a lone '<' is text
        return i + 1;
    }

    qsizetype skipPast(qsizetype from, QStringView terminator) const
    {
        const qsizetype end = m_src.indexOf(terminator, from);
        return end < 0 ? m_n : end + terminator.size();
    }

    // Parses name and attributes; returns the index after '>'. Quoted values may contain '>'.
    qsizetype readStartTag(qsizetype j, Tag &tag)
    {
        const qsizetype nameStart = j;
        while (j < m_n && isNameChar(m_src.at(j)))
            ++j;
        tag.name = m_src.mid(nameStart, j - nameStart).toLower();
        const bool keep = tag.name == u"meta" || tag.name == u"html";
        while (j < m_n) {
            const QChar c = m_src.at(j);
            if (c == u'>')
                return j + 1;
            if (c == u'/' && j + 1 < m_n && m_src.at(j + 1) == u'>') {
                tag.selfClosing = true;
                return j + 2;
            }
            if (isHtmlSpace(c) || c == u'/') {
                ++j;
                continue;
            }
            const qsizetype attrStart = j;
            while (j < m_n && !isHtmlSpace(m_src.at(j)) && m_src.at(j) != u'=' && m_src.at(j) != u'>')
                ++j;
            const QString name = keep ? m_src.mid(attrStart, j - attrStart).toLower() : QString();
            while (j < m_n && isHtmlSpace(m_src.at(j)))
                ++j;
            QString value;
            if (j < m_n && m_src.at(j) == u'=') {
                ++j;
                while (j < m_n && isHtmlSpace(m_src.at(j)))
                    ++j;
                qsizetype valueStart = j, valueEnd;
                if (j < m_n && (m_src.at(j) == u'"' || m_src.at(j) == u'\'')) {
                    const qsizetype close = m_src.indexOf(m_src.at(j), j + 1);
                    valueStart = j + 1;
                    valueEnd = close < 0 ? m_n : close;
                    j = close < 0 ? m_n : close + 1;
                } else {
                    while (j < m_n && !isHtmlSpace(m_src.at(j)) && m_src.at(j) != u'>')
                        ++j;
                    valueEnd = j;
                }
                if (keep)
                    value = HtmlEntities::decode(QStringView(m_src).mid(valueStart, valueEnd - valueStart));
            }
            if (keep && !name.isEmpty())
                tag.attributes.append({name, value});
        }
        return m_n;
    }

    qsizetype startTag(const Tag &tag, qsizetype end)
    {
        const QString &name = tag.name;
        if (m_inHead && !headElements().contains(name))
            closeUpTo(u"head"_qs); // body content without <body>: the head has ended
        if (name == u"body")
            closeUpTo(u"head"_qs);
        if (name == u"html")
            m_doc.language = tag.attribute(QLatin1StringView("lang"));
        if (name == u"meta")
            readMeta(tag);

        // Raw text: the content is not markup, and is never shown.
        if ((name == u"script" || name == u"style" || name == u"title" || name == u"textarea") && !tag.selfClosing) {
            const qsizetype close = m_src.indexOf(QStringLiteral("</") + name, end, Qt::CaseInsensitive);
            const qsizetype contentEnd = close < 0 ? m_n : close;
            const QStringView content = QStringView(m_src).mid(end, contentEnd - end);
            if (name == u"title" && m_doc.title.isEmpty())
                m_doc.title = collapseSpaces(HtmlEntities::decode(content));
            else if (name == u"textarea")
                appendText(content, true);
            return close < 0 ? m_n : skipPast(close, u">");
        }

        closeImplied(name);
        if (paragraphElements().contains(name))
            breakLines(2);
        else if (lineElements().contains(name))
            breakLines(1);
        if ((name == u"td" || name == u"th") && m_pendingBreaks == 0 && !m_doc.text.isEmpty()
            && !m_doc.text.endsWith(u'\n'))
            m_pendingTab = true;
        if (tag.selfClosing || voidElements().contains(name))
            return end;

        m_stack.append(name);
        if (hiddenElements().contains(name))
            ++m_hidden;
        if (name == u"head")
            m_inHead = true;
        if (name == u"pre")
            ++m_pre;
        if (m_stack.size() > m_context.limits.maxXmlDepth)
            throw LoadError(
                LoadError::Kind::TooLarge, m_context.path,
                QCoreApplication::translate("gw::HtmlParser", "HTML elements are nested deeper than the limit of %1")
                    .arg(m_context.limits.maxXmlDepth));
        return end;
    }

    void endTag(const QString &name)
    {
        // Unmatched end tags are ignored, except that "</p>" and "</br>" still break lines.
        if (!closeUpTo(name) && isBlock(name))
            breakLines(paragraphElements().contains(name) ? 2 : 1);
    }

    // Pops up to and including the innermost open `name`; false if none is open.
    bool closeUpTo(const QString &name)
    {
        const qsizetype at = m_stack.lastIndexOf(name);
        if (at < 0)
            return false;
        while (m_stack.size() > at)
            pop();
        return true;
    }

    void pop()
    {
        const QString name = m_stack.takeLast();
        if (hiddenElements().contains(name))
            --m_hidden;
        if (name == u"head")
            m_inHead = false;
        if (name == u"pre")
            --m_pre;
        if (paragraphElements().contains(name))
            breakLines(2);
        else if (lineElements().contains(name))
            breakLines(1);
    }

    // HTML's optional end tags: "<p>a<p>b", "<li>a<li>b", "<td>a<td>b" close the previous one.
    // Without this, ordinary pages would count as deeply nested.
    void closeImplied(const QString &name)
    {
        auto closeNearest = [this](std::initializer_list<const char16_t *> targets,
                                   std::initializer_list<const char16_t *> barriers) {
            for (qsizetype k = m_stack.size() - 1; k >= 0; --k) {
                const QString &open = m_stack.at(k);
                for (const char16_t *barrier : barriers)
                    if (open == QStringView(barrier))
                        return;
                for (const char16_t *target : targets)
                    if (open == QStringView(target)) {
                        while (m_stack.size() > k)
                            pop();
                        return;
                    }
            }
        };
        if (isBlock(name) || name == u"table")
            closeNearest(
                {u"p"},
                {u"div", u"td", u"th", u"li", u"table", u"body", u"blockquote", u"section", u"article", u"button"});
        if (name == u"li")
            closeNearest({u"li"}, {u"ul", u"ol", u"table"});
        else if (name == u"dt" || name == u"dd")
            closeNearest({u"dt", u"dd"}, {u"dl", u"table"});
        else if (name == u"tr")
            closeNearest({u"tr"}, {u"table"});
        else if (name == u"td" || name == u"th")
            closeNearest({u"td", u"th"}, {u"tr", u"table"});
        else if (name == u"option")
            closeNearest({u"option"}, {u"select", u"datalist"});
    }

    void readMeta(const Tag &tag)
    {
        const QString key = tag.attribute(QLatin1StringView("name")).toLower();
        const QString property = tag.attribute(QLatin1StringView("property")).toLower();
        const QString content = collapseSpaces(tag.attribute(QLatin1StringView("content")));
        if (content.isEmpty())
            return;
        if (key == u"author" && m_doc.author.isEmpty())
            m_doc.author = content;
        else if ((key == u"description" || property == u"og:description") && m_doc.description.isEmpty())
            m_doc.description = content;
        else if (property == u"og:title")
            m_ogTitle = content;
    }

    void breakLines(int count) { m_pendingBreaks = std::max(m_pendingBreaks, count); }

    // Appends document text: entities decoded (if `entities`), spaces collapsed outside <pre>.
    // A no-break space collapses like a space: the text is for reading, not for layout.
    void appendText(QStringView text, bool entities)
    {
        if (!m_wantText || m_hidden > 0 || m_inHead)
            return;
        for (qsizetype k = 0; k < text.size(); ++k) {
            if (entities && text.at(k) == u'&') {
                m_decoded.clear();
                if (const qsizetype used = HtmlEntities::decodeAt(text, k, m_decoded)) {
                    k += used - 1;
                    for (const QChar d : std::as_const(m_decoded))
                        appendChar(d);
                    continue;
                }
            }
            appendChar(text.at(k));
        }
    }

    void appendChar(QChar c)
    {
        QString &out = m_doc.text;
        if (c == QChar(0xA0))
            c = u' ';
        if (m_pre == 0 && isHtmlSpace(c)) {
            m_pendingSpace = true;
            return;
        }
        if (m_pendingBreaks > 0) {
            if (!out.isEmpty()) {
                while (!out.isEmpty() && out.back() == u' ')
                    out.chop(1);
                const int have = out.endsWith(QLatin1String("\n\n")) ? 2 : out.endsWith(u'\n') ? 1 : 0;
                for (int b = have; b < m_pendingBreaks; ++b)
                    out += u'\n';
            }
            m_pendingBreaks = 0;
            m_pendingSpace = false;
        }
        if (m_pendingTab) {
            out += u'\t';
            m_pendingTab = false;
            m_pendingSpace = false;
        }
        if (m_pendingSpace && !out.isEmpty() && !out.back().isSpace())
            out += u' ';
        m_pendingSpace = false;
        out += c;
    }

    const QString &m_src;
    const qsizetype m_n;
    const ParseContext &m_context;
    const bool m_wantText;
    TextFormatParser::CancellationPoll m_poll;
    HtmlDocument m_doc;
    QStringList m_stack;
    QString m_decoded;
    QString m_ogTitle;
    int m_hidden = 0;
    int m_pre = 0;
    int m_pendingBreaks = 0;
    bool m_pendingSpace = false;
    bool m_pendingTab = false;
    bool m_inHead = false;
};

HtmlDocument readHtml(const QByteArray &bytes, const ParseContext &context, bool wantText, QString *encoding)
{
    const QString source = TextFormatParser::decodeText(bytes, context, encoding, HtmlParser::declaredCharset(bytes));
    HtmlReader reader(source, context, wantText);
    HtmlDocument doc = reader.read();
    if (doc.title.isEmpty())
        doc.title = reader.openGraphTitle();
    return doc;
}

} // namespace

QByteArray HtmlParser::declaredCharset(const QByteArray &bytes)
{
    const QByteArray head = bytes.left(1024).toLower();
    const qsizetype at = head.indexOf("charset=");
    if (at < 0)
        return {};
    qsizetype j = at + 8;
    while (j < head.size() && (head.at(j) == '"' || head.at(j) == '\'' || head.at(j) == ' '))
        ++j;
    const qsizetype start = j;
    while (j < head.size()
           && (std::isalnum(static_cast<unsigned char>(head.at(j))) || head.at(j) == '-' || head.at(j) == '_'
               || head.at(j) == ':' || head.at(j) == '.'))
        ++j;
    return head.mid(start, j - start);
}

QString HtmlParser::extractText(const QByteArray &bytes, const ParseContext &context) const
{
    return readHtml(bytes, context, true, nullptr).text;
}

QVariantMap HtmlParser::extractMetadata(const QByteArray &bytes, const ParseContext &context) const
{
    QString encoding;
    const HtmlDocument doc = readHtml(bytes, context, false, &encoding);
    QVariantMap metadata{{QStringLiteral("encoding"), encoding}};
    const std::pair<const char *, QString> fields[] = {
        {"title", doc.title}, {"author", doc.author}, {"description", doc.description}, {"language", doc.language}};
    for (const auto &[key, value] : fields)
        if (!value.isEmpty())
            metadata.insert(QString::fromLatin1(key), value);
    return metadata;
}

} // namespace gw
