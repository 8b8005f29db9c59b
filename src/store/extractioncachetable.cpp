#include "extractioncachetable.h"

#include "projectconnection.h"
#include "projectstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>

namespace gw {

namespace {

QString readError()
{
    return QCoreApplication::translate("gw::ExtractionCacheTable", "cannot read the extraction cache");
}

QString writeError()
{
    return QCoreApplication::translate("gw::ExtractionCacheTable", "cannot write the extraction cache");
}

qint64 utf8Bytes(const QString &text)
{
    return text.toUtf8().size();
}

} // namespace

std::optional<QString> ExtractionCacheTable::find(const QString &requestKey) const
{
    std::optional<QString> response;
    m_store.readSnapshot([&](ProjectConnection &connection) {
        QSqlQuery query =
            connection.prepare(QStringLiteral("SELECT response FROM extraction_cache WHERE request_key = ?"));
        query.addBindValue(requestKey);
        connection.exec(query, readError());
        if (query.next())
            response = query.value(0).toString();
    });
    return response;
}

void ExtractionCacheTable::touchIn(ProjectConnection &connection, const QStringList &keys, qint64 now)
{
    if (keys.isEmpty())
        return;
    QSqlQuery query =
        connection.prepare(QStringLiteral("UPDATE extraction_cache SET last_used = ? WHERE request_key = ?"));
    for (const QString &key : keys) {
        query.bindValue(0, now);
        query.bindValue(1, key);
        connection.exec(query, writeError());
    }
}

ExtractionCacheStats ExtractionCacheTable::statsIn(ProjectConnection &connection)
{
    // Counted and summed over the index (last_used, bytes): the answers are not read.
    QSqlQuery query = connection.prepare(QStringLiteral("SELECT count(*), total(bytes) FROM extraction_cache"));
    connection.exec(query, readError());
    ExtractionCacheStats stats;
    if (query.next()) {
        stats.entries = query.value(0).toLongLong();
        stats.bytes = qint64(query.value(1).toDouble());
    }
    return stats;
}

ExtractionCacheStats ExtractionCacheTable::pruneIn(ProjectConnection &connection, qint64 maxBytes)
{
    if (maxBytes <= 0)
        return {};
    const ExtractionCacheStats before = statsIn(connection);
    if (before.bytes <= maxBytes)
        return {};
    // Keeps the most recently used answers whose sizes add up to at most maxBytes.
    QSqlQuery query = connection.prepare(QStringLiteral(R"(
        DELETE FROM extraction_cache WHERE request_key IN (
            SELECT request_key FROM (
                SELECT request_key, sum(bytes) OVER (ORDER BY last_used DESC, request_key DESC
                                                     ROWS UNBOUNDED PRECEDING) AS kept
                FROM extraction_cache)
            WHERE kept > ?))"));
    query.addBindValue(maxBytes);
    connection.exec(query, writeError());
    const ExtractionCacheStats after = statsIn(connection);
    return ExtractionCacheStats{before.entries - after.entries, before.bytes - after.bytes};
}

ExtractionCacheStats ExtractionCacheTable::insert(const QString &requestKey, const QString &model,
                                                  const QString &response, const QStringList &usedKeys,
                                                  qint64 maxBytes) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 bytes = utf8Bytes(requestKey) + utf8Bytes(model) + utf8Bytes(response);
    ExtractionCacheStats pruned;
    m_store.writeTransactionBlocking([&](ProjectConnection &connection) {
        touchIn(connection, usedKeys, nowMs);
        QSqlQuery query = connection.prepare(
            QStringLiteral("INSERT OR REPLACE INTO extraction_cache (request_key, model, bytes, last_used, created_at, "
                           "response) VALUES (?, ?, ?, ?, ?, ?)"));
        query.addBindValue(requestKey);
        query.addBindValue(model);
        query.addBindValue(bytes);
        query.addBindValue(nowMs);
        query.addBindValue(now.toString(Qt::ISODateWithMs));
        query.addBindValue(response);
        connection.exec(query, writeError());
        pruned = pruneIn(connection, maxBytes);
    });
    return pruned;
}

void ExtractionCacheTable::touch(const QStringList &keys) const
{
    if (keys.isEmpty())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_store.writeTransactionBlocking([&](ProjectConnection &connection) { touchIn(connection, keys, now); });
}

ExtractionCacheStats ExtractionCacheTable::stats() const
{
    ExtractionCacheStats stats;
    m_store.readSnapshot([&stats](ProjectConnection &connection) { stats = statsIn(connection); });
    return stats;
}

ExtractionCacheStats ExtractionCacheTable::clear() const
{
    ExtractionCacheStats held;
    m_store.writeTransactionBlocking([&held](ProjectConnection &connection) {
        held = statsIn(connection);
        connection.exec(QStringLiteral("DELETE FROM extraction_cache"), writeError());
    });
    return held;
}

ExtractionCacheStats ExtractionCacheTable::prune(qint64 maxBytes) const
{
    ExtractionCacheStats pruned;
    m_store.writeTransactionBlocking(
        [&pruned, maxBytes](ProjectConnection &connection) { pruned = pruneIn(connection, maxBytes); });
    return pruned;
}

} // namespace gw
