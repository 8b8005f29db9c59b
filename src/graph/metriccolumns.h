#pragma once
// The per-node analytics of a NodeMetrics as named, typed columns, in one fixed order, so every
// export format declares and writes the same attributes. Only computed metrics are columns, except
// the degree: it is cheap and exact, so it is counted from the graph when it was not given.
#include "graph/nodemetrics.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace gw {

class KnowledgeGraph;

class MetricColumns
{
public:
    struct Column
    {
        QString name;   // "degree", "weighted_degree", "pagerank", ...
        bool isInteger; // qint64 values when true, doubles otherwise
        const QList<qint64> *int64 = nullptr;
        const QList<int> *int32 = nullptr;
        const QList<double> *real = nullptr;

        qint64 integerAt(int node) const { return int64 ? int64->at(node) : int32->at(node); }
        double realAt(int node) const { return real->at(node); }
        // The value as export text (shortest round-trip form for doubles).
        QByteArray textAt(int node) const;
    };

    // Throws Error when a computed metric does not have one value per node (metrics of another
    // snapshot of the graph). Keeps pointers into `metrics`: it must outlive this object.
    MetricColumns(const KnowledgeGraph &graph, const NodeMetrics &metrics);
    MetricColumns(const MetricColumns &) = delete; // columns point at m_degree
    MetricColumns &operator=(const MetricColumns &) = delete;

    const QList<Column> &columns() const { return m_columns; }
    const Column *find(const QString &name) const;

private:
    QList<qint64> m_degree; // counted here when the metrics have none
    QList<Column> m_columns;
};

} // namespace gw
