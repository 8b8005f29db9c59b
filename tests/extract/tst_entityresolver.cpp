#include "extract/entityresolver.h"

#include "testmain.h"

#include <QCryptographicHash>
#include <QLocale>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <numeric>
#include <thread>

using gw::EntityResolver;
using gw::EntityType;
using gw::Mention;

class TstEntityResolver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalizedKey_data();
    void normalizedKey();
    void keyIgnoresDefaultLocale();
    void nonBlankNameNeverHasEmptyKey();
    void asciiKeysMatchTheGeneralRules();
    void entityIdFollowsDocumentedFormula();
    void idsDifferAcrossTypes();
    void surnameJoinsFullName();
    void aNameOverALineBreakIsOneLine();
    void firstNameJoinsOnlyWhenUnambiguous();
    void earlierStandaloneNameIsPreferred();
    void acronymJoinsOrganisation();
    void miscJoinsTypedEntity();
    void senseIsVotedOverTheWholeDocument();
    void canonicalNameIsLongestFullForm();
    void blankMentionIsNoEntity();
    void deterministicOverShuffledRuns();
};

namespace {

// Mentions laid out one after another, as an extractor would report them in a document.
class Document
{
public:
    Document &add(EntityType type, const QString &text, double confidence = 1.0)
    {
        Mention m;
        m.type = type;
        m.confidence = confidence;
        m.start = m_offset;
        m.end = m_offset + text.size();
        m.text = text;
        m_offset = m.end + 10;
        m_mentions += m;
        return *this;
    }
    const QList<Mention> &mentions() const { return m_mentions; }

private:
    QList<Mention> m_mentions;
    qsizetype m_offset = 0;
};

QString idOf(EntityType type, const QString &name)
{
    return EntityResolver::entityId(type, EntityResolver::normalizedKey(name, type));
}

} // namespace

void TstEntityResolver::normalizedKey_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<EntityType>("type");
    QTest::addColumn<QString>("expected");

    const auto org = EntityType::Organization, person = EntityType::Person, location = EntityType::Location;
    QTest::newRow("Apple Inc.") << QStringLiteral("Apple Inc.") << org << QStringLiteral("apple");
    QTest::newRow("Apple") << QStringLiteral("Apple") << org << QStringLiteral("apple");
    QTest::newRow("APPLE, INC") << QStringLiteral("APPLE, INC") << org << QStringLiteral("apple");
    QTest::newRow("The University") << QStringLiteral("The University of Manchester") << org
                                    << QStringLiteral("university of manchester");
    QTest::newRow("University") << QStringLiteral("University of Manchester") << org
                                << QStringLiteral("university of manchester");
    QTest::newRow("S.A.") << QStringLiteral("Soci\u00E9t\u00E9 G\u00E9n\u00E9rale S.A.") << org
                          << QStringLiteral("societe generale");
    QTest::newRow("Co Ltd") << QStringLiteral("Acme Co. Ltd") << org << QStringLiteral("acme");
    QTest::newRow("& Co.") << QStringLiteral("Marks & Co.") << org << QStringLiteral("marks");
    QTest::newRow("U.S. Steel") << QStringLiteral("U.S. Steel Corp.") << org << QStringLiteral("us steel");
    QTest::newRow("AT&T") << QStringLiteral("AT&T") << org << QStringLiteral("at and t");
    QTest::newRow("Inc. alone") << QStringLiteral("Inc.") << org << QStringLiteral("inc");
    QTest::newRow("Z\u00FCrich") << QStringLiteral("Z\u00FCrich") << location << QStringLiteral("zurich");
    QTest::newRow("Zurich") << QStringLiteral("Zurich") << location << QStringLiteral("zurich");
    QTest::newRow("Stra\u00DFe") << QStringLiteral("Hauptstra\u00DFe") << location << QStringLiteral("hauptstrasse");
    QTest::newRow("The Hague keeps the") << QStringLiteral("The Hague") << location << QStringLiteral("the hague");
    QTest::newRow("Babbage's") << QStringLiteral("Babbage's") << person << QStringLiteral("babbage");
    QTest::newRow("Babbage\u2019s") << QStringLiteral("Babbage\u2019s") << person << QStringLiteral("babbage");
    QTest::newRow("O'Brien") << QStringLiteral("O'Brien") << person << QStringLiteral("obrien");
    QTest::newRow("Dr. Grace Hopper") << QStringLiteral("Dr. Grace Hopper") << person << QStringLiteral("grace hopper");
    QTest::newRow("Prof. Dr.") << QStringLiteral("Prof. Dr. Charles Babbage") << person
                               << QStringLiteral("charles babbage");
    QTest::newRow("Lord stays") << QStringLiteral("Lord Byron") << person << QStringLiteral("lord byron");
    QTest::newRow("Dr. alone") << QStringLiteral("Dr.") << person << QStringLiteral("dr");
    QTest::newRow("whitespace") << QStringLiteral("  Ada \t  LOVELACE\n") << person << QStringLiteral("ada lovelace");
    QTest::newRow("the is org-only") << QStringLiteral("The Rock") << person << QStringLiteral("the rock");
    QTest::newRow("MISC drops the") << QStringLiteral("The Difference Engine") << EntityType::Misc
                                    << QStringLiteral("difference engine");
    QTest::newRow("date") << QStringLiteral(" 12  March 1833 ") << EntityType::Date << QStringLiteral("12 march 1833");
    QTest::newRow("money") << QStringLiteral("$1,000.50") << EntityType::Money << QStringLiteral("$1,000.50");
    QTest::newRow("percent") << QStringLiteral("12.5 %") << EntityType::Percent << QStringLiteral("12.5 %");
    QTest::newRow("email") << QStringLiteral("Ada@Example.ORG") << EntityType::Email
                           << QStringLiteral("ada@example.org");
    QTest::newRow("url") << QStringLiteral("HTTPS://Example.com/Path/") << EntityType::Url
                         << QStringLiteral("https://example.com/path");
    QTest::newRow("url root") << QStringLiteral("http://example.com/") << EntityType::Url
                              << QStringLiteral("http://example.com");
}

