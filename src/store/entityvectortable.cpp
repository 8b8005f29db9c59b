#include "entityvectortable.h"

#include "projectconnection.h"
#include "projectstore.h"
#include "storeerror.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

#include <cstring>
#include <stdexcept>

namespace gw {

int EntityVectorTable::replaceAll(const EntityVectors &vectors) const
{
    if (vectors.dimensions < 0 || vectors.data.size() != std::size_t(vectors.count()) * std::size_t(vectors.dimensions))
        throw std::invalid_argument("EntityVectorTable::replaceAll: data does not hold count x dimensions values");
    int written = 0;
    m_store.writeTransactionBlocking([&vectors, &written](ProjectConnection &connection) {
        connection.exec(QStringLiteral("DELETE FROM entity_vectors"),
                        QCoreApplication::translate("gw::EntityVectorTable", "cannot clear the entity vectors"));
        // Through SELECT ... FROM entities: an entity removed since the vectors were computed is
        // skipped instead of failing the whole save on its foreign key.
        QSqlQuery insert =
            connection.prepare(QStringLiteral("INSERT INTO entity_vectors (entity_id, method, dimensions, vector) "
                                              "SELECT id, ?, ?, ? FROM entities WHERE id = ?"));
        const qsizetype bytes = qsizetype(vectors.dimensions) * qsizetype(sizeof(float));
        QByteArray blob(bytes, Qt::Uninitialized);
        for (int i = 0; i < vectors.count(); ++i) {
            const float *row = vectors.row(i);
            for (int j = 0; j < vectors.dimensions; ++j) {
                quint32 bits;
                std::memcpy(&bits, row + j, sizeof bits);
                qToLittleEndian(bits, blob.data() + j * 4);
            }
            insert.bindValue(0, vectors.method);
            insert.bindValue(1, vectors.dimensions);
            insert.bindValue(2, blob);
            insert.bindValue(3, vectors.ids.at(i));
            connection.exec(
                insert,
                QCoreApplication::translate("gw::EntityVectorTable", "cannot store the vector of entity \"%1\"")
                    .arg(vectors.ids.at(i)));
            written += std::max(0, insert.numRowsAffected());
        }
    });
    return written;
}

EntityVectors EntityVectorTable::load() const
{
    EntityVectors out;
    m_store.readSnapshot([&out, this](ProjectConnection &connection) {
        QSqlQuery select = connection.prepare(
            QStringLiteral("SELECT entity_id, method, dimensions, vector FROM entity_vectors ORDER BY rowid"));
        connection.exec(select, QCoreApplication::translate("gw::EntityVectorTable", "cannot read the entity vectors"));
        const auto damaged = [this](const QString &why) {
            return StoreError(
                m_store.path(),
                QCoreApplication::translate("gw::EntityVectorTable",
                                            "the stored entity vectors are damaged (%1); compute them again")
                    .arg(why));
        };
        while (select.next()) {
            const QString id = select.value(0).toString();
            const QString method = select.value(1).toString();
            const int dimensions = select.value(2).toInt();
            const QByteArray blob = select.value(3).toByteArray();
            if (out.ids.isEmpty()) {
                out.method = method;
                out.dimensions = dimensions;
            } else if (method != out.method || dimensions != out.dimensions) {
                throw damaged(QCoreApplication::translate("gw::EntityVectorTable", "they mix methods or dimensions"));
            }
            if (dimensions < 0 || blob.size() != qsizetype(dimensions) * 4)
                throw damaged(QCoreApplication::translate("gw::EntityVectorTable",
                                                          "the vector of entity \"%1\" has the wrong size")
                                  .arg(id));
            out.ids.append(id);
            const std::size_t at = out.data.size();
            out.data.resize(at + std::size_t(dimensions));
            for (int j = 0; j < dimensions; ++j) {
                const quint32 bits = qFromLittleEndian<quint32>(blob.constData() + j * 4);
                std::memcpy(out.data.data() + at + std::size_t(j), &bits, sizeof bits);
            }
        }
        if (select.lastError().isValid())
            connection.fail(QCoreApplication::translate("gw::EntityVectorTable", "cannot read the entity vectors"),
                            select.lastError());
    });
    return out;
}

} // namespace gw
