#pragma once

#include "core/stagestats.h"
#include "extract/remoteusage.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace gw {

struct PathReason
{
    QString path;
    QString reason;
};

// The closing account of an ingest job, for the CLI, the GUI's summary line and scripts.
struct IngestSummary
{
    qint64 documentsDone = 0;
    qint64 documentsFailed = 0;
    qint64 documentsSkipped = 0; // unsupported, not regular files, unchanged since last time
    qint64 documentsCancelled = 0;
    QList<PathReason> failures;
    QList<PathReason> skipped;
    qint64 words = 0;
    qint64 chunks = 0;
    qint64 mentions = 0;  // entity mentions found in the documents done
    qint64 relations = 0; // relations found (typed and co-occurrence)
    qint64 bytes = 0;     // bytes of the documents read
    double seconds = 0;
    int maxConcurrency = 0;      // documents in flight at once, at the peak
    bool cancelled = false;      // the whole job was cancelled
    QList<StageSnapshot> stages; // read, parse, chunk, store: counts and latencies
    RemoteUsage remote;          // remote extraction of every document present, whatever its state

    double wordsPerSecond() const { return seconds > 0 ? words / seconds : 0; }
};

// Keys: documents_done, documents_failed, documents_skipped, documents_cancelled, mentions, relations, failures
// [{path, reason}], skipped [{path, reason}], words, chunks, bytes, seconds, words_per_second,
// max_concurrency, cancelled, stages [{name, completed, failed, cancelled, maxConcurrent, latency}],
// remote_prompt_tokens, remote_completion_tokens, remote_calls, remote_cached, remote_fallbacks,
// remote_over_budget, remote_invalid (answers not following the schema) (0 without a remote
// extractor).
QJsonObject ingestSummaryToJson(const IngestSummary &summary);
// Several lines for people: counts, each failure with its reason, throughput.
QString ingestSummaryToText(const IngestSummary &summary);

} // namespace gw
