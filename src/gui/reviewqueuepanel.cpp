#include "reviewqueuepanel.h"

#include "curationcontroller.h"
#include "graphworkspace.h"
#include "reviewqueuemodel.h"
#include "graph/curationrules.h"
#include "graph/mergesuggestions.h"
#include "pipeline/projectgraph.h"

#include <QAction>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace gw {

namespace {

constexpr int suggestionLimit = 200;

QAction *keyAction(QWidget *owner, const QString &text, const QString &name, const QList<QKeySequence> &keys)
{
    auto *action = new QAction(text, owner);
    action->setObjectName(name);
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut); // only while the queue has focus
    owner->addAction(action);
    return action;
}

QToolButton *buttonFor(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

// One side's evidence: who it is, how it was written, and a few sentences, the mention in bold.
QString evidenceHtml(const EntityProvenance &side)
{
    if (!side.found())
        return ReviewQueuePanel::tr("<p>Not in the project any more.</p>");
    QString html = QStringLiteral("<p>%1</p>")
                       .arg(ReviewQueuePanel::tr("%n mentions in %1 documents", nullptr, int(side.mentionCount()))
                                .arg(side.documentCount()));
    if (side.aliases().size() > 1)
        html += QStringLiteral("<p>%1 %2</p>")
                    .arg(ReviewQueuePanel::tr("Written as:"),
                         side.aliases().mid(0, 8).join(QStringLiteral(", ")).toHtmlEscaped());
    for (const ProvenanceDocument &document : side.documents()) {
        html += QStringLiteral("<p style='margin-top:8px'><i>%1</i></p>")
                    .arg(QFileInfo(document.path).fileName().toHtmlEscaped());
        for (const ProvenanceSnippet &snippet : document.snippets) {
            // Marks that cannot occur in text, escaped around, then made bold.
            QString sentence = snippet.markedSentence(QStringLiteral("\x01"), QStringLiteral("\x02")).toHtmlEscaped();
            sentence.replace(QLatin1Char('\x01'), QStringLiteral("<b>"))
                .replace(QLatin1Char('\x02'), QStringLiteral("</b>"));
            html += QStringLiteral("<p style='margin-left:8px'>%1</p>").arg(sentence);
        }
    }
    QStringList neighbours;
    for (const ProvenanceNeighbour &neighbour : side.neighbours())
        if (neighbours.size() < 8 && !neighbours.contains(neighbour.name))
            neighbours << neighbour.name;
    if (!neighbours.isEmpty())
        html += QStringLiteral("<p style='margin-top:8px'>%1 %2</p>")
                    .arg(ReviewQueuePanel::tr("Related to:"), neighbours.join(QStringLiteral(", ")).toHtmlEscaped());
    return html;
}

QString titleOf(const QString &role, const QString &name, const QString &type)
{
    return QStringLiteral("<b>%1</b> %2 <span style='color:gray'>%3</span>")
        .arg(role, name.toHtmlEscaped(), type.toHtmlEscaped());
}

} // namespace

