#include "graphrenderer.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace gw {

namespace {

const QColor kAccent(0x1f, 0x6f, 0xeb);
const QColor kSelection(0xd6, 0x2f, 0x2f);
constexpr int kMaxLabelPixels = 180;

// Liang-Barsky: clips a to b to `r`; false when nothing is left. The painter clips too, but it
// walks an antialiased line with far-away ends pixel by pixel, off the view as well.
bool clipLine(QPointF &a, QPointF &b, const QRectF &r)
{
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    double t0 = 0, t1 = 1;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x() - r.left(), r.right() - a.x(), a.y() - r.top(), r.bottom() - a.y()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    const QPointF start = a;
    a = start + QPointF(dx, dy) * t0;
    b = start + QPointF(dx, dy) * t1;
    return true;
}

} // namespace

double GraphRenderer::minimumRadius(int visibleNodes, const GraphRenderOptions &options)
{
    return visibleNodes > options.pointModeAbove ? 1.0 : 2.5;
}

void GraphRenderer::collectVisible(const GraphScene &scene, const GraphViewport &viewport, std::vector<int> &out)
{
    out.clear();
    const std::vector<char> &shown = scene.shownMask();
    const std::vector<QPointF> &positions = scene.positions();
    // A disc is at most max(22 px, the world radius) wide: widen the query by that.
    const double margin = std::max(24.0 / viewport.scale, scene.maxWorldRadius());
    const QRectF world = viewport.worldRect().adjusted(-margin, -margin, margin, margin);
    auto consider = [&](int i) {
        if (shown[size_t(i)] && world.contains(positions[size_t(i)]))
            out.push_back(i);
    };
    // The grid pays off only when the viewport covers a small part of the graph.
    const QRectF bounds = scene.grid().bounds();
    if (world.contains(bounds) || scene.grid().cellsOverlapping(world) * 4 > scene.nodeCount()) {
        for (int i = 0; i < scene.nodeCount(); ++i)
            consider(i);
    } else {
        scene.grid().query(world, consider);
    }
}

GraphRenderStats GraphRenderer::paint(QPainter &painter, const GraphScene &scene, const GraphViewport &viewport,
                                      const GraphRenderOptions &options)
{
    GraphRenderStats stats;
    painter.save();
    painter.fillRect(QRectF(QPointF(0, 0), viewport.size), options.background);
    painter.setFont(options.font);
    collectVisible(scene, viewport, m_visible);
    stats.visibleNodes = int(m_visible.size());
    m_minRadius = minimumRadius(stats.visibleNodes, options);
    m_inView.assign(size_t(scene.nodeCount()), 0);
    for (int i : m_visible)
        m_inView[size_t(i)] = 1;

    const bool overview = options.overview && options.overview->isEnabled();
    if (overview)
        paintClusters(painter, scene, viewport, options, stats);
    paintEdges(painter, scene, viewport, options, stats);
    paintNodes(painter, scene, viewport, options);

    stats.allLabels = stats.visibleNodes <= options.labelThreshold;
    m_candidates = m_visible;
    const auto bigger = [&scene](int a, int b) {
        return scene.size(a) > scene.size(b) || (scene.size(a) == scene.size(b) && a < b);
    };
    const size_t wanted = stats.allLabels ? m_candidates.size()
                                          : std::min<size_t>(m_candidates.size(), size_t(options.labelsWhenCrowded));
    std::partial_sort(m_candidates.begin(), m_candidates.begin() + qsizetype(wanted), m_candidates.end(), bigger);
    m_candidates.resize(wanted);
    m_occupied.clear();
    if (overview)
        paintClusterLabels(painter, viewport, options);
    if (options.hovered >= 0 && scene.isShown(options.hovered)) {
        paintHighlight(painter, scene, viewport, options);
    } else {
        if (options.selected >= 0 && scene.isShown(options.selected)) {
            // The selection's label first, so it wins over its neighbours'.
            const std::vector<int> selected{options.selected};
            stats.labelsDrawn += paintLabels(painter, scene, viewport, selected, options, true);
        }
        stats.labelsDrawn += paintLabels(painter, scene, viewport, m_candidates, options, false);
    }
    if (options.path)
        paintPath(painter, scene, viewport, options);
    if (options.selected >= 0 && scene.isShown(options.selected)) {
        const QPointF at = viewport.toView(scene.positions()[size_t(options.selected)]);
        const double r = scene.screenRadius(options.selected, viewport.scale, m_minRadius) + 3;
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(QPen(kSelection, 2.5));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(at, r, r);
    }
    if (options.legend)
        paintLegend(painter, scene, options);
    painter.restore();
    return stats;
}

