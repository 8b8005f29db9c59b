#include "projectextractioncache.h"

#include "store/extractioncachetable.h"

namespace gw {

std::optional<QString> ProjectExtractionCache::find(const QString &requestKey)
{
    std::optional<QString> found = ExtractionCacheTable(m_store).find(requestKey);
    if (found) {
        std::lock_guard lock(m_mutex);
        m_used.insert(requestKey);
    }
    return found;
}

QStringList ProjectExtractionCache::takeUsed()
{
    std::lock_guard lock(m_mutex);
    QStringList keys(m_used.cbegin(), m_used.cend());
    m_used.clear();
    return keys;
}

void ProjectExtractionCache::insert(const QString &requestKey, const QString &model, const QString &response)
{
    const QStringList used = takeUsed();
    try {
        ExtractionCacheTable(m_store).insert(requestKey, model, response, used, m_maxBytes);
    } catch (...) {
        // Noted again, for the next write.
        std::lock_guard lock(m_mutex);
        for (const QString &key : used)
            m_used.insert(key);
        throw;
    }
}

void ProjectExtractionCache::flush()
{
    const QStringList used = takeUsed();
    if (used.isEmpty())
        return;
    try {
        ExtractionCacheTable(m_store).touch(used);
    } catch (...) {
        std::lock_guard lock(m_mutex);
        for (const QString &key : used)
            m_used.insert(key);
        throw;
    }
}

} // namespace gw
