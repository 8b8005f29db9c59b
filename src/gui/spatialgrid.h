#pragma once
// A uniform grid over node positions, for hit testing and viewport culling of the graph view.
// Built once per layout (linear); queries visit only the cells a rectangle overlaps.
#include <QPointF>
#include <QRectF>

#include <vector>

namespace gw {

class SpatialGrid
{
public:
    // Indexes `points` (non-finite ones are left out), about `perCell` points to a cell.
    void build(const std::vector<QPointF> &points, int perCell = 4);
    void clear();

    QRectF bounds() const { return m_bounds; }
    // Calls visit(index) for every indexed point in the cells `rect` overlaps (a superset of the
    // points inside `rect`: callers test exactly).
    template<typename Visit>
    void query(const QRectF &rect, Visit &&visit) const
    {
        if (m_cells.empty() || !rect.intersects(m_bounds.adjusted(-1e-9, -1e-9, 1e-9, 1e-9)))
            return;
        const int x0 = column(rect.left()), x1 = column(rect.right());
        const int y0 = row(rect.top()), y1 = row(rect.bottom());
        for (int y = y0; y <= y1; ++y) {
            for (int x = x0; x <= x1; ++x) {
                const int cell = y * m_columns + x;
                for (int i = m_cells[cell]; i < m_cells[cell + 1]; ++i)
                    visit(m_items[i]);
            }
        }
    }
    // How many cells `rect` overlaps: the cost of query().
    qint64 cellsOverlapping(const QRectF &rect) const;

private:
    int column(double x) const;
    int row(double y) const;

    QRectF m_bounds;
    double m_cellSize = 1;
    int m_columns = 0;
    int m_rows = 0;
    std::vector<int> m_cells; // start of each cell in m_items, plus the end
    std::vector<int> m_items;
};

} // namespace gw
