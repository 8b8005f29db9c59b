#pragma once

#include <QSortFilterProxyModel>

namespace gw {

// Sort and filter for the entity and relation tables: sorts by the source model's SortRole and
// keeps the rows whose SearchTextRole contains the text (ignoring case) and whose TypeRole is the
// chosen type (any type when empty). The roles are given, so one class serves both models.
class GraphTableFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    GraphTableFilter(int sortRole, int searchRole, int typeRole, QObject *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setType(const QString &type); // empty: every type
    QString type() const { return m_type; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    const int m_searchRole;
    const int m_typeRole;
    QString m_text;
    QString m_type;
};

} // namespace gw
