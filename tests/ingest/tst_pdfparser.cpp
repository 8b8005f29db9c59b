// PdfParser against PDFs written at test time with QPdfWriter, plus one committed fixture that
// Qt cannot write: tests/fixtures/encrypted.pdf.

#include "ingest/documentparser.h"
#include "ingest/loaderror.h"
#include "ingest/pdfparser.h"
#include "parsertesting.h"
#include "testmain.h"

#include <QBuffer>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>

#include <atomic>
#include <thread>
#include <vector>

using namespace gw;

namespace {

// Each string becomes one A6 page with that text drawn on it.
QByteArray makePdf(const QStringList &pages, const QString &title = QString())
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Graphwright tests"));
        writer.setPageSize(QPageSize(QPageSize::A6));
        writer.setResolution(72);
        QPainter painter(&writer);
        painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 14));
        for (qsizetype i = 0; i < pages.size(); ++i) {
            if (i > 0)
                writer.newPage();
            painter.drawText(QPointF(30, 60), pages[i]);
        }
    }
    return buffer.data();
}

// A page with only a filled rectangle: what a scanned page looks like to a text extractor.
QByteArray makeImageOnlyPdf()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(72);
        QPainter painter(&writer);
        painter.fillRect(QRectF(20, 20, 120, 80), Qt::black);
    }
    return buffer.data();
}

using gw::testing::contextFor;
using gw::testing::expectLoadError;

int darkPixels(const QImage &image)
{
    int dark = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qGray(image.pixel(x, y)) < 128)
                ++dark;
        }
    }
    return dark;
}

} // namespace

class TestPdfParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_twoPages = makePdf({QStringLiteral("Alpha bravo charlie"), QStringLiteral("Delta echo foxtrot")},
                             QStringLiteral("Phonetic alphabet"));
        QVERIFY(m_twoPages.startsWith("%PDF-"));
    }

    void registeredForPdf()
    {
        const DocumentParser *parser = DocumentParser::forFormat(DocumentFormat::Pdf);
        QVERIFY(parser);
        QCOMPARE(parser->format(), DocumentFormat::Pdf);
        QVERIFY(dynamic_cast<const PdfParser *>(parser));
    }

    void textOfEveryPageInOrder()
    {
        const QString text = PdfParser().extractText(m_twoPages, contextFor(QStringLiteral("alphabet.pdf")));
        QVERIFY2(text.contains(QStringLiteral("Alpha bravo charlie")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Delta echo foxtrot")), qPrintable(text));
        QVERIFY(text.indexOf(QStringLiteral("Alpha")) < text.indexOf(QStringLiteral("Delta")));
        // One separator between two pages, between their texts.
        QCOMPARE(text.count(PdfParser::pageSeparator), 1);
        QVERIFY(text.indexOf(PdfParser::pageSeparator) > text.indexOf(QStringLiteral("charlie")));
        QVERIFY(text.indexOf(PdfParser::pageSeparator) < text.indexOf(QStringLiteral("Delta")));
    }

    void longPdfIsReadInParallelRangesInPageOrder()
    {
        // 150 pages: split into page ranges read in parallel; the text must still be in order.
        QStringList pages;
        for (int i = 1; i <= 150; ++i)
            pages << QStringLiteral("Marker%1 page text").arg(i, 3, 10, QLatin1Char('0'));
        ParseContext context = contextFor(QStringLiteral("long.pdf"));
        std::atomic<int> reports{0};
        std::atomic<int> lastPermille{0};
        context.reportProgress = [&](double fraction) {
            reports.fetch_add(1);
            int seen = lastPermille.load();
            const int now = int(fraction * 1000);
            while (now > seen && !lastPermille.compare_exchange_weak(seen, now)) {}
        };
        const QString text = PdfParser().extractText(makePdf(pages), context);
        QCOMPARE(reports.load(), 150); // one report per page
        QCOMPARE(lastPermille.load(), 1000);
        QCOMPARE(text.count(PdfParser::pageSeparator), 149);
        qsizetype previous = -1;
        for (int i = 1; i <= 150; ++i) {
            const qsizetype at = text.indexOf(QStringLiteral("Marker%1").arg(i, 3, 10, QLatin1Char('0')));
            QVERIFY2(at > previous, qPrintable(QStringLiteral("page %1 out of order").arg(i)));
            previous = at;
        }
    }

    void metadata()
    {
        const QVariantMap metadata =
            PdfParser().extractMetadata(m_twoPages, contextFor(QStringLiteral("alphabet.pdf")));
        QCOMPARE(metadata.value(QStringLiteral("pageCount")).toInt(), 2);
        QCOMPARE(metadata.value(QStringLiteral("title")).toString(), QStringLiteral("Phonetic alphabet"));
        QCOMPARE(metadata.value(QStringLiteral("creator")).toString(), QStringLiteral("Graphwright tests"));
        QVERIFY(metadata.value(QStringLiteral("producer")).toString().startsWith(QStringLiteral("Qt")));
        const QDateTime created = metadata.value(QStringLiteral("created")).toDateTime();
        QVERIFY(created.isValid());
        QVERIFY(qAbs(created.secsTo(QDateTime::currentDateTime())) < 3600);
    }

    void previewHasFirstPageTextAndThumbnail()
    {
        ParseContext context = contextFor(QStringLiteral("alphabet.pdf"));
        context.limits.thumbnailWidth = 120;
        const DocumentPreview preview = PdfParser().makePreview(m_twoPages, context);
        QVERIFY2(preview.text.contains(QStringLiteral("Alpha bravo charlie")), qPrintable(preview.text));
        QVERIFY(!preview.text.contains(QStringLiteral("Delta")));
        QCOMPARE(preview.thumbnail.width(), 120);
        // A6 is portrait: taller than wide.
        QVERIFY(preview.thumbnail.height() > 120);
        QVERIFY2(darkPixels(preview.thumbnail) > 20, "the thumbnail is blank");
    }

    void noTextIsUnsupported()
    {
        QString message;
        QCOMPARE(
            expectLoadError([] { PdfParser().extractText(makeImageOnlyPdf(), contextFor(QStringLiteral("scan.pdf"))); },
                            &message),
            LoadError::Kind::Unsupported);
        QVERIFY2(message.startsWith(QStringLiteral("scan.pdf: no extractable text")), qPrintable(message));
        // Metadata and a thumbnail still work for such a file.
        QCOMPARE(PdfParser()
                     .extractMetadata(makeImageOnlyPdf(), contextFor(QStringLiteral("scan.pdf")))
                     .value(QStringLiteral("pageCount"))
                     .toInt(),
                 1);
        QVERIFY(
            darkPixels(PdfParser().makePreview(makeImageOnlyPdf(), contextFor(QStringLiteral("scan.pdf"))).thumbnail)
            > 0);
    }

    void garbageIsMalformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not a pdf") << QByteArray("GIF89a this is certainly not a PDF");
        QTest::newRow("header only") << QByteArray("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
        QTest::newRow("truncated") << makePdf({QStringLiteral("Cut short")}).left(120);
    }

    void garbageIsMalformed()
    {
        QFETCH(QByteArray, bytes);
        QString message;
        QCOMPARE(
            expectLoadError([&] { PdfParser().extractText(bytes, contextFor(QStringLiteral("bad.pdf"))); }, &message),
            LoadError::Kind::Malformed);
        QVERIFY2(message.startsWith(QStringLiteral("bad.pdf: not a readable PDF (")), qPrintable(message));
        QCOMPARE(expectLoadError([&] { PdfParser().extractMetadata(bytes, contextFor(QStringLiteral("bad.pdf"))); }),
                 LoadError::Kind::Malformed);
        QCOMPARE(expectLoadError([&] { PdfParser().makePreview(bytes, contextFor(QStringLiteral("bad.pdf"))); }),
                 LoadError::Kind::Malformed);
    }

    // tests/fixtures/encrypted.pdf (1.4 KB) is a one-page PDF reading "Secret words" in Helvetica,
    // made once with qpdf 11.3, which the tests do not need:
    //   qpdf hand-written.pdf clean.pdf     # rebuilds the xref of a hand-typed 5-object PDF
    //   qpdf --encrypt open-sesame owner-sesame 256 -- clean.pdf tests/fixtures/encrypted.pdf
    // User password "open-sesame", owner password "owner-sesame", AES-256 (R6). Any PDF encrypted
    // with a user password will do if it must be remade.
    void encryptedNeedsPassword()
    {
        QFile file(QStringLiteral(GW_FIXTURES_DIR "/encrypted.pdf"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QString message;
        QCOMPARE(expectLoadError(
                     [&] { PdfParser().extractText(bytes, contextFor(QStringLiteral("/docs/secret.pdf"))); }, &message),
                 LoadError::Kind::Encrypted);
        QCOMPARE(message,
                 QStringLiteral("/docs/secret.pdf: the PDF is encrypted with a password; save an unencrypted "
                                "copy and add that"));
        QCOMPARE(expectLoadError([&] { PdfParser().extractMetadata(bytes, contextFor(QStringLiteral("secret.pdf"))); }),
                 LoadError::Kind::Encrypted);
        QCOMPARE(expectLoadError([&] { PdfParser().makePreview(bytes, contextFor(QStringLiteral("secret.pdf"))); }),
                 LoadError::Kind::Encrypted);
    }

    void textLimit()
    {
        ParseContext context = contextFor(QStringLiteral("alphabet.pdf"));
        context.limits.maxTextChars = 10;
        QString message;
        QCOMPARE(expectLoadError([&] { PdfParser().extractText(m_twoPages, context); }, &message),
                 LoadError::Kind::TooLarge);
        QVERIFY2(message.contains(QStringLiteral("limit of 10 characters")), qPrintable(message));
    }

    void cancelled()
    {
        CancellationSource source;
        source.cancel(QStringLiteral("user stopped the job"));
        ParseContext context = contextFor(QStringLiteral("alphabet.pdf"));
        context.token = source.token();
        QVERIFY_THROWS_EXCEPTION(CancelledError, PdfParser().extractText(m_twoPages, context));
        QVERIFY_THROWS_EXCEPTION(CancelledError, PdfParser().extractMetadata(m_twoPages, context));
        QVERIFY_THROWS_EXCEPTION(CancelledError, PdfParser().makePreview(m_twoPages, context));
    }

    // The pipeline calls one shared parser from several threads at once.
    void parallelCallsOnOneParser()
    {
        const DocumentParser *parser = DocumentParser::forFormat(DocumentFormat::Pdf);
        QVERIFY(parser);
        std::atomic<int> good{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 6; ++i) {
            threads.emplace_back([&, i] {
                const ParseContext context = contextFor(QStringLiteral("alphabet.pdf"));
                bool ok = false;
                if (i % 3 == 0)
                    ok = parser->extractText(m_twoPages, context).contains(QStringLiteral("foxtrot"));
                else if (i % 3 == 1)
                    ok = parser->extractMetadata(m_twoPages, context).value(QStringLiteral("pageCount")).toInt() == 2;
                else
                    ok = !parser->makePreview(m_twoPages, context).thumbnail.isNull();
                if (ok)
                    ++good;
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(good.load(), 6);
    }

private:
    QByteArray m_twoPages;
};

GW_TEST_GUI_MAIN(TestPdfParser)
#include "tst_pdfparser.moc"
