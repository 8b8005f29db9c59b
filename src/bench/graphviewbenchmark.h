#pragma once

#include <QJsonObject>

namespace gw {

// `graphwright-bench graphview`: layout time and offscreen frame times of the graph view.
class GraphViewBenchmark
{
public:
    struct Options
    {
        int nodes = 10'000;
        int edges = 50'000;
        int width = 1280;
        int height = 800;
        int framesPerZoom = 12;
        bool layout = true; // false: positions from the planted communities (no igraph layout)
        QString project;    // with png: render this project's graph into png instead
        QString png;
    };

    explicit GraphViewBenchmark(Options options) : m_options(options) {}
    QJsonObject run();
    // The view of a project's graph (metrics, stored or new layout) as a PNG, for screenshots.
    QJsonObject renderProject();

private:
    Options m_options;
};

} // namespace gw
