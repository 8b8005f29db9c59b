#pragma once

#include "mention.h"

#include <QList>
#include <QString>

namespace gw {

class CancellationToken;

// The pattern half of entity extraction: e-mail addresses, URLs, amounts of money, percentages
// and dates, found with regular expressions compiled once per process and shared read-only by
// every thread. Stateless; EntityExtractor runs it before its capitalisation guesses.
class EntityPatterns
{
public:
    // All pattern mentions of the text, sorted by start, without overlaps (the longest of two
    // overlapping matches wins; on a tie, the earlier one). Confidence 1.0.
    // Throws CancelledError when the token is cancelled.
    static QList<Mention> find(const QString &text, const CancellationToken &token);
};

} // namespace gw
