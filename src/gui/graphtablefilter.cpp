#include "graphtablefilter.h"

namespace gw {

GraphTableFilter::GraphTableFilter(int sortRole, int searchRole, int typeRole, QObject *parent)
    : QSortFilterProxyModel(parent), m_searchRole(searchRole), m_typeRole(typeRole)
{
    setSortRole(sortRole);
    setDynamicSortFilter(false); // snapshots are replaced whole: a reset re-sorts anyway
}

void GraphTableFilter::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    refilter();
}

void GraphTableFilter::refilter()
{
    // invalidate(), not invalidateFilter(): the latter tells the view of every run of rows that
    // left or came back, one signal each, and on 32,000 rows the first letter typed took 470 ms;
    // one layout change costs a tenth of that.
    invalidate();
}

void GraphTableFilter::setType(const QString &type)
{
    if (type == m_type)
        return;
    m_type = type;
    refilter();
}

void GraphTableFilter::setSourceModel(QAbstractItemModel *model)
{
    if (sourceModel())
        disconnect(sourceModel(), nullptr, this, nullptr);
    m_keysColumn = -1;
    // Before the proxy hears of the change (it sorts again on a reset): the keys are stale then.
    if (model) {
        const auto forget = [this] { m_keysColumn = -1; };
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this, forget);
        connect(model, &QAbstractItemModel::dataChanged, this, forget);
        connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, forget);
        connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, forget);
        connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, forget);
    }
    QSortFilterProxyModel::setSourceModel(model);
}

bool GraphTableFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QAbstractItemModel *source = sourceModel();
    if (left.parent().isValid() || left.column() != right.column())
        return QSortFilterProxyModel::lessThan(left, right);
    if (m_keysColumn != left.column() || m_keys.size() != source->rowCount()) {
        m_keys.resize(source->rowCount());
        for (int row = 0; row < m_keys.size(); ++row)
            m_keys[row] = source->index(row, left.column()).data(sortRole());
        m_keysColumn = left.column();
    }
    const QVariant &a = m_keys.at(left.row()), &b = m_keys.at(right.row());
    if (a.typeId() == QMetaType::QString && b.typeId() == QMetaType::QString)
        return QString::compare(a.toString(), b.toString(), sortCaseSensitivity()) < 0;
    const QPartialOrdering order = QVariant::compare(a, b);
    if (order != QPartialOrdering::Unordered)
        return order == QPartialOrdering::Less;
    return QSortFilterProxyModel::lessThan(left, right);
}

bool GraphTableFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_type.isEmpty() && index.data(m_typeRole).toString() != m_type)
        return false;
    return m_text.isEmpty() || index.data(m_searchRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace gw
