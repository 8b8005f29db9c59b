#include "graphview.h"

#include <QGestureEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QPinchGesture>
#include <QSvgGenerator>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace gw {

GraphView::GraphView(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent); // the renderer fills every pixel
    setMinimumSize(200, 150);
    grabGesture(Qt::PinchGesture);
    m_options.font = font();
    m_options.legendTitle = tr("Colour by community");
}

void GraphView::setGraph(const KnowledgeGraph &graph, const QList<QPointF> &positions, const NodeMetrics &metrics,
                         ViewFit fit)
{
    // A curation edit (the same picture, edited) keeps what was expanded and revealed.
    const QSet<int> expanded = m_overview.expanded();
    QStringList revealed;
    for (int node : m_overview.revealed())
        revealed.append(m_scene.graph().node(node).id);
    m_scene.setGraph(graph, positions, metrics);
    m_overview.reset(m_scene);
    m_path.clear();
    if (fit == ViewFit::Keep) {
        m_overview.setExpanded(expanded);
        QList<int> nodes;
        for (const QString &id : std::as_const(revealed))
            nodes.append(graph.indexOf(id));
        nodes.removeAll(-1);
        m_overview.reveal(nodes);
    }
    m_scene.setOverviewHidden(m_overview.hiddenMask(m_scene));
    m_hovered = -1;
    m_hoveredCluster = -1;
    const bool hadSelection = m_selected >= 0;
    m_selected = -1;
    setColourBy(m_scene.colourBy());
    afterFilterChange();
    if (fit == ViewFit::ToGraph)
        fitToView();
    if (hadSelection)
        Q_EMIT nodeSelected(-1);
}

void GraphView::setPositions(const QList<QPointF> &positions, ViewFit fit)
{
    m_scene.setPositions(positions);
    afterFilterChange();
    if (fit == ViewFit::ToGraph)
        fitToView();
}

void GraphView::setColourBy(GraphScene::ColourBy by)
{
    m_scene.setColourBy(by);
    m_options.legendTitle =
        m_scene.colourBy() == GraphScene::ColourBy::Community ? tr("Colour by community") : tr("Colour by type");
    update();
}

void GraphView::setSizeBy(GraphScene::SizeBy by)
{
    m_scene.setSizeBy(by);
    update();
}

void GraphView::setHiddenTypes(const QSet<QString> &types)
{
    m_scene.setHiddenTypes(types);
    afterFilterChange();
}

void GraphView::setHiddenCommunities(const QSet<int> &communities)
{
    m_scene.setHiddenCommunities(communities);
    afterFilterChange();
}

void GraphView::setMinimumDegree(qint64 degree)
{
    m_scene.setMinimumDegree(degree);
    afterFilterChange();
}

void GraphView::setVisibleNodes(const QBitArray &visible)
{
    m_scene.setVisibleNodes(visible);
    afterFilterChange();
}

void GraphView::setVisibleNodes(const QList<bool> &visible)
{
    QBitArray bits(visible.size());
    for (qsizetype i = 0; i < visible.size(); ++i)
        bits.setBit(i, visible.at(i));
    setVisibleNodes(bits);
}

void GraphView::showEgoNetwork(int center, int depth)
{
    m_scene.setEgoNetwork(center, depth);
    afterFilterChange();
    fitToView();
}

void GraphView::clearEgoNetwork()
{
    if (m_scene.egoCenter() < 0)
        return;
    m_scene.setEgoNetwork(-1, 0);
    afterFilterChange();
    fitToView();
}

void GraphView::setOverviewEnabled(bool enabled)
{
    if (enabled == m_overview.isEnabled() && (!enabled || m_overview.hasCommunities()))
        return;
    m_overview.setEnabled(enabled);
    m_overview.collapseAll();
    applyOverview();
    fitToView();
}

void GraphView::expandCommunity(int community)
{
    if (!m_overview.isEnabled() || m_overview.isExpanded(community))
        return;
    m_overview.expand(community);
    applyOverview();
}

void GraphView::collapseCommunity(int community)
{
    if (m_overview.collapse(community))
        applyOverview();
}

void GraphView::collapseAllCommunities()
{
    if (m_overview.expanded().isEmpty() && m_overview.revealed().isEmpty())
        return;
    m_overview.collapseAll();
    applyOverview();
}