void TstEntityResolver::normalizedKey()
{
    QFETCH(QString, name);
    QFETCH(EntityType, type);
    QFETCH(QString, expected);
    QCOMPARE(EntityResolver::normalizedKey(name, type), expected);
}

void TstEntityResolver::keyIgnoresDefaultLocale()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::Turkish, QLocale::Turkey));
    const QString plain = EntityResolver::normalizedKey(QStringLiteral("ISTANBUL"), EntityType::Location);
    const QString dotted = EntityResolver::normalizedKey(QStringLiteral("\u0130stanbul"), EntityType::Location);
    QLocale::setDefault(before);
    QCOMPARE(plain, QStringLiteral("istanbul"));
    QCOMPARE(dotted, QStringLiteral("istanbul"));
}

void TstEntityResolver::nonBlankNameNeverHasEmptyKey()
{
    const QStringList names{QStringLiteral("Inc."), QStringLiteral("The"), QStringLiteral("!!!"),   QStringLiteral("&"),
                            QStringLiteral("Mr."),  QStringLiteral("'s"),  QStringLiteral("\u0301")};
    for (const QString &name : names) {
        for (int t = 0; t <= int(EntityType::Misc); ++t)
            QVERIFY2(!EntityResolver::normalizedKey(name, EntityType(t)).isEmpty(), qPrintable(name));
    }
    QVERIFY(EntityResolver::normalizedKey(QStringLiteral("  "), EntityType::Person).isEmpty());
}

void TstEntityResolver::asciiKeysMatchTheGeneralRules()
{
    // ASCII names take a faster path. A trailing combining mark sends the same name down the
    // general one (NFKD, then the marks dropped) without changing its key.
    const QStringList pieces{
        QStringLiteral("Mr"),  QStringLiteral("Dr."),     QStringLiteral("prof"), QStringLiteral("The"),
        QStringLiteral("the"), QStringLiteral("Inc"),     QStringLiteral("Co"),   QStringLiteral("LLC"),
        QStringLiteral("and"), QStringLiteral("&"),       QStringLiteral("'s"),   QStringLiteral("'S"),
        QStringLiteral("'"),   QStringLiteral("`"),       QStringLiteral("."),    QStringLiteral("U.S."),
        QStringLiteral("s"),   QStringLiteral("O'Brien"), QStringLiteral("a"),    QStringLiteral("42"),
        QStringLiteral(" "),   QStringLiteral("  "),      QStringLiteral("-"),    QStringLiteral(","),
        QStringLiteral("\t"),  QStringLiteral("Babbage"), QStringLiteral("IBM"),  QStringLiteral("x1"),
        QStringLiteral("!"),   QStringLiteral("_")};
    QRandomGenerator random(20240611);
    int compared = 0;
    for (int round = 0; round < 20000; ++round) {
        QString name;
        const int count = 1 + int(random.bounded(6));
        for (int k = 0; k < count; ++k) {
            name += pieces.at(random.bounded(pieces.size()));
            if (random.bounded(3) == 0)
                name += u' ';
        }
        for (int t = 0; t <= int(EntityType::Misc); ++t) {
            const auto type = EntityType(t);
            const QString fast = EntityResolver::normalizedKey(name, type);
            QString general = EntityResolver::normalizedKey(name + QChar(0x0301), type);
            if (general.endsWith(QChar(0x0301))) // no token left: the fallback keeps the mark
                general = name.simplified().toCaseFolded();
            ++compared;
            QVERIFY2(fast == general,
                     qPrintable(QStringLiteral("\"%1\" (type %2): %3 / %4").arg(name).arg(t).arg(fast, general)));
        }
    }
    QCOMPARE(compared, 20000 * (int(EntityType::Misc) + 1));
}

