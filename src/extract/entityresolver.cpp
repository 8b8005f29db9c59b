#include "entityresolver.h"

#include <QCryptographicHash>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QVarLengthArray>

#include <algorithm>
#include <numeric>

namespace gw {

namespace {

bool isNameType(EntityType type)
{
    return type == EntityType::Person || type == EntityType::Organization || type == EntityType::Location
        || type == EntityType::Misc;
}

bool isApostrophe(QChar c)
{
    return c == u'\'' || c == u'\u2019' || c == u'\u2018' || c == u'\u02BC' || c == u'`';
}

// Latin letters that NFKD does not decompose but people write without the stroke or ligature.
QString foldLetter(QChar c)
{
    switch (c.unicode()) {
    case u'\u00DF':
        return QStringLiteral("ss"); // ß
    case u'\u00F8':
        return QStringLiteral("o"); // ø
    case u'\u00E6':
        return QStringLiteral("ae"); // æ
    case u'\u0153':
        return QStringLiteral("oe"); // œ
    case u'\u0142':
        return QStringLiteral("l"); // ł
    case u'\u0111':
    case u'\u00F0':
        return QStringLiteral("d"); // đ ð
    case u'\u00FE':
        return QStringLiteral("th"); // þ
    case u'\u0131':
        return QStringLiteral("i"); // dotless ı
    default:
        return QString(c);
    }
}

// The shared part of the name-type normalisation: letters, digits and single spaces remain.
QStringList nameTokens(const QString &name)
{
    QString folded;
    const bool ascii = std::all_of(name.cbegin(), name.cend(), [](QChar c) { return c.unicode() < 0x80; });
    if (ascii) {
        folded = name.toCaseFolded(); // ASCII is its own NFKD form, with no marks to drop
    } else {
        folded.reserve(name.size());
        for (const QChar c : name.normalized(QString::NormalizationForm_KD)) {
            const auto category = c.category();
            if (category != QChar::Mark_NonSpacing && category != QChar::Mark_Enclosing)
                folded += c;
        }
        folded = folded.toCaseFolded();
    }

    static const QRegularExpression possessive(QStringLiteral("['\u2019\u02BC]s(?![\\p{L}\\p{N}])"));
    if (folded.contains(u'\'') || folded.contains(u'\u2019') || folded.contains(u'\u02BC'))
        folded.replace(possessive, QString());

    QString out;
    out.reserve(folded.size() + 8);
    int segment = 0; // letters/digits since the last space or joined period
    for (const QChar c : folded) {
        if (isApostrophe(c)) {
            continue; // "o'brien" → "obrien"
        } else if (c.isLetterOrNumber()) {
            out += foldLetter(c);
            ++segment;
        } else if (c == u'&') {
            out += QStringLiteral(" and ");
            segment = 0;
        } else if (c == u'.' && segment == 1) {
            segment = 0; // "s.a." → "sa", "u.s." → "us"
        } else {
            out += u' ';
            segment = 0;
        }
    }
    return out.split(u' ', Qt::SkipEmptyParts);
}

const QSet<QString> &personTitles()
{
    static const QSet<QString> titles{QStringLiteral("mr"),       QStringLiteral("mrs"), QStringLiteral("ms"),
                                      QStringLiteral("miss"),     QStringLiteral("dr"),  QStringLiteral("prof"),
                                      QStringLiteral("professor")};
    return titles;
}

const QSet<QString> &corporateSuffixes()
{
    static const QSet<QString> suffixes{
        QStringLiteral("inc"),     QStringLiteral("incorporated"), QStringLiteral("ltd"),
        QStringLiteral("limited"), QStringLiteral("llc"),          QStringLiteral("gmbh"),
        QStringLiteral("ag"),      QStringLiteral("sa"),           QStringLiteral("plc"),
        QStringLiteral("corp"),    QStringLiteral("corporation"),  QStringLiteral("co"),
        QStringLiteral("company")};
    return suffixes;
}

// Words acronyms usually skip: "Federal Bureau of Investigation" → FBI.
const QSet<QString> &acronymStopWords()
{
    static const QSet<QString> words{QStringLiteral("of"),  QStringLiteral("and"), QStringLiteral("the"),
                                     QStringLiteral("for"), QStringLiteral("de"),  QStringLiteral("la"),
                                     QStringLiteral("le"),  QStringLiteral("du"),  QStringLiteral("des"),
                                     QStringLiteral("der"), QStringLiteral("von"), QStringLiteral("van"),
                                     QStringLiteral("und"), QStringLiteral("et")};
    return words;
}

// nameKey() of an ASCII name in one pass, without the regex, the token list and the strings in
// between: the same rules as nameTokens() and nameKey() (tst_entityresolver compares the two on
// generated names). Returns false, leaving `key` alone, when the name is not ASCII.
bool asciiNameKey(QStringView name, EntityType type, QString &key)
{
    const qsizetype n = name.size();
    const char16_t *in = name.utf16();
    if (!std::all_of(in, in + n, [](char16_t c) { return c < 0x80; }))
        return false;
    const auto isWordChar = [](char16_t c) { return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'); };
    const auto lower = [](char16_t c) { return c >= u'A' && c <= u'Z' ? char16_t(c + (u'a' - u'A')) : c; };
    QVarLengthArray<char16_t, 128> out;
    QVarLengthArray<std::pair<qsizetype, qsizetype>, 16> tokens; // [start, end) in `out`
    qsizetype tokenStart = 0;
    const auto endToken = [&] {
        if (out.size() > tokenStart)
            tokens.append({tokenStart, out.size()});
    };
    int segment = 0; // letters/digits since the last space or joined period
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = lower(in[i]);
        if (c == u'\'' && i + 1 < n && lower(in[i + 1]) == u's' && (i + 2 >= n || !isWordChar(lower(in[i + 2])))) {
            ++i; // possessive 's: dropped
            continue;
        }
        if (c == u'\'' || c == u'`') {
            continue; // "o'brien" → "obrien"
        } else if (isWordChar(c)) {
            out.append(c);
            ++segment;
        } else if (c == u'&') {
            endToken();
            out.append(u"and", 3);
            tokens.append({out.size() - 3, out.size()});
            tokenStart = out.size();
            segment = 0;
        } else if (c == u'.' && segment == 1) {
            segment = 0; // "s.a." → "sa", "u.s." → "us"
        } else {
            endToken();
            tokenStart = out.size();
            segment = 0;
        }
    }
    endToken();

    qsizetype first = 0, last = tokens.size(); // the tokens kept: [first, last)
    const auto token = [&](qsizetype t) {
        return QString::fromRawData(reinterpret_cast<const QChar *>(out.constData()) + tokens[t].first,
                                    tokens[t].second - tokens[t].first);
    };
    if (type == EntityType::Person) {
        while (last - first > 1 && personTitles().contains(token(first)))
            ++first;
    }
    if ((type == EntityType::Organization || type == EntityType::Misc) && last - first > 1 && token(first) == u"the")
        ++first;
    if (type == EntityType::Organization) {
        while (last - first > 1 && corporateSuffixes().contains(token(last - 1))) {
            --last;
            if (last - first > 1 && token(last - 1) == u"and")
                --last; // "marks and co" → "marks"
        }
    }
    key.clear();
    if (first < last)
        key.reserve(tokens[last - 1].second - tokens[first].first);
    for (qsizetype t = first; t < last; ++t) {
        if (t > first)
            key += u' ';
        key.append(reinterpret_cast<const QChar *>(out.constData()) + tokens[t].first,
                   tokens[t].second - tokens[t].first);
    }
    return true;
}

QString nameKey(const QString &name, EntityType type)
{
    if (QString key; asciiNameKey(name, type, key))
        return key;
    QStringList tokens = nameTokens(name);
    if (type == EntityType::Person) {
        while (tokens.size() > 1 && personTitles().contains(tokens.first()))
            tokens.removeFirst();
    }
    if ((type == EntityType::Organization || type == EntityType::Misc) && tokens.size() > 1 && tokens.first() == u"the")
        tokens.removeFirst();
    if (type == EntityType::Organization) {
        while (tokens.size() > 1 && corporateSuffixes().contains(tokens.last())) {
            tokens.removeLast();
            if (tokens.size() > 1 && tokens.last() == u"and")
                tokens.removeLast(); // "marks and co" → "marks"
        }
    }
    return tokens.join(u' ');
}

QStringList keyTokens(const QString &key)
{
    return key.split(u' ', Qt::SkipEmptyParts);
}

bool isAllCapitals(const QString &text)
{
    int letters = 0;
    for (const QChar c : text) {
        if (!c.isLetter())
            continue;
        if (!c.isUpper())
            return false;
        ++letters;
    }
    return letters >= 2;
}

// Initials of a multi-word key: of every word, and of the words that are not stop words.
QStringList initialsOf(const QString &key)
{
    const QStringList tokens = keyTokens(key);
    if (tokens.size() < 2)
        return {};
    QString all, significant;
    for (const QString &token : tokens) {
        all += token.front();
        if (!acronymStopWords().contains(token))
            significant += token.front();
    }
    QStringList result{all};
    if (significant.size() >= 2 && significant != all)
        result += significant;
    return result;
}

struct Cluster
{
    EntityType type = EntityType::Misc;
    QString founderKey;
    QList<int> members; // indices into the input
};

// A set of cluster indices; nearly always one or two, so a short list until it grows.
class ClusterSet
{
public:
    void insert(int cluster)
    {
        if (!m_many.isEmpty()) {
            m_many.insert(cluster);
        } else if (!m_few.contains(cluster)) {
            if (m_few.size() < fewLimit) {
                m_few.append(cluster);
            } else {
                m_many = QSet<int>(m_few.cbegin(), m_few.cend());
                m_many.insert(cluster);
            }
        }
    }
    // The only member, or -1 when there are none or several.
    int only() const
    {
        if (m_many.isEmpty())
            return m_few.size() == 1 ? m_few.front() : -1;
        return m_many.size() == 1 ? *m_many.cbegin() : -1;
    }
    bool isEmpty() const { return m_few.isEmpty() && m_many.isEmpty(); }
    template<typename F>
    void forEach(F &&f) const
    {
        if (m_many.isEmpty())
            std::for_each(m_few.cbegin(), m_few.cend(), f);
        else
            std::for_each(m_many.cbegin(), m_many.cend(), f);
    }

private:
    static constexpr qsizetype fewLimit = 16;
    QVarLengthArray<int, 2> m_few;
    QSet<int> m_many; // all members, once there are more than fewLimit
};

struct TypedKey
{
    EntityType type;
    QString key;
    bool operator==(const TypedKey &) const = default;
};

size_t qHash(const TypedKey &k, size_t seed = 0)
{
    return qHashMulti(seed, int(k.type), k.key);
}

} // namespace

QString EntityResolver::normalizedKey(const QString &name, EntityType type)
{
    QString key;
    if (isNameType(type)) {
        key = nameKey(name, type);
    } else {
        key = name.simplified().toCaseFolded();
        if (type == EntityType::Url) {
            while (key.endsWith(u'/') && !key.endsWith(QStringLiteral("//")))
                key.chop(1);
        }
    }
    if (key.isEmpty())
        key = name.simplified().toCaseFolded(); // "!!!" is not nothing
    return key;
}

QString EntityResolver::entityId(EntityType type, const QString &key)
{
    const QByteArray input = entityTypeName(type).toUtf8() + '\x1f' + key.toUtf8();
    const QByteArray digest = QCryptographicHash::hash(input, QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.left(16).toHex());
}

// One sense per document, decided by all the mentions of a name before any is resolved. A MISC
// mention of confidence 0.5 is the extractor saying "a name, no evidence of its kind"; one of 0.6
// or more has evidence of its own (a software name, "SQLite", "NaN", an acronym). The typed kind
// most mentions gave wins when it has at least as many mentions as the MISC with evidence, and
// the MISC mentions take it (wherever they stand: "Zentrix ... Zentrix, the Oslo-based company");
// when the evidence for MISC outweighs every typed kind, the typed minority was noise ("the
// SQLite-based tools" read as a place, in a manual naming SQLite a hundred times) and becomes MISC;
// so does weak evidence of a place under a name mostly used with none ("in Debian").
QList<EntityType> EntityResolver::senseInDocument(const QList<Mention> &mentions)
{
    QList<EntityType> typeOf(mentions.size());
    struct Votes
    {
        int person = 0, organisation = 0, location = 0, miscWithEvidence = 0;
        int weakLocation = 0, untyped = 0; // "in X" (0.6), and MISC with no evidence (0.5)
    };
    QHash<QString, Votes> votes;
    QList<QString> voteKey(mentions.size());
    QHash<QString, QString> keyOfName; // names repeat: each is normalised once
    for (int i = 0; i < mentions.size(); ++i) {
        const Mention &m = mentions[i];
        typeOf[i] = m.type;
        if (!isNameType(m.type))
            continue;
        const QString &name = m.name.isEmpty() ? m.text : m.name;
        auto key = keyOfName.constFind(name);
        if (key == keyOfName.cend()) // the plain key: no title, "the" or legal form dropped
            key = keyOfName.insert(name, nameKey(name, EntityType::Location));
        voteKey[i] = *key;
        Votes &v = votes[voteKey[i]];
        switch (m.type) {
        case EntityType::Person:
            ++v.person;
            break;
        case EntityType::Organization:
            ++v.organisation;
            break;
        case EntityType::Location:
            ++v.location;
            v.weakLocation += m.confidence <= 0.6 ? 1 : 0;
            break;
        default:
            v.miscWithEvidence += m.confidence >= 0.6 ? 1 : 0;
            v.untyped += m.confidence < 0.6 ? 1 : 0;
            break;
        }
    }
    for (int i = 0; i < mentions.size(); ++i) {
        if (voteKey[i].isEmpty())
            continue;
        Votes v = votes.value(voteKey[i]);
        const bool weakPlace = v.location > 0 && v.weakLocation == v.location;
        // Only weak evidence of a place ("in Debian", "at Unicode"), under a name the document
        // uses three times as often with none: a thing things are "in", not a place (a place
        // is named with a place's words too: "from X", "X, Kansas", "the town of X").
        if (weakPlace && v.untyped > 3 * v.location)
            v.location = 0;
        // Weak evidence of a place ("in Abramowitz and Stegun") counts half against a person or
        // organisation said with evidence of its own ("Abramowitz, M. (1972)").
        else if (weakPlace && (v.person > 0 || v.organisation > 0))
            v.location /= 2;
        const bool placeOverruled = weakPlace && typeOf[i] == EntityType::Location;
        const int best = std::max({v.person, v.organisation, v.location});
        if (best == 0) {
            if (placeOverruled)
                typeOf[i] = EntityType::Misc;
            continue; // only MISC
        }
        if (v.miscWithEvidence > best) {
            typeOf[i] = EntityType::Misc;
            continue;
        }
        // A tie between typed kinds decides nothing: each keeps its own.
        const int winners = (v.person == best) + (v.organisation == best) + (v.location == best);
        if ((typeOf[i] == EntityType::Misc || (placeOverruled && v.location < best)) && winners == 1)
            typeOf[i] = v.person == best ? EntityType::Person
                : v.organisation == best ? EntityType::Organization
                                         : EntityType::Location;
    }
    return typeOf;
}

QList<EntityResolver::ResolvedMention> EntityResolver::resolveDocument(const QList<Mention> &mentions) const
{
    // Document order, independent of the list's order; ties broken by content, then index.
    QList<int> order(mentions.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const Mention &x = mentions[a], &y = mentions[b];
        if (x.start != y.start)
            return x.start < y.start;
        if (x.end != y.end)
            return x.end < y.end;
        if (x.type != y.type)
            return int(x.type) < int(y.type);
        return x.text < y.text;
    });

