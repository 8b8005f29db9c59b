#pragma once
// Vectors -> graph: the k-nearest-neighbour similarity graph. Same nodes as the given graph, in
// the same order; one undirected "similar_to" edge (source < target, weight = cosine) per pair
// where either node is among the other's k most similar (or both, with mutualOnly). Exact, parallel
// (SimilarEntities::allNearest). Nodes without a vector get no edge; vectors of ids the graph does
// not have take part in the search but make no edge.
#include "knowledgegraph.h"

#include "core/cancellation.h"

namespace gw {

class SimilarEntities;

struct SimilarityGraphOptions
{
    int neighbours = 10;        // k
    float minSimilarity = 0.0f; // weaker pairs make no edge
    bool mutualOnly = false;    // keep a pair only when each is among the other's k nearest
};

class SimilarityGraph
{
public:
    // Throws CancelledError when `token` is cancelled.
    static KnowledgeGraph build(const KnowledgeGraph &nodes, const SimilarEntities &vectors,
                                const SimilarityGraphOptions &options = {}, const CancellationToken &token = {});

    static QString edgeType() { return QStringLiteral("similar_to"); }
};

} // namespace gw