void GraphRenderer::paintEdges(QPainter &painter, const GraphScene &scene, const GraphViewport &viewport,
                               const GraphRenderOptions &options, GraphRenderStats &stats)
{
    const std::vector<char> &shown = scene.shownMask();
    const std::vector<QPointF> &positions = scene.positions();
    m_lines.clear();
    // Drawing cost follows the pixels touched, not the number of lines: zoomed in, a few
    // thousand edges cross the whole view. Each line counts for its length clipped to the view.
    const QRectF canvas = QRectF(QPointF(0, 0), viewport.size).adjusted(-2, -2, 2, 2);
    const double pixelBudget = double(options.edgePixelBudget);
    double pixels = 0;
    for (const GraphScene::EdgeRef &edge : scene.edgesByPriority()) {
        const size_t s = size_t(edge.source), t = size_t(edge.target);
        // Edges with both ends off-screen are skipped, even those crossing it: cheap, and at
        // close zoom they are the long ones that carry little.
        if (!(m_inView[s] | m_inView[t]) || !(shown[s] & shown[t]))
            continue;
        if (int(m_lines.size()) >= options.edgeBudget || pixels > pixelBudget) {
            stats.edgesSampled = true;
            break;
        }
        QPointF a = viewport.toView(positions[s]), b = viewport.toView(positions[t]);
        // Sub-pixel edges draw nothing visible.
        if ((std::abs(a.x() - b.x()) < 1 && std::abs(a.y() - b.y()) < 1) || !clipLine(a, b, canvas))
            continue;
        pixels += std::abs(a.x() - b.x()) + std::abs(a.y() - b.y());
        m_lines.emplace_back(a, b);
    }
    stats.edgesDrawn = int(m_lines.size());
    // Antialiased lines cost an order of magnitude more per pixel: only for light frames.
    const bool many = m_lines.size() > 3000 || pixels > 150'000;
    painter.setRenderHint(QPainter::Antialiasing, !many);
    // Opaque grey when many: blending hundreds of thousands of pixels costs more than it shows.
    painter.setPen(many ? QPen(QColor(0xcf, 0xd4, 0xda), 0) : QPen(QColor(110, 120, 135, 120), 1));
    if (!m_lines.empty())
        painter.drawLines(m_lines.data(), int(m_lines.size()));
}

