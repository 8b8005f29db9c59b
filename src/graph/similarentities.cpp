#include "similarentities.h"

#include "parallelblocks.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace gw {

namespace {

// The k best candidates seen so far, best first; candidates arrive in increasing row order and a
// tie keeps the earlier row.
class TopK
{
public:
    TopK(int k, float minSimilarity) : m_k(k), m_min(minSimilarity) { m_items.reserve(std::size_t(k) + 1); }

    // Candidates must beat this to enter (strictly, once full).
    float bar() const { return int(m_items.size()) < m_k ? m_min : m_items.back().similarity; }
    bool full() const { return int(m_items.size()) >= m_k; }

    void offer(int row, float similarity)
    {
        if (full() ? !(similarity > m_items.back().similarity) : !(similarity >= m_min))
            return;
        auto at = std::upper_bound(m_items.begin(), m_items.end(), similarity,
                                   [](float s, const SimilarEntities::Neighbour &item) { return s > item.similarity; });
        m_items.insert(at, {row, similarity});
        if (int(m_items.size()) > m_k)
            m_items.pop_back();
    }

    std::vector<SimilarEntities::Neighbour> take() { return std::move(m_items); }

private:
    int m_k;
    float m_min;
    std::vector<SimilarEntities::Neighbour> m_items;
};

// Candidate tiles: kTile rows stored dimension-major, so the kernel reads contiguous lanes.
constexpr int kTile = 64;
constexpr int kQuads = 4;          // queries scored together (register blocking)
constexpr int kQueriesPerBlock = 64; // one parallel block; its queries reuse each tile from cache

typedef float Lane __attribute__((vector_size(32))); // 8 floats; two SSE registers without AVX

// scores[q * kTile + c] = <query q, candidate c> for kQuads queries (kQuads x d, row-major) and
// one tile (d x kTile). Built twice on x86-64: AVX2+FMA where the CPU has it, baseline otherwise.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_THREAD__)
__attribute__((target_clones("arch=haswell", "default")))
#endif
void scoreTile(const float *queries, const float *tile, int d, float *scores)
{
    for (int c0 = 0; c0 < kTile; c0 += 16) {
        Lane acc[kQuads][2] = {};
        for (int k = 0; k < d; ++k) {
            Lane t0, t1;
            std::memcpy(&t0, tile + std::size_t(k) * kTile + c0, sizeof t0);
            std::memcpy(&t1, tile + std::size_t(k) * kTile + c0 + 8, sizeof t1);
            for (int q = 0; q < kQuads; ++q) {
                const float s = queries[q * d + k];
                acc[q][0] += s * t0;
                acc[q][1] += s * t1;
            }
        }
        for (int q = 0; q < kQuads; ++q) {
            std::memcpy(scores + q * kTile + c0, &acc[q][0], sizeof(Lane));
            std::memcpy(scores + q * kTile + c0 + 8, &acc[q][1], sizeof(Lane));
        }
    }
}

float dot(const float *a, const float *b, int d)
{
    float sum = 0;
    for (int k = 0; k < d; ++k)
        sum += a[k] * b[k];
    return sum;
}

} // namespace

SimilarEntities::SimilarEntities(const EntityVectors &vectors)
    : m_dimensions(vectors.dimensions), m_method(vectors.method), m_ids(vectors.ids)
{
    if (vectors.dimensions < 0 || vectors.data.size() != std::size_t(vectors.count()) * std::size_t(vectors.dimensions))
        throw std::invalid_argument("SimilarEntities: data does not hold count x dimensions values");
    m_data = vectors.data;
    m_valid.assign(std::size_t(count()), 0);
    m_rowById.reserve(count());
    for (int i = 0; i < count(); ++i) {
        m_rowById.insert(m_ids.at(i), i);
        float *r = m_data.data() + std::size_t(i) * std::size_t(m_dimensions);
        double norm = 0;
        for (int k = 0; k < m_dimensions; ++k)
            norm += double(r[k]) * r[k];
        norm = std::sqrt(norm);
        if (!(norm > 0) || !std::isfinite(norm)) {
            std::fill(r, r + m_dimensions, 0.0f);
            continue;
        }
        for (int k = 0; k < m_dimensions; ++k)
            r[k] = float(r[k] / norm);
        m_valid[std::size_t(i)] = 1;
    }
}

