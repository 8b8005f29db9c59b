#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>

#include "wordtable.h"

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
        // Text that entries of the lists may point into (readList with storage): needed while the
        // gazetteer is built, which copies what it keeps.
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
        Language = 1u << 12,      // "English", "Hebrew", "Qatari": a language or a people's adjective, no place
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
    unsigned wordFlags(const QString &k) const { return m_words.value(k) & wordFlagMask; }

    // Each takes raw text (one word or several); the key is computed here.
    bool isCountry(QStringView words) const { return listsOf(words) & InCountries; }
    bool isSubdivision(QStringView words) const { return listsOf(words) & InSubdivisions; }
    bool isCity(QStringView words) const { return listsOf(words) & InCities; }
    bool isWorldCity(QStringView words) const { return listsOf(words) & InWorldCities; }
    bool isWorldOrganization(QStringView words) const { return listsOf(words) & InWorldOrganizations; }
    bool isLocation(QStringView words) const { return listsOf(words) & inLocationLists; }
    bool isGivenName(QStringView word) const { return listsOf(word) & InGivenNames; }
    // A given name listed in capitals, exactly as written ("LORD").
    bool isGivenNameInCapitals(QStringView word) const { return m_givenNamesInCapitals.contains(word.toString()); }
    bool isOrgSuffix(QStringView word) const { return listsOf(word) & InOrgSuffixes; }
    bool isOrgHead(QStringView word) const { return listsOf(word) & InOrgHeads; }
    bool isPersonTitle(QStringView words) const { return listsOf(words) & InPersonTitles; }
    bool isStopword(QStringView word) const { return listsOf(word) & InStopwords; }

    // Same lookups for an already computed key (the extractor computes each key once).
    bool locationKey(const QString &k) const { return m_words.value(k) & inLocationLists; }
    bool givenNameKey(const QString &k) const { return m_words.value(k) & InGivenNames; }
    bool orgSuffixKey(const QString &k) const { return m_words.value(k) & InOrgSuffixes; }
    bool orgHeadKey(const QString &k) const { return m_words.value(k) & InOrgHeads; }
    bool personTitleKey(const QString &k) const { return m_words.value(k) & InPersonTitles; }
    bool stopwordKey(const QString &k) const { return m_words.value(k) & InStopwords; }
    // A title or legal form written with a final dot in its list ("Dr.", "Inc."): that dot is
    // part of the word, and does not end the sentence.
    bool abbreviationKey(const QString &k) const { return m_words.value(k) & InAbbreviations; }
    bool locationHeadKey(const QString &k) const { return m_words.value(k) & InLocationHeads; }

    // Longest title in words ("Prime Minister" = 2): how far the extractor looks.
    int maxTitleWords() const { return m_maxTitleWords; }

private:
    // Which lists hold a key (one word or several), above the one-word WordFlags in the same value.
    static constexpr unsigned InCountries = 1u << 16;
    static constexpr unsigned InSubdivisions = 1u << 17;
    static constexpr unsigned InCities = 1u << 18;
    static constexpr unsigned InWorldCities = 1u << 19;
    static constexpr unsigned InWorldOrganizations = 1u << 20;
    static constexpr unsigned InGivenNames = 1u << 21;
    static constexpr unsigned InOrgSuffixes = 1u << 22;
    static constexpr unsigned InOrgHeads = 1u << 23;
    static constexpr unsigned InPersonTitles = 1u << 24;
    static constexpr unsigned InStopwords = 1u << 25;
    static constexpr unsigned InAbbreviations = 1u << 26;
    static constexpr unsigned InLocationHeads = 1u << 27;
    static constexpr unsigned wordFlagMask = 0xffffu;
    static constexpr unsigned inLocationLists = InCountries | InSubdivisions | InCities;

    // The key's value, the key computed into a buffer of the calling thread.
    unsigned listsOf(QStringView words) const;

    // Every key of every list and of the dictionary: the lists that hold it, and for one-word keys
    // its WordFlags. One lookup answers every question about a word.
    WordTable m_words;
    QSet<QString> m_givenNamesInCapitals;
    int m_maxTitleWords = 1;
};

} // namespace gw
