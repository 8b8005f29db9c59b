#pragma once

#include <QJsonObject>
#include <QString>

namespace gw {

// `graphwright-bench ingest --corpus DIR`: the whole ingestion job (read, parse, chunk, store into
// a fresh project file) at one worker and at N, in this process, with the real engine.
class IngestBenchmark
{
public:
    struct Options
    {
        QString corpus;
        int workers = 0;     // 0 = ideal thread count
        bool extract = true; // include the extract stage (entities and relations)
    };

    explicit IngestBenchmark(Options options) : m_options(std::move(options)) {}
    QJsonObject run();

private:
    QJsonObject runOnce(int jobs);
    QJsonObject runMode(bool extract);

    Options m_options;
};

} // namespace gw
