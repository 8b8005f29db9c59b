#include "communitylayout.h"

#include "circlepacking.h"
#include "igraphsession.h"
#include "igraphvalues.h"
#include "igraphview.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <utility>
#include <vector>

namespace gw {

namespace {

using Pairs = std::vector<std::pair<int, int>>;

// Progress never decreasing, at most ~500 reports, and never 1 (the caller says when it is done).
class MonotoneProgress
{
public:
    explicit MonotoneProgress(const std::function<void(double)> &report) : m_report(report) {}
    void operator()(double fraction)
    {
        fraction = std::min(fraction, 0.999);
        if (m_report && fraction >= m_last + 0.002) {
            m_last = fraction;
            m_report(fraction);
        }
    }
    double last() const { return std::max(0.0, m_last); }

private:
    const std::function<void(double)> &m_report;
    double m_last = -1;
};

// The undirected relations as sorted distinct pairs (low, high), self-relations dropped.
std::vector<quint64> simplePairs(const KnowledgeGraph &graph)
{
    std::vector<quint64> pairs;
    pairs.reserve(graph.edgeCount());
    for (const GraphEdge &edge : graph.edges()) {
        if (edge.source == edge.target)
            continue;
        const auto [low, high] = std::minmax(edge.source, edge.target);
        pairs.push_back(quint64(low) << 32 | quint64(high));
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    return pairs;
}

// The radius of a community's circle: about one unit of area per member, so an edge inside is
// about one unit long. Communities of 1-3 nodes get a fixed, tight pattern.
double regionRadius(qsizetype members)
{
    if (members <= 1)
        return 0.3;
    if (members == 2)
        return 0.45;
    if (members == 3)
        return 0.55;
    return 0.6 * std::sqrt(double(members));
}

// igraph's Fruchterman-Reingold for a community of `members` nodes: exact repulsion up to 1,000
// (cost ~ members^2 per iteration, so fewer iterations as it grows), the grid above.
int iterationsFor(qsizetype members, int fixed)
{
    if (fixed > 0)
        return fixed;
    const double m = double(members);
    if (members <= 1000)
        return int(std::clamp(2'000'000.0 / (m * m), 60.0, 500.0));
    return int(std::clamp(5'000'000.0 / m, 50.0, 200.0));
}

double costOf(qsizetype members, int fixed)
{
    if (members < 4)
        return double(members);
    const double m = double(members);
    return iterationsFor(members, fixed) * (members <= 1000 ? m * m : 40 * m) + m;
}

// Isolated nodes are packed this far apart (an edge inside a community is about 1).
constexpr double isolatedSpacing = 0.35;

// Fixed patterns for tiny communities, inside their radius.
std::vector<QPointF> tinyPattern(qsizetype members)
{
    switch (members) {
    case 1:
        return {QPointF(0, 0)};
    case 2:
        return {QPointF(-0.3, 0), QPointF(0.3, 0)};
    default:
        return {QPointF(0, -0.4), QPointF(-0.3464, 0.2), QPointF(0.3464, 0.2)};
    }
}

// Turns (and maybe mirrors) a community's member offsets so that members face the communities
// they link to: the angle maximising sum(offset . direction) has a closed form.
void faceNeighbours(std::vector<QPointF> &offsets, const std::vector<std::pair<int, QPointF>> &pulls)
{
    if (pulls.empty() || offsets.size() < 2)
        return;
    double dot = 0, cross = 0, mirroredDot = 0, mirroredCross = 0;
    for (const auto &[member, direction] : pulls) {
        const QPointF o = offsets[member];
        dot += o.x() * direction.x() + o.y() * direction.y();
        cross += o.x() * direction.y() - o.y() * direction.x();
        mirroredDot += o.x() * direction.x() - o.y() * direction.y();
        mirroredCross += o.x() * direction.y() + o.y() * direction.x();
    }
    const bool mirror = std::hypot(mirroredDot, mirroredCross) > std::hypot(dot, cross) * (1 + 1e-9);
    const double angle = mirror ? std::atan2(mirroredCross, mirroredDot) : std::atan2(cross, dot);
    const double c = std::cos(angle), s = std::sin(angle);
    for (QPointF &o : offsets) {
        const double x = o.x(), y = mirror ? -o.y() : o.y();
        o = QPointF(c * x - s * y, s * x + c * y);
    }
}

// igraph's Fruchterman-Reingold of `nodes` nodes linked by `pairs` (simple, undirected).
std::vector<QPointF> forceDirected(IgraphSession &session, int nodes, const Pairs &pairs,
                                   const std::vector<double> &weights, int iterations)
{
    const IgraphView view(session, nodes, pairs, weights);
    IgraphMatrix result(nodes, 2);
    session.check(igraph_layout_fruchterman_reingold(view.get(), result.get(), false, iterations,
                                                     std::sqrt(double(nodes)) / 10, IGRAPH_LAYOUT_AUTOGRID,
                                                     weights.empty() ? nullptr : view.weights(), nullptr, nullptr,
                                                     nullptr, nullptr),
                  QCoreApplication::translate("gw::GraphLayout", "computing the layout"));
    std::vector<QPointF> points(nodes);
    for (int i = 0; i < nodes; ++i)
        points[i] = QPointF(result(i, 0), result(i, 1));
    return points;
}

// Centred on their mean, scaled so the farthest point lies on `radius`.
void fitInCircle(std::vector<QPointF> &points, double radius)
{
    QPointF mean;
    for (const QPointF &p : points)
        mean += p / double(points.size());
    double farthest = 0;
    for (QPointF &p : points) {
        p -= mean;
        farthest = std::max(farthest, std::hypot(p.x(), p.y()));
    }
    const double scale = farthest > 1e-12 ? radius / farthest : 0;
    for (QPointF &p : points)
        p *= scale;
}

} // namespace

QList<QPointF> CommunityLayout::compute(const KnowledgeGraph &graph, const QList<int> &community,
                                        const CancellationToken &token, const Options &options,
                                        const std::function<void(double)> &progress)
{
    token.throwIfCancelled();
    const int n = graph.nodeCount();
    if (community.size() != n)
        throw std::invalid_argument("CommunityLayout::compute: one community per node expected");
    if (n == 0)
        return {};
    MonotoneProgress report(progress);

    // Members of each community (ids need not be dense), in node order.
    int groups = 0;
    for (const int id : community) {
        if (id < 0)
            throw std::invalid_argument("CommunityLayout::compute: negative community id");
        groups = std::max(groups, id + 1);
    }
    std::vector<std::vector<int>> members(groups);
    std::vector<int> local(n);
    for (int i = 0; i < n; ++i) {
        local[i] = int(members[community[i]].size());
        members[community[i]].push_back(i);
    }

    // Relations inside each community (local indices) and counted between communities.
    const std::vector<quint64> pairs = simplePairs(graph);
    std::vector<Pairs> inside(groups);
    std::vector<quint64> between;
    for (const quint64 pair : pairs) {
        const int a = int(pair >> 32), b = int(pair & 0xffffffffu);
        const int ca = community[a], cb = community[b];
        if (ca == cb)
            inside[ca].emplace_back(local[a], local[b]);
        else
            between.push_back(quint64(std::min(ca, cb)) << 32 | quint64(std::max(ca, cb)));
    }
    std::sort(between.begin(), between.end());
    token.throwIfCancelled();

    // Linked communities (at least one relation to another) are placed by the community graph;
    // the others are packed in rows.
    std::vector<int> linkedIndex(groups, -1);
    std::vector<int> linked;
    Pairs communityPairs;
    std::vector<double> communityWeights;
    for (size_t k = 0; k < between.size();) {
        size_t end = k;
        while (end < between.size() && between[end] == between[k])
            ++end;
        const int ca = int(between[k] >> 32), cb = int(between[k] & 0xffffffffu);
        for (const int c : {ca, cb}) {
            if (linkedIndex[c] < 0) {
                linkedIndex[c] = int(linked.size());
                linked.push_back(c);
            }
        }
        communityPairs.emplace_back(linkedIndex[ca], linkedIndex[cb]);
        // Square root: a pair of big communities with hundreds of relations should be near,
        // not fused.
        communityWeights.push_back(std::sqrt(double(end - k)));
        k = end;
    }

    // Progress: the community graph and the packing ~10%, the members by their estimated cost.
    double membersCost = 0;
    for (const auto &group : members)
        membersCost += costOf(group.size(), options.iterations);
    const double placeShare = 0.1;

    std::vector<QPointF> centre(groups);
    std::vector<double> radius(groups, 0);
    for (int c = 0; c < groups; ++c)
        radius[c] = regionRadius(members[c].size());

    IgraphSession session(token);
    session.seed(options.seed);

    QRectF main;
    if (!linked.empty()) {
        const int k = int(linked.size());
        session.setProgressFromChecks(progress ? std::function<void(double)>([&report](double f) { report(f); })
                                               : std::function<void(double)>(),
                                      std::clamp<qint64>(5'000'000 / k, 50, 500), 0, placeShare / 2);
        std::vector<QPointF> points = forceDirected(session, k, communityPairs, communityWeights,
                                                    int(std::clamp<qint64>(5'000'000 / k, 50, 500)));
        session.setProgress({});
        session.throwIfCancelled();
        // Padding: a gap between communities, wider than the spacing inside one.
        std::vector<double> padded(k);
        for (int i = 0; i < k; ++i)
            padded[i] = radius[linked[i]] * 1.35 + 0.5;
        std::vector<CirclePacking::Link> links;
        links.reserve(communityPairs.size());
        for (size_t e = 0; e < communityPairs.size(); ++e)
            links.push_back({communityPairs[e].first, communityPairs[e].second, communityWeights[e]});
        CirclePacking::separate(points, padded, links, token,
                                [&report, placeShare](double f) { report(placeShare / 2 + f * placeShare / 2); });
        for (int i = 0; i < k; ++i)
            centre[linked[i]] = points[i];
        main = CirclePacking::bounds(points, padded);
    }

    // The rest in rows beside the picture (or alone), biggest first: compact, out of the way.
    // Isolated nodes (a real corpus has thousands: names seen once, related to nothing) closest
    // of all, a dense grid, so that they do not outweigh the structure.
    std::vector<int> loose;
    std::vector<double> loosePadded;
    double looseArea = 0, largest = 0;
    for (int c = 0; c < groups; ++c) {
        if (linkedIndex[c] >= 0 || members[c].empty())
            continue;
        loose.push_back(c);
        const bool isolated = members[c].size() == 1;
        loosePadded.push_back(isolated ? isolatedSpacing / 2 : radius[c] * 1.1 + 0.1);
        looseArea += 4 * loosePadded.back() * loosePadded.back();
        largest = std::max(largest, 2 * loosePadded.back());
    }
    if (!loose.empty()) {
        // As tall as the picture (a landscape whole, as windows are), or a square when alone.
        const double width = main.isNull() ? std::max(largest, std::sqrt(looseArea))
                                           : std::max(largest, looseArea / std::max(main.height(), 1.0));
        const QPointF origin = main.isNull() ? QPointF(0, 0) : QPointF(main.right() + 1.0, main.top());
        const std::vector<QPointF> placed = CirclePacking::shelves(loosePadded, width, origin);
        for (size_t i = 0; i < loose.size(); ++i)
            centre[loose[i]] = placed[i];
    }
    report(placeShare);

    // Which way each community's members should face: towards the communities they link to.
    std::vector<std::vector<std::pair<int, QPointF>>> pulls(groups);
    for (const quint64 pair : pairs) {
        const int a = int(pair >> 32), b = int(pair & 0xffffffffu);
        const int ca = community[a], cb = community[b];
        if (ca == cb)
            continue;
        QPointF direction = centre[cb] - centre[ca];
        const double length = std::hypot(direction.x(), direction.y());
        if (length <= 0)
            continue;
        direction /= length;
        pulls[ca].emplace_back(local[a], direction);
        pulls[cb].emplace_back(local[b], -direction);
    }

    // Members inside their circles, biggest community first.
    QList<QPointF> positions(n);
    double done = 0;
    const auto forward =
        progress ? std::function<void(double)>([&report](double f) { report(f); }) : std::function<void(double)>();
    for (int c = 0; c < groups; ++c) {
        const std::vector<int> &group = members[c];
        if (group.empty())
            continue;
        session.throwIfCancelled();
        const double cost = costOf(group.size(), options.iterations);
        const double from = placeShare + (1 - placeShare) * done / membersCost;
        const double to = placeShare + (1 - placeShare) * (done + cost) / membersCost;
        std::vector<QPointF> offsets;
        if (group.size() < 4) {
            offsets = tinyPattern(group.size());
        } else {
            const int iterations = iterationsFor(group.size(), options.iterations);
            // igraph checks for interruption once per iteration with its grid, about twice without.
            if (to - from > 0.01)
                session.setProgressFromChecks(forward, qint64(iterations) * (group.size() > 1000 ? 1 : 2), from, to);
            offsets = forceDirected(session, int(group.size()), inside[c], {}, iterations);
            session.setProgress({});
            fitInCircle(offsets, radius[c]);
        }
        faceNeighbours(offsets, pulls[c]);
        for (size_t i = 0; i < group.size(); ++i)
            positions[group[i]] = centre[c] + offsets[i];
        done += cost;
        report(placeShare + (1 - placeShare) * done / membersCost);
    }
    session.throwIfCancelled();
    return positions;
}

double CommunityLayout::Quality::ratio() const
{
    if (intraEdges == 0 || interEdges == 0 || !(meanInter > 0))
        return std::numeric_limits<double>::quiet_NaN();
    return meanIntra / meanInter;
}

CommunityLayout::Quality CommunityLayout::quality(const KnowledgeGraph &graph, const QList<QPointF> &positions,
                                                  const QList<int> &community)
{
    Quality quality;
    if (positions.size() != graph.nodeCount() || community.size() != graph.nodeCount())
        return quality;
    double intra = 0, inter = 0;
    for (const GraphEdge &edge : graph.edges()) {
        if (edge.source == edge.target)
            continue;
        const QPointF a = positions.at(edge.source), b = positions.at(edge.target);
        if (!std::isfinite(a.x() + a.y() + b.x() + b.y()))
            continue;
        const double length = std::hypot(a.x() - b.x(), a.y() - b.y());
        if (community.at(edge.source) == community.at(edge.target)) {
            intra += length;
            ++quality.intraEdges;
        } else {
            inter += length;
            ++quality.interEdges;
        }
    }
    quality.meanIntra = quality.intraEdges ? intra / double(quality.intraEdges) : 0;
    quality.meanInter = quality.interEdges ? inter / double(quality.interEdges) : 0;
    return quality;
}

} // namespace gw
