#pragma once

#include "store/documentlistreader.h"

#include <QAbstractTableModel>

namespace gw {

// The project's documents as a table (DocumentListReader::summaries), one row per document in
// the order given. A new list replaces the old one with a model reset. Sorted and filtered by a
// GraphTableFilter on its roles (the type filter there is the state: "done" or "failed").
class DocumentListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        FormatColumn,
        SizeColumn,
        WordsColumn,
        EntitiesColumn,
        StateColumn,
        IngestedColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // numbers as numbers, names case-folded, times as times
        DocumentIdRole,              // qint64
        PathRole,                    // QString
        StateRole,                   // "done" or "failed" (storedStateName), for filters
        SearchTextRole,              // what a text filter matches: path, format and state
    };

    explicit DocumentListModel(QObject *parent = nullptr);

    void setDocuments(const QList<DocumentSummary> &documents);
    void clear() { setDocuments({}); }
    const QList<DocumentSummary> &documents() const { return m_documents; }
    int rowOfPath(const QString &path) const; // -1 when not listed

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<DocumentSummary> m_documents;
};

} // namespace gw