void GraphView::revealNeighbours(int node, const QString &relationType)
{
    if (node < 0 || node >= m_scene.nodeCount())
        return;
    QList<int> nodes{node};
    for (const GraphEdge &edge : m_scene.graph().edges()) {
        if ((edge.source != node && edge.target != node) || (!relationType.isEmpty() && edge.type != relationType))
            continue;
        nodes.append(edge.source == node ? edge.target : edge.source);
    }
    if (!m_overview.isEnabled())
        return;
    m_overview.reveal(nodes);
    applyOverview();
}

void GraphView::showPath(const QList<int> &nodes)
{
    m_path = nodes;
    if (m_overview.isEnabled()) {
        m_overview.reveal(nodes);
        applyOverview();
    }
    if (nodes.isEmpty()) {
        update();
        return;
    }
    // Fit the path, or as much of the graph as a fit shows when the path is everything.
    QRectF bounds;
    for (int node : nodes) {
        if (!m_scene.isShown(node))
            continue;
        const QPointF p = m_scene.positions()[size_t(node)];
        bounds = bounds.isNull() ? QRectF(p, QSizeF(1e-9, 1e-9)) : bounds.united(QRectF(p, QSizeF(1e-9, 1e-9)));
    }
    if (!bounds.isNull()) {
        const QRectF area = fitArea();
        const double margin = m_scene.unit() * 2;
        bounds.adjust(-margin, -margin, margin, margin);
        m_scale = std::min(area.width() * 0.8 / bounds.width(), area.height() * 0.8 / bounds.height());
        m_center = bounds.center() - (area.center() - QPointF(width() / 2.0, height() / 2.0)) / m_scale;
        setScale(m_scale, rect().center());
    }
    update();
}

void GraphView::clearPath()
{
    if (m_path.isEmpty())
        return;
    m_path.clear();
    update();
}

void GraphView::applyOverview()
{
    m_scene.setOverviewHidden(m_overview.hiddenMask(m_scene));
    setHoveredCluster(-1);
    afterFilterChange();
    Q_EMIT overviewChanged();
}

int GraphView::clusterAt(QPointF point) const
{
    return discAt(point, false);
}

int GraphView::expandedClusterAt(QPointF point) const
{
    return discAt(point, true);
}

int GraphView::discAt(QPointF point, bool expanded) const
{
    if (!m_overview.isEnabled())
        return -1;
    const GraphViewport view = viewport();
    // The smallest disc under the point: a small community drawn over a big one stays reachable.
    // A collapsed disc gets a little slack, an open community's ring none.
    const double slack = expanded ? 0 : 2;
    int best = -1;
    double bestRadius = INFINITY;
    const std::vector<CommunityOverview::Cluster> &clusters = m_overview.clusters();
    for (size_t k = 0; k < clusters.size(); ++k) {
        if (clusters[k].expanded != expanded || clusters[k].members == 0)
            continue;
        const double r = GraphRenderer::clusterRadius(clusters[k], m_scale);
        const QPointF at = view.toView(clusters[k].centre);
        if (std::hypot(at.x() - point.x(), at.y() - point.y()) <= r + slack && r < bestRadius) {
            best = int(k);
            bestRadius = r;
        }
    }
    return best;
}

void GraphView::setHoveredCluster(int cluster)
{
    if (cluster == m_hoveredCluster)
        return;
    m_hoveredCluster = cluster;
    if (cluster >= 0) {
        const CommunityOverview::Cluster &c = m_overview.clusters()[size_t(cluster)];
        setToolTip(tr("%n entities: %1", nullptr, c.members).arg(c.topNames.join(QStringLiteral(", ")))
                   + QLatin1Char('\n') + tr("Double-click to show them"));
    } else {
        setToolTip({});
    }
    update();
    Q_EMIT clusterHovered(cluster);
}

void GraphView::afterFilterChange()
{
    m_overview.update(m_scene);
    m_fitBounds = m_scene.shownBounds();
    const QRectF discs = m_overview.bounds();
    if (!discs.isNull())
        m_fitBounds = m_fitBounds.isNull() ? discs : m_fitBounds.united(discs);
    if (m_hovered >= 0 && !m_scene.isShown(m_hovered))
        setHoveredNode(-1);
    if (m_selected >= 0 && !m_scene.isShown(m_selected))
        selectNode(-1);
    Q_EMIT filtersChanged();
    Q_EMIT viewChanged();
    update();
}

