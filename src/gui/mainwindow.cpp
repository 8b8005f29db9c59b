#include "mainwindow.h"

#include "curationcontroller.h"
#include "reviewqueuepanel.h"

#include "breakerpanel.h"
#include "core/errors.h"
#include "documentreader.h"
#include "documentsview.h"
#include "entitydetailspanel.h"
#include "graphscene.h"
#include "graph/tableimporter.h"
#include "graphworkspace.h"
#include "jobsmodel.h"
#include "jobsview.h"
#include "pipeline/ingestjob.h"
#include "pipeline/projectcontext.h"
#include "preferencesdialog.h"
#include "statisticsdock.h"
#include "unsaveddocumentsnotice.h"
#include "ui_mainwindow.h"

#include <QCloseEvent>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QDir>
#include <QDockWidget>
#include <QPushButton>
#include <QMenu>
#include <QMenuBar>
#include <QUndoStack>
#include <QUndoView>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QScreen>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>

namespace gw {

namespace {
constexpr int maxRecentProjects = 8;
// A function, not a constant: the translator is installed after static initialisation.
QString projectFilter()
{
    return MainWindow::tr("Graphwright projects (*.gwp)");
}

QStringList localPaths(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    return paths;
}

QString withSuffix(QString path)
{
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".gwp");
    return path;
}

// A project as the preferences set it up: the ingest settings with the remote extractor's
// endpoint (none: built-in extraction only), and the breaker settings.
ProjectContextOptions projectOptions(const Preferences &preferences)
{
    ProjectContextOptions options;
    options.ingest = preferences.ingest;
    options.ingest.remote.url = preferences.remoteExtractorUrl;
    options.ingest.remote.model = preferences.remoteExtractorModel;
    options.breakers = preferences.breaker;
    return options;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_preferences(Preferences::load())
{
    m_ui->setupUi(this);
    setAcceptDrops(true);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("centralTabs"));
    m_tabs->setDocumentMode(true);
    m_jobsView = new JobsView(m_tabs);
    m_jobsView->setAcceptDrops(false); // drops go to the window: anywhere on it works
    m_graphWorkspace = new GraphWorkspace(m_tabs);
    m_graphWorkspace->setObjectName(QStringLiteral("graphWorkspace"));
    m_graphWorkspace->setAcceptDrops(false);
    m_tabs->addTab(m_jobsView, tr("Jobs"));
    m_tabs->addTab(m_graphWorkspace, tr("Graph"));
    // Documents: the whole project's documents and the reader; a mention leads to its entity in
    // the graph, an entity's sentence back to the reader.
    m_documentsView = new DocumentsView(m_tabs);
    m_documentsView->setObjectName(QStringLiteral("documentsView"));
    m_documentsView->setAcceptDrops(false);
    m_tabs->addTab(m_documentsView, tr("Documents"));
    connect(m_documentsView, &DocumentsView::entityActivated, this, [this](const QString &id) {
        showGraph();
        m_graphWorkspace->selectEntity(id);
    });
    connect(m_documentsView, &DocumentsView::documentsRemoved, m_graphWorkspace, &GraphWorkspace::refresh);
    connect(m_documentsView, &DocumentsView::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    connect(m_graphWorkspace->detailsPanel(), &EntityDetailsPanel::openInReaderRequested, this,
            [this](qint64 documentId, const QString &path, qint64 start, qint64 end) {
                showDocuments();
                m_documentsView->openDocument(documentId, path, start, end);
            });
    connect(m_graphWorkspace, &GraphWorkspace::loaded, m_documentsView, [this] {
        m_documentsView->reader()->setTypeColours(
            GraphScene::typeColours(GraphScene::typesByCount(m_graphWorkspace->graph())));
    });
    auto *showDocumentsAction = new QAction(tr("&Documents"), this);
    showDocumentsAction->setObjectName(QStringLiteral("actionShowDocuments"));
    showDocumentsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    showDocumentsAction->setToolTip(tr("Show the project's documents and read them with their entities"));
    m_ui->menuView->insertAction(m_ui->actionFind, showDocumentsAction);
    connect(showDocumentsAction, &QAction::triggered, this, &MainWindow::showDocuments);
    setCentralWidget(m_tabs);
    connect(m_graphWorkspace, &GraphWorkspace::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 5000); });

