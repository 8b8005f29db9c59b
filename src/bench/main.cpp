// graphwright-bench: benchmarks that print figures.
//   graphwright-bench core   [--workers N] [--json]
//   graphwright-bench ingest --corpus DIR [--workers N] [--json]
//   graphwright-bench extract --corpus DIR [--workers N] [--json]
//   graphwright-bench graph [--nodes N] [--edges M] [--json]
//   graphwright-bench graphview [--nodes N] [--edges M] [--no-layout] [--json]
//   graphwright-bench explore --project FILE [--json]
//   graphwright-bench layout [--nodes N] [--edges M] [--project FILE [--all-co-occurrence]] [--compare] [--json]
#include "corebenchmark.h"
#include "curatebenchmark.h"
#include "explorebenchmark.h"
#include "extractbenchmark.h"
#include "graphbenchmark.h"
#include "graphviewbenchmark.h"
#include "ingestbenchmark.h"
#include "layoutbenchmark.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

int main(int argc, char **argv)
{
    // graphview paints widgets: it needs a QApplication (offscreen when there is no display).
    const bool widgets = std::any_of(argv + 1, argv + argc, [](const char *arg) {
        return std::strcmp(arg, "graphview") == 0 || std::strcmp(arg, "curate") == 0
            || std::strcmp(arg, "explore") == 0;
    });
    if (widgets && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application =
        widgets ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("graphwright-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Graphwright benchmarks; they print figures and never fail on a time.\n"
        "  core    TaskGroup speedup and efficiency, per-task overhead, cancellation latency\n"
        "  ingest  the whole ingestion job on a folder at 1 worker and at N\n"
        "  extract entity and relation extraction alone on a folder's text files, 1 thread and N\n"
        "  graph   analytics, layout, embeddings, similarity and exports on a random graph\n"
        "  graphview  the graph view: layout time, then offscreen frame times at several zoom levels\n"
        "  explore the GUI thread's time for search, expand, collapse and filters on --project FILE\n"
        "  layout  the community layout (default 100000 nodes, 500000 relations, or --project): time and\n"
        "          mean edge length inside / between communities"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("suite"),
                                 QStringLiteral("core, ingest, extract, graph, graphview, explore, layout or curate"));
    const QCommandLineOption workers(QStringLiteral("workers"),
                                     QStringLiteral("Workers for the parallel runs (default: ideal thread count)."),
                                     QStringLiteral("N"));
    const QCommandLineOption corpus(QStringLiteral("corpus"),
                                    QStringLiteral("Folder of documents for 'ingest' and 'extract'."),
                                    QStringLiteral("DIR"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Also print the figures as one JSON object."));
    const QCommandLineOption nodes(QStringLiteral("nodes"),
                                   QStringLiteral("Nodes of the random graph (default 10000)."), QStringLiteral("N"),
                                   QStringLiteral("10000"));
    const QCommandLineOption edges(QStringLiteral("edges"),
                                   QStringLiteral("Relations of the random graph (default 50000)."),
                                   QStringLiteral("M"), QStringLiteral("50000"));
    const QCommandLineOption noLayout(
        QStringLiteral("no-layout"),
        QStringLiteral("'graphview': place communities as blobs instead of timing the igraph layout."));
    const QCommandLineOption project(QStringLiteral("project"),
                                     QStringLiteral("'graphview': render this project's graph (with --png)."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption png(QStringLiteral("png"), QStringLiteral("'graphview': the PNG to write for --project."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption compare(
        QStringLiteral("compare"), QStringLiteral("'layout': also time one force-directed layout of the whole graph."));
    const QCommandLineOption allCoOccurrence(
        QStringLiteral("all-co-occurrence"),
        QStringLiteral("'layout --project': every relation (the window shows significant ones)."));
    parser.addOptions({workers, corpus, json, nodes, edges, noLayout, project, png, compare, allCoOccurrence});
    parser.process(app);

    const QStringList suites = parser.positionalArguments();
    const QString suite = suites.size() == 1 ? suites.first() : QString();
    QJsonObject report;
    if (suite == QStringLiteral("core")) {
        gw::CoreBenchmark::Options options;
        options.workers = parser.value(workers).toInt();
        report = gw::CoreBenchmark(options).run();
    } else if (suite == QStringLiteral("ingest")) {
        if (!parser.isSet(corpus) || !QFileInfo(parser.value(corpus)).isDir()) {
            std::fprintf(stderr,
                         "graphwright-bench ingest: --corpus must name a folder of documents "
                         "(../shared/corpus/make-dev-corpus.sh makes one)\n");
            return 1;
        }
        report = gw::IngestBenchmark({parser.value(corpus), parser.value(workers).toInt()}).run();
    } else if (suite == QStringLiteral("extract")) {
        if (!parser.isSet(corpus) || !QFileInfo(parser.value(corpus)).isDir()) {
            std::fprintf(stderr,
                         "graphwright-bench extract: --corpus must name a folder of text files "
                         "(scripts/make-text-corpus.sh makes one)\n");
            return 1;
        }
        report = gw::ExtractBenchmark({.corpus = parser.value(corpus), .workers = parser.value(workers).toInt()}).run();
    } else if (suite == QStringLiteral("graph")) {
        const int nodeCount = parser.value(nodes).toInt();
        const int edgeCount = parser.value(edges).toInt();
        if (nodeCount < 2 || edgeCount < 1) {
            std::fprintf(stderr, "graphwright-bench graph: --nodes must be at least 2 and --edges at least 1\n");
            return 1;
        }
        report = gw::GraphBenchmark({.nodes = nodeCount, .edges = edgeCount}).run();
    } else if (suite == QStringLiteral("graphview")) {
        gw::GraphViewBenchmark::Options options;
        options.nodes = parser.value(nodes).toInt();
        options.edges = parser.value(edges).toInt();
        options.layout = !parser.isSet(noLayout);
        if (options.nodes < 2 || options.edges < 1) {
            std::fprintf(stderr, "graphwright-bench graphview: --nodes must be at least 2 and --edges at least 1\n");
            return 1;
        }
        options.project = parser.value(project);
        options.png = parser.value(png);
        report = options.project.isEmpty() ? gw::GraphViewBenchmark(options).run()
                                           : gw::GraphViewBenchmark(options).renderProject();
    } else if (suite == QStringLiteral("explore")) {
        if (!QFileInfo(parser.value(project)).isFile()) {
            std::fprintf(stderr, "graphwright-bench explore: --project must name a project file\n");
            return 1;
        }
        report = gw::ExploreBenchmark({.project = parser.value(project)}).run();
    } else if (suite == QStringLiteral("layout")) {
        gw::LayoutBenchmark::Options options;
        if (parser.isSet(nodes))
            options.nodes = parser.value(nodes).toInt();
        if (parser.isSet(edges))
            options.edges = parser.value(edges).toInt();
        if (options.nodes < 2 || options.edges < 1) {
            std::fprintf(stderr, "graphwright-bench layout: --nodes must be at least 2 and --edges at least 1\n");
            return 1;
        }
        options.project = parser.value(project);
        if (!options.project.isEmpty() && !QFileInfo(options.project).isFile()) {
            std::fprintf(stderr, "graphwright-bench layout: no project file %s\n", qPrintable(options.project));
            return 1;
        }
        options.allCoOccurrence = parser.isSet(allCoOccurrence);
        options.compare = parser.isSet(compare);
        report = gw::LayoutBenchmark(options).run();
    } else if (suite == QStringLiteral("curate")) {
        gw::CurateBenchmark::Options options;
        if (parser.isSet(nodes))
            options.nodes = parser.value(nodes).toInt();
        if (options.nodes < 2) {
            std::fprintf(stderr, "graphwright-bench curate: --nodes must be at least 2\n");
            return 1;
        }
        report = gw::CurateBenchmark(options).run();
    } else {
        std::fprintf(stderr,
                     "graphwright-bench: name one suite: core, ingest, extract, graph, graphview, layout or curate\n");
        return 1;
    }
    if (parser.isSet(json))
        std::printf("%s\n", QJsonDocument(report).toJson(QJsonDocument::Compact).constData());
    return 0;
}
