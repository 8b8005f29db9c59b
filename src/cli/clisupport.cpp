#include "clisupport.h"

#include "clicommands.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QLocale>

namespace gw {

void printLine(FILE *stream, const QString &text)
{
    std::fprintf(stream, "%s\n", text.toLocal8Bit().constData());
}

void printJson(const QJsonObject &object)
{
    std::printf("%s\n", QJsonDocument(object).toJson(QJsonDocument::Indented).constData());
}

QString dataSize(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QCommandLineOption projectOption()
{
    return QCommandLineOption(QStringList{QStringLiteral("p"), QStringLiteral("project")},
                              QStringLiteral("Project file (default: %1).").arg(defaultProjectPath()),
                              QStringLiteral("FILE"));
}

QCommandLineOption jsonOption()
{
    return QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print the result as one JSON object."));
}

bool parse(QCommandLineParser &parser, const QString &command, const QStringList &arguments)
{
    QStringList withProgram = arguments;
    withProgram.prepend(QStringLiteral("graphwright-cli %1").arg(command));
    if (!parser.parse(withProgram)) {
        printLine(stderr, QStringLiteral("graphwright-cli %1: %2").arg(command, parser.errorText()));
        printLine(stderr, QStringLiteral("Try 'graphwright-cli %1 --help'.").arg(command));
        return false;
    }
    return true;
}

} // namespace gw
