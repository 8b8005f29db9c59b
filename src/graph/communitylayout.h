#pragma once
// The community-aware layout behind GraphLayout (Method::Communities), and the measure of a
// layout that shows structure: how much shorter edges inside communities are than edges between.
//
// Two levels. The graph of communities is laid out first: one circle per community, its area
// growing with its members (radius ~ sqrt(members)), communities with many relations between
// them near each other (igraph Fruchterman-Reingold on the community graph, weighted by the
// relations between, then CirclePacking::separate so that no two circles overlap). Communities
// nothing links to another (separate components, isolated nodes: the long tail of a real corpus)
// are packed in compact rows below, largest first, so they do not spread as noise around the
// picture. Then each community's members are laid out inside its circle (Fruchterman-Reingold
// on its own relations, scaled in, turned so that members face the communities they link to);
// communities of 1-3 nodes get a fixed small pattern. Deterministic for a seed; cancellable
// inside every igraph call and between steps; blocks (run it off the GUI thread).
#include "knowledgegraph.h"

#include "core/cancellation.h"

#include <QList>
#include <QPointF>

#include <functional>

namespace gw {

class CommunityLayout
{
public:
    struct Options
    {
        // Iterations of each community's Fruchterman-Reingold; 0 = by size (fewer for big ones).
        int iterations = 0;
        quint64 seed = 20240601;
    };

    // `community`: one community id (>= 0) per node, e.g. NodeMetrics::community. Positions
    // indexed like graph.nodes(), all finite; units as GraphLayout's (about one per edge inside a
    // community). `progress` (0..1) never decreases and ends below 1 (the caller says 1). Throws
    // CancelledError, gw::Error when igraph fails, std::invalid_argument for a bad `community`.
    static QList<QPointF> compute(const KnowledgeGraph &graph, const QList<int> &community,
                                  const CancellationToken &token, const Options &options,
                                  const std::function<void(double)> &progress = {});

    // Mean Euclidean length of the relations inside a community and of those between two (every
    // relation counted, as the exports list them; self-relations and relations to a node without
    // a position skipped). What scripts/layout-quality.py measures from an export.
    struct Quality
    {
        qint64 intraEdges = 0;
        qint64 interEdges = 0;
        double meanIntra = 0;
        double meanInter = 0;
        // meanIntra / meanInter: below 1, communities are drawn as groups; NaN without both kinds.
        double ratio() const;
    };
    static Quality quality(const KnowledgeGraph &graph, const QList<QPointF> &positions, const QList<int> &community);
};

} // namespace gw
