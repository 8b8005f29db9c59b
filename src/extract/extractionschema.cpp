#include "extractionschema.h"

#include "entitytype.h"
#include "jsonschemavalidator.h"
#include "relationmention.h"
#include "vocabulary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace gw {

namespace {

QJsonObject stringProperty(const QString &description)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                       {QStringLiteral("description"), description}};
}

QJsonObject enumProperty(const QStringList &names)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                       {QStringLiteral("enum"), QJsonArray::fromStringList(names)}};
}

// An object with exactly these properties, all required (as OpenAI's strict mode wants).
QJsonObject strictObject(const QJsonObject &properties)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                       {QStringLiteral("properties"), properties},
                       {QStringLiteral("required"), QJsonArray::fromStringList(properties.keys())},
                       {QStringLiteral("additionalProperties"), false}};
}

QJsonObject listOf(const QJsonObject &items)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), items}};
}

QJsonObject buildAnswerSchema()
{
    const QJsonObject entity = strictObject({
        {QStringLiteral("text"), stringProperty(QStringLiteral("The name, copied character for character"))},
        {QStringLiteral("type"), enumProperty(ExtractionSchema::entityTypeNames())},
    });
    const QJsonObject relation = strictObject({
        {QStringLiteral("subject"), stringProperty(QStringLiteral("The text of an entity"))},
        {QStringLiteral("type"), enumProperty(ExtractionSchema::relationTypeNames())},
        {QStringLiteral("object"), stringProperty(QStringLiteral("The text of an entity"))},
        {QStringLiteral("evidence"), stringProperty(QStringLiteral("The sentence stating it, copied"))},
    });
    return strictObject(
        {{QStringLiteral("entities"), listOf(entity)}, {QStringLiteral("relations"), listOf(relation)}});
}

QString buildInstructions()
{
    return QStringLiteral("You extract a knowledge graph from the text the user sends. Answer with exactly one "
                          "JSON object and nothing else, in this form:\n"
                          "{\"entities\": [{\"text\": \"...\", \"type\": \"...\"}],\n"
                          " \"relations\": [{\"subject\": \"...\", \"type\": \"...\", \"object\": \"...\", "
                          "\"evidence\": \"...\"}]}\n"
                          "Rules:\n"
                          "- \"text\" of an entity is copied character for character from the text.\n"
                          "- Entity types, written exactly so: %1.\n"
                          "- Relation types, written exactly so: %2. \"subject\" and \"object\" are \"text\" "
                          "values of entities; \"evidence\" is the sentence that states the relation, copied "
                          "from the text.\n"
                          "- Every field is required; add no other field. Leave a list empty when there is "
                          "nothing to report. Do not explain.")
        .arg(ExtractionSchema::entityTypeNames().join(QStringLiteral(", ")),
             ExtractionSchema::relationTypeNames().join(QStringLiteral(", ")));
}

} // namespace

const ExtractionSchema &ExtractionSchema::standard()
{
    static const ExtractionSchema schema;
    return schema;
}

ExtractionSchema::ExtractionSchema(std::shared_ptr<const Vocabulary> vocabulary)
    : m_vocabulary(vocabulary && !vocabulary->isEmpty() ? std::move(vocabulary) : nullptr),
      m_answerSchema(buildAnswerSchema()), m_instructions(buildInstructions())
{}

QStringList ExtractionSchema::entityTypeNames()
{
    QStringList names;
    for (EntityType type :
         {EntityType::Person, EntityType::Organization, EntityType::Location, EntityType::Date, EntityType::Money,
          EntityType::Percent, EntityType::Email, EntityType::Url, EntityType::Misc})
        names << entityTypeName(type);
    return names;
}

QStringList ExtractionSchema::relationTypeNames()
{
    QStringList names;
    for (int i = 0; i < int(RelationType::CoOccurs); ++i)
        names << relationTypeName(RelationType(i));
    return names;
}

QJsonObject ExtractionSchema::responseFormat(bool honoursJsonSchema) const
{
    if (!honoursJsonSchema)
        // Understood by Ollama, llama.cpp server and vLLM: constrains the answer to JSON.
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("json_object")}};
    const QJsonObject jsonSchema{{QStringLiteral("name"), formatName()},
                                 {QStringLiteral("strict"), true},
                                 {QStringLiteral("schema"), m_answerSchema}};
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("json_schema")},
                       {QStringLiteral("json_schema"), jsonSchema}};
}

QString ExtractionSchema::systemPrompt(const QString &chunkText) const
{
    if (!m_vocabulary)
        return m_instructions;
    // After the fixed part, so servers that cache prompt prefixes share it between chunks.
    QStringList hints;
    QSet<QString> listed;
    for (const Mention &found : m_vocabulary->find(chunkText)) {
        if (hints.size() >= maxVocabularyHints)
            break;
        if (listed.contains(found.text))
            continue;
        listed.insert(found.text);
        hints << (found.name.isEmpty() ? QStringLiteral("- %1: %2").arg(found.text, entityTypeName(found.type))
                                       : QStringLiteral("- %1: %2 (another name of %3)")
                                             .arg(found.text, entityTypeName(found.type), found.name));
    }
    if (hints.isEmpty())
        return m_instructions;
    return m_instructions + QStringLiteral("\nThese names in the text are known; report each with the type given:\n")
        + hints.join(u'\n');
}

QString ExtractionSchema::requestShape(bool honoursJsonSchema) const
{
    const QJsonObject shape{
        {QStringLiteral("system"), m_instructions},
        {QStringLiteral("response_format"), responseFormat(honoursJsonSchema)},
        {QStringLiteral("schema"), m_answerSchema},
        {QStringLiteral("vocabulary"), m_vocabulary ? m_vocabulary->fingerprint() : QString()},
    };
    return QString::fromUtf8(QJsonDocument(shape).toJson(QJsonDocument::Compact));
}

QString ExtractionSchema::violation(const QJsonValue &answer) const
{
    return JsonSchemaValidator::violation(m_answerSchema, answer);
}

} // namespace gw
