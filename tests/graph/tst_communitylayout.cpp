// The community-aware layout (GraphLayout's default above 300 nodes) on graphs of known shape:
// communities drawn as separate groups, isolated nodes packed aside, deterministic, cancellable,
// monotone progress; and the circle packing under it.

#include "core/errors.h"
#include "graph/circlepacking.h"
#include "graph/communitylayout.h"
#include "graph/graphanalytics.h"
#include "graph/graphlayout.h"
#include "graphfixtures.h"
#include "testmain.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSet>

#include <atomic>
#include <cmath>

using gw::CancellationSource;
using gw::CancellationToken;
using gw::CirclePacking;
using gw::CommunityLayout;
using gw::GraphLayout;
using gw::KnowledgeGraph;

namespace {

constexpr int cliques = 8;
constexpr int cliqueSize = 40;
constexpr int isolated = 100;
constexpr int pairs = 10;

// 8 cliques of 40 (nodes 0..319, clique i = nodes 40i..40i+39), each linked to the next by two
// relations and to the one after by one; then 10 separate pairs and 100 isolated nodes.
// `planted` gets the clique of each node (pairs and isolated nodes their own group).
KnowledgeGraph weaklyLinkedCliques(QList<int> *planted = nullptr)
{
    KnowledgeGraph graph;
    QList<int> group;
    for (int c = 0; c < cliques; ++c) {
        QList<int> members;
        for (int i = 0; i < cliqueSize; ++i) {
            members.append(gw::testing::addNamedNode(graph, QStringLiteral("c%1_%2").arg(c).arg(i)));
            group.append(c);
        }
        gw::testing::linkAllPairs(graph, members);
    }
    for (int c = 0; c < cliques; ++c) {
        const int next = (c + 1) % cliques, after = (c + 2) % cliques;
        graph.addEdge({c * cliqueSize, next * cliqueSize + 1, QStringLiteral("bridge"), 1});
        graph.addEdge({c * cliqueSize + 2, next * cliqueSize + 3, QStringLiteral("bridge"), 1});
        graph.addEdge({c * cliqueSize + 4, after * cliqueSize + 5, QStringLiteral("bridge"), 1});
    }
    for (int p = 0; p < pairs; ++p) {
        const int a = gw::testing::addNamedNode(graph, QStringLiteral("p%1a").arg(p));
        const int b = gw::testing::addNamedNode(graph, QStringLiteral("p%1b").arg(p));
        graph.addEdge({a, b, QStringLiteral("knows"), 1});
        group << cliques + p << cliques + p;
    }
    for (int i = 0; i < isolated; ++i) {
        gw::testing::addNamedNode(graph, QStringLiteral("alone%1").arg(i));
        group.append(cliques + pairs + i);
    }
    if (planted)
        *planted = group;
    return graph;
}

bool allFinite(const QList<QPointF> &positions)
{
    return std::all_of(positions.cbegin(), positions.cend(), [](QPointF p) { return GraphLayout::hasPosition(p); });
}

int distinctCount(const QList<QPointF> &positions)
{
    QSet<QPair<double, double>> seen;
    for (const QPointF &p : positions)
        seen.insert({p.x(), p.y()});
    return int(seen.size());
}

QRectF boundsOf(const QList<QPointF> &positions, int from, int count)
{
    double left = positions.at(from).x(), right = left, top = positions.at(from).y(), bottom = top;
    for (int i = from; i < from + count; ++i) {
        left = std::min(left, positions.at(i).x());
        right = std::max(right, positions.at(i).x());
        top = std::min(top, positions.at(i).y());
        bottom = std::max(bottom, positions.at(i).y());
    }
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

QList<int> leidenOf(const KnowledgeGraph &graph)
{
    gw::GraphAnalytics::Options options;
    options.metrics = gw::GraphAnalytics::Metric::Communities;
    return gw::GraphAnalytics::compute(graph, CancellationToken(), options).community;
}

} // namespace

class TstCommunityLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cliquesAreDrawnApart()
    {
        QList<int> planted;
        const KnowledgeGraph graph = weaklyLinkedCliques(&planted);
        QCOMPARE(GraphLayout::methodFor(graph, {}), GraphLayout::Method::Communities);
        const QList<QPointF> positions = GraphLayout::compute(graph, CancellationToken());
        QCOMPARE(positions.size(), graph.nodeCount());
        QVERIFY(allFinite(positions));
        QCOMPARE(distinctCount(positions), graph.nodeCount());

