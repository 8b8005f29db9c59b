// ProjectGraph, the graph jobs of a project: a snapshot load computes, saves and then reuses the
// layout and vectors; a newer load supersedes an older one; entity details; exports with errors
// a person can read; close() waits for running jobs and later jobs end cancelled.
#include "core/syncwait.h"
#include "graph/graphlayout.h"
#include "graph/nodeembedding.h"
#include "pipeline/graphlayoutjob.h"
#include "pipeline/projectgraph.h"
#include "store/projectstore.h"
#include "store/sampledocuments.h"
#include "testmain.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using gw::JobEnd;
using gw::ProjectGraph;

namespace {

// A triangle Ada - Grace - Zürich, one document per side.
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

} // namespace

class TstProjectGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store = gw::ProjectStore::open(m_dir.filePath(QStringLiteral("g%1.gwp").arg(++m_count)));
        writeTriangle(*m_store);
        m_project = std::make_shared<ProjectGraph>(m_store);
    }

    void cleanup()
    {
        gw::syncWait(m_project->close());
        m_project.reset();
        m_store.reset();
    }

    void snapshotIsComputedSavedAndReused()
    {
        const auto first = gw::syncWait(m_project->loadSnapshot());
        QCOMPARE(first.end, JobEnd::Finished);
        QCOMPARE(first.value->graph.nodeCount(), 3);
        QCOMPARE(first.value->metrics.pagerank.size(), 3);
        QCOMPARE(first.value->positions.size(), 3);
        QVERIFY(first.value->similar);
        QVERIFY(first.value->similarError.isEmpty());
        // Kept in the project...
        QCOMPARE(gw::GraphLayout::loadLayout(*m_store, first.value->graph), first.value->positions);
        QCOMPARE(gw::NodeEmbedding::load(*m_store).count(), 3);
        // ... and read back, not computed again, by the next load.
        const auto second = gw::syncWait(m_project->loadSnapshot());
        QCOMPARE(second.end, JobEnd::Finished);
        QCOMPARE(second.value->positions, first.value->positions);
        QVERIFY(!m_project->isLoading());
        QCOMPARE(m_project->runningJobs(), 0);
    }

    void aNewerLoadSupersedesTheOlder()
    {
        auto older = m_project->loadSnapshot();
        const bool olderEnded = older.isReady(); // a quick worker can end before the await suspends
        auto newer = m_project->loadSnapshot();
        QCOMPARE(gw::syncWait(std::move(newer)).end, JobEnd::Finished);
        QCOMPARE(gw::syncWait(std::move(older)).end, olderEnded ? JobEnd::Finished : JobEnd::Superseded);
        // A cancelled load ends cancelled, not superseded.
        auto cancelled = m_project->loadSnapshot();
        m_project->cancelLoad(QStringLiteral("test"));
        const JobEnd end = gw::syncWait(std::move(cancelled)).end;
        QVERIFY(end == JobEnd::Cancelled || end == JobEnd::Finished); // it may have been quicker
    }

    void entityDetailsAndExports()
    {
        const auto snapshot = gw::syncWait(m_project->loadSnapshot());
        QVERIFY(snapshot.finished());
        const auto details =
            gw::syncWait(m_project->entityDetails(QStringLiteral("id-ada"), {}, snapshot.value->similar));
        QCOMPARE(details.end, JobEnd::Finished);
        QCOMPARE(details.value->provenance.documents().size(), 2);
        QVERIFY(!details.value->similar.isEmpty());

        const QString csv = m_dir.filePath(QStringLiteral("rows.csv"));
        const QList<QVariantList> rows = {{QStringLiteral("Name"), QStringLiteral("Rank")},
                                          {QStringLiteral("Ada, Countess"), 0.125}};
        QVERIFY(gw::syncWait(m_project->exportRows(rows, csv)).finished());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("Name,Rank\r\n\"Ada, Countess\",0.125\r\n")); // RFC 4180

        const auto failed = gw::syncWait(
            m_project->exportGraph(snapshot.value->graph, snapshot.value->metrics, gw::ExportFormat::GraphMl,
                                   m_dir.filePath(QStringLiteral("missing/folder/g.graphml"))));
        QCOMPARE(failed.end, JobEnd::Failed);
        QVERIFY2(failed.error.contains(QStringLiteral("g.graphml")), qPrintable(failed.error));
    }

    void closeWaitsForRunningJobsAndRefusesNewOnes()
    {
        const auto snapshot = gw::syncWait(m_project->loadSnapshot());
        QVERIFY(snapshot.finished());
        gw::GraphLayoutJob layout;
        layout.setProjectGraph(m_project);
        QSignalSpy cancelled(&layout, &gw::GraphLayoutJob::cancelled);
        gw::GraphLayout::Options slow;
        slow.iterations = 50'000'000; // far longer than the test: only a cancel ends it
        layout.setOptions(slow);
        layout.compute(snapshot.value->graph);
        QCOMPARE(m_project->runningJobs(), 1);
        gw::syncWait(m_project->close());
        QCOMPARE(m_project->runningJobs(), 0);
        QVERIFY(cancelled.count() > 0 || cancelled.wait(10'000));
        QCOMPARE(gw::syncWait(m_project->loadSnapshot()).end, JobEnd::Cancelled);
        // The rerun was cancelled before it finished: the stored layout is the first one.
        QCOMPARE(gw::GraphLayout::loadLayout(*m_store, snapshot.value->graph), snapshot.value->positions);
    }

private:
    QTemporaryDir m_dir;
    int m_count = 0;
    std::shared_ptr<gw::ProjectStore> m_store;
    std::shared_ptr<ProjectGraph> m_project;
};

GW_TEST_MAIN(TstProjectGraph)
#include "tst_projectgraph.moc"
