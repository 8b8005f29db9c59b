#include "graphworkspace.h"

#include "curationcontroller.h"
#include "graph/curationrules.h"
#include "graph/graphanalytics.h"

#include "entitydetailspanel.h"
#include "entitytablemodel.h"
#include "graphpanel.h"
#include "graphtablefilter.h"
#include "graphview.h"
#include "pipeline/projectgraph.h"
#include "relationtablemodel.h"

#include <QAction>
#include <QCheckBox>
#include <QCoroTimer>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QDialogButtonBox>
#include <QDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace gw {

namespace {

// The node of entity `id` in `graph`, or null.
const GraphNode *nodeOf(const KnowledgeGraph &graph, const QString &id)
{
    const int index = graph.indexOf(id);
    return index < 0 ? nullptr : &graph.node(index);
}

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setModel(model);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

GraphWorkspace::GraphWorkspace(QWidget *parent) : QWidget(parent)
{
    m_entityModel = new EntityTableModel(this);
    m_relationModel = new RelationTableModel(this);
    m_entityFilter = new GraphTableFilter(EntityTableModel::SortRole, EntityTableModel::SearchTextRole,
                                          EntityTableModel::TypeRole, this);
    m_entityFilter->setSourceModel(m_entityModel);
    m_relationFilter = new GraphTableFilter(RelationTableModel::SortRole, RelationTableModel::SearchTextRole,
                                            RelationTableModel::TypeRole, this);
    m_relationFilter->setSourceModel(m_relationModel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("graphFilter"));
    m_filter->setPlaceholderText(tr("Filter entities and relations (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_typeCombo = new QComboBox(this);
    m_typeCombo->setToolTip(tr("Show entities of this type only"));
    m_relationTypeCombo = new QComboBox(this);
    m_relationTypeCombo->setToolTip(tr("Show relations of this type only"));
    m_chanceCoOccurrence = new QCheckBox(tr("Chance co-occurrence"), this);
    m_chanceCoOccurrence->setObjectName(QStringLiteral("chanceCoOccurrence"));
    m_chanceCoOccurrence->setToolTip(tr("Also show names seen together in only one sentence (mostly chance: "
                                        "hidden by default, with the typed relations always shown)"));
    m_exportButton = new QPushButton(tr("Export Table…"), this);
    m_exportButton->setToolTip(tr("Write the rows the table shows as CSV"));
    m_statusLabel = new QLabel(this);
    m_progressBar = new QProgressBar(this);
    m_progressBar->setMaximumWidth(180);
    m_progressBar->setTextVisible(false);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setToolTip(tr("Stop loading the graph"));
    bar->addWidget(m_filter, 2);
    bar->addWidget(m_typeCombo);
    bar->addWidget(m_relationTypeCombo);
    bar->addWidget(m_chanceCoOccurrence);
    bar->addWidget(m_exportButton);
    bar->addSpacing(12);
    bar->addWidget(m_statusLabel, 1);
    bar->addWidget(m_progressBar);
    bar->addWidget(m_cancelButton);
    layout->addLayout(bar);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_tableTabs = new QTabWidget(splitter);
    m_entityTable = makeTable(m_entityFilter, m_tableTabs);
    m_entityTable->setObjectName(QStringLiteral("entityTable"));
    m_relationTable = makeTable(m_relationFilter, m_tableTabs);
    m_relationTable->setObjectName(QStringLiteral("relationTable"));
    // The most mentioned entities and the heaviest relations first: what a person looks for.
    m_entityTable->sortByColumn(EntityTableModel::MentionsColumn, Qt::DescendingOrder);
    m_relationTable->sortByColumn(RelationTableModel::WeightColumn, Qt::DescendingOrder);
    m_tableTabs->addTab(m_entityTable, tr("Entities"));
    m_tableTabs->addTab(m_relationTable, tr("Relations"));
    m_entityTable->horizontalHeader()->setSectionResizeMode(EntityTableModel::NameColumn, QHeaderView::Interactive);
    m_entityTable->setColumnWidth(EntityTableModel::NameColumn, 170);

    // The view with its toolbar: search with completion, colour and size, filters, ego network,
    // layout rerun, PNG/SVG export.
    m_graphPanel = new GraphPanel(splitter);
    m_graphPanel->setObjectName(QStringLiteral("graphPanel"));
    m_graphView = m_graphPanel->view();
    m_graphView->setObjectName(QStringLiteral("graphView"));
    m_graphArea = m_graphPanel;

    m_details = new EntityDetailsPanel(splitter);
    splitter->addWidget(m_tableTabs);
    splitter->addWidget(m_graphArea);
    splitter->addWidget(m_details);
    // The graph gets the most room: half, the tables and the details a quarter each.
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 1);
    splitter->setSizes({300, 600, 300});
    layout->addWidget(splitter, 1);

    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, &GraphWorkspace::showProgress);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_entityFilter->setText(text);
        m_relationFilter->setText(text);
    });
    connect(m_typeCombo, &QComboBox::currentIndexChanged, this, [this] { applyTypeFilter(); });
    connect(m_relationTypeCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_relationFilter->setType(m_relationTypeCombo->currentData().toString()); });
    connect(m_chanceCoOccurrence, &QCheckBox::toggled, this, &GraphWorkspace::refresh);
    connect(m_exportButton, &QPushButton::clicked, this, &GraphWorkspace::exportTableDialog);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_project)
            m_project->cancelLoad(tr("cancelled by the user"));
    });
    connect(m_entityTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &GraphWorkspace::onEntityRowChanged);
    connect(m_relationTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &GraphWorkspace::onRelationRowChanged);
    connect(m_graphView, &GraphView::nodeSelected, this, [this](int node) {
        if (!m_syncingSelection && node >= 0 && node < m_graph.nodeCount())
            selectEntity(m_graph.node(node).id);
    });
    connect(m_details, &EntityDetailsPanel::entityActivated, this, [this](const QString &id) {
        m_tableTabs->setCurrentWidget(m_entityTable);
        selectEntity(id);
    });

    // Curation: edits of the selected entities, undoable (Edit menu), kept in the project.
    m_curation = new CurationController(this);
    connect(m_curation, &CurationController::editsChanged, this, [this] {
        ++m_editsChanged;
        showCurated();
    });
    connect(m_curation, &CurationController::failed, this,
            [this](const QString &why) { QMessageBox::warning(this, tr("Cannot change the graph"), why); });
    m_entityTable->setSelectionMode(QAbstractItemView::ExtendedSelection); // merge takes several
    m_mergeAction = new QAction(tr("&Merge Into One…"), this);
    m_mergeAction->setToolTip(tr("Make the selected entities one; the others become its aliases"));
    m_renameAction = new QAction(tr("Re&name…"), this);
    m_renameAction->setShortcut(Qt::Key_F2);
    m_retypeAction = new QAction(tr("Change &Type…"), this);
    m_hideAction = new QAction(tr("&Hide (Not an Entity)"), this);
    m_hideAction->setShortcut(QKeySequence::Delete);
    m_hideAction->setToolTip(tr("Leave the graph; its mentions stay in the documents"));
    m_addRelationAction = new QAction(tr("Add &Relation…"), this);
    m_addRelationAction->setToolTip(
        tr("A relation between the two selected entities, with a note kept as its evidence"));
    m_pathAction = new QAction(tr("Show &Path Between"), this);
    m_pathAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pathAction->setToolTip(tr("The shortest chain of relations between the two selected entities, in the graph"));
    connect(m_pathAction, &QAction::triggered, this, [this] {
        const QStringList ids = selectedEntityIds();
        if (ids.size() == 2)
            showPath(ids.at(0), ids.at(1));
    });
    m_entityTable->addAction(m_pathAction);
    for (QAction *action : {m_mergeAction, m_renameAction, m_retypeAction, m_hideAction, m_addRelationAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_entityTable->addAction(action);
    }
    // The relation table's: delete and change the type of the selected relations.
    m_relationTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_deleteRelationAction = new QAction(tr("&Delete Relation"), this);
    m_deleteRelationAction->setShortcut(QKeySequence::Delete);
    m_retypeRelationAction = new QAction(tr("Change Relation &Type…"), this);
    for (QAction *action : {m_deleteRelationAction, m_retypeRelationAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_relationTable->addAction(action);
    }
    m_relationTable->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_deleteRelationAction, &QAction::triggered, this, &GraphWorkspace::deleteSelectedRelations);
    connect(m_retypeRelationAction, &QAction::triggered, this, &GraphWorkspace::retypeRelationDialog);
    connect(m_addRelationAction, &QAction::triggered, this, &GraphWorkspace::addRelationDialog);
    connect(m_relationTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &GraphWorkspace::updateRelationActions);
    connect(m_relationFilter, &QAbstractItemModel::modelReset, this, &GraphWorkspace::updateRelationActions);
    updateRelationActions();
    connect(m_details, &EntityDetailsPanel::deleteRelationRequested, this,
            [this](const QString &neighbourId, const QString &type, bool outgoing) {
                const GraphNode *shown = nodeOf(m_graph, m_selectedId), *other = nodeOf(m_graph, neighbourId);
                if (!shown || !other)
                    return;
                const GraphNode *source = outgoing ? shown : other, *target = outgoing ? other : shown;
                m_curation->apply(
                    CurationRules::deleteRelation(source->id, target->id, type, {source->name, target->name}));
            });
    // A right click on a node: the entity actions, for it (or for the selection it is part of).
    m_graphView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_graphView, &QWidget::customContextMenuRequested, this, [this](QPoint at) {
        const int node = m_graphView->nodeAt(at);
        if (node < 0 || node >= m_graphView->graph().nodeCount())
            return;
        const QString id = m_graphView->graph().node(node).id;
        if (!selectedEntityIds().contains(id))
            selectEntity(id);
        QMenu menu(this);
        if (m_graphView->isOverviewEnabled())
            addNeighboursMenu(menu, node);
        menu.addActions({m_mergeAction, m_renameAction, m_retypeAction, m_hideAction});
        menu.addSeparator();
        menu.addActions({m_addRelationAction, m_pathAction});
        menu.exec(m_graphView->mapToGlobal(at));
    });
    m_entityTable->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_mergeAction, &QAction::triggered, this, &GraphWorkspace::mergeDialog);
    connect(m_renameAction, &QAction::triggered, this, &GraphWorkspace::renameDialog);
    connect(m_retypeAction, &QAction::triggered, this, &GraphWorkspace::retypeDialog);
    connect(m_hideAction, &QAction::triggered, this, &GraphWorkspace::hideSelected);
    connect(m_entityTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &GraphWorkspace::updateCurationActions);
    connect(m_entityFilter, &QAbstractItemModel::modelReset, this, &GraphWorkspace::updateCurationActions);
    updateCurationActions();

    updateTypeCombos();
    setLoadingUi(false, tr("No project open"));
}

