// Every igraph computation, cancelled 200 times in a row: each cancel throws CancelledError and
// leaves igraph's process-wide cleanup ("finally") stack empty. Before the fix an interrupted
// layout left 3 entries per cancel, and the 32nd cancel aborted the process ("Finally stack too
// large"): the window crashed after ~31 cancelled layouts.
#include "core/errors.h"
#include "graph/graphanalytics.h"
#include "graph/graphlayout.h"
#include "graphfixtures.h"
#include "testmain.h"

#include <igraph.h>

#include <QTest>

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

using gw::CancellationSource;
using gw::CancellationToken;
using gw::GraphAnalytics;
using gw::GraphLayout;
using gw::KnowledgeGraph;

namespace {

constexpr int rounds = 200;

// Runs `work` on another thread and cancels it after `delay`; true when it threw CancelledError.
bool cancelAfter(const std::function<void(const CancellationToken &)> &work, std::chrono::microseconds delay)
{
    CancellationSource source;
    std::atomic<bool> cancelled = false;
    std::thread worker([&, token = source.token()] {
        try {
            work(token);
        } catch (const gw::CancelledError &) {
            cancelled = true;
        }
    });
    std::this_thread::sleep_for(delay);
    source.cancel(QStringLiteral("test cancel"));
    worker.join();
    return cancelled;
}

} // namespace

class TstIgraphCancellation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layoutCancelledFromInsideLeavesNothingBehind_data()
    {
        QTest::addColumn<int>("nodes");
        QTest::newRow("exact") << 400;
        QTest::newRow("grid") << 1500;
    }

    void layoutCancelledFromInsideLeavesNothingBehind()
    {
        // Cancelled from its own progress report: deterministically inside igraph's loop. Both
        // variants of igraph's Fruchterman-Reingold: exact (up to 1,000 nodes) and grid (above).
        QFETCH(int, nodes);
        const KnowledgeGraph graph = gw::testing::randomGraph(nodes, nodes * 3);
        for (int round = 0; round < rounds; ++round) {
            CancellationSource source;
            GraphLayout::Options options;
            options.method = GraphLayout::Method::ForceDirected;
            QVERIFY_THROWS_EXCEPTION(
                gw::CancelledError,
                GraphLayout::compute(graph, source.token(), options, [&source](double) { source.cancel(); }));
            QCOMPARE(IGRAPH_FINALLY_STACK_SIZE(), 0);
        }
        // igraph is still usable afterwards.
        QCOMPARE(GraphLayout::compute(graph, CancellationToken()).size(), graph.nodeCount());
    }

    void communityLayoutCancelledFromInsideLeavesNothingBehind()
    {
        // The community layout makes many igraph calls (one per community): cancelled from its
        // own progress reports at points spread over the whole run, inside and between them.
        const KnowledgeGraph graph = gw::testing::randomGraph(1500, 3000);
        GraphLayout::Options options;
        options.method = GraphLayout::Method::Communities;
        GraphAnalytics::Options leiden;
        leiden.metrics = GraphAnalytics::Metric::Communities;
        options.communities = GraphAnalytics::compute(graph, CancellationToken(), leiden).community;
        for (int round = 0; round < rounds; ++round) {
            CancellationSource source;
            int reports = 0;
            const int cancelAt = 1 + round % 40;
            QVERIFY_THROWS_EXCEPTION(gw::CancelledError,
                                     GraphLayout::compute(graph, source.token(), options, [&](double) {
                                         if (++reports == cancelAt)
                                             source.cancel();
                                     }));
            QCOMPARE(IGRAPH_FINALLY_STACK_SIZE(), 0);
        }
        QCOMPARE(GraphLayout::compute(graph, CancellationToken(), options).size(), graph.nodeCount());
    }

    void analyticsCancelledAtAnyMomentLeaveNothingBehind_data()
    {
        QTest::addColumn<int>("metric");
        QTest::newRow("betweenness") << int(GraphAnalytics::Metric::Betweenness);
        QTest::newRow("coreness") << int(GraphAnalytics::Metric::Coreness);
        QTest::newRow("communities") << int(GraphAnalytics::Metric::Communities);
        QTest::newRow("components") << int(GraphAnalytics::Metric::Components);
        QTest::newRow("pagerank") << int(GraphAnalytics::Metric::PageRank);
        QTest::newRow("all") << int(GraphAnalytics::Metric::All);
    }

    void analyticsCancelledAtAnyMomentLeaveNothingBehind()
    {
        QFETCH(int, metric);
        const KnowledgeGraph graph = gw::testing::randomGraph(3000, 9000);
        GraphAnalytics::Options options;
        options.metrics = GraphAnalytics::Metrics::fromInt(metric);
        int cancelled = 0;
        for (int round = 0; round < rounds; ++round) {
            // Cancels spread over the first milliseconds: before, during and (rarely) after.
            const auto delay = std::chrono::microseconds((round * 37) % 3000);
            cancelled += cancelAfter(
                [&](const CancellationToken &token) { GraphAnalytics::compute(graph, token, options); }, delay);
            QCOMPARE(IGRAPH_FINALLY_STACK_SIZE(), 0);
        }
        qInfo("%d of %d runs cancelled", cancelled, rounds);
        QVERIFY(cancelled > 0);
        QCOMPARE(GraphAnalytics::compute(graph, CancellationToken(), options).pagerank.isEmpty(),
                 !(options.metrics & GraphAnalytics::Metric::PageRank));
    }

    void shortestPathCancelledLeavesNothingBehind()
    {
        const KnowledgeGraph graph = gw::testing::randomGraph(20000, 40000);
        int cancelled = 0;
        for (int round = 0; round < rounds; ++round) {
            const auto delay = std::chrono::microseconds((round * 13) % 500);
            cancelled += cancelAfter(
                [&](const CancellationToken &token) { GraphAnalytics::shortestPath(graph, 0, 1, token); }, delay);
            QCOMPARE(IGRAPH_FINALLY_STACK_SIZE(), 0);
        }
        qInfo("%d of %d runs cancelled", cancelled, rounds);
    }
};

GW_TEST_MAIN(TstIgraphCancellation)
#include "tst_igraphcancellation.moc"
