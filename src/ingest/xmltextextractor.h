#pragma once

#include "documentparser.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringView>
#include <QXmlStreamAttributes>

#include <functional>

namespace gw {

// Walks one XML entry of a container (DOCX, ODT, EPUB) safely: nesting deeper than
// IngestLimits::maxXmlDepth and text longer than maxTextChars throw LoadError(TooLarge), parse
// errors throw LoadError(Malformed) with the entry, line and column, and the token is polled per
// element. Rules say which elements (namespace URI + local name) shape the text; configure once,
// then the const walkers are safe to call from any thread.
class XmlTextExtractor
{
public:
    enum class Action {
        Text,      // character data inside counts (only these when textOnlyInTextElements)
        Paragraph, // ends with a line break (w:p, text:p, <p>, <div>, <li>, ...)
        LineBreak, // an empty element that is a line break (w:br, text:line-break, <br>)
        Tab,       // an empty element that is a tab (w:tab, text:tab)
        Spaces,    // attribute "c" spaces, default 1 (ODF text:s)
        Cell,      // a table cell: cells of a row are separated by tabs
        Row,       // a table row: ends with a line break
        Skip,      // ignore the element and everything inside (<script>, w:pPr, deleted text)
    };

    // An element as seen by visitElements(): its own character data (not its children's).
    struct Element
    {
        QStringView namespaceUri;
        QStringView name; // local name
        const QXmlStreamAttributes &attributes;
        QString text;                                   // trimmed
        int depth;                                      // 1 for the root
        QString attribute(QStringView localName) const; // in any namespace
    };
    using ElementVisitor = std::function<void(const Element &)>;

    XmlTextExtractor &on(QStringView namespaceUri, QStringView localName, Action action);
    // Only character data inside Text elements counts (DOCX: w:t); otherwise all of it does.
    XmlTextExtractor &setTextOnlyInTextElements(bool on);
    // Whitespace runs become one space and indentation between blocks disappears (ODF, XHTML);
    // otherwise text is kept as written (DOCX w:t).
    XmlTextExtractor &setCollapseWhitespace(bool on);

    // The text of one XML entry; entry names it in error messages.
    QString extractText(const QByteArray &xml, const QString &entry, const ParseContext &context) const;
    // Calls visit at the end of every element, in document order, with the same safety checks.
    // Empty xml (an absent optional part) visits nothing.
    void visitElements(const QByteArray &xml, const QString &entry, const ParseContext &context,
                       const ElementVisitor &visit) const;

    // An xs:dateTime / W3CDTF value ("2024-05-17T10:00:00Z", "2024-05-17", "2024"); invalid when
    // unparsable. Dates without a time are midnight UTC.
    static QDateTime parseDateTime(const QString &text);

private:
    Action actionFor(QStringView namespaceUri, QStringView localName, bool *found) const;

    QHash<QString, Action> m_actions; // keyed by "{namespace}local" (Clark notation)
    bool m_textOnlyInTextElements = false;
    bool m_collapseWhitespace = false;
};

} // namespace gw
