#include "extractbenchmark.h"

#include "extract/entityextractor.h"
#include "extract/relationextractor.h"
#include "ingest/chunker.h"
#include "pipeline/documentingester.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

namespace gw {

namespace {

struct Corpus
{
    std::vector<QString> chunks;
    qint64 words = 0; // of the documents, not of the chunks (their overlaps are not counted twice)
    qint64 bytes = 0;
    int files = 0;
};

Corpus loadCorpus(const QString &folder, int chunkChars, int chunkOverlap)
{
    Corpus corpus;
    const Chunker chunker(chunkChars, chunkOverlap);
    QStringList paths;
    QDirIterator it(folder, {QStringLiteral("*.txt"), QStringLiteral("*.md")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        paths.append(it.next());
    paths.sort(); // the same order on every run
    for (const QString &path : std::as_const(paths)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        const QString text = QString::fromUtf8(bytes);
        corpus.bytes += bytes.size();
        corpus.words += countWords(text);
        ++corpus.files;
        for (const Chunk &chunk : chunker.chunk(text))
            corpus.chunks.push_back(chunk.text);
    }
    return corpus;
}

struct Totals
{
    qint64 mentions = 0;
    qint64 relations = 0;
    qint64 typedRelations = 0;
};

// Extracts every chunk on `threads` threads (an atomic cursor hands chunks out, as a pool
// would); returns the wall-clock seconds.
double extractAll(const Corpus &corpus, int threads, Totals &totals)
{
    const EntityExtractor entities;
    const RelationExtractor relations;
    std::atomic<size_t> next{0};
    std::atomic<qint64> mentionCount{0}, relationCount{0}, typedCount{0};
    const auto work = [&] {
        qint64 m = 0, r = 0, typed = 0;
        for (size_t i = next.fetch_add(1); i < corpus.chunks.size(); i = next.fetch_add(1)) {
            const QString &text = corpus.chunks[i];
            const QList<Mention> found = entities.extract(text);
            const QList<RelationMention> related = relations.extract(text, found);
            m += found.size();
            r += related.size();
            typed += std::count_if(related.cbegin(), related.cend(),
                                   [](const RelationMention &x) { return x.type != RelationType::CoOccurs; });
        }
        mentionCount += m, relationCount += r, typedCount += typed;
    };
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (std::thread &thread : pool)
        thread.join();
    const double seconds = timer.nsecsElapsed() / 1e9;
    totals = {mentionCount.load(), relationCount.load(), typedCount.load()};
    return seconds;
}

// Entities alone, then relations alone on the entities found, single-threaded: where the time goes.
std::pair<double, double> splitStages(const Corpus &corpus)
{
    const EntityExtractor entities;
    const RelationExtractor relations;
    std::vector<QList<Mention>> found(corpus.chunks.size());
    QElapsedTimer timer;
    timer.start();
    for (size_t i = 0; i < corpus.chunks.size(); ++i)
        found[i] = entities.extract(corpus.chunks[i]);
    const double entitySeconds = timer.nsecsElapsed() / 1e9;
    timer.restart();
    qint64 sink = 0;
    for (size_t i = 0; i < corpus.chunks.size(); ++i)
        sink += relations.extract(corpus.chunks[i], found[i]).size();
    const double relationSeconds = timer.nsecsElapsed() / 1e9;
    Q_UNUSED(sink);
    return {entitySeconds, relationSeconds};
}

} // namespace

QJsonObject ExtractBenchmark::run()
{
    const int n = m_options.workers > 0 ? m_options.workers : QThread::idealThreadCount();
    const int rounds = std::max(1, m_options.rounds);
    std::printf("graphwright-bench extract: %s\n", qPrintable(m_options.corpus));
    QElapsedTimer loading;
    loading.start();
    const Corpus corpus = loadCorpus(m_options.corpus, m_options.chunkChars, m_options.chunkOverlap);
    std::printf("  %d files, %.1f MB, %lld words, %zu chunks of up to %d characters (read and chunked in %.2f s)\n",
                corpus.files, corpus.bytes / 1e6, static_cast<long long>(corpus.words), corpus.chunks.size(),
                m_options.chunkChars, loading.nsecsElapsed() / 1e9);
    if (corpus.chunks.empty()) {
        std::printf("  no text: nothing to measure\n");
        return {};
    }
    std::fflush(stdout);

    Totals totals;
    extractAll(corpus, 1, totals); // warm-up: gazetteers and compiled patterns are built once
    const auto best = [&](int threads) {
        double seconds = 1e300;
        for (int r = 0; r < rounds; ++r)
            seconds = std::min(seconds, extractAll(corpus, threads, totals));
        return seconds;
    };
    const auto report = [&](int threads, double seconds) {
        const double wordsPerSecond = corpus.words / seconds;
        std::printf("  %d thread%s: %7.3f s, %12.0f words/s, %12.0f words/s per core, %6.1f MB/s\n", threads,
                    threads == 1 ? " " : "s", seconds, wordsPerSecond, wordsPerSecond / threads,
                    corpus.bytes / 1e6 / seconds);
        std::fflush(stdout);
        return QJsonObject{{QStringLiteral("threads"), threads},
                           {QStringLiteral("seconds"), seconds},
                           {QStringLiteral("words_per_second"), wordsPerSecond},
                           {QStringLiteral("words_per_second_per_core"), wordsPerSecond / threads}};
    };
    std::printf("  best of %d rounds:\n", rounds);
    const double serialSeconds = best(1);
    const QJsonObject serial = report(1, serialSeconds);
    const double parallelSeconds = best(n);
    const QJsonObject parallel = report(n, parallelSeconds);
    const double speedup = serialSeconds / parallelSeconds;
    std::printf("  speedup %.2fx with %d threads, parallel efficiency %.0f%%\n", speedup, n, speedup / n * 100);
    const auto [entitySeconds, relationSeconds] = splitStages(corpus);
    std::printf("  1 thread, by stage: entities %.3f s (%.0f words/s), relations %.3f s (%.0f words/s)\n",
                entitySeconds, corpus.words / entitySeconds, relationSeconds, corpus.words / relationSeconds);
    std::printf("  found %lld mentions, %lld relations (%lld typed)\n", static_cast<long long>(totals.mentions),
                static_cast<long long>(totals.relations), static_cast<long long>(totals.typedRelations));
    return QJsonObject{{QStringLiteral("corpus"), m_options.corpus},
                       {QStringLiteral("files"), corpus.files},
                       {QStringLiteral("bytes"), corpus.bytes},
                       {QStringLiteral("words"), corpus.words},
                       {QStringLiteral("chunks"), qint64(corpus.chunks.size())},
                       {QStringLiteral("serial"), serial},
                       {QStringLiteral("parallel"), parallel},
                       {QStringLiteral("speedup"), speedup},
                       {QStringLiteral("entity_seconds"), entitySeconds},
                       {QStringLiteral("relation_seconds"), relationSeconds},
                       {QStringLiteral("mentions"), totals.mentions},
                       {QStringLiteral("relations"), totals.relations},
                       {QStringLiteral("typed_relations"), totals.typedRelations}};
}

} // namespace gw
