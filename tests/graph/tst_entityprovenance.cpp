// Provenance of an entity, read back from a real project file: documents, sentences with the
// mention marked, surface forms, neighbours.

#include "core/errors.h"
#include "graph/entityprovenance.h"
#include "store/projectstore.h"
#include "store/sampledocuments.h"
#include "testmain.h"

#include <QTemporaryDir>

using gw::EntityProvenance;

namespace {

// "Ada Lovelace" and "Lovelace" are two surface forms of one entity; Babbage is her neighbour.
gw::DocumentRecord lovelaceDocument()
{
    gw::DocumentRecord record;
    record.path = QStringLiteral("/docs/notes.txt");
    record.format = QStringLiteral("text");
    record.text = QStringLiteral("Ada Lovelace wrote the notes. Later, Lovelace worked\nwith Babbage in 1843.\n\n"
                                 "Babbage built engines. Version 3.5 ran.");
    record.contentHash = QStringLiteral("notes-hash");
    record.chunks.append({0, record.text.size(), record.text});
    const auto at = [&](const QString &word, qsizetype from = 0) { return qint64(record.text.indexOf(word, from)); };
    record.entities = {
        {QStringLiteral("id-ada"), QStringLiteral("PERSON"), QStringLiteral("Ada Lovelace"),
         QStringLiteral("ada lovelace")},
        {QStringLiteral("id-babbage"), QStringLiteral("PERSON"), QStringLiteral("Babbage"), QStringLiteral("babbage")}};
    const qint64 second = at(QStringLiteral("Lovelace"), 5);
    const qint64 babbage1 = at(QStringLiteral("Babbage"));
    const qint64 babbage2 = at(QStringLiteral("Babbage"), babbage1 + 1);
    record.mentions = {{QStringLiteral("id-ada"), 0, 0, 12, 1.0},
                       {QStringLiteral("id-ada"), 0, second, second + 8, 1.0},
                       {QStringLiteral("id-babbage"), 0, babbage1, babbage1 + 7, 1.0},
                       {QStringLiteral("id-babbage"), 0, babbage2, babbage2 + 7, 1.0}};
    record.relations = {{QStringLiteral("worked_with"), QStringLiteral("id-ada"), QStringLiteral("id-babbage"), 0,
                         at(QStringLiteral("Later")), at(QStringLiteral("1843.")) + 5, QStringLiteral("worked with")}};
    return record;
}

} // namespace

