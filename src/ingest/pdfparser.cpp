#include "pdfparser.h"

#include "loaderror.h"

#include <QLoggingCategory>

#include <poppler-qt6.h>

#include <mutex>

namespace gw {

namespace {

Q_LOGGING_CATEGORY(lcPdf, "gw.ingest.pdf", QtWarningMsg)

// Poppler reports damaged input on stderr by default; route it to a category instead, since the
// user already gets a LoadError naming the file.
void popplerMessage(const QString &message, const QVariant &)
{
    qCDebug(lcPdf, "poppler: %s", qUtf8Printable(message));
}

std::unique_ptr<Poppler::Document> loadDocument(const QByteArray &bytes, const ParseContext &context)
{
    static std::once_flag installHandler;
    std::call_once(installHandler, [] { Poppler::setDebugErrorFunction(popplerMessage, QVariant()); });

    context.token.throwIfCancelled();
    std::unique_ptr<Poppler::Document> document = Poppler::Document::loadFromData(bytes);
    if (!document) {
        const QString why = bytes.left(1024).contains("%PDF-") ? QStringLiteral("damaged or truncated")
                                                               : QStringLiteral("no PDF header");
        throw LoadError(LoadError::Kind::Malformed, context.path, QStringLiteral("not a readable PDF (%1)").arg(why));
    }
    if (document->isLocked()) {
        throw LoadError(LoadError::Kind::Encrypted, context.path,
                        QStringLiteral("the PDF is encrypted with a password; save an unencrypted copy and add that"));
    }
    if (document->numPages() <= 0) {
        throw LoadError(LoadError::Kind::Malformed, context.path, QStringLiteral("not a readable PDF (no pages)"));
    }
    document->setRenderHint(Poppler::Document::Antialiasing);
    document->setRenderHint(Poppler::Document::TextAntialiasing);
    return document;
}

QString pageText(const Poppler::Document &document, int index)
{
    const std::unique_ptr<Poppler::Page> page = document.page(index);
    return page ? page->text(QRectF()) : QString();
}

} // namespace

QString PdfParser::extractText(const QByteArray &bytes, const ParseContext &context) const
{
    const std::unique_ptr<Poppler::Document> document = loadDocument(bytes, context);
    QString text;
    bool anyText = false;
    const int pages = document->numPages();
    for (int i = 0; i < pages; ++i) {
        context.token.throwIfCancelled();
        const QString page = pageText(*document, i);
        anyText = anyText || !page.trimmed().isEmpty();
        if (i > 0)
            text += pageSeparator;
        text += page;
        if (text.size() > context.limits.maxTextChars) {
            throw LoadError(LoadError::Kind::TooLarge, context.path,
                            QStringLiteral("the text is longer than the limit of %1 characters (stopped at page %2 of %3)")
                                .arg(context.limits.maxTextChars)
                                .arg(i + 1)
                                .arg(pages));
        }
    }
    if (!anyText) {
        throw LoadError(LoadError::Kind::Unsupported, context.path,
                        QStringLiteral("no extractable text (scanned images?); run it through OCR and add the result"));
    }
    return text;
}

QVariantMap PdfParser::extractMetadata(const QByteArray &bytes, const ParseContext &context) const
{
    const std::unique_ptr<Poppler::Document> document = loadDocument(bytes, context);
    QVariantMap metadata;
    const auto setText = [&](const QString &key, const QString &value) {
        if (!value.trimmed().isEmpty())
            metadata.insert(key, value.trimmed());
    };
    const auto setDate = [&](const QString &key, const QDateTime &value) {
        if (value.isValid())
            metadata.insert(key, value);
    };
    setText(QStringLiteral("title"), document->title());
    setText(QStringLiteral("author"), document->author());
    setText(QStringLiteral("subject"), document->subject());
    setText(QStringLiteral("creator"), document->creator());
    setText(QStringLiteral("producer"), document->producer());
    setDate(QStringLiteral("created"), document->creationDate());
    setDate(QStringLiteral("modified"), document->modificationDate());
    metadata.insert(QStringLiteral("pageCount"), document->numPages());
    return metadata;
}

DocumentPreview PdfParser::makePreview(const QByteArray &bytes, const ParseContext &context) const
{
    const std::unique_ptr<Poppler::Document> document = loadDocument(bytes, context);
    const std::unique_ptr<Poppler::Page> page = document->page(0);
    DocumentPreview preview;
    if (!page)
        return preview;
    preview.text = firstLines(page->text(QRectF()), context.limits.previewLines);

    context.token.throwIfCancelled();
    const int width = context.limits.thumbnailWidth;
    const qreal pointsWide = page->pageSizeF().width(); // 1 point = 1/72 inch
    if (width > 0 && pointsWide > 0) {
        const qreal dpi = 72.0 * width / pointsWide;
        QImage image = page->renderToImage(dpi, dpi);
        // Rounding can leave it a pixel off; callers lay thumbnails out by the promised width.
        if (!image.isNull() && image.width() != width)
            image = image.scaledToWidth(width, Qt::SmoothTransformation);
        preview.thumbnail = image;
    }
    return preview;
}

} // namespace gw
