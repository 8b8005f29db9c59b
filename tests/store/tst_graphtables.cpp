// The store's typed APIs for what the graph and the remote extractor keep in the project: layout
// positions, entity vectors, the extraction cache, and the evidence about one entity.
#include "sampledocuments.h"
#include "store/entityevidencereader.h"
#include "store/entitypositiontable.h"
#include "store/entityvectortable.h"
#include "store/extractioncachetable.h"
#include "store/projectstore.h"
#include "store/storeerror.h"
#include "testmain.h"

#include <QTemporaryDir>
#include <QThread>

#include <algorithm>

using namespace gw;
using gw::testing::sampleEntity;

class TstGraphTables : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store = ProjectStore::open(m_dir.filePath(QStringLiteral("t%1.gwp").arg(++m_count)));
        // Two documents: Ada and Grace in both, Zürich in the second only.
        DocumentRecord one = gw::testing::sampleDocument(QStringLiteral("/docs/one.txt"), 2);
        gw::testing::addSampleExtraction(one,
                                         {sampleEntity(QStringLiteral("Ada")), sampleEntity(QStringLiteral("Grace"))});
        m_store->writeDocumentBlocking(one);
        DocumentRecord two = gw::testing::sampleDocument(QStringLiteral("/docs/two.txt"), 3);
        gw::testing::addSampleExtraction(two,
                                         {sampleEntity(QStringLiteral("Ada")),
                                          sampleEntity(QStringLiteral("Zürich"), {}, QStringLiteral("LOCATION"))});
        m_store->writeDocumentBlocking(two);
    }

    void cleanup() { m_store.reset(); }

    void positionsRoundTripAndReplace()
    {
        EntityPositionTable table(*m_store);
        QVERIFY(table.load().isEmpty());
        table.save({{QStringLiteral("id-ada"), 1.5, -2},
                    {QStringLiteral("id-grace"), 3, 4},
                    {QStringLiteral("id-nobody"), 9, 9}}); // no such entity: skipped
        table.save({{QStringLiteral("id-ada"), 10, 20}});  // replaces Ada's, keeps Grace's
        QList<EntityPosition> loaded = table.load();
        std::sort(loaded.begin(), loaded.end(),
                  [](const EntityPosition &a, const EntityPosition &b) { return a.entityId < b.entityId; });
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(loaded.at(0).entityId, QStringLiteral("id-ada"));
        QCOMPARE(loaded.at(0).x, 10.0);
        QCOMPARE(loaded.at(0).y, 20.0);
        QCOMPARE(loaded.at(1).entityId, QStringLiteral("id-grace"));
        QCOMPARE(loaded.at(1).y, 4.0);
    }

    void vectorsReplaceAllAndLoadInOrder()
    {
        EntityVectorTable table(*m_store);
        QVERIFY(table.load().isEmpty());
        EntityVectors vectors;
        vectors.method = QStringLiteral("test");
        vectors.dimensions = 2;
        vectors.ids = {QStringLiteral("id-grace"), QStringLiteral("id-nobody"), QStringLiteral("id-ada")};
        vectors.data = {0.6f, 0.8f, 1, 0, -1.0f, 0.25f};
        QCOMPARE(table.replaceAll(vectors), 2); // the unknown entity is skipped
        EntityVectors loaded = table.load();
        QCOMPARE(loaded.method, QStringLiteral("test"));
        QCOMPARE(loaded.dimensions, 2);
        QCOMPARE(loaded.ids, (QList<QString>{QStringLiteral("id-grace"), QStringLiteral("id-ada")}));
        QCOMPARE(loaded.data, (std::vector<float>{0.6f, 0.8f, -1.0f, 0.25f}));

        // All of them are replaced, not merged.
        EntityVectors fewer;
        fewer.method = QStringLiteral("other");
        fewer.dimensions = 1;
        fewer.ids = {QStringLiteral("id-zürich")};
        fewer.data = {0.5f};
        QCOMPARE(table.replaceAll(fewer), 1);
        loaded = table.load();
        QCOMPARE(loaded.ids, (QList<QString>{QStringLiteral("id-zürich")}));
        QCOMPARE(loaded.method, QStringLiteral("other"));

        EntityVectors wrong = fewer;
        wrong.data = {0.5f, 0.5f};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, table.replaceAll(wrong));
    }

    void extractionCacheFindsWhatWasInserted()
    {
        ExtractionCacheTable cache(*m_store);
        QVERIFY(!cache.find(QStringLiteral("k1")));
        cache.insert(QStringLiteral("k1"), QStringLiteral("model"), QStringLiteral("{\"entities\":[]}"), {}, 0);
        QCOMPARE(cache.find(QStringLiteral("k1")), std::optional<QString>(QStringLiteral("{\"entities\":[]}")));
        cache.insert(QStringLiteral("k1"), QStringLiteral("model"), QStringLiteral("second"), {}, 0);
        QCOMPARE(cache.find(QStringLiteral("k1")), std::optional<QString>(QStringLiteral("second")));
        QVERIFY(!cache.find(QStringLiteral("k2")));
    }

    // Each answer here is 1,000 bytes plus a one-letter key and model: 1,002 bytes.
    void extractionCachePrunesLeastRecentlyUsedFirst()
    {
        ExtractionCacheTable cache(*m_store);
        const QString answer(1000, QLatin1Char('x'));
        const QString model = QStringLiteral("m");
        const auto key = [](char c) { return QString(QLatin1Char(c)); };
        const auto pause = [] { QThread::msleep(5); }; // use times are in milliseconds
        QCOMPARE(cache.stats(), (ExtractionCacheStats{0, 0}));
        for (char c : {'a', 'b', 'c'}) {
            QCOMPARE(cache.insert(key(c), model, answer, {}, 0), (ExtractionCacheStats{})); // no limit
            pause();
        }
        QCOMPARE(cache.stats(), (ExtractionCacheStats{3, 3006}));
        cache.touch({key('a')}); // used again: now b is the least recently used
        pause();
        // Room for three: the fourth pushes out b alone.
        QCOMPARE(cache.insert(key('d'), model, answer, {}, 3006), (ExtractionCacheStats{1, 1002}));
        QVERIFY(!cache.find(key('b')));
        for (char c : {'a', 'c', 'd'})
            QVERIFY2(cache.find(key(c)), &c);
        pause();
        // c used (noted by the caller since the last write) as e comes; room for two: a and d go.
        QCOMPARE(cache.insert(key('e'), model, answer, {key('c')}, 2004), (ExtractionCacheStats{2, 2004}));
        QVERIFY(cache.find(key('c')) && cache.find(key('e')));
        QVERIFY(!cache.find(key('a')) && !cache.find(key('d')));
        QCOMPARE(cache.stats(), (ExtractionCacheStats{2, 2004}));
        // Replacing an answer counts its new size only.
        cache.insert(key('e'), model, QStringLiteral("short"), {}, 0);
        QCOMPARE(cache.stats(), (ExtractionCacheStats{2, 1002 + 7}));
        QCOMPARE(cache.prune(1002), (ExtractionCacheStats{1, 1002})); // c is older than the new e
        QCOMPARE(cache.clear(), (ExtractionCacheStats{1, 7}));
        QCOMPARE(cache.stats(), (ExtractionCacheStats{0, 0}));
        QVERIFY(!cache.find(key('e')));
    }

    void evidenceOfOneEntityInOneSnapshot()
    {
        std::optional<StoredEntityName> ada, nobody;
        QList<StoredMentionSpan> mentions;
        QString text;
        QList<StoredNeighbour> neighbours;
        EntityEvidenceReader::inSnapshot(*m_store, [&](EntityEvidenceReader &reader) {
            ada = reader.entity(QStringLiteral("id-ada"));
            nobody = reader.entity(QStringLiteral("id-nobody"));
            mentions = reader.mentions({QStringLiteral("id-ada"), QStringLiteral("id-zürich")});
            text = reader.documentText(mentions.first().documentId, mentions.first().documentPath);
            neighbours = reader.neighbours(QStringLiteral("id-ada"), 10);
        });
        QVERIFY(ada);
        QCOMPARE(ada->name, QStringLiteral("Ada"));
        QCOMPARE(ada->type, QStringLiteral("PERSON"));
        QVERIFY(!nobody);
        // Ada once per chunk of both documents (2 + 3), Zürich once per chunk of the second (3):
        // ordered by document, then offsets.
        QCOMPARE(mentions.size(), 8);
        for (qsizetype i = 1; i < mentions.size(); ++i) {
            const StoredMentionSpan &a = mentions.at(i - 1), &b = mentions.at(i);
            QVERIFY(a.documentId < b.documentId || (a.documentId == b.documentId && a.start <= b.start));
        }
        QCOMPARE(mentions.first().documentPath, QStringLiteral("/docs/one.txt"));
        QCOMPARE(text.mid(mentions.first().start, mentions.first().end - mentions.first().start),
                 QStringLiteral("Ada"));
        // "met" Grace twice (one.txt's chunks) and Zürich three times, Ada the subject.
        QCOMPARE(neighbours.size(), 2);
        QCOMPARE(neighbours.at(0).id, QStringLiteral("id-zürich"));
        QCOMPARE(neighbours.at(0).weight, 3);
        QVERIFY(neighbours.at(0).outgoing);
        QCOMPARE(neighbours.at(0).relationType, QStringLiteral("met"));
        QCOMPARE(neighbours.at(1).id, QStringLiteral("id-grace"));
        QCOMPARE(neighbours.at(1).weight, 2);
        // The limit holds.
        EntityEvidenceReader::inSnapshot(*m_store, [&](EntityEvidenceReader &reader) {
            QCOMPARE(reader.neighbours(QStringLiteral("id-ada"), 1).size(), 1);
            QCOMPARE(reader.neighbours(QStringLiteral("id-grace"), 10).first().outgoing, false);
        });
    }

private:
    QTemporaryDir m_dir;
    int m_count = 0;
    std::unique_ptr<ProjectStore> m_store;
};

GW_TEST_MAIN(TstGraphTables)
#include "tst_graphtables.moc"
