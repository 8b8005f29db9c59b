// graphwright-cli's graph commands on a graph of known shape, imported from a CSV edge list:
// import-table, graph, query (neighbors, path, similar) and export, with their exit codes.
#include "clirunner.h"
#include "testmain.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <cmath>

namespace {

// Two groups with no relation between them.
const QByteArray edges = "source,target,type,source_type,target_type\n"
                         "Ada Lovelace,Charles Babbage,worked_with,PERSON,PERSON\n"
                         "Charles Babbage,Analytical Engine,created,PERSON,MISC\n"
                         "Ada Lovelace,Analytical Engine,described,PERSON,MISC\n"
                         "Mary Somerville,Ada Lovelace,taught,PERSON,PERSON\n"
                         "Charles Babbage,London,lived_in,PERSON,LOCATION\n"
                         "Grace Hopper,Howard Aiken,worked_with,PERSON,PERSON\n"
                         "Howard Aiken,Harvard Mark I,created,PERSON,MISC\n"
                         "Grace Hopper,Harvard Mark I,programmed,PERSON,MISC\n"
                         "Grace Hopper,COBOL,created,PERSON,MISC\n";

QStringList names(const QJsonArray &entries, const char *field = nullptr)
{
    QStringList out;
    for (const QJsonValue &entry : entries)
        out << (field ? entry.toObject().value(QLatin1String(field)).toObject() : entry.toObject())
                   .value(QStringLiteral("name"))
                   .toString();
    return out;
}

} // namespace

class TstCliGraph : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;

    Run query(const QStringList &question)
    {
        return cli(
            QStringList{QStringLiteral("query"), QStringLiteral("--project"), m_project, QStringLiteral("--json")}
            + question);
    }

