#include "curationtable.h"

#include "projectconnection.h"
#include "projectstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

namespace gw {

namespace {

QString readError()
{
    return QCoreApplication::translate("gw::CurationTable", "cannot read the curation edits");
}

QString writeError()
{
    return QCoreApplication::translate("gw::CurationTable", "cannot write the curation edits");
}

CurationEdit editFrom(const QSqlQuery &query)
{
    CurationEdit edit;
    edit.id = query.value(0).toLongLong();
    edit.kind = query.value(1).toString();
    edit.payload = QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object();
    edit.createdAt = query.value(3).toString();
    edit.undone = query.value(4).toBool();
    return edit;
}

} // namespace

QList<CurationEdit> CurationTable::edits() const
{
    QList<CurationEdit> out;
    m_store.readSnapshot([&out](ProjectConnection &connection) {
        QSqlQuery query = connection.prepare(
            QStringLiteral("SELECT id, kind, payload, created_at, undone FROM curation_edits ORDER BY id"));
        connection.exec(query, readError());
        while (query.next())
            out.append(editFrom(query));
    });
    return out;
}

QList<CurationEdit> CurationTable::activeEdits() const
{
    QList<CurationEdit> out = edits();
    out.removeIf([](const CurationEdit &edit) { return edit.undone; });
    return out;
}

QList<qint64> CurationTable::add(const QList<CurationEdit> &edits) const
{
    QList<qint64> ids;
    m_store.writeTransactionBlocking([&](ProjectConnection &connection) { ids = addIn(connection, edits); });
    return ids;
}

std::optional<CurationEdit> CurationTable::undo() const
{
    std::optional<CurationEdit> flipped;
    m_store.writeTransactionBlocking([&](ProjectConnection &connection) { flipped = undoIn(connection); });
    return flipped;
}

std::optional<CurationEdit> CurationTable::redo() const
{
    std::optional<CurationEdit> flipped;
    m_store.writeTransactionBlocking([&](ProjectConnection &connection) { flipped = redoIn(connection); });
    return flipped;
}

QList<qint64> CurationTable::addIn(ProjectConnection &connection, const QList<CurationEdit> &edits)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    connection.exec(QStringLiteral("DELETE FROM curation_edits WHERE undone <> 0"), writeError());
    QSqlQuery insert =
        connection.prepare(QStringLiteral("INSERT INTO curation_edits (kind, payload, created_at) VALUES (?, ?, ?)"));
    QList<qint64> ids;
    for (const CurationEdit &edit : edits) {
        insert.bindValue(0, edit.kind);
        insert.bindValue(1, QString::fromUtf8(QJsonDocument(edit.payload).toJson(QJsonDocument::Compact)));
        insert.bindValue(2, edit.createdAt.isEmpty() ? now : edit.createdAt);
        connection.exec(insert, writeError());
        ids.append(insert.lastInsertId().toLongLong());
    }
    return ids;
}

std::optional<CurationEdit> CurationTable::undoIn(ProjectConnection &connection)
{
    return flipIn(connection, true);
}

std::optional<CurationEdit> CurationTable::redoIn(ProjectConnection &connection)
{
    return flipIn(connection, false);
}

std::optional<CurationEdit> CurationTable::flipIn(ProjectConnection &connection, bool undo)
{
    QSqlQuery query = connection.prepare(
        undo ? QStringLiteral("SELECT id, kind, payload, created_at, undone FROM curation_edits WHERE undone = 0 "
                              "ORDER BY id DESC LIMIT 1")
             : QStringLiteral("SELECT id, kind, payload, created_at, undone FROM curation_edits WHERE undone <> 0 "
                              "ORDER BY id LIMIT 1"));
    connection.exec(query, readError());
    if (!query.next())
        return std::nullopt;
    CurationEdit flipped = editFrom(query);
    query.finish();
    QSqlQuery update = connection.prepare(QStringLiteral("UPDATE curation_edits SET undone = ? WHERE id = ?"));
    update.bindValue(0, undo ? 1 : 0);
    update.bindValue(1, flipped.id);
    connection.exec(update, writeError());
    flipped.undone = undo;
    return flipped;
}

} // namespace gw
