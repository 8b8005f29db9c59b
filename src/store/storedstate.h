#pragma once
// The state of a document row in the project (column documents.state): the one spelling of "done"
// and "failed" for the store, its SQL and its readers.
#include <QString>

#include <optional>

namespace gw {

enum class StoredState {
    Done,   // its text, chunks and extraction are stored
    Failed, // only the path and why it failed (or a failed re-ingest over kept older data)
};

// "done", "failed": the column's values (its CHECK in the first migration, projectschema.cpp).
QString storedStateName(StoredState state);
// Null for anything else (a damaged or foreign row).
std::optional<StoredState> storedStateFromName(const QString &name);

} // namespace gw
