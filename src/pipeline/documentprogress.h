#pragma once

#include "documentstate.h"
#include "extract/remoteusage.h"
#include "ingest/documentformat.h"

#include <QString>

#include <atomic>
#include <mutex>

namespace gw {

// A copy of one document's progress, taken by a sampler (GUI at ~10 Hz, CLI progress bar).
struct DocumentSnapshot
{
    quint64 id = 0; // stable for the job's life: rows come and go, ids do not change
    QString path;
    DocumentFormat format = DocumentFormat::Unknown;
    DocumentState state = DocumentState::Queued;
    double stageProgress = 0; // 0..1 within the current stage
    qint64 sizeBytes = 0;
    qint64 bytesRead = 0;
    qint64 words = 0;
    qint64 chunks = 0;
    qint64 mentions = 0;  // entity mentions found
    qint64 relations = 0; // relations found (typed and co-occurrence)
    qint64 elapsedMs = 0; // since it left the queue; frozen when finished
    RemoteUsage remote;   // what remote extraction of its chunks cost (all its attempts)
    QString message;      // the error of a failed document, the reason of a skipped one
};

// Live progress of one document. Written by the one worker that processes it (atomics, so a
// sampler on another thread reads it without locks); strings are behind a small mutex.
class DocumentProgress
{
public:
    DocumentProgress(quint64 id, const QString &path, DocumentFormat format, qint64 sizeBytes);

    quint64 id() const { return m_id; }
    // Back to Queued for a retry: clears the result, the message and the clocks.
    void reset();

    void setState(DocumentState state);
    void setStageProgress(double fraction);
    void setBytesRead(qint64 bytes) { m_bytesRead.store(bytes, std::memory_order_relaxed); }
    void setResult(qint64 words, qint64 chunks);
    void setExtraction(qint64 mentions, qint64 relations);
    // Adds one chunk's remote extraction figures; called by the document's chunk tasks at once.
    void addRemoteUsage(const RemoteUsage &usage);
    void finish(DocumentState state, const QString &message = {});
    // Marks the document as stopped by its time limit, so its cancellation reads as a failure.
    void markTimedOut() { m_timedOut.store(true); }
    bool timedOut() const { return m_timedOut.load(); }

    DocumentState state() const { return DocumentState(m_state.load(std::memory_order_acquire)); }
    qint64 startedAtMs() const { return m_startedMs.load(std::memory_order_relaxed); }
    DocumentSnapshot snapshot() const;

private:
    static qint64 nowMs();

    const quint64 m_id;
    const QString m_path;
    const DocumentFormat m_format;
    const qint64 m_sizeBytes;
    std::atomic<int> m_state{int(DocumentState::Queued)};
    std::atomic<int> m_stagePermille{0};
    std::atomic<qint64> m_bytesRead{0};
    std::atomic<qint64> m_words{0};
    std::atomic<qint64> m_chunks{0};
    std::atomic<qint64> m_mentions{0};
    std::atomic<qint64> m_relations{0};
    // Spent is spent: reset() for a retry keeps these, so the job's totals are what was billed.
    std::atomic<qint64> m_promptTokens{0};
    std::atomic<qint64> m_completionTokens{0};
    std::atomic<qint64> m_remoteCalls{0};
    std::atomic<qint64> m_remoteCached{0};
    std::atomic<qint64> m_remoteFallbacks{0};
    std::atomic<qint64> m_remoteOverBudget{0};
    std::atomic<qint64> m_remoteInvalid{0};
    std::atomic<qint64> m_startedMs{0};
    std::atomic<qint64> m_finishedMs{0};
    std::atomic<bool> m_timedOut{false};
    mutable std::mutex m_mutex;
    QString m_message;
};

} // namespace gw
