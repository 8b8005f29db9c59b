#pragma once
// The curation edits in force (CurationTable), applied to the project's entities whenever the
// graph is read (KnowledgeGraph::fromStore). Edits name entities by their stable ids, so they hold
// for documents ingested again or added later, and undoing one is dropping it: nothing in the
// documents' rows is rewritten, and a merge costs the same whatever the mention count.
//
//   merge  {ids, into, name?, type?}  the entities' nodes become one: the node of `into`, the
//                                    others its aliases; optionally with a new name or type
//   rename {id, name}                the node of `id` is shown with `name`
//   retype {id, type}                the node of `id` gets `type`
//   hide   {id}  / unhide {id}       the node of `id` (and its edges) leaves the graph / returns
//   split  {ids}                     the entities (of one name) leave the node they were merged
//                                    into (automatically or by a merge): a node of their own
//   distinct {ids: [a, b]}           a person said a and b are different: the review queue
//                                    (MergeSuggestions) does not propose them again; the graph
//                                    does not change
//   relation-delete {source, target, type}        the edge of `type` between the nodes of the
//                                                  two entities leaves the graph
//   relation-retype {source, target, type, to}    that edge gets type `to`
//   relation-add {source, target, type, note}     a new edge, the note its evidence
//   (co_occurs edges are undirected: source and target match either way round)
//
// Every payload may also carry "names": the names the person saw, for listings and messages.
#include "store/curationtable.h"
#include "store/documentrecord.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace gw {

class CurationRules
{
public:
    explicit CurationRules(QList<CurationEdit> edits = {}) : m_edits(std::move(edits)) {}
    bool isEmpty() const { return m_edits.isEmpty(); }

    struct NodeOverride
    {
        QString name; // empty: unchanged
        QString type; // empty: unchanged
        bool hidden = false;
    };
    // `target` maps each entity index to the index of the entity whose node it joins (itself when
    // none), as the automatic resolution left it; merges join those groups further. Returns what
    // the edits change on each group, by the index of its entity (the node's).
    QHash<int, NodeOverride> apply(const QList<StoredEntity> &entities, QList<int> &target) const;

    // `names`: the names of `ids`, then the name of `into` (for describe()).
    static CurationEdit merge(const QStringList &ids, const QString &into, const QString &name, const QString &type,
                              const QStringList &names);
    static CurationEdit split(const QStringList &ids, const QString &name);
    static CurationEdit distinct(const QString &a, const QString &b, const QString &nameA, const QString &nameB);
    static CurationEdit rename(const QString &id, const QString &name, const QString &oldName);
    static CurationEdit retype(const QString &id, const QString &type, const QString &name);
    static CurationEdit hide(const QString &id, const QString &name);
    static CurationEdit unhide(const QString &id, const QString &name);

    // Relation edits, by the entity ids of the edge's ends (as the graph showed them); `names`:
    // the names of source and target.
    static CurationEdit deleteRelation(const QString &source, const QString &target, const QString &type,
                                       const QStringList &names);
    static CurationEdit retypeRelation(const QString &source, const QString &target, const QString &type,
                                       const QString &newType, const QStringList &names);
    static CurationEdit addRelation(const QString &source, const QString &target, const QString &type,
                                    const QString &note, const QStringList &names);
    static bool isRelationEdit(const CurationEdit &edit);

    // One line a person reads: "merge Abram into Abraham, a PERSON".
    static QString describe(const CurationEdit &edit);

    // The file `curate export` writes and `curate import` reads: {"graphwright_curation": 1,
    // "edits": [{"kind": ..., ...payload}]}, the edits in force in order.
    static QJsonObject toJson(const QList<CurationEdit> &edits);
    // Throws Error naming what is wrong (an unknown kind, a missing id).
    static QList<CurationEdit> fromJson(const QJsonObject &json);

private:
    QList<CurationEdit> m_edits;
};

} // namespace gw
