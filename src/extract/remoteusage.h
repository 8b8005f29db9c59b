#pragma once

#include <QtGlobal>

namespace gw {

// What remote extraction cost: for one chunk (RemoteExtractor::Result), summed per document
// (DocumentSnapshot) and per job (IngestSummary). Tokens are as the endpoint's answers reported
// them in "usage"; an endpoint that reports none costs 0 here.
struct RemoteUsage
{
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    qint64 calls = 0;      // HTTP requests sent (a retry is one more; a refused or failed one too)
    qint64 cached = 0;     // chunks answered from the cache, without a request
    qint64 fallbacks = 0;  // chunks done by the built-in extractor instead
    qint64 overBudget = 0; // of those, the chunks that fell back because the token budget was spent
    // Answers that did not follow the ExtractionSchema (not JSON, another shape, beyond the bounds):
    // not used, not cached; their chunks fell back (counted in fallbacks too).
    qint64 invalid = 0;

    qint64 tokens() const { return promptTokens + completionTokens; }
    RemoteUsage &operator+=(const RemoteUsage &other)
    {
        promptTokens += other.promptTokens;
        completionTokens += other.completionTokens;
        calls += other.calls;
        cached += other.cached;
        fallbacks += other.fallbacks;
        overBudget += other.overBudget;
        invalid += other.invalid;
        return *this;
    }
    bool operator==(const RemoteUsage &) const = default;
};

} // namespace gw
