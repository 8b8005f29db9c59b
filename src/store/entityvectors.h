#pragma once
// One vector per entity (graph -> vectors), as NodeEmbedding computes them and the project stores
// them (table entity_vectors). Rows are unit length for cosine use, or all zero for an entity the
// method has nothing to say about (an isolated node).
#include <QList>
#include <QString>

#include <cstddef>
#include <vector>

namespace gw {

struct EntityVectors
{
    int dimensions = 0;
    QString method;          // how they were made, e.g. "spectral:regularized-laplacian"
    QList<QString> ids;      // entity ids, one per row
    std::vector<float> data; // ids.size() x dimensions, row-major

    int count() const { return int(ids.size()); }
    bool isEmpty() const { return ids.isEmpty(); }
    const float *row(int index) const { return data.data() + std::size_t(index) * std::size_t(dimensions); }
    float *row(int index) { return data.data() + std::size_t(index) * std::size_t(dimensions); }
};

} // namespace gw
