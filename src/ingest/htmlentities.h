#pragma once

#include <QString>
#include <QStringView>

namespace gw {

// Character references of HTML (and Markdown, which borrows them): &amp; &eacute; &#233; &#xE9;.
// Covers the Latin-1, typographic, Greek and common symbol names, which is what real documents
// use; an unknown name is left as written.
class HtmlEntities
{
public:
    // If text[pos] starts a character reference, appends its character(s) to out, returns the
    // number of QChars consumed; otherwise returns 0 and appends nothing.
    static qsizetype decodeAt(QStringView text, qsizetype pos, QString &out);
    // Decodes every reference in text.
    static QString decode(QStringView text);
};

} // namespace gw
