#pragma once

#include <QString>

#include <optional>

namespace gw {

// Where the remote extractor keeps the answers it was given, so a re-run of the same chunk text
// repeats no remote call. Abstract so that extract does not depend on the store: the pipeline
// implements it over the project file (ProjectExtractionCache), tests in memory.
// Implementations are called from many worker threads at once and must be thread-safe. They may
// throw: the extractor counts the error and goes on as on a miss, never failing a document.
class ExtractionCache
{
public:
    virtual ~ExtractionCache() = default;

    // The stored response for `requestKey`, or nothing.
    virtual std::optional<QString> find(const QString &requestKey) = 0;
    // Remembers `response` (the model's answer text) under `requestKey`; replaces an older one.
    virtual void insert(const QString &requestKey, const QString &model, const QString &response) = 0;
    // Hands over what find() noted and did not store yet (say, when each answer was last used, by
    // which a size-limited cache chooses what to forget). The remote extractor calls it after
    // each document (RemoteExtractor::flushCache).
    virtual void flush() {}

    // Lower-case hex SHA-256 over the UTF-8 of endpoint, model, prompt version, request shape
    // (the instructions, the asked-for response format, the answer schema and the vocabulary:
    // ExtractionSchema::requestShape()) and chunk text, separated by U+001F: any change of the
    // five asks again, so a new model, an edited prompt or schema never gets a stale answer.
    static QString requestKey(const QString &endpoint, const QString &model, int promptVersion,
                              const QString &requestShape, const QString &chunkText);
};

} // namespace gw
