#pragma once
// GEXF 1.3 (gexf.net), Gephi's own format: node and edge attributes declared in
// <attributes class="node"|"edge">, a directed static graph, node label = name, edge label =
// relation type and weight = the edge's weight; the same attributes as the GraphML export.
#include "graph/knowledgegraph.h"
#include "graph/nodemetrics.h"

#include <QList>
#include <QPointF>

namespace gw {

class GexfExporter
{
public:
    // `positions`: empty, or one per node (NaN coordinates: no position for that node).
    static void write(const KnowledgeGraph &graph, const NodeMetrics &metrics, const QString &path,
                      const QList<QPointF> &positions = {});
};

} // namespace gw