ReviewQueuePanel::ReviewQueuePanel(GraphWorkspace *workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_model(new ReviewQueueModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reviewStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_table = new QTableView(splitter);
    m_table->setObjectName(QStringLiteral("reviewTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(ReviewQueueModel::MergeColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ReviewQueueModel::KeepColumn, QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);

    auto *evidence = new QWidget(splitter);
    auto *evidenceLayout = new QVBoxLayout(evidence);
    evidenceLayout->setContentsMargins(0, 0, 0, 0);
    m_reason = new QLabel(evidence);
    m_reason->setObjectName(QStringLiteral("reviewReason"));
    m_reason->setWordWrap(true);
    evidenceLayout->addWidget(m_reason);
    auto *sides = new QWidget(evidence);
    evidenceLayout->addWidget(sides, 1);
    auto *sidesLayout = new QHBoxLayout(sides);
    sidesLayout->setContentsMargins(0, 0, 0, 0);
    auto makeSide = [sides, sidesLayout](QLabel *&title, QTextBrowser *&evidence, const QString &name) {
        auto *column = new QVBoxLayout;
        title = new QLabel(sides);
        title->setWordWrap(true);
        evidence = new QTextBrowser(sides);
        evidence->setObjectName(name);
        evidence->setOpenLinks(false);
        column->addWidget(title);
        column->addWidget(evidence, 1);
        sidesLayout->addLayout(column, 1);
    };
    makeSide(m_mergeTitle, m_mergeEvidence, QStringLiteral("mergeEvidence"));
    makeSide(m_keepTitle, m_keepEvidence, QStringLiteral("keepEvidence"));
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);

    m_accept = keyAction(this, tr("&Merge"), QStringLiteral("reviewAccept"),
                         {QKeySequence(Qt::Key_A), QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_accept->setToolTip(tr("Merge the left entity into the right one (A or Return; undo with Ctrl+Z)"));
    m_acceptReversed = keyAction(this, tr("The &Other Way"), QStringLiteral("reviewAcceptReversed"),
                                 {QKeySequence(Qt::SHIFT | Qt::Key_A)});
    m_acceptReversed->setToolTip(tr("Merge the right entity into the left one, whose name stays (Shift+A)"));
    m_reject = keyAction(this, tr("&Not the Same"), QStringLiteral("reviewReject"),
                         {QKeySequence(Qt::Key_R), QKeySequence(Qt::Key_Delete)});
    m_reject->setToolTip(tr("They are different: never propose this pair again (R or Delete)"));
    m_skip = keyAction(this, tr("&Skip"), QStringLiteral("reviewSkip"), {QKeySequence(Qt::Key_S)});
    m_skip->setToolTip(tr("Decide later (S)"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(buttonFor(m_accept, this));
    buttons->addWidget(buttonFor(m_acceptReversed, this));
    buttons->addWidget(buttonFor(m_reject, this));
    buttons->addWidget(buttonFor(m_skip, this));
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_accept, &QAction::triggered, this, [this] { acceptSelected(false); });
    connect(m_acceptReversed, &QAction::triggered, this, [this] { acceptSelected(true); });
    connect(m_reject, &QAction::triggered, this, &ReviewQueuePanel::rejectSelected);
    connect(m_skip, &QAction::triggered, this, &ReviewQueuePanel::skipSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        showEvidence();
    });
    connect(m_workspace, &GraphWorkspace::loaded, this, &ReviewQueuePanel::refresh);
    connect(m_workspace, &GraphWorkspace::curatedShown, this, &ReviewQueuePanel::refresh);
    setFocusProxy(m_table); // the keys act on the pair selected there
    updateActions();
    m_status->setText(tr("Likely duplicates appear here when a project is open."));
}

ReviewQueuePanel::~ReviewQueuePanel() = default;

void ReviewQueuePanel::refresh()
{
    m_stale = true;
    find();
}

QCoro::Task<> ReviewQueuePanel::find()
{
    QPointer<ReviewQueuePanel> self(this);
    const KnowledgeGraph graph = m_workspace->graph();
    const QSet<QString> rejected = MergeSuggestions::rejectedPairs(m_workspace->curation()->activeEdits());
    auto work = [graph, rejected] { return MergeSuggestions::find(graph, rejected, suggestionLimit); };
    const LatestOnly::Ticket ticket = m_finds.start();
    const JobResult<QList<MergeSuggestion>> found =
        co_await tryOffThread(tr("find likely duplicates"), ticket.token(), work);
    if (!self || !ticket.isLatest())
        co_return;
    if (!found.value) {
        m_status->setText(tr("Cannot look for duplicates: %1").arg(found.error));
        co_return;
    }
    // The pair looked at stays selected when it is still proposed.
    const int current = selectedRow();
    const QString key = current >= 0 ? m_model->pair(current).key() : QString();
    m_model->setSuggestions(graph, *found.value);
    m_stale = false;
    const int again = m_model->rowOf(key);
    select(again >= 0 ? again : std::min(std::max(current, 0), m_model->rowCount() - 1));
    m_status->setText(m_model->rowCount() == 0
                          ? (graph.nodeCount() == 0 ? tr("No graph to review.") : tr("No likely duplicates left."))
                          : tr("%n likely duplicates, the surest first. A or Return merges the left one into the "
                               "right one, Shift+A the other way round, R or Delete says they differ, S skips. "
                               "Ctrl+Z undoes.",
                               nullptr, m_model->rowCount()));
    Q_EMIT suggestionsShown();
}

int ReviewQueuePanel::selectedRow() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() && m_table->selectionModel()->isRowSelected(current.row()) ? current.row() : -1;
}

void ReviewQueuePanel::select(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        m_table->selectionModel()->clearCurrentIndex();
        m_table->clearSelection();
        updateActions();
        showEvidence();
        return;
    }
    const QModelIndex index = m_model->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void ReviewQueuePanel::updateActions()
{
    // Nothing to decide without a project (a closed one's pairs may still be listed).
    const bool any = selectedRow() >= 0 && m_workspace->projectGraph();
    for (QAction *action : {m_accept, m_acceptReversed, m_reject, m_skip})
        action->setEnabled(any);
}

QCoro::Task<> ReviewQueuePanel::showEvidence()
{
    const int row = selectedRow();
    std::shared_ptr<ProjectGraph> project =
        m_workspace->projectGraph() ? m_workspace->projectGraph()->shared_from_this() : nullptr;
    if (row < 0 || !project) {
        m_keepTitle->clear();
        m_mergeTitle->clear();
        m_reason->clear();
        m_keepEvidence->clear();
        m_mergeEvidence->clear();
        co_return;
    }
    const ReviewPair pair = m_model->pair(row);
    m_mergeTitle->setText(titleOf(tr("Merge"), pair.merge.name, pair.merge.type));
    m_keepTitle->setText(titleOf(tr("Into"), pair.keep.name, pair.keep.type));
    m_reason->setText(tr("<b>Why:</b> %1").arg(pair.reason.toHtmlEscaped()));
    m_mergeEvidence->setHtml(tr("<p>Reading…</p>"));
    m_keepEvidence->setHtml(tr("<p>Reading…</p>"));
    QPointer<ReviewQueuePanel> self(this);
    const JobResult<EntityComparison> read =
        co_await project->compareEntities(pair.merge.id, pair.merge.mergedIds, pair.keep.id, pair.keep.mergedIds);
    if (!self || read.end == JobEnd::Superseded)
        co_return;
    if (!read.value) {
        if (read.end == JobEnd::Failed)
            m_mergeEvidence->setHtml(tr("<p>Cannot read the evidence: %1</p>").arg(read.error.toHtmlEscaped()));
        co_return;
    }
    m_mergeEvidence->setHtml(evidenceHtml(read.value->first));
    m_keepEvidence->setHtml(evidenceHtml(read.value->second));
    Q_EMIT evidenceShown();
}

void ReviewQueuePanel::acceptSelected(bool reversed)
{
    const int row = selectedRow();
    if (row < 0 || !m_workspace->projectGraph())
        return;
    const ReviewPair pair = m_model->pair(row);
    const ReviewPair::Side &from = reversed ? pair.keep : pair.merge, &into = reversed ? pair.merge : pair.keep;
    m_workspace->curation()->apply(CurationRules::merge({from.id}, into.id, {}, {}, {from.name, into.name}));
    decided(row);
}

void ReviewQueuePanel::rejectSelected()
{
    const int row = selectedRow();
    if (row < 0 || !m_workspace->projectGraph())
        return;
    const ReviewPair pair = m_model->pair(row);
    m_workspace->curation()->apply(
        CurationRules::distinct(pair.keep.id, pair.merge.id, pair.keep.name, pair.merge.name));
    decided(row);
}

void ReviewQueuePanel::skipSelected()
{
    const int row = selectedRow();
    if (row >= 0)
        select(row + 1 < m_model->rowCount() ? row + 1 : 0);
}

void ReviewQueuePanel::decided(int row)
{
    // Gone from the list at once; the next pair is the one to look at. The graph shows the edit
    // a moment later, and the queue is found again then.
    m_model->removePair(row);
    select(std::min(row, m_model->rowCount() - 1));
}

} // namespace gw