GraphWorkspace::~GraphWorkspace() = default; // running jobs find it gone (QPointer) and show nothing

void GraphWorkspace::setProjectGraph(std::shared_ptr<ProjectGraph> project)
{
    m_project = std::move(project);
    m_curation->setProjectGraph(m_project);
    updateCurationActions();
    m_selectedId.clear();
    m_details->clear();
    applySnapshot({});
    if (m_project)
        refresh();
    else
        setLoadingUi(false, tr("No project open"));
}

QCoro::Task<> GraphWorkspace::closeProject()
{
    QPointer<GraphWorkspace> self(this);
    // The project's jobs (loads, details, a layout rerun, exports) end before it closes.
    if (std::shared_ptr<ProjectGraph> project = m_project)
        co_await project->close();
    if (self)
        setProjectGraph(nullptr);
}

void GraphWorkspace::refresh()
{
    if (m_project)
        load(m_project);
}

QCoro::Task<> GraphWorkspace::load(std::shared_ptr<ProjectGraph> project)
{
    QPointer<GraphWorkspace> self(this);
    setLoadingUi(true, tr("Reading the graph…"));
    const int editsBefore = m_editsChanged;
    const JobResult<GraphSnapshot> result = co_await project->loadSnapshot(
        m_chanceCoOccurrence->isChecked() ? KnowledgeGraph::Edges::All : KnowledgeGraph::Edges::Significant);
    if (result.end == JobEnd::Superseded || !self || project != m_project)
        co_return; // a newer refresh, or another project, owns the workspace now
    if (result.finished()) {
        // Three slices, the event loop turning between them: in one piece, 40,000 entities
        // stalled the window for about 100 ms (two proxy sorts and the view's scene, ~30 ms each).
        const LatestOnly::Ticket shown = showSnapshotTables(*result.value);
        co_await QCoro::sleepFor(std::chrono::milliseconds(0));
        if (!shown.isLatest())
            co_return; // another snapshot is being shown, or the workspace is gone
        m_relationModel->setGraph(m_graph);
        co_await QCoro::sleepFor(std::chrono::milliseconds(0));
        if (!shown.isLatest())
            co_return;
        showSnapshotGraph();
        Q_EMIT loaded();
        if (m_editsChanged != editsBefore)
            showCurated(); // an edit came while it read: it may not have been written yet
    } else if (result.end == JobEnd::Failed) {
        setLoadingUi(false, tr("The graph could not be loaded: %1").arg(result.error));
        Q_EMIT loadFailed(result.error);
    } else {
        setLoadingUi(false, tr("Loading cancelled; %n entities shown.", nullptr, m_graph.nodeCount()));
    }
}

