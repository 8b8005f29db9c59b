#pragma once
// What the project holds about one entity, read inside one snapshot: its name and type, its
// mentions with their documents, the documents' texts (one at a time, so a large project is not
// read whole) and its relations summed per neighbour. EntityProvenance builds the details panel
// from these.
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace gw {

class ProjectConnection;
class ProjectStore;

struct StoredEntityName
{
    QString name;
    QString type;
};

struct StoredMentionSpan
{
    qint64 documentId = 0;
    QString documentPath;
    qint64 start = 0; // document text offsets
    qint64 end = 0;
};

struct StoredNeighbour
{
    QString relationType;
    bool outgoing = true; // the entity asked about is the subject
    QString id, name, type;
    qint64 weight = 0; // evidence rows
};

class EntityEvidenceReader
{
public:
    // Runs `read` with a reader whose every query sees the same snapshot of the project. Blocks;
    // throws StoreError (and whatever `read` throws).
    static void inSnapshot(ProjectStore &store, const std::function<void(EntityEvidenceReader &)> &read);
    ~EntityEvidenceReader();

    std::optional<StoredEntityName> entity(const QString &entityId);
    // The mentions of any of `entityIds`, ordered by document, then start and end.
    QList<StoredMentionSpan> mentions(const QStringList &entityIds);
    // The document's text; empty when it has none. `path` names it in an error.
    QString documentText(qint64 documentId, const QString &path);
    // Relations of `entityId` grouped by (type, direction, other entity), heaviest first.
    QList<StoredNeighbour> neighbours(const QString &entityId, int limit);

private:
    explicit EntityEvidenceReader(ProjectConnection &connection);
    struct Queries;
    ProjectConnection &m_connection;
    std::unique_ptr<Queries> m_queries; // prepared once per snapshot
};

} // namespace gw
