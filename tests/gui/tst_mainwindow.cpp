// The workbench window: a drop of real files anywhere on it starts ingestion; projects open.
#include "core/syncwait.h"
#include "gui/jobsmodel.h"
#include "gui/entitytablemodel.h"
#include "gui/documentsview.h"
#include "gui/graphpanel.h"
#include "gui/graphworkspace.h"
#include "graph/graphexporter.h"
#include "gui/jobsview.h"
#include "gui/relationtablemodel.h"
#include "gui/mainwindow.h"
#include "pipeline/graphlayoutjob.h"
#include "pipeline/ingestjob.h"
#include "pipeline/projectcontext.h"
#include "pipeline/projectgraph.h"
#include "store/extractioncachetable.h"
#include "store/projectconnection.h"
#include "store/projectschema.h"
#include "store/projectstore.h"
#include "store/sampledocuments.h"
#include "testmain.h"

#include <QAction>
#include <QCryptographicHash>
#include <QThreadPool>
#include <QXmlStreamReader>
#include <QApplication>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// Sends a drag-enter and a drop of `paths` to `target`, as a file manager would.
bool dropOn(QWidget *target, const QStringList &paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls << QUrl::fromLocalFile(path);
    mime.setUrls(urls);
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

// A project of `side`×`side` entities in a grid (each meets its right and lower neighbour):
// big enough that laying it out takes a while.
void writeGridProject(const QString &path, int side)
{
    gw::DocumentRecord record;
    record.path = QStringLiteral("/grid.txt");
    record.format = QStringLiteral("text");
    auto name = [](int i) { return QStringLiteral("N%1").arg(i, 5, 10, QLatin1Char('0')); };
    for (int i = 0; i < side * side; ++i)
        record.entities.append({QStringLiteral("id-%1").arg(i), QStringLiteral("PERSON"), name(i), name(i).toLower()});
    for (int i = 0; i < side * side; ++i) {
        for (int j : {i + 1, i + side}) {
            if ((j == i + 1 && j % side == 0) || j >= side * side)
                continue;
            const QString sentence = name(i) + QStringLiteral(" met ") + name(j) + QStringLiteral(". ");
            const qint64 start = record.text.size();
            const qint64 chunk = record.chunks.size();
            record.chunks.append({start, start + sentence.size(), sentence});
            record.text += sentence;
            record.mentions.append({QStringLiteral("id-%1").arg(i), chunk, start, start + 6, 0.9});
            record.mentions.append({QStringLiteral("id-%1").arg(j), chunk, start + 11, start + 17, 0.9});
            record.relations.append({QStringLiteral("met"), QStringLiteral("id-%1").arg(i),
                                     QStringLiteral("id-%1").arg(j), chunk, start, start + sentence.size(),
                                     QStringLiteral("met")});
        }
    }
    record.contentHash =
        QString::fromLatin1(QCryptographicHash::hash(record.text.toUtf8(), QCryptographicHash::Sha256).toHex());
    record.sizeBytes = record.text.toUtf8().size();
    record.words = record.text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size();
    auto store = gw::ProjectStore::open(path);
    store->writeDocumentBlocking(record);
}

} // namespace

class TstMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings and data in a test location
        QCoreApplication::setOrganizationName(QStringLiteral("GraphwrightTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
    }

    void droppedFilesAreIngestedIntoTheOpenProject()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("a.txt")), "Ada Lovelace wrote about the Analytical Engine in London.");
        writeFile(dir.filePath(QStringLiteral("b.md")), "# Turing\n\nAlan Turing worked at Bletchley Park.");
        writeFile(dir.filePath(QStringLiteral("broken.json")), "{\"oops\": ");

        gw::MainWindow window;
        window.show();
        const QString project = dir.filePath(QStringLiteral("dropped.gwp"));
        QVERIFY(gw::syncWait(window.openProject(project)));
        QCOMPARE(window.projectPath(), project);
        QVERIFY(window.windowTitle().contains(QStringLiteral("dropped.gwp")));

        // A drop on a child (the jobs table) reaches the window: anywhere on it works.
        QVERIFY(dropOn(window.jobsView()->tableView()->viewport(),
                       {dir.filePath(QStringLiteral("a.txt")), dir.filePath(QStringLiteral("b.md")),
                        dir.filePath(QStringLiteral("broken.json"))}));
        QTRY_COMPARE_WITH_TIMEOUT(window.job()->documentCount(), 3, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(window.job()->isIdle(), 20'000);
        gw::JobsModel *model = window.jobsView()->model();
        model->refresh();
        int done = 0;
        int failed = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const int state = model->index(row, 0).data(gw::JobsModel::StateRole).toInt();
            done += state == int(gw::DocumentState::Done);
            failed += state == int(gw::DocumentState::Failed);
        }
        QCOMPARE(done, 2);
        QCOMPARE(failed, 1);
        QCOMPARE(window.project()->store()->status().documentsDone, 2);
        // The graph tab reads the project again once ingestion settles.
        gw::GraphWorkspace *graph = window.graphWorkspace();
        QTRY_VERIFY_WITH_TIMEOUT(!graph->isLoading() && graph->entityModel()->rowCount() > 0, 30'000);
        QStringList names;
        for (int row = 0; row < graph->entityModel()->rowCount(); ++row)
            names << graph->entityModel()->index(row, gw::EntityTableModel::NameColumn).data().toString();
        QVERIFY2(names.contains(QStringLiteral("Ada Lovelace")), qPrintable(names.join(QStringLiteral(", "))));

        // A drop that holds no local files is refused.
        QMimeData text;
        text.setText(QStringLiteral("just words"));
        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &enter);
        QVERIFY(!enter.isAccepted());
    }

    void graphTabShortcutsAndTableImport()
    {
        QTemporaryDir dir;
        gw::MainWindow window;
        window.show();
        QVERIFY(gw::syncWait(window.openProject(dir.filePath(QStringLiteral("graph.gwp")))));
        QTabWidget *tabs = window.centralTabs();
        QCOMPARE(tabs->count(), 3); // Jobs, Graph, Documents
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(window.jobsView()));

        const auto action = [&](const char *name) {
            QAction *found = window.findChild<QAction *>(QLatin1String(name));
            if (!found)
                qFatal("no action %s", name);
            return found;
        };
        QCOMPARE(action("actionShowGraph")->shortcut(), QKeySequence(QStringLiteral("Ctrl+2")));
        QCOMPARE(action("actionShowJobs")->shortcut(), QKeySequence(QStringLiteral("Ctrl+1")));
        QCOMPARE(action("actionFind")->shortcut(), QKeySequence(QStringLiteral("Ctrl+F")));
        action("actionShowGraph")->trigger();
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(window.graphWorkspace()));
        QCOMPARE(action("actionShowDocuments")->shortcut(), QKeySequence(QStringLiteral("Ctrl+3")));
        action("actionShowDocuments")->trigger();
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(window.documentsView()));
        action("actionShowJobs")->trigger();
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(window.jobsView()));
        action("actionFind")->trigger(); // shows the graph and puts the cursor in its filter
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(window.graphWorkspace()));

        // An edge list with one bad row: the good rows reach the graph, the bad one is reported.
        const QString csv = dir.filePath(QStringLiteral("edges.csv"));
        writeFile(csv, "source,target,type\nAda Lovelace,Charles Babbage,worked_with\nAlan Turing,,cites\n");
        QSignalSpy loaded(window.graphWorkspace(), &gw::GraphWorkspace::loaded);
        QVERIFY(gw::syncWait(window.importTable(csv)));
        auto *box = window.findChild<QMessageBox *>(QStringLiteral("importProblems"));
        QVERIFY(box);
        QVERIFY2(box->detailedText().contains(QStringLiteral("line 3")), qPrintable(box->detailedText()));
        box->close();
        QVERIFY(loaded.count() > 0 || loaded.wait(30'000));
        QTRY_COMPARE_WITH_TIMEOUT(window.graphWorkspace()->relationModel()->rowCount(), 1, 30'000);
    }

    // Edit → Import Vocabulary: a bad file is refused with its line; a good one is kept and,
    // asked, the documents are read again with it; the graph then has the names as typed there.
    void aVocabularyIsImportedAndTheDocumentsReadAgain()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("a.txt")),
                  "Last spring Zephyr Quill wrote to Northwind about the merger. NWT answered later.");
        gw::MainWindow window;
        window.show();
        QVERIFY(gw::syncWait(window.openProject(dir.filePath(QStringLiteral("v.gwp")))));
        window.addInputs({dir.filePath(QStringLiteral("a.txt"))});
        QTRY_COMPARE_WITH_TIMEOUT(window.job()->documentCount(), 1, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(window.job()->isIdle(), 20'000);
        gw::GraphWorkspace *graph = window.graphWorkspace();
        const auto names = [graph] {
            QStringList out;
            for (int row = 0; row < graph->entityModel()->rowCount(); ++row)
                out << QStringLiteral("%1 (%2)").arg(
                    graph->entityModel()->index(row, gw::EntityTableModel::NameColumn).data().toString(),
                    graph->entityModel()->index(row, gw::EntityTableModel::TypeColumn).data().toString());
            return out;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!graph->isLoading() && graph->entityModel()->rowCount() > 0, 30'000);
        QVERIFY(!names().contains(QStringLiteral("Northwind Traders (ORGANIZATION)")));

        const QString bad = dir.filePath(QStringLiteral("bad.csv"));
        writeFile(bad, "Northwind Traders,COMPANY\n");
        QString shown; // the error dialog waits for a click: read it and answer it
        QTimer closer;
        connect(&closer, &QTimer::timeout, this, [&shown] {
            if (QWidget *modal = QApplication::activeModalWidget()) {
                if (auto *box = qobject_cast<QMessageBox *>(modal))
                    shown += box->text();
                modal->close();
            }
        });
        closer.start(20);
        QCOMPARE(gw::syncWait(window.importVocabulary(bad)), -1);
        closer.stop();
        QVERIFY2(shown.contains(QStringLiteral("line 1: unknown type \"COMPANY\""))
                     && shown.contains(QStringLiteral("bad.csv")),
                 qPrintable(shown));

        const QString good = dir.filePath(QStringLiteral("names.csv"));
        writeFile(good, "Northwind Traders,ORGANIZATION,Northwind|NWT\nZephyr Quill,PERSON\n");
        QCOMPARE(gw::syncWait(window.importVocabulary(good)), 1);
        auto *ask = window.findChild<QMessageBox *>(QStringLiteral("extractAgain"));
        QVERIFY(ask);
        QSignalSpy loaded(graph, &gw::GraphWorkspace::loaded);
        QAbstractButton *again = nullptr;
        for (QAbstractButton *button : ask->buttons())
            if (ask->buttonRole(button) == QMessageBox::AcceptRole)
                again = button;
        QVERIFY(again);
        again->click();
        QTRY_VERIFY_WITH_TIMEOUT(window.job()->isIdle() && loaded.count() > 0 && !graph->isLoading(), 30'000);
        QTRY_VERIFY_WITH_TIMEOUT(names().contains(QStringLiteral("Northwind Traders (ORGANIZATION)")), 30'000);
        QVERIFY2(names().contains(QStringLiteral("Zephyr Quill (PERSON)")), qPrintable(names().join(u',')));
    }

    void clearingTheExtractionCacheSaysWhatWent()
    {
        QTemporaryDir dir;
        gw::MainWindow window;
        window.show();
        QVERIFY(gw::syncWait(window.openProject(dir.filePath(QStringLiteral("cache.gwp")))));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("actionClearExtractionCache"))->isEnabled());
        const gw::ExtractionCacheTable cache(*window.project()->store());
        cache.insert(QStringLiteral("k1"), QStringLiteral("m"), QStringLiteral("first answer"));
        cache.insert(QStringLiteral("k2"), QStringLiteral("m"), QStringLiteral("second answer"));
        QVERIFY(gw::syncWait(window.clearExtractionCache(false)));
        QCOMPARE(cache.size().entries, qint64(0));
        const QString message = window.statusBar()->currentMessage();
        QVERIFY2(message.contains(QStringLiteral("2 answer")) && message.contains(QStringLiteral("31 bytes")),
                 qPrintable(message));
        // An empty cache has nothing to clear and says so (the menu asks first only when it holds some).
        QVERIFY(!gw::syncWait(window.clearExtractionCache(true)));
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("empty")),
                 qPrintable(window.statusBar()->currentMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(!window.graphWorkspace()->isLoading(), 10'000);
    }

    void openingAnotherProjectSwitchesAndRemembersIt()
    {
        QTemporaryDir dir;
        gw::MainWindow window;
        QVERIFY(gw::syncWait(window.openProject(dir.filePath(QStringLiteral("first.gwp")))));
        QVERIFY(gw::syncWait(window.openProject(dir.filePath(QStringLiteral("second")))));
        QCOMPARE(window.projectPath(), dir.filePath(QStringLiteral("second.gwp"))); // suffix added
        const QStringList recent = QSettings().value(QStringLiteral("recentProjects")).toStringList();
        QCOMPARE(recent.value(0), dir.filePath(QStringLiteral("second.gwp")));
        QCOMPARE(recent.value(1), dir.filePath(QStringLiteral("first.gwp")));
    }

    void aProjectThatCannotBeOpenedLeavesTheWindowUsable_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("expected"); // a piece of the message the window shows
        QTest::newRow("garbage") << "garbage"
                                 << "it is not a Graphwright project";
        QTest::newRow("truncated") << "truncated"
                                   << "database disk image is malformed";
        QTest::newRow("newer schema") << "newer"
                                      << "made by a newer Graphwright";
    }

    // Each ends in a message naming the file and the cause; the file is left as it was, and the
    // window goes on to open another project.
    void aProjectThatCannotBeOpenedLeavesTheWindowUsable()
    {
        QFETCH(QString, damage);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("damaged.gwp"));
        if (damage == QLatin1String("garbage")) {
            writeFile(path, QByteArray(8192, 'x'));
        } else {
            {
                auto store = gw::ProjectStore::open(path);
                gw::DocumentRecord record = gw::testing::sampleDocument(QStringLiteral("/a.txt"), 40);
                store->writeDocumentBlocking(record);
            }
            if (damage == QLatin1String("truncated")) {
                QFile file(path);
                QVERIFY(file.size() > 8192);
                QVERIFY(file.resize(file.size() / 2));
            } else {
                gw::ProjectConnection connection(path, gw::ProjectConnection::Access::ReadWrite);
                connection.exec(QStringLiteral("PRAGMA user_version = %1").arg(gw::ProjectSchema::latestVersion() + 1),
                                QStringLiteral("test setup"));
            }
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();

        gw::MainWindow window;
        // The error dialog would wait for a click: read it and answer it as soon as it shows.
        QString shown;
        QTimer closer;
        connect(&closer, &QTimer::timeout, this, [&shown] {
            if (QWidget *modal = QApplication::activeModalWidget()) {
                if (auto *box = qobject_cast<QMessageBox *>(modal))
                    shown += box->text() + QLatin1Char('\n') + box->informativeText();
                modal->close();
            }
        });
        closer.start(20);
        QVERIFY(!gw::syncWait(window.openProject(path)));
        QVERIFY(!window.project());
        QVERIFY2(shown.contains(expected), qPrintable(shown));
        QVERIFY2(shown.contains(QDir::toNativeSeparators(path)), qPrintable(shown));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before); // untouched
        file.close();

        QVERIFY(gw::syncWait(window.openProject(dir.filePath(QStringLiteral("good.gwp")))));
        QVERIFY(window.project() && window.project()->isOpen());
    }

    // Closing the window while documents run asks first; "Yes" cancels the rest, and every
    // document finished before is in the project, whole, when the window is gone.
    void closingDuringIngestionKeepsFinishedDocuments()
    {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("in"))));
        for (int i = 0; i < 80; ++i) {
            QByteArray text;
            for (int s = 0; s < 600; ++s)
                text += "Sentence " + QByteArray::number(s) + " of document " + QByteArray::number(i)
                    + ": Ada Lovelace met Charles Babbage in London. ";
            writeFile(dir.filePath(QStringLiteral("in/doc%1.txt").arg(i, 2, 10, QLatin1Char('0'))), text);
        }
        const QString project = dir.filePath(QStringLiteral("closing.gwp"));
        int asked = 0;
        {
            gw::MainWindow window;
            window.show();
            QVERIFY(gw::syncWait(window.openProject(project)));
            window.addInputs({dir.filePath(QStringLiteral("in"))});
            QTRY_VERIFY_WITH_TIMEOUT(window.job() && window.job()->counts().done >= 2, 30'000);
            QVERIFY(!window.job()->isIdle());
            QTimer yes;
            connect(&yes, &QTimer::timeout, this, [&asked] {
                if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                    ++asked;
                    box->button(QMessageBox::Yes)->click();
                }
            });
            yes.start(10);
            window.close();
            QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 30'000);
            QVERIFY(window.job()->isIdle());
        }
        QCOMPARE(asked, 1);
        auto store = gw::ProjectStore::open(project);
        const gw::ProjectStatus status = store->status();
        QVERIFY2(status.documentsDone >= 2 && status.documentsDone < 80,
                 qPrintable(QString::number(status.documentsDone)));
        // Each stored document is whole: its chunks and its text are all there.
        qint64 chunksDeclared = 0;
        for (const gw::StoredDocument &document : store->documents()) {
            chunksDeclared += document.chunkCount;
            QVERIFY(!store->documentText(document.id).isEmpty());
        }
        QCOMPARE(status.chunks, chunksDeclared);
    }

    // Closing the window while the graph is laid out, then while it is exported: no crash, no
    // dialog left waiting, the project keeps everything, the export is whole or absent.
    void closingDuringLayoutAndExportLosesNothing()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("grid.gwp"));
        const int side = 40;
        writeGridProject(project, side);
        auto projectIsWhole = [&project, side] {
            return gw::testing::countRows(project, QStringLiteral("SELECT count(*) FROM entities")) == side * side
                && gw::testing::scalarText(project, QStringLiteral("PRAGMA integrity_check")) == QLatin1String("ok");
        };
        auto closeAndSettle = [](gw::MainWindow &window) {
            window.close();
            QVERIFY(!window.isVisible());
        };
        {
            gw::MainWindow window;
            window.show();
            QVERIFY(gw::syncWait(window.openProject(project)));
            QTRY_VERIFY_WITH_TIMEOUT(window.project()->graph()->loadProgress().stage == gw::GraphLoadProgress::Layout,
                                     60'000);
            closeAndSettle(window);
        }
        QThreadPool::globalInstance()->waitForDone();
        QTest::qWait(50); // the jobs' last steps on this thread
        QVERIFY(!QApplication::activeModalWidget());
        QVERIFY(projectIsWhole());

        const QString exported = dir.filePath(QStringLiteral("graph.graphml"));
        {
            gw::MainWindow window;
            window.show();
            QVERIFY(gw::syncWait(window.openProject(project)));
            auto *workspace = window.findChild<gw::GraphWorkspace *>();
            QVERIFY(workspace);
            QTRY_VERIFY_WITH_TIMEOUT(!workspace->isLoading(), 120'000);
            workspace->exportGraph(gw::ExportFormat::GraphMl, exported); // not awaited: the window goes
            closeAndSettle(window);
        }
        QThreadPool::globalInstance()->waitForDone();
        QTest::qWait(50);
        QVERIFY(!QApplication::activeModalWidget());
        QVERIFY(projectIsWhole());
        QFile file(exported);
        qInfo("the export was %s when the window closed", file.exists() ? "written" : "not written");
        if (file.exists()) {
            QVERIFY(file.open(QIODevice::ReadOnly));
            QXmlStreamReader xml(&file);
            int nodes = 0;
            while (!xml.atEnd())
                if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("node"))
                    ++nodes;
            QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
            QCOMPARE(nodes, side * side);
        }
        // No temporary file left beside it.
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("graph*")}, QDir::Files),
                 file.exists() ? QStringList{QStringLiteral("graph.graphml")} : QStringList{});
    }
};

GW_TEST_WIDGETS_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
