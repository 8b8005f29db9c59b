#include "projectmerger.h"

#include "projectconnection.h"
#include "projectschema.h"
#include "storeerror.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>

namespace gw {

namespace {

constexpr QChar aliasSeparator(0x1f); // as VocabularyTable stores them

QString notAProject()
{
    return QCoreApplication::translate("gw::ProjectMerger", "cannot merge it: it is not a Graphwright project");
}

// The source, attached to the target's connection as schema "merge_source" for as long as this
// lives. ATTACH and DETACH cannot run inside a transaction: this brackets the merge's one.
class AttachedSource
{
public:
    AttachedSource(ProjectConnection &target, const QString &path) : m_target(target), m_path(path)
    {
        QSqlQuery attach = m_target.prepare(QStringLiteral("ATTACH DATABASE ? AS merge_source"));
        attach.bindValue(0, path);
        if (!attach.exec()) {
            const bool notADatabase = attach.lastError().nativeErrorCode() == QLatin1String("26"); // SQLITE_NOTADB
            throw StoreError(path,
                             notADatabase ? notAProject()
                                          : QCoreApplication::translate("gw::ProjectMerger", "cannot read it to merge"),
                             attach.lastError());
        }
    }
    ~AttachedSource()
    {
        QSqlQuery detach = m_target.prepare(QStringLiteral("DETACH DATABASE merge_source"));
        detach.exec(); // a failure leaves it attached to a connection that goes on: harmless
    }
    AttachedSource(const AttachedSource &) = delete;
    AttachedSource &operator=(const AttachedSource &) = delete;

