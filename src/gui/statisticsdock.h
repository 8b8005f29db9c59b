#pragma once

#include "core/eventlooplagprobe.h"
#include "core/stagestats.h"
#include "extract/remotepricing.h"
#include "extract/remoteusage.h"
#include "pipeline/remotecostestimator.h"

#include <QDockWidget>
#include <QElapsedTimer>
#include <QList>
#include <QPointer>
#include <QSet>

#include <deque>

QT_BEGIN_NAMESPACE
class QChart;
class QFormLayout;
class QGridLayout;
class QLabel;
class QLineSeries;
class QTimer;
class QValueAxis;
QT_END_NAMESPACE

namespace gw {

class IngestJob;

// What the statistics dock shows, as numbers (the labels are these, formatted).
struct StatisticsFigures
{
    int workersBusy = 0;           // documents in flight now
    int poolSize = 0;              // documents allowed at once (the job's --jobs)
    int queued = 0;                // documents waiting for a worker
    int peakConcurrency = 0;       // most documents in flight at once, this job's life
    double documentsPerSecond = 0; // finished documents, over about the last second
    double megabytesPerSecond = 0; // bytes read (1 MB = 10^6 bytes)
    double wordsPerSecond = 0;
    // Stage busy time ÷ wall time of the current (or last) busy period; < 0 before any work.
    double effectiveParallelism = -1;
    // Σ document time ÷ wall time of the last finished job: an estimate of its speedup against
    // one worker; < 0 before a job finished.
    double lastJobSpeedup = -1;
    EventLoopLagSnapshot lag;
    QList<StageSnapshot> stages;
    bool remoteExtraction = false; // the job asks a remote extractor
    RemoteUsage remote;            // what it cost, over the job's documents (IngestSummary::remote)
    RemotePricing pricing;         // set: the running cost is shown next to the tokens
    // The estimate of the batches added to this job with the remote extractor on (none: 0 calls).
    RemoteCostEstimate estimate;
};

// Live figures of an ingest job, sampled ten times a second: how busy the workers are, how fast
// documents go through, where the time goes per stage, how late the GUI's event loop runs, what
// remote extraction costs (requests, cache hits, fallbacks, tokens), and a five-minute chart of
// throughput and busy workers.
class StatisticsDock : public QDockWidget
{
    Q_OBJECT
public:
    static constexpr int SampleIntervalMs = 100;
    static constexpr int RateWindowMs = 1000;   // rates are averaged over this long
    static constexpr int HistorySeconds = 300;  // the chart's width
    static constexpr int ChartIntervalMs = 500; // between the chart's points

    explicit StatisticsDock(QWidget *parent = nullptr);
    ~StatisticsDock() override;

    // Either may be null; neither is owned. The dock forgets a job or probe that is destroyed.
    void setJob(IngestJob *job);
    IngestJob *job() const;
    void setLagProbe(EventLoopLagProbe *probe);
    EventLoopLagProbe *lagProbe() const;

    const StatisticsFigures &figures() const { return m_figures; }

    // Prices for the running cost and the estimate (Preferences); not set: no cost shown.
    void setRemotePricing(const RemotePricing &pricing);
    // Adds the estimate of a batch just added to the job (RemoteCostEstimator); setJob() clears it.
    void addRemoteEstimate(const RemoteCostEstimate &estimate);

    // Takes a sample now (the timer does it every SampleIntervalMs).
    void sample();

Q_SIGNALS:
    // A sample was taken and shown.
    void sampled();

private:
    struct RateSample
    {
        qint64 ms = 0;
        qint64 finished = 0;
        qint64 bytes = 0;
        qint64 words = 0;
    };
    struct ChartPoint
    {
        qint64 ms = 0;
        double megabytesPerSecond = 0;
        double workersBusy = 0;
    };

    void buildChart();
    QLabel *addFigure(const QString &objectName, const QString &label, const QString &toolTip);
    void sampleJob();
    void jobBecameIdle();
    void restartBusyPeriod();
    void updateLabels();
    void updateStageRows();
    void appendChartPoint();

    QPointer<IngestJob> m_job;
    QPointer<EventLoopLagProbe> m_lagProbe;
    QTimer *m_timer;
    QElapsedTimer m_clock;
    StatisticsFigures m_figures;

    std::deque<RateSample> m_rates;
    qint64 m_busyBaselineUs = 0;      // stage busy time when the busy period began
    QSet<quint64> m_countedDocuments; // finished documents counted in an earlier speedup
    std::deque<ChartPoint> m_history;
    qint64 m_lastChartMs = -1;

    QFormLayout *m_form = nullptr;
    QLabel *m_workers = nullptr;
    QLabel *m_queue = nullptr;
    QLabel *m_peak = nullptr;
    QLabel *m_documentsRate = nullptr;
    QLabel *m_bytesRate = nullptr;
    QLabel *m_wordsRate = nullptr;
    QLabel *m_parallelism = nullptr;
    QLabel *m_lag = nullptr;
    QLabel *m_speedup = nullptr;
    QLabel *m_remoteCalls = nullptr;
    QLabel *m_remoteTokens = nullptr;
    QLabel *m_remoteEstimate = nullptr;
    QGridLayout *m_stageGrid = nullptr;
    QList<QList<QLabel *>> m_stageRows; // name, p50, p95, completed
    QChart *m_chart = nullptr;
    QLineSeries *m_throughputSeries = nullptr;
    QLineSeries *m_workersSeries = nullptr;
    QValueAxis *m_timeAxis = nullptr;
    QValueAxis *m_throughputAxis = nullptr;
    QValueAxis *m_workersAxis = nullptr;
};

} // namespace gw
