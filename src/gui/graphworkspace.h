#pragma once

#include "viewfit.h"
#include "core/latestonly.h"
#include "graph/graphexporter.h"
#include "graph/knowledgegraph.h"
#include "graph/nodemetrics.h"
#include "pipeline/graphsnapshot.h"

#include <QCoroTask>
#include <QPointF>
#include <QPointer>
#include <QWidget>

#include <atomic>
#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;

namespace gw {

class CurationController;

class EntityDetailsPanel;
class EntityTableModel;
class GraphTableFilter;
class GraphPanel;
class GraphView;
class ProjectGraph;
class RelationTableModel;
class SimilarEntities;

// The graph tab: the project's knowledge graph as an entity table, a relation table, the graph
// view and the details of the selected entity (provenance, neighbours, similar entities).
//
// It only shows what the project's graph jobs (ProjectGraph, in the pipeline) return: loading
// (read, analytics, layout, node embeddings), provenance of the selected entity, CSV and graph
// exports all run off the GUI thread there. A refresh while one runs supersedes it.
// closeProject() cancels everything and completes when no job touches the project any more.
class GraphWorkspace : public QWidget
{
    Q_OBJECT

public:
    explicit GraphWorkspace(QWidget *parent = nullptr);
    ~GraphWorkspace() override;

    // Shows `project`'s graph (loads it at once); nullptr empties the workspace.
    void setProjectGraph(std::shared_ptr<ProjectGraph> project);
    // Cancels the project's graph jobs, waits until none runs, then lets go of the project.
    QCoro::Task<> closeProject();
    // Reads the graph again (after an ingest, an import).
    void refresh();
    bool isLoading() const { return m_loading; }
    // What the project holds: "41 documents · 32,118 entities · 7,584 relations" (the relations
    // shown); empty without a project.
    QString holdingsText() const;
    ProjectGraph *projectGraph() const { return m_project.get(); }

    // Selects the entity everywhere: table row, graph view, details and similar entities.
    void selectEntity(const QString &id);
    QString selectedEntity() const { return m_selectedId; }
    // Puts the cursor in the filter box (Ctrl+F).
    void focusFilter();

    const KnowledgeGraph &graph() const { return m_graph; }
    const NodeMetrics &metrics() const { return m_metrics; }
    const QList<QPointF> &positions() const { return m_positions; }
    bool hasSimilarEntities() const { return bool(m_similar); }

    // Writes the rows the table shows now (filtered and sorted) as CSV; completes with an error
    // message, empty on success.
    QCoro::Task<QString> exportTable(bool relations, QString path);
    QCoro::Task<QString> exportGraph(ExportFormat format, QString path);
    void exportTableDialog();
    void exportGraphDialog();

    // Curation: the edits and their undo stack (the main window's Edit menu); the entity table's
    // context menu (and these actions) edit the selected entities.
    CurationController *curation() const { return m_curation; }
    QStringList selectedEntityIds() const;
    QAction *mergeAction() const { return m_mergeAction; }
    QAction *renameAction() const { return m_renameAction; }
    QAction *retypeAction() const { return m_retypeAction; }
    QAction *hideAction() const { return m_hideAction; }
    QAction *addRelationAction() const { return m_addRelationAction; }
    // The shortest path between the two selected entities, drawn in the graph view (Ctrl+P).
    QAction *pathAction() const { return m_pathAction; }
    QCoro::Task<> showPath(QString fromId, QString toId);
    QAction *deleteRelationAction() const { return m_deleteRelationAction; }
    QAction *retypeRelationAction() const { return m_retypeRelationAction; }
    // The edits the actions make, without their dialogs.
    void mergeSelectedInto(const QString &intoId);
    void renameEntity(const QString &id, const QString &name);
    void retypeEntity(const QString &id, const QString &type);
    void hideSelected();
    // Relation edits: of the relations selected in the relation table, and a new one between
    // two entities with a note kept as its evidence.
    void deleteSelectedRelations();
    void retypeSelectedRelations(const QString &type);
    void addRelation(const QString &sourceId, const QString &targetId, const QString &type, const QString &note);

