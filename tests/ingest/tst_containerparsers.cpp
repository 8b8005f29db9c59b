// DocxParser, OdtParser and EpubParser, and the ZipArchive and XmlTextExtractor they share, over
// containers zipped at test time from small XML strings.

#include "ingest/docxparser.h"
#include "ingest/documentparser.h"
#include "ingest/epubparser.h"
#include "ingest/loaderror.h"
#include "ingest/odtparser.h"
#include "ingest/xmltextextractor.h"
#include "ingest/ziparchive.h"
#include "parsertesting.h"
#include "testmain.h"

#include <QBuffer>
#include <QElapsedTimer>

#include <quazip.h>
#include <quazipfile.h>

#include <utility>

// The class comes before the fixtures so that moc has read it before the XML raw strings below:
// moc 6.4 reads "//" inside a multi-line raw string as a comment and then loses track of the
// rest of the file.
class TestContainerParsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registeredForTheirFormats();
    void docxText();
    void docxMetadata();
    void docxMissingDocument();
    void malformedXmlNamesThePosition();
    void deepNestingIsRefused_data();
    void deepNestingIsRefused();
    void notAZip();
    void zipBombStopsEarly();
    void zipBombWithALyingSize();
    void decompressedLimitIsPerArchiveNotPerEntry();
    void cancelled();
    void odtText();
    void odtMetadata();
    void odtOfAnotherKindIsRefused();
    void epubTextInSpineOrder();
    void epub2EntitiesFromTheXhtmlDtd();
    void docxMainPartFromRelationships();
    void epubMetadata();
    void epubBrokenStructure();
    void textLimit();
    void parseDateTime_data();
    void parseDateTime();
};

using namespace gw;

namespace {

using Entries = QList<std::pair<QString, QByteArray>>;

QByteArray makeZip(const Entries &entries)
{
    QBuffer buffer;
    {
        QuaZip zip(&buffer);
        if (!zip.open(QuaZip::mdCreate))
            qFatal("QuaZip cannot create an archive in memory");
        for (const auto &[name, content] : entries) {
            QuaZipFile file(&zip);
            if (!file.open(QIODevice::WriteOnly, QuaZipNewInfo(name)) || file.write(content) != content.size())
                qFatal("QuaZip cannot write %s", qPrintable(name));
            file.close();
        }
        zip.close();
    }
    return buffer.data();
}

const QByteArray wordHeader = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body>)";
const QByteArray wordFooter = "<w:sectPr/></w:body></w:document>";

QByteArray makeDocx(const QByteArray &body, Entries extra = {})
{
    extra.prepend({QStringLiteral("word/document.xml"), wordHeader + body + wordFooter});
    extra.prepend({QStringLiteral("[Content_Types].xml"), "<Types/>"});
    return makeZip(extra);
}

QByteArray makeOdt(const QByteArray &text, Entries extra = {})
{
    const QByteArray content = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0'
    xmlns:text='urn:oasis:names:tc:opendocument:xmlns:text:1.0'
    xmlns:table='urn:oasis:names:tc:opendocument:xmlns:table:1.0'
    xmlns:dc='http://purl.org/dc/elements/1.1/'>
  <office:automatic-styles><style:style xmlns:style='urn:oasis:names:tc:opendocument:xmlns:style:1.0'>ignored</style:style></office:automatic-styles>
  <office:body>
    <office:text>)"
        + text + R"(
    </office:text>
  </office:body>
</office:document-content>)";
    extra.prepend({QStringLiteral("content.xml"), content});
    extra.prepend({QStringLiteral("mimetype"), "application/vnd.oasis.opendocument.text"});
    return makeZip(extra);
}

QByteArray xhtml(const QByteArray &body)
{
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<html xmlns='http://www.w3.org/1999/xhtml'><head><title>Head title</title>
<style>p { color: red }</style></head>
<body>)" + body
        + "</body></html>";
}

