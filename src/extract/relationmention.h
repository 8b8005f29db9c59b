#pragma once

#include <QList>
#include <QString>

namespace gw {

// Relation kinds found between two mentions of one sentence. Names (relationTypeName) are the
// snake_case ones used in the store and in exports.
enum class RelationType {
    WorksFor,
    Founded,
    Leads,
    MemberOf,
    LocatedIn,
    HeadquarteredIn,
    Acquired,
    Owns,
    PartOf,
    BornIn,
    ChildOf,
    ParentOf,
    SpouseOf,
    SiblingOf,
    Created,
    CoOccurs
};

QString relationTypeName(RelationType type); // "works_for", "founded", ..., "co_occurs"

// One relation found in a text: between mentions[subject] and mentions[object] of the list the
// extractor was given, with its evidence (the sentence span, in the same offsets as the mentions).
struct RelationMention
{
    RelationType type = RelationType::CoOccurs;
    int subject = -1;
    int object = -1;
    qsizetype sentenceStart = 0;
    qsizetype sentenceEnd = 0;
    QString trigger; // the words that matched ("worked for", "founded"); empty for co-occurrence
};

} // namespace gw
