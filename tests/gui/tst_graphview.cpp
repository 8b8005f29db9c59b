// GraphView: clicking selects the node under the cursor, centring and search put a node in the
// middle, filters hide nodes from drawing and hit testing, hover lights the neighbours, level of
// detail drops labels when crowded, PNG and SVG export, layout off the GUI thread (finishes,
// cancels) and positions stored in the project load back; the community overview of a big graph
// (discs, links, expand and collapse in place) and a legend that never covers the fitted graph.
#include "pipeline/graphlayoutjob.h"
#include "pipeline/projectgraph.h"
#include "gui/graphpanel.h"
#include "gui/graphview.h"

#include "graph/graphlayout.h"
#include "store/projectstore.h"
#include "store/sampledocuments.h"
#include "testmain.h"

#include <QImage>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

using gw::GraphView;
using gw::KnowledgeGraph;

namespace {

// A `side` x `side` grid of nodes, each joined to its right and lower neighbour; types cycle
// through PERSON, ORGANIZATION, LOCATION; communities are the grid's four quadrants.
struct GridGraph
{
    KnowledgeGraph graph;
    QList<QPointF> positions;
    gw::NodeMetrics metrics;
};

GridGraph gridGraph(int side)
{
    static const QStringList types{QStringLiteral("PERSON"), QStringLiteral("ORGANIZATION"),
                                   QStringLiteral("LOCATION")};
    GridGraph grid;
    for (int y = 0; y < side; ++y) {
        for (int x = 0; x < side; ++x) {
            const int i = y * side + x;
            grid.graph.addNode({QStringLiteral("n%1").arg(i), types.at(i % 3), QStringLiteral("Node %1").arg(i), 1, 1});
            grid.positions.append(QPointF(x, y));
            grid.metrics.community.append((y < side / 2 ? 0 : 2) + (x < side / 2 ? 0 : 1));
        }
    }
    for (int y = 0; y < side; ++y) {
        for (int x = 0; x < side; ++x) {
            const int i = y * side + x;
            if (x + 1 < side)
                grid.graph.addEdge({i, i + 1, QStringLiteral("next_to"), 1, {}});
            if (y + 1 < side)
                grid.graph.addEdge({i, i + side, QStringLiteral("next_to"), 1, {}});
        }
    }
    return grid;
}

int countNonWhite(const QImage &image)
{
    int count = 0;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); y += 2) {
        for (int x = 0; x < rgb.width(); x += 2)
            count += rgb.pixel(x, y) != qRgb(255, 255, 255) ? 1 : 0;
    }
    return count;
}

} // namespace

