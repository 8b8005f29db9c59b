#include "projectextractioncache.h"

#include "store/extractioncachetable.h"

namespace gw {

std::optional<QString> ProjectExtractionCache::find(const QString &requestKey)
{
    return ExtractionCacheTable(m_store).find(requestKey);
}

void ProjectExtractionCache::insert(const QString &requestKey, const QString &model, const QString &response)
{
    ExtractionCacheTable(m_store).insert(requestKey, model, response);
}

} // namespace gw
