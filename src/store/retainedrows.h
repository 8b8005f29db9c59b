#pragma once

#include "documentrecord.h"

#include <QList>
#include <QSet>

namespace gw {

class ProjectConnection;

// Which of a new version's mentions and relations its stored predecessor already holds, row for
// row. Those rows stay (DocumentWriter only points them at the new document row): a document
// edited a little keeps nearly all of them, and rewriting them would rewrite the entity-keyed
// index pages they sit in (random places, each written to the WAL at the commit), or make an ingest
// that replaces many documents drop and rebuild those indexes. The rest of the old rows are stale.
struct RetainedRows
{
    QList<bool> mentions;  // mentions[i]: record.mentions[i] is stored as it is
    QList<bool> relations; // relations[i]: record.relations[i] is stored as it is (its first occurrence)
    QList<qint64> staleMentionIds;
    QList<qint64> staleRelationIds;
    // Every entity the old version's mentions and relations refer to (as
    // DocumentWriter::referencedEntities() would list them, without reading the rows again).
    QSet<QString> formerEntities;

    // `oldDocumentId`'s rows compared with `record`'s; relations in their stored form (a
    // co-occurrence with the smaller id first, the first of rows sharing a UNIQUE key).
    static RetainedRows find(ProjectConnection &connection, qint64 oldDocumentId, const DocumentRecord &record,
                             const QString &coOccurrenceType);
};

} // namespace gw
