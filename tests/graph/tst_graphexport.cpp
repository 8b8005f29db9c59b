// Exports: GraphML, GEXF and node-link JSON parse back to the same graph; CSV tables quote what
// needs quoting; the Neo4j folder follows neo4j-admin's header conventions; a failed export throws
// and leaves no file.

#include "core/errors.h"
#include "extract/entityresolver.h"
#include "core/csvreader.h"
#include "graph/graphexporter.h"
#include "graph/graphlayout.h"
#include "graph/knowledgegraph.h"
#include "graph/neo4jexporter.h"
#include "graph/nodemetrics.h"
#include "store/projectstore.h"
#include "store/sampledocuments.h"
#include "testmain.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QXmlStreamReader>

using gw::ExportFormat;
using gw::GraphExporter;
using gw::KnowledgeGraph;

namespace {
KnowledgeGraph sampleGraph();
gw::NodeMetrics sampleMetrics(const KnowledgeGraph &graph);
QString graphMlNamespace();
QString gexfNamespace();
QByteArray readAll(const QString &path);
} // namespace

class TstGraphExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatNamesRoundTrip()
    {
        for (const QString &name : GraphExporter::formatNames())
            QCOMPARE(GraphExporter::formatName(GraphExporter::formatFromName(name)), name);
        QCOMPARE(GraphExporter::formatFromName(QStringLiteral(" GraphML ")), ExportFormat::GraphMl);
        QCOMPARE(GraphExporter::formatFromName(QStringLiteral("node-link")), ExportFormat::NodeLinkJson);
        try {
            GraphExporter::formatFromName(QStringLiteral("dot"));
            QFAIL("an unknown format was accepted");
        } catch (const gw::Error &error) {
            QVERIFY(error.message().contains(QStringLiteral("dot")));
            QVERIFY(error.message().contains(QStringLiteral("graphml")));
        }
    }

    void graphMlParsesBackToTheSameGraph()
    {
        QTemporaryDir dir;
        const KnowledgeGraph graph = sampleGraph();
        const gw::NodeMetrics metrics = sampleMetrics(graph);
        const QString path = dir.filePath(QStringLiteral("g.graphml"));
        GraphExporter::exportGraph(graph, metrics, ExportFormat::GraphMl, path);

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        struct Key
        {
            QString forWhat, name, type;
        };
        QHash<QString, Key> keys;
        QHash<QString, QHash<QString, QString>> nodes; // id -> attribute name -> text
        struct Edge
        {
            QString source, target;
            QHash<QString, QString> data;
        };
        QList<Edge> edges;
        QHash<QString, QString> *current = nullptr;
        QString edgeDefault;
        bool rootOk = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            const auto name = xml.name();
            if (name == u"graphml") {
                rootOk = xml.namespaceUri() == graphMlNamespace();
            } else if (name == u"key") {
                const auto a = xml.attributes();
                QVERIFY(!a.value(QLatin1String("attr.type")).isEmpty());
                keys.insert(a.value(QLatin1String("id")).toString(),
                            {a.value(QLatin1String("for")).toString(), a.value(QLatin1String("attr.name")).toString(),
                             a.value(QLatin1String("attr.type")).toString()});
            } else if (name == u"graph") {
                edgeDefault = xml.attributes().value(QLatin1String("edgedefault")).toString();
            } else if (name == u"node") {
                current = &nodes[xml.attributes().value(QLatin1String("id")).toString()];
            } else if (name == u"edge") {
                edges.append({xml.attributes().value(QLatin1String("source")).toString(),
                              xml.attributes().value(QLatin1String("target")).toString(),
                              {}});
                current = &edges.last().data;
            } else if (name == u"data") {
                const QString key = xml.attributes().value(QLatin1String("key")).toString();
                QVERIFY2(keys.contains(key), qPrintable(key));
                QVERIFY(current);
                (*current)[keys.value(key).name] = xml.readElementText();
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(rootOk);
        QCOMPARE(edgeDefault, QStringLiteral("directed"));
        // Every declared key says what it is for, with a GraphML type.
        const QStringList types = {QStringLiteral("string"), QStringLiteral("long"), QStringLiteral("double")};
        for (const Key &key : std::as_const(keys)) {
            QVERIFY(key.forWhat == u"node" || key.forWhat == u"edge");
            QVERIFY2(types.contains(key.type), qPrintable(key.type));
        }

        QCOMPARE(nodes.size(), qsizetype(graph.nodeCount()));
        for (int i = 0; i < graph.nodeCount(); ++i) {
            const gw::GraphNode &node = graph.node(i);
            QVERIFY2(nodes.contains(node.id), qPrintable(node.id));
            const auto &data = nodes.value(node.id);
            QCOMPARE(data.value(QStringLiteral("name")), node.name);
            QCOMPARE(data.value(QStringLiteral("label")), node.name);
            QCOMPARE(data.value(QStringLiteral("type")), node.type);
            QCOMPARE(data.value(QStringLiteral("mentions")).toLongLong(), node.mentions);
            QCOMPARE(data.value(QStringLiteral("documents")).toLongLong(), node.documents);
            QCOMPARE(data.value(QStringLiteral("degree")).toLongLong(), metrics.degree.at(i));
            QCOMPARE(data.value(QStringLiteral("pagerank")).toDouble(), metrics.pagerank.at(i));
            QCOMPARE(data.value(QStringLiteral("community")).toInt(), metrics.community.at(i));
            QVERIFY(!data.contains(QStringLiteral("betweenness"))); // not computed, not written
        }
        QCOMPARE(edges.size(), qsizetype(graph.edgeCount()));
        for (int i = 0; i < graph.edgeCount(); ++i) {
            const gw::GraphEdge &edge = graph.edge(i);
            const Edge &read = edges.at(i);
            QCOMPARE(read.source, graph.node(edge.source).id);
            QCOMPARE(read.target, graph.node(edge.target).id);
            QCOMPARE(read.data.value(QStringLiteral("type")), edge.type);
            QCOMPARE(read.data.value(QStringLiteral("weight")).toDouble(), edge.weight);
            QCOMPARE(read.data.value(QStringLiteral("evidence_document")), edge.evidence.documentPath);
            if (!edge.evidence.documentPath.isEmpty()) {
                QCOMPARE(read.data.value(QStringLiteral("evidence_start")).toLongLong(), edge.evidence.sentenceStart);
                QCOMPARE(read.data.value(QStringLiteral("evidence_end")).toLongLong(), edge.evidence.sentenceEnd);
                QCOMPARE(read.data.value(QStringLiteral("evidence_chunk")).toLongLong(), edge.evidence.chunk);
                QCOMPARE(read.data.value(QStringLiteral("evidence_trigger")), edge.evidence.trigger);
            }
        }
    }

    void graphMlNumbersNodesWhoseIdsAreNotXmlNames()
    {
        KnowledgeGraph graph;
        graph.addNode({QStringLiteral("has space"), QStringLiteral("PERSON"), QStringLiteral("A")});
        graph.addNode({QStringLiteral("b"), QStringLiteral("PERSON"), QStringLiteral("B")});
        graph.addEdge({0, 1, QStringLiteral("knows")});
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("g.graphml"));
        GraphExporter::exportGraph(graph, {}, ExportFormat::GraphMl, path);
        const QString text = QString::fromUtf8(readAll(path));
        QVERIFY(text.contains(QStringLiteral("<node id=\"n0\">")));
        QVERIFY(text.contains(QStringLiteral("source=\"n0\" target=\"n1\"")));
        QVERIFY(text.contains(QStringLiteral(">has space</data>"))); // as entity_id
    }

    void gexfParsesBackToTheSameGraph()
    {
        QTemporaryDir dir;
        const KnowledgeGraph graph = sampleGraph();
        const gw::NodeMetrics metrics = sampleMetrics(graph);
        const QString path = dir.filePath(QStringLiteral("g.gexf"));
        GraphExporter::exportGraph(graph, metrics, ExportFormat::Gexf, path);

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QHash<QString, QString> nodeAttributes, edgeAttributes; // id -> title
        QString attributeClass, version, edgeType;
        struct Item
        {
            QString id, label, source, target, weight;
            QHash<QString, QString> values;
        };
        QList<Item> nodes, edges;
        Item *current = nullptr;
        bool inNodes = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isEndElement() && xml.name() == u"nodes")
                inNodes = false;
            if (!xml.isStartElement())
                continue;
            const auto a = xml.attributes();
            const auto name = xml.name();
            if (name == u"gexf") {
                QCOMPARE(xml.namespaceUri().toString(), gexfNamespace());
                version = a.value(QLatin1String("version")).toString();
            } else if (name == u"graph") {
                edgeType = a.value(QLatin1String("defaultedgetype")).toString();
            } else if (name == u"attributes") {
                attributeClass = a.value(QLatin1String("class")).toString();
            } else if (name == u"attribute") {
                QVERIFY(!a.value(QLatin1String("type")).isEmpty());
                (attributeClass == u"node" ? nodeAttributes : edgeAttributes)
                    .insert(a.value(QLatin1String("id")).toString(), a.value(QLatin1String("title")).toString());
            } else if (name == u"nodes") {
                inNodes = true;
            } else if (name == u"node") {
                nodes.append({a.value(QLatin1String("id")).toString(),
                              a.value(QLatin1String("label")).toString(),
                              {},
                              {},
                              {},
                              {}});
                current = &nodes.last();
            } else if (name == u"edge") {
                edges.append({a.value(QLatin1String("id")).toString(),
                              a.value(QLatin1String("label")).toString(),
                              a.value(QLatin1String("source")).toString(),
                              a.value(QLatin1String("target")).toString(),
                              a.value(QLatin1String("weight")).toString(),
                              {}});
                current = &edges.last();
            } else if (name == u"attvalue") {
                const QString id = a.value(QLatin1String("for")).toString();
                const auto &declared = inNodes ? nodeAttributes : edgeAttributes;
                QVERIFY2(declared.contains(id), qPrintable(id));
                current->values.insert(declared.value(id), a.value(QLatin1String("value")).toString());
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(version, QStringLiteral("1.3"));
        QCOMPARE(edgeType, QStringLiteral("directed"));
        QCOMPARE(nodes.size(), qsizetype(graph.nodeCount()));
        for (int i = 0; i < graph.nodeCount(); ++i) {
            const gw::GraphNode &node = graph.node(i);
            const Item &read = nodes.at(i);
            QCOMPARE(read.id, node.id);
            QCOMPARE(read.label, node.name);
            QCOMPARE(read.values.value(QStringLiteral("name")), node.name);
            QCOMPARE(read.values.value(QStringLiteral("type")), node.type);
            QCOMPARE(read.values.value(QStringLiteral("mentions")).toLongLong(), node.mentions);
            QCOMPARE(read.values.value(QStringLiteral("documents")).toLongLong(), node.documents);
            QCOMPARE(read.values.value(QStringLiteral("degree")).toLongLong(), metrics.degree.at(i));
            QCOMPARE(read.values.value(QStringLiteral("pagerank")).toDouble(), metrics.pagerank.at(i));
            QCOMPARE(read.values.value(QStringLiteral("community")).toInt(), metrics.community.at(i));
        }
        QCOMPARE(edges.size(), qsizetype(graph.edgeCount()));
        for (int i = 0; i < graph.edgeCount(); ++i) {
            const gw::GraphEdge &edge = graph.edge(i);
            const Item &read = edges.at(i);
            QCOMPARE(read.source, graph.node(edge.source).id);
            QCOMPARE(read.target, graph.node(edge.target).id);
            QCOMPARE(read.label, edge.type);
            QCOMPARE(read.weight.toDouble(), edge.weight);
            QCOMPARE(read.values.value(QStringLiteral("type")), edge.type);
            QCOMPARE(read.values.value(QStringLiteral("evidence_document")), edge.evidence.documentPath);
            if (!edge.evidence.documentPath.isEmpty()) {
                QCOMPARE(read.values.value(QStringLiteral("evidence_start")).toLongLong(), edge.evidence.sentenceStart);
                QCOMPARE(read.values.value(QStringLiteral("evidence_end")).toLongLong(), edge.evidence.sentenceEnd);
                QCOMPARE(read.values.value(QStringLiteral("evidence_chunk")).toLongLong(), edge.evidence.chunk);
                QCOMPARE(read.values.value(QStringLiteral("evidence_trigger")), edge.evidence.trigger);
            }
        }
    }

    void nodeLinkJsonParsesBackToTheSameGraph()
    {
        QTemporaryDir dir;
        const KnowledgeGraph graph = sampleGraph();
        const gw::NodeMetrics metrics = sampleMetrics(graph);
        const QString path = dir.filePath(QStringLiteral("g.json"));
        GraphExporter::exportGraph(graph, metrics, ExportFormat::NodeLinkJson, path);

        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(readAll(path), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonObject root = document.object();
        QCOMPARE(root.value(u"directed").toBool(), true);
        QCOMPARE(root.value(u"multigraph").toBool(), true);
        QVERIFY(root.value(u"graph").isObject());
        const QJsonArray nodes = root.value(u"nodes").toArray();
        QCOMPARE(nodes.size(), qsizetype(graph.nodeCount()));
        for (int i = 0; i < graph.nodeCount(); ++i) {
            const gw::GraphNode &node = graph.node(i);
            const QJsonObject read = nodes.at(i).toObject();
            QCOMPARE(read.value(u"id").toString(), node.id);
            QCOMPARE(read.value(u"name").toString(), node.name);
            QCOMPARE(read.value(u"type").toString(), node.type);
            QCOMPARE(read.value(u"mentions").toInteger(), node.mentions);
            QCOMPARE(read.value(u"documents").toInteger(), node.documents);
            QCOMPARE(read.value(u"degree").toInteger(), metrics.degree.at(i));
            QCOMPARE(read.value(u"pagerank").toDouble(), metrics.pagerank.at(i));
            QCOMPARE(read.value(u"community").toInt(), metrics.community.at(i));
        }
        const QJsonArray links = root.value(u"links").toArray();
        QCOMPARE(links.size(), qsizetype(graph.edgeCount()));
        QHash<QPair<QString, QString>, QList<int>> keys;
        for (int i = 0; i < graph.edgeCount(); ++i) {
            const gw::GraphEdge &edge = graph.edge(i);
            const QJsonObject read = links.at(i).toObject();
            QCOMPARE(read.value(u"source").toString(), graph.node(edge.source).id);
            QCOMPARE(read.value(u"target").toString(), graph.node(edge.target).id);
            QCOMPARE(read.value(u"type").toString(), edge.type);
            QCOMPARE(read.value(u"weight").toDouble(), edge.weight);
            QCOMPARE(read.value(u"evidence_document").toString(), edge.evidence.documentPath);
            if (!edge.evidence.documentPath.isEmpty()) {
                QCOMPARE(read.value(u"evidence_start").toInteger(), edge.evidence.sentenceStart);
                QCOMPARE(read.value(u"evidence_end").toInteger(), edge.evidence.sentenceEnd);
                QCOMPARE(read.value(u"evidence_chunk").toInteger(), edge.evidence.chunk);
                QCOMPARE(read.value(u"evidence_trigger").toString(), edge.evidence.trigger);
            }
            keys[{read.value(u"source").toString(), read.value(u"target").toString()}].append(
                read.value(u"key").toInt());
        }
        // networkx's multigraph keys: 0, 1, ... per (source, target).
        for (const QList<int> &pairKeys : std::as_const(keys))
            for (qsizetype k = 0; k < pairKeys.size(); ++k)
                QCOMPARE(pairKeys.at(k), int(k));
        QVERIFY(std::any_of(keys.cbegin(), keys.cend(), [](const QList<int> &k) { return k.size() > 1; }));
    }

    void positionsGoIntoGraphMlAndGexf()
    {
        // A layout computed, stored in a project and loaded back: GraphML and GEXF carry exactly
        // those positions (x/y attributes, viz:position); a node without one gets none.
        QTemporaryDir dir;
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        gw::DocumentRecord record = gw::testing::sampleDocument(QStringLiteral("/a.txt"), 2);
        gw::testing::addSampleExtraction(
            record,
            {gw::testing::sampleEntity(QStringLiteral("Ada")), gw::testing::sampleEntity(QStringLiteral("Grace")),
             gw::testing::sampleEntity(QStringLiteral("Zürich"), {}, QStringLiteral("LOCATION"))});
        store->writeDocumentBlocking(record);
        const KnowledgeGraph graph = KnowledgeGraph::fromStore(*store);
        QCOMPARE(graph.nodeCount(), 3);
        gw::GraphLayout::saveLayout(*store, graph, gw::GraphLayout::compute(graph, gw::CancellationToken()));
        QList<QPointF> positions = gw::GraphLayout::loadLayout(*store, graph);
        positions[0] = QPointF(1.0 / 3.0, -2.5e-7); // digits that must survive the text
        positions[2] = QPointF(qQNaN(), qQNaN());   // no position
        gw::NodeMetrics metrics;
        metrics.community = {0, 0, 1};

        const QString graphml = dir.filePath(QStringLiteral("g.graphml"));
        GraphExporter::exportGraph(graph, metrics, ExportFormat::GraphMl, graphml, positions);
        QXmlStreamReader xml(readAll(graphml));
        QHash<QString, QString> keyNames, keyTypes;     // key id -> attr.name / attr.type
        QHash<QString, QHash<QString, QString>> values; // node id -> attribute -> text
        QString node;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"key" && xml.attributes().value(QStringLiteral("for")) == u"node") {
                keyNames.insert(xml.attributes().value(QStringLiteral("id")).toString(),
                                xml.attributes().value(QStringLiteral("attr.name")).toString());
                keyTypes.insert(xml.attributes().value(QStringLiteral("id")).toString(),
                                xml.attributes().value(QStringLiteral("attr.type")).toString());
            } else if (xml.name() == u"node") {
                node = xml.attributes().value(QStringLiteral("id")).toString();
            } else if (xml.name() == u"data" && !node.isEmpty()) {
                const QString key = keyNames.value(xml.attributes().value(QStringLiteral("key")).toString());
                if (!key.isEmpty())
                    values[node].insert(key, xml.readElementText());
            } else if (xml.name() == u"edge") {
                node.clear();
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(keyTypes.value(keyNames.key(QStringLiteral("x"))), QStringLiteral("double"));
        QCOMPARE(keyTypes.value(keyNames.key(QStringLiteral("y"))), QStringLiteral("double"));
        for (int i = 0; i < 2; ++i) {
            const QHash<QString, QString> &attributes = values.value(graph.node(i).id);
            QCOMPARE(attributes.value(QStringLiteral("x")).toDouble(), positions.at(i).x());
            QCOMPARE(attributes.value(QStringLiteral("y")).toDouble(), positions.at(i).y());
            QCOMPARE(attributes.value(QStringLiteral("community")), QStringLiteral("0"));
        }
        QVERIFY(!values.value(graph.node(2).id).contains(QStringLiteral("x")));
        QCOMPARE(values.value(graph.node(2).id).value(QStringLiteral("community")), QStringLiteral("1"));

        const QString gexf = dir.filePath(QStringLiteral("g.gexf"));
        GraphExporter::exportGraph(graph, metrics, ExportFormat::Gexf, gexf, positions);
        QXmlStreamReader reader(readAll(gexf));
        QHash<QString, QPointF> placed;
        while (!reader.atEnd()) {
            reader.readNext();
            if (!reader.isStartElement())
                continue;
            if (reader.name() == u"node") {
                node = reader.attributes().value(QStringLiteral("id")).toString();
            } else if (reader.name() == u"position") {
                QCOMPARE(reader.namespaceUri().toString(), QStringLiteral("http://gexf.net/1.3/viz"));
                placed.insert(node,
                              QPointF(reader.attributes().value(QStringLiteral("x")).toDouble(),
                                      -reader.attributes().value(QStringLiteral("y")).toDouble())); // y up in GEXF
            }
        }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QCOMPARE(placed.size(), qsizetype(2));
        QCOMPARE(placed.value(graph.node(0).id), positions.at(0));
        QCOMPARE(placed.value(graph.node(1).id), positions.at(1));

        // Without positions, no x/y keys; a wrong count is refused.
        GraphExporter::exportGraph(graph, metrics, ExportFormat::GraphMl, graphml);
        QVERIFY(!readAll(graphml).contains("attr.name=\"x\""));
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            GraphExporter::exportGraph(graph, metrics, ExportFormat::Gexf, gexf, positions.mid(0, 2)));
    }

    void nonFiniteNumbersStayValid()
    {
        KnowledgeGraph graph;
        graph.addNode({QStringLiteral("a"), QStringLiteral("PERSON"), QStringLiteral("A")});
        graph.addEdge({0, 0, QStringLiteral("self"), qQNaN()});
        gw::NodeMetrics metrics;
        metrics.pagerank = {qInf()};
        QTemporaryDir dir;
        GraphExporter::exportGraph(graph, metrics, ExportFormat::NodeLinkJson, dir.filePath(QStringLiteral("g.json")));
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(readAll(dir.filePath(QStringLiteral("g.json"))), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(document.object().value(u"links").toArray().at(0).toObject().value(u"weight").isNull());
        GraphExporter::exportGraph(graph, metrics, ExportFormat::GraphMl, dir.filePath(QStringLiteral("g.graphml")));
        const QByteArray xml = readAll(dir.filePath(QStringLiteral("g.graphml")));
        QVERIFY(xml.contains(">NaN<"));
        QVERIFY(xml.contains(">INF<"));
    }

    void xmlSurvivesControlCharactersAndCarriageReturns()
    {
        KnowledgeGraph graph;
        graph.addNode({QStringLiteral("a"), QStringLiteral("MISC"), QStringLiteral("bell\u0007 & <tag>\r\nnext")});
        QTemporaryDir dir;
        for (const ExportFormat format : {ExportFormat::GraphMl, ExportFormat::Gexf}) {
            const QString path = dir.filePath(QStringLiteral("g.xml"));
            GraphExporter::exportGraph(graph, {}, format, path);
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QXmlStreamReader xml(&file);
            QString name;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == u"data"
                    && xml.attributes().value(QLatin1String("key")) == u"n_name")
                    name = xml.readElementText();
                if (xml.isStartElement() && xml.name() == u"node"
                    && xml.attributes().hasAttribute(QLatin1String("label")))
                    name = xml.attributes().value(QLatin1String("label")).toString();
            }
            QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
            QCOMPARE(name, QStringLiteral("bell\uFFFD & <tag>\r\nnext"));
        }
    }

    void csvTablesQuoteWhatNeedsQuoting()
    {
        QTemporaryDir dir;
        const KnowledgeGraph graph = sampleGraph();
        const gw::NodeMetrics metrics = sampleMetrics(graph);
        const QString folder = dir.filePath(QStringLiteral("tables"));
        GraphExporter::exportGraph(graph, metrics, ExportFormat::Csv, folder); // creates the folder

        const QString nodesText = QString::fromUtf8(readAll(QDir(folder).filePath(QStringLiteral("nodes.csv"))));
        QVERIFY(nodesText.startsWith(QStringLiteral("id,name,type,mentions,documents,degree,pagerank,community\r\n")));
        QVERIFY(nodesText.contains(QStringLiteral(",\"Babbage, Charles \"\"the elder\"\"\",PERSON,")));
        QVERIFY(nodesText.contains(QStringLiteral(",\"Analytical\nEngine Co.\",ORGANIZATION,")));
        const QList<gw::CsvRecord> nodes = gw::CsvReader(u',').read(nodesText);
        QCOMPARE(nodes.size(), qsizetype(graph.nodeCount() + 1));
        for (int i = 0; i < graph.nodeCount(); ++i) {
            const QList<gw::CsvCell> &cells = nodes.at(i + 1).cells;
            QCOMPARE(cells.size(), qsizetype(8));
            QCOMPARE(cells.at(0).value, graph.node(i).id);
            QCOMPARE(cells.at(1).value, graph.node(i).name);
            QCOMPARE(cells.at(2).value, graph.node(i).type);
            QCOMPARE(cells.at(3).value.toLongLong(), graph.node(i).mentions);
            QCOMPARE(cells.at(5).value.toLongLong(), metrics.degree.at(i));
            QCOMPARE(cells.at(6).value.toDouble(), metrics.pagerank.at(i));
            QCOMPARE(cells.at(7).value.toInt(), metrics.community.at(i));
        }

        const QList<gw::CsvRecord> edges =
            gw::CsvReader(u',').read(QString::fromUtf8(readAll(QDir(folder).filePath(QStringLiteral("edges.csv")))));
        QCOMPARE(edges.size(), qsizetype(graph.edgeCount() + 1));
        QStringList header;
        for (const gw::CsvCell &cell : edges.front().cells)
            header.append(cell.value);
        QCOMPARE(header.join(u','),
                 QStringLiteral("source,target,source_name,target_name,source_type,target_type,type,"
                                "weight,evidence_document,evidence_start,evidence_end,evidence_chunk,"
                                "evidence_trigger"));
        for (int i = 0; i < graph.edgeCount(); ++i) {
            const gw::GraphEdge &edge = graph.edge(i);
            const QList<gw::CsvCell> &cells = edges.at(i + 1).cells;
            QCOMPARE(cells.size(), qsizetype(13));
            QCOMPARE(cells.at(0).value, graph.node(edge.source).id);
            QCOMPARE(cells.at(3).value, graph.node(edge.target).name);
            QCOMPARE(cells.at(6).value, edge.type);
            QCOMPARE(cells.at(7).value.toDouble(), edge.weight);
            QCOMPARE(cells.at(8).value, edge.evidence.documentPath);
            QCOMPARE(cells.at(12).value, edge.evidence.trigger);
        }

        // Without analytics: the degree is counted, pagerank and community stay empty columns.
        GraphExporter::exportGraph(graph, {}, ExportFormat::Csv, folder);
        const QList<gw::CsvRecord> plain =
            gw::CsvReader(u',').read(QString::fromUtf8(readAll(QDir(folder).filePath(QStringLiteral("nodes.csv")))));
        QCOMPARE(plain.at(1).cells.size(), qsizetype(8));
        QCOMPARE(plain.at(1).cells.at(5).value.toLongLong(), metrics.degree.at(0));
        QVERIFY(plain.at(1).cells.at(6).value.isEmpty());
    }

    void neo4jFolderFollowsTheImportConventions()
    {
        QTemporaryDir dir;
        const KnowledgeGraph graph = sampleGraph();
        const gw::NodeMetrics metrics = sampleMetrics(graph);
        GraphExporter::exportGraph(graph, metrics, ExportFormat::Neo4j, dir.path());
        const QString nodesText = QString::fromUtf8(readAll(dir.filePath(QStringLiteral("nodes.csv"))));
        const QString relationshipsText = QString::fromUtf8(readAll(dir.filePath(QStringLiteral("relationships.csv"))));
        const QString cypher = QString::fromUtf8(readAll(dir.filePath(QStringLiteral("load.cypher"))));
        const QString readme = QString::fromUtf8(readAll(dir.filePath(QStringLiteral("README.txt"))));

        const QList<gw::CsvRecord> nodes = gw::CsvReader(u',').read(nodesText);
        QStringList header;
        for (const gw::CsvCell &cell : nodes.front().cells)
            header.append(cell.value);
        QCOMPARE(header,
                 (QStringList{QStringLiteral("id:ID"), QStringLiteral("name"), QStringLiteral("type"),
                              QStringLiteral("mentions:long"), QStringLiteral("documents:long"),
                              QStringLiteral("degree:long"), QStringLiteral("pagerank:double"),
                              QStringLiteral("community:long"), QStringLiteral(":LABEL")}));
        QCOMPARE(nodes.size(), qsizetype(graph.nodeCount() + 1));
        for (int i = 0; i < graph.nodeCount(); ++i) {
            QCOMPARE(nodes.at(i + 1).cells.at(0).value, graph.node(i).id);
            QCOMPARE(nodes.at(i + 1).cells.at(1).value, graph.node(i).name);
            QCOMPARE(nodes.at(i + 1).cells.last().value, QStringLiteral("Entity;") + graph.node(i).type);
        }

        const QList<gw::CsvRecord> relationships = gw::CsvReader(u',').read(relationshipsText);
        QCOMPARE(relationships.size(), qsizetype(graph.edgeCount() + 1));
        QCOMPARE(relationships.front().cells.at(0).value, QStringLiteral(":START_ID"));
        QCOMPARE(relationships.front().cells.at(1).value, QStringLiteral(":END_ID"));
        QCOMPARE(relationships.front().cells.at(2).value, QStringLiteral(":TYPE"));
        QCOMPARE(relationships.front().cells.at(4).value, QStringLiteral("weight:double"));
        for (int i = 0; i < graph.edgeCount(); ++i) {
            const gw::GraphEdge &edge = graph.edge(i);
            const QList<gw::CsvCell> &cells = relationships.at(i + 1).cells;
            QCOMPARE(cells.at(0).value, graph.node(edge.source).id);
            QCOMPARE(cells.at(1).value, graph.node(edge.target).id);
            QCOMPARE(cells.at(2).value, gw::Neo4jExporter::relationshipTypeFor(edge.type));
            QCOMPARE(cells.at(3).value, edge.type);
            QVERIFY(cypher.contains(QStringLiteral("MERGE (s)-[r:`%1` {type: row.type}]->(t)").arg(cells.at(2).value)));
        }
        QVERIFY(cypher.contains(QStringLiteral("CREATE CONSTRAINT")));
        QVERIFY(cypher.contains(QStringLiteral("MERGE (n:Entity {id: row.`id:ID`})")));
        QVERIFY(cypher.contains(QStringLiteral("SET n:`PERSON`")));
        QVERIFY(readme.contains(QStringLiteral("neo4j-admin database import full")));
        QVERIFY(readme.contains(QStringLiteral("load.cypher")));
    }

    void emptyGraphExportsInEveryFormat()
    {
        QTemporaryDir dir;
        for (const QString &name : GraphExporter::formatNames()) {
            const ExportFormat format = GraphExporter::formatFromName(name);
            const QString path = dir.filePath(QStringLiteral("empty.") + name);
            GraphExporter::exportGraph(KnowledgeGraph(), {}, format, path);
            QVERIFY2(QFileInfo::exists(path), qPrintable(path));
        }
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(readAll(dir.filePath(QStringLiteral("empty.json"))), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(json.object().value(u"nodes").toArray().isEmpty());
        QXmlStreamReader xml(readAll(dir.filePath(QStringLiteral("empty.graphml"))));
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY(!xml.hasError());
    }

    void failedExportThrowsAndLeavesNoFile()
    {
        QTemporaryDir dir;
        const KnowledgeGraph graph = sampleGraph();
        // A regular file where the folder should be: no permission bits can make that writable
        // (the tests may run as root).
        const QString notAFolder = dir.filePath(QStringLiteral("plain-file"));
        QFile plain(notAFolder);
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        for (const QString &name : GraphExporter::formatNames()) {
            const ExportFormat format = GraphExporter::formatFromName(name);
            const QString target = notAFolder + QStringLiteral("/out.") + name;
            try {
                GraphExporter::exportGraph(graph, {}, format, target);
                QFAIL(qPrintable(QStringLiteral("exporting %1 under a file did not fail").arg(name)));
            } catch (const gw::Error &error) {
                QVERIFY2(error.message().contains(QStringLiteral("plain-file")), qPrintable(error.message()));
            }
        }
        QVERIFY_THROWS_EXCEPTION(gw::Error, GraphExporter::exportGraph(graph, {}, ExportFormat::Csv, notAFolder));

        // Metrics of another graph: refused before anything is written; the old file stays whole.
        const QString existing = dir.filePath(QStringLiteral("keep.graphml"));
        GraphExporter::exportGraph(graph, {}, ExportFormat::GraphMl, existing);
        const QByteArray before = readAll(existing);
        gw::NodeMetrics wrong;
        wrong.pagerank = {0.5, 0.5};
        try {
            GraphExporter::exportGraph(graph, wrong, ExportFormat::GraphMl, existing);
            QFAIL("mismatched metrics were accepted");
        } catch (const gw::Error &error) {
            QVERIFY(error.message().contains(QStringLiteral("pagerank")));
        }
        QCOMPARE(readAll(existing), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), qsizetype(2)); // no temporary left
    }
};

