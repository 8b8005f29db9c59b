#include "communityoverview.h"

#include "graphscene.h"

#include <algorithm>
#include <cmath>

namespace gw {

namespace {

bool finite(QPointF p)
{
    return std::isfinite(p.x()) && std::isfinite(p.y());
}

} // namespace

void CommunityOverview::reset(const GraphScene &scene, const Options &options)
{
    m_options = options;
    m_expanded.clear();
    m_revealed.clear();
    m_communityOf = scene.metrics().community; // shared, not copied
    m_clusters.clear();
    m_links.clear();
    m_clusterOf.clear();
    m_smallGroups = -1;
    const QList<int> &community = scene.metrics().community;
    if (community.size() != scene.nodeCount() || community.isEmpty())
        return;
    const int communities = *std::max_element(community.begin(), community.end()) + 1;
    std::vector<int> size(size_t(std::max(communities, 0)), 0);
    for (int c : community) {
        if (c >= 0)
            ++size[size_t(c)];
    }
    // Community ids are by size, largest first: the first ones big enough get discs, the rest
    // share one, first in the list so that it is drawn under the others.
    const bool small = size.back() < m_options.minimumMembers || communities > m_options.maximumClusters;
    if (small) {
        m_smallGroups = 0;
        Cluster cluster;
        cluster.community = kSmallGroups;
        m_clusters.push_back(cluster);
    }
    m_clusterOf.assign(size.size(), m_smallGroups);
    for (int c = 0; c < communities && int(m_clusters.size()) < m_options.maximumClusters + (small ? 1 : 0); ++c) {
        if (size[size_t(c)] < m_options.minimumMembers)
            break;
        m_clusterOf[size_t(c)] = int(m_clusters.size());
        Cluster cluster;
        cluster.community = c;
        m_clusters.push_back(cluster);
    }
}

int CommunityOverview::clusterOfCommunity(int community) const
{
    if (community == kSmallGroups)
        return m_smallGroups;
    return community >= 0 && size_t(community) < m_clusterOf.size() ? m_clusterOf[size_t(community)] : -1;
}

bool CommunityOverview::hidesCommunity(int community) const
{
    if (community < 0 || m_expanded.contains(community))
        return false;
    const int k = clusterOfCommunity(community);
    return !(k >= 0 && k == m_smallGroups && m_expanded.contains(kSmallGroups));
}

void CommunityOverview::expand(int community)
{
    if (community >= 0 || community == kSmallGroups)
        m_expanded.insert(community);
}

bool CommunityOverview::collapse(int community)
{
    bool changed = m_expanded.remove(community);
    for (auto it = m_revealed.begin(); it != m_revealed.end();) {
        const int c = m_communityOf.value(*it, -1);
        if (c == community || (community == kSmallGroups && clusterOfCommunity(c) == m_smallGroups)) {
            it = m_revealed.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    return changed;
}

void CommunityOverview::reveal(const QList<int> &nodes)
{
    for (int node : nodes)
        m_revealed.insert(node);
}

bool CommunityOverview::hides(const GraphScene &scene, int node) const
{
    if (!isEnabled() || node < 0 || node >= scene.nodeCount() || scene.egoCenter() >= 0)
        return false;
    return hidesCommunity(scene.metrics().community.at(node)) && !m_revealed.contains(node);
}

std::vector<char> CommunityOverview::hiddenMask(const GraphScene &scene) const
{
    if (!isEnabled())
        return {};
    const QList<int> &community = scene.metrics().community;
    std::vector<char> hidden(size_t(scene.nodeCount()), 0);
    for (int i = 0; i < scene.nodeCount(); ++i)
        hidden[size_t(i)] = hidesCommunity(community.at(i));
    for (int node : m_revealed) {
        if (node >= 0 && node < scene.nodeCount())
            hidden[size_t(node)] = 0;
    }
    return hidden;
}

void CommunityOverview::update(const GraphScene &scene)
{
    m_links.clear();
    if (!isEnabled() || scene.egoCenter() >= 0) {
        for (Cluster &cluster : m_clusters)
            cluster.members = 0;
        return;
    }
    const QList<int> &community = scene.metrics().community;
    const std::vector<QPointF> &positions = scene.positions();
    const int n = scene.nodeCount();
    // Where the members that pass the other filters lie: the median point (a few members far
    // out, as the small groups' have, do not drag it off the rest) and the distance within which
    // 85% of them lie.
    std::vector<std::vector<QPointF>> members(m_clusters.size());
    for (Cluster &cluster : m_clusters) {
        cluster.members = 0;
        cluster.shown = 0;
        cluster.topNames.clear();
        cluster.expanded = m_expanded.contains(cluster.community);
    }
    for (int i = 0; i < n; ++i) {
        if (!scene.passesFilters(i) || !finite(positions[size_t(i)]))
            continue;
        const int k = clusterOfCommunity(community.at(i));
        if (k < 0)
            continue;
        members[size_t(k)].push_back(positions[size_t(i)]);
        m_clusters[size_t(k)].shown += scene.isShown(i) ? 1 : 0;
    }
    std::vector<double> values;
    for (size_t k = 0; k < m_clusters.size(); ++k) {
        Cluster &cluster = m_clusters[k];
        std::vector<QPointF> &points = members[k];
        cluster.members = int(points.size());
        cluster.radius = scene.unit() * 0.6; // never a point
        if (points.empty())
            continue;
        const auto median = [&values](const std::vector<QPointF> &from, bool x) {
            values.clear();
            for (const QPointF &p : from)
                values.push_back(x ? p.x() : p.y());
            std::nth_element(values.begin(), values.begin() + qsizetype(values.size() / 2), values.end());
            return values[values.size() / 2];
        };
        cluster.centre = QPointF(median(points, true), median(points, false));
        values.clear();
        for (const QPointF &p : points)
            values.push_back(std::hypot(p.x() - cluster.centre.x(), p.y() - cluster.centre.y()));
        const size_t at = std::min(values.size() - 1, size_t(double(values.size()) * 0.85));
        std::nth_element(values.begin(), values.begin() + qsizetype(at), values.end());
        cluster.radius = std::max(cluster.radius, values[at] * 1.05);
    }
    // Labels: the most central members, largest nodes first (the scene's size metric).
    size_t unnamed = m_clusters.size();
    for (int i : scene.nodesBySize()) {
        if (unnamed == 0)
            break;
        if (!scene.passesFilters(i))
            continue;
        const int k = clusterOfCommunity(community.at(i));
        if (k < 0 || m_clusters[size_t(k)].topNames.size() >= m_options.labelNames)
            continue;
        m_clusters[size_t(k)].topNames.append(scene.graph().node(i).name.simplified()); // one line
        if (m_clusters[size_t(k)].topNames.size() == m_options.labelNames
            || m_clusters[size_t(k)].topNames.size() == m_clusters[size_t(k)].members)
            --unnamed;
    }
    // One link per pair of ends, where an end is a collapsed disc or an entity shown.
    const auto endOf = [&](int node) -> int {
        if (scene.isShown(node))
            return -1 - node;
        const int k = clusterOfCommunity(community.at(node));
        return k >= 0 ? k : INT_MIN; // shown = not hidden by its disc
    };
    std::vector<std::pair<qint64, int>> keyed;
    for (const GraphScene::EdgeRef &edge : scene.edgesByPriority()) {
        if (!scene.passesFilters(edge.source) || !scene.passesFilters(edge.target))
            continue;
        int a = endOf(edge.source), b = endOf(edge.target);
        if (a == INT_MIN || b == INT_MIN || a == b || (a < 0 && b < 0))
            continue; // hidden without a disc, inside one disc, or drawn as an edge
        if (a > b)
            std::swap(a, b);
        keyed.emplace_back((qint64(a) << 32) | quint32(b), 1);
    }
    std::sort(keyed.begin(), keyed.end());
    for (size_t i = 0; i < keyed.size();) {
        size_t j = i;
        while (j < keyed.size() && keyed[j].first == keyed[i].first)
            ++j;
        const qint64 key = keyed[i].first;
        m_links.push_back({int(key >> 32), int(qint32(quint32(key & 0xffffffff))), int(j - i)});
        i = j;
    }
    // Heaviest first: a drawing cut short keeps the backbone.
    std::stable_sort(m_links.begin(), m_links.end(), [](const Link &x, const Link &y) { return x.weight > y.weight; });
    // Between two discs, only the strongest ties of each: every pair of communities shares a few
    // relations, and a line for each is a hairball of discs.
    std::vector<int> kept(m_clusters.size(), 0);
    std::vector<Link> strongest;
    strongest.reserve(m_links.size());
    for (const Link &link : m_links) {
        if (link.a < 0 || link.b < 0) {
            strongest.push_back(link);
            continue;
        }
        if (kept[size_t(link.a)] < m_options.linksPerCluster || kept[size_t(link.b)] < m_options.linksPerCluster) {
            ++kept[size_t(link.a)];
            ++kept[size_t(link.b)];
            strongest.push_back(link);
        }
    }
    m_links.swap(strongest);
}

int CommunityOverview::collapsedClusterCount() const
{
    if (!isEnabled())
        return 0;
    return int(std::count_if(m_clusters.begin(), m_clusters.end(),
                             [](const Cluster &c) { return !c.expanded && c.members > 0; }));
}

int CommunityOverview::collapsedEntityCount() const
{
    if (!isEnabled())
        return 0;
    int total = 0;
    for (const Cluster &cluster : m_clusters)
        total += cluster.expanded ? 0 : cluster.members;
    return total;
}

QRectF CommunityOverview::bounds() const
{
    QRectF result;
    if (!isEnabled())
        return result;
    for (const Cluster &cluster : m_clusters) {
        if (cluster.expanded || cluster.members == 0)
            continue;
        const QRectF disc(cluster.centre - QPointF(cluster.radius, cluster.radius),
                          QSizeF(2 * cluster.radius, 2 * cluster.radius));
        result = result.isNull() ? disc : result.united(disc);
    }
    return result;
}

QPointF CommunityOverview::endPosition(const GraphScene &scene, int end) const
{
    return end >= 0 ? m_clusters[size_t(end)].centre : scene.positions()[size_t(-1 - end)];
}

} // namespace gw
