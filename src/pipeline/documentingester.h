#pragma once

#include "core/cancellation.h"
#include "extract/entityextractor.h"
#include "extract/relationextractor.h"
#include "ingest/documentformat.h"
#include "ingestoptions.h"
#include "store/documentrecord.h"

#include <QByteArray>
#include <QString>
#include <QVariantMap>

#include <memory>

namespace gw {

class CircuitBreaker;
class DocumentProgress;
class ProjectStore;
class RemoteExtractor;
class StageStats;
class StatsRegistry;
struct DocumentRecord;
class DocumentParser;
struct ParseContext;

// Takes one document through read → parse → chunk → store, on the calling worker thread.
// Shared by every worker: it holds only read-only settings and references.
//
// A bad document never throws: its progress ends Failed with a reason a person can act on, and
// the failure is recorded in the project. Only a cancellation throws (CancelledError), so the
// job's task group counts it; finished documents are never touched by it.
class DocumentIngester
{
public:
    DocumentIngester(ProjectStore &store, const IngestOptions &options, StatsRegistry &stats);
    ~DocumentIngester();

    // `stored`: the project's documents as the job found them, to tell an unchanged file without
    // a query (a null one asks the store).
    void ingest(DocumentProgress &progress, const CancellationToken &token,
                const DocumentFingerprints *stored = nullptr) const;
    // The format of the document stored for exactly this file (`stamp`: FileStamp::of()) when it
    // needs no reading, else Unknown. For InputExpander, on a job's copy of the documents table.
    DocumentFormat knownUnchanged(const DocumentFingerprints &stored, const QString &path, const QString &stamp) const;
    // Writes go through this breaker when set: a failing disk trips it, and documents then fail
    // fast with its reason instead of each waiting for its own error. Set before any work starts.
    void setStoreBreaker(CircuitBreaker *breaker) { m_storeBreaker = breaker; }
    // Remote calls go through this breaker (see RemoteExtractor::setBreaker); without one the
    // remote extractor keeps its own. No effect without options.remote. Set before any work.
    void setRemoteBreaker(CircuitBreaker *breaker);
    // The built-in extractor finds `vocabulary`'s names from now on; documents read with another
    // vocabulary are no longer unchanged. Only while no document runs.
    void setVocabulary(std::shared_ptr<const Vocabulary> vocabulary);
    // The remote extractor when options.remote names an endpoint (and extraction is on), else null.
    const RemoteExtractor *remoteExtractor() const { return m_remote.get(); }

private:
    struct ReadResult
    {
        QByteArray bytes;
        QString contentHash;
        QString fileStamp; // FileStamp::trustedForRead()
    };
    struct ParseResult
    {
        QString text;
        QVariantMap metadata;
    };

    ReadResult read(const QString &path, DocumentProgress &progress, const CancellationToken &token) const;
    // Stored 'done' with this content by this extractor, and no later failure: nothing to do.
    bool isUnchanged(const QString &path, const QString &hash, const DocumentFingerprints *stored) const;
    ParseResult parse(const DocumentParser &parser, const QByteArray &bytes, const ParseContext &context) const;
    // Entities and relations of every chunk, in parallel; merged, resolved and ready to store.
    void extract(DocumentRecord &record, DocumentProgress &progress, const CancellationToken &token) const;
    void recordFailure(const QString &path, const QString &hash, const QString &format, qint64 size,
                       const QString &reason) const;

    ProjectStore &m_store;
    IngestOptions m_options;
    StageStats &m_read;
    StageStats &m_parse;
    StageStats &m_chunk;
    StageStats &m_extract;
    StageStats &m_write;
    EntityExtractor m_entities;
    RelationExtractor m_relations;
    std::unique_ptr<RemoteExtractor> m_remote; // falls back to m_entities and m_relations
    QString m_extractorName;                   // DocumentRecord::extractor of every document it writes
    QString extractorName() const;
    CircuitBreaker *m_storeBreaker = nullptr;
};

// Words as a person counts them: runs of letters or digits.
qint64 countWords(const QString &text);

} // namespace gw