void GraphWorkspace::applySnapshot(const GraphSnapshot &snapshot)
{
    showSnapshotTables(snapshot);
    m_relationModel->setGraph(m_graph);
    showSnapshotGraph();
}

LatestOnly::Ticket GraphWorkspace::showSnapshotTables(const GraphSnapshot &snapshot)
{
    const LatestOnly::Ticket shown = m_shows.start(); // one shown in slices stops when another comes
    m_graph = snapshot.graph;
    m_metrics = snapshot.metrics;
    m_positions = snapshot.positions;
    m_documents = snapshot.documents;
    m_similar = snapshot.similar;
    m_similarError = snapshot.similarError;
    m_rows = snapshot.rows;
    m_rowsEdges = snapshot.edges;
    m_syncingSelection = true; // until showSnapshotGraph(): the view still shows the old graph
    m_entityModel->setSnapshot(m_graph, m_metrics);
    return shown;
}

void GraphWorkspace::showSnapshotGraph(ViewFit fit)
{
    m_graphPanel->setGraph(m_graph, m_metrics, m_positions, m_project, fit); // a rerun layout is kept too
    m_syncingSelection = false;
    updateTypeCombos();
    setLoadingUi(false, m_graph.nodeCount() == 0 && !m_project ? tr("No project open") : holdingsText());
    if (!m_selectedId.isEmpty() && m_graph.indexOf(m_selectedId) >= 0) {
        const QString id = std::exchange(m_selectedId, {});
        selectEntity(id); // fresh provenance and similar entities for the same entity
    } else if (!m_selectedId.isEmpty()) {
        m_selectedId.clear();
        m_details->clear();
    }
}

