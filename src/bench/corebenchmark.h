#pragma once

#include <QJsonObject>

namespace gw {

// `graphwright-bench core`: what the structured-concurrency core costs and gives on this machine.
class CoreBenchmark
{
public:
    struct Options
    {
        int workers = 0;       // 0 = ideal thread count
        int batchTasks = 64;   // CPU-bound tasks per batch
        int taskMicros = 4000; // approximate CPU time of one task at one worker
        int overheadTasks = 200'000;
        int cancelRounds = 20;
    };

    explicit CoreBenchmark(Options options) : m_options(options) {}
    // Runs every measurement, prints a readable report to stdout, returns the figures.
    QJsonObject run();

private:
    QJsonObject measureSpeedup();
    QJsonObject measureSpawnOverhead();
    QJsonObject measureCancelLatency();

    Options m_options;
};

} // namespace gw
