#pragma once

#include "chatcompletionclient.h"
#include "chatextractioncodec.h"
#include "core/cancellation.h"
#include "extractionschema.h"
#include "core/circuitbreaker.h"
#include "mention.h"
#include "relationmention.h"
#include "remoteextractorsettings.h"
#include "remoteusage.h"

#include <QCoroTask>
#include <QList>
#include <QString>
#include <QUrl>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>

namespace gw {

class AsyncSemaphore;
class EntityExtractor;
class ExtractionCache;
class RelationExtractor;
class Vocabulary;

// What the remote extractor has done so far; a plain value for reports and tests.
struct RemoteExtractorStats
{
    quint64 chunks = 0;              // extract() calls that returned
    quint64 requests = 0;            // HTTP requests sent (each retry is one more)
    quint64 remoteAnswers = 0;       // chunks answered by the endpoint
    quint64 cacheHits = 0;           // chunks answered from the cache, without a request
    quint64 fallbacks = 0;           // chunks done by the built-in extractor instead
    quint64 malformed = 0;           // answers that were not JSON of the asked-for schema (RemoteUsage::invalid)
    quint64 unplaced = 0;            // entities and relations of answers not found in their chunk
    quint64 cacheErrors = 0;         // cache reads or writes that threw (treated as misses)
    quint64 promptTokens = 0;        // usage.prompt_tokens of every answer (malformed ones too)
    quint64 completionTokens = 0;    // usage.completion_tokens of every answer
    bool credentialsRefused = false; // the endpoint refused the API key: no more requests
    QString refusalReason;           // then: what it said (endpoint, HTTP status; never the key)
    quint64 overBudget = 0;          // chunks done by the built-in extractor as the budget was spent
    bool budgetReached = false;      // settings().budgetTokens > 0 and the tokens reached it
    QString lastFallbackReason;
};

// Entities and relations of a chunk from an OpenAI-compatible chat-completions endpoint (Ollama,
// llama.cpp server, vLLM), asked for JSON of the ExtractionSchema (with response_format
// json_schema when settings.honoursJsonSchema, else json_object; see ChatExtractionCodec). Per
// chunk:
//   1. the cache (when given): an answer stored for the same endpoint, model, prompt version,
//      request shape (instructions, response format, schema, vocabulary) and text is used again,
//      and no request is made;
//   2. else one request through the circuit breaker: a per-attempt timeout, bounded retries with
//      exponential backoff and jitter for transient failures (connection errors, HTTP 5xx and
//      429, timeouts; not other 4xx, nor malformed answers), at most maxConcurrent requests in
//      flight over all threads; a good answer goes into the cache. An answer that does not follow
//      the schema (or is beyond ChatExtractionCodec's bounds) is counted (RemoteUsage::invalid),
//      not cached, and its chunk falls back;
//   3. while the breaker is open, or when the call failed after its retries, the built-in
//      extractors do the chunk (a fallback, counted), so the document still succeeds.
// When the endpoint refuses the API key (HTTP 401/403), no retry or later probe could succeed:
// the extractor trips the breaker and sends no further request for its life (every chunk falls
// back, with that refusal as the reason), rather than have the breaker probe it again each
// recovery period.
// With a token budget (settings.budgetTokens), a chunk that is not in the cache is not asked for
// once the answers so far reported that many tokens: it falls back (counted in overBudget). The
// check is made again once the chunk holds a request slot, so with maxConcurrent = 1 no request
// starts after the budget is reached; with more, up to maxConcurrent - 1 answers may be on their
// way when it is.
// Only a cancellation throws (CancelledError); it aborts a request in flight at once.
//
// extract() blocks its thread and runs a nested event loop there for the network and the
// breaker's timers: call it on worker threads (QThreadPool), never on the GUI thread. One
// instance serves any number of threads.
class RemoteExtractor
{
public:
    enum class Origin { Remote, Cache, Fallback };
    struct Result
    {
        QList<Mention> mentions;          // as EntityExtractor::extract: sorted, not overlapping
        QList<RelationMention> relations; // indices into mentions
        Origin origin = Origin::Remote;
        RemoteUsage usage; // what this chunk cost: its requests, their tokens, cache or fallback
    };

    // The name of the breaker in a CircuitBreakerRegistry: "remote extractor".
    static QString breakerName();
    // `base` with the call timeout and retries of `settings`.
    static CircuitBreakerSettings breakerSettings(const RemoteExtractorSettings &settings,
                                                  CircuitBreakerSettings base = {});
    // The chat-completions URL for what a person typed: a URL ending in /chat/completions is
    // used as it is; otherwise "/v1" (unless already there) and "/chat/completions" are added.
    // "localhost:11434" becomes http://localhost:11434/v1/chat/completions.
    static QUrl endpointUrl(const QString &url);
    // "GRAPHWRIGHT_API_KEY": the environment variable of the API key.
    static QString apiKeyVariable();
    // The key requests carry: the environment variable's when it is set and not empty, else
    // settings.apiKey (say, from the system keyring); may be empty.
    static QString effectiveApiKey(const RemoteExtractorSettings &settings);

