#pragma once
// The review queue: likely duplicates in the graph shown (MergeSuggestions, found off the GUI
// thread whenever the graph or its edits change), the evidence of both sides side by side, and
// a decision per pair from the keyboard: A (or Return) merges, Shift+A merges the other way
// round, R (or Delete) says "not the same"
// (a 'distinct' edit: the pair is not proposed again), S skips. Both are curation edits through
// the workspace's undo stack.
#include "core/latestonly.h"

#include <QWidget>

class QAction;
class QLabel;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace gw {

class GraphWorkspace;
class ReviewQueueModel;
struct ReviewPair;

class ReviewQueuePanel : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewQueuePanel(GraphWorkspace *workspace, QWidget *parent = nullptr);
    ~ReviewQueuePanel() override;

    // Finds the suggestions again (done by itself when the graph or the edits change).
    void refresh();
    // Decides the selected pair and moves to the next one. `reversed`: the right one joins the
    // left one (whose name stays), for a pair whose better name has fewer mentions.
    void acceptSelected(bool reversed = false);
    void rejectSelected();
    void skipSelected();

    ReviewQueueModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QTextBrowser *keepEvidence() const { return m_keepEvidence; }
    QTextBrowser *mergeEvidence() const { return m_mergeEvidence; }
    QAction *acceptAction() const { return m_accept; }
    QAction *acceptReversedAction() const { return m_acceptReversed; }
    QAction *rejectAction() const { return m_reject; }
    QAction *skipAction() const { return m_skip; }

Q_SIGNALS:
    void suggestionsShown(); // the model holds the suggestions of the graph shown now
    void evidenceShown();    // both sides of the selected pair are shown

private:
    QCoro::Task<> find();
    QCoro::Task<> showEvidence();
    void decided(int row);
    void select(int row);
    int selectedRow() const;
    void updateActions();

    GraphWorkspace *m_workspace;
    ReviewQueueModel *m_model;
    QTableView *m_table;
    QLabel *m_status;
    QLabel *m_reason;
    QTextBrowser *m_keepEvidence;
    QTextBrowser *m_mergeEvidence;
    QLabel *m_keepTitle;
    QLabel *m_mergeTitle;
    QAction *m_accept;
    QAction *m_acceptReversed;
    QAction *m_reject;
    QAction *m_skip;
    LatestOnly m_finds;
    bool m_stale = true; // the graph changed while the panel was hidden
};

} // namespace gw
