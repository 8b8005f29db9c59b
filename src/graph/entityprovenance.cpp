#include "entityprovenance.h"

#include "store/projectconnection.h"
#include "store/projectstore.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>

#include <algorithm>

namespace gw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gw::EntityProvenance", text);
}

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
    store.readSnapshot([&](ProjectConnection &connection) {
        QSqlQuery entity = connection.prepare(QStringLiteral("SELECT name, type FROM entities WHERE id = ?"));
        entity.addBindValue(entityId);
        connection.exec(entity, tr("cannot read the entity"));
        if (!entity.next())
            return;
        out.m_name = entity.value(0).toString();
        out.m_type = entity.value(1).toString();

        // Mentions grouped by document, so each document's text is read once.
        const QStringList ids = QStringList{entityId} + options.mergedIds;
        QStringList placeholders(ids.size(), QStringLiteral("?"));
        QSqlQuery mentions = connection.prepare(
            QStringLiteral("SELECT m.document_id, d.path, m.start_offset, m.end_offset FROM mentions m "
                           "JOIN documents d ON d.id = m.document_id WHERE m.entity_id IN (%1) "
                           "ORDER BY m.document_id, m.start_offset, m.end_offset")
                .arg(placeholders.join(QLatin1Char(','))));
        for (const QString &id : ids)
            mentions.addBindValue(id);
        connection.exec(mentions, tr("cannot read the entity's mentions"));
        QList<DocumentMentions> documents;
        while (mentions.next()) {
            const qint64 documentId = mentions.value(0).toLongLong();
            if (documents.isEmpty() || documents.last().id != documentId)
                documents.append({documentId, mentions.value(1).toString(), {}});
            documents.last().mentions.append({mentions.value(2).toLongLong(), mentions.value(3).toLongLong()});
        }
        std::stable_sort(documents.begin(), documents.end(), [](const DocumentMentions &a, const DocumentMentions &b) {
            if (a.mentions.size() != b.mentions.size())
                return a.mentions.size() > b.mentions.size();
            return a.path < b.path;
        });
        out.m_documentCount = documents.size();

        QHash<QString, qint64> aliasCounts;
        QSqlQuery textQuery =
            connection.prepare(QStringLiteral("SELECT text FROM document_texts WHERE document_id = ?"));
        for (qsizetype d = 0; d < documents.size(); ++d) {
            token.throwIfCancelled();
            const DocumentMentions &document = documents.at(d);
            out.m_mentionCount += document.mentions.size();
            textQuery.bindValue(0, document.id);
            connection.exec(textQuery, tr("cannot read the text of %1").arg(document.path));
            const QString text = textQuery.next() ? textQuery.value(0).toString() : QString();
            textQuery.finish();

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
        // The id once, through a CTE: positional parameters cannot be reused.
        QSqlQuery related = connection.prepare(
            QStringLiteral("WITH me(id) AS (SELECT ?) "
                           "SELECT r.type, r.subject_id = me.id AS outgoing, e.id, e.name, e.type, COUNT(*) AS weight "
                           "FROM me, relations r JOIN entities e "
                           "  ON e.id = CASE WHEN r.subject_id = me.id THEN r.object_id ELSE r.subject_id END "
                           "WHERE r.subject_id = me.id OR r.object_id = me.id "
                           "GROUP BY r.type, outgoing, e.id ORDER BY weight DESC, e.name, r.type LIMIT ?"));
        // Once per id; the merged entities' relations are summed per (type, direction, other).
        QHash<QString, qsizetype> neighbourIndex;
        for (const QString &id : ids) {
            related.bindValue(0, id);
            related.bindValue(1, options.maxNeighbours);
            connection.exec(related, tr("cannot read the entity's relations"));
            while (related.next()) {
                const QString other = related.value(2).toString();
                if (ids.contains(other))
                    continue; // between two names of this same entity
                const QString key =
                    related.value(0).toString() + QLatin1Char(related.value(1).toBool() ? '>' : '<') + other;
                const auto found = neighbourIndex.constFind(key);
                if (found != neighbourIndex.constEnd()) {
                    out.m_neighbours[found.value()].weight += related.value(5).toLongLong();
                    continue;
                }
                neighbourIndex.insert(key, out.m_neighbours.size());
                out.m_neighbours.append({other, related.value(3).toString(), related.value(4).toString(),
                                         related.value(0).toString(), related.value(1).toBool(),
                                         related.value(5).toLongLong()});
            }
            related.finish();
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
