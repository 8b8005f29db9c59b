#include "documentlistreader.h"

#include "projectconnection.h"
#include "projectstore.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>

namespace gw {

QList<DocumentSummary> DocumentListReader::summaries(ProjectStore &store)
{
    QList<DocumentSummary> out;
    store.readSnapshot([&out](ProjectConnection &connection) {
        const QString what = QCoreApplication::translate("gw::DocumentListReader", "cannot list the documents");
        // The counts in one pass over the mentions (by document, as mentions_by_document orders
        // them), not one correlated query per document.
        QSqlQuery counts = connection.prepare(QStringLiteral(
            "SELECT document_id, count(DISTINCT entity_id), count(*) FROM mentions GROUP BY document_id"));
        connection.exec(counts, what);
        QHash<qint64, std::pair<qint64, qint64>> byDocument;
        while (counts.next())
            byDocument.insert(counts.value(0).toLongLong(),
                              {counts.value(1).toLongLong(), counts.value(2).toLongLong()});
        counts.finish();

        QSqlQuery query = connection.prepare(QStringLiteral("SELECT id, path, format, state, error, size_bytes, words, "
                                                            "chars, ingested_at FROM documents ORDER BY path"));
        connection.exec(query, what);
        while (query.next()) {
            DocumentSummary document;
            document.id = query.value(0).toLongLong();
            document.path = query.value(1).toString();
            document.format = query.value(2).toString();
            document.state = storedStateFromName(query.value(3).toString()).value_or(StoredState::Failed);
            document.error = query.value(4).toString();
            document.sizeBytes = query.value(5).toLongLong();
            document.words = query.value(6).toLongLong();
            document.chars = query.value(7).toLongLong();
            QDateTime at = QDateTime::fromString(query.value(8).toString(), Qt::ISODateWithMs);
            at.setTimeSpec(Qt::UTC);
            document.ingestedAt = at;
            const auto count = byDocument.value(document.id);
            document.entities = count.first;
            document.mentions = count.second;
            out.append(document);
        }
    });
    return out;
}

} // namespace gw
