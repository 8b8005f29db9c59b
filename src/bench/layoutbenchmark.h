#pragma once

#include <QJsonObject>
#include <QString>

namespace gw {

// `graphwright-bench layout [--nodes N] [--edges M] [--project FILE] [--compare]`: the layout
// that shows structure, timed, with its quality: the mean length of relations inside a Leiden
// community against those between communities (CommunityLayout::quality, the ratio
// scripts/layout-quality.py measures from an export). On a random graph with planted communities
// (100,000 nodes and 500,000 relations by default), or on a project's graph as the window shows
// it (significant relations); --compare also times one Fruchterman-Reingold over the whole graph.
class LayoutBenchmark
{
public:
    struct Options
    {
        int nodes = 100'000;
        int edges = 500'000;
        QString project;
        bool allCoOccurrence = false; // with project: every relation, chance co-occurrence too
        bool compare = false;
    };

    explicit LayoutBenchmark(Options options) : m_options(options) {}
    QJsonObject run();

private:
    Options m_options;
};

} // namespace gw
