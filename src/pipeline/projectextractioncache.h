#pragma once

#include "extract/extractioncache.h"

namespace gw {

class ProjectStore;

// The remote extractor's cache in the project file (table extraction_cache), so a re-run of the
// same texts, even after a restart, repeats no remote call. Reads run on the calling thread's
// reader connection, writes on the store's writer thread; both block, so call from workers.
// Throws StoreError.
class ProjectExtractionCache final : public ExtractionCache
{
public:
    explicit ProjectExtractionCache(ProjectStore &store) : m_store(store) {}

    std::optional<QString> find(const QString &requestKey) override;
    void insert(const QString &requestKey, const QString &model, const QString &response) override;

private:
    ProjectStore &m_store;
};

} // namespace gw
