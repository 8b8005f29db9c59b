// The graph workspace offscreen on a small real project: it loads off the GUI thread, a selected
// entity row fills the details with its provenance, filters hide rows, similar entities fill,
// tables export as CSV.
#include "core/syncwait.h"
#include "graph/graphlayout.h"
#include "graph/knowledgegraph.h"
#include "graph/nodeembedding.h"
#include "gui/entitydetailspanel.h"
#include "gui/entitytablemodel.h"
#include "pipeline/graphlayoutjob.h"
#include "pipeline/projectgraph.h"
#include "gui/graphpanel.h"
#include "gui/graphtablefilter.h"
#include "gui/graphview.h"
#include "gui/graphworkspace.h"
#include "gui/relationtablemodel.h"
#include "store/projectstore.h"
#include "store/sampledocuments.h"
#include "testmain.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QCheckBox>
#include <QTreeWidget>

using gw::EntityTableModel;
using gw::GraphWorkspace;

namespace {

// A triangle Ada - Grace - Zürich, one document per side, each side a "met" relation.
void writeTriangle(gw::ProjectStore &store)
{
    using gw::testing::sampleEntity;
    const gw::EntityRecord ada = sampleEntity(QStringLiteral("Ada"));
    const gw::EntityRecord grace = sampleEntity(QStringLiteral("Grace"));
    const gw::EntityRecord zurich = sampleEntity(QStringLiteral("Zürich"), {}, QStringLiteral("LOCATION"));
    const QList<std::pair<QString, QList<gw::EntityRecord>>> documents = {
        {QStringLiteral("/docs/one.txt"), {ada, grace}},
        {QStringLiteral("/docs/two.txt"), {grace, zurich}},
        {QStringLiteral("/docs/three.txt"), {zurich, ada}},
    };
    for (const auto &[path, entities] : documents) {
        gw::DocumentRecord record = gw::testing::sampleDocument(path, 2);
        gw::testing::addSampleExtraction(record, entities);
        store.writeDocumentBlocking(record);
    }
}

bool waitFor(QSignalSpy &spy, int timeoutMs = 60'000)
{
    return spy.count() > 0 || spy.wait(timeoutMs);
}

int proxyRowOf(const QAbstractItemModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, EntityTableModel::NameColumn).data().toString() == name)
            return row;
    return -1;
}

} // namespace

class TstGraphWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store = gw::ProjectStore::open(m_dir.filePath(QStringLiteral("w%1.gwp").arg(++m_count)));
        writeTriangle(*m_store);
    }

    void cleanup() { m_store.reset(); }

    void selectingARowShowsProvenanceAndSimilarEntities()
    {
        GraphWorkspace workspace;
        workspace.resize(1300, 700);
        workspace.show();
        QSignalSpy loaded(&workspace, &GraphWorkspace::loaded);
        workspace.setProjectGraph(std::make_shared<gw::ProjectGraph>(m_store));
        QVERIFY(waitFor(loaded));
        QVERIFY(!workspace.isLoading());
        QCOMPARE(workspace.entityModel()->rowCount(), 3);
        QCOMPARE(workspace.relationModel()->rowCount(), 3);
        QVERIFY(workspace.hasSimilarEntities());
        QCOMPARE(workspace.positions().size(), 3);
        // What was computed is kept in the project.
        QCOMPARE(gw::NodeEmbedding::load(*m_store).count(), 3);
        for (const QPointF &point : gw::GraphLayout::loadLayout(*m_store, workspace.graph()))
            QVERIFY(gw::GraphLayout::hasPosition(point));

        // Selecting Ada's row fills the details.
        QTableView *table = workspace.entityTable();
        const int row = proxyRowOf(*table->model(), QStringLiteral("Ada"));
        QVERIFY(row >= 0);
        QSignalSpy shown(&workspace, &GraphWorkspace::detailsShown);
        table->selectionModel()->setCurrentIndex(table->model()->index(row, 0),
                                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QVERIFY(waitFor(shown));
        QCOMPARE(shown.first().first().toString(), QStringLiteral("id-ada"));
        QCOMPARE(workspace.selectedEntity(), QStringLiteral("id-ada"));
        gw::EntityDetailsPanel *details = workspace.detailsPanel();
        QCOMPARE(details->nameLabel()->text(), QStringLiteral("Ada"));
        QVERIFY(details->summaryLabel()->text().contains(QStringLiteral("PERSON")));
        QVERIFY(details->summaryLabel()->text().contains(QStringLiteral("4 mention")));

        // Its documents, each with sentences naming it.
        QTreeWidget *documents = details->documentsTree();
        QCOMPARE(documents->topLevelItemCount(), 2);
        QStringList paths;
        for (int d = 0; d < documents->topLevelItemCount(); ++d)
            paths << documents->topLevelItem(d)->toolTip(0);
        paths.sort();
        QCOMPARE(paths, (QStringList{QStringLiteral("/docs/one.txt"), QStringLiteral("/docs/three.txt")}));
        QTreeWidgetItem *sentence = documents->topLevelItem(0)->child(1);
        QVERIFY(sentence);
        QVERIFY(sentence->text(0).startsWith(QStringLiteral("Sentence 1 of ")));
        QVERIFY(sentence->text(0).contains(QStringLiteral("Ada met"))
                || sentence->text(0).contains(QStringLiteral("Ada in")));
        // A click shows it in context, the mention highlighted.
        Q_EMIT documents->itemClicked(sentence, 0);
        QVERIFY(details->contextView()->toPlainText().contains(sentence->text(0)));
        QVERIFY(details->contextView()->toPlainText().contains(documents->topLevelItem(0)->toolTip(0)));
        QVERIFY(details->contextView()->toHtml().contains(QStringLiteral("#ffb74d")));

        // Neighbours and similar entities: the other two corners of the triangle.
        QTreeWidget *neighbours = details->neighboursTree();
        QCOMPARE(neighbours->topLevelItemCount(), 2);
        QTreeWidget *similar = details->similarTree();
        QVERIFY(similar->topLevelItemCount() >= 1);
        const QString firstSimilar = similar->topLevelItem(0)->text(0);
        QVERIFY2(firstSimilar == QStringLiteral("Grace") || firstSimilar == QStringLiteral("Zürich"),
                 qPrintable(firstSimilar));

        // A neighbour's click selects it.
        shown.clear();
        QTreeWidgetItem *grace = nullptr;
        for (int i = 0; i < neighbours->topLevelItemCount(); ++i)
            if (neighbours->topLevelItem(i)->text(0) == QStringLiteral("Grace"))
                grace = neighbours->topLevelItem(i);
        QVERIFY(grace);
        Q_EMIT neighbours->itemClicked(grace, 0);
        QVERIFY(waitFor(shown));
        QCOMPARE(workspace.selectedEntity(), QStringLiteral("id-grace"));
        QCOMPARE(table->selectionModel()->currentIndex().data().toString(), QStringLiteral("Grace"));
        QCOMPARE(details->nameLabel()->text(), QStringLiteral("Grace"));
        QCOMPARE(workspace.graphView()->selectedNode(), workspace.graph().indexOf(QStringLiteral("id-grace")));

        // A click in the graph view selects the row and fills the details.
        shown.clear();
        const int zurich = workspace.graph().indexOf(QStringLiteral("id-zürich"));
        workspace.graphView()->selectNode(zurich);
        QVERIFY(waitFor(shown));
        QCOMPARE(workspace.selectedEntity(), QStringLiteral("id-zürich"));
        QCOMPARE(table->selectionModel()->currentIndex().data().toString(), QStringLiteral("Zürich"));
        QCOMPARE(details->nameLabel()->text(), QStringLiteral("Zürich"));

        gw::syncWait(workspace.closeProject());
    }

    void filtersHideRows()
    {
        GraphWorkspace workspace;
        QSignalSpy loaded(&workspace, &GraphWorkspace::loaded);
        workspace.setProjectGraph(std::make_shared<gw::ProjectGraph>(m_store));
        QVERIFY(waitFor(loaded));
        QAbstractItemModel *entities = workspace.entityTable()->model();
        QAbstractItemModel *relations = workspace.relationTable()->model();
        QCOMPARE(entities->rowCount(), 3);

        workspace.filterEdit()->setText(QStringLiteral("gra"));
        QCOMPARE(entities->rowCount(), 1);
        QCOMPARE(entities->index(0, EntityTableModel::NameColumn).data().toString(), QStringLiteral("Grace"));
        QCOMPARE(relations->rowCount(), 2); // the two relations touching Grace
        workspace.filterEdit()->clear();
        QCOMPARE(entities->rowCount(), 3);

        QComboBox *types = workspace.typeCombo();
        const int location = types->findData(QStringLiteral("LOCATION"));
        QVERIFY(location > 0);
        types->setCurrentIndex(location);
        QCOMPARE(entities->rowCount(), 1);
        QCOMPARE(entities->index(0, EntityTableModel::NameColumn).data().toString(), QStringLiteral("Zürich"));
        // The view hides what the table hides.
        QVERIFY(workspace.graphView()->isNodeShown(workspace.graph().indexOf(QStringLiteral("id-zürich"))));
        QVERIFY(!workspace.graphView()->isNodeShown(workspace.graph().indexOf(QStringLiteral("id-ada"))));
        types->setCurrentIndex(0);
        QVERIFY(workspace.graphView()->isNodeShown(workspace.graph().indexOf(QStringLiteral("id-ada"))));
        QCOMPARE(entities->rowCount(), 3);
        gw::syncWait(workspace.closeProject());
    }

    void tablesExportTheRowsShownAsCsv()
    {
        GraphWorkspace workspace;
        QSignalSpy loaded(&workspace, &GraphWorkspace::loaded);
        workspace.setProjectGraph(std::make_shared<gw::ProjectGraph>(m_store));
        QVERIFY(waitFor(loaded));
        workspace.filterEdit()->setText(QStringLiteral("ada"));
        const QString path = m_dir.filePath(QStringLiteral("entities.csv"));
        QCOMPARE(gw::syncWait(workspace.exportTable(false, path)), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).startsWith("Name,Type,Mentions,Documents,Degree,PageRank,Community"));
        QVERIFY(lines.at(1).startsWith("Ada,PERSON,4,2,2,"));

        const QString relationsPath = m_dir.filePath(QStringLiteral("relations.csv"));
        workspace.filterEdit()->clear();
        QCOMPARE(gw::syncWait(workspace.exportTable(true, relationsPath)), QString());
        QFile relations(relationsPath);
        QVERIFY(relations.open(QIODevice::ReadOnly));
        const QByteArray text = relations.readAll();
        QCOMPARE(text.trimmed().split('\n').size(), 4);
        QVERIFY(text.contains("/docs/")); // the evidence's whole path

        // A folder that does not exist: an error a person can read, no crash.
        const QString error = gw::syncWait(workspace.exportTable(false, m_dir.filePath(QStringLiteral("nope/x.csv"))));
        QVERIFY(!error.isEmpty());
        gw::syncWait(workspace.closeProject());
    }

    void rerunLayoutIsSavedAndACloseWaitsForIt()
    {
        GraphWorkspace workspace;
        QSignalSpy loaded(&workspace, &GraphWorkspace::loaded);
        workspace.setProjectGraph(std::make_shared<gw::ProjectGraph>(m_store));
        QVERIFY(waitFor(loaded));
        const QList<QPointF> first = workspace.positions();
        gw::GraphLayoutJob *job = workspace.graphPanel()->layoutJob();
        QSignalSpy ready(job, &gw::GraphLayoutJob::positionsReady);
        gw::GraphLayout::Options options;
        options.seed = 7; // another seed: another layout
        job->setOptions(options);
        workspace.graphPanel()->rerunLayout();
        QVERIFY(waitFor(ready));
        const QList<QPointF> rerun = ready.first().first().value<QList<QPointF>>();
        QVERIFY(rerun != first);
        QCOMPARE(gw::GraphLayout::loadLayout(*m_store, workspace.graph()), rerun); // kept in the project

        // A rerun still running when the project closes holds the store: the close waits for it.
        std::shared_ptr<gw::ProjectGraph> project = workspace.projectGraph()->shared_from_this();
        options.iterations = 50'000'000; // still running when the close comes (a small one may end at once)
        job->setOptions(options);
        workspace.graphPanel()->rerunLayout();
        QVERIFY(project->runningJobs() > 0);
        gw::syncWait(workspace.closeProject());
        QCOMPARE(project->runningJobs(), 0);
        QVERIFY(!workspace.projectGraph());
        // A closed project's jobs end cancelled at once.
        QCOMPARE(gw::syncWait(project->loadSnapshot()).end, gw::JobEnd::Cancelled);
    }

    void refreshShowsNewDocumentsAndKeepsTheSelection()
    {
        GraphWorkspace workspace;
        QSignalSpy loaded(&workspace, &GraphWorkspace::loaded);
        QSignalSpy shown(&workspace, &GraphWorkspace::detailsShown);
        workspace.setProjectGraph(std::make_shared<gw::ProjectGraph>(m_store));
        QVERIFY(waitFor(loaded));
        workspace.selectEntity(QStringLiteral("id-ada"));
        QVERIFY(waitFor(shown));

        gw::DocumentRecord record = gw::testing::sampleDocument(QStringLiteral("/docs/four.txt"), 1);
        gw::testing::addSampleExtraction(
            record,
            {gw::testing::sampleEntity(QStringLiteral("Ada")),
             gw::testing::sampleEntity(QStringLiteral("Sentence"), QStringLiteral("Sentence"),
                                       QStringLiteral("MISC"))});
        m_store->writeDocumentBlocking(record);
        loaded.clear();
        shown.clear();
        workspace.refresh();
        workspace.refresh(); // the first is cancelled: one snapshot arrives
        QVERIFY(waitFor(loaded));
        QCOMPARE(workspace.entityModel()->rowCount(), 4);
        QVERIFY(waitFor(shown));
        QCOMPARE(workspace.selectedEntity(), QStringLiteral("id-ada"));
        QVERIFY(workspace.detailsPanel()->summaryLabel()->text().contains(QStringLiteral("5 mention")));
        // Vectors and positions were computed again for the new entity.
        QCOMPARE(gw::NodeEmbedding::load(*m_store).count(), 4);
        gw::syncWait(workspace.closeProject());
        QCOMPARE(workspace.entityModel()->rowCount(), 0);
        QCOMPARE(loaded.count(), 1);
    }

    void chanceCoOccurrenceShowsOnlyWhenAsked()
    {
        // Ada and Grace seen together in one sentence of a fourth document: chance.
        gw::DocumentRecord record = gw::testing::sampleDocument(QStringLiteral("/docs/four.txt"), 1);
        gw::testing::addSampleExtraction(
            record,
            {gw::testing::sampleEntity(QStringLiteral("Ada")), gw::testing::sampleEntity(QStringLiteral("Grace"))});
        record.relations.first().type = QStringLiteral("co_occurs");
        m_store->writeDocumentBlocking(record);

        GraphWorkspace workspace;
        QSignalSpy loaded(&workspace, &GraphWorkspace::loaded);
        workspace.setProjectGraph(std::make_shared<gw::ProjectGraph>(m_store));
        QVERIFY(waitFor(loaded));
        QVERIFY(!workspace.chanceCoOccurrenceBox()->isChecked());
        QCOMPARE(workspace.relationModel()->rowCount(), 3); // the three "met"
        QCOMPARE(workspace.graph().edgeCount(), 3);

        loaded.clear();
        workspace.chanceCoOccurrenceBox()->setChecked(true); // reloads
        QVERIFY(waitFor(loaded));
        QCOMPARE(workspace.relationModel()->rowCount(), 4);
        QCOMPARE(workspace.graph().edgeCount(), 4);
        gw::syncWait(workspace.closeProject());
    }

    void pathBetweenTwoEntitiesAndWhatTheProjectHolds()
    {
        // A fourth document names someone no relation reaches.
        gw::DocumentRecord record = gw::testing::sampleDocument(QStringLiteral("/docs/four.txt"), 1);
        gw::testing::addSampleExtraction(
            record, {gw::testing::sampleEntity(QStringLiteral("Sentence"), QStringLiteral("Lovelace"))});
        m_store->writeDocumentBlocking(record);

        GraphWorkspace workspace;
        workspace.resize(1300, 700);
        workspace.show();
        QSignalSpy loaded(&workspace, &GraphWorkspace::loaded);
        workspace.setProjectGraph(std::make_shared<gw::ProjectGraph>(m_store));
        QVERIFY(waitFor(loaded));
        QCOMPARE(workspace.holdingsText(), QStringLiteral("4 documents · 4 entities · 3 relations"));
        const auto idOf = [&workspace](const char *name) {
            return workspace.graph().node(workspace.graph().findByName(QString::fromUtf8(name)).first()).id;
        };
        QSignalSpy shown(&workspace, &GraphWorkspace::pathShown);
        QSignalSpy messages(&workspace, &GraphWorkspace::statusMessage);
        workspace.showPath(idOf("Ada"), idOf("Grace"));
        QVERIFY(waitFor(shown));
        const QList<int> expected{workspace.graph().indexOf(idOf("Ada")), workspace.graph().indexOf(idOf("Grace"))};
        QCOMPARE(workspace.graphView()->path(), expected);
        QVERIFY(messages.last().first().toString().contains(QStringLiteral("Ada → Grace")));

        shown.clear();
        workspace.showPath(idOf("Ada"), idOf("Lovelace"));
        QVERIFY(waitFor(shown));
        QVERIFY(workspace.graphView()->path().isEmpty());
        QVERIFY(messages.last().first().toString().contains(QStringLiteral("not connected")));

        // From the table: two rows selected, Ctrl+P.
        QTableView *table = workspace.entityTable();
        QVERIFY(!workspace.pathAction()->isEnabled());
        table->selectionModel()->select(table->model()->index(proxyRowOf(*table->model(), QStringLiteral("Grace")), 0),
                                        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        table->selectionModel()->select(table->model()->index(proxyRowOf(*table->model(), QStringLiteral("Zürich")), 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(workspace.pathAction()->isEnabled());
        shown.clear();
        workspace.pathAction()->trigger();
        QVERIFY(waitFor(shown));
        QCOMPARE(workspace.graphView()->path().size(), 2);
        gw::syncWait(workspace.closeProject());
    }

private:
    QTemporaryDir m_dir;
    int m_count = 0;
    std::shared_ptr<gw::ProjectStore> m_store;
};

GW_TEST_WIDGETS_MAIN(TstGraphWorkspace)
#include "tst_graphworkspace.moc"
