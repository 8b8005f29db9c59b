// Graph -> vectors -> graph: node embeddings keep the structure they came from (cliques stay
// apart, twins coincide, a ring stays a ring), similar-entity queries and the kNN graph agree with
// it, the vectors survive a project file bit for bit, and everything is deterministic and
// cancellable.

#include "graph/knowledgegraph.h"
#include "graph/nodeembedding.h"
#include "graph/similarentities.h"
#include "graph/similaritygraph.h"
#include "core/errors.h"
#include "store/projectstore.h"
#include "store/sampledocuments.h"
#include "testmain.h"

#include <QSet>
#include <QTemporaryDir>
#include <QThreadPool>

#include <chrono>
#include <cmath>
#include <cstring>
#include <random>
#include <thread>

using gw::EntityVectors;
using gw::KnowledgeGraph;
using gw::NodeEmbedding;
using gw::NodeEmbeddingOptions;
using gw::SimilarEntities;
using gw::SimilarityGraph;

class TstNodeEmbedding : public QObject
{
    Q_OBJECT

private:
    static KnowledgeGraph nodesOnly(int n)
    {
        KnowledgeGraph graph;
        for (int i = 0; i < n; ++i)
            graph.addNode({QStringLiteral("n%1").arg(i), QStringLiteral("THING"), QStringLiteral("Node %1").arg(i)});
        return graph;
    }

    static void link(KnowledgeGraph &graph, int a, int b, double weight = 1)
    {
        graph.addEdge({a, b, QStringLiteral("rel"), weight, {}});
    }

    // `groups` cliques of `size` nodes; node i is in group i / size.
    static KnowledgeGraph cliques(int groups, int size)
    {
        KnowledgeGraph graph = nodesOnly(groups * size);
        for (int g = 0; g < groups; ++g)
            for (int a = 0; a < size; ++a)
                for (int b = a + 1; b < size; ++b)
                    link(graph, g * size + a, g * size + b);
        return graph;
    }

    // A planted partition: `groups` groups of `size`, an edge inside a group with probability
    // pIn / 1000 and across with pOut / 1000 (raw mt19937 output: the same graph everywhere).
    static KnowledgeGraph plantedPartition(int groups, int size, unsigned pIn, unsigned pOut, unsigned seed = 7)
    {
        KnowledgeGraph graph = nodesOnly(groups * size);
        std::mt19937 random(seed);
        for (int a = 0; a < graph.nodeCount(); ++a)
            for (int b = a + 1; b < graph.nodeCount(); ++b)
                if (random() % 1000 < (a / size == b / size ? pIn : pOut))
                    link(graph, a, b);
        return graph;
    }

    static float cosine(const EntityVectors &v, int a, int b)
    {
        double sum = 0;
        for (int k = 0; k < v.dimensions; ++k)
            sum += double(v.row(a)[k]) * v.row(b)[k];
        return float(sum);
    }

    static bool sameBits(const EntityVectors &a, const EntityVectors &b)
    {
        return a.dimensions == b.dimensions && a.method == b.method && a.ids == b.ids && a.data.size() == b.data.size()
            && std::memcmp(a.data.data(), b.data.data(), a.data.size() * sizeof(float)) == 0;
    }

    // Fraction of `original`'s edges (between distinct nodes, optionally only inside a group)
    // that the kNN graph has, in either direction.
    static double recall(const KnowledgeGraph &original, const KnowledgeGraph &knn, int groupSize)
    {
        QSet<QPair<int, int>> found;
        for (const gw::GraphEdge &edge : knn.edges())
            found.insert({std::min(edge.source, edge.target), std::max(edge.source, edge.target)});
        int wanted = 0, hit = 0;
        for (const gw::GraphEdge &edge : original.edges()) {
            if (edge.source / groupSize != edge.target / groupSize)
                continue;
            ++wanted;
            hit += found.contains({std::min(edge.source, edge.target), std::max(edge.source, edge.target)}) ? 1 : 0;
        }
        return wanted == 0 ? 0 : double(hit) / wanted;
    }

