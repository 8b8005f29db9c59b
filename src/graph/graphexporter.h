#pragma once
// Writes a KnowledgeGraph (and the analytics computed for it, if any) in a format other tools
// read. The public entry of the exports; each format has its own small writer class behind it
// (GraphMlExporter, GexfExporter, NodeLinkJsonExporter, CsvTableExporter, Neo4jExporter), all
// writing through ExportFile: streamed, atomic per file, errors naming the file.
#include "graph/knowledgegraph.h"
#include "graph/nodemetrics.h"

#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

namespace gw {

enum class ExportFormat {
    GraphMl,      // one .graphml file (Gephi, Cytoscape, yEd, networkx, igraph)
    Gexf,         // one .gexf file, GEXF 1.3 (Gephi)
    NodeLinkJson, // one .json file, networkx/d3 node_link format
    Csv,          // a folder: nodes.csv and edges.csv (spreadsheets, pandas, TableImporter)
    Neo4j,        // a folder: nodes.csv, relationships.csv, load.cypher, README.txt
};

class GraphExporter
{
public:
    // "graphml", "gexf", "json", "csv", "neo4j" (case-insensitive; also "node-link", "nodelink"
    // for json). Throws Error naming the valid names.
    static ExportFormat formatFromName(const QString &name);
    static QString formatName(ExportFormat format);
    static QStringList formatNames();
    // True for the formats that write a folder of files; `outPath` is then that folder, created
    // when missing. Otherwise `outPath` is the file, in a folder that must exist.
    static bool writesFolder(ExportFormat format);
    // True for the formats that write node positions (GraphML, GEXF).
    static bool carriesPositions(ExportFormat format);

    // Blocks (file I/O): call it off the GUI thread. Throws Error naming the file and the cause;
    // a failed export leaves no partly written file. `metrics` may be empty (nothing computed) or
    // must have one value per node for each computed metric. `positions` (a layout, indexed like
    // the nodes; a node with NaN coordinates has none) may be empty; GraphML writes them as the
    // node attributes x and y, GEXF as viz:position, so Gephi and others open the same picture;
    // the other formats leave them out. Throws std::invalid_argument when `positions` is neither
    // empty nor one per node.
    static void exportGraph(const KnowledgeGraph &graph, const NodeMetrics &metrics, ExportFormat format,
                            const QString &outPath, const QList<QPointF> &positions = {});
};

} // namespace gw
