#pragma once

#include "documentparser.h"

namespace gw {

// EPUB 2 and 3 (.epub): META-INF/container.xml names the package (OPF) document, whose spine
// gives the reading order of the XHTML content documents; their visible text (no head, scripts
// or styles) is joined in that order, one blank line between chapters.
class EpubParser final : public DocumentParser
{
public:
    DocumentFormat format() const override { return DocumentFormat::Epub; }
    QString extractText(const QByteArray &bytes, const ParseContext &context) const override;
    // title, author (creators joined with "; "), language, created (dc:date), modified
    // (dcterms:modified), chapters (XHTML documents in the spine).
    QVariantMap extractMetadata(const QByteArray &bytes, const ParseContext &context) const override;
};

} // namespace gw
