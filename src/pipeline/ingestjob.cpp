#include "ingestjob.h"

#include "core/offthread.h"

#include "core/errors.h"
#include "ingest/inputexpander.h"
#include "store/projectstore.h"

#include <QCoroSignal>
#include <QFileInfo>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace gw {

namespace {
// Rough relative cost of a document, for scheduling only: PDF text extraction costs far more
// per byte than decoding text or HTML.
qint64 estimatedCost(DocumentFormat format, qint64 bytes)
{
    switch (format) {
    case DocumentFormat::Pdf:
        return bytes * 8;
    case DocumentFormat::Docx:
    case DocumentFormat::Odt:
    case DocumentFormat::Epub:
        return bytes * 4; // compressed
    default:
        return bytes;
    }
}
} // namespace

IngestJob::IngestJob(ProjectStore &store, IngestOptions options, QObject *parent)
    : QObject(parent), m_store(store), m_options(options), m_ingester(store, m_options, m_stats),
      m_generationCancel(m_lifetime.token())
{
    if (m_options.jobs <= 0)
        m_options.jobs = QThread::idealThreadCount();
    // The parse stage nests a small group per document; its blocked parent lends its thread
    // (TaskGroup::waitBlocking), so `jobs` threads suffice.
    m_pool.setMaxThreadCount(m_options.jobs);
    m_pool.setObjectName(QStringLiteral("ingest"));
    m_group = std::make_unique<TaskGroup<>>(TaskGroupOptions{.maxParallel = m_options.jobs,
                                                             .pool = &m_pool,
                                                             .parent = m_generationCancel.token(),
                                                             .name = QStringLiteral("ingest job")});
    m_watchdog = new QTimer(this);
    m_watchdog->setInterval(100);
    connect(m_watchdog, &QTimer::timeout, this, &IngestJob::enforceTimeLimits);
}

void IngestJob::setVocabulary(std::shared_ptr<const Vocabulary> vocabulary)
{
    Q_ASSERT(isIdle());
    m_ingester.setVocabulary(std::move(vocabulary));
}

IngestJob::~IngestJob()
{
    m_lifetime.cancel(QStringLiteral("the job was closed"));
    // Groups cancel and wait: no worker outlives the rows it writes to.
    m_group.reset();
    m_retired.clear();
}

void IngestJob::markBusy()
{
    if (m_wasIdle) {
        m_clock.start();
        m_wasIdle = false;
        m_watchdog->start();
    }
}

void IngestJob::addInputs(const QStringList &inputs)
{
    if (inputs.isEmpty())
        return;
    markBusy();
    ++m_expanding;
    expandAndQueue(inputs, m_generation); // runs on; it reports through rows and signals
}