void TstEntityResolver::entityIdFollowsDocumentedFormula()
{
    const QString key = QStringLiteral("charles babbage");
    const QByteArray input = QByteArrayLiteral("PERSON") + char(0x1f) + key.toUtf8();
    const QString expected =
        QString::fromLatin1(QCryptographicHash::hash(input, QCryptographicHash::Sha256).left(16).toHex());
    QCOMPARE(EntityResolver::entityId(EntityType::Person, key), expected);
    // Pinned: changing the formula silently would split every stored project's entities.
    QCOMPARE(expected, QStringLiteral("bdff678822b9b1b1157bc6e6c0495b63"));
    QCOMPARE(EntityResolver::entityId(EntityType::Person, key), EntityResolver::entityId(EntityType::Person, key));
}

void TstEntityResolver::idsDifferAcrossTypes()
{
    const QString key = QStringLiteral("washington");
    QSet<QString> ids;
    for (int t = 0; t <= int(EntityType::Misc); ++t)
        ids.insert(EntityResolver::entityId(EntityType(t), key));
    QCOMPARE(ids.size(), int(EntityType::Misc) + 1);
}

void TstEntityResolver::surnameJoinsFullName()
{
    Document doc;
    doc.add(EntityType::Person, QStringLiteral("Charles Babbage"))
        .add(EntityType::Person, QStringLiteral("Babbage"))
        .add(EntityType::Person, QStringLiteral("Babbage's"));
    const auto result = EntityResolver().resolveDocument(doc.mentions());
    QCOMPARE(result.size(), 3);
    const QString id = EntityResolver::entityId(EntityType::Person, QStringLiteral("charles babbage"));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(result[i].mention, i);
        QCOMPARE(result[i].entityId, id);
        QCOMPARE(result[i].key, QStringLiteral("charles babbage"));
        QCOMPARE(result[i].canonicalName, QStringLiteral("Charles Babbage"));
        QCOMPARE(result[i].type, EntityType::Person);
    }
}

void TstEntityResolver::aNameOverALineBreakIsOneLine()
{
    Document doc;
    doc.add(EntityType::Misc, QStringLiteral("Object\n     Oriented Programming"));
    const auto result = EntityResolver().resolveDocument(doc.mentions());
    QCOMPARE(result.size(), 1);
    QCOMPARE(result[0].canonicalName, QStringLiteral("Object Oriented Programming"));
    QCOMPARE(result[0].entityId, idOf(EntityType::Misc, QStringLiteral("Object Oriented Programming")));
}

void TstEntityResolver::firstNameJoinsOnlyWhenUnambiguous()
{
    Document doc;
    doc.add(EntityType::Person, QStringLiteral("Ada Lovelace"))
        .add(EntityType::Person, QStringLiteral("Ada")) // only one Ada so far: joins
        .add(EntityType::Person, QStringLiteral("Ada Byron"))
        .add(EntityType::Person, QStringLiteral("Ada"))  // two Adas: stays separate
        .add(EntityType::Person, QStringLiteral("Ada")); // joins the separate one
    const auto result = EntityResolver().resolveDocument(doc.mentions());
    const QString lovelace = idOf(EntityType::Person, QStringLiteral("Ada Lovelace"));
    const QString ada = idOf(EntityType::Person, QStringLiteral("Ada"));
    QCOMPARE(result[0].entityId, lovelace);
    QCOMPARE(result[1].entityId, lovelace);
    QCOMPARE(result[2].entityId, idOf(EntityType::Person, QStringLiteral("Ada Byron")));
    QCOMPARE(result[3].entityId, ada);
    QCOMPARE(result[3].canonicalName, QStringLiteral("Ada"));
    QCOMPARE(result[4].entityId, ada);
    QVERIFY(ada != lovelace);
}

