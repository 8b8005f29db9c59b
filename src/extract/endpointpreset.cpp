#include "endpointpreset.h"

#include <QUrl>

namespace gw {

QList<EndpointPreset> EndpointPreset::all()
{
    // All four constrain the answer to a JSON schema when asked: Ollama since 0.5 (through
    // llama.cpp's grammars), the llama.cpp server, vLLM (guided decoding) and OpenAI (structured
    // outputs). Older servers ignore the schema or refuse the request: untick it for them.
    return {
        {QStringLiteral("Ollama"), QStringLiteral("http://localhost:11434/v1"), true},
        {QStringLiteral("llama.cpp server"), QStringLiteral("http://localhost:8080/v1"), true},
        {QStringLiteral("vLLM"), QStringLiteral("http://localhost:8000/v1"), true},
        {QStringLiteral("OpenAI"), QStringLiteral("https://api.openai.com/v1"), true},
    };
}

int EndpointPreset::indexOf(const QString &url)
{
    const auto normalised = [](const QString &text) {
        QUrl parsed(text.trimmed());
        QString path = parsed.path();
        while (path.endsWith(u'/'))
            path.chop(1);
        parsed.setPath(path);
        return parsed.adjusted(QUrl::NormalizePathSegments).toString();
    };
    const QString wanted = normalised(url);
    const QList<EndpointPreset> presets = all();
    for (qsizetype i = 0; i < presets.size(); ++i)
        if (normalised(presets.at(i).url) == wanted)
            return int(i);
    return -1;
}

} // namespace gw
