#include "clicommands.h"

#include "clisupport.h"
#include "commandline.h"

#include "core/errors.h"
#include "core/syncwait.h"
#include "extract/remoteextractor.h"
#include "interruptwatcher.h"
#include "pipeline/ingestjob.h"
#include "progressprinter.h"
#include "store/projectstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
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
        {QStringLiteral("jsonSchema"), remote.settings().honoursJsonSchema},
        {QStringLiteral("credentialsRefused"), s.credentialsRefused},
        {QStringLiteral("budgetTokens"), remote.settings().budgetTokens},
        {QStringLiteral("budgetReached"), s.budgetReached},
        {QStringLiteral("overBudget"), qint64(s.overBudget)},
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
    CommandLine command(
        QStringLiteral("ingest"),
        QStringLiteral("Ingests documents and folders into a project file: PDF, DOCX, ODT, EPUB, HTML, Markdown, "
                       "plain text, CSV/TSV and JSON. Folders are walked recursively. Unchanged files are skipped.\n"
                       "Exit code: 0 when every document succeeded, 2 when some failed, 1 on a usage error, "
                       "130 when cancelled with Ctrl-C (finished documents stay in the project)."));
    QCommandLineParser &parser = command.parser();
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
    const QCommandLineOption remoteCache(
        QStringLiteral("remote-cache-mb"),
        QStringLiteral("Largest size of the remote answers cached in the project, in MB; past it the least "
                       "recently used go (default: 256)."),
        QStringLiteral("MB"));
    parser.addOptions(
        {jobs, maxFile, maxUnzipped, maxText, maxDepth, timeout, chunkSize, chunkOverlap, noExtract, remoteCache});
    command.addRemoteExtractorOptions();
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Files or folders to ingest."),
                                 QStringLiteral("PATH..."));
    int exitCode = exitOk;
    if (!command.parse(arguments, exitCode))
        return exitCode;
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty()) {
        command.fail(QStringLiteral("name at least one file or folder to ingest"));
        return exitUsage;
    }

    ProjectContextOptions projectOptions;
    IngestOptions &options = projectOptions.ingest;
    auto &limits = options.limits;
    constexpr qint64 mb = 1024 * 1024;
    // Each option, when given, must be a positive number; it is stored scaled by its unit.
    const auto apply = [&command](const QCommandLineOption &option, auto &field, qint64 unit) {
        qint64 value = qint64(field) / unit;
        if (!command.positiveInt(option, &value))
            return false;
        field = std::remove_reference_t<decltype(field)>(value * unit);
        return true;
    };
    if (!apply(jobs, options.jobs, 1) || !apply(maxFile, limits.maxFileBytes, mb)
        || !apply(maxUnzipped, limits.maxDecompressedBytes, mb) || !apply(maxText, limits.maxTextChars, mb)
        || !apply(maxDepth, limits.maxXmlDepth, 1) || !apply(timeout, limits.timeoutMs, 1000)
        || !apply(chunkSize, options.chunkChars, 1) || !apply(chunkOverlap, options.chunkOverlap, 1)
        || !apply(remoteCache, options.remoteCacheMaxBytes, mb) || !command.remoteExtractorSettings(options.remote))
        return exitUsage;
    options.extract = !parser.isSet(noExtract);
    if (options.chunkOverlap >= options.chunkChars) {
        command.fail(QStringLiteral("--chunk-overlap must be smaller than --chunk-size"));
        return exitUsage;
    }

    // Ctrl-C is caught from here on: one that comes while the project opens (which may take a
    // moment on a loaded machine) cancels the job as soon as it runs, instead of killing the
    // process without a summary.
    InterruptWatcher interrupts;
    // The same project set-up as the window's: the store's breaker, the remote extractor's.
    const std::unique_ptr<ProjectContext> project = command.openProject(projectOptions, false);
    if (!project)
        return exitFailures;
    IngestJob &job = *project->job();
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
    // A refused key is the person's to fix, and no later run will do better without it: said on
    // stderr too, even with --json.
    if (remote && remote->stats().credentialsRefused)
        command.fail(
            QStringLiteral("%1; the built-in extractor did the remaining chunks").arg(remote->stats().refusalReason));
    if (command.wantsJson()) {
        QJsonObject out = ingestSummaryToJson(summary);
        out[QStringLiteral("project")] = project->path();
        // Distinct entities of the whole project after the job (documents share entities, so
        // per-document counts would not add up).
        try {
            out[QStringLiteral("entities")] = project->store()->status().entities;
        } catch (const Error &error) {
            command.fail(error.message());
        }
        if (remote)
            out[QStringLiteral("remoteExtractor")] = remoteExtractorToJson(*remote);
        printJson(out);
    } else {
        printLine(stdout, ingestSummaryToText(summary));
        if (remote)
            printLine(stdout, remoteExtractorToText(*remote));
        printLine(stdout, QStringLiteral("Project: %1").arg(project->path()));
    }
    syncWait(project->close());
    if (interrupted || summary.cancelled)
        return exitInterrupted;
    return summary.documentsFailed > 0 ? exitFailures : exitOk;
}

