#include "relationtablemodel.h"

#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace gw {

RelationTableModel::RelationTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void RelationTableModel::setGraph(const KnowledgeGraph &graph)
{
    beginResetModel();
    m_graph = graph;
    endResetModel();
}

QStringList RelationTableModel::types() const
{
    QSet<QString> seen;
    for (const GraphEdge &edge : m_graph.edges())
        seen.insert(edge.type);
    QStringList out(seen.begin(), seen.end());
    std::sort(out.begin(), out.end());
    return out;
}

int RelationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_graph.edgeCount();
}

int RelationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RelationTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GraphEdge &edge = m_graph.edge(index.row());
    const GraphNode &source = m_graph.node(edge.source);
    const GraphNode &target = m_graph.node(edge.target);
    switch (role) {
    case Qt::DisplayRole:
    case SortRole: {
        const bool forSort = role == SortRole;
        switch (index.column()) {
        case SourceColumn:
            return forSort ? source.name.toCaseFolded() : source.name;
        case TypeColumn:
            return edge.type;
        case TargetColumn:
            return forSort ? target.name.toCaseFolded() : target.name;
        case WeightColumn:
            return forSort ? QVariant(edge.weight) : QVariant(QString::number(edge.weight, 'g', 6));
        case EvidenceColumn:
            // The file name reads better; the tooltip has the whole path. A relation added by
            // hand has the person's note instead.
            if (edge.evidence.documentPath.isEmpty() && !edge.evidence.trigger.isEmpty())
                return tr("by hand: %1").arg(edge.evidence.trigger);
            return forSort ? edge.evidence.documentPath : QFileInfo(edge.evidence.documentPath).fileName();
        }
        return {};
    }
    case Qt::ToolTipRole:
        if (index.column() == EvidenceColumn && !edge.evidence.documentPath.isEmpty())
            return edge.evidence.documentPath;
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == WeightColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case EdgeIndexRole:
        return index.row();
    case SourceIdRole:
        return source.id;
    case TargetIdRole:
        return target.id;
    case TypeRole:
        return edge.type;
    case SearchTextRole:
        return QString(source.name + QLatin1Char(' ') + edge.type + QLatin1Char(' ') + target.name);
    }
    return {};
}

QVariant RelationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SourceColumn:
        return tr("Source");
    case TypeColumn:
        return tr("Relation");
    case TargetColumn:
        return tr("Target");
    case WeightColumn:
        return tr("Weight");
    case EvidenceColumn:
        return tr("Evidence document");
    }
    return {};
}

} // namespace gw
