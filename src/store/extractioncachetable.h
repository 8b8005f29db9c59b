#pragma once
// Table extraction_cache: the remote extractor's answers by request key, so a re-run of the same
// texts repeats no remote call. Bounded: the least recently used answers go first (prune()).
#include <QString>
#include <QStringList>

#include <optional>

namespace gw {

class ProjectStore;

// How much the cache holds: answers, and bytes of their keys, model names and texts (UTF-8).
struct ExtractionCacheSize
{
    qint64 entries = 0;
    qint64 bytes = 0;
};

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
    // Marks these answers as used now (found again), so pruning keeps them longer. On the writer.
    void touch(const QStringList &requestKeys) const;
    // Deletes the least recently used answers until the rest take at most `maxBytes`; returns
    // what went. On the writer.
    ExtractionCacheSize prune(qint64 maxBytes) const;
    // Deletes every answer; returns what went. On the writer.
    ExtractionCacheSize clear() const;
    ExtractionCacheSize size() const;

private:
    ProjectStore &m_store;
};

} // namespace gw
