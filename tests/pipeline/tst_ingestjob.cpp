#include "ingest/filestamp.h"
#include "core/syncwait.h"
#include "pipeline/ingestjob.h"
#include "store/projectconnection.h"
#include "store/projectstore.h"
#include "documentfixtures.h"
#include "testmain.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

#include <quazip.h>
#include <quazipfile.h>

#include <fcntl.h>
#include <sys/stat.h>

namespace {

using gw::testing::prose;
using gw::testing::writeFile;

const gw::DocumentSnapshot *find(const QList<gw::DocumentSnapshot> &rows, const QString &fileName)
{
    for (const auto &row : rows)
        if (QFileInfo(row.path).fileName() == fileName)
            return &row;
    return nullptr;
}

// A DOCX whose document.xml inflates to `inflated` bytes from a small archive.
QByteArray zipBomb(qsizetype inflated)
{
    QBuffer buffer;
    QuaZip zip(&buffer);
    zip.open(QuaZip::mdCreate);
    QuaZipFile file(&zip);
    file.open(QIODevice::WriteOnly, QuaZipNewInfo(QStringLiteral("word/document.xml")));
    file.write("<?xml version=\"1.0\"?><w:document "
               "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
    const QByteArray block = QByteArray("<w:p/>").repeated(100'000);
    for (qsizetype written = 0; written < inflated; written += block.size())
        file.write(block);
    file.write("</w:body></w:document>");
    file.close();
    zip.close();
    return buffer.data();
}

// The indexes a bulk load drops (0 during one, 3 otherwise), on any connection of the project.
int entityLookupIndexes(gw::ProjectConnection &connection)
{
    return connection
        .scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                               "('mentions_by_entity', 'relations_by_subject', 'relations_by_object')"),
                QStringLiteral("test"))
        .toInt();
}

} // namespace

class TstIngestJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mixedFolderIsIngestedAndBadFilesAreReported()
    {
        QTemporaryDir dir;
        const QString docs = dir.filePath(QStringLiteral("docs"));
        writeFile(docs + QStringLiteral("/a.txt"), prose(40));
        writeFile(docs + QStringLiteral("/b.md"), "# Title\n\n" + prose(30, 1));
        writeFile(docs + QStringLiteral("/nested/c.html"), "<html><body><p>" + prose(20, 2) + "</p></body></html>");
        writeFile(docs + QStringLiteral("/nested/d.csv"), "name,city\nAda Lovelace,London\nAlan Turing,Manchester\n");
        writeFile(docs + QStringLiteral("/nested/e.json"), R"({"text": "Grace Hopper wrote the A-0 compiler."})");
        writeFile(docs + QStringLiteral("/broken.json"), "{\"unterminated\": ");
        writeFile(docs + QStringLiteral("/binary.txt"),
                  QByteArray("\x7f"
                             "ELF\0\0\0\x01\x02\x03\0\0",
                             12)
                      .repeated(100));
        writeFile(docs + QStringLiteral("/picture.xyz"), "not a document");

        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        gw::IngestOptions options;
        options.jobs = 2;
        gw::IngestJob job(*store, options);
        const gw::IngestSummary summary = gw::syncWait(job.run({docs}));

        QCOMPARE(summary.documentsDone, 5);
        QCOMPARE(summary.documentsFailed, 2);
        QCOMPARE(summary.documentsSkipped, 1);
        QVERIFY(!summary.cancelled);
        QVERIFY(summary.words > 500);
        QVERIFY(summary.maxConcurrency >= 1 && summary.maxConcurrency <= 2);
        for (const auto &failure : summary.failures) {
            QVERIFY(!failure.reason.isEmpty());
            QVERIFY(failure.path.endsWith(QStringLiteral("broken.json"))
                    || failure.path.endsWith(QStringLiteral("binary.txt")));
        }
        const auto rows = job.snapshot();
        const auto *skipped = find(rows, QStringLiteral("picture.xyz"));
        QVERIFY(skipped);
        QVERIFY(skipped->message.contains(QStringLiteral("xyz")));

        const gw::ProjectStatus status = store->status();
        QCOMPARE(status.documentsDone, 5);
        QCOMPARE(status.documentsFailed, 2);
        QCOMPARE(status.words, summary.words);
        QCOMPARE(status.chunks, summary.chunks);

        // Every chunk points into its document's text.
        for (const auto &document : store->documents()) {
            if (document.state != gw::StoredState::Done)
                continue;
            const QString text = store->documentText(document.id);
            const auto chunks = store->chunks(document.id);
            QVERIFY(!chunks.isEmpty());
            for (const auto &chunk : chunks)
                QCOMPARE(text.mid(chunk.start, chunk.end - chunk.start), chunk.text);
        }
    }

    void entitiesAndRelationsAreExtractedAndStoredWithTheirDocument()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("in/hopper.txt")),
                  "Grace Hopper worked for Remington Rand Corporation. Alan Turing was born in London. "
                  "Charles Babbage designed the Analytical Engine. Babbage lived in London.");
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        {
            gw::IngestJob job(*store, {});
            const auto summary = gw::syncWait(job.run({dir.filePath(QStringLiteral("in"))}));
            QCOMPARE(summary.documentsDone, 1);
            QVERIFY(summary.mentions >= 6);
            QVERIFY(summary.relations >= 3);
        }
        const auto relationsNamed = [&](const QString &type, const QString &subject, const QString &object) {
            int found = 0;
            for (const auto &relation : store->relations())
                found += relation.type == type && relation.subjectName == subject && relation.objectName == object;
            return found;
        };
        QCOMPARE(relationsNamed(QStringLiteral("works_for"), QStringLiteral("Grace Hopper"),
                                QStringLiteral("Remington Rand Corporation")),
                 1);
        QCOMPARE(relationsNamed(QStringLiteral("born_in"), QStringLiteral("Alan Turing"), QStringLiteral("London")), 1);
        QCOMPARE(relationsNamed(QStringLiteral("created"), QStringLiteral("Charles Babbage"),
                                QStringLiteral("Analytical Engine")),
                 1);
        // "Babbage" later in the text is the same entity as "Charles Babbage".
        int babbages = 0;
        for (const auto &entity : store->entities())
            babbages += entity.name.contains(QStringLiteral("Babbage"));
        QCOMPARE(babbages, 1);
        const auto before = store->status();
        QVERIFY(before.entities >= 5);

        // Running again changes nothing: no relation is duplicated.
        gw::IngestJob again(*store, {});
        QCOMPARE(gw::syncWait(again.run({dir.filePath(QStringLiteral("in"))})).documentsSkipped, 1);
        QCOMPARE(store->status().relations, before.relations);
        QCOMPARE(store->status().mentions, before.mentions);

        // Removing the document removes exactly its contributions.
        QVERIFY(store->removeDocumentBlocking(dir.filePath(QStringLiteral("in/hopper.txt"))));
        const auto after = store->status();
        QCOMPARE(after.entities, 0);
        QCOMPARE(after.mentions, 0);
        QCOMPARE(after.relations, 0);
    }

    void unchangedFilesAreSkippedAndChangedOnesReplaced()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("in/a.txt"));
        const QString b = dir.filePath(QStringLiteral("in/b.txt"));
        writeFile(a, prose(30));
        writeFile(b, prose(30, 3));
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        {
            gw::IngestJob job(*store, {});
            QCOMPARE(gw::syncWait(job.run({dir.filePath(QStringLiteral("in"))})).documentsDone, 2);
        }
        writeFile(b, prose(10, 4));
        gw::IngestJob again(*store, {});
        const auto summary = gw::syncWait(again.run({dir.filePath(QStringLiteral("in"))}));
        QCOMPARE(summary.documentsDone, 1);
        QCOMPARE(summary.documentsSkipped, 1);
        QVERIFY(summary.skipped.first().reason.contains(QStringLiteral("unchanged")));
        QCOMPARE(store->status().documentsDone, 2);
        QCOMPARE(store->status().words, gw::countWords(QString::fromUtf8(prose(30) + prose(10, 4))));
    }

    void anotherExtractorReadsUnchangedFilesAgain()
    {
        // A project ingested without extraction (or by an older extractor) gets today's graph
        // when the same files are ingested again, while an unchanged file read by the same
        // extractor is still skipped.
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("in/hopper.txt")), "Grace Hopper worked for Remington Rand Corporation.");
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        gw::IngestOptions plain;
        plain.extract = false;
        {
            gw::IngestJob job(*store, plain);
            QCOMPARE(gw::syncWait(job.run({dir.filePath(QStringLiteral("in"))})).documentsDone, 1);
        }
        QCOMPARE(store->status().entities, 0);
        {
            gw::IngestJob job(*store, {});
            const auto summary = gw::syncWait(job.run({dir.filePath(QStringLiteral("in"))}));
            QCOMPARE(summary.documentsDone, 1);
            QCOMPARE(summary.documentsSkipped, 0);
        }
        QVERIFY(store->status().entities >= 2);
        QVERIFY(store->documents().first().extractor.startsWith(QStringLiteral("builtin-")));
        gw::IngestJob again(*store, {});
        QCOMPARE(gw::syncWait(again.run({dir.filePath(QStringLiteral("in"))})).documentsSkipped, 1);
    }

    void aReRunReadsOnlyTheFilesThatChanged()
    {
        QTemporaryDir dir;
        QStringList paths;
        for (int i = 0; i < 3; ++i) {
            paths.append(dir.filePath(QStringLiteral("in/%1.txt").arg(i)));
            writeFile(paths.last(), prose(10, i));
        }
        // A file changed moments before it is read gets no stamp (its next change could keep the
        // same times): wait until the file system's clock has moved past them.
        QVERIFY(QTest::qWaitFor(
            [&] {
                QFile file(paths.last());
                return file.open(QIODevice::ReadOnly) && !gw::FileStamp::trustedForRead(file.handle()).isEmpty();
            },
            5000));
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        const auto ingest = [&] {
            gw::IngestJob job(*store, {});
            return gw::syncWait(job.run({dir.filePath(QStringLiteral("in"))}));
        };
        const auto reads = [](const gw::IngestSummary &summary) {
            for (const gw::StageSnapshot &stage : summary.stages)
                if (stage.name == QStringLiteral("read"))
                    return stage.completed;
            return qint64(-1);
        };
        QCOMPARE(reads(ingest()), qint64(3));
        const auto unchanged = ingest();
        QCOMPARE(unchanged.documentsSkipped, 3);
        QCOMPARE(reads(unchanged), qint64(0)); // known by their stamps, none opened

        // New bytes of the same length with the old modification time put back (cp -p, rsync -t):
        // the status-change time still differs, so the file is read again and replaced.
        struct stat before
        {};
        QCOMPARE(::stat(QFile::encodeName(paths.first()).constData(), &before), 0);
        QByteArray edited = prose(10, 0);
        edited[0] = edited.at(0) == 'X' ? 'Y' : 'X';
        writeFile(paths.first(), edited);
        const timespec times[2] = {before.st_atim, before.st_mtim};
        QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(paths.first()).constData(), times, 0), 0);
        const auto replaced = ingest();
        QCOMPARE(reads(replaced), qint64(1));
        QCOMPARE(replaced.documentsDone, 1);
        QCOMPARE(replaced.documentsSkipped, 2);

        // Touched, not changed: read once and found unchanged, then known by its new stamp.
        const timespec touched[2] = {before.st_atim, {before.st_mtim.tv_sec - 3600, 0}};
        QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(paths.last()).constData(), touched, 0), 0);
        QVERIFY(QTest::qWaitFor(
            [&] {
                QFile file(paths.last());
                return file.open(QIODevice::ReadOnly) && !gw::FileStamp::trustedForRead(file.handle()).isEmpty();
            },
            5000));
        // The edited file as well: it was read moments after its edit, so without a stamp.
        const auto reread = ingest();
        QCOMPARE(reads(reread), qint64(2));
        QCOMPARE(reread.documentsSkipped, 3);
        QCOMPARE(reads(ingest()), qint64(0));
    }

    void aFileWhoseLastReadFailedIsNotUnchanged()
    {
        // The job decides "unchanged" from its own copy of the documents table: a document whose
        // newer version failed keeps its older data and the failure, and the same bytes as that
        // older data must be read again (and clear the failure), not skipped.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("in/a.txt"));
        writeFile(path, prose(20));
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        const auto ingest = [&] {
            gw::IngestJob job(*store, {});
            return gw::syncWait(job.run({dir.filePath(QStringLiteral("in"))}));
        };
        QCOMPARE(ingest().documentsDone, 1);
        writeFile(path, QByteArray("\x00\x01\x02\xff binary", 12).repeated(100));
        QCOMPARE(ingest().documentsFailed, 1);
        QVERIFY(!store->documents().first().error.isEmpty());
        writeFile(path, prose(20));
        const auto summary = ingest();
        QCOMPARE(summary.documentsSkipped, 0);
        QCOMPARE(summary.documentsDone, 1);
        QVERIFY(store->documents().first().error.isEmpty());
        QCOMPARE(ingest().documentsSkipped, 1);
    }

    void cancellingKeepsFinishedDocumentsWhole()
    {
        QTemporaryDir dir;
        for (int i = 0; i < 120; ++i)
            writeFile(dir.filePath(QStringLiteral("in/doc%1.txt").arg(i, 3, 10, QLatin1Char('0'))), prose(3000, i));
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        gw::IngestOptions options;
        options.jobs = 2;
        gw::IngestJob job(*store, options);
        QTimer poll;
        poll.setInterval(5);
        connect(&poll, &QTimer::timeout, this, [&] {
            if (job.counts().done >= 3)
                job.cancel();
        });
        poll.start();
        const auto summary = gw::syncWait(job.run({dir.filePath(QStringLiteral("in"))}));
        QVERIFY(summary.cancelled);
        QVERIFY(summary.documentsDone >= 3);
        QVERIFY2(summary.documentsCancelled > 50, qPrintable(QString::number(summary.documentsCancelled)));
        QCOMPARE(summary.documentsDone + summary.documentsCancelled + summary.documentsFailed, 120);
        QCOMPARE(summary.documentsFailed, 0);

        // The project holds exactly the finished documents, each complete.
        store.reset();
        store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        QCOMPARE(store->status().documentsDone, summary.documentsDone);
        for (const auto &document : store->documents())
            QCOMPARE(store->chunks(document.id).size(), document.chunkCount);
        const auto rows = job.snapshot();
        for (const auto &row : rows)
            QVERIFY(gw::isFinished(row.state));
    }

    // A batch of new documents at least as large as the project is written as a bulk load
    // (without the entity lookup indexes, built at the end): the same rows as without it, the
    // indexes back when the job is idle, and a small addition later is written normally.
    void aLargeBatchIsBulkLoadedToTheSameResult()
    {
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("in"));
        for (int i = 0; i < 8; ++i)
            writeFile(in + QStringLiteral("/doc%1.txt").arg(i), prose(120, i));
        const auto indexesSeen = std::make_shared<QList<int>>(); // per document written
        int indexings = 0;                                       // indexingEntities() signals of the last job
        const auto ingest = [&](const QString &project, qint64 bulkLoadMinBytes, const QStringList &inputs) {
            auto store = gw::ProjectStore::open(project);
            store->addDocumentWriteStep([indexesSeen](gw::DocumentWriteContext &context) {
                indexesSeen->append(entityLookupIndexes(context.connection));
            });
            gw::IngestOptions options;
            options.jobs = 2;
            options.bulkLoadMinBytes = bulkLoadMinBytes;
            gw::IngestJob job(*store, options);
            QSignalSpy indexing(&job, &gw::IngestJob::indexingEntities);
            const auto summary = gw::syncWait(job.run(inputs));
            indexings = int(indexing.count());
            int indexesAfter = 0;
            store->readSnapshot(
                [&](gw::ProjectConnection &connection) { indexesAfter = entityLookupIndexes(connection); });
            QString rows;
            store->readSnapshot([&](gw::ProjectConnection &connection) {
                rows =
                    connection
                        .scalar(QStringLiteral(
                                    "SELECT group_concat(r, ';') FROM (SELECT d.path || ':' || m.entity_id || ':' || "
                                    "m.start_offset AS r FROM mentions m JOIN documents d ON d.id = m.document_id "
                                    "UNION ALL SELECT id || ':' || name || ':' || documents FROM entities "
                                    "UNION ALL SELECT subject_id || ':' || type || ':' || object_id FROM relations "
                                    "ORDER BY 1)"),
                                QStringLiteral("test"))
                        .toString();
            });
            return std::tuple(summary, indexesAfter, rows);
        };

        const auto [plain, plainIndexes, plainRows] = ingest(dir.filePath(QStringLiteral("plain.gwp")), -1, {in});
        QCOMPARE(plain.documentsDone, 8);
        QCOMPARE(*indexesSeen, QList<int>(8, 3));
        QCOMPARE(plainIndexes, 3);
        QCOMPARE(indexings, 0);

        indexesSeen->clear();
        const QString bulkProject = dir.filePath(QStringLiteral("bulk.gwp"));
        const auto [bulk, bulkIndexes, bulkRows] = ingest(bulkProject, 1, {in});
        QCOMPARE(bulk.documentsDone, 8);
        QCOMPARE(*indexesSeen, QList<int>(8, 0)); // every document went in without them
        QCOMPARE(bulkIndexes, 3);                 // and they were back when the job was done
        QCOMPARE(indexings, 1);
        QVERIFY(bulkRows.size() > 1000);
        QCOMPARE(bulkRows, plainRows);

        // One small new document is no bulk load: it is smaller than what the project holds.
        indexesSeen->clear();
        writeFile(in + QStringLiteral("/late.txt"), prose(10, 99));
        const auto [late, lateIndexes, lateRows] = ingest(bulkProject, 1, {in});
        QCOMPARE(late.documentsDone, 1);
        QCOMPARE(late.documentsSkipped, 8);
        QCOMPARE(*indexesSeen, QList<int>(1, 3));
        QCOMPARE(lateIndexes, 3);
        QCOMPARE(indexings, 0);
    }

    // Replacements written in a bulk load (new documents alongside make it one): the same rows as
    // without one, and the entities only the old versions named are gone at the end.
    void aLargeReplacementIsBulkLoadedToTheSameResult()
    {
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("in"));
        const auto writeVersion = [&](int version) {
            // Version 1 of the first two names people only they name; version 2 does not.
            for (int i = 0; i < 8; ++i)
                writeFile(in + QStringLiteral("/doc%1.txt").arg(i),
                          prose(i < 2 ? 120 + version : 120, i < 2 ? 10 * version + i : i)
                              + (i < 2 && version == 1 ? QByteArray("Hedy Lamarr met Konrad Zuse in Vienna.") : ""));
            if (version == 2) // a new document, an eighth of the project
                writeFile(in + QStringLiteral("/new.txt"), prose(120, 40));
        };
        const auto ingest = [&](const QString &project, qint64 bulkLoadMinBytes) {
            auto store = gw::ProjectStore::open(project);
            gw::IngestOptions options;
            options.jobs = 2;
            options.bulkLoadMinBytes = bulkLoadMinBytes;
            gw::IngestJob job(*store, options);
            QSignalSpy indexing(&job, &gw::IngestJob::indexingEntities);
            const auto summary = gw::syncWait(job.run({in}));
            QString rows;
            qint64 orphans = -1;
            int indexes = 0;
            store->readSnapshot([&](gw::ProjectConnection &connection) {
                indexes = entityLookupIndexes(connection);
                orphans = connection
                              .scalar(QStringLiteral("SELECT count(*) FROM entities WHERE documents <= 0"),
                                      QStringLiteral("test"))
                              .toLongLong();
                rows =
                    connection
                        .scalar(QStringLiteral("SELECT group_concat(r, ';') FROM (SELECT d.path || ':' || m.entity_id "
                                               "|| ':' || m.start_offset AS r FROM mentions m JOIN documents d ON "
                                               "d.id = m.document_id UNION ALL SELECT id || ':' || name || ':' || "
                                               "documents FROM entities UNION ALL SELECT subject_id || ':' || type "
                                               "|| ':' || object_id FROM relations ORDER BY 1)"),
                                QStringLiteral("test"))
                        .toString();
            });
            return std::tuple(summary.documentsDone, int(indexing.count()), indexes, orphans, rows);
        };
        writeVersion(1);
        const QString plain = dir.filePath(QStringLiteral("plain.gwp"));
        const QString bulk = dir.filePath(QStringLiteral("bulk.gwp"));
        QCOMPARE(std::get<0>(ingest(plain, -1)), 8);
        QCOMPARE(std::get<0>(ingest(bulk, -1)), 8);

        writeVersion(2); // two of eight documents change, and one is new
        const auto [plainDone, plainIndexings, plainIndexes, plainOrphans, plainRows] = ingest(plain, -1);
        const auto [bulkDone, bulkIndexings, bulkIndexes, bulkOrphans, bulkRows] = ingest(bulk, 1);
        QCOMPARE(plainDone, 3);
        QCOMPARE(bulkDone, 3);
        QCOMPARE(plainIndexings, 0);
        QCOMPARE(bulkIndexings, 1); // replaced as a bulk load
        QCOMPARE(bulkIndexes, 3);
        QCOMPARE(plainOrphans, 0);
        QCOMPARE(bulkOrphans, 0); // what only the old versions named went at the end
        QCOMPARE(bulkRows, plainRows);
        QVERIFY(!bulkRows.contains(QStringLiteral("Hedy Lamarr")));
    }

    // Issue 14: changing part of a project leaves it as a fresh ingest of the new versions would
    // make it, row for row: documents, texts, chunks, mentions, relations and entities with their
    // names and reference counts. Both ways a replace round is written (a bulk load, and one
    // keeping the indexes up to date) are checked against the fresh project.
    void aReplacedProjectEqualsAFreshIngestOfTheNewVersions()
    {
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("in"));
        const int documents = 20;
        const auto writeVersion = [&](int version) {
            for (int i = 0; i < documents; ++i) {
                QByteArray text = prose(60, i);
                // Version 1 of doc0 names two people no other document names (they must go);
                // version 2 of doc1 names one nobody named before; doc2 gets a sentence more.
                if (i == 0 && version == 1)
                    text += "Hedy Lamarr met Konrad Zuse in Vienna.";
                if (i == 1 && version == 2)
                    text += "Claude Shannon worked in Boston on problem number 7.";
                if (i == 2 && version == 2)
                    text += "Alan Turing worked in Manchester on problem number 99.";
                writeFile(in + QStringLiteral("/doc%1.txt").arg(i, 2, 10, QLatin1Char('0')), text);
            }
        };
        const auto ingest = [&](const QString &project, qint64 bulkLoadMinBytes) {
            auto store = gw::ProjectStore::open(project);
            gw::IngestOptions options;
            options.jobs = 2;
            options.bulkLoadMinBytes = bulkLoadMinBytes;
            gw::IngestJob job(*store, options);
            QSignalSpy indexing(&job, &gw::IngestJob::indexingEntities);
            const auto summary = gw::syncWait(job.run({in}));
            QStringList tables;
            store->readSnapshot([&](gw::ProjectConnection &connection) {
                const QStringList queries = {
                    QStringLiteral("SELECT d.path || '|' || d.content_hash || '|' || d.state || '|' || d.words || "
                                   "'|' || d.chars || '|' || d.chunk_count || '|' || t.text AS r FROM documents d "
                                   "JOIN document_texts t ON t.document_id = d.id"),
                    QStringLiteral("SELECT d.path || '|' || c.ordinal || '|' || c.start_offset || '|' || "
                                   "c.end_offset AS r FROM chunks c JOIN documents d ON d.id = c.document_id"),
                    QStringLiteral("SELECT d.path || '|' || m.chunk_ordinal || '|' || m.entity_id || '|' || "
                                   "m.start_offset || '|' || m.end_offset || '|' || m.confidence AS r FROM mentions m "
                                   "JOIN documents d ON d.id = m.document_id"),
                    QStringLiteral("SELECT d.path || '|' || e.type || '|' || e.subject_id || '|' || e.object_id || "
                                   "'|' || e.chunk_ordinal || '|' || e.sentence_start || '|' || e.sentence_end || "
                                   "'|' || e.trigger || '|' || e.weight AS r FROM relations e JOIN documents d ON "
                                   "d.id = e.document_id"),
                    QStringLiteral("SELECT id || '|' || type || '|' || name || '|' || key || '|' || documents AS r "
                                   "FROM entities"),
                };
                for (const QString &rows : queries)
                    tables.append(
                        connection
                            .scalar(QStringLiteral("SELECT group_concat(r, char(10)) FROM (%1 ORDER BY 1)").arg(rows),
                                    QStringLiteral("test"))
                            .toString());
            });
            return std::tuple(summary.documentsDone, int(indexing.count()), tables);
        };
        writeVersion(1);
        const QString bulk = dir.filePath(QStringLiteral("bulk.gwp"));
        const QString plain = dir.filePath(QStringLiteral("plain.gwp"));
        QCOMPARE(std::get<0>(ingest(bulk, 1)), documents);
        QCOMPARE(std::get<0>(ingest(plain, -1)), documents);

        // Three of twenty documents change, more than a sixteenth; in the bulk project two new
        // documents come along (replacements alone are no bulk load: they keep most rows).
        writeVersion(2);
        const auto [plainDone, plainIndexings, plainTables] = ingest(plain, 1);
        writeFile(in + QStringLiteral("/new1.txt"), prose(60, 41));
        writeFile(in + QStringLiteral("/new2.txt"), prose(60, 42));
        const auto [bulkDone, bulkIndexings, bulkTables] = ingest(bulk, 1);
        const auto [freshDone, freshIndexings, freshTables] = ingest(dir.filePath(QStringLiteral("fresh.gwp")), -1);
        QCOMPARE(plainDone, 3);
        QCOMPARE(plainIndexings, 0); // replacements only: written with the indexes kept
        QCOMPARE(bulkDone, 5);
        QCOMPARE(bulkIndexings, 1); // written as a bulk load
        QCOMPARE(freshDone, documents + 2);
        QCOMPARE(freshTables.size(), 5);
        for (const QString &table : freshTables)
            QVERIFY(!table.isEmpty());
        QVERIFY(!freshTables.at(4).contains(QStringLiteral("Hedy Lamarr")));
        QVERIFY(freshTables.at(4).contains(QStringLiteral("Claude Shannon")));
        for (qsizetype i = 0; i < freshTables.size(); ++i)
            QCOMPARE(bulkTables.at(i), freshTables.at(i));
        // The plain project lacks the two new documents: the same rows without theirs.
        const auto [againDone, againIndexings, againTables] = ingest(plain, 1);
        QCOMPARE(againDone, 2);
        for (qsizetype i = 0; i < freshTables.size(); ++i)
            QCOMPARE(againTables.at(i), freshTables.at(i));
    }

    void aCancelledBulkLoadStillEndsWithTheIndexes()
    {
        QTemporaryDir dir;
        for (int i = 0; i < 60; ++i)
            writeFile(dir.filePath(QStringLiteral("in/doc%1.txt").arg(i, 2, 10, QLatin1Char('0'))), prose(2000, i));
        const QString project = dir.filePath(QStringLiteral("p.gwp"));
        auto store = gw::ProjectStore::open(project);
        gw::IngestOptions options;
        options.jobs = 2;
        options.bulkLoadMinBytes = 1;
        gw::IngestJob job(*store, options);
        QTimer poll;
        poll.setInterval(5);
        connect(&poll, &QTimer::timeout, this, [&] {
            if (job.counts().done >= 2)
                job.cancel();
        });
        poll.start();
        const auto summary = gw::syncWait(job.run({dir.filePath(QStringLiteral("in"))}));
        QVERIFY(summary.cancelled);
        QVERIFY(summary.documentsDone >= 2);
        QVERIFY(summary.documentsCancelled > 0);
        int indexes = 0;
        int wrongCounts = -1;
        store->readSnapshot([&](gw::ProjectConnection &connection) {
            indexes = entityLookupIndexes(connection);
            wrongCounts = connection
                              .scalar(QStringLiteral(
                                          "SELECT count(*) FROM entities e WHERE e.documents <> (SELECT count(*) FROM ("
                                          "SELECT document_id FROM mentions WHERE entity_id = e.id "
                                          "UNION SELECT document_id FROM relations WHERE subject_id = e.id "
                                          "UNION SELECT document_id FROM relations WHERE object_id = e.id))"),
                                      QStringLiteral("test"))
                              .toInt();
        });
        QCOMPARE(indexes, 3);
        QCOMPARE(wrongCounts, 0);
        QCOMPARE(store->status().documentsDone, summary.documentsDone);
    }

    void oneDocumentCanBeCancelledAlone()
    {
        QTemporaryDir dir;
        for (int i = 0; i < 6; ++i)
            writeFile(dir.filePath(QStringLiteral("in/doc%1.txt").arg(i)), prose(200, i));
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        gw::IngestOptions options;
        options.jobs = 1;
        gw::IngestJob job(*store, options);
        bool cancelledOne = false;
        connect(&job, &gw::IngestJob::documentsAdded, this, [&](int first, int last) {
            QCOMPARE(last - first + 1, 6);
            cancelledOne = job.cancelDocument(job.document(last).id); // still queued behind the others
        });
        const auto summary = gw::syncWait(job.run({dir.filePath(QStringLiteral("in"))}));
        QVERIFY(cancelledOne);
        QCOMPARE(summary.documentsDone, 5);
        QCOMPARE(summary.documentsCancelled, 1);
        QVERIFY(!summary.cancelled);
        QCOMPARE(job.document(5).state, gw::DocumentState::Cancelled);
    }

    void slowDocumentHitsItsTimeLimitAndOthersFinish()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("in/huge.txt")), prose(400'000));
        writeFile(dir.filePath(QStringLiteral("in/small.txt")), prose(20));
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        gw::IngestOptions options;
        options.jobs = 2;
        options.limits.timeoutMs = 150;
        gw::IngestJob job(*store, options);
        const auto summary = gw::syncWait(job.run({dir.filePath(QStringLiteral("in"))}));
        QCOMPARE(summary.documentsDone, 1);
        QCOMPARE(summary.documentsFailed, 1);
        QVERIFY(summary.failures.first().path.endsWith(QStringLiteral("huge.txt")));
        QVERIFY2(summary.failures.first().reason.contains(QStringLiteral("time limit")),
                 qPrintable(summary.failures.first().reason));
        QVERIFY(!summary.cancelled);
    }

    void hostileInputNeitherHangsNorCrashesTheRun()
    {
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("in"));
        QDir().mkpath(in);
        QVERIFY(::mkfifo(QFile::encodeName(in + QStringLiteral("/pipe.txt")).constData(), 0600) == 0);
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), in + QStringLiteral("/zero.txt")));
        QDir().mkpath(in + QStringLiteral("/loop"));
        QVERIFY(QFile::link(in, in + QStringLiteral("/loop/back")));
        writeFile(in + QStringLiteral("/bomb.docx"), zipBomb(40 * 1024 * 1024));
        writeFile(in + QStringLiteral("/one-line.txt"),
                  QByteArray("Alan Turing Manchester ").repeated(60 * 1024 * 1024 / 23));
        QByteArray random(200'000, Qt::Uninitialized);
        for (auto &byte : random)
            byte = char(QRandomGenerator::global()->generate());
        writeFile(in + QStringLiteral("/random.pdf"), random);
        QFile sample(QStringLiteral(GW_SAMPLES_DIR "/bletchley-park.pdf"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        writeFile(in + QStringLiteral("/truncated.pdf"), sample.readAll().left(700));
        QVERIFY(QFile::copy(QStringLiteral(GW_FIXTURES_DIR "/encrypted.pdf"), in + QStringLiteral("/encrypted.pdf")));
        writeFile(in + QStringLiteral("/fine.txt"), prose(50));

        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        gw::IngestOptions options;
        options.jobs = 2;
        options.limits.maxDecompressedBytes = 8 * 1024 * 1024;
        options.limits.timeoutMs = 900'000; // about hangs and crashes, not speed (ThreadSanitizer is slow)
        gw::IngestJob job(*store, options);
        const auto summary = gw::syncWait(job.run({in}));
        const auto rows = job.snapshot();
        const auto stateOf = [&](const char *name) {
            const auto *row = find(rows, QString::fromLatin1(name));
            return row ? row->state : gw::DocumentState::Queued;
        };
        QCOMPARE(stateOf("pipe.txt"), gw::DocumentState::Skipped);
        QCOMPARE(stateOf("zero.txt"), gw::DocumentState::Skipped);
        QCOMPARE(stateOf("back"), gw::DocumentState::Skipped);
        QCOMPARE(stateOf("bomb.docx"), gw::DocumentState::Failed);
        QVERIFY(find(rows, QStringLiteral("bomb.docx"))->message.contains(QStringLiteral("zip bomb")));
        QCOMPARE(stateOf("one-line.txt"), gw::DocumentState::Done);
        QCOMPARE(stateOf("random.pdf"), gw::DocumentState::Failed);
        QCOMPARE(stateOf("truncated.pdf"), gw::DocumentState::Failed);
        QCOMPARE(stateOf("encrypted.pdf"), gw::DocumentState::Failed);
        QVERIFY(find(rows, QStringLiteral("encrypted.pdf"))->message.contains(QStringLiteral("password")));
        QCOMPARE(stateOf("fine.txt"), gw::DocumentState::Done);
        QCOMPARE(summary.documentsDone, 2);
        QCOMPARE(summary.documentsFailed, 4);
        QCOMPARE(summary.documentsSkipped, 3);
        QVERIFY(!summary.cancelled);
    }

    void dropsWhileRunningQueueAndCancelledJobsAcceptNewWork()
    {
        QTemporaryDir dir;
        for (int i = 0; i < 40; ++i)
            writeFile(dir.filePath(QStringLiteral("first/doc%1.txt").arg(i)), prose(3000, i));
        for (int i = 0; i < 3; ++i)
            writeFile(dir.filePath(QStringLiteral("second/more%1.txt").arg(i)), prose(100, 100 + i));
        writeFile(dir.filePath(QStringLiteral("third/last.txt")), prose(100, 200));
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        gw::IngestOptions options;
        options.jobs = 2;
        gw::IngestJob job(*store, options);
        QSignalSpy idle(&job, &gw::IngestJob::idle);

        job.addInputs({dir.filePath(QStringLiteral("first"))});
        // Generous waits (a sanitizer on a loaded machine is slow); a hang still fails.
        QTRY_VERIFY_WITH_TIMEOUT(job.counts().done >= 1, 60'000);
        job.addInputs({dir.filePath(QStringLiteral("second"))}); // a drop while it runs
        QTRY_COMPARE_WITH_TIMEOUT(job.documentCount(), 43, 30'000);
        job.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(job.isIdle(), 30'000);
        QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, 30'000);
        const auto afterCancel = job.counts();
        QVERIFY(afterCancel.cancelled > 0);
        QCOMPARE(afterCancel.done + afterCancel.cancelled, 43);

        // After a cancel the job takes new work again.
        gw::syncWait(job.run({dir.filePath(QStringLiteral("third"))}));
        const auto rows = job.snapshot();
        QCOMPARE(find(rows, QStringLiteral("last.txt"))->state, gw::DocumentState::Done);

        // Retry brings a cancelled document in.
        quint64 cancelledId = 0;
        for (const auto &row : rows)
            if (row.state == gw::DocumentState::Cancelled)
                cancelledId = row.id;
        QVERIFY(cancelledId != 0);
        QVERIFY(job.retryDocument(cancelledId));
        gw::syncWait(job.waitIdle());
        bool retriedDone = false;
        for (const auto &row : job.snapshot())
            if (row.id == cancelledId)
                retriedDone = row.state == gw::DocumentState::Done;
        QVERIFY(retriedDone);
        QVERIFY(!job.retryDocument(cancelledId)); // done now: nothing to retry

        // Clear Finished empties the list; the project keeps everything that was done.
        const int doneRows = job.counts().done;
        QSignalSpy removed(&job, &gw::IngestJob::documentsRemoved);
        QCOMPARE(job.clearFinished(), 44);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(job.documentCount(), 0);
        QCOMPARE(store->status().documentsDone, doneRows);
    }

    void summaryJsonHasTheDocumentedKeys()
    {
        gw::IngestSummary summary;
        summary.documentsDone = 2;
        summary.failures.append({QStringLiteral("/x/a.pdf"), QStringLiteral("the PDF is encrypted")});
        const QJsonObject json = gw::ingestSummaryToJson(summary);
        for (const char *key : {"documents_done", "documents_failed", "documents_skipped", "failures", "words", "bytes",
                                "seconds", "max_concurrency"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
        QCOMPARE(json.value(QStringLiteral("failures"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("path"))
                     .toString(),
                 QStringLiteral("/x/a.pdf"));
    }
};

GW_TEST_MAIN(TstIngestJob)
#include "tst_ingestjob.moc"