void TstEntityResolver::earlierStandaloneNameIsPreferred()
{
    // Aliases only look back; an earlier one-token person with the same key wins.
    Document doc;
    doc.add(EntityType::Person, QStringLiteral("Babbage"))
        .add(EntityType::Person, QStringLiteral("Charles Babbage"))
        .add(EntityType::Person, QStringLiteral("Babbage"));
    const auto result = EntityResolver().resolveDocument(doc.mentions());
    QCOMPARE(result[0].entityId, idOf(EntityType::Person, QStringLiteral("Babbage")));
    QCOMPARE(result[2].entityId, result[0].entityId);
    QVERIFY(result[1].entityId != result[0].entityId);
}

void TstEntityResolver::acronymJoinsOrganisation()
{
    Document doc;
    doc.add(EntityType::Organization, QStringLiteral("International Business Machines Corp."))
        .add(EntityType::Organization, QStringLiteral("IBM"))
        .add(EntityType::Organization, QStringLiteral("Federal Bureau of Investigation"))
        .add(EntityType::Organization, QStringLiteral("FBI"))
        .add(EntityType::Organization, QStringLiteral("Ibm"))   // not written as an acronym
        .add(EntityType::Organization, QStringLiteral("NASA")); // nothing to abbreviate
    const auto result = EntityResolver().resolveDocument(doc.mentions());
    const QString ibm = idOf(EntityType::Organization, QStringLiteral("International Business Machines"));
    QCOMPARE(result[0].entityId, ibm);
    QCOMPARE(result[1].entityId, ibm);
    QCOMPARE(result[1].canonicalName, QStringLiteral("International Business Machines Corp."));
    QCOMPARE(result[3].entityId, result[2].entityId);
    QCOMPARE(result[4].entityId, idOf(EntityType::Organization, QStringLiteral("ibm")));
    QCOMPARE(result[5].entityId, idOf(EntityType::Organization, QStringLiteral("NASA")));

    Document twoCandidates;
    twoCandidates.add(EntityType::Organization, QStringLiteral("Bank of America"))
        .add(EntityType::Organization, QStringLiteral("Bureau of Aeronautics"))
        .add(EntityType::Organization, QStringLiteral("BOA"));
    const auto ambiguous = EntityResolver().resolveDocument(twoCandidates.mentions());
    QCOMPARE(ambiguous[2].entityId, idOf(EntityType::Organization, QStringLiteral("BOA")));
}

void TstEntityResolver::miscJoinsTypedEntity()
{
    Document doc;
    doc.add(EntityType::Person, QStringLiteral("Ada Lovelace"))
        .add(EntityType::Organization, QStringLiteral("Apple Inc."))
        .add(EntityType::Misc, QStringLiteral("Ada Lovelace"))
        .add(EntityType::Misc, QStringLiteral("The Apple"))
        .add(EntityType::Person, QStringLiteral("Washington"))
        .add(EntityType::Location, QStringLiteral("Washington"))
        .add(EntityType::Misc, QStringLiteral("Washington")) // two typed candidates: stays MISC
        .add(EntityType::Misc, QStringLiteral("Analytical Engine"));
    const auto result = EntityResolver().resolveDocument(doc.mentions());
    QCOMPARE(result[2].entityId, result[0].entityId);
    QCOMPARE(result[2].type, EntityType::Person);
    QCOMPARE(result[3].entityId, result[1].entityId);
    QCOMPARE(result[3].type, EntityType::Organization);
    QCOMPARE(result[3].canonicalName, QStringLiteral("Apple Inc."));
    QVERIFY(result[4].entityId != result[5].entityId);
    QCOMPARE(result[6].type, EntityType::Misc);
    QCOMPARE(result[6].entityId, idOf(EntityType::Misc, QStringLiteral("Washington")));
    QCOMPARE(result[7].type, EntityType::Misc);
    QCOMPARE(result[7].key, QStringLiteral("analytical engine"));
}