void GraphRenderer::paintNodes(QPainter &painter, const GraphScene &scene, const GraphViewport &viewport,
                               const GraphRenderOptions &options)
{
    const QList<QColor> &palette = scene.palette();
    m_rectsByColour.resize(size_t(palette.size()));
    for (auto &rects : m_rectsByColour)
        rects.clear();
    const bool points = int(m_visible.size()) > options.pointModeAbove;
    // Hundreds of thousands of dots: the small ones are written straight into an image and drawn
    // in one go (a rectangle each through the painter costs 100 ms a frame at a million).
    const bool dots = points && int(m_visible.size()) > options.dotImageAbove;
    const QSize canvas = viewport.size.toSize();
    if (dots) {
        if (m_dots.size() != canvas)
            m_dots = QImage(canvas, QImage::Format_ARGB32_Premultiplied);
        m_dots.fill(Qt::transparent);
    }
    const int other = int(palette.size()) - 1;
    for (int i : m_visible) {
        const QPointF at = viewport.toView(scene.positions()[size_t(i)]);
        const double r = scene.screenRadius(i, viewport.scale, m_minRadius);
        const int colour = scene.colourIndex(i);
        if (dots && r <= 1.5) {
            const int x0 = int(at.x() - r), y0 = int(at.y() - r), side = std::max(1, int(2 * r + 0.5));
            const QRgb rgb = palette.at(colour).rgb();
            for (int y = std::max(0, y0); y < std::min(canvas.height(), y0 + side); ++y) {
                auto *line = reinterpret_cast<QRgb *>(m_dots.scanLine(y));
                for (int x = std::max(0, x0); x < std::min(canvas.width(), x0 + side); ++x) {
                    // "Other" never covers a coloured class.
                    if (colour != other || qAlpha(line[x]) == 0)
                        line[x] = rgb;
                }
            }
            continue;
        }
        m_rectsByColour[size_t(colour)].emplace_back(at.x() - r, at.y() - r, 2 * r, 2 * r);
    }
    if (dots)
        painter.drawImage(QPointF(0, 0), m_dots);
    if (points) {
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(Qt::NoPen);
        for (size_t c = 0; c < m_rectsByColour.size(); ++c) {
            if (m_rectsByColour[c].empty())
                continue;
            painter.setBrush(palette.at(int(c)));
            painter.drawRects(m_rectsByColour[c].data(), int(m_rectsByColour[c].size()));
        }
        return;
    }
    // Antialiased outlined discs cost about five times plain ones: only when few are visible.
    const bool smooth = int(m_visible.size()) <= options.smoothNodesUpTo;
    painter.setRenderHint(QPainter::Antialiasing, smooth);
    painter.setPen(smooth ? QPen(Qt::white, 1) : QPen(Qt::NoPen));
    // "Other" first so the coloured classes stay on top.
    for (size_t k = 0; k < m_rectsByColour.size(); ++k) {
        const size_t c = (k + m_rectsByColour.size() - 1) % m_rectsByColour.size();
        if (m_rectsByColour[c].empty())
            continue;
        painter.setBrush(palette.at(int(c)));
        for (const QRectF &rect : m_rectsByColour[c])
            painter.drawEllipse(rect);
    }
}

void GraphRenderer::paintHighlight(QPainter &painter, const GraphScene &scene, const GraphViewport &viewport,
                                   const GraphRenderOptions &options)
{
    // Fade everything drawn so far, then redraw the hovered node and its neighbours on top.
    QColor veil = options.background;
    veil.setAlpha(175);
    painter.fillRect(QRectF(QPointF(0, 0), viewport.size), veil);
    const int hovered = options.hovered;
    const QPointF center = viewport.toView(scene.positions()[size_t(hovered)]);
    std::vector<int> lit;
    for (int other : scene.neighbours(hovered)) {
        if (scene.isShown(other))
            lit.push_back(other);
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(kAccent, 1.5));
    const QRectF canvas = QRectF(QPointF(0, 0), viewport.size).adjusted(-2, -2, 2, 2);
    for (int other : lit) {
        QPointF a = center, b = viewport.toView(scene.positions()[size_t(other)]);
        if (clipLine(a, b, canvas))
            painter.drawLine(a, b);
    }
    lit.insert(lit.begin(), hovered);
    for (int node : lit) {
        const QPointF at = viewport.toView(scene.positions()[size_t(node)]);
        const double r = std::max(3.5, scene.screenRadius(node, viewport.scale, m_minRadius));
        painter.setPen(QPen(node == hovered ? kAccent : QColor(0x40, 0x40, 0x40), node == hovered ? 2.5 : 1));
        painter.setBrush(scene.palette().at(scene.colourIndex(node)));
        painter.drawEllipse(at, r, r);
    }
    std::vector<int> labelled(lit.begin() + 1, lit.end());
    std::sort(labelled.begin(), labelled.end(), [&](int a, int b) { return scene.size(a) > scene.size(b); });
    if (labelled.size() > 40)
        labelled.resize(40);
    const std::vector<int> first{hovered};
    paintLabels(painter, scene, viewport, first, options, true);
    paintLabels(painter, scene, viewport, labelled, options, false);
}

