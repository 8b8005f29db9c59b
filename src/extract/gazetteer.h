#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <memory>

namespace gw {

// Read-only dictionaries of the entity extractor: places, given names, organisation words, person
// titles and capitalised words that are not entities. Built once and shared between threads
// (every member is const after construction). Lookups take any spelling: keys are case-folded,
// without diacritics, without dots and with single spaces ("Zürich" == "zurich", "S.A." == "sa").
class Gazetteer
{
public:
    struct Lists
    {
        QStringList countries;
        QStringList subdivisions; // regions, states, provinces (ISO 3166-2)
        QStringList cities;
        // Towns and places of the world (scripts/make-world-cities.py, make-world-places.py): weaker
        // evidence than the lists above, read only when nothing else says what a name is (never a
        // word's flag).
        QStringList worldCities;
        // Companies and bodies of the world (scripts/make-organizations.py: registries of hardware
        // makers, WordNet): as weak as the towns, and read the same way.
        QStringList worldOrganizations;
        QStringList givenNames;
        QStringList orgSuffixes;   // legal forms ending a name: "Inc.", "GmbH"
        QStringList orgHeads;      // words naming an organisation anywhere in it: "University"
        QStringList personTitles;  // "Dr.", "Prime Minister"
        QStringList stopwords;     // capitalised non-entities: "The", "However", month names
        QStringList locationHeads; // words naming a place at either end of it: "River", "Lake"
        QStringList codeWords;     // ALL-CAPS keywords of code and SQL: "NULL", "SELECT" (not names)
        QStringList softwareNames; // systems and languages, never places: "Unix", "SQLite"
        QStringList languages;     // human languages, also their adjectives: "English", "Latin" (MISC)
        // Every word of a spelling dictionary as written there (Debian's wamerican): a word listed
        // only in lower case ("behold", "contents") is a common word, not a name.
        QStringList dictionary;
        // Text that entries of the lists may point into (readList with storage); the gazetteer
        // keeps it as long as it lives.
        QString storage;
    };

    // What a one-word key is, all dictionaries at once (one hash lookup per word): the extractor
    // computes these flags once per capitalised token.
    enum WordFlag : unsigned {
        Location = 1u << 0,
        GivenName = 1u << 1,
        OrgSuffix = 1u << 2,
        OrgHead = 1u << 3,
        PersonTitle = 1u << 4,
        Stopword = 1u << 5,
        Abbreviation = 1u << 6,
        LocationHead = 1u << 7,
        CodeWord = 1u << 8,
        Software = 1u << 9,
        CommonWord = 1u << 10,    // in the dictionary in lower case only ("behold", not "paul")
        LowerCaseWord = 1u << 11, // in the dictionary in lower case, maybe also capitalised ("red", "paul")
        Language = 1u << 12,      // "English", "Hebrew": a language or its adjective, no place
    };

    explicit Gazetteer(const Lists &lists);

    // The dictionaries compiled into the binary (resources/gazetteers/*.txt), loaded on first use.
    static std::shared_ptr<const Gazetteer> builtIn();
    // Parses one dictionary file: one entry per line, '#' starts a comment. Empty when unreadable.
    // With `storage`, the file's text is left there and the entries point into it (no string is
    // allocated for each entry): they are valid while `storage` is neither changed nor destroyed.
    static QStringList readList(const QString &path, QString *storage = nullptr);

    static QString key(QStringView words);
    // The same key, written into `out` (cleared first; its capacity is reused, so no allocation
    // in a loop).
    static void key(QStringView words, QString &out);
    unsigned wordFlags(const QString &k) const { return m_wordFlags.value(k, 0u); }

    // Each takes raw text (one word or several); the key is computed here.
    bool isCountry(QStringView words) const { return m_countries.contains(key(words)); }
    bool isSubdivision(QStringView words) const { return m_subdivisions.contains(key(words)); }
    bool isCity(QStringView words) const { return m_cities.contains(key(words)); }
    bool isWorldCity(QStringView words) const { return m_worldCities.contains(key(words)); }
    bool isWorldOrganization(QStringView words) const { return m_worldOrganizations.contains(key(words)); }
    bool isLocation(QStringView words) const;
    bool isGivenName(QStringView word) const { return m_givenNames.contains(key(word)); }
    // A given name listed in capitals, exactly as written ("LORD").
    bool isGivenNameInCapitals(QStringView word) const { return m_givenNamesInCapitals.contains(word.toString()); }
    bool isOrgSuffix(QStringView word) const { return m_orgSuffixes.contains(key(word)); }
    bool isOrgHead(QStringView word) const { return m_orgHeads.contains(key(word)); }
    bool isPersonTitle(QStringView words) const { return m_personTitles.contains(key(words)); }
    bool isStopword(QStringView word) const { return m_stopwords.contains(key(word)); }

    // Same lookups for an already computed key (the extractor computes each key once).
    bool locationKey(const QString &k) const;
    bool givenNameKey(const QString &k) const { return m_givenNames.contains(k); }
    bool orgSuffixKey(const QString &k) const { return m_orgSuffixes.contains(k); }
    bool orgHeadKey(const QString &k) const { return m_orgHeads.contains(k); }
    bool personTitleKey(const QString &k) const { return m_personTitles.contains(k); }
    bool stopwordKey(const QString &k) const { return m_stopwords.contains(k); }
    // A title or legal form written with a final dot in its list ("Dr.", "Inc."): that dot is
    // part of the word, and does not end the sentence.
    bool abbreviationKey(const QString &k) const { return m_abbreviations.contains(k); }
    bool locationHeadKey(const QString &k) const { return m_locationHeads.contains(k); }

    // Longest title in words ("Prime Minister" = 2): how far the extractor looks.
    int maxTitleWords() const { return m_maxTitleWords; }

private:
    QSet<QString> m_countries;
    QSet<QString> m_subdivisions;
    QSet<QString> m_cities;
    QSet<QString> m_worldCities;
    QSet<QString> m_worldOrganizations;
    QSet<QString> m_givenNames;
    QSet<QString> m_givenNamesInCapitals;
    QSet<QString> m_orgSuffixes;
    QSet<QString> m_orgHeads;
    QSet<QString> m_personTitles;
    QSet<QString> m_stopwords;
    QSet<QString> m_abbreviations;
    QSet<QString> m_locationHeads;
    QSet<QString> m_codeWords;
    QSet<QString> m_softwareNames;
    QSet<QString> m_languages;
    QHash<QString, unsigned> m_wordFlags; // one-word keys of every set above
    QString m_storage;                    // Lists::storage: some keys point into it
    int m_maxTitleWords = 1;
};

} // namespace gw
