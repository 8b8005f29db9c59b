#pragma once

#include "core/errors.h"

#include <QString>

QT_BEGIN_NAMESPACE
class QSqlError;
QT_END_NAMESPACE

namespace gw {

// A project file could not be opened, read or written. The message names the file and the cause
// (with SQLite's own words when SQLite reported it), e.g.
//   Project file "/home/ann/notes.gwp": cannot write document "/home/ann/a.pdf": disk I/O error
class StoreError : public Error
{
public:
    StoreError(const QString &projectPath, const QString &cause);
    // The cause followed by the driver's and SQLite's text of `error`.
    StoreError(const QString &projectPath, const QString &cause, const QSqlError &error);

    // Whether a store error's message says the disk ran out of space (SQLite's SQLITE_FULL), the
    // store's knowledge so that views need not know SQLite's words.
    static bool reportsFullDisk(const QString &message);

    QString projectPath() const { return m_projectPath; }
    QString cause() const { return m_cause; }

private:
    QString m_projectPath;
    QString m_cause;
};

} // namespace gw
