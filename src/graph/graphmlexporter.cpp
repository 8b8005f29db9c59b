#include "graphmlexporter.h"

#include "graph/exportfile.h"
#include "graph/metriccolumns.h"
#include "graph/xmlexportstream.h"
#include "graph/xmlexporttext.h"

#include <QXmlStreamWriter>

#include <algorithm>
#include <cmath>

namespace gw {

namespace {

void declareKey(QXmlStreamWriter &xml, const QString &id, const char *forWhat, const QString &name, const char *type)
{
    xml.writeEmptyElement(QStringLiteral("key"));
    xml.writeAttribute(QStringLiteral("id"), id);
    xml.writeAttribute(QStringLiteral("for"), QLatin1String(forWhat));
    xml.writeAttribute(QStringLiteral("attr.name"), name);
    xml.writeAttribute(QStringLiteral("attr.type"), QLatin1String(type));
}

void writeData(QXmlStreamWriter &xml, const QString &key, const QString &value)
{
    xml.writeStartElement(QStringLiteral("data"));
    xml.writeAttribute(QStringLiteral("key"), key);
    XmlExportText::writeCharacters(xml, value);
    xml.writeEndElement();
}

void writeData(QXmlStreamWriter &xml, const QString &key, const QByteArray &value)
{
    writeData(xml, key, QString::fromLatin1(value));
}

} // namespace

void GraphMlExporter::write(const KnowledgeGraph &graph, const NodeMetrics &metrics, const QString &path,
                            const QList<QPointF> &positions)
{
    const auto placed = [&positions](int index) {
        return index < positions.size() && std::isfinite(positions.at(index).x())
            && std::isfinite(positions.at(index).y());
    };
    bool anyPlaced = false;
    for (int i = 0; i < positions.size() && !anyPlaced; ++i)
        anyPlaced = placed(i);
    const MetricColumns columns(graph, metrics);
    const QList<GraphNode> &nodes = graph.nodes();
    const bool entityIdsAsNodeIds = std::all_of(
        nodes.cbegin(), nodes.cend(), [](const GraphNode &node) { return XmlExportText::isNameToken(node.id); });
    const auto nodeId = [&](int index) {
        return entityIdsAsNodeIds ? nodes.at(index).id : QStringLiteral("n%1").arg(index);
    };

    ExportFile file(path);
    XmlExportStream stream(file);
    QXmlStreamWriter &xml = stream.xml();
    xml.writeDefaultNamespace(QStringLiteral("http://graphml.graphdrawing.org/xmlns"));
    xml.writeNamespace(QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"), QStringLiteral("xsi"));
    xml.writeStartElement(QStringLiteral("graphml"));
    xml.writeAttribute(QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"), QStringLiteral("schemaLocation"),
                       QStringLiteral("http://graphml.graphdrawing.org/xmlns "
                                      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"));

    // "label" is what Gephi shows; "name" is what Cytoscape keys nodes by.
    declareKey(xml, QStringLiteral("n_label"), "node", QStringLiteral("label"), "string");
    declareKey(xml, QStringLiteral("n_name"), "node", QStringLiteral("name"), "string");
    declareKey(xml, QStringLiteral("n_type"), "node", QStringLiteral("type"), "string");
    if (!entityIdsAsNodeIds)
        declareKey(xml, QStringLiteral("n_entity_id"), "node", QStringLiteral("entity_id"), "string");
    declareKey(xml, QStringLiteral("n_mentions"), "node", QStringLiteral("mentions"), "long");
    declareKey(xml, QStringLiteral("n_documents"), "node", QStringLiteral("documents"), "long");
    for (const MetricColumns::Column &column : columns.columns())
        declareKey(xml, QStringLiteral("n_") + column.name, "node", column.name, column.isInteger ? "long" : "double");
    // The layout: node attributes "x" and "y", as Gephi's GraphML import and networkx read them.
    if (anyPlaced) {
        declareKey(xml, QStringLiteral("n_x"), "node", QStringLiteral("x"), "double");
        declareKey(xml, QStringLiteral("n_y"), "node", QStringLiteral("y"), "double");
    }
    declareKey(xml, QStringLiteral("e_label"), "edge", QStringLiteral("label"), "string");
    declareKey(xml, QStringLiteral("e_type"), "edge", QStringLiteral("type"), "string");
    declareKey(xml, QStringLiteral("e_weight"), "edge", QStringLiteral("weight"), "double");
    declareKey(xml, QStringLiteral("e_evidence_document"), "edge", QStringLiteral("evidence_document"), "string");
    declareKey(xml, QStringLiteral("e_evidence_start"), "edge", QStringLiteral("evidence_start"), "long");
    declareKey(xml, QStringLiteral("e_evidence_end"), "edge", QStringLiteral("evidence_end"), "long");
    declareKey(xml, QStringLiteral("e_evidence_chunk"), "edge", QStringLiteral("evidence_chunk"), "long");
    declareKey(xml, QStringLiteral("e_evidence_trigger"), "edge", QStringLiteral("evidence_trigger"), "string");

    xml.writeStartElement(QStringLiteral("graph"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("G"));
    xml.writeAttribute(QStringLiteral("edgedefault"), QStringLiteral("directed"));
    for (int i = 0; i < graph.nodeCount(); ++i) {
        const GraphNode &node = nodes.at(i);
        xml.writeStartElement(QStringLiteral("node"));
        xml.writeAttribute(QStringLiteral("id"), nodeId(i));
        writeData(xml, QStringLiteral("n_label"), node.name);
        writeData(xml, QStringLiteral("n_name"), node.name);
        writeData(xml, QStringLiteral("n_type"), node.type);
        if (!entityIdsAsNodeIds)
            writeData(xml, QStringLiteral("n_entity_id"), node.id);
        writeData(xml, QStringLiteral("n_mentions"), ExportFile::number(node.mentions));
        writeData(xml, QStringLiteral("n_documents"), ExportFile::number(node.documents));
        for (const MetricColumns::Column &column : columns.columns())
            writeData(xml, QStringLiteral("n_") + column.name, column.textAt(i));
        if (placed(i)) {
            writeData(xml, QStringLiteral("n_x"), ExportFile::number(positions.at(i).x()));
            writeData(xml, QStringLiteral("n_y"), ExportFile::number(positions.at(i).y()));
        }
        xml.writeEndElement();
        stream.drainIfFull();
    }
    for (int i = 0; i < graph.edgeCount(); ++i) {
        const GraphEdge &edge = graph.edge(i);
        xml.writeStartElement(QStringLiteral("edge"));
        xml.writeAttribute(QStringLiteral("id"), QStringLiteral("e%1").arg(i));
        xml.writeAttribute(QStringLiteral("source"), nodeId(edge.source));
        xml.writeAttribute(QStringLiteral("target"), nodeId(edge.target));
        writeData(xml, QStringLiteral("e_label"), edge.type);
        writeData(xml, QStringLiteral("e_type"), edge.type);
        writeData(xml, QStringLiteral("e_weight"), ExportFile::number(edge.weight));
        const RelationEvidence &evidence = edge.evidence;
        if (!evidence.documentPath.isEmpty()) {
            writeData(xml, QStringLiteral("e_evidence_document"), evidence.documentPath);
            writeData(xml, QStringLiteral("e_evidence_start"), ExportFile::number(evidence.sentenceStart));
            writeData(xml, QStringLiteral("e_evidence_end"), ExportFile::number(evidence.sentenceEnd));
            writeData(xml, QStringLiteral("e_evidence_chunk"), ExportFile::number(evidence.chunk));
            if (!evidence.trigger.isEmpty())
                writeData(xml, QStringLiteral("e_evidence_trigger"), evidence.trigger);
        }
        xml.writeEndElement();
        stream.drainIfFull();
    }
    xml.writeEndElement(); // graph
    xml.writeEndElement(); // graphml
    xml.writeEndDocument();
    stream.finish();
    file.commit();
}

} // namespace gw
