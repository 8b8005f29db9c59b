#include "similaritygraph.h"

#include "similarentities.h"

#include <algorithm>
#include <tuple>
#include <vector>

namespace gw {

KnowledgeGraph SimilarityGraph::build(const KnowledgeGraph &nodes, const SimilarEntities &vectors,
                                      const SimilarityGraphOptions &options, const CancellationToken &token)
{
    KnowledgeGraph out;
    for (const GraphNode &node : nodes.nodes())
        out.addNode(node);
    const auto neighbours = vectors.allNearest(options.neighbours, options.minSimilarity, token);

    std::vector<int> nodeOfRow(std::size_t(vectors.count()));
    for (int row = 0; row < vectors.count(); ++row)
        nodeOfRow[std::size_t(row)] = nodes.indexOf(vectors.id(row));

    // Every (smaller, larger, cosine) once per direction that found it, then merged.
    struct Pair
    {
        int a, b;
        float similarity;
    };
    std::vector<Pair> pairs;
    for (int row = 0; row < vectors.count(); ++row) {
        const int from = nodeOfRow[std::size_t(row)];
        if (from < 0)
            continue;
        for (const SimilarEntities::Neighbour &n : neighbours[std::size_t(row)]) {
            const int to = nodeOfRow[std::size_t(n.row)];
            if (to >= 0 && to != from)
                pairs.push_back({std::min(from, to), std::max(from, to), n.similarity});
        }
    }
    token.throwIfCancelled();
    std::sort(pairs.begin(), pairs.end(),
              [](const Pair &x, const Pair &y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
    for (std::size_t i = 0; i < pairs.size();) {
        std::size_t j = i + 1;
        float similarity = pairs[i].similarity;
        while (j < pairs.size() && pairs[j].a == pairs[i].a && pairs[j].b == pairs[i].b)
            similarity = std::max(similarity, pairs[j++].similarity);
        if (!options.mutualOnly || j - i >= 2)
            out.addEdge({pairs[i].a, pairs[i].b, edgeType(), double(similarity), {}});
        i = j;
    }
    return out;
}

} // namespace gw
