#pragma once

#include <QStringList>

namespace gw {

// The CLI's subcommands. Each takes its own arguments (without the command word) and returns
// the process exit code: 0 success, 1 usage error, 2 some documents failed / a check failed,
// 130 cancelled by Ctrl-C.
int runIngestCommand(const QStringList &arguments);
int runStatusCommand(const QStringList &arguments);
int runHealthCommand(const QStringList &arguments);
int runCompactCommand(const QStringList &arguments);
int runMergeCommand(const QStringList &arguments); // projects into one (sharded ingestion)
int runCacheCommand(const QStringList &arguments); // stats, clear or prune the remote answers

// Where the project goes when --project is not given.
QString defaultProjectPath();

} // namespace gw
