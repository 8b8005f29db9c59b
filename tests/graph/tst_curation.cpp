// Curation edits (merge, rename, retype, hide) in the project: applied whenever the graph is
// read, kept across re-ingestion, undone and redone through the project, carried by a file.
#include "core/errors.h"
#include "core/syncwait.h"
#include "graph/curationrules.h"
#include "graph/knowledgegraph.h"
#include "graph/mergesuggestions.h"
#include "store/curationtable.h"
#include "store/projectstore.h"
#include "store/sampledocuments.h"
#include "testmain.h"

#include <QJsonArray>
#include <QTemporaryDir>

using gw::CurationRules;
using gw::CurationTable;
using gw::KnowledgeGraph;

namespace {

// Two documents (three with `third`) naming Ada, Zürich, Grace and the word "Sentence"; Ada
// meets Zürich in every chunk. `version` changes every text, so writing again replaces them.
void writeDocuments(gw::ProjectStore &store, int version, bool third = false)
{
    QStringList paths{QStringLiteral("/a.txt"), QStringLiteral("/b.txt")};
    if (third)
        paths << QStringLiteral("/c.txt");
    for (const QString &path : std::as_const(paths)) {
        gw::DocumentRecord record = gw::testing::sampleDocument(path, 2, version);
        gw::testing::addSampleExtraction(
            record,
            {gw::testing::sampleEntity(QStringLiteral("Ada")),
             gw::testing::sampleEntity(QStringLiteral("Zürich"), {}, QStringLiteral("LOCATION")),
             gw::testing::sampleEntity(QStringLiteral("Grace")),
             gw::testing::sampleEntity(QStringLiteral("Sentence"), {}, QStringLiteral("MISC"))});
        store.writeDocumentBlocking(record);
    }
}

// The graph as sorted lines: every node with its type, aliases and mentions, every edge.
QStringList dump(gw::ProjectStore &store)
{
    const KnowledgeGraph graph = KnowledgeGraph::fromStore(store);
    QStringList lines;
    for (const gw::GraphNode &node : graph.nodes()) {
        QStringList aliases = node.aliases;
        aliases.sort();
        lines << QStringLiteral("%1 (%2) aka [%3] x%4")
                     .arg(node.name, node.type, aliases.join(QLatin1Char(',')))
                     .arg(node.mentions);
    }
    for (const gw::GraphEdge &edge : graph.edges())
        lines << QStringLiteral("%1 -%2-> %3 w%4")
                     .arg(graph.node(edge.source).name, edge.type, graph.node(edge.target).name)
                     .arg(edge.weight);
    lines.sort();
    return lines;
}

QList<gw::CurationEdit> sampleEdits()
{
    return {
        CurationRules::merge({QStringLiteral("id-grace")}, QStringLiteral("id-ada"), QStringLiteral("Ada Lovelace"), {},
                             {QStringLiteral("Grace"), QStringLiteral("Ada")}),
        CurationRules::retype(QStringLiteral("id-zürich"), QStringLiteral("ORGANIZATION"), QStringLiteral("Zürich")),
        CurationRules::rename(QStringLiteral("id-zürich"), QStringLiteral("ETH Zürich"), QStringLiteral("Zürich")),
        CurationRules::hide(QStringLiteral("id-sentence"), QStringLiteral("Sentence")),
    };
}

// What sampleEdits() make of `documents` documents of 2 chunks each.
QStringList curatedDump(int documents)
{
    const int mentions = 2 * documents;
    QStringList lines{
        QStringLiteral("Ada Lovelace (PERSON) aka [Grace] x%1").arg(2 * mentions),
        QStringLiteral("ETH Zürich (ORGANIZATION) aka [] x%1").arg(mentions),
        QStringLiteral("Ada Lovelace -met-> ETH Zürich w%1").arg(mentions),
    };
    lines.sort();
    return lines;
}

} // namespace

