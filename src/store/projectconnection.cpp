#include "projectconnection.h"

#include "storeerror.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlError>

#include <atomic>

namespace gw {

namespace {

// Connection names are process-wide in Qt SQL: a counter keeps them unique across stores/threads.
QString uniqueConnectionName(ProjectConnection::Access access)
{
    static std::atomic<quint64> serial{0};
    return QStringLiteral("graphwright.store.%1.%2")
        .arg(access == ProjectConnection::Access::ReadWrite ? QStringLiteral("writer") : QStringLiteral("reader"))
        .arg(serial.fetch_add(1) + 1);
}

// How long a statement waits for a lock before failing with "database is locked". With one
// writer and WAL, waits happen only around checkpoints and the first open, so this is generous.
constexpr int busyTimeoutMs = 10'000;
// An upper bound, allocated as used: it also bounds the sorter that builds indexes after a bulk
// load, so a large ingest's memory does not grow with the project.
constexpr int writerCacheKiB = 16 * 1024;
constexpr int writerCheckpointPages = 16384; // 64 MB of WAL (SQLite's default: 1,000 pages)

} // namespace

ProjectConnection::ProjectConnection(const QString &projectPath, Access access)
    : m_projectPath(projectPath), m_access(access), m_connectionName(uniqueConnectionName(access))
{
    m_database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_database.isValid()) {
        const QSqlError error = m_database.lastError();
        m_database = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        throw StoreError(
            projectPath,
            QCoreApplication::translate("gw::ProjectConnection", "the SQLite driver of Qt (QSQLITE) is not available"),
            error);
    }
    m_database.setDatabaseName(projectPath);
    try {
        if (access == Access::ReadWrite)
            requireWritable();
        if (!m_database.open())
            fail(QCoreApplication::translate("gw::ProjectConnection", "cannot open the file"), m_database.lastError());
        applyPragmas();
    } catch (...) {
        m_database.close();
        m_database = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        throw;
    }
}

ProjectConnection::~ProjectConnection()
{
    m_cached.clear();
    m_database.close();
    m_database = QSqlDatabase(); // the last handle must be gone before removeDatabase
    QSqlDatabase::removeDatabase(m_connectionName);
}

void ProjectConnection::requireWritable() const
{
    // SQLite would only say "unable to open database file": a project is written in place, with
    // its journal (-wal, -shm) beside it, so the file and its folder must both be writable.
    const QFileInfo file(m_projectPath);
    const QFileInfo folder(file.absolutePath());
    if (!folder.exists())
        throw StoreError(m_projectPath,
                         QCoreApplication::translate("gw::ProjectConnection", "the folder %1 does not exist")
                             .arg(folder.absoluteFilePath()));
    if (!file.exists() && !folder.isWritable())
        throw StoreError(m_projectPath,
                         QCoreApplication::translate("gw::ProjectConnection",
                                                     "cannot create the project: the folder %1 cannot be written "
                                                     "(a read-only folder or disk)")
                             .arg(folder.absoluteFilePath()));
    if (!folder.isWritable() || (file.exists() && !file.isWritable()))
        throw StoreError(m_projectPath,
                         QCoreApplication::translate("gw::ProjectConnection",
                                                     "the project is read-only: %1 cannot be written (a read-only "
                                                     "file, folder or disk); copy the project to a writable place")
                             .arg(folder.isWritable() ? file.absoluteFilePath() : folder.absoluteFilePath()));
}

