// graphwright-cli merge, run as a person sharding a corpus would: GNU parallel ingests four
// shards in four processes, merge joins them, and every table holds what one ingest of the whole
// corpus holds (sorted dumps, ids aside). Then what "exactly" means at the edges: the same
// document once, the later version of a path wins, vocabulary and curation edits joined, and
// inputs that cannot be merged refused by name while the others go on.
#include "testmain.h"

#include <QDir>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include "clirunner.h"

namespace {

// Every table that holds knowledge, as sorted rows of text, with the document ids (which depend
// on the order documents were written in) replaced by their paths.
QMap<QString, QStringList> dump(const QString &project)
{
    QMap<QString, QStringList> tables;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("dump"));
        db.setDatabaseName(project);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            return tables;
        const QMap<QString, QString> queries{
            {QStringLiteral("documents"),
             QStringLiteral("SELECT path, content_hash, format, size_bytes, metadata_json, state, error, words, chars, "
                            "chunk_count, extractor FROM documents")},
            {QStringLiteral("texts"),
             QStringLiteral("SELECT d.path, t.text FROM document_texts t JOIN documents d ON d.id = t.document_id")},
            {QStringLiteral("chunks"),
             QStringLiteral("SELECT d.path, c.ordinal, c.start_offset, c.end_offset FROM chunks "
                            "c JOIN documents d ON d.id = c.document_id")},
            {QStringLiteral("entities"), QStringLiteral("SELECT id, type, name, key, documents FROM entities")},
            {QStringLiteral("mentions"),
             QStringLiteral("SELECT d.path, m.chunk_ordinal, m.entity_id, m.start_offset, m.end_offset, m.confidence "
                            "FROM mentions m JOIN documents d ON d.id = m.document_id")},
            {QStringLiteral("relations"),
             QStringLiteral("SELECT d.path, r.type, r.subject_id, r.object_id, r.chunk_ordinal, r.sentence_start, "
                            "r.sentence_end, r.trigger, r.weight FROM relations r JOIN documents d ON d.id = "
                            "r.document_id")},
            {QStringLiteral("vocabulary"), QStringLiteral("SELECT name, type, aliases FROM vocabulary")},
            {QStringLiteral("curation"), QStringLiteral("SELECT kind, payload, undone FROM curation_edits")},
        };
        for (auto it = queries.cbegin(); it != queries.cend(); ++it) {
            QSqlQuery query(db);
            QStringList rows;
            if (!query.exec(it.value()))
                rows << QStringLiteral("error: ") + it.value();
            while (query.next()) {
                QStringList row;
                for (int i = 0; i < query.record().count(); ++i)
                    row << query.value(i).toString();
                rows << row.join(u'|');
            }
            rows.sort();
            tables.insert(it.key(), rows);
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("dump"));
    return tables;
}

// The first rows that differ, for a failure message.
QString difference(const QMap<QString, QStringList> &a, const QMap<QString, QStringList> &b)
{
    for (auto it = a.cbegin(); it != a.cend(); ++it) {
        const QStringList other = b.value(it.key());
        if (it.value() == other)
            continue;
        for (qsizetype i = 0; i < std::max(it.value().size(), other.size()); ++i)
            if (it.value().value(i) != other.value(i))
                return QStringLiteral("%1 (%2 vs %3 rows), row %4:\n  %5\n  %6")
                    .arg(it.key())
                    .arg(it.value().size())
                    .arg(other.size())
                    .arg(i)
                    .arg(it.value().value(i).left(200), other.value(i).left(200));
    }
    return {};
}

// Text full of names and relations, different for each i, sharing some names across files so
// that the shards' entities overlap.
QByteArray letter(int i)
{
    static const char *people[] = {"Ada Lovelace",     "Charles Babbage", "Grace Hopper", "Alan Turing",
                                   "John von Neumann", "Tommy Flowers",   "Konrad Zuse",  "Dorothy Vaughan"};
    static const char *places[] = {"London", "Manchester", "Berlin", "Princeton", "Cambridge", "Paris"};
    static const char *bodies[] = {"Royal Society", "Bell Labs", "IBM", "Harvard University", "NASA"};
    QByteArray text;
    for (int s = 0; s < 6; ++s) {
        const int k = i * 7 + s * 3;
        text += QByteArray(people[k % 8]) + " met " + people[(k + 3) % 8] + " in " + places[k % 6] + " in "
            + QByteArray::number(1830 + k) + ". " + people[(k + 1) % 8] + " worked for " + bodies[k % 5] + " in "
            + places[(k + 2) % 6] + ".\n\n";
    }
    return text;
}

} // namespace

class TestCliMerge : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static Run merge(const QStringList &arguments)
    {
        return cli(QStringList{QStringLiteral("merge"), QStringLiteral("--json")} + arguments);
    }
    static Run ingest(const QString &project, const QStringList &inputs)
    {
        return cli(QStringList{QStringLiteral("ingest"), QStringLiteral("--project"), project} + inputs);
    }

