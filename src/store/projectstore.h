#pragma once

// A Graphwright project file (.gwp): one SQLite database in WAL mode holding the ingested
// documents, their full texts and chunks, the entities, mentions and relations extracted from
// them, and what the graph keeps (layout positions, entity vectors, the remote extractor's answer
// cache: see entitypositiontable.h, entityvectortable.h, extractioncachetable.h, and
// entityevidencereader.h for an entity's provenance). Every SQL statement lives in this layer.
//
// Writes. There is exactly ONE writer: every write runs on the store's own writer thread (a
// private QThreadPool of one thread that never expires), which owns the read-write connection
// (DocumentWriter).
// Writes are queued in call order. Each document goes in one transaction (document row, full
// text, all chunks, and any extra DocumentWriteStep rows): after a cancel, an error or a kill -9
// the project holds all of a document or nothing of it.
//   - writeDocument also writes the document's entities (merged by id: the longest name wins),
//     mentions and relations. Replacing or removing a document removes exactly its mentions and
//     relations, and the entities no document refers to any more.
//   - writeDocument: a path already stored 'done' with the same content hash -> Unchanged,
//     nothing written. A different hash, or an earlier failure of that path -> the old version
//     goes and the new one is written, in that same transaction (Replaced): the rows of the old
//     version that the new one has too (same mention, same relation evidence) stay and move to
//     the new version, the others are deleted. A new path -> Inserted. Replacing gives the
//     document a new id.
//   - recordFailure: a new path -> a 'failed' row (Inserted); an earlier 'failed' row is replaced
//     by the newer failure (Replaced). When a 'done' version exists its good data is KEPT and
//     only its `error` column is set to the new failure (Unchanged): the project keeps answering
//     with the last good version while the user sees that the latest attempt failed. The next
//     successful write of that path clears the error; isUnchanged() says false meanwhile, so the
//     pipeline retries the document instead of skipping it.
// Callers on the GUI thread use the coroutines (they never block); worker threads use the
// *Blocking twins. Never call a blocking write from a DocumentWriteStep (that is the writer
// thread: it would wait for itself).
//
// Reads. Reader functions may be called from any thread; each runs on a read-only connection
// owned by the calling thread (a thread-affine ResourcePool), and thanks to WAL never waits for
// the writer nor makes it wait. They block: the GUI reaches them through pipeline jobs that run
// them off its thread (runOffThread, ProjectGraph), never directly.
//
// Closing. The destructor waits for queued writes, closes the writer's connection on the writer
// thread and every idle reader connection. No reader call may still be running.

#include "compaction.h"
#include "documentrecord.h"
#include "documentwriter.h"

#include <QCoroTask>
#include <QHash>
#include <QList>
#include <QString>
#include <QThread>
#include <QThreadPool>

#include <functional>

#include <memory>

namespace gw {

class ProjectConnection;
template<typename T>
class ResourcePool;
template<typename R>
struct WriterCall;
struct WriterQueue;

class ProjectStore
{
public:
    // Opens the project at `path`, creating an empty one when the file does not exist, and brings
    // its schema up to date. Throws StoreError when its folder does not exist, when the file is
    // not a Graphwright project (naming the file), or was made by a newer Graphwright. Blocks
    // (file I/O and migrations): call it off the GUI thread.
    static std::unique_ptr<ProjectStore> open(const QString &path);
    ~ProjectStore();
    ProjectStore(const ProjectStore &) = delete;
    ProjectStore &operator=(const ProjectStore &) = delete;

    QString path() const { return m_path; }
    int schemaVersion() const { return m_schemaVersion; }

    // --- Writes (queued on the writer thread, in call order; throw StoreError) ---
    QCoro::Task<WriteOutcome> writeDocument(DocumentRecord record);
    WriteOutcome writeDocumentBlocking(DocumentRecord record);
    QCoro::Task<WriteOutcome> recordFailure(FailureRecord failure);
    WriteOutcome recordFailureBlocking(FailureRecord failure);
    // Removes exactly that document's rows (text, chunks, mentions and relations cascade; entities
    // nothing refers to any more go too). False when it was not there.
    QCoro::Task<bool> removeDocument(QString path);
    bool removeDocumentBlocking(const QString &path);

    // Remembers `stamp` (FileStamp) for the stored version of `path` when it still has this
    // content: a file touched but not changed is then known by its new stamp next time.
    void refreshFileStampBlocking(const QString &path, const QString &contentHash, const QString &stamp);

