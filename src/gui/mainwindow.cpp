#include "mainwindow.h"

#include "breakerpanel.h"
#include "core/taskgroup.h"
#include "extract/remoteextractor.h"
#include "graph/tableimporter.h"
#include "graphworkspace.h"
#include "jobsmodel.h"
#include "jobsview.h"
#include "pipeline/ingestjob.h"
#include "pipeline/projectgraph.h"
#include "preferencesdialog.h"
#include "statisticsdock.h"
#include "store/projectstore.h"
#include "ui_mainwindow.h"

#include <QCloseEvent>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
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

// The ingest preferences with the remote extractor's endpoint (none: built-in extraction only).
IngestOptions ingestOptions(const Preferences &preferences)
{
    IngestOptions options = preferences.ingest;
    options.remote.url = preferences.remoteExtractorUrl;
    options.remote.model = preferences.remoteExtractorModel;
    return options;
}

// The remote extractor's breaker, in the registry the breaker panel shows. The person's breaker
// preferences, but the timeout and retries meant for a model, which takes seconds per answer.
CircuitBreaker *remoteExtractorBreaker(CircuitBreakerRegistry &registry, const Preferences &preferences)
{
    return registry.create(RemoteExtractor::breakerName(),
                           RemoteExtractor::breakerSettings(ingestOptions(preferences).remote, preferences.breaker));
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
    setCentralWidget(m_tabs);
    connect(m_graphWorkspace, &GraphWorkspace::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 5000); });

    m_statisticsDock = new StatisticsDock(this);
    m_statisticsDock->setObjectName(QStringLiteral("statisticsDock"));
    m_statisticsDock->setLagProbe(&m_lagProbe);
    addDockWidget(Qt::RightDockWidgetArea, m_statisticsDock);

    auto *breakerDock = new QDockWidget(tr("Circuit Breakers and Health"), this);
    breakerDock->setObjectName(QStringLiteral("breakerDock"));
    m_breakerPanel = new BreakerPanel(breakerDock);
    m_breakerPanel->setRegistry(&m_breakers);
    m_breakerPanel->setHealthMonitor(&m_health);
    breakerDock->setWidget(m_breakerPanel);
    addDockWidget(Qt::BottomDockWidgetArea, breakerDock);

    m_ui->menuView->addAction(m_statisticsDock->toggleViewAction());
    m_ui->menuView->addAction(breakerDock->toggleViewAction());
    m_ui->menuView->addAction(m_ui->mainToolBar->toggleViewAction());

    m_projectLabel = new QLabel(this);
    m_summaryLabel = new QLabel(this);
    statusBar()->addWidget(m_summaryLabel, 1);
    statusBar()->addPermanentWidget(m_projectLabel);
    connect(m_jobsView->model(), &JobsModel::summaryChanged, m_summaryLabel, &QLabel::setText);

    // The store's health: what its breaker saw, and whether its folder still takes writes.
    m_breakers.create(QStringLiteral("project store"), m_preferences.breaker);
    if (ingestOptions(m_preferences).remote.enabled())
        remoteExtractorBreaker(m_breakers, m_preferences);
    m_health.registerCheck(tr("circuit breakers"), [this] { return m_breakers.health(); });

    connect(m_ui->actionNewProject, &QAction::triggered, this, &MainWindow::newProject);
    connect(m_ui->actionOpenProject, &QAction::triggered, this, &MainWindow::openProjectDialog);
    connect(m_ui->actionSaveProjectAs, &QAction::triggered, this, &MainWindow::saveProjectAs);
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
    // First start: the jobs list gets most of the room; later starts restore what the person chose.
    resizeDocks({m_statisticsDock}, {380}, Qt::Horizontal);
    resizeDocks({breakerDock}, {190}, Qt::Vertical);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    updateRecentMenu();
    updateTitle();
}

MainWindow::~MainWindow()
{
    m_jobsView->setJob(nullptr);
    m_statisticsDock->setJob(nullptr);
    m_job.reset(); // cancels and waits for its workers before the store goes
    m_store.reset();
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
    return m_store ? m_store->path() : QString();
}

QCoro::Task<> MainWindow::closeProject()
{
    if (!m_job)
        co_return;
    m_job->cancel();
    co_await m_job->waitIdle();
    // The graph's readers stop before the store goes.
    co_await m_graphWorkspace->closeProject();
    m_projectGraph.reset();
    m_jobsView->setJob(nullptr);
    m_statisticsDock->setJob(nullptr);
    m_job.reset();
    m_store.reset();
}

