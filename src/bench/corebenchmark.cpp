#include "corebenchmark.h"

#include "core/taskgroup.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <vector>

namespace gw {

namespace {

double spin(qint64 iterations)
{
    double x = 0.5;
    for (qint64 i = 0; i < iterations; ++i)
        x = std::sin(x) * 0.999 + std::cos(x * 0.5) * 0.001 + 1e-9 * double(i);
    return x;
}

// Iterations of spin() that take about `micros` on this machine.
qint64 calibrate(int micros)
{
    qint64 iterations = 1000;
    for (;;) {
        QElapsedTimer timer;
        timer.start();
        volatile double sink = spin(iterations);
        (void)sink;
        const qint64 ns = timer.nsecsElapsed();
        if (ns > 20'000'000)
            return std::max<qint64>(1, iterations * micros * 1000 / ns);
        iterations *= 2;
    }
}

qint64 timeBatch(int workers, int tasks, qint64 iterations)
{
    QThreadPool pool;
    pool.setMaxThreadCount(workers);
    TaskGroup<double> group({.maxParallel = workers, .pool = &pool, .name = QStringLiteral("batch")});
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < tasks; ++i)
        group.spawn(QStringLiteral("spin"), [iterations] { return spin(iterations); });
    group.joinBlocking();
    return timer.nsecsElapsed();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

} // namespace

QJsonObject CoreBenchmark::run()
{
    if (m_options.workers <= 0)
        m_options.workers = QThread::idealThreadCount();
    std::printf("graphwright-bench core: %d workers (ideal thread count %d)\n", m_options.workers,
                QThread::idealThreadCount());
    QJsonObject report;
    report[QStringLiteral("workers")] = m_options.workers;
    report[QStringLiteral("speedup")] = measureSpeedup();
    report[QStringLiteral("spawn_overhead")] = measureSpawnOverhead();
    report[QStringLiteral("cancel_latency")] = measureCancelLatency();
    return report;
}

QJsonObject CoreBenchmark::measureSpeedup()
{
    const qint64 iterations = calibrate(m_options.taskMicros);
    const int n = m_options.workers;
    // Best of three per setting: the least disturbed run is the truest figure of the code.
    qint64 serial = std::numeric_limits<qint64>::max();
    qint64 parallel = std::numeric_limits<qint64>::max();
    for (int round = 0; round < 3; ++round) {
        serial = std::min(serial, timeBatch(1, m_options.batchTasks, iterations));
        parallel = std::min(parallel, timeBatch(n, m_options.batchTasks, iterations));
    }
    const double speedup = double(serial) / double(parallel);
    const double efficiency = speedup / n;
    std::printf("\nCPU-bound batch: %d tasks of ~%d us\n", m_options.batchTasks, m_options.taskMicros);
    std::printf("  1 worker : %8.1f ms\n", serial / 1e6);
    std::printf("  %d workers: %8.1f ms\n", n, parallel / 1e6);
    std::printf("  speedup %.2fx, parallel efficiency %.0f%%\n", speedup, efficiency * 100);
    return QJsonObject{{QStringLiteral("tasks"), m_options.batchTasks},
                       {QStringLiteral("task_us"), m_options.taskMicros},
                       {QStringLiteral("serial_ms"), serial / 1e6},
                       {QStringLiteral("parallel_ms"), parallel / 1e6},
                       {QStringLiteral("speedup"), speedup},
                       {QStringLiteral("efficiency"), efficiency}};
}

QJsonObject CoreBenchmark::measureSpawnOverhead()
{
    const int tasks = m_options.overheadTasks;
    std::atomic<qint64> sink{0};

    QElapsedTimer timer;
    timer.start();
    {
        TaskGroup<> group({.maxParallel = m_options.workers, .name = QStringLiteral("overhead")});
        for (int i = 0; i < tasks; ++i)
            group.spawn(QString(), [&sink] { sink.fetch_add(1, std::memory_order_relaxed); });
        group.joinBlocking();
    }
    const double groupNs = double(timer.nsecsElapsed()) / tasks;

    // The same empty tasks through QtConcurrent::run, one future each, for comparison.
    timer.restart();
    {
        std::vector<QFuture<void>> futures;
        futures.reserve(size_t(tasks));
        for (int i = 0; i < tasks; ++i)
            futures.push_back(QtConcurrent::run([&sink] { sink.fetch_add(1, std::memory_order_relaxed); }));
        for (auto &future : futures)
            future.waitForFinished();
    }
    const double concurrentNs = double(timer.nsecsElapsed()) / tasks;

    std::printf("\nOverhead per spawned task (%d empty tasks, spawn to join)\n", tasks);
    std::printf("  TaskGroup          : %8.0f ns\n", groupNs);
    std::printf("  QtConcurrent::run  : %8.0f ns (for comparison)\n", concurrentNs);
    return QJsonObject{{QStringLiteral("tasks"), tasks},
                       {QStringLiteral("taskgroup_ns"), groupNs},
                       {QStringLiteral("qtconcurrent_ns"), concurrentNs}};
}

QJsonObject CoreBenchmark::measureCancelLatency()
{
    std::vector<double> latenciesUs;
    for (int round = 0; round < m_options.cancelRounds; ++round) {
        std::atomic<int> running{0};
        std::atomic<int> started{0};
        TaskGroup<> group({.maxParallel = m_options.workers, .name = QStringLiteral("cancel")});
        // Running tasks do 50 us units of work and poll the token between them.
        for (int i = 0; i < 10'000; ++i)
            group.spawn(QString(), [&](const CancellationToken &token) {
                started.fetch_add(1);
                running.fetch_add(1);
                while (!token.isCancelled()) {
                    volatile double unit = spin(200);
                    (void)unit;
                }
                running.fetch_sub(1);
            });
        while (started.load() < m_options.workers)
            QThread::usleep(50);
        QElapsedTimer timer;
        timer.start();
        group.cancel();
        group.waitBlocking();
        latenciesUs.push_back(double(timer.nsecsElapsed()) / 1000.0);
    }
    const double worst = *std::max_element(latenciesUs.begin(), latenciesUs.end());
    const double med = median(latenciesUs);
    std::printf("\nCancellation latency (cancel() until every task stopped; %d running, ~9,998 pending)\n",
                m_options.workers);
    std::printf("  median %.0f us, worst %.0f us over %d rounds\n", med, worst, m_options.cancelRounds);
    return QJsonObject{{QStringLiteral("rounds"), m_options.cancelRounds},
                       {QStringLiteral("median_us"), med},
                       {QStringLiteral("worst_us"), worst}};
}

} // namespace gw