QByteArray makeEpub(const QList<std::pair<QString, QByteArray>> &chapters, const QByteArray &spine)
{
    QByteArray manifest;
    Entries entries{{QStringLiteral("mimetype"), "application/epub+zip"},
                    {QStringLiteral("META-INF/container.xml"), R"(<?xml version="1.0"?>
<container version="1.0" xmlns='urn:oasis:names:tc:opendocument:xmlns:container'>
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>)"}};
    for (const auto &[id, content] : chapters) {
        manifest += "<item id=\"" + id.toUtf8() + "\" href=\"text/" + id.toUtf8()
            + "%20part.xhtml\" media-type=\"application/xhtml+xml\"/>\n";
        entries.append({QStringLiteral("OEBPS/text/%1 part.xhtml").arg(id), content});
    }
    manifest += R"(<item id="cover" href="images/cover.jpg" media-type="image/jpeg"/>)";
    entries.append({QStringLiteral("OEBPS/content.opf"),
                    R"(<?xml version="1.0" encoding="UTF-8"?>
<package xmlns='http://www.idpf.org/2007/opf' version="3.0" unique-identifier="uid">
  <metadata xmlns:dc='http://purl.org/dc/elements/1.1/'>
    <dc:identifier id="uid">urn:uuid:1</dc:identifier>
    <dc:title>The Voyage</dc:title>
    <dc:creator>Ann Author</dc:creator>
    <dc:creator>Bob Second</dc:creator>
    <dc:language>en-GB</dc:language>
    <dc:date>1851-10-18</dc:date>
    <meta property="dcterms:modified">2024-05-17T10:00:00Z</meta>
  </metadata>
  <manifest>)" + manifest
                        + "</manifest>\n<spine>" + spine + "</spine>\n</package>"});
    return makeZip(entries);
}

// Metadata parts.
const QByteArray coreXml = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp='http://schemas.openxmlformats.org/package/2006/metadata/core-properties'
    xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:dcterms='http://purl.org/dc/terms/'
    xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'>
  <dc:title>Quarterly memo</dc:title><dc:subject>Finance</dc:subject><dc:creator>Ada Lovelace</dc:creator>
  <cp:lastModifiedBy>Charles Babbage</cp:lastModifiedBy>
  <dcterms:created xsi:type="dcterms:W3CDTF">2024-01-02T03:04:05Z</dcterms:created>
  <dcterms:modified xsi:type="dcterms:W3CDTF">2024-02-03T04:05:06Z</dcterms:modified>
</cp:coreProperties>)";

const QByteArray appXml =
    R"(<Properties xmlns='http://schemas.openxmlformats.org/officeDocument/2006/extended-properties'><Pages>3</Pages></Properties>)";

const QByteArray metaXml = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0'
    xmlns:meta='urn:oasis:names:tc:opendocument:xmlns:meta:1.0' xmlns:dc='http://purl.org/dc/elements/1.1/'>
  <office:meta>
    <meta:initial-creator>Grace Hopper</meta:initial-creator>
    <dc:creator>Alan Turing</dc:creator>
    <dc:title>Compiler notes</dc:title>
    <dc:subject>Languages</dc:subject>
    <meta:creation-date>2023-06-07T08:09:10.123456789</meta:creation-date>
    <dc:date>2023-07-08T09:10:11.5</dc:date>
    <meta:document-statistic meta:page-count="4" meta:word-count="900"/>
  </office:meta>
</office:document-meta>)";

using gw::testing::contextFor;
using gw::testing::expectLoadError;

const DocxParser docx;
const OdtParser odt;
const EpubParser epub;

} // namespace

void TestContainerParsers::registeredForTheirFormats()
{
    QVERIFY(dynamic_cast<const DocxParser *>(DocumentParser::forFormat(DocumentFormat::Docx)));
    QVERIFY(dynamic_cast<const OdtParser *>(DocumentParser::forFormat(DocumentFormat::Odt)));
    QVERIFY(dynamic_cast<const EpubParser *>(DocumentParser::forFormat(DocumentFormat::Epub)));
}

