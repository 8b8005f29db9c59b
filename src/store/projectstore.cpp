#include "projectstore.h"

#include "core/resourcepool.h"
#include "core/threadsanitizer.h"
#include "metadatacodec.h"
#include "projectconnection.h"
#include "storeerror.h"

#include <QCoreApplication>
#include <QCoroFuture>
#include <QDir>
#include <QFileInfo>
#include <QFuture>
#include <QFutureInterface>
#include <QSqlQuery>

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>

namespace gw {

// The outcome of one job on the writer thread. Waiters block on the condition variable (worker
// threads) or await the QFuture (coroutines); either way they read the result under the mutex,
// which also orders it for ThreadSanitizer.
template<typename R>
struct WriterCall
{
    std::mutex mutex;
    std::condition_variable finished;
    bool done = false;
    std::optional<R> value;
    std::exception_ptr error;
    QFutureInterface<void> progress; // finishes after `done` is set; for coroutines

    WriterCall() { progress.reportStarted(); }

    void complete(std::optional<R> result, std::exception_ptr failure)
    {
        {
            std::lock_guard lock(mutex);
            value = std::move(result);
            error = std::move(failure);
            done = true;
        }
        finished.notify_all();
        progress.reportFinished();
    }

    R take()
    {
        std::unique_lock lock(mutex);
        finished.wait(lock, [this] { return done; });
        if (error)
            std::rethrow_exception(error);
        return std::move(*value);
    }
};

// Every write, in call order. Consecutive document writes are taken together and committed as
// one batch (DocumentWriter::writeBatch: group commit); any other job runs alone, in its place.
// Items are published under the mutex, which ThreadSanitizer sees.
struct WriterQueue
{
    struct Item
    {
        std::function<void()> job; // empty for a document write
        DocumentRecord document;
        std::shared_ptr<WriterCall<WriteOutcome>> documentCall;
    };
    std::mutex mutex;
    std::deque<Item> items;
};

namespace {

// The most documents (and text) one group commit takes: bounds the latency a document waits
// for its batch, and the memory of the batch.
constexpr int maxBatchDocuments = 64;
constexpr qint64 maxBatchChars = 32 * 1024 * 1024;

// The ThreadSanitizer hand-off key of every writer queue (a static address: see below).
char writerHandOff;

// Starts one drain of `store`'s queue on the writer pool; every queued item starts one, and a
// drain that finds the queue empty (an earlier one took its item into a batch) does nothing.
//
// Why QThreadPool::start(std::function) rather than QtConcurrent::run(&pool, ...): (1)
// QtConcurrent's task (a header template, so instrumented) reads its own vtable before our
// callable could acquire the hand-off, which ThreadSanitizer reports as a race that no hint can
// cover; start() builds its runnable inside Qt. (2) Waiting on a not-yet-started QtConcurrent
// future with waitForFinished()/result() makes Qt 6 "steal" the runnable and run it on the
// WAITING thread: a write would use the writer's connection on a worker thread.
void startDrain(QThreadPool &pool, std::function<void()> drain)
{
    std::function<void()> task = [drain = std::move(drain)] {
        GW_TSAN_ACQUIRE(&writerHandOff); // before touching any capture (hence a static key)
        drain();
    };
    GW_TSAN_RELEASE(&writerHandOff); // Qt's queue is invisible to ThreadSanitizer
    pool.start(std::move(task));
}

} // namespace

template<typename F, typename R>
std::shared_ptr<WriterCall<R>> ProjectStore::runOnWriter(F work)
{
    auto call = std::make_shared<WriterCall<R>>();
    WriterQueue::Item item;
    item.job = [call, work = std::move(work)]() mutable {
        try {
            call->complete(work(), nullptr);
        } catch (...) {
            call->complete(std::nullopt, std::current_exception());
        }
    };
    {
        std::lock_guard lock(m_queue->mutex);
        m_queue->items.push_back(std::move(item));
    }
    startDrain(m_writerPool, [this] { drainQueue(); });
    return call;
}

std::shared_ptr<WriterCall<WriteOutcome>> ProjectStore::queueDocument(DocumentRecord record)
{
    auto call = std::make_shared<WriterCall<WriteOutcome>>();
    {
        std::lock_guard lock(m_queue->mutex);
        m_queue->items.push_back({{}, std::move(record), call});
    }
    startDrain(m_writerPool, [this] { drainQueue(); });
    return call;
}

void ProjectStore::drainQueue()
{
    std::deque<WriterQueue::Item> taken;
    {
        std::lock_guard lock(m_queue->mutex);
        if (m_queue->items.empty())
            return;
        if (m_queue->items.front().job) {
            taken.push_back(std::move(m_queue->items.front()));
            m_queue->items.pop_front();
        } else {
            qint64 chars = 0;
            while (!m_queue->items.empty() && !m_queue->items.front().job && int(taken.size()) < maxBatchDocuments
                   && (taken.empty() || chars + m_queue->items.front().document.text.size() <= maxBatchChars)) {
                chars += m_queue->items.front().document.text.size();
                taken.push_back(std::move(m_queue->items.front()));
                m_queue->items.pop_front();
            }
        }
    }
    if (taken.front().job) {
        taken.front().job();
        return;
    }
    QList<const DocumentRecord *> records;
    records.reserve(qsizetype(taken.size()));
    for (const WriterQueue::Item &item : taken)
        records.append(&item.document);
    QList<DocumentWriter::BatchResult> results;
    try {
        results = writer().writeBatch(records);
    } catch (...) { // the project is not open
        results.fill({std::nullopt, std::current_exception()}, records.size());
    }
    for (qsizetype i = 0; i < records.size(); ++i)
        taken.at(size_t(i)).documentCall->complete(results.at(i).outcome, results.at(i).error);
}

namespace {

// Resumes the awaiting coroutine on its own thread once the writer is done; never blocks it.
template<typename R>
QCoro::Task<R> awaitCall(std::shared_ptr<WriterCall<R>> call)
{
    QFuture<void> future = call->progress.future();
    co_await future; // QFuture<void>: awaiting a cancelled QFuture<T> would crash
    co_return call->take();
}

QDateTime parseUtc(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    time.setTimeSpec(Qt::UTC);
    return time;
}

} // namespace

std::unique_ptr<ProjectStore> ProjectStore::open(const QString &path)
{
    const QFileInfo info(path);
    const QString absolute = info.absoluteFilePath();
    if (path.isEmpty())
        throw StoreError(path, QCoreApplication::translate("gw::ProjectStore", "no project file name was given"));
    if (!info.absoluteDir().exists())
        throw StoreError(absolute,
                         QCoreApplication::translate("gw::ProjectStore", "its folder \"%1\" does not exist")
                             .arg(QDir::toNativeSeparators(info.absolutePath())));
    if (info.isDir())
        throw StoreError(absolute,
                         QCoreApplication::translate("gw::ProjectStore", "it is a folder, not a project file"));

    std::unique_ptr<ProjectStore> store(new ProjectStore(absolute));
    ProjectStore *self = store.get();
    auto opened = self->runOnWriter([self] {
        self->m_writer = std::make_unique<DocumentWriter>(self->m_path);
        self->m_writerThread = QThread::currentThread();
        return self->m_writer->schemaVersion();
    });
    store->m_schemaVersion = opened->take(); // on failure ~ProjectStore still shuts down cleanly

    ResourcePool<ProjectConnection>::Options readers;
    readers.maxSize = std::max(8, 2 * QThread::idealThreadCount());
    readers.factory = [absolute] {
        return std::make_unique<ProjectConnection>(absolute, ProjectConnection::Access::ReadOnly);
    };
    readers.validate = [](ProjectConnection &connection) { return connection.database().isOpen(); };
    readers.idleTimeoutMs = 60'000;
    readers.threadAffine = true; // Qt SQL: a connection stays on the thread that made it
    readers.name = QStringLiteral("project readers of %1").arg(info.fileName());
    store->m_readers = std::make_unique<ResourcePool<ProjectConnection>>(std::move(readers));
    return store;
}

ProjectStore::ProjectStore(const QString &path) : m_path(path), m_queue(std::make_unique<WriterQueue>())
{
    // One thread that never expires: the write connection made on it lives as long as the store.
    m_writerPool.setMaxThreadCount(1);
    m_writerPool.setExpiryTimeout(-1);
    m_writerPool.setObjectName(QStringLiteral("project writer"));
}

ProjectStore::~ProjectStore()
{
    m_readers.reset(); // idle reader connections close here; none may be leased any more
    // Queued after every pending write; a connection must be closed on its own thread.
    auto closed = runOnWriter([this] {
        m_writer.reset();
        return true;
    });
    closed->take();
    m_writerPool.waitForDone();
}

DocumentWriter &ProjectStore::writer()
{
    if (!m_writer)
        throw StoreError(m_path, QCoreApplication::translate("gw::ProjectStore", "the project is not open"));
    return *m_writer;
}

void ProjectStore::checkNotOnWriterThread() const
{
    if (QThread::currentThread() == m_writerThread)
        throw StoreError(m_path,
                         QCoreApplication::translate("gw::ProjectStore",
                                                     "a blocking write was called on the writer thread "
                                                     "(from a DocumentWriteStep?); it would wait for itself"));
}

QCoro::Task<WriteOutcome> ProjectStore::writeDocument(DocumentRecord record)
{
    return awaitCall(queueDocument(std::move(record)));
}

WriteOutcome ProjectStore::writeDocumentBlocking(DocumentRecord record)
{
    checkNotOnWriterThread();
    return queueDocument(std::move(record))->take();
}

QCoro::Task<WriteOutcome> ProjectStore::recordFailure(FailureRecord failure)
{
    return awaitCall(runOnWriter([this, failure = std::move(failure)] { return writer().recordFailure(failure); }));
}

WriteOutcome ProjectStore::recordFailureBlocking(FailureRecord failure)
{
    checkNotOnWriterThread();
    return runOnWriter([this, failure = std::move(failure)] { return writer().recordFailure(failure); })->take();
}

QCoro::Task<bool> ProjectStore::beginBulkLoad()
{
    // The depth lives on the writer thread, so begin and end pair up in queue order.
    return awaitCall(runOnWriter([this] {
        if (m_bulkLoads++ == 0)
            writer().beginBulkLoad();
        return true;
    }));
}

QCoro::Task<bool> ProjectStore::endBulkLoad()
{
    return awaitCall(runOnWriter([this] {
        if (m_bulkLoads > 0 && --m_bulkLoads == 0)
            writer().endBulkLoad();
        return true;
    }));
}

QCoro::Task<bool> ProjectStore::saveCopy(QString target)
{
    // Not a coroutine itself, like the other writes: g++ 12 mishandles a by-value parameter of a
    // coroutine that is moved into a lambda (the string was released twice).
    return awaitCall(runOnWriter([this, target = std::move(target)] {
        if (QFileInfo::exists(target))
            throw StoreError(
                m_path,
                QCoreApplication::translate("gw::ProjectStore", "cannot save a copy as \"%1\": the file exists")
                    .arg(target));
        writer().saveCopy(target);
        return true;
    }));
}

QCoro::Task<Compaction> ProjectStore::compact()
{
    return awaitCall(runOnWriter([this] {
        Compaction compaction;
        compaction.bytesBefore = fileBytes();
        writer().compact();
        compaction.bytesAfter = fileBytes();
        return compaction;
    }));
}

QCoro::Task<ProjectMergeCounts> ProjectStore::mergeFrom(QString sourcePath)
{
    // Not a coroutine itself (see saveCopy).
    return awaitCall(
        runOnWriter([this, sourcePath = std::move(sourcePath)] { return writer().mergeFrom(sourcePath); }));
}

ProjectMergeCounts ProjectStore::mergeFromBlocking(const QString &sourcePath)
{
    checkNotOnWriterThread();
    return runOnWriter([this, sourcePath] { return writer().mergeFrom(sourcePath); })->take();
}

qint64 ProjectStore::fileBytes() const
{
    return QFileInfo(m_path).size() + QFileInfo(m_path + QStringLiteral("-wal")).size();
}

QCoro::Task<bool> ProjectStore::removeDocument(QString path)
{
    return awaitCall(runOnWriter([this, path = std::move(path)] { return writer().remove(path); }));
}

bool ProjectStore::removeDocumentBlocking(const QString &path)
{
    checkNotOnWriterThread();
    return runOnWriter([this, path] { return writer().remove(path); })->take();
}

void ProjectStore::addDocumentWriteStep(DocumentWriteStep step)
{
    // Fire and forget: queued before any write submitted after this call.
    runOnWriter([this, step = std::move(step)]() mutable {
        writer().addStep(std::move(step));
        return true;
    });
}

QCoro::Task<bool> ProjectStore::writeTransaction(ConnectionWork work)
{
    return awaitCall(runOnWriter([this, work = std::move(work)] {
        writer().transaction(work);
        return true;
    }));
}

void ProjectStore::writeTransactionBlocking(ConnectionWork work)
{
    checkNotOnWriterThread();
    runOnWriter([this, work = std::move(work)] {
        writer().transaction(work);
        return true;
    })->take();
}

void ProjectStore::refreshFileStampBlocking(const QString &path, const QString &contentHash, const QString &stamp)
{
    writeTransactionBlocking([&](ProjectConnection &connection) {
        QSqlQuery &query = connection.prepareCached(
            QStringLiteral("UPDATE documents SET file_stamp = ? WHERE path = ? AND content_hash = ? AND state = '%1'")
                .arg(storedStateName(StoredState::Done)));
        query.bindValue(0, stamp);
        query.bindValue(1, path);
        query.bindValue(2, contentHash);
        connection.exec(query,
                        QCoreApplication::translate("gw::ProjectStore", "cannot update document \"%1\"").arg(path));
    });
}

template<typename F>
auto ProjectStore::read(F &&body)
{
    auto lease = m_readers->acquireBlocking();
    try {
        return body(*lease);
    } catch (...) {
        lease.discard(); // e.g. a transaction left open: do not hand this connection out again
        throw;
    }
}

void ProjectStore::readSnapshot(const ConnectionWork &work)
{
    read([&work](ProjectConnection &connection) {
        ProjectConnection::Transaction snapshot(connection, ProjectConnection::Transaction::Kind::Deferred);
        work(connection);
        snapshot.commit();
        return true;
    });
}

bool ProjectStore::isUnchanged(const QString &path, const QString &contentHash, const QString &extractor)
{
    return read([&](ProjectConnection &connection) {
        // Asked once per document of every run: prepared once per reader connection.
        static const QString sql =
            QStringLiteral("SELECT 1 FROM documents WHERE path = ? AND content_hash = ? AND state = '%1' "
                           "AND error IS NULL AND extractor = ?")
                .arg(storedStateName(StoredState::Done));
        QSqlQuery &query = connection.prepareCached(sql);
        query.bindValue(0, path);
        query.bindValue(1, contentHash);
        query.bindValue(2, extractor.isNull() ? QStringLiteral("") : extractor); // stored NOT NULL
        connection.exec(query,
                        QCoreApplication::translate("gw::ProjectStore", "cannot look up document \"%1\"").arg(path));
        const bool found = query.next();
        query.finish();
        return found;
    });
}

DocumentFingerprints ProjectStore::storedFingerprints()
{
    return read([](ProjectConnection &connection) {
        QSqlQuery query = connection.prepare(
            QStringLiteral("SELECT path, size_bytes, content_hash, format, file_stamp, extractor, error IS NOT NULL "
                           "FROM documents WHERE state = '%1'")
                .arg(storedStateName(StoredState::Done)));
        connection.exec(query, QCoreApplication::translate("gw::ProjectStore", "cannot list the documents"));
        DocumentFingerprints out;
        while (query.next())
            out.insert(query.value(0).toString(),
                       DocumentFingerprint{query.value(1).toLongLong(), query.value(2).toString(),
                                           query.value(3).toString(), query.value(4).toString(),
                                           query.value(5).toString(), query.value(6).toBool()});
        return out;
    });
}

ProjectStatus ProjectStore::status()
{
    ProjectStatus status = read([this](ProjectConnection &connection) {
        ProjectStatus out;
        // One snapshot: the counts agree with each other even while the writer commits.
        ProjectConnection::Transaction snapshot(connection, ProjectConnection::Transaction::Kind::Deferred);
        QSqlQuery query = connection.prepare(
            QStringLiteral("SELECT coalesce(sum(state = '%1'), 0), coalesce(sum(state = '%2'), 0), "
                           "coalesce(sum(CASE WHEN state = '%1' THEN words END), 0), "
                           "coalesce(sum(CASE WHEN state = '%1' THEN size_bytes END), 0), "
                           "(SELECT count(*) FROM chunks), (SELECT count(*) FROM entities), "
                           "(SELECT count(*) FROM mentions), "
                           "(SELECT count(*) FROM (SELECT DISTINCT type, subject_id, object_id FROM relations)) "
                           "FROM documents")
                .arg(storedStateName(StoredState::Done), storedStateName(StoredState::Failed)));
        connection.exec(query, QCoreApplication::translate("gw::ProjectStore", "cannot read the project's status"));
        if (query.next()) {
            out.documentsDone = query.value(0).toLongLong();
            out.documentsFailed = query.value(1).toLongLong();
            out.words = query.value(2).toLongLong();
            out.bytes = query.value(3).toLongLong();
            out.chunks = query.value(4).toLongLong();
            out.entities = query.value(5).toLongLong();
            out.mentions = query.value(6).toLongLong();
            out.relations = query.value(7).toLongLong();
        }
        query.finish();
        snapshot.commit();
        out.schemaVersion = m_schemaVersion;
        out.path = m_path;
        return out;
    });
    status.fileBytes = fileBytes();
    m_readers->shrinkIdle(); // status() is polled: a good moment to close connections of idle threads
    return status;
}

QList<StoredDocument> ProjectStore::documents()
{
    return read([](ProjectConnection &connection) {
        QSqlQuery query = connection.prepare(
            QStringLiteral("SELECT id, path, content_hash, format, state, error, size_bytes, words, chars, "
                           "chunk_count, ingested_at, metadata_json, extractor FROM documents ORDER BY path"));
        connection.exec(query, QCoreApplication::translate("gw::ProjectStore", "cannot list the documents"));
        QList<StoredDocument> out;
        while (query.next()) {
            StoredDocument document;
            document.id = query.value(0).toLongLong();
            document.path = query.value(1).toString();
            document.contentHash = query.value(2).toString();
            document.format = query.value(3).toString();
            document.state = storedStateFromName(query.value(4).toString()).value_or(StoredState::Failed);
            document.error = query.value(5).toString();
            document.sizeBytes = query.value(6).toLongLong();
            document.words = query.value(7).toLongLong();
            document.chars = query.value(8).toLongLong();
            document.chunkCount = query.value(9).toLongLong();
            document.ingestedAt = parseUtc(query.value(10).toString());
            document.metadata = MetadataCodec::fromJson(query.value(11).toString().toUtf8());
            document.extractor = query.value(12).toString();
            out.append(document);
        }
        return out;
    });
}

QList<ChunkRecord> ProjectStore::chunks(qint64 documentId)
{
    return read([documentId](ProjectConnection &connection) {
        // Chunks are stored as offsets only: their text is the document's text between them, so it
        // is never stored twice (half the writes, half the file).
        const QString what =
            QCoreApplication::translate("gw::ProjectStore", "cannot read the chunks of document %1").arg(documentId);
        ProjectConnection::Transaction snapshot(connection, ProjectConnection::Transaction::Kind::Deferred);
        QSqlQuery textQuery =
            connection.prepare(QStringLiteral("SELECT text FROM document_texts WHERE document_id = ?"));
        textQuery.addBindValue(documentId);
        connection.exec(textQuery, what);
        const QString text = textQuery.next() ? textQuery.value(0).toString() : QString();
        QSqlQuery query = connection.prepare(
            QStringLiteral("SELECT start_offset, end_offset FROM chunks WHERE document_id = ? ORDER BY ordinal"));
        query.addBindValue(documentId);
        connection.exec(query, what);
        QList<ChunkRecord> out;
        while (query.next()) {
            const qint64 start = query.value(0).toLongLong();
            const qint64 end = query.value(1).toLongLong();
            out.append({start, end, text.mid(start, end - start)});
        }
        snapshot.commit();
        return out;
    });
}

QString ProjectStore::documentText(qint64 documentId)
{
    return read([documentId](ProjectConnection &connection) {
        QSqlQuery query = connection.prepare(QStringLiteral("SELECT text FROM document_texts WHERE document_id = ?"));
        query.addBindValue(documentId);
        connection.exec(
            query,
            QCoreApplication::translate("gw::ProjectStore", "cannot read the text of document %1").arg(documentId));
        return query.next() ? query.value(0).toString() : QString();
    });
}

QList<StoredEntity> ProjectStore::entities()
{
    return read([](ProjectConnection &connection) {
        QSqlQuery query =
            connection.prepare(QStringLiteral("SELECT e.id, e.type, e.name, count(m.id) AS mention_count, "
                                              "count(DISTINCT m.document_id), max(m.confidence) FROM entities e "
                                              "LEFT JOIN mentions m ON m.entity_id = e.id "
                                              "GROUP BY e.id ORDER BY mention_count DESC, e.name, e.id"));
        connection.exec(query, QCoreApplication::translate("gw::ProjectStore", "cannot list the entities"));
        QList<StoredEntity> out;
        while (query.next())
            out.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                        query.value(3).toLongLong(), query.value(4).toLongLong(), query.value(5).toDouble()});
        return out;
    });
}