QCoro::Task<> IngestJob::expandAndQueue(QStringList inputs, int generation)
{
    QPointer<IngestJob> self(this);
    // Walking folders touches the disk: off this thread. The global pool, not the job's, so the
    // walk never waits behind documents.
    struct Expansion
    {
        ExpandedInputs inputs;
        bool bulk = false;                                  // worth a bulk load (see IngestOptions::bulkLoadMinBytes)
        std::shared_ptr<const DocumentFingerprints> stored; // null: each document asks the store
    };
    auto expand = [inputs, &store = m_store, &ingester = m_ingester,
                   minBytes = m_options.bulkLoadMinBytes](const CancellationToken &token) {
        Expansion out;
        try {
            out.stored = std::make_shared<const DocumentFingerprints>(store.storedFingerprints());
        } catch (const std::exception &) {
            // The writes will report what is wrong with the store; meanwhile every file is read.
        }
        KnownFileTest known;
        if (out.stored)
            known = [stored = out.stored.get(), &ingester](const QString &path, const QString &stamp) {
                return ingester.knownUnchanged(*stored, path, stamp);
            };
        out.inputs = InputExpander::expand(inputs, token, known);
        if (!out.stored || minBytes < 0)
            return out;
        // New paths only: a re-run over unchanged files writes nothing, and a changed document
        // keeps the rows its new version shares with the old (DocumentWriter), so replacing
        // touches the entity indexes little: a tenth of 5,000 files changed by a sentence took
        // 1.60 s as a bulk load, 1.28 s with the indexes kept (and 15 MB less memory).
        qint64 storedBytes = 0, writtenBytes = 0;
        for (const DocumentFingerprint &document : *out.stored)
            storedBytes += document.sizeBytes;
        for (const auto &document : out.inputs.documents)
            if (!out.stored->contains(document.path))
                writtenBytes += document.size;
        out.bulk = writtenBytes >= minBytes && writtenBytes * IngestOptions::bulkLoadShareDivisor >= storedBytes;
        return out;
    };
    const JobResult<Expansion> expansion =
        co_await tryOffThread(QStringLiteral("expand inputs"), m_generationCancel.token(), expand);
    if (!self)
        co_return;                    // the job is gone
    if (generation != m_generation) { // cancelled while walking: nothing of it runs
        checkIdle();
        co_return;
    }
    --m_expanding;
    ExpandedInputs expanded;
    bool bulk = false;
    std::shared_ptr<const DocumentFingerprints> stored;
    if (expansion.value) {
        expanded = expansion.value->inputs;
        bulk = expansion.value->bulk;
        stored = expansion.value->stored;
    }
    if (bulk && !m_bulkLoad && !expanded.documents.isEmpty()) {
        m_bulkLoad = true;
        beginBulkLoad(); // queued on the writer ahead of every document below
    }

    // Work starts with the most expensive documents, so one big PDF does not run alone at the end
    // while the other cores idle (longest processing time first). Rows follow that order, so the
    // list shows what runs now at the top; skipped inputs go last.
    std::stable_sort(expanded.documents.begin(), expanded.documents.end(), [](const auto &a, const auto &b) {
        return estimatedCost(a.format, a.size) > estimatedCost(b.format, b.size);
    });
    const int first = documentCount();
    {
        std::lock_guard lock(m_rowsMutex);
        for (const auto &document : expanded.documents)
            m_rows.push_back(Row{
                std::make_shared<DocumentProgress>(m_nextId++, document.path, document.format, document.size), stored});
        // Files known by their stamp were never opened: rows that are done already.
        for (const auto &document : expanded.unchanged) {
            auto progress =
                std::make_shared<DocumentProgress>(m_nextId++, document.path, document.format, document.size);
            progress->finish(
                DocumentState::Skipped,
                QCoreApplication::translate("gw::DocumentIngester", "unchanged since it was last ingested"));
            m_rows.push_back(Row{std::move(progress)});
        }
        for (const auto &skip : expanded.skipped) {
            auto progress = std::make_shared<DocumentProgress>(m_nextId++, skip.path, DocumentFormat::Unknown, 0);
            progress->finish(DocumentState::Skipped, skip.reason);
            m_rows.push_back(Row{std::move(progress)});
        }
    }
    for (qsizetype i = 0; i < expanded.documents.size(); ++i)
        queueRow(m_rows[size_t(first + i)]);
    if (documentCount() > first)
        Q_EMIT documentsAdded(first, documentCount() - 1);
    watchGroup(m_group.get());
    checkIdle();
}

void IngestJob::queueRow(Row &row)
{
    std::shared_ptr<DocumentProgress> progress = row.progress;
    const QString label = QFileInfo(progress->snapshot().path).fileName();
    const qsizetype task = m_group->spawn(label, [this, progress, stored = row.stored](const CancellationToken &token) {
        m_ingester.ingest(*progress, token, stored.get());
    });
    std::lock_guard lock(m_rowsMutex);
    row.stored.reset(); // a retry comes later: it asks the store
    row.group = m_group.get();
    row.task = task;
}

QCoro::Task<> IngestJob::watchGroup(TaskGroup<> *group)
{
    QPointer<IngestJob> self(this);
    co_await group->waitAll(); // keeps the group's core alive while suspended
    if (self)
        checkIdle();
}

QCoro::Task<> IngestJob::beginBulkLoad()
{
    try {
        co_await m_store.beginBulkLoad();
    } catch (const std::exception &error) {
        // Only slower: the documents are written with the indexes kept up to date.
        qWarning("graphwright: no bulk load: %s", error.what());
    }
}

QCoro::Task<> IngestJob::endBulkLoad()
{
    QPointer<IngestJob> self(this);
    m_bulkLoad = false;
    m_endingBulkLoad = true;
    Q_EMIT indexingEntities();
    try {
        co_await m_store.endBulkLoad();
    } catch (const std::exception &error) {
        // The next open of the project builds them (DocumentWriter).
        qWarning("graphwright: the entity indexes were not rebuilt: %s", error.what());
    }
    if (!self)
        co_return;
    m_endingBulkLoad = false;
    checkIdle();
}

bool IngestJob::isIdle() const
{
    if (m_expanding > 0 || m_endingBulkLoad)
        return false;
    const auto busy = [](const TaskGroup<> &group) {
        const auto c = group.counts();
        return c.pending + c.running > 0;
    };
    if (busy(*m_group))
        return false;
    for (const auto &group : m_retired)
        if (busy(*group))
            return false;
    return true;
}

void IngestJob::checkIdle()
{
    if (m_wasIdle || !isIdle())
        return;
    if (m_bulkLoad) {
        // The job is done when the indexes are back: its time includes building them.
        endBulkLoad();
        return;
    }
    finishQueuedAsCancelled(); // rows whose task never started still say "queued"
    m_lastSeconds = m_clock.nsecsElapsed() / 1e9;
    m_wasIdle = true;
    m_watchdog->stop();
    Q_EMIT idle();
}

QCoro::Task<> IngestJob::waitIdle()
{
    if (isIdle()) {
        checkIdle();
        co_return;
    }
    co_await qCoro(this, &IngestJob::idle);
}

