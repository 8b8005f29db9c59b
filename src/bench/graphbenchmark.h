#pragma once

#include <QJsonObject>

namespace gw {

// `graphwright-bench graph --nodes N --edges M`: the graph layer on a random graph with planted
// communities: analytics metric by metric, layout, node embeddings, similar-entity queries, the
// kNN similarity graph and every export format. Prints milliseconds (wall and CPU of the process).
class GraphBenchmark
{
public:
    struct Options
    {
        int nodes = 10'000;
        int edges = 50'000;
        bool exports = true;
    };

    explicit GraphBenchmark(Options options) : m_options(options) {}
    QJsonObject run();

private:
    Options m_options;
};

} // namespace gw
