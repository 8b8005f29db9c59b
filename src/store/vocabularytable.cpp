#include "vocabularytable.h"

#include "projectconnection.h"
#include "projectstore.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace gw {

namespace {

constexpr QChar aliasSeparator(0x1f);

QString readError()
{
    return QCoreApplication::translate("gw::VocabularyTable", "cannot read the vocabulary");
}

QString writeError()
{
    return QCoreApplication::translate("gw::VocabularyTable", "cannot write the vocabulary");
}

} // namespace

QList<StoredVocabularyEntry> VocabularyTable::entries() const
{
    QList<StoredVocabularyEntry> out;
    m_store.readSnapshot([&out](ProjectConnection &connection) { out = entriesIn(connection); });
    return out;
}

QList<StoredVocabularyEntry> VocabularyTable::entriesIn(ProjectConnection &connection)
{
    QList<StoredVocabularyEntry> out;
    QSqlQuery query =
        connection.prepare(QStringLiteral("SELECT name, type, aliases FROM vocabulary ORDER BY name, type"));
    connection.exec(query, readError());
    while (query.next()) {
        const QString aliases = query.value(2).toString();
        out.append({query.value(0).toString(), query.value(1).toString(),
                    aliases.isEmpty() ? QStringList() : aliases.split(aliasSeparator)});
    }
    return out;
}

int VocabularyTable::add(const QList<StoredVocabularyEntry> &entries) const
{
    int added = 0;
    m_store.writeTransactionBlocking([&](ProjectConnection &connection) { added = addIn(connection, entries); });
    return added;
}

int VocabularyTable::addIn(ProjectConnection &connection, const QList<StoredVocabularyEntry> &entries)
{
    QSqlQuery exists = connection.prepare(QStringLiteral("SELECT 1 FROM vocabulary WHERE name = ? AND type = ?"));
    QSqlQuery upsert =
        connection.prepare(QStringLiteral("INSERT INTO vocabulary (name, type, aliases) VALUES (?, ?, ?) "
                                          "ON CONFLICT (name, type) DO UPDATE SET aliases = excluded.aliases"));
    int added = 0;
    for (const StoredVocabularyEntry &entry : entries) {
        exists.bindValue(0, entry.name);
        exists.bindValue(1, entry.type);
        connection.exec(exists, writeError());
        if (!exists.next())
            ++added;
        exists.finish();
        upsert.bindValue(0, entry.name);
        upsert.bindValue(1, entry.type);
        upsert.bindValue(2,
                         entry.aliases.isEmpty() ? QStringLiteral("") : entry.aliases.join(aliasSeparator)); // not NULL
        connection.exec(upsert, writeError());
    }
    return added;
}

void VocabularyTable::clear() const
{
    m_store.writeTransactionBlocking([](ProjectConnection &connection) {
        QSqlQuery query = connection.prepare(QStringLiteral("DELETE FROM vocabulary"));
        connection.exec(query, writeError());
    });
}

} // namespace gw
