#pragma once

#include "pipeline/documentprogress.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QElapsedTimer>
#include <QList>
#include <QMetaObject>
#include <QPointer>

#include <deque>

class QTimer;

namespace gw {

class IngestJob;

// The documents of one IngestJob as a table, one row per document in the job's row order.
//
// Sampled, not pushed: a timer (100 ms by default) copies job->snapshot() and emits dataChanged
// only for rows whose visible values changed, contiguous rows in one signal. Workers never cause
// a signal of their own, so 10,000 documents cost the GUI ten small diffs a second.
class JobsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        FormatColumn,
        SizeColumn,
        StateColumn,
        ProgressColumn,
        ElapsedColumn,
        ActionColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role {
        DocumentIdRole = Qt::UserRole + 1, // quint64, stable while the job lives
        StateRole,                         // int(DocumentState)
        ProgressRole,                      // double 0..1 within the current stage
        SortRole,                          // raw value to sort the column by (bytes, ms, ...)
    };

    explicit JobsModel(QObject *parent = nullptr);
    ~JobsModel() override;

    // Not owned. nullptr empties the model.
    void setJob(IngestJob *job);
    IngestJob *job() const;

    // Sampling period; 0 stops the timer (call refresh() yourself).
    void setSampleInterval(int ms);
    int sampleInterval() const;
    // Takes one sample now: appends new rows, emits dataChanged for changed ones.
    void refresh();

    // The cached copy of a row, as last sampled.
    const DocumentSnapshot &document(int row) const { return m_rows.at(row); }
    // Row of a document id, -1 when absent.
    int rowOf(quint64 id) const;

    // One line: "Documents: 12 · 3 running, 5 queued, 3 done, 1 failed · 4.2 MB/s".
    QString summaryText() const { return m_summary; }

    static QString stateText(DocumentState state);
    static QColor stateColor(DocumentState state);
    static QString formatElapsed(qint64 ms);
    static QString actionText(DocumentState state); // "Cancel", "Retry" or nothing

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void summaryChanged(const QString &text);

private:
    void resetFromJob();
    void updateSummary();
    QVariant displayData(const DocumentSnapshot &row, int column) const;
    QVariant sortData(const DocumentSnapshot &row, int column) const;

    QPointer<IngestJob> m_job;
    QList<QMetaObject::Connection> m_connections;
    QTimer *m_timer = nullptr;
    QList<DocumentSnapshot> m_rows;
    QString m_summary;

    // Recent (ms, bytesRead) samples: throughput is measured over the last second or so.
    struct RateSample
    {
        qint64 ms;
        qint64 bytes;
    };
    std::deque<RateSample> m_rateSamples;
    QElapsedTimer m_clock;
};

} // namespace gw
