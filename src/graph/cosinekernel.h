#pragma once
// The inner loop of exact cosine search (SimilarEntities): dot products of a few queries against
// a tile of candidates stored dimension-major. AVX2+FMA when the CPU has it (chosen once at run
// time), SSE2 otherwise, plain C++ off x86-64. Private to the graph library.

namespace gw::cosinekernel {

constexpr int kTile = 64;   // candidates per tile: d x kTile floats, candidate c of dimension k at [k * kTile + c]
constexpr int kQueries = 4; // queries scored together (register blocking)

// scores[q * kTile + c] = <query q, candidate c> for the kQueries queries (kQueries x d,
// row-major) against one tile; maxima[q] = the largest of query q's scores.
void scoreQueries(const float *queries, const float *tile, int d, float *scores, float *maxima);

// scores[c] = <query, candidate c> for one query against one tile.
void scoreOne(const float *query, const float *tile, int d, float *scores);

// "avx2", "sse2" or "portable": what this machine runs.
const char *flavour();

} // namespace gw::cosinekernel
