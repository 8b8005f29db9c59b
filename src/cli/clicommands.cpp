#include "clicommands.h"

#include "clisupport.h"

#include "core/circuitbreakerregistry.h"
#include "core/errors.h"
#include "core/healthmonitor.h"
#include "core/syncwait.h"
#include "extract/remoteextractor.h"
#include "interruptwatcher.h"
#include "pipeline/ingestjob.h"
#include "progressprinter.h"
#include "store/projectstore.h"
#include "store/storeerror.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QThreadPool>

#include <cstdio>
#include <type_traits>

namespace gw {

namespace {

bool positiveInt(QCommandLineParser &parser, const QCommandLineOption &option, qint64 *out)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (!ok || value <= 0) {
        printLine(stderr,
                  QStringLiteral("graphwright-cli: --%1 needs a positive whole number, not '%2'")
                      .arg(option.names().constLast(), parser.value(option)));
        return false;
    }
    *out = value;
    return true;
}

QJsonObject remoteExtractorToJson(const RemoteExtractor &remote)
{
    const RemoteExtractorStats s = remote.stats();
    return QJsonObject{
        {QStringLiteral("endpoint"), remote.endpoint().toDisplayString()},
        {QStringLiteral("model"), remote.settings().model},
        {QStringLiteral("chunks"), qint64(s.chunks)},
        {QStringLiteral("requests"), qint64(s.requests)},
        {QStringLiteral("remoteAnswers"), qint64(s.remoteAnswers)},
        {QStringLiteral("cacheHits"), qint64(s.cacheHits)},
        {QStringLiteral("fallbacks"), qint64(s.fallbacks)},
        {QStringLiteral("malformedAnswers"), qint64(s.malformed)},
        {QStringLiteral("lastFallbackReason"), s.lastFallbackReason},
    };
}

QString remoteExtractorToText(const RemoteExtractor &remote)
{
    const RemoteExtractorStats s = remote.stats();
    QString text = QStringLiteral("Remote extractor %1 (%2): %3 chunk(s) answered, %4 from the cache, %5 request(s), "
                                  "%6 done by the built-in extractor instead")
                       .arg(remote.endpoint().toDisplayString(), remote.settings().model)
                       .arg(s.remoteAnswers)
                       .arg(s.cacheHits)
                       .arg(s.requests)
                       .arg(s.fallbacks);
    if (s.fallbacks > 0)
        text += QStringLiteral(" (last reason: %1)").arg(s.lastFallbackReason);
    return text;
}

} // namespace

QString defaultProjectPath()
{
    return QDir::current().absoluteFilePath(QStringLiteral("graphwright.gwp"));
}

int runIngestCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Ingests documents and folders into a project file: PDF, DOCX, ODT, EPUB, HTML, Markdown, "
                       "plain text, CSV/TSV and JSON. Folders are walked recursively. Unchanged files are skipped.\n"
                       "Exit code: 0 when every document succeeded, 2 when some failed, 1 on a usage error, "
                       "130 when cancelled with Ctrl-C (finished documents stay in the project)."));
    parser.addHelpOption();
    const auto project = projectOption();
    const auto json = jsonOption();
    const QCommandLineOption jobs(QStringList{QStringLiteral("j"), QStringLiteral("jobs")},
                                  QStringLiteral("Documents processed at once (default: %1, the number of cores).")
                                      .arg(QThread::idealThreadCount()),
                                  QStringLiteral("N"));
    const QCommandLineOption maxFile(QStringLiteral("max-file-mb"),
                                     QStringLiteral("Largest file to read, in MB (default: 256)."),
                                     QStringLiteral("MB"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     QStringLiteral("Time limit per document, in seconds (default: 120)."),
                                     QStringLiteral("SECONDS"));
    const QCommandLineOption chunkSize(QStringLiteral("chunk-size"),
                                       QStringLiteral("Target chunk size in characters (default: 1000)."),
                                       QStringLiteral("CHARS"));
    const QCommandLineOption chunkOverlap(QStringLiteral("chunk-overlap"),
                                          QStringLiteral("Characters shared by neighbouring chunks (default: 100)."),
                                          QStringLiteral("CHARS"));
    const QCommandLineOption maxUnzipped(
        QStringLiteral("max-unzipped-mb"),
        QStringLiteral("Largest unpacked size of a DOCX/ODT/EPUB, in MB (default: 512)."), QStringLiteral("MB"));
    const QCommandLineOption maxText(
        QStringLiteral("max-text-mchars"),
        QStringLiteral("Longest text per document, in units of 2^20 characters (default: 64)."), QStringLiteral("N"));
    const QCommandLineOption maxDepth(QStringLiteral("max-xml-depth"),
                                      QStringLiteral("Deepest XML/HTML nesting (default: 256)."), QStringLiteral("N"));
    const QCommandLineOption noExtract(
        QStringLiteral("no-extract"),
        QStringLiteral("Store documents and chunks only: skip finding entities and relations."));
    const QCommandLineOption remoteUrl(
        QStringLiteral("remote-url"),
        QStringLiteral("Find entities and relations with an OpenAI-compatible chat-completions "
                       "endpoint (Ollama, llama.cpp server, vLLM), e.g. http://localhost:11434/v1. "
                       "Answers are cached in the project; while the endpoint fails, the built-in "
                       "extractor takes over."),
        QStringLiteral("URL"));
    const QCommandLineOption remoteModel(QStringLiteral("remote-model"),
                                         QStringLiteral("The model the endpoint should use (with --remote-url)."),
                                         QStringLiteral("NAME"));
    const QCommandLineOption remoteTimeout(
        QStringLiteral("remote-timeout-ms"),
        QStringLiteral("Time limit per remote request, in milliseconds (default: 60000)."), QStringLiteral("N"));
    const QCommandLineOption remoteConcurrency(QStringLiteral("remote-concurrency"),
                                               QStringLiteral("Remote requests in flight at once (default: 2)."),
                                               QStringLiteral("N"));
    parser.addOptions({project, jobs, json, maxFile, maxUnzipped, maxText, maxDepth, timeout, chunkSize, chunkOverlap,
                       noExtract, remoteUrl, remoteModel, remoteTimeout, remoteConcurrency});
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Files or folders to ingest."),
                                 QStringLiteral("PATH..."));
    if (!parse(parser, QStringLiteral("ingest"), arguments))
        return exitUsage;
    if (parser.isSet(QStringLiteral("help"))) {
        printLine(stdout, parser.helpText());
        return exitOk;
    }
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty()) {
        printLine(stderr, QStringLiteral("graphwright-cli ingest: name at least one file or folder to ingest"));
        return exitUsage;
    }

    IngestOptions options;
    auto &limits = options.limits;
    constexpr qint64 mb = 1024 * 1024;
    // Each option, when given, must be a positive number; it is stored scaled by its unit.
    const auto apply = [&parser](const QCommandLineOption &option, auto &field, qint64 unit) {
        qint64 value = qint64(field) / unit;
        if (!positiveInt(parser, option, &value))
            return false;
        field = std::remove_reference_t<decltype(field)>(value * unit);
        return true;
    };
    if (!apply(jobs, options.jobs, 1) || !apply(maxFile, limits.maxFileBytes, mb)
        || !apply(maxUnzipped, limits.maxDecompressedBytes, mb) || !apply(maxText, limits.maxTextChars, mb)
        || !apply(maxDepth, limits.maxXmlDepth, 1) || !apply(timeout, limits.timeoutMs, 1000)
        || !apply(chunkSize, options.chunkChars, 1) || !apply(chunkOverlap, options.chunkOverlap, 1)
        || !apply(remoteTimeout, options.remote.timeoutMs, 1)
        || !apply(remoteConcurrency, options.remote.maxConcurrent, 1))
        return exitUsage;
    options.extract = !parser.isSet(noExtract);
    options.remote.url = parser.value(remoteUrl).trimmed();
    options.remote.model = parser.value(remoteModel).trimmed();
    if (options.remote.enabled() != !options.remote.model.isEmpty()) {
        printLine(stderr, QStringLiteral("graphwright-cli ingest: --remote-url and --remote-model go together"));
        return exitUsage;
    }
    if (options.remote.enabled() && !RemoteExtractor::endpointUrl(options.remote.url).isValid()) {
        printLine(stderr,
                  QStringLiteral("graphwright-cli ingest: --remote-url '%1' is not a URL").arg(options.remote.url));
        return exitUsage;
    }
    if (options.chunkOverlap >= options.chunkChars) {
        printLine(stderr, QStringLiteral("graphwright-cli ingest: --chunk-overlap must be smaller than --chunk-size"));
        return exitUsage;
    }

    const QString projectPath = parser.isSet(project) ? parser.value(project) : defaultProjectPath();
    std::unique_ptr<ProjectStore> store;
    try {
        store = ProjectStore::open(projectPath);
    } catch (const Error &error) {
        printLine(stderr, QStringLiteral("graphwright-cli ingest: %1").arg(error.message()));
        return exitFailures;
    }

    IngestJob job(*store, options);
    InterruptWatcher interrupts;
    bool interrupted = false;
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, &job, [&] {
        interrupted = true;
        printLine(stderr,
                  QStringLiteral("\nCancelling... (finished documents are kept; Ctrl-C again to quit at once)"));
        job.cancel();
    });
    std::unique_ptr<ProgressPrinter> progress;
    if (ProgressPrinter::wanted())
        progress = std::make_unique<ProgressPrinter>(job);

    const IngestSummary summary = syncWait(job.run(paths));
    progress.reset();

    const RemoteExtractor *remote = job.remoteExtractor();
    if (parser.isSet(json)) {
        QJsonObject out = ingestSummaryToJson(summary);
        out[QStringLiteral("project")] = QFileInfo(projectPath).absoluteFilePath();
        // Distinct entities of the whole project after the job (documents share entities, so
        // per-document counts would not add up).
        try {
            out[QStringLiteral("entities")] = store->status().entities;
        } catch (const Error &error) {
            printLine(stderr, QStringLiteral("graphwright-cli ingest: %1").arg(error.message()));
        }
        if (remote)
            out[QStringLiteral("remoteExtractor")] = remoteExtractorToJson(*remote);
        printJson(out);
    } else {
        printLine(stdout, ingestSummaryToText(summary));
        if (remote)
            printLine(stdout, remoteExtractorToText(*remote));
        printLine(stdout, QStringLiteral("Project: %1").arg(QFileInfo(projectPath).absoluteFilePath()));
    }
    if (interrupted || summary.cancelled)
        return exitInterrupted;
    return summary.documentsFailed > 0 ? exitFailures : exitOk;
}

int runStatusCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Shows what a project file holds: documents, chunks, words, failures."));
    parser.addHelpOption();
    const auto project = projectOption();
    const auto json = jsonOption();
    parser.addOptions({project, json});
    if (!parse(parser, QStringLiteral("status"), arguments))
        return exitUsage;
    if (parser.isSet(QStringLiteral("help"))) {
        printLine(stdout, parser.helpText());
        return exitOk;
    }
    const QString projectPath = parser.isSet(project) ? parser.value(project) : defaultProjectPath();
    if (!QFileInfo::exists(projectPath)) {
        printLine(stderr,
                  QStringLiteral("graphwright-cli status: no project file at %1 (create one with 'graphwright-cli "
                                 "ingest --project %1 PATH...')")
                      .arg(projectPath));
        return exitFailures;
    }
    try {
        const auto store = ProjectStore::open(projectPath);
        const ProjectStatus status = store->status();
        QJsonArray failures;
        QStringList failureLines;
        for (const StoredDocument &document : store->documents()) {
            if (document.state == QStringLiteral("failed") || !document.error.isEmpty()) {
                failures.append(
                    QJsonObject{{QStringLiteral("path"), document.path}, {QStringLiteral("reason"), document.error}});
                failureLines << QStringLiteral("  failed:  %1\n           %2").arg(document.path, document.error);
            }
        }
        if (parser.isSet(json)) {
            printJson(QJsonObject{{QStringLiteral("project"), status.path},
                                  {QStringLiteral("schema_version"), status.schemaVersion},
                                  {QStringLiteral("documents_done"), status.documentsDone},
                                  {QStringLiteral("documents_failed"), status.documentsFailed},
                                  {QStringLiteral("chunks"), status.chunks},
                                  {QStringLiteral("words"), status.words},
                                  {QStringLiteral("bytes"), status.bytes},
                                  {QStringLiteral("file_bytes"), status.fileBytes},
                                  {QStringLiteral("entities"), status.entities},
                                  {QStringLiteral("mentions"), status.mentions},
                                  {QStringLiteral("relations"), status.relations},
                                  {QStringLiteral("failures"), failures}});
        } else {
            printLine(stdout,
                      QStringLiteral("Project %1 (schema %2, %3 on disk)")
                          .arg(status.path)
                          .arg(status.schemaVersion)
                          .arg(dataSize(status.fileBytes)));
            printLine(stdout,
                      QStringLiteral("%1 documents, %2 failed; %3 chunks, %4 words from %5 of files")
                          .arg(status.documentsDone)
                          .arg(status.documentsFailed)
                          .arg(status.chunks)
                          .arg(status.words)
                          .arg(dataSize(status.bytes)));
            printLine(stdout,
                      QStringLiteral("%1 entities, %2 mentions, %3 distinct relations")
                          .arg(status.entities)
                          .arg(status.mentions)
                          .arg(status.relations));
            for (const QString &line : failureLines)
                printLine(stdout, line);
        }
    } catch (const Error &error) {
        printLine(stderr, QStringLiteral("graphwright-cli status: %1").arg(error.message()));
        return exitFailures;
    }
    return exitOk;
}

int runHealthCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Checks what Graphwright depends on and reports what it measured: the project file, free "
                       "disk space and write access beside it, the worker pool, the circuit breakers.\n"
                       "Exit code: 0 when ok or degraded, 2 when a check failed."));
    parser.addHelpOption();
    const auto project = projectOption();
    const auto json = jsonOption();
    parser.addOptions({project, json});
    if (!parse(parser, QStringLiteral("health"), arguments))
        return exitUsage;
    if (parser.isSet(QStringLiteral("help"))) {
        printLine(stdout, parser.helpText());
        return exitOk;
    }
    const QString projectPath =
        QFileInfo(parser.isSet(project) ? parser.value(project) : defaultProjectPath()).absoluteFilePath();
    const QString folder = QFileInfo(projectPath).absolutePath();

    CircuitBreakerRegistry breakers;
    HealthMonitor monitor;
    monitor.registerCheck(QStringLiteral("project file"), [projectPath]() -> HealthCheckResult {
        if (!QFileInfo::exists(projectPath))
            return {HealthStatus::Degraded,
                    QStringLiteral("%1 does not exist yet; the first ingest creates it").arg(projectPath)};
        try {
            const auto store = ProjectStore::open(projectPath);
            const ProjectStatus status = store->status();
            return {HealthStatus::Ok,
                    QStringLiteral("%1: schema %2, %3 documents, %4 chunks, %5")
                        .arg(projectPath)
                        .arg(status.schemaVersion)
                        .arg(status.documentsDone)
                        .arg(status.chunks)
                        .arg(dataSize(status.fileBytes))};
        } catch (const Error &error) {
            return {HealthStatus::Failed, error.message()};
        }
    });
    monitor.registerCheck(QStringLiteral("disk space"), diskSpaceCheck(folder, 100LL * 1024 * 1024));
    monitor.registerCheck(QStringLiteral("project folder writable"), writableDirectoryCheck(folder));
    monitor.registerCheck(QStringLiteral("worker pool"), threadPoolCheck(QThreadPool::globalInstance()));
    monitor.registerCheck(QStringLiteral("circuit breakers"), [&breakers] { return breakers.health(); });

    const HealthReport report = syncWait(monitor.runChecksAsync());
    if (parser.isSet(json))
        printJson(healthReportToJson(report));
    else
        printLine(stdout, healthReportToText(report));
    return report.overall == HealthStatus::Failed ? exitFailures : exitOk;
}

} // namespace gw
