// Entities, mentions and relations: written with their document, merged across documents, and
// removed exactly with the document that contributed them.

#include "sampledocuments.h"
#include "store/documentwriter.h"
#include "store/projectconnection.h"
#include "store/projectstore.h"
#include "store/storeerror.h"
#include "core/syncwait.h"
#include "testmain.h"

#include <QSqlQuery>
#include <QTemporaryDir>

#include <functional>
#include <optional>

using gw::DocumentRecord;
using gw::ProjectStore;
using gw::WriteOutcome;
using gw::testing::addSampleExtraction;
using gw::testing::countRows;
using gw::testing::sampleDocument;
using gw::testing::sampleEntity;

// Spoils a valid record in one way (data-driven rows of the refusal test).
using Break = std::function<void(DocumentRecord &)>;
Q_DECLARE_METATYPE(Break)

class TstExtractionStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_serial = 0;
    QString newProjectPath() { return m_dir.filePath(QStringLiteral("project-%1.gwp").arg(++m_serial)); }

    static DocumentRecord document(const QString &path, int chunks, const QStringList &words, int version = 1,
                                   const QString &adaName = {})
    {
        DocumentRecord record = sampleDocument(path, chunks, version);
        QList<gw::EntityRecord> entities;
        for (const QString &word : words)
            entities.append(word == QStringLiteral("Ada") ? sampleEntity(word, adaName) : sampleEntity(word));
        addSampleExtraction(record, entities);
        return record;
    }

    // A copy, not a pointer: callers pass a temporary list (store->entities()).
    static std::optional<gw::StoredEntity> findEntity(const QList<gw::StoredEntity> &entities, const QString &id)
    {
        for (const gw::StoredEntity &entity : entities)
            if (entity.id == id)
                return entity;
        return std::nullopt;
    }

    static QStringList entityIds(ProjectStore &store)
    {
        QStringList ids;
        for (const gw::StoredEntity &entity : store.entities())
            ids.append(entity.id);
        ids.sort();
        return ids;
    }

    // Entities whose stored reference count differs from the documents that refer to them.
    static qint64 wrongReferenceCounts(const QString &projectPath)
    {
        return countRows(projectPath,
                         QStringLiteral("SELECT count(*) FROM entities e WHERE e.documents <> (SELECT count(*) FROM ("
                                        "SELECT document_id FROM mentions WHERE entity_id = e.id "
                                        "UNION SELECT document_id FROM relations WHERE subject_id = e.id "
                                        "UNION SELECT document_id FROM relations WHERE object_id = e.id))"));
    }

    static qint64 entityLookupIndexes(const QString &projectPath)
    {
        return countRows(projectPath,
                         QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                                        "('mentions_by_entity', 'relations_by_subject', 'relations_by_object')"));
    }

    static qint64 rowsOf(const QString &projectPath, const char *table, const QString &documentPath)
    {
        return countRows(projectPath,
                         QStringLiteral("SELECT count(*) FROM %1 JOIN documents d ON d.id = %1.document_id "
                                        "WHERE d.path = '%2'")
                             .arg(QLatin1String(table), documentPath));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void writeAndReadBack()
    {
        const QString path = newProjectPath();
        auto store = ProjectStore::open(path);
        const DocumentRecord record = document(
            QStringLiteral("/a.txt"), 3, {QStringLiteral("Ada"), QStringLiteral("Grace"), QStringLiteral("Zürich")});
        QCOMPARE(store->writeDocumentBlocking(record), WriteOutcome::Inserted);

        const gw::ProjectStatus status = store->status();
        QCOMPARE(status.entities, 3);
        QCOMPARE(status.mentions, 9);
        QCOMPARE(status.relations, 1);

        const QList<gw::StoredEntity> entities = store->entities();
        QCOMPARE(entities.size(), 3);
        QCOMPARE(entities.at(0).name, QStringLiteral("Ada")); // equal counts: by name
        QCOMPARE(entities.at(1).name, QStringLiteral("Grace"));
        QCOMPARE(entities.at(2).name, QStringLiteral("Zürich"));
        for (const gw::StoredEntity &entity : entities) {
            QCOMPARE(entity.mentions, 3);
            QCOMPARE(entity.documents, 1);
            QCOMPARE(entity.type, QStringLiteral("PERSON"));
        }

        const QList<gw::StoredRelation> relations = store->relations();
        QCOMPARE(relations.size(), 1);
        const gw::StoredRelation &met = relations.first();
        QCOMPARE(met.type, QStringLiteral("met"));
        QCOMPARE(met.subjectId, QStringLiteral("id-ada"));
        QCOMPARE(met.objectId, QStringLiteral("id-grace"));
        QCOMPARE(met.subjectName, QStringLiteral("Ada"));
        QCOMPARE(met.objectName, QStringLiteral("Grace"));
        QCOMPARE(met.weight, 3);
        QCOMPARE(met.evidence.documentPath, QStringLiteral("/a.txt"));
        QCOMPARE(met.evidence.chunk, 0);
        QCOMPARE(met.evidence.sentenceStart, 0);
        QCOMPARE(met.evidence.sentenceEnd, record.chunks.first().end);
        QCOMPARE(met.evidence.trigger, QStringLiteral("met"));

        // Every stored mention points at its word in the stored text, in its chunk.
        const qint64 documentId = store->documents().first().id;
        const QString text = store->documentText(documentId);
        const QList<gw::ChunkRecord> chunks = store->chunks(documentId);
        gw::ProjectConnection connection(path, gw::ProjectConnection::Access::ReadOnly);
        QSqlQuery query = connection.prepare(
            QStringLiteral("SELECT m.start_offset, m.end_offset, m.chunk_ordinal, e.key, m.confidence FROM mentions m "
                           "JOIN entities e ON e.id = m.entity_id"));
        connection.exec(query, QStringLiteral("test probe"));
        int seen = 0;
        while (query.next()) {
            const qint64 start = query.value(0).toLongLong(), end = query.value(1).toLongLong();
            const qint64 chunk = query.value(2).toLongLong();
            QCOMPARE(text.mid(start, end - start).toLower(), query.value(3).toString());
            QVERIFY(chunks.at(chunk).start <= start && end <= chunks.at(chunk).end);
            QCOMPARE(query.value(4).toDouble(), 0.9);
            ++seen;
        }
        QCOMPARE(seen, 9);
    }

    void sharedEntityMergesAndLongestNameWins_data()
    {
        QTest::addColumn<bool>("longFirst");
        QTest::newRow("short name first") << false;
        QTest::newRow("long name first") << true;
    }

    void sharedEntityMergesAndLongestNameWins()
    {
        QFETCH(bool, longFirst);
        const QString path = newProjectPath();
        auto store = ProjectStore::open(path);
        const DocumentRecord shortName =
            document(QStringLiteral("/a.txt"), 1, {QStringLiteral("Ada"), QStringLiteral("Grace")});
        const DocumentRecord longName =
            document(QStringLiteral("/b.txt"), 1, {QStringLiteral("Ada"), QStringLiteral("Grace")}, 1,
                     QStringLiteral("Ada Lovelace"));
        store->writeDocumentBlocking(longFirst ? longName : shortName);
        store->writeDocumentBlocking(longFirst ? shortName : longName);

        const QList<gw::StoredEntity> entities = store->entities();
        QCOMPARE(entities.size(), 2);
        const std::optional<gw::StoredEntity> ada = findEntity(entities, QStringLiteral("id-ada"));
        QVERIFY(ada);
        QCOMPARE(ada->name, QStringLiteral("Ada Lovelace"));
        QCOMPARE(ada->mentions, 2);
        QCOMPARE(ada->documents, 2);
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM entities WHERE id = 'id-ada'")), 1);

        // The same relation read in two documents: one relation of weight 2, first evidence by path.
        QCOMPARE(store->status().relations, 1);
        const QList<gw::StoredRelation> relations = store->relations();
        QCOMPARE(relations.size(), 1);
        QCOMPARE(relations.first().weight, 2);
        QCOMPARE(relations.first().subjectName, QStringLiteral("Ada Lovelace"));
        QCOMPARE(relations.first().evidence.documentPath, QStringLiteral("/a.txt"));
    }

    void relationsAreOrderedByWeight()
    {
        auto store = ProjectStore::open(newProjectPath());
        store->writeDocumentBlocking(
            document(QStringLiteral("/a.txt"), 1, {QStringLiteral("Ada"), QStringLiteral("Zürich")}));
        store->writeDocumentBlocking(
            document(QStringLiteral("/b.txt"), 3, {QStringLiteral("Ada"), QStringLiteral("Grace")}));
        const QList<gw::StoredRelation> relations = store->relations();
        QCOMPARE(relations.size(), 2);
        QCOMPARE(relations.at(0).objectId, QStringLiteral("id-grace"));
        QCOMPARE(relations.at(0).weight, 3);
        QCOMPARE(relations.at(1).objectId, QStringLiteral("id-zürich"));
        QCOMPARE(relations.at(1).weight, 1);
        QCOMPARE(store->entities().first().id, QStringLiteral("id-ada")); // 4 mentions
        QCOMPARE(store->entities().first().mentions, 4);
    }

    void rewriteReplacesExactlyItsContributions()
    {
        const QString path = newProjectPath();
        auto store = ProjectStore::open(path);
        store->writeDocumentBlocking(
            document(QStringLiteral("/a.txt"), 2, {QStringLiteral("Ada"), QStringLiteral("Zürich")}));
        store->writeDocumentBlocking(
            document(QStringLiteral("/b.txt"), 3, {QStringLiteral("Ada"), QStringLiteral("Grace")}));
        QCOMPARE(store->status().mentions, 4 + 6);
        QCOMPARE(entityIds(*store),
                 (QStringList{QStringLiteral("id-ada"), QStringLiteral("id-grace"), QStringLiteral("id-zürich")}));

        // The same content again changes nothing.
        QCOMPARE(store->writeDocumentBlocking(
                     document(QStringLiteral("/a.txt"), 2, {QStringLiteral("Ada"), QStringLiteral("Zürich")})),
                 WriteOutcome::Unchanged);
        QCOMPARE(store->status().mentions, 4 + 6);

        // A new version of /a.txt no longer mentions Zürich: it goes, Ada (shared) stays.
        QCOMPARE(store->writeDocumentBlocking(
                     document(QStringLiteral("/a.txt"), 4, {QStringLiteral("Ada"), QStringLiteral("Sentence")}, 2)),
                 WriteOutcome::Replaced);
        const gw::ProjectStatus status = store->status();
        QCOMPARE(status.mentions, 8 + 6);
        QCOMPARE(status.relations, 2); // met(ada, grace) from /b, met(ada, sentence) from /a
        QCOMPARE(rowsOf(path, "mentions", QStringLiteral("/a.txt")), 8);
        QCOMPARE(rowsOf(path, "mentions", QStringLiteral("/b.txt")), 6);
        QCOMPARE(rowsOf(path, "relations", QStringLiteral("/a.txt")), 4);
        QCOMPARE(rowsOf(path, "relations", QStringLiteral("/b.txt")), 3);
        QCOMPARE(entityIds(*store),
                 (QStringList{QStringLiteral("id-ada"), QStringLiteral("id-grace"), QStringLiteral("id-sentence")}));
        const std::optional<gw::StoredEntity> ada = findEntity(store->entities(), QStringLiteral("id-ada"));
        QVERIFY(ada);
        QCOMPARE(ada->mentions, 4 + 3);
        QCOMPARE(ada->documents, 2);
        QCOMPARE(countRows(path,
                           QStringLiteral(
                               "SELECT count(*) FROM mentions WHERE document_id NOT IN (SELECT id FROM documents)")),
                 0);
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")), 0);
    }

    void removeDocumentRemovesExactlyItsContributions()
    {
        const QString path = newProjectPath();
        auto store = ProjectStore::open(path);
        store->writeDocumentBlocking(
            document(QStringLiteral("/a.txt"), 2, {QStringLiteral("Ada"), QStringLiteral("Zürich")}));
        store->writeDocumentBlocking(
            document(QStringLiteral("/b.txt"), 3, {QStringLiteral("Ada"), QStringLiteral("Grace")}));

        QVERIFY(store->removeDocumentBlocking(QStringLiteral("/a.txt")));
        gw::ProjectStatus status = store->status();
        QCOMPARE(status.mentions, 6);
        QCOMPARE(status.relations, 1);
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM relations")), 3);
        QCOMPARE(entityIds(*store), (QStringList{QStringLiteral("id-ada"), QStringLiteral("id-grace")}));
        QCOMPARE(findEntity(store->entities(), QStringLiteral("id-ada"))->documents, 1);
        QVERIFY(!store->removeDocumentBlocking(QStringLiteral("/a.txt")));

        QVERIFY(store->removeDocumentBlocking(QStringLiteral("/b.txt")));
        status = store->status();
        QCOMPARE(status.entities, 0);
        QCOMPARE(status.mentions, 0);
        QCOMPARE(status.relations, 0);
        QVERIFY(store->relations().isEmpty());
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")), 0);
    }

    void duplicatesInOneDocumentCollapse()
    {
        const QString path = newProjectPath();
        auto store = ProjectStore::open(path);
        DocumentRecord record = document(QStringLiteral("/a.txt"), 2, {QStringLiteral("Ada"), QStringLiteral("Grace")});
        record.relations += record.relations; // the same relation read twice from each sentence
        record.entities += record.entities;   // and each entity listed twice
        QCOMPARE(store->writeDocumentBlocking(record), WriteOutcome::Inserted);
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM relations")), 2);
        QCOMPARE(store->status().entities, 2);
        QCOMPARE(store->relations().first().weight, 2);
    }

    // The writer counts an entity it inserted by its rowid, knowing its name: what another
    // connection changed meanwhile (a longer name, a row deleted and its rowid given to another
    // entity) must be read again, not overwritten.
    void entitiesChangedByAnotherConnectionAreReadAgain()
    {
        const QString path = newProjectPath();
        auto store = ProjectStore::open(path);
        store->writeDocumentBlocking(
            document(QStringLiteral("/a.txt"), 1, {QStringLiteral("Ada"), QStringLiteral("Grace")}));
        {
            gw::ProjectConnection other(path, gw::ProjectConnection::Access::ReadWrite);
            gw::ProjectConnection::Transaction transaction(other, gw::ProjectConnection::Transaction::Kind::Immediate);
            other.exec(QStringLiteral("UPDATE entities SET name = 'Ada Byron King' WHERE id = 'id-ada'"), {});
            // Grace was inserted last: a new row takes her rowid.
            other.exec(QStringLiteral("DELETE FROM relations"), {});
            other.exec(QStringLiteral("DELETE FROM mentions WHERE entity_id = 'id-grace'"), {});
            other.exec(QStringLiteral("DELETE FROM entities WHERE id = 'id-grace'"), {});
            other.exec(QStringLiteral("INSERT INTO entities (id, type, name, key, documents) "
                                      "VALUES ('id-other', 'PERSON', 'Other', 'other', 1)"),
                       {});
            transaction.commit();
        }
        store->writeDocumentBlocking(document(QStringLiteral("/b.txt"), 1,
                                              {QStringLiteral("Ada"), QStringLiteral("Grace")}, 1,
                                              QStringLiteral("Ada Lovelace")));

        const QList<gw::StoredEntity> entities = store->entities();
        const std::optional<gw::StoredEntity> ada = findEntity(entities, QStringLiteral("id-ada"));
        QVERIFY(ada);
        QCOMPARE(ada->name, QStringLiteral("Ada Byron King"));
        QCOMPARE(countRows(path, QStringLiteral("SELECT documents FROM entities WHERE id = 'id-ada'")), 2);
        QCOMPARE(countRows(path, QStringLiteral("SELECT documents FROM entities WHERE id = 'id-grace'")), 1);
        QCOMPARE(countRows(path, QStringLiteral("SELECT documents FROM entities WHERE id = 'id-other'")), 1);
        QCOMPARE(countRows(path,
                           QStringLiteral("SELECT count(*) FROM entities WHERE id = 'id-other' AND "
                                          "name = 'Other'")),
                 1);

        // Known again from here on: counted by rowid, the longer name still wins.
        store->writeDocumentBlocking(document(QStringLiteral("/c.txt"), 1,
                                              {QStringLiteral("Ada"), QStringLiteral("Grace")}, 1,
                                              QStringLiteral("Ada Augusta Byron King")));
        store->writeDocumentBlocking(document(QStringLiteral("/d.txt"), 1,
                                              {QStringLiteral("Ada"), QStringLiteral("Grace")}, 1,
                                              QStringLiteral("Ada Lovelace")));
        QCOMPARE(findEntity(store->entities(), QStringLiteral("id-ada"))->name,
                 QStringLiteral("Ada Augusta Byron King"));
        QCOMPARE(countRows(path, QStringLiteral("SELECT documents FROM entities WHERE id = 'id-ada'")), 4);
        QCOMPARE(countRows(path, QStringLiteral("SELECT documents FROM entities WHERE id = 'id-grace'")), 3);
        QCOMPARE(wrongReferenceCounts(path) - 1, 0); // id-other's count is the other connection's
    }

    // Entities go when the last document referring to them goes: the reference count must match
    // the mentions and relations through writes, rewrites and removals.
    void referenceCountsFollowEveryChange()
    {
        const QString path = newProjectPath();
        auto store = ProjectStore::open(path);
        DocumentRecord a = document(QStringLiteral("/a.txt"), 2, {QStringLiteral("Ada"), QStringLiteral("Zürich")});
        a.entities.append(sampleEntity(QStringLiteral("Unused"))); // listed, never mentioned
        store->writeDocumentBlocking(a);
        store->writeDocumentBlocking(
            document(QStringLiteral("/b.txt"), 3, {QStringLiteral("Ada"), QStringLiteral("Grace")}));
        store->writeDocumentBlocking(
            document(QStringLiteral("/c.txt"), 1, {QStringLiteral("Grace"), QStringLiteral("Zürich")}));
        QCOMPARE(entityIds(*store),
                 (QStringList{QStringLiteral("id-ada"), QStringLiteral("id-grace"), QStringLiteral("id-zürich")}));
        QCOMPARE(countRows(path, QStringLiteral("SELECT documents FROM entities WHERE id = 'id-ada'")), 2);
        QCOMPARE(countRows(path, QStringLiteral("SELECT documents FROM entities WHERE id = 'id-grace'")), 2);
        QCOMPARE(wrongReferenceCounts(path), 0);

        store->writeDocumentBlocking(
            document(QStringLiteral("/c.txt"), 2, {QStringLiteral("Grace"), QStringLiteral("Sentence")}, 2));
        QCOMPARE(wrongReferenceCounts(path), 0);
        QVERIFY(store->removeDocumentBlocking(QStringLiteral("/a.txt")));
        QCOMPARE(entityIds(*store),
                 (QStringList{QStringLiteral("id-ada"), QStringLiteral("id-grace"), QStringLiteral("id-sentence")}));
        QCOMPARE(wrongReferenceCounts(path), 0);
        QVERIFY(store->removeDocumentBlocking(QStringLiteral("/b.txt")));
        QVERIFY(store->removeDocumentBlocking(QStringLiteral("/c.txt")));
        QCOMPARE(store->status().entities, 0);
    }

    // A bulk load writes without the entity lookup indexes and builds them at its end; what is
    // stored is the same, and a bulk load cut short (a crash) is repaired when the project opens.
    void bulkLoadRebuildsTheEntityIndexes()
    {
        const QString plainPath = newProjectPath();
        const QString bulkPath = newProjectPath();
        const auto writeAll = [](ProjectStore &store) {
            store.writeDocumentBlocking(
                document(QStringLiteral("/a.txt"), 2, {QStringLiteral("Ada"), QStringLiteral("Zürich")}));
            store.writeDocumentBlocking(
                document(QStringLiteral("/b.txt"), 3, {QStringLiteral("Ada"), QStringLiteral("Grace")}));
            store.writeDocumentBlocking(
                document(QStringLiteral("/a.txt"), 4, {QStringLiteral("Ada"), QStringLiteral("Sentence")}, 2));
            QVERIFY(store.removeDocumentBlocking(QStringLiteral("/b.txt")));
        };
        {
            auto plain = ProjectStore::open(plainPath);
            writeAll(*plain);
        }
        {
            auto bulk = ProjectStore::open(bulkPath);
            QCOMPARE(entityLookupIndexes(bulkPath), 3);
            QVERIFY(gw::syncWait(bulk->beginBulkLoad()));
            QVERIFY(gw::syncWait(bulk->beginBulkLoad())); // nested
            QCOMPARE(entityLookupIndexes(bulkPath), 0);
            writeAll(*bulk);
            QCOMPARE(wrongReferenceCounts(bulkPath), 0);
            QVERIFY(gw::syncWait(bulk->endBulkLoad()));
            QCOMPARE(entityLookupIndexes(bulkPath), 0); // the outer bracket is still open
            QVERIFY(gw::syncWait(bulk->endBulkLoad()));
            QCOMPARE(entityLookupIndexes(bulkPath), 3);
            QCOMPARE(bulk->status().mentions, 8);
            QCOMPARE(bulk->entities().size(), 2);
        }
        const QString rows =
            QStringLiteral("SELECT group_concat(r, ';') FROM (SELECT d.path || ':' || m.entity_id || ':' || "
                           "m.start_offset AS r FROM mentions m JOIN documents d ON d.id = m.document_id "
                           "UNION ALL SELECT id || ':' || name || ':' || documents FROM entities "
                           "UNION ALL SELECT subject_id || ':' || type || ':' || object_id FROM relations "
                           "ORDER BY 1)");
        QCOMPARE(gw::testing::scalarText(bulkPath, rows), gw::testing::scalarText(plainPath, rows));

        {
            auto cutShort = ProjectStore::open(bulkPath);
            QVERIFY(gw::syncWait(cutShort->beginBulkLoad()));
        } // closed without endBulkLoad, as after a crash
        QCOMPARE(entityLookupIndexes(bulkPath), 0);
        {
            auto reopened = ProjectStore::open(bulkPath);
            QCOMPARE(entityLookupIndexes(bulkPath), 3);
        }
        QCOMPARE(gw::testing::scalarText(bulkPath, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    }

    // A batch of new paths is written without foreign key checks (DocumentWriter::writeBatch);
    // one that turns out to replace a row (here the same path twice) is written again with them,
    // so the first version's rows go by cascade, and they are on again afterwards.
    void batchOfNewPathsKeepsTheForeignKeys()
    {
        const QString path = newProjectPath();
        {
            gw::DocumentWriter writer(path);
            const DocumentRecord a =
                document(QStringLiteral("/a.txt"), 2, {QStringLiteral("Ada"), QStringLiteral("Zürich")});
            const DocumentRecord b =
                document(QStringLiteral("/b.txt"), 3, {QStringLiteral("Ada"), QStringLiteral("Grace")});
            const DocumentRecord a2 =
                document(QStringLiteral("/a.txt"), 4, {QStringLiteral("Ada"), QStringLiteral("Sentence")}, 2);
            const QList<gw::DocumentWriter::BatchResult> first = writer.writeBatch({&a, &b});
            QCOMPARE(*first.at(0).outcome, WriteOutcome::Inserted);
            QCOMPARE(*first.at(1).outcome, WriteOutcome::Inserted);

            const DocumentRecord c =
                document(QStringLiteral("/c.txt"), 2, {QStringLiteral("Grace"), QStringLiteral("Zürich")});
            const DocumentRecord c2 =
                document(QStringLiteral("/c.txt"), 2, {QStringLiteral("Grace"), QStringLiteral("Sentence")}, 2);
            const QList<gw::DocumentWriter::BatchResult> second = writer.writeBatch({&c, &c2});
            QVERIFY(!second.at(0).error && !second.at(1).error);
            QCOMPARE(*second.at(0).outcome, WriteOutcome::Inserted);
            QCOMPARE(*second.at(1).outcome, WriteOutcome::Replaced);
            QCOMPARE(rowsOf(path, "mentions", QStringLiteral("/c.txt")), 4);

            // Checked again: a replacement's old rows go with it.
            QCOMPARE(*writer.writeBatch({&a2}).first().outcome, WriteOutcome::Replaced);
            QVERIFY(writer.remove(QStringLiteral("/b.txt")));
        }
        QCOMPARE(rowsOf(path, "mentions", QStringLiteral("/a.txt")), 8);
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM mentions")), 8 + 4);
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM chunks")), 4 + 2);
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")), 0);
        QCOMPARE(wrongReferenceCounts(path), 0);
    }

    void invalidExtractionIsRefusedAndNothingWritten_data()
    {
        QTest::addColumn<Break>("breakIt");
        QTest::addColumn<QString>("expected");
        QTest::newRow("evidence past the text")
            << Break([](DocumentRecord &r) { r.relations.last().sentenceEnd = r.text.size() + 1; })
            << QStringLiteral("the evidence of relation 1 spans");
        QTest::newRow("evidence reversed")
            << Break([](DocumentRecord &r) { r.relations.first().sentenceEnd = r.relations.first().sentenceStart - 1; })
            << QStringLiteral("the evidence of relation 0 spans");
        QTest::newRow("mention before the text")
            << Break([](DocumentRecord &r) { r.mentions.first().start = -1; }) << QStringLiteral("mention 0 spans [-1");
        QTest::newRow("mention chunk out of range")
            << Break([](DocumentRecord &r) { r.mentions.last().chunk = r.chunks.size(); })
            << QStringLiteral("is in chunk 2 of 2");
        QTest::newRow("relation chunk negative") << Break([](DocumentRecord &r) { r.relations.first().chunk = -1; })
                                                 << QStringLiteral("relation 0 is in chunk -1");
        QTest::newRow("unknown mention entity")
            << Break([](DocumentRecord &r) { r.mentions.first().entityId = QStringLiteral("id-nobody"); })
            << QStringLiteral("refers to entity \"id-nobody\"");
        QTest::newRow("unknown relation object")
            << Break([](DocumentRecord &r) { r.relations.first().objectId = QStringLiteral("id-nobody"); })
            << QStringLiteral("relation 0 refers to entity \"id-nobody\"");
        QTest::newRow("entity without id") << Break([](DocumentRecord &r) { r.entities.append(gw::EntityRecord{}); })
                                           << QStringLiteral("an entity has no id");
    }

    void invalidExtractionIsRefusedAndNothingWritten()
    {
        QFETCH(Break, breakIt);
        QFETCH(QString, expected);
        const QString path = newProjectPath();
        auto store = ProjectStore::open(path);
        const DocumentRecord good =
            document(QStringLiteral("/a.txt"), 2, {QStringLiteral("Ada"), QStringLiteral("Grace")});
        store->writeDocumentBlocking(good);

        for (const QString &target : {QStringLiteral("/new.txt"), QStringLiteral("/a.txt")}) { // new, and a replacement
            DocumentRecord bad = document(target, 2, {QStringLiteral("Zürich"), QStringLiteral("Sentence")}, 2);
            breakIt(bad);
            QString message;
            try {
                store->writeDocumentBlocking(bad);
            } catch (const gw::StoreError &error) {
                message = error.message();
            }
            QVERIFY2(message.contains(QStringLiteral("cannot write document \"%1\"").arg(target)), qPrintable(message));
            QVERIFY2(message.contains(expected), qPrintable(message));
        }
        // Nothing of the refused documents; the good one whole.
        const gw::ProjectStatus status = store->status();
        QCOMPARE(status.documentsDone, 1);
        QCOMPARE(status.mentions, 4);
        QCOMPARE(entityIds(*store), (QStringList{QStringLiteral("id-ada"), QStringLiteral("id-grace")}));
        QCOMPARE(store->documents().first().contentHash, good.contentHash);
    }
};

GW_TEST_MAIN(TstExtractionStore)
#include "tst_extractionstore.moc"
