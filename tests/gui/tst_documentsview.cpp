// The Documents tab, offscreen, on small projects ingested through the real pipeline: the list
// of every document with its counts (sorted, filtered, QAbstractItemModelTester), the reader
// highlighting exactly the stored mention spans, a mention leading to its entity in the graph
// and an entity's sentence back to the reader, removal, and a project opened again.
#include "core/syncwait.h"
#include "documentfixtures.h"
#include "gui/documentlistmodel.h"
#include "gui/documentreader.h"
#include "gui/documentsview.h"
#include "gui/entitydetailspanel.h"
#include "gui/graphtablefilter.h"
#include "gui/graphworkspace.h"
#include "gui/mainwindow.h"
#include "pipeline/ingestjob.h"
#include "pipeline/projectcontext.h"
#include "pipeline/projectgraph.h"
#include "store/projectconnection.h"
#include "store/projectstore.h"
#include "testmain.h"

#include <QAbstractButton>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QLabel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QTreeWidget>

using gw::DocumentListModel;
using gw::DocumentSummary;

namespace {

struct Span
{
    qint64 start, end;
    QString entityId;
    bool operator==(const Span &other) const = default;
};

// QCOMPARE prints the spans that differ.
char *toString(const Span &span)
{
    return QTest::toString(QStringLiteral("[%1, %2) %3").arg(span.start).arg(span.end).arg(span.entityId));
}

// Raw SQL on the project, beside the code under test.
QList<QVariantList> rows(gw::ProjectStore &store, const QString &sql, const QVariantList &bind = {})
{
    QList<QVariantList> out;
    store.readSnapshot([&](gw::ProjectConnection &connection) {
        QSqlQuery query = connection.prepare(sql);
        for (const QVariant &value : bind)
            query.addBindValue(value);
        connection.exec(query, QStringLiteral("test probe"));
        while (query.next()) {
            QVariantList row;
            for (int c = 0; c < query.record().count(); ++c)
                row << query.value(c);
            out << row;
        }
    });
    return out;
}

// The spans of the reader's text carrying an entity id, adjacent fragments of one entity joined.
QList<Span> highlightedSpans(const QTextDocument &document)
{
    QList<Span> spans;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QString id = fragment.charFormat().property(gw::DocumentReader::EntityIdProperty).toString();
            if (id.isEmpty())
                continue;
            const qint64 start = fragment.position(), end = start + fragment.length();
            if (!spans.isEmpty() && spans.last().end == start && spans.last().entityId == id)
                spans.last().end = end;
            else
                spans.append({start, end, id});
        }
    }
    return spans;
}

// Every coroutine has ended: nothing is left suspended when the test returns.
bool settled(gw::MainWindow &window)
{
    return window.project() && window.project()->graph()->runningJobs() == 0 && !window.documentsView()->isLoading()
        && !window.documentsView()->reader()->isLoading() && !window.graphWorkspace()->isLoading();
}

} // namespace

