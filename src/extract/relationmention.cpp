#include "relationmention.h"

namespace gw {

QString relationTypeName(RelationType type)
{
    switch (type) {
    case RelationType::WorksFor:
        return QStringLiteral("works_for");
    case RelationType::Founded:
        return QStringLiteral("founded");
    case RelationType::Leads:
        return QStringLiteral("leads");
    case RelationType::MemberOf:
        return QStringLiteral("member_of");
    case RelationType::LocatedIn:
        return QStringLiteral("located_in");
    case RelationType::HeadquarteredIn:
        return QStringLiteral("headquartered_in");
    case RelationType::Acquired:
        return QStringLiteral("acquired");
    case RelationType::Owns:
        return QStringLiteral("owns");
    case RelationType::PartOf:
        return QStringLiteral("part_of");
    case RelationType::BornIn:
        return QStringLiteral("born_in");
    case RelationType::ChildOf:
        return QStringLiteral("child_of");
    case RelationType::ParentOf:
        return QStringLiteral("parent_of");
    case RelationType::SpouseOf:
        return QStringLiteral("spouse_of");
    case RelationType::SiblingOf:
        return QStringLiteral("sibling_of");
    case RelationType::Created:
        return QStringLiteral("created");
    case RelationType::CoOccurs:
        return QStringLiteral("co_occurs");
    }
    return QStringLiteral("co_occurs");
}

} // namespace gw