int GraphRenderer::paintLabels(QPainter &painter, const GraphScene &scene, const GraphViewport &viewport,
                               const std::vector<int> &candidates, const GraphRenderOptions &options, bool bold)
{
    if (candidates.empty())
        return 0;
    QFont font = options.font;
    font.setBold(bold);
    painter.setFont(font);
    const QFontMetrics metrics(font);
    const QRectF canvas(QPointF(0, 0), viewport.size);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    int drawn = 0;
    for (int node : candidates) {
        const QPointF at = viewport.toView(scene.positions()[size_t(node)]);
        const double r = scene.screenRadius(node, viewport.scale, m_minRadius);
        // simplified(): a name read across a line break is drawn on one line.
        const QString text =
            metrics.elidedText(scene.graph().node(node).name.simplified(), Qt::ElideRight, kMaxLabelPixels);
        const QRectF box(at.x() + r + 3, at.y() - metrics.height() / 2.0 - 1, metrics.horizontalAdvance(text) + 6,
                         metrics.height() + 2);
        if (!canvas.intersects(box))
            continue;
        // Overlapping labels are dropped: the bigger node (earlier candidate) keeps its label.
        const bool overlaps = std::any_of(m_occupied.begin(), m_occupied.end(),
                                          [&box](const QRectF &taken) { return taken.intersects(box); });
        if (overlaps && !bold)
            continue;
        m_occupied.push_back(box);
        painter.fillRect(box, QColor(255, 255, 255, 205));
        painter.setPen(QColor(0x20, 0x24, 0x2a));
        painter.drawText(box.adjusted(3, 1, -3, -1), Qt::AlignLeft | Qt::AlignVCenter, text);
        ++drawn;
    }
    return drawn;
}

namespace {

struct LegendLayout
{
    QRectF box;
    int line = 0;
    int width = 0;
    QStringList texts;
};

QString legendTitleText(const GraphRenderOptions &options)
{
    // An arrow says the title opens and closes the legend.
    return (options.legendCollapsed ? QStringLiteral("▸ ") : QStringLiteral("▾ ")) + options.legendTitle;
}

LegendLayout layoutLegend(const GraphScene &scene, const GraphRenderOptions &options)
{
    LegendLayout layout;
    const QList<GraphScene::LegendEntry> &legend = scene.legend();
    if (legend.isEmpty() || !options.legend)
        return layout;
    QFont bold = options.font;
    bold.setBold(true);
    const QFontMetrics metrics(options.font);
    layout.line = metrics.height() + 3;
    layout.width = QFontMetrics(bold).horizontalAdvance(legendTitleText(options));
    int rows = 1;
    if (!options.legendCollapsed) {
        for (const GraphScene::LegendEntry &entry : legend) {
            layout.texts.append(
                QStringLiteral("%1 (%2)").arg(metrics.elidedText(entry.label, Qt::ElideRight, 170)).arg(entry.count));
            layout.width = std::max(layout.width, metrics.horizontalAdvance(layout.texts.last()) + 18);
        }
        rows += int(legend.size());
    }
    layout.box = QRectF(8, 8, layout.width + 16, rows * layout.line + 10);
    return layout;
}

} // namespace

QRectF GraphRenderer::legendRect(const GraphScene &scene, const GraphRenderOptions &options)
{
    return layoutLegend(scene, options).box;
}

void GraphRenderer::paintLegend(QPainter &painter, const GraphScene &scene, const GraphRenderOptions &options)
{
    const LegendLayout layout = layoutLegend(scene, options);
    if (layout.box.isNull())
        return;
    const QList<GraphScene::LegendEntry> &legend = scene.legend();
    const QRectF &box = layout.box;
    const int line = layout.line;
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QColor(0xd0, 0xd4, 0xda));
    painter.setBrush(QColor(255, 255, 255, 230));
    painter.drawRoundedRect(box, 4, 4);
    double y = box.top() + 5;
    QFont bold = options.font;
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(QColor(0x20, 0x24, 0x2a));
    painter.drawText(QRectF(box.left() + 8, y, layout.width, line), Qt::AlignLeft | Qt::AlignVCenter,
                     legendTitleText(options));
    painter.setFont(options.font);
    y += line;
    for (qsizetype i = 0; i < layout.texts.size(); ++i) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(legend.at(i).colour);
        painter.drawEllipse(QPointF(box.left() + 13, y + line / 2.0), 5, 5);
        painter.setPen(QColor(0x20, 0x24, 0x2a));
        painter.drawText(QRectF(box.left() + 24, y, layout.width, line), Qt::AlignLeft | Qt::AlignVCenter,
                         layout.texts.at(i));
        y += line;
    }
}

