#pragma once
// graphwright-cli curate: merge, rename, retype, hide/unhide, undo/redo, and the rules as a list
// or a file (CurationTable, CurationRules). Exit codes: clisupport.h; a refused edit (an unknown
// or ambiguous name, an entity merged into itself) is a usage error, 1, and changes nothing.
#include <QStringList>

namespace gw {

int runCurateCommand(const QStringList &arguments);

} // namespace gw
