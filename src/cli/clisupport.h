#pragma once
// What every graphwright-cli command shares: exit codes, output, the common options.
#include <QCommandLineOption>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdio>

class QCommandLineParser;

namespace gw {

// 0 success, 1 usage error, 2 some documents failed / a check failed / nothing found, 130 Ctrl-C.
constexpr int exitOk = 0;
constexpr int exitUsage = 1;
constexpr int exitFailures = 2;
constexpr int exitInterrupted = 130;

void printLine(FILE *stream, const QString &text);
void printJson(const QJsonObject &object);
// "11.6 kB", "52.1 MB": sizes a person reads at a glance.
QString dataSize(qint64 bytes);

QCommandLineOption projectOption();
QCommandLineOption jsonOption();
// Parses `arguments` (without the command word). Returns false and prints why on a usage error.
bool parse(QCommandLineParser &parser, const QString &command, const QStringList &arguments);

} // namespace gw
