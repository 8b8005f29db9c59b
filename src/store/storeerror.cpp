#include "storeerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QSqlError>

namespace gw {

namespace {

QString describe(const QString &projectPath, const QString &cause)
{
    return QCoreApplication::translate("gw::StoreError", "Project file \"%1\": %2")
        .arg(QDir::toNativeSeparators(projectPath), cause);
}

QString withSqlError(const QString &cause, const QSqlError &error)
{
    // databaseText() is SQLite's sqlite3_errmsg(); driverText() says which step Qt was doing.
    const QString database = error.databaseText().trimmed();
    const QString driver = error.driverText().trimmed();
    if (database.isEmpty() && driver.isEmpty())
        return cause;
    if (database.isEmpty())
        return QStringLiteral("%1: %2").arg(cause, driver);
    if (driver.isEmpty())
        return QStringLiteral("%1: %2").arg(cause, database);
    return QStringLiteral("%1: %2 (%3)").arg(cause, database, driver);
}

} // namespace

StoreError::StoreError(const QString &projectPath, const QString &cause)
    : Error(describe(projectPath, cause)), m_projectPath(projectPath), m_cause(cause)
{}

StoreError::StoreError(const QString &projectPath, const QString &cause, const QSqlError &error)
    : StoreError(projectPath, withSqlError(cause, error))
{}

bool StoreError::reportsFullDisk(const QString &message)
{
    // SQLite's own text for SQLITE_FULL (it never translates it); every failed write step carries it.
    return message.contains(QLatin1String("database or disk is full"));
}

} // namespace gw
