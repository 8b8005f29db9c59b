#include "commandline.h"

#include "clicommands.h"
#include "clisupport.h"
#include "core/errors.h"
#include "core/syncwait.h"
#include "extract/remoteextractor.h"

#include <QFileInfo>

namespace gw {

CommandLine::CommandLine(QString command, const QString &description)
    : m_command(std::move(command)),
      m_project(QStringList{QStringLiteral("p"), QStringLiteral("project")},
                QStringLiteral("Project file (default: %1).").arg(defaultProjectPath()), QStringLiteral("FILE")),
      m_json(QStringLiteral("json"), QStringLiteral("Print the result as one JSON object.")),
      m_remoteUrl(QStringLiteral("remote-url"),
                  QStringLiteral("Find entities and relations with an OpenAI-compatible chat-completions "
                                 "endpoint (Ollama, llama.cpp server, vLLM), e.g. http://localhost:11434/v1. "
                                 "Answers are cached in the project; while the endpoint fails, the built-in "
                                 "extractor takes over."),
                  QStringLiteral("URL")),
      m_remoteModel(QStringLiteral("remote-model"),
                    QStringLiteral("The model the endpoint should use (with --remote-url)."), QStringLiteral("NAME")),
      m_remoteTimeout(QStringLiteral("remote-timeout-ms"),
                      QStringLiteral("Time limit per remote request, in milliseconds (default: 60000)."),
                      QStringLiteral("N")),
      m_remoteConcurrency(QStringLiteral("remote-concurrency"),
                          QStringLiteral("Remote requests in flight at once (default: 2)."), QStringLiteral("N")),
      m_remoteBudget(QStringLiteral("remote-budget-tokens"),
                     QStringLiteral("Stop asking the endpoint once its answers have used N tokens (prompt + "
                                    "completion, as reported); the remaining chunks use the built-in extractor "
                                    "(default: no limit)."),
                     QStringLiteral("N")),
      m_remoteJsonSchema(QStringLiteral("remote-json-schema"),
                         QStringLiteral("The endpoint honours response_format json_schema (OpenAI, vLLM, llama.cpp "
                                        "server): send the answer's JSON Schema with each request, so the model "
                                        "cannot stray from it. Without it, JSON is asked for and the schema "
                                        "described. Answers are checked against the schema either way."))
{
    m_parser.setApplicationDescription(description);
    m_parser.addHelpOption();
    m_parser.addOptions({m_project, m_json});
}

void CommandLine::addRemoteExtractorOptions()
{
    m_parser.addOptions(
        {m_remoteUrl, m_remoteModel, m_remoteTimeout, m_remoteConcurrency, m_remoteBudget, m_remoteJsonSchema});
    m_takesRemoteOptions = true;
}

bool CommandLine::parse(const QStringList &arguments, int &exitCode)
{
    QStringList withProgram = arguments;
    withProgram.prepend(QStringLiteral("graphwright-cli %1").arg(m_command));
    if (!m_parser.parse(withProgram)) {
        fail(m_parser.errorText());
        printLine(stderr, QStringLiteral("Try 'graphwright-cli %1 --help'.").arg(m_command));
        exitCode = exitUsage;
        return false;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        printLine(stdout, m_parser.helpText());
        exitCode = exitOk;
        return false;
    }
    return true;
}

QString CommandLine::projectPath() const
{
    return QFileInfo(m_parser.isSet(m_project) ? m_parser.value(m_project) : defaultProjectPath()).absoluteFilePath();
}

bool CommandLine::positiveInt(const QCommandLineOption &option, qint64 *value) const
{
    if (!m_parser.isSet(option))
        return true;
    bool ok = false;
    const qint64 given = m_parser.value(option).toLongLong(&ok);
    if (!ok || given <= 0) {
        fail(QStringLiteral("--%1 needs a positive whole number, not '%2'")
                 .arg(option.names().constLast(), m_parser.value(option)));
        return false;
    }
    *value = given;
    return true;
}

bool CommandLine::remoteExtractorSettings(RemoteExtractorSettings &remote) const
{
    if (!m_takesRemoteOptions)
        return true;
    qint64 timeout = remote.timeoutMs;
    qint64 concurrency = remote.maxConcurrent;
    qint64 budget = remote.budgetTokens;
    if (!positiveInt(m_remoteTimeout, &timeout) || !positiveInt(m_remoteConcurrency, &concurrency)
        || !positiveInt(m_remoteBudget, &budget))
        return false;
    remote.budgetTokens = budget;
    remote.timeoutMs = timeout;
    remote.maxConcurrent = int(concurrency);
    remote.honoursJsonSchema = m_parser.isSet(m_remoteJsonSchema);
    remote.url = m_parser.value(m_remoteUrl).trimmed();
    remote.model = m_parser.value(m_remoteModel).trimmed();
    if (remote.enabled() != !remote.model.isEmpty()) {
        fail(QStringLiteral("--remote-url and --remote-model go together"));
        return false;
    }
    if (remote.enabled() && !RemoteExtractor::endpointUrl(remote.url).isValid()) {
        fail(QStringLiteral("--remote-url '%1' is not a URL").arg(remote.url));
        return false;
    }
    return true;
}

std::unique_ptr<ProjectContext> CommandLine::openProject(ProjectContextOptions options, bool mustExist) const
{
    const QString path = projectPath();
    if (mustExist && !QFileInfo::exists(path)) {
        fail(QStringLiteral("no project file at %1 (create one with 'graphwright-cli ingest --project %1 PATH...')")
                 .arg(path));
        return nullptr;
    }
    auto project = std::make_unique<ProjectContext>(path, std::move(options));
    try {
        syncWait(project->open());
    } catch (const Error &error) {
        fail(error.message());
        return nullptr;
    }
    return project;
}

void CommandLine::fail(const QString &message) const
{
    printLine(stderr, QStringLiteral("graphwright-cli %1: %2").arg(m_command, message));
}

} // namespace gw
