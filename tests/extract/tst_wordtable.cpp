// WordTable: the gazetteer's flat key -> bits map. Every key added is found with the bits ORed
// into it, every other key (prefixes, other lengths, other cases) is not, across the rehashes of a
// growing table; and the gazetteer keeps the lists' bits apart from one-word flags.
#include "testmain.h"

#include "extract/gazetteer.h"
#include "extract/wordtable.h"

#include <QHash>
#include <QRandomGenerator>
#include <QTest>

using gw::Gazetteer;
using gw::WordTable;

class TstWordTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsWhatWasAddedAndNothingElse();
    void agreesWithQHashAcrossGrowth();
    void gazetteerKeepsListsApartFromWordFlags();
};

void TstWordTable::findsWhatWasAddedAndNothingElse()
{
    WordTable table;
    QCOMPARE(table.value(u"paris"), 0u); // empty table
    table.add(u"paris", 1);
    table.add(u"paris", 4); // ORed
    table.add(u"pa", 2);
    table.add(u"zürich", 8);
    table.add(u"", 16); // ignored
    QCOMPARE(table.size(), 3);
    QCOMPARE(table.value(u"paris"), 5u);
    QCOMPARE(table.value(u"pa"), 2u);
    QCOMPARE(table.value(u"zürich"), 8u);
    QCOMPARE(table.value(u"p"), 0u);
    QCOMPARE(table.value(u"pari"), 0u);
    QCOMPARE(table.value(u"parise"), 0u);
    QCOMPARE(table.value(u"Paris"), 0u); // keys are taken as written
    QCOMPARE(table.value(u""), 0u);
    // A view into a longer string is looked up by its own characters.
    const QString sentence = QStringLiteral("to paris and back");
    QCOMPARE(table.value(QStringView(sentence).mid(3, 5)), 5u);
    QCOMPARE(table.value(QStringView(sentence).mid(3, 6)), 0u);
}

void TstWordTable::agreesWithQHashAcrossGrowth()
{
    QRandomGenerator random(20261206);
    const auto randomKey = [&] {
        QString key;
        const int length = 1 + int(random.bounded(12));
        for (int i = 0; i < length; ++i)
            key.append(QChar(u'a' + random.bounded(6))); // a small alphabet: many near-collisions
        return key;
    };
    WordTable table;
    QHash<QString, unsigned> reference;
    for (int i = 0; i < 60000; ++i) {
        const QString key = randomKey();
        const unsigned bits = 1u << random.bounded(31);
        table.add(key, bits);
        reference[key] |= bits;
    }
    QCOMPARE(table.size(), reference.size());
    for (auto it = reference.cbegin(); it != reference.cend(); ++it)
        QCOMPARE(table.value(it.key()), it.value());
    int absent = 0;
    for (int i = 0; i < 20000; ++i) {
        const QString key = randomKey() + u'z';
        absent += table.value(key) == 0 ? 1 : 0;
    }
    QCOMPARE(absent, 20000);

    WordTable reserved; // the same after a reserve: one rehash, then none
    reserved.reserve(reference.size());
    for (auto it = reference.cbegin(); it != reference.cend(); ++it)
        reserved.add(it.key(), it.value());
    for (auto it = reference.cbegin(); it != reference.cend(); ++it)
        QCOMPARE(reserved.value(it.key()), it.value());
}

void TstWordTable::gazetteerKeepsListsApartFromWordFlags()
{
    Gazetteer::Lists lists;
    lists.givenNames = {QStringLiteral("Mary Ann"), QStringLiteral("Ada")};
    lists.countries = {QStringLiteral("New Zealand"), QStringLiteral("Chad")};
    lists.worldCities = {QStringLiteral("Oslo")};
    lists.personTitles = {QStringLiteral("Dr."), QStringLiteral("Prime Minister")};
    lists.dictionary = {QStringLiteral("chad"), QStringLiteral("Chad"), QStringLiteral("behold"),
                        QStringLiteral("Ada")};
    const Gazetteer gazetteer(lists);
    QVERIFY(gazetteer.isGivenName(u"Mary Ann"));
    QVERIFY(gazetteer.isGivenName(u"ADA"));
    QVERIFY(!gazetteer.isGivenName(u"Mary"));
    // A list's name of several words is no word's flag.
    QCOMPARE(gazetteer.wordFlags(QStringLiteral("mary ann")), 0u);
    QCOMPARE(gazetteer.wordFlags(QStringLiteral("new zealand")), 0u);
    QVERIFY(gazetteer.isCountry(u"New  Zealand"));
    QVERIFY(gazetteer.isLocation(u"New Zealand"));
    QVERIFY(!gazetteer.isCity(u"New Zealand"));
    QCOMPARE(gazetteer.wordFlags(QStringLiteral("ada")), unsigned(Gazetteer::GivenName));
    QCOMPARE(gazetteer.wordFlags(QStringLiteral("chad")), unsigned(Gazetteer::Location | Gazetteer::LowerCaseWord));
    QCOMPARE(gazetteer.wordFlags(QStringLiteral("behold")), unsigned(Gazetteer::LowerCaseWord | Gazetteer::CommonWord));
    // The towns of the world are read only as such, never as a word's flag.
    QVERIFY(gazetteer.isWorldCity(u"Oslo"));
    QVERIFY(!gazetteer.isLocation(u"Oslo"));
    QCOMPARE(gazetteer.wordFlags(QStringLiteral("oslo")), 0u);
    QVERIFY(gazetteer.abbreviationKey(QStringLiteral("dr")));
    QCOMPARE(gazetteer.wordFlags(QStringLiteral("dr")), unsigned(Gazetteer::PersonTitle | Gazetteer::Abbreviation));
    QVERIFY(gazetteer.isPersonTitle(u"Prime Minister"));
    QCOMPARE(gazetteer.maxTitleWords(), 2);
}

GW_TEST_MAIN(TstWordTable)
#include "tst_wordtable.moc"
