#include "graphviewbenchmark.h"

#include "core/cancellation.h"
#include "graph/graphanalytics.h"
#include "graph/graphlayout.h"
#include "store/projectstore.h"
#include "gui/graphview.h"

#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QPainter>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace gw {

namespace {

struct Planted
{
    KnowledgeGraph graph;
    NodeMetrics metrics;
    QList<int> community;
};

// Communities of uneven size; 85 % of relations inside a community, biased towards a few hubs in
// each (so node sizes vary as in extracted graphs).
Planted plantedGraph(int nodes, int edges, QRandomGenerator &random)
{
    static const QStringList types{QStringLiteral("PERSON"), QStringLiteral("ORGANIZATION"), QStringLiteral("LOCATION"),
                                   QStringLiteral("EVENT"),  QStringLiteral("PRODUCT"),      QStringLiteral("DATE")};
    const int communities = std::max(4, int(std::lround(std::sqrt(double(nodes)) / 3)));
    Planted planted;
    QList<QList<int>> members(communities);
    for (int i = 0; i < nodes; ++i) {
        // Skewed community sizes: lower ids are bigger.
        const double u = random.generateDouble();
        const int community = std::min(communities - 1, int(communities * u * u));
        members[community].append(i);
        planted.community.append(community);
        planted.graph.addNode({QStringLiteral("e%1").arg(i), types.at(int(random.bounded(int(types.size())))),
                               QStringLiteral("Entity %1").arg(i), 1, 1});
    }
    for (int e = 0; e < edges; ++e) {
        const int source = int(random.bounded(nodes));
        int target;
        const QList<int> &own = members.at(planted.community.at(source));
        if (random.generateDouble() < 0.85 && own.size() > 1) {
            const double u = random.generateDouble();
            target = own.at(std::min(int(own.size()) - 1, int(own.size() * u * u * u)));
        } else {
            target = int(random.bounded(nodes));
        }
        if (target == source)
            target = (source + 1) % nodes;
        planted.graph.addEdge({source, target, QStringLiteral("related_to"), 1, {}});
    }
    // Metrics as GraphAnalytics would give them, cheaply: community ids by size, degree, and
    // degree share standing in for PageRank.
    QList<int> order(communities);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return members.at(a).size() > members.at(b).size(); });
    QList<int> rank(communities);
    for (int r = 0; r < communities; ++r)
        rank[order.at(r)] = r;
    planted.metrics.degree.fill(0, nodes);
    for (const GraphEdge &edge : planted.graph.edges()) {
        ++planted.metrics.degree[edge.source];
        ++planted.metrics.degree[edge.target];
    }
    for (int i = 0; i < nodes; ++i) {
        planted.metrics.community.append(rank.at(planted.community.at(i)));
        planted.metrics.pagerank.append(double(planted.metrics.degree.at(i)) / (2.0 * edges));
    }
    return planted;
}