void TstEntityResolver::senseIsVotedOverTheWholeDocument()
{
    // "Zentrix" untyped before the sentence that says it is a company: the later evidence counts.
    Document company;
    company.add(EntityType::Misc, QStringLiteral("Zentrix"), 0.5)
        .add(EntityType::Misc, QStringLiteral("Zentrix"), 0.5)
        .add(EntityType::Organization, QStringLiteral("Zentrix"), 0.7);
    for (const auto &r : EntityResolver().resolveDocument(company.mentions())) {
        QCOMPARE(r.type, EntityType::Organization);
        QCOMPARE(r.entityId, idOf(EntityType::Organization, QStringLiteral("Zentrix")));
    }

    // A manual naming SQLite in camel case (MISC with evidence) three times, once misread as a
    // place ("SQLite-based"): the place was noise, all four are one MISC entity.
    Document manual;
    manual.add(EntityType::Misc, QStringLiteral("SQLite"), 0.6)
        .add(EntityType::Location, QStringLiteral("SQLite"), 0.7)
        .add(EntityType::Misc, QStringLiteral("SQLite"), 0.6)
        .add(EntityType::Misc, QStringLiteral("SQLite"), 0.6);
    for (const auto &r : EntityResolver().resolveDocument(manual.mentions())) {
        QCOMPARE(r.type, EntityType::Misc);
        QCOMPARE(r.entityId, idOf(EntityType::Misc, QStringLiteral("SQLite")));
    }

    // Mentions without evidence (0.5) do not outvote a typed one: "said Holmes" once, "Holmes"
    // three times with nothing around it.
    Document story;
    story.add(EntityType::Misc, QStringLiteral("Holmes"), 0.5)
        .add(EntityType::Person, QStringLiteral("Holmes"), 0.7)
        .add(EntityType::Misc, QStringLiteral("Holmes"), 0.5)
        .add(EntityType::Misc, QStringLiteral("Holmes"), 0.5);
    for (const auto &r : EntityResolver().resolveDocument(story.mentions()))
        QCOMPARE(r.type, EntityType::Person);

    // As many MISC with evidence as typed: the typed kind wins (a tie is not noise).
    Document even;
    even.add(EntityType::Misc, QStringLiteral("PSF"), 0.6).add(EntityType::Organization, QStringLiteral("PSF"), 0.8);
    for (const auto &r : EntityResolver().resolveDocument(even.mentions()))
        QCOMPARE(r.type, EntityType::Organization);

    // "packages in Debian" once, "Debian" four times with nothing around it: weak evidence of a
    // place (0.6) under a name mostly used without any is no place.
    Document reference;
    reference.add(EntityType::Location, QStringLiteral("Debian"), 0.6);
    for (int i = 0; i < 4; ++i)
        reference.add(EntityType::Misc, QStringLiteral("Debian"), 0.5);
    for (const auto &r : EntityResolver().resolveDocument(reference.mentions()))
        QCOMPARE(r.type, EntityType::Misc);

    // Three untyped to one "at Bletchford": the place stands; and a place said outright (0.7)
    // stands against any number.
    Document village;
    village.add(EntityType::Location, QStringLiteral("Bletchford"), 0.6);
    for (int i = 0; i < 3; ++i)
        village.add(EntityType::Misc, QStringLiteral("Bletchford"), 0.5);
    village.add(EntityType::Location, QStringLiteral("Kelwick"), 0.7);
    for (int i = 0; i < 8; ++i)
        village.add(EntityType::Misc, QStringLiteral("Kelwick"), 0.5);
    for (const auto &r : EntityResolver().resolveDocument(village.mentions()))
        QCOMPARE(r.type, EntityType::Location);

    // "in Abramowitz and Stegun" three times, "Abramowitz, M. (1972)" twice: weak evidence of a
    // place counts half against a person named with evidence, and its mentions join the person.
    // Weak places against an organisation under many untyped mentions ("in Hwaci's possession",
    // "Hwaci is a small company"): the organisation.
    Document references;
    for (int i = 0; i < 3; ++i)
        references.add(EntityType::Location, QStringLiteral("Abramowitz"), 0.6);
    references.add(EntityType::Person, QStringLiteral("Abramowitz"), 0.7)
        .add(EntityType::Person, QStringLiteral("Abramowitz"), 0.7)
        .add(EntityType::Misc, QStringLiteral("Abramowitz"), 0.5);
    references.add(EntityType::Organization, QStringLiteral("Hwaci"), 0.8);
    for (int i = 0; i < 3; ++i)
        references.add(EntityType::Location, QStringLiteral("Hwaci"), 0.6);
    for (int i = 0; i < 10; ++i)
        references.add(EntityType::Misc, QStringLiteral("Hwaci"), 0.5);
    for (const auto &r : EntityResolver().resolveDocument(references.mentions()))
        QCOMPARE(r.type, r.canonicalName == QLatin1String("Hwaci") ? EntityType::Organization : EntityType::Person);
}

