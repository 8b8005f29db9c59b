#pragma once

namespace gw {

// Whether the graph view fits a new graph or new positions, or keeps its zoom and centre (the same
// picture edited, as after a curation edit).
enum class ViewFit { ToGraph, Keep };

} // namespace gw
