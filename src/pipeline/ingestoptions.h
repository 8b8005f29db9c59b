#pragma once

#include "extract/remoteextractorsettings.h"
#include "ingest/ingestlimits.h"

#include <memory>

namespace gw {

class Vocabulary;

struct IngestOptions
{
    int jobs = 0; // documents in flight at once; 0 = ideal thread count
    IngestLimits limits;
    int chunkChars = 1000;          // chunker target size
    int chunkOverlap = 100;         // characters shared by neighbouring chunks
    bool extract = true;            // find entities and relations (the extract stage)
    RemoteExtractorSettings remote; // a URL set: entities and relations from that endpoint
    // The remote extractor's answer cache in the project holds at most this much (UTF-8 bytes of
    // answers and keys); past it the least recently used answers go. 0 or less: no limit.
    qint64 remoteCacheMaxBytes = 256LL * 1024 * 1024;
    // The project's own names for the built-in extractor (ProjectContext reads them on open);
    // null or empty: none. A document read with another vocabulary is read again.
    std::shared_ptr<const Vocabulary> vocabulary;
    // A batch of new inputs (paths the project does not hold yet) at least this large, and at
    // least a sixteenth of what the project already holds, is written as a bulk load
    // (ProjectStore::beginBulkLoad): the entity indexes are built once at the end instead of
    // updated row by row, in random order. Building them costs about 35 ms per MB the project
    // holds. Changed inputs do not count: a replaced document keeps the rows its new version
    // shares with the old, so it touches the indexes only for what changed. Negative: never.
    qint64 bulkLoadMinBytes = 1024 * 1024;
    static constexpr int bulkLoadShareDivisor = 16;
};

} // namespace gw
