#include "graphworkspace.h"

#include "core/errors.h"
#include "core/taskgroup.h"
#include "entitydetailspanel.h"
#include "entitytablemodel.h"
#include "graph/csvrowwriter.h"
#include "graph/entityprovenance.h"
#include "graph/exportfile.h"
#include "graph/graphanalytics.h"
#include "graph/graphlayout.h"
#include "graph/nodeembedding.h"
#include "graph/similarentities.h"
#include "graphlayoutjob.h"
#include "graphpanel.h"
#include "graphtablefilter.h"
#include "graphview.h"
#include "relationtablemodel.h"
#include "store/projectstore.h"

#include <QCoroSignal>
#include <QCoroTimer>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
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

struct GraphWorkspace::Snapshot
{
    KnowledgeGraph graph;
    NodeMetrics metrics;
    QList<QPointF> positions;
    std::shared_ptr<const SimilarEntities> similar;
    QString similarError; // embeddings failed; the rest is fine
};

// Written by the loading worker, sampled by a GUI timer (never a signal per step).
struct GraphWorkspace::LoadProgress
{
    enum Stage { Reading, Analysing, Layout, Embedding };
    std::atomic<int> stage{Reading};
    std::atomic<double> fraction{0};
    std::atomic<int> nodes{0};
};

namespace {

// Runs `fn` (callable with a CancellationToken) on the thread pool in a group of one, cancelled
// with `parent`, and completes with its result; rethrows its failure (CancelledError when
// cancelled). `fn` is copied in before any co_await (see docs/toolchain-traps.md).
template<typename R, typename F>
QCoro::Task<R> offThread(QString name, CancellationToken parent, F fn)
{
    TaskGroup<R> group({.maxParallel = 1, .parent = parent, .name = name});
    group.spawn(name, fn);
    co_await group.waitAll();
    group.throwIfFailed();
    co_return *group.partialResults().first();
}

// Ends one background operation of the workspace however the coroutine leaves.
class WorkGuard
{
public:
    explicit WorkGuard(QPointer<GraphWorkspace> workspace, std::function<void()> end)
        : m_workspace(std::move(workspace)), m_end(std::move(end))
    {}
    ~WorkGuard()
    {
        if (m_workspace)
            m_end();
    }
    WorkGuard(const WorkGuard &) = delete;
    WorkGuard &operator=(const WorkGuard &) = delete;

private:
    QPointer<GraphWorkspace> m_workspace;
    std::function<void()> m_end;
};

bool vectorsCover(const EntityVectors &vectors, const KnowledgeGraph &graph)
{
    if (vectors.count() != graph.nodeCount())
        return false;
    for (const QString &id : vectors.ids)
        if (graph.indexOf(id) < 0)
            return false;
    return true;
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
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 4);
    splitter->setStretchFactor(2, 3);
    splitter->setSizes({430, 560, 430});
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
    connect(m_exportButton, &QPushButton::clicked, this, &GraphWorkspace::exportTableDialog);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] { m_loadCancel.cancel(tr("cancelled by the user")); });
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

    updateTypeCombos();
    setLoadingUi(false, tr("No project open"));
}

GraphWorkspace::~GraphWorkspace()
{
    // Running work stops soon and finds this widget gone; the store lives in its coroutines.
    m_projectCancel.cancel(tr("the graph workspace closed"));
}

void GraphWorkspace::setStore(std::shared_ptr<ProjectStore> store)
{
    m_projectCancel.cancel(tr("the project closed"));
    m_projectCancel = CancellationSource();
    m_store = std::move(store);
    m_selectedId.clear();
    m_details->clear();
    applySnapshot({});
    if (m_store)
        refresh();
    else
        setLoadingUi(false, tr("No project open"));
}

QCoro::Task<> GraphWorkspace::closeProject()
{
    QPointer<GraphWorkspace> self(this);
    m_projectCancel.cancel(tr("the project closed"));
    // The panel's layout runs (a rerun the user asked for) hold the store too.
    GraphLayoutJob *layout = m_graphPanel->layoutJob();
    layout->setStore({});
    layout->cancel();
    while (self && layout->activeThreads() > 0)
        co_await qCoro(layout, &GraphLayoutJob::threadsFinished);
    while (self && m_running > 0)
        co_await qCoro(this, &GraphWorkspace::workFinished);
    if (self)
        setStore(nullptr);
}

void GraphWorkspace::workEnded()
{
    --m_running;
    Q_EMIT workFinished();
}

void GraphWorkspace::refresh()
{
    if (!m_store)
        return;
    m_loadCancel.cancel(tr("a newer refresh"));
    m_loadCancel = CancellationSource(m_projectCancel.token());
    load(m_store, m_loadCancel.token(), ++m_loadGeneration);
}

