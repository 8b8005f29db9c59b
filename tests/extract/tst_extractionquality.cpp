// Quality of the built-in extractor on a hand-annotated set (tests/extract/data/, see its README):
// precision, recall and F1 per entity type and per relation type, printed as tables, with floors
// just under the measured values so that a regression fails and an improvement shows.
// Set GW_EVAL_ERRORS=1 to print every false positive and false negative.
#include "testmain.h"

#include "extract/entityextractor.h"
#include "extract/relationextractor.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

using namespace gw;

class TstExtractionQuality : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void entities();
    void relationsEndToEnd();
    void relationsOnGoldMentions();
};

namespace {

struct Sample
{
    int id = 0;
    QString set; // "classic" (extraction-eval.jsonl), "genres", "fresh", "unseen" (all held out), "round4" .. "round6"
    QString genre; // the sample's genre; "classic" in the classic set
    QString split; // "tune" or "heldout"
    QString text;
    QList<Mention> gold;                                    // sorted by start
    QList<std::tuple<QString, QString, QString>> relations; // subject, type, object
};

struct Counts
{
    int tp = 0, fp = 0, fn = 0;
    double precision() const { return tp + fp ? double(tp) / (tp + fp) : 1.0; }
    double recall() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }
    double f1() const
    {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
    int support() const { return tp + fn; }
    Counts &operator+=(const Counts &o)
    {
        tp += o.tp, fp += o.fp, fn += o.fn;
        return *this;
    }
};

// Per type name, plus the micro average under "(micro)" and the micro average over the three
// name types (the issue's goal) under "(PER+ORG+LOC)".
using Table = std::map<QString, Counts>;
const QString micro = QStringLiteral("(micro)");
const QString names = QStringLiteral("(PER+ORG+LOC)");

bool isNameTypeName(const QString &type)
{
    return type == QLatin1String("PERSON") || type == QLatin1String("ORGANIZATION")
        || type == QLatin1String("LOCATION");
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// Every word-bounded occurrence of each surface, minus those inside a longer gold mention.
QList<Mention> goldMentions(const QString &text, const QJsonArray &entities)
{
    QList<Mention> all;
    for (const QJsonValue &value : entities) {
        const QJsonArray entry = value.toArray();
        const QString surface = entry.at(0).toString();
        for (qsizetype at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
            const qsizetype end = at + surface.size();
            if ((at > 0 && isWordChar(text.at(at - 1)) && isWordChar(text.at(at)))
                || (end < text.size() && isWordChar(text.at(end)) && isWordChar(text.at(end - 1))))
                continue;
            all.append({entityTypeFromName(entry.at(1).toString()), at, end, surface, 1.0});
        }
    }
    QList<Mention> kept;
    for (const Mention &m : all) {
        const bool inside = std::any_of(all.cbegin(), all.cend(), [&](const Mention &o) {
            return o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start;
        });
        if (!inside)
            kept.append(m);
    }
    std::sort(kept.begin(), kept.end(), [](const Mention &a, const Mention &b) { return a.start < b.start; });
    return kept;
}

// parent_of(a, b) is scored as child_of(b, a); symmetric relations in one order.
std::tuple<QString, QString, QString> canonical(QString subject, QString type, QString object)
{
    if (type == QLatin1String("parent_of")) {
        type = QStringLiteral("child_of");
        std::swap(subject, object);
    }
    if ((type == QLatin1String("spouse_of") || type == QLatin1String("sibling_of")) && object < subject)
        std::swap(subject, object);
    return {subject, type, object};
}

using RelationSet = std::set<std::tuple<QString, QString, QString>>;

RelationSet predictedRelations(const QString &text, const QList<Mention> &mentions)
{
    RelationSet out;
    for (const RelationMention &r : RelationExtractor().extract(text, mentions)) {
        if (r.type != RelationType::CoOccurs)
            out.insert(canonical(mentions.at(r.subject).text, relationTypeName(r.type), mentions.at(r.object).text));
    }
    return out;
}

template<typename Key, typename Name, typename Describe>
void score(Table &table, const std::set<Key> &gold, const std::set<Key> &predicted, Name name, Describe describe,
           const Sample &sample, bool printErrors)
{
    for (const Key &k : predicted) {
        const bool hit = gold.count(k) > 0;
        (hit ? table[name(k)].tp : table[name(k)].fp) += 1;
        (hit ? table[micro].tp : table[micro].fp) += 1;
        if (isNameTypeName(name(k)))
            (hit ? table[names].tp : table[names].fp) += 1;
        if (!hit && printErrors)
            qInfo().noquote() << QStringLiteral("  #%1 FP %2").arg(sample.id).arg(describe(k));
    }
    for (const Key &k : gold) {
        if (predicted.count(k))
            continue;
        table[name(k)].fn += 1;
        table[micro].fn += 1;
        if (isNameTypeName(name(k)))
            table[names].fn += 1;
        if (printErrors)
            qInfo().noquote() << QStringLiteral("  #%1 FN %2").arg(sample.id).arg(describe(k));
    }
}

void printTable(const QString &title, const Table &table)
{
    qInfo().noquote() << title;
    qInfo().noquote() << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7")
                             .arg(QStringLiteral("type"), -18)
                             .arg(QStringLiteral("support"), 7)
                             .arg(QStringLiteral("found"), 6)
                             .arg(QStringLiteral("right"), 6)
                             .arg(QStringLiteral("P"), 6)
                             .arg(QStringLiteral("R"), 6)
                             .arg(QStringLiteral("F1"), 6);
    const auto line = [](const QString &name, const Counts &c) {
        qInfo().noquote() << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7")
                                 .arg(name, -18)
                                 .arg(c.support(), 7)
                                 .arg(c.tp + c.fp, 6)
                                 .arg(c.tp, 6)
                                 .arg(c.precision(), 6, 'f', 3)
                                 .arg(c.recall(), 6, 'f', 3)
                                 .arg(c.f1(), 6, 'f', 3);
    };
    for (const auto &[name, counts] : table)
        if (name != micro && name != names)
            line(name, counts);
    for (const QString &aggregate : {names, micro})
        if (table.count(aggregate))
            line(aggregate, table.at(aggregate));
}

struct Floor
{
    const char *type;
    double f1;
};

// Checks, on one set ("classic" or "genres"), the F1 of each listed type, the micro-averaged
// precision, recall and F1 over the set, and the micro F1 of each of its two halves (a held-out
// collapse is a failure too).
bool meetsFloors(const std::map<QString, Table> &tables, const QString &set, std::initializer_list<Floor> typeFloors,
                 double microP, double microR, double microF1, double splitF1, QString *why)
{
    const Table &all = tables.at(set);
    QStringList failures;
    for (const Floor &floor : typeFloors) {
        const QString type = QString::fromUtf8(floor.type);
        const double f1 = all.count(type) ? all.at(type).f1() : 0.0;
        if (f1 < floor.f1)
            failures << QStringLiteral("%1 %2 F1 %3 < %4").arg(set, type).arg(f1, 0, 'f', 3).arg(floor.f1);
    }
    const Counts m = all.count(micro) ? all.at(micro) : Counts{};
    if (m.precision() < microP)
        failures << QStringLiteral("%1 micro P %2 < %3").arg(set).arg(m.precision(), 0, 'f', 3).arg(microP);
    if (m.recall() < microR)
        failures << QStringLiteral("%1 micro R %2 < %3").arg(set).arg(m.recall(), 0, 'f', 3).arg(microR);
    if (m.f1() < microF1)
        failures << QStringLiteral("%1 micro F1 %2 < %3").arg(set).arg(m.f1(), 0, 'f', 3).arg(microF1);
    for (const char *split : {"tune", "heldout"}) {
        const QString half = set + u'/' + QString::fromUtf8(split);
        if (!tables.count(half))
            continue; // "unseen" is all held out
        const Table &t = tables.at(half);
        const double f1 = t.count(micro) ? t.at(micro).f1() : 0.0;
        if (f1 < splitF1)
            failures << QStringLiteral("%1 micro F1 %2 < %3").arg(half).arg(f1, 0, 'f', 3).arg(splitF1);
    }
    *why = failures.join(QStringLiteral("; "));
    return failures.isEmpty();
}

QList<Sample> samples;

} // namespace

namespace {

// Reads one JSONL file of the set (see data/README.md); a sample without a genre is "classic",
// and the classic set's "dev"/"test" halves are its "tune"/"heldout" halves.
void readSamples(const QString &path, const QString &set, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return;
    }
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonObject object = QJsonDocument::fromJson(line, &parseError).object();
        if (parseError.error != QJsonParseError::NoError) {
            *error = QStringLiteral("%1:%2: %3").arg(path).arg(lineNumber).arg(parseError.errorString());
            return;
        }
        Sample s;
        s.id = object.value(QLatin1String("id")).toInt();
        s.set = set;
        s.genre = object.value(QLatin1String("genre")).toString(QStringLiteral("classic"));
        s.split = object.value(QLatin1String("split")).toString();
        if (s.split == QLatin1String("dev"))
            s.split = QStringLiteral("tune");
        else if (s.split == QLatin1String("test"))
            s.split = QStringLiteral("heldout");
        if (s.split != QLatin1String("tune") && s.split != QLatin1String("heldout")) {
            *error = QStringLiteral("%1:%2: unknown split '%3'").arg(path).arg(lineNumber).arg(s.split);
            return;
        }
        s.text = object.value(QLatin1String("text")).toString();
        s.gold = goldMentions(s.text, object.value(QLatin1String("entities")).toArray());
        if (s.gold.size() < object.value(QLatin1String("entities")).toArray().size()) {
            *error = QStringLiteral("%1:%2: an entity surface is not in the text").arg(path).arg(lineNumber);
            return;
        }
        for (const QJsonValue &value : object.value(QLatin1String("relations")).toArray()) {
            const QJsonArray r = value.toArray();
            s.relations.append(canonical(r.at(0).toString(), r.at(1).toString(), r.at(2).toString()));
        }
        samples.append(s);
    }
}

