// The in-memory graph: built from the project's entities and relations, lookups by id and name.

#include "graph/knowledgegraph.h"
#include "store/projectstore.h"
#include "store/sampledocuments.h"
#include "testmain.h"

#include <QTemporaryDir>

using gw::KnowledgeGraph;

class TstKnowledgeGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromStoreHasEveryEntityAndMergedRelation()
    {
        QTemporaryDir dir;
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        for (const QString &path : {QStringLiteral("/a.txt"), QStringLiteral("/b.txt")}) {
            gw::DocumentRecord record = gw::testing::sampleDocument(path, 2);
            gw::testing::addSampleExtraction(
                record,
                {gw::testing::sampleEntity(QStringLiteral("Ada")), gw::testing::sampleEntity(QStringLiteral("Grace")),
                 gw::testing::sampleEntity(QStringLiteral("Zürich"), {}, QStringLiteral("LOCATION"))});
            store->writeDocumentBlocking(record);
        }
        const KnowledgeGraph graph = KnowledgeGraph::fromStore(*store);
        QCOMPARE(graph.nodeCount(), 3);
        QCOMPARE(graph.edgeCount(), 1); // "met" from both documents merges into one edge
        const int ada = graph.indexOf(QStringLiteral("id-ada"));
        const int grace = graph.indexOf(QStringLiteral("id-grace"));
        QVERIFY(ada >= 0 && grace >= 0);
        QCOMPARE(graph.node(ada).mentions, 4);
        QCOMPARE(graph.node(ada).documents, 2);
        QCOMPARE(graph.node(graph.indexOf(QStringLiteral("id-zürich"))).type, QStringLiteral("LOCATION"));
        const gw::GraphEdge &met = graph.edge(0);
        QCOMPARE(met.source, ada);
        QCOMPARE(met.target, grace);
        QCOMPARE(met.type, QStringLiteral("met"));
        QCOMPARE(met.weight, 4.0);
        QCOMPARE(met.evidence.documentPath, QStringLiteral("/a.txt"));
    }

    // Co-occurrence has no direction: the writer stores a pair one way, whatever order the
    // sentences name it in, and the graph holds one edge weighted by its sentences.
    void coOccurrenceIsOneUndirectedEdgePerPair()
    {
        QTemporaryDir dir;
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        gw::DocumentRecord record = gw::testing::sampleDocument(QStringLiteral("/a.txt"), 2);
        gw::testing::addSampleExtraction(
            record,
            {gw::testing::sampleEntity(QStringLiteral("Grace")), gw::testing::sampleEntity(QStringLiteral("Ada"))});
        record.relations.clear();
        const QString zoe = record.entities.at(0).id, ada = record.entities.at(1).id;
        QVERIFY(ada < zoe);
        const auto &chunk = record.chunks.at(0);
        record.relations.append({QStringLiteral("co_occurs"), zoe, ada, 0, chunk.start, chunk.start + 5, {}, 1});
        record.relations.append({QStringLiteral("co_occurs"), ada, zoe, 0, chunk.start + 6, chunk.end, {}, 1});
        record.relations.append({QStringLiteral("met"), zoe, ada, 0, chunk.start, chunk.start + 5, {}, 1});
        store->writeDocumentBlocking(record);

        const QList<gw::StoredRelation> stored = store->relations();
        QCOMPARE(stored.size(), 2);
        const KnowledgeGraph graph = KnowledgeGraph::fromStore(*store);
        QCOMPARE(graph.edgeCount(), 2);
        for (int e = 0; e < graph.edgeCount(); ++e) {
            const gw::GraphEdge &edge = graph.edge(e);
            if (edge.type == QLatin1String("co_occurs")) {
                QCOMPARE(edge.weight, 2.0);
                QCOMPARE(graph.node(edge.source).id, ada);
            } else {
                QCOMPARE(edge.type, QStringLiteral("met")); // a typed relation keeps its direction
                QCOMPARE(graph.node(edge.source).id, zoe);
            }
        }
    }

    void significantEdgesLeaveChanceCoOccurrenceOut()
    {
        using gw::testing::sampleEntity;
        QTemporaryDir dir;
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        // Ada and Grace share two sentences; Zürich shares one with each; Ada met Zürich once.
        gw::DocumentRecord record = gw::testing::sampleDocument(QStringLiteral("/a.txt"), 2);
        gw::testing::addSampleExtraction(record,
                                         {sampleEntity(QStringLiteral("Ada")), sampleEntity(QStringLiteral("Grace")),
                                          sampleEntity(QStringLiteral("Zürich"), {}, QStringLiteral("LOCATION"))});
        const QString ada = record.entities.at(0).id, grace = record.entities.at(1).id,
                      zurich = record.entities.at(2).id;
        record.relations.clear();
        const QString co = QStringLiteral("co_occurs");
        for (const auto &chunk : std::as_const(record.chunks))
            record.relations.append({co, std::min(ada, grace), std::max(ada, grace), 0, chunk.start, chunk.end, {}, 1});
        const auto &first = record.chunks.at(0);
        record.relations.append({co, std::min(ada, zurich), std::max(ada, zurich), 0, first.start, first.end, {}, 1});
        record.relations.append(
            {co, std::min(grace, zurich), std::max(grace, zurich), 0, first.start, first.end, {}, 1});
        record.relations.append({QStringLiteral("met"), ada, zurich, 0, first.start, first.end, {}, 1});
        store->writeDocumentBlocking(record);

        QCOMPARE(KnowledgeGraph::fromStore(*store).edgeCount(), 4);
        const KnowledgeGraph significant = KnowledgeGraph::fromStore(
            *store, KnowledgeGraph::Resolution::AcrossDocuments, KnowledgeGraph::Edges::Significant);
        QCOMPARE(significant.nodeCount(), 3); // a node without a significant edge stays
        QCOMPARE(significant.edgeCount(), 2);
        QStringList kept;
        for (const gw::GraphEdge &edge : significant.edges()) {
            QVERIFY(KnowledgeGraph::isSignificant(edge));
            kept << edge.type + QLatin1Char(':') + significant.node(edge.source).name + QLatin1Char('-')
                    + significant.node(edge.target).name;
        }
        kept.sort();
        const QString pair = ada < grace ? QStringLiteral("Ada-Grace") : QStringLiteral("Grace-Ada");
        QCOMPARE(kept, (QStringList{QStringLiteral("co_occurs:") + pair, QStringLiteral("met:Ada-Zürich")}));
    }

    void resolvesSurnamesAndUntypedNamesAcrossDocuments()
    {
        using gw::testing::sampleEntity;
        QTemporaryDir dir;
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        const QString person = QStringLiteral("PERSON");
        // /a: "Ada Lovelace" -met-> "Lovelace" (the same person, as another document may say).
        gw::DocumentRecord a = gw::testing::sampleDocument(QStringLiteral("/a.txt"), 1);
        gw::testing::addSampleExtraction(a,
                                         {sampleEntity(QStringLiteral("Ada"), QStringLiteral("Ada Lovelace"), person),
                                          sampleEntity(QStringLiteral("Grace"), QStringLiteral("Lovelace"), person),
                                          sampleEntity(QStringLiteral("Zürich"), {}, QStringLiteral("LOCATION"))});
        store->writeDocumentBlocking(a);
        // /b: an untyped "Zürich"; two Smiths, so a lone "Smith" stays apart.
        gw::DocumentRecord b = gw::testing::sampleDocument(QStringLiteral("/b.txt"), 1);
        gw::testing::addSampleExtraction(
            b,
            {sampleEntity(QStringLiteral("Sentence"), QStringLiteral("Zürich"), QStringLiteral("MISC")),
             sampleEntity(QStringLiteral("met"), QStringLiteral("John Smith"), person),
             sampleEntity(QStringLiteral("of"), QStringLiteral("Adam Smith"), person),
             sampleEntity(QStringLiteral("in"), QStringLiteral("Smith"), person)});
        store->writeDocumentBlocking(b);

        const KnowledgeGraph raw = KnowledgeGraph::fromStore(*store, KnowledgeGraph::Resolution::None);
        QCOMPARE(raw.nodeCount(), 7);
        QCOMPARE(raw.edgeCount(), 2);

        const KnowledgeGraph graph = KnowledgeGraph::fromStore(*store);
        QCOMPARE(graph.nodeCount(), 5);
        const int ada = graph.indexOf(QStringLiteral("id-ada"));
        QCOMPARE(graph.indexOf(QStringLiteral("id-grace")), ada);
        QCOMPARE(graph.node(ada).aliases, QStringList{QStringLiteral("Lovelace")});
        QCOMPARE(graph.node(ada).mentions, 2);
        const int zurich = graph.indexOf(QStringLiteral("id-zürich"));
        QCOMPARE(graph.indexOf(QStringLiteral("id-sentence")), zurich);
        QCOMPARE(graph.node(zurich).type, QStringLiteral("LOCATION"));
        QCOMPARE(graph.node(zurich).documents, 1);
        QVERIFY(graph.indexOf(QStringLiteral("id-in")) != graph.indexOf(QStringLiteral("id-met")));
        QVERIFY(graph.indexOf(QStringLiteral("id-in")) != graph.indexOf(QStringLiteral("id-of")));
        // Ada "met" Lovelace became a self-loop: gone. "Zürich" met "John Smith" now starts at
        // the LOCATION.
        QCOMPARE(graph.edgeCount(), 1);
        QCOMPARE(graph.edge(0).source, zurich);
        QCOMPARE(graph.edge(0).target, graph.indexOf(QStringLiteral("id-met")));
    }

    void oneSenseForEachNameAcrossDocuments()
    {
        using gw::testing::sampleEntity;
        QTemporaryDir dir;
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        const QString god = QStringLiteral("God");
        // /a: "God" as a PERSON in three sentences, next to a place.
        gw::DocumentRecord a = gw::testing::sampleDocument(QStringLiteral("/a.txt"), 3);
        gw::testing::addSampleExtraction(a,
                                         {sampleEntity(QStringLiteral("Ada"), god),
                                          sampleEntity(QStringLiteral("Zürich"), {}, QStringLiteral("LOCATION"))});
        store->writeDocumentBlocking(a);
        // /b: a LOCATION "God" once, an untyped "god" once.
        gw::DocumentRecord b = gw::testing::sampleDocument(QStringLiteral("/b.txt"), 1);
        gw::testing::addSampleExtraction(
            b,
            {sampleEntity(QStringLiteral("Grace"), god, QStringLiteral("LOCATION")),
             sampleEntity(QStringLiteral("Sentence"), QStringLiteral("god"), QStringLiteral("MISC"))});
        store->writeDocumentBlocking(b);

        KnowledgeGraph graph = KnowledgeGraph::fromStore(*store);
        QCOMPARE(graph.nodeCount(), 2);
        const int node = graph.indexOf(QStringLiteral("id-ada"));
        QCOMPARE(graph.node(node).type, QStringLiteral("PERSON"));
        QCOMPARE(graph.node(node).mentions, 5);
        QCOMPARE(graph.indexOf(QStringLiteral("id-grace")), node);
        QCOMPARE(graph.indexOf(QStringLiteral("id-sentence")), node);
        QCOMPARE(graph.findByName(god), QList<int>{node});
        QCOMPARE(graph.edgeCount(), 1); // "met" Zürich; /b's "God met god" is a self-loop now

        // New evidence: /b now types it LOCATION in four sentences. The vote turns, and the
        // PERSON node does not stay behind.
        gw::DocumentRecord b2 = gw::testing::sampleDocument(QStringLiteral("/b.txt"), 4, 2);
        gw::testing::addSampleExtraction(b2, {sampleEntity(QStringLiteral("Grace"), god, QStringLiteral("LOCATION"))});
        store->writeDocumentBlocking(b2);
        graph = KnowledgeGraph::fromStore(*store);
        QCOMPARE(graph.nodeCount(), 2);
        const int place = graph.indexOf(QStringLiteral("id-grace"));
        QCOMPARE(graph.node(place).type, QStringLiteral("LOCATION"));
        QCOMPARE(graph.node(place).id, QStringLiteral("id-grace"));
        QCOMPARE(graph.indexOf(QStringLiteral("id-ada")), place);
        QCOMPARE(graph.node(place).mentions, 7);
        QCOMPARE(graph.findByName(god), QList<int>{place});
    }

    // A name the project mostly reads as MISC stays MISC when a few mentions elsewhere were
    // typed ("SQLite" once a place); a typed sense with a fair share of the mentions wins.
    void aTypedMinorityDoesNotOutvoteTheRest()
    {
        using gw::testing::sampleEntity;
        QTemporaryDir dir;
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        const QString sqlite = QStringLiteral("SQLite");
        gw::DocumentRecord manual = gw::testing::sampleDocument(QStringLiteral("/manual.txt"), 9);
        gw::testing::addSampleExtraction(manual, {sampleEntity(QStringLiteral("Ada"), sqlite, QStringLiteral("MISC"))});
        store->writeDocumentBlocking(manual);
        gw::DocumentRecord other = gw::testing::sampleDocument(QStringLiteral("/other.txt"), 2);
        gw::testing::addSampleExtraction(other,
                                         {sampleEntity(QStringLiteral("Grace"), sqlite, QStringLiteral("LOCATION"))});
        store->writeDocumentBlocking(other);
        KnowledgeGraph graph = KnowledgeGraph::fromStore(*store);
        const int node = graph.indexOf(QStringLiteral("id-ada"));
        QCOMPARE(graph.node(node).type, QStringLiteral("MISC"));
        QCOMPARE(graph.indexOf(QStringLiteral("id-grace")), node);
        QCOMPARE(graph.node(node).mentions, 11); // 9 MISC > 4 x 2 typed

        // Three documents more type it a place: 5 typed, 9 MISC, the place wins.
        for (const char *path : {"/a.txt", "/b.txt", "/c.txt"}) {
            gw::DocumentRecord more = gw::testing::sampleDocument(QString::fromUtf8(path), 1);
            gw::testing::addSampleExtraction(
                more, {sampleEntity(QStringLiteral("Grace"), sqlite, QStringLiteral("LOCATION"))});
            store->writeDocumentBlocking(more);
        }
        graph = KnowledgeGraph::fromStore(*store);
        const int place = graph.indexOf(QStringLiteral("id-grace"));
        QCOMPARE(graph.node(place).type, QStringLiteral("LOCATION"));
        QCOMPARE(graph.indexOf(QStringLiteral("id-ada")), place);
    }

    // "in Firefox" (0.6) in two documents, "Firefox" with no cue in two others: no place. The same
    // with one mention said to be a place (0.7): the place stands.
    void aWeakPlaceDoesNotOutvoteAsManyUntypedMentions()
    {
        using gw::testing::sampleEntity;
        for (const double strongest : {0.6, 0.7}) {
            QTemporaryDir dir;
            auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
            const QString firefox = QStringLiteral("Firefox");
            const auto write = [&](const char *path, const QString &id, const char *type, double confidence) {
                gw::DocumentRecord document = gw::testing::sampleDocument(QString::fromUtf8(path), 1);
                gw::testing::addSampleExtraction(document, {sampleEntity(id, firefox, QString::fromUtf8(type))});
                for (gw::MentionRecord &mention : document.mentions)
                    mention.confidence = confidence;
                store->writeDocumentBlocking(document);
            };
            write("/a.txt", QStringLiteral("Ada"), "LOCATION", 0.6); // the place
            write("/b.txt", QStringLiteral("Ada"), "LOCATION", strongest);
            write("/c.txt", QStringLiteral("Grace"), "MISC", 0.5); // the thing
            write("/d.txt", QStringLiteral("Grace"), "MISC", 0.5);
            const KnowledgeGraph graph = KnowledgeGraph::fromStore(*store);
            const int node = graph.indexOf(QStringLiteral("id-ada"));
            QCOMPARE(graph.indexOf(QStringLiteral("id-grace")), node);
            QCOMPARE(graph.node(node).type, strongest > 0.6 ? QStringLiteral("LOCATION") : QStringLiteral("MISC"));
        }
    }

    // "Wadsworth" listed after two authors (0.6) in three documents, named as a publisher (0.9) in
    // two: the publisher, its mentions counted twice against weak ones. With the publisher read
    // weakly too (0.6), the larger count wins.
    void aNameReadWithEvidenceOutweighsAWeakTwin()
    {
        using gw::testing::sampleEntity;
        for (const double publisher : {0.9, 0.6}) {
            QTemporaryDir dir;
            auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
            const QString name = QStringLiteral("Wadsworth");
            int documents = 0;
            const auto write = [&](const QString &id, const char *type, double confidence) {
                gw::DocumentRecord document =
                    gw::testing::sampleDocument(QStringLiteral("/%1.txt").arg(++documents), 1);
                gw::testing::addSampleExtraction(document, {sampleEntity(id, name, QString::fromUtf8(type))});
                for (gw::MentionRecord &mention : document.mentions)
                    mention.confidence = confidence;
                store->writeDocumentBlocking(document);
            };
            for (int k = 0; k < 3; ++k)
                write(QStringLiteral("Ada"), "PERSON", 0.6);
            for (int k = 0; k < 2; ++k)
                write(QStringLiteral("Grace"), "ORGANIZATION", publisher);
            const KnowledgeGraph graph = KnowledgeGraph::fromStore(*store);
            const int node = graph.indexOf(QStringLiteral("id-ada"));
            QCOMPARE(graph.indexOf(QStringLiteral("id-grace")), node);
            QCOMPARE(graph.node(node).type,
                     publisher > 0.6 ? QStringLiteral("ORGANIZATION") : QStringLiteral("PERSON"));
        }
    }

    void aGluedNameDoesNotAbsorbTheLoneName()
    {
        using gw::testing::sampleEntity;
        QTemporaryDir dir;
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        // "Zürich" is a place; "Zürich Ada" two names glued; the lone "Ada" stays itself, while
        // "Grace" joins "Lady Grace" as a surname would.
        gw::DocumentRecord a = gw::testing::sampleDocument(QStringLiteral("/a.txt"), 1);
        gw::testing::addSampleExtraction(a,
                                         {sampleEntity(QStringLiteral("Zürich"), {}, QStringLiteral("LOCATION")),
                                          sampleEntity(QStringLiteral("Ada")),
                                          sampleEntity(QStringLiteral("Sentence"), QStringLiteral("Zürich Ada")),
                                          sampleEntity(QStringLiteral("Grace"))});
        store->writeDocumentBlocking(a);
        gw::DocumentRecord b = gw::testing::sampleDocument(QStringLiteral("/b.txt"), 1);
        gw::testing::addSampleExtraction(b, {sampleEntity(QStringLiteral("met"), QStringLiteral("Lady Grace"))});
        store->writeDocumentBlocking(b);
        // "Obed of Ruth" names Obed by his mother: the lone "Ruth" is not him.
        gw::DocumentRecord c = gw::testing::sampleDocument(QStringLiteral("/c.txt"), 1);
        gw::testing::addSampleExtraction(c,
                                         {sampleEntity(QStringLiteral("version"), QStringLiteral("Obed of Ruth")),
                                          sampleEntity(QStringLiteral("txt"), QStringLiteral("Ruth"))});
        store->writeDocumentBlocking(c);

        const KnowledgeGraph graph = KnowledgeGraph::fromStore(*store);
        QCOMPARE(graph.nodeCount(), 6);
        QVERIFY(graph.indexOf(QStringLiteral("id-version")) != graph.indexOf(QStringLiteral("id-txt")));
        QVERIFY(graph.indexOf(QStringLiteral("id-ada")) != graph.indexOf(QStringLiteral("id-sentence")));
        QCOMPARE(graph.node(graph.indexOf(QStringLiteral("id-ada"))).name, QStringLiteral("Ada"));
        QCOMPARE(graph.indexOf(QStringLiteral("id-grace")), graph.indexOf(QStringLiteral("id-met")));
    }

    void nodesAreUniqueByIdAndEdgesNeedNodes()
    {
        KnowledgeGraph graph;
        QCOMPARE(graph.addNode({QStringLiteral("x"), QStringLiteral("PERSON"), QStringLiteral("X")}), 0);
        QCOMPARE(graph.addNode({QStringLiteral("y"), QStringLiteral("PERSON"), QStringLiteral("Y")}), 1);
        QCOMPARE(graph.addNode({QStringLiteral("x"), QStringLiteral("PERSON"), QStringLiteral("Other")}), 0);
        QCOMPARE(graph.nodeCount(), 2);
        QCOMPARE(graph.addEdge({0, 1, QStringLiteral("knows")}), 0);
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, graph.addEdge({0, 2, QStringLiteral("knows")}));
        QCOMPARE(graph.indexOf(QStringLiteral("nope")), -1);
    }

    void findByNameIgnoresCaseAndSpacingThenTriesPrefixes()
    {
        KnowledgeGraph graph;
        graph.addNode({QStringLiteral("a"), QStringLiteral("PERSON"), QStringLiteral("Ada  Lovelace"), 3});
        graph.addNode({QStringLiteral("b"), QStringLiteral("PERSON"), QStringLiteral("Ada Byron"), 9});
        graph.addNode({QStringLiteral("c"), QStringLiteral("LOCATION"), QStringLiteral("London"), 1});
        QCOMPARE(graph.findByName(QStringLiteral("ada lovelace")), QList<int>{0});
        QCOMPARE(graph.findByName(QStringLiteral("ADA")), (QList<int>{1, 0})); // prefix, most mentioned first
        QVERIFY(graph.findByName(QStringLiteral("Paris")).isEmpty());
        QVERIFY(graph.findByName(QStringLiteral("  ")).isEmpty());
    }
};

GW_TEST_MAIN(TstKnowledgeGraph)
#include "tst_knowledgegraph.moc"
