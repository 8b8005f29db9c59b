#include "documentwriter.h"

#include "metadatacodec.h"
#include "projectschema.h"
#include "retainedrows.h"
#include "storeerror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>

namespace gw {

namespace {

using Transaction = ProjectConnection::Transaction;

const QString stateDone = storedStateName(StoredState::Done);
const QString stateFailed = storedStateName(StoredState::Failed);

// Rows of mentions and relations one INSERT writes (see the constructor).
constexpr int rowsPerInsert = 16;

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL, and "" is what is meant.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// SQLite's length() of UTF-8 text: the characters before the first NUL.
qsizetype sqlLength(const QByteArray &utf8)
{
    qsizetype characters = 0;
    for (const char c : utf8) {
        if (c == 0)
            break;
        characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }
    return characters;
}

// The upsert's choice of a name, in C++: the longer wins; of two as long, the later in SQLite's
// order (the bytes of the UTF-8, as QByteArray compares them).
bool nameWins(const QByteArray &name, const QByteArray &stored)
{
    const qsizetype length = sqlLength(name), storedLength = sqlLength(stored);
    return length > storedLength || (length == storedLength && name > stored);
}

} // namespace

DocumentWriter::DocumentWriter(const QString &projectPath)
    : m_connection(projectPath, ProjectConnection::Access::ReadWrite)
{
    m_schemaVersion = ProjectSchema::migrate(m_connection);
    try {
        endBulkLoad(); // a no-op unless a bulk load was cut short
    } catch (const StoreError &error) {
        // A full disk can leave the indexes unbuilt: the project still opens (reads and writes
        // stay correct, lookups by entity slower), and the next opening tries again.
        qWarning("graphwright: the entity indexes could not be rebuilt yet: %s", error.what());
    }
    m_find = m_connection.prepare(
        QStringLiteral("SELECT id, content_hash, state, error IS NOT NULL, extractor FROM documents WHERE path = ?"));
    m_delete = m_connection.prepare(QStringLiteral("DELETE FROM documents WHERE id = ?"));
    m_deleteByPath = m_connection.prepare(QStringLiteral("DELETE FROM documents WHERE path = ?"));
    m_insertDocument = m_connection.prepare(QStringLiteral(
        "INSERT INTO documents (path, content_hash, format, size_bytes, metadata_json, state, "
        "error, words, chars, chunk_count, read_ms, parse_ms, chunk_ms, store_ms, ingested_at, extractor, file_stamp) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)"));
    m_insertText =
        std::make_unique<SqliteStatement>(m_connection, "INSERT INTO document_texts (document_id, text) VALUES (?, ?)");
    m_insertChunk = std::make_unique<SqliteStatement>(
        m_connection, "INSERT INTO chunks (document_id, ordinal, start_offset, end_offset) VALUES (?, ?, ?, ?)");
    m_setStoreMs = m_connection.prepare(QStringLiteral("UPDATE documents SET store_ms = ? WHERE id = ?"));
    m_setError = m_connection.prepare(QStringLiteral("UPDATE documents SET error = ? WHERE id = ?"));
    // Counts the document among the entity's references. The longest canonical name wins,
    // whatever the order documents arrive in (of two as long, the later in code point order, so
    // "Fortran" over "FORTRAN": the same name whatever the order, in an ingest or a merge).
    m_upsertEntity = std::make_unique<SqliteStatement>(
        m_connection,
        "INSERT INTO entities (id, type, name, key, documents) VALUES (?, ?, ?, ?, 1) "
        "ON CONFLICT(id) DO UPDATE SET documents = entities.documents + 1, "
        "name = CASE WHEN length(excluded.name) > length(entities.name) OR (length(excluded.name) = "
        "length(entities.name) AND excluded.name > entities.name) THEN excluded.name ELSE entities.name END");
    // The same for a row known by its rowid, whose name the writer knows (countEntity).
    m_countEntity = std::make_unique<SqliteStatement>(m_connection,
                                                      "UPDATE entities SET documents = documents + 1 WHERE rowid = ?");
    m_countRenameEntity = std::make_unique<SqliteStatement>(
        m_connection, "UPDATE entities SET documents = documents + 1, name = ?2 WHERE rowid = ?1");
    m_dataVersion = std::make_unique<SqliteStatement>(m_connection, "PRAGMA data_version");
    // Mentions and relations go rowsPerInsert rows to a statement (the rest one by one): SQLite's
    // cost per statement run is most of a narrow row's. ?1 is the document; the rows are
    // inserted in their order, so they get the same rowids as one by one.
    const auto rows = [](const char *insert, int columns, int count) {
        QByteArray row = "(?1";
        for (int column = 1; column < columns; ++column)
            row += ", ?";
        row += ')';
        QByteArray sql = insert;
        for (int i = 0; i < count; ++i)
            sql += (i == 0 ? " VALUES " : ", ") + row;
        return sql;
    };
    const char *mentions = "INSERT INTO mentions (document_id, chunk_ordinal, entity_id, start_offset, end_offset, "
                           "confidence)";
    m_insertMention = std::make_unique<SqliteStatement>(m_connection, rows(mentions, 6, 1).constData());
    m_insertMentions = std::make_unique<SqliteStatement>(m_connection, rows(mentions, 6, rowsPerInsert).constData());
    // OR IGNORE: the same relation read twice from one sentence of one document is one row.
    const char *relations = "INSERT OR IGNORE INTO relations (document_id, type, subject_id, object_id, chunk_ordinal, "
                            "sentence_start, sentence_end, trigger, weight)";
    m_insertRelation = std::make_unique<SqliteStatement>(m_connection, rows(relations, 9, 1).constData());
    m_insertRelations = std::make_unique<SqliteStatement>(m_connection, rows(relations, 9, rowsPerInsert).constData());
    m_referencedEntities =
        m_connection.prepare(QStringLiteral("SELECT entity_id FROM mentions WHERE document_id = ? "
                                            "UNION SELECT subject_id FROM relations WHERE document_id = ? "
                                            "UNION SELECT object_id FROM relations WHERE document_id = ?"));
    // An entity the replaced version named as well: only a longer name is written (the row, and
    // its page, stay untouched otherwise).
    m_renameEntity = std::make_unique<SqliteStatement>(
        m_connection, "UPDATE entities SET name = ?2 WHERE id = ?1 AND length(?2) > length(name)");
    m_releaseEntity =
        m_connection.prepare(QStringLiteral("UPDATE entities SET documents = documents - 1 WHERE id = ?"));
    m_deleteOrphanEntity = m_connection.prepare(QStringLiteral("DELETE FROM entities WHERE id = ? AND documents <= 0"));
    // A replaced document is moved to its new id in place (moveDocument) only when the writer
    // knows every table that refers to documents: rows of any other would be left behind.
    QSqlQuery children = m_connection.prepare(
        QStringLiteral("SELECT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' "
                       "AND f.\"table\" = 'documents'"));
    m_connection.exec(children, QCoreApplication::translate("gw::DocumentWriter", "cannot list the tables"));
    const QSet<QString> known = {QStringLiteral("document_texts"), QStringLiteral("chunks"), QStringLiteral("mentions"),
                                 QStringLiteral("relations")};
    while (children.next())
        m_replaceInPlace = m_replaceInPlace && known.contains(children.value(0).toString());
    children.finish();
}

DocumentWriter::~DocumentWriter() = default;

void DocumentWriter::validate(const DocumentRecord &record) const
{
    if (record.path.isEmpty())
        throw StoreError(m_connection.projectPath(),
                         QCoreApplication::translate("gw::DocumentWriter", "cannot write a document without a path"));
    const qint64 length = record.text.size();
    for (qsizetype i = 0; i < record.chunks.size(); ++i) {
        const ChunkRecord &chunk = record.chunks.at(i);
        if (chunk.start < 0 || chunk.end < chunk.start || chunk.end > length)
            throw StoreError(m_connection.projectPath(),
                             QCoreApplication::translate("gw::DocumentWriter",
                                                         "cannot write document \"%1\": chunk %2 spans [%3, %4), "
                                                         "outside its text of %5 characters")
                                 .arg(record.path)
                                 .arg(i)
                                 .arg(chunk.start)
                                 .arg(chunk.end)
                                 .arg(length));
    }

    const auto refuse = [&](const QString &why) {
        throw StoreError(m_connection.projectPath(),
                         QCoreApplication::translate("gw::DocumentWriter", "cannot write document \"%1\": %2")
                             .arg(record.path, why));
    };
    const auto spanOutside = [length](qint64 start, qint64 end) { return start < 0 || end < start || end > length; };
    const qint64 chunkCount = record.chunks.size();
    QSet<QString> known;
    known.reserve(record.entities.size());
    for (const EntityRecord &entity : record.entities) {
        if (entity.id.isEmpty())
            refuse(QCoreApplication::translate("gw::DocumentWriter", "an entity has no id"));
        known.insert(entity.id);
    }
    for (qsizetype i = 0; i < record.mentions.size(); ++i) {
        const MentionRecord &mention = record.mentions.at(i);
        if (spanOutside(mention.start, mention.end))
            refuse(QCoreApplication::translate("gw::DocumentWriter",
                                               "mention %1 spans [%2, %3), outside its text of %4 characters")
                       .arg(i)
                       .arg(mention.start)
                       .arg(mention.end)
                       .arg(length));
        if (mention.chunk < 0 || mention.chunk >= chunkCount)
            refuse(QCoreApplication::translate("gw::DocumentWriter", "mention %1 is in chunk %2 of %3")
                       .arg(i)
                       .arg(mention.chunk)
                       .arg(chunkCount));
        if (!known.contains(mention.entityId))
            refuse(QCoreApplication::translate("gw::DocumentWriter",
                                               "mention %1 refers to entity \"%2\", which is not among its entities")
                       .arg(i)
                       .arg(mention.entityId));
    }
    for (qsizetype i = 0; i < record.relations.size(); ++i) {
        const RelationRecord &relation = record.relations.at(i);
        if (spanOutside(relation.sentenceStart, relation.sentenceEnd))
            refuse(QCoreApplication::translate("gw::DocumentWriter",
                                               "the evidence of relation %1 spans [%2, %3), outside its text of %4 "
                                               "characters")
                       .arg(i)
                       .arg(relation.sentenceStart)
                       .arg(relation.sentenceEnd)
                       .arg(length));
        if (relation.chunk < 0 || relation.chunk >= chunkCount)
            refuse(QCoreApplication::translate("gw::DocumentWriter", "relation %1 is in chunk %2 of %3")
                       .arg(i)
                       .arg(relation.chunk)
                       .arg(chunkCount));
        for (const QString &id : {relation.subjectId, relation.objectId})
            if (!known.contains(id))
                refuse(QCoreApplication::translate("gw::DocumentWriter",
                                                   "relation %1 refers to entity \"%2\", which is not among its "
                                                   "entities")
                           .arg(i)
                           .arg(id));
    }
}

WriteOutcome DocumentWriter::write(const DocumentRecord &record)
{
    const QList<BatchResult> results = writeBatch({&record});
    if (results.first().error)
        std::rethrow_exception(results.first().error);
    return *results.first().outcome;
}

QList<DocumentWriter::BatchResult> DocumentWriter::writeBatch(const QList<const DocumentRecord *> &records)
{
    checkForeignKeys();
    QList<BatchResult> results(records.size());
    bool anyValid = false;
    for (qsizetype i = 0; i < records.size(); ++i) {
        try {
            validate(*records.at(i));
            anyValid = true;
        } catch (...) {
            results[i].error = std::current_exception();
        }
    }
    if (!anyValid)
        return results;

    // SQLite checks the foreign keys of every mention and relation row (a lookup of its entity
    // and document each, a third of their cost). The writer's own rows need no check: validate()
    // ties each to an entity of its record, upserted first, and the document row is the one just
    // inserted. A batch of new paths only, with no extra write steps, is written without them;
    // anything that may delete (a replaced document's rows go by cascade) keeps them on.
    bool newPathsOnly = m_steps.isEmpty();
    for (qsizetype i = 0; i < records.size() && newPathsOnly; ++i)
        newPathsOnly = results.at(i).error || !find(records.at(i)->path);
    if (newPathsOnly) {
        try {
            return writeBatchRows(records, results, ForeignKeys::Unchecked);
        } catch (const PathAppeared &) {
            // Another process stored one of these paths meanwhile: nothing of the batch was kept.
        }
    }
    return writeBatchRows(records, results, ForeignKeys::Checked);
}

// The pragma is a no-op inside a transaction: set before it begins, restored after it ends
// (after the transaction's own rollback, if any: declared first, destroyed last).
struct DocumentWriter::UncheckedForeignKeys
{
    DocumentWriter &writer;
    explicit UncheckedForeignKeys(DocumentWriter &w) : writer(w)
    {
        writer.m_connection.exec(QStringLiteral("PRAGMA foreign_keys = OFF"),
                                 QCoreApplication::translate("gw::DocumentWriter", "cannot set foreign_keys"));
        writer.m_foreignKeysOff = true;
    }
    ~UncheckedForeignKeys()
    {
        writer.m_foreignKeysOff = false;
        writer.m_foreignKeysPending = true;
        try {
            writer.checkForeignKeys();
        } catch (const StoreError &error) { // never from a destructor: the next write tries again
            qWarning("graphwright: %s", error.what());
        }
    }
};

QList<DocumentWriter::BatchResult> DocumentWriter::writeBatchRows(const QList<const DocumentRecord *> &records,
                                                                  QList<BatchResult> results, ForeignKeys foreignKeys)
{
    const QString savepointWhat =
        QCoreApplication::translate("gw::DocumentWriter", "cannot isolate a document in its batch");
    std::optional<UncheckedForeignKeys> unchecked;
    if (foreignKeys == ForeignKeys::Unchecked)
        unchecked.emplace(*this);
    try {
        Transaction transaction(m_connection, Transaction::Kind::Immediate);
        checkDataVersion();
        for (qsizetype i = 0; i < records.size(); ++i) {
            if (results.at(i).error)
                continue;
            m_connection.exec(QStringLiteral("SAVEPOINT document"), savepointWhat);
            try {
                results[i].outcome = writeRows(*records.at(i));
                m_connection.exec(QStringLiteral("RELEASE document"), savepointWhat);
            } catch (const PathAppeared &) {
                forgetEntityRows();
                throw; // the transaction rolls back whole
            } catch (...) {
                forgetEntityRows(); // what the document wrote is undone
                results[i].error = std::current_exception();
                m_connection.exec(QStringLiteral("ROLLBACK TO document"), savepointWhat);
                m_connection.exec(QStringLiteral("RELEASE document"), savepointWhat);
            }
        }
        transaction.commit();
    } catch (const PathAppeared &) {
        throw;
    } catch (...) {
        forgetEntityRows();
        // The batch's transaction itself failed (commit, or a savepoint): nothing of it is stored.
        const std::exception_ptr failure = std::current_exception();
        for (BatchResult &result : results) {
            if (!result.error) {
                result.outcome.reset();
                result.error = failure;
            }
        }
    }
    return results;
}

void DocumentWriter::checkForeignKeys()
{
    if (!m_foreignKeysPending)
        return;
    m_connection.exec(QStringLiteral("PRAGMA foreign_keys = ON"),
                      QCoreApplication::translate("gw::DocumentWriter", "cannot enable foreign keys"));
    m_foreignKeysPending = false;
}

WriteOutcome DocumentWriter::writeRows(const DocumentRecord &record)
{
    QElapsedTimer timer;
    timer.start();
    const QString what =
        QCoreApplication::translate("gw::DocumentWriter", "cannot write document \"%1\"").arg(record.path);

    const std::optional<ExistingRow> existing = find(record.path);
    if (existing && m_foreignKeysOff)
        throw PathAppeared(); // replacing needs the cascades: the batch is written again with them
    if (existing && existing->done && existing->contentHash == record.contentHash
        && existing->extractor == notNull(record.extractor)) {
        // The same content is already in: nothing to write, except forgetting that a previous
        // re-ingest of this path failed (that failure is no longer the latest word on it).
        if (existing->hasError)
            setError(existing->id, QVariant());
        return WriteOutcome::Unchanged;
    }
    QSet<QString> formerEntities;
    std::optional<RetainedRows> retained;
    if (existing) {
        if (m_steps.isEmpty() && m_replaceInPlace) {
            retained = RetainedRows::find(m_connection, existing->id, record, ProjectSchema::coOccurrenceType());
            formerEntities = retained->formerEntities;
        } else {
            formerEntities = referencedEntities(existing->id);
            deleteDocument(existing->id); // its text, chunks, mentions, relations and extension rows cascade
        }
    }

    DocumentWriteContext context{
        m_connection, record, retained ? moveDocument(record, existing->id, *retained) : insertDocumentRow(record), {}};

    // UTF-8, the file's encoding: SQLite would convert a UTF-16 binding itself, more slowly.
    const QByteArray text = record.text.toUtf8();
    m_insertText->bind(1, context.documentId);
    m_insertText->bindStatic(2, text);
    m_insertText->run(what);

    context.chunkIds.reserve(record.chunks.size());
    SqliteStatement &chunkRow = *m_insertChunk;
    chunkRow.bind(1, context.documentId);
    for (qsizetype i = 0; i < record.chunks.size(); ++i) {
        const ChunkRecord &chunk = record.chunks.at(i);
        chunkRow.bind(2, qint64(i));
        chunkRow.bind(3, chunk.start);
        chunkRow.bind(4, chunk.end);
        chunkRow.run(what);
        context.chunkIds.append(chunkRow.lastInsertId());
    }

    // Takes the entities the new version still refers to out of formerEntities; the rest lose
    // this document's reference.
    insertExtraction(record, context.documentId, what, formerEntities, retained ? &*retained : nullptr);
    releaseEntities(formerEntities);

    // Extension point: whatever else belongs to this document.
    for (const DocumentWriteStep &step : std::as_const(m_steps))
        step(context);

    m_setStoreMs.bindValue(0, timer.elapsed());
    m_setStoreMs.bindValue(1, context.documentId);
    m_connection.exec(m_setStoreMs, what);
    return existing ? WriteOutcome::Replaced : WriteOutcome::Inserted;
}

WriteOutcome DocumentWriter::recordFailure(const FailureRecord &failure)
{
    if (failure.path.isEmpty())
        throw StoreError(m_connection.projectPath(),
                         QCoreApplication::translate("gw::DocumentWriter", "cannot record a failure without a path"));
    checkForeignKeys();
    Transaction transaction(m_connection, Transaction::Kind::Immediate);
    const std::optional<ExistingRow> existing = find(failure.path);
    if (existing && existing->done) {
        // Keep the good data of the last successful ingest; remember why the newer attempt failed.
        setError(existing->id, notNull(failure.error));
        transaction.commit();
        return WriteOutcome::Unchanged;
    }
    if (existing)
        deleteDocument(existing->id); // an older failure: the newest one replaces it
    insertFailureRow(failure);
    transaction.commit();
    return existing ? WriteOutcome::Replaced : WriteOutcome::Inserted;
}

bool DocumentWriter::remove(const QString &path)
{
    checkForeignKeys();
    Transaction transaction(m_connection, Transaction::Kind::Immediate);
    const std::optional<ExistingRow> existing = find(path);
    if (!existing)
        return false;
    const QSet<QString> formerEntities = referencedEntities(existing->id);
    m_deleteByPath.bindValue(0, path);
    m_connection.exec(m_deleteByPath,
                      QCoreApplication::translate("gw::DocumentWriter", "cannot remove document \"%1\"").arg(path));
    const bool removed = m_deleteByPath.numRowsAffected() > 0;
    releaseEntities(formerEntities);
    transaction.commit();
    return removed;
}

std::optional<DocumentWriter::ExistingRow> DocumentWriter::find(const QString &path)
{
    m_find.bindValue(0, path);
    m_connection.exec(m_find,
                      QCoreApplication::translate("gw::DocumentWriter", "cannot look up document \"%1\"").arg(path));
    std::optional<ExistingRow> row;
    if (m_find.next())
        row = ExistingRow{m_find.value(0).toLongLong(), m_find.value(1).toString(), m_find.value(4).toString(),
                          m_find.value(2).toString() == stateDone, m_find.value(3).toBool()};
    m_find.finish();
    return row;
}

void DocumentWriter::deleteDocument(qint64 id)
{
    m_delete.bindValue(0, id);
    m_connection.exec(m_delete,
                      QCoreApplication::translate("gw::DocumentWriter", "cannot delete the old version of a document"));
}

QSet<QString> DocumentWriter::referencedEntities(qint64 documentId)
{
    for (int i = 0; i < 3; ++i)
        m_referencedEntities.bindValue(i, documentId);
    m_connection.exec(m_referencedEntities,
                      QCoreApplication::translate("gw::DocumentWriter", "cannot list the entities of a document"));
    QSet<QString> ids;
    while (m_referencedEntities.next())
        ids.insert(m_referencedEntities.value(0).toString());
    m_referencedEntities.finish();
    return ids;
}

void DocumentWriter::releaseEntities(const QSet<QString> &ids)
{
    // `ids` are the distinct entities one document referred to: each loses that reference, and
    // goes when no document refers to it any more.
    const QString what =
        QCoreApplication::translate("gw::DocumentWriter", "cannot delete entities no document refers to");
    for (const QString &id : ids) {
        m_entityRows.remove(id.toUtf8());
        m_releaseEntity.bindValue(0, id);
        m_connection.exec(m_releaseEntity, what);
        if (m_bulkLoad)
            continue; // endBulkLoad() deletes the orphans
        m_deleteOrphanEntity.bindValue(0, id);
        m_connection.exec(m_deleteOrphanEntity, what);
    }
}

void DocumentWriter::countEntity(const QByteArray &id, const EntityRecord &row, const QString &what)
{
    // Names are compared as SQLite stores them: only valid UTF-16 converts the same way here.
    const bool comparable = QStringView(row.name).isValidUtf16();
    const auto known = m_entityRows.find(id);
    if (known != m_entityRows.end() && comparable) {
        QByteArray name = row.name.toUtf8();
        const bool rename = nameWins(name, known->name);
        SqliteStatement &count = rename ? *m_countRenameEntity : *m_countEntity;
        count.bind(1, known->rowid);
        if (rename)
            count.bindStatic(2, name);
        count.run(what);
        if (count.changes() == 1) {
            if (rename)
                known->name = std::move(name);
            return;
        }
    }
    if (known != m_entityRows.end())
        m_entityRows.erase(known); // not there after all, or a name only SQL compares: the upsert
    SqliteStatement &upsert = *m_upsertEntity;
    upsert.bindStatic(1, id);
    upsert.bind(2, row.type);
    upsert.bind(3, row.name);
    upsert.bind(4, row.key);
    // A new row sets the last rowid; the update of a row already there (written before this
    // writer knew it) does not, and stays unknown (RETURNING would tell, but doubles the cost).
    upsert.setLastInsertId(0);
    upsert.run(what);
    const qint64 inserted = upsert.lastInsertId();
    if (inserted != 0 && comparable)
        m_entityRows.insert(id, EntityRow{inserted, row.name.toUtf8()});
}

void DocumentWriter::checkDataVersion()
{
    SqliteStatement &query = *m_dataVersion;
    const QString what = QCoreApplication::translate("gw::DocumentWriter", "cannot read the data version");
    if (!query.next(what))
        return;
    const qint64 version = query.int64At(0);
    query.reset();
    if (version != m_seenDataVersion)
        forgetEntityRows();
    m_seenDataVersion = version;
}

void DocumentWriter::insertExtraction(const DocumentRecord &record, qint64 documentId, const QString &what,
                                      QSet<QString> &formerEntities, const RetainedRows *retained)
{
    // Only the entities a mention or relation refers to, each once: the reference counts must
    // match what referencedEntities() finds when this document goes.
    QSet<QString> referenced;
    referenced.reserve(record.entities.size());
    for (const MentionRecord &row : record.mentions)
        referenced.insert(row.entityId);
    for (const RelationRecord &row : record.relations) {
        referenced.insert(row.subjectId);
        referenced.insert(row.objectId);
    }
    // Ids in UTF-8, converted once per entity: SQLite stores and compares UTF-8, and a UTF-16
    // binding is converted again on every row.
    QHash<QString, QByteArray> utf8;
    utf8.reserve(record.entities.size());
    for (const EntityRecord &row : record.entities) {
        if (!referenced.remove(row.id))
            continue;
        const QByteArray &id = *utf8.insert(row.id, row.id.toUtf8());
        if (formerEntities.remove(row.id)) {
            // The replaced version referred to it too: its count stays as it is. Counting the
            // document again and releasing the old version's reference would rewrite the row
            // twice for nothing, and every entity page a document touches is written to the WAL
            // at its commit (one appended sentence: most of a replaced document's pages).
            // Only a longer name changes it, as the upsert below would.
            SqliteStatement &rename = *m_renameEntity;
            rename.bindStatic(1, id);
            rename.bind(2, row.name);
            rename.run(what);
            m_entityRows.remove(id);
            continue;
        }
        countEntity(id, row, what);
    }
    const auto idOf = [&utf8](const QString &id) -> const QByteArray & {
        auto found = utf8.constFind(id);
        if (found == utf8.cend())
            found = utf8.insert(id, id.toUtf8()); // validate() checked that the entity is listed
        return *found;
    };
    // The rows to insert, in order, rowsPerInsert to a statement while that many remain: the
    // statement's row k binds from parameter 2 + k * (columns - 1) on.
    const auto insertRows = [&what](SqliteStatement &one, SqliteStatement &many, qint64 documentId, int columns,
                                    const QList<qsizetype> &indexes, const auto &bindRow) {
        one.bind(1, documentId);
        many.bind(1, documentId);
        qsizetype next = 0;
        for (; indexes.size() - next >= rowsPerInsert; next += rowsPerInsert) {
            for (int k = 0; k < rowsPerInsert; ++k)
                bindRow(many, 2 + k * (columns - 1), indexes.at(next + k));
            many.run(what);
        }
        for (; next < indexes.size(); ++next) {
            bindRow(one, 2, indexes.at(next));
            one.run(what);
        }
    };
    QList<qsizetype> indexes;
    indexes.reserve(std::max(record.mentions.size(), record.relations.size()));
    for (qsizetype i = 0; i < record.mentions.size(); ++i)
        if (!retained || !retained->mentions.at(i))
            indexes.append(i);
    insertRows(*m_insertMention, *m_insertMentions, documentId, 6, indexes,
               [&](SqliteStatement &mention, int first, qsizetype i) {
                   const MentionRecord &row = record.mentions.at(i);
                   mention.bind(first, row.chunk);
                   mention.bindStatic(first + 1, idOf(row.entityId));
                   mention.bind(first + 2, row.start);
                   mention.bind(first + 3, row.end);
                   mention.bind(first + 4, row.confidence);
               });
    indexes.clear();
    for (qsizetype i = 0; i < record.relations.size(); ++i)
        if (!retained || !retained->relations.at(i))
            indexes.append(i);
    const QString coOccurrence = ProjectSchema::coOccurrenceType();
    insertRows(*m_insertRelation, *m_insertRelations, documentId, 9, indexes,
               [&](SqliteStatement &relation, int first, qsizetype i) {
                   const RelationRecord &row = record.relations.at(i);
                   // Co-occurrence has no direction: one row per pair and sentence, the smaller id
                   // first, so that a pair is one edge however the sentences order its names.
                   const bool swap = row.objectId < row.subjectId && row.type == coOccurrence;
                   relation.bind(first, row.type);
                   relation.bindStatic(first + 1, idOf(swap ? row.objectId : row.subjectId));
                   relation.bindStatic(first + 2, idOf(swap ? row.subjectId : row.objectId));
                   relation.bind(first + 3, row.chunk);
                   relation.bind(first + 4, row.sentenceStart);
                   relation.bind(first + 5, row.sentenceEnd);
                   relation.bind(first + 6, row.trigger);
                   relation.bind(first + 7, row.weight);
               });
}

qint64 DocumentWriter::moveDocument(const DocumentRecord &record, qint64 oldId, const RetainedRows &retained)
{
    const QString what =
        QCoreApplication::translate("gw::DocumentWriter", "cannot replace document \"%1\"").arg(record.path);
    const auto run = [&](const QString &sql, const QVariantList &bindings) {
        QSqlQuery &query = m_connection.prepareCached(sql);
        for (qsizetype i = 0; i < bindings.size(); ++i)
            query.bindValue(int(i), bindings.at(i));
        m_connection.exec(query, what);
    };
    // A new row with a new id, as a fresh insert would give it (views notice that the document
    // they show was replaced by its id). The old row lends it its path first (paths are unique);
    // nobody sees that name: it lives inside this transaction. The order keeps every foreign key
    // satisfied at each statement: switching SQLite to deferred checks for the move (a pragma)
    // made it recompile every prepared statement of the connection, twice per document.
    run(QStringLiteral("UPDATE documents SET path = ? WHERE id = ?"),
        {QStringLiteral("\u0001replaced %1").arg(oldId), oldId});
    const qint64 newId = insertDocumentRow(record);
    // The stale mentions and relations go, the retained ones follow the document to its new id
    // (the entity indexes do not change: same entity, same row id); the old row takes its text and
    // chunks with it (cascade). Text and chunks are written again (writeRows).
    for (const qint64 id : retained.staleMentionIds)
        run(QStringLiteral("DELETE FROM mentions WHERE id = ?"), {id});
    for (const qint64 id : retained.staleRelationIds)
        run(QStringLiteral("DELETE FROM relations WHERE id = ?"), {id});
    run(QStringLiteral("UPDATE mentions SET document_id = ? WHERE document_id = ?"), {newId, oldId});
    run(QStringLiteral("UPDATE relations SET document_id = ? WHERE document_id = ?"), {newId, oldId});
    deleteDocument(oldId);
    return newId;
}

qint64 DocumentWriter::insertDocumentRow(const DocumentRecord &record)
{
    const QVariantList values = {
        notNull(record.path),
        notNull(record.contentHash),
        notNull(record.format),
        record.sizeBytes,
        QString::fromUtf8(MetadataCodec::toJson(record.metadata)),
        stateDone,
        QVariant(),
        record.words,
        qint64(record.text.size()),
        qint64(record.chunks.size()),
        record.readMs,
        record.parseMs,
        record.chunkMs,
        nowUtc(),
        notNull(record.extractor),
        notNull(record.fileStamp),
    };
    for (qsizetype i = 0; i < values.size(); ++i)
        m_insertDocument.bindValue(int(i), values.at(i));
    m_connection.exec(
        m_insertDocument,
        QCoreApplication::translate("gw::DocumentWriter", "cannot write document \"%1\"").arg(record.path));
    return m_insertDocument.lastInsertId().toLongLong();
}

qint64 DocumentWriter::insertFailureRow(const FailureRecord &failure)
{
    const QVariantList values = {
        notNull(failure.path),
        notNull(failure.contentHash),
        notNull(failure.format),
        failure.sizeBytes,
        QStringLiteral("{}"),
        stateFailed,
        notNull(failure.error),
        qint64(0),
        qint64(0),
        qint64(0),
        qint64(0),
        qint64(0),
        qint64(0),
        nowUtc(),
        QString(QLatin1String("")),
        QString(QLatin1String("")), // a failure is never unchanged
    };
    for (qsizetype i = 0; i < values.size(); ++i)
        m_insertDocument.bindValue(int(i), values.at(i));
    m_connection.exec(
        m_insertDocument,
        QCoreApplication::translate("gw::DocumentWriter", "cannot record the failure of \"%1\"").arg(failure.path));
    return m_insertDocument.lastInsertId().toLongLong();
}

void DocumentWriter::setError(qint64 id, const QVariant &error)
{
    m_setError.bindValue(0, error);
    m_setError.bindValue(1, id);
    m_connection.exec(m_setError,
                      QCoreApplication::translate("gw::DocumentWriter", "cannot update a document's error"));
}

void DocumentWriter::saveCopy(const QString &target)
{
    // On the writer thread, so no document is half-written in the copy; VACUUM INTO reads one
    // snapshot and writes a compact file that needs no WAL beside it.
    QSqlQuery query = m_connection.prepare(QStringLiteral("VACUUM INTO ?"));
    query.addBindValue(target);
    m_connection.exec(query, QCoreApplication::translate("gw::DocumentWriter", "save a copy as \"%1\"").arg(target));
}

void DocumentWriter::compact()
{
    // VACUUM rewrites every table and index into fresh pages through the WAL; the checkpoint then
    // moves them into the file and truncates the WAL, so the file shrinks on disk now, not at the
    // next automatic checkpoint. Readers keep their snapshot meanwhile (WAL mode).
    forgetEntityRows(); // VACUUM may give rows new rowids
    const QString what = QCoreApplication::translate("gw::DocumentWriter", "compact the project");
    m_connection.exec(QStringLiteral("VACUUM"), what);
    m_connection.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), what);
}

