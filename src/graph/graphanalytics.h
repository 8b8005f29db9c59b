#pragma once
// Graph analytics over a KnowledgeGraph snapshot (igraph underneath; igraph stays private to the
// graph layer). Every function blocks: run it off the GUI thread.
//
// Threads: the functions may be called from any thread, but Debian's igraph is not thread-safe,
// so igraph work is serialised process-wide (see igraphsession.h): a second analysis waits,
// cancellably, for the first. Cancellation: a cancelled token makes a running analysis throw
// CancelledError, from inside igraph's long loops (its interruption checks: betweenness within
// milliseconds) and between metrics. Two steps cannot be interrupted inside: PageRank (PRPACK
// never checks; ~1 s for 500,000 relations) and one Leiden iteration (interrupting igraph
// 0.10.2's Leiden corrupts memory, so it is cancelled between iterations; the first iteration
// is the longest, ~2 s for 50,000 nodes / 200,000 random relations under load).
// Failures of igraph and invalid inputs (a negative relation weight) throw gw::Error.
#include "knowledgegraph.h"
#include "nodemetrics.h"

#include "core/cancellation.h"

#include <QFlags>
#include <QList>

namespace gw {

class GraphAnalytics
{
public:
    enum class Metric {
        Degree = 0x01, // degree and weightedDegree
        PageRank = 0x02,
        Communities = 0x04,
        Components = 0x08,
        Betweenness = 0x10,
        Coreness = 0x20,
        All = 0x3f,
    };
    Q_DECLARE_FLAGS(Metrics, Metric)

    struct Options
    {
        Metrics metrics = Metric::All;
        double damping = 0.85;   // PageRank
        double resolution = 1.0; // modularity's resolution (gamma): higher gives smaller communities
        quint64 seed = 20240601; // Leiden is randomised: a fixed seed makes it repeatable
        // Betweenness is exact (Brandes, O(nodes * edges)) up to this many nodes. Above, it is
        // estimated by counting only shortest paths of at most betweennessCutoff hops
        // (igraph_betweenness_cutoff): local bridges keep high scores, the cost stays near
        // O(nodes * neighbourhood size), but scores are lower than exact ones and not comparable
        // with them. Cutoff 2 by default: on 100,000 nodes / 500,000 random relations cutoff 3
        // took 96 s here (10,000 / 50,000: 2.8 s against 0.34 s for cutoff 2).
        int exactBetweennessMaxNodes = 5000;
        int betweennessCutoff = 2;
    };

    // The metrics asked for in `options`, each indexed like graph.nodes(); lists of metrics not
    // asked for stay empty. Degrees count every relation touching a node once (parallel relations
    // too; a self-relation once). PageRank is weighted and follows relation directions (a node
    // that many relations point to ranks high). Communities (Leiden, modularity, deterministic
    // for a fixed seed), betweenness (unweighted hops) and coreness see the graph undirected with
    // parallel relations merged (weights summed) and self-relations ignored. Components are weak
    // components. Community and component ids are 0 for the largest, then by size (ties: by the
    // smallest node index in them).
    static NodeMetrics compute(const KnowledgeGraph &graph, const CancellationToken &token, const Options &options);
    static NodeMetrics compute(const KnowledgeGraph &graph, const CancellationToken &token)
    {
        return compute(graph, token, Options{});
    }
    // Whether compute() gives exact betweenness for `graph` (or the cutoff estimate).
    static bool betweennessIsExact(const KnowledgeGraph &graph, const Options &options)
    {
        return graph.nodeCount() <= options.exactBetweennessMaxNodes;
    }

    // A path with the fewest relations from `from` to `to`, ignoring directions: its node
    // indices, both ends included ({from} when from == to); empty when `to` is unreachable.
    // Throws std::out_of_range for an index that is not a node.
    static QList<int> shortestPath(const KnowledgeGraph &graph, int from, int to, const CancellationToken &token);

    // The nodes at most `depth` relations away from `center` (ignoring directions) and every
    // relation among them. Nodes in breadth-first order, `center` first, with their ids (map
    // back with graph.indexOf()); relations in their original order. Linear, no igraph.
    // Throws std::out_of_range for a `center` that is not a node.
    static KnowledgeGraph egoNetwork(const KnowledgeGraph &graph, int center, int depth);
};

Q_DECLARE_OPERATORS_FOR_FLAGS(GraphAnalytics::Metrics)

} // namespace gw
