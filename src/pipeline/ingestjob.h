#pragma once

#include "core/statsregistry.h"
#include "core/taskgroup.h"
#include "documentingester.h"
#include "documentprogress.h"
#include "ingestoptions.h"
#include "ingestsummary.h"

#include <QCoroTask>
#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QThreadPool>

#include <deque>
#include <memory>
#include <mutex>

class QTimer;

namespace gw {

class ProjectStore;

// Job-wide counts, cheap to sample at ~10 Hz.
struct IngestCounts
{
    int total = 0;
    int queued = 0;
    int active = 0;
    int done = 0;
    int failed = 0;
    int skipped = 0;
    int cancelled = 0;
    qint64 bytesTotal = 0;
    qint64 bytesRead = 0;
};

// One ingestion job: expands the inputs (folders, files) and takes every document through the
// pipeline, `jobs` documents at a time, on a task group of its own thread pool. It lives on the
// thread that runs it (the GUI thread, or the CLI's main thread) and never blocks that thread:
// run() is a coroutine awaiting the group.
//
// Views sample snapshot()/counts() on a timer; workers only write atomics, so a drop of 10,000
// documents costs no signal per document per stage.
class IngestJob : public QObject
{
    Q_OBJECT

public:
    IngestJob(ProjectStore &store, IngestOptions options, QObject *parent = nullptr);
    ~IngestJob() override;

    // Expands the inputs and ingests them; completes when every document is finished or the job
    // was cancelled. Call once. Never throws for a bad document (see the summary).
    QCoro::Task<IngestSummary> run(QStringList inputs);

    void cancel();
    // Cancels one document (its row); the others go on. False when it had already finished.
    bool cancelDocument(int row);

    int documentCount() const;
    DocumentSnapshot document(int row) const;
    QList<DocumentSnapshot> snapshot() const;
    IngestCounts counts() const;
    StatsRegistry &stats() { return m_stats; }
    int jobs() const { return m_options.jobs; }

Q_SIGNALS:
    // Rows [first, last] were added (after the inputs were expanded). On the job's thread.
    void documentsAdded(int first, int last);
    void finished();

private:
    struct Row
    {
        std::unique_ptr<DocumentProgress> progress;
        qsizetype task = -1; // index in the task group; -1 for rows skipped before starting
    };

    int addRow(const QString &path, DocumentFormat format, qint64 size);
    void enforceTimeLimits();
    IngestSummary summarize(double seconds) const;

    ProjectStore &m_store;
    IngestOptions m_options;
    StatsRegistry m_stats;
    QThreadPool m_pool;
    DocumentIngester m_ingester;
    CancellationSource m_cancel;
    std::unique_ptr<TaskGroup<>> m_group;
    QTimer *m_watchdog = nullptr;
    QElapsedTimer m_clock;

    mutable std::mutex m_rowsMutex; // rows are appended on the job's thread, read by samplers
    std::deque<Row> m_rows;
};

} // namespace gw
