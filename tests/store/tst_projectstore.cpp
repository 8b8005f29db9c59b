#include "core/syncwait.h"
#include "core/taskgroup.h"
#include "sampledocuments.h"
#include "store/projectschema.h"
#include "store/projectstore.h"
#include "store/storeerror.h"
#include "testmain.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <optional>

using gw::ProjectStore;
using gw::WriteOutcome;
using gw::testing::countRows;
using gw::testing::sampleDocument;

class TstProjectStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_serial = 0;
    QString newProjectPath() { return m_dir.filePath(QStringLiteral("project-%1.gwp").arg(++m_serial)); }

    // A copy, not a pointer: callers pass a temporary list (store->documents()).
    static std::optional<gw::StoredDocument> findDocument(const QList<gw::StoredDocument> &documents,
                                                          const QString &path)
    {
        for (const gw::StoredDocument &document : documents)
            if (document.path == path)
                return document;
        return std::nullopt;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void createOpenReopenKeepsData()
    {
        const QString path = newProjectPath();
        {
            auto store = ProjectStore::open(path);
            QCOMPARE(store->path(), path);
            QCOMPARE(store->schemaVersion(), gw::ProjectSchema::latestVersion());
            QCOMPARE(store->writeDocumentBlocking(sampleDocument(QStringLiteral("/docs/a.txt"), 5)),
                     WriteOutcome::Inserted);
        }
        auto store = ProjectStore::open(path);
        const gw::ProjectStatus status = store->status();
        QCOMPARE(status.documentsDone, 1);
        QCOMPARE(status.chunks, 5);
        QCOMPARE(status.schemaVersion, gw::ProjectSchema::latestVersion());
        QCOMPARE(status.path, path);
        QVERIFY(status.fileBytes > 0);
        QCOMPARE(gw::testing::scalarText(path, QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
    }

    void saveCopyWritesAWholeProjectElsewhere()
    {
        const QString path = newProjectPath();
        auto store = ProjectStore::open(path);
        for (int i = 0; i < 5; ++i)
            store->writeDocumentBlocking(sampleDocument(QStringLiteral("/docs/%1.txt").arg(i), 3));
        const QString copy = m_dir.filePath(QStringLiteral("copy-%1.gwp").arg(m_serial));
        QVERIFY(gw::syncWait(store->saveCopy(copy)));
        QVERIFY_THROWS_EXCEPTION(gw::StoreError, gw::syncWait(store->saveCopy(copy)));      // exists now
        store->writeDocumentBlocking(sampleDocument(QStringLiteral("/docs/later.txt"), 3)); // not in the copy
        auto reopened = ProjectStore::open(copy);
        const gw::ProjectStatus status = reopened->status();
        QCOMPARE(status.documentsDone, 5);
        QCOMPARE(status.chunks, 15);
        QCOMPARE(store->status().documentsDone, 6);
    }

    void writeAndReadBack()
    {
        auto store = ProjectStore::open(newProjectPath());
        gw::DocumentRecord record = sampleDocument(QStringLiteral("/docs/b.md"), 7);
        const QDateTime created(QDate(2023, 4, 5), QTime(6, 7, 8, 9), Qt::UTC);
        const QDateTime local(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::OffsetFromUTC, 2 * 3600);
        record.format = QStringLiteral("markdown");
        record.metadata.insert(QStringLiteral("created"), created);
        record.metadata.insert(QStringLiteral("modified"), local);
        record.metadata.insert(QStringLiteral("day"), QDate(2020, 2, 29));
        record.metadata.insert(QStringLiteral("authors"), QStringList{QStringLiteral("Ada"), QStringLiteral("Grace")});
        record.metadata.insert(QStringLiteral("nested"),
                               QVariantMap{{QStringLiteral("pages"), 12}, {QStringLiteral("draft"), true}});
        record.metadata.insert(QStringLiteral("ratio"), 0.25);
        record.metadata.insert(QStringLiteral("raw"), QByteArray("\x00\x01\xff", 3));
        QCOMPARE(store->writeDocumentBlocking(record), WriteOutcome::Inserted);

        const QList<gw::StoredDocument> documents = store->documents();
        QCOMPARE(documents.size(), 1);
        const gw::StoredDocument &stored = documents.first();
        QCOMPARE(stored.path, record.path);
        QCOMPARE(stored.contentHash, record.contentHash);
        QCOMPARE(stored.contentHash.size(), 64);
        QCOMPARE(stored.format, QStringLiteral("markdown"));
        QCOMPARE(stored.state, gw::StoredState::Done);
        QVERIFY(stored.error.isEmpty());
        QCOMPARE(stored.sizeBytes, record.sizeBytes);
        QCOMPARE(stored.words, record.words);
        QCOMPARE(stored.chars, record.text.size());
        QCOMPARE(stored.chunkCount, 7);
        QCOMPARE(stored.ingestedAt.timeSpec(), Qt::UTC);
        QVERIFY(qAbs(stored.ingestedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);

        const QVariantMap &metadata = stored.metadata;
        QCOMPARE(metadata.value(QStringLiteral("created")).metaType(), QMetaType::fromType<QDateTime>());
        QCOMPARE(metadata.value(QStringLiteral("created")).toDateTime(), created);
        QCOMPARE(metadata.value(QStringLiteral("modified")).toDateTime(), local);
        QCOMPARE(metadata.value(QStringLiteral("modified")).toDateTime().offsetFromUtc(), 2 * 3600);
        QCOMPARE(metadata.value(QStringLiteral("day")).toDate(), QDate(2020, 2, 29));
        QCOMPARE(metadata.value(QStringLiteral("authors")).toStringList(),
                 (QStringList{QStringLiteral("Ada"), QStringLiteral("Grace")}));
        QCOMPARE(metadata.value(QStringLiteral("nested")).toMap().value(QStringLiteral("pages")).toInt(), 12);
        QCOMPARE(metadata.value(QStringLiteral("nested")).toMap().value(QStringLiteral("draft")).toBool(), true);
        QCOMPARE(metadata.value(QStringLiteral("ratio")).toDouble(), 0.25);
        QCOMPARE(metadata.value(QStringLiteral("raw")).toByteArray(), QByteArray("\x00\x01\xff", 3));
        QCOMPARE(metadata.value(QStringLiteral("title")).toString(),
                 record.metadata.value(QStringLiteral("title")).toString());

        const QString text = store->documentText(stored.id);
        QCOMPARE(text, record.text);
        const QList<gw::ChunkRecord> chunks = store->chunks(stored.id);
        QCOMPARE(chunks.size(), record.chunks.size());
        for (qsizetype i = 0; i < chunks.size(); ++i) {
            QCOMPARE(chunks.at(i).start, record.chunks.at(i).start);
            QCOMPARE(chunks.at(i).end, record.chunks.at(i).end);
            QCOMPARE(chunks.at(i).text, record.chunks.at(i).text);
            // Provenance: the offsets point into the stored full text.
            QCOMPARE(text.mid(chunks.at(i).start, chunks.at(i).end - chunks.at(i).start), chunks.at(i).text);
        }
        QVERIFY(store->documentText(stored.id + 1000).isEmpty());
        QVERIFY(store->chunks(stored.id + 1000).isEmpty());
    }

    void emptyDocumentAndNullStrings()
    {
        auto store = ProjectStore::open(newProjectPath());
        gw::DocumentRecord record;
        record.path = QStringLiteral("/docs/empty.txt"); // no text, hash, format or chunks at all
        QCOMPARE(store->writeDocumentBlocking(record), WriteOutcome::Inserted);
        QCOMPARE(store->documents().value(0).chunkCount, 0);
        QCOMPARE(store->documentText(store->documents().value(0).id), QString());
    }

    void invalidRecordsAreRefused()
    {
        auto store = ProjectStore::open(newProjectPath());
        gw::DocumentRecord record = sampleDocument(QStringLiteral("/docs/bad.txt"), 3);
        record.chunks.last().end = record.text.size() + 1;
        QVERIFY_THROWS_EXCEPTION(gw::StoreError, store->writeDocumentBlocking(record));
        QVERIFY_THROWS_EXCEPTION(gw::StoreError, store->writeDocumentBlocking(gw::DocumentRecord()));
        QVERIFY_THROWS_EXCEPTION(gw::StoreError, store->recordFailureBlocking(gw::FailureRecord()));
        QCOMPARE(store->status().documentsDone, 0);
    }

    void sameHashIsUnchanged()
    {
        const QString path = newProjectPath();
        auto store = ProjectStore::open(path);
        const gw::DocumentRecord record = sampleDocument(QStringLiteral("/docs/c.txt"), 4);
        QVERIFY(!store->isUnchanged(record.path, record.contentHash, {}));
        QCOMPARE(store->writeDocumentBlocking(record), WriteOutcome::Inserted);
        const gw::StoredDocument before = store->documents().first();
        QVERIFY(store->isUnchanged(record.path, record.contentHash, {}));
        QVERIFY(!store->isUnchanged(record.path, QStringLiteral("0000"), {}));
        QVERIFY(!store->isUnchanged(QStringLiteral("/docs/other.txt"), record.contentHash, {}));
        // The same bytes read by another extractor (a newer version, a model) are read again.
        QVERIFY(!store->isUnchanged(record.path, record.contentHash, QStringLiteral("builtin-999")));

        QCOMPARE(store->writeDocumentBlocking(record), WriteOutcome::Unchanged);
        const gw::StoredDocument after = store->documents().first();
        QCOMPARE(after.id, before.id);
        QCOMPARE(after.ingestedAt, before.ingestedAt);
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM chunks")), 4);

        // Read again by a newer extractor, the same bytes replace what the older one found.
        gw::DocumentRecord reread = record;
        reread.extractor = QStringLiteral("builtin-999");
        QCOMPARE(store->writeDocumentBlocking(reread), WriteOutcome::Replaced);
        QVERIFY(store->isUnchanged(record.path, record.contentHash, reread.extractor));
        QVERIFY(!store->isUnchanged(record.path, record.contentHash, {}));

        // The lookup's statement is kept between calls, and holds no read snapshot meanwhile:
        // a checkpoint then empties the write-ahead log.
        QVERIFY(store->isUnchanged(record.path, record.contentHash, reread.extractor));
        gw::syncWait(store->compact());
        QCOMPARE(QFileInfo(path + QStringLiteral("-wal")).size(), 0);
    }

    void changedHashReplacesEverything()
    {
        const QString path = newProjectPath();
        auto store = ProjectStore::open(path);
        const QString doc = QStringLiteral("/docs/d.txt");
        QCOMPARE(store->writeDocumentBlocking(sampleDocument(doc, 10, 1)), WriteOutcome::Inserted);
        QCOMPARE(store->writeDocumentBlocking(sampleDocument(QStringLiteral("/docs/keep.txt"), 2)),
                 WriteOutcome::Inserted);
        const qint64 oldId = store->documents().first().id;

        const gw::DocumentRecord second = sampleDocument(doc, 3, 2);
        QCOMPARE(store->writeDocumentBlocking(second), WriteOutcome::Replaced);
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM documents")), 2);
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM document_texts")), 2);
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM chunks")), 3 + 2);
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM chunks WHERE document_id = %1").arg(oldId)), 0);
        QCOMPARE(
            countRows(path, QStringLiteral("SELECT count(*) FROM document_texts WHERE document_id = %1").arg(oldId)),
            0);

        const std::optional<gw::StoredDocument> stored = findDocument(store->documents(), doc);
        QVERIFY(stored);
        QCOMPARE(stored->contentHash, second.contentHash);
        QCOMPARE(stored->chunkCount, 3);
        QCOMPARE(store->documentText(stored->id), second.text);
        QVERIFY(!store->isUnchanged(doc, sampleDocument(doc, 10, 1).contentHash, {}));
        QVERIFY(store->isUnchanged(doc, second.contentHash, {}));
    }

    void compactGivesReplacedSpaceBackAndKeepsEverything()
    {
        const auto writeAll = [](ProjectStore &store, int version) {
            for (int i = 0; i < 40; ++i) {
                gw::DocumentRecord record = sampleDocument(QStringLiteral("/docs/%1.txt").arg(i), 20, version);
                gw::testing::addSampleExtraction(record,
                                                 {gw::testing::sampleEntity(QStringLiteral("Ada")),
                                                  gw::testing::sampleEntity(QStringLiteral("Grace"))});
                store.writeDocumentBlocking(record);
            }
        };
        const auto bytesOnDisk = [](const QString &path) {
            return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
        };
        // The same final content, written once (fresh) and written, replaced and compacted.
        const QString fresh = newProjectPath();
        {
            auto store = ProjectStore::open(fresh);
            writeAll(*store, 2);
        }
        const QString replaced = newProjectPath();
        auto store = ProjectStore::open(replaced);
        writeAll(*store, 1);
        writeAll(*store, 2);
        QVERIFY(store->removeDocumentBlocking(QStringLiteral("/docs/39.txt")));
        const gw::ProjectStatus before = store->status();
        const gw::Compaction compaction = gw::syncWait(store->compact());
        QCOMPARE(compaction.bytesBefore, before.fileBytes);
        QVERIFY2(compaction.bytesAfter < compaction.bytesBefore,
                 qPrintable(QStringLiteral("%1 -> %2").arg(compaction.bytesBefore).arg(compaction.bytesAfter)));
        QCOMPARE(compaction.bytesAfter, bytesOnDisk(replaced));
        QCOMPARE(QFileInfo(replaced + QStringLiteral("-wal")).size(), 0); // the WAL is emptied too

        // Nothing is lost, and the store goes on writing.
        const gw::ProjectStatus after = store->status();
        QCOMPARE(after.documentsDone, 39);
        QCOMPARE(after.mentions, before.mentions);
        QCOMPARE(after.relations, before.relations);
        const std::optional<gw::StoredDocument> document =
            findDocument(store->documents(), QStringLiteral("/docs/7.txt"));
        QVERIFY(document);
        QCOMPARE(store->documentText(document->id), sampleDocument(QStringLiteral("/docs/7.txt"), 20, 2).text);
        QCOMPARE(store->writeDocumentBlocking(sampleDocument(QStringLiteral("/docs/39.txt"), 20, 2)),
                 WriteOutcome::Inserted);
        store.reset();
        // Within 2% of the fresh file, which holds the same documents (39 with extraction, one without).
        qInfo("fresh %lld bytes; replaced %lld, compacted %lld", bytesOnDisk(fresh), compaction.bytesBefore,
              compaction.bytesAfter);
        QVERIFY(compaction.bytesBefore > bytesOnDisk(fresh) * 102 / 100); // what compacting is for
        QVERIFY(compaction.bytesAfter <= bytesOnDisk(fresh) * 102 / 100);
    }

    void failureRows()
    {
        const QString path = newProjectPath();
        auto store = ProjectStore::open(path);
        const QString doc = QStringLiteral("/docs/e.pdf");
        gw::FailureRecord failure{doc, QStringLiteral("abc"), QStringLiteral("pdf"), 99,
                                  QStringLiteral("the PDF is encrypted")};
        QCOMPARE(store->recordFailureBlocking(failure), WriteOutcome::Inserted);
        gw::ProjectStatus status = store->status();
        QCOMPARE(status.documentsFailed, 1);
        QCOMPARE(status.documentsDone, 0);
        QCOMPARE(store->documents().first().state, gw::StoredState::Failed);
        QCOMPARE(store->documents().first().error, failure.error);
        QVERIFY(!store->isUnchanged(doc, failure.contentHash, {})); // a failure is never "unchanged"

        failure.error = QStringLiteral("still encrypted");
        QCOMPARE(store->recordFailureBlocking(failure), WriteOutcome::Replaced);
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM documents")), 1);
        QCOMPARE(store->documents().first().error, failure.error);

        // A success replaces the failure.
        const gw::DocumentRecord good = sampleDocument(doc, 4);
        QCOMPARE(store->writeDocumentBlocking(good), WriteOutcome::Replaced);
        status = store->status();
        QCOMPARE(status.documentsFailed, 0);
        QCOMPARE(status.documentsDone, 1);

        // A later failure keeps the good data and says the latest attempt failed.
        failure.error = QStringLiteral("disk read error");
        QCOMPARE(store->recordFailureBlocking(failure), WriteOutcome::Unchanged);
        const gw::StoredDocument kept = store->documents().first();
        QCOMPARE(kept.state, gw::StoredState::Done);
        QCOMPARE(kept.contentHash, good.contentHash);
        QCOMPARE(kept.error, failure.error);
        QCOMPARE(kept.chunkCount, 4);
        QCOMPARE(store->chunks(kept.id).size(), 4);
        QVERIFY(!store->isUnchanged(doc, good.contentHash, {})); // so the pipeline retries it

        // Writing the same good content again clears the error, still without replacing anything.
        QCOMPARE(store->writeDocumentBlocking(good), WriteOutcome::Unchanged);
        QVERIFY(store->documents().first().error.isEmpty());
        QCOMPARE(store->documents().first().id, kept.id);
        QVERIFY(store->isUnchanged(doc, good.contentHash, {}));
    }

    void removeDocumentRemovesExactlyItsRows()
    {
        const QString path = newProjectPath();
        auto store = ProjectStore::open(path);
        for (int i = 0; i < 3; ++i)
            store->writeDocumentBlocking(sampleDocument(QStringLiteral("/docs/r%1.txt").arg(i), 3 + i));
        store->recordFailureBlocking({QStringLiteral("/docs/broken.txt"), {}, {}, 0, QStringLiteral("unreadable")});
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM chunks")), 3 + 4 + 5);

        QVERIFY(store->removeDocumentBlocking(QStringLiteral("/docs/r1.txt")));
        QVERIFY(!store->removeDocumentBlocking(QStringLiteral("/docs/r1.txt")));
        QVERIFY(!store->removeDocumentBlocking(QStringLiteral("/docs/never.txt")));
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM documents")), 3);
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM document_texts")), 2);
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM chunks")), 3 + 5);
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM document_texts WHERE text LIKE '%r1.txt%'")), 0);

        QVERIFY(gw::syncWait(store->removeDocument(QStringLiteral("/docs/broken.txt"))));
        QCOMPARE(store->status().documentsFailed, 0);
        QCOMPARE(store->status().documentsDone, 2);
    }

    void writeDocumentCoroutineKeepsEventLoopTurning()
    {
        auto store = ProjectStore::open(newProjectPath());
        int ticks = 0;
        QTimer timer;
        timer.setInterval(1);
        connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
        timer.start();
        const gw::DocumentRecord big = sampleDocument(QStringLiteral("/docs/big.txt"), 20000);
        QElapsedTimer elapsed;
        elapsed.start();
        QCOMPARE(gw::syncWait(store->writeDocument(big)), WriteOutcome::Inserted);
        const qint64 ms = elapsed.elapsed();
        timer.stop();
        qInfo("coroutine write of 20000 chunks: %lld ms, %d timer ticks meanwhile", ms, ticks);
        QVERIFY(ticks > 0 || ms < 5); // the awaiting thread's event loop kept running
        QCOMPARE(gw::syncWait(store->writeDocument(big)), WriteOutcome::Unchanged);
        QCOMPARE(gw::syncWait(store->recordFailure({QStringLiteral("/docs/x"), {}, {}, 0, QStringLiteral("no")})),
                 WriteOutcome::Inserted);
        QCOMPARE(store->status().chunks, 20000);

        // Errors come back through the coroutine as StoreError.
        gw::DocumentRecord bad = sampleDocument(QStringLiteral("/docs/bad.txt"), 2);
        bad.chunks.first().start = -1;
        QVERIFY_THROWS_EXCEPTION(gw::StoreError, gw::syncWait(store->writeDocument(bad)));
    }

    void writeStepsShareTheDocumentTransaction()
    {
        std::atomic<int> calls{0}; // outlives the store that calls it
        const QString path = newProjectPath();
        auto store = ProjectStore::open(path);
        store->addDocumentWriteStep([&calls](gw::DocumentWriteContext &context) {
            ++calls;
            if (context.chunkIds.size() != context.record.chunks.size() || context.documentId <= 0)
                throw gw::Error(QStringLiteral("the step did not get the document's rows"));
            if (context.record.path.endsWith(QStringLiteral("poison.txt")))
                throw gw::StoreError(context.connection.projectPath(), QStringLiteral("step refused"));
        });
        QCOMPARE(store->writeDocumentBlocking(sampleDocument(QStringLiteral("/docs/ok.txt"), 3)),
                 WriteOutcome::Inserted);
        QVERIFY_THROWS_EXCEPTION(gw::StoreError,
                                 store->writeDocumentBlocking(sampleDocument(QStringLiteral("/docs/poison.txt"), 5)));
        QCOMPARE(calls.load(), 2);
        // The failed step rolled back the whole document: no row, no text, no chunk of it.
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM documents")), 1);
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM document_texts")), 1);
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM chunks")), 3);

        // A blocking write from inside a step (the writer thread) would deadlock: refused.
        ProjectStore *raw = store.get();
        store->addDocumentWriteStep([raw](gw::DocumentWriteContext &context) {
            if (context.record.path.endsWith(QStringLiteral("nested.txt")))
                raw->removeDocumentBlocking(QStringLiteral("/docs/ok.txt"));
        });
        QVERIFY_THROWS_EXCEPTION(gw::StoreError,
                                 store->writeDocumentBlocking(sampleDocument(QStringLiteral("/docs/nested.txt"), 1)));
        QCOMPARE(store->status().documentsDone, 1);
    }

    void concurrentWritersAndReader()
    {
        const QString path = newProjectPath();
        auto store = ProjectStore::open(path);
        constexpr int writers = 4;
        constexpr int perWriter = 50;
        constexpr int chunksPerDocument = 20;
        QThreadPool pool;
        pool.setMaxThreadCount(writers + 1);
        std::atomic<int> writersDone{0};
        std::atomic<int> statusCalls{0};
        std::atomic<int> inserted{0};
        QElapsedTimer elapsed;
        elapsed.start();
        {
            gw::TaskGroup<> group({.maxParallel = writers + 1, .pool = &pool, .name = QStringLiteral("store test")});
            group.spawn(QStringLiteral("reader"), [&] {
                qint64 seen = 0;
                while (writersDone.load() < writers) {
                    const gw::ProjectStatus status = store->status();
                    if (status.documentsDone < seen || status.chunks != status.documentsDone * chunksPerDocument)
                        throw gw::Error(QStringLiteral("inconsistent status: %1 documents, %2 chunks")
                                            .arg(status.documentsDone)
                                            .arg(status.chunks));
                    seen = status.documentsDone;
                    ++statusCalls;
                }
            });
            for (int w = 0; w < writers; ++w) {
                group.spawn(QStringLiteral("writer %1").arg(w), [&, w] {
                    for (int i = 0; i < perWriter; ++i) {
                        const auto doc =
                            sampleDocument(QStringLiteral("/docs/w%1/%2.txt").arg(w).arg(i), chunksPerDocument);
                        if (store->writeDocumentBlocking(doc) == WriteOutcome::Inserted)
                            ++inserted;
                        if (i % 10 == 0 && !store->isUnchanged(doc.path, doc.contentHash, {}))
                            throw gw::Error(QStringLiteral("a written document is not visible"));
                    }
                    ++writersDone;
                });
            }
            try {
                group.joinBlocking();
            } catch (const gw::Error &error) {
                QFAIL(qPrintable(error.message()));
            }
        }
        const qint64 ms = std::max<qint64>(1, elapsed.elapsed());
        QCOMPARE(inserted.load(), writers * perWriter);
        const gw::ProjectStatus status = store->status();
        QCOMPARE(status.documentsDone, writers * perWriter);
        QCOMPARE(status.chunks, writers * perWriter * chunksPerDocument);
        QVERIFY(statusCalls.load() > 0);
        qInfo("%d documents (%d chunks each) by %d writer threads in %lld ms: %.0f documents/s, "
              "%d status() reads meanwhile",
              writers * perWriter, chunksPerDocument, writers, ms, writers * perWriter * 1000.0 / ms,
              statusCalls.load());
    }
};

GW_TEST_MAIN(TstProjectStore)
#include "tst_projectstore.moc"
