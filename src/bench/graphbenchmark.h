#pragma once

#include <QJsonObject>

namespace gw {
class KnowledgeGraph;
}

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
    // Nodes in communities of ~50; 90% of the relations inside a community, the rest anywhere.
    // Typed like an extracted graph; repeatable.
    static KnowledgeGraph plantedGraph(int nodes, int edges);

private:
    Options m_options;
};

} // namespace gw
