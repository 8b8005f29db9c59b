#include "curatecommand.h"

#include "clicommands.h"
#include "clisupport.h"
#include "commandline.h"
#include "core/errors.h"
#include "core/syncwait.h"
#include "graph/curationrules.h"
#include "graph/knowledgegraph.h"
#include "graph/mergesuggestions.h"
#include "graph/vocabularyfile.h"
#include "pipeline/projectcontext.h"
#include "store/curationtable.h"
#include "store/projectschema.h"
#include "store/projectstore.h"
#include "store/storeerror.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

#include <optional>

namespace gw {

namespace {

// Why an edit is refused: printed, and the command exits with exitUsage having changed nothing.
struct Refusal
{
    QString message;
};

QString labelOf(const GraphNode &node)
{
    return QStringLiteral("%1 (%2)").arg(node.name, node.type);
}

QString listOf(const KnowledgeGraph &graph, const QList<int> &nodes)
{
    QStringList labels;
    for (const int node : nodes.mid(0, 10))
        labels << labelOf(graph.node(node));
    if (nodes.size() > 10)
        labels << QStringLiteral("and %1 more").arg(nodes.size() - 10);
    return labels.join(QStringLiteral(", "));
}

// What NAME stands for: a node of the graph by its name exactly, else one entity merged into a
// node by that alias name (the entity itself, not its node); optionally of `type` (given with
// --type or written "NAME (TYPE)", as candidates are listed). Throws Refusal when none or
// several match.
struct Named
{
    int node = -1;
    QStringList ids; // the node's id, or the ids of the entities merged into it by that name
    QString name;    // as matched
    bool alias = false;
};

Named resolve(const KnowledgeGraph &graph, QString name, QString type)
{
    static const QRegularExpression typed(QStringLiteral("^(.*\\S)\\s+\\(([A-Z_]+)\\)$"));
    if (const QRegularExpressionMatch match = typed.match(name); match.hasMatch() && type.isEmpty()) {
        name = match.captured(1);
        type = match.captured(2);
    }
    QList<int> named, aliased;
    for (int i = 0; i < graph.nodeCount(); ++i) {
        const GraphNode &node = graph.node(i);
        if (!type.isEmpty() && node.type != type)
            continue;
        if (node.name == name)
            named.append(i);
        else if (node.aliases.contains(name))
            aliased.append(i);
    }
    const QList<int> &found = named.isEmpty() ? aliased : named;
    const QString what =
        type.isEmpty() ? QStringLiteral("\"%1\"").arg(name) : QStringLiteral("\"%1\" of type %2").arg(name, type);
    if (found.size() == 1) {
        const GraphNode &node = graph.node(found.first());
        if (!named.isEmpty())
            return {found.first(), {node.id}, name, false};
        QStringList ids; // "Abram" PERSON and "Abram" MISC may both have joined "Sarai Abram"
        for (qsizetype i = 0; i < node.aliases.size(); ++i)
            if (node.aliases.at(i) == name)
                ids << node.aliasIds.at(i);
        return {found.first(), ids, name, true};
    }
    if (found.size() > 1)
        throw Refusal{QStringLiteral("%1 names %2 entities: %3; add --type TYPE or write the name as \"NAME (TYPE)\"")
                          .arg(what)
                          .arg(found.size())
                          .arg(listOf(graph, found))};
    const QList<int> close = graph.findByName(name);
    throw Refusal{close.isEmpty()
                      ? QStringLiteral("no entity is named %1").arg(what)
                      : QStringLiteral("no entity is named %1; close names: %2").arg(what, listOf(graph, close))};
}

CurationEdit mergeEdit(const KnowledgeGraph &graph, const QStringList &names, const QString &intoName,
                       const QString &type)
{
    const Named into = resolve(graph, intoName, {});
    QStringList ids, seen;
    for (const QString &name : names) {
        const Named named = resolve(graph, name, {});
        if (named.node == into.node)
            throw Refusal{named.alias
                              ? QStringLiteral("%1 is part of %2 already").arg(name, labelOf(graph.node(into.node)))
                              : QStringLiteral("%1 is %2: an entity cannot be merged into itself")
                                    .arg(name, labelOf(graph.node(into.node)))};
        ids << named.ids;
        seen << named.name;
    }
    seen << into.name;
    return CurationRules::merge(ids, into.ids.first(), {}, type, seen);
}

void printEdits(const CommandLine &command, const QList<CurationEdit> &edits)
{
    if (command.wantsJson()) {
        QJsonArray array;
        for (const CurationEdit &edit : edits)
            array.append(QJsonObject{{QStringLiteral("id"), edit.id},
                                     {QStringLiteral("kind"), edit.kind},
                                     {QStringLiteral("description"), CurationRules::describe(edit)},
                                     {QStringLiteral("payload"), edit.payload},
                                     {QStringLiteral("created_at"), edit.createdAt},
                                     {QStringLiteral("undone"), edit.undone}});
        printJson(QJsonObject{{QStringLiteral("edits"), array}});
        return;
    }
    if (edits.isEmpty())
        printLine(stdout, QStringLiteral("No curation edits in %1").arg(command.projectPath()));
    for (const CurationEdit &edit : edits)
        printLine(stdout,
                  QStringLiteral("%1. %2%3")
                      .arg(edit.id)
                      .arg(CurationRules::describe(edit), edit.undone ? QStringLiteral("  (undone)") : QString()));
}

} // namespace

int runCurateCommand(const QStringList &arguments)
{
    CommandLine command(
        QStringLiteral("curate"),
        QStringLiteral("Fixes the knowledge graph by hand. Every edit is kept in the project and holds when documents "
                       "are ingested again or added; undo and redo step through them.\n"
                       "  merge NAME... --into NAME [--type TYPE]   the entities become one (the last one's)\n"
                       "  rename NAME --to NEW [--type TYPE]\n"
                       "  retype NAME --type NEW_TYPE\n"
                       "  hide NAME [--type TYPE] | unhide NAME [--type TYPE]\n"
                       "  split NAME [--type TYPE]                   a name merged into another entity, on its own\n"
                       "  suggest [--top N] [--json]                 likely duplicates, ranked, with the reason\n"
                       "  distinct NAME NAME                         not the same: not suggested again\n"
                       "  undo | redo\n"
                       "  rules [--json] | export FILE | import FILE\n"
                       "  relation delete SOURCE TARGET --type TYPE\n"
                       "  relation retype SOURCE TARGET --type TYPE --to NEW_TYPE\n"
                       "  relation add SOURCE TARGET --type TYPE [--note TEXT]  the note is kept as its evidence\n"
                       "  vocabulary CSV [--reextract]               names the extractor finds with their type: rows\n"
                       "                                             name,type[,alias|alias...]; --reextract reads\n"
                       "                                             the project's documents again now\n"
                       "A NAME is matched exactly (or an alias of a merged entity); where a name has several types, "
                       "add --type or write it as \"NAME (TYPE)\"."));
    const QCommandLineOption into(QStringLiteral("into"), QStringLiteral("merge: the entity the others join."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("rename: the new name."), QStringLiteral("NEW"));
    const QCommandLineOption type(QStringLiteral("type"),
                                  QStringLiteral("merge, retype: the type the entity gets; rename, hide, unhide: the "
                                                 "type of the entity meant."),
                                  QStringLiteral("TYPE"));
    const QCommandLineOption top(QStringLiteral("top"), QStringLiteral("suggest: how many (default 20)."),
                                 QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption note(QStringLiteral("note"),
                                  QStringLiteral("relation add: why, kept as the relation's evidence."),
                                  QStringLiteral("TEXT"));
    const QCommandLineOption reextract(QStringLiteral("reextract"),
                                       QStringLiteral("vocabulary: extract the project's documents again now (from "
                                                      "their files), with progress; Ctrl-C cancels."));
    command.parser().addOptions({into, to, type, top, note, reextract});
    command.parser().addPositionalArgument(QStringLiteral("action"),
                                           QStringLiteral("merge, rename, retype, hide, unhide, undo, redo, rules, "
                                                          "export or import, and its names or file"));
    int exitCode = exitOk;
    if (!command.parse(arguments, exitCode))
        return exitCode;
    QStringList words = command.parser().positionalArguments();
    const QString action = words.isEmpty() ? QString() : words.takeFirst();
    const QString typeValue = command.parser().value(type);
    const bool usageOk = (action == QLatin1String("merge") && !words.isEmpty() && command.parser().isSet(into))
        || (action == QLatin1String("rename") && words.size() == 1 && !command.parser().value(to).isEmpty())
        || (action == QLatin1String("retype") && words.size() == 1 && !typeValue.isEmpty())
        || ((action == QLatin1String("hide") || action == QLatin1String("unhide") || action == QLatin1String("split"))
            && words.size() == 1)
        || ((action == QLatin1String("undo") || action == QLatin1String("redo") || action == QLatin1String("rules")
             || action == QLatin1String("suggest"))
            && words.isEmpty())
        || (action == QLatin1String("distinct") && words.size() == 2)
        || (action == QLatin1String("relation") && words.size() == 3 && !typeValue.isEmpty()
            && (words.first() == QLatin1String("delete") || words.first() == QLatin1String("add")
                || (words.first() == QLatin1String("retype") && !command.parser().value(to).isEmpty())))
        || ((action == QLatin1String("export") || action == QLatin1String("import")
             || action == QLatin1String("vocabulary"))
            && words.size() == 1);
    if (!usageOk) {
        command.fail(QStringLiteral("say what to do: merge NAME... --into NAME, rename NAME --to NEW, retype NAME "
                                    "--type TYPE, hide NAME, unhide NAME, split NAME, suggest, distinct NAME NAME, "
                                    "undo, redo, rules, export FILE, import "
                                    "FILE, relation delete|retype|add SOURCE TARGET --type TYPE [--to NEW_TYPE] "
                                    "[--note TEXT] or vocabulary CSV "
                                    "(quote names with spaces)"));
        return exitUsage;
    }
    try {
        const std::unique_ptr<ProjectContext> project = command.openProject({}, true);
        if (!project)
            return exitFailures;
        const std::shared_ptr<ProjectStore> store = project->store();
        const CurationTable table(*store);

        if (action == QLatin1String("vocabulary")) {
            VocabularyImport imported;
            try {
                imported = syncWait(project->importVocabulary(words.first()));
            } catch (const StoreError &) {
                throw;
            } catch (const Error &error) {
                throw Refusal{error.message()}; // the file: nothing was added
            }
            printLine(stdout,
                      QStringLiteral("Vocabulary: %1 names from %2 (%3 new); the built-in extractor finds "
                                     "them from the next ingest on")
                          .arg(imported.names)
                          .arg(words.first())
                          .arg(imported.added));
            if (!command.parser().isSet(reextract))
                return exitOk;
            if (imported.documents.isEmpty()) {
                printLine(stdout, QStringLiteral("No documents to extract again"));
                return exitOk;
            }
            // An ingest of the documents, which reads each again: its extractor's name now holds
            // the new vocabulary.
            const QString projectPath = project->path();
            syncWait(project->close());
            QStringList ingest{QStringLiteral("--project"), projectPath};
            if (command.wantsJson())
                ingest << QStringLiteral("--json");
            return runIngestCommand(ingest + imported.documents);
        }
        if (action == QLatin1String("rules")) {
            printEdits(command, table.edits());
            return exitOk;
        }
        if (action == QLatin1String("undo") || action == QLatin1String("redo")) {
            const bool undo = action == QLatin1String("undo");
            const std::optional<CurationEdit> edit = undo ? table.undo() : table.redo();
            if (!edit) {
                printLine(stderr, undo ? QStringLiteral("Nothing to undo") : QStringLiteral("Nothing to redo"));
                return exitFailures;
            }
            printLine(stdout,
                      (undo ? QStringLiteral("Undone: %1") : QStringLiteral("Redone: %1"))
                          .arg(CurationRules::describe(*edit)));
            return exitOk;
        }
        if (action == QLatin1String("export")) {
            QSaveFile file(words.first());
            const QList<CurationEdit> edits = table.activeEdits();
            if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(CurationRules::toJson(edits)).toJson()) < 0
                || !file.commit()) {
                command.fail(QStringLiteral("cannot write %1: %2").arg(words.first(), file.errorString()));
                return exitFailures;
            }
            printLine(stdout, QStringLiteral("Wrote %1 edits to %2").arg(edits.size()).arg(words.first()));
            return exitOk;
        }
        if (action == QLatin1String("import")) {
            QFile file(words.first());
            if (!file.open(QIODevice::ReadOnly)) {
                command.fail(QStringLiteral("cannot read %1: %2").arg(words.first(), file.errorString()));
                return exitFailures;
            }
            QJsonParseError parseError;
            const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &parseError);
            if (!json.isObject()) {
                command.fail(QStringLiteral("%1 is not JSON: %2").arg(words.first(), parseError.errorString()));
                return exitFailures;
            }
            const QList<CurationEdit> edits = CurationRules::fromJson(json.object());
            table.add(edits);
            printLine(stdout, QStringLiteral("Imported %1 edits from %2").arg(edits.size()).arg(words.first()));
            return exitOk;
        }

        // An edit of entities, named as the graph shows them now.
        const KnowledgeGraph graph = KnowledgeGraph::fromStore(*store);
        if (action == QLatin1String("suggest")) {
            const int count = command.parser().value(top).toInt();
            if (count <= 0)
                throw Refusal{QStringLiteral("--top needs a positive whole number")};
            const QList<MergeSuggestion> suggestions =
                MergeSuggestions::find(graph, MergeSuggestions::rejectedPairs(table.activeEdits()), count);
            QJsonArray array;
            QStringList lines;
            for (const MergeSuggestion &suggestion : suggestions) {
                const GraphNode &keep = graph.node(suggestion.keep), &merge = graph.node(suggestion.merge);
                array.append(QJsonObject{{QStringLiteral("keep"),
                                          QJsonObject{{QStringLiteral("id"), keep.id},
                                                      {QStringLiteral("name"), keep.name},
                                                      {QStringLiteral("type"), keep.type},
                                                      {QStringLiteral("mentions"), keep.mentions}}},
                                         {QStringLiteral("merge"),
                                          QJsonObject{{QStringLiteral("id"), merge.id},
                                                      {QStringLiteral("name"), merge.name},
                                                      {QStringLiteral("type"), merge.type},
                                                      {QStringLiteral("mentions"), merge.mentions}}},
                                         {QStringLiteral("reason"), suggestion.reason},
                                         {QStringLiteral("score"), suggestion.score}});
                lines << QStringLiteral("%1. %2 -> %3   %4; %5 and %6 mentions")
                             .arg(lines.size() + 1)
                             .arg(labelOf(merge), labelOf(keep), suggestion.reason)
                             .arg(merge.mentions)
                             .arg(keep.mentions);
            }
            if (command.wantsJson())
                printJson(QJsonObject{{QStringLiteral("suggestions"), array}});
            else
                printLine(stdout,
                          lines.isEmpty() ? QStringLiteral("No likely duplicates") : lines.join(QLatin1Char('\n')));
            return exitOk;
        }
        CurationEdit edit;
        if (action == QLatin1String("relation")) {
            // The ends as the graph shows them; --type is the relation's.
            const Named source = resolve(graph, words.at(1), {}), target = resolve(graph, words.at(2), {});
            const GraphNode &from = graph.node(source.node), &toNode = graph.node(target.node);
            if (source.node == target.node)
                throw Refusal{QStringLiteral("%1 and %2 are one entity").arg(words.at(1), words.at(2))};
            const bool undirected = typeValue == ProjectSchema::coOccurrenceType();
            QStringList between;
            bool exists = false;
            for (const GraphEdge &edge : graph.edges()) {
                const bool forward = edge.source == source.node && edge.target == target.node;
                const bool backward = edge.source == target.node && edge.target == source.node;
                if (!forward && !backward)
                    continue;
                between << QStringLiteral("%1 %2").arg(edge.type,
                                                       forward ? QStringLiteral("->") : QStringLiteral("<-"));
                exists = exists || (edge.type == typeValue && (forward || (backward && undirected)));
            }
            const QStringList names{from.name, toNode.name};
            const QString verb = words.first();
            if (verb == QLatin1String("add")) {
                if (exists)
                    throw Refusal{
                        QStringLiteral("%1 -%2-> %3 is already in the graph").arg(from.name, typeValue, toNode.name)};
                edit = CurationRules::addRelation(from.id, toNode.id, typeValue, command.parser().value(note), names);
            } else {
                if (!exists)
                    throw Refusal{
                        QStringLiteral("no %1 relation from %2 to %3; between them: %4")
                            .arg(typeValue, from.name, toNode.name,
                                 between.isEmpty() ? QStringLiteral("none") : between.join(QStringLiteral(", ")))};
                edit = verb == QLatin1String("delete")
                    ? CurationRules::deleteRelation(from.id, toNode.id, typeValue, names)
                    : CurationRules::retypeRelation(from.id, toNode.id, typeValue, command.parser().value(to), names);
            }
        } else if (action == QLatin1String("distinct")) {
            const Named a = resolve(graph, words.at(0), {}), b = resolve(graph, words.at(1), {});
            if (a.node == b.node)
                throw Refusal{
                    QStringLiteral("%1 and %2 are one entity now; split or undo first").arg(words.at(0), words.at(1))};
            edit = CurationRules::distinct(graph.node(a.node).id, graph.node(b.node).id, graph.node(a.node).name,
                                           graph.node(b.node).name);
        } else if (action == QLatin1String("merge")) {
            edit = mergeEdit(graph, words, command.parser().value(into), typeValue);
        } else if (action == QLatin1String("split")) {
            const Named named = resolve(graph, words.first(), typeValue);
            if (!named.alias)
                throw Refusal{QStringLiteral("%1 is not merged into another entity; split the names merged into it "
                                             "by their own names")
                                  .arg(labelOf(graph.node(named.node)))};
            edit = CurationRules::split(named.ids, named.name);
        } else if (action == QLatin1String("unhide")) {
            // A hidden entity is not in the graph: look for it among the entities as stored.
            const KnowledgeGraph all = KnowledgeGraph::fromStore(*store, KnowledgeGraph::Resolution::None);
            const Named named = resolve(all, words.first(), typeValue);
            edit = CurationRules::unhide(all.node(named.node).id, named.name);
        } else {
            // The node the name shows, also when it is one of its aliases.
            const Named named =
                resolve(graph, words.first(), action == QLatin1String("retype") ? QString() : typeValue);
            const GraphNode &node = graph.node(named.node);
            if (action == QLatin1String("hide"))
                edit = CurationRules::hide(node.id, node.name);
            else if (action == QLatin1String("rename"))
                edit = CurationRules::rename(node.id, command.parser().value(to), node.name);
            else
                edit = CurationRules::retype(node.id, typeValue, node.name);
        }
        table.add({edit});
        printLine(stdout, QStringLiteral("Done: %1").arg(CurationRules::describe(edit)));
    } catch (const Refusal &refusal) {
        command.fail(refusal.message + QStringLiteral("; nothing changed"));
        return exitUsage;
    } catch (const Error &error) {
        command.fail(error.message());
        return exitFailures;
    }
    return exitOk;
}

} // namespace gw