QList<int> GraphView::highlightedNodes() const
{
    if (m_hovered < 0)
        return {};
    QList<int> result{m_hovered};
    for (int other : m_scene.neighbours(m_hovered)) {
        if (m_scene.isShown(other))
            result.append(other);
    }
    return result;
}

GraphViewport GraphView::viewport() const
{
    return {QSizeF(size()), m_center, m_scale};
}

bool GraphView::legendFitsBeside() const
{
    GraphRenderOptions open = m_options;
    open.font = font();
    open.legendCollapsed = false;
    const QRectF legend = GraphRenderer::legendRect(m_scene, open);
    return legend.isNull() || legend.right() + 8 <= width() * 0.4;
}

bool GraphView::isLegendCollapsed() const
{
    // By itself, the legend folds when the view is too narrow to keep it beside the graph.
    return m_legendState == LegendState::Closed || (m_legendState == LegendState::Auto && !legendFitsBeside());
}

QRectF GraphView::fitArea() const
{
    // Beside the open legend, below the folded one: it never covers the graph fitted (unless the
    // person opened it where there is no room beside).
    const QRectF all(0, 0, width(), height());
    const QRectF legend = GraphRenderer::legendRect(m_scene, renderOptions());
    if (legend.isNull())
        return all;
    if (isLegendCollapsed())
        return all.adjusted(0, legend.bottom() + 4, 0, 0);
    return legendFitsBeside() ? all.adjusted(legend.right() + 8, 0, 0, 0) : all;
}

double GraphView::fitScale() const
{
    const QRectF bounds = m_fitBounds;
    const QRectF area = fitArea();
    const double margin = 0.9; // room for the discs and labels at the border
    if (bounds.isNull() || (bounds.width() <= 0 && bounds.height() <= 0))
        return 200 / std::max(m_scene.unit(), 1e-9) / 4;
    const double sx = bounds.width() > 0 ? area.width() * margin / bounds.width() : INFINITY;
    const double sy = bounds.height() > 0 ? area.height() * margin / bounds.height() : INFINITY;
    return std::min(sx, sy);
}

double GraphView::zoom() const
{
    return m_scale / fitScale();
}

void GraphView::fitToView()
{
    // A view not shown yet (the Graph tab behind the Jobs tab) fits again when it is: until
    // then its size is not the one the person will see.
    m_fitPending = !isVisible() || width() <= 0 || height() <= 0;
    const QRectF bounds = m_fitBounds;
    m_center = bounds.isNull() && bounds.width() <= 0 && bounds.height() <= 0 ? bounds.topLeft() : bounds.center();
    if (!std::isfinite(m_center.x()))
        m_center = QPointF();
    m_scale = fitScale();
    // The bounds' centre at the centre of the area beside the legend.
    const QPointF offset = fitArea().center() - QPointF(width() / 2.0, height() / 2.0);
    if (m_scale > 0 && std::isfinite(m_scale))
        m_center -= offset / m_scale;
    Q_EMIT viewChanged();
    update();
}

void GraphView::setScale(double scale, QPointF anchor)
{
    const double fit = fitScale();
    // From an eighth of the fit out, to about 400 px between neighbouring nodes in.
    const double maximum = std::max(fit * 16, 400 / std::max(m_scene.unit(), 1e-9));
    scale = std::clamp(scale, fit / 8, maximum);
    const QPointF world = viewport().toWorld(anchor);
    m_scale = scale;
    m_fitPending = false; // the person chose a view
    // Keep `world` under `anchor`.
    const QPointF moved = viewport().toWorld(anchor);
    m_center += world - moved;
    Q_EMIT viewChanged();
    update();
}

void GraphView::zoomBy(double factor, QPointF anchor)
{
    setScale(m_scale * factor, anchor);
}

void GraphView::zoomIn()
{
    zoomBy(1.25, rect().center());
}

void GraphView::zoomOut()
{
    zoomBy(1 / 1.25, rect().center());
}

QPointF GraphView::nodePosition(int node) const
{
    if (node < 0 || node >= m_scene.nodeCount())
        return {};
    return viewport().toView(m_scene.positions()[size_t(node)]);
}

