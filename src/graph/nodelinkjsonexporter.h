#pragma once
// JSON in networkx's node_link format (also what d3-force examples load):
//   {"directed": true, "multigraph": true, "graph": {...},
//    "nodes": [{"id": <entity id>, "name": ..., "type": ..., "mentions": ..., <metrics>}],
//    "links": [{"source": <id>, "target": <id>, "key": 0, "type": ..., "weight": ..., "evidence_*": ...}]}
// networkx.node_link_graph(data, edges="links") reads it back as a MultiDiGraph. "key" numbers the
// edges between the same two nodes (0, 1, ...), as networkx does. Non-finite numbers become null.
#include "graph/knowledgegraph.h"
#include "graph/nodemetrics.h"

namespace gw {

class NodeLinkJsonExporter
{
public:
    static void write(const KnowledgeGraph &graph, const NodeMetrics &metrics, const QString &path);
};

} // namespace gw