    static int crossGroupEdges(const KnowledgeGraph &knn, int groupSize)
    {
        int cross = 0;
        for (const gw::GraphEdge &edge : knn.edges())
            cross += edge.source / groupSize != edge.target / groupSize ? 1 : 0;
        return cross;
    }

private Q_SLOTS:
    void bridgedCliquesStayApartAndTheKnnGraphRecoversThem_data()
    {
        QTest::addColumn<NodeEmbeddingOptions::Matrix>("matrix");
        QTest::newRow("regularized laplacian") << NodeEmbeddingOptions::Matrix::RegularizedLaplacian;
        QTest::newRow("adjacency") << NodeEmbeddingOptions::Matrix::Adjacency;
    }

    void bridgedCliquesStayApartAndTheKnnGraphRecoversThem()
    {
        QFETCH(NodeEmbeddingOptions::Matrix, matrix);
        const int size = 12;
        KnowledgeGraph graph = cliques(2, size);
        link(graph, 0, size); // one weak bridge
        link(graph, 3, 5);    // a multi-edge inside a clique: still one pair
        NodeEmbeddingOptions options;
        options.matrix = matrix;
        const EntityVectors vectors = NodeEmbedding::compute(graph, options);
        QCOMPARE(vectors.count(), 2 * size);
        QCOMPARE(vectors.dimensions, 2 * size - 1); // capped below the node count

        const SimilarEntities index(vectors);
        for (int i = 0; i < graph.nodeCount(); ++i) {
            const QList<gw::SimilarEntity> similar = index.similarTo(graph.node(i).id, size - 1);
            QCOMPARE(similar.size(), size - 1);
            for (const gw::SimilarEntity &s : similar) {
                QVERIFY2(s.row / size == i / size, qPrintable(QStringLiteral("%1 ~ %2").arg(i).arg(s.row)));
                QVERIFY(s.row != i);
            }
        }

        const KnowledgeGraph knn = SimilarityGraph::build(graph, index, {.neighbours = size - 1});
        QCOMPARE(knn.nodeCount(), graph.nodeCount());
        QCOMPARE(crossGroupEdges(knn, size), 0);
        const double found = recall(graph, knn, size);
        qInfo("clique edges recovered: %.3f, kNN edges %d", found, knn.edgeCount());
        QCOMPARE(found, 1.0);
        QCOMPARE(knn.edgeCount(), 2 * size * (size - 1) / 2); // exactly the two cliques
        for (const gw::GraphEdge &edge : knn.edges()) {
            QCOMPARE(edge.type, QStringLiteral("similar_to"));
            QVERIFY(edge.source < edge.target);
            QVERIFY(edge.weight > 0 && edge.weight <= 1.0001);
        }
    }

    void plantedCommunitiesAreRecoveredFromTheVectors()
    {
        const int size = 50;
        const KnowledgeGraph graph = plantedPartition(4, size, 250, 5);
        const EntityVectors vectors = NodeEmbedding::compute(graph);
        const SimilarEntities index(vectors);
        const KnowledgeGraph knn = SimilarityGraph::build(graph, index, {.neighbours = 10});
        const double purity = 1.0 - double(crossGroupEdges(knn, size)) / knn.edgeCount();
        const double found = recall(graph, knn, size);
        qInfo("planted partition: %d edges; kNN edges %d, inside a community %.3f, community edges recovered %.3f",
              int(graph.edgeCount()), int(knn.edgeCount()), purity, found);
        QVERIFY2(purity >= 0.97, qPrintable(QString::number(purity)));
        QVERIFY2(found >= 0.50, qPrintable(QString::number(found)));
    }