    QList<Cluster> clusters;
    QList<int> clusterOf(mentions.size(), -1);
    QList<QString> memberKey(mentions.size()); // each mention's key under its cluster's type
    QHash<TypedKey, int> founders;             // (type, key) → the cluster it founded
    QHash<TypedKey, ClusterSet> keyOwners;     // (type, key) → clusters with a member of that key
    QHash<QString, ClusterSet> nameParts;      // first/last token → multi-token PERSON clusters
    QHash<QString, ClusterSet> acronyms;       // initials → multi-word ORGANIZATION clusters

    const auto join = [&](int mention, int cluster, const QString &key) {
        clusterOf[mention] = cluster;
        memberKey[mention] = key;
        clusters[cluster].members += mention;
        keyOwners[TypedKey{clusters[cluster].type, key}].insert(cluster);
    };
    // Names repeat throughout a document: each (text, type) is normalised once.
    QHash<TypedKey, QString> keys;
    const auto keyOf = [&keys](const QString &text, EntityType type) {
        const TypedKey query{type, text};
        if (const auto it = keys.constFind(query); it != keys.cend())
            return *it;
        return *keys.insert(query, normalizedKey(text, type));
    };
    // A vocabulary alias resolves as the name it stands for.
    const auto nameOf = [](const Mention &m) -> const QString & { return m.name.isEmpty() ? m.text : m.name; };
    const auto onlyOne = [](const QHash<QString, ClusterSet> &sets, const QString &key) {
        const auto found = sets.constFind(key);
        return found == sets.cend() ? -1 : found->only();
    };

