#include "gui/jobsmodel.h"
#include "pipeline/ingestjob.h"
#include "store/projectstore.h"
#include "documentfixtures.h"
#include "testmain.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>

namespace {

using gw::testing::prose;
using gw::testing::writeFile;

int rowNamed(const gw::JobsModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, gw::JobsModel::NameColumn).data().toString() == name)
            return row;
    return -1;
}

int rowsIn(const gw::JobsModel &model, gw::DocumentState state)
{
    int count = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        count += model.index(row, 0).data(gw::JobsModel::StateRole).toInt() == int(state);
    return count;
}

// Adds the inputs and waits, without blocking the event loop, until the job is idle again.
bool ingest(gw::IngestJob &job, const QStringList &inputs, int timeoutMs = 60'000)
{
    QSignalSpy idle(&job, &gw::IngestJob::idle);
    job.addInputs(inputs);
    return idle.count() > 0 || idle.wait(timeoutMs); // it may come inside addInputs()
}

} // namespace

class TstJobsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsAppearAndEveryDocumentReachesDone()
    {
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("in"));
        writeFile(in + QStringLiteral("/a.txt"), prose(200));
        writeFile(in + QStringLiteral("/b.md"), "# Title\n\n" + prose(100, 1));
        writeFile(in + QStringLiteral("/c.html"), "<html><body><p>" + prose(50, 2) + "</p></body></html>");
        writeFile(in + QStringLiteral("/d.csv"), "name,city\nAda Lovelace,London\nAlan Turing,Manchester\n");
        writeFile(in + QStringLiteral("/e.json"), R"({"text": "Grace Hopper wrote the A-0 compiler."})");
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        gw::IngestOptions options;
        options.jobs = 2;
        gw::IngestJob job(*store, options);

        gw::JobsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &gw::JobsModel::rowsInserted);
        QSignalSpy summary(&model, &gw::JobsModel::summaryChanged);
        model.setJob(&job);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.summaryText(), QStringLiteral("No documents"));
        QVERIFY(ingest(job, {in}));
        model.refresh();

        QCOMPARE(model.rowCount(), 5);
        QVERIFY(inserted.count() >= 1);
        QVERIFY(summary.count() >= 1);
        QCOMPARE(rowsIn(model, gw::DocumentState::Done), 5);
        const int a = rowNamed(model, QStringLiteral("a.txt"));
        QVERIFY(a >= 0);
        QCOMPARE(model.index(a, gw::JobsModel::NameColumn).data(Qt::ToolTipRole).toString(),
                 QDir::toNativeSeparators(in + QStringLiteral("/a.txt")));
        QCOMPARE(model.index(a, gw::JobsModel::FormatColumn).data().toString(), QStringLiteral("Text"));
        QCOMPARE(model.index(a, gw::JobsModel::SizeColumn).data(gw::JobsModel::SortRole).toLongLong(),
                 QFileInfo(in + QStringLiteral("/a.txt")).size());
        QVERIFY(model.index(a, gw::JobsModel::SizeColumn).data().toString().endsWith(QStringLiteral("kB")));
        QCOMPARE(model.index(a, gw::JobsModel::StateColumn).data().toString(), QStringLiteral("Done"));
        QVERIFY(model.index(a, gw::JobsModel::StateColumn).data(Qt::DecorationRole).canConvert<QColor>());
        QCOMPARE(model.index(a, gw::JobsModel::ProgressColumn).data(gw::JobsModel::ProgressRole).toDouble(), 1.0);
        QCOMPARE(model.index(a, gw::JobsModel::ProgressColumn).data().toString(), QStringLiteral("100 %"));
        QVERIFY(model.index(a, gw::JobsModel::ElapsedColumn).data().toString().contains(QLatin1Char(':')));
        const quint64 id = model.index(a, 0).data(gw::JobsModel::DocumentIdRole).value<quint64>();
        QVERIFY(id > 0);
        QCOMPARE(model.rowOf(id), a);
        QCOMPARE(model.summaryText(), QStringLiteral("Documents: 5 · 5 done"));
    }

    void failedDocumentShowsItsReason()
    {
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("in"));
        writeFile(in + QStringLiteral("/bad.pdf"), QByteArray("this is not a PDF at all ").repeated(40));
        writeFile(in + QStringLiteral("/good.txt"), prose(30));
        writeFile(in + QStringLiteral("/picture.xyz"), "not a document");
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        gw::IngestJob job(*store, {});
        gw::JobsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setJob(&job);
        QVERIFY(ingest(job, {in}));
        model.refresh();

        const int bad = rowNamed(model, QStringLiteral("bad.pdf"));
        QVERIFY(bad >= 0);
        QCOMPARE(model.index(bad, 0).data(gw::JobsModel::StateRole).toInt(), int(gw::DocumentState::Failed));
        const QString message = model.document(bad).message;
        QVERIFY(!message.isEmpty());
        const QModelIndex error = model.index(bad, gw::JobsModel::MessageColumn);
        QVERIFY(!error.data().toString().isEmpty());
        QVERIFY(message.startsWith(error.data().toString().remove(QStringLiteral(" …"))));
        QCOMPARE(error.data(Qt::ToolTipRole).toString(), message);
        QCOMPARE(model.index(bad, gw::JobsModel::StateColumn).data().toString(), QStringLiteral("Failed"));

        const int skipped = rowNamed(model, QStringLiteral("picture.xyz"));
        QVERIFY(skipped >= 0);
        QVERIFY(model.index(skipped, gw::JobsModel::MessageColumn).data().toString().contains(QStringLiteral("xyz")));
        QVERIFY(model.index(skipped, gw::JobsModel::ProgressColumn).data().toString().isEmpty());
        QCOMPARE(model.summaryText(), QStringLiteral("Documents: 3 · 1 done, 1 failed, 1 skipped"));
    }

    void samplingEmitsFarFewerSignalsThanStateChanges()
    {
        QTemporaryDir dir;
        const int files = 200;
        for (int i = 0; i < files; ++i)
            writeFile(dir.filePath(QStringLiteral("in/doc%1.txt").arg(i, 3, 10, QLatin1Char('0'))), prose(300, i));
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        gw::IngestJob job(*store, {});
        gw::JobsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setJob(&job); // the real 100 ms timer
        QSignalSpy changed(&model, &gw::JobsModel::dataChanged);
        QSignalSpy inserted(&model, &gw::JobsModel::rowsInserted);
        QElapsedTimer took;
        took.start();
        QVERIFY(ingest(job, {dir.filePath(QStringLiteral("in"))}));
        model.refresh();
        const qint64 elapsedMs = took.elapsed();
        QCOMPARE(rowsIn(model, gw::DocumentState::Done), files);
        // Each document goes through at least five states: one signal each would be >= 1000. The
        // sampler can only have emitted in its samples (a few ranges each, as documents run side
        // by side), however fast or slow the build: compare with that, not with wall-clock luck.
        const qint64 samples = elapsedMs / model.sampleInterval() + 2; // and the final refresh
        const qint64 mostSignals = 4 * samples;
        qInfo("dataChanged: %lld signals, rowsInserted: %lld, for %d documents in %lld ms (at most %lld)",
              qlonglong(changed.count()), qlonglong(inserted.count()), files, qlonglong(elapsedMs),
              qlonglong(mostSignals));
        QVERIFY2(changed.count() <= mostSignals, qPrintable(QString::number(changed.count())));
        QVERIFY(inserted.count() <= 2);
        // Contiguous changed rows travel as one range.
        int widest = 0;
        for (const auto &arguments : std::as_const(changed))
            widest = std::max(widest, arguments.at(1).toModelIndex().row() - arguments.at(0).toModelIndex().row() + 1);
        QVERIFY(widest > 1);
    }

    void unchangedSampleEmitsNothing()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("in/a.txt")), prose(20));
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        gw::IngestJob job(*store, {});
        gw::JobsModel model;
        model.setSampleInterval(0);
        model.setJob(&job);
        QVERIFY(ingest(job, {dir.filePath(QStringLiteral("in"))}));
        model.refresh();
        QSignalSpy changed(&model, &gw::JobsModel::dataChanged);
        QSignalSpy summary(&model, &gw::JobsModel::summaryChanged);
        model.refresh();
        model.refresh();
        QCOMPARE(changed.count(), 0);
        QCOMPARE(summary.count(), 0);
    }

    void clearFinishedAndReplacedJobKeepTheModelConsistent()
    {
        QTemporaryDir dir;
        for (int i = 0; i < 10; ++i)
            writeFile(dir.filePath(QStringLiteral("in/doc%1.txt").arg(i)), prose(50, i));
        writeFile(dir.filePath(QStringLiteral("more/late.txt")), prose(50, 11));
        auto store = gw::ProjectStore::open(dir.filePath(QStringLiteral("p.gwp")));
        auto job = std::make_unique<gw::IngestJob>(*store, gw::IngestOptions{});
        gw::JobsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setJob(job.get());
        QVERIFY(ingest(*job, {dir.filePath(QStringLiteral("in"))}));
        model.refresh();
        QCOMPARE(model.rowCount(), 10);

        QSignalSpy reset(&model, &gw::JobsModel::modelReset);
        QCOMPARE(job->clearFinished(), 10);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 0);

        // The job stays usable: later drops appear as new rows with new ids.
        QVERIFY(ingest(*job, {dir.filePath(QStringLiteral("more"))}));
        model.refresh();
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("late.txt"));
        QCOMPARE(model.index(0, 0).data(gw::JobsModel::StateRole).toInt(), int(gw::DocumentState::Done));

        // A job that goes away empties the model instead of leaving it dangling.
        job.reset();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.job());
        model.refresh();
        QCOMPARE(model.summaryText(), QStringLiteral("No documents"));
    }

    void elapsedIsMinutesAndSeconds()
    {
        QCOMPARE(gw::JobsModel::formatElapsed(0), QStringLiteral("0:00"));
        QCOMPARE(gw::JobsModel::formatElapsed(61'500), QStringLiteral("1:01"));
        QCOMPARE(gw::JobsModel::formatElapsed(3'725'000), QStringLiteral("1:02:05"));
    }
};

GW_TEST_WIDGETS_MAIN(TstJobsModel)
#include "tst_jobsmodel.moc"
