#pragma once

#include "extract/extractioncache.h"

#include <QStringList>

#include <mutex>

namespace gw {

class ProjectStore;

// The remote extractor's cache in the project file (table extraction_cache), so a re-run of the
// same texts, even after a restart, repeats no remote call. Reads run on the calling thread's
// reader connection, writes on the store's writer thread; both block, so call from workers.
// Throws StoreError.
//
// Bounded: every so many new answers, the least recently used ones beyond `limitBytes` go (0 or
// less: no limit). An answer found again counts as used, recorded in batches rather than one
// write per hit: when a batch is full, and at flush() (the remote extractor's, after each
// document, on its worker). What is not flushed is dropped, not written from a destructor, which
// may run on the window's thread.
class ProjectExtractionCache final : public ExtractionCache
{
public:
    // limitBytes: IngestOptions::remoteCacheMaxBytes.
    ProjectExtractionCache(ProjectStore &store, qint64 limitBytes) : m_store(store), m_limitBytes(limitBytes) {}

    std::optional<QString> find(const QString &requestKey) override;
    void insert(const QString &requestKey, const QString &model, const QString &response) override;
    void flush() override;

private:
    void recordUses(); // m_mutex not held

    ProjectStore &m_store;
    const qint64 m_limitBytes;
    std::mutex m_mutex;
    QStringList m_used;   // found since the last recordUses()
    int m_sincePrune = 0; // answers written since the last prune
};

} // namespace gw
