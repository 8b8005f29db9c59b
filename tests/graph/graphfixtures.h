#pragma once
// Known graphs for the graph layer's tests (header-only): their analytics results can be worked
// out by hand.

#include "graph/knowledgegraph.h"

#include <QRandomGenerator>
#include <QString>

namespace gw::testing {

inline GraphNode graphNode(const QString &id, const QString &type = QStringLiteral("PERSON"))
{
    return {id, type, id.toUpper(), 1, 1};
}

inline int addNamedNode(KnowledgeGraph &graph, const QString &id)
{
    return graph.addNode(graphNode(id));
}

// Every pair of `nodes` linked once (lower index -> higher index).
inline void linkAllPairs(KnowledgeGraph &graph, const QList<int> &nodes, double weight = 1)
{
    for (qsizetype i = 0; i < nodes.size(); ++i)
        for (qsizetype j = i + 1; j < nodes.size(); ++j)
            graph.addEdge({nodes.at(i), nodes.at(j), QStringLiteral("knows"), weight});
}

// Two cliques of `size` nodes ("a0".."a4" are nodes 0..size-1, "b0".."b4" the next size), joined by
// one bridge from the last a to the first b (indices size-1 -> size).
inline KnowledgeGraph twoCliquesWithBridge(int size = 5)
{
    KnowledgeGraph graph;
    QList<int> a, b;
    for (int i = 0; i < size; ++i)
        a.append(addNamedNode(graph, QStringLiteral("a%1").arg(i)));
    for (int i = 0; i < size; ++i)
        b.append(addNamedNode(graph, QStringLiteral("b%1").arg(i)));
    linkAllPairs(graph, a);
    linkAllPairs(graph, b);
    graph.addEdge({a.last(), b.first(), QStringLiteral("bridge"), 1});
    return graph;
}

// A centre (node 0) that `leaves` nodes point to.
inline KnowledgeGraph inwardStar(int leaves)
{
    KnowledgeGraph graph;
    const int centre = addNamedNode(graph, QStringLiteral("centre"));
    for (int i = 0; i < leaves; ++i)
        graph.addEdge({addNamedNode(graph, QStringLiteral("leaf%1").arg(i)), centre, QStringLiteral("cites"), 1});
    return graph;
}

// `nodes` nodes and `edges` relations between uniformly random pairs (self-relations and
// parallel relations possible, as in real extractions), weights 1..5; repeatable for a seed.
inline KnowledgeGraph randomGraph(int nodes, int edges, quint32 seed = 7)
{
    KnowledgeGraph graph;
    for (int i = 0; i < nodes; ++i)
        addNamedNode(graph, QStringLiteral("n%1").arg(i));
    QRandomGenerator random(seed);
    for (int e = 0; e < edges; ++e)
        graph.addEdge({int(random.bounded(nodes)), int(random.bounded(nodes)), QStringLiteral("related_to"),
                       double(1 + random.bounded(5))});
    return graph;
}

} // namespace gw::testing
