#pragma once

#include <QString>
#include <QtGlobal>

namespace gw {

// How to reach an OpenAI-compatible chat-completions endpoint (Ollama, llama.cpp server, vLLM).
// url may be the full ".../v1/chat/completions" or a base ("http://localhost:11434",
// "http://host:8000/v1"); see RemoteExtractor::endpointUrl(). Empty url = no remote extractor.
struct RemoteExtractorSettings
{
    QString url;
    QString model;
    qint64 timeoutMs = 60000; // per attempt (the breaker's callTimeoutMs); models are slow
    int maxRetries = 2;       // of transient failures (connection errors, 5xx, 429, timeouts)
    int maxConcurrent = 2;    // requests in flight at once, over all documents and chunks
    // Sent as "Authorization: Bearer <key>". Never stored with the settings, in the project or in
    // a message. The environment variable GRAPHWRIGHT_API_KEY, when set, takes precedence (see
    // RemoteExtractor::effectiveApiKey()).
    QString apiKey;
    // Tokens (prompt + completion, as the answers report them) this extractor may spend; once its
    // answers reach it, the remaining chunks go to the built-in extractor. 0: no limit.
    qint64 budgetTokens = 0;
    bool honoursJsonSchema = false; // the server honours response_format {"type": "json_schema"}

    bool enabled() const { return !url.trimmed().isEmpty(); }
};

} // namespace gw
