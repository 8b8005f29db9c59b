#include "knowledgegraph.h"

#include "curationrules.h"
#include "store/curationtable.h"
#include "store/projectschema.h"
#include "store/projectstore.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace gw {

namespace {

QString comparable(const QString &name)
{
    return name.simplified().toCaseFolded();
}

// For each entity, the index of the entity it merges into (itself when none); see fromStore.
QList<int> resolveAcrossDocuments(const QList<StoredEntity> &entities)
{
    QList<int> target(entities.size());
    std::iota(target.begin(), target.end(), 0);
    const QString person = QStringLiteral("PERSON");
    const QString misc = QStringLiteral("MISC");

    // One sense per name: the name entities spelled alike, whatever type each document gave
    // them, become one. The typed one with the most mentions wins (those of a name read only from
    // weak evidence count half against one read with evidence; MISC often only says that a
    // document had no evidence), unless the MISC one has more than `typedMinority` times its
    // mentions: then the typed ones are a few misreadings of a name the project mostly reads as
    // something else ("SQLite" once a place, "PostgreSQL" once a person, in a set of manuals).
    // Ties go to the smaller id, so the choice never depends on order.
    // Each name made comparable once: the loops below look at it up to three times.
    constexpr int typedMinority = 4;
    QList<QString> names(entities.size());
    for (int i = 0; i < entities.size(); ++i)
        if (KnowledgeGraph::isNameType(entities.at(i).type))
            names[i] = comparable(entities.at(i).name);
    // Weak evidence: every mention of the entity read at most this sure ("in X", a name listed
    // with names of a type, a lone given name).
    constexpr double weakEvidence = 0.6;
    const auto weak = [](const StoredEntity &e) { return e.mentions > 0 && e.strongestMention <= weakEvidence; };
    // Against a twin read only from weak evidence, a name read with evidence counts twice: "Wadsworth"
    // the publisher ("Models in S. Wadsworth & Brooks/Cole.", 0.9) is no person for being listed
    // after two authors ("J. M. Chambers and T. J. Hastie, Wadsworth & Brooks/Cole", 0.6).
    const auto more = [&](int a, int b) {
        const StoredEntity &x = entities.at(a), &y = entities.at(b);
        const qint64 xs = weak(y) && !weak(x) ? 2 * x.mentions : x.mentions;
        const qint64 ys = weak(x) && !weak(y) ? 2 * y.mentions : y.mentions;
        return xs != ys ? xs > ys : x.id < y.id;
    };
    QHash<QString, int> typedByName, miscByName;
    for (int i = 0; i < entities.size(); ++i) {
        if (!KnowledgeGraph::isNameType(entities.at(i).type))
            continue;
        QHash<QString, int> &byName = entities.at(i).type == misc ? miscByName : typedByName;
        const auto found = byName.find(names.at(i));
        if (found == byName.end())
            byName.insert(names.at(i), i);
        else if (more(i, found.value()))
            found.value() = i;
    }
    // A place read only from weak evidence (every mention at most 0.6: "in Firefox", "from the
    // Sun") is no place against as many mentions of the name with none.
    QHash<QString, int> senseByName = miscByName;
    for (auto it = typedByName.cbegin(); it != typedByName.cend(); ++it) {
        const auto other = miscByName.constFind(it.key());
        const StoredEntity &typed = entities.at(*it);
        // (An entity without mentions, from an imported table, has no evidence to weigh.)
        const bool weakPlace = typed.type == QLatin1String("LOCATION") && weak(typed);
        if (other == miscByName.cend()
            || (entities.at(*other).mentions <= qint64(typedMinority) * typed.mentions
                && !(weakPlace && entities.at(*other).mentions >= typed.mentions)))
            senseByName.insert(it.key(), *it);
    }
    // Multi-word PERSON entities by their last word; not those whose first word is a place or
    // an organisation of the project: "from Lachish Joshua passed" glued two names, and the
    // lone "Joshua" must not become "Lachish Joshua".
    QSet<QString> placesAndOrganisations;
    for (const int i : std::as_const(senseByName)) {
        const QString &type = entities.at(i).type;
        if (type == QLatin1String("LOCATION") || type == QLatin1String("ORGANIZATION"))
            placesAndOrganisations.insert(names.at(i));
    }
    QHash<QString, QList<int>> personsBySurname;
    for (const int i : std::as_const(senseByName)) {
        const StoredEntity &entity = entities.at(i);
        if (entity.type != person)
            continue;
        const QString &name = names.at(i);
        const qsizetype space = name.lastIndexOf(QLatin1Char(' '));
        // "Obed of Ruth", "Aaron the Levite": what ends them is a mother, a place, a people, not
        // a surname; the lone "Ruth" is someone else.
        const bool described = name.contains(QLatin1String(" of ")) || name.contains(QLatin1String(" the "));
        if (space > 0 && !described && !placesAndOrganisations.contains(name.left(name.indexOf(QLatin1Char(' ')))))
            personsBySurname[name.mid(space + 1)].append(i);
    }
    for (int i = 0; i < entities.size(); ++i) {
        const StoredEntity &entity = entities.at(i);
        if (!KnowledgeGraph::isNameType(entity.type))
            continue;
        const QString &name = names.at(i);
        const int sense = senseByName.value(name);
        target[i] = sense;
        // A capitalised surname alone is often typed MISC when no first name was near it.
        const QString &senseType = entities.at(sense).type;
        // Not a name far better known alone: "SQLite" (5,000 mentions) is not the surname of a
        // misread "P. SQLite" (one).
        if (sense == i && (senseType == person || senseType == misc) && !name.contains(QLatin1Char(' '))) {
            const QList<int> candidates = personsBySurname.value(name);
            if (candidates.size() == 1 && entity.mentions <= 10 * entities.at(candidates.first()).mentions)
                target[i] = candidates.first();
        }
    }
    // A MISC "Babbage" may point at the PERSON "Babbage", itself merged into "Charles Babbage".
    for (int i = 0; i < entities.size(); ++i)
        while (target.at(target.at(i)) != target.at(i))
            target[i] = target.at(target.at(i));
    return target;
}

} // namespace