    const QList<EntityType> typeOf = senseInDocument(mentions);
    for (const int i : std::as_const(order)) {
        Mention m = mentions[i];
        m.type = typeOf[i];
        if (nameOf(m).trimmed().isEmpty())
            continue; // not an entity: empty id, key and name
        const QString key = keyOf(nameOf(m), m.type);

        if (m.type == EntityType::Misc) {
            // Typed entities first: MISC is the extractor saying "a name, kind unknown".
            // The one cluster owning the name under any of these types, if exactly one does
            // (found without building the union of the owners).
            int target = -1;
            bool several = false;
            QString typedKey;
            for (const EntityType type : {EntityType::Person, EntityType::Organization, EntityType::Location}) {
                const QString k = keyOf(nameOf(m), type);
                const auto owners = keyOwners.constFind(TypedKey{type, k});
                if (owners == keyOwners.cend() || owners->isEmpty())
                    continue;
                typedKey = k;
                owners->forEach([&](int cluster) {
                    if (target < 0)
                        target = cluster;
                    else if (cluster != target)
                        several = true;
                });
            }
            if (target >= 0 && !several) {
                join(i, target, typedKey);
                continue;
            }
        }
        if (const auto it = founders.constFind(TypedKey{m.type, key}); it != founders.cend()) {
            join(i, *it, key);
            continue;
        }

        int target = -1;
        const bool oneToken = !key.contains(u' ');
        if (m.type == EntityType::Person && oneToken)
            target = onlyOne(nameParts, key);
        else if (m.type == EntityType::Organization && oneToken && isAllCapitals(nameOf(m)))
            target = onlyOne(acronyms, key);

        if (target < 0) {
            target = int(clusters.size());
            clusters.append(Cluster{m.type, key, {}});
            founders.insert(TypedKey{m.type, key}, target);
            const QStringList tokens = keyTokens(key);
            if (m.type == EntityType::Person && tokens.size() > 1) {
                nameParts[tokens.first()].insert(target);
                nameParts[tokens.last()].insert(target);
            } else if (m.type == EntityType::Organization) {
                for (const QString &initials : initialsOf(key))
                    acronyms[initials].insert(target);
            }
        }
        join(i, target, key);
    }

