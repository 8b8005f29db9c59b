#include "igraphview.h"

#include "igraphsession.h"
#include "knowledgegraph.h"

#include "core/errors.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace gw {

namespace {

void checkWeight(const KnowledgeGraph &graph, const GraphEdge &edge)
{
    if (std::isfinite(edge.weight) && edge.weight >= 0)
        return;
    throw Error(
        QCoreApplication::translate("gw::GraphAnalytics",
                                    "The relation \"%1\" from \"%2\" to \"%3\" has the weight %4; graph analysis "
                                    "needs weights of zero or more. Fix or remove that relation.")
            .arg(edge.type, graph.node(edge.source).name, graph.node(edge.target).name)
            .arg(edge.weight));
}

} // namespace

IgraphView::IgraphView(const IgraphSession &session, const KnowledgeGraph &graph, Shape shape)
{
    const QString sizing = QCoreApplication::translate("gw::GraphAnalytics", "allocating the graph");
    IgraphIntVector ends;
    if (shape == Shape::Directed) {
        session.check(igraph_vector_int_resize(ends.get(), 2 * igraph_integer_t(graph.edgeCount())), sizing);
        session.check(igraph_vector_resize(m_weights.get(), graph.edgeCount()), sizing);
        for (int e = 0; e < graph.edgeCount(); ++e) {
            const GraphEdge &edge = graph.edge(e);
            checkWeight(graph, edge);
            ends[2 * e] = edge.source;
            ends[2 * e + 1] = edge.target;
            m_weights[e] = edge.weight;
            m_totalWeight += edge.weight;
        }
    } else {
        // Sorting (not hashing) the pairs keeps the edge order, and so seeded results, repeatable.
        std::vector<std::pair<quint64, double>> pairs;
        pairs.reserve(graph.edgeCount());
        for (const GraphEdge &edge : graph.edges()) {
            checkWeight(graph, edge);
            if (edge.source == edge.target)
                continue;
            const auto [low, high] = std::minmax(edge.source, edge.target);
            pairs.emplace_back(quint64(low) << 32 | quint64(high), edge.weight);
        }
        std::sort(pairs.begin(), pairs.end());
        std::vector<std::pair<quint64, double>> merged;
        merged.reserve(pairs.size());
        for (const auto &pair : pairs) {
            if (!merged.empty() && merged.back().first == pair.first)
                merged.back().second += pair.second;
            else
                merged.push_back(pair);
        }
        session.check(igraph_vector_int_resize(ends.get(), 2 * igraph_integer_t(merged.size())), sizing);
        session.check(igraph_vector_resize(m_weights.get(), igraph_integer_t(merged.size())), sizing);
        for (size_t e = 0; e < merged.size(); ++e) {
            ends[2 * e] = igraph_integer_t(merged[e].first >> 32);
            ends[2 * e + 1] = igraph_integer_t(merged[e].first & 0xffffffffu);
            m_weights[igraph_integer_t(e)] = merged[e].second;
            m_totalWeight += merged[e].second;
        }
    }
    session.check(igraph_create(&m_graph, ends.get(), graph.nodeCount(), shape == Shape::Directed),
                  QCoreApplication::translate("gw::GraphAnalytics", "building the graph"));
}

IgraphView::IgraphView(const IgraphSession &session, int nodeCount, const std::vector<std::pair<int, int>> &pairs,
                       const std::vector<double> &weights)
{
    const QString sizing = QCoreApplication::translate("gw::GraphAnalytics", "allocating the graph");
    IgraphIntVector ends;
    session.check(igraph_vector_int_resize(ends.get(), 2 * igraph_integer_t(pairs.size())), sizing);
    for (size_t e = 0; e < pairs.size(); ++e) {
        ends[igraph_integer_t(2 * e)] = pairs[e].first;
        ends[igraph_integer_t(2 * e + 1)] = pairs[e].second;
    }
    session.check(igraph_vector_resize(m_weights.get(), igraph_integer_t(weights.size())), sizing);
    for (size_t e = 0; e < weights.size(); ++e) {
        m_weights[igraph_integer_t(e)] = weights[e];
        m_totalWeight += weights[e];
    }
    session.check(igraph_create(&m_graph, ends.get(), nodeCount, false),
                  QCoreApplication::translate("gw::GraphAnalytics", "building the graph"));
}

IgraphView::~IgraphView()
{
    igraph_destroy(&m_graph);
}

} // namespace gw
