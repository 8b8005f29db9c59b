#pragma once
// What the graph view draws, derived once from a KnowledgeGraph, its positions and NodeMetrics:
// positions as a flat array, node sizes and colours, an undirected adjacency, edges in drawing
// priority, a spatial grid, the legend, and the filter mask. No widgets: the renderer and the
// benchmark read it; GraphView owns one.
#include "spatialgrid.h"

#include "graph/knowledgegraph.h"
#include "graph/nodemetrics.h"

#include <QBitArray>
#include <QColor>
#include <QHash>
#include <QCoreApplication>
#include <QList>
#include <QPointF>
#include <QSet>
#include <QString>

#include <vector>

namespace gw {

class GraphScene
{
    Q_DECLARE_TR_FUNCTIONS(gw::GraphScene)

public:
    enum class ColourBy { Community, Type };
    enum class SizeBy { PageRank, Degree };

    struct LegendEntry
    {
        QString label;
        QColor colour;
        int count = 0;
    };
    struct EdgeRef
    {
        int source;
        int target;
    };

    // Replaces everything; filters are reset. Nodes without a finite position are never shown.
    void setGraph(const KnowledgeGraph &graph, const QList<QPointF> &positions, const NodeMetrics &metrics);
    // Keeps graph, metrics and filters; new positions (a layout run).
    void setPositions(const QList<QPointF> &positions);
    void setColourBy(ColourBy by);
    void setSizeBy(SizeBy by);
    ColourBy colourBy() const { return m_colourBy; }
    SizeBy sizeBy() const { return m_sizeBy; }

    // --- Filters (a node is shown when it passes all) ---
    void setHiddenTypes(const QSet<QString> &types);
    void setHiddenCommunities(const QSet<int> &communities);
    void setMinimumDegree(qint64 degree);
    void setVisibleNodes(const QBitArray &visible); // from outside (documents); empty = all
    // Only nodes at most `depth` relations from `center` (directions ignored); center < 0 = off.
    void setEgoNetwork(int center, int depth);
    // Nodes a CommunityOverview stands in for (1 = hidden; empty = none); not applied while an
    // ego network is shown.
    void setOverviewHidden(std::vector<char> hidden);
    QSet<QString> hiddenTypes() const { return m_hiddenTypes; }
    QSet<int> hiddenCommunities() const { return m_hiddenCommunities; }
    qint64 minimumDegree() const { return m_minimumDegree; }
    int egoCenter() const { return m_egoCenter; }
    int egoDepth() const { return m_egoDepth; }

    // --- Read side ---
    const KnowledgeGraph &graph() const { return m_graph; }
    const NodeMetrics &metrics() const { return m_metrics; }
    int nodeCount() const { return int(m_position.size()); }
    const std::vector<QPointF> &positions() const { return m_position; }
    QList<QPointF> positionList() const;
    bool isShown(int node) const { return node >= 0 && node < nodeCount() && m_shown[size_t(node)]; }
    const std::vector<char> &shownMask() const { return m_shown; }
    // Passes every filter but the overview's: what a community's disc counts.
    bool passesFilters(int node) const { return node >= 0 && node < nodeCount() && m_filtered[size_t(node)]; }
    const std::vector<char> &filteredMask() const { return m_filtered; }
    int shownCount() const { return m_shownCount; }
    QRectF shownBounds() const; // of the shown nodes
    const SpatialGrid &grid() const { return m_grid; }
    // Radius in view pixels at `scale` (pixels per world unit): grows with zoom up to a readable
    // cap that depends on the node's size metric.
    double screenRadius(int node, double scale, double minimumPixels) const;
    double maxWorldRadius() const { return m_maxWorldRadius; }
    double unit() const { return m_unit; }                      // typical node spacing, world units
    float size(int node) const { return m_size[size_t(node)]; } // 0..1 by the size metric
    int colourIndex(int node) const { return m_colourIndex[size_t(node)]; }
    const QList<QColor> &palette() const { return m_palette; } // last entry: "other"
    const QList<LegendEntry> &legend() const { return m_legend; }
    const std::vector<EdgeRef> &edgesByPriority() const { return m_edges; }
    const std::vector<int> &nodesBySize() const { return m_bySize; } // largest first
    // Neighbours of `node` ignoring directions, without duplicates or itself.
    QList<int> neighbours(int node) const;
    qint64 degree(int node) const { return m_degree[size_t(node)]; }
    QStringList types() const;      // most frequent first
    QList<int> communities() const; // ids, largest first; empty without community metrics

    // The colours of "colour by type", shared with the document reader: the palette given to the
    // types in order (most frequent first, as types() orders them); types beyond it (and types
    // not listed) take typeColour()'s "other" colour.
    static QStringList typesByCount(const KnowledgeGraph &graph);
    static QHash<QString, QColor> typeColours(const QStringList &typesMostFrequentFirst);
    static QColor otherTypeColour();

private:
    void updateSizes();
    void updateColours();
    void updatePriority();
    void applyFilters();

    KnowledgeGraph m_graph;
    NodeMetrics m_metrics;
    ColourBy m_colourBy = ColourBy::Community;
    SizeBy m_sizeBy = SizeBy::PageRank;
    std::vector<QPointF> m_position;
    std::vector<float> m_size; // 0..1, from the size metric
    std::vector<qint64> m_degree;
    double m_unit = 1; // typical spacing of nodes, in world units
    double m_maxWorldRadius = 1;
    std::vector<quint8> m_colourIndex;
    QList<QColor> m_palette;
    QList<LegendEntry> m_legend;
    std::vector<int> m_adjacencyStart; // undirected CSR
    std::vector<int> m_adjacency;
    std::vector<EdgeRef> m_edges;
    std::vector<int> m_bySize;
    SpatialGrid m_grid;

    QSet<QString> m_hiddenTypes;
    QSet<int> m_hiddenCommunities;
    qint64 m_minimumDegree = 0;
    QBitArray m_external;
    int m_egoCenter = -1;
    int m_egoDepth = 1;
    std::vector<char> m_overviewHidden;
    std::vector<char> m_filtered;
    std::vector<char> m_shown;
    int m_shownCount = 0;
};

} // namespace gw
