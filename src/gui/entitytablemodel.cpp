#include "entitytablemodel.h"

#include <QSet>

#include <algorithm>

namespace gw {

EntityTableModel::EntityTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void EntityTableModel::setSnapshot(const KnowledgeGraph &graph, const NodeMetrics &metrics)
{
    beginResetModel();
    m_graph = graph;
    m_metrics = metrics;
    m_degree.clear();
    if (m_metrics.degree.size() != m_graph.nodeCount()) {
        // Cheap and exact: count it rather than show an empty column.
        m_degree.fill(0, m_graph.nodeCount());
        for (const GraphEdge &edge : m_graph.edges()) {
            ++m_degree[edge.source];
            if (edge.target != edge.source)
                ++m_degree[edge.target];
        }
    }
    endResetModel();
}

QStringList EntityTableModel::types() const
{
    QSet<QString> seen;
    for (const GraphNode &node : m_graph.nodes())
        seen.insert(node.type);
    QStringList out(seen.begin(), seen.end());
    std::sort(out.begin(), out.end());
    return out;
}

int EntityTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_graph.nodeCount();
}

int EntityTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EntityTableModel::value(int row, int column, bool forSort) const
{
    const GraphNode &node = m_graph.node(row);
    switch (column) {
    case NameColumn:
        return forSort ? QVariant(node.name.toCaseFolded()) : QVariant(node.name);
    case TypeColumn:
        return node.type;
    case MentionsColumn:
        return node.mentions;
    case DocumentsColumn:
        return node.documents;
    case DegreeColumn:
        return m_degree.isEmpty() ? m_metrics.degree.at(row) : m_degree.at(row);
    case PageRankColumn:
        if (m_metrics.pagerank.size() != m_graph.nodeCount())
            return forSort ? QVariant(0.0) : QVariant();
        return forSort ? QVariant(m_metrics.pagerank.at(row))
                       : QVariant(QString::number(m_metrics.pagerank.at(row), 'g', 4));
    case CommunityColumn:
        if (m_metrics.community.size() != m_graph.nodeCount())
            return forSort ? QVariant(-1) : QVariant();
        return m_metrics.community.at(row);
    }
    return {};
}

QVariant EntityTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole:
        return value(row, index.column(), false);
    case SortRole:
        return value(row, index.column(), true);
    case Qt::TextAlignmentRole:
        return index.column() >= MentionsColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::ToolTipRole:
        return index.column() == NameColumn ? QVariant(m_graph.node(row).id) : QVariant();
    case EntityIdRole:
        return m_graph.node(row).id;
    case NodeIndexRole:
        return row;
    case TypeRole:
        return m_graph.node(row).type;
    case SearchTextRole:
        return QString(m_graph.node(row).name + QLatin1Char(' ') + m_graph.node(row).type);
    }
    return {};
}

QVariant EntityTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case MentionsColumn:
        return tr("Mentions");
    case DocumentsColumn:
        return tr("Documents");
    case DegreeColumn:
        return tr("Degree");
    case PageRankColumn:
        return tr("PageRank");
    case CommunityColumn:
        return tr("Community");
    }
    return {};
}

} // namespace gw
