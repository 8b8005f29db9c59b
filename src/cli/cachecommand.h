#pragma once
// graphwright-cli cache stats|clear: what the remote extractor's answer cache in a project holds,
// and forgetting it (the next ingest with --remote-url asks the endpoint again). Exit codes:
// clisupport.h.
#include <QStringList>

namespace gw {

int runCacheCommand(const QStringList &arguments);

} // namespace gw
