#pragma once
// Likely duplicates in a (curated) graph, ranked, each with the reason a person can check: the
// review queue of curation. Accepting one is a merge edit; rejecting one is a "distinct" edit, so
// the pair is not proposed again (CurationRules).
//
// Reasons, strongest first:
//   - an acronym and its long form: "PSF" / "Python Software Foundation";
//   - a name that begins another: "Aaron" / "Aaron the Levite", "Debian" / "Debian Project";
//   - a lone name that ends a person's full name, where several full names end with it (one
//     alone is merged automatically): "Saul" / "Jonathan Saul";
//   - a name and its plural: "Levite" / "Levites".
// Only names of compatible types are paired (the same type, or one of them MISC).
#include "graph/knowledgegraph.h"

#include <QList>
#include <QSet>
#include <QString>

namespace gw {

struct MergeSuggestion
{
    int keep = -1;  // node index: the one with more mentions
    int merge = -1; // node index: the one that would join it
    QString reason;
    double score = 0; // higher first
};

class MergeSuggestions
{
public:
    // "a b" with a < b: pairs of node ids a person said are different.
    static QString pairKey(const QString &a, const QString &b);
    // The distinct pairs that `edits` (in force) record.
    static QSet<QString> rejectedPairs(const QList<CurationEdit> &edits);

    // At most `limit` suggestions, best first; none for a rejected pair.
    static QList<MergeSuggestion> find(const KnowledgeGraph &graph, const QSet<QString> &rejected, int limit);
};

} // namespace gw
