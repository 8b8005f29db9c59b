#pragma once

#include <QJsonObject>
#include <QString>

namespace gw {

// `graphwright-bench explore --project FILE`: what exploring a real graph costs the GUI thread.
// Opens the project in the graph workspace (offscreen, 1600x1000, the Graph tab's view shown),
// then searches names, expands and collapses communities of the overview, filters by type and by
// text, and turns the overview off and on, each followed by a repaint. Every step runs on the GUI
// thread from start to painted, so its time is the event-loop stall a person would feel; prints
// each kind's median and worst and the worst of all.
class ExploreBenchmark
{
public:
    struct Options
    {
        QString project;
        int rounds = 10;
    };

    explicit ExploreBenchmark(Options options) : m_options(std::move(options)) {}
    QJsonObject run();

private:
    Options m_options;
};

} // namespace gw
