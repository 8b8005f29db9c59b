#include "entitytype.h"

namespace gw {

namespace {
struct TypeName
{
    EntityType type;
    const char16_t *name;
};
constexpr TypeName typeNames[] = {
    {EntityType::Person, u"PERSON"},     {EntityType::Organization, u"ORGANIZATION"},
    {EntityType::Location, u"LOCATION"}, {EntityType::Date, u"DATE"},
    {EntityType::Money, u"MONEY"},       {EntityType::Percent, u"PERCENT"},
    {EntityType::Email, u"EMAIL"},       {EntityType::Url, u"URL"},
    {EntityType::Misc, u"MISC"},
};
} // namespace

QString entityTypeName(EntityType type)
{
    for (const auto &entry : typeNames)
        if (entry.type == type)
            return QString::fromUtf16(entry.name);
    return QStringLiteral("MISC");
}

EntityType entityTypeFromName(const QString &name)
{
    for (const auto &entry : typeNames)
        if (name == QString::fromUtf16(entry.name))
            return entry.type;
    return EntityType::Misc;
}

} // namespace gw
