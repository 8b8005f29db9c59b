// graphwright-cli curate on a graph of known shape (an imported edge list): edits by name, the
// refusals (exit code 1, nothing changed), undo and redo, the rules file, and edits that hold
// when the documents are read again and new ones arrive.
#include "clirunner.h"
#include "testmain.h"

#include <QJsonArray>
#include <QTemporaryDir>

namespace {

const QByteArray edges = "source,target,type,source_type,target_type\n"
                         "Ada Lovelace,Charles Babbage,worked_with,PERSON,PERSON\n"
                         "Charles Babbage,Analytical Engine,created,PERSON,MISC\n"
                         "Ada Lovelace,Analytical Engine,described,PERSON,MISC\n"
                         "Charles Babbage,London,lived_in,PERSON,LOCATION\n"
                         "Grace Hopper,Howard Aiken,worked_with,PERSON,PERSON\n"
                         "Howard Aiken,Harvard Mark I,created,PERSON,MISC\n"
                         "Grace Hopper,COBOL,created,PERSON,MISC\n";

} // namespace

class TstCliCurate : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    Run curate(const QString &project, const QStringList &arguments)
    {
        return cli(QStringList{QStringLiteral("curate"), QStringLiteral("--project"), project} + arguments);
    }

    void importTable(const QString &project, const QString &name, const QByteArray &table)
    {
        const QString path = m_dir.filePath(name);
        writeFile(path, table);
        const Run run = cli({QStringLiteral("import-table"), QStringLiteral("--project"), project, path});
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }

    // Every node as "name (TYPE)" and every edge, sorted: the graph as a client sees it.
    QStringList graphOf(const QString &project)
    {
        const QString out = m_dir.filePath(QStringLiteral("graph.json"));
        const Run run =
            cli({QStringLiteral("export"), QStringLiteral("--project"), project, QStringLiteral("--format"),
                 QStringLiteral("json"), QStringLiteral("--out"), out, QStringLiteral("--all-co-occurrence")});
        if (run.exitCode != 0)
            qWarning("%s", run.err.constData());
        QFile file(out);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QJsonObject graph = json(file.readAll());
        QHash<QString, QString> nameById;
        QStringList lines;
        for (const QJsonValue &value : graph.value(QStringLiteral("nodes")).toArray()) {
            const QJsonObject node = value.toObject();
            nameById.insert(node.value(QStringLiteral("id")).toString(), node.value(QStringLiteral("name")).toString());
            lines << QStringLiteral("%1 (%2)").arg(node.value(QStringLiteral("name")).toString(),
                                                   node.value(QStringLiteral("type")).toString());
        }
        for (const QJsonValue &value : graph.value(QStringLiteral("links")).toArray()) {
            const QJsonObject link = value.toObject();
            lines << QStringLiteral("%1 -%2-> %3")
                         .arg(nameById.value(link.value(QStringLiteral("source")).toString()),
                              link.value(QStringLiteral("type")).toString(),
                              nameById.value(link.value(QStringLiteral("target")).toString()));
        }
        lines.sort();
        return lines;
    }

    int editCount(const QString &project)
    {
        return json(curate(project, {QStringLiteral("rules"), QStringLiteral("--json")}).out)
            .value(QStringLiteral("edits"))
            .toArray()
            .size();
    }

