// GraphLayout: finite, distinct, repeatable positions that show the graph's structure; progress
// and cancellation; positions saved in the project and loaded back.

#include "graph/graphlayout.h"
#include "core/errors.h"
#include "graphfixtures.h"
#include "store/projectstore.h"
#include "store/sampledocuments.h"
#include "testmain.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTemporaryDir>

#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>

using gw::CancellationSource;
using gw::CancellationToken;
using gw::GraphLayout;
using gw::KnowledgeGraph;

namespace {

bool allFiniteAndDistinct(const QList<QPointF> &positions)
{
    QSet<QPair<double, double>> seen;
    for (const QPointF &p : positions) {
        if (!GraphLayout::hasPosition(p))
            return false;
        seen.insert({p.x(), p.y()});
    }
    return seen.size() == positions.size();
}

QPointF centroid(const QList<QPointF> &positions, int from, int count)
{
    QPointF sum;
    for (int i = from; i < from + count; ++i)
        sum += positions.at(i);
    return sum / count;
}

double distance(QPointF a, QPointF b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

} // namespace

class TstGraphLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cliquesSitApartAndRunsRepeat()
    {
        const KnowledgeGraph graph = gw::testing::twoCliquesWithBridge(8);
        const QList<QPointF> first = GraphLayout::compute(graph, CancellationToken());
        QCOMPARE(first.size(), 16);
        QVERIFY(allFiniteAndDistinct(first));
        QCOMPARE(GraphLayout::compute(graph, CancellationToken()), first);

        // Each node is nearer its own clique's centre than the other clique's.
        const QPointF a = centroid(first, 0, 8), b = centroid(first, 8, 8);
        for (int i = 0; i < 16; ++i) {
            const bool inA = i < 8;
            QVERIFY2(distance(first.at(i), inA ? a : b) < distance(first.at(i), inA ? b : a),
                     qPrintable(QString::number(i)));
        }

        GraphLayout::Options reseeded;
        reseeded.seed = 99;
        QVERIFY(GraphLayout::compute(graph, CancellationToken(), reseeded) != first);
    }

    void bigGraphsUseTheGridAndStayRepeatable()
    {
        // Above 1,000 nodes igraph's FR uses its grid; iterations shrink for very big graphs.
        const KnowledgeGraph graph = gw::testing::randomGraph(1500, 3000, 3);
        GraphLayout::Options options;
        options.method = GraphLayout::Method::ForceDirected; // not the community layout (tst_communitylayout)
        options.iterations = 60;
        const QList<QPointF> first = GraphLayout::compute(graph, CancellationToken(), options);
        QCOMPARE(first.size(), 1500);
        QVERIFY(allFiniteAndDistinct(first));
        QCOMPARE(GraphLayout::compute(graph, CancellationToken(), options), first);
        QCOMPARE(GraphLayout::iterationsFor(gw::testing::randomGraph(100, 10), {}), 500);
        QCOMPARE(GraphLayout::iterationsFor(gw::testing::randomGraph(100000, 0), {}), 50);
    }

    void progressRisesToOne()
    {
        const KnowledgeGraph graph = gw::testing::randomGraph(2000, 4000, 5);
        GraphLayout::Options options;
        options.iterations = 100;
        QList<double> reports;
        GraphLayout::compute(graph, CancellationToken(), options, [&reports](double done) { reports.append(done); });
        QVERIFY(reports.size() > 10);
        QVERIFY(std::is_sorted(reports.begin(), reports.end()));
        QVERIFY(reports.first() >= 0);
        QCOMPARE(reports.last(), 1.0);
        QCOMPARE(reports.count(1.0), 1);
        // Tiny graphs report completion too.
        double last = 0;
        QCOMPARE(GraphLayout::compute(gw::testing::randomGraph(1, 0), CancellationToken(), {},
                                      [&last](double d) { last = d; })
                     .size(),
                 1);
        QCOMPARE(last, 1.0);
        QVERIFY(GraphLayout::compute(KnowledgeGraph(), CancellationToken()).isEmpty());
    }

    void cancelStopsTheLayout()
    {
        CancellationSource cancelled;
        cancelled.cancel();
        QVERIFY_THROWS_EXCEPTION(gw::CancelledError,
                                 GraphLayout::compute(gw::testing::twoCliquesWithBridge(5), cancelled.token()));

        const KnowledgeGraph graph = gw::testing::randomGraph(100000, 200000, 9);
        GraphLayout::Options options;
        options.method = GraphLayout::Method::ForceDirected;
        options.iterations = 100000; // far longer than the test waits
        CancellationSource source;
        std::atomic<bool> threwCancelled = false;
        std::atomic<double> progress = 0;
        std::thread worker([&, token = source.token()] {
            try {
                GraphLayout::compute(graph, token, options, [&progress](double done) { progress = done; });
            } catch (const gw::CancelledError &) {
                threwCancelled = true;
            }
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        QElapsedTimer latency;
        latency.start();
        source.cancel();
        worker.join();
        const double ms = latency.nsecsElapsed() / 1e6;
        qInfo("cancel latency, layout of 100k nodes / 200k relations: %.1f ms", ms);
        QVERIFY(threwCancelled);
        QVERIFY(ms < 2000);
        QVERIFY(progress.load() < 1.0);
    }

    void savedPositionsLoadBack()
    {
        QTemporaryDir dir;
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        gw::DocumentRecord record = gw::testing::sampleDocument(QStringLiteral("/a.txt"), 2);
        gw::testing::addSampleExtraction(
            record,
            {gw::testing::sampleEntity(QStringLiteral("Ada")), gw::testing::sampleEntity(QStringLiteral("Grace")),
             gw::testing::sampleEntity(QStringLiteral("Zürich"), {}, QStringLiteral("LOCATION"))});
        store->writeDocumentBlocking(record);
        KnowledgeGraph graph = KnowledgeGraph::fromStore(*store);
        QCOMPARE(graph.nodeCount(), 3);

        // Nothing stored yet: every position is missing.
        for (const QPointF &p : GraphLayout::loadLayout(*store, graph))
            QVERIFY(!GraphLayout::hasPosition(p));

        const QList<QPointF> positions = GraphLayout::compute(graph, CancellationToken());
        GraphLayout::saveLayout(*store, graph, positions);
        QCOMPARE(GraphLayout::loadLayout(*store, graph), positions);

        // A node the project does not have is skipped, not a foreign-key failure; saving again
        // replaces; a non-finite position is not stored (the old one stays).
        const int ghost = graph.addNode(gw::testing::graphNode(QStringLiteral("ghost")));
        QList<QPointF> moved = positions;
        for (QPointF &p : moved)
            p += QPointF(1.5, -2.25);
        moved.append(QPointF(7, 7));
        moved[0] = QPointF(qQNaN(), 0);
        GraphLayout::saveLayout(*store, graph, moved);
        const QList<QPointF> loaded = GraphLayout::loadLayout(*store, graph);
        QCOMPARE(loaded.at(0), positions.at(0));
        QCOMPARE(loaded.at(1), moved.at(1));
        QCOMPARE(loaded.at(2), moved.at(2));
        QVERIFY(!GraphLayout::hasPosition(loaded.at(ghost)));
        QCOMPARE(gw::testing::countRows(store->path(), QStringLiteral("SELECT count(*) FROM entity_positions")), 3);

        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, GraphLayout::saveLayout(*store, graph, positions));
    }
};

GW_TEST_MAIN(TstGraphLayout)
#include "tst_graphlayout.moc"
