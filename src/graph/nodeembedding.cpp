#include "nodeembedding.h"

#include "knowledgegraph.h"
#include "core/parallelblocks.h"

#include "store/entityvectortable.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <stdexcept>
#include <utility>
#include <vector>

namespace gw {

namespace {

// Rows per parallel block: large enough to amortise scheduling, and a fixed size so that sums
// are combined in the same order whatever the thread count (bit-identical results).
constexpr int kRowsPerBlock = 2048;

int blockCount(int rows)
{
    return (rows + kRowsPerBlock - 1) / kRowsPerBlock;
}

// A symmetric sparse matrix in compressed rows.
struct SparseMatrix
{
    int n = 0;
    std::vector<qint64> rowStart; // n + 1
    std::vector<int> column;
    std::vector<double> value;
};

SparseMatrix symmetricMatrix(const KnowledgeGraph &graph, NodeEmbeddingOptions::Matrix kind)
{
    SparseMatrix m;
    m.n = graph.nodeCount();
    const auto usable = [](const GraphEdge &edge) {
        return edge.source != edge.target && edge.weight > 0 && std::isfinite(edge.weight);
    };
    std::vector<qint64> fill(std::size_t(m.n) + 1, 0);
    for (const GraphEdge &edge : graph.edges()) {
        if (usable(edge)) {
            ++fill[std::size_t(edge.source) + 1];
            ++fill[std::size_t(edge.target) + 1];
        }
    }
    std::partial_sum(fill.begin(), fill.end(), fill.begin());
    std::vector<std::pair<int, double>> entries(std::size_t(fill.back()));
    std::vector<qint64> cursor(fill.begin(), fill.end() - 1);
    for (const GraphEdge &edge : graph.edges()) {
        if (usable(edge)) {
            entries[std::size_t(cursor[std::size_t(edge.source)]++)] = {edge.target, edge.weight};
            entries[std::size_t(cursor[std::size_t(edge.target)]++)] = {edge.source, edge.weight};
        }
    }
    // Per row: sort by column, sum duplicates (multi-edges, both directions), and add the node
    // itself with the weight of its strongest link: closed neighbourhoods, so that linked nodes
    // are alike even without a shared neighbour.
    m.rowStart.assign(std::size_t(m.n) + 1, 0);
    m.column.reserve(entries.size() + std::size_t(m.n));
    m.value.reserve(entries.size() + std::size_t(m.n));
    std::vector<double> degree(std::size_t(m.n), 0.0);
    std::vector<std::pair<int, double>> row;
    for (int i = 0; i < m.n; ++i) {
        const auto begin = entries.begin() + fill[std::size_t(i)];
        const auto end = entries.begin() + fill[std::size_t(i) + 1];
        std::sort(begin, end, [](const auto &a, const auto &b) { return a.first < b.first; });
        row.clear();
        for (auto it = begin; it != end; ++it) {
            if (!row.empty() && row.back().first == it->first)
                row.back().second += it->second;
            else
                row.push_back(*it);
        }
        double strongest = 0;
        for (const auto &[column, weight] : row) {
            degree[std::size_t(i)] += weight;
            strongest = std::max(strongest, weight);
        }
        if (strongest > 0) {
            const auto at =
                std::lower_bound(row.begin(), row.end(), i, [](const auto &entry, int c) { return entry.first < c; });
            row.insert(at, {i, strongest});
        }
        for (const auto &[column, weight] : row) {
            m.column.push_back(column);
            m.value.push_back(weight);
        }
        m.rowStart[std::size_t(i) + 1] = qint64(m.column.size());
    }
    if (kind == NodeEmbeddingOptions::Matrix::RegularizedLaplacian && m.n > 0) {
        const double tau = std::accumulate(degree.begin(), degree.end(), 0.0) / m.n;
        std::vector<double> scale(std::size_t(m.n));
        for (int i = 0; i < m.n; ++i)
            scale[std::size_t(i)] = tau > 0 ? 1.0 / std::sqrt(degree[std::size_t(i)] + tau) : 0.0;
        for (int i = 0; i < m.n; ++i) {
            for (qint64 p = m.rowStart[std::size_t(i)]; p < m.rowStart[std::size_t(i) + 1]; ++p)
                m.value[std::size_t(p)] *= scale[std::size_t(i)] * scale[std::size_t(m.column[std::size_t(p)])];
        }
    }
    return m;
}

// A dense n x cols matrix, row-major.
struct Dense
{
    int rows = 0;
    int cols = 0;
    std::vector<double> data;

