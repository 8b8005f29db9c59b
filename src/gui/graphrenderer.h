#pragma once
// Paints a GraphScene through a viewport with level of detail, onto any QPainter (the view's
// widget, a QImage for PNG export and the benchmark, a QSvgGenerator). Keeps its buffers between
// frames so a frame allocates nothing once warm.
//
// Level of detail, per frame:
// - nodes: only those in the viewport (the spatial grid when zoomed in); filled circles with an
//   outline when few are visible, batched unantialiased squares when many;
// - edges: only those with an end in the viewport, in priority order (edges between big nodes
//   first), at most edgeBudget of them and about edgePixelBudget pixels: one drawLines call per style, unantialiased when many;
// - labels: every visible node's when at most labelThreshold nodes are visible, otherwise only
//   the biggest few; overlapping labels are dropped.
#include "communityoverview.h"
#include "graphscene.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QImage>
#include <QLineF>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <vector>

class QPainter;

namespace gw {

// World -> view: (world - center) * scale + size / 2.
struct GraphViewport
{
    QSizeF size;
    QPointF center;
    double scale = 1;

    QPointF toView(QPointF world) const
    {
        return QPointF((world.x() - center.x()) * scale + size.width() / 2,
                       (world.y() - center.y()) * scale + size.height() / 2);
    }
    QPointF toWorld(QPointF view) const
    {
        return QPointF((view.x() - size.width() / 2) / scale + center.x(),
                       (view.y() - size.height() / 2) / scale + center.y());
    }
    QRectF worldRect() const { return QRectF(toWorld(QPointF(0, 0)), toWorld(QPointF(size.width(), size.height()))); }
};

struct GraphRenderOptions
{
    int hovered = -1;
    int selected = -1;
    bool legend = true;
    bool legendCollapsed = false; // only its title, with an arrow to open it
    QString legendTitle;
    const CommunityOverview *overview = nullptr; // drawn when enabled
    int hoveredCluster = -1;
    const QList<int> *path = nullptr; // drawn over everything, labelled
    int labelThreshold = 300;         // all labels up to this many visible nodes
    int labelsWhenCrowded = 30;       // else only the biggest this many
    int edgeBudget = 30'000;          // edges drawn at most per frame
    qint64 edgePixelBudget = 800'000; // and at most about this many pixels of them
    int smoothNodesUpTo = 800;        // antialiased, outlined discs up to this many visible
    int pointModeAbove = 2500;        // visible nodes beyond which nodes are squares
    int dotImageAbove = 50'000;       // and beyond which the small ones are pixels of one image
    QFont font;
    QColor background = Qt::white;
};

struct GraphRenderStats
{
    int visibleNodes = 0;
    int edgesDrawn = 0;
    bool edgesSampled = false; // the budget cut edges off
    int labelsDrawn = 0;
    bool allLabels = false; // label mode: every visible node (not only the biggest)
    int clustersDrawn = 0;  // community discs of the overview
    int linksDrawn = 0;     // and the lines between them
};

class GraphRenderer
{
    Q_DECLARE_TR_FUNCTIONS(gw::GraphRenderer)

public:
    GraphRenderStats paint(QPainter &painter, const GraphScene &scene, const GraphViewport &viewport,
                           const GraphRenderOptions &options);

    // Shown nodes whose disc touches the viewport (indices, unordered).
    static void collectVisible(const GraphScene &scene, const GraphViewport &viewport, std::vector<int> &out);
    static double minimumRadius(int visibleNodes, const GraphRenderOptions &options);
    // Where the legend is drawn (view coordinates); null without one. Clicks there open and
    // close it; a fit keeps the graph beside it.
    static QRectF legendRect(const GraphScene &scene, const GraphRenderOptions &options);
    // A collapsed community's disc in view pixels (at least a few pixels across).
    static double clusterRadius(const CommunityOverview::Cluster &cluster, double scale);

private:
    void paintEdges(QPainter &painter, const GraphScene &scene, const GraphViewport &viewport,
                    const GraphRenderOptions &options, GraphRenderStats &stats);
    void paintNodes(QPainter &painter, const GraphScene &scene, const GraphViewport &viewport,
                    const GraphRenderOptions &options);
    void paintHighlight(QPainter &painter, const GraphScene &scene, const GraphViewport &viewport,
                        const GraphRenderOptions &options);
    int paintLabels(QPainter &painter, const GraphScene &scene, const GraphViewport &viewport,
                    const std::vector<int> &candidates, const GraphRenderOptions &options, bool bold);
    void paintLegend(QPainter &painter, const GraphScene &scene, const GraphRenderOptions &options);
    void paintClusters(QPainter &painter, const GraphScene &scene, const GraphViewport &viewport,
                       const GraphRenderOptions &options, GraphRenderStats &stats);
    void paintPath(QPainter &painter, const GraphScene &scene, const GraphViewport &viewport,
                   const GraphRenderOptions &options);
    void paintClusterLabels(QPainter &painter, const GraphViewport &viewport, const GraphRenderOptions &options);

    std::vector<int> m_visible;
    std::vector<char> m_inView;
    std::vector<QLineF> m_lines;
    std::vector<std::vector<QRectF>> m_rectsByColour;
    std::vector<QRectF> m_occupied;
    std::vector<int> m_candidates;
    QImage m_dots; // the dots of a frame of very many nodes
    double m_minRadius = 1;
};

} // namespace gw
