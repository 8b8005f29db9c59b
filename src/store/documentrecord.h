#pragma once
// Value types that cross the store's public API: what the ingestion pipeline hands to the writer,
// and what readers give back. Plain structs, cheap to copy (Qt's implicit sharing).
//
// Offsets and lengths of text are QString indices (UTF-16 code units): chunk [start, end) is
// DocumentRecord::text.mid(start, end - start), which is how provenance is resolved.

#include <QDateTime>
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

// One successfully parsed and chunked document, written in one transaction.
struct DocumentRecord
{
    QString path;        // the document's identity in the project (absolute file path)
    QString contentHash; // hex SHA-256 of the file's bytes
    QString format;      // "text", "markdown", "pdf", ...
    qint64 sizeBytes = 0;
    QVariantMap metadata; // title, author, dates...: round-trips with types (QDateTime included)
    QString text;         // the full extracted text; chunk offsets point into it
    QList<ChunkRecord> chunks;
    qint64 words = 0;
    qint64 readMs = 0, parseMs = 0, chunkMs = 0;
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
    QString state; // "done" | "failed"
    QString error; // why it failed; on a "done" row: the last re-ingest failed (data is older)
    qint64 sizeBytes = 0, words = 0, chars = 0, chunkCount = 0;
    QDateTime ingestedAt; // UTC
    QVariantMap metadata;
};

struct ProjectStatus
{
    int schemaVersion = 0;
    qint64 documentsDone = 0, documentsFailed = 0, chunks = 0, words = 0;
    qint64 bytes = 0;     // sum of the sizes of the ingested source files
    qint64 fileBytes = 0; // size of the project file on disk, its write-ahead log included
    QString path;
};

} // namespace gw