QString GraphWorkspace::holdingsText() const
{
    if (!m_project)
        return {};
    // %Ln: with the locale's digit grouping (32,118).
    return tr("%Ln documents", nullptr, m_documents) + QStringLiteral(" · ")
        + tr("%Ln entities", nullptr, m_graph.nodeCount()) + QStringLiteral(" · ")
        + tr("%Ln relations", nullptr, m_graph.edgeCount());
}

void GraphWorkspace::setLoadingUi(bool loading, const QString &text)
{
    m_loading = loading;
    m_progressBar->setVisible(loading);
    m_cancelButton->setVisible(loading);
    if (loading) {
        m_progressBar->setRange(0, 0);
        m_progressTimer->start();
    } else {
        m_progressTimer->stop();
    }
    m_statusLabel->setText(text);
}

void GraphWorkspace::showProgress()
{
    if (!m_project || !m_project->isLoading())
        return;
    const GraphLoadProgress progress = m_project->loadProgress();
    switch (progress.stage) {
    case GraphLoadProgress::Reading:
        m_statusLabel->setText(tr("Reading the graph…"));
        break;
    case GraphLoadProgress::Analysing:
        m_statusLabel->setText(tr("Ranking %n entities and finding communities…", nullptr, progress.nodes));
        break;
    case GraphLoadProgress::Layout:
        m_statusLabel->setText(tr("Laying out %n entities…", nullptr, progress.nodes));
        m_progressBar->setRange(0, 1000);
        m_progressBar->setValue(int(progress.fraction * 1000));
        break;
    case GraphLoadProgress::Embedding:
        m_statusLabel->setText(tr("Finding similar entities…"));
        m_progressBar->setRange(0, 0);
        break;
    }
}

void GraphWorkspace::updateTypeCombos()
{
    const auto fill = [](QComboBox *combo, const QString &all, const QStringList &types) {
        const QString current = combo->currentData().toString();
        const QSignalBlocker blocker(combo);
        combo->clear();
        combo->addItem(all, QString());
        for (const QString &type : types)
            combo->addItem(type, type);
        const int keep = combo->findData(current);
        combo->setCurrentIndex(keep < 0 ? 0 : keep);
    };
    fill(m_typeCombo, tr("All entity types"), m_entityModel->types());
    fill(m_relationTypeCombo, tr("All relation types"), m_relationModel->types());
    applyTypeFilter();
    m_relationFilter->setType(m_relationTypeCombo->currentData().toString());
}

void GraphWorkspace::applyTypeFilter()
{
    // The view hides the same entities the table does.
    const QString type = m_typeCombo->currentData().toString();
    m_entityFilter->setType(type);
    QSet<QString> hidden;
    if (!type.isEmpty())
        for (const QString &other : m_entityModel->types())
            if (other != type)
                hidden.insert(other);
    m_graphView->setHiddenTypes(hidden);
}

void GraphWorkspace::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void GraphWorkspace::onEntityRowChanged()
{
    if (m_syncingSelection)
        return;
    // The table chose the row: selecting it again here would undo a Ctrl+click (the current row
    // changes before the view applies the click to the selection).
    const QModelIndex current = m_entityTable->selectionModel()->currentIndex();
    if (current.isValid())
        showEntity(current.data(EntityTableModel::EntityIdRole).toString(), false);
}

void GraphWorkspace::onRelationRowChanged()
{
    if (m_syncingSelection)
        return;
    // A relation shows its source entity; the target is one click away in the neighbours.
    const QModelIndex current = m_relationTable->selectionModel()->currentIndex();
    if (current.isValid())
        selectEntity(current.data(RelationTableModel::SourceIdRole).toString());
}

