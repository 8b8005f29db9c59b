#pragma once
// Per-node analytics results, indexed like KnowledgeGraph::nodes(). A list is empty when that
// metric was not computed. Filled by GraphAnalytics; read by the table conversions, the exports
// and the views.
#include <QList>

namespace gw {

struct NodeMetrics
{
    QList<qint64> degree;         // edges touching the node (either direction, multi-edges counted)
    QList<double> weightedDegree; // sum of the weights of those edges
    QList<double> pagerank;       // weighted PageRank, sums to 1
    QList<int> community;         // Leiden community id, 0 = the largest community
    QList<int> component;         // weakly connected component id, 0 = the largest component
    QList<double> betweenness;    // exact or estimated (see GraphAnalytics)
    QList<int> coreness;          // k-core number

    // These metrics carried over to the nodes of another graph: `from[i]` is the index here of
    // that graph's node i, or -1 (then zero). For a graph a curation edit changed in a few nodes
    // of thousands, until the analytics run again.
    NodeMetrics remapped(const QList<int> &from) const;

    bool hasPagerank() const { return !pagerank.isEmpty(); }
    bool hasCommunities() const { return !community.isEmpty(); }
};

} // namespace gw
