#include "entityevidencereader.h"

#include "projectconnection.h"
#include "projectstore.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace gw {

struct EntityEvidenceReader::Queries
{
    std::optional<QSqlQuery> text;
    std::optional<QSqlQuery> related;
};

EntityEvidenceReader::EntityEvidenceReader(ProjectConnection &connection)
    : m_connection(connection), m_queries(std::make_unique<Queries>())
{}

EntityEvidenceReader::~EntityEvidenceReader() = default;

void EntityEvidenceReader::inSnapshot(ProjectStore &store, const std::function<void(EntityEvidenceReader &)> &read)
{
    store.readSnapshot([&read](ProjectConnection &connection) {
        EntityEvidenceReader reader(connection);
        read(reader);
    });
}

std::optional<StoredEntityName> EntityEvidenceReader::entity(const QString &entityId)
{
    QSqlQuery entity = m_connection.prepare(QStringLiteral("SELECT name, type FROM entities WHERE id = ?"));
    entity.addBindValue(entityId);
    m_connection.exec(entity, QCoreApplication::translate("gw::EntityEvidenceReader", "cannot read the entity"));
    if (!entity.next())
        return std::nullopt;
    return StoredEntityName{entity.value(0).toString(), entity.value(1).toString()};
}

QList<StoredMentionSpan> EntityEvidenceReader::mentions(const QStringList &entityIds)
{
    const QStringList placeholders(entityIds.size(), QStringLiteral("?"));
    QSqlQuery mentions = m_connection.prepare(
        QStringLiteral("SELECT m.document_id, d.path, m.start_offset, m.end_offset FROM mentions m "
                       "JOIN documents d ON d.id = m.document_id WHERE m.entity_id IN (%1) "
                       "ORDER BY m.document_id, m.start_offset, m.end_offset")
            .arg(placeholders.join(QLatin1Char(','))));
    for (const QString &id : entityIds)
        mentions.addBindValue(id);
    m_connection.exec(mentions,
                      QCoreApplication::translate("gw::EntityEvidenceReader", "cannot read the entity's mentions"));
    QList<StoredMentionSpan> out;
    while (mentions.next())
        out.append({mentions.value(0).toLongLong(), mentions.value(1).toString(), mentions.value(2).toLongLong(),
                    mentions.value(3).toLongLong()});
    return out;
}

QString EntityEvidenceReader::documentText(qint64 documentId, const QString &path)
{
    if (!m_queries->text)
        m_queries->text = m_connection.prepare(QStringLiteral("SELECT text FROM document_texts WHERE document_id = ?"));
    QSqlQuery &query = *m_queries->text;
    query.bindValue(0, documentId);
    m_connection.exec(query,
                      QCoreApplication::translate("gw::EntityEvidenceReader", "cannot read the text of %1").arg(path));
    const QString text = query.next() ? query.value(0).toString() : QString();
    query.finish();
    return text;
}

QList<StoredNeighbour> EntityEvidenceReader::neighbours(const QString &entityId, int limit)
{
    if (!m_queries->related) {
        // The id once, through a CTE: positional parameters cannot be reused.
        m_queries->related = m_connection.prepare(
            QStringLiteral("WITH me(id) AS (SELECT ?) "
                           "SELECT r.type, r.subject_id = me.id AS outgoing, e.id, e.name, e.type, COUNT(*) AS weight "
                           "FROM me, relations r JOIN entities e "
                           "  ON e.id = CASE WHEN r.subject_id = me.id THEN r.object_id ELSE r.subject_id END "
                           "WHERE r.subject_id = me.id OR r.object_id = me.id "
                           "GROUP BY r.type, outgoing, e.id ORDER BY weight DESC, e.name, r.type LIMIT ?"));
    }
    QSqlQuery &related = *m_queries->related;
    related.bindValue(0, entityId);
    related.bindValue(1, limit);
    m_connection.exec(related,
                      QCoreApplication::translate("gw::EntityEvidenceReader", "cannot read the entity's relations"));
    QList<StoredNeighbour> out;
    while (related.next())
        out.append({related.value(0).toString(), related.value(1).toBool(), related.value(2).toString(),
                    related.value(3).toString(), related.value(4).toString(), related.value(5).toLongLong()});
    related.finish();
    return out;
}

} // namespace gw
