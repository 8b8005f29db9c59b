#include "ingest/formatdetector.h"

#include "testmain.h"

using namespace gw;

class TestFormatDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void byExtension_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<DocumentFormat>("format");
        QTest::newRow("txt") << "/a/notes.txt" << DocumentFormat::PlainText;
        QTest::newRow("text") << "notes.text" << DocumentFormat::PlainText;
        QTest::newRow("log upper") << "/var/SERVER.LOG" << DocumentFormat::PlainText;
        QTest::newRow("md") << "README.md" << DocumentFormat::Markdown;
        QTest::newRow("markdown") << "guide.Markdown" << DocumentFormat::Markdown;
        QTest::newRow("html") << "index.html" << DocumentFormat::Html;
        QTest::newRow("htm") << "INDEX.HTM" << DocumentFormat::Html;
        QTest::newRow("xhtml") << "ch1.xhtml" << DocumentFormat::Html;
        QTest::newRow("pdf") << "report.PDF" << DocumentFormat::Pdf;
        QTest::newRow("docx") << "letter.docx" << DocumentFormat::Docx;
        QTest::newRow("odt") << "letter.odt" << DocumentFormat::Odt;
        QTest::newRow("epub") << "book.epub" << DocumentFormat::Epub;
        QTest::newRow("csv") << "table.csv" << DocumentFormat::Csv;
        QTest::newRow("tsv") << "table.tsv" << DocumentFormat::Tsv;
        QTest::newRow("json") << "data.json" << DocumentFormat::Json;
        QTest::newRow("dotted folder") << "/my.docs/file.json" << DocumentFormat::Json;
        QTest::newRow("unknown") << "photo.jpeg" << DocumentFormat::Unknown;
        QTest::newRow("none") << "README" << DocumentFormat::Unknown;
        QTest::newRow("hidden no ext") << ".bashrc" << DocumentFormat::Unknown;
        QTest::newRow("trailing dot") << "file." << DocumentFormat::Unknown;
    }
    void byExtension()
    {
        QFETCH(QString, path);
        QFETCH(DocumentFormat, format);
        QCOMPARE(FormatDetector::detect(path, QByteArray("hello")), format);
        QCOMPARE(FormatDetector::fromExtension(path), format);
    }

    void extensionWinsOverContent()
    {
        // A lying ".pdf" still goes to the PDF parser, which reports it as malformed.
        QCOMPARE(FormatDetector::detect(u"fake.pdf"_qs, "just some text"), DocumentFormat::Pdf);
        QCOMPARE(FormatDetector::detect(u"notes.txt"_qs, "%PDF-1.7\n"), DocumentFormat::PlainText);
    }

    void sniffsUnknownExtensions()
    {
        QCOMPARE(FormatDetector::detect(u"download"_qs, "%PDF-1.4\n%\xE2\xE3\xCF\xD3"), DocumentFormat::Pdf);
        QCOMPARE(FormatDetector::detect(u"scan.bin"_qs, "%PDF-1.4\n"), DocumentFormat::Pdf);
        QCOMPARE(FormatDetector::detect(u"page"_qs, "<!DOCTYPE html>\n<html><body>x"), DocumentFormat::Html);
        QCOMPARE(FormatDetector::detect(u"page"_qs, "  <HTML lang=en>"), DocumentFormat::Html);
        QCOMPARE(FormatDetector::detect(u"README"_qs, "Just text"), DocumentFormat::Unknown);
        QCOMPARE(FormatDetector::detect(u"data"_qs, "{\"a\": 1}"), DocumentFormat::Unknown);
        QCOMPARE(FormatDetector::detect(u"empty"_qs, QByteArray()), DocumentFormat::Unknown);
    }

    void zipIsUnknownUnlessItNamesItsType()
    {
        QByteArray zip("PK\x03\x04", 4);
        zip += QByteArray(26, '\0');
        QCOMPARE(FormatDetector::detect(u"archive.xyz"_qs, zip + "word/document.xml"), DocumentFormat::Unknown);
        QCOMPARE(FormatDetector::detect(u"archive"_qs, zip + "content.xml"), DocumentFormat::Unknown);
        // EPUB and ODF put an uncompressed "mimetype" entry first, so those are recognisable.
        QCOMPARE(FormatDetector::detect(u"book"_qs, zip + "mimetypeapplication/epub+zip"), DocumentFormat::Epub);
        QCOMPARE(FormatDetector::detect(u"letter"_qs, zip + "mimetypeapplication/vnd.oasis.opendocument.text"),
                 DocumentFormat::Odt);
        QCOMPARE(FormatDetector::detect(u"sheet"_qs, zip + "mimetypeapplication/vnd.oasis.opendocument.spreadsheet"),
                 DocumentFormat::Unknown);
    }

    void looksBinary()
    {
        QVERIFY(!FormatDetector::looksBinary("plain text\nwith lines\tand tabs\r\n"));
        QVERIFY(!FormatDetector::looksBinary(QByteArray()));
        QVERIFY(!FormatDetector::looksBinary("caf\xC3\xA9 \x1B[31mred\x1B[0m"));
        QVERIFY(FormatDetector::looksBinary(QByteArray("abc\0def", 7)));
        QVERIFY(FormatDetector::looksBinary(QByteArray("\x01\x02\x03\x04\x05 binary-ish", 16)));
        // UTF-16 text has NULs, but its BOM says what it is.
        QVERIFY(!FormatDetector::looksBinary(QByteArray("\xFF\xFEh\0i\0", 6)));
        QVERIFY(!FormatDetector::looksBinary(QByteArray("\xFE\xFF\0h\0i", 6)));
        QVERIFY(FormatDetector::looksBinary(QByteArray("h\0i\0", 4))); // no BOM: binary
        // Only the head counts.
        QByteArray late(FormatDetector::headBytes, 'a');
        late.append('\0');
        QVERIFY(!FormatDetector::looksBinary(late));
    }

    void skipReason()
    {
        QCOMPARE(FormatDetector::skipReason(u"/x/photo.XYZ"_qs), u"unsupported file type '.xyz'"_qs);
        QCOMPARE(FormatDetector::skipReason(u"/x/Makefile"_qs), u"no file extension and content not recognised"_qs);
        QCOMPARE(FormatDetector::skipReason(u"/x/.hidden"_qs), u"no file extension and content not recognised"_qs);
    }
};

GW_TEST_MAIN(TestFormatDetector)
#include "tst_formatdetector.moc"
