// The in-memory graph: built from the project's entities and relations, lookups by id and name.

#include "graph/knowledgegraph.h"
#include "store/projectstore.h"
#include "store/sampledocuments.h"
#include "testmain.h"

#include <QTemporaryDir>

using gw::KnowledgeGraph;

class TstKnowledgeGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromStoreHasEveryEntityAndMergedRelation()
    {
        QTemporaryDir dir;
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        for (const QString &path : {QStringLiteral("/a.txt"), QStringLiteral("/b.txt")}) {
            gw::DocumentRecord record = gw::testing::sampleDocument(path, 2);
            gw::testing::addSampleExtraction(record, {gw::testing::sampleEntity(QStringLiteral("Ada")),
                                                      gw::testing::sampleEntity(QStringLiteral("Grace")),
                                                      gw::testing::sampleEntity(QStringLiteral("Zürich"), {}, QStringLiteral("LOCATION"))});
            store->writeDocumentBlocking(record);
        }
        const KnowledgeGraph graph = KnowledgeGraph::fromStore(*store);
        QCOMPARE(graph.nodeCount(), 3);
        QCOMPARE(graph.edgeCount(), 1); // "met" from both documents merges into one edge
        const int ada = graph.indexOf(QStringLiteral("id-ada"));
        const int grace = graph.indexOf(QStringLiteral("id-grace"));
        QVERIFY(ada >= 0 && grace >= 0);
        QCOMPARE(graph.node(ada).mentions, 4);
        QCOMPARE(graph.node(ada).documents, 2);
        QCOMPARE(graph.node(graph.indexOf(QStringLiteral("id-zürich"))).type, QStringLiteral("LOCATION"));
        const gw::GraphEdge &met = graph.edge(0);
        QCOMPARE(met.source, ada);
        QCOMPARE(met.target, grace);
        QCOMPARE(met.type, QStringLiteral("met"));
        QCOMPARE(met.weight, 4.0);
        QCOMPARE(met.evidence.documentPath, QStringLiteral("/a.txt"));
    }

    void nodesAreUniqueByIdAndEdgesNeedNodes()
    {
        KnowledgeGraph graph;
        QCOMPARE(graph.addNode({QStringLiteral("x"), QStringLiteral("PERSON"), QStringLiteral("X")}), 0);
        QCOMPARE(graph.addNode({QStringLiteral("y"), QStringLiteral("PERSON"), QStringLiteral("Y")}), 1);
        QCOMPARE(graph.addNode({QStringLiteral("x"), QStringLiteral("PERSON"), QStringLiteral("Other")}), 0);
        QCOMPARE(graph.nodeCount(), 2);
        QCOMPARE(graph.addEdge({0, 1, QStringLiteral("knows")}), 0);
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, graph.addEdge({0, 2, QStringLiteral("knows")}));
        QCOMPARE(graph.indexOf(QStringLiteral("nope")), -1);
    }

    void findByNameIgnoresCaseAndSpacingThenTriesPrefixes()
    {
        KnowledgeGraph graph;
        graph.addNode({QStringLiteral("a"), QStringLiteral("PERSON"), QStringLiteral("Ada  Lovelace"), 3});
        graph.addNode({QStringLiteral("b"), QStringLiteral("PERSON"), QStringLiteral("Ada Byron"), 9});
        graph.addNode({QStringLiteral("c"), QStringLiteral("LOCATION"), QStringLiteral("London"), 1});
        QCOMPARE(graph.findByName(QStringLiteral("ada lovelace")), QList<int>{0});
        QCOMPARE(graph.findByName(QStringLiteral("ADA")), (QList<int>{1, 0})); // prefix, most mentioned first
        QVERIFY(graph.findByName(QStringLiteral("Paris")).isEmpty());
        QVERIFY(graph.findByName(QStringLiteral("  ")).isEmpty());
    }
};

GW_TEST_MAIN(TstKnowledgeGraph)
#include "tst_knowledgegraph.moc"