    void twinsCoincideAndARingStaysARing()
    {
        // Twins: the same neighbours, no edge between them.
        KnowledgeGraph twins = plantedPartition(1, 30, 300, 0, 3);
        const int a = twins.addNode({QStringLiteral("twin-a")});
        const int b = twins.addNode({QStringLiteral("twin-b")});
        for (int n : {2, 5, 11, 17, 23}) {
            link(twins, a, n);
            link(twins, n, b); // the other direction: the same after symmetrising
        }
        const EntityVectors v = NodeEmbedding::compute(twins);
        qInfo("twins: cosine %.4f", cosine(v, a, b));
        QVERIFY(cosine(v, a, b) > 0.7f);
        QCOMPARE(SimilarEntities(v).similarTo(QStringLiteral("twin-a"), 1).value(0).id, QStringLiteral("twin-b"));

        // A ring lattice (each node linked to the two nearest on each side); 7 dimensions keep
        // whole pairs of its Fourier modes.
        const int n = 60;
        KnowledgeGraph ring = nodesOnly(n);
        for (int i = 0; i < n; ++i) {
            link(ring, i, (i + 1) % n);
            link(ring, i, (i + 2) % n);
        }
        const EntityVectors r = NodeEmbedding::compute(ring, {.dimensions = 7});
        const SimilarEntities index(r);
        float worstNeighbour = 1, bestOpposite = -1;
        for (int i = 0; i < n; ++i) {
            worstNeighbour = std::min(worstNeighbour, cosine(r, i, (i + 1) % n));
            bestOpposite = std::max(bestOpposite, cosine(r, i, (i + n / 2) % n));
            for (const gw::SimilarEntity &s : index.similarTo(ring.node(i).id, 4)) {
                const int distance = std::min((s.row - i + n) % n, (i - s.row + n) % n);
                QVERIFY2(distance <= 2, qPrintable(QStringLiteral("%1 ~ %2").arg(i).arg(s.row)));
            }
        }
        qInfo("ring: cosine to the next node >= %.4f, to the opposite node <= %.4f", worstNeighbour, bestOpposite);
        QVERIFY(worstNeighbour > 0.9f);
        QVERIFY(bestOpposite < 0.0f);
    }

    void directionsAndMultiEdgesAreSummed()
    {
        KnowledgeGraph one = cliques(3, 5);
        KnowledgeGraph two = one;
        link(one, 0, 7, 2);
        link(two, 7, 0, 1);
        link(two, 0, 7, 1);
        link(two, 4, 4, 5); // self-loops and non-positive weights are ignored
        link(two, 1, 12, 0);
        link(two, 2, 13, std::nan(""));
        QVERIFY(sameBits(NodeEmbedding::compute(one), NodeEmbedding::compute(two)));
    }

    void isolatedNodesGetZeroVectorsAndNoNeighbours()
    {
        KnowledgeGraph graph = cliques(2, 6);
        const int lonely = graph.addNode({QStringLiteral("lonely")});
        const EntityVectors v = NodeEmbedding::compute(graph);
        for (int k = 0; k < v.dimensions; ++k)
            QCOMPARE(v.row(lonely)[k], 0.0f);
        for (int i = 0; i < lonely; ++i)
            QVERIFY(std::abs(cosine(v, i, i) - 1.0f) < 1e-5f);
        const SimilarEntities index(v);
        QVERIFY(!index.hasVector(lonely));
        QVERIFY(index.similarTo(QStringLiteral("lonely"), 3).isEmpty());
        for (int i = 0; i < lonely; ++i)
            for (const gw::SimilarEntity &s : index.similarTo(graph.node(i).id, 20))
                QVERIFY(s.row != lonely);
        const KnowledgeGraph knn = SimilarityGraph::build(graph, index, {.neighbours = 20, .minSimilarity = -1});
        for (const gw::GraphEdge &edge : knn.edges())
            QVERIFY(edge.source != lonely && edge.target != lonely);
    }

    void deterministicWhateverTheThreadCount()
    {
        const KnowledgeGraph graph = plantedPartition(8, 600, 20, 1); // 4800 nodes: several row blocks
        const EntityVectors first = NodeEmbedding::compute(graph);
        const EntityVectors second = NodeEmbedding::compute(graph);
        QVERIFY(sameBits(first, second));
        QThreadPool *pool = QThreadPool::globalInstance();
        const int threads = pool->maxThreadCount();
        pool->setMaxThreadCount(1);
        const EntityVectors alone = NodeEmbedding::compute(graph);
        pool->setMaxThreadCount(threads);
        QVERIFY(sameBits(first, alone));

        // Another seed: other bits, the same geometry (within the iteration's accuracy).
        NodeEmbeddingOptions other;
        other.seed = 12345;
        const EntityVectors reseeded = NodeEmbedding::compute(graph, other);
        QVERIFY(!sameBits(first, reseeded));
    }

