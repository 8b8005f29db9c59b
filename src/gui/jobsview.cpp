#include "jobsview.h"

#include "jobsmodel.h"
#include "pipeline/ingestjob.h"
#include "progressdelegate.h"
#include "rowactiondelegate.h"

#include <QAction>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace gw {

namespace {

QAction *makeAction(QWidget *owner, QStyle::StandardPixmap icon, const QString &text, const QString &toolTip)
{
    auto *action = new QAction(owner->style()->standardIcon(icon), text, owner);
    action->setToolTip(toolTip);
    // Shortcuts act on this view only, never on a sibling view that happens to have focus.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    return action;
}

// The longest state name in the interface language: which one it is differs between languages.
QString widestStateText(const QFontMetrics &metrics)
{
    QString widest;
    for (DocumentState state :
         {DocumentState::Queued, DocumentState::Reading, DocumentState::Parsing, DocumentState::Chunking,
          DocumentState::Extracting, DocumentState::Storing, DocumentState::Done, DocumentState::Failed,
          DocumentState::Skipped, DocumentState::Cancelled}) {
        const QString text = JobsModel::stateText(state);
        if (metrics.horizontalAdvance(text) > metrics.horizontalAdvance(widest))
            widest = text;
    }
    return widest;
}

} // namespace

JobsView::JobsView(QWidget *parent)
    : QWidget(parent), m_model(new JobsModel(this)), m_proxy(new QSortFilterProxyModel(this))
{
    m_cancel =
        makeAction(this, QStyle::SP_DialogCancelButton, tr("&Cancel"), tr("Cancel the selected documents (Delete)"));
    m_cancel->setShortcut(QKeySequence::Delete);
    m_retry = makeAction(this, QStyle::SP_BrowserReload, tr("&Retry"),
                         tr("Ingest the selected failed or cancelled documents again (Ctrl+R)"));
    m_retry->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_cancelAll = makeAction(this, QStyle::SP_BrowserStop, tr("Cancel &All"),
                             tr("Cancel every queued and running document; finished ones are kept"));
    m_clearFinished = makeAction(this, QStyle::SP_DialogResetButton, tr("Clear &Finished"),
                                 tr("Remove done, failed, skipped and cancelled documents from the list"));
    addActions({m_cancel, m_retry, m_cancelAll, m_clearFinished});
    connect(m_cancel, &QAction::triggered, this, &JobsView::cancelSelected);
    connect(m_retry, &QAction::triggered, this, &JobsView::retrySelected);
    connect(m_cancelAll, &QAction::triggered, this, &JobsView::cancelAll);
    connect(m_clearFinished, &QAction::triggered, this, &JobsView::clearFinished);

    m_toolBar = new QToolBar(tr("Jobs"), this);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addActions({m_cancel, m_retry});
    m_toolBar->addSeparator();
    m_toolBar->addActions({m_cancelAll, m_clearFinished});

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(JobsModel::SortRole);

    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setItemDelegateForColumn(JobsModel::ProgressColumn, new ProgressDelegate(m_table));
    auto *rowActions = new RowActionDelegate(m_table);
    m_table->setItemDelegateForColumn(JobsModel::ActionColumn, rowActions);
    connect(rowActions, &RowActionDelegate::clicked, this, &JobsView::actOnRow);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle); // keeps both the start and the extension of long names
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    // Fixed widths from the font, not ResizeToContents: that would measure every row at every sample.
    QHeaderView *header = m_table->horizontalHeader();
    const QFontMetrics metrics = m_table->fontMetrics();
    const QString widest[] = {QStringLiteral("a-rather-long-file-name.pdf"),
                              tr("Markdown"),
                              QStringLiteral("999.9 MB"),
                              widestStateText(metrics),
                              JobsModel::tr("stopped at %1 %").arg(100),
                              QStringLiteral("00:00")};
    for (int column = 0; column < int(std::size(widest)); ++column) {
        const int content = metrics.horizontalAdvance(widest[column])
            + (column == JobsModel::StateColumn ? 40 : 16); // + the state colour swatch
        const int title =
            metrics.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString()) + 28; // + sort arrow
        header->resizeSection(column, std::max(content, title));
    }
    header->resizeSection(
        JobsModel::ActionColumn,
        std::max(metrics.horizontalAdvance(JobsModel::tr("Cancel")), metrics.horizontalAdvance(JobsModel::tr("Retry")))
            + 30);
    header->setSectionResizeMode(JobsModel::ActionColumn, QHeaderView::Fixed);
    header->setStretchLastSection(true);
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::AscendingOrder); // the job's own order until a header is clicked
    m_table->setSortingEnabled(true);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_table->addActions({m_cancel, m_retry, separator, m_cancelAll, m_clearFinished});

    m_summary = new QLabel(this);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setText(m_model->summaryText());
    connect(m_model, &JobsModel::summaryChanged, m_summary, &QLabel::setText);

    m_details = new QPlainTextEdit(this);
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Select a document to see its path, state and any error in full."));

    auto *tableArea = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tableArea);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_table);
    tableLayout->addWidget(m_summary);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(tableArea);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toolBar);
    layout->addWidget(splitter);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &JobsView::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &JobsView::updateDetails);
    // Sampled model: these arrive at most ~10 times a second, whatever the workers do.
    const auto modelChanged = [this] {
        updateActions();
        updateDetails();
    };
    connect(m_model, &JobsModel::modelReset, this, modelChanged);
    connect(m_model, &JobsModel::rowsInserted, this, modelChanged);
    connect(m_model, &JobsModel::dataChanged, this, modelChanged);
    connect(m_model, &JobsModel::summaryChanged, this, &JobsView::updateActions);
    updateActions();
}