void GraphWorkspace::selectTableRow(const QString &id)
{
    const int row = m_entityModel->rowOf(id);
    const QModelIndex proxyIndex =
        row < 0 ? QModelIndex() : m_entityFilter->mapFromSource(m_entityModel->index(row, 0));
    if (!proxyIndex.isValid()) {
        m_entityTable->selectionModel()->clearSelection();
        return;
    }
    m_entityTable->selectionModel()->setCurrentIndex(proxyIndex,
                                                     QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_entityTable->scrollTo(proxyIndex);
}

void GraphWorkspace::selectEntity(const QString &id)
{
    showEntity(id, true);
}

void GraphWorkspace::showEntity(const QString &id, bool selectRow)
{
    if (id.isEmpty() || id == m_selectedId)
        return;
    const int node = m_graph.indexOf(id);
    if (node < 0)
        return;
    m_selectedId = id;
    m_syncingSelection = true;
    if (selectRow)
        selectTableRow(id);
    m_graphView->selectNode(node);
    m_graphView->centerOn(node);
    m_syncingSelection = false;
    m_details->showLoading(id, m_graph.node(node).name);
    if (m_similar)
        m_details->setSimilarMessage(tr("Finding similar entities…"));
    else
        m_details->setSimilarMessage(m_similarError.isEmpty() ? tr("Similar entities come when the graph has loaded.")
                                                              : tr("No entity vectors: %1").arg(m_similarError));
    loadDetails(id);
}

QCoro::Task<> GraphWorkspace::loadDetails(QString id)
{
    std::shared_ptr<ProjectGraph> project = m_project;
    if (!project)
        co_return;
    QPointer<GraphWorkspace> self(this);
    QStringList mergedIds;
    if (const int node = m_graph.indexOf(id); node >= 0)
        mergedIds = m_graph.node(node).aliasIds; // "Babbage" of other documents, too
    const JobResult<EntityDetails> result = co_await project->entityDetails(id, mergedIds, m_similar);
    if (result.end == JobEnd::Superseded || !self || project != m_project)
        co_return;
    if (!result.finished()) {
        if (result.end == JobEnd::Failed)
            m_details->summaryLabel()->setText(tr("Cannot read its provenance: %1").arg(result.error));
        co_return;
    }
    m_details->setProvenance(result.value->provenance);
    if (m_similar) {
        QList<SimilarEntry> entries;
        for (const SimilarEntity &similar : result.value->similar) {
            const int node = m_graph.indexOf(similar.id);
            if (node >= 0)
                entries.append({similar.id, m_graph.node(node).name, m_graph.node(node).type, similar.similarity});
        }
        m_details->setSimilarEntities(entries);
    }
    Q_EMIT detailsShown(id);
}

QCoro::Task<QString> GraphWorkspace::exportTable(bool relations, QString path)
{
    // Copy what the table shows now (filtered, sorted); numbers keep their full precision.
    const QSortFilterProxyModel *proxy =
        relations ? static_cast<QSortFilterProxyModel *>(m_relationFilter) : m_entityFilter;
    const int sortRole = relations ? int(RelationTableModel::SortRole) : int(EntityTableModel::SortRole);
    QList<QVariantList> rows;
    QVariantList header;
    for (int c = 0; c < proxy->columnCount(); ++c)
        header << proxy->headerData(c, Qt::Horizontal);
    rows.append(header);
    for (int r = 0; r < proxy->rowCount(); ++r) {
        QVariantList row;
        for (int c = 0; c < proxy->columnCount(); ++c) {
            const QModelIndex index = proxy->index(r, c);
            const QVariant sort = index.data(sortRole);
            const bool numeric = sort.typeId() == QMetaType::Double || sort.typeId() == QMetaType::LongLong
                || sort.typeId() == QMetaType::Int;
            const QVariant tip = index.data(Qt::ToolTipRole); // the evidence's whole path
            row << (numeric ? sort : (relations && tip.isValid() ? tip : index.data()));
        }
        rows.append(row);
    }
    std::shared_ptr<ProjectGraph> project = m_project;
    if (!project)
        co_return tr("No project is open.");
    const JobResult<bool> written = co_await project->exportRows(rows, path);
    co_return written.finished() ? QString() : written.error.isEmpty() ? tr("Cancelled.") : written.error;
}

QCoro::Task<QString> GraphWorkspace::exportGraph(ExportFormat format, QString path)
{
    std::shared_ptr<ProjectGraph> project = m_project;
    if (!project)
        co_return tr("No project is open.");
    // The positions the view shows (a layout rerun included), so other tools open this picture.
    QList<QPointF> shown = m_graphPanel->view()->scene().positionList();
    if (shown.size() != m_graph.nodeCount())
        shown = m_positions.size() == m_graph.nodeCount() ? m_positions : QList<QPointF>();
    const JobResult<bool> written = co_await project->exportGraph(m_graph, m_metrics, format, path, shown);
    co_return written.finished() ? QString() : written.error.isEmpty() ? tr("Cancelled.") : written.error;
}

QCoro::Task<> GraphWorkspace::showCurated()
{
    std::shared_ptr<const KnowledgeGraph::Rows> rows = m_rows;
    if (!m_project)
        co_return;
    if (!rows) {
        refresh();
        co_return;
    }
    QPointer<GraphWorkspace> self(this);
    const LatestOnly::Ticket ticket = m_curatedShows.start();
    const QList<CurationEdit> edits = m_curation->activeEdits();
    const KnowledgeGraph::Edges edges = m_rowsEdges;
    auto build = [rows, edits, edges] {
        return KnowledgeGraph::build(*rows, edits, KnowledgeGraph::Resolution::AcrossDocuments, edges);
    };
    const JobResult<KnowledgeGraph> built = co_await tryOffThread(tr("show the edit"), ticket.token(), build);
    if (!self || !ticket.isLatest() || !built.value || rows != m_rows)
        co_return; // a newer edit or a reload is shown instead
    GraphSnapshot snapshot;
    snapshot.graph = *built.value;
    QList<int> from(snapshot.graph.nodeCount(), -1);
    snapshot.positions.resize(snapshot.graph.nodeCount());
    for (int i = 0; i < snapshot.graph.nodeCount(); ++i) {
        // A merged node keeps its own entity's place and figures; one split out starts where
        // the node it left was.
        from[i] = m_graph.indexOf(snapshot.graph.node(i).id);
        if (from.at(i) >= 0 && from.at(i) < m_positions.size())
            snapshot.positions[i] = m_positions.at(from.at(i));
    }
    snapshot.metrics = m_metrics.remapped(from);
    snapshot.similar = m_similar;
    snapshot.similarError = m_similarError;
    snapshot.rows = rows;
    snapshot.edges = edges;
    // In slices, as load() shows a snapshot: on 40,000 entities each takes 30-50 ms.
    const LatestOnly::Ticket shown = showSnapshotTables(snapshot);
    co_await QCoro::sleepFor(std::chrono::milliseconds(0));
    if (!shown.isLatest())
        co_return;
    m_relationModel->setGraph(m_graph);
    co_await QCoro::sleepFor(std::chrono::milliseconds(0));
    if (!shown.isLatest())
        co_return;
    showSnapshotGraph(ViewFit::Keep); // the same picture, edited: zoom and centre stay
    Q_EMIT curatedShown();
}

QStringList GraphWorkspace::selectedEntityIds() const
{
    QStringList ids;
    for (const QModelIndex &row : m_entityTable->selectionModel()->selectedRows())
        ids << row.data(EntityTableModel::EntityIdRole).toString();
    return ids;
}

void GraphWorkspace::updateCurationActions()
{
    const qsizetype selected = m_entityTable->selectionModel()->selectedRows().size();
    const bool open = bool(m_project);
    m_mergeAction->setEnabled(open && selected >= 2);
    m_renameAction->setEnabled(open && selected == 1);
    m_retypeAction->setEnabled(open && selected == 1);
    m_hideAction->setEnabled(open && selected >= 1);
    m_addRelationAction->setEnabled(open && selected == 2);
    m_pathAction->setEnabled(open && selected == 2);
}

void GraphWorkspace::addNeighboursMenu(QMenu &menu, int node)
{
    // Expand on demand: the neighbours out of their communities' discs, all or by relation type.
    QMap<QString, int> byType;
    for (const GraphEdge &edge : m_graphView->graph().edges()) {
        if ((edge.source == node) != (edge.target == node))
            ++byType[edge.type];
    }
    QMenu *neighbours = menu.addMenu(tr("Show &Neighbours"));
    neighbours->setEnabled(!byType.isEmpty());
    int all = 0;
    for (int count : std::as_const(byType))
        all += count;
    neighbours->addAction(tr("All Relations (%1)").arg(all), this,
                          [this, node] { m_graphView->revealNeighbours(node); });
    neighbours->addSeparator();
    for (auto it = byType.cbegin(); it != byType.cend(); ++it) {
        const QString type = it.key();
        neighbours->addAction(QStringLiteral("%1 (%2)").arg(type).arg(it.value()), this,
                              [this, node, type] { m_graphView->revealNeighbours(node, type); });
    }
    const int community = m_graphView->scene().metrics().community.value(node, -1);
    if (m_graphView->overview().isExpanded(community) || m_graphView->overview().isRevealed(node))
        menu.addAction(tr("&Collapse Its Community"), this,
                       [this, community] { m_graphView->collapseCommunity(community); });
    menu.addSeparator();
}

QCoro::Task<> GraphWorkspace::showPath(QString fromId, QString toId)
{
    const int from = m_graph.indexOf(fromId), to = m_graph.indexOf(toId);
    if (from < 0 || to < 0)
        co_return;
    QPointer<GraphWorkspace> self(this);
    const LatestOnly::Ticket ticket = m_paths.start();
    // igraph's lock may be held by a layout: never wait for it here.
    auto find = [graph = m_graph, from, to](const CancellationToken &token) {
        return GraphAnalytics::shortestPath(graph, from, to, token);
    };
    const JobResult<QList<int>> found = co_await tryOffThread(tr("find a path"), ticket.token(), find);
    if (!self || !ticket.isLatest() || m_graph.indexOf(fromId) != from || m_graph.indexOf(toId) != to)
        co_return; // another path was asked for, or another graph is shown
    const QString a = m_graph.node(from).name, b = m_graph.node(to).name;
    if (!found.finished()) {
        Q_EMIT statusMessage(tr("No path found between %1 and %2: %3").arg(a, b, found.error));
    } else if (found.value->isEmpty()) {
        m_graphView->clearPath();
        Q_EMIT statusMessage(tr("%1 and %2 are not connected in the graph shown").arg(a, b));
    } else {
        m_graphView->showPath(*found.value);
        QStringList names;
        for (int node : *found.value)
            names.append(m_graph.node(node).name);
        Q_EMIT statusMessage(tr("Path of %n relation(s): %1", nullptr, int(found.value->size()) - 1)
                                 .arg(names.join(QStringLiteral(" → "))));
    }
    Q_EMIT pathShown();
}

void GraphWorkspace::updateRelationActions()
{
    const bool any = m_project && m_relationTable->selectionModel()->hasSelection();
    m_deleteRelationAction->setEnabled(any);
    m_retypeRelationAction->setEnabled(any);
}

QList<GraphWorkspace::SelectedRelation> GraphWorkspace::selectedRelations() const
{
    QList<SelectedRelation> out;
    for (const QModelIndex &row : m_relationTable->selectionModel()->selectedRows()) {
        SelectedRelation relation{row.data(RelationTableModel::SourceIdRole).toString(),
                                  row.data(RelationTableModel::TargetIdRole).toString(),
                                  row.data(RelationTableModel::TypeRole).toString(),
                                  {},
                                  {}};
        const GraphNode *source = nodeOf(m_graph, relation.source), *target = nodeOf(m_graph, relation.target);
        if (!source || !target)
            continue;
        relation.sourceName = source->name;
        relation.targetName = target->name;
        out << relation;
    }
    return out;
}

void GraphWorkspace::deleteSelectedRelations()
{
    QList<CurationEdit> edits;
    for (const SelectedRelation &relation : selectedRelations())
        edits << CurationRules::deleteRelation(relation.source, relation.target, relation.type,
                                               {relation.sourceName, relation.targetName});
    m_curation->apply(edits, tr("delete %n relations", nullptr, int(edits.size())));
}

void GraphWorkspace::retypeSelectedRelations(const QString &type)
{
    QList<CurationEdit> edits;
    for (const SelectedRelation &relation : selectedRelations())
        if (!type.isEmpty() && relation.type != type)
            edits << CurationRules::retypeRelation(relation.source, relation.target, relation.type, type,
                                                   {relation.sourceName, relation.targetName});
    m_curation->apply(edits, tr("change the type of %n relations", nullptr, int(edits.size())));
}

void GraphWorkspace::addRelation(const QString &sourceId, const QString &targetId, const QString &type,
                                 const QString &note)
{
    const GraphNode *source = nodeOf(m_graph, sourceId), *target = nodeOf(m_graph, targetId);
    if (!source || !target || source == target || type.trimmed().isEmpty())
        return;
    m_curation->apply(CurationRules::addRelation(source->id, target->id, type.trimmed(), note.trimmed(),
                                                 {source->name, target->name}));
}

namespace {

// The relation types of the graph, for a choice (the person may type a new one).
QStringList relationTypesOf(const KnowledgeGraph &graph)
{
    QSet<QString> types;
    for (const GraphEdge &edge : graph.edges())
        types.insert(edge.type);
    QStringList out(types.cbegin(), types.cend());
    out.sort();
    return out;
}

} // namespace

void GraphWorkspace::retypeRelationDialog()
{
    const QList<SelectedRelation> relations = selectedRelations();
    if (relations.isEmpty())
        return;
    const QStringList types = relationTypesOf(m_graph);
    bool ok = false;
    const QString type = QInputDialog::getItem(
        this, tr("Change Relation Type"),
        relations.size() == 1 ? tr("Type of %1 → %2:").arg(relations.first().sourceName, relations.first().targetName)
                              : tr("Type of the %n selected relations:", nullptr, int(relations.size())),
        types, std::max<qsizetype>(0, types.indexOf(relations.first().type)), true, &ok);
    if (ok)
        retypeSelectedRelations(type.trimmed());
}

void GraphWorkspace::addRelationDialog()
{
    const QStringList ids = selectedEntityIds();
    if (ids.size() != 2)
        return;
    const GraphNode *first = nodeOf(m_graph, ids.at(0)), *second = nodeOf(m_graph, ids.at(1));
    if (!first || !second)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Add Relation"));
    auto *form = new QFormLayout(&dialog);
    auto *direction = new QComboBox(&dialog);
    direction->addItem(tr("%1 → %2").arg(first->name, second->name));
    direction->addItem(tr("%1 → %2").arg(second->name, first->name));
    auto *type = new QComboBox(&dialog);
    type->setEditable(true);
    type->addItems(relationTypesOf(m_graph));
    type->setCurrentText(QString());
    auto *noteEdit = new QLineEdit(&dialog);
    noteEdit->setPlaceholderText(tr("Why: kept as the relation's evidence"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(tr("&Direction:"), direction);
    form->addRow(tr("&Type:"), type);
    form->addRow(tr("&Note:"), noteEdit);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const bool forward = direction->currentIndex() == 0;
    addRelation(forward ? first->id : second->id, forward ? second->id : first->id, type->currentText(),
                noteEdit->text());
}

void GraphWorkspace::mergeSelectedInto(const QString &intoId)
{
    const GraphNode *into = nodeOf(m_graph, intoId);
    if (!into)
        return;
    QStringList ids, names;
    for (const QString &id : selectedEntityIds()) {
        const GraphNode *node = nodeOf(m_graph, id);
        if (node && node->id != into->id) {
            ids << node->id;
            names << node->name;
        }
    }
    if (ids.isEmpty())
        return;
    m_curation->apply(CurationRules::merge(ids, into->id, {}, {}, names << into->name));
}

void GraphWorkspace::renameEntity(const QString &id, const QString &name)
{
    if (const GraphNode *node = nodeOf(m_graph, id); node && !name.trimmed().isEmpty() && name != node->name)
        m_curation->apply(CurationRules::rename(node->id, name.trimmed(), node->name));
}

void GraphWorkspace::retypeEntity(const QString &id, const QString &type)
{
    if (const GraphNode *node = nodeOf(m_graph, id); node && !type.trimmed().isEmpty() && type != node->type)
        m_curation->apply(CurationRules::retype(node->id, type.trimmed(), node->name));
}

void GraphWorkspace::hideSelected()
{
    QList<CurationEdit> edits;
    for (const QString &id : selectedEntityIds())
        if (const GraphNode *node = nodeOf(m_graph, id))
            edits << CurationRules::hide(node->id, node->name);
    m_curation->apply(edits, tr("hide %n entities", nullptr, int(edits.size())));
}

void GraphWorkspace::mergeDialog()
{
    // Most mentioned first: usually the name to keep.
    QList<const GraphNode *> nodes;
    for (const QString &id : selectedEntityIds())
        if (const GraphNode *node = nodeOf(m_graph, id))
            nodes << node;
    std::stable_sort(nodes.begin(), nodes.end(),
                     [](const GraphNode *a, const GraphNode *b) { return a->mentions > b->mentions; });
    QStringList labels, ids;
    for (const GraphNode *node : std::as_const(nodes)) {
        labels << QStringLiteral("%1 (%2, %3)").arg(node->name, node->type).arg(node->mentions);
        ids << node->id;
    }
    if (ids.size() < 2)
        return;
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Merge Into One"), tr("Keep which entity? The others become its aliases (undo with Ctrl+Z)."), labels,
        0, false, &ok);
    if (ok)
        mergeSelectedInto(ids.value(labels.indexOf(chosen)));
}

void GraphWorkspace::renameDialog()
{
    const QStringList ids = selectedEntityIds();
    const GraphNode *node = ids.size() == 1 ? nodeOf(m_graph, ids.first()) : nullptr;
    if (!node)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename"), tr("New name of %1:").arg(node->name),
                                               QLineEdit::Normal, node->name, &ok);
    if (ok)
        renameEntity(node->id, name);
}

void GraphWorkspace::retypeDialog()
{
    const QStringList ids = selectedEntityIds();
    const GraphNode *node = ids.size() == 1 ? nodeOf(m_graph, ids.first()) : nullptr;
    if (!node)
        return;
    QStringList types{QStringLiteral("PERSON"), QStringLiteral("ORGANIZATION"), QStringLiteral("LOCATION"),
                      QStringLiteral("MISC")};
    for (const GraphNode &other : m_graph.nodes())
        if (!types.contains(other.type))
            types << other.type;
    bool ok = false;
    const QString type = QInputDialog::getItem(this, tr("Change Type"), tr("Type of %1:").arg(node->name), types,
                                               std::max<qsizetype>(0, types.indexOf(node->type)), true, &ok);
    if (ok)
        retypeEntity(node->id, type.toUpper());
}

void GraphWorkspace::exportTableDialog()
{
    const bool relations = m_tableTabs->currentWidget() == m_relationTable;
    const QString path = QFileDialog::getSaveFileName(
        this, relations ? tr("Export Relations") : tr("Export Entities"),
        relations ? QStringLiteral("relations.csv") : QStringLiteral("entities.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    [](QPointer<GraphWorkspace> self, bool relations, QString path) -> QCoro::Task<> {
        const QString error = co_await self->exportTable(relations, path);
        if (!self)
            co_return;
        if (error.isEmpty())
            Q_EMIT self->statusMessage(tr("Wrote %1").arg(path));
        else
            QMessageBox::warning(self, tr("Cannot export the table"), error);
    }(this, relations, path);
}

void GraphWorkspace::exportGraphDialog()
{
    struct Choice
    {
        ExportFormat format;
        QString filter;
    };
    const QList<Choice> choices = {
        {ExportFormat::GraphMl, tr("GraphML (*.graphml)")},
        {ExportFormat::Gexf, tr("GEXF 1.3 for Gephi (*.gexf)")},
        {ExportFormat::NodeLinkJson, tr("Node-link JSON (*.json)")},
        {ExportFormat::Csv, tr("CSV tables: a folder with nodes.csv and edges.csv (*)")},
        {ExportFormat::Neo4j, tr("Neo4j import folder (*)")},
    };
    QStringList filters;
    for (const Choice &choice : choices)
        filters << choice.filter;
    QString selected = filters.first();
    QString path = QFileDialog::getSaveFileName(this, tr("Export Graph"), QStringLiteral("graph"),
                                                filters.join(QStringLiteral(";;")), &selected);
    if (path.isEmpty())
        return;
    const ExportFormat format = choices.at(std::max<qsizetype>(0, filters.indexOf(selected))).format;
    if (!GraphExporter::writesFolder(format) && QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + GraphExporter::formatName(format);
    [](QPointer<GraphWorkspace> self, ExportFormat format, QString path) -> QCoro::Task<> {
        const QString error = co_await self->exportGraph(format, path);
        if (!self)
            co_return;
        if (error.isEmpty())
            Q_EMIT self->statusMessage(tr("Exported the graph to %1").arg(path));
        else
            QMessageBox::warning(self, tr("Cannot export the graph"), error);
    }(this, format, path);
}

} // namespace gw