    m_statisticsDock = new StatisticsDock(this);
    m_statisticsDock->setObjectName(QStringLiteral("statisticsDock"));
    m_statisticsDock->setLagProbe(&m_lagProbe);
    addDockWidget(Qt::RightDockWidgetArea, m_statisticsDock);

    auto *breakerDock = new QDockWidget(tr("Circuit Breakers and Health"), this);
    breakerDock->setObjectName(QStringLiteral("breakerDock"));
    m_breakerPanel = new BreakerPanel(breakerDock); // shows the open project's breakers and checks
    breakerDock->setWidget(m_breakerPanel);
    // Under the statistics, in the right column: the graph and the jobs get the full height.
    addDockWidget(Qt::RightDockWidgetArea, breakerDock);
    splitDockWidget(m_statisticsDock, breakerDock, Qt::Vertical);

    // Edit: undo and redo of the graph's curation, and its history (kept in the project).
    QUndoStack *curationStack = m_graphWorkspace->curation()->undoStack();
    auto *editMenu = new QMenu(tr("&Edit"), this);
    menuBar()->insertMenu(m_ui->menuJobs->menuAction(), editMenu);
    QAction *undo = curationStack->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("actionUndo"));
    QAction *redo = curationStack->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    redo->setObjectName(QStringLiteral("actionRedo"));
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    for (QAction *action : {m_graphWorkspace->mergeAction(), m_graphWorkspace->renameAction(),
                            m_graphWorkspace->retypeAction(), m_graphWorkspace->hideAction()})
        editMenu->addAction(action);
    editMenu->addSeparator();
    for (QAction *action : {m_graphWorkspace->addRelationAction(), m_graphWorkspace->retypeRelationAction(),
                            m_graphWorkspace->deleteRelationAction()})
        editMenu->addAction(action);
    m_ui->menuView->addAction(m_graphWorkspace->pathAction());
    auto *historyDock = new QDockWidget(tr("Edit History"), this);
    historyDock->setObjectName(QStringLiteral("editHistoryDock"));
    auto *history = new QUndoView(curationStack, historyDock);
    history->setEmptyLabel(tr("<opened project>"));
    historyDock->setWidget(history);
    addDockWidget(Qt::RightDockWidgetArea, historyDock);
    historyDock->hide(); // View → Edit History
    // The review queue: likely duplicates, decided from the keyboard.
    auto *reviewDock = new QDockWidget(tr("Review Queue"), this);
    reviewDock->setObjectName(QStringLiteral("reviewQueueDock"));
    m_reviewQueue = new ReviewQueuePanel(m_graphWorkspace, reviewDock);
    reviewDock->setWidget(m_reviewQueue);
    addDockWidget(Qt::RightDockWidgetArea, reviewDock);
    tabifyDockWidget(m_statisticsDock, reviewDock); // the whole right column when raised
    tabifyDockWidget(m_statisticsDock, historyDock);
    reviewDock->hide(); // Edit → Review Queue (Ctrl+Shift+R)
    connect(historyDock->toggleViewAction(), &QAction::triggered, historyDock, [historyDock](bool shown) {
        if (shown)
            historyDock->raise();
    });
    QAction *showReview = reviewDock->toggleViewAction();
    showReview->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    showReview->setObjectName(QStringLiteral("actionReviewQueue"));
    connect(showReview, &QAction::triggered, this, [this, reviewDock](bool shown) {
        if (shown) {
            // Two sides of evidence side by side need room: half the window, to start with.
            reviewDock->raise();
            resizeDocks({reviewDock}, {width() / 2}, Qt::Horizontal);
            reviewDock->widget()->setFocus();
        }
    });
    editMenu->addSeparator();
    editMenu->addAction(historyDock->toggleViewAction());
    editMenu->addAction(showReview);
    editMenu->addSeparator();
    m_importVocabulary = editMenu->addAction(tr("Import &Vocabulary…"), this, &MainWindow::importVocabularyDialog);
    m_importVocabulary->setObjectName(QStringLiteral("actionImportVocabulary"));
    m_importVocabulary->setToolTip(tr("Names of your own, with their types (rows name,type,aliases): the extractor "
                                      "finds them in every document"));

    m_ui->menuView->addAction(m_statisticsDock->toggleViewAction());
    m_ui->menuView->addAction(historyDock->toggleViewAction());
    m_ui->menuView->addAction(showReview);
    m_ui->menuView->addAction(breakerDock->toggleViewAction());
    m_ui->menuView->addAction(m_ui->mainToolBar->toggleViewAction());

    m_projectLabel = new QLabel(this);
    m_summaryLabel = new QLabel(this);
    m_holdingsLabel = new QLabel(this);
    m_holdingsLabel->setObjectName(QStringLiteral("holdingsLabel"));
    m_holdingsLabel->setToolTip(tr("What the project holds (the relations the graph shows)"));
    statusBar()->addWidget(m_summaryLabel, 1);
    statusBar()->addPermanentWidget(m_holdingsLabel);
    statusBar()->addPermanentWidget(m_projectLabel);
    for (auto shown : {&GraphWorkspace::loaded, &GraphWorkspace::curatedShown})
        connect(m_graphWorkspace, shown, this, [this] { m_holdingsLabel->setText(m_graphWorkspace->holdingsText()); });
    connect(m_jobsView->model(), &JobsModel::summaryChanged, m_summaryLabel, &QLabel::setText);
    m_unsavedNotice = new UnsavedDocumentsNotice(this);

    connect(m_ui->actionNewProject, &QAction::triggered, this, &MainWindow::newProject);
    connect(m_ui->actionOpenProject, &QAction::triggered, this, &MainWindow::openProjectDialog);
    connect(m_ui->actionSaveProjectAs, &QAction::triggered, this, &MainWindow::saveProjectAs);
    connect(m_ui->actionCompactProject, &QAction::triggered, this, [this] { compactProject(); });
    m_clearExtractionCache = new QAction(tr("Clear E&xtraction Cache"), this);
    m_clearExtractionCache->setObjectName(QStringLiteral("actionClearExtractionCache"));
    m_clearExtractionCache->setStatusTip(
        tr("Forget the answers of the remote extractor kept in the project: the next ingest asks the endpoint again"));
    {
        const QList<QAction *> fileActions = m_ui->menuFile->actions();
        m_ui->menuFile->insertAction(fileActions.value(fileActions.indexOf(m_ui->actionCompactProject) + 1),
                                     m_clearExtractionCache);
    }
    connect(m_clearExtractionCache, &QAction::triggered, this, [this] { clearExtractionCache(); });
    connect(m_ui->actionAddFiles, &QAction::triggered, this, &MainWindow::addFilesDialog);
    connect(m_ui->actionAddFolder, &QAction::triggered, this, &MainWindow::addFolderDialog);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionCancelAll, &QAction::triggered, m_jobsView->cancelAllAction(), &QAction::trigger);
    connect(m_ui->actionClearFinished, &QAction::triggered, m_jobsView->clearFinishedAction(), &QAction::trigger);
    connect(m_ui->actionPreferences, &QAction::triggered, this, &MainWindow::showPreferences);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionShowJobs, &QAction::triggered, this, &MainWindow::showJobs);
    connect(m_ui->actionShowGraph, &QAction::triggered, this, &MainWindow::showGraph);
    connect(m_ui->actionFind, &QAction::triggered, this, [this] {
        showGraph();
        m_graphWorkspace->focusFilter();
    });
    connect(m_ui->actionRefreshGraph, &QAction::triggered, m_graphWorkspace, &GraphWorkspace::refresh);
    connect(m_ui->actionExportGraph, &QAction::triggered, m_graphWorkspace, &GraphWorkspace::exportGraphDialog);
    connect(m_ui->actionExportTable, &QAction::triggered, m_graphWorkspace, &GraphWorkspace::exportTableDialog);
    connect(m_ui->actionImportTable, &QAction::triggered, this, &MainWindow::importTableDialog);

    QSettings settings;
    // First start: most of the screen (not the .ui's fixed size), the docks a narrow column; later
    // starts restore what the person chose.
    if (const QScreen *screen = QGuiApplication::primaryScreen()) {
        const QRect available = screen->availableGeometry();
        const QSize size(std::max(std::min(1000, available.width()), int(available.width() * 0.88)),
                         std::max(std::min(680, available.height()), int(available.height() * 0.88)));
        setGeometry(QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, size, available));
    }
    resizeDocks({m_statisticsDock}, {std::max(320, width() / 4)}, Qt::Horizontal);
    resizeDocks({m_statisticsDock, breakerDock}, {height() / 2, height() / 3}, Qt::Vertical);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    updateRecentMenu();
    updateTitle();
}

