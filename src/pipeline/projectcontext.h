#pragma once
// ProjectContext: one open project, set up the same way for the window and for every CLI command.
// It owns, in one place, the project's store, its ingest job, its graph jobs (ProjectGraph), the
// circuit breakers of what the project depends on ("project store", and "remote extractor" when
// an endpoint is configured), the health checks (project file, disk space, folder writable,
// worker pool, breakers) and the order in which they close: the job and the graph jobs end
// before the store goes.
//
//   ProjectContext project(path, options);
//   co_await project.open();                 // throws gw::Error naming the file and the cause
//   co_await project.job()->run(paths);
//   const HealthReport report = co_await project.health().runChecksAsync();
//   co_await project.close();                // also done, blocking, by the destructor
#include "core/circuitbreakerregistry.h"
#include "store/compaction.h"
#include "store/extractioncachetable.h"
#include "core/healthmonitor.h"
#include "graph/tableimporter.h"
#include "ingestoptions.h"

#include <QCoroTask>
#include <QObject>
#include <QString>

#include <memory>

namespace gw {

class ExtractorWarmUp;
class IngestJob;
class ProjectGraph;
class ProjectStore;

struct VocabularyImport
{
    int names = 0; // rows of the file
    int added = 0; // names the project did not have
    // Documents the built-in extractor read, still where they were read from: ingesting them
    // again reads them with the new vocabulary.
    QStringList documents;
};

struct ProjectContextOptions
{
    IngestOptions ingest;            // the remote extractor's breaker exists when ingest.remote is enabled
    CircuitBreakerSettings breakers; // the project store's breaker; the base of the remote one
    qint64 minFreeDiskBytes = 100LL * 1024 * 1024;
    // An ingest with extraction follows the opening at once (the CLI's ingest): the extractor's
    // patterns compile beside the opening instead of in the first chunk (ExtractorWarmUp).
    bool warmUpExtractor = false;
};

class ProjectContext : public QObject
{
    Q_OBJECT

public:
    // Sets up the breakers and the health checks; the project file is not touched until open().
    ProjectContext(QString path, ProjectContextOptions options, QObject *parent = nullptr);
    // Cancels the job and waits for its workers and the graph jobs, then closes the store.
    ~ProjectContext() override;

    static QString storeBreakerName(); // "project store"

    QString path() const { return m_path; } // absolute
    const ProjectContextOptions &options() const { return m_options; }

    // Opens the project file off the calling thread (creating it when missing; migrations run),
    // then makes the ingest job and the graph jobs. Throws gw::Error with the file and the cause.
    QCoro::Task<> open();
    bool isOpen() const { return bool(m_store); }

    // Null until open() succeeded and after close().
    IngestJob *job() const { return m_job.get(); }
    std::shared_ptr<ProjectGraph> graph() const { return m_graph; }
    // For pipeline and command-line code that reads the project directly; views use job() and
    // graph().
    std::shared_ptr<ProjectStore> store() const { return m_store; }

    CircuitBreakerRegistry &breakers() { return *m_breakers; }
    HealthMonitor &health() { return m_health; }

    // Imports a CSV/TSV table of entities and relations off the calling thread. Throws gw::Error.
    QCoro::Task<TableImportResult> importTable(QString tablePath, TableImportOptions importOptions = {});
    // Adds a vocabulary file's names to the project (VocabularyFile) off the calling thread; the
    // job's built-in extractor finds them from now on. Throws gw::Error naming the file and its
    // bad lines (nothing is added then), or when documents are being ingested.
    QCoro::Task<VocabularyImport> importVocabulary(QString csvPath);
    // Writes a consistent copy of the project to `target` off the calling thread. Throws gw::Error.
    QCoro::Task<> saveCopy(QString target);
    // Gives the free space of replaced and removed documents back to the disk (ProjectStore::
    // compact). Throws gw::Error.
    QCoro::Task<Compaction> compact();
    // The remote extractor's cached answers (ExtractionCacheTable): how much they take, all of
    // them cleared, or the least recently used beyond `maxBytes` dropped (each returns what it
    // counted or removed). Off the calling thread. Throws gw::Error.
    enum class CacheAction { Measure, Clear, Prune };
    QCoro::Task<ExtractionCacheSize> extractionCache(CacheAction action, qint64 maxBytes = 0);

    // Cancels the job, waits until it and the graph jobs are idle, then closes the store.
    // Finished documents stay in the project. Safe to call twice.
    QCoro::Task<> close();

private:
    void registerProjectFileCheck();

    const QString m_path;
    const ProjectContextOptions m_options;
    // Shared: a health round running on a worker keeps what its checks read alive.
    const std::shared_ptr<CircuitBreakerRegistry> m_breakers;
    HealthMonitor m_health;
    std::unique_ptr<ExtractorWarmUp> m_warmUp; // waits for its compilation when destroyed
    // Declared in closing order, reversed: the job and the graph go before the store.
    std::shared_ptr<ProjectStore> m_store;
    std::shared_ptr<ProjectGraph> m_graph;
    std::unique_ptr<IngestJob> m_job;
};

} // namespace gw
