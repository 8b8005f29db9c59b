#include "graphpanel.h"

#include "graphview.h"
#include "pipeline/graphlayoutjob.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QSpinBox>
#include <QStringListModel>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace gw {

GraphPanel::GraphPanel(QWidget *parent)
    : QWidget(parent), m_view(new GraphView(this)), m_layout(new GraphLayoutJob(this)), m_search(new QLineEdit(this)),
      m_names(new QStringListModel(this)), m_colourBy(new QComboBox(this)), m_sizeBy(new QComboBox(this)),
      m_filterMenu(new QMenu(this)), m_minimumDegree(new QSpinBox(this)), m_egoDepth(new QSpinBox(this)),
      m_progress(new QProgressBar(this)), m_cancel(new QToolButton(this)), m_status(new QLabel(this))
{
    auto *toolbar = new QToolBar(this);
    toolbar->setIconSize(QSize(16, 16));

    m_search->setPlaceholderText(tr("Find an entity…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(260);
    auto *completer = new QCompleter(m_names, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setMaxVisibleItems(12);
    m_search->setCompleter(completer);
    connect(m_search, &QLineEdit::returnPressed, this, [this] { search(m_search->text()); });
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this,
            [this](const QString &text) { search(text); });
    toolbar->addWidget(m_search);
    toolbar->addSeparator();

    toolbar->addWidget(new QLabel(tr("Colour:"), this));
    m_colourBy->addItem(tr("Community"), int(GraphScene::ColourBy::Community));
    m_colourBy->addItem(tr("Type"), int(GraphScene::ColourBy::Type));
    connect(m_colourBy, &QComboBox::currentIndexChanged, this,
            [this] { m_view->setColourBy(GraphScene::ColourBy(m_colourBy->currentData().toInt())); });
    toolbar->addWidget(m_colourBy);
    toolbar->addWidget(new QLabel(tr("Size:"), this));
    m_sizeBy->addItem(tr("PageRank"), int(GraphScene::SizeBy::PageRank));
    m_sizeBy->addItem(tr("Degree"), int(GraphScene::SizeBy::Degree));
    connect(m_sizeBy, &QComboBox::currentIndexChanged, this,
            [this] { m_view->setSizeBy(GraphScene::SizeBy(m_sizeBy->currentData().toInt())); });
    toolbar->addWidget(m_sizeBy);

    m_overviewAction = toolbar->addAction(tr("Overview"));
    m_overviewAction->setCheckable(true);
    m_overviewAction->setShortcut(Qt::Key_O);
    m_overviewAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_overviewAction->setToolTip(tr("One disc per community; double-click a disc to show its entities (O)"));
    connect(m_overviewAction, &QAction::toggled, m_view, &GraphView::setOverviewEnabled);
    m_collapseAll = toolbar->addAction(tr("Collapse All"), m_view, &GraphView::collapseAllCommunities);
    m_collapseAll->setToolTip(tr("Back to one disc per community (Backspace collapses the selected entity's)"));
    connect(m_view, &GraphView::overviewChanged, this, [this] {
        const QSignalBlocker blocker(m_overviewAction);
        m_overviewAction->setChecked(m_view->isOverviewEnabled());
        updateCollapseAll();
        updateStatus();
    });

    auto *filters = new QToolButton(this);
    filters->setText(tr("Filters"));
    filters->setPopupMode(QToolButton::InstantPopup);
    filters->setMenu(m_filterMenu);
    toolbar->addWidget(filters);
    m_minimumDegree->setRange(0, 1'000'000);
    m_minimumDegree->setPrefix(tr("min. degree "));
    connect(m_minimumDegree, &QSpinBox::valueChanged, this, &GraphPanel::applyFilters);

    m_ego = toolbar->addAction(tr("Ego network"));
    m_ego->setCheckable(true);
    m_ego->setToolTip(tr("Show only the selected entity and the entities within the given depth"));
    connect(m_ego, &QAction::toggled, this, &GraphPanel::updateEgo);
    m_egoDepth->setRange(1, 10);
    m_egoDepth->setValue(1);
    m_egoDepth->setPrefix(tr("depth "));
    connect(m_egoDepth, &QSpinBox::valueChanged, this, &GraphPanel::updateEgo);
    toolbar->addWidget(m_egoDepth);
    toolbar->addSeparator();

    QAction *fit = toolbar->addAction(tr("Fit"), m_view, &GraphView::fitToView);
    fit->setToolTip(tr("Fit the graph to the view (F)"));
    m_rerun = toolbar->addAction(tr("Re-run layout"), this, &GraphPanel::rerunLayout);
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(120);
    m_progress->setVisible(false);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setVisible(false);
    connect(m_cancel, &QToolButton::clicked, m_layout, &GraphLayoutJob::cancel);
    toolbar->addWidget(m_progress)->setVisible(true);
    toolbar->addWidget(m_cancel);
    toolbar->addSeparator();
    toolbar->addAction(tr("Export…"), this, &GraphPanel::exportView);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolbar);
    layout->addWidget(m_view, 1);
    m_status->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(m_status);

    connect(m_view, &GraphView::filtersChanged, this, &GraphPanel::updateStatus);
    connect(m_view, &GraphView::nodeSelected, this, [this] {
        if (m_ego->isChecked() && m_view->selectedNode() >= 0)
            updateEgo();
    });
    connect(m_layout, &GraphLayoutJob::started, this, [this] { setBusy(true); });
    connect(m_layout, &GraphLayoutJob::progressChanged, this,
            [this](double done) { m_progress->setValue(int(done * 100)); });
    connect(m_layout, &GraphLayoutJob::positionsReady, this, [this](const QList<QPointF> &positions) {
        setBusy(false);
        m_view->setPositions(positions);
    });
    connect(m_layout, &GraphLayoutJob::cancelled, this, [this] {
        setBusy(false);
        m_status->setText(tr("Layout cancelled"));
    });
    connect(m_layout, &GraphLayoutJob::failed, this, [this](const QString &message) {
        setBusy(false);
        m_status->setText(tr("Layout failed: %1").arg(message));
    });
}

void GraphPanel::prepare(const KnowledgeGraph &graph, const NodeMetrics &metrics, ViewFit fit)
{
    m_view->setGraph(graph, {}, metrics, fit);
    QStringList names;
    names.reserve(graph.nodeCount());
    for (const GraphNode &node : graph.nodes())
        names.append(node.name);
    names.removeDuplicates();
    m_names->setStringList(names);
    const bool communities = metrics.hasCommunities();
    m_colourBy->setEnabled(communities);
    m_colourBy->setCurrentIndex(communities ? 0 : 1);
    m_sizeBy->setCurrentIndex(metrics.hasPagerank() ? 0 : 1);
    m_ego->setChecked(false);
    m_minimumDegree->setValue(0);
    rebuildFilterMenu();
    // Overview first for a big graph; an edited graph keeps what the person chose.
    m_overviewAction->setEnabled(communities);
    if (fit != ViewFit::Keep)
        m_overviewAction->setChecked(communities && graph.nodeCount() > kOverviewAbove);
    m_view->setOverviewEnabled(m_overviewAction->isChecked());
    updateCollapseAll();
}

void GraphPanel::updateCollapseAll()
{
    // Something is out of its disc: a community open, or entities revealed.
    const CommunityOverview &overview = m_view->overview();
    m_collapseAll->setEnabled(m_view->isOverviewEnabled()
                              && !(overview.expanded().isEmpty() && overview.revealed().isEmpty()));
}

void GraphPanel::setGraph(const KnowledgeGraph &graph, const NodeMetrics &metrics,
                          std::shared_ptr<ProjectGraph> project)
{
    prepare(graph, metrics);
    m_layout->setProjectGraph(std::move(project));
    m_layout->loadOrCompute(graph);
}

void GraphPanel::setGraph(const KnowledgeGraph &graph, const NodeMetrics &metrics, const QList<QPointF> &positions,
                          std::shared_ptr<ProjectGraph> project, ViewFit fit)
{
    m_layout->cancel();
    m_layout->setProjectGraph(std::move(project)); // where a rerun layout is saved
    prepare(graph, metrics, fit);
    m_view->setPositions(positions, fit);
}

void GraphPanel::rebuildFilterMenu()
{
    // Not clear(): that would delete the degree action, and with it the spin box it owns.
    for (QAction *action : m_filterMenu->actions()) {
        if (action != m_degreeAction) {
            m_filterMenu->removeAction(action);
            delete action;
        }
    }
    m_typeActions.clear();
    m_communityActions.clear();
    if (!m_degreeAction) {
        m_degreeAction = new QWidgetAction(m_filterMenu);
        m_degreeAction->setDefaultWidget(m_minimumDegree);
        m_filterMenu->addAction(m_degreeAction);
    }
    m_filterMenu->addSection(tr("Types"));
    const QStringList types = m_view->scene().types();
    for (const QString &type : types) {
        QAction *action = m_filterMenu->addAction(type.isEmpty() ? tr("(no type)") : type);
        action->setData(type);
        action->setCheckable(true);
        action->setChecked(true);
        connect(action, &QAction::toggled, this, &GraphPanel::applyFilters);
        m_typeActions.append(action);
    }
    const QList<int> communities = m_view->scene().communities();
    if (!communities.isEmpty()) {
        m_filterMenu->addSection(tr("Communities"));
        // The largest few by name; a menu of thousands helps nobody.
        for (int c : communities.mid(0, 20)) {
            QAction *action = m_filterMenu->addAction(tr("Community %1").arg(c + 1));
            action->setData(c);
            action->setCheckable(true);
            action->setChecked(true);
            connect(action, &QAction::toggled, this, &GraphPanel::applyFilters);
            m_communityActions.append(action);
        }
    }
}

void GraphPanel::applyFilters()
{
    QSet<QString> types;
    for (QAction *action : std::as_const(m_typeActions)) {
        if (!action->isChecked())
            types.insert(action->data().toString());
    }
    QSet<int> communities;
    for (QAction *action : std::as_const(m_communityActions)) {
        if (!action->isChecked())
            communities.insert(action->data().toInt());
    }
    m_view->setHiddenTypes(types);
    m_view->setHiddenCommunities(communities);
    m_view->setMinimumDegree(m_minimumDegree->value());
}

void GraphPanel::updateEgo()
{
    const int center = m_view->selectedNode();
    if (m_ego->isChecked() && center >= 0)
        m_view->showEgoNetwork(center, m_egoDepth->value());
    else if (!m_ego->isChecked())
        m_view->clearEgoNetwork();
}

bool GraphPanel::search(const QString &text)
{
    const QList<int> found = m_view->graph().findByName(text.trimmed());
    for (int node : found) {
        // One the overview stands for is found: selecting it brings it out with its neighbours.
        if (!m_view->scene().passesFilters(node))
            continue;
        m_view->selectNode(node);
        m_view->centerOn(node);
        return true;
    }
    if (!text.trimmed().isEmpty())
        m_status->setText(found.isEmpty() ? tr("No entity named “%1”").arg(text.trimmed())
                                          : tr("“%1” is hidden by the filters").arg(text.trimmed()));
    return false;
}

int GraphPanel::completionCount() const
{
    return m_names->rowCount();
}

void GraphPanel::rerunLayout()
{
    m_layout->compute(m_view->graph());
}

void GraphPanel::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    m_progress->setValue(0);
    if (busy)
        m_status->setText(tr("Computing the layout…"));
    else
        updateStatus();
}