QList<StoredRelation> ProjectStore::relations()
{
    return read([](ProjectConnection &connection) {
        // One row per (type, subject, object): its weight, and its first evidence by path and
        // position (a window over the evidence rows).
        QSqlQuery query = connection.prepare(QStringLiteral(R"(
            SELECT r.type, r.subject_id, r.object_id, s.name, o.name, r.evidence_count, r.path,
                   r.sentence_start, r.sentence_end, r.chunk_ordinal, r.trigger, r.total_weight
            FROM (SELECT relations.*, documents.path,
                         count(*) OVER together AS evidence_count,
                         sum(relations.weight) OVER together AS total_weight,
                         row_number() OVER (together ORDER BY documents.path,
                                            relations.sentence_start, relations.id) AS evidence_rank
                  FROM relations JOIN documents ON documents.id = relations.document_id
                  WINDOW together AS (PARTITION BY relations.type, relations.subject_id,
                                                   relations.object_id)) r
            JOIN entities s ON s.id = r.subject_id
            JOIN entities o ON o.id = r.object_id
            WHERE r.evidence_rank = 1
            ORDER BY r.evidence_count DESC, r.type, s.name, o.name, r.subject_id, r.object_id)"));
        connection.exec(query, QCoreApplication::translate("gw::ProjectStore", "cannot list the relations"));
        QList<StoredRelation> out;
        while (query.next()) {
            StoredRelation relation;
            relation.type = query.value(0).toString();
            relation.subjectId = query.value(1).toString();
            relation.objectId = query.value(2).toString();
            relation.subjectName = query.value(3).toString();
            relation.objectName = query.value(4).toString();
            relation.weight = query.value(5).toLongLong();
            relation.evidence.documentPath = query.value(6).toString();
            relation.evidence.sentenceStart = query.value(7).toLongLong();
            relation.evidence.sentenceEnd = query.value(8).toLongLong();
            relation.evidence.chunk = query.value(9).toLongLong();
            relation.evidence.trigger = query.value(10).toString();
            relation.totalWeight = query.value(11).toDouble();
            out.append(relation);
        }
        return out;
    });
}

} // namespace gw
