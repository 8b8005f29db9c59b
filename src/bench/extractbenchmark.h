#pragma once

#include <QJsonObject>
#include <QString>

namespace gw {

// `graphwright-bench extract --corpus DIR`: entity and relation extraction alone (no parsing, no
// store), over the text files of a folder cut into chunks as the pipeline cuts them, at one thread
// and at N. Reports words per second per core, the measure for the built-in extractor.
class ExtractBenchmark
{
public:
    struct Options
    {
        QString corpus;
        int workers = 0;       // 0 = ideal thread count
        int rounds = 3;        // timed repetitions of each measurement; the best is reported
        int chunkChars = 1000; // as IngestOptions
        int chunkOverlap = 100;
    };

    explicit ExtractBenchmark(Options options) : m_options(std::move(options)) {}
    QJsonObject run();

private:
    Options m_options;
};

} // namespace gw