bool KnowledgeGraph::isNameType(const QString &type)
{
    return type == QLatin1String("PERSON") || type == QLatin1String("ORGANIZATION") || type == QLatin1String("LOCATION")
        || type == QLatin1String("MISC");
}

bool KnowledgeGraph::isSignificant(const GraphEdge &edge)
{
    return edge.type != ProjectSchema::coOccurrenceType() || edge.weight >= significantCoOccurrence;
}

KnowledgeGraph KnowledgeGraph::fromStore(ProjectStore &store, Resolution resolution, Edges edges)
{
    return build(readRows(store),
                 resolution == Resolution::AcrossDocuments ? CurationTable(store).activeEdits() : QList<CurationEdit>(),
                 resolution, edges);
}

KnowledgeGraph::Rows KnowledgeGraph::readRows(ProjectStore &store)
{
    // Two reads; an entity a relation names but that vanished between them (a concurrent
    // removal) is skipped rather than invented.
    Rows rows;
    rows.entities = store.entities();
    rows.relations = store.relations();
    rows.resolved = resolveAcrossDocuments(rows.entities);
    return rows;
}

void KnowledgeGraph::applyRelationEdits(KnowledgeGraph &graph, QHash<QString, QHash<quint64, int>> &edgeByKey,
                                        const QList<CurationEdit> &edits)
{
    // Keys as build() makes them: co-occurrence is undirected, so its key has the smaller index first.
    const auto keyOf = [](const QString &type, int source, int target) {
        if (type == ProjectSchema::coOccurrenceType() && source > target)
            std::swap(source, target);
        return std::make_pair(source, target);
    };
    const auto packed = [](std::pair<int, int> ends) {
        return (quint64(quint32(ends.first)) << 32) | quint32(ends.second);
    };
    QSet<int> removed;
    for (const CurationEdit &edit : edits) {
        if (!CurationRules::isRelationEdit(edit))
            continue;
        const int source = graph.indexOf(edit.payload.value(QStringLiteral("source")).toString());
        const int target = graph.indexOf(edit.payload.value(QStringLiteral("target")).toString());
        const QString type = edit.payload.value(QStringLiteral("type")).toString();
        if (source < 0 || target < 0 || source == target || type.isEmpty())
            continue; // an end is hidden, gone or merged into the other
        const std::pair<int, int> ends = keyOf(type, source, target);
        QHash<quint64, int> &ofType = edgeByKey[type];
        const int edge = ofType.value(packed(ends), -1);
        if (edit.kind == QLatin1String("relation-add")) {
            const QString note = edit.payload.value(QStringLiteral("note")).toString();
            if (edge >= 0) // found in the documents too: theirs, with the note as its trigger
                continue;
            RelationEvidence evidence;
            evidence.trigger = note;
            ofType.insert(packed(ends), graph.addEdge({ends.first, ends.second, type, 1.0, evidence}));
            continue;
        }
        if (edge < 0)
            continue;
        ofType.remove(packed(ends));
        if (edit.kind == QLatin1String("relation-delete")) {
            removed.insert(edge);
            continue;
        }
        // relation-retype: as the person read it, from source to target.
        const QString newType = edit.payload.value(QStringLiteral("to")).toString();
        const std::pair<int, int> newEnds = keyOf(newType, source, target);
        QHash<quint64, int> &ofNewType = edgeByKey[newType];
        if (const int existing = ofNewType.value(packed(newEnds), -1); existing >= 0) {
            graph.m_edges[existing].weight += graph.m_edges.at(edge).weight;
            removed.insert(edge);
            continue;
        }
        GraphEdge &changed = graph.m_edges[edge];
        changed.type = newType;
        changed.source = newEnds.first;
        changed.target = newEnds.second;
        ofNewType.insert(packed(newEnds), edge);
    }
    if (removed.isEmpty())
        return;
    QList<GraphEdge> kept;
    kept.reserve(graph.m_edges.size() - removed.size());
    for (int i = 0; i < graph.m_edges.size(); ++i)
        if (!removed.contains(i))
            kept.append(graph.m_edges.at(i));
    graph.m_edges = std::move(kept);
}

