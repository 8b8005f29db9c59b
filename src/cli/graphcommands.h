#pragma once
// graphwright-cli's knowledge-graph commands: graph, export, query, import-table. Same exit
// codes as the other commands (clisupport.h).
#include <QStringList>

namespace gw {

int runGraphCommand(const QStringList &arguments);
int runExportCommand(const QStringList &arguments);
int runQueryCommand(const QStringList &arguments);
int runImportTableCommand(const QStringList &arguments);

} // namespace gw
