#pragma once
// GraphML (graphml.graphdrawing.org), as Gephi, Cytoscape, yEd, networkx and igraph read it:
// every attribute declared by a <key> with for= and attr.type=, a directed graph, nodes with
// label/name/type/mentions/documents and the computed metrics, edges with label/type/weight and
// their first evidence (document, sentence offsets, chunk, trigger).
//
// Node ids are the entities' stable ids (so the file joins with the CSV and JSON exports); when
// one is not a valid GraphML id (only possible for graphs not made from a project) all nodes are
// numbered "n0", "n1", ... instead and the entity id goes into the "entity_id" attribute.
#include "graph/knowledgegraph.h"
#include "graph/nodemetrics.h"

#include <QList>
#include <QPointF>

namespace gw {

class GraphMlExporter
{
public:
    // `positions`: empty, or one per node (NaN coordinates: no position for that node).
    static void write(const KnowledgeGraph &graph, const NodeMetrics &metrics, const QString &path,
                      const QList<QPointF> &positions = {});
};

} // namespace gw