QCoro::Task<> GraphWorkspace::load(std::shared_ptr<ProjectStore> store, CancellationToken token, quint64 generation)
{
    QPointer<GraphWorkspace> self(this);
    workStarted();
    WorkGuard guard(self, [this] { workEnded(); });
    auto progress = std::make_shared<LoadProgress>();
    m_progress = progress;
    setLoadingUi(true, tr("Reading the graph…"));

    auto work = [store, progress](const CancellationToken &cancel) {
        Snapshot snapshot;
        snapshot.graph = KnowledgeGraph::fromStore(*store);
        progress->nodes = snapshot.graph.nodeCount();
        if (snapshot.graph.nodeCount() == 0)
            return snapshot;
        cancel.throwIfCancelled();
        progress->stage = LoadProgress::Analysing;
        GraphAnalytics::Options analytics;
        // Betweenness and coreness are not shown here: not worth their time.
        analytics.metrics = GraphAnalytics::Metric::Degree | GraphAnalytics::Metric::PageRank
            | GraphAnalytics::Metric::Communities | GraphAnalytics::Metric::Components;
        snapshot.metrics = GraphAnalytics::compute(snapshot.graph, cancel, analytics);

        progress->stage = LoadProgress::Layout;
        snapshot.positions = GraphLayout::loadLayout(*store, snapshot.graph);
        const bool complete =
            std::all_of(snapshot.positions.cbegin(), snapshot.positions.cend(), &GraphLayout::hasPosition);
        if (!complete) {
            // New entities: lay the whole graph out again, so they do not pile up in a corner.
            snapshot.positions = GraphLayout::compute(snapshot.graph, cancel, {},
                                                      [progress](double done) { progress->fraction = done; });
            GraphLayout::saveLayout(*store, snapshot.graph, snapshot.positions);
        }

        progress->stage = LoadProgress::Embedding;
        progress->fraction = 0;
        try {
            EntityVectors vectors = NodeEmbedding::load(*store);
            if (!vectorsCover(vectors, snapshot.graph)) {
                vectors = NodeEmbedding::compute(snapshot.graph, {}, cancel);
                NodeEmbedding::save(*store, vectors);
            }
            snapshot.similar = std::make_shared<const SimilarEntities>(vectors);
        } catch (const CancelledError &) {
            throw;
        } catch (const std::exception &error) {
            // Similar entities are a bonus: the graph still shows without them.
            snapshot.similarError = QString::fromUtf8(error.what());
        }
        return snapshot;
    };

    std::optional<Snapshot> snapshot;
    QString failure;
    try {
        snapshot = co_await offThread<Snapshot>(tr("load the graph"), token, work);
    } catch (const CancelledError &) {
    } catch (const TaskFailedError &error) {
        failure = error.reason();
    } catch (const Error &error) {
        failure = error.message();
    }
    if (!self || generation != m_loadGeneration)
        co_return; // a newer refresh owns the workspace now
    if (snapshot) {
        // Three slices, the event loop turning between them: in one piece, 40,000 entities
        // stalled the window for about 100 ms (two proxy sorts and the view's scene, ~30 ms each).
        showSnapshotTables(*snapshot);
        co_await QCoro::sleepFor(std::chrono::milliseconds(0));
        if (!self || generation != m_loadGeneration)
            co_return;
        m_relationModel->setGraph(m_graph);
        co_await QCoro::sleepFor(std::chrono::milliseconds(0));
        if (!self || generation != m_loadGeneration)
            co_return;
        showSnapshotGraph();
        Q_EMIT loaded();
    } else if (!failure.isEmpty()) {
        setLoadingUi(false, tr("The graph could not be loaded: %1").arg(failure));
        Q_EMIT loadFailed(failure);
    } else {
        setLoadingUi(false, tr("Loading cancelled; %n entities shown.", nullptr, m_graph.nodeCount()));
    }
}

void GraphWorkspace::applySnapshot(const Snapshot &snapshot)
{
    showSnapshotTables(snapshot);
    m_relationModel->setGraph(m_graph);
    showSnapshotGraph();
}

void GraphWorkspace::showSnapshotTables(const Snapshot &snapshot)
{
    m_graph = snapshot.graph;
    m_metrics = snapshot.metrics;
    m_positions = snapshot.positions;
    m_similar = snapshot.similar;
    m_similarError = snapshot.similarError;
    m_syncingSelection = true; // until showSnapshotGraph(): the view still shows the old graph
    m_entityModel->setSnapshot(m_graph, m_metrics);
}

