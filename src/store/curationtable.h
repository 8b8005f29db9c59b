#pragma once
// Table curation_edits: the edits people make to the graph (merge, rename, retype, hide), in
// order, with a linear undo history that lives in the project (so it survives a restart).
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace gw {

class ProjectConnection;
class ProjectStore;

struct CurationEdit
{
    qint64 id = 0;
    QString kind;        // "merge", "rename", "retype", "hide", "unhide" (see CurationRules)
    QJsonObject payload; // entity ids and the new name or type
    QString createdAt;   // ISO 8601, UTC
    bool undone = false;
};

class CurationTable
{
public:
    explicit CurationTable(ProjectStore &store) : m_store(store) {}

    // Every edit in the order it was made, undone ones included. Blocks; throws StoreError.
    QList<CurationEdit> edits() const;
    // The edits in force, in order.
    QList<CurationEdit> activeEdits() const;
    // Appends edits as one step each; undone edits (what redo would bring back) are dropped
    // first, as in any editor. Returns the new ids. On the writer; blocks; throws StoreError.
    QList<qint64> add(const QList<CurationEdit> &edits) const;
    // Undoes the latest edit in force / redoes the earliest undone one; nullopt when there is
    // none. On the writer; blocks; throws StoreError.
    std::optional<CurationEdit> undo() const;
    std::optional<CurationEdit> redo() const;

    // The same steps inside a write transaction of the caller's, for a write queued on the
    // writer without blocking (ProjectStore::writeTransaction): the window's edits.
    static QList<qint64> addIn(ProjectConnection &connection, const QList<CurationEdit> &edits);
    static std::optional<CurationEdit> undoIn(ProjectConnection &connection);
    static std::optional<CurationEdit> redoIn(ProjectConnection &connection);

private:
    static std::optional<CurationEdit> flipIn(ProjectConnection &connection, bool undo);

    ProjectStore &m_store;
};

} // namespace gw