void GraphView::centerOn(int node)
{
    if (!m_scene.isShown(node))
        return;
    m_center = m_scene.positions()[size_t(node)];
    // A node searched for should be readable: at least 4 px between neighbours.
    if (m_scale * m_scene.unit() < 40)
        m_scale = std::max(m_scale, 40 / std::max(m_scene.unit(), 1e-9));
    setScale(m_scale, rect().center());
}

void GraphView::selectNode(int node)
{
    // Expand on demand: an entity chosen elsewhere (the table, a search) comes out of its disc
    // with its neighbours.
    if (node >= 0 && !m_scene.isShown(node) && m_scene.passesFilters(node) && m_overview.hides(m_scene, node))
        revealNeighbours(node);
    if (node >= 0 && !m_scene.isShown(node))
        node = -1;
    if (node == m_selected)
        return;
    m_selected = node;
    update();
    Q_EMIT nodeSelected(node);
}

void GraphView::setHoveredNode(int node)
{
    if (node >= 0 && !m_scene.isShown(node))
        node = -1;
    if (node == m_hovered)
        return;
    m_hovered = node;
    update();
    Q_EMIT nodeHovered(node);
}

int GraphView::nodeAt(QPointF point) const
{
    if (m_scene.nodeCount() == 0)
        return -1;
    const GraphViewport view = viewport();
    const double minimum = GraphRenderer::minimumRadius(visibleNodeCount(), m_options);
    const double reach = (std::max(minimum, std::min(m_scene.maxWorldRadius() * m_scale, 22.0)) + 3) / m_scale;
    const QPointF world = view.toWorld(point);
    int best = -1;
    double bestDistance = INFINITY;
    m_scene.grid().query(QRectF(world.x() - reach, world.y() - reach, 2 * reach, 2 * reach), [&](int i) {
        if (!m_scene.isShown(i))
            return;
        const QPointF at = view.toView(m_scene.positions()[size_t(i)]);
        const double distance = std::hypot(at.x() - point.x(), at.y() - point.y());
        // A few pixels of slack make small discs easy to hit.
        const double radius = m_scene.screenRadius(i, m_scale, minimum) + 2;
        if (distance <= radius && distance - radius < bestDistance) {
            bestDistance = distance - radius;
            best = i;
        }
    });
    return best;
}

int GraphView::visibleNodeCount() const
{
    std::vector<int> visible;
    GraphRenderer::collectVisible(m_scene, viewport(), visible);
    return int(visible.size());
}

void GraphView::setLabelThreshold(int nodes)
{
    m_options.labelThreshold = nodes;
    update();
}

void GraphView::setEdgeBudget(int edges)
{
    m_options.edgeBudget = edges;
    update();
}

void GraphView::setLegendVisible(bool visible)
{
    m_options.legend = visible;
    update();
}

void GraphView::setLegendCollapsed(bool collapsed)
{
    m_legendState = collapsed ? LegendState::Closed : LegendState::Open;
    update();
}

GraphRenderOptions GraphView::renderOptions() const
{
    GraphRenderOptions options = m_options;
    options.font = font();
    options.hovered = m_hovered;
    options.selected = m_selected;
    options.overview = &m_overview;
    options.hoveredCluster = m_hoveredCluster;
    options.path = m_path.isEmpty() ? nullptr : &m_path;
    options.legendCollapsed = isLegendCollapsed();
    options.background = palette().color(QPalette::Base);
    if (options.background.lightness() < 128)
        options.background = Qt::white; // the node palette is chosen for a light background
    return options;
}

void GraphView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    m_lastStats = m_renderer.paint(painter, m_scene, viewport(), renderOptions());
    if (m_scene.nodeCount() == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No entities to show yet"));
    } else if (m_scene.shownCount() == 0 && m_overview.collapsedClusterCount() == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No entity passes the filters"));
    }
}

QImage GraphView::renderImage(double scale) const
{
    QImage image(size() * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    QPainter painter(&image);
    GraphRenderer renderer;
    renderer.paint(painter, m_scene, viewport(), renderOptions());
    return image;
}

bool GraphView::exportPng(const QString &path, double scale) const
{
    return renderImage(scale).save(path, "PNG");
}

bool GraphView::exportSvg(const QString &path) const
{
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size());
    generator.setViewBox(rect());
    generator.setTitle(tr("Knowledge graph"));
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    GraphRenderer renderer;
    renderer.paint(painter, m_scene, viewport(), renderOptions());
    return painter.end();
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_fitPending)
        fitToView();
}

