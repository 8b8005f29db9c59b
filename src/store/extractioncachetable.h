#pragma once
// Table extraction_cache: the remote extractor's answers by request key, so a re-run of the same
// texts repeats no remote call.
#include <QString>

#include <optional>

namespace gw {

class ProjectStore;

class ExtractionCacheTable
{
public:
    explicit ExtractionCacheTable(ProjectStore &store) : m_store(store) {}

    // The stored answer for `requestKey`. Reads on the calling thread's reader connection.
    // Blocks; throws StoreError.
    std::optional<QString> find(const QString &requestKey) const;
    // Stores (or replaces) an answer, stamped with the time, on the writer. Blocks; throws
    // StoreError.
    void insert(const QString &requestKey, const QString &model, const QString &response) const;

private:
    ProjectStore &m_store;
};

} // namespace gw
