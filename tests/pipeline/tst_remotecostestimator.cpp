// RemoteCostEstimator: the token rule per chunk, the cost at given prices, and estimates of real
// files that match the chunks the chunker makes of them.
#include "core/errors.h"
#include "extract/extractionschema.h"
#include "ingest/chunker.h"
#include "pipeline/remotecostestimator.h"
#include "testmain.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace gw;

namespace {

void write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QByteArray prose(int sentences, int seed)
{
    QByteArray text;
    for (int i = 0; i < sentences; ++i)
        text += "Sentence " + QByteArray::number(seed * 1000 + i)
            + " tells how Ada Lovelace wrote to Charles Babbage about the engine in London. ";
    return text;
}

} // namespace

class TestRemoteCostEstimator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokensPerChunkFollowTheRule()
    {
        const qint64 fixed = RemoteCostEstimator::fixedPromptTokens();
        // The instructions alone: their characters by the same rule, plus the framing.
        QCOMPARE(fixed,
                 qint64(std::ceil(ExtractionSchema::standard().systemPrompt(QString()).size() / 4.0))
                     + RemoteCostEstimator::framingTokens);
        QCOMPARE(RemoteCostEstimator::chunkTokens(1000), 250);
        QCOMPARE(RemoteCostEstimator::chunkTokens(1001), 251);
        QCOMPARE(RemoteCostEstimator::promptTokens(1000), 250 + fixed);
        QCOMPARE(RemoteCostEstimator::completionTokens(1000),
                 qint64(std::ceil(250 * RemoteCostEstimator::completionShare)));

        RemoteCostEstimator estimator(RemotePricing{2.0, 8.0});
        estimator.addDocument({1000, 1000, 400});
        estimator.addDocument({});
        const RemoteCostEstimate estimate = estimator.estimate();
        QCOMPARE(estimate.documents, 2);
        QCOMPARE(estimate.calls(), 3);
        QCOMPARE(estimate.chunkChars, 2400);
        QCOMPARE(estimate.promptTokens, 250 + 250 + 100 + 3 * fixed);
        const qint64 completion =
            2 * RemoteCostEstimator::completionTokens(1000) + RemoteCostEstimator::completionTokens(400);
        QCOMPARE(estimate.completionTokens, completion);
        QVERIFY(qAbs(estimate.cost - (estimate.promptTokens * 2.0 + completion * 8.0) / 1e6) < 1e-12);
    }

    void noPricesNoCost()
    {
        RemoteCostEstimator estimator;
        estimator.addChunk(4000);
        QCOMPARE(estimator.estimate().cost, 0.0);
        QVERIFY(!estimator.estimate().pricing.isSet());
        QVERIFY(!remoteCostEstimateToText(estimator.estimate()).contains(QLatin1String("prices")));
        RemoteCostEstimator priced(RemotePricing{1.0, 0});
        priced.addChunk(4000);
        QVERIFY(remoteCostEstimateToText(priced.estimate()).contains(QLatin1String("at the set prices")));
    }

    void filesAreChunkedAsAnIngestWould()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("docs"));
        QVERIFY(QDir().mkpath(folder + QStringLiteral("/sub")));
        const QList<QByteArray> texts = {prose(40, 1), prose(3, 2), prose(130, 3)};
        write(folder + QStringLiteral("/a.txt"), texts.at(0));
        write(folder + QStringLiteral("/b.md"), "# Title\n\n" + texts.at(1));
        write(folder + QStringLiteral("/sub/c.txt"), texts.at(2));

        IngestOptions options;
        options.chunkChars = 600;
        options.chunkOverlap = 60;
        options.jobs = 2;
        const RemoteCostEstimate estimate =
            RemoteCostEstimator::estimateInputs({folder}, options, RemotePricing{0.5, 1.5});

        // The same chunker over the same text, independently: the estimate must count those chunks.
        const Chunker chunker(options.chunkChars, options.chunkOverlap);
        qint64 chunks = 0;
        qint64 chars = 0;
        for (const QString &name : {QStringLiteral("a.txt"), QStringLiteral("sub/c.txt")}) {
            QFile file(folder + QLatin1Char('/') + name);
            QVERIFY(file.open(QIODevice::ReadOnly));
            for (const Chunk &chunk : chunker.chunk(QString::fromUtf8(file.readAll()))) {
                ++chunks;
                chars += chunk.text.size();
            }
        }
        QCOMPARE(estimate.documents, 3);
        QVERIFY(estimate.failures.isEmpty());
        // b.md is one short chunk (its heading and three sentences), whatever Markdown keeps of it.
        QCOMPARE(estimate.chunks, chunks + 1);
        QVERIFY(estimate.chunkChars > chars);
        QVERIFY(estimate.promptTokens >= RemoteCostEstimator::chunkTokens(estimate.chunkChars)
                    + estimate.chunks * RemoteCostEstimator::fixedPromptTokens() - estimate.chunks);
        QVERIFY(estimate.cost > 0);
        QVERIFY(qAbs(estimate.cost - (estimate.promptTokens * 0.5 + estimate.completionTokens * 1.5) / 1e6) < 1e-12);

        // A smaller chunk size: more calls, more tokens for the instructions.
        options.chunkChars = 300;
        options.chunkOverlap = 30;
        const RemoteCostEstimate finer = RemoteCostEstimator::estimateInputs({folder}, options, {});
        QVERIFY(finer.calls() > estimate.calls());
        QVERIFY(finer.promptTokens > estimate.promptTokens);
    }

    void unreadableDocumentsAreReportedNotCounted()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("good.txt")), prose(5, 4));
        write(dir.filePath(QStringLiteral("big.txt")), prose(400, 5));
        write(dir.filePath(QStringLiteral("broken.pdf")), "%PDF-1.4 this is not a PDF at all");
        IngestOptions options;
        options.limits.maxFileBytes = 10'000; // big.txt is over it
        const RemoteCostEstimate estimate = RemoteCostEstimator::estimateInputs({dir.path()}, options, {});
        QCOMPARE(estimate.documents, 1);
        QCOMPARE(estimate.failures.size(), 2);
        QStringList failed;
        for (const PathReason &failure : estimate.failures) {
            failed << QFileInfo(failure.path).fileName();
            QVERIFY2(!failure.reason.isEmpty(), qPrintable(failure.path));
        }
        failed.sort();
        QCOMPARE(failed, (QStringList{QStringLiteral("big.txt"), QStringLiteral("broken.pdf")}));
    }

    void cancellationStopsIt()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("a.txt")), prose(50, 6));
        CancellationSource source;
        source.cancel();
        QVERIFY_THROWS_EXCEPTION(
            CancelledError, RemoteCostEstimator::estimateInputs({dir.path()}, IngestOptions{}, {}, source.token()));
    }
};

GW_TEST_MAIN(TestRemoteCostEstimator)
#include "tst_remotecostestimator.moc"