MainWindow::~MainWindow()
{
    m_jobsView->setJob(nullptr);
    m_unsavedNotice->setJob(nullptr, {});
    m_statisticsDock->setJob(nullptr);
    m_breakerPanel->setRegistry(nullptr);
    m_breakerPanel->setHealthMonitor(nullptr);
    m_documentsView->setProjectGraph(nullptr);
    m_project.reset(); // cancels the job and waits for its workers before the store goes
}

IngestJob *MainWindow::job() const
{
    return m_project ? m_project->job() : nullptr;
}

QString MainWindow::defaultProjectPath()
{
    const QStringList recent = QSettings().value(QStringLiteral("recentProjects")).toStringList();
    if (!recent.isEmpty() && QFileInfo::exists(recent.first()))
        return recent.first();
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return QDir(folder).filePath(QStringLiteral("default.gwp"));
}

QString MainWindow::projectPath() const
{
    return m_project ? m_project->path() : QString();
}

QCoro::Task<> MainWindow::closeProject()
{
    QPointer<MainWindow> self(this);
    std::unique_ptr<ProjectContext> project = std::move(m_project);
    if (!project)
        co_return;
    // The views let go first; the context then ends the job and the graph jobs, then the store.
    m_jobsView->setJob(nullptr);
    m_unsavedNotice->setJob(nullptr, {});
    m_statisticsDock->setJob(nullptr);
    m_breakerPanel->setRegistry(nullptr);
    m_breakerPanel->setHealthMonitor(nullptr);
    co_await m_graphWorkspace->closeProject();
    m_documentsView->setProjectGraph(nullptr);
    co_await project->close();
    if (self)
        updateTitle();
}

