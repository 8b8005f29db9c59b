#include "ingestsummary.h"

#include <QJsonArray>
#include <QLocale>

namespace gw {

namespace {
QString humanBytes(qint64 bytes)
{
    if (bytes < 1000)
        return QStringLiteral("%1 bytes").arg(bytes);
    if (bytes < 1000 * 1000)
        return QStringLiteral("%1 KB").arg(QString::number(bytes / 1e3, 'f', 1));
    if (bytes < 1000LL * 1000 * 1000)
        return QStringLiteral("%1 MB").arg(QString::number(bytes / 1e6, 'f', 1));
    return QStringLiteral("%1 GB").arg(QString::number(bytes / 1e9, 'f', 2));
}

QJsonArray stagesToJson(const QList<StageSnapshot> &stages)
{
    QJsonArray out;
    for (const auto &stage : stages)
        out.append(toJson(stage));
    return out;
}

QJsonArray toJsonArray(const QList<PathReason> &items)
{
    QJsonArray out;
    for (const auto &item : items)
        out.append(QJsonObject{{QStringLiteral("path"), item.path}, {QStringLiteral("reason"), item.reason}});
    return out;
}
} // namespace

QJsonObject ingestSummaryToJson(const IngestSummary &s)
{
    return QJsonObject{
        {QStringLiteral("documents_done"), s.documentsDone},
        {QStringLiteral("documents_failed"), s.documentsFailed},
        {QStringLiteral("documents_skipped"), s.documentsSkipped},
        {QStringLiteral("documents_cancelled"), s.documentsCancelled},
        {QStringLiteral("failures"), toJsonArray(s.failures)},
        {QStringLiteral("skipped"), toJsonArray(s.skipped)},
        {QStringLiteral("words"), s.words},
        {QStringLiteral("chunks"), s.chunks},
        {QStringLiteral("mentions"), s.mentions},
        {QStringLiteral("relations"), s.relations},
        {QStringLiteral("bytes"), s.bytes},
        {QStringLiteral("seconds"), s.seconds},
        {QStringLiteral("words_per_second"), s.wordsPerSecond()},
        {QStringLiteral("max_concurrency"), s.maxConcurrency},
        {QStringLiteral("cancelled"), s.cancelled},
        {QStringLiteral("stages"), stagesToJson(s.stages)},
        {QStringLiteral("remote_prompt_tokens"), s.remote.promptTokens},
        {QStringLiteral("remote_completion_tokens"), s.remote.completionTokens},
        {QStringLiteral("remote_calls"), s.remote.calls},
        {QStringLiteral("remote_cached"), s.remote.cached},
        {QStringLiteral("remote_fallbacks"), s.remote.fallbacks},
        {QStringLiteral("remote_over_budget"), s.remote.overBudget},
        {QStringLiteral("remote_invalid"), s.remote.invalid},
    };
}

QString ingestSummaryToText(const IngestSummary &s)
{
    const QLocale c = QLocale::c();
    QStringList lines;
    lines << QStringLiteral("%1 documents done, %2 failed, %3 skipped%4")
                 .arg(s.documentsDone)
                 .arg(s.documentsFailed)
                 .arg(s.documentsSkipped)
                 .arg(s.documentsCancelled ? QStringLiteral(", %1 cancelled").arg(s.documentsCancelled) : QString());
    for (const auto &failure : s.failures)
        lines << QStringLiteral("  failed:  %1\n           %2").arg(failure.path, failure.reason);
    for (const auto &skip : s.skipped)
        lines << QStringLiteral("  skipped: %1 (%2)").arg(skip.path, skip.reason);
    lines << QStringLiteral("%1 words in %2 chunks from %3 in %4 s: %5 words/s, %6/s; up to %7 documents at once")
                 .arg(c.toString(s.words), c.toString(s.chunks), humanBytes(s.bytes),
                      QString::number(s.seconds, 'f', 2), c.toString(qint64(s.wordsPerSecond())),
                      humanBytes(s.seconds > 0 ? qint64(s.bytes / s.seconds) : 0))
                 .arg(s.maxConcurrency);
    lines << QStringLiteral("%1 entity mentions and %2 relations found")
                 .arg(c.toString(s.mentions), c.toString(s.relations));
    const RemoteUsage &r = s.remote;
    if (r.calls > 0 || r.cached > 0 || r.fallbacks > 0)
        lines << QStringLiteral("Remote extraction: %1 request(s), %2 prompt + %3 completion tokens; %4 chunk(s) from "
                                "the cache, %5 by the built-in extractor instead")
                     .arg(c.toString(r.calls), c.toString(r.promptTokens), c.toString(r.completionTokens),
                          c.toString(r.cached), c.toString(r.fallbacks));
    if (r.invalid > 0)
        lines << QStringLiteral("%1 remote answer(s) did not follow the schema: their chunks used the built-in "
                                "extractor instead")
                     .arg(c.toString(r.invalid));
    if (r.overBudget > 0)
        lines << QStringLiteral("The remote token budget was reached: %1 chunk(s) used the built-in extractor instead")
                     .arg(c.toString(r.overBudget));
    for (const auto &stage : s.stages) {
        const auto &l = stage.latency;
        lines << QStringLiteral("  %1 %2: p50 %3 ms, p95 %4 ms, max %5 ms, busy %6 s in all")
                     .arg(stage.name, -6)
                     .arg(stage.completed, 6)
                     .arg(QString::number(l.p50Us / 1000.0, 'f', 1), QString::number(l.p95Us / 1000.0, 'f', 1),
                          QString::number(l.maxUs / 1000.0, 'f', 1), QString::number(l.meanUs * l.count / 1e6, 'f', 2));
    }
    if (s.cancelled)
        lines << QStringLiteral("The job was cancelled; finished documents are kept in the project.");
    return lines.join(QLatin1Char('\n'));
}

} // namespace gw
