#include "nodelinkjsonexporter.h"

#include "graph/exportfile.h"
#include "graph/metriccolumns.h"

#include <QHash>
#include <QtNumeric>

namespace gw {

namespace {

// A JSON string literal, UTF-8. Written by hand: QJsonDocument would build the whole document.
void writeString(ExportFile &file, const QString &text)
{
    QByteArray out;
    out.reserve(text.size() + 2);
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (uchar(c) < 0x20) {
                out += "\\u00";
                out += "0123456789abcdef"[uchar(c) >> 4];
                out += "0123456789abcdef"[uchar(c) & 0xF];
            } else {
                out += c;
            }
        }
    }
    out += '"';
    file.write(QByteArrayView(out));
}

void writeReal(ExportFile &file, double value)
{
    if (qIsFinite(value))
        file.write(QByteArrayView(ExportFile::number(value)));
    else
        file.write("null");
}

void writeKey(ExportFile &file, const char *key)
{
    file.write(",\"");
    file.write(key);
    file.write("\":");
}

} // namespace

void NodeLinkJsonExporter::write(const KnowledgeGraph &graph, const NodeMetrics &metrics, const QString &path)
{
    const MetricColumns columns(graph, metrics);
    QList<QByteArray> metricKeys;
    for (const MetricColumns::Column &column : columns.columns())
        metricKeys.append(column.name.toUtf8());

    ExportFile file(path);
    file.write("{\"directed\":true,\"multigraph\":true,\"graph\":{\"generator\":\"Graphwright\"},\n\"nodes\":[");
    for (int i = 0; i < graph.nodeCount(); ++i) {
        const GraphNode &node = graph.node(i);
        file.write(i == 0 ? "\n{\"id\":" : ",\n{\"id\":");
        writeString(file, node.id);
        writeKey(file, "name");
        writeString(file, node.name);
        writeKey(file, "type");
        writeString(file, node.type);
        writeKey(file, "mentions");
        file.write(QByteArrayView(ExportFile::number(node.mentions)));
        writeKey(file, "documents");
        file.write(QByteArrayView(ExportFile::number(node.documents)));
        for (qsizetype c = 0; c < columns.columns().size(); ++c) {
            const MetricColumns::Column &column = columns.columns().at(c);
            writeKey(file, metricKeys.at(c).constData());
            if (column.isInteger)
                file.write(QByteArrayView(ExportFile::number(column.integerAt(i))));
            else
                writeReal(file, column.realAt(i));
        }
        file.write("}");
    }
    file.write("\n],\n\"links\":[");
    // networkx keys parallel edges per (source, target) pair: 0, 1, 2, ...
    QHash<QPair<int, int>, int> keys;
    for (int i = 0; i < graph.edgeCount(); ++i) {
        const GraphEdge &edge = graph.edge(i);
        file.write(i == 0 ? "\n{\"source\":" : ",\n{\"source\":");
        writeString(file, graph.node(edge.source).id);
        writeKey(file, "target");
        writeString(file, graph.node(edge.target).id);
        writeKey(file, "key");
        file.write(QByteArrayView(ExportFile::number(qint64(keys[qMakePair(edge.source, edge.target)]++))));
        writeKey(file, "type");
        writeString(file, edge.type);
        writeKey(file, "weight");
        writeReal(file, edge.weight);
        const RelationEvidence &evidence = edge.evidence;
        if (!evidence.documentPath.isEmpty()) {
            writeKey(file, "evidence_document");
            writeString(file, evidence.documentPath);
            writeKey(file, "evidence_start");
            file.write(QByteArrayView(ExportFile::number(evidence.sentenceStart)));
            writeKey(file, "evidence_end");
            file.write(QByteArrayView(ExportFile::number(evidence.sentenceEnd)));
            writeKey(file, "evidence_chunk");
            file.write(QByteArrayView(ExportFile::number(evidence.chunk)));
            if (!evidence.trigger.isEmpty()) {
                writeKey(file, "evidence_trigger");
                writeString(file, evidence.trigger);
            }
        }
        file.write("}");
    }
    file.write("\n]}\n");
    file.commit();
}

} // namespace gw
