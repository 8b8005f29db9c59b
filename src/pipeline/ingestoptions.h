#pragma once

#include "extract/remoteextractorsettings.h"
#include "ingest/ingestlimits.h"

namespace gw {

struct IngestOptions
{
    int jobs = 0; // documents in flight at once; 0 = ideal thread count
    IngestLimits limits;
    int chunkChars = 1000;          // chunker target size
    int chunkOverlap = 100;         // characters shared by neighbouring chunks
    bool extract = true;            // find entities and relations (the extract stage)
    RemoteExtractorSettings remote; // a URL set: entities and relations from that endpoint
    // A batch of inputs at least this large, and at least as large as what the project already
    // holds, is written as a bulk load (ProjectStore::beginBulkLoad): about twice as fast, with
    // the entity indexes built once at the end. Negative: never.
    qint64 bulkLoadMinBytes = 4 * 1024 * 1024;
};

} // namespace gw
