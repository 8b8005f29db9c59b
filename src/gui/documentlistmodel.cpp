#include "documentlistmodel.h"

#include <QFileInfo>
#include <QLocale>

namespace gw {

DocumentListModel::DocumentListModel(QObject *parent) : QAbstractTableModel(parent) {}

void DocumentListModel::setDocuments(const QList<DocumentSummary> &documents)
{
    beginResetModel();
    m_documents = documents;
    endResetModel();
}

int DocumentListModel::rowOfPath(const QString &path) const
{
    for (int row = 0; row < m_documents.size(); ++row)
        if (m_documents.at(row).path == path)
            return row;
    return -1;
}

int DocumentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_documents.size());
}

int DocumentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DocumentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DocumentSummary &document = m_documents.at(index.row());
    const bool failed = document.state == StoredState::Failed;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return QFileInfo(document.path).fileName();
        case FormatColumn:
            return document.format;
        case SizeColumn:
            return QLocale().formattedDataSize(document.sizeBytes);
        case WordsColumn:
            return failed ? QVariant() : QVariant(QLocale().toString(document.words));
        case EntitiesColumn:
            return failed ? QVariant() : QVariant(QLocale().toString(document.entities));
        case StateColumn:
            if (failed)
                return tr("failed");
            return document.error.isEmpty() ? tr("done") : tr("done (last attempt failed)");
        case IngestedColumn:
            return QLocale().toString(document.ingestedAt.toLocalTime(), QLocale::ShortFormat);
        }
        return {};
    case SortRole:
        switch (column) {
        case NameColumn:
            return QFileInfo(document.path).fileName().toCaseFolded();
        case FormatColumn:
            return document.format;
        case SizeColumn:
            return document.sizeBytes;
        case WordsColumn:
            return document.words;
        case EntitiesColumn:
            return document.entities;
        case StateColumn:
            return storedStateName(document.state) + (document.error.isEmpty() ? QString() : QStringLiteral("!"));
        case IngestedColumn:
            return document.ingestedAt;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == StateColumn && !document.error.isEmpty())
            return document.error;
        if (column == EntitiesColumn && !failed)
            return tr("%n distinct entities, ", nullptr, int(document.entities))
                + tr("%n mentions", nullptr, int(document.mentions));
        if (column == NameColumn)
            return document.path;
        return {};
    case Qt::TextAlignmentRole:
        if (column == SizeColumn || column == WordsColumn || column == EntitiesColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case DocumentIdRole:
        return document.id;
    case PathRole:
        return document.path;
    case StateRole:
        return storedStateName(document.state);
    case SearchTextRole:
        return document.path + QLatin1Char(' ') + document.format + QLatin1Char(' ') + storedStateName(document.state);
    }
    return {};
}

QVariant DocumentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case FormatColumn:
        return tr("Format");
    case SizeColumn:
        return tr("Size");
    case WordsColumn:
        return tr("Words");
    case EntitiesColumn:
        return tr("Entities");
    case StateColumn:
        return tr("State");
    case IngestedColumn:
        return tr("Ingested");
    }
    return {};
}

} // namespace gw
