#include "nodemetrics.h"

namespace gw {

namespace {

template<typename T>
QList<T> pick(const QList<T> &values, const QList<int> &from)
{
    if (values.isEmpty())
        return {};
    QList<T> out(from.size(), T{});
    for (qsizetype i = 0; i < from.size(); ++i)
        if (from.at(i) >= 0 && from.at(i) < values.size())
            out[i] = values.at(from.at(i));
    return out;
}

} // namespace

NodeMetrics NodeMetrics::remapped(const QList<int> &from) const
{
    NodeMetrics out;
    out.degree = pick(degree, from);
    out.weightedDegree = pick(weightedDegree, from);
    out.pagerank = pick(pagerank, from);
    out.community = pick(community, from);
    out.component = pick(component, from);
    out.betweenness = pick(betweenness, from);
    out.coreness = pick(coreness, from);
    return out;
}

} // namespace gw
