#include "curatebenchmark.h"

#include "graph/curationrules.h"
#include "graph/graphlayout.h"
#include "graph/knowledgegraph.h"
#include "gui/curationcontroller.h"
#include "gui/graphworkspace.h"
#include "pipeline/projectgraph.h"
#include "store/curationtable.h"
#include "store/projectstore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QElapsedTimer>
#include <QSet>
#include <QTableView>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUndoStack>

#include <cstdio>

namespace gw {

namespace {

constexpr int chunksPerDocument = 100;
constexpr int adaMentions = 10'000;

// Documents of one-sentence chunks; chunk k names entity k (of `nodes`) and meets entity k+1;
// the first 10,000 chunks also name Ada and Grace.
void writeProject(ProjectStore &store, int nodes)
{
    auto entityName = [](int k) { return QStringLiteral("E%1").arg(k, 6, 10, QLatin1Char('0')); };
    auto entityId = [](int k) { return QStringLiteral("id-e%1").arg(k); };
    const int chunks = std::max(nodes, adaMentions);
    for (int first = 0, document = 0; first < chunks; first += chunksPerDocument, ++document) {
        DocumentRecord record;
        record.path = QStringLiteral("/bench/doc%1.txt").arg(document, 5, 10, QLatin1Char('0'));
        record.format = QStringLiteral("text");
        QSet<QString> seen;
        auto addEntity = [&](const QString &id, const QString &name, const QString &type) {
            if (!seen.contains(id)) {
                seen.insert(id);
                record.entities.append({id, type, name, name.toLower()});
            }
        };
        for (int k = first; k < std::min(chunks, first + chunksPerDocument); ++k) {
            const int a = k % nodes, b = (k + 1) % nodes;
            const bool named = k < adaMentions;
            const QString sentence = entityName(a) + QStringLiteral(" met ") + entityName(b)
                + (named ? QStringLiteral(" with Ada and Grace. ") : QStringLiteral(". "));
            const qint64 start = record.text.size();
            const qint64 chunk = record.chunks.size();
            record.chunks.append({start, start + sentence.size(), sentence});
            record.text += sentence;
            addEntity(entityId(a), entityName(a), QStringLiteral("MISC"));
            addEntity(entityId(b), entityName(b), QStringLiteral("MISC"));
            record.mentions.append({entityId(a), chunk, start, start + 7, 0.9});
            record.mentions.append({entityId(b), chunk, start + 12, start + 19, 0.9});
            record.relations.append({QStringLiteral("met"), entityId(a), entityId(b), chunk, start,
                                     start + sentence.size(), QStringLiteral("met")});
            if (named) {
                addEntity(QStringLiteral("id-ada"), QStringLiteral("Ada"), QStringLiteral("PERSON"));
                addEntity(QStringLiteral("id-grace"), QStringLiteral("Grace"), QStringLiteral("PERSON"));
                record.mentions.append({QStringLiteral("id-ada"), chunk, start + 25, start + 28, 0.9});
                record.mentions.append({QStringLiteral("id-grace"), chunk, start + 33, start + 38, 0.9});
                record.relations.append({QStringLiteral("met"), QStringLiteral("id-ada"), QStringLiteral("id-grace"),
                                         chunk, start, start + sentence.size(), QStringLiteral("met")});
            }
        }
        record.contentHash =
            QString::fromLatin1(QCryptographicHash::hash(record.text.toUtf8(), QCryptographicHash::Sha256).toHex());
        record.sizeBytes = record.text.toUtf8().size();
        record.words = record.text.count(QLatin1Char(' '));
        store.writeDocumentBlocking(record);
    }
}

double msSince(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1e6;
}

// Counts a signal's emissions.
struct Counter
{
    int count = 0;
};

// Runs the event loop until `counter` moves on; the milliseconds from `timer`'s start, or -1
// after 60 s.
double waitMs(const Counter &counter, const QElapsedTimer &timer)
{
    const int before = counter.count;
    QDeadlineTimer deadline(60'000);
    while (counter.count == before) {
        if (deadline.hasExpired())
            return -1;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    return msSince(timer);
}

} // namespace

QJsonObject CurateBenchmark::run()
{
    QTemporaryDir dir;
    QJsonObject report;
    QElapsedTimer timer;
    timer.start();
    std::shared_ptr<ProjectStore> store(ProjectStore::open(dir.filePath(QStringLiteral("curate.gwp"))));
    writeProject(*store, m_options.nodes);
    // Positions saved, as after a first opening: the workspace shows them instead of laying out.
    {
        const KnowledgeGraph graph = KnowledgeGraph::fromStore(*store);
        QList<QPointF> positions;
        QRandomGenerator random(7);
        for (int i = 0; i < graph.nodeCount(); ++i)
            positions.append(QPointF(random.bounded(1000.0), random.bounded(1000.0)));
        GraphLayout::saveLayout(*store, graph, positions);
        report.insert(QStringLiteral("entities"), graph.nodeCount());
        report.insert(QStringLiteral("relations"), graph.edgeCount());
    }
    std::printf("project: %d entities, Ada and Grace %d mentions each, written in %.0f ms\n",
                report.value(QStringLiteral("entities")).toInt(), adaMentions, msSince(timer));

    // The store: one merge of the two, and its undo and redo.
    const CurationTable table(*store);
    timer.restart();
    table.add({CurationRules::merge({QStringLiteral("id-grace")}, QStringLiteral("id-ada"), {}, {},
                                    {QStringLiteral("Grace"), QStringLiteral("Ada")})});
    const double storeMerge = msSince(timer);
    timer.restart();
    table.undo();
    const double storeUndo = msSince(timer);
    timer.restart();
    table.redo();
    const double storeRedo = msSince(timer);
    table.undo();
    std::printf("store:  merge %.2f ms, undo %.2f ms, redo %.2f ms\n", storeMerge, storeUndo, storeRedo);
    report.insert(QStringLiteral("store_merge_ms"), storeMerge);
    report.insert(QStringLiteral("store_undo_ms"), storeUndo);
    report.insert(QStringLiteral("store_redo_ms"), storeRedo);

    // The window: the workspace shows the merge, its undo and its redo without reading the project.
    GraphWorkspace workspace;
    workspace.resize(1400, 900);
    Counter loaded, shown;
    QObject::connect(&workspace, &GraphWorkspace::loaded, &workspace, [&loaded] { ++loaded.count; });
    QObject::connect(&workspace, &GraphWorkspace::curatedShown, &workspace, [&shown] { ++shown.count; });
    timer.restart();
    workspace.setProjectGraph(std::make_shared<ProjectGraph>(store));
    const double open = waitMs(loaded, timer);
    std::printf("view:   opened in %.0f ms (read, analytics, stored positions, embeddings)\n", open);
    QUndoStack *stack = workspace.curation()->undoStack();
    const int ada = workspace.graph().indexOf(QStringLiteral("id-ada"));
    if (ada < 0)
        return report;
    workspace.entityTable()->setFocus();
    QList<double> merges, undos, redos;
    for (int round = 0; round < 5; ++round) {
        timer.restart();
        if (round == 0)
            workspace.curation()->apply(CurationRules::merge({QStringLiteral("id-grace")}, QStringLiteral("id-ada"), {},
                                                             {}, {QStringLiteral("Grace"), QStringLiteral("Ada")}));
        else
            stack->redo();
        (round == 0 ? merges : redos).append(waitMs(shown, timer));
        timer.restart();
        stack->undo();
        undos.append(waitMs(shown, timer));
    }
    auto median = [](QList<double> values) {
        std::sort(values.begin(), values.end());
        return values.at(values.size() / 2);
    };
    std::printf("view:   merge shown in %.1f ms; undo shown in %.1f ms (median of %lld); redo %.1f ms (median of "
                "%lld)\n",
                merges.first(), median(undos), undos.size(), median(redos), redos.size());
    report.insert(QStringLiteral("open_ms"), open);
    report.insert(QStringLiteral("view_merge_ms"), merges.first());
    report.insert(QStringLiteral("view_undo_ms"), median(undos));
    report.insert(QStringLiteral("view_redo_ms"), median(redos));
    return report;
}

} // namespace gw
