#pragma once
// Graph -> vectors: node embeddings from the graph's structure alone. The matrix is the
// symmetrised weighted adjacency (edge directions dropped, multi-edges and both directions summed,
// self-loops and non-positive weights ignored) with closed neighbourhoods (each node linked to
// itself as strongly as to its strongest neighbour, so linked nodes are alike even without a
// shared neighbour), by default degree-regularised, D_t^-1/2 A D_t^-1/2 with D_t = D + mean
// degree (Qin & Rohe 2013), so hubs do not dominate and tiny components do not fill the top of the
// spectrum. Its dominant eigenpairs (largest magnitude) come from randomized subspace iteration
// with a Rayleigh-Ritz step (Halko, Martinsson & Tropp 2011). Row i is U_i |Lambda|, scaled to
// unit length: the cosine of two rows is the cosine of the two nodes' rows in the best rank-d
// approximation of the matrix (shared and direct neighbours), and cosine = dot product. An
// isolated node gets the zero vector (no structure to compare).
//
// Deterministic: the start block comes from a counter-based generator seeded by the options and
// the parallel sums are combined in a fixed order, so the same graph and options give
// bit-identical vectors on every run and thread count. Blocks while it computes (seconds for
// 100k nodes): call it off the GUI thread.
#include "store/entityvectors.h"

#include "core/cancellation.h"

#include <QString>

namespace gw {

class KnowledgeGraph;
class ProjectStore;

struct NodeEmbeddingOptions
{
    enum class Matrix { Adjacency, RegularizedLaplacian };

    int dimensions = 32; // capped at node count - 1 (at least 1)
    Matrix matrix = Matrix::RegularizedLaplacian;
    int powerIterations = 6; // more: closer to the exact eigenvectors, slower
    int oversampling = 16;   // extra search directions beyond `dimensions`
    quint64 seed = 0x9e3779b97f4a7c15ULL;
};

class NodeEmbedding
{
public:
    // One row per node of `graph`, in node order. Throws CancelledError when `token` is
    // cancelled (checked between passes and between blocks of rows), std::invalid_argument for
    // options out of range.
    static EntityVectors compute(const KnowledgeGraph &graph, const NodeEmbeddingOptions &options = {},
                                 const CancellationToken &token = {});
    // "spectral:regularized-laplacian" or "spectral:adjacency": the `method` column.
    static QString methodName(const NodeEmbeddingOptions &options);

    // Replaces every row of the project's entity_vectors with `vectors` in one transaction
    // (float32 little-endian BLOBs). Ids the project no longer has are skipped; returns the rows
    // written. Blocks; throws StoreError (nothing changed then).
    static int save(ProjectStore &store, const EntityVectors &vectors);
    // The stored vectors, in the order they were saved; empty when none are. Blocks; throws
    // StoreError when the rows are damaged or mix methods or dimensions.
    static EntityVectors load(ProjectStore &store);
};

} // namespace gw
