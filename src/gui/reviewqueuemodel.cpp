#include "reviewqueuemodel.h"

namespace gw {

namespace {

ReviewPair::Side sideOf(const GraphNode &node)
{
    return {node.id, node.name, node.type, node.mentions, node.aliasIds};
}

QString label(const ReviewPair::Side &side)
{
    return QStringLiteral("%1 (%2)").arg(side.name, side.type);
}

} // namespace

ReviewQueueModel::ReviewQueueModel(QObject *parent) : QAbstractTableModel(parent) {}

void ReviewQueueModel::setSuggestions(const KnowledgeGraph &graph, const QList<MergeSuggestion> &suggestions)
{
    beginResetModel();
    m_pairs.clear();
    m_pairs.reserve(suggestions.size());
    for (const MergeSuggestion &suggestion : suggestions) {
        if (suggestion.keep < 0 || suggestion.keep >= graph.nodeCount() || suggestion.merge < 0
            || suggestion.merge >= graph.nodeCount())
            continue;
        m_pairs.append({sideOf(graph.node(suggestion.keep)), sideOf(graph.node(suggestion.merge)), suggestion.reason});
    }
    endResetModel();
}

int ReviewQueueModel::rowOf(const QString &key) const
{
    for (int row = 0; row < m_pairs.size(); ++row)
        if (m_pairs.at(row).key() == key)
            return row;
    return -1;
}

void ReviewQueueModel::removePair(int row)
{
    if (row < 0 || row >= m_pairs.size())
        return;
    beginRemoveRows({}, row, row);
    m_pairs.removeAt(row);
    endRemoveRows();
}

int ReviewQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pairs.size());
}

int ReviewQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReviewPair &pair = m_pairs.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case MergeColumn:
            return label(pair.merge);
        case KeepColumn:
            return label(pair.keep);
        case ReasonColumn:
            return pair.reason;
        }
    } else if (role == Qt::ToolTipRole) {
        return tr("Merge %1 (%n mentions) into %2", nullptr, int(pair.merge.mentions))
            .arg(label(pair.merge), label(pair.keep));
    }
    return {};
}

QVariant ReviewQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MergeColumn:
        return tr("Merge");
    case KeepColumn:
        return tr("Into");
    case ReasonColumn:
        return tr("Reason");
    }
    return {};
}

} // namespace gw
