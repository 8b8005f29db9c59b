#pragma once

#include "remoteusage.h"

#include <QtGlobal>

namespace gw {

// What a person pays an endpoint per million tokens, in whatever currency they bill in (kept as
// a plain number: Graphwright does not convert or name currencies). Both 0: not set, and no cost
// is shown.
struct RemotePricing
{
    double promptPerMillion = 0;
    double completionPerMillion = 0;

    bool isSet() const { return promptPerMillion > 0 || completionPerMillion > 0; }
    double cost(qint64 promptTokens, qint64 completionTokens) const
    {
        return (double(promptTokens) * promptPerMillion + double(completionTokens) * completionPerMillion) / 1e6;
    }
    double cost(const RemoteUsage &usage) const { return cost(usage.promptTokens, usage.completionTokens); }
    bool operator==(const RemotePricing &) const = default;
};

} // namespace gw