private Q_SLOTS:
    void initTestCase()
    {
#if defined(__SANITIZE_THREAD__)
        QSKIP("QProcess cannot run under ThreadSanitizer with Qt 6.4 (see tst_cli)");
#endif
        QVERIFY(m_dir.isValid());
    }

    void fourShardsIngestedWithGnuParallelMergeToTheWholeCorpus()
    {
        const QString parallel = QStandardPaths::findExecutable(QStringLiteral("parallel"));
        QVERIFY2(!parallel.isEmpty(),
                 "GNU parallel is needed (Debian package parallel, in scripts/debian-packages.txt)");
        QStringList files;
        for (const QFileInfo &sample : QDir(QStringLiteral(GW_SAMPLES_DIR)).entryInfoList(QDir::Files, QDir::Name))
            files << sample.absoluteFilePath();
        for (int i = 0; i < 11; ++i) {
            const QString file = path(QStringLiteral("corpus/letter-%1.txt").arg(i, 2, 10, QLatin1Char('0')));
            writeFile(file, letter(i));
            files << file;
        }

        // Five files a job, four jobs at once: shard-1.gwp ... shard-4.gwp.
        QDir().mkpath(path(QStringLiteral("shards")));
        QProcess shards;
        shards.setProcessChannelMode(QProcess::MergedChannels);
        shards.start(parallel,
                     QStringList{QStringLiteral("--will-cite"), QStringLiteral("--halt"), QStringLiteral("now,fail=1"),
                                 QStringLiteral("-j4"), QStringLiteral("-n5"), QStringLiteral(GW_CLI_PATH),
                                 QStringLiteral("ingest"), QStringLiteral("--project"),
                                 path(QStringLiteral("shards/shard-{#}.gwp")), QStringLiteral("{}"),
                                 QStringLiteral(":::")}
                         + files);
        QVERIFY(shards.waitForFinished(120'000));
        QVERIFY2(shards.exitCode() == 0, shards.readAll().constData());
        const QStringList shardFiles = QDir(path(QStringLiteral("shards"))).entryList({QStringLiteral("*.gwp")});
        QCOMPARE(shardFiles.size(), 4);

        QStringList merged{path(QStringLiteral("merged.gwp"))};
        for (const QString &shard : shardFiles)
            merged << path(QStringLiteral("shards/") + shard);
        const Run run = merge(merged);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject report = json(run.out);
        QCOMPARE(report.value(QStringLiteral("documents_added")).toInt(), files.size());
        QCOMPARE(report.value(QStringLiteral("documents")).toInt(), files.size());
        QCOMPARE(report.value(QStringLiteral("inputs")).toArray().size(), 4);

        const Run whole = ingest(path(QStringLiteral("whole.gwp")), files);
        QVERIFY2(whole.exitCode == 0, whole.err.constData());
        const auto expected = dump(path(QStringLiteral("whole.gwp")));
        const auto got = dump(path(QStringLiteral("merged.gwp")));
        QVERIFY(expected.value(QStringLiteral("entities")).size() > 20);
        QVERIFY(expected.value(QStringLiteral("relations")).size() > 20);
        QVERIFY2(got == expected, qPrintable(difference(got, expected)));

        // Merging a shard again changes nothing: its documents are there already.
        const Run again = merge({path(QStringLiteral("merged.gwp")), merged.at(1)});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(json(again.out).value(QStringLiteral("documents_added")).toInt(), 0);
        QVERIFY(json(again.out).value(QStringLiteral("documents_same")).toInt() >= 5);
        QVERIFY2(dump(path(QStringLiteral("merged.gwp"))) == expected,
                 qPrintable(difference(dump(path(QStringLiteral("merged.gwp"))), expected)));
    }

    void theLaterVersionOfAPathWinsAndItsOldEntitiesGo()
    {
        const QString file = path(QStringLiteral("versions/report.txt"));
        writeFile(file,
                  "Zebulon Quist met Marguerite Fenwick in Lisbon. Zebulon Quist worked for Northwind Traders.\n");
        QVERIFY(ingest(path(QStringLiteral("v1.gwp")), {file}).exitCode == 0);
        QThread::msleep(20); // a later ingestion time
        writeFile(file, "Zebulon Quist met Hortensia Blackwood in Oslo.\n");
        QVERIFY(ingest(path(QStringLiteral("v2.gwp")), {file}).exitCode == 0);

        const QString out = path(QStringLiteral("versions.gwp"));
        Run run = merge({out, path(QStringLiteral("v1.gwp")), path(QStringLiteral("v2.gwp"))});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonArray inputs = json(run.out).value(QStringLiteral("inputs")).toArray();
        QCOMPARE(inputs.at(1).toObject().value(QStringLiteral("documents_replaced")).toInt(), 1);
        const auto merged = dump(out);
        const auto expected = dump(path(QStringLiteral("v2.gwp")));
        QVERIFY2(merged == expected, qPrintable(difference(merged, expected)));
        QVERIFY(!merged.value(QStringLiteral("entities")).join(u'\n').contains(QLatin1String("Fenwick")));

        // The older version does not come back.
        run = merge({out, path(QStringLiteral("v1.gwp"))});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(json(run.out).value(QStringLiteral("documents_older")).toInt(), 1);
        QVERIFY2(dump(out) == expected, qPrintable(difference(dump(out), expected)));
    }

    void vocabularyAndCurationEditsAreJoined()
    {
        const QString text = path(QStringLiteral("curation/notes.txt"));
        writeFile(text, "Zephyr Quill wrote to Northwind about the merger. Later NWT answered Zephyr Quill.\n");
        const QString a = path(QStringLiteral("ca.gwp"));
        const QString b = path(QStringLiteral("cb.gwp"));
        QVERIFY(ingest(a, {text}).exitCode == 0);
        QVERIFY(ingest(b, {text}).exitCode == 0);
        writeFile(path(QStringLiteral("curation/a.csv")),
                  "name,type,aliases\nNorthwind Traders,ORGANIZATION,Northwind\n");
        writeFile(path(QStringLiteral("curation/b.csv")), "name,type,aliases\nNorthwind Traders,ORGANIZATION,NWT\n");
        QVERIFY(cli({QStringLiteral("curate"), QStringLiteral("--project"), a, QStringLiteral("vocabulary"),
                     path(QStringLiteral("curation/a.csv"))})
                    .exitCode
                == 0);
        QVERIFY(cli({QStringLiteral("curate"), QStringLiteral("--project"), b, QStringLiteral("vocabulary"),
                     path(QStringLiteral("curation/b.csv"))})
                    .exitCode
                == 0);
        const Run renamed = cli({QStringLiteral("curate"), QStringLiteral("--project"), b, QStringLiteral("rename"),
                                 QStringLiteral("Zephyr Quill"), QStringLiteral("--to"), QStringLiteral("Z. Quill")});
        QVERIFY2(renamed.exitCode == 0, renamed.err.constData());

        const QString out = path(QStringLiteral("curated.gwp"));
        const Run run = merge({out, a, b});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject report = json(run.out);
        QCOMPARE(report.value(QStringLiteral("documents_same")).toInt(), 1); // the same file, once
        QCOMPARE(report.value(QStringLiteral("curation_edits")).toInt(), 1);
        const auto merged = dump(out);
        QCOMPARE(merged.value(QStringLiteral("documents")).size(), 1);
        QCOMPARE(merged.value(QStringLiteral("vocabulary")),
                 QStringList{QStringLiteral("Northwind Traders|ORGANIZATION|Northwind\x1fNWT")});
        QCOMPARE(merged.value(QStringLiteral("curation")), dump(b).value(QStringLiteral("curation")));
        // The edit holds in the merged graph.
        const Run graph = cli({QStringLiteral("export"), QStringLiteral("--project"), out, QStringLiteral("--format"),
                               QStringLiteral("json"), QStringLiteral("--out"), path(QStringLiteral("curated.json"))});
        QVERIFY2(graph.exitCode == 0, graph.err.constData());
        QFile exported(path(QStringLiteral("curated.json")));
        QVERIFY(exported.open(QIODevice::ReadOnly));
        const QByteArray nodes = exported.readAll();
        QVERIFY2(nodes.contains("Z. Quill") && !nodes.contains("\"Zephyr Quill\""), nodes.left(2000).constData());
    }

    void inputsThatCannotBeMergedAreRefusedByNameAndTheOthersGoOn()
    {
        const QString text = path(QStringLiteral("refusals/a.txt"));
        writeFile(text, "Ada Lovelace met Charles Babbage in London.\n");
        const QString good = path(QStringLiteral("refusals/good.gwp"));
        QVERIFY(ingest(good, {text}).exitCode == 0);
        const QString out = path(QStringLiteral("refusals/out.gwp"));

        const Run run = merge({out, text, path(QStringLiteral("refusals/missing.gwp")), out, good});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("a.txt") && run.err.contains("not a Graphwright project"), run.err.constData());
        QVERIFY2(run.err.contains("missing.gwp") && run.err.contains("no such file"), run.err.constData());
        QVERIFY2(run.err.contains("into itself"), run.err.constData());
        const QJsonObject report = json(run.out);
        QCOMPARE(report.value(QStringLiteral("failed_inputs")).toInt(), 3);
        QCOMPARE(report.value(QStringLiteral("documents_added")).toInt(), 1);
        QCOMPARE(dump(out).value(QStringLiteral("documents")), dump(good).value(QStringLiteral("documents")));

        const Run usage = cli({QStringLiteral("merge"), out});
        QCOMPARE(usage.exitCode, 1);
        QVERIFY2(usage.err.contains("merge OUT.gwp IN.gwp"), usage.err.constData());
    }
};

GW_TEST_MAIN(TestCliMerge)

#include "tst_climerge.moc"
