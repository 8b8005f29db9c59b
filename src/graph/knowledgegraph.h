#pragma once
// The knowledge graph in memory: entities as nodes, relations (merged over documents, one per
// type, subject and object) as directed edges. A plain value, cheap to copy (implicit sharing),
// read-only once built: analytics, conversions and views share one snapshot across threads.
#include "store/curationtable.h"
#include "store/documentrecord.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace gw {

class ProjectStore;

struct GraphNode
{
    QString id;   // the entity's stable id
    QString type; // "PERSON", "ORGANIZATION", ...
    QString name;
    qint64 mentions = 0;  // in all documents
    qint64 documents = 0; // documents mentioning it (at least: see aliasIds)
    // Entities of the project merged into this node across documents (fromStore): their ids and
    // names. Their mentions are counted in `mentions`; `documents` is the largest of the counts.
    QStringList aliasIds;
    QStringList aliases;
};

struct GraphEdge
{
    int source = -1; // node indices (subject -> object)
    int target = -1;
    QString type;              // "works_for", ..., "co_occurs", "similar_to"
    double weight = 1;         // the summed weight of its evidence: sentences, or an imported edge list's
                               // weights, or a similarity for derived edges
    RelationEvidence evidence; // the first evidence (for an imported table: its row); empty for derived edges
};

class KnowledgeGraph
{
public:
    // Everything the project holds now. Blocks: call it off the GUI thread. Throws StoreError.
    // Extraction merges entities within a document and by exact key across documents; this also
    // resolves across documents what one document alone cannot (a deterministic function of the
    // project's entities, so the same project always gives the same graph):
    //   - one sense per name: PERSON, ORGANIZATION, LOCATION and MISC entities with the same
    //     name (ignoring case and spacing) are one node, of the type with the most mentions
    //     among the typed ones ("God" PERSON 40, LOCATION 2, MISC 9: one PERSON node); MISC
    //     only when no document typed it (or when the place was read from weak evidence only,
    //     every mention at most 0.6, and MISC has as many mentions). The node keeps that entity's id, so a type that
    //     changes as documents arrive never leaves the old node behind;
    //   - a lone surname ("Babbage", PERSON or MISC) joins the one multi-word PERSON it ends
    //     ("Charles Babbage") when exactly one does, unless that one begins with the name of a
    //     place or organisation of the project (two names glued: "Lachish Joshua").
    // Then the curation edits in force (CurationRules: merge, rename, retype, hide) apply.
    // Relations follow their entities; relations that become self-loops are dropped and parallel
    // ones of the same type are summed.
    //
    // Edges::Significant leaves out the co-occurrences that are not significant (isSignificant):
    // what views and exports show unless asked for everything.
    enum class Resolution { AcrossDocuments, None };
    enum class Edges { All, Significant };
    static KnowledgeGraph fromStore(ProjectStore &store, Resolution resolution = Resolution::AcrossDocuments,
                                    Edges edges = Edges::All);
    // fromStore() in two steps: what it reads, and the graph it makes of that with the curation
    // edits in force (the window makes a curated graph again from rows it kept, in memory).
    struct Rows
    {
        QList<StoredEntity> entities;
        QList<StoredRelation> relations;
        QList<int> resolved; // the resolution across documents of `entities` (empty: not made yet)
    };
    static Rows readRows(ProjectStore &store);
    static KnowledgeGraph build(const Rows &rows, const QList<CurationEdit> &edits,
                                Resolution resolution = Resolution::AcrossDocuments, Edges edges = Edges::All);

    // Two names seen together in one sentence is mostly chance (a list, a table row); in at least
    // this many sentences of the project, it says something about them.
    static constexpr double significantCoOccurrence = 2;
    // A typed relation (stated in the text or imported), or a co-occurrence in at least
    // significantCoOccurrence sentences.
    static bool isSignificant(const GraphEdge &edge);
    // PERSON, ORGANIZATION, LOCATION, MISC: names, which resolution and the review queue pair up
    // (not dates, amounts, addresses).
    static bool isNameType(const QString &type);

    // Adds a node; a node with the same id is not added twice (its index is returned).
    int addNode(const GraphNode &node);
    // Adds an edge between existing node indices; returns its index. Throws std::out_of_range
    // for an index that is not a node.
    int addEdge(const GraphEdge &edge);

    int nodeCount() const { return int(m_nodes.size()); }
    int edgeCount() const { return int(m_edges.size()); }
    const GraphNode &node(int index) const { return m_nodes.at(index); }
    const GraphEdge &edge(int index) const { return m_edges.at(index); }
    const QList<GraphNode> &nodes() const { return m_nodes; }
    const QList<GraphEdge> &edges() const { return m_edges; }

    // The node of entity `id`, also when `id` was merged into another node (aliasIds).
    int indexOf(const QString &id) const { return m_indexById.value(id, -1); }
    // Nodes whose name matches `name` ignoring case and spacing; when none does, the nodes whose
    // name starts with it. Most mentioned first.
    QList<int> findByName(const QString &name) const;

private:
    // The relation edits among `edits` (CurationRules), in order, on the edges build() made;
    // `edgeByKey` is build()'s index of them (by type, then packed (source, target)).
    static void applyRelationEdits(KnowledgeGraph &graph, QHash<QString, QHash<quint64, int>> &edgeByKey,
                                   const QList<CurationEdit> &edits);
    QList<GraphNode> m_nodes;
    QList<GraphEdge> m_edges;
    QHash<QString, int> m_indexById;
};

} // namespace gw
