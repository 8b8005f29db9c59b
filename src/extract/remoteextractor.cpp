#include "remoteextractor.h"

#include "core/asyncsemaphore.h"
#include "core/errors.h"
#include "core/syncwait.h"
#include "entityextractor.h"
#include "extractioncache.h"
#include "relationextractor.h"
#include "remoteextractionerrors.h"

#include <QCoreApplication>
#include <QScopeGuard>

#include <algorithm>

namespace gw {

namespace {

// Gives a concurrency slot back on every way out, exceptions included.
class SlotRelease
{
public:
    explicit SlotRelease(AsyncSemaphore &slots) : m_slots(slots) {}
    ~SlotRelease() { m_slots.release(); }
    SlotRelease(const SlotRelease &) = delete;
    SlotRelease &operator=(const SlotRelease &) = delete;

private:
    AsyncSemaphore &m_slots;
};

} // namespace

QString RemoteExtractor::breakerName()
{
    return QStringLiteral("remote extractor");
}

CircuitBreakerSettings RemoteExtractor::breakerSettings(const RemoteExtractorSettings &settings,
                                                        CircuitBreakerSettings base)
{
    base.callTimeoutMs = settings.timeoutMs;
    base.maxRetries = settings.maxRetries;
    // A request unanswered for half its time limit is slow: a model that hangs opens the breaker
    // within about a minute at the defaults, while one that answers in under half the limit never
    // counts (a slow local model is still a working one).
    base.slowCallMs = settings.timeoutMs / 2;
    return base;
}

QUrl RemoteExtractor::endpointUrl(const QString &url)
{
    QUrl endpoint = QUrl::fromUserInput(url.trimmed());
    QString path = endpoint.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    if (!path.endsWith(QLatin1String("/chat/completions"))) {
        if (!path.endsWith(QLatin1String("/v1")))
            path += QLatin1String("/v1");
        path += QLatin1String("/chat/completions");
    }
    endpoint.setPath(path);
    return endpoint;
}

QString RemoteExtractor::apiKeyVariable()
{
    return QStringLiteral("GRAPHWRIGHT_API_KEY");
}

QString RemoteExtractor::effectiveApiKey(const RemoteExtractorSettings &settings)
{
    const QString fromEnvironment = qEnvironmentVariable("GRAPHWRIGHT_API_KEY").trimmed();
    return fromEnvironment.isEmpty() ? settings.apiKey.trimmed() : fromEnvironment;
}

RemoteExtractor::RemoteExtractor(const RemoteExtractorSettings &settings, const EntityExtractor &fallbackEntities,
                                 const RelationExtractor &fallbackRelations, std::shared_ptr<ExtractionCache> cache)
    : m_settings(settings), m_client(endpointUrl(settings.url), effectiveApiKey(settings)),
      m_endpointKey(m_client.endpoint().toString(QUrl::FullyEncoded)),
      m_schema(std::make_shared<const ExtractionSchema>()),
      m_requestShape(m_schema->requestShape(settings.honoursJsonSchema)), m_entities(fallbackEntities),
      m_relations(fallbackRelations), m_cache(std::move(cache)),
      m_slots(std::make_unique<AsyncSemaphore>(std::max(1, settings.maxConcurrent))),
      m_ownBreaker(std::make_unique<CircuitBreaker>(breakerName(), breakerSettings(settings)))
{
    m_breaker = m_ownBreaker.get();
}

RemoteExtractor::~RemoteExtractor() = default;

void RemoteExtractor::setBreaker(CircuitBreaker *breaker)
{
    m_breaker = breaker ? breaker : m_ownBreaker.get();
}

void RemoteExtractor::setVocabulary(std::shared_ptr<const Vocabulary> vocabulary)
{
    auto schema = std::make_shared<const ExtractionSchema>(std::move(vocabulary));
    QString shape = schema->requestShape(m_settings.honoursJsonSchema);
    std::lock_guard lock(m_schemaMutex);
    m_schema = std::move(schema);
    m_requestShape = std::move(shape);
}

std::shared_ptr<const ExtractionSchema> RemoteExtractor::schema() const
{
    std::lock_guard lock(m_schemaMutex);
    return m_schema;
}

void RemoteExtractor::flushCache() const
{
    if (!m_cache)
        return;
    try {
        m_cache->flush();
    } catch (const std::exception &) {
        m_cacheErrors.fetch_add(1); // only the order of pruning suffers
    }
}

bool RemoteExtractor::budgetSpent() const
{
    return m_settings.budgetTokens > 0
        && qint64(m_promptTokens.load() + m_completionTokens.load()) >= m_settings.budgetTokens;
}

RemoteExtractorStats RemoteExtractor::stats() const
{
    RemoteExtractorStats s;
    s.chunks = m_chunks.load();
    s.requests = m_requests.load();
    s.remoteAnswers = m_remoteAnswers.load();
    s.cacheHits = m_cacheHits.load();
    s.fallbacks = m_fallbacks.load();
    s.malformed = m_malformed.load();
    s.unplaced = m_unplaced.load();
    s.cacheErrors = m_cacheErrors.load();
    s.promptTokens = m_promptTokens.load();
    s.completionTokens = m_completionTokens.load();
    s.credentialsRefused = m_credentialsRefused.load();
    s.overBudget = m_overBudget.load();
    s.budgetReached = budgetSpent();
    std::lock_guard lock(m_reasonMutex);
    s.lastFallbackReason = m_lastFallbackReason;
    s.refusalReason = m_refusal;
    return s;
}

std::optional<ChatExtractionCodec::Answer> RemoteExtractor::cached(const QString &key, const QString &chunkText,
                                                                   const ExtractionSchema &schema) const
{
    if (!m_cache)
        return std::nullopt;
    try {
        const std::optional<QString> content = m_cache->find(key);
        if (content)
            return ChatExtractionCodec::parseAnswer(*content, chunkText, schema);
    } catch (const MalformedAnswerError &) {
        // Only good answers are stored; a bad one is from elsewhere: ask again.
    } catch (const std::exception &) {
        m_cacheErrors.fetch_add(1);
    }
    return std::nullopt;
}

void RemoteExtractor::remember(const QString &key, const QString &content) const
{
    if (!m_cache)
        return;
    try {
        m_cache->insert(key, m_settings.model, content);
    } catch (const std::exception &) {
        m_cacheErrors.fetch_add(1); // the answer is still good; only a re-run will ask again
    }
}

QCoro::Task<std::optional<RemoteExtractor::Reply>> RemoteExtractor::ask(const QString &chunkText,
                                                                        const ExtractionSchema *schema,
                                                                        CancellationToken token,
                                                                        RemoteUsage *usage) const
{
    m_requests.fetch_add(1);
    ++usage->calls;
    const QByteArray body =
        ChatExtractionCodec::requestBody(m_settings.model, chunkText, *schema, m_settings.honoursJsonSchema);
    const QByteArray response = co_await m_client.post(body, token);
    // Billed whether or not the answer is usable.
    const ChatExtractionCodec::Usage used = ChatExtractionCodec::usage(response);
    usage->promptTokens += used.promptTokens;
    usage->completionTokens += used.completionTokens;
    m_promptTokens.fetch_add(quint64(used.promptTokens));
    m_completionTokens.fetch_add(quint64(used.completionTokens));
    Reply reply;
    try {
        reply.content = ChatExtractionCodec::answerContent(response);
        reply.answer = ChatExtractionCodec::parseAnswer(reply.content, chunkText, *schema);
    } catch (const MalformedAnswerError &error) {
        m_malformed.fetch_add(1);
        ++usage->invalid;
        throw MalformedAnswerError(
            QCoreApplication::translate("gw::RemoteExtractor", "%1 (model %2) gave an unusable answer: %3")
                .arg(m_client.endpoint().toDisplayString(), m_settings.model, error.message()));
    }
    co_return reply;
}

bool RemoteExtractor::acquireSlotUnlessOpened(const CancellationToken &token) const
{
    // Shared: a state change emitted on another thread may still be running the lambda while
    // this function disconnects it.
    const auto waiting = std::make_shared<CancellationSource>(token);
    const QMetaObject::Connection opened = QObject::connect(
        m_breaker, &CircuitBreaker::stateChanged, [waiting](CircuitBreaker::State, CircuitBreaker::State to) {
            if (to == CircuitBreaker::State::Open)
                waiting->cancel(QStringLiteral("the breaker opened"));
        });
    const auto disconnect = qScopeGuard([&opened] { QObject::disconnect(opened); });
    if (m_breaker->state() == CircuitBreaker::State::Open)
        return false;
    try {
        m_slots->acquireBlocking(waiting->token());
        return true;
    } catch (const CancelledError &) {
        if (token.isCancelled())
            throw;
        return false;
    }
}

RemoteExtractor::Result RemoteExtractor::fallback(const QString &chunkText, const CancellationToken &token) const
{
    Result result;
    result.origin = Origin::Fallback;
    result.mentions = m_entities.extract(chunkText, token);
    result.relations = m_relations.extract(chunkText, result.mentions, token);
    result.usage.fallbacks = 1;
    m_fallbacks.fetch_add(1);
    return result;
}

RemoteExtractor::Result RemoteExtractor::extract(const QString &chunkText, const CancellationToken &token) const
{
    token.throwIfCancelled();
    std::shared_ptr<const ExtractionSchema> schema;
    QString shape;
    {
        std::lock_guard lock(m_schemaMutex);
        schema = m_schema;
        shape = m_requestShape;
    }
    const QString key = ExtractionCache::requestKey(m_endpointKey, m_settings.model, ChatExtractionCodec::promptVersion,
                                                    shape, chunkText);
    if (std::optional<ChatExtractionCodec::Answer> answer = cached(key, chunkText, *schema)) {
        m_cacheHits.fetch_add(1);
        m_chunks.fetch_add(1);
        RemoteUsage usage;
        usage.cached = 1;
        return Result{std::move(answer->mentions), std::move(answer->relations), Origin::Cache, usage};
    }

    RemoteUsage usage; // written by ask(), one attempt at a time, while this frame waits
    std::optional<Reply> reply;
    QString failure;
    bool refused = m_credentialsRefused.load();
    bool overBudget = budgetSpent();
    if (!refused && !overBudget) {
        // The slot is held across retries and their backoff: the bound is on this endpoint's load.
        // A chunk waiting behind unanswered requests stops waiting when the breaker opens: the
        // breaker then refuses it at once and the built-in extractor answers, instead of the
        // chunk's document running into its time limit in the queue.
        const bool haveSlot = acquireSlotUnlessOpened(token);
        std::optional<SlotRelease> release;
        if (haveSlot)
            release.emplace(*m_slots);
        // The answers of the requests this chunk waited behind may have spent the budget.
        overBudget = budgetSpent();
        const auto operation = [this, &chunkText, &schema, &usage](CancellationToken attemptToken) {
            return ask(chunkText, schema.get(), attemptToken, &usage);
        };
        // The breaker counts the fallback; the built-in extraction itself runs after the slot is
        // given back, so an open breaker does not serialise documents behind the slots.
        bool refusedNow = false;
        const auto giveUp = [&failure, &refusedNow](std::exception_ptr error) {
            failure = describeException(error);
            try {
                std::rethrow_exception(error);
            } catch (const CredentialsRefusedError &) {
                refusedNow = true;
            } catch (...) {}
            return std::optional<Reply>();
        };
        if (!overBudget)
            reply = syncWait(m_breaker->call<std::optional<Reply>>(operation, giveUp, token));
        if (refusedNow) {
            {
                std::lock_guard lock(m_reasonMutex);
                if (m_refusal.isEmpty())
                    m_refusal = failure;
            }
            // Before the trip: chunks woken by it must see that the key, not the service, failed.
            m_credentialsRefused.store(true);
            m_breaker->trip(failure);
        }
        refused = m_credentialsRefused.load();
    }
    if (!reply) {
        if (overBudget && !refused) {
            failure = QCoreApplication::translate("gw::RemoteExtractor",
                                                  "the remote token budget of %1 is spent (%2 tokens used)")
                          .arg(m_settings.budgetTokens)
                          .arg(m_promptTokens.load() + m_completionTokens.load());
            usage.overBudget = 1;
            m_overBudget.fetch_add(1);
        }
        {
            std::lock_guard lock(m_reasonMutex);
            m_lastFallbackReason = refused ? m_refusal : failure;
        }
        Result result = fallback(chunkText, token);
        usage.fallbacks = result.usage.fallbacks;
        result.usage = usage;
        m_chunks.fetch_add(1);
        return result;
    }
    remember(key, reply->content);
    m_remoteAnswers.fetch_add(1);
    m_unplaced.fetch_add(quint64(reply->answer.unplaced));
    m_chunks.fetch_add(1);
    return Result{std::move(reply->answer.mentions), std::move(reply->answer.relations), Origin::Remote, usage};
}

} // namespace gw
