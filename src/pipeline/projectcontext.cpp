#include "projectcontext.h"

#include "graph/vocabularyfile.h"

#include "core/offthread.h"
#include "core/taskgroup.h"
#include "extract/gazetteer.h"
#include "extract/remoteextractor.h"
#include "extractorwarmup.h"
#include "ingestjob.h"
#include "projectgraph.h"
#include "store/projectstore.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QPointer>
#include <QThreadPool>

namespace gw {

ProjectContext::ProjectContext(QString path, ProjectContextOptions options, QObject *parent)
    : QObject(parent), m_path(QFileInfo(path).absoluteFilePath()), m_options(std::move(options)),
      m_breakers(std::make_shared<CircuitBreakerRegistry>())
{
    // The breakers of what the project depends on: its file, and the model when one is set.
    m_breakers->create(storeBreakerName(), m_options.breakers);
    if (m_options.ingest.remote.enabled())
        m_breakers->create(RemoteExtractor::breakerName(),
                           RemoteExtractor::breakerSettings(m_options.ingest.remote, m_options.breakers));

    const QString folder = QFileInfo(m_path).absolutePath();
    registerProjectFileCheck();
    m_health.registerCheck(tr("disk space"), diskSpaceCheck(folder, m_options.minFreeDiskBytes));
    m_health.registerCheck(tr("project folder writable"), writableDirectoryCheck(folder));
    m_health.registerCheck(tr("worker pool"), threadPoolCheck(QThreadPool::globalInstance()));
    m_health.registerCheck(tr("circuit breakers"),
                           [breakers = std::weak_ptr<CircuitBreakerRegistry>(m_breakers)]() -> HealthCheckResult {
                               if (const auto registry = breakers.lock())
                                   return registry->health();
                               return {HealthStatus::Degraded, tr("the project was closed")};
                           });
}

ProjectContext::~ProjectContext()
{
    // Blocking, as the destructors underneath are: the job cancels and waits for its workers,
    // the graph's jobs hold the store they read until they end.
    m_job.reset();
    m_graph.reset();
    m_store.reset();
}

QString ProjectContext::storeBreakerName()
{
    return QStringLiteral("project store");
}

void ProjectContext::registerProjectFileCheck()
{
    // Registering again replaces the check in place: before open(), after it, after close().
    m_health.registerCheck(
        tr("project file"), [path = m_path, weakStore = std::weak_ptr<ProjectStore>(m_store)]() -> HealthCheckResult {
            const std::shared_ptr<ProjectStore> store = weakStore.lock();
            if (!store) {
                if (!QFileInfo::exists(path))
                    return {HealthStatus::Degraded, tr("%1 does not exist yet; the first ingest creates it").arg(path)};
                return {HealthStatus::Degraded, tr("%1 is not open").arg(path)};
            }
            // Cheap on purpose: status() counts every mention and relation, and running it every
            // round stalled the window for up to ~240 ms at the end of a large ingest.
            const QFileInfo file(path);
            if (!file.exists())
                return {HealthStatus::Failed, tr("%1 has disappeared").arg(path)};
            return {HealthStatus::Ok,
                    tr("%1: schema %2, %3")
                        .arg(path)
                        .arg(store->schemaVersion())
                        .arg(QLocale::c().formattedDataSize(file.size(), 1, QLocale::DataSizeSIFormat))};
        });
}

QCoro::Task<> ProjectContext::open()
{
    if (m_store)
        co_return;
    if (m_options.warmUpExtractor && m_options.ingest.extract && !m_warmUp)
        m_warmUp = std::make_unique<ExtractorWarmUp>();
    // Migrations and file I/O: off the calling thread.
    // The project's vocabulary goes to the built-in extractor of every ingest.
    auto openStore = [path = m_path] {
        // The built-in extractor's word lists (some 40 ms to load, needed by the job made below)
        // load beside the store's opening, and never on the calling (the window's) thread.
        TaskGroup<> words({.name = QStringLiteral("load the word lists")});
        words.spawn(QStringLiteral("word lists"), [] { Gazetteer::builtIn(); });
        std::shared_ptr<ProjectStore> store(ProjectStore::open(path));
        std::shared_ptr<const Vocabulary> vocabulary = VocabularyFile::load(*store);
        words.joinBlocking();
        return std::make_pair(std::move(store), std::move(vocabulary));
    };
    auto opened = co_await runOffThread(tr("open the project"), CancellationToken(), openStore);
    m_store = std::move(opened.first);
    IngestOptions ingest = m_options.ingest;
    ingest.vocabulary = std::move(opened.second);
    m_job = std::make_unique<IngestJob>(*m_store, ingest);
    m_job->setStoreBreaker(m_breakers->find(storeBreakerName()));
    if (CircuitBreaker *remote = m_breakers->find(RemoteExtractor::breakerName()))
        m_job->setRemoteBreaker(remote);
    m_graph = std::make_shared<ProjectGraph>(m_store);
    registerProjectFileCheck();
}

QCoro::Task<TableImportResult> ProjectContext::importTable(QString tablePath, TableImportOptions importOptions)
{
    const std::shared_ptr<ProjectStore> store = m_store;
    if (!store)
        throw Error(tr("cannot import %1: no project is open").arg(tablePath));
    auto import = [store, tablePath, importOptions] {
        return TableImporter(importOptions).importFile(*store, tablePath);
    };
    co_return co_await runOffThread(tr("import a table"), CancellationToken(), import);
}

QCoro::Task<VocabularyImport> ProjectContext::importVocabulary(QString csvPath)
{
    const std::shared_ptr<ProjectStore> store = m_store;
    if (!store || !m_job)
        throw Error(tr("cannot import %1: no project is open").arg(csvPath));
    if (!m_job->isIdle())
        throw Error(
            tr("cannot import %1 while documents are being ingested: import it when they have finished").arg(csvPath));
    auto import = [store, csvPath] {
        const QList<VocabularyEntry> entries = VocabularyFile::read(csvPath);
        VocabularyImport result;
        result.names = int(entries.size());
        result.added = VocabularyFile::add(*store, entries);
        for (const StoredDocument &document : store->documents())
            if (document.extractor.startsWith(QLatin1String("builtin-")) && QFileInfo::exists(document.path))
                result.documents << document.path;
        return std::make_pair(result, VocabularyFile::load(*store));
    };
    auto imported = co_await runOffThread(tr("import a vocabulary"), CancellationToken(), import);
    if (m_job && m_job->isIdle())
        m_job->setVocabulary(imported.second);
    else if (m_job) // documents were dropped meanwhile: the vocabulary is for the next ones
        connect(
            m_job.get(), &IngestJob::idle, this,
            [this, vocabulary = imported.second] {
                if (m_job)
                    m_job->setVocabulary(vocabulary);
            },
            Qt::SingleShotConnection);
    co_return imported.first;
}

QCoro::Task<> ProjectContext::saveCopy(QString target)
{
    const std::shared_ptr<ProjectStore> store = m_store;
    if (!store)
        throw Error(tr("cannot save a copy as %1: no project is open").arg(target));
    co_await store->saveCopy(target);
}

QCoro::Task<Compaction> ProjectContext::compact()
{
    const std::shared_ptr<ProjectStore> store = m_store;
    if (!store)
        throw Error(tr("cannot compact: no project is open"));
    co_return co_await store->compact();
}

QCoro::Task<ExtractionCacheSize> ProjectContext::extractionCache(CacheAction action, qint64 maxBytes)
{
    const std::shared_ptr<ProjectStore> store = m_store;
    if (!store)
        throw Error(tr("cannot reach the extraction cache: no project is open"));
    auto work = [store, action, maxBytes] {
        const ExtractionCacheTable table(*store);
        switch (action) {
        case CacheAction::Clear:
            return table.clear();
        case CacheAction::Prune:
            return table.prune(maxBytes);
        case CacheAction::Measure:
            break;
        }
        return table.size();
    };
    co_return co_await runOffThread(tr("read or change the extraction cache"), CancellationToken(), work);
}

QCoro::Task<> ProjectContext::close()
{
    QPointer<ProjectContext> self(this);
    if (IngestJob *job = m_job.get()) {
        job->cancel();
        co_await job->waitIdle();
        if (!self)
            co_return;
    }
    // The graph's readers stop before the store goes.
    if (const std::shared_ptr<ProjectGraph> graph = m_graph)
        co_await graph->close();
    if (!self)
        co_return;
    m_job.reset();
    m_graph.reset();
    m_store.reset();
    registerProjectFileCheck();
}

} // namespace gw
