#pragma once
// Table vocabulary: a person's own names, each with a type and aliases (curate vocabulary). The
// pipeline gives them to the built-in extractor (Vocabulary, in extract).
#include <QList>
#include <QString>
#include <QStringList>

namespace gw {

class ProjectConnection;
class ProjectStore;

struct StoredVocabularyEntry
{
    QString name;
    QString type; // "PERSON", "ORGANIZATION", ...
    QStringList aliases;

    bool operator==(const StoredVocabularyEntry &) const = default;
};

class VocabularyTable
{
public:
    explicit VocabularyTable(ProjectStore &store) : m_store(store) {}

    // Every entry, by name then type. Blocks; throws StoreError.
    QList<StoredVocabularyEntry> entries() const;
    // Adds the entries; one with the name and type of an existing entry replaces it. Returns how
    // many were new. On the writer; blocks; throws StoreError.
    int add(const QList<StoredVocabularyEntry> &entries) const;
    // Removes every entry. On the writer; blocks; throws StoreError.
    void clear() const;

    static QList<StoredVocabularyEntry> entriesIn(ProjectConnection &connection);
    static int addIn(ProjectConnection &connection, const QList<StoredVocabularyEntry> &entries);

private:
    ProjectStore &m_store;
};

} // namespace gw
