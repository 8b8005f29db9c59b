#pragma once
// The pattern table behind RelationExtractor: which words between two mentions mean which
// relation, for which entity types. Internal to the extract library.

#include "entitytype.h"
#include "relationmention.h"

#include <QList>
#include <QRegularExpression>

namespace gw {

using EntityTypeMask = unsigned;
constexpr EntityTypeMask entityTypeBit(EntityType type)
{
    return 1u << static_cast<unsigned>(type);
}

// Placeholders that replace the mentions lying between the two ends of a candidate pair, so a
// pattern can allow a date ("founded in 1976 by") without allowing an entity.
inline constexpr QChar nodePlaceholder{0x00A4};  // ¤: a PERSON/ORG/LOCATION/MISC mention
inline constexpr QChar valuePlaceholder{0x00A7}; // §: a DATE/MONEY/PERCENT/EMAIL/URL mention

// One pattern. It is matched (anchored) against the lower-cased text between the earlier and
// the later mention; swapped means the later mention is the subject ("X was founded by Y").
struct RelationPattern
{
    RelationType type;
    EntityTypeMask subjectTypes;
    EntityTypeMask objectTypes;
    bool swapped;
    // A verb, participle or noun phrase that may also follow a break in the subject's clause; not
    // the "his sister" or "X, Y" patterns, whose meaning is which mention stands next to them.
    bool afterClauseBreak;
    bool noun;                // "X, the mayor of Y": an office, kinship or part named by a noun
    bool possessive;          // "Y's daughter, X"
    QRegularExpression regex; // named group "t" is the trigger
    // The trigger's words alone, searched anywhere: a gap where they do not occur cannot match
    // `regex` (whose group "t" is exactly these words), so the whole pattern need not run there.
    // Empty for patterns whose trigger is the pattern itself ("X, Y", "his sister").
    QRegularExpression trigger;

    bool mayMatch(const QString &gap) const { return trigger.pattern().isEmpty() || trigger.match(gap).hasMatch(); }
};

// Built once (thread-safe static initialisation), then only read; each regex compiles on its first match.
const QList<RelationPattern> &relationPatterns();

// A title a mention leaves out ("Mr. ", "Lord "), optional, as a pattern for lower-cased text.
const QString &omittedTitle();
// Between two coordinated mentions of one type: ", ", " and ", ", and ", " & ".
const QRegularExpression &coordinationSeparator();
// Between a relation's object and a further subject: "co-founded Apple with Steve Wozniak".
const QRegularExpression &withPartner();

// Relations that hold both ways; the extractor stores them once, earlier mention first.
bool isSymmetric(RelationType type);

} // namespace gw
