#include "testmain.h"

#include "core/latencyhistogram.h"
#include "core/stagestats.h"
#include "core/statsregistry.h"

#include <QFuture>
#include <QJsonArray>
#include <QSemaphore>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace gw;

namespace {

// Within the histogram's documented relative error of `expected`.
bool nearlyEqual(qint64 actual, double expected)
{
    return std::abs(double(actual) - expected) <= expected * LatencyHistogram::MaxRelativeError;
}

// Runs `work(threadIndex)` on `threads` plain threads at once and joins them. std::thread rather
// than a QThreadPool: ThreadSanitizer cannot see the pool's internal hand-offs in an uninstrumented
// Qt, and here it should judge only the atomics under test.
template<typename Work>
void runOnThreads(int threads, Work work)
{
    std::vector<std::thread> running;
    for (int t = 0; t < threads; ++t)
        running.emplace_back([&work, t] { work(t); });
    for (std::thread &thread : running)
        thread.join();
}

} // namespace

class TestStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void histogramEmpty();
    void histogramSingleValue();
    void histogramUniformPercentiles();
    void histogramSmallValuesAreExact();
    void histogramRelativeErrorIsBounded();
    void histogramClampsOutOfRange();
    void histogramReset();
    void histogramConcurrentRecordsAreExact();
    void counterConcurrentAddsAreExact();
    void gaugeTracksHighWater();
    void stageCountsOutcomes();
    void stageMaxConcurrentUnderRealConcurrency();
    void stageScopeCountsExceptionAsFailed();
    void stageScopeMeasuresTime();
    void stageResetKeepsLiveWork();
    void registryReferencesStayValid();
    void registryConcurrentLookupsShareOneItem();
    void registrySnapshotOrderAndJson();
    void registryReset();
};

void TestStats::histogramEmpty()
{
    LatencyHistogram h;
    QCOMPARE(h.count(), 0);
    QCOMPARE(h.minUs(), 0);
    QCOMPARE(h.maxUs(), 0);
    QCOMPARE(h.meanUs(), 0.0);
    QCOMPARE(h.percentile(50), 0);
    const LatencySnapshot s = h.snapshot();
    QCOMPARE(s.count, 0);
    QCOMPARE(s.p50Us, 0);
    QCOMPARE(s.p99Us, 0);
}

void TestStats::histogramSingleValue()
{
    LatencyHistogram h;
    h.record(1234);
    const LatencySnapshot s = h.snapshot();
    QCOMPARE(s.count, 1);
    QCOMPARE(s.minUs, 1234);
    QCOMPARE(s.maxUs, 1234);
    QCOMPARE(s.meanUs, 1234.0);
    // Clamping to [min, max] makes a lone value exact despite its 64 µs wide bucket.
    QCOMPARE(s.p50Us, 1234);
    QCOMPARE(s.p95Us, 1234);
    QCOMPARE(s.p99Us, 1234);
    QCOMPARE(h.percentile(0), 1234);
    QCOMPARE(h.percentile(100), 1234);
}

void TestStats::histogramUniformPercentiles()
{
    LatencyHistogram h;
    for (qint64 v = 1; v <= 10000; ++v)
        h.record(v);
    const LatencySnapshot s = h.snapshot();
    QCOMPARE(s.count, 10000);
    QCOMPARE(h.sumUs(), 10000LL * 10001 / 2);
    QCOMPARE(s.minUs, 1);
    QCOMPARE(s.maxUs, 10000);
    QCOMPARE(s.meanUs, 5000.5);
    QVERIFY2(nearlyEqual(s.p50Us, 5000), qPrintable(QString::number(s.p50Us)));
    QVERIFY2(nearlyEqual(s.p95Us, 9500), qPrintable(QString::number(s.p95Us)));
    QVERIFY2(nearlyEqual(s.p99Us, 9900), qPrintable(QString::number(s.p99Us)));
    QCOMPARE(h.percentile(50), s.p50Us);
}

void TestStats::histogramSmallValuesAreExact()
{
    LatencyHistogram h;
    for (qint64 v = 0; v < 10; ++v)
        h.record(v);
    QCOMPARE(h.percentile(10), 0);
    QCOMPARE(h.percentile(50), 4);
    QCOMPARE(h.percentile(90), 8);
    QCOMPARE(h.percentile(100), 9);
}

