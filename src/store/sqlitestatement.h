#pragma once
// A prepared statement on the raw sqlite3 handle of a Qt SQL connection, for the writer's hot
// inserts (mentions, relations, entities): Qt SQL costs several microseconds per row in QVariant
// binding and bookkeeping, which made the single writer the bottleneck of extraction. Same
// SQLite library as Qt's driver (Debian's Qt links the system libsqlite3), same connection, same
// transaction. Use on the connection's thread only; finalized on destruction.
#include <QByteArray>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace gw {

class ProjectConnection;

class SqliteStatement
{
public:
    SqliteStatement(ProjectConnection &connection, const char *sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // Parameters are 1-based, as in SQLite. Text is copied by SQLite (SQLITE_TRANSIENT).
    void bind(int index, qint64 value);
    void bind(int index, double value);
    void bind(int index, const QByteArray &utf8);
    void bind(int index, const QString &text);
    // UTF-8 text SQLite does not copy: it must stay alive and unchanged until run() returns.
    void bindStatic(int index, const QByteArray &utf8);
    // Runs a statement that returns no rows, then resets it for the next bindings. Throws
    // StoreError with `what` and SQLite's message.
    void run(const QString &what);
    // For a statement that returns rows: steps once, true when a row is there to read with
    // int64At(); then reset() (also after the last row). Throws StoreError with `what`.
    bool next(const QString &what);
    qint64 int64At(int column) const;
    void reset();
    // The rowid of the connection's last successful INSERT (sqlite3_last_insert_rowid).
    qint64 lastInsertId() const;
    void setLastInsertId(qint64 rowid); // sqlite3_set_last_insert_rowid
    // Rows the connection's last INSERT, UPDATE or DELETE changed (sqlite3_changes64).
    qint64 changes() const;

private:
    [[noreturn]] void fail(const QString &what, int code) const;

    ProjectConnection &m_connection;
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
};

} // namespace gw