void GraphView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_fitPending)
        fitToView();
}

bool GraphView::event(QEvent *event)
{
    if (event->type() == QEvent::NativeGesture) {
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomBy(1 + gesture->value(), gesture->position());
            return true;
        }
    } else if (event->type() == QEvent::Gesture) {
        auto *gestures = static_cast<QGestureEvent *>(event);
        if (auto *pinch = static_cast<QPinchGesture *>(gestures->gesture(Qt::PinchGesture))) {
            if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged)
                zoomBy(pinch->scaleFactor(), mapFromGlobal(pinch->centerPoint()));
            gestures->accept(pinch);
            return true;
        }
    }
    return QWidget::event(event);
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    const QPoint pixels = event->pixelDelta();
    // Trackpads send pixels, wheels eighths of a degree (120 a notch).
    const double steps = !pixels.isNull() ? pixels.y() / 60.0 : event->angleDelta().y() / 120.0;
    zoomBy(std::pow(1.2, steps), event->position());
    event->accept();
}

void GraphView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    if (GraphRenderer::legendRect(m_scene, renderOptions()).contains(event->position())) {
        setLegendCollapsed(!isLegendCollapsed());
        return;
    }
    m_pressed = true;
    m_dragging = false;
    m_pressAt = m_lastDrag = event->position();
}

void GraphView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_pressed) {
        if (!m_dragging && (event->position() - m_pressAt).manhattanLength() > 4) {
            m_dragging = true;
            m_fitPending = false;
            setCursor(Qt::ClosedHandCursor);
            setHoveredNode(-1);
        }
        if (m_dragging) {
            m_center -= (event->position() - m_lastDrag) / m_scale;
            m_lastDrag = event->position();
            Q_EMIT viewChanged();
            update();
        }
        return;
    }
    const int node = nodeAt(event->position());
    setHoveredNode(node);
    setHoveredCluster(node < 0 ? clusterAt(event->position()) : -1);
}

void GraphView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed)
        return QWidget::mouseReleaseEvent(event);
    m_pressed = false;
    if (m_dragging) {
        m_dragging = false;
        unsetCursor();
        return;
    }
    selectNode(nodeAt(event->position()));
}

void GraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int node = nodeAt(event->position());
    if (node < 0) {
        if (const int cluster = clusterAt(event->position()); cluster >= 0) {
            // Expanded in place; zoomed in when it is small on screen, so its entities part.
            const CommunityOverview::Cluster c = m_overview.clusters()[size_t(cluster)];
            expandCommunity(c.community);
            const double wanted = std::min(width(), height()) * 0.35 / std::max(c.radius, 1e-9);
            if (m_scale < wanted) {
                m_center = c.centre;
                setScale(wanted, rect().center());
            }
        } else if (const int region = expandedClusterAt(event->position()); region >= 0) {
            collapseCommunity(m_overview.clusters()[size_t(region)].community);
        } else {
            QWidget::mouseDoubleClickEvent(event);
        }
        return;
    }
    selectNode(node);
    centerOn(node);
    if (m_overview.isEnabled())
        revealNeighbours(node); // one more step out
    Q_EMIT nodeActivated(node);
}

void GraphView::leaveEvent(QEvent *event)
{
    setHoveredNode(-1);
    QWidget::leaveEvent(event);
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    const double step = 80 / m_scale;
    switch (event->key()) {
    case Qt::Key_F:
    case Qt::Key_Home:
        fitToView();
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_Left:
        m_center.rx() -= step;
        break;
    case Qt::Key_Right:
        m_center.rx() += step;
        break;
    case Qt::Key_Up:
        m_center.ry() -= step;
        break;
    case Qt::Key_Down:
        m_center.ry() += step;
        break;
    case Qt::Key_Escape:
        selectNode(-1);
        clearPath();
        break;
    case Qt::Key_Backspace:
        // Back out of the selected entity's community (the overview's collapse).
        if (m_selected >= 0 && m_overview.isEnabled())
            collapseCommunity(m_scene.metrics().community.value(m_selected, -1));
        break;
    default:
        return QWidget::keyPressEvent(event);
    }
    Q_EMIT viewChanged();
    update();
}

} // namespace gw
