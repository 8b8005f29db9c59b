#include "chatextractioncodec.h"

#include "relationextractor.h"
#include "remoteextractionerrors.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <optional>
#include <tuple>
#include <utility>

namespace gw {

namespace {

constexpr double defaultConfidence = 0.9; // a model's word: good, but not a gazetteer hit

using Span = std::pair<qsizetype, qsizetype>;

bool isWordChar(QChar ch)
{
    return ch.isLetterOrNumber() || ch == u'_';
}

// Occurrences of `needle` in `text` that are whole words at the ends where the needle itself
// starts or ends with a word character ("Ada" is not found inside "Adam").
QList<Span> occurrences(const QString &text, const QString &needle, Qt::CaseSensitivity cs)
{
    QList<Span> found;
    if (needle.isEmpty())
        return found;
    const bool wordStart = isWordChar(needle.front());
    const bool wordEnd = isWordChar(needle.back());
    for (qsizetype from = 0;;) {
        const qsizetype at = text.indexOf(needle, from, cs);
        if (at < 0)
            break;
        const qsizetype end = at + needle.size();
        const bool startOk = !wordStart || at == 0 || !isWordChar(text.at(at - 1));
        const bool endOk = !wordEnd || end == text.size() || !isWordChar(text.at(end));
        if (startOk && endOk)
            found.append({at, end});
        from = at + 1;
    }
    return found;
}

QList<Span> occurrencesAnyCase(const QString &text, const QString &needle)
{
    QList<Span> found = occurrences(text, needle, Qt::CaseSensitive);
    return found.isEmpty() ? occurrences(text, needle, Qt::CaseInsensitive) : found;
}

std::optional<RelationType> relationTypeFromName(QString name)
{
    name = name.trimmed().toLower();
    name.replace(u' ', u'_').replace(u'-', u'_');
    for (int i = 0; i <= int(RelationType::CoOccurs); ++i)
        if (relationTypeName(RelationType(i)) == name)
            return RelationType(i);
    return std::nullopt;
}

[[noreturn]] void malformed(const QString &why)
{
    throw MalformedAnswerError(why);
}

QString fenceless(const QString &content)
{
    QString text = content.trimmed();
    // Many models wrap JSON in a Markdown fence even when told not to.
    if (text.startsWith(QLatin1String("```"))) {
        const qsizetype firstLineEnd = text.indexOf(u'\n');
        text = firstLineEnd < 0 ? QString() : text.mid(firstLineEnd + 1);
        if (text.endsWith(QLatin1String("```")))
            text.chop(3);
        text = text.trimmed();
    }
    return text;
}

QString stringField(const QJsonObject &object, const QString &name, const QString &where, bool required)
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            malformed(QCoreApplication::translate("gw::ChatExtractionCodec", "%1 has no \"%2\"").arg(where, name));
        return {};
    }
    if (!value.isString())
        malformed(
            QCoreApplication::translate("gw::ChatExtractionCodec", "\"%2\" of %1 is not a string").arg(where, name));
    return value.toString();
}

QJsonArray arrayField(const QJsonObject &object, const QString &name, bool required)
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            malformed(
                QCoreApplication::translate("gw::ChatExtractionCodec", "the answer has no \"%1\" list").arg(name));
        return {};
    }
    if (!value.isArray())
        malformed(
            QCoreApplication::translate("gw::ChatExtractionCodec", "\"%1\" of the answer is not a list").arg(name));
    return value.toArray();
}

struct EntityCandidate
{
    QString text;
    EntityType type = EntityType::Misc;
    double confidence = defaultConfidence;
};

// A name is a few words: one as long as a paragraph is the model copying the text, not naming.
bool nameTooLong(const QString &text)
{
    return text.size() > ChatExtractionCodec::maxNameChars;
}

// Names need at least two letters or digits: "'s", "-" or "." are tokens, not entities.
bool namesSomething(const QString &text)
{
    int alphanumeric = 0;
    for (const QChar ch : text)
        if (ch.isLetterOrNumber() && ++alphanumeric >= 2)
            return true;
    return false;
}