private Q_SLOTS:
    void initTestCase()
    {
#if defined(__SANITIZE_THREAD__)
        QSKIP("QProcess cannot run under ThreadSanitizer with Qt 6.4 (see tst_cli)");
#endif
        QVERIFY(m_dir.isValid());
    }

    // A vocabulary: a bad file is refused whole, naming its lines; a good one types names the
    // rules get wrong or miss, an alias joins its name, and --reextract reads the documents again.
    void vocabularyTypesNamesAndReextracts()
    {
        const QString project = m_dir.filePath(QStringLiteral("v.gwp"));
        const QString text = m_dir.filePath(QStringLiteral("letters.txt"));
        writeFile(text,
                  "Last spring Zephyr Quill wrote to Northwind about the merger. "
                  "Later NWT answered that Northwind would wait. Zephyr Quill agreed.\n");
        const Run ingested = cli({QStringLiteral("ingest"), QStringLiteral("--project"), project, text});
        QVERIFY2(ingested.exitCode == 0, ingested.err.constData());
        const QStringList before = graphOf(project);
        QVERIFY2(!before.contains(QStringLiteral("Northwind Traders (ORGANIZATION)")), qPrintable(before.join(u'\n')));

        const QString bad = m_dir.filePath(QStringLiteral("bad.csv"));
        writeFile(bad, "name,type,aliases\nNorthwind Traders,COMPANY,NWT\n,PERSON\nZephyr Quill,PERSON\n");
        const Run refused = curate(project, {QStringLiteral("vocabulary"), bad});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("line 2: unknown type \"COMPANY\"")
                     && refused.err.contains("line 3: the name is blank") && refused.err.contains("nothing changed"),
                 refused.err.constData());
        QCOMPARE(graphOf(project), before);

        const QString good = m_dir.filePath(QStringLiteral("names.csv"));
        writeFile(good, "name,type,aliases\nNorthwind Traders,ORGANIZATION,Northwind|NWT\nZephyr Quill,PERSON\n");
        const Run imported = curate(project, {QStringLiteral("vocabulary"), good, QStringLiteral("--reextract")});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QVERIFY2(imported.out.contains("2 names"), imported.out.constData());
        const QStringList after = graphOf(project);
        QVERIFY2(after.contains(QStringLiteral("Northwind Traders (ORGANIZATION)")), qPrintable(after.join(u'\n')));
        QVERIFY2(after.contains(QStringLiteral("Zephyr Quill (PERSON)")), qPrintable(after.join(u'\n')));
        // "Northwind" and "NWT" are mentions of it, not entities of their own.
        for (const QString &line : after)
            QVERIFY2(!line.startsWith(QLatin1String("Northwind (")) && !line.startsWith(QLatin1String("NWT (")),
                     qPrintable(after.join(u'\n')));

        // Importing it again changes nothing: the same names, none new, nothing to read again.
        const Run again = curate(project, {QStringLiteral("vocabulary"), good});
        QVERIFY2(again.exitCode == 0 && again.out.contains("0 new"), again.out.constData());
        QCOMPARE(graphOf(project), after);
    }

    // Relations by hand: delete, change the type, add with a note; refusals name what is there;
    // the edits hold when the table is imported again, travel by file, and undo restores all.
    void relationEditsHoldAndUndo()
    {
        const QString project = m_dir.filePath(QStringLiteral("r.gwp"));
        importTable(project, QStringLiteral("edges-r.csv"), edges);
        const QStringList before = graphOf(project);
        QVERIFY(before.contains(QStringLiteral("Ada Lovelace -worked_with-> Charles Babbage")));

        const Run missing =
            curate(project,
                   {QStringLiteral("relation"), QStringLiteral("delete"), QStringLiteral("Charles Babbage"),
                    QStringLiteral("Ada Lovelace"), QStringLiteral("--type"), QStringLiteral("worked_with")});
        QCOMPARE(missing.exitCode, 1); // the edge goes the other way
        QVERIFY2(missing.err.contains("between them: worked_with <-"), missing.err.constData());
        const Run twice = curate(project,
                                 {QStringLiteral("relation"), QStringLiteral("add"), QStringLiteral("Grace Hopper"),
                                  QStringLiteral("COBOL"), QStringLiteral("--type"), QStringLiteral("created")});
        QCOMPARE(twice.exitCode, 1);
        QCOMPARE(graphOf(project), before);

        const QList<QStringList> edits{
            {QStringLiteral("relation"), QStringLiteral("delete"), QStringLiteral("Ada Lovelace"),
             QStringLiteral("Charles Babbage"), QStringLiteral("--type"), QStringLiteral("worked_with")},
            {QStringLiteral("relation"), QStringLiteral("retype"), QStringLiteral("Charles Babbage"),
             QStringLiteral("London"), QStringLiteral("--type"), QStringLiteral("lived_in"), QStringLiteral("--to"),
             QStringLiteral("born_in")},
            {QStringLiteral("relation"), QStringLiteral("add"), QStringLiteral("Grace Hopper"),
             QStringLiteral("Ada Lovelace"), QStringLiteral("--type"), QStringLiteral("admired"),
             QStringLiteral("--note"), QStringLiteral("a talk of 1982")},
        };
        for (const QStringList &edit : edits) {
            const Run run = curate(project, edit);
            QVERIFY2(run.exitCode == 0, run.err.constData());
        }
        QStringList expected = before;
        expected.removeOne(QStringLiteral("Ada Lovelace -worked_with-> Charles Babbage"));
        expected.removeOne(QStringLiteral("Charles Babbage -lived_in-> London"));
        expected << QStringLiteral("Charles Babbage -born_in-> London")
                 << QStringLiteral("Grace Hopper -admired-> Ada Lovelace");
        expected.sort();
        QCOMPARE(graphOf(project), expected);
        const QString rules = curate(project, {QStringLiteral("rules")}).out;
        QVERIFY2(rules.contains("change Charles Babbage -lived_in-> London to born_in"), qPrintable(rules));

        // The table again (it is read anew): the edits hold.
        importTable(project, QStringLiteral("edges-r.csv"), edges + "Alan Turing,Grace Hopper,cited,PERSON,PERSON\n");
        QStringList withNew = expected;
        withNew << QStringLiteral("Alan Turing (PERSON)") << QStringLiteral("Alan Turing -cited-> Grace Hopper");
        withNew.sort();
        QCOMPARE(graphOf(project), withNew);

        // By file into another project of the same table: the same graph.
        const QString file = m_dir.filePath(QStringLiteral("relation-rules.json"));
        QCOMPARE(curate(project, {QStringLiteral("export"), file}).exitCode, 0);
        const QString other = m_dir.filePath(QStringLiteral("r2.gwp"));
        importTable(other, QStringLiteral("edges-r2.csv"), edges);
        QCOMPARE(curate(other, {QStringLiteral("import"), file}).exitCode, 0);
        QCOMPARE(graphOf(other), expected);

        // Undo all three: the graph as the table made it.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(curate(other, {QStringLiteral("undo")}).exitCode, 0);
        QCOMPARE(graphOf(other), before);
    }

    void editsRefusalsUndoRulesFileAndReingestion()
    {
        const QString project = m_dir.filePath(QStringLiteral("a.gwp"));
        importTable(project, QStringLiteral("edges.csv"), edges);
        const QStringList before = graphOf(project);
        QVERIFY(before.contains(QStringLiteral("Howard Aiken (PERSON)")));

        const QList<QStringList> edits{
            {QStringLiteral("merge"), QStringLiteral("Howard Aiken"), QStringLiteral("--into"),
             QStringLiteral("Grace Hopper")},
            {QStringLiteral("rename"), QStringLiteral("Analytical Engine"), QStringLiteral("--to"),
             QStringLiteral("The Analytical Engine")},
            {QStringLiteral("retype"), QStringLiteral("COBOL"), QStringLiteral("--type"), QStringLiteral("LANGUAGE")},
            {QStringLiteral("hide"), QStringLiteral("London")},
        };
        for (const QStringList &edit : edits) {
            const Run run = curate(project, edit);
            QVERIFY2(run.exitCode == 0 && run.out.startsWith("Done: "), run.err.constData());
        }
        const QStringList curated = graphOf(project);
        QVERIFY(!curated.join(QLatin1Char('\n')).contains(QStringLiteral("Howard Aiken")));
        QVERIFY(!curated.join(QLatin1Char('\n')).contains(QStringLiteral("London")));
        QVERIFY(curated.contains(QStringLiteral("Grace Hopper -created-> Harvard Mark I"))); // Aiken's edge
        QVERIFY(curated.contains(QStringLiteral("The Analytical Engine (MISC)")));
        QVERIFY(curated.contains(QStringLiteral("COBOL (LANGUAGE)")));
        QCOMPARE(editCount(project), 4);

        // Refused, with the reason and the candidates; nothing changes.
        const Run unknown = curate(
            project,
            {QStringLiteral("merge"), QStringLiteral("Ada"), QStringLiteral("--into"), QStringLiteral("Grace Hopper")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("no entity is named \"Ada\"; close names: Ada Lovelace (PERSON)"),
                 unknown.err.constData());
        const Run itself = curate(project,
                                  {QStringLiteral("merge"), QStringLiteral("Ada Lovelace"), QStringLiteral("--into"),
                                   QStringLiteral("Ada Lovelace")});
        QCOMPARE(itself.exitCode, 1);
        QVERIFY2(itself.err.contains("cannot be merged into itself"), itself.err.constData());
        const Run again = curate(project,
                                 {QStringLiteral("merge"), QStringLiteral("Howard Aiken"), QStringLiteral("--into"),
                                  QStringLiteral("Grace Hopper")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("is part of Grace Hopper (PERSON) already"), again.err.constData());
        QCOMPARE(curate(project, {QStringLiteral("frobnicate")}).exitCode, 1);
        QCOMPARE(editCount(project), 4);
        QCOMPARE(graphOf(project), curated);

        // Undo all four: the graph before them; redo: the curated one.
        for (int i = 0; i < 4; ++i)
            QCOMPARE(curate(project, {QStringLiteral("undo")}).exitCode, 0);
        QCOMPARE(curate(project, {QStringLiteral("undo")}).exitCode, 2); // nothing left
        QCOMPARE(graphOf(project), before);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(curate(project, {QStringLiteral("redo")}).exitCode, 0);
        QCOMPARE(graphOf(project), curated);

        // The rules, through a file, make another project of the same documents the same graph.
        const QString rules = m_dir.filePath(QStringLiteral("rules.json"));
        QCOMPARE(curate(project, {QStringLiteral("export"), rules}).exitCode, 0);
        const QString other = m_dir.filePath(QStringLiteral("b.gwp"));
        importTable(other, QStringLiteral("edges.csv"), edges);
        QCOMPARE(curate(other, {QStringLiteral("import"), rules}).exitCode, 0);
        QCOMPARE(graphOf(other), curated);

        // The table read again with a row more, and a new table naming the same entities.
        importTable(project, QStringLiteral("edges.csv"), edges + "Ada Lovelace,London,visited,PERSON,LOCATION\n");
        importTable(project, QStringLiteral("more.csv"),
                    "source,target,type,source_type,target_type\nHoward Aiken,IBM,worked_with,PERSON,ORGANIZATION\n");
        QStringList expected = curated;
        expected << QStringLiteral("IBM (ORGANIZATION)") << QStringLiteral("Grace Hopper -worked_with-> IBM");
        expected.sort();
        QCOMPARE(graphOf(project), expected);

        // The review queue: "Grace Hopper" begins no other name and nothing is an acronym here.
        const Run suggest = curate(project, {QStringLiteral("suggest"), QStringLiteral("--json")});
        QCOMPARE(suggest.exitCode, 0);
        QVERIFY(json(suggest.out).value(QStringLiteral("suggestions")).isArray());
        const Run distinct = curate(
            project, {QStringLiteral("distinct"), QStringLiteral("Ada Lovelace"), QStringLiteral("Charles Babbage")});
        QVERIFY2(distinct.exitCode == 0, distinct.err.constData());
        QCOMPARE(editCount(project), 5);
        QCOMPARE(graphOf(project), expected); // says something about the queue, not the graph
    }
};

GW_TEST_MAIN(TstCliCurate)
#include "tst_clicurate.moc"