    // Adds a step run inside every later document transaction (see DocumentWriteStep): how the
    // entity and relation layers store their rows atomically with the document. Queued like a
    // write, so it applies to every document written after this call.
    void addDocumentWriteStep(DocumentWriteStep step);

    // Writes a consistent, compact copy of the project to `target` ("Save As"). The target must
    // not exist yet. Throws StoreError. Completes with true.
    QCoro::Task<bool> saveCopy(QString target);

    // Gives back the space replaced and removed documents left free: the file (and its WAL) is
    // rewritten without free pages. Queued like a write; reads go on meanwhile. Throws StoreError
    // (a full disk: VACUUM needs room for a second copy).
    QCoro::Task<Compaction> compact();

    // Merges the project file `sourcePath` into this one (see ProjectMerger for what "exactly"
    // means), in one transaction queued like a write; the source is only read. Throws StoreError
    // naming the source or this project; this project is then unchanged.
    QCoro::Task<ProjectMergeCounts> mergeFrom(QString sourcePath);
    ProjectMergeCounts mergeFromBlocking(const QString &sourcePath);

    // Runs `work` on the writer thread inside one IMMEDIATE transaction on the writer's
    // connection: committed when it returns, rolled back when it throws (the exception reaches
    // the caller). How other layers (graph import, vectors, layout, extraction cache) write their
    // own tables atomically. Completes with true.
    using ConnectionWork = std::function<void(ProjectConnection &)>;
    QCoro::Task<bool> writeTransaction(ConnectionWork work);
    void writeTransactionBlocking(ConnectionWork work);

    // Brackets a large batch of documents: from beginBulkLoad() until endBulkLoad() (both queued
    // like writes, in call order) the lookups of mentions and relations by entity are not
    // indexed, which makes the writer about twice as fast on a large first ingest; endBulkLoad()
    // builds them again, sorted. Reads stay correct meanwhile, lookups by entity get slower.
    // Nested calls count: the indexes come back when the last bracket ends.
    QCoro::Task<bool> beginBulkLoad();
    QCoro::Task<bool> endBulkLoad();

    // --- Reads (any thread; blocking; throw StoreError) ---
    // Runs `work` on a read-only connection of the calling thread, inside one read transaction
    // (a consistent snapshot even while the writer commits).
    void readSnapshot(const ConnectionWork &work);

    // True when `path` is stored 'done' with this content hash, read by this extractor (see
    // DocumentRecord::extractor) and no later failure: the pipeline can skip parsing it.
    bool isUnchanged(const QString &path, const QString &contentHash, const QString &extractor);
    ProjectStatus status();
    // Every stored ('done') document's fingerprint, by path; cheap (one read of the documents
    // table). An ingest asks for it once instead of calling isUnchanged() per document: each
    // worker thread would otherwise open a read connection of its own.
    DocumentFingerprints storedFingerprints();
    QList<StoredDocument> documents();            // ordered by path
    QList<ChunkRecord> chunks(qint64 documentId); // ordered by position
    QString documentText(qint64 documentId);      // empty when there is no such document
    // Every entity with its mention and document counts; most mentioned first, then by name.
    QList<StoredEntity> entities();
    // Relations merged over documents, one per (type, subject, object), with their weight (number
    // of evidence sentences) and first evidence; heaviest first, then by type and names.
    QList<StoredRelation> relations();

private:
    explicit ProjectStore(const QString &path);
    DocumentWriter &writer(); // on the writer thread only
    qint64 fileBytes() const; // the project file and its WAL
    // Queues a job (or a document, batched with its neighbours) behind every earlier write.
    template<typename F, typename R = std::invoke_result_t<F &>>
    std::shared_ptr<WriterCall<R>> runOnWriter(F work);
    std::shared_ptr<WriterCall<WriteOutcome>> queueDocument(DocumentRecord record);
    void drainQueue(); // on the writer thread only
    void checkNotOnWriterThread() const;
    template<typename F>
    auto read(F &&body);

    const QString m_path;
    int m_schemaVersion = 0;
    int m_bulkLoads = 0; // open beginBulkLoad() brackets; writer thread only
    std::unique_ptr<WriterQueue> m_queue;
    QThreadPool m_writerPool;
    QThread *m_writerThread = nullptr;        // set once in open(), before anybody else can see it
    std::unique_ptr<DocumentWriter> m_writer; // touched on the writer thread only
    std::unique_ptr<ResourcePool<ProjectConnection>> m_readers;
};

} // namespace gw