QList<EntityCandidate> entityCandidates(const QJsonArray &entities, int &unplaced)
{
    QList<EntityCandidate> out;
    QSet<QString> seen;
    for (qsizetype i = 0; i < entities.size(); ++i) {
        const QString where = QStringLiteral("entities[%1]").arg(i);
        if (!entities.at(i).isObject())
            malformed(QCoreApplication::translate("gw::ChatExtractionCodec", "%1 is not an object").arg(where));
        const QJsonObject entity = entities.at(i).toObject();
        EntityCandidate candidate;
        candidate.text = stringField(entity, QStringLiteral("text"), where, true).trimmed();
        candidate.type =
            entityTypeFromName(stringField(entity, QStringLiteral("type"), where, false).trimmed().toUpper());
        const QJsonValue confidence = entity.value(QStringLiteral("confidence"));
        if (confidence.isDouble())
            candidate.confidence = std::clamp(confidence.toDouble(), 0.0, 1.0);
        if (nameTooLong(candidate.text))
            malformed(QCoreApplication::translate("gw::ChatExtractionCodec",
                                                  "%1 is %2 characters long; a name has at most %3")
                          .arg(where)
                          .arg(candidate.text.size())
                          .arg(ChatExtractionCodec::maxNameChars));
        if (candidate.text.isEmpty() || seen.contains(candidate.text))
            continue;
        if (!namesSomething(candidate.text)) {
            ++unplaced;
            continue;
        }
        seen.insert(candidate.text);
        out.append(candidate);
    }
    return out;
}

// Every occurrence of every entity, longest names first, skipping spans already claimed.
QList<Mention> placeMentions(QList<EntityCandidate> candidates, const QString &chunk, int &unplaced)
{
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const EntityCandidate &a, const EntityCandidate &b) { return a.text.size() > b.text.size(); });
    QList<Mention> mentions;
    const auto overlapsClaimed = [&mentions](const Span &span) {
        return std::any_of(mentions.cbegin(), mentions.cend(),
                           [&span](const Mention &m) { return span.first < m.end && m.start < span.second; });
    };
    for (const EntityCandidate &candidate : candidates) {
        const QList<Span> spans = occurrencesAnyCase(chunk, candidate.text);
        if (spans.isEmpty())
            ++unplaced; // not in the text: the model made it up or rewrote it
        for (const Span &span : spans) {
            if (overlapsClaimed(span))
                continue;
            mentions.append(Mention{candidate.type, span.first, span.second,
                                    chunk.mid(span.first, span.second - span.first), candidate.confidence});
        }
    }
    std::sort(mentions.begin(), mentions.end(), [](const Mention &a, const Mention &b) { return a.start < b.start; });
    return mentions;
}

// Mentions naming `name`: the same text ignoring case, else a mention containing it as a whole
// word (a relation about "Babbage" after "Charles Babbage" claimed the span).
QList<int> mentionsNaming(const QList<Mention> &mentions, const QString &name)
{
    QList<int> exact;
    QList<int> containing;
    for (int i = 0; i < mentions.size(); ++i) {
        if (mentions.at(i).text.compare(name, Qt::CaseInsensitive) == 0)
            exact.append(i);
        else if (!occurrences(mentions.at(i).text, name, Qt::CaseInsensitive).isEmpty())
            containing.append(i);
    }
    return exact.isEmpty() ? containing : exact;
}

class RelationPlacer
{
public:
    RelationPlacer(const QString &chunk, const QList<Mention> &mentions)
        : m_chunk(chunk), m_mentions(mentions), m_sentences(RelationExtractor::sentenceSpans(chunk, mentions))
    {}

