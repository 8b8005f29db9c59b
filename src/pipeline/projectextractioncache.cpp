#include "projectextractioncache.h"

#include "store/extractioncachetable.h"

namespace gw {

namespace {
constexpr int usesPerWrite = 256;   // found answers recorded in one transaction
constexpr int insertsPerPrune = 64; // a prune reads the whole table
} // namespace

std::optional<QString> ProjectExtractionCache::find(const QString &requestKey)
{
    std::optional<QString> found = ExtractionCacheTable(m_store).find(requestKey);
    if (found) {
        bool full = false;
        {
            std::lock_guard lock(m_mutex);
            m_used.append(requestKey);
            full = m_used.size() >= usesPerWrite;
        }
        if (full)
            recordUses();
    }
    return found;
}

void ProjectExtractionCache::insert(const QString &requestKey, const QString &model, const QString &response)
{
    const ExtractionCacheTable table(m_store);
    table.insert(requestKey, model, response);
    bool prune = false;
    {
        std::lock_guard lock(m_mutex);
        if (++m_sincePrune >= insertsPerPrune) {
            m_sincePrune = 0;
            prune = true;
        }
    }
    if (prune && m_limitBytes > 0) {
        recordUses();
        table.prune(m_limitBytes);
    }
}

void ProjectExtractionCache::flush()
{
    recordUses();
}

void ProjectExtractionCache::recordUses()
{
    QStringList used;
    {
        std::lock_guard lock(m_mutex);
        used.swap(m_used);
    }
    ExtractionCacheTable(m_store).touch(used);
}

} // namespace gw
