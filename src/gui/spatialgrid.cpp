#include "spatialgrid.h"

#include <algorithm>
#include <cmath>

namespace gw {

void SpatialGrid::clear()
{
    m_bounds = {};
    m_columns = m_rows = 0;
    m_cells.clear();
    m_items.clear();
}

void SpatialGrid::build(const std::vector<QPointF> &points, int perCell)
{
    clear();
    double left = INFINITY, top = INFINITY, right = -INFINITY, bottom = -INFINITY;
    qint64 count = 0;
    for (const QPointF &p : points) {
        if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
            continue;
        left = std::min(left, p.x());
        right = std::max(right, p.x());
        top = std::min(top, p.y());
        bottom = std::max(bottom, p.y());
        ++count;
    }
    if (count == 0)
        return;
    m_bounds = QRectF(QPointF(left, top), QPointF(right, bottom));
    const double width = std::max(m_bounds.width(), 1e-9), height = std::max(m_bounds.height(), 1e-9);
    const double cells = std::max<double>(1, double(count) / std::max(1, perCell));
    m_cellSize = std::max(std::sqrt(width * height / cells), std::max(width, height) / 4096);
    m_columns = std::max(1, int(std::ceil(width / m_cellSize)));
    m_rows = std::max(1, int(std::ceil(height / m_cellSize)));
    m_cells.assign(size_t(m_columns) * m_rows + 1, 0);
    // Counting sort into cells: two passes, no per-cell allocation.
    std::vector<int> cellOf(points.size(), -1);
    for (size_t i = 0; i < points.size(); ++i) {
        const QPointF &p = points[i];
        if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
            continue;
        cellOf[i] = row(p.y()) * m_columns + column(p.x());
        ++m_cells[cellOf[i] + 1];
    }
    for (size_t c = 1; c < m_cells.size(); ++c)
        m_cells[c] += m_cells[c - 1];
    m_items.resize(size_t(count));
    std::vector<int> fill(m_cells.begin(), m_cells.end() - 1);
    for (size_t i = 0; i < points.size(); ++i) {
        if (cellOf[i] >= 0)
            m_items[fill[cellOf[i]]++] = int(i);
    }
}

int SpatialGrid::column(double x) const
{
    return std::clamp(int(std::floor((x - m_bounds.left()) / m_cellSize)), 0, m_columns - 1);
}

int SpatialGrid::row(double y) const
{
    return std::clamp(int(std::floor((y - m_bounds.top()) / m_cellSize)), 0, m_rows - 1);
}

qint64 SpatialGrid::cellsOverlapping(const QRectF &rect) const
{
    if (m_cells.empty())
        return 0;
    return qint64(column(rect.right()) - column(rect.left()) + 1) * (row(rect.bottom()) - row(rect.top()) + 1);
}

} // namespace gw
