#pragma once
// Table extraction_cache: the remote extractor's answers by request key, so a re-run of the same
// texts repeats no remote call. Each row knows its size and when it was last used: past a size
// limit the least recently used answers go first.
#include <QString>
#include <QStringList>

#include <optional>

namespace gw {

class ProjectConnection;
class ProjectStore;

// What the cache holds (or held, for what clear() removed).
struct ExtractionCacheStats
{
    qint64 entries = 0;
    qint64 bytes = 0; // UTF-8 bytes of the answers, their keys and model names

    bool operator==(const ExtractionCacheStats &) const = default;
};

class ExtractionCacheTable
{
public:
    explicit ExtractionCacheTable(ProjectStore &store) : m_store(store) {}

    // The stored answer for `requestKey`. Reads on the calling thread's reader connection.
    // Blocks; throws StoreError.
    std::optional<QString> find(const QString &requestKey) const;
    // In one transaction on the writer: marks `usedKeys` (answers found since the last write) as
    // used now, stores (or replaces) the answer, used now, and, when the cache then holds more than
    // `maxBytes` (0: no limit), removes the least recently used answers until it holds at most
    // that. Returns what was removed. Blocks; throws StoreError.
    ExtractionCacheStats insert(const QString &requestKey, const QString &model, const QString &response,
                                const QStringList &usedKeys, qint64 maxBytes) const;
    // Marks the answers as used now, in one transaction on the writer. Blocks; throws StoreError.
    void touch(const QStringList &keys) const;
    // Entries and bytes. Reads; blocks; throws StoreError.
    ExtractionCacheStats stats() const;
    // Removes every answer; returns what the cache held. On the writer; blocks; throws StoreError.
    ExtractionCacheStats clear() const;
    // Least recently used answers first until at most `maxBytes` remain. On the writer; blocks;
    // throws StoreError.
    ExtractionCacheStats prune(qint64 maxBytes) const;

private:
    static void touchIn(ProjectConnection &connection, const QStringList &keys, qint64 now);
    static ExtractionCacheStats statsIn(ProjectConnection &connection);
    static ExtractionCacheStats pruneIn(ProjectConnection &connection, qint64 maxBytes);

    ProjectStore &m_store;
};

} // namespace gw
