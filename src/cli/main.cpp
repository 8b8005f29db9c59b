// graphwright-cli: the headless driver of the Graphwright engine.
#include "clicommands.h"
#include "curatecommand.h"
#include "graphcommands.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

void printUsage(FILE *stream)
{
    std::fprintf(
        stream,
        "Usage: graphwright-cli COMMAND [OPTIONS]\n"
        "\n"
        "Commands:\n"
        "  ingest [--project FILE] [--jobs N] [--json] PATH...   ingest files and folders\n"
        "  status [--project FILE] [--json]                      what a project holds\n"
        "  health [--project FILE] [--json]                      check what Graphwright depends on\n"
        "  compact [--project FILE] [--json]                     give the space of replaced documents back\n"
        "  cache [--project FILE] stats|clear|prune --max-mb N   the remote extractor's cached answers\n"
        "  merge [--json] OUT IN...                              merge projects (shards of a corpus) into OUT\n"
        "  graph [--project FILE] [--json]                       counts, central entities, communities\n"
        "  export [--project FILE] --format F --out PATH         graphml, gexf, json, csv or neo4j\n"
        "  query [--project FILE] neighbors NAME | path NAME NAME | similar NAME\n"
        "  import-table [--project FILE] CSV                     a CSV edge list or entity table into the graph\n"
        "  curate [--project FILE] merge|rename|retype|hide|split|undo|rules|... (see --help)\n"
        "                                                        fix the graph by hand; kept across re-ingestion\n"
        "\n"
        "The project file defaults to graphwright.gwp in the current folder.\n"
        "'graphwright-cli COMMAND --help' shows every option of a command.\n");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("graphwright-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GW_VERSION));

    QStringList arguments = app.arguments();
    arguments.removeFirst();
    if (arguments.isEmpty()) {
        printUsage(stderr);
        return 1;
    }
    const QString command = arguments.takeFirst();
    if (command == QStringLiteral("ingest"))
        return gw::runIngestCommand(arguments);
    if (command == QStringLiteral("status"))
        return gw::runStatusCommand(arguments);
    if (command == QStringLiteral("health"))
        return gw::runHealthCommand(arguments);
    if (command == QStringLiteral("compact"))
        return gw::runCompactCommand(arguments);
    if (command == QStringLiteral("merge"))
        return gw::runMergeCommand(arguments);
    if (command == QStringLiteral("cache"))
        return gw::runCacheCommand(arguments);
    if (command == QStringLiteral("graph"))
        return gw::runGraphCommand(arguments);
    if (command == QStringLiteral("export"))
        return gw::runExportCommand(arguments);
    if (command == QStringLiteral("query"))
        return gw::runQueryCommand(arguments);
    if (command == QStringLiteral("curate"))
        return gw::runCurateCommand(arguments);
    if (command == QStringLiteral("import-table"))
        return gw::runImportTableCommand(arguments);
    if (command == QStringLiteral("--help") || command == QStringLiteral("-h") || command == QStringLiteral("help")) {
        printUsage(stdout);
        return 0;
    }
    if (command == QStringLiteral("--version")) {
        std::printf("graphwright-cli %s\n", GW_VERSION);
        return 0;
    }
    std::fprintf(stderr, "graphwright-cli: unknown command '%s'\n\n", qPrintable(command));
    printUsage(stderr);
    return 1;
}
