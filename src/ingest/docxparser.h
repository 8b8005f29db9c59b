#pragma once

#include "documentparser.h"

namespace gw {

// Word (.docx, Office Open XML): the main document part's text in reading order (paragraphs as
// lines, tabs, breaks, tables row by row with tab-separated cells) and docProps metadata.
class DocxParser final : public DocumentParser
{
public:
    DocumentFormat format() const override { return DocumentFormat::Docx; }
    QString extractText(const QByteArray &bytes, const ParseContext &context) const override;
    // title, author, subject, created, modified, lastModifiedBy, pageCount (when app.xml has it).
    QVariantMap extractMetadata(const QByteArray &bytes, const ParseContext &context) const override;
};

} // namespace gw