QCoro::Task<bool> MainWindow::openProject(QString path)
{
    QPointer<MainWindow> self(this);
    path = QFileInfo(withSuffix(path)).absoluteFilePath();
    m_opening = true;
    co_await closeProject();
    if (!self)
        co_return false;

    // Opening runs migrations and file I/O off the GUI thread.
    auto project = std::make_unique<ProjectContext>(path, projectOptions(m_preferences));
    QString failure;
    try {
        co_await project->open();
    } catch (const Error &error) {
        failure = error.message();
    }
    if (!self)
        co_return false;
    m_opening = false;
    if (!failure.isEmpty()) {
        showError(tr("Cannot open the project"), failure);
        updateTitle();
        co_return false;
    }
    m_project = std::move(project);
    IngestJob *job = m_project->job();
    m_jobsView->setJob(job);
    m_statisticsDock->setJob(job);
    m_unsavedNotice->setJob(job, path);
    m_breakerPanel->setRegistry(&m_project->breakers());
    m_breakerPanel->setHealthMonitor(&m_project->health());
    // The graph shows what the project holds now, and again whenever ingestion settles.
    m_graphWorkspace->setProjectGraph(m_project->graph());
    connect(job, &IngestJob::idle, m_graphWorkspace, &GraphWorkspace::refresh);
    m_documentsView->setProjectGraph(m_project->graph());
    connect(job, &IngestJob::idle, m_documentsView, &DocumentsView::refresh);
    // After a large ingest the documents are all done but the job is not: say what it still does.
    const QString indexing = tr("All documents are stored; indexing the entities…");
    connect(job, &IngestJob::indexingEntities, this, [this, indexing] { statusBar()->showMessage(indexing); });
    connect(job, &IngestJob::idle, this, [this, indexing] {
        if (statusBar()->currentMessage() == indexing)
            statusBar()->clearMessage();
    });
    rememberRecent(path);
    updateTitle();
    Q_EMIT projectOpened(path);
    if (!m_waitingInputs.isEmpty())
        addInputs(std::exchange(m_waitingInputs, {}));
    co_return true;
}

