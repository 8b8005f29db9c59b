// The Documents view's reads: every document with its distinct entities and mentions in one
// snapshot (DocumentListReader), and one document's text with its mentions (DocumentTextReader).
#include "sampledocuments.h"
#include "store/documentlistreader.h"
#include "store/documenttextreader.h"
#include "store/projectstore.h"
#include "testmain.h"

#include <QTemporaryDir>

using gw::DocumentSummary;
using gw::ProjectStore;
using gw::testing::sampleDocument;
using gw::testing::sampleEntity;

namespace {

const DocumentSummary *find(const QList<DocumentSummary> &documents, const QString &path)
{
    for (const DocumentSummary &document : documents)
        if (document.path == path)
            return &document;
    return nullptr;
}

} // namespace

class TstDocumentList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyDocumentWithItsCountsInPathOrder()
    {
        QTemporaryDir dir;
        auto store = ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        // a: three entities, each once in each of two chunks; b: one entity in three chunks.
        gw::DocumentRecord a = sampleDocument(QStringLiteral("/docs/a.txt"), 2);
        gw::testing::addSampleExtraction(a,
                                         {sampleEntity(QStringLiteral("Ada")), sampleEntity(QStringLiteral("Grace")),
                                          sampleEntity(QStringLiteral("Zürich"), {}, QStringLiteral("LOCATION"))});
        store->writeDocumentBlocking(a);
        gw::DocumentRecord b = sampleDocument(QStringLiteral("/docs/b.txt"), 3);
        gw::testing::addSampleExtraction(b, {sampleEntity(QStringLiteral("Ada"))});
        store->writeDocumentBlocking(b);
        // c never made it; d did, but its latest re-ingest failed (its older data is kept).
        store->recordFailureBlocking({QStringLiteral("/docs/c.pdf"), QStringLiteral("abc"), QStringLiteral("pdf"), 99,
                                      QStringLiteral("the PDF is encrypted")});
        store->writeDocumentBlocking(sampleDocument(QStringLiteral("/docs/d.txt"), 1));
        store->recordFailureBlocking({QStringLiteral("/docs/d.txt"), QStringLiteral("def"), QStringLiteral("text"), 5,
                                      QStringLiteral("cannot read the file")});

        const QList<DocumentSummary> documents = gw::DocumentListReader::summaries(*store);
        QStringList paths;
        for (const DocumentSummary &document : documents)
            paths << document.path;
        QCOMPARE(paths,
                 (QStringList{QStringLiteral("/docs/a.txt"), QStringLiteral("/docs/b.txt"),
                              QStringLiteral("/docs/c.pdf"), QStringLiteral("/docs/d.txt")}));

        const DocumentSummary *first = find(documents, QStringLiteral("/docs/a.txt"));
        QCOMPARE(first->entities, 3);
        QCOMPARE(first->mentions, 6);
        QCOMPARE(first->state, gw::StoredState::Done);
        QCOMPARE(first->format, QStringLiteral("text"));
        QCOMPARE(first->words, a.words);
        QCOMPARE(first->sizeBytes, a.sizeBytes);
        QCOMPARE(first->chars, a.text.size());
        QVERIFY(first->error.isEmpty());
        QVERIFY(first->ingestedAt.isValid());
        QVERIFY(qAbs(first->ingestedAt.secsTo(QDateTime::currentDateTimeUtc())) < 600);

        const DocumentSummary *second = find(documents, QStringLiteral("/docs/b.txt"));
        QCOMPARE(second->entities, 1);
        QCOMPARE(second->mentions, 3);

        const DocumentSummary *failed = find(documents, QStringLiteral("/docs/c.pdf"));
        QCOMPARE(failed->state, gw::StoredState::Failed);
        QCOMPARE(failed->error, QStringLiteral("the PDF is encrypted"));
        QCOMPARE(failed->entities, 0);
        QCOMPARE(failed->sizeBytes, 99);

        const DocumentSummary *kept = find(documents, QStringLiteral("/docs/d.txt"));
        QCOMPARE(kept->state, gw::StoredState::Done);
        QCOMPARE(kept->error, QStringLiteral("cannot read the file"));

        // Removing b leaves a's counts as they were.
        QVERIFY(store->removeDocumentBlocking(QStringLiteral("/docs/b.txt")));
        const QList<DocumentSummary> after = gw::DocumentListReader::summaries(*store);
        QCOMPARE(after.size(), 3);
        QVERIFY(!find(after, QStringLiteral("/docs/b.txt")));
        QCOMPARE(find(after, QStringLiteral("/docs/a.txt"))->entities, 3);
    }

    void aDocumentsTextWithItsMentions()
    {
        QTemporaryDir dir;
        auto store = ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        gw::DocumentRecord a = sampleDocument(QStringLiteral("/docs/a.txt"), 3);
        gw::testing::addSampleExtraction(a,
                                         {sampleEntity(QStringLiteral("Zürich"), {}, QStringLiteral("LOCATION")),
                                          sampleEntity(QStringLiteral("Ada"), QStringLiteral("Ada Lovelace")),
                                          sampleEntity(QStringLiteral("Grace"))});
        store->writeDocumentBlocking(a);
        const qint64 id = gw::DocumentListReader::summaries(*store).constFirst().id;

        const std::optional<gw::DocumentContent> content = gw::DocumentTextReader::read(*store, id);
        QVERIFY(content);
        QCOMPARE(content->id, id);
        QCOMPARE(content->path, QStringLiteral("/docs/a.txt"));
        QCOMPARE(content->text, a.text);
        QCOMPARE(content->mentions.size(), a.mentions.size());
        // Ordered by position, whatever order they were written in; offsets are the document's.
        for (qsizetype i = 1; i < content->mentions.size(); ++i)
            QVERIFY(content->mentions.at(i - 1).start < content->mentions.at(i).start);
        for (const gw::DocumentMention &mention : content->mentions) {
            const QString written = a.text.mid(mention.start, mention.end - mention.start);
            if (mention.entityId == QStringLiteral("id-ada")) {
                QCOMPARE(written, QStringLiteral("Ada"));
                QCOMPARE(mention.name, QStringLiteral("Ada Lovelace"));
                QCOMPARE(mention.type, QStringLiteral("PERSON"));
            } else if (mention.entityId == QStringLiteral("id-zürich")) {
                QCOMPARE(written, QStringLiteral("Zürich"));
                QCOMPARE(mention.type, QStringLiteral("LOCATION"));
            } else {
                QCOMPARE(mention.entityId, QStringLiteral("id-grace"));
                QCOMPARE(written, QStringLiteral("Grace"));
            }
        }
        QVERIFY(!gw::DocumentTextReader::read(*store, id + 1000));
    }
};

GW_TEST_MAIN(TstDocumentList)
#include "tst_documentlist.moc"
