// The one CSV reader (core): RFC 4180 with the tolerance spreadsheets expect, LF, CRLF and CR line
// ends, cell spans for provenance, and the cursor that ingestion reads tables with.
#include "core/csvreader.h"
#include "testmain.h"

using gw::CsvReader;
using gw::CsvRecord;

namespace {

QList<QStringList> values(const QList<CsvRecord> &records)
{
    QList<QStringList> out;
    for (const CsvRecord &record : records) {
        QStringList cells;
        for (const gw::CsvCell &cell : record.cells)
            cells << cell.value;
        out << cells;
    }
    return out;
}

} // namespace

class TstCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lineEnds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("LF") << QStringLiteral("a,b\n1,2\n");
        QTest::newRow("CRLF") << QStringLiteral("a,b\r\n1,2\r\n");
        QTest::newRow("CR") << QStringLiteral("a,b\r1,2\r");
        QTest::newRow("no final line end") << QStringLiteral("a,b\n1,2");
    }

    void lineEnds()
    {
        QFETCH(QString, text);
        const QList<CsvRecord> records = CsvReader(u',').read(text);
        QCOMPARE(values(records),
                 (QList<QStringList>{{QStringLiteral("a"), QStringLiteral("b")},
                                     {QStringLiteral("1"), QStringLiteral("2")}}));
        QCOMPARE(records.at(1).line, 2);
    }

    void quotedFieldsHoldDelimitersQuotesAndLineBreaks()
    {
        const QString text = QStringLiteral("name,note\n\"Lovelace, Ada\",\"said \"\"hello\"\"\r\nthen left\"\n,\n");
        const QList<CsvRecord> records = CsvReader(u',').read(text);
        QCOMPARE(values(records),
                 (QList<QStringList>{{QStringLiteral("name"), QStringLiteral("note")},
                                     {QStringLiteral("Lovelace, Ada"), QStringLiteral("said \"hello\"\r\nthen left")},
                                     {QString(), QString()}}));
        // Spans point into the text, inside the quotes; the record after the quoted line break
        // starts on line 4.
        const gw::CsvCell &name = records.at(1).cells.at(0);
        QCOMPARE(text.mid(name.start, name.end - name.start), QStringLiteral("Lovelace, Ada"));
        QCOMPARE(records.at(2).line, 4);
        QVERIFY(!records.at(1).unterminatedQuote);
    }

    void toleratesWhatSpreadsheetsWrite()
    {
        const QList<CsvRecord> records = CsvReader(u',').read(QStringLiteral("a, \"b, c\",d\"e\n\n\"open to the end"));
        QCOMPARE(values(records).at(0),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b, c"), QStringLiteral("d\"e")}));
        QVERIFY(records.at(1).isBlank());
        QVERIFY(records.at(2).unterminatedQuote);
        QCOMPARE(records.at(2).cells.at(0).value, QStringLiteral("open to the end"));
    }

    void theCursorReadsWhatReadReturns()
    {
        const QString text = QStringLiteral("x;y\r\n1;\"2\n3\"\r\r4;5");
        const CsvReader reader(u';');
        QList<CsvRecord> streamed;
        CsvReader::Cursor cursor = reader.cursor(text);
        CsvRecord record;
        while (cursor.next(record))
            streamed << record;
        const QList<CsvRecord> whole = reader.read(text);
        QCOMPARE(values(streamed), values(whole));
        QCOMPARE(whole.size(), 4); // the blank line between is a record
        QCOMPARE(reader.read(text, 2).size(), 2);
        QCOMPARE(CsvReader::detectDelimiter(text), QChar(u';'));
    }
};

GW_TEST_MAIN(TstCsvReader)
#include "tst_csvreader.moc"