class TestGraphView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clickSelectsTheNodeUnderTheCursor()
    {
        const GridGraph grid = gridGraph(5);
        GraphView view;
        view.resize(600, 500);
        view.setGraph(grid.graph, grid.positions, grid.metrics);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy selected(&view, &GraphView::nodeSelected);
        const QPoint at = view.nodePosition(13).toPoint();
        QTest::mouseClick(&view, Qt::LeftButton, {}, at);
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.first().first().toInt(), 13);
        QCOMPARE(view.selectedNode(), 13);
        // Empty space between nodes clears the selection.
        const QPoint between = ((view.nodePosition(0) + view.nodePosition(6)) / 2).toPoint();
        QTest::mouseClick(&view, Qt::LeftButton, {}, between);
        QCOMPARE(selected.count(), 2);
        QCOMPARE(selected.last().first().toInt(), -1);
        // A drag pans instead of selecting.
        const QPointF before = view.nodePosition(13);
        QTest::mousePress(&view, Qt::LeftButton, {}, at);
        QMouseEvent move(QEvent::MouseMove, QPointF(at + QPoint(40, 30)),
                         view.mapToGlobal(QPointF(at + QPoint(40, 30))), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&view, &move);
        QTest::mouseRelease(&view, Qt::LeftButton, {}, at + QPoint(40, 30));
        QCOMPARE(selected.count(), 2);
        QCOMPARE(view.nodePosition(13), before + QPointF(40, 30));
    }

    void centerOnAndSearchPutTheNodeInTheMiddle()
    {
        const GridGraph grid = gridGraph(20);
        GraphView view;
        view.resize(640, 480);
        view.setGraph(grid.graph, grid.positions, grid.metrics);
        view.centerOn(57);
        const QPointF middle(320, 240);
        QVERIFY((view.nodePosition(57) - middle).manhattanLength() < 1);

        gw::GraphPanel panel;
        panel.resize(800, 600);
        panel.setGraph(grid.graph, grid.metrics, grid.positions);
        QSignalSpy selected(panel.view(), &GraphView::nodeSelected);
        QVERIFY(panel.search(QStringLiteral("node 123")));
        QCOMPARE(panel.view()->selectedNode(), 123);
        QCOMPARE(selected.count(), 1);
        const QPointF centre(panel.view()->width() / 2.0, panel.view()->height() / 2.0);
        QVERIFY((panel.view()->nodePosition(123) - centre).manhattanLength() < 1);
        QVERIFY(!panel.search(QStringLiteral("no such entity")));
        QVERIFY(panel.completionCount() >= 400);

        // A refreshed project gives the panel a second graph: its menus are rebuilt, not lost.
        const GridGraph smaller = gridGraph(5);
        panel.setGraph(smaller.graph, smaller.metrics, smaller.positions);
        QCOMPARE(panel.completionCount(), 25);
        QVERIFY(panel.search(QStringLiteral("node 7")));
        QCOMPARE(panel.view()->selectedNode(), 7);
    }

    void overviewShowsCommunitiesAndExpandsThemInPlace()
    {
        // 60 x 60 = 3,600 entities in four quadrant communities: above the panel's threshold.
        const GridGraph grid = gridGraph(60);
        gw::GraphPanel panel;
        panel.resize(900, 700);
        panel.setGraph(grid.graph, grid.metrics, grid.positions);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        GraphView *view = panel.view();
        QVERIFY(view->isOverviewEnabled());
        QVERIFY(panel.overviewAction()->isChecked());
        QCOMPARE(view->scene().shownCount(), 0);
        const gw::CommunityOverview &overview = view->overview();
        QCOMPARE(int(overview.clusters().size()), 4); // no small groups here
        QCOMPARE(overview.collapsedEntityCount(), 3600);
        // One link per pair of neighbouring quadrants, standing for the 30 edges across.
        QCOMPARE(int(overview.links().size()), 4);
        for (const gw::CommunityOverview::Link &link : overview.links())
            QCOMPARE(link.weight, 30);
        const int first = overview.clusterOfCommunity(0);
        QVERIFY((overview.clusters()[size_t(first)].centre - QPointF(14.5, 14.5)).manhattanLength() <= 1);
        QVERIFY(overview.clusters()[size_t(first)].topNames.size() == 3);
        QImage frame = view->renderImage();
        QVERIFY(countNonWhite(frame) > 1000);

        // A double click on a disc shows its entities where the layout put them.
        const QPointF disc = view->mapFromWorld(overview.clusters()[size_t(first)].centre);
        QCOMPARE(view->clusterAt(disc), first);
        QSignalSpy changed(view, &GraphView::overviewChanged);
        QTest::mouseDClick(view, Qt::LeftButton, {}, disc.toPoint());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(view->scene().shownCount(), 900);
        QVERIFY(view->isNodeShown(0) && !view->isNodeShown(59));
        QCOMPARE(view->clusterAt(view->nodePosition(0)), -1); // an expanded community has no disc
        // Its border entities now link to the neighbouring discs one by one: 2 x 30, plus 2 pairs.
        QCOMPARE(int(overview.links().size()), 62);
        QVERIFY(panel.collapseAllAction()->isEnabled());

        // An entity chosen elsewhere (table, search) comes out of its disc with its neighbours.
        view->selectNode(3599);
        QCOMPARE(view->selectedNode(), 3599);
        QCOMPARE(view->scene().shownCount(), 903); // 3599, 3598 and 3539
        QVERIFY(view->isNodeShown(3539) && !view->isNodeShown(3597));
        QVERIFY(panel.search(QStringLiteral("Node 1810"))); // community 2 (lower left)
        QCOMPARE(view->scene().shownCount(), 907);          // 1809, 1811, 1870 (1750 was shown)
        // A double click on it takes one more step out.
        QTest::mouseDClick(view, Qt::LeftButton, {}, view->nodePosition(1811).toPoint());
        QCOMPARE(view->scene().shownCount(), 909); // 1812 and 1871 (1751 was shown)
        view->revealNeighbours(3598, QStringLiteral("no_such_relation"));
        QCOMPARE(view->scene().shownCount(), 909);
        // Backspace: the selected entity's community back into its disc.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Backspace);
        QCOMPARE(view->scene().shownCount(), 903);
        QVERIFY(!view->isNodeShown(1810));
        QCOMPARE(view->selectedNode(), -1);
        view->expandCommunity(3);
        QCOMPARE(view->scene().shownCount(), 1800); // what was revealed there is in it

        // A path is drawn, its entities out of their discs, and fitted.
        panel.collapseAllAction()->trigger();
        QCOMPARE(view->scene().shownCount(), 0);
        view->showPath({0, 1, 2, 62, 122});
        QCOMPARE(view->scene().shownCount(), 5);
        QCOMPARE(view->path().size(), 5);
        for (int node : {0, 122})
            QVERIFY(QRectF(view->rect()).contains(view->nodePosition(node)));
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Escape);
        QVERIFY(view->path().isEmpty());
        view->expandCommunity(0);
        view->expandCommunity(3);
        QCOMPARE(view->scene().shownCount(), 1800);

        // An edit of the same graph keeps what is open; a new graph starts collapsed.
        panel.setGraph(grid.graph, grid.metrics, grid.positions, {}, gw::ViewFit::Keep);
        QCOMPARE(view->scene().shownCount(), 1800);
        panel.collapseAllAction()->trigger();
        QCOMPARE(view->scene().shownCount(), 0);
        // An ego network is never hidden by the overview.
        view->showEgoNetwork(61, 1);
        QCOMPARE(view->scene().shownCount(), 5);
        view->clearEgoNetwork();
        QCOMPARE(view->scene().shownCount(), 0);
        // Off: every entity, one click away.
        panel.overviewAction()->trigger();
        QVERIFY(!view->isOverviewEnabled());
        QCOMPARE(view->scene().shownCount(), 3600);
        QCOMPARE(view->renderImage().size(), frame.size());

        // A small graph opens in full.
        const GridGraph small = gridGraph(10);
        panel.setGraph(small.graph, small.metrics, small.positions);
        QVERIFY(!view->isOverviewEnabled());
        QCOMPARE(view->scene().shownCount(), 100);
    }

    void smallCommunitiesShareOneDisc()
    {
        // 2,500 grid entities in four communities and 1,000 isolated names, each its own community.
        GridGraph grid = gridGraph(50);
        for (int i = 0; i < 1000; ++i) {
            grid.graph.addNode(
                {QStringLiteral("s%1").arg(i), QStringLiteral("MISC"), QStringLiteral("Lone %1").arg(i), 1, 1});
            grid.positions.append(QPointF(60 + i % 30, i / 30));
            grid.metrics.community.append(4 + i);
        }
        gw::GraphPanel panel;
        panel.resize(900, 700);
        panel.setGraph(grid.graph, grid.metrics, grid.positions);
        GraphView *view = panel.view();
        QVERIFY(view->isOverviewEnabled());
        const gw::CommunityOverview &overview = view->overview();
        const int small = overview.clusterOfCommunity(gw::CommunityOverview::kSmallGroups);
        QVERIFY(small >= 0);
        QCOMPARE(overview.clusterOfCommunity(700), small);
        QCOMPARE(overview.clusters()[size_t(small)].members, 1000);
        QCOMPARE(int(overview.clusters().size()), 5);
        view->expandCommunity(gw::CommunityOverview::kSmallGroups);
        QCOMPARE(view->scene().shownCount(), 1000);
        QVERIFY(view->isNodeShown(2500) && !view->isNodeShown(0));
    }

    void veryManyNodesAreDrawnAsDots()
    {
        // 250 x 250 = 62,500 nodes fitted: beyond GraphRenderOptions::dotImageAbove, the small
        // ones become pixels of one image; every node still shows (the grid's pixels are set).
        const GridGraph grid = gridGraph(250);
        GraphView view;
        view.resize(500, 500);
        view.setGraph(grid.graph, grid.positions, grid.metrics);
        view.setLegendVisible(false);
        view.setEdgeBudget(0);
        const QImage image = view.renderImage();
        QCOMPARE(view.visibleNodeCount(), 62'500);
        // Four quadrants in four colours, no white left inside the grid's square.
        const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
        const QPointF topLeft = view.nodePosition(0), bottomRight = view.nodePosition(62'499);
        int white = 0, inside = 0;
        for (int y = int(topLeft.y()) + 2; y < int(bottomRight.y()) - 2; y += 3) {
            for (int x = int(topLeft.x()) + 2; x < int(bottomRight.x()) - 2; x += 3) {
                ++inside;
                white += rgb.pixel(x, y) == qRgb(255, 255, 255) ? 1 : 0;
            }
        }
        QVERIFY(inside > 1000);
        QCOMPARE(white, 0);
        QVERIFY(rgb.pixel(view.nodePosition(0).toPoint()) != rgb.pixel(view.nodePosition(62'499).toPoint()));
    }

    void legendNeverCoversTheFittedGraph()
    {
        const GridGraph grid = gridGraph(8);
        GraphView view;
        view.resize(700, 400);
        view.setGraph(grid.graph, grid.positions, grid.metrics);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.fitToView();
        const QRectF legend = gw::GraphRenderer::legendRect(view.scene(), {});
        QVERIFY(!legend.isNull());
        for (int i = 0; i < grid.graph.nodeCount(); ++i)
            QVERIFY2(view.nodePosition(i).x() > legend.right(), qPrintable(QString::number(i)));
        // A click on the legend's title folds it to one line.
        QVERIFY(!view.isLegendCollapsed());
        QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(20, 16));
        QVERIFY(view.isLegendCollapsed());
        QVERIFY(view.selectedNode() == -1);

        // Too narrow to keep it beside: it folds by itself, and the graph fits below its title.
        GraphView narrow;
        narrow.resize(260, 400);
        narrow.setGraph(grid.graph, grid.positions, grid.metrics);
        narrow.show();
        QVERIFY(QTest::qWaitForWindowExposed(&narrow));
        QVERIFY(narrow.isLegendCollapsed());
        gw::GraphRenderOptions folded;
        folded.legendCollapsed = true;
        folded.legendTitle = QStringLiteral("Colour by community");
        const QRectF title = gw::GraphRenderer::legendRect(narrow.scene(), folded);
        for (int i = 0; i < grid.graph.nodeCount(); ++i)
            QVERIFY2(narrow.nodePosition(i).y() > title.bottom(), qPrintable(QString::number(i)));
    }

    void filtersHideNodesFromDrawingAndHitTesting()
    {
        const GridGraph grid = gridGraph(6); // 36 nodes, 12 of each type
        GraphView view;
        view.resize(600, 600);
        view.setGraph(grid.graph, grid.positions, grid.metrics);
        QCOMPARE(view.visibleNodeCount(), 36);
        const QPointF personAt = view.nodePosition(3); // 3 % 3 == 0: a PERSON
        QCOMPARE(view.nodeAt(personAt), 3);

        view.setHiddenTypes({QStringLiteral("PERSON")});
        QVERIFY(!view.isNodeShown(3));
        QVERIFY(view.isNodeShown(4));
        QCOMPARE(view.scene().shownCount(), 24);
        QCOMPARE(view.visibleNodeCount(), 24);
        QCOMPARE(view.nodeAt(personAt), -1);
        view.selectNode(3);
        QCOMPARE(view.selectedNode(), -1);
        view.setHiddenTypes({});
        QCOMPARE(view.visibleNodeCount(), 36);

        // Corners have degree 2, borders 3, the inside 4.
        view.setMinimumDegree(4);
        QCOMPARE(view.scene().shownCount(), 16);
        QVERIFY(!view.isNodeShown(0));
        QVERIFY(view.isNodeShown(7));
        view.setMinimumDegree(0);

        view.setHiddenCommunities({0, 3});
        QCOMPARE(view.scene().shownCount(), 18);
        QVERIFY(!view.isNodeShown(0));  // top left
        QVERIFY(view.isNodeShown(5));   // top right
        QVERIFY(!view.isNodeShown(35)); // bottom right
        view.setHiddenCommunities({});

        QList<bool> documents(36, false);
        documents[1] = documents[2] = true;
        view.setVisibleNodes(documents);
        QCOMPARE(view.scene().shownCount(), 2);
        QCOMPARE(view.visibleNodeCount(), 2);
        view.setVisibleNodes(QBitArray());

        view.showEgoNetwork(14, 1); // (2, 2) and its four neighbours
        QCOMPARE(view.scene().shownCount(), 5);
        for (int node : {14, 8, 13, 15, 20})
            QVERIFY(view.isNodeShown(node));
        view.showEgoNetwork(14, 2);
        QCOMPARE(view.scene().shownCount(), 13);
        view.clearEgoNetwork();
        QCOMPARE(view.scene().shownCount(), 36);
    }

    void hoverHighlightsTheNeighbours()
    {
        const GridGraph grid = gridGraph(5);
        GraphView view;
        view.resize(500, 500);
        view.setGraph(grid.graph, grid.positions, grid.metrics);
        QSignalSpy hovered(&view, &GraphView::nodeHovered);
        const QPointF at = view.nodePosition(12);
        QMouseEvent move(QEvent::MouseMove, at, view.mapToGlobal(at), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(&view, &move);
        QCOMPARE(view.hoveredNode(), 12);
        QCOMPARE(hovered.count(), 1);
        QList<int> lit = view.highlightedNodes();
        std::sort(lit.begin(), lit.end());
        QCOMPARE(lit, (QList<int>{7, 11, 12, 13, 17}));
        // A hidden neighbour is not lit (11 and 17 are LOCATIONs); rendering the highlight works.
        view.setHiddenTypes({QStringLiteral("LOCATION")});
        lit = view.highlightedNodes();
        std::sort(lit.begin(), lit.end());
        QCOMPARE(lit, (QList<int>{7, 12, 13}));
        view.setHiddenTypes({});
        QVERIFY(countNonWhite(view.renderImage()) > 0);
        view.setHoveredNode(-1);
        QVERIFY(view.highlightedNodes().isEmpty());
    }

    void labelsOnlyWhenFewNodesAreVisible()
    {
        const GridGraph grid = gridGraph(40); // 1,600 nodes
        GraphView view;
        view.resize(800, 600);
        view.setGraph(grid.graph, grid.positions, grid.metrics);
        QVERIFY(view.visibleNodeCount() > 300);
        QVERIFY(!view.labelsAllVisible());
        view.renderImage();
        view.grab();
        QVERIFY(!view.lastFrameStats().allLabels);
        QVERIFY(view.lastFrameStats().labelsDrawn <= 30);

        view.centerOn(820);
        for (int i = 0; i < 12 && view.visibleNodeCount() > 300; ++i)
            view.zoomIn();
        QVERIFY(view.visibleNodeCount() <= 300);
        QVERIFY(view.labelsAllVisible());
        view.grab();
        QVERIFY(view.lastFrameStats().allLabels);
        QVERIFY(view.lastFrameStats().labelsDrawn > 0);
    }

    void exportsPngAndSvg()
    {
        const GridGraph grid = gridGraph(6);
        GraphView view;
        view.resize(400, 300);
        view.setGraph(grid.graph, grid.positions, grid.metrics);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("view.png"));
        QVERIFY(view.exportPng(png));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(800, 600));
        QVERIFY(countNonWhite(image) > 100);

        const QString svg = dir.filePath(QStringLiteral("view.svg"));
        QVERIFY(view.exportSvg(svg));
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("Node 0"));
    }

    void layoutRunsOffTheGuiThreadAndCancels()
    {
        const GridGraph small = gridGraph(10);
        gw::GraphLayoutJob job;
        QSignalSpy ready(&job, &gw::GraphLayoutJob::positionsReady);
        QSignalSpy cancelled(&job, &gw::GraphLayoutJob::cancelled);
        job.compute(small.graph);
        QVERIFY(job.isRunning());
        QVERIFY(ready.count() > 0 || ready.wait(30'000)); // a tiny job may end inside the call
        const auto positions = ready.first().first().value<QList<QPointF>>();
        QCOMPARE(positions.size(), 100);
        QVERIFY(ready.first().at(1).toBool());
        QVERIFY(!job.isRunning());

        // Big enough to take seconds: the cancel lands while it runs.
        const GridGraph big = gridGraph(150);
        job.compute(big.graph);
        job.cancel();
        QVERIFY(cancelled.count() > 0 || cancelled.wait(30'000));
        QCOMPARE(ready.count(), 1);
        QVERIFY(!job.isRunning());

        // A rerun supersedes: only the latest result arrives.
        job.compute(big.graph);
        job.compute(small.graph);
        // The small run waits for the superseded big one to give igraph back: slow under a sanitizer.
        QTRY_VERIFY_WITH_TIMEOUT(!job.isRunning(), 30'000);
        QCOMPARE(ready.count(), 2);
        QCOMPARE(ready.last().first().value<QList<QPointF>>().size(), 100);
        QTest::qWait(50); // nothing late from the superseded run
        QCOMPARE(ready.count(), 2);
    }

    void savedPositionsReload()
    {
        QTemporaryDir dir;
        std::shared_ptr<gw::ProjectStore> store(gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp"))));
        gw::DocumentRecord record = gw::testing::sampleDocument(QStringLiteral("/a.txt"), 2);
        gw::testing::addSampleExtraction(
            record,
            {gw::testing::sampleEntity(QStringLiteral("Ada")), gw::testing::sampleEntity(QStringLiteral("Grace")),
             gw::testing::sampleEntity(QStringLiteral("Zürich"), {}, QStringLiteral("LOCATION"))});
        store->writeDocumentBlocking(record);
        const KnowledgeGraph graph = KnowledgeGraph::fromStore(*store);
        QCOMPARE(graph.nodeCount(), 3);

        gw::GraphLayoutJob job;
        job.setProjectGraph(std::make_shared<gw::ProjectGraph>(store));
        QSignalSpy ready(&job, &gw::GraphLayoutJob::positionsReady);
        job.loadOrCompute(graph);                         // nothing stored: computes and saves
        QVERIFY(ready.count() > 0 || ready.wait(30'000)); // a tiny job may end inside the call
        QVERIFY(ready.first().at(1).toBool());
        const auto computed = ready.first().first().value<QList<QPointF>>();
        QCOMPARE(gw::GraphLayout::loadLayout(*store, graph), computed);

        gw::GraphLayoutJob again;
        again.setProjectGraph(std::make_shared<gw::ProjectGraph>(store));
        QSignalSpy loaded(&again, &gw::GraphLayoutJob::positionsReady);
        again.loadOrCompute(graph);
        QVERIFY(loaded.count() > 0 || loaded.wait(30'000));
        QVERIFY(!loaded.first().at(1).toBool()); // loaded, not computed
        QCOMPARE(loaded.first().first().value<QList<QPointF>>(), computed);
    }
};

GW_TEST_WIDGETS_MAIN(TestGraphView)
#include "tst_graphview.moc"
