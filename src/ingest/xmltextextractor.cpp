#include "xmltextextractor.h"

#include "htmlentities.h"
#include "loaderror.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QXmlStreamReader>

namespace gw {

namespace {

QString clarkName(QStringView namespaceUri, QStringView localName)
{
    return u'{' + namespaceUri.toString() + u'}' + localName.toString();
}

bool isXmlSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

// Unresolved references only reach us when the document names an external DTD (EPUB 2 XHTML
// declares XHTML 1.1); HTML's names are what such documents mean.
QString entityText(QStringView name)
{
    const QString reference = u'&' + name.toString() + u';';
    QString text;
    return HtmlEntities::decodeAt(reference, 0, text) == reference.size() ? text : QString();
}

// The one loop every walk shares: depth limit, cancellation, error positions.
template<typename Handler>
void walk(const QByteArray &xml, const QString &entry, const ParseContext &context, Handler &handler)
{
    QXmlStreamReader reader(xml);
    int depth = 0;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement:
            if (++depth > context.limits.maxXmlDepth) {
                throw LoadError(
                    LoadError::Kind::TooLarge, context.path,
                    QCoreApplication::translate("gw::XmlTextExtractor",
                                                "XML nested deeper than %1 levels in %2 (line %3)")
                        .arg(QString::number(context.limits.maxXmlDepth), entry, QString::number(reader.lineNumber())));
            }
            context.token.throwIfCancelled();
            handler.start(reader, depth);
            break;
        case QXmlStreamReader::EndElement:
            handler.end(reader, depth);
            --depth;
            break;
        case QXmlStreamReader::Characters:
            handler.characters(reader.text());
            break;
        case QXmlStreamReader::EntityReference:
            handler.characters(entityText(reader.name()));
            break;
        default:
            break;
        }
    }
    if (reader.hasError()) {
        throw LoadError(
            LoadError::Kind::Malformed, context.path,
            QCoreApplication::translate("gw::XmlTextExtractor", "%1 is not well-formed XML (line %2, column %3: %4)")
                .arg(entry, QString::number(reader.lineNumber()), QString::number(reader.columnNumber()),
                     reader.errorString()));
    }
}

// Accumulates text with at most one pending separator, so nested blocks, trailing whitespace and
// empty paragraphs do not pile up blank lines, while the outermost structure closing last (a
// table cell around a paragraph) decides what separates it from what follows.
class TextBuilder
{
public:
    enum Separator { None, Space, Tab, Newline };

    TextBuilder(const QString &entry, const ParseContext &context) : m_entry(entry), m_context(context) {}

    void text(QStringView s)
    {
        if (s.isEmpty())
            return;
        flush();
        append(s);
    }
    // Tabs, line breaks and explicit spaces: content, never collapsed.
    void literal(QStringView s)
    {
        if (m_pending == Space)
            m_pending = None;
        text(s);
    }
    void softSpace()
    {
        if (m_pending == None)
            m_pending = Space;
    }
    void startBlock()
    {
        if (m_pending <= Space && !m_text.isEmpty() && !m_text.endsWith(u'\n'))
            m_pending = Newline;
    }
    // A block that wrote nothing (an empty paragraph) leaves the pending separator alone, except
    // an empty table cell, which still takes its tab so the next cells stay in their columns.
    void endBlock(Separator separator, bool empty)
    {
        if (separator == Tab && empty) {
            if (m_pending == Space)
                m_pending = None;
            flush();
        } else if (empty) {
            return;
        }
        m_pending = separator;
    }
    qsizetype size() const { return m_text.size(); }
    QString take() { return std::move(m_text); }

private:
    void flush()
    {
        const Separator pending = m_pending;
        m_pending = None;
        if (m_text.isEmpty() || pending == None)
            return;
        if (pending == Space) {
            if (!isXmlSpace(m_text.back()))
                append(u" ");
        } else {
            append(pending == Tab ? u"\t" : u"\n");
        }
    }
    void append(QStringView s)
    {
        m_text += s;
        if (m_text.size() > m_context.limits.maxTextChars) {
            throw LoadError(LoadError::Kind::TooLarge, m_context.path,
                            QCoreApplication::translate("gw::XmlTextExtractor",
                                                        "the text of %1 is longer than the limit of %2 characters")
                                .arg(m_entry, QString::number(m_context.limits.maxTextChars)));
        }
    }

    const QString &m_entry;
    const ParseContext &m_context;
    QString m_text;
    Separator m_pending = None;
};

struct TextHandler
{
    std::function<XmlTextExtractor::Action(QStringView, QStringView, bool *)> actionFor;
    bool textOnlyInTextElements;
    bool collapseWhitespace;
    TextBuilder builder;
    int skipDepth = 0;            // depth of the Skip element being ignored, 0 when none
    int textDepth = 0;            // open Text elements
    QList<qsizetype> blockStarts; // text size when each open Paragraph, Row or Cell started

