#pragma once
// Value types that cross the store's public API: what the ingestion pipeline hands to the writer,
// and what readers give back. Plain structs, cheap to copy (Qt's implicit sharing).
//
// Offsets and lengths of text are QString indices (UTF-16 code units): chunk [start, end) is
// DocumentRecord::text.mid(start, end - start), which is how provenance is resolved.

#include "storedstate.h"
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QVariantMap>

namespace gw {

struct ChunkRecord
{
    qint64 start = 0; // offset of the first character in the document's text
    qint64 end = 0;   // one past the last character
    QString text;
};

// An entity found in a document (ids are stable across documents: the same id merges).
struct EntityRecord
{
    QString id;   // stable hex id (EntityResolver::entityId)
    QString type; // "PERSON", "ORGANIZATION", ...
    QString name; // canonical name as written
    QString key;  // normalised key the id was made from
};

// One occurrence of an entity: document offsets, and the chunk it was found in.
struct MentionRecord
{
    QString entityId;
    qint64 chunk = 0; // index into DocumentRecord::chunks
    qint64 start = 0; // document text offsets
    qint64 end = 0;
    double confidence = 1.0;
};

// A relation between two entities with its evidence: the sentence's span in the document text.
struct RelationRecord
{
    QString type; // "works_for", ..., "co_occurs"
    QString subjectId;
    QString objectId;
    qint64 chunk = 0;
    qint64 sentenceStart = 0;
    qint64 sentenceEnd = 0;
    QString trigger;
    double weight = 1; // what this evidence adds to the relation's weight (1 for a sentence)
};

// One successfully parsed and chunked document, written in one transaction.
struct DocumentRecord
{
    QString path;        // the document's identity in the project (absolute file path)
    QString contentHash; // hex SHA-256 of the file's bytes
    QString format;      // "text", "markdown", "pdf", ...
    qint64 sizeBytes = 0;
    QString fileStamp; // FileStamp::trustedForRead() of the file the bytes came from; may be empty
    // What read its entities and relations ("builtin-2", "builtin-2+remote:MODEL:p2", "none" when
    // extraction was off): the same bytes read by another extractor are not unchanged.
    QString extractor;
    QVariantMap metadata; // title, author, dates...: round-trips with types (QDateTime included)
    QString text;         // the full extracted text; chunk offsets point into it
    QList<ChunkRecord> chunks;
    qint64 words = 0;
    qint64 readMs = 0, parseMs = 0, chunkMs = 0;
    // What extraction found; written in the same transaction, removed with the document.
    QList<EntityRecord> entities;
    QList<MentionRecord> mentions;
    QList<RelationRecord> relations;
};

// A document that could not be ingested; the error says why, for a person.
struct FailureRecord
{
    QString path;
    QString contentHash; // may be empty when the file could not even be read
    QString format;
    qint64 sizeBytes = 0;
    QString error;
};

enum class WriteOutcome {
    Inserted,  // the project had no usable version of this path before
    Replaced,  // an older version (or an older failure) of this path and all its rows were replaced
    Unchanged, // the project already had this content; nothing was replaced
};

struct StoredDocument
{
    qint64 id = 0;
    QString path, contentHash, format;
    StoredState state = StoredState::Done;
    QString error; // why it failed; on a "done" row: the last re-ingest failed (data is older)
    qint64 sizeBytes = 0, words = 0, chars = 0, chunkCount = 0;
    QDateTime ingestedAt; // UTC
    QVariantMap metadata;
    QString extractor; // DocumentRecord::extractor; empty for documents read before it was kept
};

// What ingestion needs to know of a stored document to skip it when its file is unchanged.
struct DocumentFingerprint
{
    qint64 sizeBytes = 0;
    QString contentHash;
    QString format;
    QString fileStamp;        // DocumentRecord::fileStamp
    QString extractor;        // DocumentRecord::extractor ("" when not kept)
    bool failedSince = false; // a later re-ingest failed: the stored data is older than the file
};
using DocumentFingerprints = QHash<QString, DocumentFingerprint>; // by path

// An entity as the project knows it: merged over every document that mentions it.
struct StoredEntity
{
    QString id, type;
    QString name;                // the longest canonical name any document gave it
    qint64 mentions = 0;         // mentions in all documents
    qint64 documents = 0;        // documents with at least one mention of it
    double strongestMention = 0; // the highest confidence of its mentions: how sure its type is
};

// Where a relation was read: a sentence of a document.
struct RelationEvidence
{
    QString documentPath;
    qint64 sentenceStart = 0, sentenceEnd = 0; // offsets into that document's text
    qint64 chunk = 0;                          // ordinal of the chunk it was found in
    QString trigger;
};

// A relation aggregated over every document: one per (type, subject, object).
struct StoredRelation
{
    QString type;
    QString subjectId, objectId;
    QString subjectName, objectName;
    qint64 weight = 0;         // number of evidence sentences (in all documents)
    double totalWeight = 0;    // the sum of their weights (= weight for extracted relations)
    RelationEvidence evidence; // the first one (by document path, then position)
};

struct ProjectStatus
{
    int schemaVersion = 0;
    qint64 documentsDone = 0, documentsFailed = 0, chunks = 0, words = 0;
    qint64 entities = 0, mentions = 0, relations = 0; // relations: distinct (type, subject, object)
    qint64 bytes = 0;                                 // sum of the sizes of the ingested source files
    qint64 fileBytes = 0;                             // size of the project file on disk, its write-ahead log included
    QString path;
};

} // namespace gw
