#pragma once
// Owning wrappers of igraph's C containers, private to the graph layer (igraph headers must not
// reach other layers). Tiny value types, so they share one header, like core/errors.h.
//
// Create, use and destroy them only while an IgraphSession is alive: igraph keeps global state
// (its error stack) even for these calls.
#include <igraph.h>

#include <new>

namespace gw {

// igraph_vector_t (reals): results and edge weights.
class IgraphVector
{
public:
    explicit IgraphVector(igraph_integer_t size = 0)
    {
        if (igraph_vector_init(&m_value, size) != IGRAPH_SUCCESS)
            throw std::bad_alloc();
    }
    ~IgraphVector() { igraph_vector_destroy(&m_value); }
    IgraphVector(const IgraphVector &) = delete;
    IgraphVector &operator=(const IgraphVector &) = delete;

    igraph_vector_t *get() { return &m_value; }
    const igraph_vector_t *get() const { return &m_value; }
    igraph_integer_t size() const { return igraph_vector_size(&m_value); }
    igraph_real_t &operator[](igraph_integer_t i) { return VECTOR(m_value)[i]; }
    igraph_real_t operator[](igraph_integer_t i) const { return VECTOR(m_value)[i]; }

private:
    igraph_vector_t m_value;
};

// igraph_vector_int_t: edge lists, memberships, paths.
class IgraphIntVector
{
public:
    explicit IgraphIntVector(igraph_integer_t size = 0)
    {
        if (igraph_vector_int_init(&m_value, size) != IGRAPH_SUCCESS)
            throw std::bad_alloc();
    }
    ~IgraphIntVector() { igraph_vector_int_destroy(&m_value); }
    IgraphIntVector(const IgraphIntVector &) = delete;
    IgraphIntVector &operator=(const IgraphIntVector &) = delete;

    igraph_vector_int_t *get() { return &m_value; }
    const igraph_vector_int_t *get() const { return &m_value; }
    igraph_integer_t size() const { return igraph_vector_int_size(&m_value); }
    igraph_integer_t &operator[](igraph_integer_t i) { return VECTOR(m_value)[i]; }
    igraph_integer_t operator[](igraph_integer_t i) const { return VECTOR(m_value)[i]; }

private:
    igraph_vector_int_t m_value;
};

// igraph_matrix_t: layouts (one row per node: x, y).
class IgraphMatrix
{
public:
    IgraphMatrix(igraph_integer_t rows, igraph_integer_t columns)
    {
        if (igraph_matrix_init(&m_value, rows, columns) != IGRAPH_SUCCESS)
            throw std::bad_alloc();
    }
    ~IgraphMatrix() { igraph_matrix_destroy(&m_value); }
    IgraphMatrix(const IgraphMatrix &) = delete;
    IgraphMatrix &operator=(const IgraphMatrix &) = delete;

    igraph_matrix_t *get() { return &m_value; }
    igraph_integer_t rows() const { return igraph_matrix_nrow(&m_value); }
    igraph_real_t operator()(igraph_integer_t row, igraph_integer_t column) const
    {
        return MATRIX(m_value, row, column);
    }

private:
    igraph_matrix_t m_value;
};

} // namespace gw
