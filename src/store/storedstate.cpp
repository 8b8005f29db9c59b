#include "storedstate.h"

namespace gw {

QString storedStateName(StoredState state)
{
    switch (state) {
    case StoredState::Done:
        return QStringLiteral("done");
    case StoredState::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

std::optional<StoredState> storedStateFromName(const QString &name)
{
    for (const StoredState state : {StoredState::Done, StoredState::Failed})
        if (name == storedStateName(state))
            return state;
    return std::nullopt;
}

} // namespace gw
