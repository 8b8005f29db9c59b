#include "similarentities.h"

#include "cosinekernel.h"
#include "core/parallelblocks.h"

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

using cosinekernel::kQueries;
using cosinekernel::kTile;
constexpr int kQueriesPerBlock = 64; // one parallel block; its queries reuse each tile from cache

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
    // Only rows with a vector are searched; tiles of kTile of them, dimension-major, zero-padded.
    for (int i = 0; i < count(); ++i)
        if (m_valid[std::size_t(i)])
            m_tileRows.push_back(i);
    const int searched = int(m_tileRows.size());
    const std::size_t tileFloats = std::size_t(m_dimensions) * kTile;
    m_tiles.assign(std::size_t((searched + kTile - 1) / kTile) * tileFloats, 0.0f);
    for (int p = 0; p < searched; ++p) {
        const float *r = row(m_tileRows[std::size_t(p)]);
        float *base = m_tiles.data() + std::size_t(p / kTile) * tileFloats + std::size_t(p % kTile);
        for (int k = 0; k < m_dimensions; ++k)
            base[std::size_t(k) * kTile] = r[k];
    }
}

const float *SimilarEntities::tile(int index) const
{
    return m_tiles.data() + std::size_t(index) * std::size_t(m_dimensions) * kTile;
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
    const int searched = int(m_tileRows.size());
    float scores[kTile];
    for (int t = 0; t * kTile < searched; ++t) {
        cosinekernel::scoreOne(query.data(), tile(t), m_dimensions, scores);
        const int size = std::min(kTile, searched - t * kTile);
        const float bar = best.bar();
        for (int c = 0; c < size; ++c) {
            const int candidate = m_tileRows[std::size_t(t * kTile + c)];
            if (scores[c] >= bar && candidate != excludeRow)
                best.offer(candidate, scores[c]); // raises the bar only within this tile: still exact
        }
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

    const std::vector<int> &rows = m_tileRows;
    const int m = int(rows.size());
    const int tiles = (m + kTile - 1) / kTile;
    const int blocks = (m + kQueriesPerBlock - 1) / kQueriesPerBlock;
    runParallelBlocks(
        blocks,
        [&](int block) {
            const int first = block * kQueriesPerBlock;
            const int end = std::min(m, first + kQueriesPerBlock);
            const int quads = (end - first + kQueries - 1) / kQueries;
            std::vector<float> queries(std::size_t(quads) * kQueries * std::size_t(d), 0.0f);
            for (int p = first; p < end; ++p)
                std::memcpy(queries.data() + std::size_t(p - first) * std::size_t(d), row(rows[std::size_t(p)]),
                            sizeof(float) * std::size_t(d));
            std::vector<TopK> best;
            best.reserve(std::size_t(end - first));
            for (int p = first; p < end; ++p)
                best.emplace_back(k, minSimilarity);
            float scores[kQueries * kTile];
            float maxima[kQueries];
            for (int t = 0; t < tiles; ++t) {
                if ((t & 63) == 0 && token.isCancelled())
                    return; // runParallelBlocks throws CancelledError
                const int tileRows = std::min(kTile, m - t * kTile);
                for (int quad = 0; quad < quads; ++quad) {
                    cosinekernel::scoreQueries(queries.data() + std::size_t(quad) * kQueries * std::size_t(d), tile(t),
                                               d, scores, maxima);
                    for (int q = 0; q < kQueries; ++q) {
                        const int p = first + quad * kQueries + q;
                        if (p >= end)
                            break;
                        TopK &top = best[std::size_t(p - first)];
                        const float bar = top.bar();
                        if (top.full() && maxima[q] <= bar)
                            continue; // nothing in this tile beats the current k-th best
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
        },
        token);
    return out;
}

} // namespace gw
