#pragma once
// One graphwright-cli command's arguments, parsed the same way for every command: --help,
// --project and --json always; the remote extractor's options where a command takes them (ingest
// sets the endpoint up, health reports its breaker); checked whole numbers; and the project
// opened through ProjectContext, as the window opens it.
#include "pipeline/projectcontext.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <memory>

namespace gw {

class CommandLine
{
public:
    CommandLine(QString command, const QString &description);

    QCommandLineParser &parser() { return m_parser; }
    const QCommandLineParser &parser() const { return m_parser; }
    const QString &command() const { return m_command; }

    // --remote-url, --remote-model, --remote-timeout-ms, --remote-concurrency, --remote-budget-tokens,
    // --remote-json-schema. Before parse().
    void addRemoteExtractorOptions();

    // False when the command should stop at once, with `exitCode` set: a usage error (printed
    // with a hint) or --help (the help printed).
    bool parse(const QStringList &arguments, int &exitCode);

    bool wantsJson() const { return m_parser.isSet(m_json); }
    QString projectPath() const; // absolute; --project or defaultProjectPath()

    // The option's value when set: false (after saying why) unless it is a positive whole number.
    bool positiveInt(const QCommandLineOption &option, qint64 *value) const;
    // Fills `remote` from the remote extractor's options; false (after saying why) when they are
    // wrong (URL without model, not a URL, not a number).
    bool remoteExtractorSettings(RemoteExtractorSettings &remote) const;

    // Opens the project at projectPath(). mustExist: an absent file is an error (with the hint to
    // ingest first) rather than a new project. Null after printing why.
    std::unique_ptr<ProjectContext> openProject(ProjectContextOptions options, bool mustExist) const;

    // "graphwright-cli <command>: <message>" on stderr.
    void fail(const QString &message) const;

private:
    QString m_command;
    QCommandLineParser m_parser;
    QCommandLineOption m_project;
    QCommandLineOption m_json;
    QCommandLineOption m_remoteUrl;
    QCommandLineOption m_remoteModel;
    QCommandLineOption m_remoteTimeout;
    QCommandLineOption m_remoteConcurrency;
    QCommandLineOption m_remoteBudget;
    QCommandLineOption m_remoteJsonSchema;
    bool m_takesRemoteOptions = false;
};

} // namespace gw
