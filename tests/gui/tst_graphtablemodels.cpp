// The entity and relation tables over a graph snapshot: QAbstractItemModelTester through resets,
// numeric sort through the sort role, text and type filters.
#include "gui/entitytablemodel.h"
#include "gui/graphtablefilter.h"
#include "gui/relationtablemodel.h"
#include "testmain.h"

#include <QAbstractItemModelTester>

using gw::EntityTableModel;
using gw::RelationTableModel;

namespace {

// Ada -> Grace (met, weight 3), Ada -> Zürich (lives_in), Turing -> Ada (cites, weight 12):
// weights 3 and 12 sort wrongly as text ("12" < "3").
void makeGraph(gw::KnowledgeGraph &graph, gw::NodeMetrics &metrics)
{
    const int ada =
        graph.addNode({QStringLiteral("id-ada"), QStringLiteral("PERSON"), QStringLiteral("Ada Lovelace"), 9, 2});
    const int grace =
        graph.addNode({QStringLiteral("id-grace"), QStringLiteral("PERSON"), QStringLiteral("Grace Hopper"), 10, 1});
    const int zurich =
        graph.addNode({QStringLiteral("id-zurich"), QStringLiteral("LOCATION"), QStringLiteral("Zürich"), 2, 1});
    const int turing =
        graph.addNode({QStringLiteral("id-turing"), QStringLiteral("PERSON"), QStringLiteral("alan Turing"), 1, 1});
    gw::GraphEdge met{ada, grace, QStringLiteral("met"), 3};
    met.evidence.documentPath = QStringLiteral("/docs/letters.txt");
    graph.addEdge(met);
    graph.addEdge({ada, zurich, QStringLiteral("lives_in"), 1});
    graph.addEdge({turing, ada, QStringLiteral("cites"), 12});
    metrics.degree = {3, 1, 1, 1};
    metrics.pagerank = {0.4, 0.25, 0.25, 0.1};
    metrics.community = {0, 0, 1, 1};
}

QStringList column(const QAbstractItemModel &model, int column)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, column).data().toString();
    return out;
}

} // namespace

class TstGraphTableModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void entityTableShowsNodesAndMetrics()
    {
        EntityTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        gw::KnowledgeGraph graph;
        gw::NodeMetrics metrics;
        makeGraph(graph, metrics);
        model.setSnapshot(graph, metrics);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(EntityTableModel::ColumnCount));
        QCOMPARE(model.index(0, EntityTableModel::NameColumn).data().toString(), QStringLiteral("Ada Lovelace"));
        QCOMPARE(model.index(0, EntityTableModel::TypeColumn).data().toString(), QStringLiteral("PERSON"));
        QCOMPARE(model.index(0, EntityTableModel::MentionsColumn).data().toLongLong(), 9);
        QCOMPARE(model.index(0, EntityTableModel::DocumentsColumn).data().toLongLong(), 2);
        QCOMPARE(model.index(0, EntityTableModel::DegreeColumn).data().toLongLong(), 3);
        QCOMPARE(model.index(0, EntityTableModel::PageRankColumn).data(EntityTableModel::SortRole).toDouble(), 0.4);
        QCOMPARE(model.index(2, EntityTableModel::CommunityColumn).data().toInt(), 1);
        QCOMPARE(model.index(1, 0).data(EntityTableModel::EntityIdRole).toString(), QStringLiteral("id-grace"));
        QCOMPARE(model.rowOf(QStringLiteral("id-turing")), 3);
        QCOMPARE(model.types(), (QStringList{QStringLiteral("LOCATION"), QStringLiteral("PERSON")}));
        QCOMPARE(model.headerData(EntityTableModel::PageRankColumn, Qt::Horizontal).toString(),
                 QStringLiteral("PageRank"));

        // Without analytics the degree is counted and the other metrics stay empty.
        model.setSnapshot(graph, {});
        QCOMPARE(model.index(0, EntityTableModel::DegreeColumn).data().toLongLong(), 3);
        QVERIFY(!model.index(0, EntityTableModel::PageRankColumn).data().isValid());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void entitiesSortNumericallyAndFilter()
    {
        EntityTableModel model;
        gw::KnowledgeGraph graph;
        gw::NodeMetrics metrics;
        makeGraph(graph, metrics);
        model.setSnapshot(graph, metrics);
        gw::GraphTableFilter proxy(EntityTableModel::SortRole, EntityTableModel::SearchTextRole,
                                   EntityTableModel::TypeRole);
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

        proxy.sort(EntityTableModel::MentionsColumn, Qt::DescendingOrder);
        QCOMPARE(column(proxy, EntityTableModel::MentionsColumn),
                 (QStringList{QStringLiteral("10"), QStringLiteral("9"), QStringLiteral("2"), QStringLiteral("1")}));
        // Names ignore case: "alan Turing" before "Grace Hopper".
        proxy.sort(EntityTableModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(column(proxy, EntityTableModel::NameColumn),
                 (QStringList{QStringLiteral("Ada Lovelace"), QStringLiteral("alan Turing"),
                              QStringLiteral("Grace Hopper"), QStringLiteral("Zürich")}));

        proxy.setText(QStringLiteral("  GRACE "));
        QCOMPARE(column(proxy, EntityTableModel::NameColumn), QStringList{QStringLiteral("Grace Hopper")});
        proxy.setText({});
        proxy.setType(QStringLiteral("LOCATION"));
        QCOMPARE(column(proxy, EntityTableModel::NameColumn), QStringList{QStringLiteral("Zürich")});
        proxy.setText(QStringLiteral("ada"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setType({});
        QCOMPARE(column(proxy, EntityTableModel::NameColumn), QStringList{QStringLiteral("Ada Lovelace")});

        // A new snapshot resets through the proxy and keeps the filter.
        graph.addNode({QStringLiteral("id-adam"), QStringLiteral("PERSON"), QStringLiteral("Adam Smith"), 1, 1});
        metrics = {};
        model.setSnapshot(graph, metrics);
        QCOMPARE(column(proxy, EntityTableModel::NameColumn),
                 (QStringList{QStringLiteral("Ada Lovelace"), QStringLiteral("Adam Smith")}));

        // The sort keys are read again for a new snapshot (a curation edit renames): the order
        // follows the new names, not the ones sorted before.
        proxy.setText({});
        gw::KnowledgeGraph renamed;
        for (const gw::GraphNode &node : graph.nodes()) {
            gw::GraphNode copy = node;
            copy.name = node.id == QLatin1String("id-ada") ? QStringLiteral("Zoe") : node.name;
            renamed.addNode(copy);
        }
        model.setSnapshot(renamed, {});
        QCOMPARE(column(proxy, EntityTableModel::NameColumn),
                 (QStringList{QStringLiteral("Adam Smith"), QStringLiteral("alan Turing"),
                              QStringLiteral("Grace Hopper"), QStringLiteral("Zoe"), QStringLiteral("Zürich")}));
    }

    void relationTableSortsWeightsAsNumbersAndFiltersByType()
    {
        RelationTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        gw::KnowledgeGraph graph;
        gw::NodeMetrics metrics;
        makeGraph(graph, metrics);
        model.setGraph(graph);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, RelationTableModel::SourceColumn).data().toString(), QStringLiteral("Ada Lovelace"));
        QCOMPARE(model.index(0, RelationTableModel::TypeColumn).data().toString(), QStringLiteral("met"));
        QCOMPARE(model.index(0, RelationTableModel::TargetColumn).data().toString(), QStringLiteral("Grace Hopper"));
        QCOMPARE(model.index(0, RelationTableModel::EvidenceColumn).data().toString(), QStringLiteral("letters.txt"));
        QCOMPARE(model.index(0, RelationTableModel::EvidenceColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("/docs/letters.txt"));
        QCOMPARE(model.index(2, 0).data(RelationTableModel::SourceIdRole).toString(), QStringLiteral("id-turing"));
        QCOMPARE(model.index(2, 0).data(RelationTableModel::TargetIdRole).toString(), QStringLiteral("id-ada"));
        QCOMPARE(model.types(),
                 (QStringList{QStringLiteral("cites"), QStringLiteral("lives_in"), QStringLiteral("met")}));

        gw::GraphTableFilter proxy(RelationTableModel::SortRole, RelationTableModel::SearchTextRole,
                                   RelationTableModel::TypeRole);
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(RelationTableModel::WeightColumn, Qt::DescendingOrder);
        QCOMPARE(column(proxy, RelationTableModel::WeightColumn),
                 (QStringList{QStringLiteral("12"), QStringLiteral("3"), QStringLiteral("1")}));
        proxy.setType(QStringLiteral("met"));
        QCOMPARE(column(proxy, RelationTableModel::TargetColumn), QStringList{QStringLiteral("Grace Hopper")});
        proxy.setType({});
        proxy.setText(QStringLiteral("turing"));
        QCOMPARE(column(proxy, RelationTableModel::TypeColumn), QStringList{QStringLiteral("cites")});
        model.clear();
        QCOMPARE(proxy.rowCount(), 0);
    }
};

GW_TEST_WIDGETS_MAIN(TstGraphTableModels)
#include "tst_graphtablemodels.moc"
