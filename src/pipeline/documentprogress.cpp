#include "documentprogress.h"

#include <algorithm>
#include <chrono>

namespace gw {

DocumentProgress::DocumentProgress(quint64 id, const QString &path, DocumentFormat format, qint64 sizeBytes)
    : m_id(id), m_path(path), m_format(format), m_sizeBytes(sizeBytes)
{}

void DocumentProgress::reset()
{
    {
        std::lock_guard lock(m_mutex);
        m_message.clear();
    }
    m_stagePermille.store(0);
    m_bytesRead.store(0);
    m_words.store(0);
    m_chunks.store(0);
    m_mentions.store(0);
    m_relations.store(0);
    m_startedMs.store(0);
    m_finishedMs.store(0);
    m_timedOut.store(false);
    m_state.store(int(DocumentState::Queued), std::memory_order_release);
}

qint64 DocumentProgress::nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

void DocumentProgress::setState(DocumentState state)
{
    if (state != DocumentState::Queued && m_startedMs.load(std::memory_order_relaxed) == 0)
        m_startedMs.store(nowMs(), std::memory_order_relaxed);
    m_stagePermille.store(0, std::memory_order_relaxed);
    m_state.store(int(state), std::memory_order_release);
}

void DocumentProgress::setStageProgress(double fraction)
{
    m_stagePermille.store(int(std::clamp(fraction, 0.0, 1.0) * 1000), std::memory_order_relaxed);
}

void DocumentProgress::setResult(qint64 words, qint64 chunks)
{
    m_words.store(words, std::memory_order_relaxed);
    m_chunks.store(chunks, std::memory_order_relaxed);
}

void DocumentProgress::setExtraction(qint64 mentions, qint64 relations)
{
    m_mentions.store(mentions, std::memory_order_relaxed);
    m_relations.store(relations, std::memory_order_relaxed);
}

void DocumentProgress::addRemoteUsage(const RemoteUsage &usage)
{
    m_promptTokens.fetch_add(usage.promptTokens, std::memory_order_relaxed);
    m_completionTokens.fetch_add(usage.completionTokens, std::memory_order_relaxed);
    m_remoteCalls.fetch_add(usage.calls, std::memory_order_relaxed);
    m_remoteCached.fetch_add(usage.cached, std::memory_order_relaxed);
    m_remoteFallbacks.fetch_add(usage.fallbacks, std::memory_order_relaxed);
    m_remoteOverBudget.fetch_add(usage.overBudget, std::memory_order_relaxed);
    m_remoteInvalid.fetch_add(usage.invalid, std::memory_order_relaxed);
}

void DocumentProgress::finish(DocumentState state, const QString &message)
{
    {
        std::lock_guard lock(m_mutex);
        m_message = message;
    }
    m_finishedMs.store(nowMs(), std::memory_order_relaxed);
    m_stagePermille.store(1000, std::memory_order_relaxed);
    m_state.store(int(state), std::memory_order_release);
}

DocumentSnapshot DocumentProgress::snapshot() const
{
    DocumentSnapshot s;
    s.id = m_id;
    s.path = m_path;
    s.format = m_format;
    s.state = state();
    s.stageProgress = m_stagePermille.load(std::memory_order_relaxed) / 1000.0;
    s.sizeBytes = m_sizeBytes;
    s.bytesRead = m_bytesRead.load(std::memory_order_relaxed);
    s.words = m_words.load(std::memory_order_relaxed);
    s.chunks = m_chunks.load(std::memory_order_relaxed);
    s.mentions = m_mentions.load(std::memory_order_relaxed);
    s.relations = m_relations.load(std::memory_order_relaxed);
    s.remote.promptTokens = m_promptTokens.load(std::memory_order_relaxed);
    s.remote.completionTokens = m_completionTokens.load(std::memory_order_relaxed);
    s.remote.calls = m_remoteCalls.load(std::memory_order_relaxed);
    s.remote.cached = m_remoteCached.load(std::memory_order_relaxed);
    s.remote.fallbacks = m_remoteFallbacks.load(std::memory_order_relaxed);
    s.remote.overBudget = m_remoteOverBudget.load(std::memory_order_relaxed);
    s.remote.invalid = m_remoteInvalid.load(std::memory_order_relaxed);
    const qint64 started = m_startedMs.load(std::memory_order_relaxed);
    const qint64 finished = m_finishedMs.load(std::memory_order_relaxed);
    if (started > 0)
        s.elapsedMs = (finished > 0 ? finished : nowMs()) - started;
    std::lock_guard lock(m_mutex);
    s.message = m_message;
    return s;
}

} // namespace gw
