#pragma once
// The graph view's map of communities: overview first, then zoom and expand. Above a few
// thousand entities a drawing of every node is one grey mass; the overview draws each sizeable
// community as one labelled disc where its members lie (centre: their centroid in the layout,
// radius: their spread, label: its most central members), with the relations between
// communities aggregated into one line per pair. Expanding a community shows its entities in
// place (they keep their layout positions); collapsing goes back. Single entities can be
// revealed too (a search result with its neighbours, a path), linked to the discs around them. Communities smaller than
// Options::minimumMembers (beyond maximumClusters: the long tail of pairs and isolated names a
// real corpus has) share one disc, "small groups", that expands to all of them.
//
// No widgets: GraphView owns one and tells the GraphScene which nodes it hides; GraphRenderer
// paints the discs and links. Everything here is linear in the nodes and relations.
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

namespace gw {

class GraphScene;

class CommunityOverview
{
public:
    struct Options
    {
        int minimumMembers = 4; // smaller communities get no disc
        int maximumClusters = 400;
        int labelNames = 3;      // most central members named in a label
        int linksPerCluster = 4; // a disc's strongest links to other discs are drawn
    };
    static constexpr int kSmallGroups = -2; // the community id of the disc of the small ones
    struct Cluster
    {
        int community = -1;
        QPointF centre;
        double radius = 0;    // world units
        int members = 0;      // passing the view's other filters
        QStringList topNames; // most central first
        bool expanded = false;
        int shown = 0; // members out of the disc (revealed) while it is collapsed
    };
    // An aggregated line: each end a cluster (>= 0, index into clusters()) or an entity shown
    // (-1 - node); weight = relations it stands for. Between two discs only each disc's
    // Options::linksPerCluster heaviest are kept.
    struct Link
    {
        int a;
        int b;
        int weight;
    };

    // Chooses the clusters for the scene's graph (its communities, largest first) and forgets
    // what was expanded; off until setEnabled(true).
    void reset(const GraphScene &scene, const Options &options);
    void reset(const GraphScene &scene) { reset(scene, Options{}); }
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled && !m_clusterOf.empty(); }
    bool hasCommunities() const { return !m_clusterOf.empty(); }

    void expand(int community);
    // And the entities of it revealed; false when nothing of it was shown.
    bool collapse(int community);
    void collapseAll()
    {
        m_expanded.clear();
        m_revealed.clear();
    }
    // Single entities shown out of collapsed communities (a search result and its neighbours, a
    // path): expand on demand without opening a whole community.
    void reveal(const QList<int> &nodes);
    bool isRevealed(int node) const { return m_revealed.contains(node); }
    QSet<int> revealed() const { return m_revealed; }
    bool isExpanded(int community) const { return m_expanded.contains(community); }
    QSet<int> expanded() const { return m_expanded; }
    void setExpanded(const QSet<int> &communities) { m_expanded = communities; }

    // Nodes the overview hides (their community is not expanded): 1 = hidden; empty when off.
    std::vector<char> hiddenMask(const GraphScene &scene) const;
    bool hidesCommunity(int community) const;
    // Whether the overview hides `node` now.
    bool hides(const GraphScene &scene, int node) const;
    // Discs and links from the scene's filters and what it shows; call after each change of
    // either (GraphView does).
    void update(const GraphScene &scene);

    const std::vector<Cluster> &clusters() const { return m_clusters; }
    const std::vector<Link> &links() const { return m_links; }
    // The disc of `community` (the small groups' for a small one), or -1.
    int clusterOfCommunity(int community) const;
    // Collapsed discs drawn now, and the entities they stand for.
    int collapsedClusterCount() const;
    int collapsedEntityCount() const;
    QRectF bounds() const; // of the collapsed discs drawn
    // The world position of a link end.
    QPointF endPosition(const GraphScene &scene, int end) const;

private:
    bool m_enabled = false;
    Options m_options;
    std::vector<int> m_clusterOf; // by community id: index into m_clusters, or -1
    std::vector<Cluster> m_clusters;
    std::vector<Link> m_links;
    QSet<int> m_expanded;
    QSet<int> m_revealed;     // node indices
    QList<int> m_communityOf; // the scene's communities, by node
    int m_smallGroups = -1;   // index of its disc, or -1
};

} // namespace gw