void TestContainerParsers::docxText()
{
    const QByteArray body = R"(
<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
  <w:r><w:t>Hello</w:t></w:r><w:r><w:t xml:space="preserve"> brave </w:t></w:r><w:r><w:t>world</w:t></w:r></w:p>
<w:p><w:r><w:t>Name</w:t><w:tab/><w:t>Value</w:t><w:br/><w:t>next line</w:t></w:r></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>7</w:t></w:r></w:p>
<w:tbl>
  <w:tr><w:tc><w:p><w:r><w:t>a1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>b1</w:t></w:r></w:p></w:tc></w:tr>
  <w:tr><w:tc><w:p><w:r><w:t>a2</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>c2</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>
<w:p><w:del><w:r><w:delText>removed</w:delText></w:r></w:del><w:r><w:t>After the table</w:t></w:r></w:p>)";
    const QString text = docx.extractText(makeDocx(body), contextFor(QStringLiteral("memo.docx")));
    QCOMPARE(text, QStringLiteral("Hello brave world\nName\tValue\nnext line\n7\na1\tb1\na2\t\tc2\nAfter the table"));
}

void TestContainerParsers::docxMetadata()
{
    const QVariantMap metadata = docx.extractMetadata(
        makeDocx("<w:p/>",
                 {{QStringLiteral("docProps/core.xml"), coreXml}, {QStringLiteral("docProps/app.xml"), appXml}}),
        contextFor(QStringLiteral("memo.docx")));
    QCOMPARE(metadata.value(QStringLiteral("title")).toString(), QStringLiteral("Quarterly memo"));
    QCOMPARE(metadata.value(QStringLiteral("author")).toString(), QStringLiteral("Ada Lovelace"));
    QCOMPARE(metadata.value(QStringLiteral("subject")).toString(), QStringLiteral("Finance"));
    QCOMPARE(metadata.value(QStringLiteral("lastModifiedBy")).toString(), QStringLiteral("Charles Babbage"));
    QCOMPARE(metadata.value(QStringLiteral("created")).toDateTime(),
             QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::UTC));
    QCOMPARE(metadata.value(QStringLiteral("modified")).toDateTime(),
             QDateTime(QDate(2024, 2, 3), QTime(4, 5, 6), Qt::UTC));
    QCOMPARE(metadata.value(QStringLiteral("pageCount")).toInt(), 3);
    // Without docProps the metadata is simply empty.
    QVERIFY(docx.extractMetadata(makeDocx("<w:p/>"), contextFor(QStringLiteral("bare.docx"))).isEmpty());
}

void TestContainerParsers::docxMissingDocument()
{
    QString message;
    const QByteArray bytes = makeZip({{QStringLiteral("[Content_Types].xml"), "<Types/>"}});
    QCOMPARE(expectLoadError([&] { docx.extractText(bytes, contextFor(QStringLiteral("empty.docx"))); }, &message),
             LoadError::Kind::Malformed);
    QCOMPARE(message, QStringLiteral("empty.docx: missing word/document.xml"));
}

void TestContainerParsers::malformedXmlNamesThePosition()
{
    QString message;
    const QByteArray bytes = makeDocx("<w:p><w:r><w:t>unclosed</w:r></w:p>");
    QCOMPARE(expectLoadError([&] { docx.extractText(bytes, contextFor(QStringLiteral("broken.docx"))); }, &message),
             LoadError::Kind::Malformed);
    QVERIFY2(
        message.startsWith(QStringLiteral("broken.docx: word/document.xml is not well-formed XML (line 2, column ")),
        qPrintable(message));
}

void TestContainerParsers::deepNestingIsRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("maxDepth");
    const int depth = 300;
    QTest::newRow("docx") << makeDocx(QByteArray("<w:sdt>").repeated(depth) + "<w:p/>"
                                      + QByteArray("</w:sdt>").repeated(depth))
                          << 256;
    QTest::newRow("odt") << makeOdt(QByteArray("<text:span>").repeated(60) + QByteArray("</text:span>").repeated(60))
                         << 50;
}