class TstDocumentsView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // a.txt: people and places; b.txt: someone a.txt never names. Ingested by `window`.
    QString ingestTwo(gw::MainWindow &window, const QString &name)
    {
        const QString folder = m_dir.filePath(name);
        gw::testing::writeFile(folder + QStringLiteral("/in/a.txt"), gw::testing::prose(24));
        gw::testing::writeFile(folder + QStringLiteral("/in/b.txt"),
                               "Margaret Hamilton wrote the flight software in Houston. Margaret Hamilton led "
                               "the team of Richard Feynman in Houston.\n");
        const QString project = folder + QStringLiteral("/p.gwp");
        if (!gw::syncWait(window.openProject(project)))
            return {};
        window.addInputs({folder + QStringLiteral("/in")});
        if (!QTest::qWaitFor([&] { return window.job()->documentCount() == 2 && window.job()->isIdle(); }, 30'000))
            return {};
        return project;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("GraphwrightTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_documentsview"));
        QSettings().clear();
    }

    void theModelSortsFiltersAndPassesTheTester()
    {
        DocumentListModel model;
        gw::GraphTableFilter filter(DocumentListModel::SortRole, DocumentListModel::SearchTextRole,
                                    DocumentListModel::StateRole);
        filter.setSourceModel(&model);
        QAbstractItemModelTester sourceTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto at = [](qint64 id, const QString &path, qint64 size, qint64 entities, gw::StoredState state,
                           const QString &error = {}) {
            DocumentSummary document;
            document.id = id;
            document.path = path;
            document.format = QStringLiteral("text");
            document.sizeBytes = size;
            document.words = size / 6;
            document.entities = entities;
            document.state = state;
            document.error = error;
            document.ingestedAt = QDateTime::currentDateTimeUtc().addSecs(-id);
            return document;
        };
        model.setDocuments({at(1, QStringLiteral("/x/alpha.txt"), 900, 4, gw::StoredState::Done),
                            at(2, QStringLiteral("/x/Beta.txt"), 80, 40, gw::StoredState::Done),
                            at(3, QStringLiteral("/y/gamma.pdf"), 5000, 0, gw::StoredState::Failed,
                               QStringLiteral("the PDF is encrypted"))});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(DocumentListModel::ColumnCount));
        const auto column = [&filter](int c) {
            QStringList out;
            for (int row = 0; row < filter.rowCount(); ++row)
                out << filter.index(row, DocumentListModel::NameColumn).data().toString();
            Q_UNUSED(c);
            return out;
        };
        filter.sort(DocumentListModel::EntitiesColumn, Qt::DescendingOrder);
        QCOMPARE(column(0),
                 (QStringList{QStringLiteral("Beta.txt"), QStringLiteral("alpha.txt"), QStringLiteral("gamma.pdf")}));
        filter.sort(DocumentListModel::SizeColumn, Qt::AscendingOrder);
        QCOMPARE(column(0),
                 (QStringList{QStringLiteral("Beta.txt"), QStringLiteral("alpha.txt"), QStringLiteral("gamma.pdf")}));
        filter.sort(DocumentListModel::NameColumn, Qt::AscendingOrder); // case-folded
        QCOMPARE(column(0),
                 (QStringList{QStringLiteral("alpha.txt"), QStringLiteral("Beta.txt"), QStringLiteral("gamma.pdf")}));
        filter.sort(DocumentListModel::IngestedColumn, Qt::AscendingOrder); // oldest first
        QCOMPARE(column(0),
                 (QStringList{QStringLiteral("gamma.pdf"), QStringLiteral("Beta.txt"), QStringLiteral("alpha.txt")}));
        // The failure: its state says so, the error is its tooltip, no words or entities shown.
        const QModelIndex failed = model.index(2, DocumentListModel::StateColumn);
        QCOMPARE(failed.data().toString(), QStringLiteral("failed"));
        QCOMPARE(failed.data(Qt::ToolTipRole).toString(), QStringLiteral("the PDF is encrypted"));
        QVERIFY(!model.index(2, DocumentListModel::EntitiesColumn).data().isValid());
        QCOMPARE(model.index(1, DocumentListModel::EntitiesColumn).data().toString(), QStringLiteral("40"));
        // Filters: by folder, by state (the type filter), none.
        filter.setText(QStringLiteral("/X/"));
        QCOMPARE(filter.rowCount(), 2);
        filter.setText(QStringLiteral("failed"));
        QCOMPARE(column(0), QStringList{QStringLiteral("gamma.pdf")});
        filter.setText({});
        filter.setType(QStringLiteral("done"));
        QCOMPARE(filter.rowCount(), 2);
        filter.setType({});
        model.clear();
        QCOMPARE(filter.rowCount(), 0);
    }

    void theReaderHighlightsTheStoredMentionsAndAMentionLeadsToItsEntity()
    {
        gw::MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!ingestTwo(window, QStringLiteral("reader")).isEmpty());
        gw::DocumentsView *view = window.documentsView();
        gw::GraphWorkspace *workspace = window.graphWorkspace();
        gw::ProjectStore &store = *window.project()->store();

        // The list: both documents, with the counts of the project file.
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 2, 30'000);
        QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading(), 30'000);
        for (const gw::DocumentSummary &document : view->model()->documents()) {
            const QList<QVariantList> counted = rows(
                store, QStringLiteral("SELECT count(DISTINCT entity_id), count(*) FROM mentions WHERE document_id = ?"),
                {document.id});
            QCOMPARE(document.entities, counted.at(0).at(0).toLongLong());
            QCOMPARE(document.mentions, counted.at(0).at(1).toLongLong());
            QVERIFY2(document.entities > 0, qPrintable(document.path));
        }

        // Ctrl+3 shows the tab; Return on a row opens the reader.
        window.activateWindow();
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.centralTabs()->currentWidget(), view);
        const int row = view->model()->rowOfPath(m_dir.filePath(QStringLiteral("reader/in/a.txt")));
        QVERIFY(row >= 0);
        const gw::DocumentSummary a = view->model()->documents().at(row);
        gw::DocumentReader *reader = view->reader();
        QSignalSpy shown(reader, &gw::DocumentReader::documentShown);
        view->table()->setFocus();
        view->table()->setCurrentIndex(view->filter()->mapFromSource(view->model()->index(row, 0)));
        QTest::keyClick(view->table(), Qt::Key_Return);
        QVERIFY(shown.count() > 0 || shown.wait(30'000));
        QCOMPARE(shown.constLast().at(0).toLongLong(), a.id);

        // Exactly the stored spans carry their entity, nothing else does.
        QList<Span> stored;
        for (const QVariantList &mention :
             rows(store,
                  QStringLiteral("SELECT start_offset, end_offset, entity_id FROM mentions WHERE document_id = ? "
                                 "ORDER BY start_offset"),
                  {a.id}))
            stored.append({mention.at(0).toLongLong(), mention.at(1).toLongLong(), mention.at(2).toString()});
        QVERIFY(stored.size() >= 10);
        QTextDocument *document = reader->textView()->document();
        QCOMPARE(document->toPlainText(),
                 rows(store, QStringLiteral("SELECT text FROM document_texts WHERE document_id = ?"), {a.id})
                     .at(0)
                     .at(0)
                     .toString());
        QCOMPARE(highlightedSpans(*document), stored);
        // Each in its type's colour, as the reader's legend shows it.
        const gw::DocumentMention &first = reader->mentions().constFirst();
        QTextCursor probe(document);
        probe.setPosition(int(first.start) + 1);
        const QColor background = probe.charFormat().background().color();
        QVERIFY(background.isValid() && background != QColor(Qt::white));
        QVERIFY(reader->legendLabel()->text().contains(first.type));

        // F3 walks the mentions; the graph has loaded meanwhile.
        QTRY_VERIFY_WITH_TIMEOUT(!workspace->isLoading() && workspace->graph().nodeCount() > 0, 30'000);
        reader->textView()->setFocus();
        QTest::keyClick(reader->textView(), Qt::Key_F3);
        QCOMPARE(reader->currentMention(), 0);
        QTest::keyClick(reader->textView(), Qt::Key_F3);
        QCOMPARE(reader->currentMention(), 1);
        QCOMPARE(reader->textView()->textCursor().selectionStart(), reader->mentions().at(1).start);
        QCOMPARE(reader->textView()->textCursor().selectionEnd(), reader->mentions().at(1).end);
        QTest::keyClick(reader->textView(), Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(reader->currentMention(), 0);

        // Return on the selected mention: its entity, selected in the Graph tab.
        QTest::keyClick(reader->textView(), Qt::Key_Return);
        QCOMPARE(window.centralTabs()->currentWidget(), workspace);
        QCOMPARE(workspace->graph().indexOf(workspace->selectedEntity()), workspace->graph().indexOf(first.entityId));
        QVERIFY(workspace->graph().indexOf(first.entityId) >= 0);

        // A click on another entity's mention does the same.
        int other = -1;
        for (int i = 0; i < reader->mentions().size() && other < 0; ++i)
            if (workspace->graph().indexOf(reader->mentions().at(i).entityId)
                != workspace->graph().indexOf(first.entityId))
                other = i;
        QVERIFY(other > 0);
        window.centralTabs()->setCurrentWidget(view);
        reader->selectMention(other); // scrolled into view
        const gw::DocumentMention target = reader->mentions().at(other);
        QTextCursor middle(document);
        middle.setPosition(int(target.start + target.end) / 2);
        QRect caret = reader->textView()->cursorRect(middle);
        QTest::mouseClick(reader->textView()->viewport(), Qt::LeftButton, {}, caret.center());
        QTRY_COMPARE_WITH_TIMEOUT(window.centralTabs()->currentWidget(), workspace, 5'000);
        QTRY_COMPARE_WITH_TIMEOUT(workspace->graph().indexOf(workspace->selectedEntity()),
                                  workspace->graph().indexOf(target.entityId), 5'000);

        // A click on plain text (no mention) stays in the reader.
        window.centralTabs()->setCurrentWidget(view);
        int plain = -1;
        for (int p = 0; p < document->characterCount() - 1 && plain < 0; ++p)
            if (reader->mentionAt(p) < 0 && !document->characterAt(p).isSpace() && reader->mentionAt(p + 1) < 0 && p > 0
                && reader->mentionAt(p - 1) < 0)
                plain = p;
        QVERIFY(plain >= 0);
        QTextCursor plainCursor(document);
        plainCursor.setPosition(plain);
        reader->textView()->setTextCursor(plainCursor);
        caret = reader->textView()->cursorRect(plainCursor);
        QTest::mouseClick(reader->textView()->viewport(), Qt::LeftButton, {}, caret.center() + QPoint(2, 0));
        QTest::qWait(50);
        QCOMPARE(window.centralTabs()->currentWidget(), view);

        QTRY_VERIFY_WITH_TIMEOUT(settled(window), 30'000);
    }

    void anEntitysSentenceOpensTheReaderThere()
    {
        gw::MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!ingestTwo(window, QStringLiteral("sentence")).isEmpty());
        gw::GraphWorkspace *workspace = window.graphWorkspace();
        QTRY_VERIFY_WITH_TIMEOUT(!workspace->isLoading() && workspace->graph().nodeCount() > 0, 30'000);
        window.showGraph();
        QString id;
        for (const gw::GraphNode &node : workspace->graph().nodes())
            if (node.name == QStringLiteral("Margaret Hamilton"))
                id = node.id;
        QVERIFY2(!id.isEmpty(), "the extractor found Margaret Hamilton");
        QSignalSpy details(workspace, &gw::GraphWorkspace::detailsShown);
        workspace->selectEntity(id);
        QVERIFY(details.count() > 0 || details.wait(30'000));

        // Her second sentence, double-clicked in the details: the reader opens with it selected.
        QTreeWidget *tree = workspace->detailsPanel()->documentsTree();
        QTreeWidgetItem *top = tree->topLevelItem(0);
        QVERIFY(top && top->childCount() >= 2);
        top->setExpanded(true);
        QTreeWidgetItem *sentence = top->child(1);
        tree->scrollToItem(sentence);
        const gw::ProvenanceSnippet snippet = workspace->detailsPanel()->provenance().documents().at(0).snippets.at(1);
        gw::DocumentReader *reader = window.documentsView()->reader();
        QSignalSpy shown(reader, &gw::DocumentReader::documentShown);
        const QPoint at = tree->visualItemRect(sentence).center();
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, at);
        QVERIFY(shown.count() > 0 || shown.wait(30'000));
        QCOMPARE(window.centralTabs()->currentWidget(), window.documentsView());
        QCOMPARE(reader->path(), workspace->detailsPanel()->provenance().documents().at(0).path);
        const QTextCursor selected = reader->textView()->textCursor();
        QCOMPARE(selected.selectionStart(), snippet.start);
        QCOMPARE(selected.selectionEnd(), snippet.end);
        QCOMPARE(selected.selectedText(), QStringLiteral("Margaret Hamilton"));
        QVERIFY(reader->currentMention() >= 0);
        QCOMPARE(reader->mentions().at(reader->currentMention()).start, snippet.start);
        // Scrolled into view.
        const QRect caret = reader->textView()->cursorRect(selected);
        QVERIFY(reader->textView()->viewport()->rect().intersects(caret));
        // The list shows which document it is.
        QCOMPARE(window.documentsView()->table()->currentIndex().data(DocumentListModel::PathRole).toString(),
                 reader->path());

        QTRY_VERIFY_WITH_TIMEOUT(settled(window), 30'000);
    }

    void removingADocumentRemovesItsRowsAndItsEntities()
    {
        gw::MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!ingestTwo(window, QStringLiteral("remove")).isEmpty());
        gw::DocumentsView *view = window.documentsView();
        gw::GraphWorkspace *workspace = window.graphWorkspace();
        gw::ProjectStore &store = *window.project()->store();
        QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() == 2 && !view->isLoading(), 30'000);
        QTRY_VERIFY_WITH_TIMEOUT(!workspace->isLoading() && workspace->graph().nodeCount() > 0, 30'000);
        const QString bPath = m_dir.filePath(QStringLiteral("remove/in/b.txt"));
        const int row = view->model()->rowOfPath(bPath);
        QVERIFY(row >= 0);
        const qint64 bId = view->model()->documents().at(row).id;
        const qint64 aId = view->model()->documents().at(1 - row).id;
        // Entities only b mentions, and those a mentions too.
        QStringList onlyB, shared;
        for (const QVariantList &entity :
             rows(store, QStringLiteral("SELECT DISTINCT entity_id FROM mentions WHERE document_id = ?"), {bId})) {
            const bool inA =
                !rows(store, QStringLiteral("SELECT 1 FROM mentions WHERE document_id = ? AND entity_id = ?"),
                      {aId, entity.at(0)})
                     .isEmpty();
            (inA ? shared : onlyB) << entity.at(0).toString();
        }
        QVERIFY2(!onlyB.isEmpty(), "b.txt has entities of its own");
        for (const QString &id : onlyB)
            QVERIFY(workspace->graph().indexOf(id) >= 0);
        const int entitiesBefore = workspace->graph().nodeCount();

        // Delete on the selected row asks first, naming the document and saying there is no undo.
        window.showDocuments();
        view->table()->setFocus();
        view->table()->selectRow(view->filter()->mapFromSource(view->model()->index(row, 0)).row());
        QCOMPARE(view->selectedPaths(), QStringList{bPath});
        QTest::keyClick(view->table(), Qt::Key_Delete);
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = window.findChild<QMessageBox *>(QStringLiteral("removeDocuments"))), 5'000);
        QVERIFY(box->text().contains(QStringLiteral("b.txt")));
        QVERIFY(box->text().contains(QStringLiteral("cannot be undone")));
        QVERIFY(!box->text().contains(QStringLiteral("a.txt")));
        QSignalSpy removed(view, &gw::DocumentsView::documentsRemoved);
        QSignalSpy reloaded(workspace, &gw::GraphWorkspace::loaded);
        QAbstractButton *remove = nullptr;
        for (QAbstractButton *button : box->buttons())
            if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                remove = button;
        QVERIFY(remove);
        remove->click();
        QVERIFY(removed.count() > 0 || removed.wait(30'000));
        QCOMPARE(removed.constFirst().at(0).toInt(), 1);

        // Its row goes; the graph is read again without its own entities, the shared ones stay.
        QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() == 1 && !view->isLoading(), 30'000);
        QCOMPARE(view->model()->documents().constFirst().id, aId);
        QTRY_VERIFY_WITH_TIMEOUT(reloaded.count() > 0 && !workspace->isLoading(), 30'000);
        for (const QString &id : onlyB)
            QVERIFY2(workspace->graph().indexOf(id) < 0, qPrintable(id));
        for (const QString &id : shared)
            QVERIFY(workspace->graph().indexOf(id) >= 0);
        QCOMPARE(workspace->graph().nodeCount(), entitiesBefore - onlyB.size());
        QVERIFY(rows(store, QStringLiteral("SELECT 1 FROM mentions WHERE document_id = ?"), {bId}).isEmpty());

        QTRY_VERIFY_WITH_TIMEOUT(settled(window), 30'000);
    }

    void anExistingProjectShowsItsDocumentsWithoutAnIngest()
    {
        QString project;
        {
            gw::MainWindow window;
            window.show();
            project = ingestTwo(window, QStringLiteral("reopen"));
            QVERIFY(!project.isEmpty());
            QTRY_VERIFY_WITH_TIMEOUT(settled(window), 30'000);
        }
        gw::MainWindow window;
        window.show();
        QVERIFY(gw::syncWait(window.openProject(project)));
        QTRY_COMPARE_WITH_TIMEOUT(window.documentsView()->model()->rowCount(), 2, 30'000);
        QCOMPARE(window.job()->documentCount(), 0); // nothing was ingested in this window
        QStringList names;
        for (int row = 0; row < window.documentsView()->model()->rowCount(); ++row)
            names << window.documentsView()->model()->index(row, DocumentListModel::NameColumn).data().toString();
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("a.txt"), QStringLiteral("b.txt")}));
        QTRY_VERIFY_WITH_TIMEOUT(settled(window), 30'000);
    }

    // A measurement, not a check (skipped unless GW_READER_PROJECT names a project; a copy is
    // opened): the two largest documents opened one after the other, the time the GUI thread
    // spends showing each and the event loop's worst lag meanwhile (deleting the first included).
    void largestDocumentsTiming()
    {
        const QString source = qEnvironmentVariable("GW_READER_PROJECT");
        if (source.isEmpty())
            QSKIP("set GW_READER_PROJECT to a project to measure its largest documents");
        const QString project = m_dir.filePath(QStringLiteral("timing.gwp"));
        QVERIFY(QFile::copy(source, project));
        if (QFile::exists(source + QStringLiteral("-wal")))
            QVERIFY(QFile::copy(source + QStringLiteral("-wal"), project + QStringLiteral("-wal")));
        gw::MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(gw::syncWait(window.openProject(project)));
        gw::DocumentsView *view = window.documentsView();
        QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > 0 && !view->isLoading(), 60'000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.graphWorkspace()->isLoading(), 300'000);
        window.showDocuments();
        QList<gw::DocumentSummary> documents = view->model()->documents();
        std::sort(documents.begin(), documents.end(),
                  [](const gw::DocumentSummary &a, const gw::DocumentSummary &b) { return a.chars > b.chars; });
        gw::DocumentReader *reader = view->reader();
        for (int i = 0; i < 3 && i < documents.size(); ++i) {
            const gw::DocumentSummary &document = documents.at(i % 2); // the largest, the second, the largest
            QSignalSpy shown(reader, &gw::DocumentReader::documentShown);
            QEventLoop loop; // a free-running loop: QTest::qWait would add lag of its own
            connect(reader, &gw::DocumentReader::documentShown, &loop, &QEventLoop::quit);
            window.lagProbe().reset();
            QElapsedTimer clock;
            clock.start();
            view->openDocument(document.id, document.path);
            if (shown.isEmpty())
                loop.exec();
            const double openMs = double(clock.nsecsElapsed()) / 1e6;
            QTimer::singleShot(300, &loop, &QEventLoop::quit); // the previous document is deleted later
            loop.exec();
            const gw::EventLoopLagSnapshot lag = window.lagProbe().snapshot();
            qInfo("%s: %lld characters, %lld mentions: shown after %.0f ms; GUI thread %.1f ms; lag max %.1f ms, "
                  "p99 %.1f ms",
                  qPrintable(QFileInfo(document.path).fileName()), document.chars, document.mentions, openMs,
                  reader->lastShowMs(), lag.maxMs, lag.p99Ms);
        }
        QTRY_VERIFY_WITH_TIMEOUT(settled(window), 60'000);
    }
};

GW_TEST_WIDGETS_MAIN(TstDocumentsView)
#include "tst_documentsview.moc"