void ProjectConnection::applyPragmas()
{
    exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(busyTimeoutMs),
         QCoreApplication::translate("gw::ProjectConnection", "cannot set busy_timeout"));
    // SQLite opens lazily: the first read of the schema is where a file that is not a database
    // fails ("file is not a database"), before anything could be written to it.
    scalar(QStringLiteral("SELECT count(*) FROM sqlite_master"),
           QCoreApplication::translate("gw::ProjectConnection",
                                       "it is not a Graphwright project (SQLite cannot read it)"));
    exec(QStringLiteral("PRAGMA foreign_keys = ON"),
         QCoreApplication::translate("gw::ProjectConnection", "cannot enable foreign keys"));
    // NORMAL with WAL: a commit is atomic and survives a crashed process; only a power loss may
    // lose the last commits (never corrupt the file). FULL would fsync on every document.
    exec(QStringLiteral("PRAGMA synchronous = NORMAL"),
         QCoreApplication::translate("gw::ProjectConnection", "cannot set synchronous"));
    // No mmap_size: pages a connection maps stay resident (every page a count or an index build
    // touched), so a large ingest's memory would grow with the project (5,000 files: 152 MB
    // peak instead of 94 MB). Reads copy pages through SQLite's cache instead (loading the graph
    // of that project: 0.85 s instead of 0.67 s).
    if (m_access == Access::ReadWrite) {
        // The writer inserts mentions and relations into indexes keyed by entity id, in random
        // order: with SQLite's default 2 MB cache every insert evicted and re-read index pages
        // (1.8 M pread + 1.8 M pwrite calls for a 50 MB text corpus). A larger cache keeps the hot
        // index pages in memory between documents.
        exec(QStringLiteral("PRAGMA cache_size = -%1").arg(writerCacheKiB),
             QCoreApplication::translate("gw::ProjectConnection", "cannot set cache_size"));
        // Each document is written inside a savepoint (its own rollback within a group commit),
        // and SQLite saves every page a savepoint or statement changes for the first time into a
        // sub-journal: past 64 KB, a temporary file. Replacing 500 of 5,000 documents wrote 85 MB
        // into 250 such files (deleting an old version changes many pages). In memory instead:
        // at most the pages one document's transaction step changes, dropped when it is released.
        // (Index builds sort in temporary files either way: SQLite's sorter does not use this.)
        exec(QStringLiteral("PRAGMA temp_store = MEMORY"),
             QCoreApplication::translate("gw::ProjectConnection", "cannot set temp_store"));
        // Each checkpoint copies every page the WAL holds into the file (and syncs it). A
        // replaced document rewrites a few hundred scattered pages, many of them the same
        // (entity rows, index pages): a larger WAL copies each of them once per checkpoint
        // instead of once per few documents (500 of 5,000 files replaced: 9.0 s -> 6.2 s).
        exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(writerCheckpointPages),
             QCoreApplication::translate("gw::ProjectConnection", "cannot set wal_autocheckpoint"));
        const QString mode = scalar(QStringLiteral("PRAGMA journal_mode = WAL"),
                                    QCoreApplication::translate("gw::ProjectConnection", "cannot switch to WAL"))
                                 .toString();
        if (mode.compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
            throw StoreError(m_projectPath,
                             QCoreApplication::translate("gw::ProjectConnection",
                                                         "cannot switch to write-ahead logging (journal mode "
                                                         "stays \"%1\"); is the file on a network share?")
                                 .arg(mode));
    } else {
        exec(QStringLiteral("PRAGMA query_only = ON"),
             QCoreApplication::translate("gw::ProjectConnection", "cannot make the reader read-only"));
    }
}

QSqlQuery ProjectConnection::prepare(const QString &sql)
{
    QSqlQuery query(m_database);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        fail(QCoreApplication::translate("gw::ProjectConnection", "cannot prepare \"%1\"").arg(sql.simplified()),
             query.lastError());
    return query;
}

QSqlQuery &ProjectConnection::prepareCached(const QString &sql)
{
    auto found = m_cached.find(sql);
    if (found == m_cached.end())
        found = m_cached.insert(sql, prepare(sql));
    return *found;
}

void ProjectConnection::exec(QSqlQuery &query, const QString &what)
{
    if (!query.exec())
        fail(what, query.lastError());
}

void ProjectConnection::exec(const QString &sql, const QString &what)
{
    QSqlQuery query(m_database);
    query.setForwardOnly(true);
    if (!query.exec(sql))
        fail(what, query.lastError());
}

QVariant ProjectConnection::scalar(const QString &sql, const QString &what)
{
    QSqlQuery query(m_database);
    query.setForwardOnly(true);
    if (!query.exec(sql))
        fail(what, query.lastError());
    if (!query.next()) {
        if (query.lastError().isValid())
            fail(what, query.lastError());
        return {};
    }
    return query.value(0);
}

void ProjectConnection::fail(const QString &what, const QSqlError &error) const
{
    throw StoreError(m_projectPath, what, error);
}

ProjectConnection::Transaction::Transaction(ProjectConnection &connection, Kind kind) : m_connection(connection)
{
    m_connection.exec(kind == Kind::Immediate ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN DEFERRED"),
                      QCoreApplication::translate("gw::ProjectConnection", "cannot begin a transaction"));
    m_open = true;
}

ProjectConnection::Transaction::~Transaction()
{
    if (!m_open)
        return;
    // Never throws from a destructor: a failed rollback leaves SQLite to roll back on close.
    QSqlQuery rollback(m_connection.database());
    rollback.exec(QStringLiteral("ROLLBACK"));
}

void ProjectConnection::Transaction::commit()
{
    m_connection.exec(QStringLiteral("COMMIT"), QCoreApplication::translate("gw::ProjectConnection", "cannot commit"));
    m_open = false;
}

} // namespace gw