void TestContainerParsers::deepNestingIsRefused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, maxDepth);
    ParseContext context = contextFor(QStringLiteral("deep"));
    context.limits.maxXmlDepth = maxDepth;
    const DocumentParser &parser =
        QByteArray(QTest::currentDataTag()) == "docx" ? static_cast<const DocumentParser &>(docx) : odt;
    QString message;
    QCOMPARE(expectLoadError([&] { parser.extractText(bytes, context); }, &message), LoadError::Kind::TooLarge);
    QVERIFY2(message.contains(QStringLiteral("XML nested deeper than %1 levels").arg(maxDepth)), qPrintable(message));
}

void TestContainerParsers::notAZip()
{
    const QByteArray bytes("PK\x03\x04 but then nothing a ZIP reader could use");
    for (const DocumentParser *parser :
         {static_cast<const DocumentParser *>(&docx), static_cast<const DocumentParser *>(&odt),
          static_cast<const DocumentParser *>(&epub)}) {
        QString message;
        QCOMPARE(expectLoadError([&] { parser->extractText(bytes, contextFor(QStringLiteral("fake"))); }, &message),
                 LoadError::Kind::Malformed);
        QVERIFY2(message.startsWith(QStringLiteral("fake: not a valid ZIP container (")), qPrintable(message));
        QCOMPARE(expectLoadError([&] { parser->extractMetadata(QByteArray(), contextFor(QStringLiteral("fake"))); }),
                 LoadError::Kind::Malformed);
    }
}

void TestContainerParsers::zipBombStopsEarly()
{
    // 50 MB of zeros deflate to about 50 KB.
    const QByteArray bomb =
        makeDocx("<w:p/>", {{QStringLiteral("word/media/zeros.bin"), QByteArray(50 * 1024 * 1024, '\0')}});
    QVERIFY(bomb.size() < 1024 * 1024);
    ParseContext context = contextFor(QStringLiteral("bomb.docx"));
    context.limits.maxDecompressedBytes = 1024 * 1024;
    QElapsedTimer timer;
    timer.start();
    ZipArchive zip(bomb, context);
    QVERIFY(!zip.read(QStringLiteral("word/document.xml")).isEmpty());
    QString message;
    QCOMPARE(expectLoadError([&] { zip.read(QStringLiteral("word/media/zeros.bin")); }, &message),
             LoadError::Kind::TooLarge);
    QCOMPARE(message, QStringLiteral("bomb.docx: decompressed content exceeds the limit of 1 MB (zip bomb?)"));
    QVERIFY2(timer.elapsed() < 2000, "the bomb was inflated instead of refused");
}

void TestContainerParsers::zipBombWithALyingSize()
{
    // Rewrite the declared uncompressed size (local header and central directory) to 1 KB: the
    // reader must still stop long before 50 MB, whatever error it reports.
    QByteArray bomb = makeZip({{QStringLiteral("content.xml"), QByteArray(50 * 1024 * 1024, ' ')}});
    const auto patch = [&bomb](const QByteArray &signature, int sizeOffset) {
        const qsizetype at = bomb.indexOf(signature);
        QVERIFY(at >= 0);
        const char size[4] = {0x00, 0x04, 0x00, 0x00}; // 1024, little-endian
        bomb.replace(at + sizeOffset, 4, size, 4);
    };
    patch(QByteArray("PK\x03\x04"), 22);
    patch(QByteArray("PK\x01\x02"), 24);
    ParseContext context = contextFor(QStringLiteral("liar.odt"));
    context.limits.maxDecompressedBytes = 1024 * 1024;
    QElapsedTimer timer;
    timer.start();
    ZipArchive zip(bomb, context);
    expectLoadError([&] { zip.read(QStringLiteral("content.xml")); });
    QVERIFY(zip.inflatedBytes() <= context.limits.maxDecompressedBytes + 64 * 1024);
    QVERIFY(timer.elapsed() < 2000);
}

