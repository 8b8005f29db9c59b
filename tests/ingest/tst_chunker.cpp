#include "ingest/chunker.h"

#include "core/errors.h"

#include "testmain.h"

using namespace gw;

namespace {

QString prose(int sentences)
{
    static const QStringList pool = {
        QStringLiteral("Ada Lovelace wrote the first published algorithm for Babbage's engine."),
        QStringLiteral("She worked with Charles Babbage in London during the eighteen forties."),
        QStringLiteral("Her notes describe how the Analytical Engine could compute Bernoulli numbers."),
        QStringLiteral("Many historians regard those notes as the beginning of programming."),
        QStringLiteral("The engine itself was never completed in Babbage's lifetime!"),
        QStringLiteral("Was it a failure of engineering, or of funding?"),
    };
    QString text;
    for (int i = 0; i < sentences; ++i) {
        text += pool.at(i % pool.size());
        text += (i % 7 == 6) ? QStringLiteral("\n\n") : QStringLiteral(" ");
    }
    return text;
}

// The invariants every chunking must keep; returns false (after a QTest failure) if one breaks.
bool checkInvariants(const QString &text, const QList<Chunk> &chunks, const Chunker &chunker)
{
    qsizetype covered = 0; // everything before this offset is in some chunk or is whitespace
    for (qsizetype k = 0; k < chunks.size(); ++k) {
        const Chunk &c = chunks.at(k);
        [&] {
            QVERIFY2(c.start >= 0 && c.start < c.end && c.end <= text.size(), qPrintable(QString::number(k)));
            QCOMPARE(c.text, text.mid(c.start, c.end - c.start));
            QVERIFY(!c.text.front().isSpace());
            QVERIFY(!c.text.back().isSpace());
            QVERIFY2(c.end - c.start <= chunker.targetChars(), qPrintable(QString::number(c.end - c.start)));
            QVERIFY(!c.text.front().isLowSurrogate());
            QVERIFY(!c.text.back().isHighSurrogate());
            for (qsizetype i = covered; i < c.start; ++i)
                QVERIFY2(text.at(i).isSpace(), "a gap between chunks lost text");
            if (k > 0) {
                const Chunk &p = chunks.at(k - 1);
                QVERIFY(c.start > p.start);
                QVERIFY(c.end > p.end);
                QVERIFY2(std::max<qsizetype>(0, p.end - c.start) <= 2 * chunker.overlapChars(),
                         "overlap larger than twice the configured overlap");
            }
        }();
        if (QTest::currentTestFailed())
            return false;
        covered = std::max(covered, c.end);
    }
    for (qsizetype i = covered; i < text.size(); ++i)
        if (!text.at(i).isSpace()) {
            qWarning("text after the last chunk at %lld", qlonglong(i));
            return false;
        }
    return true;
}

} // namespace

