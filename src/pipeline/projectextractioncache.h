#pragma once

#include "extract/extractioncache.h"

#include <QSet>
#include <QString>

#include <mutex>

namespace gw {

class ProjectStore;

// The remote extractor's cache in the project file (table extraction_cache), so a re-run of the
// same texts, even after a restart, repeats no remote call. Reads run on the calling thread's
// reader connection, writes on the store's writer thread; both block, so call from workers.
// Throws StoreError.
//
// Size-limited: an insert that takes the cache past maxBytes removes the least recently used
// answers (ExtractionCacheTable::insert). A hit is not written at once (a write per chunk would
// cost the writer more than the hit saves): the keys found are noted and marked used with the
// next insert or flush().
class ProjectExtractionCache final : public ExtractionCache
{
public:
    static constexpr qint64 defaultMaxBytes = 256LL * 1024 * 1024;

    // maxBytes <= 0: no limit.
    explicit ProjectExtractionCache(ProjectStore &store, qint64 maxBytes = defaultMaxBytes)
        : m_store(store), m_maxBytes(maxBytes)
    {}

    std::optional<QString> find(const QString &requestKey) override;
    void insert(const QString &requestKey, const QString &model, const QString &response) override;
    void flush() override;

    qint64 maxBytes() const { return m_maxBytes; }

private:
    QStringList takeUsed();

    ProjectStore &m_store;
    const qint64 m_maxBytes;
    std::mutex m_mutex;
    QSet<QString> m_used; // under m_mutex: keys found since the last write
};

} // namespace gw
