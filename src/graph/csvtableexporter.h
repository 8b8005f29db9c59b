#pragma once
// The graph as two tables (graph -> tables), in a folder:
//   nodes.csv  id,name,type,mentions,documents,degree,pagerank,community[,weighted_degree,
//              component,betweenness,coreness]  (pagerank and community are always columns,
//              empty when not computed; the later ones appear only when computed)
//   edges.csv  source,target,source_name,target_name,source_type,target_type,type,weight,
//              evidence_document,evidence_start,evidence_end,evidence_chunk,evidence_trigger
// source/target are entity ids; TableImporter reads edges.csv (and nodes.csv) back by the
// *_name and *_type columns, giving the same ids again. Both files are committed together at
// the end: a failure leaves neither half written.
#include "graph/knowledgegraph.h"
#include "graph/nodemetrics.h"

namespace gw {

class CsvTableExporter
{
public:
    static QString nodesFileName() { return QStringLiteral("nodes.csv"); }
    static QString edgesFileName() { return QStringLiteral("edges.csv"); }

    // `folder` must exist.
    static void write(const KnowledgeGraph &graph, const NodeMetrics &metrics, const QString &folder);
};

} // namespace gw
