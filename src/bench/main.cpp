// graphwright-bench: benchmarks that print figures.
//   graphwright-bench core   [--workers N] [--json]
//   graphwright-bench ingest --corpus DIR [--workers N] [--json]
//   graphwright-bench extract --corpus DIR [--workers N] [--json]
#include "corebenchmark.h"
#include "extractbenchmark.h"
#include "ingestbenchmark.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("graphwright-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Graphwright benchmarks; they print figures and never fail on a time.\n"
        "  core    TaskGroup speedup and efficiency, per-task overhead, cancellation latency\n"
        "  ingest  the whole ingestion job on a folder at 1 worker and at N\n"
        "  extract entity and relation extraction alone on a folder's text files, 1 thread and N"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("suite"), QStringLiteral("core, ingest or extract"));
    const QCommandLineOption workers(QStringLiteral("workers"),
                                     QStringLiteral("Workers for the parallel runs (default: ideal thread count)."),
                                     QStringLiteral("N"));
    const QCommandLineOption corpus(QStringLiteral("corpus"), QStringLiteral("Folder of documents for 'ingest' and 'extract'."),
                                    QStringLiteral("DIR"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Also print the figures as one JSON object."));
    parser.addOptions({workers, corpus, json});
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
            std::fprintf(stderr, "graphwright-bench ingest: --corpus must name a folder of documents "
                                 "(../shared/corpus/make-dev-corpus.sh makes one)\n");
            return 1;
        }
        report = gw::IngestBenchmark({parser.value(corpus), parser.value(workers).toInt()}).run();
    } else if (suite == QStringLiteral("extract")) {
        if (!parser.isSet(corpus) || !QFileInfo(parser.value(corpus)).isDir()) {
            std::fprintf(stderr, "graphwright-bench extract: --corpus must name a folder of text files "
                                 "(scripts/make-text-corpus.sh makes one)\n");
            return 1;
        }
        report = gw::ExtractBenchmark({.corpus = parser.value(corpus), .workers = parser.value(workers).toInt()}).run();
    } else {
        std::fprintf(stderr, "graphwright-bench: name one suite: core, ingest or extract\n");
        return 1;
    }
    if (parser.isSet(json))
        std::printf("%s\n", QJsonDocument(report).toJson(QJsonDocument::Compact).constData());
    return 0;
}
