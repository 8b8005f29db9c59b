#include "clicommands.h"

#include "clisupport.h"
#include "commandline.h"

#include "core/errors.h"
#include "core/offthread.h"
#include "core/syncwait.h"
#include "extract/remoteextractor.h"
#include "interruptwatcher.h"
#include "pipeline/ingestjob.h"
#include "pipeline/remotecostestimator.h"
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

#include <cmath>
#include <cstdio>
#include <type_traits>

namespace gw {

namespace {

QJsonObject remoteExtractorToJson(const RemoteExtractor &remote, const RemotePricing &pricing)
{
    const RemoteExtractorStats s = remote.stats();
    QJsonObject out{
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
    if (pricing.isSet())
        out[QStringLiteral("cost")] = pricing.cost(qint64(s.promptTokens), qint64(s.completionTokens));
    return out;
}

QString remoteExtractorToText(const RemoteExtractor &remote, const RemotePricing &pricing)
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
    const QLocale locale;
    text += QStringLiteral("; %1 prompt + %2 completion tokens")
                .arg(locale.toString(qint64(s.promptTokens)), locale.toString(qint64(s.completionTokens)));
    if (pricing.isSet())
        text += QStringLiteral(", cost %1 at the set prices")
                    .arg(locale.toString(pricing.cost(qint64(s.promptTokens), qint64(s.completionTokens)), 'f', 4));
    return text;
}

// --remote-price-prompt / --remote-price-completion: a number of at least 0 when given.
bool priceOption(const CommandLine &command, const QCommandLineOption &option, double *price)
{
    if (!command.parser().isSet(option))
        return true;
    bool ok = false;
    const double given = command.parser().value(option).toDouble(&ok);
    if (!ok || given < 0 || !std::isfinite(given)) {
        command.fail(QStringLiteral("--%1 needs a price of 0 or more per million tokens, such as 0.15, not '%2'")
                         .arg(option.names().constLast(), command.parser().value(option)));
        return false;
    }
    *price = given;
    return true;
}

// ingest --estimate: what remote extraction of `paths` would cost; no request, no project.
int printEstimate(const CommandLine &command, const QStringList &paths, const IngestOptions &options,
                  const RemotePricing &pricing)
{
    InterruptWatcher interrupts;
    CancellationSource cancel;
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, [&cancel] { cancel.cancel(); });
    interrupts.start();
    RemoteCostEstimate estimate;
    // Off the main thread, so Ctrl-C (seen by the event loop) can cancel it.
    auto work = [paths, options, pricing](const CancellationToken &token) {
        return RemoteCostEstimator::estimateInputs(paths, options, pricing, token);
    };
    try {
        estimate = syncWait(runOffThread(QStringLiteral("estimate"), cancel.token(), work));
    } catch (const CancelledError &) {
        return exitInterrupted;
    } catch (const Error &error) {
        command.fail(error.message());
        return exitFailures;
    }
    const auto pathReasons = [](const QList<PathReason> &list) {
        QJsonArray out;
        for (const PathReason &item : list)
            out.append(QJsonObject{{QStringLiteral("path"), item.path}, {QStringLiteral("reason"), item.reason}});
        return out;
    };
    if (command.wantsJson()) {
        QJsonObject out{
            {QStringLiteral("estimate"), true},
            {QStringLiteral("documents"), estimate.documents},
            {QStringLiteral("chunks"), estimate.chunks},
            {QStringLiteral("calls"), estimate.calls()},
            {QStringLiteral("chunk_chars"), estimate.chunkChars},
            {QStringLiteral("prompt_tokens"), estimate.promptTokens},
            {QStringLiteral("completion_tokens"), estimate.completionTokens},
            {QStringLiteral("fixed_prompt_tokens_per_call"), RemoteCostEstimator::fixedPromptTokens()},
            {QStringLiteral("chars_per_token"), RemoteCostEstimator::charsPerToken},
            {QStringLiteral("completion_share"), RemoteCostEstimator::completionShare},
            {QStringLiteral("price_prompt_per_million"), pricing.promptPerMillion},
            {QStringLiteral("price_completion_per_million"), pricing.completionPerMillion},
            {QStringLiteral("cost"), pricing.isSet() ? QJsonValue(estimate.cost) : QJsonValue()},
            {QStringLiteral("failures"), pathReasons(estimate.failures)},
            {QStringLiteral("skipped"), pathReasons(estimate.skipped)},
        };
        printJson(out);
    } else {
        const QLocale locale;
        QStringList lines;
        lines << QStringLiteral("Estimate of remote extraction (no request sent, project not opened):")
              << QStringLiteral("  documents:         %1 (%2 chunks of up to %3 characters)")
                     .arg(locale.toString(estimate.documents), locale.toString(estimate.chunks),
                          locale.toString(options.chunkChars))
              << QStringLiteral("  calls:             %1 (one per chunk; retries, cached chunks and unchanged "
                                "documents aside)")
                     .arg(locale.toString(estimate.calls()))
              << QStringLiteral("  prompt tokens:     ~%1 (chunk text / %2 characters per token, plus %3 per call "
                                "for the instructions)")
                     .arg(locale.toString(estimate.promptTokens))
                     .arg(RemoteCostEstimator::charsPerToken)
                     .arg(RemoteCostEstimator::fixedPromptTokens())
              << QStringLiteral("  completion tokens: ~%1 (assumed %2 x the chunk's tokens)")
                     .arg(locale.toString(estimate.completionTokens))
                     .arg(RemoteCostEstimator::completionShare);
        if (pricing.isSet())
            lines << QStringLiteral("  cost:              ~%1 (at %2 per million prompt and %3 per million completion "
                                    "tokens)")
                         .arg(locale.toString(estimate.cost, 'f', 4))
                         .arg(pricing.promptPerMillion)
                         .arg(pricing.completionPerMillion);
        else
            lines << QStringLiteral("  cost:              give --remote-price-prompt and --remote-price-completion");
        for (const PathReason &failure : estimate.failures)
            lines << QStringLiteral("  not readable: %1\n                %2").arg(failure.path, failure.reason);
        printLine(stdout, lines.join(u'\n'));
    }
    return estimate.failures.isEmpty() ? exitOk : exitFailures;
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
    const QCommandLineOption estimate(
        QStringLiteral("estimate"),
        QStringLiteral("Print what remote extraction of the inputs would cost (calls, prompt and completion tokens, "
                       "and the cost at the --remote-price-* prices) and exit: the documents are read and chunked "
                       "as an ingest would, but no request is sent and the project is not opened."));
    const QCommandLineOption promptPrice(
        QStringLiteral("remote-price-prompt"),
        QStringLiteral("Price per million prompt tokens, for --estimate and the summary's cost."),
        QStringLiteral("PRICE"));
    const QCommandLineOption completionPrice(
        QStringLiteral("remote-price-completion"),
        QStringLiteral("Price per million completion tokens, for --estimate and the summary's cost."),
        QStringLiteral("PRICE"));
    const QCommandLineOption remoteCache(
        QStringLiteral("remote-cache-mb"),
        QStringLiteral("Largest size of the remote answers cached in the project, in MB; past it the least "
                       "recently used go (default: 256)."),
        QStringLiteral("MB"));
    parser.addOptions({jobs, maxFile, maxUnzipped, maxText, maxDepth, timeout, chunkSize, chunkOverlap, noExtract,
                       estimate, promptPrice, completionPrice, remoteCache});
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
    projectOptions.warmUpExtractor = true;
    if (options.chunkOverlap >= options.chunkChars) {
        command.fail(QStringLiteral("--chunk-overlap must be smaller than --chunk-size"));
        return exitUsage;
    }
    RemotePricing pricing;
    if (!priceOption(command, promptPrice, &pricing.promptPerMillion)
        || !priceOption(command, completionPrice, &pricing.completionPerMillion))
        return exitUsage;
    if (parser.isSet(estimate))
        return printEstimate(command, paths, options, pricing);

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
    interrupts.start();
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
            out[QStringLiteral("remoteExtractor")] = remoteExtractorToJson(*remote, pricing);
        printJson(out);
    } else {
        printLine(stdout, ingestSummaryToText(summary));
        if (remote)
            printLine(stdout, remoteExtractorToText(*remote, pricing));
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

namespace {

QJsonObject mergeCountsToJson(const ProjectMergeCounts &c)
{
    return QJsonObject{
        {QStringLiteral("documents_added"), c.documentsAdded},
        {QStringLiteral("documents_replaced"), c.documentsReplaced},
        {QStringLiteral("documents_same"), c.documentsSame},
        {QStringLiteral("documents_older"), c.documentsOlder},
        {QStringLiteral("entities_added"), c.entitiesAdded},
        {QStringLiteral("mentions"), c.mentions},
        {QStringLiteral("relations"), c.relations},
        {QStringLiteral("cached_answers"), c.cachedAnswers},
        {QStringLiteral("vocabulary_names"), c.vocabularyNames},
        {QStringLiteral("curation_edits"), c.curationEdits},
    };
}

QString mergeCountsToText(const ProjectMergeCounts &c)
{
    const QLocale l;
    QString text = QStringLiteral("%1 document(s) added").arg(l.toString(c.documentsAdded));
    if (c.documentsReplaced > 0)
        text += QStringLiteral(" (%1 replacing an older version)").arg(l.toString(c.documentsReplaced));
    text += QStringLiteral(", %1 already there").arg(l.toString(c.documentsSame));
    if (c.documentsOlder > 0)
        text += QStringLiteral(", %1 older than the version there (not taken)").arg(l.toString(c.documentsOlder));
    text += QStringLiteral("; %1 new entities, %2 mentions, %3 relation rows; %4 cached answers, %5 vocabulary "
                           "names, %6 curation edits")
                .arg(l.toString(c.entitiesAdded), l.toString(c.mentions), l.toString(c.relations),
                     l.toString(c.cachedAnswers), l.toString(c.vocabularyNames), l.toString(c.curationEdits));
    return text;
}

} // namespace

int runMergeCommand(const QStringList &arguments)
{
    CommandLine command(
        QStringLiteral("merge"),
        QStringLiteral("Merges projects into OUT (created when missing): each document once (by path and content; of "
                       "two versions the later ingested), entities joined by their ids, vocabulary, curation edits "
                       "and cached answers joined. Each input is merged in one transaction: an input that cannot be "
                       "merged changes nothing and the others go on. For sharded ingestion: ingest parts of a "
                       "corpus on several machines, then merge the shards."));
    command.parser().addPositionalArgument(QStringLiteral("OUT"), QStringLiteral("The project merged into."));
    command.parser().addPositionalArgument(QStringLiteral("IN"), QStringLiteral("Projects to merge into OUT."),
                                           QStringLiteral("IN..."));
    int exitCode = exitOk;
    if (!command.parse(arguments, exitCode))
        return exitCode;
    const QStringList words = command.parser().positionalArguments();
    if (words.size() < 2) {
        command.fail(
            QStringLiteral("say the project to merge into, then the projects to merge: merge OUT.gwp IN.gwp..."));
        return exitUsage;
    }
    const QString out = QFileInfo(words.first()).absoluteFilePath();
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<ProjectStore> store;
    try {
        store = ProjectStore::open(out);
    } catch (const Error &error) {
        command.fail(error.message());
        return exitFailures;
    }
    ProjectMergeCounts total;
    QJsonArray inputs;
    int failures = 0;
    for (const QString &input : words.mid(1)) {
        QJsonObject entry{{QStringLiteral("path"), QFileInfo(input).absoluteFilePath()}};
        try {
            const ProjectMergeCounts counts = store->mergeFromBlocking(input);
            total += counts;
            entry = mergeCountsToJson(counts);
            entry.insert(QStringLiteral("path"), QFileInfo(input).absoluteFilePath());
            if (!command.wantsJson())
                printLine(stdout, QStringLiteral("%1: %2").arg(input, mergeCountsToText(counts)));
        } catch (const Error &error) {
            ++failures;
            entry.insert(QStringLiteral("error"), error.message());
            command.fail(error.message());
        }
        inputs.append(entry);
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    ProjectStatus status;
    try {
        status = store->status();
    } catch (const Error &error) {
        command.fail(error.message());
        return exitFailures;
    }
    if (command.wantsJson()) {
        QJsonObject json = mergeCountsToJson(total);
        json.insert(QStringLiteral("project"), out);
        json.insert(QStringLiteral("inputs"), inputs);
        json.insert(QStringLiteral("failed_inputs"), failures);
        json.insert(QStringLiteral("documents"), status.documentsDone + status.documentsFailed);
        json.insert(QStringLiteral("entities"), status.entities);
        json.insert(QStringLiteral("relations"), status.relations);
        json.insert(QStringLiteral("seconds"), seconds);
        printJson(json);
    } else {
        const QLocale l;
        printLine(stdout,
                  QStringLiteral("Project %1 now holds %2 document(s), %3 entities, %4 relations (merged in %5 s)")
                      .arg(out, l.toString(status.documentsDone + status.documentsFailed), l.toString(status.entities),
                           l.toString(status.relations))
                      .arg(seconds, 0, 'f', 2));
    }
    return failures == 0 ? exitOk : exitFailures;
}

int runCacheCommand(const QStringList &arguments)
{
    CommandLine command(QStringLiteral("cache"),
                        QStringLiteral("The remote extractor's cached answers in the project:\n"
                                       "  stats              how many answers, and their size\n"
                                       "  clear              delete them all (the next ingest asks the model again)\n"
                                       "  prune --max-mb N   keep the most recently used answers within N MB\n"
                                       "Ingestion keeps the cache within 256 MB by itself."));
    const QCommandLineOption maxMb(QStringLiteral("max-mb"), QStringLiteral("The size prune keeps (MB)."),
                                   QStringLiteral("N"));
    command.parser().addOption(maxMb);
    command.parser().addPositionalArgument(QStringLiteral("action"), QStringLiteral("stats | clear | prune"));
    int exitCode = exitOk;
    if (!command.parse(arguments, exitCode))
        return exitCode;
    const QStringList words = command.parser().positionalArguments();
    const QString action = words.value(0);
    qint64 megabytes = 0;
    const bool prune = action == QStringLiteral("prune");
    if (words.size() != 1 || (action != QStringLiteral("stats") && action != QStringLiteral("clear") && !prune)) {
        command.fail(QStringLiteral("say 'stats', 'clear' or 'prune --max-mb N'"));
        return exitUsage;
    }
    if (prune && !command.parser().isSet(maxMb)) {
        command.fail(QStringLiteral("prune needs --max-mb N, the size to keep"));
        return exitUsage;
    }
    if (prune && !command.positiveInt(maxMb, &megabytes))
        return exitUsage;
    try {
        const std::unique_ptr<ProjectContext> project = command.openProject({}, true);
        if (!project)
            return exitFailures;
        using Action = ProjectContext::CacheAction;
        const Action what = prune ? Action::Prune : action == QStringLiteral("clear") ? Action::Clear : Action::Measure;
        const ExtractionCacheSize size = syncWait(project->extractionCache(what, megabytes * 1024 * 1024));
        const ExtractionCacheSize left =
            what == Action::Measure ? size : syncWait(project->extractionCache(Action::Measure));
        if (command.wantsJson()) {
            QJsonObject out{{QStringLiteral("project"), project->store()->path()},
                            {QStringLiteral("entries"), left.entries},
                            {QStringLiteral("bytes"), left.bytes}};
            if (what != Action::Measure) {
                out.insert(QStringLiteral("removed_entries"), size.entries);
                out.insert(QStringLiteral("removed_bytes"), size.bytes);
            }
            printJson(out);
        } else {
            if (what != Action::Measure)
                printLine(stdout,
                          QStringLiteral("Removed %1 cached answers (%2)").arg(size.entries).arg(dataSize(size.bytes)));
            printLine(stdout,
                      QStringLiteral("%1: %2 cached answers (%3)")
                          .arg(project->store()->path())
                          .arg(left.entries)
                          .arg(dataSize(left.bytes)));
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
