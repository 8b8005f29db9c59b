#include "preferences.h"

#include <QSettings>

#include <algorithm>

namespace gw {

Preferences Preferences::load()
{
    QSettings settings;
    Preferences p;
    settings.beginGroup(QStringLiteral("ingest"));
    p.ingest.jobs = settings.value(QStringLiteral("jobs"), 0).toInt();
    p.ingest.chunkChars = settings.value(QStringLiteral("chunkChars"), p.ingest.chunkChars).toInt();
    p.ingest.chunkOverlap = settings.value(QStringLiteral("chunkOverlap"), p.ingest.chunkOverlap).toInt();
    auto &limits = p.ingest.limits;
    limits.maxFileBytes = settings.value(QStringLiteral("maxFileBytes"), limits.maxFileBytes).toLongLong();
    limits.maxDecompressedBytes =
        settings.value(QStringLiteral("maxDecompressedBytes"), limits.maxDecompressedBytes).toLongLong();
    limits.maxXmlDepth = settings.value(QStringLiteral("maxXmlDepth"), limits.maxXmlDepth).toInt();
    limits.maxTextChars = settings.value(QStringLiteral("maxTextChars"), limits.maxTextChars).toLongLong();
    limits.timeoutMs = settings.value(QStringLiteral("timeoutMs"), limits.timeoutMs).toLongLong();
    p.ingest.remoteCacheMaxBytes = std::max<qint64>(
        0, settings.value(QStringLiteral("remoteCacheMaxBytes"), p.ingest.remoteCacheMaxBytes).toLongLong());
    settings.endGroup();

    settings.beginGroup(QStringLiteral("remoteExtractor"));
    p.remoteExtractorUrl = settings.value(QStringLiteral("url")).toString();
    p.remoteExtractorModel = settings.value(QStringLiteral("model")).toString();
    p.remoteHonoursJsonSchema = settings.value(QStringLiteral("honoursJsonSchema"), false).toBool();
    p.remoteBudgetTokens = std::max<qint64>(0, settings.value(QStringLiteral("budgetTokens"), 0).toLongLong());
    p.remotePricing.promptPerMillion =
        std::max(0.0, settings.value(QStringLiteral("pricePromptPerMillion"), 0.0).toDouble());
    p.remotePricing.completionPerMillion =
        std::max(0.0, settings.value(QStringLiteral("priceCompletionPerMillion"), 0.0).toDouble());
    settings.endGroup();

    settings.beginGroup(QStringLiteral("breaker"));
    auto &b = p.breaker;
    b.failureThreshold = settings.value(QStringLiteral("failureThreshold"), b.failureThreshold).toInt();
    b.windowMs = settings.value(QStringLiteral("windowMs"), b.windowMs).toLongLong();
    b.recoveryTimeoutMs = settings.value(QStringLiteral("recoveryTimeoutMs"), b.recoveryTimeoutMs).toLongLong();
    b.callTimeoutMs = settings.value(QStringLiteral("callTimeoutMs"), b.callTimeoutMs).toLongLong();
    b.maxRetries = settings.value(QStringLiteral("maxRetries"), b.maxRetries).toInt();
    settings.endGroup();
    return p;
}

void Preferences::save() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("ingest"));
    settings.setValue(QStringLiteral("jobs"), ingest.jobs);
    settings.setValue(QStringLiteral("chunkChars"), ingest.chunkChars);
    settings.setValue(QStringLiteral("chunkOverlap"), ingest.chunkOverlap);
    settings.setValue(QStringLiteral("maxFileBytes"), ingest.limits.maxFileBytes);
    settings.setValue(QStringLiteral("maxDecompressedBytes"), ingest.limits.maxDecompressedBytes);
    settings.setValue(QStringLiteral("maxXmlDepth"), ingest.limits.maxXmlDepth);
    settings.setValue(QStringLiteral("maxTextChars"), ingest.limits.maxTextChars);
    settings.setValue(QStringLiteral("timeoutMs"), ingest.limits.timeoutMs);
    settings.setValue(QStringLiteral("remoteCacheMaxBytes"), ingest.remoteCacheMaxBytes);
    settings.endGroup();
    settings.beginGroup(QStringLiteral("remoteExtractor"));
    settings.setValue(QStringLiteral("url"), remoteExtractorUrl);
    settings.setValue(QStringLiteral("model"), remoteExtractorModel);
    settings.setValue(QStringLiteral("honoursJsonSchema"), remoteHonoursJsonSchema);
    settings.setValue(QStringLiteral("budgetTokens"), remoteBudgetTokens);
    settings.setValue(QStringLiteral("pricePromptPerMillion"), remotePricing.promptPerMillion);
    settings.setValue(QStringLiteral("priceCompletionPerMillion"), remotePricing.completionPerMillion);
    // remoteApiKey is not saved here: it lives in the system keyring (ApiKeyring).
    settings.endGroup();
    settings.beginGroup(QStringLiteral("breaker"));
    settings.setValue(QStringLiteral("failureThreshold"), breaker.failureThreshold);
    settings.setValue(QStringLiteral("windowMs"), breaker.windowMs);
    settings.setValue(QStringLiteral("recoveryTimeoutMs"), breaker.recoveryTimeoutMs);
    settings.setValue(QStringLiteral("callTimeoutMs"), breaker.callTimeoutMs);
    settings.setValue(QStringLiteral("maxRetries"), breaker.maxRetries);
    settings.endGroup();
}

RemoteExtractorSettings Preferences::remoteSettings() const
{
    RemoteExtractorSettings remote = ingest.remote;
    remote.url = remoteExtractorUrl;
    remote.model = remoteExtractorModel;
    remote.apiKey = remoteApiKey;
    remote.budgetTokens = remoteBudgetTokens;
    remote.honoursJsonSchema = remoteHonoursJsonSchema;
    return remote;
}

} // namespace gw