void GraphWorkspace::showSnapshotGraph()
{
    m_graphPanel->setGraph(m_graph, m_metrics, m_positions, m_store); // a rerun layout is kept too
    m_syncingSelection = false;
    updateTypeCombos();
    setLoadingUi(false,
                 m_graph.nodeCount() == 0 && !m_store ? tr("No project open")
                                                      : tr("%n entities", nullptr, m_graph.nodeCount())
                         + QStringLiteral(", ") + tr("%n relations", nullptr, m_graph.edgeCount()));
    if (!m_selectedId.isEmpty() && m_graph.indexOf(m_selectedId) >= 0) {
        const QString id = std::exchange(m_selectedId, {});
        selectEntity(id); // fresh provenance and similar entities for the same entity
    } else if (!m_selectedId.isEmpty()) {
        m_selectedId.clear();
        m_details->clear();
    }
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
        m_progress.reset();
    }
    m_statusLabel->setText(text);
}

void GraphWorkspace::showProgress()
{
    if (!m_progress)
        return;
    const int nodes = m_progress->nodes;
    switch (m_progress->stage.load()) {
    case LoadProgress::Reading:
        m_statusLabel->setText(tr("Reading the graph…"));
        break;
    case LoadProgress::Analysing:
        m_statusLabel->setText(tr("Ranking %n entities and finding communities…", nullptr, nodes));
        break;
    case LoadProgress::Layout:
        m_statusLabel->setText(tr("Laying out %n entities…", nullptr, nodes));
        m_progressBar->setRange(0, 1000);
        m_progressBar->setValue(int(m_progress->fraction * 1000));
        break;
    case LoadProgress::Embedding:
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
    const QModelIndex current = m_entityTable->selectionModel()->currentIndex();
    if (current.isValid())
        selectEntity(current.data(EntityTableModel::EntityIdRole).toString());
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
    if (id.isEmpty() || id == m_selectedId)
        return;
    const int node = m_graph.indexOf(id);
    if (node < 0)
        return;
    m_selectedId = id;
    m_syncingSelection = true;
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
    loadDetails(id, ++m_detailsGeneration);
}

QCoro::Task<> GraphWorkspace::loadDetails(QString id, quint64 generation)
{
    if (!m_store)
        co_return;
    QPointer<GraphWorkspace> self(this);
    workStarted();
    WorkGuard guard(self, [this] { workEnded(); });
    struct Details
    {
        EntityProvenance provenance;
        QList<SimilarEntity> similar;
    };
    EntityProvenance::Options options;
    if (const int node = m_graph.indexOf(id); node >= 0)
        options.mergedIds = m_graph.node(node).aliasIds; // "Babbage" of other documents, too
    auto work = [store = m_store, similar = m_similar, id, options](const CancellationToken &token) {
        Details details;
        details.provenance = EntityProvenance::load(*store, id, options, token);
        if (similar)
            details.similar = similar->similarTo(id, 15, 0.0f);
        return details;
    };
    std::optional<Details> details;
    QString failure;
    try {
        details = co_await offThread<Details>(tr("read the entity's provenance"), m_projectCancel.token(), work);
    } catch (const CancelledError &) {
    } catch (const TaskFailedError &error) {
        failure = error.reason();
    } catch (const Error &error) {
        failure = error.message();
    }
    if (!self || generation != m_detailsGeneration)
        co_return;
    if (!details) {
        if (!failure.isEmpty())
            m_details->summaryLabel()->setText(tr("Cannot read its provenance: %1").arg(failure));
        co_return;
    }
    m_details->setProvenance(details->provenance);
    if (m_similar) {
        QList<SimilarEntry> entries;
        for (const SimilarEntity &similar : details->similar) {
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
    auto work = [rows, path] {
        ExportFile file(path);
        CsvRowWriter writer(file);
        for (const QVariantList &row : rows) {
            for (const QVariant &cell : row) {
                if (cell.typeId() == QMetaType::Double)
                    writer.field(cell.toDouble());
                else if (cell.typeId() == QMetaType::LongLong || cell.typeId() == QMetaType::Int)
                    writer.field(cell.toLongLong());
                else
                    writer.field(cell.toString());
            }
            writer.endRow();
        }
        file.commit();
        return true;
    };
    try {
        co_await offThread<bool>(tr("export the table"), m_projectCancel.token(), work);
    } catch (const TaskFailedError &error) {
        co_return error.reason();
    } catch (const Error &error) {
        co_return error.message();
    }
    co_return QString();
}

QCoro::Task<QString> GraphWorkspace::exportGraph(ExportFormat format, QString path)
{
    auto work = [graph = m_graph, metrics = m_metrics, format, path] {
        GraphExporter::exportGraph(graph, metrics, format, path);
        return true;
    };
    try {
        co_await offThread<bool>(tr("export the graph"), m_projectCancel.token(), work);
    } catch (const TaskFailedError &error) {
        co_return error.reason();
    } catch (const Error &error) {
        co_return error.message();
    }
    co_return QString();
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