    Dense() = default;
    Dense(int r, int c) : rows(r), cols(c), data(std::size_t(r) * std::size_t(c), 0.0) {}
    double *row(int i) { return data.data() + std::size_t(i) * std::size_t(cols); }
    const double *row(int i) const { return data.data() + std::size_t(i) * std::size_t(cols); }
};

// Runs body(firstRow, endRow) over fixed row blocks in parallel.
template<typename Body>
void forRowBlocks(int rows, const CancellationToken &token, Body body)
{
    runParallelBlocks(
        blockCount(rows),
        [&](int block) {
            const int first = block * kRowsPerBlock;
            body(first, std::min(rows, first + kRowsPerBlock));
        },
        token);
}

// Y = M X.
Dense multiply(const SparseMatrix &m, const Dense &x, const CancellationToken &token)
{
    Dense y(m.n, x.cols);
    const int c = x.cols;
    forRowBlocks(m.n, token, [&](int first, int end) {
        for (int i = first; i < end; ++i) {
            double *out = y.row(i);
            for (qint64 p = m.rowStart[std::size_t(i)]; p < m.rowStart[std::size_t(i) + 1]; ++p) {
                const double a = m.value[std::size_t(p)];
                const double *in = x.row(m.column[std::size_t(p)]);
                for (int k = 0; k < c; ++k)
                    out[k] += a * in[k];
            }
        }
    });
    return y;
}

// A^T B for two n-row matrices: per-block partial sums added in block order (deterministic).
std::vector<double> crossProduct(const Dense &a, const Dense &b, const CancellationToken &token)
{
    const int ca = a.cols, cb = b.cols;
    const int blocks = blockCount(a.rows);
    std::vector<std::vector<double>> partial(static_cast<std::size_t>(blocks));
    runParallelBlocks(
        blocks,
        [&](int block) {
            std::vector<double> sum(std::size_t(ca) * std::size_t(cb), 0.0);
            const int first = block * kRowsPerBlock;
            const int end = std::min(a.rows, first + kRowsPerBlock);
            for (int i = first; i < end; ++i) {
                const double *ra = a.row(i);
                const double *rb = b.row(i);
                for (int p = 0; p < ca; ++p) {
                    const double v = ra[p];
                    if (v == 0)
                        continue;
                    double *out = sum.data() + std::size_t(p) * std::size_t(cb);
                    for (int q = 0; q < cb; ++q)
                        out[q] += v * rb[q];
                }
            }
            partial[std::size_t(block)] = std::move(sum);
        },
        token);
    std::vector<double> total(std::size_t(ca) * std::size_t(cb), 0.0);
    for (const std::vector<double> &sum : partial)
        for (std::size_t k = 0; k < total.size(); ++k)
            total[k] += sum[k];
    return total;
}

// X T, T being x.cols x t (row-major).
Dense multiplyRight(const Dense &x, const std::vector<double> &t, int tcols, const CancellationToken &token)
{
    Dense y(x.rows, tcols);
    forRowBlocks(x.rows, token, [&](int first, int end) {
        for (int i = first; i < end; ++i) {
            const double *in = x.row(i);
            double *out = y.row(i);
            for (int p = 0; p < x.cols; ++p) {
                const double v = in[p];
                if (v == 0)
                    continue;
                const double *trow = t.data() + std::size_t(p) * std::size_t(tcols);
                for (int q = 0; q < tcols; ++q)
                    out[q] += v * trow[q];
            }
        }
    });
    return y;
}

// Eigen-decomposition of a small symmetric matrix (cyclic Jacobi: simple, accurate, and m is at
// most dimensions + oversampling). Eigenvector j is column j of `vectors` (row-major m x m).
void symmetricEigen(std::vector<double> a, int m, std::vector<double> &values, std::vector<double> &vectors)
{
    vectors.assign(std::size_t(m) * std::size_t(m), 0.0);
    for (int i = 0; i < m; ++i)
        vectors[std::size_t(i) * std::size_t(m) + std::size_t(i)] = 1.0;
    const auto at = [m](std::vector<double> &x, int r, int c) -> double & {
        return x[std::size_t(r) * std::size_t(m) + std::size_t(c)];
    };
    for (int sweep = 0; sweep < 100; ++sweep) {
        double off = 0, all = 0;
        for (int p = 0; p < m; ++p) {
            for (int q = 0; q < m; ++q) {
                const double v = at(a, p, q) * at(a, p, q);
                all += v;
                if (p != q)
                    off += v;
            }
        }
        if (off <= 1e-26 * all)
            break;
        for (int p = 0; p < m - 1; ++p) {
            for (int q = p + 1; q < m; ++q) {
                const double apq = at(a, p, q);
                if (apq == 0)
                    continue;
                const double theta = (at(a, q, q) - at(a, p, p)) / (2 * apq);
                const double t = (theta >= 0 ? 1.0 : -1.0) / (std::abs(theta) + std::sqrt(theta * theta + 1));
                const double c = 1 / std::sqrt(t * t + 1);
                const double s = t * c;
                for (int k = 0; k < m; ++k) {
                    const double akp = at(a, k, p), akq = at(a, k, q);
                    at(a, k, p) = c * akp - s * akq;
                    at(a, k, q) = s * akp + c * akq;
                }
                for (int k = 0; k < m; ++k) {
                    const double apk = at(a, p, k), aqk = at(a, q, k);
                    at(a, p, k) = c * apk - s * aqk;
                    at(a, q, k) = s * apk + c * aqk;
                }
                at(a, p, q) = at(a, q, p) = 0;
                for (int k = 0; k < m; ++k) {
                    const double vkp = at(vectors, k, p), vkq = at(vectors, k, q);
                    at(vectors, k, p) = c * vkp - s * vkq;
                    at(vectors, k, q) = s * vkp + c * vkq;
                }
            }
        }
    }
    values.resize(std::size_t(m));
    for (int i = 0; i < m; ++i)
        values[std::size_t(i)] = at(a, i, i);
}

// An orthonormal basis of the columns of x, through the eigen-decomposition of the Gram matrix:
// one level-3 pass that also drops numerically dependent columns (a graph of rank below the
// search width, a block of zero rows). `passes` = 2 restores full orthogonality.
Dense orthonormalize(Dense x, int passes, const CancellationToken &token)
{
    for (int pass = 0; pass < passes && x.cols > 0; ++pass) {
        const int c = x.cols;
        std::vector<double> values, vectors;
        symmetricEigen(crossProduct(x, x, token), c, values, vectors);
        const double largest = *std::max_element(values.begin(), values.end());
        std::vector<int> keep;
        for (int j = 0; j < c; ++j) {
            if (largest > 0 && values[std::size_t(j)] > 1e-10 * largest)
                keep.push_back(j);
        }
        std::stable_sort(keep.begin(), keep.end(),
                         [&values](int a, int b) { return values[std::size_t(a)] > values[std::size_t(b)]; });
        const int r = int(keep.size());
        std::vector<double> t(std::size_t(c) * std::size_t(r));
        for (int p = 0; p < c; ++p)
            for (int q = 0; q < r; ++q)
                t[std::size_t(p) * std::size_t(r) + std::size_t(q)] =
                    vectors[std::size_t(p) * std::size_t(c) + std::size_t(keep[std::size_t(q)])]
                    / std::sqrt(values[std::size_t(keep[std::size_t(q)])]);
        x = multiplyRight(x, t, r, token);
    }
    return x;
}

// Counter-based generator (splitmix64): entry (i, k) of the start block depends on the seed and
// its position only, never on which thread made it.
double startValue(quint64 seed, quint64 counter)
{
    quint64 z = seed + (counter + 1) * 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return double(z >> 11) * 0x1.0p-52 - 1.0; // uniform in [-1, 1)
}

} // namespace

QString NodeEmbedding::methodName(const NodeEmbeddingOptions &options)
{
    return options.matrix == NodeEmbeddingOptions::Matrix::Adjacency ? QStringLiteral("spectral:adjacency")
                                                                     : QStringLiteral("spectral:regularized-laplacian");
}

EntityVectors NodeEmbedding::compute(const KnowledgeGraph &graph, const NodeEmbeddingOptions &options,
                                     const CancellationToken &token)
{
    if (options.dimensions < 1 || options.powerIterations < 0 || options.oversampling < 0)
        throw std::invalid_argument(
            "NodeEmbedding::compute: dimensions must be positive, iterations and oversampling not negative");
    token.throwIfCancelled();

    EntityVectors out;
    out.method = methodName(options);
    const int n = graph.nodeCount();
    if (n == 0)
        return out;
    out.ids.reserve(n);
    for (const GraphNode &node : graph.nodes())
        out.ids.append(node.id);
    const int dims = std::min(options.dimensions, std::max(1, n - 1));
    out.dimensions = dims;
    out.data.assign(std::size_t(n) * std::size_t(dims), 0.0f);

    const SparseMatrix m = symmetricMatrix(graph, options.matrix);
    if (m.column.empty())
        return out; // no usable edge: every node is isolated
    token.throwIfCancelled();

    // Range finder + subspace iteration; only the last basis needs full orthogonality.
    const int width = std::min(n, dims + options.oversampling);
    Dense start(n, width);
    forRowBlocks(n, token, [&](int first, int end) {
        for (int i = first; i < end; ++i)
            for (int k = 0; k < width; ++k)
                start.row(i)[k] = startValue(options.seed, quint64(i) * quint64(width) + quint64(k));
    });
    Dense q = orthonormalize(multiply(m, start, token), options.powerIterations == 0 ? 2 : 1, token);
    start = Dense();
    for (int iteration = 0; iteration < options.powerIterations && q.cols > 0; ++iteration)
        q = orthonormalize(multiply(m, q, token), iteration + 1 == options.powerIterations ? 2 : 1, token);
    if (q.cols == 0)
        return out;

    // Rayleigh-Ritz: the eigenpairs of Q^T M Q, largest magnitude first.
    const int r = q.cols;
    std::vector<double> small = crossProduct(q, multiply(m, q, token), token);
    for (int a = 0; a < r; ++a)
        for (int b = a + 1; b < r; ++b) {
            const double mean = (small[std::size_t(a) * r + b] + small[std::size_t(b) * r + a]) / 2;
            small[std::size_t(a) * r + b] = small[std::size_t(b) * r + a] = mean;
        }
    std::vector<double> values, vectors;
    symmetricEigen(std::move(small), r, values, vectors);
    std::vector<int> order(static_cast<std::size_t>(r));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&values](int a, int b) {
        return std::abs(values[std::size_t(a)]) > std::abs(values[std::size_t(b)]);
    });
    const double largest = std::abs(values[std::size_t(order.front())]);
    int kept = 0;
    while (kept < std::min(dims, r) && std::abs(values[std::size_t(order[std::size_t(kept)])]) > 1e-9 * largest)
        ++kept;
    std::vector<double> t(std::size_t(r) * std::size_t(kept));
    for (int p = 0; p < r; ++p)
        for (int j = 0; j < kept; ++j) {
            const int e = order[std::size_t(j)];
            t[std::size_t(p) * kept + j] = vectors[std::size_t(p) * r + e] * std::abs(values[std::size_t(e)]);
        }
    Dense x = multiplyRight(q, t, kept, token);

    // Eigenvectors have no sign: make each column's largest entry positive, so runs with other
    // options or versions agree as far as they can.
    for (int j = 0; j < kept; ++j) {
        int at = 0;
        double best = -1;
        for (int i = 0; i < n; ++i) {
            const double v = std::abs(x.row(i)[j]);
            if (v > best) {
                best = v;
                at = i;
            }
        }
        if (x.row(at)[j] < 0)
            for (int i = 0; i < n; ++i)
                x.row(i)[j] = -x.row(i)[j];
    }

    forRowBlocks(n, token, [&](int first, int end) {
        for (int i = first; i < end; ++i) {
            const double *in = x.row(i);
            double norm = 0;
            for (int j = 0; j < kept; ++j)
                norm += in[j] * in[j];
            norm = std::sqrt(norm);
            if (!(norm > 1e-12 * largest))
                continue; // isolated (or numerically so): stays the zero vector
            float *row = out.row(i);
            for (int j = 0; j < kept; ++j)
                row[j] = float(in[j] / norm);
        }
    });
    return out;
}

int NodeEmbedding::save(ProjectStore &store, const EntityVectors &vectors)
{
    return EntityVectorTable(store).replaceAll(vectors);
}

EntityVectors NodeEmbedding::load(ProjectStore &store)
{
    return EntityVectorTable(store).load();
}

} // namespace gw
