#include "graphanalytics.h"

#include "igraphsession.h"
#include "igraphvalues.h"
#include "igraphview.h"

#include <QCoreApplication>

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace gw {

namespace {

void checkNode(const KnowledgeGraph &graph, int index, const char *what)
{
    if (index < 0 || index >= graph.nodeCount())
        throw std::out_of_range(what);
}

// Group ids renumbered 0 = largest group, then by size; ties by the smallest member index, so
// the numbering does not depend on igraph's internal order.
QList<int> rankedBySize(const IgraphIntVector &membership)
{
    const igraph_integer_t n = membership.size();
    igraph_integer_t groups = 0;
    for (igraph_integer_t i = 0; i < n; ++i)
        groups = std::max(groups, membership[i] + 1);
    std::vector<qint64> size(groups, 0);
    std::vector<igraph_integer_t> firstMember(groups, n);
    for (igraph_integer_t i = 0; i < n; ++i) {
        ++size[membership[i]];
        firstMember[membership[i]] = std::min(firstMember[membership[i]], i);
    }
    std::vector<igraph_integer_t> order(groups);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](igraph_integer_t a, igraph_integer_t b) {
        return size[a] != size[b] ? size[a] > size[b] : firstMember[a] < firstMember[b];
    });
    std::vector<int> rank(groups);
    for (igraph_integer_t r = 0; r < groups; ++r)
        rank[order[r]] = int(r);
    QList<int> out(n);
    for (igraph_integer_t i = 0; i < n; ++i)
        out[i] = rank[membership[i]];
    return out;
}

std::vector<igraph_integer_t> firstAppearanceLabels(const IgraphIntVector &membership)
{
    std::vector<igraph_integer_t> label(membership.size(), -1), out(membership.size());
    igraph_integer_t next = 0;
    for (igraph_integer_t i = 0; i < membership.size(); ++i) {
        igraph_integer_t &mapped = label[membership[i]];
        if (mapped < 0)
            mapped = next++;
        out[i] = mapped;
    }
    return out;
}

QList<double> toList(const IgraphVector &vector)
{
    QList<double> out(vector.size());
    for (igraph_integer_t i = 0; i < vector.size(); ++i)
        out[i] = vector[i];
    return out;
}

void computeDegrees(const KnowledgeGraph &graph, NodeMetrics &metrics)
{
    metrics.degree = QList<qint64>(graph.nodeCount(), 0);
    metrics.weightedDegree = QList<double>(graph.nodeCount(), 0.0);
    for (const GraphEdge &edge : graph.edges()) {
        ++metrics.degree[edge.source];
        metrics.weightedDegree[edge.source] += edge.weight;
        if (edge.target != edge.source) {
            ++metrics.degree[edge.target];
            metrics.weightedDegree[edge.target] += edge.weight;
        }
    }
}

QList<double> pagerank(IgraphSession &session, const IgraphView &directed, const GraphAnalytics::Options &options)
{
    IgraphVector result;
    igraph_real_t eigenvalue = 0;
    // With no weight at all (no relations, or all of weight 0) igraph would refuse the weights;
    // unweighted PageRank is then the same answer.
    const igraph_vector_t *weights = directed.totalWeight() > 0 ? directed.weights() : nullptr;
    session.check(igraph_pagerank(directed.get(), IGRAPH_PAGERANK_ALGO_PRPACK, result.get(), &eigenvalue,
                                  igraph_vss_all(), true, options.damping, weights, nullptr),
                  QCoreApplication::translate("gw::GraphAnalytics", "computing PageRank"));
    return toList(result);
}

QList<int> components(IgraphSession &session, const IgraphView &directed)
{
    IgraphIntVector membership;
    session.check(igraph_connected_components(directed.get(), membership.get(), nullptr, nullptr, IGRAPH_WEAK),
                  QCoreApplication::translate("gw::GraphAnalytics", "finding connected components"));
    return rankedBySize(membership);
}

