#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTableView;
class QToolBar;

namespace gw {

class IngestJob;
class JobsModel;

// The Jobs view: every document of the ingest job with its state, progress, time and error, a
// summary line, and the details of the selected document. Cancel, Retry, Cancel All and Clear
// Finished act on the job directly; each is enabled only when it would do something.
class JobsView : public QWidget
{
    Q_OBJECT

public:
    explicit JobsView(QWidget *parent = nullptr);
    ~JobsView() override;

    // Not owned. nullptr shows an empty view.
    void setJob(IngestJob *job);
    IngestJob *job() const;

    JobsModel *model() const { return m_model; }
    QTableView *tableView() const { return m_table; }
    QLabel *summaryLabel() const { return m_summary; }
    QPlainTextEdit *detailsPane() const { return m_details; }

    QAction *cancelAction() const { return m_cancel; } // Delete
    QAction *retryAction() const { return m_retry; }   // Ctrl+R
    QAction *cancelAllAction() const { return m_cancelAll; }
    QAction *clearFinishedAction() const { return m_clearFinished; }

    // Document ids of the selected rows, in view order.
    QList<quint64> selectedDocumentIds() const;

private:
    void cancelSelected();
    // The Cancel / Retry button of one row was clicked.
    void actOnRow(const QModelIndex &proxyIndex);
    void retrySelected();
    void cancelAll();
    void clearFinished();
    void updateActions();
    void updateDetails();
    QList<int> selectedSourceRows() const;

    JobsModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QToolBar *m_toolBar = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_retry = nullptr;
    QAction *m_cancelAll = nullptr;
    QAction *m_clearFinished = nullptr;
};

} // namespace gw
