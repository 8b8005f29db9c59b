#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <memory>

namespace gw {

class Vocabulary;

// What the remote extractor asks a model for, and what it accepts back: one JSON object
//   {"entities":  [{"text": "...", "type": "PERSON"}, ...],
//    "relations": [{"subject": "...", "type": "works_for", "object": "...", "evidence": "..."}]}
// described by a JSON Schema built from the project's entity and relation types (every
// EntityType; every RelationType but co-occurrence, which is not the model's job). Every answer
// is checked against that schema (JsonSchemaValidator), whether or not the server was asked to
// honour it: exact type names, every field present, nothing else.
//
// The schema follows the rules of OpenAI's strict structured outputs (every property required,
// no additional properties, no length keywords), which vLLM and llama.cpp server accept too; the
// bounds that depend on the chunk (name length, number of items) are ChatExtractionCodec's.
//
// The person's vocabulary (Vocabulary) adds to the instructions: the vocabulary names found in a
// chunk are listed with their types, so the model types them as the person does. Its fingerprint
// is part of requestShape(), hence of the cache key.
//
// Immutable once built; any thread.
class ExtractionSchema
{
public:
    // The "name" of the json_schema response format.
    static QString formatName() { return QStringLiteral("graphwright_extraction"); }
    // The schema without a vocabulary (shared, built once).
    static const ExtractionSchema &standard();

    explicit ExtractionSchema(std::shared_ptr<const Vocabulary> vocabulary = {});

    static QStringList entityTypeNames();   // "PERSON", ..., "MISC"
    static QStringList relationTypeNames(); // "works_for", ... (not "co_occurs")

    // The JSON Schema of an answer.
    const QJsonObject &answerSchema() const { return m_answerSchema; }
    // The "response_format" of a request: {"type": "json_schema", "json_schema": {"name": ...,
    // "strict": true, "schema": answerSchema()}} for a server that honours it, else
    // {"type": "json_object"} (JSON, any shape: the instructions describe the shape).
    QJsonObject responseFormat(bool honoursJsonSchema) const;
    // The instructions (the system message) for one chunk: the same for every chunk, followed by
    // the vocabulary names found in it when there are any.
    QString systemPrompt(const QString &chunkText) const;
    // Everything a request carries besides the model and the chunk, as compact JSON: the fixed
    // instructions, the response format, the answer schema and the vocabulary's fingerprint.
    // Part of the cache key, so a changed schema, prompt, vocabulary or format asks again.
    QString requestShape(bool honoursJsonSchema) const;
    // Empty when `answer` follows answerSchema(); else where and why not.
    QString violation(const QJsonValue &answer) const;

    const Vocabulary *vocabulary() const { return m_vocabulary.get(); }

    // Vocabulary names listed per chunk at most (a chunk naming more lists the first ones).
    static constexpr int maxVocabularyHints = 40;

private:
    std::shared_ptr<const Vocabulary> m_vocabulary;
    QJsonObject m_answerSchema;
    QString m_instructions;
};

} // namespace gw
