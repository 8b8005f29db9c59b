#include "gexfexporter.h"

#include "graph/exportfile.h"
#include "graph/metriccolumns.h"
#include "graph/xmlexportstream.h"
#include "graph/xmlexporttext.h"

#include <QDate>
#include <QXmlStreamWriter>

#include <cmath>

namespace gw {

namespace {

void declareAttribute(QXmlStreamWriter &xml, const QString &id, const char *type)
{
    xml.writeEmptyElement(QStringLiteral("attribute"));
    xml.writeAttribute(QStringLiteral("id"), id);
    xml.writeAttribute(QStringLiteral("title"), id);
    xml.writeAttribute(QStringLiteral("type"), QLatin1String(type));
}

void writeValue(QXmlStreamWriter &xml, const QString &attribute, const QString &value)
{
    xml.writeEmptyElement(QStringLiteral("attvalue"));
    xml.writeAttribute(QStringLiteral("for"), attribute);
    xml.writeAttribute(QStringLiteral("value"), XmlExportText::safe(value));
}

void writeValue(QXmlStreamWriter &xml, const QString &attribute, const QByteArray &value)
{
    writeValue(xml, attribute, QString::fromLatin1(value));
}

} // namespace

void GexfExporter::write(const KnowledgeGraph &graph, const NodeMetrics &metrics, const QString &path,
                         const QList<QPointF> &positions)
{
    const QString viz = QStringLiteral("http://gexf.net/1.3/viz");
    const MetricColumns columns(graph, metrics);
    ExportFile file(path);
    XmlExportStream stream(file);
    QXmlStreamWriter &xml = stream.xml();
    xml.writeDefaultNamespace(QStringLiteral("http://gexf.net/1.3"));
    xml.writeNamespace(QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"), QStringLiteral("xsi"));
    xml.writeNamespace(viz, QStringLiteral("viz")); // the layout: <viz:position> per node
    xml.writeStartElement(QStringLiteral("gexf"));
    xml.writeAttribute(QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"), QStringLiteral("schemaLocation"),
                       QStringLiteral("http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("1.3"));

    xml.writeStartElement(QStringLiteral("meta"));
    xml.writeAttribute(QStringLiteral("lastmodifieddate"), QDate::currentDate().toString(Qt::ISODate));
    xml.writeTextElement(QStringLiteral("creator"), QStringLiteral("Graphwright"));
    xml.writeEndElement();

    xml.writeStartElement(QStringLiteral("graph"));
    xml.writeAttribute(QStringLiteral("defaultedgetype"), QStringLiteral("directed"));
    xml.writeAttribute(QStringLiteral("mode"), QStringLiteral("static"));

    xml.writeStartElement(QStringLiteral("attributes"));
    xml.writeAttribute(QStringLiteral("class"), QStringLiteral("node"));
    declareAttribute(xml, QStringLiteral("name"), "string");
    declareAttribute(xml, QStringLiteral("type"), "string");
    declareAttribute(xml, QStringLiteral("mentions"), "long");
    declareAttribute(xml, QStringLiteral("documents"), "long");
    for (const MetricColumns::Column &column : columns.columns())
        declareAttribute(xml, column.name, column.isInteger ? "long" : "double");
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("attributes"));
    xml.writeAttribute(QStringLiteral("class"), QStringLiteral("edge"));
    declareAttribute(xml, QStringLiteral("type"), "string");
    declareAttribute(xml, QStringLiteral("evidence_document"), "string");
    declareAttribute(xml, QStringLiteral("evidence_start"), "long");
    declareAttribute(xml, QStringLiteral("evidence_end"), "long");
    declareAttribute(xml, QStringLiteral("evidence_chunk"), "long");
    declareAttribute(xml, QStringLiteral("evidence_trigger"), "string");
    xml.writeEndElement();

    xml.writeStartElement(QStringLiteral("nodes"));
    xml.writeAttribute(QStringLiteral("count"), QString::number(graph.nodeCount()));
    for (int i = 0; i < graph.nodeCount(); ++i) {
        const GraphNode &node = graph.node(i);
        xml.writeStartElement(QStringLiteral("node"));
        xml.writeAttribute(QStringLiteral("id"), XmlExportText::safe(node.id));
        xml.writeAttribute(QStringLiteral("label"), XmlExportText::safe(node.name));
        xml.writeStartElement(QStringLiteral("attvalues"));
        writeValue(xml, QStringLiteral("name"), node.name);
        writeValue(xml, QStringLiteral("type"), node.type);
        writeValue(xml, QStringLiteral("mentions"), ExportFile::number(node.mentions));
        writeValue(xml, QStringLiteral("documents"), ExportFile::number(node.documents));
        for (const MetricColumns::Column &column : columns.columns())
            writeValue(xml, column.name, column.textAt(i));
        xml.writeEndElement(); // attvalues
        if (i < positions.size() && std::isfinite(positions.at(i).x()) && std::isfinite(positions.at(i).y())) {
            xml.writeEmptyElement(viz, QStringLiteral("position"));
            xml.writeAttribute(QStringLiteral("x"), QString::fromLatin1(ExportFile::number(positions.at(i).x())));
            // GEXF's y axis points up (Gephi draws it so), the view's down: mirrored, the same picture.
            xml.writeAttribute(QStringLiteral("y"), QString::fromLatin1(ExportFile::number(-positions.at(i).y())));
            xml.writeAttribute(QStringLiteral("z"), QStringLiteral("0"));
        }
        xml.writeEndElement(); // node
        stream.drainIfFull();
    }
    xml.writeEndElement(); // nodes

    xml.writeStartElement(QStringLiteral("edges"));
    xml.writeAttribute(QStringLiteral("count"), QString::number(graph.edgeCount()));
    for (int i = 0; i < graph.edgeCount(); ++i) {
        const GraphEdge &edge = graph.edge(i);
        xml.writeStartElement(QStringLiteral("edge"));
        xml.writeAttribute(QStringLiteral("id"), QString::number(i));
        xml.writeAttribute(QStringLiteral("source"), XmlExportText::safe(graph.node(edge.source).id));
        xml.writeAttribute(QStringLiteral("target"), XmlExportText::safe(graph.node(edge.target).id));
        xml.writeAttribute(QStringLiteral("label"), XmlExportText::safe(edge.type));
        xml.writeAttribute(QStringLiteral("weight"), QString::fromLatin1(ExportFile::number(edge.weight)));
        xml.writeStartElement(QStringLiteral("attvalues"));
        writeValue(xml, QStringLiteral("type"), edge.type);
        const RelationEvidence &evidence = edge.evidence;
        if (!evidence.documentPath.isEmpty()) {
            writeValue(xml, QStringLiteral("evidence_document"), evidence.documentPath);
            writeValue(xml, QStringLiteral("evidence_start"), ExportFile::number(evidence.sentenceStart));
            writeValue(xml, QStringLiteral("evidence_end"), ExportFile::number(evidence.sentenceEnd));
            writeValue(xml, QStringLiteral("evidence_chunk"), ExportFile::number(evidence.chunk));
            if (!evidence.trigger.isEmpty())
                writeValue(xml, QStringLiteral("evidence_trigger"), evidence.trigger);
        }
        xml.writeEndElement(); // attvalues
        xml.writeEndElement(); // edge
        stream.drainIfFull();
    }
    xml.writeEndElement(); // edges
    xml.writeEndElement(); // graph
    xml.writeEndElement(); // gexf
    xml.writeEndDocument();
    stream.finish();
    file.commit();
}

} // namespace gw
