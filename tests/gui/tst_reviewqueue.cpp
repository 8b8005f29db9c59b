// The review queue, offscreen on a small real project: it proposes the likely duplicates with
// their reason, shows both sides' sentences, and the keyboard decides: R says "not the same"
// (the pair does not come back), A merges; both go through the undo stack.
#include "core/syncwait.h"
#include "gui/curationcontroller.h"
#include "gui/graphworkspace.h"
#include "gui/reviewqueuemodel.h"
#include "gui/reviewqueuepanel.h"
#include "pipeline/projectgraph.h"
#include "store/curationtable.h"
#include "store/projectstore.h"
#include "store/sampledocuments.h"
#include "testmain.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QHBoxLayout>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QUndoStack>

using gw::ReviewQueueModel;

namespace {

// The sample sentences' words named as two likely duplicates each: an acronym and its long form,
// a name and its plural.
void writeProject(gw::ProjectStore &store)
{
    for (const QString &path : {QStringLiteral("/a.txt"), QStringLiteral("/b.txt")}) {
        gw::DocumentRecord record = gw::testing::sampleDocument(path, 2);
        gw::testing::addSampleExtraction(
            record,
            {gw::testing::sampleEntity(QStringLiteral("Ada"), QStringLiteral("Python Software Foundation"),
                                       QStringLiteral("ORGANIZATION")),
             gw::testing::sampleEntity(QStringLiteral("Zürich"), QStringLiteral("PSF"), QStringLiteral("ORGANIZATION")),
             gw::testing::sampleEntity(QStringLiteral("Grace"), QStringLiteral("Levite"), QStringLiteral("MISC")),
             gw::testing::sampleEntity(QStringLiteral("Sentence"), QStringLiteral("Levites"), QStringLiteral("MISC"))});
        store.writeDocumentBlocking(record);
    }
}

QStringList rows(const QAbstractItemModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << QStringLiteral("%1 -> %2: %3")
                   .arg(model.index(row, ReviewQueueModel::MergeColumn).data().toString(),
                        model.index(row, ReviewQueueModel::KeepColumn).data().toString(),
                        model.index(row, ReviewQueueModel::ReasonColumn).data().toString());
    out.sort();
    return out;
}

} // namespace

class TstReviewQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void proposesShowsEvidenceAndDecidesFromTheKeyboard()
    {
        QTemporaryDir dir;
        std::shared_ptr<gw::ProjectStore> store(gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp"))));
        writeProject(*store);

        QWidget window;
        auto *layout = new QHBoxLayout(&window);
        auto *workspace = new gw::GraphWorkspace(&window);
        auto *panel = new gw::ReviewQueuePanel(workspace, &window);
        layout->addWidget(workspace, 2);
        layout->addWidget(panel, 1);
        window.resize(1400, 700);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy evidence(panel, &gw::ReviewQueuePanel::evidenceShown);

        workspace->setProjectGraph(std::make_shared<gw::ProjectGraph>(store));
        const QStringList both{
            QStringLiteral("Levite (MISC) -> Levites (MISC): a name and its plural"),
            QStringLiteral(
                "PSF (ORGANIZATION) -> Python Software Foundation (ORGANIZATION): an acronym and its long form")};
        QTRY_COMPARE_WITH_TIMEOUT(rows(*panel->model()), both, 30'000);

        // The first pair is selected, its evidence read from the documents, side by side.
        QTRY_VERIFY_WITH_TIMEOUT(evidence.count() > 0, 30'000);
        const gw::ReviewPair first = panel->model()->pair(0);
        const QString mergeText = panel->mergeEvidence()->toPlainText();
        const QString keepText = panel->keepEvidence()->toPlainText();
        QVERIFY2(mergeText.contains(QStringLiteral("4 mentions in 2 documents")), qPrintable(mergeText));
        QVERIFY2(mergeText.contains(QStringLiteral("a.txt"))
                     && mergeText.contains(QStringLiteral("Ada met Grace in Zürich")),
                 qPrintable(mergeText));
        QVERIFY2(keepText.contains(QStringLiteral("4 mentions in 2 documents")), qPrintable(keepText));
        QVERIFY(panel->mergeEvidence()->toHtml().contains(QStringLiteral("font-weight"))); // the mention in bold

        // R: not the same. The pair leaves the queue, is recorded as distinct and stays out when
        // the queue is found again on the edited graph.
        panel->table()->setFocus();
        QTRY_VERIFY(panel->table()->hasFocus());
        QSignalSpy found(panel, &gw::ReviewQueuePanel::suggestionsShown);
        QTest::keyClick(panel->table(), Qt::Key_R);
        QCOMPARE(panel->model()->rowCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(found.count() > 0, 30'000);
        QCOMPARE(panel->model()->rowCount(), 1);
        QVERIFY(panel->model()->rowOf(first.key()) < 0);
        const QList<gw::CurationEdit> edits = workspace->curation()->activeEdits();
        QCOMPARE(edits.size(), 1);
        QCOMPARE(edits.first().kind, QStringLiteral("distinct"));

        // Shift+A: merge the other way round. The graph loses a node, named as the left side;
        // the queue is empty.
        const int nodes = workspace->graph().nodeCount();
        const gw::ReviewPair second = panel->model()->pair(0);
        found.clear();
        QTest::keyClick(panel->table(), Qt::Key_A, Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(found.count() > 0, 30'000);
        QTRY_COMPARE_WITH_TIMEOUT(workspace->graph().nodeCount(), nodes - 1, 30'000);
        const int merged = workspace->graph().indexOf(second.merge.id);
        QCOMPARE(workspace->graph().indexOf(second.keep.id), merged);
        QCOMPARE(workspace->graph().node(merged).name, second.merge.name);
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 0, 30'000);
        QVERIFY(!panel->acceptAction()->isEnabled());
        QUndoStack *stack = workspace->curation()->undoStack();
        QCOMPARE(stack->undoText(), QStringLiteral("merge %1 into %2").arg(second.keep.name, second.merge.name));

        // Undo it; A merges the left one into the right one.
        stack->undo();
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 1, 30'000);
        QTRY_VERIFY(panel->acceptAction()->isEnabled());
        QTest::keyClick(panel->table(), Qt::Key_A);
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 0, 30'000);
        QTRY_COMPARE_WITH_TIMEOUT(workspace->graph().nodeCount(), nodes - 1, 30'000);
        QCOMPARE(workspace->graph().node(workspace->graph().indexOf(second.merge.id)).name, second.keep.name);
        QCOMPARE(stack->undoText(), QStringLiteral("merge %1 into %2").arg(second.merge.name, second.keep.name));

        // Undo both edits in force: both pairs proposed again.
        stack->undo();
        stack->undo();
        QTRY_COMPARE_WITH_TIMEOUT(rows(*panel->model()), both, 30'000);
        QTRY_COMPARE_WITH_TIMEOUT(workspace->curation()->pendingWrites(), 0, 30'000);
        QVERIFY(gw::CurationTable(*store).activeEdits().isEmpty());
        // Nothing left half done (a showing in slices, evidence being read) when the test ends.
        gw::syncWait(workspace->closeProject());
    }
};

GW_TEST_WIDGETS_MAIN(TstReviewQueue)
#include "tst_reviewqueue.moc"
