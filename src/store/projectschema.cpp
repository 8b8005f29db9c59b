#include "projectschema.h"

#include "projectconnection.h"
#include "storeerror.h"

#include <QCoreApplication>

namespace gw {

const QList<ProjectSchema::Migration> &ProjectSchema::migrations()
{
    static const QList<Migration> all = {
        {
            QStringLiteral("documents, their full texts and their chunks"),
            {
                QStringLiteral("PRAGMA application_id = %1").arg(applicationId),
                QStringLiteral(R"(
                CREATE TABLE documents (
                    id            INTEGER PRIMARY KEY,
                    path          TEXT    NOT NULL UNIQUE,
                    content_hash  TEXT    NOT NULL,
                    format        TEXT    NOT NULL DEFAULT '',
                    size_bytes    INTEGER NOT NULL DEFAULT 0,
                    metadata_json TEXT    NOT NULL DEFAULT '{}',
                    state         TEXT    NOT NULL CHECK (state IN ('done', 'failed')),
                    error         TEXT,
                    words         INTEGER NOT NULL DEFAULT 0,
                    chars         INTEGER NOT NULL DEFAULT 0,
                    chunk_count   INTEGER NOT NULL DEFAULT 0,
                    read_ms       INTEGER NOT NULL DEFAULT 0,
                    parse_ms      INTEGER NOT NULL DEFAULT 0,
                    chunk_ms      INTEGER NOT NULL DEFAULT 0,
                    store_ms      INTEGER NOT NULL DEFAULT 0,
                    ingested_at   TEXT    NOT NULL
                ))"),
                QStringLiteral(R"(
                CREATE TABLE document_texts (
                    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
                    text        TEXT NOT NULL
                ))"),
                QStringLiteral(R"(
                CREATE TABLE chunks (
                    id           INTEGER PRIMARY KEY,
                    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    ordinal      INTEGER NOT NULL,
                    start_offset INTEGER NOT NULL,
                    end_offset   INTEGER NOT NULL,
                    CHECK (start_offset >= 0 AND end_offset >= start_offset)
                ))"),
                QStringLiteral("CREATE UNIQUE INDEX chunks_by_document ON chunks(document_id, ordinal)"),
                QStringLiteral("CREATE INDEX documents_by_state ON documents(state)"),
            },
        },
        {
            QStringLiteral("entities, their mentions and the relations between them"),
            {
                // Shared across documents: the same id is the same entity. A row lives as long
                // as some mention or relation refers to it (the writer deletes orphans).
                QStringLiteral(R"(
                CREATE TABLE entities (
                    id   TEXT PRIMARY KEY,
                    type TEXT NOT NULL,
                    name TEXT NOT NULL,
                    key  TEXT NOT NULL
                ))"),
                QStringLiteral(R"(
                CREATE TABLE mentions (
                    id            INTEGER PRIMARY KEY,
                    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    chunk_ordinal INTEGER NOT NULL,
                    entity_id     TEXT    NOT NULL REFERENCES entities(id),
                    start_offset  INTEGER NOT NULL,
                    end_offset    INTEGER NOT NULL,
                    confidence    REAL    NOT NULL
                ))"),
                QStringLiteral("CREATE INDEX mentions_by_document ON mentions(document_id)"),
                QStringLiteral("CREATE INDEX mentions_by_entity ON mentions(entity_id)"),
                QStringLiteral(R"(
                CREATE TABLE relations (
                    id             INTEGER PRIMARY KEY,
                    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    type           TEXT    NOT NULL,
                    subject_id     TEXT    NOT NULL REFERENCES entities(id),
                    object_id      TEXT    NOT NULL REFERENCES entities(id),
                    chunk_ordinal  INTEGER NOT NULL,
                    sentence_start INTEGER NOT NULL,
                    sentence_end   INTEGER NOT NULL,
                    trigger        TEXT    NOT NULL,
                    UNIQUE (document_id, type, subject_id, object_id, sentence_start)
                ))"),
                QStringLiteral("CREATE INDEX relations_by_subject ON relations(subject_id)"),
                QStringLiteral("CREATE INDEX relations_by_object ON relations(object_id)"),
                QStringLiteral("CREATE INDEX relations_by_document ON relations(document_id)"),
            },
        },
        {
            QStringLiteral("the remote extractor's response cache, entity vectors and layout positions"),
            {
                // Keyed by a hash of (endpoint, model, prompt version, chunk text): a re-run of the
                // same text repeats no remote call. Not tied to a document: texts recur.
                QStringLiteral(R"(
                CREATE TABLE extraction_cache (
                    request_key TEXT PRIMARY KEY,
                    model       TEXT NOT NULL,
                    response    TEXT NOT NULL,
                    created_at  TEXT NOT NULL
                ))"),
                // Node embeddings (graph -> vectors), float32 little-endian; gone with the entity.
                QStringLiteral(R"(
                CREATE TABLE entity_vectors (
                    entity_id  TEXT PRIMARY KEY REFERENCES entities(id) ON DELETE CASCADE,
                    method     TEXT    NOT NULL,
                    dimensions INTEGER NOT NULL,
                    vector     BLOB    NOT NULL
                ))"),
                // The graph view's layout, kept so a reopened project looks the same.
                QStringLiteral(R"(
                CREATE TABLE entity_positions (
                    entity_id TEXT PRIMARY KEY REFERENCES entities(id) ON DELETE CASCADE,
                    x         REAL NOT NULL,
                    y         REAL NOT NULL
                ))"),
            },
        },
        {
            QStringLiteral("relation weights"),
            {
                // Extraction reads weight 1 per evidence sentence; an imported edge list carries
                // its own. A relation's weight is the sum over its evidence rows.
                QStringLiteral("ALTER TABLE relations ADD COLUMN weight REAL NOT NULL DEFAULT 1"),
            },
        },
        {
            QStringLiteral("entity reference counts"),
            {
                // The lookup indexes may be missing if a bulk load was cut short; the count
                // below needs them.
                QStringLiteral("CREATE INDEX IF NOT EXISTS mentions_by_entity ON mentions(entity_id)"),
                QStringLiteral("CREATE INDEX IF NOT EXISTS relations_by_subject ON relations(subject_id)"),
                QStringLiteral("CREATE INDEX IF NOT EXISTS relations_by_object ON relations(object_id)"),
                // How many documents refer to the entity (by a mention or a relation): the writer
                // deletes it at zero, with no lookup of mentions or relations by entity.
                QStringLiteral("ALTER TABLE entities ADD COLUMN documents INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral(R"(
                UPDATE entities SET documents = (
                    SELECT count(*) FROM (
                        SELECT document_id FROM mentions WHERE entity_id = entities.id
                        UNION SELECT document_id FROM relations WHERE subject_id = entities.id
                        UNION SELECT document_id FROM relations WHERE object_id = entities.id)))"),
            },
        },
        {
            QStringLiteral("undirected co-occurrence"),
            {
                // One row per pair and sentence, the smaller entity id first (as the writer now
                // writes them); a pair already stored both ways in one sentence keeps one row.
                QStringLiteral(R"(
                UPDATE OR IGNORE relations SET subject_id = object_id, object_id = subject_id
                WHERE type = 'co_occurs' AND subject_id > object_id)"),
                QStringLiteral("DELETE FROM relations WHERE type = 'co_occurs' AND subject_id > object_id"),
            },
        },
        {
            QStringLiteral("the extractor that read each document"),
            {
                // Empty for documents read before: a re-ingest reads them again with today's
                // extractor, so an upgraded project gets the new graph.
                QStringLiteral("ALTER TABLE documents ADD COLUMN extractor TEXT NOT NULL DEFAULT ''"),
            },
        },
        {
            QStringLiteral("curation edits"),
            {
                // What people changed in the graph (merge, rename, retype, hide), in order. The
                // edits name entities by their stable ids and are applied whenever the graph is
                // read, so they hold for re-ingested and new documents alike. Undone edits stay
                // (redo) until a new edit replaces them.
                QStringLiteral(R"(
                CREATE TABLE curation_edits (
                    id         INTEGER PRIMARY KEY,
                    kind       TEXT    NOT NULL,
                    payload    TEXT    NOT NULL,
                    created_at TEXT    NOT NULL,
                    undone     INTEGER NOT NULL DEFAULT 0
                ))"),
            },
        },
        {
            QStringLiteral("vocabulary"),
            {
                // A person's own names (curate vocabulary): the built-in extractor finds them and
                // gives them this type and name. One row per name and type; aliases joined by
                // U+001F (a character no name holds).
                QStringLiteral(R"(
                CREATE TABLE vocabulary (
                    name    TEXT NOT NULL,
                    type    TEXT NOT NULL,
                    aliases TEXT NOT NULL DEFAULT '',
                    PRIMARY KEY (name, type)
                ))"),
            },
        },
        {
            QStringLiteral("the extraction cache's sizes and use times"),
            {
                // Pruned least recently used first, to a size limit: each row knows its size and
                // when an answer was last used (ms since the epoch), and the index over both
                // orders the pruning and sums the sizes without reading the answers. The answers
                // kept so far were for prompt version 2, which no key asks for any more.
                QStringLiteral("DROP TABLE extraction_cache"),
                QStringLiteral(R"(
                CREATE TABLE extraction_cache (
                    request_key TEXT    PRIMARY KEY,
                    model       TEXT    NOT NULL,
                    bytes       INTEGER NOT NULL,
                    last_used   INTEGER NOT NULL,
                    created_at  TEXT    NOT NULL,
                    response    TEXT    NOT NULL
                ))"),
                QStringLiteral("CREATE INDEX extraction_cache_by_use ON extraction_cache(last_used, bytes)"),
            },
        },
        // Append new migrations here.
    };
    return all;
}

QStringList ProjectSchema::createEntityLookupIndexes()
{
    // The same definitions as migration 2 made them.
    return {
        QStringLiteral("CREATE INDEX IF NOT EXISTS mentions_by_entity ON mentions(entity_id)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS relations_by_subject ON relations(subject_id)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS relations_by_object ON relations(object_id)"),
    };
}

QStringList ProjectSchema::dropEntityLookupIndexes()
{
    return {
        QStringLiteral("DROP INDEX IF EXISTS mentions_by_entity"),
        QStringLiteral("DROP INDEX IF EXISTS relations_by_subject"),
        QStringLiteral("DROP INDEX IF EXISTS relations_by_object"),
    };
}

QString ProjectSchema::coOccurrenceType()
{
    return QStringLiteral("co_occurs");
}

int ProjectSchema::latestVersion()
{
    return int(migrations().size());
}

int ProjectSchema::version(ProjectConnection &connection)
{
    return connection
        .scalar(QStringLiteral("PRAGMA user_version"),
                QCoreApplication::translate("gw::ProjectSchema", "cannot read the schema version"))
        .toInt();
}

int ProjectSchema::migrate(ProjectConnection &connection)
{
    const QString path = connection.projectPath();
    const int found = version(connection);
    if (found > latestVersion())
        throw StoreError(path,
                         QCoreApplication::translate("gw::ProjectSchema",
                                                     "it was made by a newer Graphwright (schema %1, this "
                                                     "version reads up to %2); open it with a newer "
                                                     "Graphwright")
                             .arg(found)
                             .arg(latestVersion()));
    const int appId = connection
                          .scalar(QStringLiteral("PRAGMA application_id"),
                                  QCoreApplication::translate("gw::ProjectSchema", "cannot read the application id"))
                          .toInt();
    if (appId != 0 && appId != applicationId)
        throw StoreError(path,
                         QCoreApplication::translate("gw::ProjectSchema",
                                                     "it is a SQLite database of another application "
                                                     "(application id %1), not a Graphwright project")
                             .arg(appId));
    if (found == 0) {
        // Version 0 is a new (empty) file. One with tables belongs to somebody else: leave it be.
        const int tables = connection
                               .scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE "
                                                      "name NOT LIKE 'sqlite_%'"),
                                       QCoreApplication::translate("gw::ProjectSchema", "cannot list its tables"))
                               .toInt();
        if (tables > 0)
            throw StoreError(path,
                             QCoreApplication::translate("gw::ProjectSchema",
                                                         "it is a SQLite database with %1 tables but no "
                                                         "Graphwright schema; not a Graphwright project")
                                 .arg(tables));
    }

    for (int target = found + 1; target <= latestVersion(); ++target) {
        ProjectConnection::Transaction transaction(connection, ProjectConnection::Transaction::Kind::Immediate);
        // Another process may have upgraded the file while we waited for the write lock.
        if (version(connection) >= target)
            continue;
        const Migration &migration = migrations().at(target - 1);
        const QString what = QCoreApplication::translate("gw::ProjectSchema", "cannot upgrade to schema %1 (%2)")
                                 .arg(target)
                                 .arg(migration.description);
        for (const QString &statement : migration.statements)
            connection.exec(statement, what);
        // user_version lives in the file header and is part of the transaction.
        connection.exec(QStringLiteral("PRAGMA user_version = %1").arg(target), what);
        transaction.commit();
    }
    return version(connection);
}

} // namespace gw
