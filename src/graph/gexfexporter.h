#pragma once
// GEXF 1.3 (gexf.net), Gephi's own format: node and edge attributes declared in
// <attributes class="node"|"edge">, a directed static graph, node label = name, edge label =
// relation type and weight = the edge's weight; the same attributes as the GraphML export.
#include "graph/knowledgegraph.h"
#include "graph/nodemetrics.h"

namespace gw {

class GexfExporter
{
public:
    static void write(const KnowledgeGraph &graph, const NodeMetrics &metrics, const QString &path);
};

} // namespace gw
