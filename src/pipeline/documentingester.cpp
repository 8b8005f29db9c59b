#include "documentingester.h"

#include "core/circuitbreaker.h"
#include "core/errors.h"
#include "core/stagestats.h"
#include "core/statsregistry.h"
#include "core/taskgroup.h"
#include "contenthasher.h"
#include "documentprogress.h"
#include "extractorwarmup.h"
#include "extract/chatextractioncodec.h"
#include "extract/entityextractor.h"
#include "extract/entityresolver.h"
#include "extract/remoteextractor.h"
#include "ingest/chunker.h"
#include "ingest/documentparser.h"
#include "ingest/filestamp.h"
#include "ingest/loaderror.h"
#include "projectextractioncache.h"
#include "store/projectstore.h"
#include "store/storeerror.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QImage>
#include <QSet>

#include <atomic>
#include <numeric>

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
        const char16_t c = ch.unicode();
        // ASCII without the Unicode tables: most text is, and this runs over every character.
        const bool wordChar = c < 0x80
            ? (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            : ch.isLetterOrNumber();
        if (wordChar && !inWord)
            ++words;
        inWord = wordChar;
    }
    return words;
}

DocumentIngester::DocumentIngester(ProjectStore &store, const IngestOptions &options, StatsRegistry &stats)
    : m_store(store), m_options(options), m_read(stats.stage(QStringLiteral("read"))),
      m_parse(stats.stage(QStringLiteral("parse"))), m_chunk(stats.stage(QStringLiteral("chunk"))),
      m_extract(stats.stage(QStringLiteral("extract"))), m_write(stats.stage(QStringLiteral("store"))),
      m_entities(Gazetteer::builtIn(), options.vocabulary)
{
    if (options.extract && options.remote.enabled()) {
        m_remote = std::make_unique<RemoteExtractor>(
            options.remote, m_entities, m_relations,
            std::make_shared<ProjectExtractionCache>(store, options.remoteCacheMaxBytes));
        m_remote->setVocabulary(options.vocabulary);
    }
    m_extractorName = extractorName();
}

QString DocumentIngester::extractorName() const
{
    if (!m_options.extract)
        return QStringLiteral("none");
    QString name = QStringLiteral("builtin-%1").arg(EntityExtractor::version);
    if (m_options.vocabulary && !m_options.vocabulary->isEmpty())
        name += QStringLiteral("+vocabulary:%1").arg(m_options.vocabulary->fingerprint());
    if (m_remote)
        name += QStringLiteral("+remote:%1:p%2").arg(m_options.remote.model).arg(ChatExtractionCodec::promptVersion);
    return name;
}

void DocumentIngester::setVocabulary(std::shared_ptr<const Vocabulary> vocabulary)
{
    m_options.vocabulary = std::move(vocabulary);
    m_entities = EntityExtractor(Gazetteer::builtIn(), m_options.vocabulary); // the remote one refers to it
    if (m_remote)
        m_remote->setVocabulary(m_options.vocabulary); // its instructions list the names too
    m_extractorName = extractorName();
}

DocumentIngester::~DocumentIngester() = default;

void DocumentIngester::setRemoteBreaker(CircuitBreaker *breaker)
{
    if (m_remote)
        m_remote->setBreaker(breaker);
}

