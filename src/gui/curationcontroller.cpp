#include "curationcontroller.h"

#include "graph/curationrules.h"
#include "pipeline/projectgraph.h"

#include <QPointer>

#include <functional>
#include <QUndoCommand>
#include <QUndoStack>

namespace gw {

// One edit. Its first redo() is the edit itself (written when pushed); later ones redo it.
class CurationCommand : public QUndoCommand
{
public:
    CurationCommand(CurationController &controller, CurationEdit edit, QUndoCommand *parent = nullptr)
        : QUndoCommand(CurationRules::describe(edit), parent), m_controller(controller), m_edit(std::move(edit))
    {}

    void redo() override
    {
        if (m_controller.m_loading) {
            m_written = true; // already in the project
            return;
        }
        m_controller.write(m_written ? CurationController::Step::Redo : CurationController::Step::Add, m_edit);
        m_written = true;
    }
    void undo() override
    {
        if (!m_controller.m_loading)
            m_controller.write(CurationController::Step::Undo);
    }
    const CurationEdit &edit() const { return m_edit; }

private:
    CurationController &m_controller;
    const CurationEdit m_edit;
    bool m_written = false;
};

// Several edits as one step: its children are written (and undone) one by one, in order.
class CurationMacro : public QUndoCommand
{
public:
    using QUndoCommand::QUndoCommand;
};

CurationController::CurationController(QObject *parent) : QObject(parent), m_stack(new QUndoStack(this))
{
    connect(m_stack, &QUndoStack::indexChanged, this, [this] {
        if (!m_loading)
            Q_EMIT editsChanged();
    });
}

QList<CurationEdit> CurationController::activeEdits() const
{
    QList<CurationEdit> edits;
    const std::function<void(const QUndoCommand *)> collect = [&](const QUndoCommand *command) {
        if (const auto *edit = dynamic_cast<const CurationCommand *>(command))
            edits.append(edit->edit());
        for (int i = 0; i < command->childCount(); ++i)
            collect(command->child(i));
    };
    for (int i = 0; i < m_stack->index(); ++i)
        collect(m_stack->command(i));
    return edits;
}

CurationController::~CurationController() = default;

QCoro::Task<> CurationController::setProjectGraph(std::shared_ptr<ProjectGraph> project)
{
    ++m_generation;
    m_loading = true;
    m_stack->clear();
    m_loading = false;
    m_project = std::move(project);
    if (m_project)
        co_await loadHistory();
}

QCoro::Task<> CurationController::loadHistory()
{
    QPointer<CurationController> self(this);
    const int generation = m_generation;
    std::shared_ptr<ProjectGraph> project = m_project;
    const JobResult<QList<CurationEdit>> history = co_await project->curationHistory();
    if (!self || generation != m_generation || !history.value)
        co_return;
    m_loading = true;
    m_stack->clear();
    int undone = 0;
    for (const CurationEdit &edit : *history.value) {
        m_stack->push(new CurationCommand(*this, edit));
        undone += edit.undone ? 1 : 0;
    }
    m_stack->setIndex(m_stack->count() - undone); // the undone ones stay for redo
    m_stack->setClean();
    m_loading = false;
    Q_EMIT historyLoaded();
}

void CurationController::apply(const CurationEdit &edit)
{
    if (m_project)
        m_stack->push(new CurationCommand(*this, edit));
}

void CurationController::apply(const QList<CurationEdit> &edits, const QString &text)
{
    if (!m_project || edits.isEmpty())
        return;
    if (edits.size() == 1) {
        apply(edits.first());
        return;
    }
    auto *macro = new CurationMacro(text);
    for (const CurationEdit &edit : edits)
        new CurationCommand(*this, edit, macro);
    m_stack->push(macro);
}

void CurationController::write(Step step, const CurationEdit &edit)
{
    run(step, edit);
}

QCoro::Task<> CurationController::run(Step step, CurationEdit edit)
{
    QPointer<CurationController> self(this);
    std::shared_ptr<ProjectGraph> project = m_project;
    const int generation = m_generation;
    if (!project)
        co_return;
    ++m_pending;
    QString error;
    try {
        // Each call is queued on the writer before the first suspension: order is kept.
        if (step == Step::Add)
            co_await project->addCuration(edit);
        else if (step == Step::Undo)
            co_await project->undoCuration();
        else
            co_await project->redoCuration();
    } catch (const std::exception &failure) {
        error = QString::fromUtf8(failure.what());
    }
    if (!self)
        co_return;
    --m_pending;
    if (generation != m_generation)
        co_return;
    if (!error.isEmpty()) {
        co_await loadHistory(); // the stack shows what the project holds again
        if (!self)
            co_return;
        Q_EMIT editsChanged();
        Q_EMIT failed(error);
    }
    if (m_pending == 0) // one reload after a burst of steps (a macro, quick undos)
        Q_EMIT edited();
}

} // namespace gw
