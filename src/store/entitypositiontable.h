#pragma once
// Table entity_positions: where each entity sits in the saved graph layout.
#include <QList>
#include <QString>

namespace gw {

class ProjectStore;

struct EntityPosition
{
    QString entityId;
    double x = 0;
    double y = 0;
};

class EntityPositionTable
{
public:
    explicit EntityPositionTable(ProjectStore &store) : m_store(store) {}

    // Inserts or replaces these positions in one transaction on the writer. Positions of entities
    // removed meanwhile are skipped. Blocks; throws StoreError.
    void save(const QList<EntityPosition> &positions) const;
    // Every stored position. Blocks; throws StoreError.
    QList<EntityPosition> load() const;

private:
    ProjectStore &m_store;
};

} // namespace gw
