#include "graphscene.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gw {

namespace {

// Distinguishable on white and for the common colour-vision deficiencies (Tableau 10, then two
// more); the last is "other".
QList<QColor> basePalette()
{
    return {QColor(0x4e79a7), QColor(0xf28e2b), QColor(0xe15759), QColor(0x76b7b2), QColor(0x59a14f), QColor(0xedc948),
            QColor(0xb07aa1), QColor(0xff9da7), QColor(0x9c755f), QColor(0x2f4b7c), QColor(0x8cd17d), QColor(0xbab0ac)};
}

bool finite(QPointF p)
{
    return std::isfinite(p.x()) && std::isfinite(p.y());
}

} // namespace

void GraphScene::setGraph(const KnowledgeGraph &graph, const QList<QPointF> &positions, const NodeMetrics &metrics)
{
    m_graph = graph;
    m_metrics = metrics;
    const int n = graph.nodeCount();
    m_degree.assign(size_t(n), 0);
    if (metrics.degree.size() == n) {
        for (int i = 0; i < n; ++i)
            m_degree[size_t(i)] = metrics.degree.at(i);
    } else {
        for (const GraphEdge &edge : graph.edges()) {
            ++m_degree[size_t(edge.source)];
            if (edge.target != edge.source)
                ++m_degree[size_t(edge.target)];
        }
    }
    // Undirected adjacency without duplicates (multi-edges and both directions merged).
    std::vector<std::pair<int, int>> pairs;
    pairs.reserve(size_t(graph.edgeCount()) * 2);
    for (const GraphEdge &edge : graph.edges()) {
        if (edge.source == edge.target)
            continue;
        pairs.emplace_back(edge.source, edge.target);
        pairs.emplace_back(edge.target, edge.source);
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    m_adjacencyStart.assign(size_t(n) + 1, 0);
    m_adjacency.resize(pairs.size());
    for (size_t i = 0; i < pairs.size(); ++i) {
        ++m_adjacencyStart[size_t(pairs[i].first) + 1];
        m_adjacency[i] = pairs[i].second;
    }
    for (size_t i = 1; i < m_adjacencyStart.size(); ++i)
        m_adjacencyStart[i] += m_adjacencyStart[i - 1];
    m_edges.clear();
    m_edges.reserve(pairs.size() / 2);
    for (const auto &[a, b] : pairs) {
        if (a < b)
            m_edges.push_back({a, b});
    }
    if (m_colourBy == ColourBy::Community && !metrics.hasCommunities())
        m_colourBy = ColourBy::Type;
    m_hiddenTypes.clear();
    m_hiddenCommunities.clear();
    m_minimumDegree = 0;
    m_external.clear();
    m_egoCenter = -1;
    m_overviewHidden.clear();
    setPositions(positions);
    updateColours();
}

void GraphScene::setPositions(const QList<QPointF> &positions)
{
    const int n = m_graph.nodeCount();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    m_position.assign(size_t(n), QPointF(nan, nan));
    for (int i = 0; i < n && i < positions.size(); ++i)
        m_position[size_t(i)] = positions.at(i);
    m_grid.build(m_position);
    const QRectF bounds = m_grid.bounds();
    int placed = 0;
    for (const QPointF &p : m_position)
        placed += finite(p) ? 1 : 0;
    // Typical spacing: the side of the square each node would get in the bounding box.
    const double area = std::max(bounds.width() * bounds.height(), 1e-9);
    m_unit = placed > 1 ? std::sqrt(area / placed) : 1.0;
    if (!(m_unit > 0))
        m_unit = 1;
    updateSizes();
    applyFilters();
}

QList<QPointF> GraphScene::positionList() const
{
    return QList<QPointF>(m_position.begin(), m_position.end());
}

void GraphScene::setColourBy(ColourBy by)
{
    if (by == ColourBy::Community && !m_metrics.hasCommunities())
        by = ColourBy::Type;
    m_colourBy = by;
    updateColours();
}

void GraphScene::setSizeBy(SizeBy by)
{
    m_sizeBy = by;
    updateSizes();
}

void GraphScene::updateSizes()
{
    const int n = nodeCount();
    m_size.assign(size_t(n), 0.f);
    const bool byRank = m_sizeBy == SizeBy::PageRank && m_metrics.pagerank.size() == n;
    double maximum = 0;
    for (int i = 0; i < n; ++i)
        maximum = std::max(maximum, byRank ? m_metrics.pagerank.at(i) : double(m_degree[size_t(i)]));
    // Square root: area, not radius, follows the metric.
    for (int i = 0; i < n && maximum > 0; ++i)
        m_size[size_t(i)] =
            float(std::sqrt((byRank ? m_metrics.pagerank.at(i) : double(m_degree[size_t(i)])) / maximum));
    m_maxWorldRadius = m_unit * 0.45;
    m_bySize.resize(size_t(n));
    std::iota(m_bySize.begin(), m_bySize.end(), 0);
    std::stable_sort(m_bySize.begin(), m_bySize.end(),
                     [this](int a, int b) { return m_size[size_t(a)] > m_size[size_t(b)]; });
    updatePriority();
}

double GraphScene::screenRadius(int node, double scale, double minimumPixels) const
{
    const double size = m_size[size_t(node)];
    const double world = m_unit * (0.12 + 0.33 * size) * scale;
    const double cap = 5 + 17 * size;
    return std::max(minimumPixels, std::min(world, cap));
}

void GraphScene::updatePriority()
{
    // Edges between big nodes first: a sampled drawing keeps the backbone.
    std::stable_sort(m_edges.begin(), m_edges.end(), [this](const EdgeRef &a, const EdgeRef &b) {
        return m_size[size_t(a.source)] + m_size[size_t(a.target)]
            > m_size[size_t(b.source)] + m_size[size_t(b.target)];
    });
}

void GraphScene::updateColours()
{
    m_palette = basePalette();
    const int other = int(m_palette.size()) - 1;
    const int n = nodeCount();
    m_colourIndex.assign(size_t(n), quint8(other));
    m_legend.clear();
    QList<int> counts(other + 1, 0);
    if (m_colourBy == ColourBy::Community && m_metrics.community.size() == n) {
        // Ids are 0 for the largest community, then by size.
        for (int i = 0; i < n; ++i) {
            const int community = m_metrics.community.at(i);
            m_colourIndex[size_t(i)] = quint8(community >= 0 && community < other ? community : other);
            ++counts[m_colourIndex[size_t(i)]];
        }
        // Named by their most central members: "Community 3" tells nobody anything.
        QList<QStringList> names(other);
        for (int i : m_bySize) {
            const int c = m_metrics.community.at(i);
            if (c >= 0 && c < other && names[c].size() < 2)
                names[c].append(m_graph.node(i).name.simplified());
        }
        for (int c = 0; c < other; ++c) {
            if (counts[c] > 0)
                m_legend.append(
                    {names[c].isEmpty() ? tr("Community %1").arg(c + 1) : names[c].join(QStringLiteral(", ")),
                     m_palette.at(c), counts[c]});
        }
        if (counts[other] > 0)
            m_legend.append({tr("Other communities"), m_palette.at(other), counts[other]});
        return;
    }
    const QStringList ordered = types();
    QHash<QString, int> indexOfType;
    for (int t = 0; t < ordered.size() && t < other; ++t)
        indexOfType.insert(ordered.at(t), t);
    for (int i = 0; i < n; ++i) {
        m_colourIndex[size_t(i)] = quint8(indexOfType.value(m_graph.node(i).type, other));
        ++counts[m_colourIndex[size_t(i)]];
    }
    for (int t = 0; t < ordered.size() && t < other; ++t)
        m_legend.append({ordered.at(t).isEmpty() ? tr("(no type)") : ordered.at(t), m_palette.at(t), counts[t]});
    if (counts[other] > 0)
        m_legend.append({tr("Other types"), m_palette.at(other), counts[other]});
}

QStringList GraphScene::types() const
{
    return typesByCount(m_graph);
}

QStringList GraphScene::typesByCount(const KnowledgeGraph &graph)
{
    QHash<QString, int> count;
    for (const GraphNode &node : graph.nodes())
        ++count[node.type];
    QStringList result = count.keys();
    std::sort(result.begin(), result.end(), [&](const QString &a, const QString &b) {
        return count.value(a) != count.value(b) ? count.value(a) > count.value(b) : a < b;
    });
    return result;
}

QHash<QString, QColor> GraphScene::typeColours(const QStringList &typesMostFrequentFirst)
{
    const QList<QColor> palette = basePalette();
    const int other = int(palette.size()) - 1;
    QHash<QString, QColor> colours;
    for (int t = 0; t < typesMostFrequentFirst.size(); ++t)
        colours.insert(typesMostFrequentFirst.at(t), palette.at(std::min(t, other)));
    return colours;
}

QColor GraphScene::otherTypeColour()
{
    return basePalette().constLast();
}

QList<int> GraphScene::communities() const
{
    int maximum = -1;
    for (int c : m_metrics.community)
        maximum = std::max(maximum, c);
    QList<int> result(maximum + 1);
    std::iota(result.begin(), result.end(), 0);
    return result;
}

QList<int> GraphScene::neighbours(int node) const
{
    if (node < 0 || node >= nodeCount())
        return {};
    return QList<int>(m_adjacency.begin() + m_adjacencyStart[size_t(node)],
                      m_adjacency.begin() + m_adjacencyStart[size_t(node) + 1]);
}

void GraphScene::setHiddenTypes(const QSet<QString> &types)
{
    m_hiddenTypes = types;
    applyFilters();
}

void GraphScene::setHiddenCommunities(const QSet<int> &communities)
{
    m_hiddenCommunities = communities;
    applyFilters();
}

void GraphScene::setMinimumDegree(qint64 degree)
{
    m_minimumDegree = degree;
    applyFilters();
}

void GraphScene::setVisibleNodes(const QBitArray &visible)
{
    m_external = visible;
    applyFilters();
}

void GraphScene::setEgoNetwork(int center, int depth)
{
    m_egoCenter = center >= 0 && center < nodeCount() ? center : -1;
    m_egoDepth = std::max(0, depth);
    applyFilters();
}

void GraphScene::setOverviewHidden(std::vector<char> hidden)
{
    m_overviewHidden = std::move(hidden);
    applyFilters();
}

void GraphScene::applyFilters()
{
    const int n = nodeCount();
    m_shown.assign(size_t(n), 0);
    m_filtered.assign(size_t(n), 0);
    const bool overview = m_egoCenter < 0 && m_overviewHidden.size() == size_t(n);
    std::vector<char> ego;
    if (m_egoCenter >= 0) {
        // Breadth-first over the whole graph: other filters do not cut the ego network's paths.
        ego.assign(size_t(n), 0);
        std::vector<int> frontier{m_egoCenter}, next;
        ego[size_t(m_egoCenter)] = 1;
        for (int level = 0; level < m_egoDepth && !frontier.empty(); ++level) {
            next.clear();
            for (int node : frontier) {
                for (int i = m_adjacencyStart[size_t(node)]; i < m_adjacencyStart[size_t(node) + 1]; ++i) {
                    const int other = m_adjacency[size_t(i)];
                    if (!ego[size_t(other)]) {
                        ego[size_t(other)] = 1;
                        next.push_back(other);
                    }
                }
            }
            frontier.swap(next);
        }
    }
    const bool byCommunity = !m_hiddenCommunities.isEmpty() && m_metrics.community.size() == n;
    m_shownCount = 0;
    for (int i = 0; i < n; ++i) {
        bool shown = finite(m_position[size_t(i)]) && m_degree[size_t(i)] >= m_minimumDegree;
        shown = shown && (m_external.isEmpty() || (i < m_external.size() && m_external.testBit(i)));
        shown = shown && (ego.empty() || ego[size_t(i)]);
        shown = shown && (m_hiddenTypes.isEmpty() || !m_hiddenTypes.contains(m_graph.node(i).type));
        shown = shown && (!byCommunity || !m_hiddenCommunities.contains(m_metrics.community.at(i)));
        m_filtered[size_t(i)] = shown;
        shown = shown && (!overview || !m_overviewHidden[size_t(i)]);
        m_shown[size_t(i)] = shown;
        m_shownCount += shown ? 1 : 0;
    }
}

QRectF GraphScene::shownBounds() const
{
    double left = INFINITY, top = INFINITY, right = -INFINITY, bottom = -INFINITY;
    for (int i = 0; i < nodeCount(); ++i) {
        if (!m_shown[size_t(i)])
            continue;
        const QPointF &p = m_position[size_t(i)];
        left = std::min(left, p.x());
        right = std::max(right, p.x());
        top = std::min(top, p.y());
        bottom = std::max(bottom, p.y());
    }
    if (left > right)
        return {};
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

} // namespace gw
