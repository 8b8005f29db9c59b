#include "documentsview.h"

#include "documentlistmodel.h"
#include "documentreader.h"
#include "graphtablefilter.h"
#include "pipeline/projectgraph.h"

#include <QAction>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace gw {

DocumentsView::DocumentsView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("documentFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter documents by name, folder, format or state"));
    m_filterEdit->setClearButtonEnabled(true);
    bar->addWidget(m_filterEdit, 1);
    m_countLabel = new QLabel(this);
    bar->addWidget(m_countLabel);
    layout->addLayout(bar);

    m_model = new DocumentListModel(this);
    m_filter = new GraphTableFilter(DocumentListModel::SortRole, DocumentListModel::SearchTextRole,
                                    DocumentListModel::StateRole, this);
    m_filter->setSourceModel(m_model);
    m_filter->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_table = new QTableView(m_splitter);
    m_table->setObjectName(QStringLiteral("documentTable"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(DocumentListModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(DocumentListModel::NameColumn, QHeaderView::Stretch);
    for (int column = DocumentListModel::FormatColumn; column < DocumentListModel::ColumnCount; ++column)
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_reader = new DocumentReader(m_splitter);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_reader);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    layout->addWidget(m_splitter, 1);

    m_openAction = new QAction(tr("&Open in Reader"), this);
    m_openAction->setObjectName(QStringLiteral("actionOpenDocument"));
    m_removeAction = new QAction(QIcon::fromTheme(QStringLiteral("edit-delete")), tr("&Remove from Project…"), this);
    m_removeAction->setObjectName(QStringLiteral("actionRemoveDocuments"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetShortcut); // the list's Delete, not the reader's
    m_table->addAction(m_openAction);
    m_table->addAction(m_removeAction);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setText(text);
        updateCount();
    });
    connect(m_table, &QAbstractItemView::activated, this, [this] { openCurrent(); });
    connect(m_openAction, &QAction::triggered, this, &DocumentsView::openCurrent);
    connect(m_removeAction, &QAction::triggered, this, &DocumentsView::removeSelectedDialog);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DocumentsView::updateActions);
    connect(m_reader, &DocumentReader::entityActivated, this, &DocumentsView::entityActivated);
    // F3 and Shift+F3 walk the mentions from the list too (the reader's actions, in this tab).
    addAction(m_reader->nextAction());
    addAction(m_reader->previousAction());
    updateCount();
    updateActions();
}

DocumentsView::~DocumentsView() = default;

void DocumentsView::setProjectGraph(std::shared_ptr<ProjectGraph> project)
{
    m_loads.supersede();
    m_loading = false;
    m_project = std::move(project);
    m_reader->setProjectGraph(m_project);
    m_model->clear();
    updateCount();
    refresh();
}

void DocumentsView::refresh()
{
    if (m_project)
        load(m_project);
}

QCoro::Task<> DocumentsView::load(std::shared_ptr<ProjectGraph> project)
{
    QPointer<DocumentsView> self(this);
    const LatestOnly::Ticket ticket = m_loads.start();
    m_loading = true;
    updateCount();
    const JobResult<QList<DocumentSummary>> documents = co_await project->documents();
    if (!self || !ticket.isLatest() || documents.end == JobEnd::Superseded)
        co_return;
    m_loads.finish(ticket);
    m_loading = false;
    if (!documents.finished()) {
        if (documents.end == JobEnd::Failed)
            Q_EMIT statusMessage(tr("Cannot list the documents: %1").arg(documents.error));
        updateCount();
        co_return;
    }
    // The selection and the current row are kept across the reset, by path.
    const QStringList selected = selectedPaths();
    const QString current = m_table->currentIndex().data(DocumentListModel::PathRole).toString();
    m_model->setDocuments(*documents.value);
    const Qt::SortOrder order = m_table->horizontalHeader()->sortIndicatorOrder();
    m_filter->sort(m_table->horizontalHeader()->sortIndicatorSection(), order);
    QItemSelection selection;
    for (const QString &path : selected) {
        const int row = m_model->rowOfPath(path);
        if (row >= 0)
            selection.select(m_filter->mapFromSource(m_model->index(row, 0)),
                             m_filter->mapFromSource(m_model->index(row, DocumentListModel::ColumnCount - 1)));
    }
    if (const int row = m_model->rowOfPath(current); row >= 0)
        m_table->selectionModel()->setCurrentIndex(m_filter->mapFromSource(m_model->index(row, 0)),
                                                   QItemSelectionModel::NoUpdate);
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    // The document read was removed (or ingested again under a new id): say so.
    if (m_reader->documentId() != 0) {
        const QList<DocumentSummary> &documents = m_model->documents();
        const bool stillThere = std::any_of(documents.cbegin(), documents.cend(), [this](const DocumentSummary &d) {
            return d.id == m_reader->documentId();
        });
        if (!stillThere)
            m_reader->clear(tr("The document read here is no longer in the project."));
    }
    updateCount();
    updateActions();
    Q_EMIT listed();
}

