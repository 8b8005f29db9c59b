// Table -> graph: CSV edge lists and entity tables become a document of the project whose
// entities get the ids extraction gives; an exported edges.csv imports back to the same graph;
// bad rows are reported with their line numbers; re-importing is Unchanged, a changed file Replaced.

#include "core/errors.h"
#include "extract/entityresolver.h"
#include "graph/graphexporter.h"
#include "graph/knowledgegraph.h"
#include "graph/tableimporter.h"
#include "store/projectstore.h"
#include "testmain.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>

using gw::KnowledgeGraph;
using gw::TableImporter;
using gw::TableImportOptions;
using gw::TableImportResult;
using gw::WriteOutcome;

namespace {
KnowledgeGraph sampleGraph();
QString idOf(const QString &name, gw::EntityType type);
void writeBytes(const QString &path, const QByteArray &bytes);
QSet<QString> nodeSet(const KnowledgeGraph &graph, bool connectedOnly);
QSet<QString> edgeSet(const KnowledgeGraph &graph);
QList<qint64> lines(const QList<gw::TableImportProblem> &problems);
} // namespace

class TstTableImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exportedEdgesImportBackToTheSameGraph()
    {
        QTemporaryDir dir;
        const KnowledgeGraph original = sampleGraph();
        const QString tables = dir.filePath(QStringLiteral("tables"));
        gw::GraphExporter::exportGraph(original, {}, gw::ExportFormat::Csv, tables);

        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        const TableImportResult edges =
            TableImporter().importFile(*store, QDir(tables).filePath(QStringLiteral("edges.csv")));
        QCOMPARE(edges.outcome, WriteOutcome::Inserted);
        QCOMPARE(edges.kind, TableImportOptions::Kind::Edges);
        QVERIFY(edges.header);
        QCOMPARE(edges.problemCount, 0);
        QCOMPARE(edges.rows, qint64(original.edgeCount()));
        QCOMPARE(edges.relations, qint64(original.edgeCount()));
        QCOMPARE(edges.weightedRows, qint64(original.edgeCount()));

        KnowledgeGraph imported = KnowledgeGraph::fromStore(*store);
        // Same ids, names and types for every node an edge touches; the same edges.
        QCOMPARE(nodeSet(imported, false), nodeSet(original, true));
        QCOMPARE(edgeSet(imported), edgeSet(original));
        // Weights: one evidence row each, carrying the exported weight (also shown in the trigger).
        for (const gw::GraphEdge &edge : imported.edges()) {
            QCOMPARE(edge.weight, edge.evidence.trigger.mid(7).toDouble());
            QVERIFY(edge.evidence.trigger.startsWith(QStringLiteral("weight=")));
            QCOMPARE(edge.evidence.documentPath, edges.path);
        }
        const int works = imported.indexOf(idOf(QStringLiteral("Ada Lovelace"), gw::EntityType::Person));
        QVERIFY(works >= 0);
        for (const gw::GraphEdge &edge : imported.edges())
            if (edge.type == u"co_occurs" && edge.source == works
                && imported.node(edge.target).type == u"ORGANIZATION") {
                QCOMPARE(edge.evidence.trigger, QStringLiteral("weight=2.5"));
                QCOMPARE(edge.weight, 2.5);
            }

        // nodes.csv brings the isolated node too.
        const TableImportResult nodes =
            TableImporter().importFile(*store, QDir(tables).filePath(QStringLiteral("nodes.csv")));
        QCOMPARE(nodes.kind, TableImportOptions::Kind::Entities);
        QCOMPARE(nodes.problemCount, 0);
        imported = KnowledgeGraph::fromStore(*store);
        QCOMPARE(nodeSet(imported, false), nodeSet(original, false));
        QCOMPARE(edgeSet(imported), edgeSet(original));
    }

    void mentionsAndEvidencePointIntoTheText()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("e.csv"));
        writeBytes(path, "Source,Target,Type\r\n  Ada Lovelace , \"Babbage, Charles\",met\r\n");
        TableImportResult result;
        const gw::DocumentRecord record = TableImporter().prepare(path, result);
        QCOMPARE(record.format, QStringLiteral("table"));
        QCOMPARE(record.path, QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
        QCOMPARE(record.chunks.size(), qsizetype(1));
        QCOMPARE(record.chunks.front().text, QStringLiteral("  Ada Lovelace , \"Babbage, Charles\",met"));
        QCOMPARE(record.mentions.size(), qsizetype(2));
        const auto spanText = [&](qint64 start, qint64 end) { return record.text.mid(start, end - start); };
        QCOMPARE(spanText(record.mentions.at(0).start, record.mentions.at(0).end), QStringLiteral("Ada Lovelace"));
        QCOMPARE(spanText(record.mentions.at(1).start, record.mentions.at(1).end), QStringLiteral("Babbage, Charles"));
        QCOMPARE(record.mentions.at(0).entityId, idOf(QStringLiteral("Ada Lovelace"), gw::EntityType::Misc));
        QCOMPARE(record.relations.size(), qsizetype(1));
        const gw::RelationRecord &relation = record.relations.front();
        QCOMPARE(relation.type, QStringLiteral("met"));
        QCOMPARE(spanText(relation.sentenceStart, relation.sentenceEnd), record.chunks.front().text);
        QVERIFY(relation.trigger.isEmpty()); // no weight column
    }

    void headersDelimitersAndPositionsAreDetected()
    {
        QTemporaryDir dir;
        // Semicolons, upper-case headers, synonyms, a European decimal comma, typed endpoints.
        const QString semicolons = dir.filePath(QStringLiteral("semi.csv"));
        writeBytes(semicolons,
                   "FROM;To;Relation;WEIGHT;Subject Type;object-type\n"
                   "Ada Lovelace;Charles Babbage;met;2,5;person;PERSON\n");
        TableImportResult result;
        gw::DocumentRecord record = TableImporter().prepare(semicolons, result);
        QCOMPARE(result.delimiter, QChar(u';'));
        QVERIFY(result.header);
        QCOMPARE(result.problemCount, 0);
        QCOMPARE(record.relations.front().trigger, QStringLiteral("weight=2.5"));
        QCOMPARE(record.relations.front().weight, 2.5);
        QCOMPARE(record.relations.front().subjectId, idOf(QStringLiteral("Ada Lovelace"), gw::EntityType::Person));
        QCOMPARE(record.relations.front().objectId, idOf(QStringLiteral("Charles Babbage"), gw::EntityType::Person));

        // Tabs, no header: source, target, numeric third column = weight; default type option.
        const QString tabs = dir.filePath(QStringLiteral("tabs.tsv"));
        writeBytes(tabs, "IBM\tArmonk\t3\nIBM\tWatson Lab\t\n");
        TableImportOptions options;
        options.defaultType = gw::EntityType::Organization;
        options.defaultRelationType = QStringLiteral("linked");
        record = TableImporter(options).prepare(tabs, result);
        QCOMPARE(result.delimiter, QChar(u'\t'));
        QVERIFY(!result.header);
        QCOMPARE(result.kind, TableImportOptions::Kind::Edges);
        QCOMPARE(record.relations.size(), qsizetype(2));
        QCOMPARE(record.relations.at(0).type, QStringLiteral("linked"));
        QCOMPARE(record.relations.at(0).trigger, QStringLiteral("weight=3"));
        QVERIFY(record.relations.at(1).trigger.isEmpty());
        QCOMPARE(record.relations.at(0).subjectId, idOf(QStringLiteral("IBM"), gw::EntityType::Organization));

        // No header, a textual third column: source, target, type.
        const QString typed = dir.filePath(QStringLiteral("typed.csv"));
        writeBytes(typed, "Ada,Charles,met\n");
        record = TableImporter().prepare(typed, result);
        QCOMPARE(record.relations.front().type, QStringLiteral("met"));

        // An entity table with a header, and one without whose second column holds types.
        const QString entities = dir.filePath(QStringLiteral("entities.csv"));
        writeBytes(entities, "Name,Category\nAda Lovelace,person\nAcme,company\n");
        record = TableImporter().prepare(entities, result);
        QCOMPARE(result.kind, TableImportOptions::Kind::Entities);
        QCOMPARE(record.entities.size(), qsizetype(2));
        QVERIFY(record.relations.isEmpty());
        QCOMPARE(result.noteCount, 1); // "company" is no entity type: imported as MISC, and said so
        QCOMPARE(result.notes.front().line, 3);
        const QString bare = dir.filePath(QStringLiteral("bare.csv"));
        writeBytes(bare, "Ada Lovelace,PERSON\nZurich,LOCATION\n");
        record = TableImporter().prepare(bare, result);
        QCOMPARE(result.kind, TableImportOptions::Kind::Entities);
        QVERIFY(!result.header);
        QCOMPARE(record.entities.size(), qsizetype(2));
        QVERIFY(std::any_of(record.entities.cbegin(), record.entities.cend(), [](const gw::EntityRecord &e) {
            return e.id == idOf(QStringLiteral("Zurich"), gw::EntityType::Location) && e.type == u"LOCATION";
        }));
    }

    void badRowsAreReportedWithTheirLineNumbers()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.csv"));
        writeBytes(path,
                   "source,target,weight\n"   // line 1
                   "Ada,Charles,1\n"          // 2
                   "Ada,,1\n"                 // 3: no target
                   "\"Two\nLines\",Grace,2\n" // 4-5: fine, spans two lines
                   "Grace,Ada,heavy\n"        // 6: weight not a number
                   "\n"                       // 7: blank, ignored
                   "Lonely\n"                 // 8: no target cell at all
                   ",Ada,1\n"                 // 9: no source
                   "Grace,Charles,NaN\n"      // 10: not finite
                   "Charles,Grace,0.5\n");    // 11
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        const TableImportResult result = TableImporter().importFile(*store, path);
        QCOMPARE(result.rows, 8);
        QCOMPARE(result.importedRows, 3);
        QCOMPARE(result.problemCount, 5);
        QCOMPARE(lines(result.problems), (QList<qint64>{3, 6, 8, 9, 10}));
        QVERIFY(result.problems.at(1).message.contains(QStringLiteral("heavy")));
        QCOMPARE(store->status().relations, 3);
        const KnowledgeGraph graph = KnowledgeGraph::fromStore(*store);
        QVERIFY(!graph.findByName(QStringLiteral("Two\nLines")).isEmpty());

        // An unclosed quote swallows the rest of the file: that row is reported, not imported.
        const QString open = dir.filePath(QStringLiteral("open.csv"));
        writeBytes(open, "source,target\nA,B\n\"C,D\nE,F\n");
        TableImportResult unclosed;
        TableImporter().prepare(open, unclosed);
        QCOMPARE(unclosed.importedRows, 1);
        QCOMPARE(lines(unclosed.problems), QList<qint64>{3});
    }

    void reimportIsUnchangedAndAChangedFileReplaces()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("edges.csv"));
        writeBytes(path, "source,target,type\nAda,Charles,met\nAda,Grace,met\n");
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        QCOMPARE(TableImporter().importFile(*store, path).outcome, WriteOutcome::Inserted);
        const gw::ProjectStatus first = store->status();
        QCOMPARE(first.entities, 3);
        QCOMPARE(first.relations, 2);

        QCOMPARE(TableImporter().importFile(*store, path).outcome, WriteOutcome::Unchanged);
        const gw::ProjectStatus again = store->status();
        QCOMPARE(again.documentsDone, first.documentsDone);
        QCOMPARE(again.entities, first.entities);
        QCOMPARE(again.mentions, first.mentions);
        QCOMPARE(again.relations, first.relations);

        // Other options on the same bytes: the earlier import is replaced.
        TableImportOptions persons;
        persons.defaultType = gw::EntityType::Person;
        QCOMPARE(TableImporter(persons).importFile(*store, path).outcome, WriteOutcome::Replaced);
        KnowledgeGraph graph = KnowledgeGraph::fromStore(*store);
        QCOMPARE(graph.nodeCount(), 3);
        QVERIFY(graph.indexOf(idOf(QStringLiteral("Ada"), gw::EntityType::Person)) >= 0);
        QCOMPARE(graph.indexOf(idOf(QStringLiteral("Ada"), gw::EntityType::Misc)), -1);

        writeBytes(path, "source,target,type\nAda,Charles,met\n");
        QCOMPARE(TableImporter(persons).importFile(*store, path).outcome, WriteOutcome::Replaced);
        graph = KnowledgeGraph::fromStore(*store);
        QCOMPARE(graph.nodeCount(), 2); // Grace went with the row that named her
        QCOMPARE(graph.edgeCount(), 1);
        QCOMPARE(store->status().documentsDone, 1);

        // A CSV the project had ingested as an ordinary document (same bytes): the table import
        // takes its place.
        const QString other = dir.filePath(QStringLiteral("ingested.csv"));
        const QByteArray otherBytes = "source,target\nLin,Mo\n";
        writeBytes(other, otherBytes);
        gw::DocumentRecord ingested;
        ingested.path = QDir::cleanPath(QFileInfo(other).absoluteFilePath());
        ingested.contentHash =
            QString::fromLatin1(QCryptographicHash::hash(otherBytes, QCryptographicHash::Sha256).toHex());
        ingested.format = QStringLiteral("csv");
        ingested.text = QString::fromUtf8(otherBytes);
        QCOMPARE(store->writeDocumentBlocking(ingested), WriteOutcome::Inserted);
        QCOMPARE(TableImporter(persons).importFile(*store, other).outcome, WriteOutcome::Replaced);
        QCOMPARE(KnowledgeGraph::fromStore(*store).edgeCount(), 2);
        QVERIFY(store->removeDocumentBlocking(ingested.path));

        // Removal works as for any document.
        QVERIFY(store->removeDocumentBlocking(QDir::cleanPath(QFileInfo(path).absoluteFilePath())));
        QCOMPARE(store->status().entities, 0);
    }

    void unreadableEmptyAndBinaryFilesAreErrors()
    {
        QTemporaryDir dir;
        const auto expectError = [](const QString &path, const QString &fragment) {
            try {
                TableImportResult result;
                TableImporter().prepare(path, result);
                return QStringLiteral("no error for ") + path;
            } catch (const gw::Error &error) {
                if (!error.message().contains(QFileInfo(path).fileName()))
                    return QStringLiteral("the error does not name the file: ") + error.message();
                if (!error.message().contains(fragment))
                    return QStringLiteral("unexpected message: ") + error.message();
                return QString();
            }
        };
        QString failure = expectError(dir.filePath(QStringLiteral("missing.csv")), QString());
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        writeBytes(dir.filePath(QStringLiteral("empty.csv")), {});
        failure = expectError(dir.filePath(QStringLiteral("empty.csv")), QStringLiteral("empty"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        writeBytes(dir.filePath(QStringLiteral("blank.csv")), "\n \r\n");
        failure = expectError(dir.filePath(QStringLiteral("blank.csv")), QStringLiteral("no rows"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        writeBytes(dir.filePath(QStringLiteral("image.csv")), QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
        failure = expectError(dir.filePath(QStringLiteral("image.csv")), QStringLiteral("binary"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        writeBytes(dir.filePath(QStringLiteral("latin1.csv")), "source,target\nZ\xfcrich,Bern\n");
        failure = expectError(dir.filePath(QStringLiteral("latin1.csv")), QStringLiteral("UTF-8"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        writeBytes(dir.filePath(QStringLiteral("header.csv")), "source,target\n");
        failure = expectError(dir.filePath(QStringLiteral("header.csv")), QStringLiteral("no data rows"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        failure = expectError(dir.path(), QStringLiteral("folder"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        // A byte-order mark is honoured (UTF-16 from a spreadsheet), and removed from the text.
        const QString utf16 = dir.filePath(QStringLiteral("utf16.csv"));
        const QString text = QStringLiteral("source\ttarget\nZürich\tBern\n");
        QByteArray bytes("\xff\xfe");
        bytes.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
        writeBytes(utf16, bytes);
        TableImportResult result;
        const gw::DocumentRecord record = TableImporter().prepare(utf16, result);
        QCOMPARE(record.text, text);
        QCOMPARE(record.relations.front().subjectId, idOf(QStringLiteral("Zürich"), gw::EntityType::Misc));
    }
};

namespace {

QString idOf(const QString &name, gw::EntityType type)
{
    return gw::EntityResolver::entityId(type, gw::EntityResolver::normalizedKey(name, type));
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

gw::GraphNode entity(const QString &name, gw::EntityType type)
{
    return {idOf(name, type), gw::entityTypeName(type), name, 1, 1};
}

// Names that need quoting (commas, quotes, line breaks), parallel edges, a self-loop, an
// isolated node.
KnowledgeGraph sampleGraph()
{
    using gw::EntityType;
    KnowledgeGraph graph;
    const int ada = graph.addNode(entity(QStringLiteral("Ada Lovelace"), EntityType::Person));
    const int babbage = graph.addNode(entity(QStringLiteral("Babbage, Charles \"the elder\""), EntityType::Person));
    const int engine = graph.addNode(entity(QStringLiteral("Analytical\nEngine Co."), EntityType::Organization));
    const int zurich = graph.addNode(entity(QStringLiteral("Zürich"), EntityType::Location));
    graph.addNode(entity(QStringLiteral("Nobody; in particular"), EntityType::Misc));
    graph.addEdge(
        {ada, babbage, QStringLiteral("works_with"), 3, {QStringLiteral("/a.txt"), 1, 9, 0, QStringLiteral("with")}});
    graph.addEdge({ada, babbage, QStringLiteral("co_occurs"), 1, {}});
    graph.addEdge({babbage, engine, QStringLiteral("founded"), 1, {}});
    graph.addEdge({ada, engine, QStringLiteral("co_occurs"), 2.5, {}});
    graph.addEdge({zurich, zurich, QStringLiteral("located_in"), 1, {}});
    graph.addEdge({engine, zurich, QStringLiteral("located_in"), 4, {}});
    return graph;
}

QSet<QString> nodeSet(const KnowledgeGraph &graph, bool connectedOnly)
{
    QSet<int> connected;
    for (const gw::GraphEdge &edge : graph.edges())
        connected << edge.source << edge.target;
    QSet<QString> out;
    for (int i = 0; i < graph.nodeCount(); ++i)
        if (!connectedOnly || connected.contains(i))
            out.insert(graph.node(i).id + u'|' + graph.node(i).name + u'|' + graph.node(i).type);
    return out;
}

QSet<QString> edgeSet(const KnowledgeGraph &graph)
{
    QSet<QString> out;
    for (const gw::GraphEdge &edge : graph.edges())
        out.insert(graph.node(edge.source).id + u'>' + graph.node(edge.target).id + u'|' + edge.type);
    return out;
}

QList<qint64> lines(const QList<gw::TableImportProblem> &problems)
{
    QList<qint64> out;
    for (const gw::TableImportProblem &problem : problems)
        out.append(problem.line);
    return out;
}

} // namespace

GW_TEST_MAIN(TstTableImport)
#include "tst_tableimport.moc"
