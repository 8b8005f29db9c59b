#include "cachecommand.h"

#include "clisupport.h"
#include "commandline.h"
#include "core/errors.h"
#include "core/syncwait.h"
#include "pipeline/projectcontext.h"

#include <QJsonObject>
#include <QLocale>

namespace gw {

int runCacheCommand(const QStringList &arguments)
{
    CommandLine command(QStringLiteral("cache"),
                        QStringLiteral("The remote extractor's answers cached in the project.\n"
                                       "  stats   how many answers it holds, and their size\n"
                                       "  clear   forget them all: the next ingest with --remote-url asks again"));
    command.parser().addPositionalArgument(QStringLiteral("action"), QStringLiteral("stats or clear."),
                                           QStringLiteral("stats|clear"));
    int exitCode = exitOk;
    if (!command.parse(arguments, exitCode))
        return exitCode;
    const QStringList words = command.parser().positionalArguments();
    const QString action = words.value(0);
    if (words.size() != 1 || (action != QLatin1String("stats") && action != QLatin1String("clear"))) {
        command.fail(words.isEmpty() ? QStringLiteral("say what to do: stats or clear")
                                     : QStringLiteral("unknown action '%1': stats or clear").arg(words.join(u' ')));
        printLine(stderr, QStringLiteral("Try 'graphwright-cli cache --help'."));
        return exitUsage;
    }
    const std::unique_ptr<ProjectContext> project = command.openProject({}, true);
    if (!project)
        return exitFailures;
    const bool clear = action == QLatin1String("clear");
    ExtractionCacheStats stats;
    try {
        stats = syncWait(clear ? project->clearExtractionCache() : project->extractionCacheStats());
    } catch (const Error &error) {
        command.fail(error.message());
        syncWait(project->close());
        return exitFailures;
    }
    if (command.wantsJson()) {
        QJsonObject out{{QStringLiteral("project"), project->path()},
                        {QStringLiteral("entries"), stats.entries},
                        {QStringLiteral("bytes"), stats.bytes}};
        if (clear)
            out.insert(QStringLiteral("cleared"), true);
        printJson(out);
    } else {
        const QString held =
            QStringLiteral("%1 answer(s), %2").arg(QLocale::c().toString(stats.entries), dataSize(stats.bytes));
        printLine(stdout,
                  clear ? QStringLiteral("Cleared the extraction cache of %1: %2").arg(project->path(), held)
                        : QStringLiteral("Extraction cache of %1: %2").arg(project->path(), held));
    }
    syncWait(project->close());
    return exitOk;
}

} // namespace gw
