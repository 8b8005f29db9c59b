#pragma once
// "Similar entities": the entities whose vectors are closest by cosine to a given one. Exact brute
// force over a normalised copy of the vectors: a query scans every row (about 1 ms for 100k x 32);
// allNearest() answers every row at once with a blocked, parallel kernel (the k-nearest-neighbour
// graph). Zero vectors (isolated nodes) are never anybody's neighbour and have none. Ties go to
// the earlier row. Read-only once built: share one across threads.
#include "store/entityvectors.h"

#include "core/cancellation.h"

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace gw {

struct SimilarEntity
{
    QString id;
    int row = -1;         // in the index's vectors
    float similarity = 0; // cosine, in [-1, 1]
};

class SimilarEntities
{
public:
    struct Neighbour
    {
        int row = -1;
        float similarity = 0;
    };

    SimilarEntities() = default;
    // Copies `vectors`, scaling every non-zero row to unit length. Throws std::invalid_argument
    // when data does not hold count x dimensions values.
    explicit SimilarEntities(const EntityVectors &vectors);

    int count() const { return int(m_ids.size()); }
    int dimensions() const { return m_dimensions; }
    QString method() const { return m_method; }
    QString id(int row) const { return m_ids.at(row); }
    int rowOf(const QString &id) const { return m_rowById.value(id, -1); }
    bool hasVector(int row) const { return m_valid.at(std::size_t(row)) != 0; }

    // The k entities most similar to `id` (itself excluded), most similar first, down to
    // `minSimilarity`. Empty when `id` is unknown or has the zero vector.
    QList<SimilarEntity> similarTo(const QString &id, int k, float minSimilarity = -1.0f) const;
    // The same for any vector of dimensions() values (scaled to unit length first); `excludeRow`
    // is left out of the answer.
    QList<SimilarEntity> nearest(const float *vector, int k, float minSimilarity = -1.0f, int excludeRow = -1) const;

    // For every row, its k most similar other rows, most similar first (exact, parallel).
    // Throws CancelledError when `token` is cancelled.
    std::vector<std::vector<Neighbour>> allNearest(int k, float minSimilarity = -1.0f,
                                                   const CancellationToken &token = {}) const;

private:
    const float *row(int index) const { return m_data.data() + std::size_t(index) * std::size_t(m_dimensions); }
    const float *tile(int index) const;

    int m_dimensions = 0;
    QString m_method;
    QList<QString> m_ids;
    QHash<QString, int> m_rowById;
    std::vector<float> m_data;          // unit rows, or zero
    std::vector<unsigned char> m_valid; // row has a non-zero vector
    std::vector<int> m_tileRows;        // the rows with a vector, in order: what is searched
    std::vector<float> m_tiles;         // their vectors in tiles for the kernel (cosinekernel.h)
};

} // namespace gw
