#include "extractioncachetable.h"

#include "projectconnection.h"
#include "projectstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>

namespace gw {

std::optional<QString> ExtractionCacheTable::find(const QString &requestKey) const
{
    std::optional<QString> response;
    m_store.readSnapshot([&](ProjectConnection &connection) {
        QSqlQuery query =
            connection.prepare(QStringLiteral("SELECT response FROM extraction_cache WHERE request_key = ?"));
        query.addBindValue(requestKey);
        connection.exec(query,
                        QCoreApplication::translate("gw::ExtractionCacheTable", "cannot read the extraction cache"));
        if (query.next())
            response = query.value(0).toString();
    });
    return response;
}

void ExtractionCacheTable::insert(const QString &requestKey, const QString &model, const QString &response) const
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    m_store.writeTransactionBlocking([&](ProjectConnection &connection) {
        QSqlQuery query = connection.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO extraction_cache (request_key, model, response, created_at) VALUES (?, ?, ?, ?)"));
        query.addBindValue(requestKey);
        query.addBindValue(model);
        query.addBindValue(response);
        query.addBindValue(now);
        connection.exec(query,
                        QCoreApplication::translate("gw::ExtractionCacheTable", "cannot write the extraction cache"));
    });
}

} // namespace gw