void DocumentsView::updateCount()
{
    const int all = m_model->rowCount();
    const int shown = m_filter->rowCount();
    QString text = shown == all ? tr("%n document(s)", nullptr, all)
                                : tr("%1 of %n document(s)", nullptr, all).arg(QLocale().toString(shown));
    if (m_loading)
        text = all == 0 ? tr("Reading the documents…") : text + QStringLiteral(" · ") + tr("reading…");
    m_countLabel->setText(text);
}

void DocumentsView::updateActions()
{
    const bool any = m_table->selectionModel()->hasSelection();
    m_openAction->setEnabled(any);
    m_removeAction->setEnabled(any);
}

QStringList DocumentsView::selectedPaths() const
{
    QStringList paths;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        paths << index.data(DocumentListModel::PathRole).toString();
    return paths;
}

void DocumentsView::openCurrent()
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid())
        return;
    if (index.siblingAtColumn(DocumentListModel::StateColumn).data(DocumentListModel::StateRole).toString()
        != storedStateName(StoredState::Done)) {
        m_reader->clear(
            tr("%1 could not be ingested: %2")
                .arg(index.siblingAtColumn(DocumentListModel::NameColumn).data().toString(),
                     index.siblingAtColumn(DocumentListModel::StateColumn).data(Qt::ToolTipRole).toString()));
        return;
    }
    openDocument(index.data(DocumentListModel::DocumentIdRole).toLongLong(),
                 index.data(DocumentListModel::PathRole).toString());
}

void DocumentsView::openDocument(qint64 documentId, const QString &path, qint64 selectStart, qint64 selectEnd)
{
    const int row = m_model->rowOfPath(path);
    if (row >= 0 && m_table->currentIndex().data(DocumentListModel::PathRole).toString() != path) {
        const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
        if (index.isValid()) {
            m_table->selectionModel()->setCurrentIndex(index,
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_table->scrollTo(index);
        }
    }
    m_reader->open(documentId, path, selectStart, selectEnd);
}

void DocumentsView::removeSelectedDialog()
{
    const QStringList paths = selectedPaths();
    if (paths.isEmpty() || !m_project)
        return;
    constexpr int named = 8;
    QStringList names;
    for (int i = 0; i < paths.size() && i < named; ++i)
        names << QStringLiteral("• ") + QFileInfo(paths.at(i)).fileName();
    if (paths.size() > named)
        names << tr("… and %n more", nullptr, int(paths.size() - named));
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Remove Documents"),
        tr("Remove %n document(s) from the project, with their entities, mentions and relations?", nullptr,
           int(paths.size()))
            + QStringLiteral("\n\n") + names.join(QLatin1Char('\n')) + QStringLiteral("\n\n")
            + tr("This cannot be undone; ingest the file again to get it back. Entities that other documents "
                 "mention stay."),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("removeDocuments"));
    box->setDetailedText(paths.join(QLatin1Char('\n')));
    QPushButton *remove = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QDialog::finished, this, [this, box, remove, paths] {
        if (box->clickedButton() == remove)
            removeDocuments(paths);
    });
    box->open(); // never a nested event loop
}

QCoro::Task<int> DocumentsView::removeDocuments(QStringList paths)
{
    QPointer<DocumentsView> self(this);
    std::shared_ptr<ProjectGraph> project = m_project;
    const QStringList toRemove = paths; // a copy: g++ 12 and coroutine parameters
    if (!project || toRemove.isEmpty())
        co_return 0;
    m_removeAction->setEnabled(false);
    Q_EMIT statusMessage(tr("Removing %n document(s)…", nullptr, int(toRemove.size())));
    const JobResult<int> removed = co_await project->removeDocuments(toRemove);
    if (!self)
        co_return removed.value.value_or(-1);
    const int count = removed.value.value_or(0);
    if (removed.end == JobEnd::Failed) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot remove the documents"), removed.error,
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    } else {
        Q_EMIT statusMessage(tr("%n document(s) removed from the project.", nullptr, count));
    }
    if (count > 0 || removed.end == JobEnd::Failed) {
        if (project == m_project)
            refresh();
        Q_EMIT documentsRemoved(count);
    }
    updateActions();
    co_return removed.end == JobEnd::Failed ? -1 : count;
}

} // namespace gw