    // The fallback extractors and the cache must outlive this object. Without a cache every
    // chunk is asked for.
    RemoteExtractor(const RemoteExtractorSettings &settings, const EntityExtractor &fallbackEntities,
                    const RelationExtractor &fallbackRelations, std::shared_ptr<ExtractionCache> cache = nullptr);
    ~RemoteExtractor();
    RemoteExtractor(const RemoteExtractor &) = delete;
    RemoteExtractor &operator=(const RemoteExtractor &) = delete;

    // Calls go through `breaker` (say, the registry's "remote extractor" that the breaker panel
    // shows; its own settings then rule timeouts and retries). Without one, the extractor uses a
    // breaker of its own made with breakerSettings(settings). Set before any work starts.
    void setBreaker(CircuitBreaker *breaker);
    CircuitBreaker &breaker() const { return *m_breaker; }
    // The person's names, listed in the instructions of the chunks that hold them (see
    // ExtractionSchema). Null or empty: none. Only while no chunk is being extracted.
    void setVocabulary(std::shared_ptr<const Vocabulary> vocabulary);
    std::shared_ptr<const ExtractionSchema> schema() const;
    // Hands what the cache noted to its store (ExtractionCache::flush); say, after each document.
    // Errors are counted (cacheErrors), never thrown. Blocks: workers only.
    void flushCache() const;

    const RemoteExtractorSettings &settings() const { return m_settings; }
    QUrl endpoint() const { return m_client.endpoint(); }

    // See the class comment. Throws CancelledError only.
    Result extract(const QString &chunkText, const CancellationToken &token = {}) const;

    RemoteExtractorStats stats() const;

private:
    struct Reply
    {
        QString content; // the model's answer text, as cached
        ChatExtractionCodec::Answer answer;
    };

    std::optional<ChatExtractionCodec::Answer> cached(const QString &key, const QString &chunkText,
                                                      const ExtractionSchema &schema) const;
    void remember(const QString &key, const QString &content) const;
    // One attempt: a request and its parsed answer; adds the request, its tokens and an invalid
    // answer to `usage` (the caller's, alive until the breaker's call completes). Throws for the
    // breaker to judge.
    QCoro::Task<std::optional<Reply>> ask(const QString &chunkText, const ExtractionSchema *schema,
                                          CancellationToken token, RemoteUsage *usage) const;
    Result fallback(const QString &chunkText, const CancellationToken &token) const;
    // Waits for a request slot; false when the breaker is open or opens meanwhile (the call then
    // goes to the breaker without a slot and is refused). Throws CancelledError.
    bool acquireSlotUnlessOpened(const CancellationToken &token) const;

    bool budgetSpent() const;

    const RemoteExtractorSettings m_settings;
    const ChatCompletionClient m_client;
    const QString m_endpointKey; // the endpoint as part of cache keys
    mutable std::mutex m_schemaMutex;
    std::shared_ptr<const ExtractionSchema> m_schema; // under m_schemaMutex
    QString m_requestShape; // m_schema->requestShape(), part of cache keys; under m_schemaMutex
    const EntityExtractor &m_entities;
    const RelationExtractor &m_relations;
    const std::shared_ptr<ExtractionCache> m_cache;
    std::unique_ptr<AsyncSemaphore> m_slots;
    std::unique_ptr<CircuitBreaker> m_ownBreaker;
    CircuitBreaker *m_breaker = nullptr;

    mutable std::atomic<quint64> m_chunks{0};
    mutable std::atomic<quint64> m_requests{0};
    mutable std::atomic<quint64> m_remoteAnswers{0};
    mutable std::atomic<quint64> m_cacheHits{0};
    mutable std::atomic<quint64> m_fallbacks{0};
    mutable std::atomic<quint64> m_malformed{0};
    mutable std::atomic<quint64> m_unplaced{0};
    mutable std::atomic<quint64> m_cacheErrors{0};
    mutable std::atomic<quint64> m_promptTokens{0};
    mutable std::atomic<quint64> m_completionTokens{0};
    mutable std::atomic<bool> m_credentialsRefused{false};
    mutable std::atomic<quint64> m_overBudget{0};
    mutable std::mutex m_reasonMutex;
    mutable QString m_lastFallbackReason;
    mutable QString m_refusal; // under m_reasonMutex: why the endpoint refused the key
};

} // namespace gw