void TestStats::histogramRelativeErrorIsBounded()
{
    // With 1 µs below and a huge value above, the median is v's own bucket, unclamped.
    for (qint64 v = 2; v < (qint64(1) << 32); v = v * 21 / 20 + 1) {
        LatencyHistogram h;
        h.record(1);
        h.record(v);
        h.record(qint64(1) << 33);
        const qint64 p50 = h.percentile(50);
        QVERIFY2(nearlyEqual(p50, double(v)), qPrintable(QStringLiteral("value %1 reported as %2").arg(v).arg(p50)));
    }
    // Bucket layout is contiguous: every bucket starts where the previous one ended.
    for (int i = 1; i < LatencyHistogram::BucketCount; ++i) {
        QCOMPARE(LatencyHistogram::bucketLowerBound(i),
                 LatencyHistogram::bucketLowerBound(i - 1) + LatencyHistogram::bucketWidth(i - 1));
        QCOMPARE(LatencyHistogram::bucketIndex(LatencyHistogram::bucketLowerBound(i)), i);
    }
}

void TestStats::histogramClampsOutOfRange()
{
    LatencyHistogram h;
    const qint64 tenHours = 10LL * 3600 * 1000 * 1000;
    h.record(-5); // a clock hiccup counts as 0
    h.record(tenHours);
    QCOMPARE(h.count(), 2);
    QCOMPARE(h.minUs(), 0);
    QCOMPARE(h.maxUs(), tenHours);
    QCOMPARE(h.sumUs(), tenHours);
    QCOMPARE(LatencyHistogram::bucketIndex(tenHours), LatencyHistogram::BucketCount - 1);
    QVERIFY(h.percentile(100) <= tenHours);
    QVERIFY(h.percentile(100) >= (qint64(1) << 31));
}

void TestStats::histogramReset()
{
    LatencyHistogram h;
    h.record(100);
    h.record(200);
    h.reset();
    QCOMPARE(h.count(), 0);
    QCOMPARE(h.sumUs(), 0);
    QCOMPARE(h.minUs(), 0);
    QCOMPARE(h.maxUs(), 0);
    QCOMPARE(h.snapshot().p99Us, 0);
    h.record(7);
    QCOMPARE(h.minUs(), 7);
    QCOMPARE(h.maxUs(), 7);
}

void TestStats::histogramConcurrentRecordsAreExact()
{
    constexpr int threads = 4;
    constexpr int perThread = 100000;
    LatencyHistogram h;
    runOnThreads(threads, [&h](int t) {
        for (int i = 1; i <= perThread; ++i)
            h.record(i % 1000 + t); // thread t records t..999+t
    });
    QCOMPARE(h.count(), qint64(threads) * perThread);
    qint64 expectedSum = 0;
    for (int t = 0; t < threads; ++t) {
        for (int i = 1; i <= perThread; ++i)
            expectedSum += i % 1000 + t;
    }
    QCOMPARE(h.sumUs(), expectedSum);
    QCOMPARE(h.minUs(), 0);
    QCOMPARE(h.maxUs(), 999 + threads - 1);
    QCOMPARE(h.snapshot().count, qint64(threads) * perThread);
}

void TestStats::counterConcurrentAddsAreExact()
{
    constexpr int threads = 4;
    constexpr int perThread = 100000;
    StatsRegistry registry;
    Counter &counter = registry.counter(QStringLiteral("chunks"));
    Gauge &gauge = registry.gauge(QStringLiteral("inFlight"));
    runOnThreads(threads, [&](int) {
        for (int i = 0; i < perThread; ++i) {
            counter.add();
            gauge.add(1);
            gauge.add(-1);
        }
    });
    QCOMPARE(counter.value(), qint64(threads) * perThread);
    QCOMPARE(gauge.value(), 0);
    QVERIFY(gauge.highWater() >= 1);
    QVERIFY(gauge.highWater() <= threads);
}

void TestStats::gaugeTracksHighWater()
{
    Gauge g;
    g.set(5);
    g.add(3);
    g.add(-6);
    QCOMPARE(g.value(), 2);
    QCOMPARE(g.highWater(), 8);
    g.reset();
    QCOMPARE(g.value(), 2);
    QCOMPARE(g.highWater(), 2);
}