QString GraphPanel::statusText() const
{
    const QLocale locale; // 32,118, not 32118
    QString text = tr("%1 of %Ln entities shown", nullptr, m_view->graph().nodeCount())
                       .arg(locale.toString(m_view->scene().shownCount()));
    const CommunityOverview &overview = m_view->overview();
    if (m_view->isOverviewEnabled() && m_view->scene().egoCenter() < 0) {
        text += QStringLiteral(" · ")
            + tr("%Ln communities as discs (%1 entities; double-click one to show them)", nullptr,
                 overview.collapsedClusterCount())
                  .arg(locale.toString(overview.collapsedEntityCount()));
    }
    return text;
}

void GraphPanel::updateStatus()
{
    m_status->setText(statusText());
}

void GraphPanel::exportView()
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Graph View"), QString(),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg)"), &filter);
    if (path.isEmpty())
        return;
    const bool svg =
        path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive) || filter.contains(QStringLiteral("svg"));
    const bool ok = svg
        ? m_view->exportSvg(path)
        : m_view->exportPng(path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive) ? path
                                                                                       : path + QStringLiteral(".png"));
    if (!ok)
        QMessageBox::warning(this, tr("Export failed"),
                             tr("Cannot write %1. Check that the folder exists and is writable.").arg(path));
}

} // namespace gw