ProjectMergeCounts DocumentWriter::mergeFrom(const QString &sourcePath)
{
    // The source's rows were checked when it was written, and the merger deletes the rows of
    // replaced versions itself: checking each copied row's two references again would cost
    // about 40% of copying the mentions.
    forgetEntityRows();
    const UncheckedForeignKeys unchecked(*this);
    return ProjectMerger::merge(m_connection, sourcePath);
}

void DocumentWriter::transaction(const std::function<void(ProjectConnection &)> &work)
{
    forgetEntityRows(); // `work` may change any entity
    checkForeignKeys();
    ProjectConnection::Transaction transaction(m_connection, ProjectConnection::Transaction::Kind::Immediate);
    work(m_connection);
    transaction.commit();
}

void DocumentWriter::beginBulkLoad()
{
    transaction([](ProjectConnection &connection) {
        for (const QString &statement : ProjectSchema::dropEntityLookupIndexes())
            connection.exec(statement, QCoreApplication::translate("gw::DocumentWriter", "cannot prepare a bulk load"));
    });
    m_bulkLoad = true;
}

void DocumentWriter::endBulkLoad()
{
    const QString what =
        QCoreApplication::translate("gw::DocumentWriter", "cannot index the entities after a bulk load");
    checkForeignKeys();
    // Only after a bulk load (or one a crash cut short) are the indexes missing: opening a
    // project then costs nothing.
    const QStringList statements = ProjectSchema::createEntityLookupIndexes();
    const qint64 present = m_connection
                               .scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                                      "AND name IN ('mentions_by_entity', 'relations_by_subject', "
                                                      "'relations_by_object')"),
                                       what)
                               .toLongLong();
    if (present == statements.size())
        return;
    // Each index in a transaction of its own: a statement inside a larger transaction keeps a
    // journal of every page it changes, so that it alone can be undone, and building an index
    // reuses the pages the dropped ones left free: all 12 MB of a 5,000-file project's indexes
    // went through that journal first. A crash between two leaves the others to the next
    // opening (IF NOT EXISTS, and the count above).
    for (const QString &statement : statements)
        m_connection.exec(statement, what);
    transaction([&what](ProjectConnection &connection) { // forgets the entity rows
        // The entities replaced documents left without a reference (releaseEntities kept them);
        // the foreign key checks of these deletes use the indexes just built.
        connection.exec(QStringLiteral("DELETE FROM entities WHERE documents <= 0"), what);
    });
    m_bulkLoad = false;
}

} // namespace gw
