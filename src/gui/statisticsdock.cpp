#include "statisticsdock.h"

#include "pipeline/ingestjob.h"

#include <QChart>
#include <QChartView>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QScrollArea>
#include <QTimer>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace gw {

namespace {

const QString Dash = QStringLiteral("—");

QString number(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

QString milliseconds(qint64 micros)
{
    return StatisticsDock::tr("%1 ms").arg(number(micros / 1000.0, micros < 10'000 ? 2 : 1));
}

// Busy time of every stage so far: completed runs only, as their histograms hold them.
qint64 stageBusyUs(const QList<StageSnapshot> &stages)
{
    double sum = 0;
    for (const StageSnapshot &stage : stages)
        sum += stage.latency.meanUs * double(stage.latency.count);
    return qint64(std::llround(sum));
}

// The pipeline names its stages for logs and JSON; the dock shows them in the interface language.
QString stageTitle(const QString &name)
{
    if (name == QLatin1String("read"))
        return StatisticsDock::tr("read", "pipeline stage");
    if (name == QLatin1String("parse"))
        return StatisticsDock::tr("parse", "pipeline stage");
    if (name == QLatin1String("chunk"))
        return StatisticsDock::tr("chunk", "pipeline stage");
    if (name == QLatin1String("extract"))
        return StatisticsDock::tr("extract", "pipeline stage");
    if (name == QLatin1String("store"))
        return StatisticsDock::tr("store", "pipeline stage");
    return name;
}

QFont figureFont()
{
    // Fixed-width digits, so figures that change ten times a second do not jitter.
    return QFontDatabase::systemFont(QFontDatabase::FixedFont);
}

} // namespace

StatisticsDock::StatisticsDock(QWidget *parent) : QDockWidget(tr("Statistics"), parent), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("statisticsDock"));
    m_clock.start();

    auto *contents = new QWidget;
    auto *layout = new QVBoxLayout(contents);
    m_form = new QFormLayout;
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_workers = addFigure(QStringLiteral("workersBusyValue"), tr("Workers busy:"),
                          tr("Documents being processed now / documents allowed at once"));
    m_queue = addFigure(QStringLiteral("waitingValue"), tr("Queued:"), tr("Documents waiting for a free worker"));
    m_peak = addFigure(QStringLiteral("peakValue"), tr("Peak busy:"),
                       tr("The most documents in flight at once in this job"));
    m_documentsRate = addFigure(QStringLiteral("documentsRateValue"), tr("Documents:"),
                                tr("Documents finished per second, over the last second"));
    m_bytesRate = addFigure(QStringLiteral("bytesRateValue"), tr("Data read:"),
                            tr("Megabytes read per second, over the last second"));
    m_wordsRate =
        addFigure(QStringLiteral("wordsRateValue"), tr("Words:"), tr("Words stored per second, over the last second"));
    m_parallelism = addFigure(QStringLiteral("parallelismValue"), tr("Parallelism:"),
                              tr("Effective parallelism: time spent in the read, parse, chunk and "
                                 "store stages divided by the wall time since the job started. "
                                 "1.0 means one thing at a time."));
    m_lag = addFigure(QStringLiteral("windowLagValue"), tr("Window lag:"),
                      tr("How late the window's event loop served a timer that fires every few "
                         "milliseconds, since the start: below ~20 ms the window feels instant"));
    m_speedup = addFigure(QStringLiteral("lastJobValue"), tr("Last job:"),
                          tr("Estimated speedup of the last finished job against one worker: "
                             "the sum of the documents' processing times divided by the job's "
                             "wall time"));
    m_remoteCalls = addFigure(QStringLiteral("remoteCallsValue"), tr("Remote:"),
                              tr("Remote extraction: requests sent to the endpoint (retries included), chunks "
                                 "answered from the project's cache, chunks done by the built-in extractor instead, "
                                 "answers that did not follow the schema"));
    m_remoteTokens = addFigure(QStringLiteral("remoteTokensValue"), tr("Tokens:"),
                               tr("Prompt and completion tokens that the remote endpoint reported using, and "
                                  "what they cost at the prices set in Preferences"));
    m_remoteEstimate = addFigure(QStringLiteral("remoteEstimateValue"), tr("Estimate:"),
                                 tr("Remote extraction of the documents added, estimated from their chunks before "
                                    "the requests: calls, tokens (about four characters each) and cost"));
    layout->addLayout(m_form);

    m_stageGrid = new QGridLayout;
    m_stageGrid->setHorizontalSpacing(12);
    const QStringList headers = {tr("Stage"), tr("p50"), tr("p95"), tr("Done")};
    for (int column = 0; column < headers.size(); ++column) {
        auto *header = new QLabel(headers.at(column));
        QFont font = header->font();
        font.setBold(true);
        header->setFont(font);
        header->setAlignment(column == 0 ? Qt::AlignLeft : Qt::AlignRight);
        m_stageGrid->addWidget(header, 0, column);
    }
    m_stageGrid->setColumnStretch(4, 1);
    layout->addLayout(m_stageGrid);

    buildChart();
    auto *view = new QChartView(m_chart);
    view->setObjectName(QStringLiteral("statisticsChart"));
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(170);
    layout->addWidget(view, 1);

    auto *scroll = new QScrollArea;
    scroll->setWidget(contents);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    setWidget(scroll);
    setMinimumWidth(300);

    m_timer->setInterval(SampleIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &StatisticsDock::sample);
    m_timer->start();
    sample();
}

StatisticsDock::~StatisticsDock() = default;

QLabel *StatisticsDock::addFigure(const QString &objectName, const QString &label, const QString &toolTip)
{
    auto *value = new QLabel(Dash);
    value->setObjectName(objectName);
    value->setFont(figureFont());
    value->setToolTip(toolTip);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *name = new QLabel(label);
    name->setToolTip(toolTip);
    m_form->addRow(name, value);
    return value;
}

void StatisticsDock::buildChart()
{
    m_chart = new QChart;
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    m_chart->setBackgroundRoundness(0);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_throughputSeries = new QLineSeries;
    m_throughputSeries->setName(tr("MB/s read"));
    m_workersSeries = new QLineSeries;
    m_workersSeries->setName(tr("workers busy"));
    m_chart->addSeries(m_throughputSeries);
    m_chart->addSeries(m_workersSeries);

    // x is "seconds ago", so the points slide left while the axis stays put.
    m_timeAxis = new QValueAxis;
    QValueAxis *timeAxis = m_timeAxis;
    timeAxis->setRange(-HistorySeconds, 0);
    timeAxis->setTickCount(6);
    timeAxis->setLabelFormat(QStringLiteral("%d s"));
    m_throughputAxis = new QValueAxis;
    m_throughputAxis->setRange(0, 1);
    m_throughputAxis->setLabelFormat(QStringLiteral("%.1f"));
    m_throughputAxis->setTitleText(tr("MB/s"));
    m_workersAxis = new QValueAxis;
    m_workersAxis->setRange(0, 1);
    m_workersAxis->setLabelFormat(QStringLiteral("%d"));
    m_workersAxis->setTitleText(tr("workers"));
    QFont small = m_chart->font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    for (QValueAxis *axis : {timeAxis, m_throughputAxis, m_workersAxis}) {
        axis->setLabelsFont(small);
        axis->setTitleFont(small);
    }
    m_chart->legend()->setFont(small);
    m_chart->addAxis(timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_throughputAxis, Qt::AlignLeft);
    m_chart->addAxis(m_workersAxis, Qt::AlignRight);
    m_throughputSeries->attachAxis(timeAxis);
    m_throughputSeries->attachAxis(m_throughputAxis);
    m_workersSeries->attachAxis(timeAxis);
    m_workersSeries->attachAxis(m_workersAxis);
}

void StatisticsDock::setJob(IngestJob *job)
{
    const RemotePricing pricing = m_figures.pricing;
    if (m_job)
        disconnect(m_job, nullptr, this, nullptr);
    m_job = job;
    m_rates.clear();
    m_figures = StatisticsFigures{};
    m_history.clear();
    m_lastChartMs = -1;
    m_figures.pricing = pricing;
    if (job) {
        connect(job, &IngestJob::idle, this, &StatisticsDock::jobBecameIdle);
        m_countedDocuments.clear();
        // Documents finished before the dock saw the job belong to no speedup estimate.
        for (const DocumentSnapshot &document : job->snapshot()) {
            if (isFinished(document.state))
                m_countedDocuments.insert(document.id);
        }
        restartBusyPeriod();
    }
    sample();
}

void StatisticsDock::setRemotePricing(const RemotePricing &pricing)
{
    m_figures.pricing = pricing;
    m_figures.estimate.pricing = pricing;
    m_figures.estimate.cost = pricing.cost(m_figures.estimate.promptTokens, m_figures.estimate.completionTokens);
    updateLabels();
}

void StatisticsDock::addRemoteEstimate(const RemoteCostEstimate &estimate)
{
    RemoteCostEstimate &sum = m_figures.estimate;
    sum.documents += estimate.documents;
    sum.chunks += estimate.chunks;
    sum.chunkChars += estimate.chunkChars;
    sum.promptTokens += estimate.promptTokens;
    sum.completionTokens += estimate.completionTokens;
    sum.failures += estimate.failures;
    sum.skipped += estimate.skipped;
    sum.pricing = m_figures.pricing;
    sum.cost = sum.pricing.cost(sum.promptTokens, sum.completionTokens);
    updateLabels();
}

IngestJob *StatisticsDock::job() const
{
    return m_job;
}

EventLoopLagProbe *StatisticsDock::lagProbe() const
{
    return m_lagProbe;
}

void StatisticsDock::setLagProbe(EventLoopLagProbe *probe)
{
    m_lagProbe = probe;
    sample();
}

void StatisticsDock::restartBusyPeriod()
{
    m_busyBaselineUs = m_job ? stageBusyUs(m_job->stats().snapshot().stages) : 0;
}

void StatisticsDock::sample()
{
    if (m_job)
        sampleJob();
    m_figures.lag = m_lagProbe ? m_lagProbe->snapshot() : EventLoopLagSnapshot{};
    updateLabels();
    updateStageRows();
    appendChartPoint();
    Q_EMIT sampled();
}

void StatisticsDock::sampleJob()
{
    const IngestCounts counts = m_job->counts();
    const IngestSummary summary = m_job->summarize();
    m_figures.workersBusy = m_job->runningDocuments();
    m_figures.poolSize = m_job->jobs();
    m_figures.queued = counts.queued;
    m_figures.peakConcurrency = m_job->peakConcurrency();
    m_figures.stages = m_job->stats().snapshot().stages;
    m_figures.remoteExtraction = m_job->remoteExtractor() != nullptr;
    m_figures.remote = summary.remote;

    // Rates over the last second of samples, so one slow tick does not make them jump.
    const qint64 now = m_clock.elapsed();
    m_rates.push_back({now, qint64(counts.done + counts.failed + counts.skipped + counts.cancelled), counts.bytesRead,
                       summary.words});
    while (m_rates.size() > 2 && now - m_rates[1].ms >= RateWindowMs)
        m_rates.pop_front();
    const RateSample &first = m_rates.front();
    const RateSample &last = m_rates.back();
    const double seconds = (last.ms - first.ms) / 1000.0;
    // Cleared rows make the totals drop: that is no negative throughput.
    const auto rate = [seconds](qint64 from, qint64 to) {
        return seconds > 0 ? std::max<qint64>(0, to - from) / seconds : 0.0;
    };
    m_figures.documentsPerSecond = rate(first.finished, last.finished);
    m_figures.megabytesPerSecond = rate(first.bytes, last.bytes) / 1e6;
    m_figures.wordsPerSecond = rate(first.words, last.words);

    if (!m_job->isIdle() && summary.seconds > 0) {
        const qint64 busyUs = stageBusyUs(m_figures.stages) - m_busyBaselineUs;
        m_figures.effectiveParallelism = std::max<qint64>(0, busyUs) / (summary.seconds * 1e6);
    }
}

void StatisticsDock::jobBecameIdle()
{
    if (!m_job)
        return;
    // Σ time of the documents this job finished ÷ its wall time: with one worker they would
    // have run one after another. An estimate: one worker would also have had less contention.
    qint64 documentMs = 0;
    for (const DocumentSnapshot &document : m_job->snapshot()) {
        if (isFinished(document.state) && !m_countedDocuments.contains(document.id)) {
            m_countedDocuments.insert(document.id);
            documentMs += document.elapsedMs;
        }
    }
    const IngestSummary summary = m_job->summarize();
    if (summary.seconds > 0 && documentMs > 0)
        m_figures.lastJobSpeedup = documentMs / 1000.0 / summary.seconds;
    const qint64 busyUs = stageBusyUs(m_job->stats().snapshot().stages) - m_busyBaselineUs;
    if (summary.seconds > 0)
        m_figures.effectiveParallelism = std::max<qint64>(0, busyUs) / (summary.seconds * 1e6);
    restartBusyPeriod();
    sample();
}

void StatisticsDock::updateLabels()
{
    const StatisticsFigures &f = m_figures;
    const bool haveJob = m_job;
    m_workers->setText(haveJob ? tr("%1 / %2").arg(f.workersBusy).arg(f.poolSize) : Dash);
    m_queue->setText(haveJob ? QLocale().toString(f.queued) : Dash);
    m_peak->setText(haveJob ? tr("%1 / %2").arg(f.peakConcurrency).arg(f.poolSize) : Dash);
    m_documentsRate->setText(haveJob ? tr("%1 /s").arg(number(f.documentsPerSecond, 1)) : Dash);
    m_bytesRate->setText(haveJob ? tr("%1 MB/s").arg(number(f.megabytesPerSecond, 2)) : Dash);
    m_wordsRate->setText(haveJob ? tr("%1 /s").arg(number(f.wordsPerSecond, 0)) : Dash);
    m_parallelism->setText(
        f.effectiveParallelism >= 0 ? tr("%1× (stage time ÷ wall time)").arg(number(f.effectiveParallelism, 1)) : Dash);
    m_speedup->setText(f.lastJobSpeedup >= 0 ? tr("≈ %1× vs one worker (est.)").arg(number(f.lastJobSpeedup, 1))
                                             : tr("no finished job yet"));
    const QLocale locale;
    const bool remote = haveJob && f.remoteExtraction;
    m_remoteCalls->setText(remote ? tr("%1 requests · %2 cached · %3 fallbacks · %4 invalid")
                                        .arg(locale.toString(f.remote.calls), locale.toString(f.remote.cached),
                                             locale.toString(f.remote.fallbacks), locale.toString(f.remote.invalid))
                                  : tr("off"));
    QString tokens = remote
        ? tr("%1 prompt + %2 completion")
              .arg(locale.toString(f.remote.promptTokens), locale.toString(f.remote.completionTokens))
        : Dash;
    if (remote && f.pricing.isSet())
        tokens += tr(" · cost %1").arg(locale.toString(f.pricing.cost(f.remote), 'f', 4));
    m_remoteTokens->setText(tokens);
    m_remoteEstimate->setText(remote && f.estimate.calls() > 0 ? remoteCostEstimateToText(f.estimate) : Dash);
    if (!m_lagProbe || f.lag.samples == 0)
        m_lag->setText(Dash);
    else
        m_lag->setText(tr("p99 %1 · max %2")
                           .arg(milliseconds(qint64(f.lag.p99Ms * 1000)), milliseconds(qint64(f.lag.maxMs * 1000))));
}

void StatisticsDock::updateStageRows()
{
    const QFont font = figureFont();
    while (m_stageRows.size() < m_figures.stages.size()) {
        const int row = int(m_stageRows.size()) + 1;
        QList<QLabel *> labels;
        for (int column = 0; column < 4; ++column) {
            auto *label = new QLabel;
            if (column > 0) {
                label->setFont(font);
                label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            }
            m_stageGrid->addWidget(label, row, column);
            labels.append(label);
        }
        m_stageRows.append(labels);
    }
    for (int i = 0; i < m_stageRows.size(); ++i) {
        const bool present = i < m_figures.stages.size();
        const QList<QLabel *> &labels = m_stageRows.at(i);
        for (QLabel *label : labels)
            label->setVisible(present);
        if (!present)
            continue;
        const StageSnapshot &stage = m_figures.stages.at(i);
        const bool measured = stage.latency.count > 0;
        labels[0]->setText(stageTitle(stage.name));
        labels[1]->setText(measured ? milliseconds(stage.latency.p50Us) : Dash);
        labels[2]->setText(measured ? milliseconds(stage.latency.p95Us) : Dash);
        labels[3]->setText(QLocale().toString(stage.completed));
        labels[0]->setToolTip(
            tr("%1 running, %2 waiting, %3 failed").arg(stage.active).arg(stage.queued).arg(stage.failed));
    }
}

void StatisticsDock::appendChartPoint()
{
    // The chart moves twice a second: ten redraws a second of a five-minute line show no more.
    const qint64 now = m_clock.elapsed();
    if (m_lastChartMs >= 0 && now - m_lastChartMs < ChartIntervalMs)
        return;
    m_lastChartMs = now;
    m_history.push_back({now, m_figures.megabytesPerSecond, double(m_figures.workersBusy)});
    while (!m_history.empty() && now - m_history.front().ms > HistorySeconds * 1000)
        m_history.pop_front();

    QList<QPointF> throughput;
    QList<QPointF> workers;
    double maxThroughput = 0;
    for (const ChartPoint &point : m_history) {
        const double x = (point.ms - now) / 1000.0;
        throughput.append({x, point.megabytesPerSecond});
        workers.append({x, point.workersBusy});
        maxThroughput = std::max(maxThroughput, point.megabytesPerSecond);
    }
    m_throughputSeries->replace(throughput);
    m_workersSeries->replace(workers);
    m_throughputAxis->setRange(0, std::max(1.0, maxThroughput * 1.1));
    m_throughputAxis->applyNiceNumbers();
    const int pool = std::max(1, m_figures.poolSize);
    m_workersAxis->setRange(0, pool);
    // The window grows with the history up to five minutes, then rolls: a short job still fills
    // the chart instead of being a sliver at its right edge.
    const double span = (now - m_history.front().ms) / 1000.0;
    m_timeAxis->setRange(-std::clamp(std::ceil(span / 30.0) * 30.0, 30.0, double(HistorySeconds)), 0);
    m_workersAxis->setTickCount(std::min(pool, 8) + 1);
}

} // namespace gw
