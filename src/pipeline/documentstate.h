#pragma once

#include <QString>

namespace gw {

// Where one document is on its way into the project.
// queued → reading → parsing → chunking → extracting → storing → done | failed | skipped | cancelled
enum class DocumentState { Queued, Reading, Parsing, Chunking, Extracting, Storing, Done, Failed, Skipped, Cancelled };

inline bool isFinished(DocumentState state)
{
    return state == DocumentState::Done || state == DocumentState::Failed || state == DocumentState::Skipped
        || state == DocumentState::Cancelled;
}

QString documentStateName(DocumentState state); // "queued", "reading", ...

} // namespace gw