    void allNearestAgreesWithSingleQueries()
    {
        // Odd sizes: partial tiles, partial query quads, a dimension count that is no lane multiple.
        EntityVectors v;
        v.dimensions = 13;
        v.method = QStringLiteral("random");
        std::mt19937 random(11);
        for (int i = 0; i < 203; ++i) {
            v.ids.append(QStringLiteral("v%1").arg(i));
            for (int k = 0; k < v.dimensions; ++k)
                v.data.push_back(i == 77 ? 0.0f : float(int(random() % 2001) - 1000) / 1000.0f);
        }
        const SimilarEntities index(v);
        const auto all = index.allNearest(7, -0.2f);
        QCOMPARE(int(all.size()), 203);
        QVERIFY(all[77].empty());
        for (int i = 0; i < 203; ++i) {
            const QList<gw::SimilarEntity> single = index.similarTo(v.ids.at(i), 7, -0.2f);
            QCOMPARE(int(all[std::size_t(i)].size()), int(single.size()));
            for (int j = 0; j < single.size(); ++j) {
                QCOMPARE(all[std::size_t(i)][std::size_t(j)].row, single.at(j).row);
                QVERIFY(std::abs(all[std::size_t(i)][std::size_t(j)].similarity - single.at(j).similarity) < 1e-5f);
                QVERIFY(single.at(j).row != i && single.at(j).row != 77);
                QVERIFY(single.at(j).similarity >= -0.2f);
                if (j > 0)
                    QVERIFY(single.at(j).similarity <= single.at(j - 1).similarity);
            }
        }
        // Mutual pairs are a subset of the union.
        const KnowledgeGraph nodes = nodesOnly(0);
        KnowledgeGraph named;
        for (const QString &id : v.ids)
            named.addNode({id});
        const KnowledgeGraph anyway = SimilarityGraph::build(named, index, {.neighbours = 5, .minSimilarity = -1});
        const KnowledgeGraph mutual =
            SimilarityGraph::build(named, index, {.neighbours = 5, .minSimilarity = -1, .mutualOnly = true});
        QVERIFY(mutual.edgeCount() > 0 && mutual.edgeCount() < anyway.edgeCount());
        QVERIFY(anyway.edgeCount() >= 202 * 5 / 2);
    }

    void vectorsSurviveTheProjectFileAndGoWithTheirEntities()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.gwp"));
        EntityVectors computed;
        {
            auto store = gw::ProjectStore::open(path);
            QVERIFY(NodeEmbedding::load(*store).isEmpty());
            gw::DocumentRecord a = gw::testing::sampleDocument(QStringLiteral("/a.txt"), 2);
            gw::testing::addSampleExtraction(
                a,
                {gw::testing::sampleEntity(QStringLiteral("Ada")), gw::testing::sampleEntity(QStringLiteral("Grace"))});
            gw::DocumentRecord b = gw::testing::sampleDocument(QStringLiteral("/b.txt"), 2);
            gw::testing::addSampleExtraction(
                b,
                {gw::testing::sampleEntity(QStringLiteral("Zürich"), {}, QStringLiteral("LOCATION")),
                 gw::testing::sampleEntity(QStringLiteral("Sentence"))});
            store->writeDocumentBlocking(a);
            store->writeDocumentBlocking(b);
            const KnowledgeGraph graph = KnowledgeGraph::fromStore(*store);
            QCOMPARE(graph.nodeCount(), 4);
            computed = NodeEmbedding::compute(graph);
            QCOMPARE(computed.dimensions, 3);

            // An entity that is gone is skipped, not a failed save.
            EntityVectors withStranger = computed;
            withStranger.ids.append(QStringLiteral("id-nobody"));
            withStranger.data.insert(withStranger.data.end(), {1.0f, 0.0f, 0.0f});
            QCOMPARE(NodeEmbedding::save(*store, withStranger), 4);
            QCOMPARE(NodeEmbedding::save(*store, computed), 4); // replaces, does not add
            QCOMPARE(gw::testing::countRows(path, QStringLiteral("SELECT count(*) FROM entity_vectors")), 4);
            QCOMPARE(
                gw::testing::countRows(
                    path,
                    QStringLiteral("SELECT count(*) FROM entity_vectors WHERE length(vector) = 12 AND dimensions = 3")),
                4);
        }
        auto store = gw::ProjectStore::open(path); // a reopened file, not a cache
        const EntityVectors loaded = NodeEmbedding::load(*store);
        QVERIFY(sameBits(computed, loaded));
        QCOMPARE(loaded.method, QStringLiteral("spectral:regularized-laplacian"));

