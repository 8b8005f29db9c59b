#include "gui/jobsmodel.h"
#include "gui/jobsview.h"
#include "pipeline/ingestjob.h"
#include "store/projectstore.h"
#include "documentfixtures.h"
#include "testmain.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>

namespace {

// The jobs list is under test here: extraction would only slow these runs down (ThreadSanitizer
// above all), so it is off.
gw::IngestOptions listOptions(int jobs = 0)
{
    gw::IngestOptions options;
    options.jobs = jobs;
    options.extract = false;
    return options;
}

using gw::testing::prose;
using gw::testing::writeFile;

void writeLargeFiles(const QString &folder, int count, int bytes)
{
    const QByteArray text = prose(bytes / 50);
    for (int i = 0; i < count; ++i)
        writeFile(folder + QStringLiteral("/doc%1.txt").arg(i, 3, 10, QLatin1Char('0')),
                  text + QByteArray::number(i).rightJustified(4, ' '));
}

int rowsIn(const gw::JobsModel &model, gw::DocumentState state)
{
    int count = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        count += model.index(row, 0).data(gw::JobsModel::StateRole).toInt() == int(state);
    return count;
}

// Selects the view rows of the documents in `state`; returns how many.
int selectRowsIn(gw::JobsView &view, gw::DocumentState state, int limit = 1 << 30)
{
    QTableView *table = view.tableView();
    table->clearSelection();
    int selected = 0;
    for (int row = 0; row < table->model()->rowCount() && selected < limit; ++row) {
        const QModelIndex index = table->model()->index(row, 0);
        if (index.data(gw::JobsModel::StateRole).toInt() == int(state)) {
            table->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
            table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
            ++selected;
        }
    }
    return selected;
}

struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<gw::ProjectStore> store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
};

} // namespace

class TstJobsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void actionsApplyOnlyWhenTheyCan()
    {
        Fixture fixture;
        const QString in = fixture.dir.filePath(QStringLiteral("in"));
        writeFile(in + QStringLiteral("/bad.pdf"), QByteArray("garbage, not a PDF ").repeated(50));
        writeFile(in + QStringLiteral("/good.txt"), prose(40));
        gw::JobsView view;
        QVERIFY(!view.cancelAction()->isEnabled());
        QVERIFY(!view.retryAction()->isEnabled());
        QVERIFY(!view.cancelAllAction()->isEnabled());
        QVERIFY(!view.clearFinishedAction()->isEnabled());

        gw::IngestJob job(*fixture.store, listOptions());
        view.setJob(&job);
        QSignalSpy idle(&job, &gw::IngestJob::idle);
        job.addInputs({in});
        QVERIFY(idle.count() > 0 || idle.wait(30'000)); // it may come inside addInputs()
        view.model()->refresh();
        QVERIFY(!view.cancelAllAction()->isEnabled());
        QVERIFY(view.clearFinishedAction()->isEnabled());

        QCOMPARE(selectRowsIn(view, gw::DocumentState::Done), 1);
        QVERIFY(!view.cancelAction()->isEnabled());
        QVERIFY(!view.retryAction()->isEnabled());
        QCOMPARE(selectRowsIn(view, gw::DocumentState::Failed), 1);
        QVERIFY(view.retryAction()->isEnabled());

        // The details pane tells which file, what happened and why.
        const QString details = view.detailsPane()->toPlainText();
        QVERIFY2(details.contains(QDir::toNativeSeparators(in + QStringLiteral("/bad.pdf"))), qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("Failed")));
        QVERIFY(
            details.contains(view.model()->document(view.model()->rowOf(view.selectedDocumentIds().first())).message));
        QVERIFY(view.summaryLabel()->text().contains(QStringLiteral("1 failed")));
    }

    void cancelAllStopsALargeJobQuicklyAndKeepsFinishedDocuments()
    {
        Fixture fixture;
        const QString in = fixture.dir.filePath(QStringLiteral("in"));
        writeLargeFiles(in, 120, 300 * 1024);
        gw::IngestJob job(*fixture.store, listOptions(2));
        gw::JobsView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setJob(&job);
        job.addInputs({in});
        QTRY_VERIFY_WITH_TIMEOUT(job.counts().done >= 3, 60'000);
        view.model()->refresh();
        QVERIFY(view.cancelAllAction()->isEnabled());

        QElapsedTimer clock;
        clock.start();
        view.cancelAllAction()->trigger();
        // A bound that tells a cancel from finishing the rest (the latency itself is printed, and
        // measured by the bench): 200 ms held here, but not under every sanitizer on a loaded machine.
        QTRY_VERIFY_WITH_TIMEOUT(job.isIdle(), 5000);
        qInfo("idle %lld ms after Cancel All", qlonglong(clock.elapsed()));

        view.model()->refresh();
        const int done = rowsIn(*view.model(), gw::DocumentState::Done);
        const int cancelled = rowsIn(*view.model(), gw::DocumentState::Cancelled);
        QVERIFY(done >= 3);
        QVERIFY2(cancelled > 50, qPrintable(QString::number(cancelled)));
        QCOMPARE(done + cancelled, 120);
        QCOMPARE(fixture.store->status().documentsDone, done);
        QVERIFY(!view.cancelAllAction()->isEnabled());
        QVERIFY(view.summaryLabel()->text().contains(QStringLiteral("%1 cancelled").arg(cancelled)));
    }

    void retryMakesACancelledDocumentDone()
    {
        Fixture fixture;
        const QString in = fixture.dir.filePath(QStringLiteral("in"));
        writeLargeFiles(in, 8, 100 * 1024);
        gw::IngestJob job(*fixture.store, listOptions(1));
        gw::JobsView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setJob(&job);
        view.show();
        QVERIFY(QTest::qWaitForWindowActive(&view));

        // Delete cancels the selected rows: everything but the first one.
        QSignalSpy added(&job, &gw::IngestJob::documentsAdded);
        job.addInputs({in});
        // A quick walk can add the rows before addInputs() even returns.
        QVERIFY(added.count() > 0 || added.wait(10'000));
        view.model()->refresh();
        QCOMPARE(view.model()->rowCount(), 8);
        QTableView *table = view.tableView();
        table->setFocus();
        table->selectionModel()->select(QItemSelection(table->model()->index(1, 0), table->model()->index(7, 0)),
                                        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QVERIFY(view.cancelAction()->isEnabled());
        QTest::keyClick(table, Qt::Key_Delete);
        QTRY_VERIFY_WITH_TIMEOUT(job.isIdle(), 10'000);
        view.model()->refresh();
        QVERIFY(rowsIn(*view.model(), gw::DocumentState::Cancelled) >= 6);

        // Ctrl+R queues one cancelled row again, and it goes all the way.
        QCOMPARE(selectRowsIn(view, gw::DocumentState::Cancelled, 1), 1);
        const quint64 id = view.selectedDocumentIds().first();
        QVERIFY(view.retryAction()->isEnabled());
        QTest::keyClick(table, Qt::Key_R, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(job.isIdle(), 20'000);
        view.model()->refresh();
        const int row = view.model()->rowOf(id);
        QCOMPARE(view.model()->index(row, 0).data(gw::JobsModel::StateRole).toInt(), int(gw::DocumentState::Done));
        QCOMPARE(fixture.store->status().documentsDone, rowsIn(*view.model(), gw::DocumentState::Done));
    }

    void eachRowHasItsOwnCancelAndRetryButton()
    {
        Fixture fixture;
        const QString in = fixture.dir.filePath(QStringLiteral("in"));
        writeLargeFiles(in, 40, 400 * 1024); // enough that the last one waits in the queue
        gw::IngestJob job(*fixture.store, listOptions(1));
        gw::JobsView view;
        view.resize(1100, 500);
        view.setJob(&job);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy added(&job, &gw::IngestJob::documentsAdded);
        job.addInputs({in});
        QVERIFY(added.count() > 0 || added.wait(10'000));
        view.model()->refresh();
        QTableView *table = view.tableView();
        const auto clickAction = [&](int row) {
            const QModelIndex cell = table->model()->index(row, gw::JobsModel::ActionColumn);
            QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, table->visualRect(cell).center());
        };
        // The last row is still queued behind the others (one at a time): its button cancels it.
        const int last = table->model()->rowCount() - 1;
        QCOMPARE(table->model()->index(last, gw::JobsModel::ActionColumn).data().toString(), QStringLiteral("Cancel"));
        const quint64 id = table->model()->index(last, 0).data(gw::JobsModel::DocumentIdRole).toULongLong();
        clickAction(last);
        QCOMPARE(table->model()->index(last, 0).data(gw::JobsModel::StateRole).toInt(),
                 int(gw::DocumentState::Cancelled));
        QCOMPARE(table->model()->index(last, gw::JobsModel::ActionColumn).data().toString(), QStringLiteral("Retry"));
        // The same button now retries it, and it goes all the way.
        clickAction(last);
        QTRY_VERIFY_WITH_TIMEOUT(job.isIdle(), 30'000);
        view.model()->refresh();
        const int row = view.model()->rowOf(id);
        QCOMPARE(view.model()->index(row, 0).data(gw::JobsModel::StateRole).toInt(), int(gw::DocumentState::Done));
        QCOMPARE(view.model()->index(row, gw::JobsModel::ActionColumn).data().toString(), QString()); // done: no button
        QCOMPARE(fixture.store->status().documentsDone, 40);
    }

    void clearFinishedRemovesFinishedRows()
    {
        Fixture fixture;
        const QString in = fixture.dir.filePath(QStringLiteral("in"));
        writeLargeFiles(in, 6, 10 * 1024);
        writeFile(in + QStringLiteral("/bad.pdf"), QByteArray("garbage, not a PDF ").repeated(50));
        gw::IngestJob job(*fixture.store, listOptions());
        gw::JobsView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setJob(&job);
        QSignalSpy idle(&job, &gw::IngestJob::idle);
        job.addInputs({in});
        QVERIFY(idle.count() > 0 || idle.wait(30'000)); // it may come inside addInputs()
        view.model()->refresh();
        QCOMPARE(view.model()->rowCount(), 7);
        QCOMPARE(selectRowsIn(view, gw::DocumentState::Failed), 1);
        QVERIFY(!view.detailsPane()->toPlainText().isEmpty());

        view.clearFinishedAction()->trigger();
        QCOMPARE(view.model()->rowCount(), 0);
        QCOMPARE(view.tableView()->model()->rowCount(), 0);
        QVERIFY(view.detailsPane()->toPlainText().isEmpty());
        QVERIFY(!view.clearFinishedAction()->isEnabled());
        QVERIFY(!view.retryAction()->isEnabled());
        QCOMPARE(view.summaryLabel()->text(), QStringLiteral("No documents"));
    }

    void sortingByAColumnKeepsActionsOnTheRightDocuments()
    {
        Fixture fixture;
        const QString in = fixture.dir.filePath(QStringLiteral("in"));
        writeFile(in + QStringLiteral("/a-small.txt"), prose(10));
        writeFile(in + QStringLiteral("/b-large.txt"), prose(2000));
        writeFile(in + QStringLiteral("/c-bad.pdf"), QByteArray("garbage, not a PDF ").repeated(50));
        gw::IngestJob job(*fixture.store, listOptions());
        gw::JobsView view;
        view.setJob(&job);
        QSignalSpy idle(&job, &gw::IngestJob::idle);
        job.addInputs({in});
        QVERIFY(idle.count() > 0 || idle.wait(30'000)); // it may come inside addInputs()
        view.model()->refresh();
        QTableView *table = view.tableView();
        table->sortByColumn(gw::JobsModel::SizeColumn, Qt::DescendingOrder);
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("b-large.txt"));
        QCOMPARE(selectRowsIn(view, gw::DocumentState::Failed), 1);
        QCOMPARE(view.selectedDocumentIds().size(), 1);
        const int row = view.model()->rowOf(view.selectedDocumentIds().first());
        QCOMPARE(view.model()->index(row, 0).data().toString(), QStringLiteral("c-bad.pdf"));
    }

    // Not an assertion on pixels: a picture to look at (GW_SCREENSHOT_DIR=/tmp) of a job in flight.
    void screenshotWhileRunning()
    {
        Fixture fixture;
        const QString in = fixture.dir.filePath(QStringLiteral("in"));
        writeLargeFiles(in, 16, 4 * 1024 * 1024);
        const QString first = fixture.dir.filePath(QStringLiteral("first"));
        writeFile(first + QStringLiteral("/quarterly-report.pdf"), QByteArray("garbage, not a PDF ").repeated(50));
        writeFile(first + QStringLiteral("/holiday-photo.xyz"), "not a document");
        gw::IngestJob job(*fixture.store, listOptions(2));
        gw::JobsView view;
        view.resize(900, 400);
        view.setJob(&job);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // A failure and a skip first, so the picture has one of each.
        QSignalSpy idle(&job, &gw::IngestJob::idle);
        job.addInputs({first});
        QVERIFY(idle.count() > 0 || idle.wait(10'000)); // it may come inside addInputs()
        job.addInputs({in});
        QTRY_VERIFY_WITH_TIMEOUT(job.counts().done >= 2 && job.counts().active > 0, 20'000);
        QTest::qWait(120); // a sample or two, so the throughput is measured
        view.model()->refresh();
        QCOMPARE(selectRowsIn(view, gw::DocumentState::Failed), 1);
        const QPixmap picture = view.grab();
        QCOMPARE(picture.size(), QSize(900, 400));
        if (const QString folder = qEnvironmentVariable("GW_SCREENSHOT_DIR"); !folder.isEmpty())
            QVERIFY(picture.save(folder + QStringLiteral("/jobsview.png")));
        view.cancelAllAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(job.isIdle(), 2'000);
    }
};

GW_TEST_WIDGETS_MAIN(TstJobsView)
#include "tst_jobsview.moc"