void MainWindow::addInputs(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    if (!job()) {
        m_waitingInputs += paths;
        if (!m_opening)
            openProject(defaultProjectPath());
        return;
    }
    job()->addInputs(paths);
    statusBar()->showMessage(tr("Adding %n item(s)…", nullptr, int(paths.size())), 3000);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (!localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList paths = localPaths(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    addInputs(paths);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (m_closing || !job() || job()->isIdle()) {
        event->accept();
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Documents are still being ingested"),
        tr("Cancel the remaining documents and quit? Documents already finished are kept in the project."),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    event->ignore();
    if (answer == QMessageBox::Yes)
        closeWhenIdle();
}

QCoro::Task<> MainWindow::closeWhenIdle()
{
    QPointer<MainWindow> self(this);
    if (IngestJob *running = job()) {
        running->cancel();
        co_await running->waitIdle();
    }
    if (!self)
        co_return;
    m_closing = true;
    close();
}

void MainWindow::newProject()
{
    const QString path =
        withSuffix(QFileDialog::getSaveFileName(this, tr("New Project"), QDir::homePath(), projectFilter()));
    if (path.isEmpty())
        return;
    if (QFileInfo::exists(path) && !QFile::remove(path)) {
        showError(tr("Cannot create the project"), tr("%1 exists and cannot be replaced.").arg(path));
        return;
    }
    openProject(path);
}

void MainWindow::openProjectDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QFileInfo(projectPath()).absolutePath(),
                                                      projectFilter());
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::saveProjectAs()
{
    if (!m_project)
        return;
    const QString target = withSuffix(QFileDialog::getSaveFileName(
        this, tr("Save Project As"), QFileInfo(projectPath()).absolutePath(), projectFilter()));
    if (target.isEmpty() || QFileInfo(target).absoluteFilePath() == projectPath())
        return;
    if (QFileInfo::exists(target) && !QFile::remove(target)) {
        showError(tr("Cannot save the project"), tr("%1 exists and cannot be replaced.").arg(target));
        return;
    }
    saveCopyAndOpen(target);
}

void MainWindow::addFilesDialog()
{
    const QStringList files =
        QFileDialog::getOpenFileNames(this, tr("Add Files"), QDir::homePath(),
                                      tr("Documents (*.pdf *.docx *.odt *.epub *.html *.htm *.xhtml *.md *.markdown "
                                         "*.txt *.text *.log *.csv *.tsv *.json);;All files (*)"));
    addInputs(files);
}

void MainWindow::addFolderDialog()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add Folder"), QDir::homePath());
    if (!folder.isEmpty())
        addInputs({folder});
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_preferences, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_preferences = dialog.preferences();
    m_preferences.save();
    statusBar()->showMessage(tr("Preferences saved; they apply to the next project opened."), 5000);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Graphwright"),
                       tr("<h3>Graphwright %1</h3>"
                          "<p>A knowledge-graph workbench: drop documents, and Graphwright ingests them in "
                          "parallel into one project file.</p>"
                          "<p>Built with Qt %2, QCoro, poppler, QuaZip, uchardet and SQLite.</p>")
                           .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

void MainWindow::showJobs()
{
    m_tabs->setCurrentWidget(m_jobsView);
}

void MainWindow::showGraph()
{
    m_tabs->setCurrentWidget(m_graphWorkspace);
}

void MainWindow::showDocuments()
{
    m_tabs->setCurrentWidget(m_documentsView);
}

QCoro::Task<> MainWindow::saveCopyAndOpen(QString target)
{
    QPointer<MainWindow> self(this);
    QString failure;
    try {
        co_await m_project->saveCopy(target);
    } catch (const Error &error) {
        failure = error.message();
    }
    if (!self)
        co_return;
    if (!failure.isEmpty()) {
        showError(tr("Cannot save the project"), failure);
        co_return;
    }
    co_await openProject(target);
}

QCoro::Task<bool> MainWindow::compactProject()
{
    QPointer<MainWindow> self(this);
    if (!m_project)
        co_return false;
    m_ui->actionCompactProject->setEnabled(false);
    statusBar()->showMessage(tr("Compacting the project…"));
    std::optional<Compaction> compaction;
    QString failure;
    try {
        compaction = co_await m_project->compact();
    } catch (const Error &error) {
        failure = error.message();
    }
    if (!self)
        co_return false;
    m_ui->actionCompactProject->setEnabled(true);
    if (!compaction) {
        statusBar()->clearMessage();
        showError(tr("Cannot compact the project"), failure);
        co_return false;
    }
    const QLocale locale;
    statusBar()->showMessage(
        tr("Project compacted: %1 → %2.")
            .arg(locale.formattedDataSize(compaction->bytesBefore), locale.formattedDataSize(compaction->bytesAfter)),
        8000);
    co_return true;
}

QCoro::Task<std::optional<ExtractionCacheStats>> MainWindow::clearExtractionCache()
{
    QPointer<MainWindow> self(this);
    if (!m_project)
        co_return std::nullopt;
    m_clearExtractionCache->setEnabled(false);
    statusBar()->showMessage(tr("Clearing the extraction cache…"));
    std::optional<ExtractionCacheStats> cleared;
    QString failure;
    try {
        cleared = co_await m_project->clearExtractionCache();
    } catch (const Error &error) {
        failure = error.message();
    }
    if (!self)
        co_return std::nullopt;
    m_clearExtractionCache->setEnabled(m_project != nullptr);
    if (!cleared) {
        statusBar()->clearMessage();
        showError(tr("Cannot clear the extraction cache"), failure);
        co_return std::nullopt;
    }
    const QLocale locale;
    statusBar()->showMessage(tr("Extraction cache cleared: %n answer(s), %1.", nullptr, int(cleared->entries))
                                 .arg(locale.formattedDataSize(cleared->bytes)),
                             8000);
    co_return cleared;
}

void MainWindow::importVocabularyDialog()
{
    if (!m_project)
        return;
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import Vocabulary"), QDir::homePath(),
                                     tr("Vocabularies: name,type,aliases (*.csv *.tsv *.txt);;All files (*)"));
    if (!path.isEmpty())
        importVocabulary(path);
}

QCoro::Task<int> MainWindow::importVocabulary(QString path)
{
    QPointer<MainWindow> self(this);
    if (!m_project)
        co_return -1;
    std::optional<VocabularyImport> imported;
    QString failure;
    try {
        imported = co_await m_project->importVocabulary(path);
    } catch (const Error &error) {
        failure = error.message();
    }
    if (!self)
        co_return -1;
    if (!imported) {
        showError(tr("Cannot import the vocabulary"), failure);
        co_return -1;
    }
    const QString summary = tr("%n names imported from %1 (%2 new).", nullptr, imported->names)
                                .arg(QFileInfo(path).fileName())
                                .arg(imported->added);
    if (imported->documents.isEmpty()) {
        statusBar()->showMessage(summary + QLatin1Char(' ') + tr("Documents ingested from now on use them."), 8000);
        co_return 0;
    }
    auto *ask = new QMessageBox(
        QMessageBox::Question, tr("Extract Again?"),
        summary + QLatin1Char('\n')
            + tr("Read the project's %n documents again now, so that they find these names? You can cancel it in "
                 "Jobs; documents not read again keep what was found in them.",
                 nullptr, int(imported->documents.size())),
        QMessageBox::NoButton, this);
    ask->setObjectName(QStringLiteral("extractAgain"));
    QPushButton *now = ask->addButton(tr("&Extract Again"), QMessageBox::AcceptRole);
    ask->addButton(tr("&Later"), QMessageBox::RejectRole);
    ask->setDefaultButton(now);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QDialog::finished, this, [this, ask, now, documents = imported->documents] {
        if (ask->clickedButton() != now || !m_project)
            return;
        addInputs(documents);
        showJobs();
    });
    ask->open(); // never a nested event loop
    co_return int(imported->documents.size());
}