QCoro::Task<IngestSummary> IngestJob::run(QStringList inputs)
{
    addInputs(inputs);
    co_await waitIdle();
    co_return summarize();
}

void IngestJob::cancel()
{
    // The current generation winds down; a fresh group takes whatever comes next.
    m_generationCancel.cancel(tr("the job was cancelled"));
    m_retired.push_back(std::move(m_group));
    ++m_generation;
    m_generationCancel = CancellationSource(m_lifetime.token());
    m_group = std::make_unique<TaskGroup<>>(TaskGroupOptions{.maxParallel = m_options.jobs,
                                                             .pool = &m_pool,
                                                             .parent = m_generationCancel.token(),
                                                             .name = QStringLiteral("ingest job")});
    m_expanding = 0; // walks of the old generation add nothing when they come back
    finishQueuedAsCancelled();
    watchGroup(m_retired.back().get());
}

void IngestJob::finishQueuedAsCancelled()
{
    std::lock_guard lock(m_rowsMutex);
    for (Row &row : m_rows)
        if (row.progress->state() == DocumentState::Queued)
            row.progress->finish(DocumentState::Cancelled, tr("cancelled before it started"));
}

IngestJob::Row *IngestJob::findRow(quint64 id)
{
    std::lock_guard lock(m_rowsMutex);
    for (Row &row : m_rows)
        if (row.progress->id() == id)
            return &row;
    return nullptr;
}

bool IngestJob::cancelDocument(quint64 id)
{
    Row *row = findRow(id);
    if (!row || !row->group || isFinished(row->progress->state()))
        return false;
    if (!row->group->cancelTask(row->task))
        return false;
    // A document cancelled before it started gets no worker to say so.
    if (row->progress->state() == DocumentState::Queued)
        row->progress->finish(DocumentState::Cancelled, tr("cancelled before it started"));
    return true;
}

bool IngestJob::retryDocument(quint64 id)
{
    Row *row = findRow(id);
    if (!row)
        return false;
    const DocumentState state = row->progress->state();
    if (state != DocumentState::Failed && state != DocumentState::Cancelled)
        return false;
    markBusy();
    row->progress->reset();
    queueRow(*row);
    watchGroup(m_group.get());
    return true;
}

int IngestJob::clearFinished()
{
    int removed = 0;
    {
        std::lock_guard lock(m_rowsMutex);
        const auto before = m_rows.size();
        std::erase_if(m_rows, [](const Row &row) { return isFinished(row.progress->state()); });
        removed = int(before - m_rows.size());
    }
    if (removed > 0)
        Q_EMIT documentsRemoved();
    return removed;
}

void IngestJob::enforceTimeLimits()
{
    const qint64 limit = m_options.limits.timeoutMs;
    if (limit > 0) {
        std::lock_guard lock(m_rowsMutex);
        for (const Row &row : m_rows) {
            const DocumentState state = row.progress->state();
            if (isFinished(state) || state == DocumentState::Queued || row.progress->timedOut() || !row.group)
                continue;
            if (row.progress->snapshot().elapsedMs > limit) {
                row.progress->markTimedOut();
                row.group->cancelTask(row.task);
            }
        }
    }
    checkIdle();
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
        case DocumentState::Queued:
            ++c.queued;
            break;
        case DocumentState::Done:
            ++c.done;
            break;
        case DocumentState::Failed:
            ++c.failed;
            break;
        case DocumentState::Skipped:
            ++c.skipped;
            break;
        case DocumentState::Cancelled:
            ++c.cancelled;
            break;
        default:
            ++c.active;
            break;
        }
    }
    return c;
}

int IngestJob::peakConcurrency() const
{
    int peak = m_group->counts().peakRunning;
    for (const auto &group : m_retired)
        peak = std::max(peak, group->counts().peakRunning);
    return peak;
}

int IngestJob::runningDocuments() const
{
    // Documents being computed; those waiting for the store's writer lent their slot.
    const auto computing = [](const TaskGroupBase &group) {
        const TaskGroupCounts counts = group.counts();
        return counts.running - counts.waiting;
    };
    qsizetype running = computing(*m_group);
    for (const auto &group : m_retired)
        running += computing(*group);
    return int(running);
}

IngestSummary IngestJob::summarize() const
{
    IngestSummary summary;
    summary.seconds = m_wasIdle ? m_lastSeconds : m_clock.nsecsElapsed() / 1e9;
    summary.cancelled = !m_retired.empty();
    summary.maxConcurrency = peakConcurrency();
    summary.stages = m_stats.snapshot().stages;
    for (const DocumentSnapshot &s : snapshot()) {
        summary.remote += s.remote;
        switch (s.state) {
        case DocumentState::Done:
            ++summary.documentsDone;
            summary.words += s.words;
            summary.chunks += s.chunks;
            summary.mentions += s.mentions;
            summary.relations += s.relations;
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
