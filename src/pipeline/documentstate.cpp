#include "documentstate.h"

namespace gw {

QString documentStateName(DocumentState state)
{
    switch (state) {
    case DocumentState::Queued:
        return QStringLiteral("queued");
    case DocumentState::Reading:
        return QStringLiteral("reading");
    case DocumentState::Parsing:
        return QStringLiteral("parsing");
    case DocumentState::Chunking:
        return QStringLiteral("chunking");
    case DocumentState::Extracting:
        return QStringLiteral("extracting");
    case DocumentState::Storing:
        return QStringLiteral("storing");
    case DocumentState::Done:
        return QStringLiteral("done");
    case DocumentState::Failed:
        return QStringLiteral("failed");
    case DocumentState::Skipped:
        return QStringLiteral("skipped");
    case DocumentState::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

} // namespace gw
