#pragma once

#include "core/cancellation.h"
#include "mention.h"
#include "relationmention.h"

#include <QList>
#include <QString>

#include <utility>

namespace gw {

// Finds typed relations between two mentions of one sentence, from verb and preposition patterns
// on the text between them ("worked for", "was founded by", ", daughter of"), plus co-occurrence
// for every other pair of entity mentions in a sentence. Deterministic and stateless: one
// instance may be shared by any number of threads (the patterns are compiled once, read-only).
//
// Only PERSON, ORGANIZATION, LOCATION and MISC mentions become relation ends. DATE, MONEY,
// PERCENT, EMAIL and URL are values, not graph nodes: relating them would make every year or
// amount a hub linking unrelated entities. They still act as fillers ("founded in 1976 by").
class RelationExtractor
{
public:
    static constexpr int defaultMaxCoOccurrencesPerSentence = 50;

    // At most maxCoOccurrencesPerSentence co_occurs relations per sentence, nearest pairs first,
    // so a sentence listing 200 names cannot produce 20,000 edges.
    explicit RelationExtractor(int maxCoOccurrencesPerSentence = defaultMaxCoOccurrencesPerSentence);

    int maxCoOccurrencesPerSentence() const { return m_maxCoOccurrences; }

    // Relations between mentions[subject] and mentions[object], each with its sentence span as
    // evidence; no duplicates (type, subject, object, sentence); sorted by sentence, then subject
    // and object position. Mentions with offsets outside the text are ignored. Polls the token
    // once per sentence and throws CancelledError.
    QList<RelationMention> extract(const QString &text, const QList<Mention> &mentions,
                                   const CancellationToken &token = {}) const;

    // The sentence spans [start, end) used as evidence, trimmed of surrounding white space.
    // Boundaries inside a mention, or after a title or an initial ("Dr.", "J."), are dropped.
    static QList<std::pair<qsizetype, qsizetype>> sentenceSpans(const QString &text, const QList<Mention> &mentions);

private:
    int m_maxCoOccurrences;
};

} // namespace gw