class TstEntityProvenance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store = gw::ProjectStore::open(m_dir.filePath(QStringLiteral("p%1.gwp").arg(++m_count)));
    }

    void cleanup() { m_store.reset(); }

    void documentsSentencesAndNeighboursOfAnEntity()
    {
        // Two documents of 3 and 1 chunks, each chunk "Sentence i of PATH, version 1: Ada met Grace in Zürich."
        const QList<gw::EntityRecord> entities = {
            gw::testing::sampleEntity(QStringLiteral("Ada")), gw::testing::sampleEntity(QStringLiteral("Grace")),
            gw::testing::sampleEntity(QStringLiteral("Zürich"), {}, QStringLiteral("LOCATION"))};
        for (const auto &[path, chunks] :
             {std::pair{QStringLiteral("/docs/a.txt"), 1}, std::pair{QStringLiteral("/docs/b.txt"), 3}}) {
            gw::DocumentRecord record = gw::testing::sampleDocument(path, chunks);
            gw::testing::addSampleExtraction(record, entities);
            m_store->writeDocumentBlocking(record);
        }

        const EntityProvenance ada = EntityProvenance::load(*m_store, QStringLiteral("id-ada"));
        QVERIFY(ada.found());
        QCOMPARE(ada.name(), QStringLiteral("Ada"));
        QCOMPARE(ada.type(), QStringLiteral("PERSON"));
        QCOMPARE(ada.mentionCount(), 4);
        QCOMPARE(ada.documentCount(), 2);
        QCOMPARE(ada.aliases(), QStringList{QStringLiteral("Ada")});
        QCOMPARE(ada.documents().size(), 2);
        // The most mentioning document first.
        QCOMPARE(ada.documents().at(0).path, QStringLiteral("/docs/b.txt"));
        QCOMPARE(ada.documents().at(0).mentions, 3);
        QCOMPARE(ada.documents().at(0).snippets.size(), 3);
        QCOMPARE(ada.documents().at(1).path, QStringLiteral("/docs/a.txt"));
        for (const gw::ProvenanceDocument &document : ada.documents()) {
            for (qsizetype i = 0; i < document.snippets.size(); ++i) {
                const gw::ProvenanceSnippet &snippet = document.snippets.at(i);
                // One whole sentence each, the path's "a.txt" full stop not cutting it.
                QCOMPARE(
                    snippet.sentence,
                    QStringLiteral("Sentence %1 of %2, version 1: Ada met Grace in Zürich.").arg(i).arg(document.path));
                QCOMPARE(snippet.mention(), QStringLiteral("Ada"));
                QCOMPARE(snippet.markedSentence(QStringLiteral("[["), QStringLiteral("]]")),
                         QStringLiteral("Sentence %1 of %2, version 1: [[Ada]] met Grace in Zürich.")
                             .arg(i)
                             .arg(document.path));
                QCOMPARE(snippet.end - snippet.start, 3);
                QCOMPARE(snippet.context.mid(snippet.sentenceStart - snippet.contextStart, snippet.sentence.size()),
                         snippet.sentence);
                QCOMPARE(snippet.context.mid(snippet.start - snippet.contextStart, 3), QStringLiteral("Ada"));
            }
        }
        QCOMPARE(ada.neighbours().size(), 1);
        const gw::ProvenanceNeighbour &grace = ada.neighbours().first();
        QCOMPARE(grace.id, QStringLiteral("id-grace"));
        QCOMPARE(grace.name, QStringLiteral("Grace"));
        QCOMPARE(grace.relationType, QStringLiteral("met"));
        QVERIFY(grace.outgoing);
        QCOMPARE(grace.weight, 4);

        // Seen from the other end, the relation comes in.
        const EntityProvenance graceSide = EntityProvenance::load(*m_store, QStringLiteral("id-grace"));
        QCOMPARE(graceSide.neighbours().size(), 1);
        QCOMPARE(graceSide.neighbours().first().id, QStringLiteral("id-ada"));
        QVERIFY(!graceSide.neighbours().first().outgoing);
    }

    void surfaceFormsAndSentenceBoundsOfOneDocument()
    {
        m_store->writeDocumentBlocking(lovelaceDocument());
        const EntityProvenance ada = EntityProvenance::load(*m_store, QStringLiteral("id-ada"));
        QCOMPARE(ada.name(), QStringLiteral("Ada Lovelace"));
        QCOMPARE(ada.aliases(), (QStringList{QStringLiteral("Ada Lovelace"), QStringLiteral("Lovelace")}));
        QCOMPARE(ada.mentionCount(), 2);
        const gw::ProvenanceDocument &document = ada.documents().first();
        QCOMPARE(document.path, QStringLiteral("/docs/notes.txt"));
        QCOMPARE(document.snippets.size(), 2);
        QCOMPARE(document.snippets.at(0).sentence, QStringLiteral("Ada Lovelace wrote the notes."));
        // A line break inside a sentence does not end it; it shows as a space.
        QCOMPARE(document.snippets.at(1).sentence, QStringLiteral("Later, Lovelace worked with Babbage in 1843."));
        QCOMPARE(document.snippets.at(1).mention(), QStringLiteral("Lovelace"));

        const EntityProvenance babbage = EntityProvenance::load(*m_store, QStringLiteral("id-babbage"));
        QCOMPARE(babbage.documents().first().snippets.at(1).sentence, QStringLiteral("Babbage built engines."));
        QCOMPARE(babbage.neighbours().size(), 1);
        QCOMPARE(babbage.neighbours().first().relationType, QStringLiteral("worked_with"));
        QCOMPARE(babbage.neighbours().first().name, QStringLiteral("Ada Lovelace"));
    }

    void sentenceBoundsStopAtBlankLinesAndKeepDecimals()
    {
        const QString text = QStringLiteral("Title line\n\nVersion 3.5 ran fast. Next one.");
        const qint64 at = text.indexOf(QStringLiteral("ran"));
        const auto [from, to] = EntityProvenance::sentenceAround(text, at, at + 3);
        QCOMPARE(text.mid(from, to - from), QStringLiteral("Version 3.5 ran fast."));
        const auto [from2, to2] = EntityProvenance::sentenceAround(text, 0, 5);
        QCOMPARE(text.mid(from2, to2 - from2), QStringLiteral("Title line"));
    }

    void mergedEntitiesCountAsOne()
    {
        // /a: Ada met Grace; /b: "Lovelace" (another entity, merged into Ada by the graph) met Grace.
        gw::DocumentRecord a = gw::testing::sampleDocument(QStringLiteral("/a.txt"), 1);
        gw::testing::addSampleExtraction(
            a,
            {gw::testing::sampleEntity(QStringLiteral("Ada"), QStringLiteral("Ada Lovelace")),
             gw::testing::sampleEntity(QStringLiteral("Grace"))});
        m_store->writeDocumentBlocking(a);
        gw::DocumentRecord b = gw::testing::sampleDocument(QStringLiteral("/b.txt"), 1);
        gw::testing::addSampleExtraction(
            b,
            {gw::testing::sampleEntity(QStringLiteral("Sentence"), QStringLiteral("Lovelace")),
             gw::testing::sampleEntity(QStringLiteral("Grace"))});
        m_store->writeDocumentBlocking(b);

        EntityProvenance::Options options;
        const EntityProvenance alone = EntityProvenance::load(*m_store, QStringLiteral("id-ada"), options);
        QCOMPARE(alone.documentCount(), 1);
        options.mergedIds = {QStringLiteral("id-sentence")};
        const EntityProvenance merged = EntityProvenance::load(*m_store, QStringLiteral("id-ada"), options);
        QCOMPARE(merged.name(), QStringLiteral("Ada Lovelace"));
        QCOMPARE(merged.documentCount(), 2);
        QCOMPARE(merged.mentionCount(), 2);
        QCOMPARE(merged.neighbours().size(), 1); // "met" Grace, from both documents
        QCOMPARE(merged.neighbours().first().name, QStringLiteral("Grace"));
        QCOMPARE(merged.neighbours().first().weight, 2);
    }

    void coOccurrenceIsOneNeighbourWithoutDirection()
    {
        // Stored with the smaller id first: "id-ada" is the subject in /a, "id-sentence" the
        // object in /b; merged, Grace is still one neighbour.
        const auto write = [this](const QString &path, const QString &word, const QString &name) {
            gw::DocumentRecord record = gw::testing::sampleDocument(path, 1);
            gw::testing::addSampleExtraction(
                record, {gw::testing::sampleEntity(word, name), gw::testing::sampleEntity(QStringLiteral("Grace"))});
            record.relations.first().type = QStringLiteral("co_occurs");
            m_store->writeDocumentBlocking(record);
        };
        write(QStringLiteral("/a.txt"), QStringLiteral("Ada"), QStringLiteral("Ada Lovelace"));
        write(QStringLiteral("/b.txt"), QStringLiteral("Sentence"), QStringLiteral("Lovelace"));
        EntityProvenance::Options options;
        options.mergedIds = {QStringLiteral("id-sentence")};
        const EntityProvenance merged = EntityProvenance::load(*m_store, QStringLiteral("id-ada"), options);
        QCOMPARE(merged.neighbours().size(), 1);
        const gw::ProvenanceNeighbour &grace = merged.neighbours().first();
        QCOMPARE(grace.name, QStringLiteral("Grace"));
        QVERIFY(!grace.directed);
        QCOMPARE(grace.weight, 2);
    }

    void limitsKeepCountsWhole()
    {
        gw::DocumentRecord record = gw::testing::sampleDocument(QStringLiteral("/docs/long.txt"), 30);
        gw::testing::addSampleExtraction(record, {gw::testing::sampleEntity(QStringLiteral("Ada"))});
        m_store->writeDocumentBlocking(record);
        EntityProvenance::Options options;
        options.maxSnippetsPerDocument = 5;
        const EntityProvenance ada = EntityProvenance::load(*m_store, QStringLiteral("id-ada"), options);
        QCOMPARE(ada.mentionCount(), 30);
        QCOMPARE(ada.documents().first().mentions, 30);
        QCOMPARE(ada.documents().first().snippets.size(), 5);
        options.maxDocuments = 0;
        const EntityProvenance none = EntityProvenance::load(*m_store, QStringLiteral("id-ada"), options);
        QCOMPARE(none.mentionCount(), 30);
        QCOMPARE(none.documentCount(), 1);
        QVERIFY(none.documents().isEmpty());
    }

    void unknownEntitiesAreNotFoundAndCancelStops()
    {
        m_store->writeDocumentBlocking(lovelaceDocument());
        const EntityProvenance nobody = EntityProvenance::load(*m_store, QStringLiteral("id-nobody"));
        QVERIFY(!nobody.found());
        QVERIFY(nobody.documents().isEmpty());
        gw::CancellationSource source;
        source.cancel();
        QVERIFY_THROWS_EXCEPTION(gw::CancelledError,
                                 EntityProvenance::load(*m_store, QStringLiteral("id-ada"), {}, source.token()));
    }

private:
    QTemporaryDir m_dir;
    int m_count = 0;
    std::unique_ptr<gw::ProjectStore> m_store;
};

GW_TEST_MAIN(TstEntityProvenance)
#include "tst_entityprovenance.moc"