QList<SimilarEntity> SimilarEntities::similarTo(const QString &id, int k, float minSimilarity) const
{
    const int at = rowOf(id);
    if (at < 0 || !hasVector(at))
        return {};
    return nearest(row(at), k, minSimilarity, at);
}

QList<SimilarEntity> SimilarEntities::nearest(const float *vector, int k, float minSimilarity, int excludeRow) const
{
    QList<SimilarEntity> out;
    if (k <= 0 || m_dimensions == 0)
        return out;
    std::vector<float> query(vector, vector + m_dimensions);
    double norm = 0;
    for (float v : query)
        norm += double(v) * v;
    norm = std::sqrt(norm);
    if (!(norm > 0) || !std::isfinite(norm))
        return out;
    for (float &v : query)
        v = float(v / norm);
    TopK best(k, minSimilarity);
    for (int i = 0; i < count(); ++i) {
        if (i != excludeRow && m_valid[std::size_t(i)])
            best.offer(i, dot(query.data(), row(i), m_dimensions));
    }
    for (const Neighbour &n : best.take())
        out.append({m_ids.at(n.row), n.row, n.similarity});
    return out;
}

std::vector<std::vector<SimilarEntities::Neighbour>> SimilarEntities::allNearest(int k, float minSimilarity,
                                                                                 const CancellationToken &token) const
{
    token.throwIfCancelled();
    const int n = count();
    const int d = m_dimensions;
    std::vector<std::vector<Neighbour>> out(static_cast<std::size_t>(n));
    if (k <= 0 || n == 0 || d == 0)
        return out;

    // Only rows with a vector take part; `rows` maps compact positions back to rows.
    std::vector<int> rows;
    for (int i = 0; i < n; ++i)
        if (m_valid[std::size_t(i)])
            rows.push_back(i);
    const int m = int(rows.size());
    const int tiles = (m + kTile - 1) / kTile;
    std::vector<float> tiled(std::size_t(tiles) * std::size_t(d) * kTile, 0.0f); // padding scores 0, skipped below
    for (int p = 0; p < m; ++p) {
        const float *r = row(rows[std::size_t(p)]);
        float *base = tiled.data() + std::size_t(p / kTile) * std::size_t(d) * kTile + (p % kTile);
        for (int j = 0; j < d; ++j)
            base[std::size_t(j) * kTile] = r[j];
    }

    const int blocks = (m + kQueriesPerBlock - 1) / kQueriesPerBlock;
    runParallelBlocks(blocks, [&](int block) {
        const int first = block * kQueriesPerBlock;
        const int end = std::min(m, first + kQueriesPerBlock);
        const int quads = (end - first + kQuads - 1) / kQuads;
        std::vector<float> queries(std::size_t(quads) * kQuads * std::size_t(d), 0.0f);
        for (int p = first; p < end; ++p)
            std::memcpy(queries.data() + std::size_t(p - first) * std::size_t(d), row(rows[std::size_t(p)]), sizeof(float) * std::size_t(d));
        std::vector<TopK> best;
        best.reserve(std::size_t(end - first));
        for (int p = first; p < end; ++p)
            best.emplace_back(k, minSimilarity);
        float scores[kQuads * kTile];
        for (int t = 0; t < tiles; ++t) {
            if ((t & 63) == 0 && token.isCancelled())
                return; // runParallelBlocks throws CancelledError
            const float *tile = tiled.data() + std::size_t(t) * std::size_t(d) * kTile;
            const int tileRows = std::min(kTile, m - t * kTile);
            for (int quad = 0; quad < quads; ++quad) {
                scoreTile(queries.data() + std::size_t(quad) * kQuads * std::size_t(d), tile, d, scores);
                for (int q = 0; q < kQuads; ++q) {
                    const int p = first + quad * kQuads + q;
                    if (p >= end)
                        break;
                    TopK &top = best[std::size_t(p - first)];
                    const float bar = top.bar();
                    const float *s = scores + q * kTile;
                    for (int c = 0; c < tileRows; ++c) {
                        if (s[c] >= bar && t * kTile + c != p)
                            top.offer(rows[std::size_t(t * kTile + c)], s[c]);
                    }
                }
            }
        }
        for (int p = first; p < end; ++p)
            out[std::size_t(rows[std::size_t(p)])] = best[std::size_t(p - first)].take();
    }, token);
    return out;
}

} // namespace gw
