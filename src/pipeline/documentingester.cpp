#include "documentingester.h"

#include "core/circuitbreaker.h"
#include "core/errors.h"
#include "core/stagestats.h"
#include "core/statsregistry.h"
#include "core/taskgroup.h"
#include "documentprogress.h"
#include "ingest/chunker.h"
#include "ingest/documentparser.h"
#include "ingest/loaderror.h"
#include "store/projectstore.h"
#include "store/storeerror.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QImage>

namespace gw {

namespace {

constexpr qint64 readBlockBytes = 1 << 20;

QString megabytes(qint64 bytes)
{
    return QStringLiteral("%1 MB").arg(QString::number(bytes / 1048576.0, 'f', bytes < 10 * 1048576 ? 1 : 0));
}

QByteArray thumbnailPng(const QImage &image)
{
    if (image.isNull())
        return {};
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

} // namespace

qint64 countWords(const QString &text)
{
    qint64 words = 0;
    bool inWord = false;
    for (const QChar ch : text) {
        const bool wordChar = ch.isLetterOrNumber();
        if (wordChar && !inWord)
            ++words;
        inWord = wordChar;
    }
    return words;
}

DocumentIngester::DocumentIngester(ProjectStore &store, const IngestOptions &options, StatsRegistry &stats)
    : m_store(store), m_options(options), m_read(stats.stage(QStringLiteral("read"))),
      m_parse(stats.stage(QStringLiteral("parse"))), m_chunk(stats.stage(QStringLiteral("chunk"))),
      m_write(stats.stage(QStringLiteral("store")))
{
}

DocumentIngester::ReadResult DocumentIngester::read(const QString &path, DocumentProgress &progress,
                                                    const CancellationToken &token) const
{
    QFile file(path);
    const qint64 size = QFileInfo(path).size();
    if (size > m_options.limits.maxFileBytes)
        throw LoadError(LoadError::Kind::TooLarge, path,
                        QCoreApplication::translate("gw::DocumentIngester", "the file is %1, over the limit of %2 (raise it with --max-file-mb)")
                            .arg(megabytes(size), megabytes(m_options.limits.maxFileBytes)));
    if (!file.open(QIODevice::ReadOnly))
        throw LoadError(LoadError::Kind::Unreadable, path, QCoreApplication::translate("gw::DocumentIngester", "cannot open: %1").arg(file.errorString()));

    ReadResult result;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    result.bytes.reserve(qsizetype(size));
    while (!file.atEnd()) {
        token.throwIfCancelled();
        const QByteArray block = file.read(readBlockBytes);
        if (block.isEmpty() && file.error() != QFileDevice::NoError)
            throw LoadError(LoadError::Kind::Unreadable, path, QCoreApplication::translate("gw::DocumentIngester", "read error: %1").arg(file.errorString()));
        if (block.isEmpty())
            break;
        hash.addData(block);
        result.bytes.append(block);
        if (result.bytes.size() > m_options.limits.maxFileBytes) // it grew while we read
            throw LoadError(LoadError::Kind::TooLarge, path,
                            QCoreApplication::translate("gw::DocumentIngester", "the file is over the limit of %1").arg(megabytes(m_options.limits.maxFileBytes)));
        progress.setBytesRead(result.bytes.size());
        progress.setStageProgress(size > 0 ? double(result.bytes.size()) / double(size) : 1.0);
    }
    result.contentHash = QString::fromLatin1(hash.result().toHex());
    return result;
}

DocumentIngester::ParseResult DocumentIngester::parse(const DocumentParser &parser, const QByteArray &bytes,
                                                      const ParseContext &context) const
{
    // Text, metadata and preview are independent: a nested group runs them side by side and
    // the first failure (say, a malformed file) cancels the other two.
    ParseResult result;
    DocumentPreview preview;
    TaskGroup<> parts({.maxParallel = 3, .parent = context.token, .name = QStringLiteral("parse")});
    parts.spawn(QStringLiteral("text"), [&](const CancellationToken &token) {
        ParseContext own = context;
        own.token = token;
        result.text = parser.extractText(bytes, own);
    });
    parts.spawn(QStringLiteral("metadata"), [&](const CancellationToken &token) {
        ParseContext own = context;
        own.token = token;
        own.reportProgress = nullptr; // the text's progress is the stage's progress
        result.metadata = parser.extractMetadata(bytes, own);
    });
    parts.spawn(QStringLiteral("preview"), [&](const CancellationToken &token) {
        ParseContext own = context;
        own.token = token;
        own.reportProgress = nullptr;
        preview = parser.makePreview(bytes, own);
    });
    try {
        parts.joinBlocking();
    } catch (const TaskFailedError &failure) {
        // Surface the parser's own error (a LoadError names the file), not the wrapper.
        std::rethrow_exception(failure.cause());
    }
    if (!preview.text.isEmpty())
        result.metadata.insert(QStringLiteral("preview"), preview.text);
    const QByteArray png = thumbnailPng(preview.thumbnail);
    if (!png.isEmpty())
        result.metadata.insert(QStringLiteral("thumbnailPng"), png);
    return result;
}

void DocumentIngester::recordFailure(const QString &path, const QString &hash, const QString &format,
                                     qint64 size, const QString &reason) const
{
    try {
        m_store.recordFailureBlocking(FailureRecord{path, hash, format, size, reason});
    } catch (const StoreError &) {
        // The failure is still reported in the job; the project just does not remember it.
    }
}

void DocumentIngester::ingest(DocumentProgress &progress, const CancellationToken &token) const
{
    const DocumentSnapshot start = progress.snapshot();
    const QString &path = start.path;
    const QString format = documentFormatName(start.format);
    QString hash;
    qint64 size = start.sizeBytes;
    try {
        progress.setState(DocumentState::Reading);
        ReadResult read;
        {
            StageScope scope(m_read);
            read = this->read(path, progress, token);
            scope.markCompleted();
        }
        hash = read.contentHash;
        size = read.bytes.size();
        if (m_store.isUnchanged(path, hash)) {
            progress.finish(DocumentState::Skipped, QCoreApplication::translate("gw::DocumentIngester", "unchanged since it was last ingested"));
            return;
        }

        const DocumentParser *parser = DocumentParser::forFormat(start.format);
        if (!parser)
            throw LoadError(LoadError::Kind::Unsupported, path, QCoreApplication::translate("gw::DocumentIngester", "no reader for this format"));
        progress.setState(DocumentState::Parsing);
        ParseResult parsed;
        {
            StageScope scope(m_parse);
            parsed = parse(*parser, read.bytes,
                           ParseContext{path, m_options.limits, token,
                                        [&progress](double fraction) { progress.setStageProgress(fraction); }});
            scope.markCompleted();
        }
        read.bytes.clear(); // the text is all we keep; free the raw bytes early

        progress.setState(DocumentState::Chunking);
        DocumentRecord record;
        {
            StageScope scope(m_chunk);
            const QList<Chunk> chunks = Chunker(m_options.chunkChars, m_options.chunkOverlap).chunk(parsed.text, token);
            record.chunks.reserve(chunks.size());
            for (const auto &chunk : chunks)
                record.chunks.append(ChunkRecord{chunk.start, chunk.end, chunk.text});
            record.words = countWords(parsed.text);
            scope.markCompleted();
        }
        progress.setResult(record.words, record.chunks.size());

        progress.setState(DocumentState::Storing);
        token.throwIfCancelled(); // last point where a cancel leaves nothing behind
        record.path = path;
        record.contentHash = hash;
        record.format = format;
        record.sizeBytes = size;
        record.metadata = parsed.metadata;
        record.text = std::move(parsed.text);
        {
            StageScope scope(m_write);
            if (m_storeBreaker && !m_storeBreaker->tryAcquirePermission()) {
                const auto stats = m_storeBreaker->stats();
                throw StoreError(m_store.path(), QCoreApplication::translate("gw::DocumentIngester", "the project file keeps failing (%1); writes pause for %2 s")
                                                     .arg(stats.lastError)
                                                     .arg(qMax<qint64>(1, stats.msUntilProbe / 1000)));
            }
            QElapsedTimer timer;
            timer.start();
            try {
                m_store.writeDocumentBlocking(std::move(record));
            } catch (const StoreError &error) {
                if (m_storeBreaker)
                    m_storeBreaker->recordFailure(error.cause());
                throw;
            }
            if (m_storeBreaker)
                m_storeBreaker->recordSuccess(timer.elapsed());
            scope.markCompleted();
        }
        progress.finish(DocumentState::Done);
    } catch (const CancelledError &) {
        if (progress.timedOut()) {
            const QString reason = QCoreApplication::translate("gw::DocumentIngester", "stopped after the per-document time limit of %1 s (raise it with --timeout)")
                                       .arg(m_options.limits.timeoutMs / 1000.0);
            recordFailure(path, hash, format, size, reason);
            progress.finish(DocumentState::Failed, reason);
            return;
        }
        progress.finish(DocumentState::Cancelled, QCoreApplication::translate("gw::DocumentIngester", "cancelled"));
        throw;
    } catch (const LoadError &error) {
        recordFailure(path, hash, format, size, error.reason());
        progress.finish(DocumentState::Failed, error.reason());
    } catch (const StoreError &error) {
        progress.finish(DocumentState::Failed, QCoreApplication::translate("gw::DocumentIngester", "could not be saved: %1").arg(error.message()));
    } catch (const std::exception &error) {
        const QString reason = QCoreApplication::translate("gw::DocumentIngester", "internal error: %1").arg(QString::fromUtf8(error.what()));
        recordFailure(path, hash, format, size, reason);
        progress.finish(DocumentState::Failed, reason);
    }
}

} // namespace gw