    // A figure of the source; a failure names the source, not the target, and says `cause`.
    qint64 scalar(const QString &sql,
                  const QString &cause = QCoreApplication::translate("gw::ProjectMerger",
                                                                     "cannot read it to merge")) const
    {
        QSqlQuery query = m_target.prepare(sql);
        if (!query.exec() || !query.next())
            throw StoreError(m_path, cause, query.lastError());
        return query.value(0).toLongLong();
    }

private:
    ProjectConnection &m_target;
    QString m_path;
};

// Column names of a table of the target, in order (source and target share a schema version,
// so the same columns).
QStringList columnsOf(ProjectConnection &target, const QString &table)
{
    QSqlQuery query = target.prepare(QStringLiteral("SELECT name FROM pragma_table_info('%1', 'main')").arg(table));
    target.exec(query, QCoreApplication::translate("gw::ProjectMerger", "cannot read the columns of %1").arg(table));
    QStringList columns;
    while (query.next())
        columns << query.value(0).toString();
    return columns;
}

// Copies the rows of `table` that belong to the documents taken (temp.merge_take; all of them
// when `everyDocument`), their document ids shifted by `offset`; with `renumberRows` the row's
// own id is left for the target to number. Returns the rows copied.
qint64 copyDocumentRows(ProjectConnection &target, const QString &table, const QString &documentColumn,
                        bool renumberRows, qint64 offset, bool everyDocument)
{
    QStringList columns = columnsOf(target, table);
    if (renumberRows)
        columns.removeAll(QStringLiteral("id"));
    QStringList selected;
    for (const QString &column : columns)
        selected << (column == documentColumn ? QStringLiteral("s.%1 + %2").arg(column).arg(offset)
                                              : QStringLiteral("s.%1").arg(column));
    QSqlQuery copy = target.prepare(QStringLiteral("INSERT INTO main.%1 (%2) SELECT %3 FROM merge_source.%1 s "
                                                   "%4 ORDER BY s.rowid")
                                        .arg(table, columns.join(u','), selected.join(u','),
                                             everyDocument ? QString()
                                                           : QStringLiteral("WHERE s.%1 IN (SELECT source_id FROM "
                                                                            "temp.merge_take)")
                                                                 .arg(documentColumn)));
    target.exec(copy, QCoreApplication::translate("gw::ProjectMerger", "cannot copy the %1").arg(table));
    return copy.numRowsAffected();
}

qint64 count(ProjectConnection &target, const QString &sql)
{
    return target.scalar(sql, QCoreApplication::translate("gw::ProjectMerger", "cannot count what was merged"))
        .toLongLong();
}

void run(ProjectConnection &target, const QString &sql)
{
    target.exec(sql, QCoreApplication::translate("gw::ProjectMerger", "cannot merge"));
}

// Joins the source's vocabulary into the target's: new names are added, a name both hold gets
// the aliases of both (the target's first). Returns the names added or changed.
qint64 mergeVocabulary(ProjectConnection &target)
{
    QHash<QString, QStringList> held; // by name U+001F type
    QSqlQuery targetRows = target.prepare(QStringLiteral("SELECT name, type, aliases FROM main.vocabulary"));
    target.exec(targetRows, QCoreApplication::translate("gw::ProjectMerger", "cannot read the vocabulary"));
    while (targetRows.next()) {
        const QString aliases = targetRows.value(2).toString();
        held.insert(targetRows.value(0).toString() + aliasSeparator + targetRows.value(1).toString(),
                    aliases.isEmpty() ? QStringList() : aliases.split(aliasSeparator));
    }
    QSqlQuery sourceRows =
        target.prepare(QStringLiteral("SELECT name, type, aliases FROM merge_source.vocabulary ORDER BY name, type"));
    target.exec(sourceRows, QCoreApplication::translate("gw::ProjectMerger", "cannot read the vocabulary to merge"));
    QSqlQuery upsert =
        target.prepare(QStringLiteral("INSERT INTO main.vocabulary (name, type, aliases) VALUES (?, ?, ?) "
                                      "ON CONFLICT (name, type) DO UPDATE SET aliases = excluded.aliases"));
    qint64 changed = 0;
    while (sourceRows.next()) {
        const QString key = sourceRows.value(0).toString() + aliasSeparator + sourceRows.value(1).toString();
        const QString sourceAliases = sourceRows.value(2).toString();
        const auto found = held.constFind(key);
        QStringList aliases = found != held.cend() ? *found : QStringList();
        const qsizetype before = aliases.size();
        if (!sourceAliases.isEmpty())
            for (const QString &alias : sourceAliases.split(aliasSeparator))
                if (!aliases.contains(alias))
                    aliases << alias;
        if (found != held.cend() && aliases.size() == before)
            continue; // the same entry
        upsert.bindValue(0, sourceRows.value(0));
        upsert.bindValue(1, sourceRows.value(1));
        upsert.bindValue(2, aliases.isEmpty() ? QStringLiteral("") : aliases.join(aliasSeparator)); // not NULL
        target.exec(upsert, QCoreApplication::translate("gw::ProjectMerger", "cannot merge the vocabulary"));
        ++changed;
    }
    return changed;
}

} // namespace

ProjectMergeCounts &ProjectMergeCounts::operator+=(const ProjectMergeCounts &other)
{
    documentsAdded += other.documentsAdded;
    documentsReplaced += other.documentsReplaced;
    documentsSame += other.documentsSame;
    documentsOlder += other.documentsOlder;
    entitiesAdded += other.entitiesAdded;
    mentions += other.mentions;
    relations += other.relations;
    cachedAnswers += other.cachedAnswers;
    vocabularyNames += other.vocabularyNames;
    curationEdits += other.curationEdits;
    return *this;
}

ProjectMergeCounts ProjectMerger::merge(ProjectConnection &target, const QString &sourcePath)
{
    const QFileInfo source(sourcePath);
    if (!source.isFile())
        throw StoreError(sourcePath,
                         source.exists()
                             ? QCoreApplication::translate("gw::ProjectMerger", "cannot merge it: not a file")
                             : QCoreApplication::translate("gw::ProjectMerger", "cannot merge it: no such file"));
    if (source.canonicalFilePath() == QFileInfo(target.projectPath()).canonicalFilePath())
        throw StoreError(sourcePath,
                         QCoreApplication::translate("gw::ProjectMerger", "cannot merge a project into itself"));

    const AttachedSource attached(target, source.absoluteFilePath());
    // A file that is no SQLite database fails here ("file is not a database").
    const qint64 applicationId = attached.scalar(QStringLiteral("PRAGMA merge_source.application_id"), notAProject());
    const qint64 version = attached.scalar(QStringLiteral("PRAGMA merge_source.user_version"));
    if (applicationId != ProjectSchema::applicationId)
        throw StoreError(sourcePath, notAProject());
    if (version > ProjectSchema::latestVersion())
        throw StoreError(
            sourcePath,
            QCoreApplication::translate("gw::ProjectMerger",
                                        "cannot merge it: it was made by a newer Graphwright (schema %1, this version "
                                        "reads up to %2)")
                .arg(version)
                .arg(ProjectSchema::latestVersion()));
    if (version < ProjectSchema::latestVersion())
        throw StoreError(
            sourcePath,
            QCoreApplication::translate("gw::ProjectMerger",
                                        "cannot merge it: it was made by an older Graphwright (schema %1 of %2); open "
                                        "it once with this version to bring it up to date (graphwright-cli status "
                                        "--project FILE)")
                .arg(version)
                .arg(ProjectSchema::latestVersion()));

    ProjectMergeCounts counts;
    ProjectConnection::Transaction transaction(target, ProjectConnection::Transaction::Kind::Immediate);
    // Which documents come over: a path the target lacks, or a different version of it ingested
    // later than the target's. The same content, state and extractor is the same document.
    run(target, QStringLiteral("CREATE TEMP TABLE merge_take (source_id INTEGER PRIMARY KEY, replaces INTEGER)"));
    run(target,
        QStringLiteral("INSERT INTO temp.merge_take (source_id, replaces) "
                       "SELECT s.id, t.id FROM merge_source.documents s LEFT JOIN main.documents t ON t.path = s.path "
                       "WHERE t.id IS NULL OR ((t.content_hash <> s.content_hash OR t.state <> s.state "
                       "OR t.extractor <> s.extractor) AND s.ingested_at > t.ingested_at)"));
    const qint64 sourceDocuments = attached.scalar(QStringLiteral("SELECT count(*) FROM merge_source.documents"));
    counts.documentsAdded = count(target, QStringLiteral("SELECT count(*) FROM temp.merge_take"));
    counts.documentsReplaced =
        count(target, QStringLiteral("SELECT count(*) FROM temp.merge_take WHERE replaces IS NOT NULL"));
    counts.documentsSame = count(target,
                                 QStringLiteral("SELECT count(*) FROM merge_source.documents s JOIN main.documents t "
                                                "ON t.path = s.path AND t.content_hash = s.content_hash "
                                                "AND t.state = s.state AND t.extractor = s.extractor"));
    counts.documentsOlder = sourceDocuments - counts.documentsAdded - counts.documentsSame;
    const qint64 entitiesBefore = count(target, QStringLiteral("SELECT count(*) FROM main.entities"));

    // Each entity counts the documents that refer to it (by a mention or a relation), as the
    // writer keeps it. When every document of the source comes over, an entity's count is the
    // target's plus the source's; the entities of replaced versions, and all of them when only
    // some documents come over, are counted again from the rows (temp.merge_recount).
    const bool everyDocument = counts.documentsAdded == sourceDocuments;
    run(target, QStringLiteral("CREATE TEMP TABLE merge_recount (id TEXT PRIMARY KEY)"));
    run(target,
        QStringLiteral(
            "INSERT OR IGNORE INTO temp.merge_recount (id) "
            "SELECT entity_id FROM main.mentions WHERE document_id IN (SELECT replaces FROM temp.merge_take) "
            "UNION SELECT subject_id FROM main.relations WHERE document_id IN (SELECT replaces FROM temp.merge_take) "
            "UNION SELECT object_id FROM main.relations WHERE document_id IN (SELECT replaces FROM temp.merge_take)"));
    // The versions replaced go with their text, chunks, mentions and relations (deleted here, not
    // left to the cascades: DocumentWriter merges with foreign keys off).
    for (const char *table : {"document_texts", "chunks", "mentions", "relations"})
        run(target,
            QStringLiteral("DELETE FROM main.%1 WHERE document_id IN "
                           "(SELECT replaces FROM temp.merge_take WHERE replaces IS NOT NULL)")
                .arg(QLatin1String(table)));
    run(target,
        QStringLiteral("DELETE FROM main.documents WHERE id IN "
                       "(SELECT replaces FROM temp.merge_take WHERE replaces IS NOT NULL)"));
    // New ids above every id the target has used, so no row of its own is touched.
    const qint64 offset = count(target, QStringLiteral("SELECT coalesce(max(id), 0) FROM main.documents"));
    copyDocumentRows(target, QStringLiteral("documents"), QStringLiteral("id"), false, offset, everyDocument);
    copyDocumentRows(target, QStringLiteral("document_texts"), QStringLiteral("document_id"), false, offset,
                     everyDocument);
    copyDocumentRows(target, QStringLiteral("chunks"), QStringLiteral("document_id"), true, offset, everyDocument);
    // Entities before the rows that refer to them; the name chosen as the writer
    // chooses it (the longest; of two as long, the later in code point order).
    const QString chosenName = QStringLiteral(
        "name = CASE WHEN length(excluded.name) > length(entities.name) OR (length(excluded.name) = "
        "length(entities.name) AND excluded.name > entities.name) THEN excluded.name ELSE entities.name END");
    if (everyDocument) {
        run(target,
            QStringLiteral("INSERT INTO main.entities (id, type, name, key, documents) "
                           "SELECT id, type, name, key, documents FROM merge_source.entities WHERE documents > 0 "
                           "ON CONFLICT (id) DO UPDATE SET documents = entities.documents + excluded.documents, %1")
                .arg(chosenName));
    } else {
        run(target,
            QStringLiteral("INSERT OR IGNORE INTO temp.merge_recount (id) "
                           "SELECT entity_id FROM merge_source.mentions WHERE document_id IN (SELECT source_id FROM "
                           "temp.merge_take) "
                           "UNION SELECT subject_id FROM merge_source.relations WHERE document_id IN (SELECT source_id "
                           "FROM temp.merge_take) "
                           "UNION SELECT object_id FROM merge_source.relations WHERE document_id IN (SELECT source_id "
                           "FROM temp.merge_take)"));
        run(target,
            QStringLiteral("INSERT INTO main.entities (id, type, name, key, documents) "
                           "SELECT e.id, e.type, e.name, e.key, 0 FROM merge_source.entities e "
                           "WHERE e.id IN (SELECT id FROM temp.merge_recount) ON CONFLICT (id) DO UPDATE SET %1")
                .arg(chosenName));
    }
    counts.mentions = copyDocumentRows(target, QStringLiteral("mentions"), QStringLiteral("document_id"), true, offset,
                                       everyDocument);
    counts.relations = copyDocumentRows(target, QStringLiteral("relations"), QStringLiteral("document_id"), true,
                                        offset, everyDocument);
    run(target,
        QStringLiteral("UPDATE main.entities SET documents = (SELECT count(*) FROM ("
                       "SELECT document_id FROM main.mentions WHERE entity_id = entities.id "
                       "UNION SELECT document_id FROM main.relations WHERE subject_id = entities.id "
                       "UNION SELECT document_id FROM main.relations WHERE object_id = entities.id)) "
                       "WHERE id IN (SELECT id FROM temp.merge_recount)"));
    // An entity only a replaced version referred to goes, as in a re-ingest.
    for (const char *table : {"entity_vectors", "entity_positions"})
        run(target,
            QStringLiteral("DELETE FROM main.%1 WHERE entity_id IN (SELECT id FROM main.entities WHERE "
                           "documents = 0 AND id IN (SELECT id FROM temp.merge_recount))")
                .arg(QLatin1String(table)));
    run(target,
        QStringLiteral("DELETE FROM main.entities WHERE documents = 0 AND id IN (SELECT id FROM temp.merge_recount)"));
    run(target, QStringLiteral("DROP TABLE temp.merge_recount"));
    if (counts.documentsAdded > 0) {
        // Derived from the graph that was: computed again from the merged one when needed.
        run(target, QStringLiteral("DELETE FROM main.entity_vectors"));
        run(target, QStringLiteral("DELETE FROM main.entity_positions"));
    }
    counts.entitiesAdded =
        std::max<qint64>(0, count(target, QStringLiteral("SELECT count(*) FROM main.entities")) - entitiesBefore);

    const qint64 answersBefore = count(target, QStringLiteral("SELECT count(*) FROM main.extraction_cache"));
    run(target,
        QStringLiteral(
            "INSERT INTO main.extraction_cache (request_key, model, response, created_at, used_at) "
            "SELECT request_key, model, response, created_at, used_at FROM merge_source.extraction_cache WHERE true "
            "ON CONFLICT (request_key) DO UPDATE SET used_at = max(extraction_cache.used_at, excluded.used_at)"));
    counts.cachedAnswers = count(target, QStringLiteral("SELECT count(*) FROM main.extraction_cache")) - answersBefore;
    counts.vocabularyNames = mergeVocabulary(target);
    // Edits name entities by stable ids and are applied whenever the graph is read: the source's
    // that the target lacks follow the target's, in their own order.
    QSqlQuery edits = target.prepare(QStringLiteral(
        "INSERT INTO main.curation_edits (kind, payload, created_at, undone) "
        "SELECT s.kind, s.payload, s.created_at, s.undone FROM merge_source.curation_edits s WHERE NOT EXISTS ("
        "SELECT 1 FROM main.curation_edits t WHERE t.kind = s.kind AND t.payload = s.payload AND t.undone = s.undone) "
        "ORDER BY s.id"));
    target.exec(edits, QCoreApplication::translate("gw::ProjectMerger", "cannot merge the curation edits"));
    counts.curationEdits = edits.numRowsAffected();
    run(target, QStringLiteral("DROP TABLE temp.merge_take"));
    transaction.commit();
    return counts;
}

} // namespace gw
