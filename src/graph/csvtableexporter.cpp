#include "csvtableexporter.h"

#include "graph/csvrowwriter.h"
#include "graph/exportfile.h"
#include "graph/metriccolumns.h"

#include <QDir>

namespace gw {

void CsvTableExporter::write(const KnowledgeGraph &graph, const NodeMetrics &metrics, const QString &folder)
{
    const MetricColumns metricColumns(graph, metrics);
    // A fixed head (so scripts can rely on it), then whatever else was computed.
    const QStringList fixed = {QStringLiteral("degree"), QStringLiteral("pagerank"), QStringLiteral("community")};
    QList<const MetricColumns::Column *> columns;
    for (const QString &name : fixed)
        columns.append(metricColumns.find(name)); // nullptr: an empty column
    for (const MetricColumns::Column &column : metricColumns.columns())
        if (!fixed.contains(column.name))
            columns.append(&column);

    const QDir dir(folder);
    ExportFile nodesFile(dir.filePath(nodesFileName()));
    ExportFile edgesFile(dir.filePath(edgesFileName()));

    CsvRowWriter nodes(nodesFile);
    for (const char *name : {"id", "name", "type", "mentions", "documents"})
        nodes.field(QString::fromLatin1(name));
    for (qsizetype c = 0; c < columns.size(); ++c)
        nodes.field(c < fixed.size() ? fixed.at(c) : columns.at(c)->name);
    nodes.endRow();
    for (int i = 0; i < graph.nodeCount(); ++i) {
        const GraphNode &node = graph.node(i);
        nodes.field(node.id);
        nodes.field(node.name);
        nodes.field(node.type);
        nodes.field(node.mentions);
        nodes.field(node.documents);
        for (const MetricColumns::Column *column : std::as_const(columns)) {
            if (!column)
                nodes.empty();
            else if (column->isInteger)
                nodes.field(column->integerAt(i));
            else
                nodes.field(column->realAt(i));
        }
        nodes.endRow();
    }

    CsvRowWriter edges(edgesFile);
    for (const char *name :
         {"source", "target", "source_name", "target_name", "source_type", "target_type", "type", "weight",
          "evidence_document", "evidence_start", "evidence_end", "evidence_chunk", "evidence_trigger"})
        edges.field(QString::fromLatin1(name));
    edges.endRow();
    for (const GraphEdge &edge : graph.edges()) {
        const GraphNode &source = graph.node(edge.source);
        const GraphNode &target = graph.node(edge.target);
        edges.field(source.id);
        edges.field(target.id);
        edges.field(source.name);
        edges.field(target.name);
        edges.field(source.type);
        edges.field(target.type);
        edges.field(edge.type);
        edges.field(edge.weight);
        edges.evidence(edge.evidence);
        edges.endRow();
    }

    nodesFile.commit();
    edgesFile.commit();
}

} // namespace gw
