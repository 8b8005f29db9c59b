#include "graphcommands.h"

#include "clicommands.h"
#include "clisupport.h"
#include "commandline.h"
#include "core/cancellation.h"
#include "core/errors.h"
#include "core/syncwait.h"
#include "extract/entitytype.h"
#include "graph/graphanalytics.h"
#include "graph/graphexporter.h"
#include "graph/graphlayout.h"
#include "graph/knowledgegraph.h"
#include "graph/nodeembedding.h"
#include "graph/similarentities.h"
#include "graph/tableimporter.h"
#include "pipeline/projectcontext.h"
#include "store/projectstore.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include <unistd.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <optional>

namespace gw {

namespace {

// Metrics a person reads in a summary; betweenness and coreness cost more and say less here.
NodeMetrics summaryMetrics(const KnowledgeGraph &graph)
{
    GraphAnalytics::Options options;
    options.metrics = GraphAnalytics::Metrics(GraphAnalytics::Metric::Degree) | GraphAnalytics::Metric::PageRank
        | GraphAnalytics::Metric::Communities | GraphAnalytics::Metric::Components;
    return GraphAnalytics::compute(graph, CancellationToken(), options);
}

// Views and exports leave chance co-occurrence out (KnowledgeGraph::isSignificant) unless asked.
QCommandLineOption allCoOccurrenceOption()
{
    return QCommandLineOption(QStringLiteral("all-co-occurrence"),
                              QStringLiteral("Keep names seen together in only one sentence (left out by default: "
                                             "mostly chance)."));
}

KnowledgeGraph loadGraph(const CommandLine &command, ProjectStore &store, const QCommandLineOption &allCoOccurrence)
{
    return KnowledgeGraph::fromStore(store, KnowledgeGraph::Resolution::AcrossDocuments,
                                     command.parser().isSet(allCoOccurrence) ? KnowledgeGraph::Edges::All
                                                                             : KnowledgeGraph::Edges::Significant);
}

QList<int> byPagerank(const NodeMetrics &metrics, int count)
{
    QList<int> order(metrics.pagerank.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return metrics.pagerank.at(a) > metrics.pagerank.at(b); });
    if (order.size() > count)
        order.resize(count);
    return order;
}

QJsonObject nodeJson(const KnowledgeGraph &graph, int index)
{
    const GraphNode &node = graph.node(index);
    return {{QStringLiteral("id"), node.id},
            {QStringLiteral("name"), node.name},
            {QStringLiteral("type"), node.type},
            {QStringLiteral("mentions"), node.mentions}};
}

// The node `name` stands for; prints the candidates when it is unknown.
std::optional<int> resolveName(const CommandLine &command, const KnowledgeGraph &graph, const QString &name)
{
    const QList<int> found = graph.findByName(name);
    if (found.isEmpty()) {
        command.fail(QStringLiteral("no entity is named \"%1\" in %2").arg(name, command.projectPath()));
        return std::nullopt;
    }
    return found.first(); // most mentioned first
}

// The project's stored layout of `graph`; when some node has none, a new one (communities as in
// `metrics`), saved in the project, with progress on stderr. `computed` says which.
QList<QPointF> layoutFor(ProjectStore &store, const KnowledgeGraph &graph, const NodeMetrics &metrics, bool &computed)
{
    QList<QPointF> positions = GraphLayout::loadLayout(store, graph);
    const qsizetype missing =
        std::count_if(positions.cbegin(), positions.cend(), [](QPointF p) { return !GraphLayout::hasPosition(p); });
    computed = missing > 0;
    if (!computed)
        return positions;
    printLine(stderr,
              QStringLiteral("Laying out %1 entities (%2 without a stored position); the layout is saved in "
                             "the project")
                  .arg(graph.nodeCount())
                  .arg(missing));
    const bool terminal = isatty(STDERR_FILENO) == 1;
    int shown = -1;
    const auto report = [terminal, &shown](double done) {
        const int percent = int(done * 100);
        if (terminal && percent != shown) {
            std::fprintf(stderr, "\r\033[Klayout %3d%%", percent);
        } else if (!terminal && percent / 10 != shown / 10) {
            std::fprintf(stderr, "%s%d%%", shown < 0 ? "layout " : " ", percent / 10 * 10);
        } else {
            return;
        }
        shown = percent;
        std::fflush(stderr);
    };
    QElapsedTimer timer;
    timer.start();
    GraphLayout::Options options;
    options.communities = metrics.community; // the layout groups the communities the export lists
    positions = GraphLayout::compute(graph, CancellationToken(), options, report);
    GraphLayout::saveLayout(store, graph, positions);
    std::fprintf(stderr, terminal ? "\r\033[K" : "\n");
    printLine(stderr, QStringLiteral("Layout computed in %1 s").arg(timer.nsecsElapsed() / 1e9, 0, 'f', 2));
    return positions;
}

} // namespace

