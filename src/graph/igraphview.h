#pragma once
// A KnowledgeGraph as an igraph_t (same node indices), private to the graph layer. Build, use and
// drop it inside an IgraphSession.
#include "igraphvalues.h"

#include <igraph.h>

#include <utility>
#include <vector>

namespace gw {

class IgraphSession;
class KnowledgeGraph;

class IgraphView
{
public:
    enum class Shape {
        // Every relation as a directed edge (parallel edges kept), weight = relation weight.
        Directed,
        // One undirected edge per linked pair, weights of both directions and of parallel
        // relations summed, self-loops dropped: what communities, betweenness, coreness and
        // layouts want (parallel edges would inflate path counts and core numbers).
        UndirectedSimple,
    };

    // Throws gw::Error when a relation's weight is negative or not finite (igraph would refuse
    // it, and a person should learn which relation is wrong).
    IgraphView(const IgraphSession &session, const KnowledgeGraph &graph, Shape shape);
    // An undirected graph of `nodeCount` nodes from pairs of node indices the caller has already
    // made simple (no self-loops, no parallel pairs): a subgraph, or a graph of communities.
    // `weights` empty (weights() is then empty) or one per pair, positive.
    IgraphView(const IgraphSession &session, int nodeCount, const std::vector<std::pair<int, int>> &pairs,
               const std::vector<double> &weights = {});
    ~IgraphView();
    IgraphView(const IgraphView &) = delete;
    IgraphView &operator=(const IgraphView &) = delete;

    const igraph_t *get() const { return &m_graph; }
    const igraph_vector_t *weights() const { return m_weights.get(); }
    double totalWeight() const { return m_totalWeight; }
    igraph_integer_t nodeCount() const { return igraph_vcount(&m_graph); }
    igraph_integer_t edgeCount() const { return igraph_ecount(&m_graph); }

private:
    igraph_t m_graph;
    IgraphVector m_weights;
    double m_totalWeight = 0;
};

} // namespace gw
