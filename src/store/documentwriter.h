#pragma once

#include "documentrecord.h"
#include "projectconnection.h"
#include "projectmerger.h"
#include "sqlitestatement.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlQuery>
#include <QStringList>

#include <exception>

#include <functional>
#include <memory>
#include <optional>

namespace gw {

struct RetainedRows;

// What an extra per-document write step gets: the writer's connection inside the document's open
// transaction, the record, and the rows just written for it.
struct DocumentWriteContext
{
    ProjectConnection &connection;
    const DocumentRecord &record;
    qint64 documentId = 0;
    QList<qint64> chunkIds; // chunkIds[i] is the chunks.id of record.chunks[i]
};

// Runs inside the document's transaction after its document, text and chunk rows are written.
// Throwing aborts the whole document (nothing of it is stored). Rows in tables that reference
// documents(id) or chunks(id) with ON DELETE CASCADE go away with the document when it is
// replaced or removed, so steps only ever insert.
using DocumentWriteStep = std::function<void(DocumentWriteContext &)>;

// The store's single writer: owns the read-write connection and does every write, one document
// per transaction. Lives entirely on ProjectStore's writer thread (create, use and destroy it
// there). Opening it creates the file when missing and migrates the schema.
class DocumentWriter
{
public:
    explicit DocumentWriter(const QString &projectPath);
    ~DocumentWriter();
    DocumentWriter(const DocumentWriter &) = delete;
    DocumentWriter &operator=(const DocumentWriter &) = delete;

    int schemaVersion() const { return m_schemaVersion; }

    // Later layers (entities, relations) add their rows to the same transaction through this.
    void addStep(DocumentWriteStep step) { m_steps.append(std::move(step)); }

    WriteOutcome write(const DocumentRecord &record);

    // Writes several documents in ONE transaction (group commit), each inside its own savepoint:
    // a document that fails leaves nothing of itself and does not disturb the others. Every
    // document's rows are complete or absent, as with write(); what a batch saves is the
    // rewriting of the same index pages once per document (entity-keyed indexes are touched at
    // random). results[i] is records[i]'s outcome or its error.
    struct BatchResult
    {
        std::optional<WriteOutcome> outcome;
        std::exception_ptr error;
    };
    QList<BatchResult> writeBatch(const QList<const DocumentRecord *> &records);
    WriteOutcome recordFailure(const FailureRecord &failure);
    bool remove(const QString &path);
    // Runs `work` in one IMMEDIATE transaction on the writer's connection (ProjectStore::writeTransaction).
    void transaction(const std::function<void(ProjectConnection &)> &work);

    // A bulk load: drops the entity lookup indexes (ProjectSchema::dropEntityLookupIndexes) until
    // endBulkLoad() builds them again. Everything stays correct meanwhile; only lookups by entity
    // are slower. A writer opened on a file left in a bulk load (a crash) builds them at once.
    // Entities a replaced document no longer refers to go at the end (see m_bulkLoad).
    void beginBulkLoad();
    void endBulkLoad();

    // Writes a consistent copy of the whole project to `target` (SQLite's VACUUM INTO).
    void saveCopy(const QString &target);
    // Rebuilds the project file without its free pages (SQLite's VACUUM) and empties the WAL.
    void compact();
    // Merges another project file into this one (ProjectMerger), in one transaction.
    ProjectMergeCounts mergeFrom(const QString &sourcePath);

private:
    struct ExistingRow
    {
        qint64 id = 0;
        QString contentHash;
        QString extractor;
        bool done = false;
        bool hasError = false;
    };

