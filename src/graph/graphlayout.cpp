#include "graphlayout.h"

#include "communitylayout.h"
#include "graphanalytics.h"
#include "igraphsession.h"
#include "igraphvalues.h"
#include "igraphview.h"

#include "store/entitypositiontable.h"
#include "store/projectstore.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace gw {

namespace {

QList<QPointF> forceDirected(const KnowledgeGraph &graph, const CancellationToken &token,
                             const GraphLayout::Options &options, const GraphLayout::Progress &progress)
{
    const int n = graph.nodeCount();
    IgraphSession session(token);
    const IgraphView simple(session, graph, IgraphView::Shape::UndirectedSimple);
    session.seed(options.seed); // the random start positions are repeatable
    IgraphMatrix result(n, 2);
    // igraph's FR reports no progress but checks for interruption once per iteration with its
    // grid (above 1,000 nodes), about twice without. igraph's customary start temperature,
    // sqrt(nodes) / 10, lets nodes travel far enough.
    const int iterations = GraphLayout::iterationsFor(graph, options);
    session.setProgressFromChecks(progress, qint64(iterations) * (n > 1000 ? 1 : 2));
    session.check(igraph_layout_fruchterman_reingold(simple.get(), result.get(), false, iterations,
                                                     std::sqrt(double(n)) / 10, IGRAPH_LAYOUT_AUTOGRID, nullptr,
                                                     nullptr, nullptr, nullptr, nullptr),
                  QCoreApplication::translate("gw::GraphLayout", "computing the layout"));
    session.throwIfCancelled();

    QList<QPointF> positions(n);
    for (int i = 0; i < n; ++i)
        positions[i] = QPointF(result(i, 0), result(i, 1));
    return positions;
}

bool givesCommunities(const KnowledgeGraph &graph, const GraphLayout::Options &options)
{
    return options.communities.size() == graph.nodeCount()
        && std::all_of(options.communities.cbegin(), options.communities.cend(), [](int c) { return c >= 0; });
}

// The caller's communities when they fit the graph, else Leiden's (the analytics' own code path,
// so the layout groups exactly what the views colour).
QList<int> communitiesOf(const KnowledgeGraph &graph, const CancellationToken &token,
                         const GraphLayout::Options &options)
{
    if (givesCommunities(graph, options))
        return options.communities;
    GraphAnalytics::Options analytics;
    analytics.metrics = GraphAnalytics::Metric::Communities;
    return GraphAnalytics::compute(graph, token, analytics).community;
}

} // namespace

QList<QPointF> GraphLayout::compute(const KnowledgeGraph &graph, const CancellationToken &token, const Options &options,
                                    const Progress &progress)
{
    token.throwIfCancelled();
    const int n = graph.nodeCount();
    if (n <= 1) {
        if (progress)
            progress(1.0);
        return QList<QPointF>(n, QPointF(0, 0));
    }

    QList<QPointF> positions;
    if (methodFor(graph, options) == Method::Communities) {
        // Finding communities reports no progress: count it as the first tenth when it runs.
        const bool known = givesCommunities(graph, options);
        const QList<int> communities = communitiesOf(graph, token, options);
        const double start = known ? 0.0 : 0.1;
        if (progress && !known)
            progress(start);
        const bool several =
            std::any_of(communities.cbegin(), communities.cend(), [&](int c) { return c != communities.first(); });
        if (several) {
            CommunityLayout::Options layout;
            layout.iterations = options.iterations;
            layout.seed = options.seed;
            const auto forward = [&progress, start](double done) { progress(start + (1 - start) * done); };
            positions =
                CommunityLayout::compute(graph, communities, token, layout, progress ? Progress(forward) : Progress());
        }
    }
    if (positions.isEmpty())
        positions = forceDirected(graph, token, options, progress);
    token.throwIfCancelled();
    if (progress)
        progress(1.0);
    return positions;
}

void GraphLayout::saveLayout(ProjectStore &store, const KnowledgeGraph &graph, const QList<QPointF> &positions)
{
    if (positions.size() != graph.nodeCount())
        throw std::invalid_argument("GraphLayout::saveLayout: one position per node expected");
    QList<EntityPosition> rows;
    rows.reserve(positions.size());
    for (int i = 0; i < graph.nodeCount(); ++i) {
        if (hasPosition(positions.at(i)))
            rows.append({graph.node(i).id, positions.at(i).x(), positions.at(i).y()});
    }
    EntityPositionTable(store).save(rows);
}

QList<QPointF> GraphLayout::loadLayout(ProjectStore &store, const KnowledgeGraph &graph)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QList<QPointF> positions(graph.nodeCount(), QPointF(nan, nan));
    for (const EntityPosition &stored : EntityPositionTable(store).load()) {
        const int index = graph.indexOf(stored.entityId);
        if (index >= 0)
            positions[index] = QPointF(stored.x, stored.y);
    }
    return positions;
}

GraphLayout::Method GraphLayout::methodFor(const KnowledgeGraph &graph, const Options &options)
{
    if (options.method != Method::Automatic)
        return options.method;
    return graph.nodeCount() >= communityLayoutMinNodes ? Method::Communities : Method::ForceDirected;
}

int GraphLayout::iterationsFor(const KnowledgeGraph &graph, const Options &options)
{
    if (options.iterations > 0)
        return options.iterations;
    return std::clamp(5'000'000 / std::max(1, graph.nodeCount()), 50, 500);
}

bool GraphLayout::hasPosition(QPointF point)
{
    return std::isfinite(point.x()) && std::isfinite(point.y());
}

} // namespace gw
