#include "sqlitestatement.h"

#include "projectconnection.h"
#include "storeerror.h"

#include <QCoreApplication>
#include <QSqlDriver>

#include <sqlite3.h>

namespace gw {

SqliteStatement::SqliteStatement(ProjectConnection &connection, const char *sql) : m_connection(connection)
{
    const QVariant handle = connection.database().driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") == 0)
        m_db = *static_cast<sqlite3 *const *>(handle.constData());
    if (!m_db)
        throw StoreError(
            connection.projectPath(),
            QCoreApplication::translate("gw::SqliteStatement", "the SQLite driver gives no native handle"));
    const int code = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr);
    if (code != SQLITE_OK)
        fail(QCoreApplication::translate("gw::SqliteStatement", "cannot prepare a statement"), code);
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void SqliteStatement::bind(int index, double value)
{
    sqlite3_bind_double(m_statement, index, value);
}

void SqliteStatement::bind(int index, const QByteArray &utf8)
{
    // Never NULL: the text columns are NOT NULL and "" is what an empty value means.
    sqlite3_bind_text(m_statement, index, utf8.isNull() ? "" : utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bindStatic(int index, const QByteArray &utf8)
{
    sqlite3_bind_text(m_statement, index, utf8.isNull() ? "" : utf8.constData(), int(utf8.size()), SQLITE_STATIC);
}

void SqliteStatement::bind(int index, const QString &text)
{
    sqlite3_bind_text16(m_statement, index,
                        text.isNull() ? static_cast<const void *>(u"") : static_cast<const void *>(text.utf16()),
                        int(text.size() * 2), SQLITE_TRANSIENT);
}

void SqliteStatement::run(const QString &what)
{
    const int code = sqlite3_step(m_statement);
    sqlite3_reset(m_statement);
    if (code != SQLITE_DONE && code != SQLITE_ROW)
        fail(what, code);
}

bool SqliteStatement::next(const QString &what)
{
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW)
        return true;
    sqlite3_reset(m_statement);
    if (code != SQLITE_DONE)
        fail(what, code);
    return false;
}

qint64 SqliteStatement::int64At(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
}

void SqliteStatement::setLastInsertId(qint64 rowid)
{
    sqlite3_set_last_insert_rowid(m_db, rowid);
}

qint64 SqliteStatement::changes() const
{
    return sqlite3_changes64(m_db);
}

qint64 SqliteStatement::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

void SqliteStatement::fail(const QString &what, int code) const
{
    const QString reason = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(code));
    throw StoreError(m_connection.projectPath(), QStringLiteral("%1: %2").arg(what, reason));
}

} // namespace gw