void MainWindow::importTableDialog()
{
    if (!m_project)
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Table"), QDir::homePath(),
                                                      tr("Tables (*.csv *.tsv *.txt);;All files (*)"));
    if (!path.isEmpty())
        importTable(path);
}

QCoro::Task<bool> MainWindow::importTable(QString path)
{
    QPointer<MainWindow> self(this);
    if (!m_project)
        co_return false;
    // Reading and writing the project: off the GUI thread.
    std::optional<TableImportResult> imported;
    QString failure;
    try {
        imported = co_await m_project->importTable(path);
    } catch (const Error &error) {
        failure = error.message();
    }
    if (!self)
        co_return false;
    if (!imported) {
        showError(tr("Cannot import the table"), failure);
        co_return false;
    }
    const TableImportResult result = *imported;
    m_graphWorkspace->refresh();
    m_documentsView->refresh();
    const QString summary = tr("Imported %1 of %2 rows from %3: %4 entities, %5 relations.")
                                .arg(result.importedRows)
                                .arg(result.rows)
                                .arg(QFileInfo(path).fileName())
                                .arg(result.entities)
                                .arg(result.relations);
    if (result.problemCount == 0) {
        statusBar()->showMessage(summary, 8000);
        co_return result.importedRows > 0;
    }
    // Rows left out are the person's to fix: say which and why, without holding the event loop.
    QStringList lines;
    for (const TableImportProblem &problem : result.problems)
        lines << tr("line %1: %2").arg(problem.line).arg(problem.message);
    if (result.problemCount > result.problems.size())
        lines << tr("… and %n more", nullptr, int(result.problemCount - result.problems.size()));
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Some rows were not imported"),
        summary + QLatin1Char('\n')
            + tr("%n row(s) could not be imported; see the details.", nullptr, int(result.problemCount)),
        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("importProblems"));
    box->setDetailedText(lines.join(QLatin1Char('\n')));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    co_return result.importedRows > 0;
}

