#pragma once
// What every graphwright-cli command shares: exit codes and output (arguments: commandline.h).
#include "core/circuitbreaker.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdio>

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
// {"name", "state", "failuresInWindow", "failureThreshold", "calls", "failures", "rejections",
// "msUntilProbe", "lastError"}: one breaker as the window's panel shows it.
QJsonObject circuitBreakerToJson(const CircuitBreakerStats &stats);
// "breaker   project store: closed, 0 of 5 failures".
QString circuitBreakerToText(const CircuitBreakerStats &stats);

} // namespace gw