    // For tests and the main window.
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *typeCombo() const { return m_typeCombo; }
    QComboBox *relationTypeCombo() const { return m_relationTypeCombo; }
    QCheckBox *chanceCoOccurrenceBox() const { return m_chanceCoOccurrence; }
    QTabWidget *tableTabs() const { return m_tableTabs; }
    QTableView *entityTable() const { return m_entityTable; }
    QTableView *relationTable() const { return m_relationTable; }
    GraphTableFilter *entityFilter() const { return m_entityFilter; }
    GraphTableFilter *relationFilter() const { return m_relationFilter; }
    EntityTableModel *entityModel() const { return m_entityModel; }
    RelationTableModel *relationModel() const { return m_relationModel; }
    EntityDetailsPanel *detailsPanel() const { return m_details; }
    QWidget *graphArea() const { return m_graphArea; }
    GraphView *graphView() const { return m_graphView; }
    GraphPanel *graphPanel() const { return m_graphPanel; }

Q_SIGNALS:
    void loaded();                       // a new snapshot is shown
    void curatedShown();                 // the curation edits in force are shown (showCurated)
    void pathShown();                    // showPath() has ended (path drawn, or a message)
    void loadFailed(const QString &why); // shown in the workspace too
    void detailsShown(const QString &entityId);
    void statusMessage(const QString &text);

private:
    QCoro::Task<> load(std::shared_ptr<ProjectGraph> project);
    QCoro::Task<> loadDetails(QString id);
    void applySnapshot(const GraphSnapshot &snapshot);
    LatestOnly::Ticket showSnapshotTables(const GraphSnapshot &snapshot); // applySnapshot in slices
    void showSnapshotGraph(ViewFit fit = ViewFit::ToGraph);
    void showProgress();
    void setLoadingUi(bool loading, const QString &text = {});
    void updateTypeCombos();
    void applyTypeFilter();
    void onEntityRowChanged();
    void onRelationRowChanged();
    void selectTableRow(const QString &id);
    // selectEntity(), the table row too unless the table itself chose it.
    void showEntity(const QString &id, bool selectRow);
    void updateCurationActions();
    // Shows the curation edits in force on the graph shown, made again in memory off this
    // thread, with the analytics and positions carried over by entity id: no reload.
    QCoro::Task<> showCurated();
    void mergeDialog();
    void renameDialog();
    void retypeDialog();
    void retypeRelationDialog();
    void addRelationDialog();
    void updateRelationActions();
    void addNeighboursMenu(QMenu &menu, int node); // the overview's expand-on-demand entries
    struct SelectedRelation
    {
        QString source, target, type, sourceName, targetName;
    };
    QList<SelectedRelation> selectedRelations() const;

    std::shared_ptr<ProjectGraph> m_project;
    CurationController *m_curation = nullptr;
    QAction *m_mergeAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_retypeAction = nullptr;
    QAction *m_hideAction = nullptr;
    QAction *m_addRelationAction = nullptr;
    QAction *m_pathAction = nullptr;
    LatestOnly m_paths;
    QAction *m_deleteRelationAction = nullptr;
    QAction *m_retypeRelationAction = nullptr;
    LatestOnly m_shows; // the snapshot being shown in slices
    // What the shown graph was made of: a curation edit is shown by making it again from these.
    std::shared_ptr<const KnowledgeGraph::Rows> m_rows;
    KnowledgeGraph::Edges m_rowsEdges = KnowledgeGraph::Edges::All;
    LatestOnly m_curatedShows;
    int m_editsChanged = 0; // curation steps so far: a load that saw some happen shows them again
    bool m_loading = false;
    bool m_syncingSelection = false;

    KnowledgeGraph m_graph;
    NodeMetrics m_metrics;
    QList<QPointF> m_positions;
    int m_documents = 0;
    std::shared_ptr<const SimilarEntities> m_similar;
    QString m_similarError;
    QString m_selectedId;

    QLineEdit *m_filter = nullptr;
    QComboBox *m_typeCombo = nullptr;
    QComboBox *m_relationTypeCombo = nullptr;
    QCheckBox *m_chanceCoOccurrence = nullptr; // checked: every co-occurrence, not only significant ones
    QPushButton *m_exportButton = nullptr;
    QTabWidget *m_tableTabs = nullptr;
    QTableView *m_entityTable = nullptr;
    QTableView *m_relationTable = nullptr;
    EntityTableModel *m_entityModel = nullptr;
    RelationTableModel *m_relationModel = nullptr;
    GraphTableFilter *m_entityFilter = nullptr;
    GraphTableFilter *m_relationFilter = nullptr;
    EntityDetailsPanel *m_details = nullptr;
    GraphPanel *m_graphPanel = nullptr;
    GraphView *m_graphView = nullptr; // the panel's
    QWidget *m_graphArea = nullptr;
    QLabel *m_statusLabel = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QTimer *m_progressTimer = nullptr;
};

} // namespace gw
