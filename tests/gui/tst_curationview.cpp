// Curation in the graph workspace, offscreen on a small real project: the entity table's actions
// merge and hide the selected entities, the undo stack undoes and redoes them through the
// project, the tables show each step, and a workspace opened later has the same history.
#include "core/syncwait.h"
#include "gui/curationcontroller.h"
#include "gui/entitytablemodel.h"
#include "gui/graphtablefilter.h"
#include "gui/entitydetailspanel.h"
#include "gui/graphview.h"
#include "gui/graphworkspace.h"
#include "gui/relationtablemodel.h"
#include "pipeline/projectgraph.h"
#include "store/curationtable.h"
#include "store/projectstore.h"
#include "store/sampledocuments.h"
#include "testmain.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>

using gw::EntityTableModel;
using gw::GraphWorkspace;

namespace {

// Ada, Grace, Zürich and the word "Sentence", in two documents; Ada meets Grace.
void writeProject(gw::ProjectStore &store)
{
    for (const QString &path : {QStringLiteral("/a.txt"), QStringLiteral("/b.txt")}) {
        gw::DocumentRecord record = gw::testing::sampleDocument(path, 2);
        gw::testing::addSampleExtraction(
            record,
            {gw::testing::sampleEntity(QStringLiteral("Ada")), gw::testing::sampleEntity(QStringLiteral("Grace")),
             gw::testing::sampleEntity(QStringLiteral("Zürich"), {}, QStringLiteral("LOCATION")),
             gw::testing::sampleEntity(QStringLiteral("Sentence"), {}, QStringLiteral("MISC"))});
        store.writeDocumentBlocking(record);
    }
}

QStringList names(const QAbstractItemModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, EntityTableModel::NameColumn).data().toString();
    out.sort();
    return out;
}

void selectNames(QTableView &table, const QStringList &wanted)
{
    QItemSelection selection;
    const QAbstractItemModel &model = *table.model();
    for (int row = 0; row < model.rowCount(); ++row)
        if (wanted.contains(model.index(row, EntityTableModel::NameColumn).data().toString()))
            selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1));
    table.selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

} // namespace