void MainWindow::rememberRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentProjects")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maxRecentProjects)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentProjects"), recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    QMenu *menu = m_ui->menuRecent;
    menu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentProjects")).toStringList();
    for (const QString &path : recent) {
        QAction *action = menu->addAction(QFileInfo(path).fileName());
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] { openProject(path); });
    }
    menu->setEnabled(!recent.isEmpty());
}

void MainWindow::updateTitle()
{
    const QString path = projectPath();
    setWindowTitle(path.isEmpty() ? tr("Graphwright") : tr("%1 — Graphwright").arg(QFileInfo(path).fileName()));
    m_projectLabel->setText(path.isEmpty() ? tr("No project open") : path);
    if (path.isEmpty())
        m_holdingsLabel->clear();
    m_ui->actionSaveProjectAs->setEnabled(!path.isEmpty());
    m_ui->actionImportTable->setEnabled(!path.isEmpty());
    m_importVocabulary->setEnabled(!path.isEmpty());
    m_ui->actionCompactProject->setEnabled(!path.isEmpty());
    m_clearExtractionCache->setEnabled(!path.isEmpty());
    m_ui->actionExportGraph->setEnabled(!path.isEmpty());
}

void MainWindow::showError(const QString &title, const QString &text)
{
    QMessageBox::warning(this, title, text);
}

} // namespace gw
