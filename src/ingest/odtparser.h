#pragma once

#include "documentparser.h"

namespace gw {

// OpenDocument text (.odt): content.xml text (paragraphs and headings as lines, text:s spaces,
// tabs, line breaks, tables row by row) and meta.xml metadata. Spreadsheets and presentations
// renamed to .odt are refused by their "mimetype" entry.
class OdtParser final : public DocumentParser
{
public:
    DocumentFormat format() const override { return DocumentFormat::Odt; }
    QString extractText(const QByteArray &bytes, const ParseContext &context) const override;
    // title, author (initial creator, else last editor), lastModifiedBy, subject, language,
    // created, modified, pageCount.
    QVariantMap extractMetadata(const QByteArray &bytes, const ParseContext &context) const override;
};

} // namespace gw
