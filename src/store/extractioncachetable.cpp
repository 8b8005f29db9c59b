#include "extractioncachetable.h"

#include "projectconnection.h"
#include "projectstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>

namespace gw {

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString writeError()
{
    return QCoreApplication::translate("gw::ExtractionCacheTable", "cannot write the extraction cache");
}

// What an answer takes, in bytes: SQLite's length() of a blob is its size in bytes.
const char *const entryBytes = "length(CAST(request_key AS BLOB)) + length(CAST(model AS BLOB)) + "
                               "length(CAST(response AS BLOB))";

ExtractionCacheSize sizeOn(ProjectConnection &connection, const QString &where = {})
{
    QSqlQuery query =
        connection.prepare(QStringLiteral("SELECT count(*), coalesce(sum(%1), 0) FROM extraction_cache %2")
                               .arg(QLatin1String(entryBytes), where));
    connection.exec(query, QCoreApplication::translate("gw::ExtractionCacheTable", "cannot read the extraction cache"));
    ExtractionCacheSize size;
    if (query.next())
        size = {query.value(0).toLongLong(), query.value(1).toLongLong()};
    return size;
}

} // namespace

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
    const QString time = now();
    m_store.writeTransactionBlocking([&](ProjectConnection &connection) {
        QSqlQuery query = connection.prepare(
            QStringLiteral("INSERT OR REPLACE INTO extraction_cache (request_key, model, response, created_at, "
                           "used_at) VALUES (?, ?, ?, ?, ?)"));
        query.addBindValue(requestKey);
        query.addBindValue(model);
        query.addBindValue(response);
        query.addBindValue(time);
        query.addBindValue(time);
        connection.exec(query, writeError());
    });
}

void ExtractionCacheTable::touch(const QStringList &requestKeys) const
{
    if (requestKeys.isEmpty())
        return;
    const QString time = now();
    m_store.writeTransactionBlocking([&](ProjectConnection &connection) {
        QSqlQuery &query =
            connection.prepareCached(QStringLiteral("UPDATE extraction_cache SET used_at = ? WHERE request_key = ?"));
        for (const QString &key : requestKeys) {
            query.bindValue(0, time);
            query.bindValue(1, key);
            connection.exec(query, writeError());
        }
    });
}

ExtractionCacheSize ExtractionCacheTable::prune(qint64 maxBytes) const
{
    ExtractionCacheSize removed;
    m_store.writeTransactionBlocking([&](ProjectConnection &connection) {
        // Newest use first, a running total of their sizes: what lies beyond maxBytes goes.
        // (An answer never used again since it was written counts from its writing; within one
        // millisecond the later written counts as newer.)
        const QString beyond =
            QStringLiteral("WHERE request_key IN (SELECT request_key FROM (SELECT request_key, sum(%1) OVER "
                           "(ORDER BY max(used_at, created_at) DESC, rowid DESC ROWS UNBOUNDED PRECEDING) "
                           "AS kept FROM extraction_cache) WHERE kept > %2)")
                .arg(QLatin1String(entryBytes))
                .arg(std::max<qint64>(0, maxBytes));
        removed = sizeOn(connection, beyond);
        if (removed.entries > 0)
            connection.exec(QStringLiteral("DELETE FROM extraction_cache %1").arg(beyond), writeError());
    });
    return removed;
}

ExtractionCacheSize ExtractionCacheTable::clear() const
{
    ExtractionCacheSize removed;
    m_store.writeTransactionBlocking([&](ProjectConnection &connection) {
        removed = sizeOn(connection);
        connection.exec(QStringLiteral("DELETE FROM extraction_cache"), writeError());
    });
    return removed;
}

ExtractionCacheSize ExtractionCacheTable::size() const
{
    ExtractionCacheSize size;
    m_store.readSnapshot([&](ProjectConnection &connection) { size = sizeOn(connection); });
    return size;
}

} // namespace gw
