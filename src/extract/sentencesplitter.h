#pragma once
// The sentence splitter lives in core, shared with the chunker (ingest).
#include "core/sentencesplitter.h"
