#pragma once

#include "core/circuitbreaker.h"
#include "extract/remotepricing.h"
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
    bool remoteHonoursJsonSchema = false; // RemoteExtractorSettings::honoursJsonSchema
    qint64 remoteBudgetTokens = 0;        // RemoteExtractorSettings::budgetTokens; 0: no limit
    RemotePricing remotePricing;          // for estimates and the running cost; not set: none shown
    // The API key, from the system keyring (ApiKeyring): never saved with the rest.
    QString remoteApiKey;
    CircuitBreakerSettings breaker;

    // The remote extractor's settings as these preferences make them (url empty: none).
    RemoteExtractorSettings remoteSettings() const;

    static Preferences load();
    void save() const;
};

} // namespace gw
