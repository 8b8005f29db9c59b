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

// Ingestion of documents into one project: expands inputs (folders, files) and takes every
// document through the pipeline, `jobs` documents at a time, on a task group of its own thread
// pool. It lives on the thread that drives it (the GUI thread, or the CLI's main thread) and never
// blocks that thread.
//
// The GUI keeps one job per open project and feeds it drops with addInputs() at any time; the CLI
// calls run(). Rows are documents, identified by a stable id. Views sample snapshot()/counts() on
// a timer; workers only write atomics, so a drop of 10,000 documents costs no signal per
// document per stage.
class IngestJob : public QObject
{
    Q_OBJECT

public:
    IngestJob(ProjectStore &store, IngestOptions options, QObject *parent = nullptr);
    ~IngestJob() override;

    // Expands the inputs off this thread, then queues their documents (documentsAdded). Returns
    // at once. Works while other documents run, and after a cancel(). When the walk is quick,
    // documentsAdded (and even idle) may be emitted before this returns.
    void addInputs(const QStringList &inputs);
    // addInputs() and waits until the job is idle: the CLI's whole job. Never throws for a bad
    // document (see the summary).
    QCoro::Task<IngestSummary> run(QStringList inputs);
    // Completes when nothing is being expanded, queued or running.
    QCoro::Task<> waitIdle();
    bool isIdle() const;

    // Cancels everything queued or running now; finished documents stay. Later inputs run again.
    void cancel();
    // Cancels one document; the others go on. False when it had already finished.
    bool cancelDocument(quint64 id);
    // Queues a failed or cancelled document again. False for other states.
    bool retryDocument(quint64 id);
    // Drops the finished rows (done, failed, skipped, cancelled). Returns how many.
    int clearFinished();

    int documentCount() const;
    DocumentSnapshot document(int row) const;
    QList<DocumentSnapshot> snapshot() const; // in row order
    IngestCounts counts() const;
    // The account of the rows present now. seconds: since the first input after the job was
    // last idle, until it became idle (or now).
    IngestSummary summarize() const;
    StatsRegistry &stats() { return m_stats; }
    // See DocumentIngester::setStoreBreaker. Call before adding inputs.
    void setStoreBreaker(CircuitBreaker *breaker) { m_ingester.setStoreBreaker(breaker); }
    // See DocumentIngester::setRemoteBreaker. Call before adding inputs.
    void setRemoteBreaker(CircuitBreaker *breaker) { m_ingester.setRemoteBreaker(breaker); }
    // See DocumentIngester::setVocabulary. Only while idle (isIdle()).
    void setVocabulary(std::shared_ptr<const Vocabulary> vocabulary);
    // Null unless options.remote names an endpoint; its stats() say what it did.
    const RemoteExtractor *remoteExtractor() const { return m_ingester.remoteExtractor(); }
    int jobs() const { return m_options.jobs; }
    int peakConcurrency() const; // documents in flight at once, at the peak, this job's life
    int runningDocuments() const;

Q_SIGNALS:
    // Rows [first, last] were appended. On the job's thread.
    void documentsAdded(int first, int last);
    // clearFinished() removed rows; views re-read the whole snapshot.
    void documentsRemoved();
    // Nothing is expanded, queued or running any more.
    void idle();
    // Every document is finished; the store builds the entity indexes of a bulk load before the
    // job goes idle (a second or so per 50 MB of text).
    void indexingEntities();

private:
    struct Row
    {
        std::shared_ptr<DocumentProgress> progress;
        // The project's documents when the row was queued, to skip an unchanged file without a
        // read connection per worker thread (ProjectStore::storedFingerprints()); null: ask.
        std::shared_ptr<const DocumentFingerprints> stored;
        TaskGroup<> *group = nullptr; // the group its task went to (kept until the job ends)
        qsizetype task = -1;          // index in that group; -1 for rows never queued
    };

    QCoro::Task<> expandAndQueue(QStringList inputs, int generation);
    QCoro::Task<> watchGroup(TaskGroup<> *group);
    QCoro::Task<> beginBulkLoad();
    QCoro::Task<> endBulkLoad(); // then checks for idle again
    void queueRow(Row &row);
    void markBusy();
    void enforceTimeLimits();
    void checkIdle();
    void finishQueuedAsCancelled();
    Row *findRow(quint64 id);

    ProjectStore &m_store;
    IngestOptions m_options;
    StatsRegistry m_stats;
    QThreadPool m_pool;
    DocumentIngester m_ingester;
    // A cancel replaces the group: the old generation winds down, new inputs go to the new one.
    CancellationSource m_lifetime; // cancelled when the job is destroyed
    CancellationSource m_generationCancel;
    std::unique_ptr<TaskGroup<>> m_group;
    std::vector<std::unique_ptr<TaskGroup<>>> m_retired;
    int m_generation = 0;
    int m_expanding = 0;
    quint64 m_nextId = 1;
    QTimer *m_watchdog = nullptr;
    QElapsedTimer m_clock;
    double m_lastSeconds = 0;
    bool m_wasIdle = true;
    bool m_bulkLoad = false;       // a bulk load is open in the store
    bool m_endingBulkLoad = false; // the store builds the entity indexes: not idle yet

    mutable std::mutex m_rowsMutex; // rows change on the job's thread; samplers may read elsewhere
    std::deque<Row> m_rows;
};

} // namespace gw
