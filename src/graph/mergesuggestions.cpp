#include "mergesuggestions.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace gw {

namespace {

bool compatible(const QString &a, const QString &b)
{
    return a == b || a == QLatin1String("MISC") || b == QLatin1String("MISC");
}

// "PSF" for "Python Software Foundation", "FSF" for "the Free Software Foundation"; empty unless
// the name has at least two capitalised words.
QString initials(const QStringList &words)
{
    QString out;
    for (const QString &word : words)
        if (!word.isEmpty() && word.at(0).isUpper())
            out += word.at(0);
    return out.size() >= 2 ? out : QString();
}

// A heading or a shout, not a name spelled out: "NORTH AMERICAN MALES".
bool allCapitals(const QString &name)
{
    return std::none_of(name.cbegin(), name.cend(), [](QChar c) { return c.isLower(); });
}

// An identifier of code, not a word of a name: a digit, or a capital after a small letter inside
// it ("Rd2latex", "MemoryContextSwitchTo"; not "McDonald" alone: see the caller).
bool looksLikeCode(const QString &word)
{
    for (qsizetype i = 0; i < word.size(); ++i) {
        if (word.at(i).isDigit())
            return true;
        if (i > 0 && word.at(i).isUpper() && word.at(i - 1).isLower())
            return true;
    }
    return false;
}

bool isAcronym(const QString &name)
{
    if (name.size() < 2 || name.size() > 6)
        return false;
    return std::all_of(name.cbegin(), name.cend(), [](QChar c) { return c.isUpper() && c.isLetter(); });
}

} // namespace

QString MergeSuggestions::pairKey(const QString &a, const QString &b)
{
    return a < b ? a + QLatin1Char(' ') + b : b + QLatin1Char(' ') + a;
}

QSet<QString> MergeSuggestions::rejectedPairs(const QList<CurationEdit> &edits)
{
    QSet<QString> out;
    for (const CurationEdit &edit : edits) {
        if (edit.kind != QLatin1String("distinct"))
            continue;
        const QJsonArray ids = edit.payload.value(QStringLiteral("ids")).toArray();
        if (ids.size() == 2)
            out.insert(pairKey(ids.at(0).toString(), ids.at(1).toString()));
    }
    return out;
}