namespace {

QString graphMlNamespace()
{
    return QStringLiteral("http://graphml.graphdrawing.org/xmlns");
}

QString gexfNamespace()
{
    return QStringLiteral("http://gexf.net/1.3");
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

gw::GraphNode entity(const QString &name, gw::EntityType type, qint64 mentions, qint64 documents)
{
    return {gw::EntityResolver::entityId(type, gw::EntityResolver::normalizedKey(name, type)), gw::entityTypeName(type),
            name, mentions, documents};
}

// Names with commas, quotes, line breaks and markup; parallel edges; a self-loop; an edge without
// evidence; an isolated node.
KnowledgeGraph sampleGraph()
{
    using gw::EntityType;
    KnowledgeGraph graph;
    const int ada = graph.addNode(entity(QStringLiteral("Ada Lovelace"), EntityType::Person, 12, 3));
    const int babbage =
        graph.addNode(entity(QStringLiteral("Babbage, Charles \"the elder\""), EntityType::Person, 7, 2));
    const int engine = graph.addNode(entity(QStringLiteral("Analytical\nEngine Co."), EntityType::Organization, 4, 1));
    const int zurich = graph.addNode(entity(QStringLiteral("Zürich"), EntityType::Location, 2, 2));
    graph.addNode(entity(QStringLiteral("Tab\there & <xml>"), EntityType::Misc, 1, 1));
    graph.addEdge({ada,
                   babbage,
                   QStringLiteral("works_with"),
                   3,
                   {QStringLiteral("/docs/a.txt"), 10, 52, 0, QStringLiteral("worked with")}});
    graph.addEdge({ada, babbage, QStringLiteral("co_occurs"), 1, {QStringLiteral("/docs/a.txt"), 10, 52, 0, {}}});
    graph.addEdge({babbage,
                   engine,
                   QStringLiteral("founded"),
                   1,
                   {QStringLiteral("/docs/b, \"quoted\".md"), 100, 180, 2, QStringLiteral("set up, then")}});
    graph.addEdge({ada, engine, QStringLiteral("co_occurs"), 2.5, {}});
    graph.addEdge({zurich,
                   zurich,
                   QStringLiteral("located_in"),
                   1,
                   {QStringLiteral("/docs/c.txt"), 0, 9, 0, QStringLiteral("in")}});
    graph.addEdge({engine, zurich, QStringLiteral("located-in"), 1, {}});
    return graph;
}

gw::NodeMetrics sampleMetrics(const KnowledgeGraph &graph)
{
    gw::NodeMetrics metrics;
    for (int i = 0; i < graph.nodeCount(); ++i) {
        metrics.degree.append(0);
        metrics.pagerank.append(1.0 / 3.0 + i * 0.1);
        metrics.community.append(i % 2);
    }
    for (const gw::GraphEdge &edge : graph.edges()) {
        ++metrics.degree[edge.source];
        ++metrics.degree[edge.target];
    }
    return metrics;
}

} // namespace

GW_TEST_MAIN(TstGraphExport)
#include "tst_graphexport.moc"
