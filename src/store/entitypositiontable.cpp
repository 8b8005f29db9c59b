#include "entitypositiontable.h"

#include "projectconnection.h"
#include "projectstore.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace gw {

void EntityPositionTable::save(const QList<EntityPosition> &positions) const
{
    m_store.writeTransactionBlocking([&positions](ProjectConnection &connection) {
        // Selecting from entities skips entities removed since the layout was computed instead
        // of failing on the foreign key.
        QSqlQuery upsert = connection.prepare(
            QStringLiteral("INSERT INTO entity_positions (entity_id, x, y) SELECT id, ?, ? FROM entities WHERE id = ? "
                           "ON CONFLICT (entity_id) DO UPDATE SET x = excluded.x, y = excluded.y"));
        const QString what = QCoreApplication::translate("gw::EntityPositionTable", "cannot save the layout");
        for (const EntityPosition &position : positions) {
            upsert.bindValue(0, position.x);
            upsert.bindValue(1, position.y);
            upsert.bindValue(2, position.entityId);
            connection.exec(upsert, what);
        }
    });
}

QList<EntityPosition> EntityPositionTable::load() const
{
    QList<EntityPosition> positions;
    m_store.readSnapshot([&positions](ProjectConnection &connection) {
        QSqlQuery select = connection.prepare(QStringLiteral("SELECT entity_id, x, y FROM entity_positions"));
        connection.exec(select, QCoreApplication::translate("gw::EntityPositionTable", "cannot read the layout"));
        while (select.next())
            positions.append({select.value(0).toString(), select.value(1).toDouble(), select.value(2).toDouble()});
    });
    return positions;
}

} // namespace gw
