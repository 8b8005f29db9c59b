#pragma once

#include <QString>

namespace gw {

// The inline half of Markdown reading: removes emphasis, strikethrough, code-span backticks, link
// and image syntax (keeping link text and alt text), autolink brackets, HTML tags, footnote
// references and backslash escapes from one line, and decodes entities. Every scan is a single
// pass (brackets, parens and backtick runs are matched with stacks), so a hostile line cannot
// make it quadratic.
class MarkdownInlineStripper
{
public:
    static QString strip(const QString &line);
};

} // namespace gw