void GraphRenderer::paintPath(QPainter &painter, const GraphScene &scene, const GraphViewport &viewport,
                              const GraphRenderOptions &options)
{
    const QList<int> &path = *options.path;
    const QRectF canvas = QRectF(QPointF(0, 0), viewport.size).adjusted(-2, -2, 2, 2);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(kAccent, 3.5, Qt::SolidLine, Qt::RoundCap));
    for (qsizetype i = 1; i < path.size(); ++i) {
        if (!scene.isShown(path.at(i - 1)) || !scene.isShown(path.at(i)))
            continue;
        QPointF a = viewport.toView(scene.positions()[size_t(path.at(i - 1))]);
        QPointF b = viewport.toView(scene.positions()[size_t(path.at(i))]);
        if (clipLine(a, b, canvas))
            painter.drawLine(a, b);
    }
    std::vector<int> labelled;
    for (int node : path) {
        if (!scene.isShown(node))
            continue;
        const QPointF at = viewport.toView(scene.positions()[size_t(node)]);
        const double r = std::max(5.0, scene.screenRadius(node, viewport.scale, m_minRadius));
        painter.setPen(QPen(kAccent, 2.5));
        painter.setBrush(scene.palette().at(scene.colourIndex(node)));
        painter.drawEllipse(at, r, r);
        labelled.push_back(node);
    }
    // Every name on the path, whatever else wanted the room.
    paintLabels(painter, scene, viewport, labelled, options, true);
}

double GraphRenderer::clusterRadius(const CommunityOverview::Cluster &cluster, double scale)
{
    return std::max(6.0, cluster.radius * scale);
}

namespace {

QColor clusterColour(const GraphScene &scene, int community)
{
    // The members' colour when colouring by community, else one neutral tone.
    if (scene.colourBy() != GraphScene::ColourBy::Community)
        return QColor(0x7f, 0x95, 0xab);
    const QList<QColor> &palette = scene.palette();
    return palette.at(community >= 0 && community < palette.size() - 1 ? community : palette.size() - 1);
}

} // namespace

void GraphRenderer::paintClusters(QPainter &painter, const GraphScene &scene, const GraphViewport &viewport,
                                  const GraphRenderOptions &options, GraphRenderStats &stats)
{
    const CommunityOverview &overview = *options.overview;
    const std::vector<CommunityOverview::Cluster> &clusters = overview.clusters();
    const QRectF canvas = QRectF(QPointF(0, 0), viewport.size).adjusted(-2, -2, 2, 2);
    painter.setRenderHint(QPainter::Antialiasing, true);
    // Links first, under the discs, heaviest first, at most a pixel budget of them. A heavy link
    // is drawn as parallel hairlines: one batch of cosmetic lines costs a fraction of stroking
    // wide pens line by line.
    const std::vector<CommunityOverview::Link> &links = overview.links();
    const double pixelBudget = double(options.edgePixelBudget);
    double pixels = 0;
    int drawn = 0;
    m_lines.clear();
    for (const CommunityOverview::Link &link : links) {
        if (pixels > pixelBudget)
            break;
        QPointF a = viewport.toView(overview.endPosition(scene, link.a));
        QPointF b = viewport.toView(overview.endPosition(scene, link.b));
        if (!clipLine(a, b, canvas))
            continue;
        const double length = std::hypot(a.x() - b.x(), a.y() - b.y());
        if (length < 1)
            continue;
        const int width = link.a >= 0 && link.b >= 0 ? std::min(4, 1 + int(0.5 * std::log2(double(link.weight)))) : 1;
        const QPointF normal(-(b.y() - a.y()) / length, (b.x() - a.x()) / length);
        for (int i = 0; i < width; ++i) {
            const QPointF offset = normal * (i - (width - 1) / 2.0);
            m_lines.emplace_back(a + offset, b + offset);
        }
        pixels += length * width;
        ++drawn;
    }
    // Opaque and unsmoothed: blending each pixel (a translucent or antialiased line) costs four
    // times as much on the software rasteriser (graphwright-bench graphview: 23 ms -> 6 ms a frame).
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(QPen(QColor(0xb4, 0xbb, 0xc5), 0));
    painter.setBrush(Qt::NoBrush);
    if (!m_lines.empty())
        painter.drawLines(m_lines.data(), int(m_lines.size()));
    painter.setRenderHint(QPainter::Antialiasing, true);
    stats.linksDrawn = drawn;
    // Expanded regions as a dashed ring, collapsed ones as a filled disc, biggest first so the
    // small ones stay on top.
    for (size_t k = 0; k < clusters.size(); ++k) {
        const CommunityOverview::Cluster &cluster = clusters[k];
        if (cluster.members == 0)
            continue;
        const QPointF at = viewport.toView(cluster.centre);
        const double r = clusterRadius(cluster, viewport.scale);
        if (!canvas.adjusted(-r, -r, r, r).contains(at))
            continue;
        const QColor colour = clusterColour(scene, cluster.community);
        // Open, or some of its entities out of it: a ring, so the entities stay in sight.
        if (cluster.expanded || cluster.shown > 0) {
            QColor ring = colour;
            ring.setAlpha(150);
            painter.setPen(QPen(ring, 1.2, Qt::DashLine));
            painter.setBrush(Qt::NoBrush);
        } else {
            // Opaque, the colour mixed into the background: blending big translucent discs costs
            // more than the rest of the frame (the layout keeps discs apart, so none is hidden).
            const double mix = int(k) == options.hoveredCluster ? 0.6 : 0.38;
            const QColor fill = QColor::fromRgbF(float(colour.redF() * mix + options.background.redF() * (1 - mix)),
                                                 float(colour.greenF() * mix + options.background.greenF() * (1 - mix)),
                                                 float(colour.blueF() * mix + options.background.blueF() * (1 - mix)));
            painter.setPen(QPen(int(k) == options.hoveredCluster ? QColor(0x1f, 0x6f, 0xeb) : colour.darker(130),
                                int(k) == options.hoveredCluster ? 2.5 : 1.3));
            painter.setBrush(fill);
            ++stats.clustersDrawn;
        }
        painter.drawEllipse(at, r, r);
    }
}

