#pragma once

#include "core/eventlooplagprobe.h"
#include "preferences.h"
#include "store/extractioncachetable.h"

#include <QCoroTask>
#include <QMainWindow>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QTabWidget;

namespace Ui {
class MainWindow;
}

namespace gw {

class BreakerPanel;
class DocumentsView;
class GraphWorkspace;
class IngestJob;
class JobsView;
class ReviewQueuePanel;
class ProjectContext;
class StatisticsDock;
class UnsavedDocumentsNotice;

// The workbench window: a project (ProjectContext: its ingestion job, its knowledge graph, its
// breakers and health checks) shown as "Jobs", "Graph" and "Documents" tabs in the middle, live
// statistics and the circuit-breaker panel in docks. Files and folders dropped anywhere on it are
// ingested; a drop while documents run queues more. Nothing here blocks the event loop: opening
// a project and the job's work run on worker threads and are awaited.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Closes the current project (cancelling its job) and opens `path`, creating it when missing.
    // False, after telling the person why, when it could not be opened.
    QCoro::Task<bool> openProject(QString path);
    // Ingests files and folders into the open project.
    void addInputs(const QStringList &paths);

    QString projectPath() const;
    ProjectContext *project() const { return m_project.get(); } // null while no project is open
    IngestJob *job() const;
    JobsView *jobsView() const { return m_jobsView; }
    GraphWorkspace *graphWorkspace() const { return m_graphWorkspace; }
    DocumentsView *documentsView() const { return m_documentsView; }
    QTabWidget *centralTabs() const { return m_tabs; }
    void showJobs();
    void showGraph();
    void showDocuments();
    // Imports a CSV table (TableImporter) off the GUI thread; completes with the result, after
    // telling the person about rows that could not be imported. False when nothing was imported.
    QCoro::Task<bool> importTable(QString path);
    // Adds a vocabulary file's names to the project (ProjectContext::importVocabulary) and offers
    // to read the documents again with them (an ingest, with progress and cancel in Jobs).
    // Completes with the documents offered to be read again, -1 on failure.
    QCoro::Task<int> importVocabulary(QString path);
    // Compacts the open project off the GUI thread (File → Compact Project); true when it did.
    QCoro::Task<bool> compactProject();
    // Forgets the remote extractor's cached answers off the GUI thread (File → Clear Extraction
    // Cache) and says in the status bar how many, of what size; completes with that, or nothing
    // on failure (after showing why).
    QCoro::Task<std::optional<ExtractionCacheStats>> clearExtractionCache();
    QAction *clearExtractionCacheAction() const { return m_clearExtractionCache; }
    StatisticsDock *statisticsDock() const { return m_statisticsDock; }
    BreakerPanel *breakerPanel() const { return m_breakerPanel; }
    ReviewQueuePanel *reviewQueue() const { return m_reviewQueue; }
    EventLoopLagProbe &lagProbe() { return m_lagProbe; }

    // Where a project goes when none is named: the last one used, else default.gwp in the
    // application's data folder.
    static QString defaultProjectPath();

Q_SIGNALS:
    void projectOpened(const QString &path);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void newProject();
    void openProjectDialog();
    void saveProjectAs();
    void addFilesDialog();
    void addFolderDialog();
    void showPreferences();
    void showAbout();
    void importTableDialog();
    void importVocabularyDialog();
    void rememberRecent(const QString &path);
    void updateRecentMenu();
    void updateTitle();
    void showError(const QString &title, const QString &text);
    QCoro::Task<> closeProject();
    QCoro::Task<> saveCopyAndOpen(QString target);
    QCoro::Task<> closeWhenIdle();

    std::unique_ptr<Ui::MainWindow> m_ui;
    Preferences m_preferences;
    EventLoopLagProbe m_lagProbe;
    std::unique_ptr<ProjectContext> m_project;
    JobsView *m_jobsView = nullptr;
    GraphWorkspace *m_graphWorkspace = nullptr;
    DocumentsView *m_documentsView = nullptr;
    QTabWidget *m_tabs = nullptr;
    StatisticsDock *m_statisticsDock = nullptr;
    ReviewQueuePanel *m_reviewQueue = nullptr;
    QAction *m_importVocabulary = nullptr;
    QAction *m_clearExtractionCache = nullptr;
    BreakerPanel *m_breakerPanel = nullptr;
    UnsavedDocumentsNotice *m_unsavedNotice = nullptr; // documents the project could not save
    QLabel *m_projectLabel = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QLabel *m_holdingsLabel = nullptr; // documents, entities, relations
    QStringList m_waitingInputs;       // dropped while a project was being opened
    bool m_opening = false;
    bool m_closing = false;
};

} // namespace gw
