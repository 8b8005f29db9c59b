#include "pdfparser.h"

#include "core/taskgroup.h"
#include "loaderror.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QThread>

#include <poppler-qt6.h>

#include <algorithm>
#include <atomic>
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
        const QString why = bytes.left(1024).contains("%PDF-")
            ? QCoreApplication::translate("gw::PdfParser", "damaged or truncated")
            : QCoreApplication::translate("gw::PdfParser", "no PDF header");
        throw LoadError(LoadError::Kind::Malformed, context.path,
                        QCoreApplication::translate("gw::PdfParser", "not a readable PDF (%1)").arg(why));
    }
    if (document->isLocked()) {
        throw LoadError(
            LoadError::Kind::Encrypted, context.path,
            QCoreApplication::translate("gw::PdfParser",
                                        "the PDF is encrypted with a password; save an unencrypted copy and add that"));
    }
    if (document->numPages() <= 0) {
        throw LoadError(LoadError::Kind::Malformed, context.path,
                        QCoreApplication::translate("gw::PdfParser", "not a readable PDF (no pages)"));
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

// Pages of one range; at least this many per parallel range, so a load pays for itself.
constexpr int minPagesPerRange = 24;

// Pages done across all ranges of one extraction, for ParseContext::reportProgress.
struct PageProgress
{
    const ParseContext &context;
    const int pages;
    std::atomic<int> done{0};
    void pageDone()
    {
        const int now = done.fetch_add(1, std::memory_order_relaxed) + 1;
        if (context.reportProgress)
            context.reportProgress(double(now) / pages);
    }
};

QStringList pageTexts(const Poppler::Document &document, int first, int last, const CancellationToken &token,
                      PageProgress &progress)
{
    QStringList texts;
    texts.reserve(last - first);
    for (int i = first; i < last; ++i) {
        token.throwIfCancelled();
        texts.append(pageText(document, i));
        progress.pageDone();
    }
    return texts;
}

} // namespace

QString PdfParser::extractText(const QByteArray &bytes, const ParseContext &context) const
{
    const std::unique_ptr<Poppler::Document> document = loadDocument(bytes, context);
    const int pages = document->numPages();
    PageProgress progress{context, pages};

    // A long PDF is the slowest thing a job meets; its pages are split into ranges that run in
    // parallel, each on a Document of its own (Poppler documents are not shared across threads).
    const int workers = QThread::idealThreadCount();
    const int rangeCount = std::clamp(pages / minPagesPerRange, 1, workers * 2);
    QList<QStringList> ranges;
    if (rangeCount == 1) {
        ranges.append(pageTexts(*document, 0, pages, context.token, progress));
    } else {
        TaskGroup<QStringList> group(
            {.maxParallel = workers, .parent = context.token, .name = QStringLiteral("PDF pages")});
        for (int r = 0; r < rangeCount; ++r) {
            const int first = int(qint64(pages) * r / rangeCount);
            const int last = int(qint64(pages) * (r + 1) / rangeCount);
            group.spawn(QStringLiteral("pages %1-%2").arg(first + 1).arg(last),
                        [&bytes, &context, &progress, first, last](const CancellationToken &token) {
                            const auto own = loadDocument(bytes, context);
                            return pageTexts(*own, first, last, token, progress);
                        });
        }
        try {
            ranges = group.joinBlocking();
        } catch (const TaskFailedError &failure) {
            std::rethrow_exception(failure.cause()); // the LoadError, naming the file
        }
    }

    QString text;
    bool anyText = false;
    int page = 0;
    for (const QStringList &range : ranges) {
        for (const QString &pageText : range) {
            anyText = anyText || !pageText.trimmed().isEmpty();
            if (page > 0)
                text += pageSeparator;
            text += pageText;
            ++page;
            if (text.size() > context.limits.maxTextChars) {
                throw LoadError(LoadError::Kind::TooLarge, context.path,
                                QCoreApplication::translate(
                                    "gw::PdfParser",
                                    "the text is longer than the limit of %1 characters (stopped at page %2 of %3)")
                                    .arg(context.limits.maxTextChars)
                                    .arg(page)
                                    .arg(pages));
            }
        }
    }
    if (!anyText) {
        throw LoadError(
            LoadError::Kind::Unsupported, context.path,
            QCoreApplication::translate(
                "gw::PdfParser", "no extractable text (scanned images?); run it through OCR and add the result"));
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