// The tables a sample counts in: its set, the set's half, its genre's half ("fresh:news/heldout"),
// and for the genre sets the two together ("genres+fresh/heldout").
QStringList tableNames(const Sample &s)
{
    QStringList result{s.set, s.set + u'/' + s.split};
    if (s.set != QLatin1String("classic"))
        result << s.set + u':' + s.genre + u'/' + s.split;
    if (s.set == QLatin1String("genres") || s.set == QLatin1String("fresh"))
        result << QStringLiteral("genres+fresh/") + s.split;
    return result;
}

} // namespace

void TstExtractionQuality::initTestCase()
{
    const std::pair<const char *, const char *> files[] = {
        {"data/extraction-eval.jsonl", "classic"},  {"data/extraction-genres.jsonl", "genres"},
        {"data/extraction-fresh.jsonl", "fresh"},   {"data/extraction-unseen.jsonl", "unseen"},
        {"data/extraction-round4.jsonl", "round4"}, {"data/extraction-round5.jsonl", "round5"},
        {"data/extraction-round6.jsonl", "round6"}};
    for (const auto &[name, set] : files) {
        QString error;
        readSamples(QFINDTESTDATA(name), QString::fromUtf8(set), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    const auto count = [](const char *set) {
        return std::count_if(samples.cbegin(), samples.cend(),
                             [&](const Sample &s) { return s.set == QLatin1String(set); });
    };
    QVERIFY(count("classic") >= 180);
    QVERIFY(count("genres") >= 150);
    QVERIFY(count("fresh") >= 150);
    QVERIFY(count("unseen") >= 120);
    QVERIFY(count("round4") >= 160);
    QVERIFY(count("round5") >= 160);
    QVERIFY(count("round6") >= 160);
    qInfo("%d sentences: classic %d, genres %d, fresh %d, unseen %d, round4 %d, round5 %d, round6 %d",
          int(samples.size()), int(count("classic")), int(count("genres")), int(count("fresh")), int(count("unseen")),
          int(count("round4")), int(count("round5")), int(count("round6")));
}

namespace {

// GW_EVAL_ERRORS=1 prints the errors on the tuning halves; =all also on the held-out halves
// (look at those only once, at the end: they are what tells whether a rule generalises).
bool printErrorsOf(const Sample &s)
{
    static const QByteArray mode = qgetenv("GW_EVAL_ERRORS");
    return mode == "all" || (mode == "1" && s.split == QLatin1String("tune"));
}

std::map<QString, Table> entityTables()
{
    using Key = std::tuple<qsizetype, qsizetype, int>;
    std::map<QString, Table> tables;
    const EntityExtractor extractor;
    for (const Sample &s : samples) {
        std::set<Key> gold, predicted;
        for (const Mention &m : s.gold)
            gold.insert({m.start, m.end, int(m.type)});
        for (const Mention &m : extractor.extract(s.text))
            predicted.insert({m.start, m.end, int(m.type)});
        const auto name = [](const Key &k) { return entityTypeName(EntityType(std::get<2>(k))); };
        const auto describe = [&](const Key &k) {
            return QStringLiteral("%1 '%2'").arg(name(k), s.text.mid(std::get<0>(k), std::get<1>(k) - std::get<0>(k)));
        };
        const QStringList tablesOfSample = tableNames(s);
        for (const QString &table : tablesOfSample)
            score(tables[table], gold, predicted, name, describe, s,
                  printErrorsOf(s) && table == tablesOfSample.first());
    }
    return tables;
}

std::map<QString, Table> relationTables(bool goldMentionsOnly)
{
    std::map<QString, Table> tables;
    const EntityExtractor extractor;
    for (const Sample &s : samples) {
        const RelationSet gold(s.relations.cbegin(), s.relations.cend());
        const RelationSet predicted = predictedRelations(s.text, goldMentionsOnly ? s.gold : extractor.extract(s.text));
        const auto name = [](const auto &k) { return std::get<1>(k); };
        const auto describe = [](const auto &k) {
            return QStringLiteral("%1(%2, %3)").arg(std::get<1>(k), std::get<0>(k), std::get<2>(k));
        };
        const QStringList tablesOfSample = tableNames(s);
        for (const QString &table : tablesOfSample)
            score(tables[table], gold, predicted, name, describe, s,
                  printErrorsOf(s) && table == tablesOfSample.first());
    }
    return tables;
}

// Full tables for each set and half, then one line per genre and half.
void printAll(const QString &what, const std::map<QString, Table> &tables)
{
    for (const char *table :
         {"classic/tune", "classic/heldout", "classic", "genres/tune",       "genres/heldout",       "genres",
          "fresh/tune",   "fresh/heldout",   "fresh",   "genres+fresh/tune", "genres+fresh/heldout", "unseen",
          "round4/tune",  "round4/heldout",  "round4",  "round5/tune",       "round5/heldout",       "round5",
          "round6/tune",  "round6/heldout",  "round6"})
        printTable(QStringLiteral("%1, %2:").arg(what, QString::fromUtf8(table)), tables.at(QString::fromUtf8(table)));
    qInfo().noquote()
        << QStringLiteral("%1, by genre (micro P / R / F1; for entities also PER+ORG+LOC P / R / F1):").arg(what);
    for (const auto &[name, table] : tables) {
        if (!name.contains(u':'))
            continue;
        const Counts m = table.count(micro) ? table.at(micro) : Counts{};
        if (!table.count(names)) { // relations: no entity types
            qInfo().noquote() << QStringLiteral("  %1 %2 %3 %4")
                                     .arg(name, -26)
                                     .arg(m.precision(), 5, 'f', 3)
                                     .arg(m.recall(), 5, 'f', 3)
                                     .arg(m.f1(), 5, 'f', 3);
            continue;
        }
        const Counts n = table.at(names);
        qInfo().noquote() << QStringLiteral("  %1 %2 %3 %4   %5 %6 %7")
                                 .arg(name, -26)
                                 .arg(m.precision(), 5, 'f', 3)
                                 .arg(m.recall(), 5, 'f', 3)
                                 .arg(m.f1(), 5, 'f', 3)
                                 .arg(n.precision(), 5, 'f', 3)
                                 .arg(n.recall(), 5, 'f', 3)
                                 .arg(n.f1(), 5, 'f', 3);
    }
}

} // namespace

void TstExtractionQuality::entities()
{
    const auto tables = entityTables();
    printAll(QStringLiteral("Entities (exact span and type)"), tables);
    QString why;
    // Floors a little below the figures measured when they were set (issue 11, the session of
    // 2026-12-05 that added round five). Classic, 180 sentences: PERSON 0.919, ORGANIZATION 0.899,
    // LOCATION 0.964, DATE 0.979, MONEY 0.971, MISC 0.653; micro P 0.924, R 0.915, F1 0.920 (tune
    // 0.952, held out 0.886).
    QVERIFY2(meetsFloors(tables, QStringLiteral("classic"),
                         {{"PERSON", 0.90},
                          {"ORGANIZATION", 0.88},
                          {"LOCATION", 0.94},
                          {"DATE", 0.96},
                          {"MONEY", 0.94},
                          {"MISC", 0.62}},
                         0.90, 0.89, 0.90, 0.86, &why),
             qPrintable(why));
    // Four genres, 160 sentences: PERSON 0.936, ORGANIZATION 0.836, LOCATION 0.912; micro P 0.883,
    // R 0.860, F1 0.871 (tune 0.924, held out 0.812).
    // ORGANIZATION floors raised after the companies and bodies of the world list (2026-12-05,
    // eighth round): F1 classic 0.905, genres 0.853, fresh 0.870, unseen 0.790, round4 0.817,
    // round6 0.739.
    // Eleventh round's end: micro P 0.910, R 0.888, F1 0.899 (held out 0.845).
    QVERIFY2(meetsFloors(tables, QStringLiteral("genres"),
                         {{"PERSON", 0.92}, {"ORGANIZATION", 0.83}, {"LOCATION", 0.89}}, 0.89, 0.87, 0.88, 0.82, &why),
             qPrintable(why));
    // Fresh (literature, reference, history, news), 160 sentences: PERSON 0.938, ORGANIZATION
    // 0.848, LOCATION 0.925; micro P 0.900, R 0.866, F1 0.883 (tune 0.946, held out 0.817).
    QVERIFY2(meetsFloors(tables, QStringLiteral("fresh"),
                         {{"PERSON", 0.92}, {"ORGANIZATION", 0.84}, {"LOCATION", 0.90}}, 0.88, 0.84, 0.86, 0.79, &why),
             qPrintable(why));
    // Unseen (scripture, biography, business, technical), 120 sentences, all held out: PERSON
    // 0.845, ORGANIZATION 0.735, LOCATION 0.837; micro P 0.795, R 0.764, F1 0.779.
    QVERIFY2(meetsFloors(tables, QStringLiteral("unseen"),
                         {{"PERSON", 0.82}, {"ORGANIZATION", 0.76}, {"LOCATION", 0.81}}, 0.77, 0.74, 0.75, 0.75, &why),
             qPrintable(why));
    // Round four (letters, encyclopedia, press, software), 160 sentences: PERSON 0.875,
    // ORGANIZATION 0.773, LOCATION 0.835; micro P 0.811, R 0.785, F1 0.798 (tune 0.888, held out
    // 0.701).
    QVERIFY2(meetsFloors(tables, QStringLiteral("round4"),
                         {{"PERSON", 0.85}, {"ORGANIZATION", 0.79}, {"LOCATION", 0.81}}, 0.79, 0.76, 0.77, 0.68, &why),
             qPrintable(why));
    // Round five (obituary, sports, government, science), 160 sentences, never tuned on: PERSON
    // 0.882, ORGANIZATION 0.734, LOCATION 0.860; micro P 0.812, R 0.788, F1 0.800 (tune 0.826, held
    // out 0.775).
    QVERIFY2(meetsFloors(tables, QStringLiteral("round5"),
                         {{"PERSON", 0.86}, {"ORGANIZATION", 0.71}, {"LOCATION", 0.84}}, 0.79, 0.76, 0.78, 0.75, &why),
             qPrintable(why));
    // Round six (arts, legal, travel, chronicle), 160 sentences; odd ids tuned on after it arrived
    // (issue 11, sixth round): PERSON 0.845, ORGANIZATION 0.707, LOCATION 0.850; micro P 0.791,
    // R 0.770, F1 0.780.
    QVERIFY2(meetsFloors(tables, QStringLiteral("round6"),
                         {{"PERSON", 0.82}, {"ORGANIZATION", 0.71}, {"LOCATION", 0.82}}, 0.77, 0.75, 0.76, 0.74, &why),
             qPrintable(why));
}

void TstExtractionQuality::relationsEndToEnd()
{
    const auto tables = relationTables(false);
    printAll(QStringLiteral("Relations (extracted entities, co_occurs not scored)"), tables);
    QString why;
    // Classic: born_in 0.974, created 0.780, founded 0.844, located_in 0.865; micro P 0.911,
    // R 0.821, F1 0.864 (tune 0.924, held out 0.787). Eleventh round's end: P 0.913, R 0.887,
    // F1 0.900 (held out 0.832).
    QVERIFY2(meetsFloors(tables, QStringLiteral("classic"),
                         {{"born_in", 0.95}, {"created", 0.75}, {"founded", 0.82}, {"located_in", 0.84}}, 0.89, 0.86,
                         0.88, 0.80, &why),
             qPrintable(why));
    // Four genres: created 0.696, founded 0.947, headquartered_in 1.000, leads 0.783, located_in
    // 0.811, works_for 0.857; micro P 0.921, R 0.739, F1 0.820 (tune 0.919, held out 0.653).
    // Eleventh round's end: P 0.916, R 0.768, F1 0.835 (held out 0.680).
    QVERIFY2(meetsFloors(tables, QStringLiteral("genres"),
                         {{"created", 0.67},
                          {"founded", 0.92},
                          {"headquartered_in", 0.95},
                          {"leads", 0.75},
                          {"located_in", 0.78},
                          {"works_for", 0.82}},
                         0.90, 0.74, 0.82, 0.66, &why),
             qPrintable(why));
    // Fresh: created 0.769, founded 0.921, works_for 0.914; micro P 0.932, R 0.687, F1 0.791 (tune
    // 0.930, held out 0.517: the held-out half states relations in ways the patterns do not read).
    QVERIFY2(meetsFloors(tables, QStringLiteral("fresh"), {{"created", 0.74}, {"founded", 0.89}, {"works_for", 0.88}},
                         0.90, 0.66, 0.77, 0.49, &why),
             qPrintable(why));
    // Unseen, all held out: micro P 0.844, R 0.305, F1 0.448; located_in 0.735, spouse_of 0.800.
    // Seventh round's end: P 0.843, R 0.383, F1 0.527.
    QVERIFY2(meetsFloors(tables, QStringLiteral("unseen"), {{"located_in", 0.70}, {"spouse_of", 0.75}}, 0.81, 0.35,
                         0.49, 0.49, &why),
             qPrintable(why));
    // Round four: created 0.638, works_for 0.706; micro P 0.893, R 0.410, F1 0.562 (tune 0.740,
    // held out 0.248).
    // Seventh round's end: P 0.904, R 0.463, F1 0.612.
    QVERIFY2(meetsFloors(tables, QStringLiteral("round4"), {{"created", 0.60}, {"works_for", 0.67}}, 0.86, 0.43, 0.58,
                         0.22, &why),
             qPrintable(why));
    // Round five, odd ids tuned on in the sixth round: born_in 0.933, located_in 0.653; micro P
    // 0.858, R 0.440, F1 0.582 (held out 0.432).
    // Seventh round's end: P 0.862, R 0.454, F1 0.594.
    QVERIFY2(meetsFloors(tables, QStringLiteral("round5"), {{"born_in", 0.90}, {"located_in", 0.62}}, 0.83, 0.43, 0.57,
                         0.40, &why),
             qPrintable(why));
    // Round six: located_in 0.596, sibling_of 0.824; micro P 0.821, R 0.332, F1 0.472 (held out
    // 0.371).
    // Seventh round's end: P 0.843, R 0.374, F1 0.519.
    QVERIFY2(meetsFloors(tables, QStringLiteral("round6"), {{"located_in", 0.56}, {"sibling_of", 0.78}}, 0.81, 0.35,
                         0.49, 0.34, &why),
             qPrintable(why));
}

void TstExtractionQuality::relationsOnGoldMentions()
{
    const auto tables = relationTables(true);
    printAll(QStringLiteral("Relations given the gold entities"), tables);
    // Classic: born_in 1.000, created 0.933, founded 0.936, located_in 0.914; micro P 0.942,
    // R 0.925, F1 0.933 (tune 0.973, held out 0.887).
    QString why;
    QVERIFY2(meetsFloors(tables, QStringLiteral("classic"),
                         {{"born_in", 0.97}, {"created", 0.90}, {"founded", 0.90}, {"located_in", 0.88}}, 0.92, 0.90,
                         0.91, 0.86, &why),
             qPrintable(why));
}

GW_TEST_MAIN(TstExtractionQuality)
#include "tst_extractionquality.moc"