QList<int> communities(IgraphSession &session, const IgraphView &simple, const GraphAnalytics::Options &options)
{
    const igraph_integer_t n = simple.nodeCount();
    IgraphIntVector membership(n);
    if (simple.totalWeight() <= 0) {
        // Modularity is undefined without edges: every node is its own community.
        for (igraph_integer_t i = 0; i < n; ++i)
            membership[i] = i;
        return rankedBySize(membership);
    }
    // igraph's Leiden optimises CPM; with node weights = strengths and resolution
    // gamma / (2m) its quality function is modularity (as R's cluster_leiden does it).
    IgraphVector strength;
    session.check(igraph_strength(simple.get(), strength.get(), igraph_vss_all(), IGRAPH_ALL, true, simple.weights()),
                  QCoreApplication::translate("gw::GraphAnalytics", "computing node strengths"));
    // Interrupting igraph 0.10.2's Leiden corrupts memory (see IgraphSession::setInterruptible).
    // So one Leiden iteration per call, continuing from the last partition, with the token
    // checked in between. Two iterations (R's cluster_leiden default) or fewer when one changes
    // nothing: "until stable" kept reshuffling structureless graphs (43 s for 100,000 nodes).
    session.seed(options.seed);
    session.setInterruptible(false);
    const igraph_real_t resolution = options.resolution / (2 * simple.totalWeight());
    igraph_integer_t clusters = 0;
    igraph_real_t quality = 0;
    std::vector<igraph_integer_t> previous, current;
    for (int iteration = 0; iteration < 2; ++iteration) {
        if (iteration > 0)
            session.throwIfCancelled();
        session.check(igraph_community_leiden(simple.get(), simple.weights(), strength.get(), resolution, 0.01,
                                              iteration > 0, 1, membership.get(), &clusters, &quality),
                      QCoreApplication::translate("gw::GraphAnalytics", "finding communities"));
        // igraph may relabel an unchanged partition: compare labels by first appearance.
        current = firstAppearanceLabels(membership);
        if (current == previous)
            break;
        previous.swap(current);
    }
    session.setInterruptible(true);
    return rankedBySize(membership);
}

QList<double> betweenness(IgraphSession &session, const IgraphView &simple, const GraphAnalytics::Options &options,
                          bool exact)
{
    IgraphVector result;
    if (exact)
        session.check(igraph_betweenness(simple.get(), result.get(), igraph_vss_all(), false, nullptr),
                      QCoreApplication::translate("gw::GraphAnalytics", "computing betweenness"));
    else
        session.check(igraph_betweenness_cutoff(simple.get(), result.get(), igraph_vss_all(), false, nullptr,
                                                igraph_real_t(std::max(1, options.betweennessCutoff))),
                      QCoreApplication::translate("gw::GraphAnalytics", "estimating betweenness"));
    return toList(result);
}

QList<int> coreness(IgraphSession &session, const IgraphView &simple)
{
    IgraphIntVector cores;
    session.check(igraph_coreness(simple.get(), cores.get(), IGRAPH_ALL),
                  QCoreApplication::translate("gw::GraphAnalytics", "computing k-cores"));
    QList<int> out(cores.size());
    for (igraph_integer_t i = 0; i < cores.size(); ++i)
        out[i] = int(cores[i]);
    return out;
}

} // namespace

