#pragma once

#include <QList>
#include <QString>

namespace gw {

// A kind of OpenAI-compatible server with its usual address, for Preferences to fill in: the URL
// shape of a default installation and whether the server honours response_format
// {"type": "json_schema"} (RemoteExtractorSettings::honoursJsonSchema).
struct EndpointPreset
{
    QString name; // for people: "Ollama"
    QString url;  // "http://localhost:11434/v1"
    bool honoursJsonSchema = false;

    // Ollama (0.5 or later), the llama.cpp server, vLLM and OpenAI, in that order.
    static QList<EndpointPreset> all();
    // The index in all() of the preset whose URL `url` is (ignoring a trailing slash and case of
    // the host); -1 for any other URL.
    static int indexOf(const QString &url);
};

} // namespace gw