KnowledgeGraph KnowledgeGraph::build(const Rows &rows, const QList<CurationEdit> &edits, Resolution resolution,
                                     Edges edges)
{
    KnowledgeGraph graph;
    const QList<StoredEntity> &entities = rows.entities;
    QList<int> target(entities.size());
    QHash<int, CurationRules::NodeOverride> curated;
    if (resolution == Resolution::AcrossDocuments) {
        // Made once per read of the project: the edits only join or split its groups.
        target = rows.resolved.size() == entities.size() ? rows.resolved : resolveAcrossDocuments(entities);
        curated = CurationRules(edits).apply(entities, target);
    } else {
        std::iota(target.begin(), target.end(), 0);
    }
    graph.m_nodes.reserve(entities.size());
    for (int i = 0; i < entities.size(); ++i) {
        const StoredEntity &entity = entities.at(i);
        if (target.at(i) != i)
            continue;
        const CurationRules::NodeOverride edit = curated.value(i);
        if (edit.hidden)
            continue; // its aliases and relations find no node below, and go too
        graph.addNode({entity.id,
                       edit.type.isEmpty() ? entity.type : edit.type,
                       edit.name.isEmpty() ? entity.name : edit.name,
                       entity.mentions,
                       entity.documents,
                       {},
                       {}});
    }
    for (int i = 0; i < entities.size(); ++i) {
        if (target.at(i) == i)
            continue;
        const StoredEntity &alias = entities.at(i);
        const int node = graph.indexOf(entities.at(target.at(i)).id);
        if (node < 0)
            continue; // hidden
        GraphNode &merged = graph.m_nodes[node];
        merged.mentions += alias.mentions;
        merged.documents = std::max(merged.documents, alias.documents);
        merged.aliasIds.append(alias.id);
        merged.aliases.append(alias.name);
        graph.m_indexById.insert(alias.id, node);
    }

    const QList<StoredRelation> &relations = rows.relations;
    graph.m_edges.reserve(relations.size());
    // Parallel after merging: by type, then by (source, target).
    QHash<QString, QHash<quint64, int>> edgeByKey;
    for (const StoredRelation &relation : relations) {
        const int source = graph.indexOf(relation.subjectId);
        const int target = graph.indexOf(relation.objectId);
        if (source < 0 || target < 0)
            continue;
        if (source == target && relation.subjectId != relation.objectId)
            continue; // "Babbage" co-occurring with "Charles Babbage": one entity now
        // Co-occurrence is undirected: after merging aliases, both orders of a pair are one edge.
        const bool undirected = relation.type == ProjectSchema::coOccurrenceType();
        const int from = undirected ? std::min(source, target) : source;
        const int to = undirected ? std::max(source, target) : target;
        QHash<quint64, int> &ofType = edgeByKey[relation.type];
        const quint64 key = (quint64(quint32(from)) << 32) | quint32(to);
        const auto existing = ofType.constFind(key);
        if (existing != ofType.constEnd()) {
            graph.m_edges[existing.value()].weight += relation.totalWeight;
            continue;
        }
        ofType.insert(key, graph.addEdge({from, to, relation.type, relation.totalWeight, relation.evidence}));
    }
    if (resolution == Resolution::AcrossDocuments)
        applyRelationEdits(graph, edgeByKey, edits);
    // Only after merging: weights summed over aliases decide.
    if (edges == Edges::Significant)
        graph.m_edges.removeIf([](const GraphEdge &edge) { return !isSignificant(edge); });
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
    std::stable_sort(out.begin(), out.end(),
                     [this](int a, int b) { return m_nodes.at(a).mentions > m_nodes.at(b).mentions; });
    return out;
}

} // namespace gw