        // Relations inside a clique are far shorter than the bridges between cliques.
        const CommunityLayout::Quality quality = CommunityLayout::quality(graph, positions, planted);
        qInfo("planted cliques: intra %.3f, inter %.3f, ratio %.3f", quality.meanIntra, quality.meanInter,
              quality.ratio());
        QCOMPARE(quality.interEdges, qint64(3 * cliques));
        QVERIFY2(quality.ratio() < 0.5, qPrintable(QString::number(quality.ratio())));
        // The same measured against the communities the analytics find (what exports carry).
        const QList<int> leiden = leidenOf(graph);
        QVERIFY(CommunityLayout::quality(graph, positions, leiden).ratio() < 0.5);

        // Each clique has a region of its own: the discs around them do not overlap.
        std::vector<QPointF> centres(cliques);
        std::vector<double> radii(cliques, 0);
        for (int c = 0; c < cliques; ++c) {
            for (int i = 0; i < cliqueSize; ++i)
                centres[c] += positions.at(c * cliqueSize + i) / cliqueSize;
            for (int i = 0; i < cliqueSize; ++i) {
                const QPointF d = positions.at(c * cliqueSize + i) - centres[c];
                radii[c] = std::max(radii[c], std::hypot(d.x(), d.y()));
            }
        }
        QCOMPARE(CirclePacking::overlaps(centres, radii), 0);
    }

    void isolatedNodesArePackedAside()
    {
        const KnowledgeGraph graph = weaklyLinkedCliques();
        const QList<QPointF> positions = GraphLayout::compute(graph, CancellationToken());
        const int linked = cliques * cliqueSize;
        const int firstIsolated = linked + 2 * pairs;
        QVERIFY(allFinite(positions));
        // Placed, compact (a fraction of the cliques' area) and outside the cliques' picture.
        const QRectF main = boundsOf(positions, 0, linked);
        const QRectF alone = boundsOf(positions, firstIsolated, isolated);
        const double mainArea = main.width() * main.height();
        const double aloneArea = std::max(alone.width(), 0.01) * std::max(alone.height(), 0.01);
        qInfo("cliques' box %.1f x %.1f, isolated nodes' box %.1f x %.1f", main.width(), main.height(), alone.width(),
              alone.height());
        QVERIFY(aloneArea < 0.1 * mainArea);
        QVERIFY(!main.intersects(alone));
        // Separate pairs stay together: their one relation is short.
        for (int p = 0; p < pairs; ++p) {
            const QPointF d = positions.at(linked + 2 * p) - positions.at(linked + 2 * p + 1);
            QVERIFY(std::hypot(d.x(), d.y()) < 1.0);
        }
    }

    void sameSeedSamePicture()
    {
        const KnowledgeGraph graph = weaklyLinkedCliques();
        const QList<QPointF> first = GraphLayout::compute(graph, CancellationToken());
        QCOMPARE(GraphLayout::compute(graph, CancellationToken()), first);
        GraphLayout::Options reseeded;
        reseeded.seed = 7;
        const QList<QPointF> other = GraphLayout::compute(graph, CancellationToken(), reseeded);
        QVERIFY(other != first);
        QCOMPARE(GraphLayout::compute(graph, CancellationToken(), reseeded), other);
    }

    void givenCommunitiesAreUsed()
    {
        // Communities handed in are laid out as given (no Leiden of its own): two halves of one
        // clique, declared two communities, get two regions.
        KnowledgeGraph graph = gw::testing::randomGraph(400, 0);
        QList<int> nodes;
        for (int i = 0; i < 400; ++i)
            nodes.append(i);
        gw::testing::linkAllPairs(graph, nodes.mid(0, 60));
        GraphLayout::Options options;
        options.communities = QList<int>(400, 0);
        for (int i = 30; i < 400; ++i)
            options.communities[i] = i < 60 ? 1 : i;
        const QList<QPointF> positions = GraphLayout::compute(graph, CancellationToken(), options);
        QVERIFY(allFinite(positions));
        const QRectF a = boundsOf(positions, 0, 30), b = boundsOf(positions, 30, 30);
        QVERIFY(!a.intersects(b));
        QVERIFY(CommunityLayout::quality(graph, positions, options.communities).ratio() < 0.5);
    }

    void smallGraphsAndSingleCommunitiesStayForceDirected()
    {
        QCOMPARE(GraphLayout::methodFor(gw::testing::randomGraph(299, 600), {}), GraphLayout::Method::ForceDirected);
        QCOMPARE(GraphLayout::methodFor(gw::testing::randomGraph(300, 600), {}), GraphLayout::Method::Communities);
        // One community: the community layout would be one circle; plain FR is the same picture.
        KnowledgeGraph graph = gw::testing::randomGraph(400, 1200);
        GraphLayout::Options one;
        one.communities = QList<int>(400, 0);
        GraphLayout::Options plain;
        plain.method = GraphLayout::Method::ForceDirected;
        QCOMPARE(GraphLayout::compute(graph, CancellationToken(), one),
                 GraphLayout::compute(graph, CancellationToken(), plain));
    }

