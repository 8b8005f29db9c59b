#include "layoutbenchmark.h"

#include "graphbenchmark.h"

#include "core/cancellation.h"
#include "graph/communitylayout.h"
#include "graph/graphanalytics.h"
#include "graph/graphlayout.h"
#include "graph/knowledgegraph.h"
#include "store/projectstore.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <cmath>
#include <cstdio>

namespace gw {

namespace {

struct Measured
{
    double seconds = 0;
    CommunityLayout::Quality quality;
};

Measured layOut(const KnowledgeGraph &graph, const QList<int> &communities, GraphLayout::Method method)
{
    GraphLayout::Options options;
    options.method = method;
    options.communities = communities;
    QElapsedTimer timer;
    timer.start();
    double last = 0;
    bool monotone = true;
    const QList<QPointF> positions = GraphLayout::compute(graph, CancellationToken(), options, [&](double done) {
        monotone = monotone && done >= last;
        last = done;
    });
    Measured measured{timer.nsecsElapsed() / 1e9, CommunityLayout::quality(graph, positions, communities)};
    if (!monotone || last != 1.0)
        std::printf("  (progress was not monotone or did not end at 1)\n");
    return measured;
}

QJsonObject report(const char *name, const Measured &measured)
{
    const CommunityLayout::Quality &q = measured.quality;
    std::printf("  %-26s %8.2f s   intra %8.3f (%lld edges)  inter %8.3f (%lld edges)  ratio %.3f\n", name,
                measured.seconds, q.meanIntra, qlonglong(q.intraEdges), q.meanInter, qlonglong(q.interEdges),
                q.ratio());
    std::fflush(stdout);
    return QJsonObject{{QStringLiteral("layout"), QLatin1String(name)},
                       {QStringLiteral("seconds"), measured.seconds},
                       {QStringLiteral("mean_intra"), q.meanIntra},
                       {QStringLiteral("mean_inter"), q.meanInter},
                       {QStringLiteral("intra_edges"), q.intraEdges},
                       {QStringLiteral("inter_edges"), q.interEdges},
                       {QStringLiteral("ratio"), std::isfinite(q.ratio()) ? QJsonValue(q.ratio()) : QJsonValue()}};
}

} // namespace

QJsonObject LayoutBenchmark::run()
{
    KnowledgeGraph graph;
    QElapsedTimer timer;
    timer.start();
    if (m_options.project.isEmpty()) {
        graph = GraphBenchmark::plantedGraph(m_options.nodes, m_options.edges);
        std::printf("Layout of a random graph of %d nodes and %d relations (communities of 50, 90%% of the "
                    "relations inside)\n",
                    graph.nodeCount(), graph.edgeCount());
    } else {
        auto store = ProjectStore::open(m_options.project);
        graph = KnowledgeGraph::fromStore(*store, KnowledgeGraph::Resolution::AcrossDocuments,
                                          m_options.allCoOccurrence ? KnowledgeGraph::Edges::All
                                                                    : KnowledgeGraph::Edges::Significant);
        std::printf("Layout of %s: %d entities, %d relations (%s)\n", qPrintable(m_options.project), graph.nodeCount(),
                    graph.edgeCount(),
                    m_options.allCoOccurrence ? "every relation" : "significant relations, as the window shows");
    }
    std::printf("  %-26s %8.2f s\n", "graph", timer.nsecsElapsed() / 1e9);

    timer.restart();
    GraphAnalytics::Options analytics;
    analytics.metrics = GraphAnalytics::Metric::Communities;
    const QList<int> communities = GraphAnalytics::compute(graph, CancellationToken(), analytics).community;
    const int count = communities.isEmpty() ? 0 : *std::max_element(communities.begin(), communities.end()) + 1;
    const double leiden = timer.nsecsElapsed() / 1e9;
    std::printf("  %-26s %8.2f s   %d communities\n", "leiden communities", leiden, count);
    std::fflush(stdout);

    QJsonArray layouts;
    const Measured community = layOut(graph, communities, GraphLayout::Method::Communities);
    layouts.append(report("community layout", community));
    std::printf("  %-26s %8.2f s\n", "communities + layout", leiden + community.seconds);
    if (m_options.compare)
        layouts.append(
            report("force-directed (whole)", layOut(graph, communities, GraphLayout::Method::ForceDirected)));
    return QJsonObject{{QStringLiteral("suite"), QStringLiteral("layout")},
                       {QStringLiteral("project"), m_options.project},
                       {QStringLiteral("nodes"), graph.nodeCount()},
                       {QStringLiteral("edges"), graph.edgeCount()},
                       {QStringLiteral("communities"), count},
                       {QStringLiteral("leiden_seconds"), leiden},
                       {QStringLiteral("layouts"), layouts}};
}

} // namespace gw