void TestContainerParsers::decompressedLimitIsPerArchiveNotPerEntry()
{
    const QByteArray part(600 * 1024, 'x');
    const QByteArray bytes = makeZip({{QStringLiteral("a"), part}, {QStringLiteral("b"), part}});
    ParseContext context = contextFor(QStringLiteral("two.zip"));
    context.limits.maxDecompressedBytes = 1024 * 1024;
    ZipArchive zip(bytes, context);
    QCOMPARE(zip.entryNames().size(), 2);
    QCOMPARE(zip.read(QStringLiteral("a")), part);
    QCOMPARE(expectLoadError([&] { zip.read(QStringLiteral("b")); }), LoadError::Kind::TooLarge);
    // A per-entry cap applies on top.
    ZipArchive fresh(bytes, contextFor(QStringLiteral("two.zip")));
    QCOMPARE(expectLoadError([&] { fresh.read(QStringLiteral("a"), 1000); }), LoadError::Kind::TooLarge);
    QString message;
    QCOMPARE(expectLoadError([&] { fresh.read(QStringLiteral("c")); }, &message), LoadError::Kind::Malformed);
    QCOMPARE(message, QStringLiteral("two.zip: missing c"));
}

void TestContainerParsers::cancelled()
{
    CancellationSource source;
    source.cancel();
    ParseContext context = contextFor(QStringLiteral("stopped"));
    context.token = source.token();
    const QByteArray book = makeEpub({{QStringLiteral("one"), xhtml("<p>x</p>")}}, R"(<itemref idref="one"/>)");
    QVERIFY_THROWS_EXCEPTION(CancelledError, docx.extractText(makeDocx("<w:p/>"), context));
    QVERIFY_THROWS_EXCEPTION(CancelledError, odt.extractText(makeOdt("<text:p>x</text:p>"), context));
    QVERIFY_THROWS_EXCEPTION(CancelledError, epub.extractText(book, context));
    QVERIFY_THROWS_EXCEPTION(CancelledError, epub.extractMetadata(book, context));
}

void TestContainerParsers::odtText()
{
    const QByteArray body = R"(
  <text:h text:outline-level="1">Chapter   one</text:h>
  <text:p>Three<text:s text:c="3"/>spaces, a<text:tab/>tab and a<text:line-break/>break.</text:p>
  <text:p>
    Indented   source
    text collapses.
  </text:p>
  <text:p>Kept<office:annotation><dc:creator>Reviewer</dc:creator><text:p>a comment</text:p></office:annotation> text</text:p>
  <table:table>
    <table:table-row><table:table-cell><text:p>r1c1</text:p></table:table-cell><table:table-cell><text:p>r1c2</text:p></table:table-cell></table:table-row>
    <table:table-row><table:table-cell><text:p>r2c1</text:p></table:table-cell><table:table-cell><text:p>r2c2</text:p></table:table-cell></table:table-row>
  </table:table>
  <text:list><text:list-item><text:p>Item</text:p></text:list-item></text:list>
  <text:p>Einstein<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>A footnote.</text:p></text:note-body></text:note> said</text:p>)";
    const QString text = odt.extractText(makeOdt(body), contextFor(QStringLiteral("notes.odt")));
    QCOMPARE(text,
             QStringLiteral("Chapter one\nThree   spaces, a\ttab and a\nbreak.\nIndented source text collapses.\n"
                            "Kept text\nr1c1\tr1c2\nr2c1\tr2c2\nItem\n"
                            // A footnote stays where it is anchored, without its number.
                            "Einstein\nA footnote.\nsaid"));
}

