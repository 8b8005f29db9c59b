#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace gw {

// Checks a JSON value against a JSON Schema, for the subset of keywords that servers with
// structured output (OpenAI, vLLM, llama.cpp server) accept: "type" (a name or a list of names),
// "enum", "const", "properties", "required", "additionalProperties" (true, false or a schema),
// "items", "minItems", "maxItems", "minLength", "maxLength" (in code points), "minimum",
// "maximum". Other keywords ("description", "title", "$schema") do not constrain. The same schema
// object is sent to the server and used here, so what was asked for is what is checked.
//
// Stateless; any thread.
class JsonSchemaValidator
{
public:
    // Empty when `value` follows `schema`; else the first place where it does not and why, as
    // `path` extended by property names and list indices ("answer.entities[3].type: ...").
    static QString violation(const QJsonObject &schema, const QJsonValue &value,
                             const QString &path = QStringLiteral("answer"));
};

} // namespace gw