        // Removing /a.txt orphans Ada and Grace: their vectors go with them; the rest is untouched.
        QVERIFY(store->removeDocumentBlocking(QStringLiteral("/a.txt")));
        const EntityVectors left = NodeEmbedding::load(*store);
        QCOMPARE(left.count(), 2);
        for (int i = 0; i < left.count(); ++i) {
            const int was = computed.ids.indexOf(left.ids.at(i));
            QVERIFY(left.ids.at(i) != QStringLiteral("id-ada") && left.ids.at(i) != QStringLiteral("id-grace"));
            QVERIFY(std::memcmp(left.row(i), computed.row(was), sizeof(float) * 3) == 0);
        }

        // Nothing to save clears the table.
        QCOMPARE(NodeEmbedding::save(*store, EntityVectors{}), 0);
        QVERIFY(NodeEmbedding::load(*store).isEmpty());
    }

    void cancellationStopsEveryStage()
    {
        gw::CancellationSource cancelled;
        cancelled.cancel();
        const KnowledgeGraph graph = cliques(3, 8);
        QVERIFY_THROWS_EXCEPTION(gw::CancelledError, NodeEmbedding::compute(graph, {}, cancelled.token()));
        const SimilarEntities index(NodeEmbedding::compute(graph));
        QVERIFY_THROWS_EXCEPTION(gw::CancelledError, index.allNearest(5, -1, cancelled.token()));
        QVERIFY_THROWS_EXCEPTION(gw::CancelledError, SimilarityGraph::build(graph, index, {}, cancelled.token()));

        // While running: a kNN search over 40k vectors takes seconds; a cancel 50 ms in stops it.
        EntityVectors big;
        big.dimensions = 32;
        std::mt19937 random(5);
        for (int i = 0; i < 40000; ++i) {
            big.ids.append(QString::number(i));
            for (int k = 0; k < 32; ++k)
                big.data.push_back(float(random() % 1000));
        }
        const SimilarEntities bigIndex(big);
        gw::CancellationSource source;
        std::thread canceller([source] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            source.cancel();
        });
        QVERIFY_THROWS_EXCEPTION(gw::CancelledError, bigIndex.allNearest(10, -1, source.token()));
        canceller.join();
    }

    void tinyGraphsDoNotBreak()
    {
        const EntityVectors none = NodeEmbedding::compute(KnowledgeGraph());
        QCOMPARE(none.count(), 0);
        QCOMPARE(none.dimensions, 0);
        const SimilarEntities emptyIndex(none);
        QVERIFY(emptyIndex.similarTo(QStringLiteral("x"), 3).isEmpty());
        QCOMPARE(SimilarityGraph::build(KnowledgeGraph(), emptyIndex).nodeCount(), 0);

        const KnowledgeGraph single = nodesOnly(1);
        const EntityVectors one = NodeEmbedding::compute(single);
        QCOMPARE(one.count(), 1);
        QCOMPARE(one.dimensions, 1);
        QCOMPARE(one.data, std::vector<float>{0.0f});
        QVERIFY(SimilarEntities(one).similarTo(QStringLiteral("n0"), 3).isEmpty());
        QCOMPARE(SimilarityGraph::build(single, SimilarEntities(one)).edgeCount(), 0);

        KnowledgeGraph pair = nodesOnly(2);
        link(pair, 0, 1);
        const EntityVectors two = NodeEmbedding::compute(pair, {.dimensions = 64});
        QCOMPARE(two.dimensions, 1);
        QVERIFY(std::abs(std::abs(two.data[0]) - 1.0f) < 1e-6f && std::abs(std::abs(two.data[1]) - 1.0f) < 1e-6f);

        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, NodeEmbedding::compute(pair, {.dimensions = 0}));
    }
};

GW_TEST_MAIN(TstNodeEmbedding)
#include "tst_nodeembedding.moc"
