#include "knowledgegraph.h"

#include "store/projectstore.h"

#include <algorithm>
#include <stdexcept>

namespace gw {

namespace {

QString comparable(const QString &name)
{
    return name.simplified().toCaseFolded();
}

} // namespace

KnowledgeGraph KnowledgeGraph::fromStore(ProjectStore &store)
{
    // Two reads; an entity a relation names but that vanished between them (a concurrent
    // removal) is skipped rather than invented.
    KnowledgeGraph graph;
    const QList<StoredEntity> entities = store.entities();
    graph.m_nodes.reserve(entities.size());
    for (const StoredEntity &entity : entities)
        graph.addNode({entity.id, entity.type, entity.name, entity.mentions, entity.documents});
    const QList<StoredRelation> relations = store.relations();
    graph.m_edges.reserve(relations.size());
    for (const StoredRelation &relation : relations) {
        const int source = graph.indexOf(relation.subjectId);
        const int target = graph.indexOf(relation.objectId);
        if (source < 0 || target < 0)
            continue;
        graph.addEdge({source, target, relation.type, double(relation.weight), relation.evidence});
    }
    return graph;
}

int KnowledgeGraph::addNode(const GraphNode &node)
{
    const auto found = m_indexById.constFind(node.id);
    if (found != m_indexById.constEnd())
        return found.value();
    m_nodes.append(node);
    const int index = int(m_nodes.size()) - 1;
    m_indexById.insert(node.id, index);
    return index;
}

int KnowledgeGraph::addEdge(const GraphEdge &edge)
{
    if (edge.source < 0 || edge.source >= nodeCount() || edge.target < 0 || edge.target >= nodeCount())
        throw std::out_of_range("KnowledgeGraph::addEdge: node index out of range");
    m_edges.append(edge);
    return int(m_edges.size()) - 1;
}

QList<int> KnowledgeGraph::findByName(const QString &name) const
{
    const QString wanted = comparable(name);
    QList<int> exact, prefix;
    if (wanted.isEmpty())
        return exact;
    for (int i = 0; i < nodeCount(); ++i) {
        const QString candidate = comparable(m_nodes.at(i).name);
        if (candidate == wanted)
            exact.append(i);
        else if (candidate.startsWith(wanted))
            prefix.append(i);
    }
    QList<int> &out = exact.isEmpty() ? prefix : exact;
    std::stable_sort(out.begin(), out.end(), [this](int a, int b) { return m_nodes.at(a).mentions > m_nodes.at(b).mentions; });
    return out;
}

} // namespace gw