    void start(const QXmlStreamReader &reader, int depth)
    {
        if (skipDepth)
            return;
        bool found = false;
        const auto action = actionFor(reader.namespaceUri(), reader.name(), &found);
        if (!found)
            return;
        using A = XmlTextExtractor::Action;
        switch (action) {
        case A::Text:
            ++textDepth;
            break;
        case A::Paragraph:
        case A::Row:
            builder.startBlock();
            blockStarts.append(builder.size());
            break;
        case A::LineBreak:
            builder.literal(u"\n");
            break;
        case A::Tab:
            builder.literal(u"\t");
            break;
        case A::Spaces: {
            bool ok = false;
            int count = 1;
            for (const auto &attribute : reader.attributes()) {
                if (attribute.name() == u"c")
                    count = attribute.value().toInt(&ok);
            }
            builder.literal(QString(ok ? qBound(1, count, 1000) : 1, u' '));
            break;
        }
        case A::Cell:
            blockStarts.append(builder.size());
            break;
        case A::Skip:
            skipDepth = depth;
            break;
        }
    }

    void end(const QXmlStreamReader &reader, int depth)
    {
        if (skipDepth) {
            if (depth == skipDepth)
                skipDepth = 0;
            return;
        }
        bool found = false;
        const auto action = actionFor(reader.namespaceUri(), reader.name(), &found);
        if (!found)
            return;
        using A = XmlTextExtractor::Action;
        if (action == A::Text) {
            --textDepth;
        } else if (action == A::Paragraph || action == A::Row || action == A::Cell) {
            const bool empty = builder.size() == blockStarts.takeLast();
            builder.endBlock(action == A::Cell ? TextBuilder::Tab : TextBuilder::Newline, empty);
        }
    }

    void characters(QStringView text)
    {
        if (skipDepth || (textOnlyInTextElements && textDepth == 0))
            return;
        if (!collapseWhitespace) {
            builder.text(text);
            return;
        }
        // Runs of XML whitespace become one (soft) space.
        qsizetype i = 0;
        while (i < text.size()) {
            if (isXmlSpace(text[i])) {
                while (i < text.size() && isXmlSpace(text[i]))
                    ++i;
                builder.softSpace();
                continue;
            }
            const qsizetype wordStart = i;
            while (i < text.size() && !isXmlSpace(text[i]))
                ++i;
            builder.text(text.sliced(wordStart, i - wordStart));
        }
    }
};

struct VisitHandler
{
    struct Open
    {
        QString namespaceUri;
        QString name;
        QXmlStreamAttributes attributes;
        QString text;
    };
    const XmlTextExtractor::ElementVisitor &visit;
    QList<Open> stack;

    void start(const QXmlStreamReader &reader, int)
    {
        stack.append(Open{reader.namespaceUri().toString(), reader.name().toString(), reader.attributes(), {}});
    }
    void end(const QXmlStreamReader &, int depth)
    {
        Open open = stack.takeLast();
        const XmlTextExtractor::Element element{open.namespaceUri, open.name, open.attributes, open.text.trimmed(),
                                                depth};
        visit(element);
    }
    void characters(QStringView text)
    {
        if (!stack.isEmpty())
            stack.last().text += text;
    }
};

} // namespace

QString XmlTextExtractor::Element::attribute(QStringView localName) const
{
    for (const auto &a : attributes) {
        if (a.name() == localName)
            return a.value().toString();
    }
    return QString();
}

XmlTextExtractor &XmlTextExtractor::on(QStringView namespaceUri, QStringView localName, Action action)
{
    m_actions.insert(clarkName(namespaceUri, localName), action);
    return *this;
}

XmlTextExtractor &XmlTextExtractor::setTextOnlyInTextElements(bool on)
{
    m_textOnlyInTextElements = on;
    return *this;
}

XmlTextExtractor &XmlTextExtractor::setCollapseWhitespace(bool on)
{
    m_collapseWhitespace = on;
    return *this;
}

XmlTextExtractor::Action XmlTextExtractor::actionFor(QStringView namespaceUri, QStringView localName, bool *found) const
{
    const auto it = m_actions.constFind(clarkName(namespaceUri, localName));
    *found = it != m_actions.constEnd();
    return *found ? *it : Action::Text;
}

QString XmlTextExtractor::extractText(const QByteArray &xml, const QString &entry, const ParseContext &context) const
{
    TextHandler handler{[this](QStringView ns, QStringView name, bool *found) { return actionFor(ns, name, found); },
                        m_textOnlyInTextElements, m_collapseWhitespace, TextBuilder(entry, context)};
    walk(xml, entry, context, handler);
    return handler.builder.take();
}

void XmlTextExtractor::visitElements(const QByteArray &xml, const QString &entry, const ParseContext &context,
                                     const ElementVisitor &visit) const
{
    if (xml.isEmpty())
        return;
    VisitHandler handler{visit, {}};
    walk(xml, entry, context, handler);
}

QDateTime XmlTextExtractor::parseDateTime(const QString &text)
{
    const QString s = text.trimmed();
    // W3CDTF allows reduced precision: "2020" and "2020-05" are valid publication dates.
    if (s.size() == 4 || s.size() == 7) {
        const QDate date =
            QDate::fromString(s.size() == 4 ? s + QStringLiteral("-01-01") : s + QStringLiteral("-01"), Qt::ISODate);
        return date.isValid() ? QDateTime(date, QTime(0, 0), Qt::UTC) : QDateTime();
    }
    if (s.size() == 10) {
        const QDate date = QDate::fromString(s, Qt::ISODate);
        return date.isValid() ? QDateTime(date, QTime(0, 0), Qt::UTC) : QDateTime();
    }
    return QDateTime::fromString(s, Qt::ISODateWithMs);
}

} // namespace gw
