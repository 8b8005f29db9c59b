#pragma once
// Every document of a project with what it holds, in one read: the Documents view lists these.
#include "storedstate.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace gw {

class ProjectStore;

struct DocumentSummary
{
    qint64 id = 0;
    QString path, format;
    StoredState state = StoredState::Done;
    QString error; // why it failed; on a "done" row: the last re-ingest failed (its data is older)
    qint64 sizeBytes = 0, words = 0, chars = 0;
    qint64 entities = 0; // distinct entities mentioned in it
    qint64 mentions = 0;
    QDateTime ingestedAt; // UTC
};

class DocumentListReader
{
public:
    // Every document, ordered by path, with its entity and mention counts, from one snapshot.
    // Blocks (call it off the GUI thread); throws StoreError.
    static QList<DocumentSummary> summaries(ProjectStore &store);
};

} // namespace gw
