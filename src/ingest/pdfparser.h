#pragma once

#include "documentparser.h"

namespace gw {

// PDF through Poppler. A Poppler document must not be shared between threads and the pipeline
// runs text, metadata and preview in parallel, so every call loads its own document from the
// bytes. Pages of the text are separated by "\n\f\n" (a form feed on its own line), so page
// numbers can be recovered from character offsets.
class PdfParser final : public DocumentParser
{
public:
    DocumentFormat format() const override { return DocumentFormat::Pdf; }
    // Throws LoadError: Encrypted (needs a password), Malformed (unreadable), Unsupported (pages
    // but no text, e.g. scanned images), TooLarge (past limits.maxTextChars).
    QString extractText(const QByteArray &bytes, const ParseContext &context) const override;
    // title, author, subject, created, modified, pageCount, creator (the application the document
    // was made in) and producer (the software that wrote the PDF).
    QVariantMap extractMetadata(const QByteArray &bytes, const ParseContext &context) const override;
    // The first lines of page 1 and a thumbnail of page 1, limits.thumbnailWidth pixels wide.
    DocumentPreview makePreview(const QByteArray &bytes, const ParseContext &context) const override;

    static constexpr QStringView pageSeparator = u"\n\f\n";
};

} // namespace gw
