#include "explorebenchmark.h"

#include "gui/graphpanel.h"
#include "gui/graphview.h"
#include "gui/graphworkspace.h"
#include "pipeline/projectgraph.h"
#include "core/eventlooplagprobe.h"
#include "core/syncwait.h"
#include "store/projectstore.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMap>

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <functional>

namespace gw {

namespace {

double msSince(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1e6;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace

QJsonObject ExploreBenchmark::run()
{
    std::shared_ptr<ProjectStore> store = ProjectStore::open(m_options.project);
    GraphWorkspace workspace;
    workspace.resize(1600, 1000);
    workspace.show();
    int loads = 0;
    QObject::connect(&workspace, &GraphWorkspace::loaded, &workspace, [&loads] { ++loads; });
    QElapsedTimer timer;
    timer.start();
    EventLoopLagProbe lag; // while the graph is read off the thread and shown in slices
    workspace.setProjectGraph(std::make_shared<ProjectGraph>(store));
    QDeadlineTimer deadline(300'000);
    while (loads == 0 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    // The layout of a project without one comes after the load: wait for it too.
    GraphPanel *panel = workspace.graphPanel();
    GraphView *view = workspace.graphView();
    while (view->scene().positions().empty() || !std::isfinite(view->scene().positions().front().x())) {
        if (deadline.hasExpired())
            break;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    const KnowledgeGraph &graph = workspace.graph();
    const EventLoopLagSnapshot opening = lag.snapshot();
    lag.stop();
    std::printf("explore: %s: %d entities, %d relations shown, opened in %.0f ms (event-loop lag meanwhile: "
                "p99 %.1f ms, max %.1f ms); overview %s\n",
                qPrintable(m_options.project), graph.nodeCount(), graph.edgeCount(), msSince(timer), opening.p99Ms,
                opening.maxMs, view->isOverviewEnabled() ? "on" : "off");

    QMap<QString, QList<double>> steps;
    const auto step = [&](const QString &kind, const std::function<void()> &action) {
        QElapsedTimer stepTimer;
        stepTimer.start();
        action();
        view->repaint();                   // painted before the event loop turns again
        QCoreApplication::processEvents(); // and whatever the step queued
        steps[kind].append(msSince(stepTimer));
    };
    // Names to look for: the most central entities, and some of the long tail.
    const std::vector<int> &bySize = view->scene().nodesBySize();
    QStringList names;
    for (int r = 0; r < m_options.rounds && size_t(r) < bySize.size(); ++r) {
        names.append(graph.node(bySize[size_t(r)]).name);
        names.append(graph.node(bySize[bySize.size() - 1 - size_t(r) * 97 % bySize.size()]).name);
    }
    view->setOverviewEnabled(true);
    for (const QString &name : std::as_const(names))
        step(QStringLiteral("search"), [&] { panel->search(name); });
    const std::vector<CommunityOverview::Cluster> clusters = view->overview().clusters();
    for (int r = 0; r < m_options.rounds && size_t(r) < clusters.size(); ++r)
        step(QStringLiteral("expand"), [&] { view->expandCommunity(clusters[size_t(r)].community); });
    for (int r = 0; r < m_options.rounds && size_t(r) < clusters.size(); ++r)
        step(QStringLiteral("collapse"), [&] { view->collapseCommunity(clusters[size_t(r)].community); });
    step(QStringLiteral("collapse all"), [&] { view->collapseAllCommunities(); });
    QComboBox *types = workspace.typeCombo();
    for (int r = 0; r < m_options.rounds; ++r)
        step(QStringLiteral("type filter"), [&] { types->setCurrentIndex((r + 1) % types->count()); });
    step(QStringLiteral("type filter"), [&] { types->setCurrentIndex(0); });
    const QString typed = names.isEmpty() ? QStringLiteral("the") : names.first().left(4);
    for (int length = 1; length <= typed.size(); ++length)
        step(QStringLiteral("text filter"), [&] { workspace.filterEdit()->setText(typed.left(length)); });
    step(QStringLiteral("text filter"), [&] { workspace.filterEdit()->clear(); });
    for (int r = 0; r < 3; ++r) {
        step(QStringLiteral("overview off"), [&] { view->setOverviewEnabled(false); });
        step(QStringLiteral("overview on"), [&] { view->setOverviewEnabled(true); });
    }

    QJsonObject report{{QStringLiteral("entities"), graph.nodeCount()},
                       {QStringLiteral("relations"), graph.edgeCount()}};
    double worst = 0;
    for (auto it = steps.cbegin(); it != steps.cend(); ++it) {
        const double max = *std::max_element(it.value().begin(), it.value().end());
        worst = std::max(worst, max);
        std::printf("  %-13s %3lld steps: median %6.1f ms, worst %6.1f ms\n", qPrintable(it.key()),
                    qlonglong(it.value().size()), median(it.value()), max);
        report.insert(it.key(),
                      QJsonObject{{QStringLiteral("medianMs"), median(it.value())}, {QStringLiteral("worstMs"), max}});
    }
    std::printf("  worst step: %.1f ms (the GUI thread busy from the step to its painted frame)\n", worst);
    report.insert(QStringLiteral("worstMs"), worst);
    gw::syncWait(workspace.closeProject());
    return report;
}

} // namespace gw
