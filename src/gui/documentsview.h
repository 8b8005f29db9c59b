#pragma once

#include "core/latestonly.h"

#include <QCoroTask>
#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;

namespace gw {

class DocumentListModel;
class DocumentReader;
class GraphTableFilter;
class ProjectGraph;

// The "Documents" tab: every document of the project (not only those of this session) with its
// format, size, words, entities, state and time of ingest, sortable and filtered by a text box;
// below it the reader of the document opened (double-click or Return). Documents can be removed
// from the project here (Delete, or the context menu), after a confirmation.
//
// The list is read off the GUI thread by the project's graph jobs (ProjectGraph::documents) on
// setProjectGraph() and refresh(); removal runs there too (ProjectGraph::removeDocuments).
class DocumentsView : public QWidget
{
    Q_OBJECT

public:
    explicit DocumentsView(QWidget *parent = nullptr);
    ~DocumentsView() override;

    // Lists `project`'s documents (reads them at once); nullptr empties the view.
    void setProjectGraph(std::shared_ptr<ProjectGraph> project);
    // Reads the list again (after an ingest, an import, a removal). Latest-only.
    void refresh();
    bool isLoading() const { return m_loading; }

    // Opens document `documentId` in the reader, the span [selectStart, selectEnd) selected and
    // scrolled into view when given (an entity's sentence); selects its row.
    void openDocument(qint64 documentId, const QString &path, qint64 selectStart = -1, qint64 selectEnd = -1);
    // The paths of the selected rows.
    QStringList selectedPaths() const;
    // Asks to confirm, then removes the selected documents.
    void removeSelectedDialog();
    // Removes the documents at `paths` from the project, without asking; completes with how many
    // were removed (-1 when it failed, after saying why), the list read again.
    QCoro::Task<int> removeDocuments(QStringList paths);

    // For tests and the window.
    DocumentListModel *model() const { return m_model; }
    GraphTableFilter *filter() const { return m_filter; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QTableView *table() const { return m_table; }
    DocumentReader *reader() const { return m_reader; }
    QAction *openAction() const { return m_openAction; }
    QAction *removeAction() const { return m_removeAction; }

Q_SIGNALS:
    void listed();                      // a new list is shown
    void documentsRemoved(int removed); // the project changed: the graph should be read again
    // A mention's entity was chosen in the reader (a click, Return): show it in the graph.
    void entityActivated(const QString &entityId);
    void statusMessage(const QString &text);

private:
    QCoro::Task<> load(std::shared_ptr<ProjectGraph> project);
    void openCurrent();
    void updateCount();
    void updateActions();

    std::shared_ptr<ProjectGraph> m_project;
    LatestOnly m_loads; // stale lists are dropped
    bool m_loading = false;
    DocumentListModel *m_model = nullptr;
    GraphTableFilter *m_filter = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QLabel *m_countLabel = nullptr;
    QSplitter *m_splitter = nullptr;
    QTableView *m_table = nullptr;
    DocumentReader *m_reader = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_removeAction = nullptr;
};

} // namespace gw
