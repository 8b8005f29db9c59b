#pragma once
// GraphView: an interactive drawing of a KnowledgeGraph (entities as nodes, relations as edges)
// that stays fluid at 100,000 nodes: custom painting through GraphRenderer with a spatial grid
// for culling and hit testing, and level of detail (see graphrenderer.h). No layout here: give it
// positions (GraphLayoutJob computes, loads and saves them off the GUI thread; GraphPanel wires
// both together with a toolbar).
//
// Use:
//   view->setGraph(graph, positions, metrics);  // positions indexed like graph.nodes(); NaN = not shown
//   connect(view, &GraphView::nodeSelected, details, ...);  // a click, or selectNode()
//   view->selectNode(i); view->centerOn(i);                 // from a search box or a table
//   view->setColourBy(GraphScene::ColourBy::Type); view->setSizeBy(GraphScene::SizeBy::Degree);
//   view->setHiddenTypes({"DATE"}); view->setMinimumDegree(2); view->setHiddenCommunities({3});
//   view->setVisibleNodes(bits);    // e.g. the nodes of the selected documents; empty = all
//   view->showEgoNetwork(i, 2);     // only nodes within 2 relations of i; clearEgoNetwork()
//   view->exportPng(path); view->exportSvg(path);
//   view->setOverviewEnabled(true); // big graphs: one disc per community (communityoverview.h);
//   view->expandCommunity(c);       // a double click on a disc does it; collapseCommunity(c)
// Navigation: wheel zooms around the cursor, pinch zooms, dragging pans, F or Home fits, + and -
// zoom, arrow keys pan. Hovering a node highlights it and its neighbours; a click selects.
#include "viewfit.h"
#include "communityoverview.h"
#include "graphrenderer.h"
#include "graphscene.h"

#include <QBitArray>
#include <QImage>
#include <QPointF>
#include <QSet>
#include <QWidget>

namespace gw {

class GraphView : public QWidget
{
    Q_OBJECT

public:
    explicit GraphView(QWidget *parent = nullptr);

    // Replaces the graph; filters, hover and selection are reset and the view fits the graph.
    // Metrics may be partial or empty (sizes fall back to degree, colours to type).
    void setGraph(const KnowledgeGraph &graph, const QList<QPointF> &positions, const NodeMetrics &metrics = {},
                  ViewFit fit = ViewFit::ToGraph);
    // New positions for the same graph (a layout run); the view fits them.
    void setPositions(const QList<QPointF> &positions, ViewFit fit = ViewFit::ToGraph);
    const GraphScene &scene() const { return m_scene; }
    const KnowledgeGraph &graph() const { return m_scene.graph(); }

    void setColourBy(GraphScene::ColourBy by);
    void setSizeBy(GraphScene::SizeBy by);

    // --- Filters; hidden nodes are neither drawn nor hit ---
    void setHiddenTypes(const QSet<QString> &types);
    void setHiddenCommunities(const QSet<int> &communities);
    void setMinimumDegree(qint64 degree);
    void setVisibleNodes(const QBitArray &visible);
    void setVisibleNodes(const QList<bool> &visible);
    void showEgoNetwork(int center, int depth); // and fits it
    void clearEgoNetwork();
    bool isNodeShown(int node) const { return m_scene.isShown(node); }

    // --- State, for the panel and tests ---
    int selectedNode() const { return m_selected; }
    int hoveredNode() const { return m_hovered; }
    // The hovered node and its shown neighbours; empty without hover.
    QList<int> highlightedNodes() const;
    // The shown node under `point` (widget coordinates), or -1.
    int nodeAt(QPointF point) const;
    QPointF mapFromWorld(QPointF world) const { return viewport().toView(world); }
    QPointF nodePosition(int node) const; // widget coordinates of the node's centre
    GraphViewport viewport() const;
    double zoom() const; // 1 = fit
    // Shown nodes in the viewport now, and whether that few get labels for all.
    int visibleNodeCount() const;
    bool labelsAllVisible() const { return visibleNodeCount() <= m_options.labelThreshold; }
    GraphRenderStats lastFrameStats() const { return m_lastStats; }
    void setLabelThreshold(int nodes);
    void setEdgeBudget(int edges);
    void setLegendVisible(bool visible);
    // Folded to its title, or open; until set, it folds by itself when the view is too narrow to
    // keep it beside the graph.
    void setLegendCollapsed(bool collapsed);
    bool isLegendCollapsed() const;

    // --- Overview: communities as discs, expanded on demand (see communityoverview.h) ---
    void setOverviewEnabled(bool enabled);
    bool isOverviewEnabled() const { return m_overview.isEnabled(); }
    const CommunityOverview &overview() const { return m_overview; }
    void expandCommunity(int community);
    void collapseCommunity(int community);
    void collapseAllCommunities();
    // The collapsed disc under `point` (widget coordinates): an index into overview().clusters(), or -1.
    int clusterAt(QPointF point) const;
    int hoveredCluster() const { return m_hoveredCluster; }
    // Shows `node` and its neighbours (by `relationType`, or all) out of their discs.
    void revealNeighbours(int node, const QString &relationType = {});

    // A path (GraphAnalytics::shortestPath's nodes, in order) drawn over the graph and fitted;
    // its entities come out of their discs. Empty or Escape clears it.
    void showPath(const QList<int> &nodes);
    void clearPath();
    const QList<int> &path() const { return m_path; }

    // The current view at `scale` times the widget's size.
    QImage renderImage(double scale = 1) const;
    bool exportPng(const QString &path, double scale = 2) const;
    bool exportSvg(const QString &path) const;

public Q_SLOTS:
    void selectNode(int node); // -1 clears; emits nodeSelected when it changes
    void centerOn(int node);   // keeps the zoom, but zooms in when the node would be a dot
    void fitToView();
    void zoomIn();
    void zoomOut();
    void zoomBy(double factor, QPointF anchor); // anchor in widget coordinates stays put
    void setHoveredNode(int node);

Q_SIGNALS:
    void nodeSelected(int node);
    void nodeHovered(int node);
    void nodeActivated(int node); // double click
    void viewChanged();           // zoom, pan, filters, data
    void filtersChanged();
    void overviewChanged(); // on, off, a community expanded or collapsed
    void clusterHovered(int cluster);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void afterFilterChange();
    void applyOverview(); // the overview's hidden nodes to the scene, then afterFilterChange()
    void setHoveredCluster(int cluster);
    // Expanded region (dashed ring) under `point`, or -1: a double click there collapses it.
    int expandedClusterAt(QPointF point) const;
    int discAt(QPointF point, bool expanded) const; // the two above
    double fitScale() const;
    QRectF fitArea() const; // the view beside the legend
    bool legendFitsBeside() const;
    enum class LegendState { Auto, Open, Closed };
    LegendState m_legendState = LegendState::Auto;
    void setScale(double scale, QPointF anchor);
    GraphRenderOptions renderOptions() const;

    GraphScene m_scene;
    CommunityOverview m_overview;
    int m_hoveredCluster = -1;
    QList<int> m_path;
    GraphRenderer m_renderer;
    GraphRenderOptions m_options;
    GraphRenderStats m_lastStats;
    QPointF m_center;
    QRectF m_fitBounds; // of the shown nodes
    double m_scale = 1;
    bool m_fitPending = true;
    int m_hovered = -1;
    int m_selected = -1;
    QPointF m_pressAt;
    QPointF m_lastDrag;
    bool m_pressed = false;
    bool m_dragging = false;
};

} // namespace gw
