#pragma once
// A person's own dictionary of names (curate vocabulary / Edit → Import Vocabulary): each entry
// a name, its type and other ways of writing it. The built-in extractor finds its names in the
// text and gives them the entry's type and name, over what its rules guessed for the same words;
// an alias found ("PSF") is a mention of the entry ("Python Software Foundation").
//
// Matching is by whole words, longest entry first, on Gazetteer::key (case, diacritics and dots
// do not matter), except that a name written with a capital matches only text that starts with
// one: an entry "Apple" finds "Apple" and "APPLE", never "apple".
//
// Immutable once built: one vocabulary serves every thread.
#include "entitytype.h"
#include "mention.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace gw {

struct VocabularyEntry
{
    QString name;
    EntityType type = EntityType::Misc;
    QStringList aliases;

    bool operator==(const VocabularyEntry &) const = default;
};

class Vocabulary
{
public:
    explicit Vocabulary(QList<VocabularyEntry> entries = {});

    bool isEmpty() const { return m_entries.isEmpty(); }
    const QList<VocabularyEntry> &entries() const { return m_entries; }
    // Changes whenever the entries change (order does not matter): part of the extractor's name,
    // so documents read with another vocabulary are read again on the next ingest.
    QString fingerprint() const { return m_fingerprint; }

    // The entries' mentions in `text`, sorted by start, never overlapping; `name` set where an
    // alias was found.
    QList<Mention> find(const QString &text) const;

    // Entry names and aliases are at most this many words; longer ones are never found.
    static constexpr int maxWords = 8;

private:
    struct Phrase
    {
        int entry = -1;
        bool alias = false;
        bool capitalised = false; // written with a capital: found only where the text has one
    };
    QList<VocabularyEntry> m_entries;
    QHash<QString, Phrase> m_phrases; // Gazetteer::key of a name or an alias
    QSet<QString> m_firstWords;       // key of the first word of each phrase: most words stop here
    int m_longest = 0;                // words of the longest phrase
    QString m_fingerprint;
};

} // namespace gw