DocumentIngester::ReadResult DocumentIngester::read(const QString &path, DocumentProgress &progress,
                                                    const CancellationToken &token) const
{
    QFile file(path);
    const qint64 size = QFileInfo(path).size();
    if (size > m_options.limits.maxFileBytes)
        throw LoadError(
            LoadError::Kind::TooLarge, path,
            QCoreApplication::translate("gw::DocumentIngester",
                                        "the file is %1, over the limit of %2 (raise it with --max-file-mb)")
                .arg(megabytes(size), megabytes(m_options.limits.maxFileBytes)));
    if (!file.open(QIODevice::ReadOnly))
        throw LoadError(LoadError::Kind::Unreadable, path,
                        QCoreApplication::translate("gw::DocumentIngester", "cannot open: %1").arg(file.errorString()));

    ReadResult result;
    ContentHasher hash;
    result.bytes.reserve(qsizetype(size));
    while (!file.atEnd()) {
        token.throwIfCancelled();
        const QByteArray block = file.read(readBlockBytes);
        if (block.isEmpty() && file.error() != QFileDevice::NoError)
            throw LoadError(
                LoadError::Kind::Unreadable, path,
                QCoreApplication::translate("gw::DocumentIngester", "read error: %1").arg(file.errorString()));
        if (block.isEmpty())
            break;
        hash.addData(block);
        result.bytes.append(block);
        if (result.bytes.size() > m_options.limits.maxFileBytes) // it grew while we read
            throw LoadError(LoadError::Kind::TooLarge, path,
                            QCoreApplication::translate("gw::DocumentIngester", "the file is over the limit of %1")
                                .arg(megabytes(m_options.limits.maxFileBytes)));
        progress.setBytesRead(result.bytes.size());
        progress.setStageProgress(size > 0 ? double(result.bytes.size()) / double(size) : 1.0);
    }
    result.contentHash = hash.hexDigest();
    result.fileStamp = FileStamp::trustedForRead(file.handle());
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

namespace {
struct RelationKey
{
    RelationType type;
    QString subject, object;
    qint64 sentenceStart;
    bool operator==(const RelationKey &) const = default;
};

size_t qHash(const RelationKey &key, size_t seed = 0)
{
    return qHashMulti(seed, int(key.type), key.subject, key.object, key.sentenceStart);
}

// What extraction found in one chunk, in the chunk's own offsets.
struct ChunkExtraction
{
    QList<Mention> mentions;
    QList<RelationMention> relations;
    bool relationsPending = false; // read after the other chunks' entities (see extract())
};
} // namespace

void DocumentIngester::extract(DocumentRecord &record, DocumentProgress &progress, const CancellationToken &token) const
{
    // Chunks are independent: one task each, on the document's own pool (see TaskGroup).
    const qsizetype chunkCount = record.chunks.size();
    std::atomic<qsizetype> chunksDone{0};
    TaskGroup<ChunkExtraction> group({.parent = token, .name = QStringLiteral("extract")});
    for (qsizetype i = 0; i < chunkCount; ++i)
        group.spawn(QStringLiteral("chunk %1").arg(i), [&, i](const CancellationToken &chunkToken) {
            ChunkExtraction out;
            const QString &text = record.chunks.at(i).text;
            if (m_remote) { // falls back to the built-in extractors by itself
                RemoteExtractor::Result remote = m_remote->extract(text, chunkToken);
                progress.addRemoteUsage(remote.usage);
                out.mentions = std::move(remote.mentions);
                out.relations = std::move(remote.relations);
            } else {
                out.mentions = m_entities.extract(text, chunkToken);
                // While the relation patterns still compile at start-up, the first documents'
                // entities go on and their relations wait below, instead of every thread
                // waiting at the patterns with a core idle. The same relations either way.
                out.relationsPending = ExtractorWarmUp::inProgress();
                if (!out.relationsPending)
                    out.relations = m_relations.extract(text, out.mentions, chunkToken);
            }
            progress.setStageProgress(double(chunksDone.fetch_add(1) + 1) / double(chunkCount));
            return out;
        });
    QList<ChunkExtraction> perChunk;
    try {
        perChunk = group.joinBlocking();
        if (std::any_of(perChunk.cbegin(), perChunk.cend(), [](const auto &out) { return out.relationsPending; })) {
            TaskGroup<> later({.parent = token, .name = QStringLiteral("extract relations")});
            for (qsizetype i = 0; i < chunkCount; ++i) {
                if (!perChunk.at(i).relationsPending)
                    continue;
                ChunkExtraction &out = perChunk[i];
                later.spawn(QStringLiteral("chunk %1").arg(i), [&, i](const CancellationToken &chunkToken) {
                    out.relations = m_relations.extract(record.chunks.at(i).text, out.mentions, chunkToken);
                });
            }
            later.joinBlocking();
        }
    } catch (const TaskFailedError &failure) {
        std::rethrow_exception(failure.cause());
    }
    if (m_remote)
        m_remote->flushCache(); // the answers this document used stay the last to be pruned

    // Into document offsets. Neighbouring chunks overlap: a mention seen twice is kept once.
    struct Located
    {
        Mention mention;
        qsizetype chunk;
    };
    QList<Located> located;
    QList<QList<qsizetype>> indexOf(chunkCount); // chunk-local mention -> index into `located`
    QHash<QPair<qsizetype, qsizetype>, qsizetype> seen;
    for (qsizetype c = 0; c < chunkCount; ++c) {
        const qint64 offset = record.chunks.at(c).start;
        for (Mention mention : perChunk.at(c).mentions) {
            mention.start += offset;
            mention.end += offset;
            const auto spanKey = qMakePair(mention.start, mention.end);
            auto found = seen.constFind(spanKey);
            if (found == seen.constEnd()) {
                found = seen.insert(spanKey, located.size());
                located.append({mention, c});
            }
            indexOf[c].append(*found);
        }
    }
    // The resolver wants document order.
    QList<qsizetype> order(located.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        return located.at(a).mention.start < located.at(b).mention.start;
    });
    QList<Mention> inDocumentOrder;
    inDocumentOrder.reserve(located.size());
    for (qsizetype index : order)
        inDocumentOrder.append(located.at(index).mention);
    const auto resolved = EntityResolver().resolveDocument(inDocumentOrder);
    QList<QString> entityOf(located.size()); // located index -> entity id
    QHash<QString, EntityRecord> entities;
    for (qsizetype k = 0; k < order.size(); ++k) {
        const auto &r = resolved.at(k);
        if (r.entityId.isEmpty())
            continue;
        const qsizetype index = order.at(k);
        entityOf[index] = r.entityId;
        if (!entities.contains(r.entityId)) // every member of a cluster resolves to the same entity
            entities.insert(r.entityId, EntityRecord{r.entityId, entityTypeName(r.type), r.canonicalName, r.key});
        const Located &l = located.at(index);
        record.mentions.append(
            MentionRecord{r.entityId, l.chunk, l.mention.start, l.mention.end, l.mention.confidence});
    }
    record.entities = entities.values();
    std::sort(record.entities.begin(), record.entities.end(),
              [](const EntityRecord &a, const EntityRecord &b) { return a.id < b.id; });

    // A relation read twice (overlapping chunks) is kept once: (type, subject, object, sentence).
    QSet<RelationKey> relationKeys;
    QHash<RelationType, QString> typeNames;
    for (qsizetype c = 0; c < chunkCount; ++c) {
        const qint64 offset = record.chunks.at(c).start;
        for (const RelationMention &relation : perChunk.at(c).relations) {
            const QString subject = entityOf.value(indexOf.at(c).value(relation.subject, -1));
            const QString object = entityOf.value(indexOf.at(c).value(relation.object, -1));
            if (subject.isEmpty() || object.isEmpty() || subject == object)
                continue;
            const qint64 sentenceStart = relation.sentenceStart + offset;
            const RelationKey key{relation.type, subject, object, sentenceStart};
            if (relationKeys.contains(key))
                continue;
            relationKeys.insert(key);
            auto type = typeNames.constFind(relation.type);
            if (type == typeNames.cend())
                type = typeNames.insert(relation.type, relationTypeName(relation.type));
            record.relations.append(RelationRecord{*type, subject, object, c, sentenceStart,
                                                   relation.sentenceEnd + offset, relation.trigger});
        }
    }
    progress.setExtraction(record.mentions.size(), record.relations.size());
}

