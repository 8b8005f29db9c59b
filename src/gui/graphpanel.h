#pragma once
// GraphPanel: the graph view with its toolbar: a search box with completion over entity names
// (centres and selects the result), colour by community or type, size by PageRank or degree,
// filters (types, communities, minimum degree), ego network of depth k around the selection,
// fit, re-run layout (progress and cancel, off the GUI thread), export as PNG or SVG, and the
// overview: above kOverviewAbove entities the graph opens as a map of its communities.
//
//   panel->setGraph(graph, metrics, project);   // positions from the project, else a new layout (saved)
//   panel->setGraph(graph, metrics, positions); // positions given (no project)
//   connect(panel->view(), &GraphView::nodeSelected, ...); panel->view()->selectNode(i);
#include "viewfit.h"
#include "graph/knowledgegraph.h"
#include "graph/nodemetrics.h"

#include <QPointF>
#include <QWidget>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QSpinBox;
class QStringListModel;
class QToolButton;
class QWidgetAction;

namespace gw {

class GraphLayoutJob;
class GraphView;
class ProjectGraph;

class GraphPanel : public QWidget
{
    Q_OBJECT

public:
    explicit GraphPanel(QWidget *parent = nullptr);

    // A graph with more entities than this opens as the community overview.
    static constexpr int kOverviewAbove = 2000;

    GraphView *view() const { return m_view; }
    GraphLayoutJob *layoutJob() const { return m_layout; }

    void setGraph(const KnowledgeGraph &graph, const NodeMetrics &metrics, std::shared_ptr<ProjectGraph> project);
    // Positions given; a rerun layout is saved in `project` when there is one.
    // `fit`: ViewFit::Keep for the same picture edited (a curation edit).
    void setGraph(const KnowledgeGraph &graph, const NodeMetrics &metrics, const QList<QPointF> &positions,
                  std::shared_ptr<ProjectGraph> project = {}, ViewFit fit = ViewFit::ToGraph);
    // Selects and centres on the best match for `text` (KnowledgeGraph::findByName); false when none.
    bool search(const QString &text);
    int completionCount() const;
    QAction *overviewAction() const { return m_overviewAction; }
    QAction *collapseAllAction() const { return m_collapseAll; }
    QString statusText() const;

public Q_SLOTS:
    void rerunLayout();
    void exportView();

private:
    void prepare(const KnowledgeGraph &graph, const NodeMetrics &metrics, ViewFit fit = ViewFit::ToGraph);
    void rebuildFilterMenu();
    void applyFilters();
    void updateEgo();
    void updateStatus();
    void updateCollapseAll();
    void setBusy(bool busy);

    GraphView *m_view;
    GraphLayoutJob *m_layout;
    QLineEdit *m_search;
    QStringListModel *m_names;
    QComboBox *m_colourBy;
    QComboBox *m_sizeBy;
    QMenu *m_filterMenu;
    QWidgetAction *m_degreeAction = nullptr; // kept across graphs: it owns the degree spin box
    QSpinBox *m_minimumDegree;
    QAction *m_ego;
    QAction *m_overviewAction;
    QAction *m_collapseAll;
    QSpinBox *m_egoDepth;
    QAction *m_rerun;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    QLabel *m_status;
    QList<QAction *> m_typeActions;
    QList<QAction *> m_communityActions;
};

} // namespace gw
