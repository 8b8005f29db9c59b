#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

QT_BEGIN_NAMESPACE
class QSqlError;
QT_END_NAMESPACE

namespace gw {

// One SQLite connection to a project file, owned by the thread that created it (a Qt SQL rule):
// construct, use and destroy it on one thread. The constructor adds a uniquely named QSqlDatabase,
// opens it and applies the project's pragmas; the destructor closes and removes it. Every failure
// throws StoreError naming the file and SQLite's reason.
//
// ReadWrite is for the store's single writer: it switches the file to WAL (persistent). ReadOnly
// is for readers: `query_only` refuses any write, and WAL lets it read while the writer commits.
// Neither touches the schema: ProjectSchema does that, on the writer's connection.
class ProjectConnection
{
public:
    enum class Access { ReadWrite, ReadOnly };

    ProjectConnection(const QString &projectPath, Access access);
    ~ProjectConnection();
    ProjectConnection(const ProjectConnection &) = delete;
    ProjectConnection &operator=(const ProjectConnection &) = delete;

    QString projectPath() const { return m_projectPath; }
    Access access() const { return m_access; }
    QSqlDatabase &database() { return m_database; }

    // A forward-only query prepared on this connection.
    QSqlQuery prepare(const QString &sql);
    // The same, prepared once per connection and kept: for lookups run once per document. Bind,
    // exec, read, then finish() it, so it holds no read snapshot between uses.
    QSqlQuery &prepareCached(const QString &sql);
    // Executes a prepared query; `what` names the step for the error message.
    void exec(QSqlQuery &query, const QString &what);
    // Executes one statement without parameters.
    void exec(const QString &sql, const QString &what);
    // The first column of the first row of `sql` (invalid QVariant when there is no row).
    QVariant scalar(const QString &sql, const QString &what);

    [[noreturn]] void fail(const QString &what, const QSqlError &error) const;

    // Begins a transaction on construction (IMMEDIATE takes the write lock at once, so a write
    // never fails half-way with "database is locked"); rolls back on destruction unless committed.
    class Transaction
    {
    public:
        enum class Kind { Deferred, Immediate };
        Transaction(ProjectConnection &connection, Kind kind);
        ~Transaction();
        Transaction(const Transaction &) = delete;
        Transaction &operator=(const Transaction &) = delete;
        void commit();

    private:
        ProjectConnection &m_connection;
        bool m_open = false;
    };

private:
    void applyPragmas();
    // Throws StoreError naming the read-only file or folder, or the missing folder.
    void requireWritable() const;

    const QString m_projectPath;
    const Access m_access;
    QString m_connectionName;
    QSqlDatabase m_database;
    QHash<QString, QSqlQuery> m_cached; // by SQL text; cleared before the database closes
};

} // namespace gw
