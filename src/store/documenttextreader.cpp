#include "documenttextreader.h"

#include "projectconnection.h"
#include "projectstore.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace gw {

std::optional<DocumentContent> DocumentTextReader::read(ProjectStore &store, qint64 documentId)
{
    std::optional<DocumentContent> out;
    store.readSnapshot([&out, documentId](ProjectConnection &connection) {
        QSqlQuery document =
            connection.prepare(QStringLiteral("SELECT d.path, t.text FROM documents d LEFT JOIN document_texts t ON "
                                              "t.document_id = d.id WHERE d.id = ?"));
        document.addBindValue(documentId);
        connection.exec(
            document, QCoreApplication::translate("gw::DocumentTextReader", "cannot read document %1").arg(documentId));
        if (!document.next())
            return;
        DocumentContent content;
        content.id = documentId;
        content.path = document.value(0).toString();
        content.text = document.value(1).toString();
        document.finish();

        QSqlQuery mentions = connection.prepare(
            QStringLiteral("SELECT m.start_offset, m.end_offset, m.entity_id, e.name, e.type FROM mentions m "
                           "JOIN entities e ON e.id = m.entity_id WHERE m.document_id = ? "
                           "ORDER BY m.start_offset, m.end_offset"));
        mentions.addBindValue(documentId);
        connection.exec(
            mentions,
            QCoreApplication::translate("gw::DocumentTextReader", "cannot read the mentions of %1").arg(content.path));
        const qint64 length = content.text.size();
        while (mentions.next()) {
            DocumentMention mention{mentions.value(0).toLongLong(), mentions.value(1).toLongLong(),
                                    mentions.value(2).toString(), mentions.value(3).toString(),
                                    mentions.value(4).toString()};
            if (mention.start >= 0 && mention.start < mention.end && mention.end <= length)
                content.mentions.append(mention);
        }
        out = std::move(content);
    });
    return out;
}

} // namespace gw
