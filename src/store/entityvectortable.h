#pragma once
// Table entity_vectors: one vector per entity (node embeddings), each a little-endian float32
// blob.
#include "entityvectors.h"

namespace gw {

class ProjectStore;

class EntityVectorTable
{
public:
    explicit EntityVectorTable(ProjectStore &store) : m_store(store) {}

    // Replaces every stored vector with `vectors` in one transaction on the writer; vectors of
    // entities removed meanwhile are skipped. Returns how many were stored. Blocks; throws
    // StoreError, std::invalid_argument when `vectors` is not count x dimensions.
    int replaceAll(const EntityVectors &vectors) const;
    // The stored vectors in the order they were written. Blocks; throws StoreError, also when
    // the rows mix methods or sizes.
    EntityVectors load() const;

private:
    ProjectStore &m_store;
};

} // namespace gw