JobsView::~JobsView() = default;

void JobsView::setJob(IngestJob *job)
{
    if (IngestJob *previous = m_model->job())
        disconnect(previous, &IngestJob::idle, this, &JobsView::updateActions);
    m_model->setJob(job);
    // Going idle may change no row and no count the sampled model shows (the last document was
    // already sampled as done), yet Cancel All must turn off.
    if (job)
        connect(job, &IngestJob::idle, this, &JobsView::updateActions);
    updateActions();
    updateDetails();
}

IngestJob *JobsView::job() const
{
    return m_model->job();
}

QList<int> JobsView::selectedSourceRows() const
{
    QList<int> rows;
    const auto selected = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows << m_proxy->mapToSource(index).row();
    return rows;
}

QList<quint64> JobsView::selectedDocumentIds() const
{
    QList<quint64> ids;
    for (int row : selectedSourceRows())
        ids << m_model->document(row).id;
    return ids;
}

void JobsView::actOnRow(const QModelIndex &proxyIndex)
{
    IngestJob *job = m_model->job();
    if (!job)
        return;
    const DocumentSnapshot &document = m_model->document(m_proxy->mapToSource(proxyIndex).row());
    if (document.state == DocumentState::Failed || document.state == DocumentState::Cancelled)
        job->retryDocument(document.id);
    else if (!isFinished(document.state))
        job->cancelDocument(document.id);
    m_model->refresh();
}

void JobsView::cancelSelected()
{
    IngestJob *job = m_model->job();
    if (!job)
        return;
    for (quint64 id : selectedDocumentIds())
        job->cancelDocument(id);
    m_model->refresh(); // show the effect now, not at the next sample
}

void JobsView::retrySelected()
{
    IngestJob *job = m_model->job();
    if (!job)
        return;
    for (int row : selectedSourceRows()) {
        const DocumentSnapshot &document = m_model->document(row);
        if (document.state == DocumentState::Failed || document.state == DocumentState::Cancelled)
            job->retryDocument(document.id);
    }
    m_model->refresh();
}

void JobsView::cancelAll()
{
    if (IngestJob *job = m_model->job()) {
        job->cancel();
        m_model->refresh();
    }
}

void JobsView::clearFinished()
{
    if (IngestJob *job = m_model->job()) {
        job->clearFinished(); // documentsRemoved resets the model
        m_model->refresh();
    }
}

void JobsView::updateActions()
{
    bool canCancel = false;
    bool canRetry = false;
    for (int row : selectedSourceRows()) {
        const DocumentState state = m_model->document(row).state;
        canCancel = canCancel || !isFinished(state);
        canRetry = canRetry || state == DocumentState::Failed || state == DocumentState::Cancelled;
    }
    IngestJob *job = m_model->job();
    const IngestCounts counts = job ? job->counts() : IngestCounts{};
    m_cancel->setEnabled(canCancel);
    m_retry->setEnabled(canRetry);
    m_cancelAll->setEnabled(job && !job->isIdle());
    m_clearFinished->setEnabled(counts.done + counts.failed + counts.skipped + counts.cancelled > 0);
}

void JobsView::updateDetails()
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    QString text;
    if (current.isValid()) {
        const DocumentSnapshot &document = m_model->document(current.row());
        const QLocale locale;
        QStringList lines;
        lines << tr("Path: %1").arg(QDir::toNativeSeparators(document.path));
        lines << tr("State: %1").arg(JobsModel::stateText(document.state));
        lines << tr("Format: %1 · Size: %2")
                     .arg(m_model->index(current.row(), JobsModel::FormatColumn).data().toString(),
                          m_model->index(current.row(), JobsModel::SizeColumn).data().toString());
        const QString elapsed = m_model->index(current.row(), JobsModel::ElapsedColumn).data().toString();
        if (!elapsed.isEmpty())
            lines << tr("Elapsed: %1").arg(elapsed);
        if (document.state == DocumentState::Done)
            lines
                << tr("Words: %1 · Chunks: %2").arg(locale.toString(document.words), locale.toString(document.chunks));
        if (!document.message.isEmpty())
            lines
                << (document.state == DocumentState::Failed ? tr("Error: %1") : tr("Reason: %1")).arg(document.message);
        text = lines.join(QLatin1Char('\n'));
    }
    // Only when it changed: resetting the text would drop what the person has selected in it.
    if (m_details->toPlainText() != text)
        m_details->setPlainText(text);
}

} // namespace gw