    void progressRisesToOne_data()
    {
        QTest::addColumn<bool>("givenCommunities");
        QTest::newRow("communities found") << false;
        QTest::newRow("communities given") << true;
    }

    void progressRisesToOne()
    {
        QFETCH(bool, givenCommunities);
        const KnowledgeGraph graph = gw::testing::randomGraph(3000, 6000, 11);
        GraphLayout::Options options;
        if (givenCommunities)
            options.communities = leidenOf(graph);
        QList<double> reports;
        const QList<QPointF> positions =
            GraphLayout::compute(graph, CancellationToken(), options, [&reports](double d) { reports.append(d); });
        QVERIFY(allFinite(positions));
        QVERIFY2(reports.size() > 20, qPrintable(QString::number(reports.size())));
        QVERIFY(std::is_sorted(reports.begin(), reports.end()));
        QVERIFY(reports.first() >= 0);
        QCOMPARE(reports.last(), 1.0);
        QCOMPARE(reports.count(1.0), 1);
    }

    void cancelMidwayThrowsQuickly()
    {
        // A big graph, communities given (as the window and the CLI do): cancelled from its own
        // progress report at 30% (from inside igraph: a community of this graph is a few percent
        // of the work, so it reports its iterations), it must stop within a few iterations.
        const KnowledgeGraph graph = gw::testing::randomGraph(20000, 50000, 3);
        GraphLayout::Options options;
        options.communities = leidenOf(graph);
        CancellationSource source;
        QElapsedTimer sinceCancel;
        double cancelledAt = -1;
        const auto cancelAtAThird = [&](double done) {
            if (done >= 0.3 && cancelledAt < 0) {
                cancelledAt = done;
                sinceCancel.start();
                source.cancel(QStringLiteral("test"));
            }
        };
        QVERIFY_THROWS_EXCEPTION(gw::CancelledError,
                                 GraphLayout::compute(graph, source.token(), options, cancelAtAThird));
        const double ms = sinceCancel.nsecsElapsed() / 1e6;
        qInfo("cancelled at %.2f, thrown %.1f ms later", cancelledAt, ms);
        QVERIFY(cancelledAt >= 0.3 && cancelledAt < 1);
        QVERIFY(ms < 500);

        CancellationSource before;
        before.cancel();
        QVERIFY_THROWS_EXCEPTION(gw::CancelledError, GraphLayout::compute(graph, before.token(), options));
    }

    void circlesSeparateWithoutOverlap()
    {
        QRandomGenerator random(5);
        const int n = 500;
        std::vector<QPointF> centres(n);
        std::vector<double> radii(n);
        for (int i = 0; i < n; ++i) {
            centres[i] = QPointF(random.generateDouble(), random.generateDouble());
            radii[i] = i < 5 ? 10 : 0.3 + 2 * random.generateDouble() * random.generateDouble();
        }
        std::vector<CirclePacking::Link> links;
        for (int i = 1; i < n; ++i)
            links.push_back({int(random.bounded(i)), i, 1});
        QVERIFY(CirclePacking::overlaps(centres, radii) > 0);
        const std::vector<QPointF> start = centres;
        CirclePacking::separate(centres, radii, links, CancellationToken());
        QCOMPARE(CirclePacking::overlaps(centres, radii, 1e-6), 0);
        for (const QPointF &c : centres)
            QVERIFY(GraphLayout::hasPosition(c));
        // Repeatable.
        std::vector<QPointF> again = start;
        CirclePacking::separate(again, radii, links, CancellationToken());
        QVERIFY(again == centres);

        // Rows: no overlap, within the width, largest first.
        const std::vector<QPointF> rows = CirclePacking::shelves(radii, 40, QPointF(100, 0));
        QCOMPARE(CirclePacking::overlaps(rows, radii, 1e-9), 0);
        const QRectF box = CirclePacking::bounds(rows, radii);
        QVERIFY(box.left() >= 100 - 1e-9);
        QVERIFY(box.right() <= 140 + 1e-9);
        QCOMPARE(rows[0].y(), 10.0);
    }
};

GW_TEST_MAIN(TstCommunityLayout)
#include "tst_communitylayout.moc"
