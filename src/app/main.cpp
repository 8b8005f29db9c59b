// graphwright: the desktop workbench.
//   graphwright [--project FILE] [PATH...]
//   graphwright --project FILE --ingest PATH... --exit-when-done --lag-report   (measurement)
#include "gui/graphworkspace.h"
#include "gui/mainwindow.h"
#include "pipeline/ingestjob.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoroSignal>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

namespace {

QCoro::Task<> start(gw::MainWindow &window, QString project, QStringList inputs, bool exitWhenDone, bool lagReport)
{
    if (!co_await window.openProject(project)) {
        if (exitWhenDone)
            QCoreApplication::exit(2);
        co_return;
    }
    window.lagProbe().reset();
    QElapsedTimer clock;
    clock.start();
    window.addInputs(inputs);
    if (!exitWhenDone)
        co_return;
    co_await window.job()->waitIdle();
    const gw::IngestSummary summary = window.job()->summarize();
    // Ingestion settling refreshes the Graph tab: the run is done when that graph is shown.
    const double ingestSeconds = clock.nsecsElapsed() / 1e9;
    const bool graphShown =
        (co_await qCoro(window.graphWorkspace(), &gw::GraphWorkspace::loaded, std::chrono::minutes(5))).has_value();
    if (lagReport) {
        const gw::EventLoopLagSnapshot lag = window.lagProbe().snapshot();
        const QJsonObject report{{QStringLiteral("lag_max_ms"), lag.maxMs},
                                 {QStringLiteral("lag_p99_ms"), lag.p99Ms},
                                 {QStringLiteral("lag_p50_ms"), lag.p50Ms},
                                 {QStringLiteral("lag_samples"), lag.samples},
                                 {QStringLiteral("documents_done"), summary.documentsDone},
                                 {QStringLiteral("documents_failed"), summary.documentsFailed},
                                 {QStringLiteral("seconds"), ingestSeconds},
                                 {QStringLiteral("graph_shown"), graphShown},
                                 {QStringLiteral("graph_seconds"), clock.nsecsElapsed() / 1e9 - ingestSeconds}};
        std::printf("%s\n", QJsonDocument(report).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
    }
    QCoreApplication::exit(summary.documentsFailed > 0 ? 2 : 0);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Graphwright"));
    QCoreApplication::setApplicationName(QStringLiteral("Graphwright"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GW_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.graphwright.Graphwright"));

    // The interface follows the system locale when a translation exists for it.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("graphwright"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Graphwright: drop documents, get one knowledge graph. Paths given are ingested into the project."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption project(
        QStringList{QStringLiteral("p"), QStringLiteral("project")},
        QCoreApplication::translate("main", "Project file to open (created when missing)."),
        QCoreApplication::translate("main", "FILE"));
    const QCommandLineOption ingest(QStringLiteral("ingest"),
                                    QCoreApplication::translate("main", "A file or folder to ingest (repeatable)."),
                                    QCoreApplication::translate("main", "PATH"));
    const QCommandLineOption exitWhenDone(QStringLiteral("exit-when-done"),
                                          QCoreApplication::translate("main", "Quit when the ingestion is done."));
    const QCommandLineOption lagReport(
        QStringLiteral("lag-report"),
        QCoreApplication::translate("main", "With --exit-when-done: print event-loop lag and totals as JSON."));
    parser.addOptions({project, ingest, exitWhenDone, lagReport});
    parser.addPositionalArgument(QCoreApplication::translate("main", "PATH"),
                                 QCoreApplication::translate("main", "Files or folders to ingest."),
                                 QCoreApplication::translate("main", "[PATH...]"));
    parser.process(app);

    gw::MainWindow window;
    window.show();
    const QString projectPath = parser.isSet(project) ? parser.value(project) : gw::MainWindow::defaultProjectPath();
    start(window, projectPath, parser.values(ingest) + parser.positionalArguments(), parser.isSet(exitWhenDone),
          parser.isSet(lagReport));
    return app.exec();
}
