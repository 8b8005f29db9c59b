#include "metriccolumns.h"

#include "core/errors.h"
#include "graph/exportfile.h"
#include "graph/knowledgegraph.h"

#include <QCoreApplication>

namespace gw {

QByteArray MetricColumns::Column::textAt(int node) const
{
    return isInteger ? QByteArray::number(integerAt(node)) : ExportFile::number(realAt(node));
}

MetricColumns::MetricColumns(const KnowledgeGraph &graph, const NodeMetrics &metrics)
{
    const qsizetype nodes = graph.nodeCount();
    const auto check = [nodes](const QString &name, qsizetype size) {
        if (size != 0 && size != nodes)
            throw Error(QCoreApplication::translate("gw::MetricColumns",
                                                    "the %1 values (%2) do not match the graph's %3 nodes; "
                                                    "compute the analytics again")
                            .arg(name)
                            .arg(size)
                            .arg(nodes));
        return size != 0;
    };

    if (check(QStringLiteral("degree"), metrics.degree.size())) {
        m_columns.append({QStringLiteral("degree"), true, &metrics.degree});
    } else {
        m_degree.fill(0, nodes);
        for (const GraphEdge &edge : graph.edges()) {
            ++m_degree[edge.source];
            ++m_degree[edge.target]; // a self-loop counts twice, as igraph counts it
        }
        m_columns.append({QStringLiteral("degree"), true, &m_degree});
    }
    if (check(QStringLiteral("weighted_degree"), metrics.weightedDegree.size()))
        m_columns.append({QStringLiteral("weighted_degree"), false, nullptr, nullptr, &metrics.weightedDegree});
    if (check(QStringLiteral("pagerank"), metrics.pagerank.size()))
        m_columns.append({QStringLiteral("pagerank"), false, nullptr, nullptr, &metrics.pagerank});
    if (check(QStringLiteral("community"), metrics.community.size()))
        m_columns.append({QStringLiteral("community"), true, nullptr, &metrics.community});
    if (check(QStringLiteral("component"), metrics.component.size()))
        m_columns.append({QStringLiteral("component"), true, nullptr, &metrics.component});
    if (check(QStringLiteral("betweenness"), metrics.betweenness.size()))
        m_columns.append({QStringLiteral("betweenness"), false, nullptr, nullptr, &metrics.betweenness});
    if (check(QStringLiteral("coreness"), metrics.coreness.size()))
        m_columns.append({QStringLiteral("coreness"), true, nullptr, &metrics.coreness});
}

const MetricColumns::Column *MetricColumns::find(const QString &name) const
{
    for (const Column &column : m_columns)
        if (column.name == name)
            return &column;
    return nullptr;
}

} // namespace gw