void GraphRenderer::paintClusterLabels(QPainter &painter, const GraphViewport &viewport,
                                       const GraphRenderOptions &options)
{
    const std::vector<CommunityOverview::Cluster> &clusters = options.overview->clusters();
    QFont bold = options.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold), metrics(options.font);
    const QRectF canvas(QPointF(0, 0), viewport.size);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.setRenderHint(QPainter::Antialiasing, false);
    // Clusters come largest first: they win the room.
    for (size_t k = 0; k < clusters.size(); ++k) {
        const CommunityOverview::Cluster &cluster = clusters[k];
        if (cluster.expanded || cluster.members == 0)
            continue;
        const QPointF at = viewport.toView(cluster.centre);
        const double r = clusterRadius(cluster, viewport.scale);
        if (r < 9 && int(k) != options.hoveredCluster)
            continue; // a speck: its label would cover its neighbours
        QString names = cluster.topNames.join(QStringLiteral(", "));
        if (cluster.community == CommunityOverview::kSmallGroups)
            names = tr("Small groups: %1").arg(names);
        names = boldMetrics.elidedText(names, Qt::ElideRight, int(std::max(140.0, std::min(260.0, 2.4 * r))));
        const QString count = tr("%n entities", nullptr, cluster.members);
        const double width = std::max(boldMetrics.horizontalAdvance(names), metrics.horizontalAdvance(count)) + 8;
        const double height = boldMetrics.height() + metrics.height() + 4;
        // With some of its entities out, the label sits on the ring's top, off them.
        const double top = cluster.shown > 0 ? at.y() - r - height / 2 : at.y() - height / 2;
        const QRectF box(at.x() - width / 2, top, width, height);
        if (!canvas.intersects(box))
            continue;
        const bool overlaps = std::any_of(m_occupied.begin(), m_occupied.end(),
                                          [&box](const QRectF &taken) { return taken.intersects(box); });
        if (overlaps && int(k) != options.hoveredCluster)
            continue;
        m_occupied.push_back(box);
        painter.fillRect(box, QColor(255, 255, 255, 215));
        painter.setPen(QColor(0x20, 0x24, 0x2a));
        painter.setFont(bold);
        painter.drawText(QRectF(box.left(), box.top() + 1, width, boldMetrics.height()), Qt::AlignCenter, names);
        painter.setFont(options.font);
        painter.setPen(QColor(0x50, 0x58, 0x62));
        painter.drawText(QRectF(box.left(), box.top() + 2 + boldMetrics.height(), width, metrics.height()),
                         Qt::AlignCenter, count);
    }
}

} // namespace gw