void TestContainerParsers::odtMetadata()
{
    const QVariantMap metadata = odt.extractMetadata(makeOdt("<text:p/>", {{QStringLiteral("meta.xml"), metaXml}}),
                                                     contextFor(QStringLiteral("notes.odt")));
    QCOMPARE(metadata.value(QStringLiteral("title")).toString(), QStringLiteral("Compiler notes"));
    QCOMPARE(metadata.value(QStringLiteral("author")).toString(), QStringLiteral("Grace Hopper"));
    QCOMPARE(metadata.value(QStringLiteral("lastModifiedBy")).toString(), QStringLiteral("Alan Turing"));
    QCOMPARE(metadata.value(QStringLiteral("subject")).toString(), QStringLiteral("Languages"));
    QCOMPARE(metadata.value(QStringLiteral("created")).toDateTime(),
             QDateTime(QDate(2023, 6, 7), QTime(8, 9, 10, 123)));
    QCOMPARE(metadata.value(QStringLiteral("modified")).toDateTime(),
             QDateTime(QDate(2023, 7, 8), QTime(9, 10, 11, 500)));
    QCOMPARE(metadata.value(QStringLiteral("pageCount")).toInt(), 4);
}

void TestContainerParsers::odtOfAnotherKindIsRefused()
{
    const QByteArray sheet = makeZip({{QStringLiteral("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"},
                                      {QStringLiteral("content.xml"), "<x/>"}});
    QString message;
    QCOMPARE(expectLoadError([&] { odt.extractText(sheet, contextFor(QStringLiteral("sheet.odt"))); }, &message),
             LoadError::Kind::Malformed);
    QVERIFY2(message.contains(QStringLiteral("application/vnd.oasis.opendocument.spreadsheet")), qPrintable(message));
}

void TestContainerParsers::epubTextInSpineOrder()
{
    const QByteArray one = xhtml(R"(<h1>Loomings</h1><p>Call me   Ishmael.</p><script>var hidden = 1;</script>
<div><p>Some years ago<br/>never mind</p></div><table><tr><td>x</td><td>y</td></tr></table>)");
    const QByteArray two = xhtml("<section><h2>The Carpet-Bag</h2><p>I stuffed a shirt or two.</p></section>");
    // Manifest order one, two; the spine reads two first.
    const QByteArray book = makeEpub({{QStringLiteral("one"), one}, {QStringLiteral("two"), two}},
                                     R"(<itemref idref="two"/><itemref idref="one" linear="yes"/>)");
    const QString text = epub.extractText(book, contextFor(QStringLiteral("moby.epub")));
    QCOMPARE(text,
             QStringLiteral("The Carpet-Bag\nI stuffed a shirt or two.\n\n"
                            "Loomings\nCall me Ishmael.\nSome years ago\nnever mind\nx\ty"));
}

void TestContainerParsers::epub2EntitiesFromTheXhtmlDtd()
{
    // EPUB 2 content names the XHTML 1.1 DTD, which no reader fetches; its entities still count.
    const QByteArray chapter = R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
<html xmlns='http://www.w3.org/1999/xhtml'><body><p>Caf&eacute; &mdash; open&nbsp;late &amp; early</p></body></html>)";
    const QByteArray book = makeEpub({{QStringLiteral("one"), chapter}}, R"(<itemref idref="one"/>)");
    QCOMPARE(epub.extractText(book, contextFor(QStringLiteral("old.epub"))),
             QStringLiteral("Caf\u00e9 \u2014 open\u00a0late & early"));
}

void TestContainerParsers::docxMainPartFromRelationships()
{
    const QByteArray rels = R"(<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/main.xml"/>
</Relationships>)";
    const QByteArray bytes = makeZip(
        {{QStringLiteral("_rels/.rels"), rels},
         {QStringLiteral("word/main.xml"), wordHeader + "<w:p><w:r><w:t>Renamed</w:t></w:r></w:p>" + wordFooter}});
    QCOMPARE(docx.extractText(bytes, contextFor(QStringLiteral("renamed.docx"))), QStringLiteral("Renamed"));
}