int runGraphCommand(const QStringList &arguments)
{
    CommandLine command(QStringLiteral("graph"),
                        QStringLiteral("Summarises the knowledge graph: counts, the most central entities (PageRank) "
                                       "and the communities (Leiden)."));
    const QCommandLineOption top(QStringLiteral("top"),
                                 QStringLiteral("How many entities and communities to list (default 10)."),
                                 QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption allCoOccurrence = allCoOccurrenceOption();
    command.parser().addOptions({top, allCoOccurrence});
    int exitCode = exitOk;
    if (!command.parse(arguments, exitCode))
        return exitCode;
    const int topCount = command.parser().value(top).toInt();
    if (topCount <= 0) {
        command.fail(QStringLiteral("--top needs a positive whole number, not '%1'").arg(command.parser().value(top)));
        return exitUsage;
    }
    try {
        const std::unique_ptr<ProjectContext> project = command.openProject({}, true);
        if (!project)
            return exitFailures;
        const std::shared_ptr<ProjectStore> store = project->store();
        QElapsedTimer timer;
        timer.start();
        const ProjectStatus status = store->status();
        const KnowledgeGraph graph = loadGraph(command, *store, allCoOccurrence);
        const NodeMetrics metrics = summaryMetrics(graph);
        const double seconds = timer.nsecsElapsed() / 1e9;

        // Communities, largest first (ids are already ordered by size), with their top members.
        QHash<int, QList<int>> members;
        for (int i = 0; i < graph.nodeCount(); ++i)
            members[metrics.community.at(i)].append(i);
        const int communityCount = int(members.size());
        const int componentCount =
            metrics.component.isEmpty() ? 0 : *std::max_element(metrics.component.begin(), metrics.component.end()) + 1;

        QJsonArray topJson, communitiesJson;
        QStringList topLines, communityLines;
        for (int index : byPagerank(metrics, topCount)) {
            const GraphNode &node = graph.node(index);
            QJsonObject entry = nodeJson(graph, index);
            entry.insert(QStringLiteral("pagerank"), metrics.pagerank.at(index));
            entry.insert(QStringLiteral("degree"), metrics.degree.at(index));
            entry.insert(QStringLiteral("community"), metrics.community.at(index));
            topJson.append(entry);
            topLines << QStringLiteral("  %1  %2 (%3)  degree %4, community %5")
                            .arg(metrics.pagerank.at(index), 8, 'f', 5)
                            .arg(node.name, node.type)
                            .arg(metrics.degree.at(index))
                            .arg(metrics.community.at(index));
        }
        for (int id = 0; id < std::min(communityCount, topCount); ++id) {
            QList<int> inside = members.value(id);
            std::stable_sort(inside.begin(), inside.end(),
                             [&](int a, int b) { return metrics.pagerank.at(a) > metrics.pagerank.at(b); });
            QJsonArray names;
            QStringList shown;
            for (int i = 0; i < std::min<qsizetype>(inside.size(), 5); ++i) {
                names.append(graph.node(inside.at(i)).name);
                shown << graph.node(inside.at(i)).name;
            }
            communitiesJson.append(QJsonObject{{QStringLiteral("id"), id},
                                               {QStringLiteral("size"), inside.size()},
                                               {QStringLiteral("members"), names}});
            communityLines << QStringLiteral("  #%1  %2 entities: %3%4")
                                  .arg(id)
                                  .arg(inside.size())
                                  .arg(shown.join(QStringLiteral(", ")))
                                  .arg(inside.size() > shown.size() ? QStringLiteral(", ...") : QString());
        }

        if (command.wantsJson()) {
            printJson(QJsonObject{{QStringLiteral("project"), status.path},
                                  {QStringLiteral("entities"), graph.nodeCount()},
                                  {QStringLiteral("relations"), status.relations},
                                  {QStringLiteral("edges"), graph.edgeCount()},
                                  {QStringLiteral("mentions"), status.mentions},
                                  {QStringLiteral("documents"), status.documentsDone},
                                  {QStringLiteral("components"), componentCount},
                                  {QStringLiteral("community_count"), communityCount},
                                  {QStringLiteral("communities"), communitiesJson},
                                  {QStringLiteral("top"), topJson},
                                  {QStringLiteral("seconds"), seconds}});
        } else {
            printLine(stdout, QStringLiteral("Knowledge graph of %1").arg(status.path));
            printLine(
                stdout,
                QStringLiteral(
                    "%1 entities, %2 distinct relations, %3 mentions in %4 documents; %5 components, %6 communities")
                    .arg(graph.nodeCount())
                    .arg(status.relations)
                    .arg(status.mentions)
                    .arg(status.documentsDone)
                    .arg(componentCount)
                    .arg(communityCount));
            if (!topLines.isEmpty()) {
                printLine(stdout, QStringLiteral("\nMost central (PageRank):"));
                for (const QString &line : topLines)
                    printLine(stdout, line);
                printLine(stdout, QStringLiteral("\nLargest communities:"));
                for (const QString &line : communityLines)
                    printLine(stdout, line);
            }
        }
    } catch (const Error &error) {
        command.fail(error.message());
        return exitFailures;
    }
    return exitOk;
}

int runExportCommand(const QStringList &arguments)
{
    CommandLine command(
        QStringLiteral("export"),
        QStringLiteral(
            "Exports the knowledge graph with its analytics (degree, PageRank, community, ...).\n"
            "GraphML and GEXF carry the layout (x and y, viz:position): the project's, or a new one computed and saved "
            "first when some entity has no position.\n"
            "Formats: graphml and gexf (Gephi, Cytoscape), json (node-link), csv (nodes.csv and edges.csv in the --out "
            "folder), neo4j (an admin-import folder with a Cypher script)."));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("graphml, gexf, json, csv or neo4j."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("The file (a folder for csv and neo4j) to write."),
                                 QStringLiteral("PATH"));
    const QCommandLineOption allCoOccurrence = allCoOccurrenceOption();
    command.parser().addOptions({format, out, allCoOccurrence});
    int exitCode = exitOk;
    if (!command.parse(arguments, exitCode))
        return exitCode;
    if (!command.parser().isSet(format) || !command.parser().isSet(out)) {
        command.fail(QStringLiteral("--format and --out are both needed (formats: %1)")
                         .arg(GraphExporter::formatNames().join(QStringLiteral(", "))));
        return exitUsage;
    }
    ExportFormat chosen;
    try {
        chosen = GraphExporter::formatFromName(command.parser().value(format));
    } catch (const Error &error) {
        command.fail(error.message());
        return exitUsage;
    }
    try {
        const std::unique_ptr<ProjectContext> project = command.openProject({}, true);
        if (!project)
            return exitFailures;
        const std::shared_ptr<ProjectStore> store = project->store();
        QElapsedTimer timer;
        timer.start();
        const KnowledgeGraph graph = loadGraph(command, *store, allCoOccurrence);
        const NodeMetrics metrics = GraphAnalytics::compute(graph, CancellationToken());
        const QString target = QFileInfo(command.parser().value(out)).absoluteFilePath();
        // GraphML and GEXF carry the layout: the stored one, else one computed (and saved) now.
        bool computedLayout = false;
        QList<QPointF> positions;
        if (GraphExporter::carriesPositions(chosen) && graph.nodeCount() > 0)
            positions = layoutFor(*store, graph, metrics, computedLayout);
        GraphExporter::exportGraph(graph, metrics, chosen, target, positions);
        const double seconds = timer.nsecsElapsed() / 1e9;
        const QString layout = positions.isEmpty() ? QStringLiteral("none")
            : computedLayout                       ? QStringLiteral("computed")
                                                   : QStringLiteral("stored");
        if (command.wantsJson())
            printJson(QJsonObject{{QStringLiteral("format"), GraphExporter::formatName(chosen)},
                                  {QStringLiteral("out"), target},
                                  {QStringLiteral("entities"), graph.nodeCount()},
                                  {QStringLiteral("edges"), graph.edgeCount()},
                                  {QStringLiteral("layout"), layout},
                                  {QStringLiteral("seconds"), seconds}});
        else
            printLine(stdout,
                      QStringLiteral("Wrote %1 entities and %2 relations as %3 to %4 in %5 s")
                          .arg(graph.nodeCount())
                          .arg(graph.edgeCount())
                          .arg(GraphExporter::formatName(chosen), target)
                          .arg(seconds, 0, 'f', 2));
    } catch (const Error &error) {
        command.fail(error.message());
        return exitFailures;
    }
    return exitOk;
}

int runQueryCommand(const QStringList &arguments)
{
    CommandLine command(
        QStringLiteral("query"),
        QStringLiteral("Asks the knowledge graph:\n"
                       "  neighbors NAME     the entities related to NAME, with the relation and its evidence\n"
                       "  path NAME NAME     the shortest chain of relations between two entities\n"
                       "  similar NAME       the entities most similar to NAME by graph structure (node embeddings)"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("At most this many answers (default 20)."),
                                   QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption allCoOccurrence = allCoOccurrenceOption();
    command.parser().addOptions({limit, allCoOccurrence});
    command.parser().addPositionalArgument(QStringLiteral("question"),
                                           QStringLiteral("neighbors NAME | path NAME NAME | similar NAME"));
    int exitCode = exitOk;
    if (!command.parse(arguments, exitCode))
        return exitCode;
    const QStringList words = command.parser().positionalArguments();
    const QString question = words.value(0);
    const int wantedNames = question == QStringLiteral("path") ? 2 : 1;
    const bool known = question == QStringLiteral("neighbors") || question == QStringLiteral("path")
        || question == QStringLiteral("similar");
    const int maxAnswers = command.parser().value(limit).toInt();
    if (!known || words.size() != 1 + wantedNames || maxAnswers <= 0) {
        command.fail(QStringLiteral(
            "ask 'neighbors NAME', 'path NAME NAME' or 'similar NAME' (quote names with spaces); --limit "
            "must be positive"));
        return exitUsage;
    }
    try {
        const std::unique_ptr<ProjectContext> project = command.openProject({}, true);
        if (!project)
            return exitFailures;
        const std::shared_ptr<ProjectStore> store = project->store();
        const KnowledgeGraph graph = loadGraph(command, *store, allCoOccurrence);
        const std::optional<int> from = resolveName(command, graph, words.at(1));
        if (!from)
            return exitFailures;
        QJsonObject answer{{QStringLiteral("question"), question}, {QStringLiteral("entity"), nodeJson(graph, *from)}};
        QStringList lines;

        if (question == QStringLiteral("neighbors")) {
            // Heaviest relations first: the edges come from the store in that order.
            QJsonArray neighbours;
            for (const GraphEdge &edge : graph.edges()) {
                if (edge.source != *from && edge.target != *from)
                    continue;
                if (neighbours.size() >= maxAnswers)
                    break;
                const bool outgoing = edge.source == *from;
                const int other = outgoing ? edge.target : edge.source;
                QJsonObject entry{
                    {QStringLiteral("entity"), nodeJson(graph, other)},
                    {QStringLiteral("relation"), edge.type},
                    {QStringLiteral("direction"), outgoing ? QStringLiteral("out") : QStringLiteral("in")},
                    {QStringLiteral("weight"), edge.weight},
                    {QStringLiteral("document"), edge.evidence.documentPath},
                    {QStringLiteral("sentence_start"), edge.evidence.sentenceStart},
                    {QStringLiteral("sentence_end"), edge.evidence.sentenceEnd}};
                neighbours.append(entry);
                lines << (outgoing ? QStringLiteral("  -%1-> %2 (%3)  x%4  %5")
                                   : QStringLiteral("  <-%1- %2 (%3)  x%4  %5"))
                             .arg(edge.type, graph.node(other).name, graph.node(other).type)
                             .arg(edge.weight)
                             .arg(edge.evidence.documentPath);
            }
            answer.insert(QStringLiteral("neighbors"), neighbours);
        } else if (question == QStringLiteral("path")) {
            const std::optional<int> to = resolveName(command, graph, words.at(2));
            if (!to)
                return exitFailures;
            const QList<int> path = GraphAnalytics::shortestPath(graph, *from, *to, CancellationToken());
            // The relation between each consecutive pair, either way round.
            QJsonArray steps;
            for (qsizetype i = 0; i < path.size(); ++i) {
                QJsonObject step = nodeJson(graph, path.at(i));
                QString relation;
                if (i + 1 < path.size()) {
                    for (const GraphEdge &edge : graph.edges()) {
                        if (edge.source == path.at(i) && edge.target == path.at(i + 1)) {
                            relation = edge.type;
                            break;
                        }
                        if (edge.source == path.at(i + 1) && edge.target == path.at(i)) {
                            relation = QStringLiteral("<-") + edge.type;
                            break;
                        }
                    }
                    step.insert(QStringLiteral("relation_to_next"), relation);
                }
                steps.append(step);
                QString line =
                    QStringLiteral("  %1 (%2)").arg(graph.node(path.at(i)).name, graph.node(path.at(i)).type);
                if (relation.startsWith(QStringLiteral("<-")))
                    line += QStringLiteral("  <--%1--").arg(relation.mid(2));
                else if (!relation.isEmpty())
                    line += QStringLiteral("  --%1-->").arg(relation);
                lines << line;
            }
            answer.insert(QStringLiteral("to"), nodeJson(graph, *to));
            answer.insert(QStringLiteral("path"), steps);
            answer.insert(QStringLiteral("hops"), path.isEmpty() ? -1 : int(path.size()) - 1);
            if (path.isEmpty()) {
                if (command.wantsJson())
                    printJson(answer);
                else
                    printLine(stdout,
                              QStringLiteral("No chain of relations joins \"%1\" and \"%2\".")
                                  .arg(graph.node(*from).name, graph.node(*to).name));
                return exitFailures;
            }
        } else {
            // Vectors are computed once and kept in the project; recomputed when the graph changed.
            EntityVectors vectors = NodeEmbedding::load(*store);
            if (vectors.count() != graph.nodeCount()) {
                vectors = NodeEmbedding::compute(graph);
                NodeEmbedding::save(*store, vectors);
            }
            const SimilarEntities index(vectors);
            QJsonArray similar;
            for (const SimilarEntity &hit : index.similarTo(graph.node(*from).id, maxAnswers)) {
                const int node = graph.indexOf(hit.id);
                if (node < 0)
                    continue;
                QJsonObject entry = nodeJson(graph, node);
                entry.insert(QStringLiteral("similarity"), hit.similarity);
                similar.append(entry);
                lines << QStringLiteral("  %1  %2 (%3)")
                             .arg(hit.similarity, 6, 'f', 3)
                             .arg(graph.node(node).name, graph.node(node).type);
            }
            answer.insert(QStringLiteral("method"), vectors.method);
            answer.insert(QStringLiteral("similar"), similar);
        }

        if (command.wantsJson()) {
            printJson(answer);
        } else {
            printLine(stdout, QStringLiteral("%1 (%2):").arg(graph.node(*from).name, graph.node(*from).type));
            for (const QString &line : lines)
                printLine(stdout, line);
            if (lines.isEmpty())
                printLine(stdout, QStringLiteral("  (nothing)"));
        }
    } catch (const Error &error) {
        command.fail(error.message());
        return exitFailures;
    }
    return exitOk;
}

int runImportTableCommand(const QStringList &arguments)
{
    CommandLine command(
        QStringLiteral("import-table"),
        QStringLiteral("Imports a CSV table into the project's graph: an edge list "
                       "(source,target[,type][,weight][,source_type,target_type]) "
                       "or an entity table (name[,type]). The file becomes a document of the project: importing it "
                       "again changes nothing, "
                       "and removing it removes exactly what it brought."));
    const QCommandLineOption kind(QStringLiteral("kind"),
                                  QStringLiteral("edges or entities (default: from the header)."),
                                  QStringLiteral("KIND"));
    const QCommandLineOption defaultType(QStringLiteral("default-type"),
                                         QStringLiteral("Entity type for cells without one (default MISC)."),
                                         QStringLiteral("TYPE"));
    command.parser().addOptions({kind, defaultType});
    command.parser().addPositionalArgument(QStringLiteral("csv"), QStringLiteral("The CSV file."));
    int exitCode = exitOk;
    if (!command.parse(arguments, exitCode))
        return exitCode;
    if (command.parser().positionalArguments().size() != 1) {
        command.fail(QStringLiteral("give exactly one CSV file"));
        return exitUsage;
    }
    TableImportOptions options;
    if (command.parser().isSet(kind)) {
        const QString value = command.parser().value(kind).toLower();
        if (value == QStringLiteral("edges"))
            options.kind = TableImportOptions::Kind::Edges;
        else if (value == QStringLiteral("entities"))
            options.kind = TableImportOptions::Kind::Entities;
        else {
            command.fail(QStringLiteral("--kind is edges or entities, not '%1'").arg(command.parser().value(kind)));
            return exitUsage;
        }
    }
    if (command.parser().isSet(defaultType)) {
        const QString value = command.parser().value(defaultType).toUpper();
        options.defaultType = entityTypeFromName(value);
        if (entityTypeName(options.defaultType) != value) {
            command.fail(QStringLiteral(
                             "--default-type '%1' is not a type (PERSON, ORGANIZATION, LOCATION, DATE, MONEY, PERCENT, "
                             "EMAIL, URL, MISC)")
                             .arg(command.parser().value(defaultType)));
            return exitUsage;
        }
    }
    try {
        const std::unique_ptr<ProjectContext> project = command.openProject({}, false);
        if (!project)
            return exitFailures;
        const TableImportResult result =
            syncWait(project->importTable(command.parser().positionalArguments().first(), options));
        const QString outcome = result.outcome == WriteOutcome::Inserted ? QStringLiteral("inserted")
            : result.outcome == WriteOutcome::Replaced                   ? QStringLiteral("replaced")
                                                                         : QStringLiteral("unchanged");
        if (command.wantsJson()) {
            QJsonArray problems, notes;
            for (const TableImportProblem &problem : result.problems)
                problems.append(
                    QJsonObject{{QStringLiteral("line"), problem.line}, {QStringLiteral("message"), problem.message}});
            for (const TableImportProblem &note : result.notes)
                notes.append(
                    QJsonObject{{QStringLiteral("line"), note.line}, {QStringLiteral("message"), note.message}});
            printJson(QJsonObject{{QStringLiteral("path"), result.path},
                                  {QStringLiteral("outcome"), outcome},
                                  {QStringLiteral("kind"),
                                   result.kind == TableImportOptions::Kind::Entities ? QStringLiteral("entities")
                                                                                     : QStringLiteral("edges")},
                                  {QStringLiteral("rows"), result.rows},
                                  {QStringLiteral("imported_rows"), result.importedRows},
                                  {QStringLiteral("entities"), result.entities},
                                  {QStringLiteral("relations"), result.relations},
                                  {QStringLiteral("problem_count"), result.problemCount},
                                  {QStringLiteral("problems"), problems},
                                  {QStringLiteral("note_count"), result.noteCount},
                                  {QStringLiteral("notes"), notes}});
        } else {
            printLine(stdout,
                      QStringLiteral("%1: %2 of %3 rows imported (%4 entities, %5 relations); %6")
                          .arg(result.path)
                          .arg(result.importedRows)
                          .arg(result.rows)
                          .arg(result.entities)
                          .arg(result.relations)
                          .arg(outcome));
            for (const TableImportProblem &problem : result.problems)
                printLine(stderr, QStringLiteral("  line %1: left out: %2").arg(problem.line).arg(problem.message));
            for (const TableImportProblem &note : result.notes)
                printLine(stderr, QStringLiteral("  line %1: %2").arg(note.line).arg(note.message));
        }
        return result.problemCount > 0 ? exitFailures : exitOk;
    } catch (const Error &error) {
        command.fail(error.message());
        return exitFailures;
    }
}

} // namespace gw
