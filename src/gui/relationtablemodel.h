#pragma once

#include "graph/knowledgegraph.h"

#include <QAbstractTableModel>

namespace gw {

// The relations of a KnowledgeGraph snapshot as a table, one row per edge in edge order (row ==
// edge index): source, type, target, weight and the document of the first evidence. Replaced
// with a model reset like EntityTableModel.
class RelationTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SourceColumn, TypeColumn, TargetColumn, WeightColumn, EvidenceColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // numbers as numbers, names case-folded
        EdgeIndexRole,               // int, index in graph().edges()
        SourceIdRole,                // QString entity ids of the two ends
        TargetIdRole,
        TypeRole,       // the relation type, for filters
        SearchTextRole, // what a text filter matches: both names and the type
    };

    explicit RelationTableModel(QObject *parent = nullptr);

    void setGraph(const KnowledgeGraph &graph);
    void clear() { setGraph({}); }
    const KnowledgeGraph &graph() const { return m_graph; }
    QStringList types() const; // distinct relation types, sorted

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    KnowledgeGraph m_graph;
};

} // namespace gw