    // Every member key is the founder's or shorter (aliases and acronyms are single tokens of a
    // multi-token key; MISC joins repeat an existing key), so the founder key is the longest.
    QList<ResolvedMention> result(mentions.size());
    QList<QString> canonical(clusters.size());
    QList<QString> ids(clusters.size());
    for (int c = 0; c < clusters.size(); ++c)
        ids[c] = entityId(clusters[c].type, clusters[c].founderKey);
    for (int c = 0; c < clusters.size(); ++c) {
        for (const int member : std::as_const(clusters[c].members)) {
            if (memberKey[member] == clusters[c].founderKey && nameOf(mentions[member]).size() > canonical[c].size())
                canonical[c] = nameOf(mentions[member]);
        }
    }
    // A name that ran over a line break ("Object\n   Oriented Programming") is one line.
    for (QString &name : canonical)
        name = name.simplified();
    for (int i = 0; i < mentions.size(); ++i) {
        result[i].mention = i;
        const int c = clusterOf[i];
        if (c < 0) {
            result[i].type = typeOf[i];
            continue;
        }
        result[i].type = clusters[c].type;
        result[i].key = clusters[c].founderKey;
        result[i].canonicalName = canonical[c];
        result[i].entityId = ids[c];
    }
    return result;
}

} // namespace gw
