#pragma once
// The window's side of curation: every edit of the graph (merge, rename, retype, hide) goes
// through a QUndoStack whose commands write to the project (ProjectGraph::addCuration, undo,
// redo: queued on the project's single writer, in order, never blocking this thread). The stack
// is filled from the project's history when a project opens, so undo works across a restart.
#include "store/curationtable.h"

#include <QCoroTask>
#include <QObject>

#include <memory>

QT_BEGIN_NAMESPACE
class QUndoStack;
QT_END_NAMESPACE

namespace gw {

class ProjectGraph;

class CurationController : public QObject
{
    Q_OBJECT

public:
    explicit CurationController(QObject *parent = nullptr);
    ~CurationController() override;

    QUndoStack *undoStack() const { return m_stack; }
    // Shows `project`'s history (read off this thread); null: none.
    QCoro::Task<> setProjectGraph(std::shared_ptr<ProjectGraph> project);
    // Applies an edit as one undoable step; several edits as one step named `text`.
    void apply(const CurationEdit &edit);
    void apply(const QList<CurationEdit> &edits, const QString &text);
    // Writes queued and not yet done.
    int pendingWrites() const { return m_pending; }
    // The edits in force as the stack shows them (written or about to be), in order.
    QList<CurationEdit> activeEdits() const;

Q_SIGNALS:
    void editsChanged();             // activeEdits() changed: an edit, undo or redo (not yet written)
    void edited();                   // an edit, undo or redo is in the project
    void failed(const QString &why); // a write failed; the history was read again from the project
    void historyLoaded();

private:
    friend class CurationCommand;
    enum class Step { Add, Undo, Redo };
    void write(Step step, const CurationEdit &edit = {});
    QCoro::Task<> run(Step step, CurationEdit edit);
    QCoro::Task<> loadHistory();

    QUndoStack *m_stack;
    std::shared_ptr<ProjectGraph> m_project;
    bool m_loading = false; // filling the stack from the project: commands write nothing
    int m_pending = 0;
    int m_generation = 0; // bumped per project: late answers about the previous one are dropped
};

} // namespace gw