QCoro::Task<bool> MainWindow::openProject(QString path)
{
    QPointer<MainWindow> self(this);
    path = QFileInfo(withSuffix(path)).absoluteFilePath();
    m_opening = true;
    co_await closeProject();
    if (!self)
        co_return false;

    // Opening runs migrations and file I/O: off the GUI thread.
    TaskGroup<std::shared_ptr<ProjectStore>> opening({.maxParallel = 1, .name = tr("open project")});
    opening.spawn(path, [path] { return std::shared_ptr<ProjectStore>(ProjectStore::open(path)); });
    co_await opening.waitAll();
    if (!self)
        co_return false;
    m_opening = false;
    try {
        opening.throwIfFailed();
    } catch (const TaskFailedError &error) {
        showError(tr("Cannot open the project"), error.reason());
        updateTitle();
        co_return false;
    }
    m_store = *opening.partialResults().first();
    m_job = std::make_unique<IngestJob>(*m_store, ingestOptions(m_preferences));
    m_job->setStoreBreaker(m_breakers.find(QStringLiteral("project store")));
    if (ingestOptions(m_preferences).remote.enabled())
        m_job->setRemoteBreaker(remoteExtractorBreaker(m_breakers, m_preferences));
    m_jobsView->setJob(m_job.get());
    m_statisticsDock->setJob(m_job.get());
    // The graph shows what the project holds now, and again whenever ingestion settles.
    m_projectGraph = std::make_shared<ProjectGraph>(m_store);
    m_graphWorkspace->setProjectGraph(m_projectGraph);
    connect(m_job.get(), &IngestJob::idle, m_graphWorkspace, &GraphWorkspace::refresh);
    // After a large ingest the documents are all done but the job is not: say what it still does.
    const QString indexing = tr("All documents are stored; indexing the entities…");
    connect(m_job.get(), &IngestJob::indexingEntities, this, [this, indexing] { statusBar()->showMessage(indexing); });
    connect(m_job.get(), &IngestJob::idle, this, [this, indexing] {
        if (statusBar()->currentMessage() == indexing)
            statusBar()->clearMessage();
    });
    rememberRecent(path);
    updateTitle();
    // Checks of the project's folder: registering again replaces the previous project's.
    const QString folder = QFileInfo(path).absolutePath();
    m_health.registerCheck(tr("disk space"), diskSpaceCheck(folder, 100LL * 1024 * 1024));
    m_health.registerCheck(tr("project folder writable"), writableDirectoryCheck(folder));
    Q_EMIT projectOpened(path);
    if (!m_waitingInputs.isEmpty())
        addInputs(std::exchange(m_waitingInputs, {}));
    co_return true;
}

void MainWindow::addInputs(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    if (!m_job) {
        m_waitingInputs += paths;
        if (!m_opening)
            openProject(defaultProjectPath());
        return;
    }
    m_job->addInputs(paths);
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
    if (m_closing || !m_job || m_job->isIdle()) {
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
    m_job->cancel();
    co_await m_job->waitIdle();
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
    if (!m_store)
        return;
    const QString target = withSuffix(QFileDialog::getSaveFileName(
        this, tr("Save Project As"), QFileInfo(projectPath()).absolutePath(), projectFilter()));
    if (target.isEmpty() || QFileInfo(target).absoluteFilePath() == projectPath())
        return;
    if (QFileInfo::exists(target) && !QFile::remove(target)) {
        showError(tr("Cannot save the project"), tr("%1 exists and cannot be replaced.").arg(target));
        return;
    }
    [](QPointer<MainWindow> self, std::shared_ptr<ProjectStore> store, QString target) -> QCoro::Task<> {
        try {
            co_await store->saveCopy(target);
        } catch (const Error &error) {
            if (self)
                self->showError(tr("Cannot save the project"), error.message());
            co_return;
        }
        if (self)
            co_await self->openProject(target);
    }(this, m_store, target);
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

void MainWindow::importTableDialog()
{
    if (!m_store)
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Table"), QDir::homePath(),
                                                      tr("Tables (*.csv *.tsv *.txt);;All files (*)"));
    if (!path.isEmpty())
        importTable(path);
}

QCoro::Task<bool> MainWindow::importTable(QString path)
{
    QPointer<MainWindow> self(this);
    if (!m_store)
        co_return false;
    // Reading and writing the project: off the GUI thread.
    auto work = [store = m_store, path] { return TableImporter().importFile(*store, path); };
    TaskGroup<TableImportResult> importing({.maxParallel = 1, .name = tr("import a table")});
    importing.spawn(path, work);
    co_await importing.waitAll();
    if (!self)
        co_return false;
    try {
        importing.throwIfFailed();
    } catch (const TaskFailedError &error) {
        showError(tr("Cannot import the table"), error.reason());
        co_return false;
    } catch (const Error &error) {
        showError(tr("Cannot import the table"), error.message());
        co_return false;
    }
    const TableImportResult result = *importing.partialResults().first();
    m_graphWorkspace->refresh();
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
    m_ui->actionSaveProjectAs->setEnabled(!path.isEmpty());
    m_ui->actionImportTable->setEnabled(!path.isEmpty());
    m_ui->actionExportGraph->setEnabled(!path.isEmpty());
}

void MainWindow::showError(const QString &title, const QString &text)
{
    QMessageBox::warning(this, title, text);
}

} // namespace gw
