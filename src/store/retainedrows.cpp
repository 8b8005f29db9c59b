#include "retainedrows.h"

#include "projectconnection.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace gw {

namespace {

struct MentionKey
{
    qint64 chunk;
    QString entityId;
    qint64 start, end;
    double confidence;
    bool operator==(const MentionKey &) const = default;
};

size_t qHash(const MentionKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.chunk, key.entityId, key.start, key.end);
}

// The columns of UNIQUE (document_id, type, subject_id, object_id, sentence_start).
struct RelationKey
{
    QString type, subjectId, objectId;
    qint64 sentenceStart;
    bool operator==(const RelationKey &) const = default;
};

size_t qHash(const RelationKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.type, key.subjectId, key.objectId, key.sentenceStart);
}

struct RelationRest
{
    qint64 id;
    qint64 chunk;
    qint64 sentenceEnd;
    QString trigger;
    double weight;
};

} // namespace

RetainedRows RetainedRows::find(ProjectConnection &connection, qint64 oldDocumentId, const DocumentRecord &record,
                                const QString &coOccurrenceType)
{
    const QString what =
        QCoreApplication::translate("gw::DocumentWriter", "cannot read the old version of \"%1\"").arg(record.path);
    RetainedRows out;
    out.mentions.fill(false, record.mentions.size());
    out.relations.fill(false, record.relations.size());

    QHash<MentionKey, QList<qint64>> oldMentions; // the same mention may be stored more than once
    QSqlQuery &mentions =
        connection.prepareCached(QStringLiteral("SELECT id, chunk_ordinal, entity_id, start_offset, end_offset, "
                                                "confidence FROM mentions WHERE document_id = ?"));
    mentions.bindValue(0, oldDocumentId);
    connection.exec(mentions, what);
    while (mentions.next()) {
        const QString entityId = mentions.value(2).toString();
        out.formerEntities.insert(entityId);
        oldMentions[MentionKey{mentions.value(1).toLongLong(), entityId, mentions.value(3).toLongLong(),
                               mentions.value(4).toLongLong(), mentions.value(5).toDouble()}]
            .append(mentions.value(0).toLongLong());
    }
    mentions.finish();
    for (qsizetype i = 0; i < record.mentions.size(); ++i) {
        const MentionRecord &row = record.mentions.at(i);
        const auto found = oldMentions.find(MentionKey{row.chunk, row.entityId, row.start, row.end, row.confidence});
        if (found == oldMentions.end() || found->isEmpty())
            continue;
        found->removeLast();
        out.mentions[i] = true;
    }
    for (const QList<qint64> &ids : std::as_const(oldMentions))
        out.staleMentionIds.append(ids);

    QHash<RelationKey, RelationRest> oldRelations;
    QSqlQuery &relations = connection.prepareCached(
        QStringLiteral("SELECT id, type, subject_id, object_id, chunk_ordinal, sentence_start, sentence_end, trigger, "
                       "weight FROM relations WHERE document_id = ?"));
    relations.bindValue(0, oldDocumentId);
    connection.exec(relations, what);
    while (relations.next()) {
        const QString subjectId = relations.value(2).toString(), objectId = relations.value(3).toString();
        out.formerEntities.insert(subjectId);
        out.formerEntities.insert(objectId);
        oldRelations.insert(
            RelationKey{relations.value(1).toString(), subjectId, objectId, relations.value(5).toLongLong()},
            RelationRest{relations.value(0).toLongLong(), relations.value(4).toLongLong(),
                         relations.value(6).toLongLong(), relations.value(7).toString(),
                         relations.value(8).toDouble()});
    }
    relations.finish();
    QSet<RelationKey> seen; // INSERT OR IGNORE keeps the first row of a key: only it may match
    for (qsizetype i = 0; i < record.relations.size(); ++i) {
        const RelationRecord &row = record.relations.at(i);
        const bool swap = row.objectId < row.subjectId && row.type == coOccurrenceType;
        const RelationKey key{row.type, swap ? row.objectId : row.subjectId, swap ? row.subjectId : row.objectId,
                              row.sentenceStart};
        if (seen.contains(key))
            continue;
        seen.insert(key);
        const auto found = oldRelations.constFind(key);
        if (found == oldRelations.cend() || found->chunk != row.chunk || found->sentenceEnd != row.sentenceEnd
            || found->trigger != row.trigger || found->weight != row.weight)
            continue;
        out.relations[i] = true;
        oldRelations.erase(found);
    }
    for (const RelationRest &rest : std::as_const(oldRelations))
        out.staleRelationIds.append(rest.id);
    return out;
}

} // namespace gw
