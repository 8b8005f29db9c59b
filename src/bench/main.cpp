// graphwright-bench: benchmarks that print figures. `graphwright-bench core [--workers N] [--json]`.
#include "corebenchmark.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("graphwright-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Graphwright benchmarks. Suites: core"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("suite"), QStringLiteral("Which benchmark to run: core"));
    const QCommandLineOption workers(QStringLiteral("workers"),
                                     QStringLiteral("Workers for the parallel runs (default: ideal thread count)."),
                                     QStringLiteral("N"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Also print the figures as one JSON object."));
    parser.addOption(workers);
    parser.addOption(json);
    parser.process(app);

    const QStringList suites = parser.positionalArguments();
    if (suites.size() != 1 || suites.first() != QStringLiteral("core")) {
        std::fprintf(stderr, "graphwright-bench: name one suite: core\n");
        return 1;
    }
    gw::CoreBenchmark::Options options;
    options.workers = parser.value(workers).toInt();
    const QJsonObject report = gw::CoreBenchmark(options).run();
    if (parser.isSet(json))
        std::printf("%s\n", QJsonDocument(report).toJson(QJsonDocument::Compact).constData());
    return 0;
}
