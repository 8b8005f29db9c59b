#include "ingestbenchmark.h"

#include "core/syncwait.h"
#include "pipeline/ingestjob.h"
#include "store/projectstore.h"

#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

namespace gw {

QJsonObject IngestBenchmark::runOnce(int jobs)
{
    QTemporaryDir dir;
    auto store = ProjectStore::open(dir.filePath(QStringLiteral("bench.gwp")));
    IngestOptions options;
    options.jobs = jobs;
    options.extract = m_options.extract;
    IngestJob job(*store, options);
    const IngestSummary summary = syncWait(job.run({m_options.corpus}));
    const double mb = summary.bytes / 1e6;
    std::printf("  --jobs %d: %7.2f s, %d done, %d failed, %6.1f MB/s, %10.0f words/s (%9.0f per core)\n", jobs,
                summary.seconds, int(summary.documentsDone), int(summary.documentsFailed), mb / summary.seconds,
                summary.wordsPerSecond(), summary.wordsPerSecond() / jobs);
    std::fflush(stdout);
    QJsonObject out = ingestSummaryToJson(summary);
    out.remove(QStringLiteral("skipped"));
    out[QStringLiteral("jobs")] = jobs;
    out[QStringLiteral("mb_per_second")] = mb / summary.seconds;
    return out;
}

QJsonObject IngestBenchmark::run()
{
    std::printf("graphwright-bench ingest: %s\n", qPrintable(m_options.corpus));
    return QJsonObject{{QStringLiteral("ingest_only"), runMode(false)},
                       {QStringLiteral("with_extraction"), runMode(true)}};
}

QJsonObject IngestBenchmark::runMode(bool extract)
{
    m_options.extract = extract;
    const int n = m_options.workers > 0 ? m_options.workers : QThread::idealThreadCount();
    std::printf(extract ? "with extraction (entities and relations):\n" : "ingestion only (--no-extract):\n");
    const QJsonObject serial = runOnce(1);
    const QJsonObject parallel = runOnce(n);
    const double speedup =
        serial[QStringLiteral("seconds")].toDouble() / parallel[QStringLiteral("seconds")].toDouble();
    std::printf("  speedup %.2fx with %d workers, parallel efficiency %.0f%%\n", speedup, n, speedup / n * 100);
    return QJsonObject{{QStringLiteral("corpus"), m_options.corpus},
                       {QStringLiteral("serial"), serial},
                       {QStringLiteral("parallel"), parallel},
                       {QStringLiteral("speedup"), speedup}};
}

} // namespace gw
