#pragma once

#include "core/circuitbreaker.h"
#include "pipeline/ingestoptions.h"

#include <QString>

namespace gw {

// What a person can set in Preferences, kept in QSettings. Ingestion settings apply to the next
// batch of documents; breaker settings to breakers made afterwards.
struct Preferences
{
    IngestOptions ingest;
    QString remoteExtractorUrl; // OpenAI-compatible endpoint; empty = built-in extraction only
    QString remoteExtractorModel;
    CircuitBreakerSettings breaker;

    static Preferences load();
    void save() const;
};

} // namespace gw
