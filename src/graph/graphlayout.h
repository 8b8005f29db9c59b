#pragma once
// 2D positions for the nodes of a KnowledgeGraph (igraph force-directed layouts), and their
// storage in the project (table entity_positions), so a reopened project looks the same.
// Every function blocks: run it off the GUI thread. Layout shares igraph's process-wide lock with
// GraphAnalytics (see graphanalytics.h).
#include "knowledgegraph.h"

#include "core/cancellation.h"

#include <QList>
#include <QPointF>

#include <functional>

namespace gw {

class ProjectStore;

class GraphLayout
{
public:
    // Two layouts. Small graphs (fewer than communityLayoutMinNodes nodes) and graphs of a single
    // community: Fruchterman-Reingold over the whole graph, exact repulsion up to 1,000 nodes,
    // igraph's grid approximation above (near-linear per iteration). Bigger ones: the
    // community-aware layout of CommunityLayout (a circle per community, sized by its members,
    // linked communities near each other, the long tail of tiny components packed aside, members
    // laid out inside their circle), because one force-directed run over a real corpus (many
    // small communities, thousands of isolated entities) draws one grey hairball: on the dev
    // corpus its edges inside communities were as long as those between (see the README).
    //
    // Why not DrL for big graphs: with Debian's igraph 0.10.2 it measured 40x slower than grid
    // Fruchterman-Reingold (2,000 nodes / 10,000 relations: 19 s against 0.44 s; 10,000 / 50,000:
    // 150 s against 2.6 s), and cancelling it (its progress handler returning
    // IGRAPH_INTERRUPTED) crashes inside igraph_layout_drl (IGRAPH_FINALLY_FREE frees a dangling
    // entry): a layout that can neither finish in time nor be cancelled is not one we can offer.
    enum class Method {
        Automatic,     // ForceDirected below communityLayoutMinNodes nodes or for one community
        ForceDirected, // one Fruchterman-Reingold over the whole graph
        Communities,   // CommunityLayout
    };
    static constexpr int communityLayoutMinNodes = 300;

    struct Options
    {
        Method method = Method::Automatic;
        // ForceDirected: 0 = automatic, 500 up to 10,000 nodes, then fewer so the cost stops
        // growing (5,000,000 / nodes, at least 50: 100,000 nodes get 50). Communities: the
        // iterations of each community's layout, 0 = by its size.
        int iterations = 0;
        quint64 seed = 20240601; // same graph, same options: same positions
        // The community of each node (NodeMetrics::community) when the caller has them; else the
        // community layout finds them itself, with GraphAnalytics' Leiden and default options.
        QList<int> communities;
    };
    // Called with the fraction done (0..1), on the computing thread; keep it cheap (store into an
    // atomic, say). Never decreases; the last call, when the layout succeeds, is with 1.
    using Progress = std::function<void(double)>;

    // One position per node, indexed like graph.nodes(); all finite. The graph is seen undirected,
    // parallel relations merged, weights ignored (a few heavy relations would crush their
    // neighbourhoods). Units are arbitrary (about one per typical edge length): views fit them to
    // the window. Throws CancelledError
    // when `token` is cancelled, gw::Error when igraph fails.
    static QList<QPointF> compute(const KnowledgeGraph &graph, const CancellationToken &token, const Options &options,
                                  const Progress &progress = {});
    static QList<QPointF> compute(const KnowledgeGraph &graph, const CancellationToken &token)
    {
        return compute(graph, token, Options{});
    }
    static int iterationsFor(const KnowledgeGraph &graph, const Options &options);
    // The method compute() uses for `graph` before knowing its communities (Automatic: the
    // community layout from communityLayoutMinNodes nodes; it falls back to ForceDirected when
    // they turn out to be one).
    static Method methodFor(const KnowledgeGraph &graph, const Options &options);

    // Stores `positions` (indexed like graph.nodes()) in one write transaction, replacing the
    // stored position of each node. Other stored positions stay (so the layout of an ego network
    // can be saved without losing the rest); non-finite positions and nodes the project no
    // longer has are skipped. Throws StoreError; std::invalid_argument when the sizes differ.
    static void saveLayout(ProjectStore &store, const KnowledgeGraph &graph, const QList<QPointF> &positions);
    // The stored positions, indexed like graph.nodes(), from one consistent read; a node without
    // one gets NaN coordinates (see hasPosition()). Throws StoreError.
    static QList<QPointF> loadLayout(ProjectStore &store, const KnowledgeGraph &graph);
    static bool hasPosition(QPointF point);
};

} // namespace gw