void TestStats::stageCountsOutcomes()
{
    StageStats stage(QStringLiteral("parse"));
    for (int i = 0; i < 5; ++i)
        stage.enqueued();
    QCOMPARE(stage.queued(), 5);
    stage.cancelledWhileQueued();
    stage.started();
    stage.started();
    stage.started();
    QCOMPARE(stage.queued(), 1);
    QCOMPARE(stage.active(), 3);
    stage.finished(StageStats::Outcome::Completed, 100);
    stage.finished(StageStats::Outcome::Failed, 5);
    stage.finished(StageStats::Outcome::Cancelled, 7);
    stage.started(); // the last queued item
    stage.started(); // never enqueued: the queue must not go negative
    stage.finished(StageStats::Outcome::Completed, 300);
    stage.finished(StageStats::Outcome::Completed, 200);

    const StageSnapshot s = stage.snapshot();
    QCOMPARE(s.name, QStringLiteral("parse"));
    QCOMPARE(s.queued, 0);
    QCOMPARE(s.active, 0);
    QCOMPARE(s.maxConcurrent, 3);
    QCOMPARE(s.completed, 3);
    QCOMPARE(s.failed, 1);
    QCOMPARE(s.cancelled, 2);
    // Only completed runs are timed.
    QCOMPARE(s.latency.count, 3);
    QCOMPARE(s.latency.minUs, 100);
    QCOMPARE(s.latency.maxUs, 300);
    QCOMPARE(s.latency.meanUs, 200.0);
}

void TestStats::stageMaxConcurrentUnderRealConcurrency()
{
    constexpr int tasks = 8;
    StageStats stage(QStringLiteral("extract"));
    // One thread per task, so all of them can be inside their scopes at once even on two cores
    // (they block, they do not spin). It also gives each task a fresh thread, a hand-over that
    // ThreadSanitizer can see.
    QThreadPool pool;
    pool.setMaxThreadCount(tasks);
    QSemaphore arrived;
    QSemaphore go;
    QList<QFuture<void>> futures;
    for (int i = 0; i < tasks; ++i) {
        stage.enqueued();
        futures.append(QtConcurrent::run(&pool, [&stage, &arrived, &go] {
            StageScope scope(stage);
            arrived.release();
            go.acquire(); // a barrier: nobody leaves before everybody is in
            scope.markCompleted();
        }));
    }
    const bool allArrived = arrived.tryAcquire(tasks, 10000);
    const StageSnapshot during = stage.snapshot();
    go.release(tasks);
    for (QFuture<void> &f : futures)
        f.waitForFinished();
    QVERIFY(allArrived);
    QCOMPARE(during.active, tasks);
    QCOMPARE(during.queued, 0);

    const StageSnapshot s = stage.snapshot();
    QCOMPARE(s.completed, tasks);
    QCOMPARE(s.active, 0);
    QCOMPARE(s.queued, 0);
    QCOMPARE(s.maxConcurrent, tasks); // every task was active at once, and no more than that
    QCOMPARE(s.latency.count, tasks);
}

void TestStats::stageScopeCountsExceptionAsFailed()
{
    StageStats stage;
    try {
        StageScope scope(stage);
        QCOMPARE(stage.active(), 1);
        throw std::runtime_error("parse error");
    } catch (const std::runtime_error &) {}
    QCOMPARE(stage.active(), 0);
    QCOMPARE(stage.failed(), 1);
    QCOMPARE(stage.completed(), 0);

    {
        StageScope scope(stage);
        scope.markCancelled();
    }
    QCOMPARE(stage.cancelled(), 1);
    QCOMPARE(stage.failed(), 1);
}

void TestStats::stageScopeMeasuresTime()
{
    StageStats stage;
    {
        StageScope scope(stage);
        QThread::usleep(3000);
        scope.markCompleted();
    }
    QCOMPARE(stage.completed(), 1);
    QCOMPARE(stage.latency().count(), 1);
    QVERIFY2(stage.latency().minUs() >= 3000, qPrintable(QString::number(stage.latency().minUs())));
    QVERIFY(stage.latency().minUs() < 10'000'000);
}

void TestStats::stageResetKeepsLiveWork()
{
    StageStats stage;
    stage.enqueued();
    stage.started();
    stage.started();
    stage.finished(StageStats::Outcome::Completed, 10);
    stage.enqueued();
    stage.reset();
    QCOMPARE(stage.queued(), 1);
    QCOMPARE(stage.active(), 1);
    QCOMPARE(stage.maxConcurrent(), 1);
    QCOMPARE(stage.completed(), 0);
    QCOMPARE(stage.latency().count(), 0);
}

void TestStats::registryReferencesStayValid()
{
    StatsRegistry registry;
    StageStats *first = &registry.stage(QStringLiteral("a"));
    Counter *counter = &registry.counter(QStringLiteral("c"));
    for (int i = 0; i < 500; ++i) {
        registry.stage(QStringLiteral("stage%1").arg(i));
        registry.counter(QStringLiteral("counter%1").arg(i));
    }
    QCOMPARE(&registry.stage(QStringLiteral("a")), first);
    QCOMPARE(&registry.counter(QStringLiteral("c")), counter);
    QCOMPARE(first->name(), QStringLiteral("a"));
}