class TestChunker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyAndWhitespace()
    {
        const Chunker chunker;
        QVERIFY(chunker.chunk(QString()).isEmpty());
        QVERIFY(chunker.chunk(u"   \n\t \n  "_qs).isEmpty());
    }

    void shortTextIsOneTrimmedChunk()
    {
        const QString text = u"  \n Hello world. Second sentence.  \n"_qs;
        const QList<Chunk> chunks = Chunker().chunk(text);
        QCOMPARE(chunks.size(), 1);
        QCOMPARE(chunks.front().text, u"Hello world. Second sentence."_qs);
        QCOMPARE(chunks.front().start, 4);
        QCOMPARE(chunks.front().end, 33);
    }

    void proseEndsAtSentences()
    {
        const QString text = prose(200);
        const Chunker chunker(1000, 100);
        const QList<Chunk> chunks = chunker.chunk(text);
        QVERIFY(chunks.size() > 10);
        QVERIFY(checkInvariants(text, chunks, chunker));
        for (qsizetype k = 0; k + 1 < chunks.size(); ++k) {
            const Chunk &c = chunks.at(k);
            const QChar lastChar = c.text.back();
            QVERIFY2(lastChar == u'.' || lastChar == u'!' || lastChar == u'?', qPrintable(c.text.right(20)));
            QVERIFY2(c.text.size() >= 500, qPrintable(QString::number(c.text.size()))); // near the target
            // Sentences are about 70 characters, so the overlap is one or two of them.
            const qsizetype overlap = c.end - chunks.at(k + 1).start;
            QVERIFY2(overlap > 0 && overlap <= 200, qPrintable(QString::number(overlap)));
            QVERIFY(chunks.at(k + 1).text.front().isUpper()); // starts at a sentence
        }
    }

    void noOverlap()
    {
        const QString text = prose(100);
        const Chunker chunker(500, 0);
        const QList<Chunk> chunks = chunker.chunk(text);
        QVERIFY(checkInvariants(text, chunks, chunker));
        for (qsizetype k = 0; k + 1 < chunks.size(); ++k)
            QVERIFY(chunks.at(k).end <= chunks.at(k + 1).start);
    }

    void longSentenceSplitsAtWords()
    {
        QString text;
        for (int i = 0; text.size() < 5000; ++i)
            text += QStringLiteral("word%1 ").arg(i);
        text.chop(1);
        const Chunker chunker(1000, 100);
        const QList<Chunk> chunks = chunker.chunk(text);
        QVERIFY(chunks.size() >= 5 && chunks.size() <= 8);
        QVERIFY(checkInvariants(text, chunks, chunker));
        for (const Chunk &c : chunks) {
            // Whole words only: each chunk starts after a space and ends before one.
            QVERIFY(c.start == 0 || text.at(c.start - 1) == u' ');
            QVERIFY(c.end == text.size() || text.at(c.end) == u' ');
        }
    }

    void hugeWordIsHardSplit()
    {
        const QString text = QString(3000, u'x');
        const Chunker chunker(1000, 100);
        const QList<Chunk> chunks = chunker.chunk(text);
        QVERIFY(checkInvariants(text, chunks, chunker));
        QVERIFY(chunks.size() >= 3 && chunks.size() <= 4);
        QCOMPARE(chunks.front().text.size(), 1000);
    }

    void unicodeNeverSplitsSurrogatePairs()
    {
        // CJK sentences, then a run of emoji (surrogate pairs) with no spaces or punctuation.
        QString text =
            QStringLiteral("東京は日本の首都です。大阪は商業の中心地です。京都には多くの寺があります。").repeated(30);
        text += QStringLiteral("\U0001F600\U0001F680\U0001F30D").repeated(400);
        text += QStringLiteral(" Café \U0001F44D\U0001F3FD done.");
        for (int target : {97, 100, 333, 1000}) {
            const Chunker chunker(target, target / 10);
            const QList<Chunk> chunks = chunker.chunk(text);
            QVERIFY(checkInvariants(text, chunks, chunker));
            for (const Chunk &c : chunks) {
                QVERIFY(!c.text.front().isLowSurrogate());
                QVERIFY(!c.text.back().isHighSurrogate());
            }
        }
    }

    void deterministic()
    {
        const QString text = prose(150);
        const Chunker chunker(700, 80);
        const QList<Chunk> a = chunker.chunk(text);
        const QList<Chunk> b = chunker.chunk(text);
        QCOMPARE(a.size(), b.size());
        for (qsizetype k = 0; k < a.size(); ++k) {
            QCOMPARE(a.at(k).start, b.at(k).start);
            QCOMPARE(a.at(k).end, b.at(k).end);
        }
    }

    void manyShapes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("target");
        QTest::addColumn<int>("overlap");
        QTest::newRow("prose small") << prose(40) << 120 << 30;
        QTest::newRow("prose tiny target") << prose(10) << 8 << 3;
        QTest::newRow("wide whitespace gaps")
            << (u"First part."_qs + QString(5000, u' ') + u"Second part."_qs) << 200 << 50;
        QTest::newRow("lines") << u"line one\nline two\nline three\n"_qs.repeated(100) << 150 << 40;
        QTest::newRow("mixed long") << (prose(5) + QString(2500, u'y') + prose(5)) << 300 << 100;
        QTest::newRow("overlap clamp") << prose(30) << 100 << 500;
    }
    void manyShapes()
    {
        QFETCH(QString, text);
        QFETCH(int, target);
        QFETCH(int, overlap);
        const Chunker chunker(target, overlap);
        const QList<Chunk> chunks = chunker.chunk(text);
        QVERIFY(!chunks.isEmpty());
        QVERIFY(checkInvariants(text, chunks, chunker));
    }

    void largeTextIsLinearAndCancellable()
    {
        const QString text = prose(40000); // about 2.8 million characters
        QElapsedTimer timer;
        timer.start();
        const Chunker chunker;
        const QList<Chunk> chunks = chunker.chunk(text);
        QVERIFY(chunks.size() > 2500);
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(checkInvariants(text, chunks, chunker));

        CancellationSource source;
        source.cancel(u"stop"_qs);
        QVERIFY_THROWS_EXCEPTION(CancelledError, chunker.chunk(text, source.token()));
    }
};

GW_TEST_MAIN(TestChunker)
#include "tst_chunker.moc"
