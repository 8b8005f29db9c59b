#include "ingestjob.h"

#include "core/errors.h"
#include "ingest/formatdetector.h"
#include "ingest/inputexpander.h"

#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <vector>
#include <QTimer>

namespace gw {

namespace {
// Rough relative cost of a document, for scheduling only: PDF text extraction costs far more
// per byte than decoding text or HTML.
qint64 estimatedCost(DocumentFormat format, qint64 bytes)
{
    switch (format) {
    case DocumentFormat::Pdf: return bytes * 8;
    case DocumentFormat::Docx:
    case DocumentFormat::Odt:
    case DocumentFormat::Epub: return bytes * 4; // compressed
    default: return bytes;
    }
}
} // namespace

IngestJob::IngestJob(ProjectStore &store, IngestOptions options, QObject *parent)
    : QObject(parent), m_store(store), m_options(options),
      m_ingester(store, m_options, m_stats)
{
    if (m_options.jobs <= 0)
        m_options.jobs = QThread::idealThreadCount();
    // The parse stage nests a small group per document; its blocked parent lends its thread
    // (TaskGroup::waitBlocking), so `jobs` threads suffice.
    m_pool.setMaxThreadCount(m_options.jobs);
    m_pool.setObjectName(QStringLiteral("ingest"));
    m_group = std::make_unique<TaskGroup<>>(TaskGroupOptions{
        .maxParallel = m_options.jobs, .pool = &m_pool, .parent = m_cancel.token(), .name = QStringLiteral("ingest job")});
    m_watchdog = new QTimer(this);
    m_watchdog->setInterval(100);
    connect(m_watchdog, &QTimer::timeout, this, &IngestJob::enforceTimeLimits);
}

IngestJob::~IngestJob()
{
    m_group.reset(); // cancels and waits: no worker outlives the rows it writes to
}

int IngestJob::addRow(const QString &path, DocumentFormat format, qint64 size)
{
    std::lock_guard lock(m_rowsMutex);
    m_rows.push_back(Row{std::make_unique<DocumentProgress>(path, format, size), -1});
    return int(m_rows.size()) - 1;
}

QCoro::Task<IngestSummary> IngestJob::run(QStringList inputs)
{
    m_clock.start();
    // Walking folders touches the disk: off this thread.
    TaskGroup<ExpandedInputs> expansion({.maxParallel = 1, .pool = &m_pool, .parent = m_cancel.token(),
                                         .name = QStringLiteral("expand inputs")});
    expansion.spawn(QStringLiteral("expand inputs"), [inputs](const CancellationToken &token) {
        return InputExpander::expand(inputs, token);
    });
    co_await expansion.waitAll();
    try {
        expansion.throwIfFailed();
    } catch (const CancelledError &) {
        // the job was cancelled while walking folders: no documents, an empty summary
    }
    ExpandedInputs expanded;
    if (const auto partial = expansion.partialResults(); !partial.isEmpty() && partial.first())
        expanded = *partial.first();

    const int first = documentCount();
    for (const auto &skip : expanded.skipped) {
        const int row = addRow(skip.path, DocumentFormat::Unknown, 0);
        m_rows[size_t(row)].progress->finish(DocumentState::Skipped, skip.reason);
    }
    // Rows keep the inputs' order; work starts with the most expensive documents, so one big PDF
    // does not run alone at the end while the other cores idle (longest processing time first).
    std::vector<std::pair<int, qint64>> order; // row, estimated cost
    for (const auto &document : expanded.documents) {
        const int row = addRow(document.path, document.format, document.size);
        order.emplace_back(row, estimatedCost(document.format, document.size));
    }
    std::stable_sort(order.begin(), order.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    for (const auto &[row, cost] : order) {
        DocumentProgress *progress = m_rows[size_t(row)].progress.get();
        const qsizetype task = m_group->spawn(QFileInfo(m_rows[size_t(row)].progress->snapshot().path).fileName(),
                                              [this, progress](const CancellationToken &token) {
                                                  m_ingester.ingest(*progress, token);
                                              });
        std::lock_guard lock(m_rowsMutex);
        m_rows[size_t(row)].task = task;
    }
    if (documentCount() > first)
        Q_EMIT documentsAdded(first, documentCount() - 1);

    m_watchdog->start();
    co_await m_group->waitAll();
    m_watchdog->stop();

    // Rows whose task never started (the job was cancelled first) still say "queued".
    for (int row = 0; row < documentCount(); ++row) {
        DocumentProgress &progress = *m_rows[size_t(row)].progress;
        if (!isFinished(progress.state()))
            progress.finish(DocumentState::Cancelled, QStringLiteral("cancelled before it started"));
    }
    const IngestSummary summary = summarize(m_clock.nsecsElapsed() / 1e9);
    Q_EMIT finished();
    co_return summary;
}

void IngestJob::cancel()
{
    m_cancel.cancel(QStringLiteral("the job was cancelled"));
}

bool IngestJob::cancelDocument(int row)
{
    qsizetype task = -1;
    {
        std::lock_guard lock(m_rowsMutex);
        if (row < 0 || row >= int(m_rows.size()))
            return false;
        task = m_rows[size_t(row)].task;
    }
    if (task < 0 || !m_group->cancelTask(task))
        return false;
    // A document cancelled before it started gets no worker to say so.
    DocumentProgress &progress = *m_rows[size_t(row)].progress;
    if (progress.state() == DocumentState::Queued)
        progress.finish(DocumentState::Cancelled, QStringLiteral("cancelled before it started"));
    return true;
}

void IngestJob::enforceTimeLimits()
{
    const qint64 limit = m_options.limits.timeoutMs;
    if (limit <= 0)
        return;
    std::lock_guard lock(m_rowsMutex);
    for (const Row &row : m_rows) {
        const DocumentState state = row.progress->state();
        if (isFinished(state) || state == DocumentState::Queued || row.progress->timedOut())
            continue;
        if (row.progress->snapshot().elapsedMs > limit) {
            row.progress->markTimedOut();
            m_group->cancelTask(row.task);
        }
    }
}

int IngestJob::documentCount() const
{
    std::lock_guard lock(m_rowsMutex);
    return int(m_rows.size());
}

DocumentSnapshot IngestJob::document(int row) const
{
    std::lock_guard lock(m_rowsMutex);
    return m_rows.at(size_t(row)).progress->snapshot();
}

QList<DocumentSnapshot> IngestJob::snapshot() const
{
    std::lock_guard lock(m_rowsMutex);
    QList<DocumentSnapshot> out;
    out.reserve(qsizetype(m_rows.size()));
    for (const Row &row : m_rows)
        out.append(row.progress->snapshot());
    return out;
}

IngestCounts IngestJob::counts() const
{
    IngestCounts c;
    for (const DocumentSnapshot &s : snapshot()) {
        ++c.total;
        c.bytesTotal += s.sizeBytes;
        c.bytesRead += s.bytesRead;
        switch (s.state) {
        case DocumentState::Queued: ++c.queued; break;
        case DocumentState::Done: ++c.done; break;
        case DocumentState::Failed: ++c.failed; break;
        case DocumentState::Skipped: ++c.skipped; break;
        case DocumentState::Cancelled: ++c.cancelled; break;
        default: ++c.active; break;
        }
    }
    return c;
}

IngestSummary IngestJob::summarize(double seconds) const
{
    IngestSummary summary;
    summary.seconds = seconds;
    summary.cancelled = m_cancel.isCancelled();
    summary.maxConcurrency = m_group->counts().peakRunning;
    summary.stages = m_stats.snapshot().stages;
    for (const DocumentSnapshot &s : snapshot()) {
        switch (s.state) {
        case DocumentState::Done:
            ++summary.documentsDone;
            summary.words += s.words;
            summary.chunks += s.chunks;
            summary.bytes += s.bytesRead;
            break;
        case DocumentState::Failed:
            ++summary.documentsFailed;
            summary.failures.append({s.path, s.message});
            break;
        case DocumentState::Skipped:
            ++summary.documentsSkipped;
            summary.skipped.append({s.path, s.message});
            break;
        default:
            ++summary.documentsCancelled;
            break;
        }
    }
    return summary;
}

} // namespace gw
