// ProjectContext, one open project as the window and the CLI set it up: the breakers of what it
// depends on, the health checks, the ingest job wired to the store's breaker, table import and
// save-as off the calling thread, and a close that ends the job before the store goes.
#include "core/errors.h"
#include "core/syncwait.h"
#include "extract/entityresolver.h"
#include "extract/remoteextractor.h"
#include "graph/curationrules.h"
#include "graph/knowledgegraph.h"
#include "pipeline/ingestjob.h"
#include "pipeline/projectcontext.h"
#include "pipeline/projectgraph.h"
#include "store/curationtable.h"
#include "store/projectstore.h"
#include "store/sampledocuments.h"
#include "testmain.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <tuple>

using gw::ProjectContext;
using gw::ProjectContextOptions;

namespace {

using gw::testing::writeFile;

QStringList checkNames(const gw::HealthReport &report)
{
    QStringList names;
    for (const gw::HealthEntry &entry : report.entries)
        names << entry.name;
    return names;
}

const gw::HealthEntry *entryNamed(const gw::HealthReport &report, const QString &name)
{
    for (const gw::HealthEntry &entry : report.entries)
        if (entry.name == name)
            return &entry;
    return nullptr;
}

} // namespace

class TstProjectContext : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // First of the slots: nothing in this process has compiled the relation patterns yet, so the
    // warm-up is still compiling when the first chunks want them, and they read their relations
    // after the others' entities (DocumentIngester::extract). What is stored is the same.
    void warmingUpTheExtractorStoresTheSameGraph()
    {
        QTemporaryDir dir;
        QByteArray text;
        for (int i = 0; i < 150; ++i)
            text += "Ada Lovelace worked with Charles Babbage in London. Grace Hopper joined Zentrix Corp in Oslo. "
                    "Linus Torvalds, the founder of Linux, lives in Portland.\n";
        for (int i = 0; i < 4; ++i)
            writeFile(dir.filePath(QStringLiteral("in/%1.txt").arg(i)), text + QByteArray::number(i));
        const auto ingest = [&](const QString &name, bool warmUp) {
            ProjectContextOptions options;
            options.warmUpExtractor = warmUp;
            options.ingest.jobs = 2;
            ProjectContext project(dir.filePath(name), options);
            gw::syncWait(project.open());
            const gw::IngestSummary summary = gw::syncWait(project.job()->run({dir.filePath(QStringLiteral("in"))}));
            const gw::ProjectStatus status = project.store()->status();
            QStringList relations;
            for (const gw::StoredRelation &relation : project.store()->relations())
                relations << QStringLiteral("%1 %2 %3 %4")
                                 .arg(relation.type, relation.subjectId, relation.objectId)
                                 .arg(relation.weight);
            relations.sort();
            gw::syncWait(project.close());
            return std::make_tuple(summary.documentsDone, status.entities, status.mentions, relations);
        };
        const auto warm = ingest(QStringLiteral("warm.gwp"), true);
        const auto cold = ingest(QStringLiteral("cold.gwp"), false);
        QCOMPARE(std::get<0>(warm), 4);
        QVERIFY(std::get<2>(warm) > 0);
        QVERIFY(!std::get<3>(warm).isEmpty());
        QCOMPARE(warm, cold);
    }

    void opensCreatesAndWiresTheProject()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.gwp"));
        ProjectContext project(path, {});
        QCOMPARE(project.path(), QFileInfo(path).absoluteFilePath());
        QVERIFY(!project.isOpen());
        QVERIFY(!project.job());
        QVERIFY(!project.graph());

        // Before open(): the file is not there, and the check says so without creating it.
        gw::HealthReport before = gw::syncWait(project.health().runChecksAsync());
        QCOMPARE(checkNames(before),
                 (QStringList{QStringLiteral("project file"), QStringLiteral("disk space"),
                              QStringLiteral("project folder writable"), QStringLiteral("worker pool"),
                              QStringLiteral("circuit breakers")}));
        QCOMPARE(entryNamed(before, QStringLiteral("project file"))->status, gw::HealthStatus::Degraded);
        QVERIFY(!QFileInfo::exists(path));

        gw::syncWait(project.open());
        QVERIFY(project.isOpen());
        QVERIFY(QFileInfo::exists(path));
        QVERIFY(project.job() && project.graph() && project.store());
        QCOMPARE(project.graph()->projectPath(), project.path());

        // Only the store's breaker without a remote endpoint.
        QCOMPARE(project.breakers().breakers().size(), 1);
        QVERIFY(project.breakers().find(ProjectContext::storeBreakerName()));

        writeFile(dir.filePath(QStringLiteral("in/a.txt")), "Ada Lovelace wrote to Charles Babbage in London.");
        const gw::IngestSummary summary = gw::syncWait(project.job()->run({dir.filePath(QStringLiteral("in"))}));
        QCOMPARE(summary.documentsDone, 1);
        // The job's writes went through the project store's breaker.
        QVERIFY(project.breakers().find(ProjectContext::storeBreakerName())->stats().successes >= 1);

        const gw::HealthReport after = gw::syncWait(project.health().runChecksAsync());
        const gw::HealthEntry *file = entryNamed(after, QStringLiteral("project file"));
        QCOMPARE(file->status, gw::HealthStatus::Ok);
        QVERIFY2(file->reason.contains(QStringLiteral("schema")), qPrintable(file->reason));
    }

    void aRemoteEndpointAddsItsBreaker()
    {
        QTemporaryDir dir;
        ProjectContextOptions options;
        options.ingest.remote.url = QStringLiteral("http://127.0.0.1:9/v1");
        options.ingest.remote.model = QStringLiteral("tiny");
        options.breakers.failureThreshold = 7;
        ProjectContext project(dir.filePath(QStringLiteral("p.gwp")), options);
        gw::CircuitBreaker *remote = project.breakers().find(gw::RemoteExtractor::breakerName());
        QVERIFY(remote);
        QCOMPARE(remote->settings().failureThreshold, 7);
        QCOMPARE(project.breakers().find(ProjectContext::storeBreakerName())->settings().failureThreshold, 7);
    }

    void aFileThatIsNoProjectFailsWithItsPath()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("garbage.gwp"));
        writeFile(path, QByteArray(4096, 'x'));
        ProjectContext project(path, {});
        try {
            gw::syncWait(project.open());
            QFAIL("a file of junk opened as a project");
        } catch (const gw::Error &error) {
            QVERIFY2(error.message().contains(QStringLiteral("garbage.gwp")), qPrintable(error.message()));
        }
        QVERIFY(!project.isOpen());
        QVERIFY(!project.job());
    }

    void filesThatAreNoProjectFailWithTheirReason_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("reason");
        QTest::newRow("truncated") << QStringLiteral("truncate") << QStringLiteral("SQLite cannot read it");
        QTest::newRow("newer schema") << QStringLiteral("newer") << QStringLiteral("made by a newer Graphwright");
        QTest::newRow("a folder") << QStringLiteral("folder") << QStringLiteral("folder.gwp");
    }

    void filesThatAreNoProjectFailWithTheirReason()
    {
        QFETCH(QString, damage);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("p.gwp"));
        {
            // A real project with documents in it, closed before it is damaged.
            ProjectContext project(path, {});
            gw::syncWait(project.open());
            writeFile(dir.filePath(QStringLiteral("in/a.txt")),
                      QByteArray("Ada Lovelace met Charles Babbage. ").repeated(400));
            gw::syncWait(project.job()->run({dir.filePath(QStringLiteral("in"))}));
            gw::syncWait(project.close());
        }
        if (damage == QLatin1String("truncate")) {
            QFile file(path);
            QVERIFY(file.resize(file.size() / 2));
        } else if (damage == QLatin1String("newer")) {
            const QString connection = QStringLiteral("tst_projectcontext_newer");
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
                db.setDatabaseName(path);
                QVERIFY(db.open());
                QVERIFY(QSqlQuery(QStringLiteral("PRAGMA user_version = 99"), db).isActive());
            }
            QSqlDatabase::removeDatabase(connection);
        } else {
            path = dir.filePath(QStringLiteral("folder.gwp"));
            QVERIFY(QDir().mkpath(path));
        }
        ProjectContext project(path, {});
        try {
            gw::syncWait(project.open());
            QFAIL("a damaged project opened");
        } catch (const gw::Error &error) {
            QVERIFY2(error.message().contains(reason), qPrintable(error.message()));
            QVERIFY2(error.message().contains(QFileInfo(path).fileName()), qPrintable(error.message()));
        }
        QVERIFY(!project.isOpen());
        // The health report says the same, as the CLI and the panel show it.
        const gw::HealthReport report = gw::syncWait(project.health().runChecksAsync());
        QVERIFY(entryNamed(report, QStringLiteral("project file"))->status != gw::HealthStatus::Ok);
    }

    void closeEndsTheJobKeepsFinishedDocumentsAndIsRepeatable()
    {
        QTemporaryDir dir;
        QByteArray text;
        for (int i = 0; i < 4000; ++i)
            text += "Grace Hopper worked with Howard Aiken at Harvard University on the Mark I. ";
        for (int i = 0; i < 40; ++i)
            writeFile(dir.filePath(QStringLiteral("in/doc%1.txt").arg(i)), text + QByteArray::number(i));
        const QString path = dir.filePath(QStringLiteral("p.gwp"));
        {
            ProjectContextOptions options;
            options.ingest.jobs = 1;
            ProjectContext project(path, options);
            gw::syncWait(project.open());
            project.job()->addInputs({dir.filePath(QStringLiteral("in"))});
            QTRY_VERIFY_WITH_TIMEOUT(project.job()->counts().done >= 1, 30'000);
            gw::syncWait(project.close());
            QVERIFY(!project.isOpen());
            QVERIFY(!project.job());
            QVERIFY(!project.graph());
            gw::syncWait(project.close()); // twice is fine
            const gw::HealthReport closed = gw::syncWait(project.health().runChecksAsync());
            QCOMPARE(entryNamed(closed, QStringLiteral("project file"))->status, gw::HealthStatus::Degraded);
        }
        // What finished is in the file, and the file opens again.
        ProjectContext again(path, {});
        gw::syncWait(again.open());
        const gw::ProjectStatus status = again.store()->status();
        QVERIFY(status.documentsDone >= 1);
        QVERIFY(status.documentsDone < 40 || status.documentsFailed == 0);
    }

    // Curation edits while documents are being ingested: each goes through the same single
    // writer, in order, between the documents' writes; none is lost, no document is lost, and
    // the graph read afterwards shows them.
    void curationEditsDuringIngestionLoseNothing()
    {
        QTemporaryDir dir;
        QByteArray text;
        for (int i = 0; i < 300; ++i)
            text += "Grace Hopper worked with Howard Aiken at Harvard University on the Mark I. ";
        for (int i = 0; i < 60; ++i)
            writeFile(dir.filePath(QStringLiteral("in/doc%1.txt").arg(i)), text + QByteArray::number(i));
        ProjectContextOptions options;
        options.ingest.jobs = 2;
        ProjectContext project(dir.filePath(QStringLiteral("p.gwp")), options);
        gw::syncWait(project.open());
        const QString grace = gw::EntityResolver::entityId(
            gw::EntityType::Person,
            gw::EntityResolver::normalizedKey(QStringLiteral("Grace Hopper"), gw::EntityType::Person));
        project.job()->addInputs({dir.filePath(QStringLiteral("in"))});
        QTRY_VERIFY_WITH_TIMEOUT(project.job()->documentCount() == 60, 30'000);

        int duringIngestion = 0;
        for (int i = 0; i < 30; ++i) {
            duringIngestion += project.job()->isIdle() ? 0 : 1;
            QVERIFY(gw::syncWait(project.graph()->addCuration(
                gw::CurationRules::rename(grace, QStringLiteral("Name %1").arg(i), QStringLiteral("Grace Hopper")))));
            if (i % 3 == 0) { // and a step undone and made again
                QVERIFY(gw::syncWait(project.graph()->undoCuration()));
                QVERIFY(gw::syncWait(project.graph()->redoCuration()));
            }
        }
        qInfo("%d of 30 edits made while documents ran", duringIngestion);
        QVERIFY2(duringIngestion > 0, "every edit came after the ingestion: the test proves nothing");
        gw::syncWait(project.job()->waitIdle());

        QCOMPARE(project.store()->status().documentsDone, 60);
        const QList<gw::CurationEdit> edits = gw::CurationTable(*project.store()).edits();
        QCOMPARE(edits.size(), 30);
        for (int i = 0; i < 30; ++i) {
            QCOMPARE(edits.at(i).payload.value(QStringLiteral("name")).toString(), QStringLiteral("Name %1").arg(i));
            QVERIFY(!edits.at(i).undone);
        }
        const gw::KnowledgeGraph graph = gw::KnowledgeGraph::fromStore(*project.store());
        QVERIFY(graph.indexOf(grace) >= 0);
        QCOMPARE(graph.node(graph.indexOf(grace)).name, QStringLiteral("Name 29"));
        gw::syncWait(project.close());
    }

    void importsATableAndSavesACopyOffThread()
    {
        QTemporaryDir dir;
        ProjectContext project(dir.filePath(QStringLiteral("p.gwp")), {});
        // Before open() there is nothing to import into.
        QVERIFY_THROWS_EXCEPTION(gw::Error, gw::syncWait(project.importTable(dir.filePath(QStringLiteral("x.csv")))));
        gw::syncWait(project.open());
        writeFile(dir.filePath(QStringLiteral("edges.csv")),
                  "source,target,relation\nAda Lovelace,Charles Babbage,WORKED_WITH\n"
                  "Grace Hopper,Howard Aiken,WORKED_WITH\n");
        const gw::TableImportResult result =
            gw::syncWait(project.importTable(dir.filePath(QStringLiteral("edges.csv"))));
        QCOMPARE(result.importedRows, 2);
        QCOMPARE(result.entities, 4);
        QVERIFY_THROWS_EXCEPTION(gw::Error,
                                 gw::syncWait(project.importTable(dir.filePath(QStringLiteral("missing.csv")))));

        const QString copy = dir.filePath(QStringLiteral("copy.gwp"));
        gw::syncWait(project.saveCopy(copy));
        ProjectContext copied(copy, {});
        gw::syncWait(copied.open());
        QCOMPARE(copied.store()->status().entities, project.store()->status().entities);
        // A copy never overwrites.
        QVERIFY_THROWS_EXCEPTION(gw::Error, gw::syncWait(project.saveCopy(copy)));
    }
};

GW_TEST_MAIN(TstProjectContext)
#include "tst_projectcontext.moc"
