#pragma once

#include "graph/knowledgegraph.h"
#include "graph/nodemetrics.h"

#include <QAbstractTableModel>

namespace gw {

// The entities of a KnowledgeGraph snapshot as a table, one row per node in node order (row ==
// node index), with the analytics of NodeMetrics beside them. A new snapshot replaces the old
// one with a model reset; the snapshot is never read by another thread once given.
class EntityTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        TypeColumn,
        MentionsColumn,
        DocumentsColumn,
        DegreeColumn,
        PageRankColumn,
        CommunityColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // numbers as numbers, names case-folded
        EntityIdRole,                // QString
        NodeIndexRole,               // int, index in graph().nodes()
        TypeRole,                    // the entity type, for filters
        SearchTextRole,              // what a text filter matches: name and type
    };

    explicit EntityTableModel(QObject *parent = nullptr);

    void setSnapshot(const KnowledgeGraph &graph, const NodeMetrics &metrics);
    void clear() { setSnapshot({}, {}); }
    const KnowledgeGraph &graph() const { return m_graph; }
    const NodeMetrics &metrics() const { return m_metrics; }
    int rowOf(const QString &entityId) const { return m_graph.indexOf(entityId); }
    QStringList types() const; // distinct entity types, sorted

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant value(int row, int column, bool forSort) const;

    KnowledgeGraph m_graph;
    NodeMetrics m_metrics;
    QList<qint64> m_degree; // counted from the graph when the metrics have none
};

} // namespace gw
