#pragma once

#include "extract/remoteextractorsettings.h"
#include "ingest/ingestlimits.h"

namespace gw {

struct IngestOptions
{
    int jobs = 0;              // documents in flight at once; 0 = ideal thread count
    IngestLimits limits;
    int chunkChars = 1000;     // chunker target size
    int chunkOverlap = 100;    // characters shared by neighbouring chunks
    bool extract = true;       // find entities and relations (the extract stage)
    RemoteExtractorSettings remote; // a URL set: entities and relations from that endpoint
};

} // namespace gw
