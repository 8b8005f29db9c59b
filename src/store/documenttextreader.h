#pragma once
// One document as the reader shows it: its full text and every entity mention in it (document
// text offsets, UTF-16 code units), with the entity's name and type, from one snapshot.
#include <QList>
#include <QString>

#include <optional>

namespace gw {

class ProjectStore;

struct DocumentMention
{
    qint64 start = 0, end = 0; // [start, end) in DocumentContent::text
    QString entityId, name, type;
};

struct DocumentContent
{
    qint64 id = 0;
    QString path;
    QString text;
    QList<DocumentMention> mentions; // by start, then end
};

class DocumentTextReader
{
public:
    // The document's text and mentions; nullopt when the project has no such document. Mentions
    // outside the text (a damaged row) are left out. Blocks; throws StoreError.
    static std::optional<DocumentContent> read(ProjectStore &store, qint64 documentId);
};

} // namespace gw
