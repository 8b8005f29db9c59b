#include "graphbenchmark.h"

#include "core/cancellation.h"
#include "graph/communitylayout.h"
#include "graph/graphanalytics.h"
#include "graph/graphexporter.h"
#include "graph/graphlayout.h"
#include "graph/knowledgegraph.h"
#include "graph/nodeembedding.h"
#include "graph/similarentities.h"
#include "graph/similaritygraph.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>
#include <functional>

namespace gw {

namespace {

double processCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// Runs `step`, prints and records its wall and CPU time.
void timed(QJsonArray &steps, const QString &name, const std::function<QString()> &step)
{
    QElapsedTimer wall;
    const double cpuStart = processCpuMs();
    wall.start();
    const QString detail = step();
    const double wallMs = wall.nsecsElapsed() / 1e6;
    const double cpuMs = processCpuMs() - cpuStart;
    std::printf("  %-28s %10.1f ms wall %10.1f ms cpu  %s\n", qPrintable(name), wallMs, cpuMs, qPrintable(detail));
    std::fflush(stdout);
    steps.append(QJsonObject{{QStringLiteral("step"), name},
                             {QStringLiteral("wall_ms"), wallMs},
                             {QStringLiteral("cpu_ms"), cpuMs},
                             {QStringLiteral("detail"), detail}});
}

qint64 pathBytes(const QString &path)
{
    const QFileInfo info(path);
    if (info.isFile())
        return info.size();
    qint64 total = 0;
    QDirIterator files(path, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext())
        total += QFileInfo(files.next()).size();
    return total;
}

} // namespace

// Nodes in communities of ~50; 90% of the edges inside a community, the rest anywhere. Typed
// like an extracted graph, with relation types and weights from a small set.
KnowledgeGraph GraphBenchmark::plantedGraph(int nodes, int edges)
{
    QRandomGenerator random(20261127);
    static const QString types[] = {QStringLiteral("PERSON"), QStringLiteral("ORGANIZATION"),
                                    QStringLiteral("LOCATION"), QStringLiteral("MISC")};
    static const QString relations[] = {QStringLiteral("co_occurs"), QStringLiteral("works_for"),
                                        QStringLiteral("located_in"), QStringLiteral("member_of")};
    KnowledgeGraph graph;
    for (int i = 0; i < nodes; ++i)
        graph.addNode({QStringLiteral("n%1").arg(i), types[i % 4], QStringLiteral("Entity %1").arg(i), 1 + i % 7, 1});
    const int community = 50;
    for (int e = 0; e < edges; ++e) {
        const int source = int(random.bounded(nodes));
        int target = 0;
        if (random.bounded(10) < 9) {
            const int base = source - source % community;
            target = std::min(nodes - 1, base + int(random.bounded(community)));
        } else {
            target = int(random.bounded(nodes));
        }
        if (target == source)
            target = (source + 1) % nodes;
        graph.addEdge({source, target, relations[e % 4], double(1 + random.bounded(3))});
    }
    return graph;
}

QJsonObject GraphBenchmark::run()
{
    std::printf("Graph layer on a random graph of %d nodes and %d relations (communities of 50)\n", m_options.nodes,
                m_options.edges);
    QJsonArray steps;
    KnowledgeGraph graph;
    timed(steps, QStringLiteral("build graph"), [&] {
        graph = plantedGraph(m_options.nodes, m_options.edges);
        return QString();
    });
    const CancellationToken never;
    const std::pair<QString, GraphAnalytics::Metric> metrics[] = {
        {QStringLiteral("degree"), GraphAnalytics::Metric::Degree},
        {QStringLiteral("pagerank"), GraphAnalytics::Metric::PageRank},
        {QStringLiteral("leiden communities"), GraphAnalytics::Metric::Communities},
        {QStringLiteral("components"), GraphAnalytics::Metric::Components},
        {QStringLiteral("betweenness"), GraphAnalytics::Metric::Betweenness},
        {QStringLiteral("coreness"), GraphAnalytics::Metric::Coreness},
    };
    NodeMetrics all;
    for (const auto &[name, metric] : metrics) {
        timed(steps, name, [&, metric = metric] {
            GraphAnalytics::Options options;
            options.metrics = metric;
            const NodeMetrics result = GraphAnalytics::compute(graph, never, options);
            if (metric == GraphAnalytics::Metric::Degree) {
                all.degree = result.degree;
                all.weightedDegree = result.weightedDegree;
            } else if (metric == GraphAnalytics::Metric::PageRank) {
                all.pagerank = result.pagerank;
            } else if (metric == GraphAnalytics::Metric::Communities) {
                all.community = result.community;
                return QStringLiteral("%1 communities")
                    .arg(result.community.isEmpty()
                             ? 0
                             : *std::max_element(result.community.begin(), result.community.end()) + 1);
            } else if (metric == GraphAnalytics::Metric::Components) {
                all.component = result.component;
            } else if (metric == GraphAnalytics::Metric::Betweenness) {
                all.betweenness = result.betweenness;
                return GraphAnalytics::betweennessIsExact(graph, options) ? QStringLiteral("exact")
                                                                          : QStringLiteral("estimate (cutoff)");
            } else if (metric == GraphAnalytics::Metric::Coreness) {
                all.coreness = result.coreness;
            }
            return QString();
        });
    }
    timed(steps, QStringLiteral("layout"), [&] {
        GraphLayout::Options options;
        options.communities = all.community;
        const QList<QPointF> positions = GraphLayout::compute(graph, never, options);
        const bool byCommunity = GraphLayout::methodFor(graph, options) == GraphLayout::Method::Communities;
        return QStringLiteral("%1, edges inside/between communities %2")
            .arg(byCommunity ? QStringLiteral("community layout")
                             : QStringLiteral("%1 iterations").arg(GraphLayout::iterationsFor(graph, options)))
            .arg(CommunityLayout::quality(graph, positions, all.community).ratio(), 0, 'f', 3);
    });
    EntityVectors vectors;
    timed(steps, QStringLiteral("node embedding"), [&] {
        vectors = NodeEmbedding::compute(graph);
        return QStringLiteral("%1 dimensions").arg(vectors.dimensions);
    });
    const SimilarEntities index(vectors);
    timed(steps, QStringLiteral("similar entities x100"), [&] {
        for (int i = 0; i < 100; ++i)
            index.similarTo(graph.node((i * 7919) % graph.nodeCount()).id, 10);
        return QStringLiteral("top 10 each");
    });
    timed(steps, QStringLiteral("kNN similarity graph"), [&] {
        const KnowledgeGraph knn = SimilarityGraph::build(graph, index);
        return QStringLiteral("%1 edges").arg(knn.edgeCount());
    });
    if (m_options.exports) {
        QTemporaryDir dir;
        for (const QString &name : GraphExporter::formatNames()) {
            timed(steps, QStringLiteral("export %1").arg(name), [&] {
                const QString out = dir.filePath(QStringLiteral("graph-") + name);
                GraphExporter::exportGraph(graph, all, GraphExporter::formatFromName(name), out);
                return QStringLiteral("%1 MB").arg(pathBytes(out) / 1e6, 0, 'f', 1);
            });
        }
    }
    return QJsonObject{{QStringLiteral("suite"), QStringLiteral("graph")},
                       {QStringLiteral("nodes"), m_options.nodes},
                       {QStringLiteral("edges"), m_options.edges},
                       {QStringLiteral("steps"), steps}};
}

} // namespace gw