QList<MergeSuggestion> MergeSuggestions::find(const KnowledgeGraph &graph, const QSet<QString> &rejected, int limit)
{
    QHash<QString, MergeSuggestion> best; // by pair key: the strongest reason wins
    const auto propose = [&](int a, int b, double strength, const QString &reason) {
        if (a == b)
            return;
        const GraphNode &x = graph.node(a), &y = graph.node(b);
        if (!compatible(x.type, y.type))
            return;
        const QString key = pairKey(x.id, y.id);
        if (rejected.contains(key))
            return;
        // Pairs that matter first: both sides mentioned, the smaller side most.
        const double score = strength * std::log2(2.0 + double(std::min(x.mentions, y.mentions)));
        const auto found = best.constFind(key);
        if (found != best.constEnd() && found->score >= score)
            return;
        const bool keepA = x.mentions > y.mentions || (x.mentions == y.mentions && x.name.size() >= y.name.size());
        best.insert(key, {keepA ? a : b, keepA ? b : a, reason, score});
    };

    // Names by their lower case; acronyms; multi-word names by their initials.
    QHash<QString, QList<int>> byName, byAcronym, byInitials;
    QList<QStringList> words(graph.nodeCount());
    for (int i = 0; i < graph.nodeCount(); ++i) {
        const GraphNode &node = graph.node(i);
        if (!KnowledgeGraph::isNameType(node.type))
            continue;
        words[i] = node.name.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const QString lower = words.at(i).join(QLatin1Char(' ')).toLower();
        byName[lower].append(i);
        if (isAcronym(node.name))
            byAcronym[node.name].append(i);
        if (words.at(i).size() >= 2)
            if (const QString letters = initials(words.at(i)); !letters.isEmpty())
                byInitials[letters].append(i);
    }

    const QString acronymReason = QCoreApplication::translate("gw::MergeSuggestions", "an acronym and its long form");
    for (auto it = byAcronym.cbegin(); it != byAcronym.cend(); ++it) {
        const QList<int> longForms = byInitials.value(it.key());
        if (longForms.isEmpty() || longForms.size() > 3)
            continue; // "CPU" against ten "C... P... U..." names says nothing
        for (const int acronym : it.value())
            for (const int longForm : longForms) {
                // A person's initials are seldom a name of their own ("HLM", "TMP"), and a
                // heading in capitals is not a long form ("NORTH AMERICAN MALES").
                const GraphNode &node = graph.node(longForm);
                if (node.type == QLatin1String("PERSON") || allCapitals(node.name))
                    continue;
                propose(longForm, acronym, longForms.size() == 1 ? 4 : 2, acronymReason);
            }
    }

    const QString beginsReason = QCoreApplication::translate("gw::MergeSuggestions", "one name begins the other");
    const QString endsReason =
        QCoreApplication::translate("gw::MergeSuggestions", "a name that ends several full names");
    QHash<QString, QList<int>> personsByLastWord;
    for (int i = 0; i < graph.nodeCount(); ++i)
        if (graph.node(i).type == QLatin1String("PERSON") && words.at(i).size() >= 2
            && std::all_of(words.at(i).cbegin(), words.at(i).cend(), [](const QString &word) {
                   return word.at(0).isUpper(); // "God of Abraham" is not a full name ending in "Abraham"
               }))
            personsByLastWord[words.at(i).last().toLower()].append(i);
    // Two people's names side by side ("Sarai Abram", "Mordecai Esther") are mostly a list the
    // extractor glued, not a longer name of the first.
    // (Also the names merged into a node: a lone "Esther" joined "Mordecai Esther".)
    QSet<QString> personNames;
    for (const GraphNode &node : graph.nodes()) {
        if (node.type != QLatin1String("PERSON"))
            continue;
        personNames.insert(node.name.toLower());
        for (const QString &alias : node.aliases)
            personNames.insert(alias.toLower());
    }
    const auto isPerson = [&](const QString &word) { return personNames.contains(word.toLower()); };
    QHash<int, QList<int>> begunBy; // a name -> the longer names that begin with it
    for (int i = 0; i < graph.nodeCount(); ++i) {
        if (words.at(i).size() < 2)
            continue;
        if (words.at(i).size() == 2 && isPerson(words.at(i).at(0)) && isPerson(words.at(i).at(1)))
            continue;
        // A person's or a place's longer name ("Bill Venables", "Gibeah of Benjamin"), or any
        // "X of Y"; not a thing named after another ("SQLite Archive", "Windows NT").
        const QString &type = graph.node(i).type;
        const bool longerName = type == QLatin1String("PERSON") || type == QLatin1String("LOCATION")
            || words.at(i).at(1) == QLatin1String("of");
        if (!longerName)
            continue;
        // Code identifiers side by side ("HeapTuple BuildTupleFromCStrings") are a list.
        if (looksLikeCode(words.at(i).at(0)) && looksLikeCode(words.at(i).at(1)))
            continue;
        // Written alike, capitals included: "NICE" does not begin "Nice Guy", nor "PK" "Pk Pn".
        const auto beginsWith = [&](int shorter, const QString &prefix) {
            return words.at(shorter).join(QLatin1Char(' ')) == prefix;
        };
        for (const int shorter : byName.value(words.at(i).first().toLower()))
            if (beginsWith(shorter, words.at(i).first()))
                begunBy[shorter].append(i);
        if (words.at(i).size() >= 3) { // "Debian Project Leader" begins with "Debian Project" too
            const QString two = words.at(i).at(0) + QLatin1Char(' ') + words.at(i).at(1);
            for (const int shorter : byName.value(two.toLower()))
                if (beginsWith(shorter, two))
                    begunBy[shorter].append(i);
        }
    }
    // Only where one longer name begins with it: "Thomas" begins five people's names in a
    // project of manuals, and is none of them for sure.
    for (auto it = begunBy.cbegin(); it != begunBy.cend(); ++it)
        if (it.value().size() == 1)
            propose(it.value().first(), it.key(), 3, beginsReason);
    for (auto it = personsByLastWord.cbegin(); it != personsByLastWord.cend(); ++it) {
        if (it.value().size() < 2 || it.value().size() > 4)
            continue;
        for (const int lone : byName.value(it.key()))
            for (const int full : it.value())
                propose(full, lone, 1.5, endsReason);
    }

    // A name and its plural ("Levite" / "Levites", "Pharisee" / "Pharisees"). Not any letter
    // more or changed: biblical and technical names a letter apart are mostly different ("Joah" /
    // "Joash", "Amnon" / "Ammon", "Jesse" / "Jesus"; 12 of 14 such pairs in a scripture project).
    const QString pluralReason = QCoreApplication::translate("gw::MergeSuggestions", "a name and its plural");
    for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
        if (it.key().size() < 4 || it.key().contains(QLatin1Char(' ')) || it.key().endsWith(QLatin1Char('s')))
            continue; // "Moabites" is not the singular of "Moabitess"
        for (const QString &suffix : {QStringLiteral("s"), QStringLiteral("es")})
            for (const int plural : byName.value(it.key() + suffix))
                for (const int singular : it.value())
                    propose(singular, plural, 2, pluralReason);
    }

    QList<MergeSuggestion> out = best.values();
    std::sort(out.begin(), out.end(), [&graph](const MergeSuggestion &a, const MergeSuggestion &b) {
        if (a.score != b.score)
            return a.score > b.score;
        return graph.node(a.merge).id < graph.node(b.merge).id; // the same order every time
    });
    if (limit >= 0 && out.size() > limit)
        out.resize(limit);
    return out;
}

} // namespace gw