    std::optional<RelationMention> place(RelationType type, const QString &subject, const QString &object,
                                         const QString &evidence) const
    {
        const QList<int> subjects = mentionsNaming(m_mentions, subject);
        const QList<int> objects = mentionsNaming(m_mentions, object);
        if (subjects.isEmpty() || objects.isEmpty())
            return std::nullopt;
        // Within the evidence the model quoted, when it is really in the chunk.
        const QList<Span> quoted = occurrencesAnyCase(m_chunk, evidence.trimmed());
        for (const Span &span : quoted) {
            if (const auto pair = nearestPair(subjects, objects, span))
                return RelationMention{type, pair->first, pair->second, span.first, span.second, {}};
        }
        const auto pair = nearestPair(subjects, objects, std::nullopt);
        if (!pair)
            return std::nullopt;
        const Span a = sentenceOf(m_mentions.at(pair->first));
        const Span b = sentenceOf(m_mentions.at(pair->second));
        return RelationMention{
            type, pair->first, pair->second, std::min(a.first, b.first), std::max(a.second, b.second), {}};
    }

private:
    int sentenceIndex(const Mention &m) const
    {
        for (int i = 0; i < m_sentences.size(); ++i)
            if (m_sentences.at(i).first <= m.start && m.end <= m_sentences.at(i).second)
                return i;
        return -1;
    }
    Span sentenceOf(const Mention &m) const
    {
        const int i = sentenceIndex(m);
        return i < 0 ? Span{m.start, m.end} : m_sentences.at(i);
    }
    // Two different mentions, within `inside` when given; same sentence first, then closest.
    std::optional<std::pair<int, int>> nearestPair(const QList<int> &subjects, const QList<int> &objects,
                                                   const std::optional<Span> &inside) const
    {
        std::optional<std::pair<int, int>> best;
        std::tuple<bool, qsizetype> bestRank{true, 0};
        const auto within = [&inside](const Mention &m) {
            return !inside || (inside->first <= m.start && m.end <= inside->second);
        };
        for (int s : subjects) {
            for (int o : objects) {
                const Mention &ms = m_mentions.at(s);
                const Mention &mo = m_mentions.at(o);
                if (s == o || !within(ms) || !within(mo))
                    continue;
                const int sentence = sentenceIndex(ms);
                const std::tuple<bool, qsizetype> rank{sentence < 0 || sentence != sentenceIndex(mo),
                                                       qAbs(ms.start - mo.start)};
                if (!best || rank < bestRank) {
                    best = std::pair{s, o};
                    bestRank = rank;
                }
            }
        }
        return best;
    }

    const QString &m_chunk;
    const QList<Mention> &m_mentions;
    const QList<Span> m_sentences;
};

QList<RelationMention> placeRelations(const QJsonArray &relations, const QString &chunk, const QList<Mention> &mentions,
                                      int &unplaced)
{
    const RelationPlacer placer(chunk, mentions);
    QList<RelationMention> out;
    QSet<QString> seen;
    for (qsizetype i = 0; i < relations.size(); ++i) {
        const QString where = QStringLiteral("relations[%1]").arg(i);
        if (!relations.at(i).isObject())
            malformed(QCoreApplication::translate("gw::ChatExtractionCodec", "%1 is not an object").arg(where));
        const QJsonObject relation = relations.at(i).toObject();
        const QString subject = stringField(relation, QStringLiteral("subject"), where, true).trimmed();
        const QString object = stringField(relation, QStringLiteral("object"), where, true).trimmed();
        const QString typeName = stringField(relation, QStringLiteral("type"), where, true);
        const QString evidence = stringField(relation, QStringLiteral("evidence"), where, false);
        const std::optional<RelationType> type = relationTypeFromName(typeName);
        const std::optional<RelationMention> placed =
            type ? placer.place(*type, subject, object, evidence) : std::nullopt;
        if (!placed) {
            ++unplaced; // an unknown kind, or an end that is not a mention of this chunk
            continue;
        }
        const QString key = QStringLiteral("%1/%2/%3/%4")
                                .arg(int(placed->type))
                                .arg(placed->subject)
                                .arg(placed->object)
                                .arg(placed->sentenceStart);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        out.append(*placed);
    }
    std::sort(out.begin(), out.end(), [&mentions](const RelationMention &a, const RelationMention &b) {
        return std::tuple(a.sentenceStart, mentions.at(a.subject).start, mentions.at(a.object).start)
            < std::tuple(b.sentenceStart, mentions.at(b.subject).start, mentions.at(b.object).start);
    });
    return out;
}

} // namespace

