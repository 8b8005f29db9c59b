#pragma once

#include <QString>

namespace gw {

// Kinds of entity mentions. Names in the store and in exports are the upper-case ones.
enum class EntityType { Person, Organization, Location, Date, Money, Percent, Email, Url, Misc };

QString entityTypeName(EntityType type);            // "PERSON", "ORGANIZATION", ...
EntityType entityTypeFromName(const QString &name); // Misc for an unknown name

} // namespace gw