private Q_SLOTS:
    void initTestCase()
    {
#if defined(__SANITIZE_THREAD__)
        QSKIP("QProcess cannot run under ThreadSanitizer with Qt 6.4 (see tst_cli)");
#endif
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(QStringLiteral("graph.gwp"));
        const QString table = m_dir.filePath(QStringLiteral("edges.csv"));
        writeFile(table, edges);
        const Run imported = cli(
            {QStringLiteral("import-table"), QStringLiteral("--project"), m_project, QStringLiteral("--json"), table});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        const QJsonObject result = json(imported.out);
        QCOMPARE(result.value(QStringLiteral("outcome")).toString(), QStringLiteral("inserted"));
        QCOMPARE(result.value(QStringLiteral("relations")).toInt(), 9);
        QCOMPARE(result.value(QStringLiteral("entities")).toInt(), 9);

        const Run again = cli(
            {QStringLiteral("import-table"), QStringLiteral("--project"), m_project, QStringLiteral("--json"), table});
        QCOMPARE(json(again.out).value(QStringLiteral("outcome")).toString(), QStringLiteral("unchanged"));
    }

    void graphSummarisesCountsCentralEntitiesAndCommunities()
    {
        const Run run = cli({QStringLiteral("graph"), QStringLiteral("--project"), m_project, QStringLiteral("--json"),
                             QStringLiteral("--top"), QStringLiteral("20")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject summary = json(run.out);
        QCOMPARE(summary.value(QStringLiteral("entities")).toInt(), 9);
        QCOMPARE(summary.value(QStringLiteral("relations")).toInt(), 9);
        QCOMPARE(summary.value(QStringLiteral("mentions")).toInt(), 18); // two cells a row
        QCOMPARE(summary.value(QStringLiteral("components")).toInt(), 2);
        const QJsonArray communities = summary.value(QStringLiteral("communities")).toArray();
        QVERIFY(communities.size() >= 2);
        // No community mixes the two groups.
        for (const QJsonValue &community : communities) {
            const QStringList members =
                community.toObject().value(QStringLiteral("members")).toVariant().toStringList();
            QVERIFY2(
                !(members.contains(QStringLiteral("Ada Lovelace")) && members.contains(QStringLiteral("Grace Hopper"))),
                qPrintable(members.join(QLatin1Char(','))));
        }
        const QJsonArray top = summary.value(QStringLiteral("top")).toArray();
        QCOMPARE(top.size(), 9);
        double sum = 0, previous = 1;
        for (const QJsonValue &entry : top) {
            const double pagerank = entry.toObject().value(QStringLiteral("pagerank")).toDouble();
            QVERIFY(pagerank > 0 && pagerank <= previous);
            previous = pagerank;
            sum += pagerank;
            QVERIFY(!entry.toObject().value(QStringLiteral("type")).toString().isEmpty());
        }
        QVERIFY(qAbs(sum - 1.0) < 1e-6);

        const Run text = cli({QStringLiteral("graph"), QStringLiteral("--project"), m_project});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("9 entities"));
    }

    void queryAnswersNeighborsPathsAndSimilarEntities()
    {
        const Run neighbours = query({QStringLiteral("neighbors"), QStringLiteral("charles babbage")});
        QVERIFY2(neighbours.exitCode == 0, neighbours.err.constData());
        QStringList found = names(json(neighbours.out).value(QStringLiteral("neighbors")).toArray(), "entity");
        found.sort();
        QCOMPARE(found,
                 (QStringList{QStringLiteral("Ada Lovelace"), QStringLiteral("Analytical Engine"),
                              QStringLiteral("London")}));

        const Run path = query({QStringLiteral("path"), QStringLiteral("Mary Somerville"), QStringLiteral("London")});
        QVERIFY2(path.exitCode == 0, path.err.constData());
        const QJsonObject chain = json(path.out);
        QCOMPARE(chain.value(QStringLiteral("hops")).toInt(), 3);
        QCOMPARE(names(chain.value(QStringLiteral("path")).toArray()),
                 (QStringList{QStringLiteral("Mary Somerville"), QStringLiteral("Ada Lovelace"),
                              QStringLiteral("Charles Babbage"), QStringLiteral("London")}));
        QCOMPARE(chain.value(QStringLiteral("path"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("relation_to_next"))
                     .toString(),
                 QStringLiteral("taught"));

        // The groups are not joined: no path, exit code 2.
        QCOMPARE(query({QStringLiteral("path"), QStringLiteral("Ada Lovelace"), QStringLiteral("COBOL")}).exitCode, 2);

        const Run similar = query({QStringLiteral("similar"), QStringLiteral("Grace Hopper"), QStringLiteral("--limit"),
                                   QStringLiteral("3")});
        QVERIFY2(similar.exitCode == 0, similar.err.constData());
        const QStringList alike = names(json(similar.out).value(QStringLiteral("similar")).toArray());
        QVERIFY(!alike.isEmpty());
        for (const QString &name : alike)
            QVERIFY2(
                QStringList({QStringLiteral("Howard Aiken"), QStringLiteral("Harvard Mark I"), QStringLiteral("COBOL")})
                    .contains(name),
                qPrintable(name));

        const Run unknown = query({QStringLiteral("neighbors"), QStringLiteral("Nobody Known")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains("Nobody Known"));
        QCOMPARE(query({QStringLiteral("wander"), QStringLiteral("Ada")}).exitCode, 1);
    }

    void exportWritesEveryFormat()
    {
        const auto exportTo = [this](const QString &format, const QString &out) {
            return cli({QStringLiteral("export"), QStringLiteral("--project"), m_project, QStringLiteral("--format"),
                        format, QStringLiteral("--out"), out});
        };
        const QString graphml = m_dir.filePath(QStringLiteral("g.graphml"));
        QCOMPARE(exportTo(QStringLiteral("graphml"), graphml).exitCode, 0);
        QFile graphmlFile(graphml);
        QVERIFY(graphmlFile.open(QIODevice::ReadOnly));
        const QByteArray graphmlText = graphmlFile.readAll();
        QVERIFY(graphmlText.contains("<graphml"));
        QCOMPARE(graphmlText.count("<node "), 9);
        QCOMPARE(graphmlText.count("<edge "), 9);

        const QString gexf = m_dir.filePath(QStringLiteral("g.gexf"));
        QCOMPARE(exportTo(QStringLiteral("gexf"), gexf).exitCode, 0);
        QFile gexfFile(gexf);
        QVERIFY(gexfFile.open(QIODevice::ReadOnly));
        QVERIFY(gexfFile.readAll().contains("<gexf"));

        const QString nodeLink = m_dir.filePath(QStringLiteral("g.json"));
        QCOMPARE(exportTo(QStringLiteral("json"), nodeLink).exitCode, 0);
        QFile nodeLinkFile(nodeLink);
        QVERIFY(nodeLinkFile.open(QIODevice::ReadOnly));
        const QJsonObject document = json(nodeLinkFile.readAll());
        QCOMPARE(document.value(QStringLiteral("nodes")).toArray().size(), 9);
        QCOMPARE(document.value(QStringLiteral("links")).toArray().size(), 9);

        const QString csv = m_dir.filePath(QStringLiteral("tables"));
        QCOMPARE(exportTo(QStringLiteral("csv"), csv).exitCode, 0);
        QFile nodes(csv + QStringLiteral("/nodes.csv"));
        QVERIFY(nodes.open(QIODevice::ReadOnly));
        QCOMPARE(nodes.readAll().count('\n'), 10); // header and 9 rows

        const QString neo4j = m_dir.filePath(QStringLiteral("neo4j"));
        QCOMPARE(exportTo(QStringLiteral("neo4j"), neo4j).exitCode, 0);
        QVERIFY(QFileInfo::exists(neo4j + QStringLiteral("/load.cypher")));

        const Run bad = exportTo(QStringLiteral("bmp"), m_dir.filePath(QStringLiteral("x")));
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.err.contains("graphml"));
    }

    void exportLaysTheGraphOutWhenTheProjectHasNone()
    {
        // A project nothing has laid out yet: the first GraphML export computes a layout (progress
        // on stderr), saves it, and writes it; the GEXF export after it uses the stored one.
        const QString project = m_dir.filePath(QStringLiteral("unlaid.gwp"));
        const QString table = m_dir.filePath(QStringLiteral("edges.csv"));
        QCOMPARE(cli({QStringLiteral("import-table"), QStringLiteral("--project"), project, table}).exitCode, 0);
        const auto exportTo = [&](const QString &format, const QString &out) {
            return cli({QStringLiteral("export"), QStringLiteral("--project"), project, QStringLiteral("--format"),
                        format, QStringLiteral("--out"), out, QStringLiteral("--json")});
        };
        const QString graphml = m_dir.filePath(QStringLiteral("laid.graphml"));
        const Run first = exportTo(QStringLiteral("graphml"), graphml);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QCOMPARE(json(first.out).value(QStringLiteral("layout")).toString(), QStringLiteral("computed"));
        QVERIFY2(first.err.contains("Laying out 9 entities"), first.err.constData());
        QVERIFY2(first.err.contains("100%"), first.err.constData());

        // Every node has finite x and y, declared as doubles.
        QFile graphmlFile(graphml);
        QVERIFY(graphmlFile.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(graphmlFile.readAll());
        QString xKey, yKey, node;
        QHash<QString, QPointF> fromGraphMl;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            const QXmlStreamAttributes attributes = xml.attributes();
            if (xml.name() == u"key" && attributes.value(QStringLiteral("attr.type")) == u"double") {
                if (attributes.value(QStringLiteral("attr.name")) == u"x")
                    xKey = attributes.value(QStringLiteral("id")).toString();
                if (attributes.value(QStringLiteral("attr.name")) == u"y")
                    yKey = attributes.value(QStringLiteral("id")).toString();
            } else if (xml.name() == u"node") {
                node = attributes.value(QStringLiteral("id")).toString();
                fromGraphMl.insert(node, QPointF(qQNaN(), qQNaN()));
            } else if (xml.name() == u"data") {
                const QString key = attributes.value(QStringLiteral("key")).toString();
                if (key == xKey)
                    fromGraphMl[node].setX(xml.readElementText().toDouble());
                else if (key == yKey)
                    fromGraphMl[node].setY(xml.readElementText().toDouble());
            }
        }
        QVERIFY(!xKey.isEmpty() && !yKey.isEmpty());
        QCOMPARE(fromGraphMl.size(), qsizetype(9));
        for (const QPointF &p : std::as_const(fromGraphMl))
            QVERIFY(std::isfinite(p.x()) && std::isfinite(p.y()));

        const QString gexf = m_dir.filePath(QStringLiteral("laid.gexf"));
        const Run second = exportTo(QStringLiteral("gexf"), gexf);
        QVERIFY2(second.exitCode == 0, second.err.constData());
        QCOMPARE(json(second.out).value(QStringLiteral("layout")).toString(), QStringLiteral("stored"));
        QVERIFY(!second.err.contains("Laying out"));
        QFile gexfFile(gexf);
        QVERIFY(gexfFile.open(QIODevice::ReadOnly));
        QXmlStreamReader reader(gexfFile.readAll());
        int positions = 0;
        while (!reader.atEnd()) {
            reader.readNext();
            if (reader.isStartElement() && reader.name() == u"node")
                node = reader.attributes().value(QStringLiteral("id")).toString();
            if (reader.isStartElement() && reader.name() == u"position") {
                ++positions;
                QCOMPARE(reader.attributes().value(QStringLiteral("x")).toDouble(), fromGraphMl.value(node).x());
                // GEXF: y up (Gephi), GraphML: as the view has it, down.
                QCOMPARE(-reader.attributes().value(QStringLiteral("y")).toDouble(), fromGraphMl.value(node).y());
            }
        }
        QCOMPARE(positions, 9);

        // Formats without positions neither compute nor write one.
        const Run table2 = exportTo(QStringLiteral("json"), m_dir.filePath(QStringLiteral("laid.json")));
        QCOMPARE(json(table2.out).value(QStringLiteral("layout")).toString(), QStringLiteral("none"));
    }

    void exportsLeaveChanceCoOccurrenceOutUnlessAsked()
    {
        const QString project = m_dir.filePath(QStringLiteral("prose.gwp"));
        const QString text = m_dir.filePath(QStringLiteral("prose/pioneers.txt"));
        writeFile(text,
                  "Alan Turing and Grace Hopper spoke at length. Later Alan Turing and Grace Hopper wrote "
                  "letters. Edsger Dijkstra and Barbara Liskov taught classes.\n");
        const Run ingested = cli({QStringLiteral("ingest"), QStringLiteral("--project"), project, text});
        QVERIFY2(ingested.exitCode == 0, ingested.err.constData());
        const auto links = [&](const QStringList &extra) {
            const QString out = m_dir.filePath(QStringLiteral("prose%1.json").arg(extra.size()));
            const Run run =
                cli(QStringList{QStringLiteral("export"), QStringLiteral("--project"), project,
                                QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), out}
                    + extra);
            if (run.exitCode != 0)
                qWarning("%s", run.err.constData());
            QFile file(out);
            if (!file.open(QIODevice::ReadOnly))
                return QStringList();
            const QJsonObject graph = json(file.readAll());
            QHash<QString, QString> names;
            for (const QJsonValue &node : graph.value(QStringLiteral("nodes")).toArray())
                names.insert(node.toObject().value(QStringLiteral("id")).toString(),
                             node.toObject().value(QStringLiteral("name")).toString());
            QStringList out2;
            for (const QJsonValue &link : graph.value(QStringLiteral("links")).toArray()) {
                QStringList pair{names.value(link.toObject().value(QStringLiteral("source")).toString()),
                                 names.value(link.toObject().value(QStringLiteral("target")).toString())};
                pair.sort();
                out2 << pair.join(QLatin1Char('+'));
            }
            out2.sort();
            return out2;
        };
        // Two sentences: significant. One: chance, unless every co-occurrence is asked for.
        QCOMPARE(links({}), QStringList{QStringLiteral("Alan Turing+Grace Hopper")});
        QCOMPARE(links({QStringLiteral("--all-co-occurrence")}),
                 (QStringList{QStringLiteral("Alan Turing+Grace Hopper"),
                              QStringLiteral("Barbara Liskov+Edsger Dijkstra")}));
    }
};

GW_TEST_MAIN(TstCliGraph)
#include "tst_cligraph.moc"
