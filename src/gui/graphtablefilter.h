#pragma once

#include <QList>
#include <QSortFilterProxyModel>
#include <QVariant>

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

    void setSourceModel(QAbstractItemModel *model) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // Compares the sort column's keys, read once per sort rather than twice per comparison:
    // sorting 40,000 rows asks about a million times (a curation edit re-sorts them).
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    mutable QList<QVariant> m_keys; // the sort role of every source row, in m_keysColumn
    mutable int m_keysColumn = -1;  // -1: none read
    const int m_searchRole;
    const int m_typeRole;
    QString m_text;
    QString m_type;
};

} // namespace gw
