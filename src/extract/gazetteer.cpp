#include "gazetteer.h"

#include <QFile>

#include <algorithm>

static void initGazetteerResources()
{
    // The resources live in a static library: make sure their initialiser is linked and run.
    Q_INIT_RESOURCE(gazetteers);
    Q_INIT_RESOURCE(dictionary);
}

namespace gw {

namespace {

// Gazetteer::key(word), sharing the word itself when the key is the same (most entries of the
// lists are: plain ASCII without capitals, dots or spaces), which saves an allocation per entry.
QString keyOf(const QString &word)
{
    for (const QChar c : word) {
        const char16_t u = c.unicode();
        if (u >= 0x80 || u == u'.' || u == u' ' || (u >= 9 && u <= 13) || (u >= u'A' && u <= u'Z'))
            return Gazetteer::key(word);
    }
    return word;
}

} // namespace

Gazetteer::Gazetteer(const Lists &lists)
{
    // A list's entries carry its bit; one-word entries also the word's flag (the towns and
    // companies of the world none: they are never a word's flag).
    const std::pair<const QStringList *, unsigned> named[] = {
        {&lists.countries, InCountries | Location},
        {&lists.subdivisions, InSubdivisions | Location},
        {&lists.cities, InCities | Location},
        {&lists.worldCities, InWorldCities},
        {&lists.worldOrganizations, InWorldOrganizations},
        {&lists.givenNames, InGivenNames | GivenName},
        {&lists.orgSuffixes, InOrgSuffixes | OrgSuffix},
        {&lists.orgHeads, InOrgHeads | OrgHead},
        {&lists.personTitles, InPersonTitles | PersonTitle},
        {&lists.stopwords, InStopwords | Stopword},
        {&lists.locationHeads, InLocationHeads | LocationHead},
        {&lists.codeWords, CodeWord},
        {&lists.softwareNames, Software},
        {&lists.languages, Language},
    };
    // The table's size, known before it is filled: the lists' entries and the dictionary's words
    // in lower case (the capitalised ones only mark those as names too).
    qsizetype entries = 0, letters = 0;
    for (const auto &[list, bits] : named)
        entries += list->size();
    for (const QString &word : lists.dictionary) {
        letters += word.size();
        entries += word.front().isLower() ? 1 : 0;
    }
    m_words.reserve(entries);
    const auto add = [this](const QString &k, unsigned bits) {
        m_words.add(k, k.contains(QLatin1Char(' ')) ? bits & ~wordFlagMask : bits);
    };
    for (const auto &[list, bits] : named) {
        for (const QString &entry : *list)
            add(keyOf(entry), bits);
    }
    for (const QString &name : lists.givenNames)
        if (name.size() >= 2 && name == name.toUpper())
            m_givenNamesInCapitals.insert(name);
    for (const QStringList *list : {&lists.personTitles, &lists.orgSuffixes}) {
        for (const QString &entry : *list) {
            if (entry.endsWith(QLatin1Char('.')))
                add(key(entry), InAbbreviations | Abbreviation);
        }
    }
    for (const QString &title : lists.personTitles)
        m_maxTitleWords = std::max(m_maxTitleWords, int(key(title).count(QLatin1Char(' '))) + 1);
    // The dictionary in one pass (it is read at every start: about 100,000 words). A word listed
    // in lower case is a LowerCaseWord; also common when not listed capitalised as well ("Paul",
    // "Lot", "Apple" may well be names). Possessives ("aaron's") are skipped.
    QSet<QString> capitalised;
    capitalised.reserve(lists.dictionary.size() / 4);
    // The lower-cased ASCII words are written one after another into `lowered`, which never
    // grows past its reserve, and the set points into it: one allocation instead of 25,000.
    QString lowered;
    lowered.reserve(letters);
    for (const QString &word : lists.dictionary) {
        if (!word.front().isUpper() || word.contains(QLatin1Char('\'')))
            continue;
        if (std::any_of(word.cbegin(), word.cend(), [](QChar c) { return c.unicode() >= 0x80; })) {
            capitalised.insert(word.toLower());
            continue;
        }
        const qsizetype at = lowered.size();
        for (const QChar c : word)
            lowered.append(c.unicode() >= u'A' && c.unicode() <= u'Z' ? QChar(c.unicode() + 32) : c);
        capitalised.insert(QString::fromRawData(lowered.constData() + at, word.size()));
        Q_ASSERT(lowered.capacity() == letters || lowered.size() <= letters); // never reallocated
    }
    for (const QString &word : lists.dictionary) {
        if (!word.front().isLower() || word.contains(QLatin1Char('\'')))
            continue;
        m_words.add(keyOf(word),
                    capitalised.contains(word) ? unsigned(LowerCaseWord) : unsigned(LowerCaseWord | CommonWord));
    }
    // A people's adjective is named after its country or region ("Qatari", "Kenyan", "Chadian",
    // "Somali", "Bavarian"), like a language ("the Qatari firm Katara" names no organisation
    // "Qatari"): the usual endings of a country's name (a form no people uses is a word no text
    // holds), and of a region's whole name where the dictionary lists the word capitalised (of
    // thousands of regions, some forms are names).
    for (const QStringList *places : {&lists.countries, &lists.subdivisions}) {
        const bool countries = places == &lists.countries;
        for (const QString &place : *places) {
            const QString k = keyOf(place);
            if (k.size() < 4 || k.contains(QLatin1Char(' ')) || !k.front().isLetter())
                continue;
            const QString stem = k.chopped(1);
            const QString adjectives[] = {k + u'i',
                                          k + u'n',
                                          k + QLatin1String("an"),
                                          k + QLatin1String("ian"),
                                          stem + u'i',
                                          stem + QLatin1String("an"),
                                          stem + QLatin1String("ian"),
                                          stem + QLatin1String("ese"),
                                          k + QLatin1String("ese")};
            for (const QString &adjective : adjectives) {
                // A region's name with its last letter cut is too often a word of its own ("Aude": "Audi").
                if (!countries && !adjective.startsWith(k))
                    continue;
                if ((countries || capitalised.contains(adjective))
                    && !(m_words.value(adjective) & (GivenName | Location | LowerCaseWord)))
                    m_words.add(adjective, Language);
            }
        }
    }
}

std::shared_ptr<const Gazetteer> Gazetteer::builtIn()
{
    // A function-local static is initialised exactly once, even when threads race to it.
    // Never destroyed: freeing some 100,000 small strings at exit only costs time.
    static const auto *const instance = new std::shared_ptr<const Gazetteer>([] {
        initGazetteerResources();
        const auto list = [](const char *file) {
            return readList(QStringLiteral(":/gazetteers/") + QLatin1String(file));
        };
        Lists lists;
        lists.countries = list("countries.txt");
        lists.subdivisions = list("subdivisions.txt");
        lists.cities = list("cities.txt");
        // The towns of the world, then WordNet's places (scripts/make-world-places.py).
        lists.worldCities = list("cities-world.txt") + list("places-world.txt");
        lists.worldOrganizations = list("organizations-world.txt");
        // Chosen by hand, then the generated world list (scripts/make-gazetteers.py).
        lists.givenNames = list("given-names.txt") + list("given-names-world.txt");
        lists.orgSuffixes = list("org-suffixes.txt");
        lists.orgHeads = list("org-heads.txt");
        lists.personTitles = list("person-titles.txt");
        lists.stopwords = list("stopwords.txt");
        lists.locationHeads = list("location-heads.txt");
        lists.codeWords = list("code-words.txt");
        lists.softwareNames = list("software-names.txt");
        lists.languages = list("languages.txt");
        lists.dictionary = readList(QStringLiteral(":/dictionary/american-english"), &lists.storage);
        Q_ASSERT_X(!lists.dictionary.isEmpty(), "Gazetteer::builtIn", "the dictionary resource is missing");
        return std::make_shared<const Gazetteer>(lists);
    }());
    return *instance;
}

QStringList Gazetteer::readList(const QString &path, QString *storage)
{
    // The whole file decoded at once, then cut into lines (read at every start: QTextStream,
    // line by line, took 13.5 ms for the 100,000 words of the dictionary, this 11.4 ms). As the
    // text mode and the stream did: every \r dropped, a UTF-8 byte order mark dropped.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray bytes = file.readAll();
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    if (bytes.contains('\r'))
        bytes.replace("\r", "");
    QString decoded = QString::fromUtf8(bytes);
    if (storage)
        *storage = std::move(decoded);
    const QString &text = storage ? *storage : decoded;
    QStringList entries;
    entries.reserve(text.size() / 8);
    const QChar *const data = text.constData();
    const qsizetype size = text.size();
    for (qsizetype start = 0; start < size;) {
        qsizetype end = start;
        while (end < size && data[end] != u'\n')
            ++end;
        QStringView line(data + start, end - start);
        const qsizetype hash = line.indexOf(u'#');
        if (hash >= 0)
            line.truncate(hash);
        line = line.trimmed();
        if (!line.isEmpty())
            entries.append(storage ? QString::fromRawData(line.data(), line.size()) : line.toString());
        start = end + 1;
    }
    return entries;
}

QString Gazetteer::key(QStringView words)
{
    QString out;
    key(words, out);
    return out;
}

void Gazetteer::key(QStringView words, QString &out)
{
    bool ascii = true;
    for (QChar c : words) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        // The common case, without Unicode tables: lower-case, no dots, single spaces. Written in
        // place (the key is never longer than the words): QString::clear() and append() would
        // free and grow the buffer on every call.
        out.resize(words.size());
        char16_t *const dst = reinterpret_cast<char16_t *>(out.data());
        qsizetype size = 0;
        bool pendingSpace = false;
        for (QChar c : words) {
            const char16_t u = c.unicode();
            if (u == u'.')
                continue;
            if (u == u' ' || (u >= 9 && u <= 13)) {
                pendingSpace = size > 0;
                continue;
            }
            if (pendingSpace) {
                dst[size++] = u' ';
                pendingSpace = false;
            }
            dst[size++] = u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u;
        }
        out.resize(size);
        return;
    }
    out.resize(0);
    // Decompose so that accents become separate marks, which are then dropped.
    const QString decomposed = words.toString().normalized(QString::NormalizationForm_KD);
    out.reserve(decomposed.size());
    bool pendingSpace = false;
    for (QChar c : decomposed) {
        if (c == QLatin1Char('.') || c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c.isSpace()) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace) {
            out.append(QLatin1Char(' '));
            pendingSpace = false;
        }
        if (c == QChar(0x2019)) // typographic apostrophe
            c = QLatin1Char('\'');
        out.append(c.toCaseFolded());
    }
}

unsigned Gazetteer::listsOf(QStringView words) const
{
    thread_local QString k; // its capacity is reused: no allocation per lookup
    key(words, k);
    return m_words.value(k);
}

} // namespace gw
