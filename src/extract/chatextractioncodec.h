#pragma once

#include "extractionschema.h"
#include "mention.h"
#include "relationmention.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace gw {

// The wire format of remote extraction over OpenAI-compatible chat completions: builds the
// request for one chunk and turns the model's answer into mentions and relations of that chunk.
//
// The model is asked for one JSON object of the ExtractionSchema, and every answer is checked
// against it: an answer that does not follow it is malformed, whatever else it holds.
// Models are bad at counting characters, so offsets are never asked for: each entity text is
// looked up in the chunk (exact, else ignoring case; whole words only), every occurrence
// becoming a mention; longer names claim their span first, so "Charles Babbage" is not also
// "Babbage". Entities not found in the chunk are dropped (counted in Answer::unplaced): a
// mention must point at real text; so are tokens with fewer than two letters or digits ("'s"). Relations join the mentions of their subject and object
// nearest to each other, within the evidence sentence when it is found.
//
// Stateless; every function may be called from any thread.
class ChatExtractionCodec
{
public:
    // Part of the cache key: bump it whenever the prompt or the parsing changes meaning.
    // 2: absurd answers are refused (the bounds below), junk tokens dropped.
    // 3: answers must follow ExtractionSchema (exact type names, every field, no other); the
    //    vocabulary's names found in a chunk are listed in its instructions.
    static constexpr int promptVersion = 3;

    // Bounds of a sane answer; beyond them the whole answer is malformed (neither used nor
    // cached, and the chunk falls back to the built-in extractor).
    static constexpr int maxNameChars = 150;               // one entity's text
    static constexpr qsizetype maxItemsBase = 16;          // entities or relations: 16 + chunk length / 2
    static constexpr qsizetype maxAnswerBaseChars = 16384; // the answer text: 16 K + 8 per chunk character
    static constexpr qsizetype maxAnswerCharsPerChunkChar = 8;

    struct Answer
    {
        QList<Mention> mentions;          // sorted by start, never overlapping
        QList<RelationMention> relations; // indices into mentions
        int unplaced = 0;                 // entities and relations that could not be placed
    };

    struct Usage
    {
        qint64 promptTokens = 0;
        qint64 completionTokens = 0;
    };

    // The chat-completions request body (JSON, UTF-8) for one chunk: the schema's instructions
    // for it, and its response format (json_schema when the server honours it, else json_object).
    static QByteArray requestBody(const QString &model, const QString &chunkText, const ExtractionSchema &schema,
                                  bool honoursJsonSchema);
    // The answer text of a chat-completions response (choices[0].message.content). Throws
    // MalformedAnswerError when the body is not such a response.
    static QString answerContent(const QByteArray &responseBody);
    // usage.prompt_tokens and usage.completion_tokens of a chat-completions response; 0 for what
    // is missing or not a count. Never throws: a body that is not JSON used no tokens we know of.
    static Usage usage(const QByteArray &responseBody);
    // Parses an answer text (also when wrapped in a ``` fence) against `chunkText`. Throws
    // MalformedAnswerError when it is not JSON, does not follow `schema` or is beyond the bounds.
    static Answer parseAnswer(const QString &content, const QString &chunkText,
                              const ExtractionSchema &schema = ExtractionSchema::standard());
};

} // namespace gw
