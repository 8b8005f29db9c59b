// CSV files meant for spreadsheets never carry a formula a spreadsheet would run (CSV injection):
// the CSV export writes =HYPERLINK(...) and friends with a leading apostrophe; the Neo4j import
// files keep the raw values; numbers are untouched.
#include "graph/csvrowwriter.h"
#include "graph/exportfile.h"
#include "graph/graphexporter.h"
#include "graph/knowledgegraph.h"
#include "testmain.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using gw::CsvRowWriter;
using gw::ExportFormat;
using gw::GraphExporter;
using gw::KnowledgeGraph;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const QString hyperlink = QStringLiteral("=HYPERLINK(\"http://x\",\"a\")");

KnowledgeGraph hostileGraph()
{
    KnowledgeGraph graph;
    const QStringList names = {hyperlink,
                               QStringLiteral("+1+2"),
                               QStringLiteral("-2+3"),
                               QStringLiteral("@SUM(A1)"),
                               QStringLiteral("\tcmd"),
                               QStringLiteral("Ada")};
    for (int i = 0; i < names.size(); ++i) {
        gw::GraphNode node;
        node.id = QStringLiteral("n%1").arg(i);
        node.name = names.at(i);
        node.type = QStringLiteral("PERSON");
        graph.addNode(node);
    }
    graph.addEdge({0, 5, QStringLiteral("=cmd|' /C calc'!A0"), 1.0});
    return graph;
}

} // namespace

class TstCsvFormulas : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spreadsheetCellsAreNeutralisedDataCellsAreNot()
    {
        QTemporaryDir dir;
        const QString spreadsheet = dir.filePath(QStringLiteral("s.csv"));
        const QString data = dir.filePath(QStringLiteral("d.csv"));
        for (const auto &[path, cells] :
             {std::pair{spreadsheet, CsvRowWriter::Cells::Spreadsheet}, std::pair{data, CsvRowWriter::Cells::Data}}) {
            gw::ExportFile file(path);
            CsvRowWriter writer(file, cells);
            writer.field(hyperlink);
            writer.field(QStringLiteral("-5"));
            writer.field(qint64(-5));
            writer.field(-0.5);
            writer.field(QStringLiteral("plain"));
            writer.endRow();
            file.commit();
        }
        QCOMPARE(readAll(spreadsheet), QByteArray("\"'=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\",'-5,-5,-0.5,plain\r\n"));
        QCOMPARE(readAll(data), QByteArray("\"=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\",-5,-5,-0.5,plain\r\n"));
    }

    void csvExportHoldsNoFormulaNeo4jKeepsTheNames()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("csv"));
        GraphExporter::exportGraph(hostileGraph(), {}, ExportFormat::Csv, csv);
        for (const QString &name : {QStringLiteral("nodes.csv"), QStringLiteral("edges.csv")}) {
            const QByteArray text = readAll(QDir(csv).filePath(name));
            QVERIFY(!text.isEmpty());
            // No cell (after a separator, a line start or an opening quote) starts a formula.
            for (const QByteArray &line : text.split('\n')) {
                for (QByteArray cell : line.trimmed().split(',')) {
                    if (cell.startsWith('"'))
                        cell = cell.mid(1);
                    QVERIFY2(cell.isEmpty() || !QByteArray("=+@\t").contains(cell.front()), cell.constData());
                }
            }
            QVERIFY(text.contains("'=HYPERLINK") || name == QStringLiteral("edges.csv"));
        }
        QVERIFY(readAll(QDir(csv).filePath(QStringLiteral("edges.csv"))).contains("'=cmd"));

        const QString neo4j = dir.filePath(QStringLiteral("neo4j"));
        GraphExporter::exportGraph(hostileGraph(), {}, ExportFormat::Neo4j, neo4j);
        const QByteArray nodes = readAll(QDir(neo4j).filePath(QStringLiteral("nodes.csv")));
        QVERIFY(nodes.contains("\"=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\""));
        QVERIFY(!nodes.contains("'=HYPERLINK"));
    }
};

GW_TEST_MAIN(TstCsvFormulas)
#include "tst_csvformulas.moc"