NodeMetrics GraphAnalytics::compute(const KnowledgeGraph &graph, const CancellationToken &token, const Options &options)
{
    NodeMetrics metrics;
    token.throwIfCancelled();
    if (options.metrics & Metric::Degree)
        computeDegrees(graph, metrics);
    const Metrics igraphMetrics = options.metrics & ~Metrics(Metric::Degree);
    if (!igraphMetrics || graph.nodeCount() == 0)
        return metrics;

    IgraphSession session(token);
    if (options.metrics & (Metric::Communities | Metric::Betweenness | Metric::Coreness)) {
        const IgraphView simple(session, graph, IgraphView::Shape::UndirectedSimple);
        if (options.metrics & Metric::Coreness)
            metrics.coreness = coreness(session, simple);
        session.throwIfCancelled();
        if (options.metrics & Metric::Communities)
            metrics.community = communities(session, simple, options);
        session.throwIfCancelled();
        if (options.metrics & Metric::Betweenness)
            metrics.betweenness = betweenness(session, simple, options, betweennessIsExact(graph, options));
        session.throwIfCancelled();
    }
    if (options.metrics & (Metric::PageRank | Metric::Components)) {
        const IgraphView directed(session, graph, IgraphView::Shape::Directed);
        if (options.metrics & Metric::Components)
            metrics.component = components(session, directed);
        session.throwIfCancelled();
        // PRPACK never checks for interruption: a cancel waits for it (about 1 s for 500,000
        // relations on this machine).
        if (options.metrics & Metric::PageRank)
            metrics.pagerank = pagerank(session, directed, options);
        session.throwIfCancelled();
    }
    return metrics;
}

QList<int> GraphAnalytics::shortestPath(const KnowledgeGraph &graph, int from, int to, const CancellationToken &token)
{
    checkNode(graph, from, "GraphAnalytics::shortestPath: `from` is not a node");
    checkNode(graph, to, "GraphAnalytics::shortestPath: `to` is not a node");
    if (from == to)
        return {from};
    IgraphSession session(token);
    const IgraphView directed(session, graph, IgraphView::Shape::Directed);
    IgraphIntVector vertices;
    session.check(igraph_get_shortest_path(directed.get(), vertices.get(), nullptr, from, to, IGRAPH_ALL),
                  QCoreApplication::translate("gw::GraphAnalytics", "finding a shortest path"));
    QList<int> path(vertices.size());
    for (igraph_integer_t i = 0; i < vertices.size(); ++i)
        path[i] = int(vertices[i]);
    return path;
}

KnowledgeGraph GraphAnalytics::egoNetwork(const KnowledgeGraph &graph, int center, int depth)
{
    checkNode(graph, center, "GraphAnalytics::egoNetwork: `center` is not a node");
    // Undirected adjacency as compressed rows: one pass to count, one to fill.
    const int n = graph.nodeCount();
    std::vector<int> offsets(n + 1, 0);
    for (const GraphEdge &edge : graph.edges()) {
        ++offsets[edge.source + 1];
        ++offsets[edge.target + 1];
    }
    std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
    std::vector<int> neighbours(offsets[n]);
    std::vector<int> fill(offsets.begin(), offsets.end() - 1);
    for (const GraphEdge &edge : graph.edges()) {
        neighbours[fill[edge.source]++] = edge.target;
        neighbours[fill[edge.target]++] = edge.source;
    }

    std::vector<int> distance(n, -1);
    std::vector<int> order{center};
    distance[center] = 0;
    for (size_t head = 0; head < order.size(); ++head) {
        const int node = order[head];
        if (distance[node] >= depth)
            continue;
        for (int k = offsets[node]; k < offsets[node + 1]; ++k) {
            const int next = neighbours[k];
            if (distance[next] < 0) {
                distance[next] = distance[node] + 1;
                order.push_back(next);
            }
        }
    }

    KnowledgeGraph ego;
    std::vector<int> newIndex(n, -1);
    for (const int node : order)
        newIndex[node] = ego.addNode(graph.node(node));
    for (const GraphEdge &edge : graph.edges()) {
        if (newIndex[edge.source] < 0 || newIndex[edge.target] < 0)
            continue;
        GraphEdge copy = edge;
        copy.source = newIndex[edge.source];
        copy.target = newIndex[edge.target];
        ego.addEdge(copy);
    }
    return ego;
}

} // namespace gw
