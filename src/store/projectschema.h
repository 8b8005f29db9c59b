#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace gw {

class ProjectConnection;

// The versioned schema of a project file. PRAGMA user_version is the schema version; migration
// number N (1-based) turns a version N-1 file into version N, in one transaction of its own, so a
// crash mid-upgrade leaves the file at the last complete version.
//
// To change the schema: append a migration to migrations() in projectschema.cpp. Never edit a
// migration that has shipped; files out there already went through it.
class ProjectSchema
{
public:
    struct Migration
    {
        QString description;
        QStringList statements;
    };

    // Marks a file as a Graphwright project ('GWPJ'), so a foreign SQLite file is recognised.
    static constexpr int applicationId = 0x4757504A;

    static const QList<Migration> &migrations();

    // The indexes that find mentions and relations by entity (provenance, neighbours). Every
    // insert lands at a random place in them, so a commit rewrites much of each: a bulk load
    // drops them and builds them again, sorted, at its end (about 10x cheaper than keeping them).
    // A project opened without them gets them back (see DocumentWriter).
    static QStringList createEntityLookupIndexes();
    static QStringList dropEntityLookupIndexes();
    // The relation type of co-occurrence, the one undirected relation: stored once per pair and
    // sentence, the smaller entity id as subject (migration "undirected co-occurrence").
    static QString coOccurrenceType();
    // The version this build writes: the number of migrations.
    static int latestVersion();

    // Brings the file up to latestVersion() on `connection` (a ReadWrite connection) and returns
    // the version it now has. Throws StoreError for a file made by a newer Graphwright, and for a
    // SQLite file that is not a Graphwright project.
    static int migrate(ProjectConnection &connection);
    // Reads the version without changing anything.
    static int version(ProjectConnection &connection);
};

} // namespace gw
