#pragma once
// Where an entity comes from: the documents and sentences that mention it, the surface forms it
// was written as, and the relations that link it to its neighbours. Read from the project in one
// consistent snapshot; the details panel shows it. Blocks: call load() off the GUI thread.
#include "core/cancellation.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace gw {

class ProjectStore;

// One mention, with the sentence around it and a wider context, cut from the document's text.
struct ProvenanceSnippet
{
    qint64 start = 0, end = 0;                 // the mention, in document text offsets
    qint64 sentenceStart = 0, sentenceEnd = 0; // the sentence holding it
    QString sentence;                          // text of [sentenceStart, sentenceEnd), line breaks
                                               // and tabs as spaces (offsets stay valid)
    qint64 markStart = 0, markEnd = 0;         // the mention within `sentence`
    QString context;                           // the text around the sentence
    qint64 contextStart = 0;                   // document offset of context[0]

    QString mention() const { return sentence.mid(markStart, markEnd - markStart); }
    // The sentence with the mention wrapped in `open` and `close` ("[[Ada]] met Grace.").
    QString markedSentence(const QString &open, const QString &close) const;
};

struct ProvenanceDocument
{
    qint64 id = 0;
    QString path;
    qint64 mentions = 0;               // all mentions of the entity in this document
    QList<ProvenanceSnippet> snippets; // at most Options::maxSnippetsPerDocument, in text order
};

struct ProvenanceNeighbour
{
    QString id, name, type; // the other entity
    QString relationType;
    bool outgoing = true; // this entity is the relation's subject
    bool directed = true; // false for co-occurrence: `outgoing` then means nothing
    qint64 weight = 0;    // evidence sentences in all documents
};

class EntityProvenance
{
public:
    struct Options
    {
        int maxDocuments = 200;          // documents with snippets (the most mentioning first)
        int maxSnippetsPerDocument = 20; // snippets kept per document
        int contextChars = 400;          // text kept on each side of the sentence
        int maxNeighbours = 500;         // heaviest first
        // Entities merged into this one across documents (GraphNode::aliasIds): their mentions
        // and relations count as its own.
        QStringList mergedIds;
    };

    // Everything the project says about `entityId`, from one read transaction. Not found() when
    // the project has no such entity. Throws StoreError, CancelledError when `token` is cancelled
    // (checked between documents).
    static EntityProvenance load(ProjectStore &store, const QString &entityId, const Options &options,
                                 const CancellationToken &token = {});
    static EntityProvenance load(ProjectStore &store, const QString &entityId)
    {
        return load(store, entityId, Options{});
    }

    bool found() const { return !m_name.isEmpty() || !m_type.isEmpty(); }
    QString id() const { return m_id; }
    QString name() const { return m_name; }
    QString type() const { return m_type; }
    // Distinct surface forms of its mentions, most frequent first.
    QStringList aliases() const { return m_aliases; }
    qint64 mentionCount() const { return m_mentionCount; }
    qint64 documentCount() const { return m_documentCount; }
    // The documents mentioning it, the most mentioning first, then by path.
    const QList<ProvenanceDocument> &documents() const { return m_documents; }
    // Relations touching it, merged per (type, direction, other entity); heaviest first.
    const QList<ProvenanceNeighbour> &neighbours() const { return m_neighbours; }

    // Sentence bounds around [start, end) in `text`: back to the previous sentence end (. ! ? or a
    // blank line) and on to the next, at most `limit` characters each way.
    static std::pair<qint64, qint64> sentenceAround(const QString &text, qint64 start, qint64 end, int limit = 400);

private:
    QString m_id, m_name, m_type;
    QStringList m_aliases;
    qint64 m_mentionCount = 0;
    qint64 m_documentCount = 0;
    QList<ProvenanceDocument> m_documents;
    QList<ProvenanceNeighbour> m_neighbours;
};

} // namespace gw
