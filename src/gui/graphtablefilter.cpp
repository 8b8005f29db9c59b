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
    invalidateFilter();
}

void GraphTableFilter::setType(const QString &type)
{
    if (type == m_type)
        return;
    m_type = type;
    invalidateFilter();
}

bool GraphTableFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_type.isEmpty() && index.data(m_typeRole).toString() != m_type)
        return false;
    return m_text.isEmpty() || index.data(m_searchRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace gw
