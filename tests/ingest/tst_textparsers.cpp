#include "ingest/csvparser.h"
#include "ingest/documentparser.h"
#include "ingest/loaderror.h"

#include "testmain.h"

#include <QElapsedTimer>
#include <QStringEncoder>

// moc cannot evaluate __has_include; the container parsers are written in parallel with this test.
#ifndef Q_MOC_RUN
#if __has_include("ingest/pdfparser.h") \
                  && __has_include("ingest/docxparser.h") \
                                   && __has_include("ingest/odtparser.h") && __has_include("ingest/epubparser.h")
#define GW_HAVE_CONTAINER_PARSERS 1
#endif
#endif

using namespace gw;

namespace {

ParseContext makeContext(const QString &path = u"/docs/sample"_qs)
{
    ParseContext context;
    context.path = path;
    return context;
}

const DocumentParser &parser(DocumentFormat format)
{
    const DocumentParser *found = DocumentParser::forFormat(format);
    Q_ASSERT(found);
    return *found;
}

QString textOf(DocumentFormat format, const QByteArray &bytes, const ParseContext &context = makeContext())
{
    return parser(format).extractText(bytes, context);
}

QVariantMap metadataOf(DocumentFormat format, const QByteArray &bytes)
{
    return parser(format).extractMetadata(bytes, makeContext());
}

// Runs `call`, expecting a LoadError of `kind` that names the file; returns its reason.
template<typename Call>
QString expectLoadError(LoadError::Kind kind, const QString &path, Call call)
{
    try {
        call();
    } catch (const LoadError &error) {
        if (error.kind() != kind || error.path() != path || !error.message().startsWith(path + u": "_qs))
            return u"WRONG ERROR: "_qs + error.message();
        return error.reason();
    }
    return u"NO ERROR"_qs;
}

const DocumentFormat textFormats[] = {DocumentFormat::PlainText, DocumentFormat::Markdown, DocumentFormat::Html,
                                      DocumentFormat::Csv,       DocumentFormat::Tsv,      DocumentFormat::Json};

} // namespace

class TestTextParsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forFormatCoversEveryFormat()
    {
        QCOMPARE(DocumentParser::forFormat(DocumentFormat::Unknown), nullptr);
        for (DocumentFormat format : textFormats) {
            const DocumentParser *p = DocumentParser::forFormat(format);
            QVERIFY(p);
            QCOMPARE(p->format(), format);
            QCOMPARE(DocumentParser::forFormat(format), p); // one shared instance
        }
        QCOMPARE(static_cast<const CsvParser *>(DocumentParser::forFormat(DocumentFormat::Tsv))->delimiter(), u'\t');
#ifdef GW_HAVE_CONTAINER_PARSERS
        for (DocumentFormat format :
             {DocumentFormat::Pdf, DocumentFormat::Docx, DocumentFormat::Odt, DocumentFormat::Epub}) {
            QVERIFY(DocumentParser::forFormat(format));
            QCOMPARE(DocumentParser::forFormat(format)->format(), format);
        }
#endif
    }

    void plainText()
    {
        QCOMPARE(textOf(DocumentFormat::PlainText, "one\r\ntwo\rthree\n"), u"one\ntwo\nthree\n"_qs);
        QStringEncoder utf16(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
        QCOMPARE(textOf(DocumentFormat::PlainText, utf16.encode(u"Grüße"_qs)), u"Grüße"_qs);
        QCOMPARE(metadataOf(DocumentFormat::PlainText, "abc").value(u"encoding"_qs).toString(), u"UTF-8"_qs);
    }

    void preview()
    {
        ParseContext context = makeContext();
        context.limits.previewLines = 3;
        const QByteArray bytes = "\n\n  Title  \n\nfirst\nsecond\nthird\n" + QByteArray(500, 'z');
        const DocumentPreview preview = parser(DocumentFormat::PlainText).makePreview(bytes, context);
        QCOMPARE(preview.text, u"Title\nfirst\nsecond"_qs);
        QVERIFY(preview.thumbnail.isNull());
        const DocumentPreview longLine = parser(DocumentFormat::PlainText).makePreview(QByteArray(5000, 'a'), context);
        QVERIFY(longLine.text.size() < 300);
        QVERIFY(longLine.text.endsWith(QChar(0x2026)));
    }

    void markdown()
    {
        const QByteArray source =
            "---\nauthor: \"Ada Lovelace\"\n---\n"
            "Notes on the Engine\n===================\n\n"
            "Some *emphasis*, **strong**, _under_ and ~~gone~~ text with `code_span` and snake_case_name.\n"
            "A [link to docs](https://example.org/a_(b)) and ![diagram of engine](img.png) and <https://x.org>.\n"
            "> Quoted *wisdom*\n\n"
            "## Second *heading* ##\n\n"
            "- first item\n* second item\n1. numbered\n- [x] done task\n\n"
            "| Name | Born |\n|------|-----:|\n| Ada | 1815 |\n\n"
            "```cpp\nint x = a * b; // *kept*\n```\n"
            "<!-- a comment\nover lines -->\n"
            "Text with <b>bold tag</b> and 2 * 3 = 6 and an escaped \\*star\\*.\n"
            "Footnote here[^1].\n\n[^1]: The footnote text.\n[ref]: https://example.org\n"
            "***\nEnd &amp; done.\n";
        const QString text = textOf(DocumentFormat::Markdown, source);
        const QString expected =
            QStringLiteral("Notes on the Engine\n\n"
                           "Some emphasis, strong, under and gone text with code_span and snake_case_name.\n"
                           "A link to docs and diagram of engine and https://x.org.\n"
                           "Quoted wisdom\n\n"
                           "Second heading\n\n"
                           "first item\nsecond item\n1. numbered\ndone task\n\n"
                           "Name\tBorn\nAda\t1815\n\n"
                           "int x = a * b; // *kept*\n"
                           "Text with bold tag and 2 * 3 = 6 and an escaped *star*.\n"
                           "Footnote here.\n\nThe footnote text.\n\nEnd & done.");
        QCOMPARE(text, expected);
        const QVariantMap metadata = metadataOf(DocumentFormat::Markdown, source);
        QCOMPARE(metadata.value(u"title"_qs).toString(), u"Notes on the Engine"_qs);
        QCOMPARE(metadata.value(u"author"_qs).toString(), u"Ada Lovelace"_qs);

        QCOMPARE(metadataOf(DocumentFormat::Markdown, "intro\n\n# First `ATX` heading\n## later\n")
                     .value(u"title"_qs)
                     .toString(),
                 u"First ATX heading"_qs);
        QCOMPARE(metadataOf(DocumentFormat::Markdown, "---\ntitle: From front matter\n---\n# Heading\n")
                     .value(u"title"_qs)
                     .toString(),
                 u"From front matter"_qs);
    }

    void markdownHostileLinesStayFast()
    {
        QElapsedTimer timer;
        timer.start();
        const QByteArray hostile = QByteArray("[(`<*_").repeated(40000) + '\n' + QByteArray("[a](").repeated(30000);
        const QString text = textOf(DocumentFormat::Markdown, hostile);
        QVERIFY(!text.isEmpty());
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }

    void html()
    {
        const QByteArray source =
            "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
            "<title>  The &amp; Title </title>"
            "<meta name=\"author\" content=\"Ada &amp; Charles\"><meta name=\"description\" content=\"About engines\">"
            "<style>body { color: red; } p > a { }</style>"
            "<script>var s = '<p>not text</p>'; if (a < b && c > d) {}</script>"
            "</head><body>\n<h1>Main   heading</h1>\n"
            "<p>Caf&eacute; &lt;tag&gt; &#233;&#x00E9; &hellip; &nbsp;x&unknown; AT&T</p>"
            "<div>Line <b>bold</b><br>after break</div>"
            "<ul><li>one<li>two</ul>"
            "<table><tr><td>a</td><td>b</td></tr><tr><th>c<th>d</table>"
            "<pre>  keep\n    spacing</pre>"
            "<noscript>enable JS</noscript><template><p>hidden</p></template>"
            "<!-- comment <p>no</p> --><p>Last <![CDATA[raw & text]]> para"
            "</body></html>";
        const QString text = textOf(DocumentFormat::Html, source);
        const QString expected = QStringLiteral("Main heading\n\n"
                                                "Café <tag> éé … x&unknown; AT&T\n\n"
                                                "Line bold\nafter break\n\n"
                                                "one\ntwo\n\n"
                                                "a\tb\nc\td\n\n"
                                                "  keep\n    spacing\n\n"
                                                "Last raw & text para");
        QCOMPARE(text, expected);
        const QVariantMap metadata = metadataOf(DocumentFormat::Html, source);
        QCOMPARE(metadata.value(u"title"_qs).toString(), u"The & Title"_qs);
        QCOMPARE(metadata.value(u"author"_qs).toString(), u"Ada & Charles"_qs);
        QCOMPARE(metadata.value(u"description"_qs).toString(), u"About engines"_qs);
        QCOMPARE(metadata.value(u"language"_qs).toString(), u"fr"_qs);
    }

    void htmlTolerance()
    {
        // No <head>/<body>, unclosed tags, stray '<', attributes with '>' inside quotes.
        const QByteArray source = "<title>T</title><p>a < b<p>second <a href=\"x>y\" title='q'>link</a>"
                                  "</span></p><p/>x<img src=a.png alt=\"pic\">y";
        QCOMPARE(textOf(DocumentFormat::Html, source), u"a < b\n\nsecond link\n\nxy"_qs);
        // Thousands of unclosed <p> and <li> are siblings, not nesting.
        QVERIFY(textOf(DocumentFormat::Html, "<ul>" + QByteArray("<li><p>item").repeated(5000)).size() > 5000);
        // XHTML self-closing script does not swallow the document.
        QCOMPARE(
            textOf(DocumentFormat::Html, "<html><head><script src=\"a.js\"/></head><body><p>kept</p></body></html>"),
            u"kept"_qs);
    }

    void htmlDeclaredCharset()
    {
        QStringEncoder encoder("windows-1252");
        const QByteArray source =
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
            "</head><body>"
            + encoder.encode(u"Café – “quoted”"_qs) + "</body></html>";
        QCOMPARE(textOf(DocumentFormat::Html, source), u"Café – “quoted”"_qs);
        QCOMPARE(metadataOf(DocumentFormat::Html, source).value(u"encoding"_qs).toString(), u"windows-1252"_qs);
    }

    void htmlDeepNesting()
    {
        const QString path = u"/docs/deep.html"_qs;
        const QByteArray deep = QByteArray("<div>").repeated(300) + "x" + QByteArray("</div>").repeated(300);
        const QString reason = expectLoadError(LoadError::Kind::TooLarge, path,
                                               [&] { textOf(DocumentFormat::Html, deep, makeContext(path)); });
        QVERIFY2(reason.contains(u"nested deeper than the limit of 256"), qPrintable(reason));
        // At the limit it is fine.
        const QByteArray ok = QByteArray("<span>").repeated(250) + "fine";
        QCOMPARE(textOf(DocumentFormat::Html, ok), u"fine"_qs);
    }

    void htmlIsLinear()
    {
        QElapsedTimer timer;
        timer.start();
        const QByteArray hostile = QByteArray("<a <b x='").repeated(20000) + QByteArray("&amp").repeated(50000)
            + QByteArray("<!-").repeated(50000);
        textOf(DocumentFormat::Html, hostile);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }

    void csv()
    {
        const QByteArray source = "name,born,notes\r\n"
                                  "Ada Lovelace,1815,\"Wrote \"\"notes\"\", the first program\"\r\n"
                                  "\"Babbage, Charles\",1791,\"Line one\r\nline two\"\r\n"
                                  "\r\n"
                                  "Grace Hopper,1906,,extra cell\r\n";
        const QString expected =
            QStringLiteral("name: Ada Lovelace\nborn: 1815\nnotes: Wrote \"notes\", the first program\n\n"
                           "name: Babbage, Charles\nborn: 1791\nnotes: Line one\nline two\n\n"
                           "name: Grace Hopper\nborn: 1906\nColumn 4: extra cell");
        QCOMPARE(textOf(DocumentFormat::Csv, source), expected);
        const QVariantMap metadata = metadataOf(DocumentFormat::Csv, source);
        QCOMPARE(metadata.value(u"columns"_qs).toStringList(), (QStringList{u"name"_qs, u"born"_qs, u"notes"_qs}));
        QCOMPARE(metadata.value(u"rows"_qs).toInt(), 3);
    }

    void csvWithoutHeader()
    {
        const QByteArray source = "1,2.5,abc\n3,4,\"d,e\"\n";
        QCOMPARE(textOf(DocumentFormat::Csv, source), u"1\t2.5\tabc\n3\t4\td,e"_qs);
        const QVariantMap metadata = metadataOf(DocumentFormat::Csv, source);
        QVERIFY(!metadata.contains(u"columns"_qs));
        QCOMPARE(metadata.value(u"rows"_qs).toInt(), 2);
        QCOMPARE(textOf(DocumentFormat::Csv, "only,a,header\n"), u"only\ta\theader"_qs);
        QCOMPARE(textOf(DocumentFormat::Csv, ""), QString());
        // Old Mac line ends (CR alone) end records too.
        QCOMPARE(textOf(DocumentFormat::Csv, "1,2\r3,\"4\"\r"), u"1\t2\n3\t4"_qs);
    }

    void tsv()
    {
        const QByteArray source = "city\tcountry\nParis, Texas\tUSA\n\"Quoted\ttab\"\tNowhere\n";
        QCOMPARE(textOf(DocumentFormat::Tsv, source),
                 u"city: Paris, Texas\ncountry: USA\n\ncity: Quoted\ttab\ncountry: Nowhere"_qs);
        QCOMPARE(metadataOf(DocumentFormat::Tsv, source).value(u"rows"_qs).toInt(), 2);
    }

    void json()
    {
        // (No raw string literal here: moc mis-tokenizes one that contains backslashes.)
        const QByteArray source = "{\"zeta\": \"first in document\", \"title\": \"A \\\"quoted\\\" title\",\n"
                                  " \"nested\": {\"list\": [\"one\", 2, true, null, \"two\\nlines\", \"\"],"
                                  " \"key\": \"caf\\u00e9 \\ud83d\\ude00\"},\n"
                                  " \"alpha\": \"last\"}";
        QCOMPARE(textOf(DocumentFormat::Json, source),
                 QStringLiteral("first in document\nA \"quoted\" title\none\ntwo\nlines\ncafé \U0001F600\nlast"));
        QCOMPARE(metadataOf(DocumentFormat::Json, source).value(u"title"_qs).toString(), u"A \"quoted\" title"_qs);
        QCOMPARE(textOf(DocumentFormat::Json, "\"just a string\""), u"just a string"_qs);
        QCOMPARE(textOf(DocumentFormat::Json, "[1, 2, 3]"), QString());
    }

    void malformedJson()
    {
        const QString path = u"/docs/broken.json"_qs;
        const QString reason = expectLoadError(LoadError::Kind::Malformed, path, [&] {
            textOf(DocumentFormat::Json, R"({"a": "b",, "c": 1})", makeContext(path));
        });
        QVERIFY2(reason.startsWith(u"invalid JSON: "), qPrintable(reason));
        QVERIFY2(reason.contains(u"at byte offset 11"), qPrintable(reason));
        QVERIFY(expectLoadError(LoadError::Kind::Malformed, path, [&] {
                    parser(DocumentFormat::Json).extractMetadata("{\"open\": ", makeContext(path));
                }).startsWith(u"invalid JSON"));
        // A bare scalar is valid JSON (RFC 8259); two of them are not.
        QVERIFY(expectLoadError(LoadError::Kind::Malformed, path, [&] {
                    textOf(DocumentFormat::Json, "\"a\", \"b\"", makeContext(path));
                }).startsWith(u"invalid JSON"));
        QVERIFY(expectLoadError(LoadError::Kind::Malformed, path, [&] {
                    textOf(DocumentFormat::Json, "", makeContext(path));
                }).startsWith(u"invalid JSON"));
    }

    void binaryIsMalformed()
    {
        const QByteArray binary("\x7F"
                                "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0text",
                                20);
        for (DocumentFormat format : textFormats) {
            const QString path = u"/docs/binary."_qs + documentFormatName(format);
            QCOMPARE(
                expectLoadError(LoadError::Kind::Malformed, path, [&] { textOf(format, binary, makeContext(path)); }),
                u"binary content, not text"_qs);
            QCOMPARE(expectLoadError(LoadError::Kind::Malformed, path,
                                     [&] { parser(format).extractMetadata(binary, makeContext(path)); }),
                     u"binary content, not text"_qs);
        }
    }

    void textLimit()
    {
        const QByteArray big = QByteArray("\"word word word\",").repeated(200);
        const QList<std::pair<DocumentFormat, QByteArray>> cases = {
            {DocumentFormat::PlainText, big},    {DocumentFormat::Markdown, big},
            {DocumentFormat::Html, "<p>" + big}, {DocumentFormat::Csv, "h\n" + QByteArray(big).replace(',', '\n')},
            {DocumentFormat::Tsv, "h\n" + big},  {DocumentFormat::Json, "[" + big + "\"end\"]"}};
        for (const auto &[format, bytes] : cases) {
            ParseContext context = makeContext(u"/docs/huge"_qs);
            context.limits.maxTextChars = 1000;
            const QString reason =
                expectLoadError(LoadError::Kind::TooLarge, context.path, [&] { textOf(format, bytes, context); });
            QVERIFY2(reason.contains(u"limit of 1000 characters"),
                     qPrintable(documentFormatName(format) + u": "_qs + reason));
            context.limits.maxTextChars = 1000000;
            textOf(format, bytes, context); // within the limit: no error
        }
    }

    void cancelled()
    {
        CancellationSource source;
        source.cancel(u"user stopped the job"_qs);
        ParseContext context = makeContext();
        context.token = source.token();
        for (DocumentFormat format : textFormats) {
            QVERIFY_THROWS_EXCEPTION(CancelledError, textOf(format, "[\"some text\"]", context));
            QVERIFY_THROWS_EXCEPTION(CancelledError, parser(format).extractMetadata("[\"x\"]", context));
        }
    }
};

GW_TEST_MAIN(TestTextParsers)
#include "tst_textparsers.moc"