int runCompactCommand(const QStringList &arguments)
{
    CommandLine command(QStringLiteral("compact"),
                        QStringLiteral("Rewrites the project file without the free space that replaced and removed "
                                       "documents left (it needs room for a second copy while it runs)."));
    int exitCode = exitOk;
    if (!command.parse(arguments, exitCode))
        return exitCode;
    try {
        const std::unique_ptr<ProjectContext> project = command.openProject({}, true);
        if (!project)
            return exitFailures;
        const Compaction compaction = syncWait(project->compact());
        if (command.wantsJson()) {
            printJson(QJsonObject{{QStringLiteral("project"), project->store()->path()},
                                  {QStringLiteral("bytes_before"), compaction.bytesBefore},
                                  {QStringLiteral("bytes_after"), compaction.bytesAfter}});
        } else {
            printLine(
                stdout,
                QStringLiteral("Compacted %1: %2 -> %3")
                    .arg(project->store()->path(), dataSize(compaction.bytesBefore), dataSize(compaction.bytesAfter)));
        }
    } catch (const Error &error) {
        command.fail(error.message());
        return exitFailures;
    }
    return exitOk;
}

int runStatusCommand(const QStringList &arguments)
{
    CommandLine command(QStringLiteral("status"),
                        QStringLiteral("Shows what a project file holds: documents, chunks, words, failures."));
    int exitCode = exitOk;
    if (!command.parse(arguments, exitCode))
        return exitCode;
    const std::unique_ptr<ProjectContext> project = command.openProject({}, true);
    if (!project)
        return exitFailures;
    try {
        const std::shared_ptr<ProjectStore> store = project->store();
        const ProjectStatus status = store->status();
        QJsonArray failures;
        QStringList failureLines;
        for (const StoredDocument &document : store->documents()) {
            if (document.state == StoredState::Failed || !document.error.isEmpty()) {
                failures.append(
                    QJsonObject{{QStringLiteral("path"), document.path}, {QStringLiteral("reason"), document.error}});
                failureLines << QStringLiteral("  failed:  %1\n           %2").arg(document.path, document.error);
            }
        }
        if (command.wantsJson()) {
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
        command.fail(error.message());
        return exitFailures;
    }
    return exitOk;
}

int runHealthCommand(const QStringList &arguments)
{
    CommandLine command(
        QStringLiteral("health"),
        QStringLiteral("Checks what Graphwright depends on and reports what it measured: the project file, free "
                       "disk space and write access beside it, the worker pool, the circuit breakers (the project "
                       "store's, and the remote extractor's when --remote-url is given), as the window's panel "
                       "shows them.\n"
                       "Exit code: 0 when ok or degraded, 2 when a check failed."));
    command.addRemoteExtractorOptions();
    int exitCode = exitOk;
    if (!command.parse(arguments, exitCode))
        return exitCode;
    ProjectContextOptions options;
    if (!command.remoteExtractorSettings(options.ingest.remote))
        return exitUsage;

    // The window's project set-up; a project that does not exist yet is not created here (its
    // check says so), and one that cannot be opened is a failed check.
    ProjectContext project(command.projectPath(), options);
    std::optional<HealthEntry> openFailure;
    if (QFileInfo::exists(project.path())) {
        QElapsedTimer took;
        took.start();
        try {
            syncWait(project.open());
        } catch (const Error &error) {
            openFailure =
                HealthEntry{QStringLiteral("project file"), HealthStatus::Failed, error.message(), took.elapsed()};
        }
    }
    HealthReport report = syncWait(project.health().runChecksAsync());
    if (openFailure) {
        for (HealthEntry &entry : report.entries)
            if (entry.name == openFailure->name)
                entry = *openFailure;
        report.overall = HealthStatus::Failed;
    }
    const QList<CircuitBreaker *> breakers = project.breakers().breakers();
    if (command.wantsJson()) {
        QJsonObject out = healthReportToJson(report);
        QJsonArray breakerArray;
        for (CircuitBreaker *breaker : breakers)
            breakerArray.append(circuitBreakerToJson(breaker->stats()));
        out[QStringLiteral("breakers")] = breakerArray;
        printJson(out);
    } else {
        printLine(stdout, healthReportToText(report));
        for (CircuitBreaker *breaker : breakers)
            printLine(stdout, circuitBreakerToText(breaker->stats()));
    }
    syncWait(project.close());
    return report.overall == HealthStatus::Failed ? exitFailures : exitOk;
}

} // namespace gw