QByteArray ChatExtractionCodec::requestBody(const QString &model, const QString &chunkText,
                                            const ExtractionSchema &schema, bool honoursJsonSchema)
{
    QJsonObject system{{QStringLiteral("role"), QStringLiteral("system")},
                       {QStringLiteral("content"), schema.systemPrompt(chunkText)}};
    QJsonObject user{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), chunkText}};
    QJsonObject body{
        {QStringLiteral("model"), model},
        {QStringLiteral("messages"), QJsonArray{system, user}},
        {QStringLiteral("temperature"), 0},
        {QStringLiteral("stream"), false},
        {QStringLiteral("response_format"), schema.responseFormat(honoursJsonSchema)},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString ChatExtractionCodec::answerContent(const QByteArray &responseBody)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(responseBody, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        malformed(
            QCoreApplication::translate("gw::ChatExtractionCodec", "the response is not a JSON object (%1 at byte %2)")
                .arg(error.errorString())
                .arg(error.offset));
    const QJsonObject root = document.object();
    const QJsonValue content = root.value(QStringLiteral("choices"))
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value(QStringLiteral("message"))
                                   .toObject()
                                   .value(QStringLiteral("content"));
    if (!content.isString()) {
        const QString reported =
            root.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
        malformed(
            reported.isEmpty()
                ? QCoreApplication::translate("gw::ChatExtractionCodec",
                                              "the response has no choices[0].message.content")
                : QCoreApplication::translate("gw::ChatExtractionCodec", "the response is an error: %1").arg(reported));
    }
    return content.toString();
}

ChatExtractionCodec::Usage ChatExtractionCodec::usage(const QByteArray &responseBody)
{
    const QJsonObject usage = QJsonDocument::fromJson(responseBody).object().value(QStringLiteral("usage")).toObject();
    // Counts only: a negative, fractional or absurd figure is a server's bug, not a bill.
    const auto count = [&usage](const QString &name) {
        const double value = usage.value(name).toDouble(0);
        return value >= 0 && value < 1e12 ? qint64(value) : qint64(0);
    };
    return Usage{count(QStringLiteral("prompt_tokens")), count(QStringLiteral("completion_tokens"))};
}

ChatExtractionCodec::Answer ChatExtractionCodec::parseAnswer(const QString &content, const QString &chunkText,
                                                             const ExtractionSchema &schema)
{
    // A sane answer is a list of short names and sentences of this chunk: one far longer than
    // the chunk is a model gone wrong, and parsing it would only cost time and memory.
    const qsizetype maxContent = maxAnswerBaseChars + maxAnswerCharsPerChunkChar * chunkText.size();
    if (content.size() > maxContent)
        malformed(QCoreApplication::translate("gw::ChatExtractionCodec",
                                              "the answer is %1 characters long for a chunk of %2 (at most %3)")
                      .arg(content.size())
                      .arg(chunkText.size())
                      .arg(maxContent));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(fenceless(content).toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        malformed(QCoreApplication::translate("gw::ChatExtractionCodec", "the answer is not JSON (%1 at byte %2)")
                      .arg(error.errorString())
                      .arg(error.offset));
    if (!document.isObject())
        malformed(QCoreApplication::translate("gw::ChatExtractionCodec", "the answer is not a JSON object"));
    const QString violation = schema.violation(document.object());
    if (!violation.isEmpty())
        malformed(QCoreApplication::translate("gw::ChatExtractionCodec", "the answer does not follow the schema (%1)")
                      .arg(violation));
    const QJsonObject root = document.object();
    Answer answer;
    const QJsonArray entities = arrayField(root, QStringLiteral("entities"), true);
    const QJsonArray relations = arrayField(root, QStringLiteral("relations"), false);
    // A chunk cannot hold more names than it has room for (a name and a space: 2 characters).
    const qsizetype maxItems = maxItemsBase + chunkText.size() / 2;
    if (entities.size() > maxItems || relations.size() > maxItems)
        malformed(QCoreApplication::translate("gw::ChatExtractionCodec",
                                              "the answer lists %1 entities and %2 relations for a chunk of %3 "
                                              "characters (at most %4 each)")
                      .arg(entities.size())
                      .arg(relations.size())
                      .arg(chunkText.size())
                      .arg(maxItems));
    answer.mentions = placeMentions(entityCandidates(entities, answer.unplaced), chunkText, answer.unplaced);
    answer.relations = placeRelations(relations, chunkText, answer.mentions, answer.unplaced);
    return answer;
}

} // namespace gw