class TstCurationView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mergeHideUndoRedoAndTheHistoryAcrossARestart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.gwp"));
        std::shared_ptr<gw::ProjectStore> store(gw::ProjectStore::open(path));
        writeProject(*store);
        const QStringList all{QStringLiteral("Ada"), QStringLiteral("Grace"), QStringLiteral("Sentence"),
                              QStringLiteral("Zürich")};
        {
            GraphWorkspace workspace;
            workspace.resize(1200, 700);
            workspace.show();
            QVERIFY(QTest::qWaitForWindowExposed(&workspace));
            QAbstractItemModelTester tester(workspace.entityModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            workspace.setProjectGraph(std::make_shared<gw::ProjectGraph>(store));
            QTRY_COMPARE_WITH_TIMEOUT(names(*workspace.entityFilter()), all, 30'000);
            QUndoStack *stack = workspace.curation()->undoStack();
            QCOMPARE(stack->count(), 0);
            // Every step below is shown in place, from the rows the workspace holds: no reload.
            QSignalSpy reloads(&workspace, &GraphWorkspace::loaded);
            QSignalSpy shownInPlace(&workspace, &GraphWorkspace::curatedShown);

            QTableView &table = *workspace.entityTable();
            selectNames(table, {QStringLiteral("Ada"), QStringLiteral("Grace")});
            QVERIFY(workspace.mergeAction()->isEnabled());
            QVERIFY(!workspace.renameAction()->isEnabled()); // one entity at a time
            workspace.mergeSelectedInto(QStringLiteral("id-ada"));
            QTRY_COMPARE_WITH_TIMEOUT(
                names(*workspace.entityFilter()),
                (QStringList{QStringLiteral("Ada"), QStringLiteral("Sentence"), QStringLiteral("Zürich")}), 30'000);
            QCOMPARE(stack->undoText(), QStringLiteral("merge Grace into Ada"));
            QCOMPARE(workspace.graph().node(workspace.graph().indexOf(QStringLiteral("id-grace"))).id,
                     QStringLiteral("id-ada"));

            // The person zoomed in: an edit keeps the picture where it is.
            gw::GraphView &view = *workspace.graphView();
            const double fitted = view.viewport().scale;
            view.zoomIn();
            view.zoomIn();
            const gw::GraphViewport zoomed = view.viewport();
            QVERIFY(zoomed.scale > fitted);
            selectNames(table, {QStringLiteral("Sentence")});
            QVERIFY(workspace.hideAction()->isEnabled());
            workspace.hideAction()->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(names(*workspace.entityFilter()),
                                      (QStringList{QStringLiteral("Ada"), QStringLiteral("Zürich")}), 30'000);
            QTRY_COMPARE_WITH_TIMEOUT(view.graph().nodeCount(), 2, 30'000);
            QCOMPARE(view.viewport().scale, zoomed.scale);
            QCOMPARE(view.viewport().center, zoomed.center);

            // Undo both: the graph as it was; redo one: the merge again.
            stack->undo();
            stack->undo();
            QTRY_COMPARE_WITH_TIMEOUT(names(*workspace.entityFilter()), all, 30'000);
            stack->redo();
            QTRY_COMPARE_WITH_TIMEOUT(names(*workspace.entityFilter()).size(), 3, 30'000);
            QTRY_COMPARE_WITH_TIMEOUT(workspace.curation()->pendingWrites(), 0, 30'000);
            QCOMPARE(reloads.count(), 0);
            QVERIFY(shownInPlace.count() >= 1); // a step may supersede the one before while it is shown
            gw::syncWait(workspace.closeProject());
        }
        // In the project: the merge in force, the hide undone (redo can bring it back).
        const QList<gw::CurationEdit> edits = gw::CurationTable(*store).edits();
        QCOMPARE(edits.size(), 2);
        QVERIFY(!edits.at(0).undone);
        QVERIFY(edits.at(1).undone);

        // A workspace opened later has that history: undo takes the merge back.
        GraphWorkspace later;
        QSignalSpy history(later.curation(), &gw::CurationController::historyLoaded);
        later.setProjectGraph(std::make_shared<gw::ProjectGraph>(store));
        QVERIFY(history.count() > 0 || history.wait(30'000));
        QUndoStack *stack = later.curation()->undoStack();
        QCOMPARE(stack->count(), 2);
        QCOMPARE(stack->index(), 1);
        QCOMPARE(stack->undoText(), QStringLiteral("merge Grace into Ada"));
        QCOMPARE(stack->redoText(), QStringLiteral("hide Sentence"));
        QTRY_COMPARE_WITH_TIMEOUT(names(*later.entityFilter()).size(), 3, 30'000);
        stack->undo();
        QTRY_COMPARE_WITH_TIMEOUT(names(*later.entityFilter()), all, 30'000);
        QTRY_COMPARE_WITH_TIMEOUT(later.curation()->pendingWrites(), 0, 30'000);
        QVERIFY(gw::CurationTable(*store).activeEdits().isEmpty());
        gw::syncWait(later.closeProject());
    }

    // A click selects one entity (and shows it everywhere); Ctrl+click adds others, for a merge.
    void ctrlClickBuildsAMultiSelection()
    {
        QTemporaryDir dir;
        std::shared_ptr<gw::ProjectStore> store(gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp"))));
        writeProject(*store);
        GraphWorkspace workspace;
        workspace.resize(1200, 700);
        workspace.show();
        QVERIFY(QTest::qWaitForWindowExposed(&workspace));
        QSignalSpy loaded(&workspace, &GraphWorkspace::loaded); // shown whole: tables, then the view
        workspace.setProjectGraph(std::make_shared<gw::ProjectGraph>(store));
        QVERIFY(loaded.count() > 0 || loaded.wait(30'000));
        QCOMPARE(workspace.entityFilter()->rowCount(), 4);
        QTableView &table = *workspace.entityTable();
        const auto centre = [&table](int row) { return table.visualRect(table.model()->index(row, 0)).center(); };
        QTest::mouseClick(table.viewport(), Qt::LeftButton, {}, centre(0));
        QTRY_COMPARE(workspace.selectedEntity(),
                     table.model()->index(0, 0).data(EntityTableModel::EntityIdRole).toString());
        QTest::mouseClick(table.viewport(), Qt::LeftButton, Qt::ControlModifier, centre(2));
        QTest::mouseClick(table.viewport(), Qt::LeftButton, Qt::ControlModifier, centre(3));
        QTest::qWait(100); // the details of the entity clicked last load meanwhile
        QCOMPARE(workspace.selectedEntityIds().size(), 3);
        QVERIFY(workspace.mergeAction()->isEnabled());
        gw::syncWait(workspace.closeProject());
    }

    // Relations from the window: delete one from the relation table, add one between two
    // selected entities with a note (shown as its evidence), change its type; undo takes all back.
    void relationEditsFromTheTables()
    {
        QTemporaryDir dir;
        std::shared_ptr<gw::ProjectStore> store(gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp"))));
        writeProject(*store);
        GraphWorkspace workspace;
        workspace.resize(1200, 700);
        workspace.show();
        QVERIFY(QTest::qWaitForWindowExposed(&workspace));
        QAbstractItemModelTester tester(workspace.relationModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&workspace, &GraphWorkspace::loaded);
        workspace.setProjectGraph(std::make_shared<gw::ProjectGraph>(store));
        QVERIFY(loaded.count() > 0 || loaded.wait(30'000));
        const auto relations = [&workspace] {
            QStringList out;
            const QAbstractItemModel &model = *workspace.relationFilter();
            for (int row = 0; row < model.rowCount(); ++row)
                out << QStringLiteral("%1 -%2-> %3 [%4]")
                           .arg(model.index(row, gw::RelationTableModel::SourceColumn).data().toString(),
                                model.index(row, gw::RelationTableModel::TypeColumn).data().toString(),
                                model.index(row, gw::RelationTableModel::TargetColumn).data().toString(),
                                model.index(row, gw::RelationTableModel::EvidenceColumn).data().toString());
            out.sort();
            return out;
        };
        const QStringList before = relations();
        QCOMPARE(before.size(), 1);
        QVERIFY2(before.first().startsWith(QLatin1String("Ada -met-> Grace")), qPrintable(before.first()));

        QTableView &relationTable = *workspace.relationTable();
        QVERIFY(!workspace.deleteRelationAction()->isEnabled());
        relationTable.selectRow(0);
        QVERIFY(workspace.deleteRelationAction()->isEnabled());
        workspace.deleteRelationAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(relations(), QStringList(), 30'000);

        selectNames(*workspace.entityTable(), {QStringLiteral("Ada"), QStringLiteral("Zürich")});
        QVERIFY(workspace.addRelationAction()->isEnabled());
        workspace.addRelation(QStringLiteral("id-ada"), QStringLiteral("id-zürich"), QStringLiteral("visited"),
                              QStringLiteral("her letters of 1840"));
        QTRY_COMPARE_WITH_TIMEOUT(
            relations(), QStringList{QStringLiteral("Ada -visited-> Zürich [by hand: her letters of 1840]")}, 30'000);
        relationTable.selectRow(0);
        workspace.retypeSelectedRelations(QStringLiteral("lived_in"));
        QTRY_COMPARE_WITH_TIMEOUT(
            relations(), QStringList{QStringLiteral("Ada -lived_in-> Zürich [by hand: her letters of 1840]")}, 30'000);

        QUndoStack *stack = workspace.curation()->undoStack();
        QCOMPARE(stack->count(), 3);
        for (int i = 0; i < 3; ++i)
            stack->undo();
        QTRY_COMPARE_WITH_TIMEOUT(relations(), before, 30'000);
        // The details are read from the project: the undos must have been written there first
        // (under AddressSanitizer the writer can lag the view).
        QTRY_COMPARE_WITH_TIMEOUT(workspace.curation()->pendingWrites(), 0, 30'000);

        // From the details of Grace: her neighbour Ada's "met" (Ada met Grace), deleted where it is read.
        QSignalSpy details(&workspace, &GraphWorkspace::detailsShown);
        workspace.selectEntity(QStringLiteral("id-grace"));
        QVERIFY(details.count() > 0 || details.wait(30'000));
        QTreeWidget *neighbours = workspace.detailsPanel()->neighboursTree();
        QTreeWidgetItem *ada = nullptr;
        for (int i = 0; i < neighbours->topLevelItemCount(); ++i)
            if (neighbours->topLevelItem(i)->text(0) == QLatin1String("Ada")
                && neighbours->topLevelItem(i)->text(1).endsWith(QLatin1String("met")))
                ada = neighbours->topLevelItem(i);
        QVERIFY(ada);
        neighbours->setCurrentItem(ada);
        QSignalSpy shown(&workspace, &GraphWorkspace::curatedShown);
        workspace.detailsPanel()->deleteRelationAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(relations(), QStringList(), 30'000);
        QCOMPARE(stack->undoText(), QStringLiteral("delete Ada -met-> Grace"));
        QTRY_COMPARE_WITH_TIMEOUT(workspace.curation()->pendingWrites(), 0, 30'000);
        QVERIFY(shown.count() > 0 || shown.wait(30'000));
        // Nothing left half done (a showing in slices, the details read again) when the test ends.
        gw::syncWait(workspace.closeProject());
    }
};

GW_TEST_WIDGETS_MAIN(TstCurationView)
#include "tst_curationview.moc"
