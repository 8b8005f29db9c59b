#pragma once
// What the graph views show of a project at one moment: the graph, its analytics, node positions
// and the similar-entity index. Made off the GUI thread by ProjectGraph::loadSnapshot().
#include "graph/knowledgegraph.h"
#include "graph/nodemetrics.h"
#include "graph/similarentities.h"

#include <QList>
#include <QPointF>
#include <QString>

#include <atomic>
#include <memory>

namespace gw {

struct GraphSnapshot
{
    KnowledgeGraph graph;
    NodeMetrics metrics;
    QList<QPointF> positions;
    std::shared_ptr<const SimilarEntities> similar;
    QString similarError; // the embeddings failed; the rest is fine
    int documents = 0;    // stored ('done') documents of the project
    // What the graph was made of, and which edges it keeps: a curation edit is shown by making
    // the graph again from these, in memory, without reading the project again.
    std::shared_ptr<const KnowledgeGraph::Rows> rows;
    KnowledgeGraph::Edges edges = KnowledgeGraph::Edges::All;
};

// Where a snapshot load is: written by its worker, sampled by a view's timer (never a signal per
// step).
struct GraphLoadProgress
{
    enum Stage { Reading, Analysing, Layout, Embedding };
    Stage stage = Reading;
    double fraction = 0; // of the layout stage
    int nodes = 0;
};

} // namespace gw
