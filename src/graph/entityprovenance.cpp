#include "entityprovenance.h"

#include "store/entityevidencereader.h"
#include "store/projectschema.h"

#include <QHash>

#include <algorithm>

namespace gw {

namespace {

bool endsSentence(QChar c)
{
    return c == QLatin1Char('.') || c == QLatin1Char('!') || c == QLatin1Char('?') || c == QChar(0x2029);
}

bool isBlankLine(const QString &text, qint64 at) // text[at] and text[at+1] are both line breaks
{
    return at + 1 < text.size() && text.at(at) == QLatin1Char('\n') && text.at(at + 1) == QLatin1Char('\n');
}

QString onOneLine(QString text)
{
    for (QChar &c : text)
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
            c = QLatin1Char(' ');
    return text;
}

struct MentionRow
{
    qint64 start = 0, end = 0;
};

struct DocumentMentions
{
    qint64 id = 0;
    QString path;
    QList<MentionRow> mentions;
};

} // namespace

QString ProvenanceSnippet::markedSentence(const QString &open, const QString &close) const
{
    return sentence.left(markStart) + open + mention() + close + sentence.mid(markEnd);
}

std::pair<qint64, qint64> EntityProvenance::sentenceAround(const QString &text, qint64 start, qint64 end, int limit)
{
    start = std::clamp<qint64>(start, 0, text.size());
    end = std::clamp<qint64>(end, start, text.size());
    qint64 from = start;
    const qint64 floor = std::max<qint64>(0, start - limit);
    // A full stop inside "3.5" or "e.g." ends nothing: a space or the end must follow it.
    while (from > floor && !(endsSentence(text.at(from - 1)) && text.at(from).isSpace())
           && !(from >= 2 && isBlankLine(text, from - 2)))
        --from;
    qint64 to = end;
    const qint64 ceiling = std::min<qint64>(text.size(), end + limit);
    while (to < ceiling && !isBlankLine(text, to)) {
        const QChar c = text.at(to++);
        if (endsSentence(c) && (to >= text.size() || text.at(to).isSpace()))
            break;
    }
    while (from < to && text.at(from).isSpace())
        ++from;
    while (to > from && text.at(to - 1).isSpace())
        --to;
    return {from, to};
}

EntityProvenance EntityProvenance::load(ProjectStore &store, const QString &entityId, const Options &options,
                                        const CancellationToken &token)
{
    EntityProvenance out;
    out.m_id = entityId;
    EntityEvidenceReader::inSnapshot(store, [&](EntityEvidenceReader &reader) {
        const std::optional<StoredEntityName> entity = reader.entity(entityId);
        if (!entity)
            return;
        out.m_name = entity->name;
        out.m_type = entity->type;

        // Mentions grouped by document, so each document's text is read once.
        const QStringList ids = QStringList{entityId} + options.mergedIds;
        QList<DocumentMentions> documents;
        for (const StoredMentionSpan &mention : reader.mentions(ids)) {
            if (documents.isEmpty() || documents.last().id != mention.documentId)
                documents.append({mention.documentId, mention.documentPath, {}});
            documents.last().mentions.append({mention.start, mention.end});
        }
        std::stable_sort(documents.begin(), documents.end(), [](const DocumentMentions &a, const DocumentMentions &b) {
            if (a.mentions.size() != b.mentions.size())
                return a.mentions.size() > b.mentions.size();
            return a.path < b.path;
        });
        out.m_documentCount = documents.size();

        QHash<QString, qint64> aliasCounts;
        for (qsizetype d = 0; d < documents.size(); ++d) {
            token.throwIfCancelled();
            const DocumentMentions &document = documents.at(d);
            out.m_mentionCount += document.mentions.size();
            const QString text = reader.documentText(document.id, document.path);

            ProvenanceDocument shown{document.id, document.path, document.mentions.size(), {}};
            qint64 lastSentenceEnd = -1;
            for (const MentionRow &mention : document.mentions) {
                if (mention.start < 0 || mention.end > text.size() || mention.end < mention.start)
                    continue; // offsets of another version of the text: nothing to show
                const QString surface = text.mid(mention.start, mention.end - mention.start).simplified();
                if (!surface.isEmpty())
                    ++aliasCounts[surface];
                if (d >= options.maxDocuments || shown.snippets.size() >= options.maxSnippetsPerDocument)
                    continue;
                const auto [from, to] = sentenceAround(text, mention.start, mention.end);
                if (from < lastSentenceEnd)
                    continue; // a second mention in the same sentence: one snippet is enough
                lastSentenceEnd = to;
                ProvenanceSnippet snippet;
                snippet.start = mention.start;
                snippet.end = mention.end;
                snippet.sentenceStart = from;
                snippet.sentenceEnd = to;
                snippet.sentence = onOneLine(text.mid(from, to - from));
                snippet.markStart = mention.start - from;
                snippet.markEnd = mention.end - from;
                snippet.contextStart = std::max<qint64>(0, from - options.contextChars);
                snippet.context =
                    text.mid(snippet.contextStart,
                             std::min<qint64>(text.size(), to + options.contextChars) - snippet.contextStart);
                shown.snippets.append(snippet);
            }
            if (d < options.maxDocuments)
                out.m_documents.append(shown);
        }
        QList<std::pair<QString, qint64>> aliases(aliasCounts.keyValueBegin(), aliasCounts.keyValueEnd());
        std::sort(aliases.begin(), aliases.end(), [](const auto &a, const auto &b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        for (const auto &alias : aliases)
            out.m_aliases.append(alias.first);

        token.throwIfCancelled();
        // Once per id; the merged entities' relations are summed per (type, direction, other).
        QHash<QString, qsizetype> neighbourIndex;
        for (const QString &id : ids) {
            for (const StoredNeighbour &related : reader.neighbours(id, options.maxNeighbours)) {
                if (ids.contains(related.id))
                    continue; // between two names of this same entity
                // A co-occurrence is stored with the smaller id first: either way round for this
                // entity's names, it is one neighbour.
                const bool directed = related.relationType != ProjectSchema::coOccurrenceType();
                const QString key = related.relationType
                    + QLatin1Char(!directed              ? '-'
                                      : related.outgoing ? '>'
                                                         : '<')
                    + related.id;
                const auto found = neighbourIndex.constFind(key);
                if (found != neighbourIndex.constEnd()) {
                    out.m_neighbours[found.value()].weight += related.weight;
                    continue;
                }
                neighbourIndex.insert(key, out.m_neighbours.size());
                out.m_neighbours.append({related.id, related.name, related.type, related.relationType,
                                         related.outgoing || !directed, directed, related.weight});
            }
        }
        if (ids.size() > 1) {
            std::stable_sort(
                out.m_neighbours.begin(), out.m_neighbours.end(),
                [](const ProvenanceNeighbour &a, const ProvenanceNeighbour &b) { return a.weight > b.weight; });
            if (out.m_neighbours.size() > options.maxNeighbours)
                out.m_neighbours.resize(options.maxNeighbours);
        }
    });
    return out;
}

} // namespace gw