void DocumentIngester::recordFailure(const QString &path, const QString &hash, const QString &format, qint64 size,
                                     const QString &reason) const
{
    try {
        m_store.recordFailureBlocking(FailureRecord{path, hash, format, size, reason});
    } catch (const StoreError &) {
        // The failure is still reported in the job; the project just does not remember it.
    }
}

bool DocumentIngester::isUnchanged(const QString &path, const QString &hash, const DocumentFingerprints *stored) const
{
    if (!stored)
        return m_store.isUnchanged(path, hash, m_extractorName);
    const auto found = stored->constFind(path);
    // The same test as ProjectStore::isUnchanged(), on the job's copy of the documents table.
    return found != stored->cend() && !found->failedSince && found->contentHash == hash
        && found->extractor == m_extractorName;
}

DocumentFormat DocumentIngester::knownUnchanged(const DocumentFingerprints &stored, const QString &path,
                                                const QString &stamp) const
{
    const auto found = stored.constFind(path);
    if (found == stored.cend() || found->fileStamp.isEmpty() || found->fileStamp != stamp || found->failedSince
        || found->extractor != m_extractorName)
        return DocumentFormat::Unknown;
    return documentFormatFromName(found->format);
}

void DocumentIngester::ingest(DocumentProgress &progress, const CancellationToken &token,
                              const DocumentFingerprints *stored) const
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
        if (isUnchanged(path, hash, stored)) {
            if (stored && !read.fileStamp.isEmpty() && stored->value(path).fileStamp != read.fileStamp) {
                // Touched, not changed (a checkout, a restored backup): known by its stamp next
                // time. Only a saving: a store that refuses it (read-only, full) fails nothing.
                try {
                    m_store.refreshFileStampBlocking(path, hash, read.fileStamp);
                } catch (const StoreError &) {}
            }
            progress.finish(
                DocumentState::Skipped,
                QCoreApplication::translate("gw::DocumentIngester", "unchanged since it was last ingested"));
            return;
        }

        const DocumentParser *parser = DocumentParser::forFormat(start.format);
        if (!parser)
            throw LoadError(LoadError::Kind::Unsupported, path,
                            QCoreApplication::translate("gw::DocumentIngester", "no reader for this format"));
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
        record.text = std::move(parsed.text);

        if (m_options.extract) {
            progress.setState(DocumentState::Extracting);
            StageScope scope(m_extract);
            extract(record, progress, token);
            scope.markCompleted();
        }

        progress.setState(DocumentState::Storing);
        token.throwIfCancelled(); // last point where a cancel leaves nothing behind
        record.path = path;
        record.contentHash = hash;
        record.format = format;
        record.extractor = m_extractorName;
        record.sizeBytes = size;
        record.fileStamp = read.fileStamp;
        record.metadata = parsed.metadata;
        {
            StageScope scope(m_write);
            if (m_storeBreaker && !m_storeBreaker->tryAcquirePermission()) {
                const auto stats = m_storeBreaker->stats();
                throw StoreError(
                    m_store.path(),
                    QCoreApplication::translate("gw::DocumentIngester",
                                                "the project file keeps failing (%1); writes pause for %2 s")
                        .arg(stats.lastError)
                        .arg(qMax<qint64>(1, stats.msUntilProbe / 1000)));
            }
            QElapsedTimer timer;
            timer.start();
            try {
                // The writer thread does this; the document's slot goes to the next document
                // meanwhile (a write is a wait here, not work), so cores stay busy.
                TaskGroupBase::lendSlotWhile([&] { m_store.writeDocumentBlocking(std::move(record)); });
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
            const QString reason = QCoreApplication::translate(
                                       "gw::DocumentIngester",
                                       "stopped after the per-document time limit of %1 s (raise it with --timeout)")
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
        progress.finish(
            DocumentState::Failed,
            QCoreApplication::translate("gw::DocumentIngester", "could not be saved: %1").arg(error.message()));
    } catch (const std::exception &error) {
        const QString reason = QCoreApplication::translate("gw::DocumentIngester", "internal error: %1")
                                   .arg(QString::fromUtf8(error.what()));
        recordFailure(path, hash, format, size, reason);
        progress.finish(DocumentState::Failed, reason);
    }
}

} // namespace gw