// Gaussian blobs per community: what a force layout makes of planted communities, in no time.
QList<QPointF> blobPositions(const Planted &planted, QRandomGenerator &random)
{
    const int communities = int(*std::max_element(planted.community.begin(), planted.community.end())) + 1;
    QList<QPointF> centres;
    const double side = std::sqrt(double(planted.graph.nodeCount())) * 1.2;
    for (int c = 0; c < communities; ++c)
        centres.append(QPointF(random.generateDouble() * side, random.generateDouble() * side));
    QList<int> sizes(communities, 0);
    for (int c : planted.community)
        ++sizes[c];
    QList<QPointF> positions;
    for (int i = 0; i < planted.graph.nodeCount(); ++i) {
        const int c = planted.community.at(i);
        const double spread = std::sqrt(double(sizes.at(c))) * 0.5;
        const double angle = random.generateDouble() * 2 * M_PI;
        const double radius = spread * std::sqrt(-2 * std::log(std::max(1e-12, random.generateDouble())));
        positions.append(centres.at(c) + QPointF(std::cos(angle), std::sin(angle)) * radius);
    }
    return positions;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace

QJsonObject GraphViewBenchmark::renderProject()
{
    auto store = ProjectStore::open(m_options.project);
    const KnowledgeGraph graph = KnowledgeGraph::fromStore(*store);
    GraphAnalytics::Options analytics;
    analytics.metrics =
        GraphAnalytics::Metric::Degree | GraphAnalytics::Metric::PageRank | GraphAnalytics::Metric::Communities;
    const NodeMetrics metrics = GraphAnalytics::compute(graph, CancellationToken(), analytics);
    QList<QPointF> positions = GraphLayout::loadLayout(*store, graph);
    if (!std::all_of(positions.cbegin(), positions.cend(), [](QPointF p) { return GraphLayout::hasPosition(p); }))
        positions = GraphLayout::compute(graph, CancellationToken());
    GraphView view;
    view.resize(m_options.width, m_options.height);
    view.setGraph(graph, positions, metrics);
    if (qEnvironmentVariableIsSet("GW_SCREENSHOT_HOVER"))
        view.setHoveredNode(view.scene().nodesBySize().front());
    const bool ok = view.exportPng(m_options.png, 1);
    std::printf("graphview: %d entities, %d relations -> %s (%s)\n", graph.nodeCount(), graph.edgeCount(),
                qPrintable(m_options.png), ok ? "written" : "FAILED");
    return {{QStringLiteral("written"), ok}};
}

QJsonObject GraphViewBenchmark::run()
{
    QRandomGenerator random(20240601);
    QElapsedTimer timer;
    timer.start();
    const Planted planted = plantedGraph(m_options.nodes, m_options.edges, random);
    std::printf("graphview: %d nodes, %d relations (%lld ms to generate)\n", planted.graph.nodeCount(),
                planted.graph.edgeCount(), qlonglong(timer.elapsed()));
    QJsonObject report{{QStringLiteral("nodes"), planted.graph.nodeCount()},
                       {QStringLiteral("edges"), planted.graph.edgeCount()}};

    QList<QPointF> positions;
    if (m_options.layout) {
        timer.restart();
        positions = GraphLayout::compute(planted.graph, CancellationToken());
        const qint64 layoutMs = timer.elapsed();
        std::printf("  layout (GraphLayout's default: the community layout from 300 nodes): %lld ms\n",
                    qlonglong(layoutMs));
        report.insert(QStringLiteral("layoutMs"), layoutMs);
    } else {
        positions = blobPositions(planted, random);
        std::printf("  layout: skipped (--no-layout: community blobs)\n");
    }

    GraphView view;
    view.resize(m_options.width, m_options.height);
    timer.restart();
    view.setGraph(planted.graph, positions, planted.metrics);
    std::printf("  view setup (index, sizes, colours, edge priority): %lld ms\n", qlonglong(timer.elapsed()));
    report.insert(QStringLiteral("setupMs"), timer.elapsed());

    QImage frame(view.size(), QImage::Format_ARGB32_Premultiplied);
    const QList<double> zooms{1, 4, 16, 64};
    QList<double> all;
    QJsonArray levels;
    std::printf("  %dx%d frames, %d per zoom level (anchored at random nodes):\n", m_options.width, m_options.height,
                m_options.framesPerZoom);
    auto renderFrame = [&]() {
        QElapsedTimer frameTimer;
        frameTimer.start();
        view.render(&frame, QPoint(), QRegion(), QWidget::DrawChildren);
        return frameTimer.nsecsElapsed() / 1e6;
    };
    for (double zoom : zooms) {
        QList<double> times;
        GraphRenderStats stats;
        renderFrame(); // warm the renderer's buffers
        for (int f = 0; f < m_options.framesPerZoom; ++f) {
            view.fitToView();
            const int anchor = int(random.bounded(planted.graph.nodeCount()));
            if (zoom > 1)
                view.zoomBy(zoom, view.nodePosition(anchor));
            times.append(renderFrame());
            stats = view.lastFrameStats();
        }
        all += times;
        const double worst = *std::max_element(times.begin(), times.end());
        std::printf("    zoom %4gx: median %6.1f ms, worst %6.1f ms  (last frame: %d nodes, %d edges%s, %d labels)\n",
                    zoom, median(times), worst, stats.visibleNodes, stats.edgesDrawn,
                    stats.edgesSampled ? " sampled" : "", stats.labelsDrawn);
        levels.append(QJsonObject{{QStringLiteral("zoom"), zoom},
                                  {QStringLiteral("medianMs"), median(times)},
                                  {QStringLiteral("worstMs"), worst},
                                  {QStringLiteral("visibleNodes"), stats.visibleNodes},
                                  {QStringLiteral("edgesDrawn"), stats.edgesDrawn}});
    }
    // Hovering a hub: the highlight overlay on a full frame.
    QList<double> hover;
    view.fitToView();
    for (int f = 0; f < m_options.framesPerZoom; ++f) {
        view.setHoveredNode(view.scene().nodesBySize().at(size_t(f) % 10));
        hover.append(renderFrame());
    }
    view.setHoveredNode(-1);
    all += hover;
    std::printf("    hover at fit: median %6.1f ms, worst %6.1f ms\n", median(hover),
                *std::max_element(hover.begin(), hover.end()));
    const double worst = *std::max_element(all.begin(), all.end());
    std::printf("  all frames: median %.1f ms, worst %.1f ms\n", median(all), worst);

    // The community overview (what a big graph opens as): discs and aggregated links, then one
    // community expanded in place.
    timer.restart();
    view.setOverviewEnabled(true);
    const qint64 overviewSetupMs = timer.elapsed();
    QList<double> overview;
    for (int f = 0; f < m_options.framesPerZoom; ++f) {
        view.fitToView();
        if (f % 2)
            view.zoomBy(4, view.rect().center());
        overview.append(renderFrame());
    }
    GraphRenderStats overviewStats = view.lastFrameStats();
    const std::vector<CommunityOverview::Cluster> &clusters = view.overview().clusters();
    timer.restart();
    view.expandCommunity(clusters.size() > 1 ? clusters.at(1).community : 0);
    const qint64 expandMs = timer.elapsed();
    QList<double> expanded;
    for (int f = 0; f < m_options.framesPerZoom; ++f) {
        view.fitToView();
        expanded.append(renderFrame());
    }
    std::printf("  overview: %d discs, %d links drawn; on in %lld ms; frames median %.1f ms, worst %.1f ms\n",
                overviewStats.clustersDrawn, overviewStats.linksDrawn, qlonglong(overviewSetupMs), median(overview),
                *std::max_element(overview.begin(), overview.end()));
    std::printf("  overview with one community expanded (%d entities shown): expand %lld ms, frames median %.1f ms\n",
                view.scene().shownCount(), qlonglong(expandMs), median(expanded));
    report.insert(QStringLiteral("overviewMedianMs"), median(overview));
    report.insert(QStringLiteral("overviewOnMs"), overviewSetupMs);
    report.insert(QStringLiteral("overviewExpandMs"), expandMs);
    report.insert(QStringLiteral("overviewExpandedMedianMs"), median(expanded));
    report.insert(QStringLiteral("levels"), levels);
    report.insert(QStringLiteral("hoverMedianMs"), median(hover));
    report.insert(QStringLiteral("medianMs"), median(all));
    report.insert(QStringLiteral("worstMs"), worst);
    return report;
}

} // namespace gw