void TestContainerParsers::epubMetadata()
{
    const QByteArray book =
        makeEpub({{QStringLiteral("one"), xhtml("<p>x</p>")}, {QStringLiteral("two"), xhtml("<p>y</p>")}},
                 R"(<itemref idref="one"/><itemref idref="two"/>)");
    const QVariantMap metadata = epub.extractMetadata(book, contextFor(QStringLiteral("voyage.epub")));
    QCOMPARE(metadata.value(QStringLiteral("title")).toString(), QStringLiteral("The Voyage"));
    QCOMPARE(metadata.value(QStringLiteral("author")).toString(), QStringLiteral("Ann Author; Bob Second"));
    QCOMPARE(metadata.value(QStringLiteral("language")).toString(), QStringLiteral("en-GB"));
    QCOMPARE(metadata.value(QStringLiteral("created")).toDateTime().date(), QDate(1851, 10, 18));
    QCOMPARE(metadata.value(QStringLiteral("modified")).toDateTime(),
             QDateTime(QDate(2024, 5, 17), QTime(10, 0), Qt::UTC));
    QCOMPARE(metadata.value(QStringLiteral("chapters")).toInt(), 2);
}

void TestContainerParsers::epubBrokenStructure()
{
    QString message;
    const QByteArray noContainer = makeZip({{QStringLiteral("mimetype"), "application/epub+zip"}});
    QCOMPARE(expectLoadError([&] { epub.extractText(noContainer, contextFor(QStringLiteral("a.epub"))); }, &message),
             LoadError::Kind::Malformed);
    QCOMPARE(message, QStringLiteral("a.epub: missing META-INF/container.xml"));

    const QByteArray unknownItem =
        makeEpub({{QStringLiteral("one"), xhtml("<p>x</p>")}}, R"(<itemref idref="ghost"/>)");
    QCOMPARE(expectLoadError([&] { epub.extractText(unknownItem, contextFor(QStringLiteral("b.epub"))); }, &message),
             LoadError::Kind::Malformed);
    QVERIFY2(message.contains(QStringLiteral("ghost")), qPrintable(message));

    const QByteArray badChapter =
        makeEpub({{QStringLiteral("one"), "<html><body><p>x</body></html>"}}, R"(<itemref idref="one"/>)");
    QCOMPARE(expectLoadError([&] { epub.extractText(badChapter, contextFor(QStringLiteral("c.epub"))); }, &message),
             LoadError::Kind::Malformed);
    QVERIFY2(
        message.startsWith(QStringLiteral("c.epub: OEBPS/text/one part.xhtml is not well-formed XML (line 1, column ")),
        qPrintable(message));
}

void TestContainerParsers::textLimit()
{
    ParseContext context = contextFor(QStringLiteral("long.odt"));
    context.limits.maxTextChars = 20;
    QString message;
    QCOMPARE(
        expectLoadError([&] { odt.extractText(makeOdt("<text:p>far more than twenty characters</text:p>"), context); },
                        &message),
        LoadError::Kind::TooLarge);
    QVERIFY2(message.contains(QStringLiteral("limit of 20 characters")), qPrintable(message));
}

void TestContainerParsers::parseDateTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    QTest::newRow("utc") << QStringLiteral("2024-01-02T03:04:05Z")
                         << QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::UTC);
    QTest::newRow("offset") << QStringLiteral("2024-01-02T03:04:05+02:00")
                            << QDateTime(QDate(2024, 1, 2), QTime(1, 4, 5), Qt::UTC);
    // ODF writes nanoseconds; Qt rounds them to the millisecond.
    QTest::newRow("nanoseconds") << QStringLiteral("2024-01-02T03:04:05.987654321")
                                 << QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5, 988));
    QTest::newRow("date") << QStringLiteral("2024-01-02") << QDateTime(QDate(2024, 1, 2), QTime(0, 0), Qt::UTC);
    QTest::newRow("month") << QStringLiteral("2024-03") << QDateTime(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("year") << QStringLiteral(" 1851 ") << QDateTime(QDate(1851, 1, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("junk") << QStringLiteral("last Tuesday") << QDateTime();
}

void TestContainerParsers::parseDateTime()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = XmlTextExtractor::parseDateTime(text);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid())
        QCOMPARE(parsed.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
}

GW_TEST_GUI_MAIN(TestContainerParsers)
#include "tst_containerparsers.moc"