    std::optional<ExistingRow> find(const QString &path);
    void deleteDocument(qint64 id);
    // The entity ids a stored document's mentions and relations refer to.
    QSet<QString> referencedEntities(qint64 documentId);
    // Deletes those of `ids` that no mention or relation refers to any more.
    void releaseEntities(const QSet<QString> &ids);
    // Counts the document among the entity's references, with its name if that wins (the upsert
    // of m_upsertEntity, through m_entityRows when it knows the row).
    void countEntity(const QByteArray &id, const EntityRecord &row, const QString &what);
    void forgetEntityRows() { m_entityRows.clear(); }
    // At the start of each write transaction: forgets the entity rows when another connection
    // has committed since the last look (PRAGMA data_version ignores this connection's commits).
    void checkDataVersion();
    // Upserts the record's entities (counting this document), except those in `formerEntities`
    // (what the replaced version referred to), which keep their count and are taken out of it.
    // `retained`: the rows of a replaced version that stay (not inserted again).
    void insertExtraction(const DocumentRecord &record, qint64 documentId, const QString &what,
                          QSet<QString> &formerEntities, const RetainedRows *retained = nullptr);
    // Replaces the stored document `oldId` by `record` without deleting it: its row takes a new
    // id and the record's columns, text and chunks go (writeRows writes them again), the stale
    // mentions and relations go, and the retained ones are moved to the new id. Returns it.
    qint64 moveDocument(const DocumentRecord &record, qint64 oldId, const RetainedRows &retained);
    enum class ForeignKeys { Checked, Unchecked };
    struct UncheckedForeignKeys; // foreign keys off while it lives (outside any transaction)
    // Thrown by writeRows() when a path it was told is new has a row (foreign keys unchecked).
    struct PathAppeared
    {};
    // writeBatch() once validated: every valid record in one transaction, each in a savepoint.
    QList<BatchResult> writeBatchRows(const QList<const DocumentRecord *> &records, QList<BatchResult> results,
                                      ForeignKeys foreignKeys);
    // Foreign keys on again if a batch could not restore them (before anything that may delete).
    void checkForeignKeys();
    // The rows of one validated document, inside an open transaction.
    WriteOutcome writeRows(const DocumentRecord &record);
    qint64 insertDocumentRow(const DocumentRecord &record);
    qint64 insertFailureRow(const FailureRecord &failure);
    void setError(qint64 id, const QVariant &error);
    // Path given; chunks, mentions and relations inside the text; every entity id known.
    void validate(const DocumentRecord &record) const;

    ProjectConnection m_connection; // declared first: destroyed after the queries prepared on it
    int m_schemaVersion = 0;
    QSqlQuery m_find;
    QSqlQuery m_delete;
    QSqlQuery m_deleteByPath;
    QSqlQuery m_insertDocument;
    QSqlQuery m_setStoreMs;
    QSqlQuery m_setError;
    std::unique_ptr<SqliteStatement> m_insertText; // the hot rows: see sqlitestatement.h
    std::unique_ptr<SqliteStatement> m_insertChunk;
    std::unique_ptr<SqliteStatement> m_upsertEntity;
    std::unique_ptr<SqliteStatement> m_insertMention;
    std::unique_ptr<SqliteStatement> m_insertMentions; // rowsPerInsert rows at once
    std::unique_ptr<SqliteStatement> m_insertRelation;
    std::unique_ptr<SqliteStatement> m_insertRelations;
    std::unique_ptr<SqliteStatement> m_renameEntity;
    std::unique_ptr<SqliteStatement> m_countEntity;       // by rowid: see m_entityRows
    std::unique_ptr<SqliteStatement> m_countRenameEntity; // the same, with a name that wins
    std::unique_ptr<SqliteStatement> m_dataVersion;
    // The entities this writer inserted, by id (UTF-8): their rowid and their name as stored. The
    // same entity counted again by a later document is an UPDATE by rowid (1.9 µs in an ingest)
    // instead of the upsert, which finds the row by its 32-character key and compares the names
    // in SQL (3.8 µs). Valid only while nobody else changes the entities: cleared when another
    // connection has committed (data_version), after any rollback, and by every other kind of
    // write on this connection (forgetEntityRows).
    struct EntityRow
    {
        qint64 rowid = 0;
        QByteArray name; // UTF-8, as SQLite stores and compares it
    };
    QHash<QByteArray, EntityRow> m_entityRows;
    qint64 m_seenDataVersion = -1;
    QSqlQuery m_referencedEntities;
    QSqlQuery m_releaseEntity;
    QSqlQuery m_deleteOrphanEntity;
    QList<DocumentWriteStep> m_steps;
    // Between beginBulkLoad() and endBulkLoad(): an entity no document refers to any more stays
    // until endBulkLoad() deletes them all at once. Deleting one checks its foreign keys by
    // looking for mentions and relations of it, a scan of both tables without the lookup indexes.
    bool m_bulkLoad = false;
    bool m_replaceInPlace = true;      // see moveDocument(); false when other tables refer to documents
    bool m_foreignKeysOff = false;     // inside writeBatchRows(ForeignKeys::Unchecked)
    bool m_foreignKeysPending = false; // turning them on again failed: checkForeignKeys() retries
};

} // namespace gw