void TstEntityResolver::canonicalNameIsLongestFullForm()
{
    Document doc;
    doc.add(EntityType::Person, QStringLiteral("Grace Hopper"))
        .add(EntityType::Person, QStringLiteral("Hopper"))
        .add(EntityType::Person, QStringLiteral("Dr. Grace Hopper"))
        .add(EntityType::Person, QStringLiteral("GRACE HOPPER"))              // tie: first seen wins
        .add(EntityType::Person, QStringLiteral("Professor Admiral Hopper")); // an unrelated key
    Document tie;
    tie.add(EntityType::Person, QStringLiteral("Charles Babbage"))
        .add(EntityType::Person, QStringLiteral("Professor Babbage")) // longer, but an alias
        .add(EntityType::Person, QStringLiteral("CHARLES BABBAGE"));
    const auto result = EntityResolver().resolveDocument(doc.mentions());
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(result[i].canonicalName, QStringLiteral("Dr. Grace Hopper"));
        QCOMPARE(result[i].entityId, idOf(EntityType::Person, QStringLiteral("Grace Hopper")));
    }
    const auto babbage = EntityResolver().resolveDocument(tie.mentions());
    for (const auto &r : babbage) {
        QCOMPARE(r.canonicalName, QStringLiteral("Charles Babbage"));
        QCOMPARE(r.key, QStringLiteral("charles babbage"));
    }
}

void TstEntityResolver::blankMentionIsNoEntity()
{
    Document doc;
    doc.add(EntityType::Person, QStringLiteral("   ")).add(EntityType::Person, QStringLiteral("Ada"));
    const auto result = EntityResolver().resolveDocument(doc.mentions());
    QCOMPARE(result.size(), 2);
    QCOMPARE(result[0].mention, 0);
    QVERIFY(result[0].entityId.isEmpty());
    QVERIFY(result[0].key.isEmpty());
    QCOMPARE(result[1].key, QStringLiteral("ada"));
    QVERIFY(EntityResolver().resolveDocument({}).isEmpty());
}

void TstEntityResolver::deterministicOverShuffledRuns()
{
    Document doc;
    doc.add(EntityType::Person, QStringLiteral("Ada Lovelace"))
        .add(EntityType::Organization, QStringLiteral("International Business Machines"))
        .add(EntityType::Person, QStringLiteral("Ada"))
        .add(EntityType::Person, QStringLiteral("Ada Byron"))
        .add(EntityType::Organization, QStringLiteral("IBM"))
        .add(EntityType::Person, QStringLiteral("Ada"))
        .add(EntityType::Misc, QStringLiteral("Lovelace"))
        .add(EntityType::Location, QStringLiteral("Z\u00FCrich"))
        .add(EntityType::Misc, QStringLiteral("Ada Lovelace"))
        .add(EntityType::Date, QStringLiteral("10 December 1815"))
        .add(EntityType::Person, QStringLiteral("Lovelace"));
    const QList<Mention> &mentions = doc.mentions();
    const EntityResolver resolver;
    const auto baseline = resolver.resolveDocument(mentions);

    QRandomGenerator random(4); // fixed seed: a failure is reproducible
    for (int round = 0; round < 50; ++round) {
        QList<int> permutation(mentions.size());
        std::iota(permutation.begin(), permutation.end(), 0);
        std::shuffle(permutation.begin(), permutation.end(), random);
        QList<Mention> shuffled;
        for (const int i : permutation)
            shuffled += mentions[i];
        const auto result = resolver.resolveDocument(shuffled);
        QCOMPARE(result.size(), baseline.size());
        for (int j = 0; j < result.size(); ++j) {
            auto expected = baseline[permutation[j]];
            expected.mention = j;
            QCOMPARE(result[j], expected);
        }
    }

    QList<EntityResolver::ResolvedMention> elsewhere;
    const QLocale before;
    std::thread thread([&] {
        QLocale::setDefault(QLocale(QLocale::Turkish, QLocale::Turkey));
        elsewhere = resolver.resolveDocument(mentions);
    });
    thread.join();
    QLocale::setDefault(before);
    QCOMPARE(elsewhere, baseline);
}

GW_TEST_MAIN(TstEntityResolver)
#include "tst_entityresolver.moc"
