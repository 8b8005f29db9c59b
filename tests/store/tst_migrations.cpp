#include "sampledocuments.h"
#include "store/projectschema.h"
#include "store/projectstore.h"
#include "store/storeerror.h"
#include "testmain.h"

#include <QDir>
#include <QTemporaryDir>

using gw::ProjectConnection;
using gw::ProjectSchema;
using gw::ProjectStore;
using gw::testing::countRows;
using gw::testing::scalarText;

class TstMigrations : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_serial = 0;
    QString newPath() { return m_dir.filePath(QStringLiteral("file-%1.gwp").arg(++m_serial)); }

    // Opens `path` expecting a StoreError; returns its message.
    static QString refusal(const QString &path)
    {
        try {
            ProjectStore::open(path);
        } catch (const gw::StoreError &error) {
            return error.message();
        }
        return QStringLiteral("<opened without error>");
    }

    static QByteArray fileBytes(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void schemaListIsConsistent()
    {
        QCOMPARE(ProjectSchema::latestVersion(), ProjectSchema::migrations().size());
        QVERIFY(ProjectSchema::latestVersion() >= 1);
        for (const ProjectSchema::Migration &migration : ProjectSchema::migrations()) {
            QVERIFY(!migration.description.isEmpty());
            QVERIFY(!migration.statements.isEmpty());
        }
    }

    void missingFileIsCreatedAtLatestVersion()
    {
        const QString path = newPath();
        QVERIFY(!QFile::exists(path));
        {
            auto store = ProjectStore::open(path);
            QCOMPARE(store->schemaVersion(), ProjectSchema::latestVersion());
        }
        QVERIFY(QFile::exists(path));
        QCOMPARE(scalarText(path, QStringLiteral("PRAGMA user_version")).toInt(), ProjectSchema::latestVersion());
        QCOMPARE(scalarText(path, QStringLiteral("PRAGMA application_id")).toInt(), ProjectSchema::applicationId);
        for (const char *table : {"documents", "document_texts", "chunks", "entities", "mentions", "relations"})
            QCOMPARE(countRows(path,
                               QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%1'")
                                   .arg(QLatin1String(table))),
                     1);
        QCOMPARE(
            countRows(path, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'chunks_by_document'")), 1);
    }

    void emptyFileIsMigratedFromVersionZero()
    {
        const QString path = newPath();
        gw::testing::writeFile(path, {}); // a zero-byte file is an empty SQLite database, version 0
        auto store = ProjectStore::open(path);
        QCOMPARE(store->schemaVersion(), ProjectSchema::latestVersion());
        QCOMPARE(store->writeDocumentBlocking(gw::testing::sampleDocument(QStringLiteral("/a"), 2)),
                 gw::WriteOutcome::Inserted);
        QCOMPARE(store->status().chunks, 2);
    }

    void reopeningKeepsVersionAndData()
    {
        const QString path = newPath();
        ProjectStore::open(path)->writeDocumentBlocking(gw::testing::sampleDocument(QStringLiteral("/a"), 3));
        for (int i = 0; i < 3; ++i) {
            auto store = ProjectStore::open(path);
            QCOMPARE(store->schemaVersion(), ProjectSchema::latestVersion());
            QCOMPARE(store->status().chunks, 3);
        }
        QCOMPARE(scalarText(path, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    }

    void versionOneFileUpgradesKeepingItsDocuments()
    {
        const QString path = newPath();
        {
            // What a version 1 Graphwright made: migration 1 only, and a document written by hand.
            ProjectConnection connection(path, ProjectConnection::Access::ReadWrite);
            for (const QString &statement : ProjectSchema::migrations().at(0).statements)
                connection.exec(statement, QStringLiteral("test setup"));
            connection.exec(QStringLiteral("PRAGMA user_version = 1"), QStringLiteral("test setup"));
            connection.exec(QStringLiteral("INSERT INTO documents (id, path, content_hash, state, chars, "
                                           "chunk_count, ingested_at) VALUES (1, '/old.txt', 'abc', 'done', "
                                           "11, 1, '2024-01-02T03:04:05.000Z')"),
                            QStringLiteral("test setup"));
            connection.exec(QStringLiteral("INSERT INTO document_texts VALUES (1, 'Old content')"),
                            QStringLiteral("test setup"));
            connection.exec(QStringLiteral("INSERT INTO chunks (document_id, ordinal, start_offset, end_offset) "
                                           "VALUES (1, 0, 0, 11)"),
                            QStringLiteral("test setup"));
        }
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'entities'")), 0);
        {
            auto store = ProjectStore::open(path);
            QCOMPARE(store->schemaVersion(), gw::ProjectSchema::latestVersion());
            const QList<gw::StoredDocument> documents = store->documents();
            QCOMPARE(documents.size(), 1);
            QCOMPARE(documents.first().path, QStringLiteral("/old.txt"));
            QCOMPARE(store->documentText(1), QStringLiteral("Old content"));
            QCOMPARE(store->chunks(1).first().text, QStringLiteral("Old content"));
            QCOMPARE(store->status().entities, 0);

            // The new tables work: a document with entities goes in beside the old one.
            gw::DocumentRecord record = gw::testing::sampleDocument(QStringLiteral("/new.txt"), 2);
            gw::testing::addSampleExtraction(
                record,
                {gw::testing::sampleEntity(QStringLiteral("Ada")), gw::testing::sampleEntity(QStringLiteral("Grace"))});
            QCOMPARE(store->writeDocumentBlocking(record), gw::WriteOutcome::Inserted);
            const gw::ProjectStatus status = store->status();
            QCOMPARE(status.documentsDone, 2);
            QCOMPARE(status.entities, 2);
            QCOMPARE(status.mentions, 4);
            QCOMPARE(status.relations, 1);
        }
        QCOMPARE(scalarText(path, QStringLiteral("PRAGMA user_version")).toInt(), gw::ProjectSchema::latestVersion());
        for (const char *index : {"mentions_by_document", "mentions_by_entity", "relations_by_subject",
                                  "relations_by_object", "relations_by_document"})
            QCOMPARE(countRows(path,
                               QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '%1'")
                                   .arg(QLatin1String(index))),
                     1);
        QCOMPARE(scalarText(path, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")), 0);
    }

    // Schema 5 counts the documents that refer to each entity; an older file gets the counts
    // from its mentions and relations, so removing a document later deletes exactly its orphans.
    void versionFourFileGetsEntityReferenceCounts()
    {
        const QString path = newPath();
        {
            ProjectConnection connection(path, ProjectConnection::Access::ReadWrite);
            for (int i = 0; i < 4; ++i)
                for (const QString &statement : ProjectSchema::migrations().at(i).statements)
                    connection.exec(statement, QStringLiteral("test setup"));
            connection.exec(QStringLiteral("PRAGMA user_version = 4"), QStringLiteral("test setup"));
            const QStringList rows = {
                QStringLiteral(
                    "INSERT INTO documents (id, path, content_hash, state, chars, chunk_count, ingested_at) VALUES "
                    "(1, '/a.txt', 'a', 'done', 40, 1, '2026-01-01T00:00:00.000Z'), "
                    "(2, '/b.txt', 'b', 'done', 40, 1, '2026-01-01T00:00:00.000Z')"),
                QStringLiteral("INSERT INTO entities (id, type, name, key) VALUES ('ada', 'PERSON', 'Ada', 'ada'), "
                               "('grace', 'PERSON', 'Grace', 'grace'), ('rome', 'LOCATION', 'Rome', 'rome')"),
                // Ada: mentioned in both; Grace: mentioned in /a, object of a relation in /b;
                // Rome: only the object of a relation in /b.
                QStringLiteral("INSERT INTO mentions (document_id, chunk_ordinal, entity_id, start_offset, end_offset, "
                               "confidence) "
                               "VALUES (1, 0, 'ada', 0, 3, 1), (1, 0, 'ada', 10, 13, 1), (1, 0, 'grace', 20, 25, 1), "
                               "(2, 0, 'ada', 0, 3, 1)"),
                QStringLiteral(
                    "INSERT INTO relations (document_id, type, subject_id, object_id, chunk_ordinal, sentence_start, "
                    "sentence_end, trigger) VALUES (2, 'met', 'ada', 'grace', 0, 0, 30, 'met'), "
                    "(2, 'visited', 'ada', 'rome', 0, 0, 30, 'visited')"),
            };
            for (const QString &row : rows)
                connection.exec(row, QStringLiteral("test setup"));
        }
        auto store = ProjectStore::open(path);
        QCOMPARE(store->schemaVersion(), ProjectSchema::latestVersion());
        QCOMPARE(scalarText(path,
                            QStringLiteral("SELECT group_concat(id || '=' || documents, ' ') FROM "
                                           "(SELECT * FROM entities ORDER BY id)")),
                 QStringLiteral("ada=2 grace=2 rome=1"));
        QVERIFY(store->removeDocumentBlocking(QStringLiteral("/b.txt")));
        QCOMPARE(scalarText(path,
                            QStringLiteral("SELECT group_concat(id || '=' || documents, ' ') FROM "
                                           "(SELECT * FROM entities ORDER BY id)")),
                 QStringLiteral("ada=1 grace=1"));
    }

    // Co-occurrence stored both ways by older versions becomes one row per pair and sentence,
    // the smaller id first; other relations keep their direction.
    void versionFiveFileGetsUndirectedCoOccurrence()
    {
        const QString path = newPath();
        {
            ProjectConnection connection(path, ProjectConnection::Access::ReadWrite);
            for (int i = 0; i < 5; ++i)
                for (const QString &statement : ProjectSchema::migrations().at(i).statements)
                    connection.exec(statement, QStringLiteral("test setup"));
            connection.exec(QStringLiteral("PRAGMA user_version = 5"), QStringLiteral("test setup"));
            const QStringList rows = {
                QStringLiteral(
                    "INSERT INTO documents (id, path, content_hash, state, chars, chunk_count, ingested_at) VALUES "
                    "(1, '/a.txt', 'a', 'done', 90, 1, '2026-01-01T00:00:00.000Z')"),
                QStringLiteral("INSERT INTO entities (id, type, name, key, documents) VALUES "
                               "('ada', 'PERSON', 'Ada', 'ada', 1), ('zoe', 'PERSON', 'Zoe', 'zoe', 1)"),
                // Sentence 0: both ways (one must go); sentence 40: only zoe -> ada (flipped);
                // sentence 60: a typed relation zoe -> ada (kept as it is).
                QStringLiteral(
                    "INSERT INTO relations (document_id, type, subject_id, object_id, chunk_ordinal, sentence_start, "
                    "sentence_end, trigger) VALUES (1, 'co_occurs', 'ada', 'zoe', 0, 0, 30, ''), "
                    "(1, 'co_occurs', 'zoe', 'ada', 0, 0, 30, ''), (1, 'co_occurs', 'zoe', 'ada', 0, 40, 59, ''), "
                    "(1, 'child_of', 'zoe', 'ada', 0, 60, 90, 'daughter')"),
            };
            for (const QString &row : rows)
                connection.exec(row, QStringLiteral("test setup"));
        }
        auto store = ProjectStore::open(path);
        QCOMPARE(store->schemaVersion(), ProjectSchema::latestVersion());
        QCOMPARE(scalarText(path,
                            QStringLiteral("SELECT group_concat(type || ':' || subject_id || '>' || object_id || '@' "
                                           "|| sentence_start, ' ') FROM (SELECT * FROM relations ORDER BY "
                                           "sentence_start, type)")),
                 QStringLiteral("co_occurs:ada>zoe@0 co_occurs:ada>zoe@40 child_of:zoe>ada@60"));
    }

    void newerSchemaIsRefused()
    {
        const QString path = newPath();
        const int newer = ProjectSchema::latestVersion() + 1;
        {
            ProjectConnection connection(path, ProjectConnection::Access::ReadWrite);
            connection.exec(QStringLiteral("PRAGMA user_version = %1").arg(newer), QStringLiteral("test setup"));
        }
        const QString message = refusal(path);
        QVERIFY2(message.contains(QStringLiteral("made by a newer Graphwright (schema %1, this version reads up to %2)")
                                      .arg(newer)
                                      .arg(ProjectSchema::latestVersion())),
                 qPrintable(message));
        QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
        QCOMPARE(scalarText(path, QStringLiteral("PRAGMA user_version")).toInt(), newer); // untouched
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM sqlite_master")), 0);
    }

    void garbageFileIsRefusedNamingIt()
    {
        const QString path = newPath();
        const QByteArray garbage = QByteArray("This is a shopping list, not a database.\n").repeated(200);
        gw::testing::writeFile(path, garbage);
        const QString message = refusal(path);
        QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("not a database")), qPrintable(message));
        QCOMPARE(fileBytes(path), garbage); // not a byte changed
        qInfo("%s", qPrintable(message));
    }

    void foreignSqliteFileIsRefused()
    {
        const QString path = newPath();
        {
            ProjectConnection connection(path, ProjectConnection::Access::ReadWrite);
            connection.exec(QStringLiteral("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)"),
                            QStringLiteral("test setup"));
        }
        const QString message = refusal(path);
        QVERIFY2(message.contains(QStringLiteral("not a Graphwright project")), qPrintable(message));
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'documents'")), 0);

        const QString other = newPath();
        {
            ProjectConnection connection(other, ProjectConnection::Access::ReadWrite);
            connection.exec(QStringLiteral("PRAGMA application_id = 42"), QStringLiteral("test setup"));
        }
        const QString otherMessage = refusal(other);
        QVERIFY2(otherMessage.contains(QStringLiteral("another application")), qPrintable(otherMessage));
    }

    void missingFolderIsRefused()
    {
        const QString folder = m_dir.filePath(QStringLiteral("no-such-folder"));
        const QString message = refusal(folder + QStringLiteral("/project.gwp"));
        QVERIFY2(message.contains(QStringLiteral("does not exist")), qPrintable(message));
        QVERIFY2(message.contains(QDir::toNativeSeparators(folder)), qPrintable(message));
        QVERIFY(!QFileInfo::exists(folder)); // not created behind the user's back

        const QString dirMessage = refusal(m_dir.path());
        QVERIFY2(dirMessage.contains(QStringLiteral("folder")), qPrintable(dirMessage));
    }
};

GW_TEST_MAIN(TstMigrations)
#include "tst_migrations.moc"