void TestStats::registryConcurrentLookupsShareOneItem()
{
    constexpr int threads = 4;
    constexpr int perThread = 20000;
    StatsRegistry registry;
    runOnThreads(threads, [&registry](int) {
        for (int i = 0; i < perThread; ++i) {
            if (i % 1000 == 0) {
                // Looked up repeatedly, as careless callers would, racing with creation.
                StageScope scope(registry.stage(QStringLiteral("shared")));
                scope.markCompleted();
            }
            registry.counter(QStringLiteral("hits")).add();
        }
    });
    const StatsSnapshot s = registry.snapshot();
    QCOMPARE(s.stages.size(), 1);
    QCOMPARE(s.stages.first().completed, qint64(threads) * perThread / 1000);
    QCOMPARE(s.counters.value(QStringLiteral("hits")), qint64(threads) * perThread);
}

void TestStats::registrySnapshotOrderAndJson()
{
    StatsRegistry registry;
    registry.stage(QStringLiteral("read")).enqueued();
    registry.stage(QStringLiteral("parse"));
    registry.stage(QStringLiteral("extract"));
    registry.stage(QStringLiteral("read")).started();
    registry.counter(QStringLiteral("zeta")).add(2);
    registry.counter(QStringLiteral("alpha")).add(1);
    registry.gauge(QStringLiteral("buffered")).set(42);

    const StatsSnapshot s = registry.snapshot();
    QVERIFY(s.takenAtUtc.isValid());
    QVERIFY(s.takenAtMs > 0);
    QCOMPARE(s.stages.size(), 3);
    QCOMPARE(s.stages[0].name, QStringLiteral("read")); // first-use order, not alphabetical
    QCOMPARE(s.stages[1].name, QStringLiteral("parse"));
    QCOMPARE(s.stages[2].name, QStringLiteral("extract"));
    QCOMPARE(s.stages[0].active, 1);
    QCOMPARE(s.counters.keys(), (QStringList{QStringLiteral("alpha"), QStringLiteral("zeta")}));

    const QJsonObject json = toJson(s);
    for (const char *key : {"takenAt", "takenAtMs", "stages", "counters", "gauges"})
        QVERIFY2(json.contains(QLatin1String(key)), key);
    const QJsonArray stages = json.value(QStringLiteral("stages")).toArray();
    QCOMPARE(stages.size(), 3);
    const QJsonObject read = stages.at(0).toObject();
    for (const char *key : {"name", "queued", "active", "maxConcurrent", "completed", "failed", "cancelled", "latency"})
        QVERIFY2(read.contains(QLatin1String(key)), key);
    QCOMPARE(read.value(QStringLiteral("name")).toString(), QStringLiteral("read"));
    QCOMPARE(read.value(QStringLiteral("active")).toInteger(), 1);
    const QJsonObject latency = read.value(QStringLiteral("latency")).toObject();
    for (const char *key : {"count", "meanUs", "minUs", "maxUs", "p50Us", "p95Us", "p99Us"})
        QVERIFY2(latency.contains(QLatin1String(key)), key);
    QCOMPARE(json.value(QStringLiteral("counters")).toObject().value(QStringLiteral("zeta")).toInteger(), 2);
    const QJsonObject buffered =
        json.value(QStringLiteral("gauges")).toObject().value(QStringLiteral("buffered")).toObject();
    QCOMPARE(buffered.value(QStringLiteral("value")).toInteger(), 42);
    QCOMPARE(buffered.value(QStringLiteral("highWater")).toInteger(), 42);
}

void TestStats::registryReset()
{
    StatsRegistry registry;
    StageStats &stage = registry.stage(QStringLiteral("parse"));
    stage.started();
    stage.finished(StageStats::Outcome::Failed, 1);
    registry.counter(QStringLiteral("docs")).add(9);
    registry.gauge(QStringLiteral("open")).set(3);
    registry.gauge(QStringLiteral("open")).set(1);
    registry.reset();

    const StatsSnapshot s = registry.snapshot();
    QCOMPARE(s.stages.size(), 1);
    QCOMPARE(s.stages[0].failed, 0);
    QCOMPARE(s.stages[0].maxConcurrent, 0);
    QCOMPARE(s.counters.value(QStringLiteral("docs")), 0);
    QCOMPARE(s.gauges.value(QStringLiteral("open")).value, 1);
    QCOMPARE(s.gauges.value(QStringLiteral("open")).highWater, 1);
    QCOMPARE(&registry.stage(QStringLiteral("parse")), &stage);
}

GW_TEST_MAIN(TestStats)
#include "tst_stats.moc"
