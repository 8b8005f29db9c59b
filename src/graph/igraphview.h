#pragma once
// A KnowledgeGraph as an igraph_t (same node indices), private to the graph layer. Build, use and
// drop it inside an IgraphSession.
#include "igraphvalues.h"

#include <igraph.h>

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
