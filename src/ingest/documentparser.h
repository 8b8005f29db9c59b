#pragma once

#include "core/cancellation.h"
#include "documentformat.h"
#include "ingestlimits.h"

#include <QByteArray>
#include <QImage>
#include <QString>
#include <QVariantMap>

#include <functional>
#include <memory>

namespace gw {

// What a parser needs besides the bytes. Parsers poll the token between pages / elements / rows
// and throw CancelledError; they throw LoadError for bad input.
struct ParseContext
{
    QString path; // for messages only; parsers never reopen the file
    IngestLimits limits;
    CancellationToken token;
    // Optional, called from any thread with the fraction of extractText() done (0..1). Parsers
    // of long documents (PDF pages) report it; a cheap atomic store is all it may do.
    std::function<void(double)> reportProgress;
};

struct DocumentPreview
{
    QString text;     // the first lines (IngestLimits::previewLines)
    QImage thumbnail; // PDF first page; null for other formats
};

// Turns one format's bytes into text, metadata and a preview. The three are independent so the
// pipeline runs them in parallel. Implementations are stateless and thread-safe: one instance
// serves every thread.
//
// Metadata keys (all optional): "title", "author", "subject", "created", "modified" (QDateTime),
// "pageCount" (int), "encoding" (QString), "language", "columns" (QStringList, CSV header),
// "rows" (int).
class DocumentParser
{
public:
    virtual ~DocumentParser() = default;
    virtual DocumentFormat format() const = 0;
    virtual QString extractText(const QByteArray &bytes, const ParseContext &context) const = 0;
    virtual QVariantMap extractMetadata(const QByteArray &bytes, const ParseContext &context) const = 0;
    // Default: the first lines of extractText().
    virtual DocumentPreview makePreview(const QByteArray &bytes, const ParseContext &context) const;

    // The shared parser for a format; nullptr for Unknown.
    static const DocumentParser *forFormat(DocumentFormat format);

protected:
    static QString firstLines(const QString &text, int lines);
};

} // namespace gw