class TstCuration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editsShapeTheGraphUndoRedoAndHoldAcrossReingestion()
    {
        QTemporaryDir dir;
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        writeDocuments(*store, 1);
        const QStringList before = dump(*store);
        QCOMPARE(before.size(), 5); // four nodes and "met"

        const CurationTable table(*store);
        QCOMPARE(table.add(sampleEdits()).size(), 4);
        QCOMPARE(dump(*store), curatedDump(2));

        // Undo one step at a time, back to the graph before the edits; then redo them all.
        for (int i = 0; i < 4; ++i)
            QVERIFY(table.undo());
        QVERIFY(!table.undo());
        QCOMPARE(dump(*store), before);
        QCOMPARE(table.activeEdits().size(), 0);
        QCOMPARE(table.edits().size(), 4); // kept for redo
        QVERIFY(table.redo());
        QCOMPARE(dump(*store).first(), QStringLiteral("Ada Lovelace (PERSON) aka [Grace] x8"));
        for (int i = 0; i < 3; ++i)
            QVERIFY(table.redo());
        QVERIFY(!table.redo());
        QCOMPARE(dump(*store), curatedDump(2));

        // Every document read again (new text, same names) and one more: the edits still hold.
        writeDocuments(*store, 2, true);
        QCOMPARE(dump(*store), curatedDump(3));

        // Across a restart: the history is in the project.
        store.reset();
        store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        QCOMPARE(dump(*store), curatedDump(3));
        QCOMPARE(CurationTable(*store).undo()->kind, QStringLiteral("hide"));
        QVERIFY(dump(*store).contains(QStringLiteral("Sentence (MISC) aka [] x6")));
    }

    void aNewEditDropsWhatRedoWouldBringBack()
    {
        QTemporaryDir dir;
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        writeDocuments(*store, 1);
        const CurationTable table(*store);
        const QList<gw::CurationEdit> edits = sampleEdits();
        table.add({edits.at(0), edits.at(1)});
        QCOMPARE(table.undo()->kind, QStringLiteral("retype"));
        table.add({edits.at(3)});
        QStringList kinds;
        for (const gw::CurationEdit &edit : table.edits())
            kinds << edit.kind + (edit.undone ? QStringLiteral(" (undone)") : QString());
        QCOMPARE(kinds, (QStringList{QStringLiteral("merge"), QStringLiteral("hide")}));
        QVERIFY(!table.redo());
    }

    // Merging into an entity that has itself been merged, or an entity no longer in the project:
    // the groups join, and what is missing is skipped.
    void mergesChainAndSkipWhatIsGone()
    {
        QTemporaryDir dir;
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        writeDocuments(*store, 1);
        const CurationTable table(*store);
        table.add({CurationRules::merge({QStringLiteral("id-grace")}, QStringLiteral("id-ada"), {}, {}, {}),
                   CurationRules::merge({QStringLiteral("id-ada"), QStringLiteral("id-nobody")},
                                        QStringLiteral("id-sentence"), QStringLiteral("Everyone"),
                                        QStringLiteral("PERSON"), {})});
        const KnowledgeGraph graph = KnowledgeGraph::fromStore(*store);
        QCOMPARE(graph.nodeCount(), 2);
        const int everyone = graph.indexOf(QStringLiteral("id-grace"));
        QCOMPARE(graph.indexOf(QStringLiteral("id-ada")), everyone);
        QCOMPARE(graph.node(everyone).id, QStringLiteral("id-sentence"));
        QCOMPARE(graph.node(everyone).name, QStringLiteral("Everyone"));
        QCOMPARE(graph.node(everyone).type, QStringLiteral("PERSON"));
        QCOMPARE(graph.node(everyone).mentions, 12);
    }

    // "Ada" MISC joins "Ada" PERSON automatically (one sense per name). Split brings it back on
    // its own; merging it by its own id moves it alone, not the node it had joined.
    void splitAndMergeMoveAnAliasAlone()
    {
        QTemporaryDir dir;
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        gw::DocumentRecord record = gw::testing::sampleDocument(QStringLiteral("/a.txt"), 2);
        gw::testing::addSampleExtraction(
            record,
            {gw::testing::sampleEntity(QStringLiteral("Ada")), gw::testing::sampleEntity(QStringLiteral("Grace"))});
        gw::DocumentRecord other = gw::testing::sampleDocument(QStringLiteral("/b.txt"), 1);
        gw::testing::addSampleExtraction(
            other,
            {{QStringLiteral("id-ada-misc"), QStringLiteral("MISC"), QStringLiteral("Ada"), QStringLiteral("ada")}});
        store->writeDocumentBlocking(record);
        store->writeDocumentBlocking(other);
        const QString adaMisc = QStringLiteral("id-ada-misc");
        QCOMPARE(KnowledgeGraph::fromStore(*store).indexOf(adaMisc),
                 KnowledgeGraph::fromStore(*store).indexOf(QStringLiteral("id-ada")));

        const CurationTable table(*store);
        table.add({CurationRules::split({adaMisc}, QStringLiteral("Ada"))});
        KnowledgeGraph graph = KnowledgeGraph::fromStore(*store);
        QCOMPARE(graph.nodeCount(), 3);
        QCOMPARE(graph.node(graph.indexOf(adaMisc)).type, QStringLiteral("MISC"));
        QCOMPARE(graph.node(graph.indexOf(QStringLiteral("id-ada"))).mentions, 2);

        table.undo();
        table.add({CurationRules::merge({adaMisc}, QStringLiteral("id-grace"), {}, {}, {})});
        graph = KnowledgeGraph::fromStore(*store);
        QCOMPARE(graph.nodeCount(), 2);
        QCOMPARE(graph.indexOf(adaMisc), graph.indexOf(QStringLiteral("id-grace")));
        QCOMPARE(graph.node(graph.indexOf(QStringLiteral("id-grace"))).mentions, 3);
        QCOMPARE(graph.node(graph.indexOf(QStringLiteral("id-ada"))).mentions, 2);
    }

    // The review queue: each rule on a graph of known names, and a pair said to be distinct
    // stays out.
    void suggestionsFindLikelyDuplicatesWithTheirReason()
    {
        KnowledgeGraph graph;
        const auto add = [&graph](const QString &name, const QString &type, qint64 mentions) {
            return graph.addNode({QStringLiteral("id-") + name, type, name, mentions, 1, {}, {}});
        };
        const int psf = add(QStringLiteral("PSF"), QStringLiteral("ORGANIZATION"), 5);
        const int python = add(QStringLiteral("Python Software Foundation"), QStringLiteral("ORGANIZATION"), 9);
        add(QStringLiteral("Aaron"), QStringLiteral("PERSON"), 30);
        add(QStringLiteral("Aaron the Levite"), QStringLiteral("PERSON"), 4);
        add(QStringLiteral("Pharisee"), QStringLiteral("MISC"), 3);
        add(QStringLiteral("Pharisees"), QStringLiteral("MISC"), 20);
        add(QStringLiteral("Sarai"), QStringLiteral("PERSON"), 10); // "Sarai Abram": a glued list
        add(QStringLiteral("Abram"), QStringLiteral("PERSON"), 10);
        add(QStringLiteral("Sarai Abram"), QStringLiteral("PERSON"), 10);
        add(QStringLiteral("Thomas"), QStringLiteral("PERSON"), 10); // begins two names: unsure
        add(QStringLiteral("Thomas Munro"), QStringLiteral("PERSON"), 10);
        add(QStringLiteral("Thomas Lumley"), QStringLiteral("PERSON"), 10);
        add(QStringLiteral("SQLite"), QStringLiteral("MISC"), 50); // a thing named after another
        add(QStringLiteral("SQLite Archive"), QStringLiteral("MISC"), 10);
        add(QStringLiteral("Ammon"), QStringLiteral("PERSON"), 10); // one letter apart, two people
        add(QStringLiteral("Amnon"), QStringLiteral("PERSON"), 10);
        add(QStringLiteral("HLM"), QStringLiteral("MISC"), 10); // a person's initials
        add(QStringLiteral("H. L. Mencken"), QStringLiteral("PERSON"), 10);
        add(QStringLiteral("NAM"), QStringLiteral("MISC"), 10); // a heading in capitals
        add(QStringLiteral("NORTH AMERICAN MALES"), QStringLiteral("MISC"), 10);
        add(QStringLiteral("NICE"), QStringLiteral("MISC"), 10); // written otherwise
        add(QStringLiteral("Nice Guy"), QStringLiteral("PERSON"), 10);
        add(QStringLiteral("HeapTuple"), QStringLiteral("MISC"), 10); // identifiers side by side
        add(QStringLiteral("HeapTuple BuildTupleFromCStrings"), QStringLiteral("PERSON"), 10);

        QStringList found;
        for (const gw::MergeSuggestion &suggestion : gw::MergeSuggestions::find(graph, {}, 50))
            found << QStringLiteral("%1 -> %2: %3")
                         .arg(graph.node(suggestion.merge).name, graph.node(suggestion.keep).name, suggestion.reason);
        found.sort();
        QCOMPARE(found,
                 (QStringList{QStringLiteral("Aaron the Levite -> Aaron: one name begins the other"),
                              QStringLiteral("PSF -> Python Software Foundation: an acronym and its long form"),
                              QStringLiteral("Pharisee -> Pharisees: a name and its plural")}));

        // Said to be different: not proposed again.
        const gw::CurationEdit distinct =
            CurationRules::distinct(graph.node(psf).id, graph.node(python).id, QStringLiteral("PSF"),
                                    QStringLiteral("Python Software Foundation"));
        const QSet<QString> rejected = gw::MergeSuggestions::rejectedPairs({distinct});
        const QList<gw::MergeSuggestion> left = gw::MergeSuggestions::find(graph, rejected, 50);
        QCOMPARE(left.size(), 2);
        QVERIFY(std::none_of(left.cbegin(), left.cend(),
                             [&](const gw::MergeSuggestion &s) { return s.merge == psf || s.keep == psf; }));
        QCOMPARE(CurationRules::describe(distinct), QStringLiteral("PSF and Python Software Foundation are different"));
    }

    void rulesTravelByFileAndSaveAs()
    {
        QTemporaryDir dir;
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("a.gwp")));
        writeDocuments(*store, 1);
        CurationTable(*store).add(sampleEdits());
        const QJsonObject file = CurationRules::toJson(CurationTable(*store).activeEdits());

        auto other = gw::ProjectStore::open(dir.filePath(QStringLiteral("b.gwp")));
        writeDocuments(*other, 1);
        CurationTable(*other).add(CurationRules::fromJson(file));
        QCOMPARE(dump(*other), curatedDump(2));

        QVERIFY(gw::syncWait(store->saveCopy(dir.filePath(QStringLiteral("copy.gwp")))));
        auto copy = gw::ProjectStore::open(dir.filePath(QStringLiteral("copy.gwp")));
        QCOMPARE(dump(*copy), curatedDump(2));
        QCOMPARE(CurationTable(*copy).edits().size(), 4);

        // Every kind travels, the review queue's "distinct" and the relation edits included.
        const QList<gw::CurationEdit> kinds{
            CurationRules::distinct(QStringLiteral("id-a"), QStringLiteral("id-b"), QStringLiteral("A"),
                                    QStringLiteral("B")),
            CurationRules::deleteRelation(QStringLiteral("id-a"), QStringLiteral("id-b"), QStringLiteral("met"), {}),
            CurationRules::retypeRelation(QStringLiteral("id-a"), QStringLiteral("id-b"), QStringLiteral("met"),
                                          QStringLiteral("knew"), {}),
            CurationRules::addRelation(QStringLiteral("id-a"), QStringLiteral("id-b"), QStringLiteral("met"),
                                       QStringLiteral("a note"), {})};
        const QList<gw::CurationEdit> back = CurationRules::fromJson(CurationRules::toJson(kinds));
        QCOMPARE(back.size(), kinds.size());
        for (qsizetype i = 0; i < kinds.size(); ++i) {
            QCOMPARE(back.at(i).kind, kinds.at(i).kind);
            QCOMPARE(back.at(i).payload, kinds.at(i).payload);
        }
        QJsonObject incomplete = CurationRules::toJson({kinds.at(2)});
        QJsonArray items = incomplete.value(QStringLiteral("edits")).toArray();
        QJsonObject item = items.at(0).toObject();
        item.remove(QStringLiteral("to")); // a change of type to nothing
        items[0] = item;
        incomplete.insert(QStringLiteral("edits"), items);
        QVERIFY_THROWS_EXCEPTION(gw::Error, CurationRules::fromJson(incomplete));

        QVERIFY_THROWS_EXCEPTION(gw::Error, CurationRules::fromJson(QJsonObject{{QStringLiteral("edits"), 1}}));
        QJsonObject unknown = file;
        unknown.insert(QStringLiteral("edits"),
                       QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("explode")}}});
        QVERIFY_THROWS_EXCEPTION(gw::Error, CurationRules::fromJson(unknown));
    }

    void describeSaysWhatChanged()
    {
        const QList<gw::CurationEdit> edits = sampleEdits();
        QCOMPARE(CurationRules::describe(edits.at(0)), QStringLiteral("merge Grace into Ada, named Ada Lovelace"));
        QCOMPARE(CurationRules::describe(edits.at(1)), QStringLiteral("retype Zürich as ORGANIZATION"));
        QCOMPARE(CurationRules::describe(edits.at(2)), QStringLiteral("rename Zürich to ETH Zürich"));
        QCOMPARE(CurationRules::describe(edits.at(3)), QStringLiteral("hide Sentence"));
    }
};

GW_TEST_MAIN(TstCuration)
#include "tst_curation.moc"
