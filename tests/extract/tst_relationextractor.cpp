#include "testmain.h"

#include "core/cancellation.h"
#include "core/errors.h"
#include "extract/relationextractor.h"
#include "extract/relationpatterns.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <atomic>
#include <set>
#include <thread>
#include <tuple>
#include <vector>

using namespace gw;

class TstRelationExtractor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typedRelations_data();
    void typedRelations();
    void crossSentencePairsAreNeverRelated();
    void evidenceIsTheExactSentence();
    void titlesAndMentionsDoNotSplitSentences();
    void coOccurrenceLinksEveryUnrelatedPair();
    void coOccurrenceSkipsTypedPairsAndValues();
    void coOccurrenceIsCappedNearestFirst();
    void invalidMentionsAreIgnored();
    void cancelledTokenThrows();
    void sharedAcrossThreads();
    void everyPatternIsValid();
    void triggerPrefilterNeverRejectsAMatch();
    void aPronounContinuesTheLastSubject();
};

namespace {

EntityType typeFromCode(const QString &code)
{
    static const QHash<QString, EntityType> codes = {
        {QStringLiteral("PER"), EntityType::Person},     {QStringLiteral("ORG"), EntityType::Organization},
        {QStringLiteral("LOC"), EntityType::Location},   {QStringLiteral("MISC"), EntityType::Misc},
        {QStringLiteral("DATE"), EntityType::Date},      {QStringLiteral("MONEY"), EntityType::Money},
        {QStringLiteral("PERCENT"), EntityType::Percent}};
    return codes.value(code, EntityType::Misc);
}

// "Grace Hopper=PER|Remington Rand=ORG": each surface is searched after the previous one.
QList<Mention> mentionsIn(const QString &text, const QString &spec)
{
    QList<Mention> result;
    qsizetype from = 0;
    for (const QString &item : spec.split(u'|', Qt::SkipEmptyParts)) {
        const qsizetype eq = item.lastIndexOf(u'=');
        const QString surface = item.left(eq);
        const qsizetype start = text.indexOf(surface, from);
        if (start < 0)
            qFatal("mention '%s' not found in '%s'", qPrintable(surface), qPrintable(text));
        result.append({typeFromCode(item.mid(eq + 1)), start, start + surface.size(), surface, 1.0});
        from = start + surface.size();
    }
    return result;
}

QString describe(const QList<Mention> &mentions, const RelationMention &r)
{
    return QStringLiteral("%1(%2, %3)")
        .arg(relationTypeName(r.type), mentions.at(r.subject).text, mentions.at(r.object).text);
}

QStringList describeTyped(const QList<Mention> &mentions, const QList<RelationMention> &relations)
{
    QStringList result;
    for (const RelationMention &r : relations)
        if (r.type != RelationType::CoOccurs)
            result.append(describe(mentions, r));
    return result;
}

int countOf(const QList<RelationMention> &relations, RelationType type)
{
    return int(std::count_if(relations.cbegin(), relations.cend(),
                             [type](const RelationMention &r) { return r.type == type; }));
}

bool noDuplicatesAndSorted(const QList<Mention> &mentions, const QList<RelationMention> &relations)
{
    std::set<std::tuple<int, int, int, qsizetype>> seen;
    for (qsizetype i = 0; i < relations.size(); ++i) {
        const RelationMention &r = relations.at(i);
        if (!seen.insert({int(r.type), r.subject, r.object, r.sentenceStart}).second)
            return false;
        if (i > 0) {
            const RelationMention &p = relations.at(i - 1);
            if (std::pair(p.sentenceStart, mentions.at(p.subject).start)
                > std::pair(r.sentenceStart, mentions.at(r.subject).start))
                return false;
        }
    }
    return true;
}

} // namespace

void TstRelationExtractor::typedRelations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");
    QTest::addColumn<QStringList>("expected");
    auto row = [](const char *name, const char *text, const char *mentions, QStringList expected) {
        QTest::newRow(name) << QString::fromUtf8(text) << QString::fromUtf8(mentions) << expected;
    };
    row("works_for", "Grace Hopper worked for Remington Rand.", "Grace Hopper=PER|Remington Rand=ORG",
        {"works_for(Grace Hopper, Remington Rand)"});
    row("joined", "Linus Torvalds joined the Linux Foundation in 2007.",
        "Linus Torvalds=PER|Linux Foundation=ORG|2007=DATE", {"works_for(Linus Torvalds, Linux Foundation)"});
    row("hired by", "Margaret Hamilton was hired by MIT.", "Margaret Hamilton=PER|MIT=ORG",
        {"works_for(Margaret Hamilton, MIT)"});
    row("engineer at", "Barbara Liskov is a senior researcher at MIT.", "Barbara Liskov=PER|MIT=ORG",
        {"works_for(Barbara Liskov, MIT)"});
    // A person "of" an organisation works there ("Daniel Veillard of Red Hat"); "at" too.
    row("of affiliation", "Alan Turing of Bletchley Park spoke.", "Alan Turing=PER|Bletchley Park=ORG",
        {"works_for(Alan Turing, Bletchley Park)"});
    row("of a place", "Alan Turing of Wilmslow spoke.", "Alan Turing=PER|Wilmslow=LOC", {});
    row("based apposition", "Spotify, the Stockholm-based streaming service, grew.", "Spotify=ORG|Stockholm=LOC",
        {"headquartered_in(Spotify, Stockholm)"});
    row("while working at", "Brendan Eich created JavaScript in 1995 while working at Netscape.",
        "Brendan Eich=PER|JavaScript=MISC|1995=DATE|Netscape=ORG",
        {"created(Brendan Eich, JavaScript)", "works_for(Brendan Eich, Netscape)"});
    // "his"/"her" is the nearest person before it; another name between breaks the link.
    row("his sister", "Frederick wrote to his sister Bridget from Gibraltar.",
        "Frederick=PER|Bridget=PER|Gibraltar=LOC", {"sibling_of(Frederick, Bridget)"});
    row("his sister, the nearest", "Ada Lovelace met Charles Babbage and his sister Mary.",
        "Ada Lovelace=PER|Charles Babbage=PER|Mary=PER", {"sibling_of(Charles Babbage, Mary)"});
    row("his son", "Josiah sent his eldest son Tom to Leeds.", "Josiah=PER|Tom=PER|Leeds=LOC",
        {"parent_of(Josiah, Tom)"});
    row("born at", "Ezekiel Mabberley was born at Dover.", "Ezekiel Mabberley=PER|Dover=LOC",
        {"born_in(Ezekiel Mabberley, Dover)"});
    row("possessive officer with a title", "The Canal Company's chairman, Mr. Lucius Hart, owned houses.",
        "Canal Company=ORG|Lucius Hart=PER", {"leads(Lucius Hart, Canal Company)"});
    row("place in a region", "He moved to Springfield, Illinois, USA.", "Springfield=LOC|Illinois=LOC|USA=LOC",
        {"located_in(Springfield, Illinois)", "located_in(Illinois, USA)"});
    row("list of places", "It sells in Brazil, Iran and Syria, and in Italy, Spain, Portugal, Poland.",
        "Brazil=LOC|Iran=LOC|Syria=LOC|Italy=LOC|Spain=LOC|Portugal=LOC|Poland=LOC", {});
    row("genealogy", "And the sons of Kohath; Amram, and Izhar, and Hebron.",
        "Kohath=PER|Amram=PER|Izhar=PER|Hebron=PER",
        {"child_of(Amram, Kohath)", "child_of(Izhar, Kohath)", "child_of(Hebron, Kohath)"});
    row("begat", "And Salmon begat Boaz.", "Salmon=PER|Boaz=PER", {"parent_of(Salmon, Boaz)"});
    row("officer of a person", "Potiphar, an officer of Pharaoh, bought him.", "Potiphar=PER|Pharaoh=PER",
        {"works_for(Potiphar, Pharaoh)"});
    row("king of a place", "Melchizedek king of Salem brought bread.", "Melchizedek=PER|Salem=LOC",
        {"leads(Melchizedek, Salem)"});
    row("passive after a head noun", "The zlib library was written by Jean-loup Gailly.",
        "zlib=MISC|Jean-loup Gailly=PER", {"created(Jean-loup Gailly, zlib)"});
    row("participle after an apposition", "Trolltech, a company founded by Haavard Nord, grew.",
        "Trolltech=ORG|Haavard Nord=PER", {"founded(Haavard Nord, Trolltech)"});
    row("place in parentheses", "Toronto (Canada) hosted it.", "Toronto=LOC|Canada=LOC",
        {"located_in(Toronto, Canada)"});
    row("co-founded with", "Steve Jobs co-founded Apple with Steve Wozniak.",
        "Steve Jobs=PER|Apple=ORG|Steve Wozniak=PER", {"founded(Steve Jobs, Apple)", "founded(Steve Wozniak, Apple)"});
    row("co-founded in date with", "Bill Gates co-founded Microsoft in 1975 with Paul Allen.",
        "Bill Gates=PER|Microsoft=ORG|1975=DATE|Paul Allen=PER",
        {"founded(Bill Gates, Microsoft)", "founded(Paul Allen, Microsoft)"});
    row("founded passive", "Apple was founded by Steve Jobs.", "Apple=ORG|Steve Jobs=PER",
        {"founded(Steve Jobs, Apple)"});
    row("founded passive date list", "Apple was founded in 1976 by Steve Jobs and Steve Wozniak.",
        "Apple=ORG|1976=DATE|Steve Jobs=PER|Steve Wozniak=PER",
        {"founded(Steve Jobs, Apple)", "founded(Steve Wozniak, Apple)"});
    row("founded subject list", "Larry Page and Sergey Brin founded Google.",
        "Larry Page=PER|Sergey Brin=PER|Google=ORG", {"founded(Larry Page, Google)", "founded(Sergey Brin, Google)"});
    row("founder and ceo", "Steve Jobs, the co-founder and CEO of Apple, died.", "Steve Jobs=PER|Apple=ORG",
        {"founded(Steve Jobs, Apple)", "leads(Steve Jobs, Apple)"});
    row("ceo of", "Satya Nadella is the CEO of Microsoft.", "Satya Nadella=PER|Microsoft=ORG",
        {"leads(Satya Nadella, Microsoft)"});
    row("ceo title", "Microsoft CEO Satya Nadella spoke.", "Microsoft=ORG|Satya Nadella=PER",
        {"leads(Satya Nadella, Microsoft)"});
    row("leads", "Sundar Pichai currently leads Google.", "Sundar Pichai=PER|Google=ORG",
        {"leads(Sundar Pichai, Google)"});
    row("member_of", "Tim Berners-Lee is a member of the Royal Society.", "Tim Berners-Lee=PER|Royal Society=ORG",
        {"member_of(Tim Berners-Lee, Royal Society)"});
    row("org joined", "Fastly joined the Cloud Native Computing Foundation.",
        "Fastly=ORG|Cloud Native Computing Foundation=ORG", {"member_of(Fastly, Cloud Native Computing Foundation)"});
    row("located_in", "The Louvre is located in Paris.", "Louvre=ORG|Paris=LOC", {"located_in(Louvre, Paris)"});
    row("city country", "Mountain View, California is sunny.", "Mountain View=LOC|California=LOC",
        {"located_in(Mountain View, California)"});
    row("headquartered_in", "Google is headquartered in Mountain View.", "Google=ORG|Mountain View=LOC",
        {"headquartered_in(Google, Mountain View)"});
    row("based in", "Spotify is based in Stockholm.", "Spotify=ORG|Stockholm=LOC",
        {"headquartered_in(Spotify, Stockholm)"});
    row("acquired", "Microsoft acquired GitHub in 2018.", "Microsoft=ORG|GitHub=ORG|2018=DATE",
        {"acquired(Microsoft, GitHub)"});
    row("acquired passive", "GitHub was acquired by Microsoft.", "GitHub=ORG|Microsoft=ORG",
        {"acquired(Microsoft, GitHub)"});
    row("owns", "Elon Musk owns Twitter.", "Elon Musk=PER|Twitter=ORG", {"owns(Elon Musk, Twitter)"});
    row("owned by", "SpaceX is owned by Elon Musk.", "SpaceX=ORG|Elon Musk=PER", {"owns(Elon Musk, SpaceX)"});
    row("part_of", "DeepMind is a subsidiary of Alphabet.", "DeepMind=ORG|Alphabet=ORG",
        {"part_of(DeepMind, Alphabet)"});
    row("born_in", "Alan Turing was born in London.", "Alan Turing=PER|London=LOC", {"born_in(Alan Turing, London)"});
    row("apposition family", "Ada Lovelace, daughter of Lord Byron, married William King.",
        "Ada Lovelace=PER|Lord Byron=PER|William King=PER",
        {"child_of(Ada Lovelace, Lord Byron)", "spouse_of(Ada Lovelace, William King)"});
    row("parent_of", "Lord Byron was the father of Ada Lovelace.", "Lord Byron=PER|Ada Lovelace=PER",
        {"parent_of(Lord Byron, Ada Lovelace)"});
    row("spouse_of", "Ada Lovelace married William King.", "Ada Lovelace=PER|William King=PER",
        {"spouse_of(Ada Lovelace, William King)"});
    row("sibling_of", "Caroline Herschel was the sister of William Herschel.",
        "Caroline Herschel=PER|William Herschel=PER", {"sibling_of(Caroline Herschel, William Herschel)"});
    row("created", "Charles Babbage designed the Analytical Engine.", "Charles Babbage=PER|Analytical Engine=MISC",
        {"created(Charles Babbage, Analytical Engine)"});
    row("created passive", "Python was created by Guido van Rossum.", "Python=MISC|Guido van Rossum=PER",
        {"created(Guido van Rossum, Python)"});
    row("participle after comma", "Apple, founded by Steve Jobs, is based in Cupertino.",
        "Apple=ORG|Steve Jobs=PER|Cupertino=LOC", {"headquartered_in(Apple, Cupertino)", "founded(Steve Jobs, Apple)"});
    row("possessive family", "Lord Byron's daughter, Ada Lovelace, wrote the first program.",
        "Lord Byron=PER|Ada Lovelace=PER", {"child_of(Ada Lovelace, Lord Byron)"});
    // The subject keeps its verb past an apposition naming others, and past "and".
    row("verb after apposition", "Edith Marsh, born in Leeds, England, wrote Ashcombe.",
        "Edith Marsh=PER|Leeds=LOC|England=LOC|Ashcombe=MISC",
        {"born_in(Edith Marsh, Leeds)", "created(Edith Marsh, Ashcombe)", "located_in(Leeds, England)"});
    row("inner mention is not the subject", "Norvale, based in Tamsin, Oregon, is now a subsidiary of Dunmore.",
        "Norvale=ORG|Tamsin=LOC|Oregon=LOC|Dunmore=ORG",
        {"headquartered_in(Norvale, Tamsin)", "part_of(Norvale, Dunmore)", "located_in(Tamsin, Oregon)"});
    // The place that locates the subject is part of its phrase: the apposition after it, and the
    // verb after that, are the subject's.
    row("subject located in a place",
        "The Harbour Inn in Tamsin, named after Ezra Pell and opened in 1887, is "
        "owned by the hotel group Dunmore.",
        "Harbour Inn=ORG|Tamsin=LOC|Ezra Pell=PER|1887=DATE|Dunmore=ORG",
        {"located_in(Harbour Inn, Tamsin)", "owns(Dunmore, Harbour Inn)"});
    // A participle after "before/after/since" and a predicate after ", then" are the subject's.
    row("participle after before",
        "Dana Keel was mayor of Tamsin from 1994 to 1998 before founding the Harbour "
        "Party with Ezra Pell in 2001.",
        "Dana Keel=PER|Tamsin=LOC|1994=DATE|1998=DATE|Harbour Party=ORG|Ezra Pell=PER|2001=DATE",
        {"leads(Dana Keel, Tamsin)", "founded(Dana Keel, Harbour Party)", "founded(Ezra Pell, Harbour Party)"});
    row("predicate after then",
        "Ivo Brandt served as Tamsin's mayor from 2014 to 2016, then broke with the "
        "Harbour Party.",
        "Ivo Brandt=PER|Tamsin=LOC|2014=DATE|2016=DATE|Harbour Party=ORG",
        {"leads(Ivo Brandt, Tamsin)", "member_of(Ivo Brandt, Harbour Party)"});
    // The last of a list may come with its kind ("and the producer X"); "keeps offices in".
    row("list with a kind", "Studio Kessel was set up by Ana Roe, Ivo Brandt and the producer Ezra Pell.",
        "Studio Kessel=ORG|Ana Roe=PER|Ivo Brandt=PER|Ezra Pell=PER",
        {"founded(Ana Roe, Studio Kessel)", "founded(Ivo Brandt, Studio Kessel)", "founded(Ezra Pell, Studio Kessel)"});
    row("keeps offices in", "Norvale keeps offices in Tamsin.", "Norvale=ORG|Tamsin=LOC",
        {"located_in(Norvale, Tamsin)"});
    row("branches after an apposition", "Norvale, founded by Ana Roe in 1990, kept branches in Lodi and Split.",
        "Norvale=ORG|Ana Roe=PER|1990=DATE|Lodi=LOC|Split=LOC",
        {"located_in(Norvale, Lodi)", "located_in(Norvale, Split)", "founded(Ana Roe, Norvale)"});
    row("second predicate", "Tom Reyes was born in Lodi and taught chemistry at Kell College.",
        "Tom Reyes=PER|Lodi=LOC|Kell College=ORG", {"born_in(Tom Reyes, Lodi)", "works_for(Tom Reyes, Kell College)"});
    row("relative clause", "Ivo Brandt, who was born in Split, founded Adria Soft.",
        "Ivo Brandt=PER|Split=LOC|Adria Soft=ORG", {"born_in(Ivo Brandt, Split)", "founded(Ivo Brandt, Adria Soft)"});
    row("office apposition", "Yesterday the mayor of Tarnow, Jan Kowal, opened a bridge.", "Tarnow=LOC|Jan Kowal=PER",
        {"leads(Jan Kowal, Tarnow)"});
    row("brothers", "In 1911 the brothers Ole Dahl and Per Dahl founded Dahl Motors.",
        "1911=DATE|Ole Dahl=PER|Per Dahl=PER|Dahl Motors=ORG",
        {"sibling_of(Ole Dahl, Per Dahl)", "founded(Ole Dahl, Dahl Motors)", "founded(Per Dahl, Dahl Motors)"});
    row("regiment member", "Sergeant Hale of the Kentish Fusiliers was wounded.", "Hale=PER|Kentish Fusiliers=ORG",
        {"member_of(Hale, Kentish Fusiliers)"});
    row("passive with place", "Zephyr was designed at Orbix by Lena Fox.", "Zephyr=MISC|Orbix=ORG|Lena Fox=PER",
        {"created(Lena Fox, Zephyr)"});
    row("hosted by", "Quarry is now hosted by the Open Rock Foundation.", "Quarry=MISC|Open Rock Foundation=ORG",
        {"part_of(Quarry, Open Rock Foundation)"});
    row("partner after a place", "Rita Holm started Holm Tools in Malmo with her husband Sven Holm.",
        "Rita Holm=PER|Holm Tools=ORG|Malmo=LOC|Sven Holm=PER",
        {"founded(Rita Holm, Holm Tools)", "spouse_of(Rita Holm, Sven Holm)", "located_in(Holm Tools, Malmo)",
         "founded(Sven Holm, Holm Tools)"});
    row("named after a noun", "Quill's release manager, Ana Ruiz, works for Norvale.",
        "Quill=MISC|Ana Ruiz=PER|Norvale=ORG", {"works_for(Ana Ruiz, Norvale)"});
    row("fronted birthplace", "Born in Tarnow in 1960, the firm's new chief, Ewa Lis, spoke.",
        "Tarnow=LOC|1960=DATE|Ewa Lis=PER", {"born_in(Ewa Lis, Tarnow)"});
    row("possessive after the name", "Ewa Lis, Norvale's finance chief, spoke.", "Ewa Lis=PER|Norvale=ORG",
        {"works_for(Ewa Lis, Norvale)"});
    row("company of place", "Ana Ruiz joined Brantwell Systems of Toronto.",
        "Ana Ruiz=PER|Brantwell Systems=ORG|Toronto=LOC",
        {"works_for(Ana Ruiz, Brantwell Systems)", "located_in(Brantwell Systems, Toronto)"});
    row("on the island of", "Ajo lies on the island of Sarn.", "Ajo=LOC|Sarn=LOC", {"located_in(Ajo, Sarn)"});
    row("kin after the name", "And Omri sent word to Zebah his brother and to Milcah his wife.",
        "Omri=PER|Zebah=PER|Milcah=PER", {"sibling_of(Omri, Zebah)", "spouse_of(Omri, Milcah)"});
    row("reigned over", "Jehu reigned over Samaria.", "Jehu=PER|Samaria=LOC", {"leads(Jehu, Samaria)"});
    row("genealogy with were", "And the sons of Merari were Mahli and Mushi.", "Merari=PER|Mahli=PER|Mushi=PER",
        {"child_of(Mahli, Merari)", "child_of(Mushi, Merari)"});
    row("capital of", "Lodz is no longer the capital of Lodzkie.", "Lodz=LOC|Lodzkie=LOC", {});
    row("a suburb of", "Ealing, a suburb of London, grew fast.", "Ealing=LOC|London=LOC",
        {"located_in(Ealing, London)"});
    row("acquisition of", "Norvale's $2 billion acquisition of Dunmore closed in May.",
        "Norvale=ORG|$2 billion=MONEY|Dunmore=ORG|May=DATE", {"acquired(Norvale, Dunmore)"});
    row("sold to", "Dunmore was sold to Norvale in 2001.", "Dunmore=ORG|Norvale=ORG|2001=DATE",
        {"acquired(Norvale, Dunmore)"});
    row("born with a year", "Ewa Lis, born 1931 in Tarnow, wrote poems.", "Ewa Lis=PER|1931=DATE|Tarnow=LOC",
        {"born_in(Ewa Lis, Tarnow)"});
    row("possessive work", "Ewa Lis's novel Stone Garden sold well.", "Ewa Lis=PER|Stone Garden=MISC",
        {"created(Ewa Lis, Stone Garden)"});
    row("took over as", "Ana Ruiz took over as chief executive of Norvale.", "Ana Ruiz=PER|Norvale=ORG",
        {"leads(Ana Ruiz, Norvale)"});
    row("merged to form", "In 1921 Bexley Union merged with Crayford Guild to form Kent Workers.",
        "1921=DATE|Bexley Union=ORG|Crayford Guild=ORG|Kent Workers=ORG",
        {"founded(Bexley Union, Kent Workers)", "founded(Crayford Guild, Kent Workers)"});
    row("owned compound", "The Norvale-owned Dunmore Press closed.", "Norvale=ORG|Dunmore Press=ORG",
        {"owns(Norvale, Dunmore Press)"});
    row("subsidiary before the name", "Norvale subsidiary Dunmore grew.", "Norvale=ORG|Dunmore=ORG",
        {"part_of(Dunmore, Norvale)"});
    row("spokeswoman for", "Ana Ruiz, a spokeswoman for Norvale, declined.", "Ana Ruiz=PER|Norvale=ORG",
        {"works_for(Ana Ruiz, Norvale)"});
    row("fronted passive", "Developed at Norvale by Ewa Lis, the first parser, Quill, ran in 1990.",
        "Norvale=ORG|Ewa Lis=PER|Quill=MISC|1990=DATE", {"works_for(Ewa Lis, Norvale)", "created(Ewa Lis, Quill)"});
    row("its role", "Dunmore will add a plant, its chief executive, Ana Ruiz, said.", "Dunmore=ORG|Ana Ruiz=PER",
        {"leads(Ana Ruiz, Dunmore)"});
    row("named as its", "Dunmore named Ana Ruiz as its new chairman.", "Dunmore=ORG|Ana Ruiz=PER",
        {"leads(Ana Ruiz, Dunmore)"});
    row("work of a person", "Quill, Ewa Lis's document converter, is free.", "Quill=MISC|Ewa Lis=PER",
        {"created(Ewa Lis, Quill)"});
    row("place before a kind", "Accel backed Kitabu, a Nairobi start-up.", "Accel=ORG|Kitabu=ORG|Nairobi=LOC",
        {"headquartered_in(Kitabu, Nairobi)"});
    row("yard in", "The tanker was built at Hanwha Ocean's yard in Okpo.", "Hanwha Ocean=ORG|Okpo=LOC",
        {"located_in(Hanwha Ocean, Okpo)"});
    row("both of a list", "It is kept by Ana Ruiz and Tom Reyes, who both work at Fintrix.",
        "Ana Ruiz=PER|Tom Reyes=PER|Fintrix=ORG", {"works_for(Ana Ruiz, Fintrix)", "works_for(Tom Reyes, Fintrix)"});
    row("a place's regulator", "BaFin, Germany's financial regulator, agreed.", "BaFin=ORG|Germany=LOC",
        {"headquartered_in(BaFin, Germany)"});
    row("its headquarters", "Dunmore said so in a statement from its Leeds headquarters.", "Dunmore=ORG|Leeds=LOC",
        {"headquartered_in(Dunmore, Leeds)"});
    row("registered in", "Norvale, a non-profit registered in Delaware, grew.", "Norvale=ORG|Delaware=LOC",
        {"headquartered_in(Norvale, Delaware)"});
    row("relative clause speaks of one", "Ada Roe met her brother Sam Roe, who later founded Roe Labs.",
        "Ada Roe=PER|Sam Roe=PER|Roe Labs=ORG", {"sibling_of(Ada Roe, Sam Roe)", "founded(Sam Roe, Roe Labs)"});
    row("location cannot work", "London worked for Acme.", "London=LOC|Acme=ORG", {});
    row("person cannot acquire", "Alan Turing acquired Google.", "Alan Turing=PER|Google=ORG", {});
    row("house at its place", "He founded the Oakes Ropewalk at Whitby and the Gull Inn on Procida.",
        "Oakes Ropewalk=ORG|Whitby=LOC|Gull Inn=ORG|Procida=LOC",
        {"located_in(Oakes Ropewalk, Whitby)", "located_in(Gull Inn, Procida)"});
    row("a team where it played", "Real Madrid beat Arsenal FC at Wembley Stadium.",
        "Real Madrid=ORG|Arsenal FC=ORG|Wembley Stadium=LOC", {});
    row("a place's place", "Zanzibar's Stone Town faces Italy's Amalfi Coast.",
        "Zanzibar=LOC|Stone Town=LOC|Italy=LOC|Amalfi Coast=LOC",
        {"located_in(Stone Town, Zanzibar)", "located_in(Amalfi Coast, Italy)"});
    row("merger parties found the new firm",
        "Orion Telecom completed its merger with Kappa Networks on Monday, creating Ardent Communications.",
        "Orion Telecom=ORG|Kappa Networks=ORG|Ardent Communications=ORG",
        {"founded(Orion Telecom, Ardent Communications)", "founded(Kappa Networks, Ardent Communications)"});
    row("formed by the merger of", "Arcadium Lithium, itself formed by the merger of Allkem and Livent, grew.",
        "Arcadium Lithium=ORG|Allkem=ORG|Livent=ORG",
        {"founded(Allkem, Arcadium Lithium)", "founded(Livent, Arcadium Lithium)"});
    row("to form without a merger", "Microsoft sued Novell Corp in 2004 to create Moonlight Inc.",
        "Microsoft=ORG|Novell Corp=ORG|2004=DATE|Moonlight Inc.=ORG", {});
    row("danced in", "Ana Kova danced in the Ballets Rusk.", "Ana Kova=PER|Ballets Rusk=ORG",
        {"member_of(Ana Kova, Ballets Rusk)"});
    row("broke with", "Ion Beda later broke with the AKP.", "Ion Beda=PER|AKP=ORG", {"member_of(Ion Beda, AKP)"});
    row("appointed to", "Kofi Ansa was appointed to the Supreme Court of Ghana.",
        "Kofi Ansa=PER|Supreme Court of Ghana=ORG", {"works_for(Kofi Ansa, Supreme Court of Ghana)"});
    row("captained for most of their history", "The Kings have been captained for most of their history by Ravi Das.",
        "Kings=ORG|Ravi Das=PER", {"member_of(Ravi Das, Kings)"});
    row("a place's organisation", "Kyoto's Tawaraya Ryokan is old.", "Kyoto=LOC|Tawaraya Ryokan=ORG",
        {"headquartered_in(Tawaraya Ryokan, Kyoto)"});
    row("ruled from", "The Kongo Crown, ruled from Mbanza Kongo, fell.", "Kongo Crown=ORG|Mbanza Kongo=LOC",
        {"headquartered_in(Kongo Crown, Mbanza Kongo)"});
    row("operators of a place", "It stopped the Gothenburg ferry operators Skargard AB.",
        "Gothenburg=LOC|Skargard AB=ORG", {"headquartered_in(Skargard AB, Gothenburg)"});
    row("a period and a comma end no sentence", "It is run by Codeberg e.V., a charity registered in Berlin.",
        "Codeberg e.V.=ORG|Berlin=LOC", {"headquartered_in(Codeberg e.V., Berlin)"});
    row("forked as", "Tomasz Kraw forked the Brindle image viewer as Brindle-NG in 2020.",
        "Tomasz Kraw=PER|Brindle=MISC|Brindle-NG=MISC|2020=DATE", {"created(Tomasz Kraw, Brindle-NG)"});
    row("a fork named", "Kaito Yama's fork of Jinja, named Kyoto-Templates, is fast.",
        "Kaito Yama=PER|Jinja=MISC|Kyoto-Templates=MISC", {"created(Kaito Yama, Kyoto-Templates)"});
    row("novels among them", "Olena Kova wrote eleven novels, among them Salt Road and Winter Tale.",
        "Olena Kova=PER|Salt Road=MISC|Winter Tale=MISC",
        {"created(Olena Kova, Salt Road)", "created(Olena Kova, Winter Tale)"});
    row("took his first wife", "Ivan IV took his first wife, Anastasia Roma, in 1547.",
        "Ivan IV=PER|Anastasia Roma=PER|1547=DATE", {"spouse_of(Ivan IV, Anastasia Roma)"});
    row("a version number before the participle", "The YAML 1.2 specification was written by Oren Ben-Kiki.",
        "YAML=MISC|Oren Ben-Kiki=PER", {"created(Oren Ben-Kiki, YAML)"});
    row("a one-word place of a possessor", "Malone was in Mulcahey's Bar.", "Malone=PER|Mulcahey=LOC|Bar=LOC", {});
    row("bought by a person", "Norvale was later bought by the property developer Ivan Dorkin.",
        "Norvale=ORG|Ivan Dorkin=PER", {"acquired(Ivan Dorkin, Norvale)"});
    row("negated", "Microsoft never acquired Apple.", "Microsoft=ORG|Apple=ORG", {});
    row("person not located", "Carol White lives in Paris.", "Carol White=PER|Paris=LOC", {});
    // A region word between the preposition and the place is no part of the place.
    row("city in a region of a country", "Tarnow is a city in southeastern Poland.", "Tarnow=LOC|Poland=LOC",
        {"located_in(Tarnow, Poland)"});
    row("largest city of a region", "Kano, the largest city of northern Nigeria, traded.", "Kano=LOC|Nigeria=LOC",
        {"located_in(Kano, Nigeria)"});
    row("on the island of", "Vigan, a city on the island of Luzon, is old.", "Vigan=LOC|Luzon=LOC",
        {"located_in(Vigan, Luzon)"});
    // A place can be owned, not operated; a possessive names the owner first.
    row("owns a place", "Mr. Jocelyn Hartley now owns Broadmere Hall.", "Jocelyn Hartley=PER|Broadmere Hall=LOC",
        {"owns(Jocelyn Hartley, Broadmere Hall)"});
    row("controls a place", "The army controlled Paris.", "army=ORG|Paris=LOC", {});
    row("owner's company", "Tomasz Wrobel's logistics group, Wrobel Trans, grew.", "Tomasz Wrobel=PER|Wrobel Trans=ORG",
        {"owns(Tomasz Wrobel, Wrobel Trans)"});
    // A person's seat is his house; an organisation's its headquarters.
    row("seat of a lord", "Kilcarrig Castle, the seat of Lord Mountdrum, stands on a rock.",
        "Kilcarrig Castle=LOC|Mountdrum=PER", {"owns(Mountdrum, Kilcarrig Castle)"});
    row("seat of an organisation", "Tarnow is the seat of the Diocese of Tarnow.", "Tarnow=LOC|Diocese of Tarnow=ORG",
        {"headquartered_in(Diocese of Tarnow, Tarnow)"});
    // A place named as an organisation's attribute is its home; a person's is not.
    row("a place's firm", "Moreau Levesque, a Montreal consultancy, grew.", "Moreau Levesque=ORG|Montreal=LOC",
        {"headquartered_in(Moreau Levesque, Montreal)"});
    row("a person of a place", "Ada met Tom Crane, the Leeds clothier.", "Ada=PER|Tom Crane=PER|Leeds=LOC", {});
    // "its": the subject organisation or place, across an apposition that names another.
    row("its role after an apposition",
        "The union Vigor was founded in Tczew, and Jan Rak, an electrician at the Baltyk Yard, became its chairman.",
        "Vigor=ORG|Tczew=LOC|Jan Rak=PER|Baltyk Yard=ORG",
        {"located_in(Vigor, Tczew)", "leads(Jan Rak, Vigor)", "works_for(Jan Rak, Baltyk Yard)"});
    row("its king", "The Kingdom of Ardal turned to the sea when its king, Orm Tostig, was young.",
        "Kingdom of Ardal=LOC|Orm Tostig=PER", {"leads(Orm Tostig, Kingdom of Ardal)"});
    row("among its members", "The Lyceum of Varna counted Ivo Petrov among its members.",
        "Lyceum of Varna=ORG|Ivo Petrov=PER", {"member_of(Ivo Petrov, Lyceum of Varna)"});
    row("its two partners", "Dufour Roy said its two partners, Ana Dufour and Luc Roy, would leave.",
        "Dufour Roy=ORG|Ana Dufour=PER|Luc Roy=PER",
        {"member_of(Ana Dufour, Dufour Roy)", "member_of(Luc Roy, Dufour Roy)"});
    // His or her across places, dates and firms: a plural kin noun takes the list, a singular one
    // does not ("his wife Mumeno and her brother Toshio").
    row("his two sons across mentions",
        "Samuel Oakes founded Oakes Ropes at Whitby in 1764 and left it to his two sons, Tom and Ned.",
        "Samuel Oakes=PER|Oakes Ropes=ORG|Whitby=LOC|1764=DATE|Tom=PER|Ned=PER",
        {"founded(Samuel Oakes, Oakes Ropes)", "located_in(Oakes Ropes, Whitby)", "child_of(Tom, Samuel Oakes)",
         "child_of(Ned, Samuel Oakes)"});
    row("his wife and her brother", "Ken Moto started Moto Works in Osaka with his wife Mumi and her brother Toru Iwa.",
        "Ken Moto=PER|Moto Works=ORG|Osaka=LOC|Mumi=PER|Toru Iwa=PER",
        {"founded(Ken Moto, Moto Works)", "spouse_of(Ken Moto, Mumi)", "located_in(Moto Works, Osaka)",
         "founded(Mumi, Moto Works)", "sibling_of(Mumi, Toru Iwa)", "founded(Toru Iwa, Moto Works)"});
    // Clergy belong to their church; a teaching hospital to its university; a bank absorbed into
    // its parent is part of it; a joint venture is founded by those who formed it.
    row("clergyman of", "Eliza married Matthew Lowe, a clergyman of the Church of Wales.",
        "Eliza=PER|Matthew Lowe=PER|Church of Wales=ORG",
        {"spouse_of(Eliza, Matthew Lowe)", "member_of(Matthew Lowe, Church of Wales)"});
    row("teaching hospital of", "Liria Hospital, a teaching hospital of the University of Arda, grew.",
        "Liria Hospital=ORG|University of Arda=ORG", {"part_of(Liria Hospital, University of Arda)"});
    row("absorbed into its parent", "The lender Nord Bank will be absorbed into its parent, Hanse Gruppe.",
        "Nord Bank=ORG|Hanse Gruppe=ORG", {"part_of(Nord Bank, Hanse Gruppe)"});
    row("joint venture", "Tata Steel and PGGM have formed a joint venture, Hoogovens Green, to build a plant.",
        "Tata Steel=ORG|PGGM=ORG|Hoogovens Green=ORG",
        {"founded(Tata Steel, Hoogovens Green)", "founded(PGGM, Hoogovens Green)"});
    // A merchant house is its firm; a partner in a firm is its member; "married young Mr. X".
    row("house of", "Ada Lowe was a clerk at the banking house of Pell and Grout.", "Ada Lowe=PER|Pell and Grout=ORG",
        {"works_for(Ada Lowe, Pell and Grout)"});
    row("partner in", "Ezra Combe is made a partner in the house of Lipp Brothers.", "Ezra Combe=PER|Lipp Brothers=ORG",
        {"member_of(Ezra Combe, Lipp Brothers)"});
    row("married young", "His daughter Harriet married young Mr. Pellew.", "Harriet=PER|Pellew=PER",
        {"spouse_of(Harriet, Pellew)"});
    // Where an organisation moved from and to; a superlative's plural ("among the oldest universities in").
    row("moved from to", "The University of Arda, which moved permanently from Lisba to Corda in 1537, grew.",
        "University of Arda=ORG|Lisba=LOC|Corda=LOC|1537=DATE",
        {"located_in(University of Arda, Lisba)", "located_in(University of Arda, Corda)"});
    row("among the oldest", "Vilna University is among the oldest universities in the Baltic states.",
        "Vilna University=ORG|Baltic states=LOC", {"located_in(Vilna University, Baltic states)"});
    // Births told the old way; "bare Abram a son" names the father, not a child.
    row("bare", "And Adah bare Jabal.", "Adah=PER|Jabal=PER", {"child_of(Jabal, Adah)"});
    row("she bare", "And Adam knew Eve his wife; and she conceived, and bare Cain.", "Adam=PER|Eve=PER|Cain=PER",
        {"spouse_of(Adam, Eve)", "child_of(Cain, Eve)"});
    row("bare a son and called", "And Leah conceived, and bare a son, and she called his name Reuben.",
        "Leah=PER|Reuben=PER", {"child_of(Reuben, Leah)"});
    row("bare him a son", "Hagar bare Abram a son.", "Hagar=PER|Abram=PER", {});
    row("unto X were born", "Unto Joseph were born Manasseh and Ephraim.", "Joseph=PER|Manasseh=PER|Ephraim=PER",
        {"child_of(Manasseh, Joseph)", "child_of(Ephraim, Joseph)"});
    row("had sons", "Jesse had eight sons: Eliab, Shammah and David.", "Jesse=PER|Eliab=PER|Shammah=PER|David=PER",
        {"child_of(Eliab, Jesse)", "child_of(Shammah, Jesse)", "child_of(David, Jesse)"});
    // A student is a member of the school; an employer named as the role's attribute; a founder
    // inside a relative clause; a central bank's governor leads it.
    row("studied at", "Ada Okafor studied law at the University of Ibada.", "Ada Okafor=PER|University of Ibada=ORG",
        {"member_of(Ada Okafor, University of Ibada)"});
    row("former employer", "Kim Su, a former Samsung engineer, left.", "Kim Su=PER|Samsung=ORG",
        {"works_for(Kim Su, Samsung)"});
    row("which X started", "Hanbit Labs, which Kim Su started in 2015, grew.", "Hanbit Labs=ORG|Kim Su=PER|2015=DATE",
        {"founded(Kim Su, Hanbit Labs)"});
    // "that" opens a relative clause as "which" does.
    row("that recorded", "It was the quartet Sorrel that recorded Long Night in Avalon for Tamber Records.",
        "Sorrel=ORG|Long Night in Avalon=MISC|Tamber Records=ORG", {"created(Sorrel, Long Night in Avalon)"});
    // A fronted participle of leading or owning names the agent's part in the first name after it.
    row("fronted led by", "Led by the violinist Ines Varga, the Tamber Quartet toured Chile.",
        "Ines Varga=PER|Tamber Quartet=ORG|Chile=LOC", {"leads(Ines Varga, Tamber Quartet)"});
    row("fronted owned by", "Owned by Kvarn Holdings since 2001, the Hotel Meridian reopened.",
        "Kvarn Holdings=ORG|2001=DATE|Hotel Meridian=ORG", {"owns(Kvarn Holdings, Hotel Meridian)"});
    // A place standing on something in a region lies in it; a lake shared by two countries lies in both.
    row("stands upon in", "Dunmore Tower stands upon a low hill in County Sligo.", "Dunmore Tower=LOC|County Sligo=LOC",
        {"located_in(Dunmore Tower, County Sligo)"});
    row("shared by", "Lake Varna, shared by Ardania and Belmor, is deep.", "Lake Varna=LOC|Ardania=LOC|Belmor=LOC",
        {"located_in(Lake Varna, Ardania)", "located_in(Lake Varna, Belmor)"});
    // What was agreed is said as done; a share taken of it is owned.
    row("agreed to take share", "Kvarn Air agreed in 2023 to take 41% of the regional carrier Tamber Air.",
        "Kvarn Air=ORG|2023=DATE|41%=PERCENT|Tamber Air=ORG", {"owns(Kvarn Air, Tamber Air)"});
    row("agreed to buy", "Vestor Group agreed to buy Kvarn Foods.", "Vestor Group=ORG|Kvarn Foods=ORG",
        {"acquired(Vestor Group, Kvarn Foods)"});
    // A fronted kinship says whose kin the first name after it is, past a place naming a trade.
    row("fronted kin", "A daughter of the Tallinn merchant Jaan Kask, the painter Liis Kask moved to Riga.",
        "Tallinn=LOC|Jaan Kask=PER|Liis Kask=PER|Riga=LOC", {"child_of(Liis Kask, Jaan Kask)"});
    // A country lies in no town: the words before it named something else.
    row("country in town", "The Institut national de France was founded in Paris.", "France=LOC|Paris=LOC", {});
    row("town in country", "The institute was founded in Lyon, France.", "Lyon=LOC|France=LOC",
        {"located_in(Lyon, France)"});
    // A band's line-up and a religious house have members.
    row("line-up of", "Ana Ruiz and Tom Berg made up the line-up of Kestrel.", "Ana Ruiz=PER|Tom Berg=PER|Kestrel=ORG",
        {"member_of(Ana Ruiz, Kestrel)", "member_of(Tom Berg, Kestrel)"});
    row("friar at", "Jan Novak, a Dominican friar at Holy Cross Priory, wrote it.",
        "Jan Novak=PER|Dominican=MISC|Holy Cross Priory=ORG", {"member_of(Jan Novak, Holy Cross Priory)"});
    // A people's or an order's adjective after an article is a word of the phrase, not a name.
    row("adjective in phrase", "Piet Smit, a Cistercian monk of Egmond Abbey, died.",
        "Piet Smit=PER|Cistercian=MISC|Egmond Abbey=ORG", {"member_of(Piet Smit, Egmond Abbey)"});
    // A seat in "the <people's> city of Y"; a base at an airport.
    row("seat in the city of", "Kvarn Aero has its legal seat in the Dutch city of Leiden.",
        "Kvarn Aero=ORG|Dutch=MISC|Leiden=LOC", {"headquartered_in(Kvarn Aero, Leiden)"});
    row("based at", "Tamber Air, based at Kofi Mensah Airport, grew.", "Tamber Air=ORG|Kofi Mensah Airport=LOC",
        {"headquartered_in(Tamber Air, Kofi Mensah Airport)"});
    // A list of objects goes on past a date after each.
    row("list past dates", "Kvarn Group purchased Tamber Labs in 2006 and Ostra Media in 2009.",
        "Kvarn Group=ORG|Tamber Labs=ORG|2006=DATE|Ostra Media=ORG|2009=DATE",
        {"acquired(Kvarn Group, Tamber Labs)", "acquired(Kvarn Group, Ostra Media)"});
    row("governor of", "Ravi Menon has served as governor of the Reserve Bank since 2018.",
        "Ravi Menon=PER|Reserve Bank=ORG|2018=DATE", {"leads(Ravi Menon, Reserve Bank)"});
    // A possessive apposition after a person; a stake is owned; a kind named before the agent;
    // a chief officer other than the executive works for the company.
    row("possessive apposition", "Ines Duarte, Kvarn's new chairwoman, took over.", "Ines Duarte=PER|Kvarn=ORG",
        {"leads(Ines Duarte, Kvarn)"});
    row("stake in", "Vestor holds a 30 percent stake in Kvarn.", "Vestor=ORG|30 percent=PERCENT|Kvarn=ORG",
        {"owns(Vestor, Kvarn)"});
    row("owned by the group", "Kvarn is owned by the investment group Vestor.", "Kvarn=ORG|Vestor=ORG",
        {"owns(Vestor, Kvarn)"});
    row("chief financial officer", "Ines Duarte was appointed chief financial officer of Kvarn.",
        "Ines Duarte=PER|Kvarn=ORG", {"works_for(Ines Duarte, Kvarn)"});
    // Plural kin after his/her take the list; a field between the role and its employer; "elected
    // to" without "the"; "is a Czech physicist who works at".
    row("survived by her daughters", "Mwangi is survived by her daughters Amani and Zawadi.",
        "Mwangi=PER|Amani=PER|Zawadi=PER", {"parent_of(Mwangi, Amani)", "parent_of(Mwangi, Zawadi)"});
    row("professor of a field at", "Otieno Ouma was appointed professor of economics at the University of Nairobi.",
        "Otieno Ouma=PER|University of Nairobi=ORG", {"works_for(Otieno Ouma, University of Nairobi)"});
    row("elected to", "Mwangi was elected to Parliament in 1997.", "Mwangi=PER|Parliament=ORG|1997=DATE",
        {"member_of(Mwangi, Parliament)"});
    row("is a physicist who works at", "Lukas Novak is a Czech physicist who works at CERN.",
        "Lukas Novak=PER|Czech=MISC|CERN=ORG", {"works_for(Lukas Novak, CERN)"});
    // The original author, a maintainer, the first version written.
    row("original author", "Ana Lima is the original author of Tessera.", "Ana Lima=PER|Tessera=MISC",
        {"created(Ana Lima, Tessera)"});
    row("maintainer of", "Lars Holm, the lead maintainer of Oro, left.", "Lars Holm=PER|Oro=MISC",
        {"created(Lars Holm, Oro)"});
    row("wrote the first version", "Ana Lima wrote the first version of Tessera in 2014.",
        "Ana Lima=PER|Tessera=MISC|2014=DATE", {"created(Ana Lima, Tessera)"});
    // What is inherited, goes to or belongs to someone is theirs; the owner of a thing; a ship's
    // captain leads it; a trading house's town is its home.
    row("inherited", "Tom Hart inherited Broadmere Hall.", "Tom Hart=PER|Broadmere Hall=LOC",
        {"owns(Tom Hart, Broadmere Hall)"});
    row("goes to", "The Orwell Yard goes to Trinity House.", "Orwell Yard=ORG|Trinity House=ORG",
        {"owns(Trinity House, Orwell Yard)"});
    row("owner of", "Jane Roe, the owner of the Bell Inn, died.", "Jane Roe=PER|Bell Inn=ORG",
        {"owns(Jane Roe, Bell Inn)"});
    row("captain of a ship", "Treloar was captain of the Lady Caroline.", "Treloar=PER|Lady Caroline=MISC",
        {"leads(Treloar, Lady Caroline)"});
    row("merchants of", "Brandt & Sohne, wool merchants of Bremen, wrote.", "Brandt & Sohne=ORG|Bremen=LOC",
        {"headquartered_in(Brandt & Sohne, Bremen)"});
    // Business prose: two offices after a possessive, a unit with a nationality, a founding year
    // before the town, a possessive headquarters, a town named as the company's attribute.
    row("founder and chairman", "Lumo's founder and chairman, Jonas Berg, owns it.", "Lumo=ORG|Jonas Berg=PER",
        {"founded(Jonas Berg, Lumo)", "leads(Jonas Berg, Lumo)"});
    row("unit with a nationality", "Halden Energy's Swedish unit, Halden Nord, was sold.",
        "Halden Energy=ORG|Swedish=MISC|Halden Nord=ORG", {"part_of(Halden Nord, Halden Energy)"});
    row("founded in a year in a town", "Brakka, founded in 2001 in Gothenburg, makes heat pumps.",
        "Brakka=ORG|2001=DATE|Gothenburg=LOC", {"located_in(Brakka, Gothenburg)"});
    row("possessive headquarters", "Brakka's headquarters are in Gothenburg.", "Brakka=ORG|Gothenburg=LOC",
        {"headquartered_in(Brakka, Gothenburg)"});
    row("town company", "The Gothenburg company Brakka was sold.", "Gothenburg=LOC|Brakka=ORG",
        {"headquartered_in(Brakka, Gothenburg)"});
    // A band's musician and a party's politician by their role; taking the helm; working as; years
    // spent at; a launch; a birth; a work by its maker, but not "written in X by" (the verb's agent).
    row("band role", "Queen guitarist Brian May met Ray Davies, the singer of the Kinks.",
        "Queen=ORG|Brian May=PER|Ray Davies=PER|Kinks=ORG",
        {"member_of(Brian May, Queen)", "member_of(Ray Davies, Kinks)"});
    row("party politician", "Fidesz MP Anna Kovacs spoke.", "Fidesz=ORG|Anna Kovacs=PER",
        {"member_of(Anna Kovacs, Fidesz)"});
    row("took the helm", "Stephen Elop took the helm at Nokia in 2010.", "Stephen Elop=PER|Nokia=ORG|2010=DATE",
        {"leads(Stephen Elop, Nokia)"});
    row("worked as", "Ana Ruiz worked as a software engineer at Ericsson.", "Ana Ruiz=PER|Ericsson=ORG",
        {"works_for(Ana Ruiz, Ericsson)"});
    row("spent years at", "Ola Berg spent six years at Spotify.", "Ola Berg=PER|Spotify=ORG",
        {"works_for(Ola Berg, Spotify)"});
    row("launched", "In 2004 Mark Zuckerberg launched Facebook.", "2004=DATE|Mark Zuckerberg=PER|Facebook=ORG",
        {"founded(Mark Zuckerberg, Facebook)"});
    row("gave birth", "Mary gave birth to Jesus.", "Mary=PER|Jesus=PER", {"parent_of(Mary, Jesus)"});
    row("work by", "She read Middlemarch, a novel by George Eliot, and Emma by Jane Austen.",
        "Middlemarch=MISC|George Eliot=PER|Emma=MISC|Jane Austen=PER",
        {"created(George Eliot, Middlemarch)", "created(Jane Austen, Emma)"});
    row("written in X by", "Shiori was written in OCaml by Haruto Mizuno and added to Coq by Ken Sato.",
        "Shiori=MISC|OCaml=MISC|Haruto Mizuno=PER|Coq=MISC|Ken Sato=PER", {"created(Haruto Mizuno, Shiori)"});
    // A ruler's or prelate's title of a place, the name's it stands next to; a country joins a union.
    row("title of a place", "Aldo Brun, the son of Ugo Brun, Duke of Varna, met Enzo Sala, Bishop of Calder.",
        "Aldo Brun=PER|Ugo Brun=PER|Varna=LOC|Enzo Sala=PER|Calder=LOC",
        {"child_of(Aldo Brun, Ugo Brun)", "leads(Ugo Brun, Varna)", "leads(Enzo Sala, Calder)"});
    row("country joined", "Denmark joined the Kalmar Union.", "Denmark=LOC|Kalmar Union=ORG",
        {"member_of(Denmark, Kalmar Union)"});
    row("had a son", "Tom Hale and Ann Hale had a son, Joe Hale.", "Tom Hale=PER|Ann Hale=PER|Joe Hale=PER",
        {"child_of(Joe Hale, Tom Hale)", "child_of(Joe Hale, Ann Hale)"});
    row("owned the estate of", "Colonel Brandon, a friend of John Middleton, owned the estate of Delaford.",
        "Brandon=PER|John Middleton=PER|Delaford=LOC", {"owns(Brandon, Delaford)"});
    row("engaged to", "Anne Elliot was engaged to Frederick Wentworth.", "Anne Elliot=PER|Frederick Wentworth=PER",
        {"spouse_of(Anne Elliot, Frederick Wentworth)"});
    row("founded in a year by a title", "Uppsala University was founded in 1477 by Archbishop Jakob Ulvsson.",
        "Uppsala University=ORG|1477=DATE|Jakob Ulvsson=PER", {"founded(Jakob Ulvsson, Uppsala University)"});
    row("constituent college", "Trinity College Dublin is the sole constituent college of the University of Dublin.",
        "Trinity College Dublin=ORG|University of Dublin=ORG",
        {"part_of(Trinity College Dublin, University of Dublin)"});
    // A person named as the kin of the one before sits in that one's apposition.
    row("the son of X reigned", "Saul the son of Kish reigned over Israel.", "Saul=PER|Kish=PER|Israel=LOC",
        {"child_of(Saul, Kish)", "leads(Saul, Israel)"});
    row("daughter of, sister of", "Aaron took Elisheba, daughter of Amminadab, sister of Naashon, to wife.",
        "Aaron=PER|Elisheba=PER|Amminadab=PER|Naashon=PER",
        {"spouse_of(Aaron, Elisheba)", "child_of(Elisheba, Amminadab)", "sibling_of(Elisheba, Naashon)"});
    row("took to wife", "And Boaz took Ruth, and she was his wife.", "Boaz=PER|Ruth=PER", {"spouse_of(Boaz, Ruth)"});
    row("took him to wife", "Aaron took him Elisheba, daughter of Amminadab, to wife.",
        "Aaron=PER|Elisheba=PER|Amminadab=PER", {"spouse_of(Aaron, Elisheba)", "child_of(Elisheba, Amminadab)"});
    // Board members, graduates and degrees are members.
    row("board member of", "Amina Yusuf, a board member of Kano Bank, resigned.", "Amina Yusuf=PER|Kano Bank=ORG",
        {"member_of(Amina Yusuf, Kano Bank)"});
    row("graduate of", "Amina Yusuf is a graduate of the University of Ibadan.",
        "Amina Yusuf=PER|University of Ibadan=ORG", {"member_of(Amina Yusuf, University of Ibadan)"});
    row("doctorate at", "Amina Yusuf earned her doctorate at the University of Ibadan.",
        "Amina Yusuf=PER|University of Ibadan=ORG", {"member_of(Amina Yusuf, University of Ibadan)"});
    row("daughter of a baron", "Wilhelmina, the elder daughter of Baron von Steinach, married.",
        "Wilhelmina=PER|von Steinach=PER", {"child_of(Wilhelmina, von Steinach)"});
    // A kind named after a determiner, before the name, is any word or two; a preposition is not.
    row("the sculptor", "Ilse Brandt was the elder sister of the sculptor Otto Brandt.",
        "Ilse Brandt=PER|Otto Brandt=PER", {"sibling_of(Ilse Brandt, Otto Brandt)"});
    row("the charity", "Jonas Lind founded the charity Clean Rivers Norway.", "Jonas Lind=PER|Clean Rivers Norway=ORG",
        {"founded(Jonas Lind, Clean Rivers Norway)"});
    row("the daughter of", "Ilse Brandt married the daughter of Otto Brandt.", "Ilse Brandt=PER|Otto Brandt=PER", {});
    row("for nine years as", "Karin Holm served for nine years as president of the Nordic Chess Federation.",
        "Karin Holm=PER|Nordic Chess Federation=ORG", {"leads(Karin Holm, Nordic Chess Federation)"});
    row("from 1994 to 1998", "Karin Holm was mayor of Aalborg from 1994 to 1998.",
        "Karin Holm=PER|Aalborg=LOC|1994=DATE|1998=DATE", {"leads(Karin Holm, Aalborg)"});
    row("led by Mayor", "Aalborg City Council, then led by Mayor Jonas Lind, approved the plan.",
        "Aalborg City Council=ORG|Jonas Lind=PER", {"leads(Jonas Lind, Aalborg City Council)"});
    // A captain plays for the club: a member (a ship's captain commands it).
    row("captains", "Mira Kovač captains Dinamo Split.", "Mira Kovač=PER|Dinamo Split=ORG",
        {"member_of(Mira Kovač, Dinamo Split)"});
    row("club captain", "Dinamo Split captain Mira Kovač scored twice.", "Dinamo Split=ORG|Mira Kovač=PER",
        {"member_of(Mira Kovač, Dinamo Split)"});
    // A company's officers and staff before a name: "chief" leads, a researcher works for it; a
    // designer of a work made it.
    row("company chief", "Kvarn chief Ingrid Solberg spoke.", "Kvarn=ORG|Ingrid Solberg=PER",
        {"leads(Ingrid Solberg, Kvarn)"});
    row("company researcher", "Kvarn researcher Ingrid Solberg spoke.", "Kvarn=ORG|Ingrid Solberg=PER",
        {"works_for(Ingrid Solberg, Kvarn)"});
    row("company designer", "Kvarn designer Ingrid Solberg spoke.", "Kvarn=ORG|Ingrid Solberg=PER",
        {"works_for(Ingrid Solberg, Kvarn)"});
    row("novel by", "Winter Harbour, a novel by Ingrid Solberg, sold well.", "Winter Harbour=MISC|Ingrid Solberg=PER",
        {"created(Ingrid Solberg, Winter Harbour)"});
    row("joins", "Ingrid Solberg joins Kvarn Energy in May.", "Ingrid Solberg=PER|Kvarn Energy=ORG|May=DATE",
        {"works_for(Ingrid Solberg, Kvarn Energy)"});
    // Plural kin share the relation across the list.
    row("possessive sons", "Olav Berg's sons, Anders and Nils, ran the farm.", "Olav Berg=PER|Anders=PER|Nils=PER",
        {"child_of(Anders, Olav Berg)", "child_of(Nils, Olav Berg)"});
    row("daughters of", "Kari and Siri, daughters of Olav Berg, ran the farm.", "Kari=PER|Siri=PER|Olav Berg=PER",
        {"child_of(Kari, Olav Berg)", "child_of(Siri, Olav Berg)"});
    row("member of the board of", "Ingrid Solberg is a member of the board of directors of Kvarn Energy.",
        "Ingrid Solberg=PER|Kvarn Energy=ORG", {"member_of(Ingrid Solberg, Kvarn Energy)"});
    row("Leader of", "Ian Jackson became the Leader of the Kvarn Project.", "Ian Jackson=PER|Kvarn Project=ORG",
        {"leads(Ian Jackson, Kvarn Project)"});
    row("possessor's apostrophe", "Zipporah, Moses' wife, went with him.", "Zipporah=PER|Moses=PER",
        {"spouse_of(Zipporah, Moses)"});
    // A household's servants and a master's clerks and apprentices work for them; the possessor
    // may keep a title.
    row("possessor's title", "Mr. Wemmick, Mr. Jaggers's clerk, lived at Walworth.",
        "Wemmick=PER|Jaggers=PER|Walworth=LOC", {"works_for(Wemmick, Jaggers)"});
    row("apprenticed to", "Pip was apprenticed to Joe Gargery.", "Pip=PER|Joe Gargery=PER",
        {"works_for(Pip, Joe Gargery)"});
    // A copula's noun phrase may carry the participle: "X is a company based in Y".
    row("is a company based in", "Kvarn Energy is a Norwegian company based in Bergen.",
        "Kvarn Energy=ORG|Norwegian=MISC|Bergen=LOC", {"headquartered_in(Kvarn Energy, Bergen)"});
    row("was a firm founded by", "Kvarn Labs was a firm founded by Lars Eide.", "Kvarn Labs=ORG|Lars Eide=PER",
        {"founded(Lars Eide, Kvarn Labs)"});
    row("work's designer", "Fortran designer John Backus spoke.", "Fortran=MISC|John Backus=PER",
        {"created(John Backus, Fortran)"});
    row("captained by", "Dinamo Split have been captained since 2019 by Mira Kovač.",
        "Dinamo Split=ORG|2019=DATE|Mira Kovač=PER", {"member_of(Mira Kovač, Dinamo Split)"});
    row("former defender", "Former Dinamo Split defender Ante Perić now coaches Hajduk.",
        "Dinamo Split=ORG|Ante Perić=PER|Hajduk=ORG",
        {"member_of(Ante Perić, Dinamo Split)", "works_for(Ante Perić, Hajduk)"});
    row("played tests for", "Sione Lau played forty tests for the Ikale Warriors.", "Sione Lau=PER|Ikale Warriors=ORG",
        {"member_of(Sione Lau, Ikale Warriors)"});
    row("secretary general", "Anders Berg became secretary general of the Arctic Council in 2020.",
        "Anders Berg=PER|Arctic Council=ORG|2020=DATE", {"leads(Anders Berg, Arctic Council)"});
    row("friar at", "Anselm Roe, a friar at Kilkenny Priory, kept bees.", "Anselm Roe=PER|Kilkenny Priory=ORG",
        {"member_of(Anselm Roe, Kilkenny Priory)"});
    row("one of the institutes of", "The Rowe Institute is one of the research institutes of the Baltic Academy.",
        "Rowe Institute=ORG|Baltic Academy=ORG", {"part_of(Rowe Institute, Baltic Academy)"});
    row("lectured in anatomy at", "Ruth Okoye lectured in veterinary anatomy at the University of Jos.",
        "Ruth Okoye=PER|University of Jos=ORG", {"works_for(Ruth Okoye, University of Jos)"});
    // An organisation that is created is founded; a work is created.
    row("agency created by", "The Coastal Agency, created by Anna Weiss in 1970, grew.",
        "Coastal Agency=ORG|Anna Weiss=PER|1970=DATE", {"founded(Anna Weiss, Coastal Agency)"});
    // A place or a possessor before a noun only describes it: the verb acts on the noun.
    row("the Bremen shipping firm", "Lena Voss inherited the Bremen shipping firm Voss & Co from her father.",
        "Lena Voss=PER|Bremen=LOC|Voss & Co=ORG",
        {"owns(Lena Voss, Voss & Co)", "headquartered_in(Voss & Co, Bremen)"});
    // An office named as a place's or an organisation's after "served as" is held there.
    row("served as X's prime minister", "Jan Kowal served as Poland's prime minister from 1991 to 1993.",
        "Jan Kowal=PER|Poland=LOC|1991=DATE|1993=DATE", {"leads(Jan Kowal, Poland)"});
    row("who served as X's finance minister", "Ada Obi, who twice served as Ghana's finance minister, spoke.",
        "Ada Obi=PER|Ghana=LOC", {"works_for(Ada Obi, Ghana)"});
    row("X's foreign minister, Y", "Latvia's foreign minister, Ivars Ozols, met reporters.",
        "Latvia=LOC|Ivars Ozols=PER", {"works_for(Ivars Ozols, Latvia)"});
    // "whose" is the name before it; "their" is a couple named before.
    row("whose daughter and whose son",
        "The club was founded by Sipho Dube, whose daughter Lindiwe became its "
        "director and whose son Themba coaches it.",
        "Sipho Dube=PER|Lindiwe=PER|Themba=PER", {"child_of(Lindiwe, Sipho Dube)", "child_of(Themba, Sipho Dube)"});
    row("their daughter", "Rua Tane married Mere Hohaia in 1970; their daughter Aroha teaches.",
        "Rua Tane=PER|Mere Hohaia=PER|1970=DATE|Aroha=PER",
        {"spouse_of(Rua Tane, Mere Hohaia)", "child_of(Aroha, Rua Tane)", "child_of(Aroha, Mere Hohaia)"});
    row("his wife, the chemist", "Omar Said of Cairo University and his wife, the chemist Laila Nour, taught.",
        "Omar Said=PER|Cairo University=ORG|Laila Nour=PER",
        {"works_for(Omar Said, Cairo University)", "spouse_of(Omar Said, Laila Nour)"});
    row("league side", "The Tanzanian Premier League side Mbeya Stars won.",
        "Tanzanian Premier League=ORG|Mbeya Stars=ORG", {"member_of(Mbeya Stars, Tanzanian Premier League)"});
    row("city side", "The Dodoma side Mbeya Stars won.", "Dodoma=LOC|Mbeya Stars=ORG",
        {"headquartered_in(Mbeya Stars, Dodoma)"});
    row("moved its headquarters from to", "The Arctic Union moved its headquarters from Tromsø to Bodø in 1990.",
        "Arctic Union=ORG|Tromsø=LOC|Bodø=LOC|1990=DATE",
        {"headquartered_in(Arctic Union, Tromsø)", "headquartered_in(Arctic Union, Bodø)"});
    row("whose secretariat is in", "Leaders of the Coral Forum, whose secretariat is in Apia, met.",
        "Coral Forum=ORG|Apia=LOC", {"headquartered_in(Coral Forum, Apia)"});
    row("meets in", "The Baltic Assembly meets in the Riga Castle.", "Baltic Assembly=ORG|Riga Castle=LOC",
        {"located_in(Baltic Assembly, Riga Castle)"});
    row("home matches at", "Mbeya Stars play their home matches at the Sokoine Stadium.",
        "Mbeya Stars=ORG|Sokoine Stadium=LOC", {"located_in(Mbeya Stars, Sokoine Stadium)"});
    row("re-elected president of", "Ana Lupu was re-elected president of Moldova.", "Ana Lupu=PER|Moldova=LOC",
        {"leads(Ana Lupu, Moldova)"});
    // A relative clause after a name is that name's, not the sentence subject's.
    row("whose headquarters, the name before",
        "The review Ostrava is now published by Vltava Media, whose "
        "headquarters are in Brno.",
        "Ostrava=ORG|Vltava Media=ORG|Brno=LOC",
        {"created(Vltava Media, Ostrava)", "headquartered_in(Vltava Media, Brno)"});
    row("trained at", "Lina Haddad, a surgeon trained at the Lebanese American University, set up a clinic.",
        "Lina Haddad=PER|Lebanese American University=ORG", {"member_of(Lina Haddad, Lebanese American University)"});
    row("by workers including", "Solidarność was founded in 1980 by shipyard workers including Lech Wałęsa.",
        "Solidarność=ORG|1980=DATE|Lech Wałęsa=PER", {"founded(Lech Wałęsa, Solidarność)"});
    row("on the orders of", "The Royal Observatory was established in 1675 on the orders of Charles II.",
        "Royal Observatory=ORG|1675=DATE|Charles II=PER", {"founded(Charles II, Royal Observatory)"});
    row("is founding", "Ida Berg is founding the Green Harbour Party.", "Ida Berg=PER|Green Harbour Party=ORG",
        {"founded(Ida Berg, Green Harbour Party)"});
    row("a founding member", "Ida Berg is a founding member of the Green Harbour Party.",
        "Ida Berg=PER|Green Harbour Party=ORG", {"member_of(Ida Berg, Green Harbour Party)"});
    row("born under another name", "Marie Dupont, born Maria Kowalska in Kraków, married Paul Dupont.",
        "Marie Dupont=PER|Maria Kowalska=PER|Kraków=LOC|Paul Dupont=PER",
        {"born_in(Marie Dupont, Kraków)", "spouse_of(Marie Dupont, Paul Dupont)"});
    row("a second site at", "The Rowe Institute also runs a second site at Meudon.", "Rowe Institute=ORG|Meudon=LOC",
        {"located_in(Rowe Institute, Meudon)"});
    row("the fourth district of", "Ujpest was founded in 1885 in the fourth district of Budapest.",
        "Ujpest=ORG|1885=DATE|Budapest=LOC", {"located_in(Ujpest, Budapest)"});
    row("ran the Pune office of", "Ravi Menon ran the Pune office of Tata Motors until 2001.",
        "Ravi Menon=PER|Pune=LOC|Tata Motors=ORG|2001=DATE",
        {"works_for(Ravi Menon, Tata Motors)", "located_in(Tata Motors, Pune)"});
    row("the club's marketing director", "Soweto Stars hired Thandi Mbeki, who became the club's marketing director.",
        "Soweto Stars=ORG|Thandi Mbeki=PER", {"works_for(Thandi Mbeki, Soweto Stars)"});
    row("a place's federation, the X",
        "Chile's football federation, the FFCH, has elected Rosa Díaz as its first "
        "female president.",
        "Chile=LOC|FFCH=ORG|Rosa Díaz=PER", {"headquartered_in(FFCH, Chile)", "leads(Rosa Díaz, FFCH)"});
    row("partner at", "Ama Owusu, a senior partner at the firm Bentsi & Ofori, spoke.",
        "Ama Owusu=PER|Bentsi & Ofori=ORG", {"member_of(Ama Owusu, Bentsi & Ofori)"});
    row("left for", "Ana Souza left Lexvia in 2019 to become general counsel at Vale.",
        "Ana Souza=PER|Lexvia=ORG|2019=DATE|Vale=ORG", {"works_for(Ana Souza, Lexvia)", "works_for(Ana Souza, Vale)"});
    row("the X's commissioner", "Greta Lund, then the EU's competition commissioner, spoke.", "Greta Lund=PER|EU=ORG",
        {"works_for(Greta Lund, EU)"});
    row("formed", "Wole Adeyemi formed the Ibadan Players in 1962.", "Wole Adeyemi=PER|Ibadan Players=ORG|1962=DATE",
        {"founded(Wole Adeyemi, Ibadan Players)"});
    row("opened", "Sandro Berti opened the Albergo Gabbiano in 1950.",
        "Sandro Berti=PER|Albergo Gabbiano=ORG|1950=DATE", {"founded(Sandro Berti, Albergo Gabbiano)"});
    row("the court's chief justice", "The ruling was written by Asha Rao, who later became the court's chief justice.",
        "Asha Rao=PER", {});
    row("running the business of", "Nikhil Roy is running the bond business of Lonmark.", "Nikhil Roy=PER|Lonmark=ORG",
        {"works_for(Nikhil Roy, Lonmark)"});
    row("the island of", "The Seychelles island of La Digue lies near Praslin.",
        "Seychelles=LOC|La Digue=LOC|Praslin=LOC", {"located_in(La Digue, Seychelles)"});
    row("the district of", "The club began in the Kadıköy district of Istanbul.", "Kadıköy=LOC|Istanbul=LOC",
        {"located_in(Kadıköy, Istanbul)"});
    row("a possessor of a name", "The telescope stands on Cerro Tololo in Chile's Atacama Desert.",
        "Cerro Tololo=LOC|Chile=LOC|Atacama Desert=LOC",
        {"located_in(Cerro Tololo, Atacama Desert)", "located_in(Atacama Desert, Chile)"});
    row("controlled by", "Fjordline, controlled since 2015 by Tor Capital, sails daily.",
        "Fjordline=ORG|2015=DATE|Tor Capital=ORG", {"owns(Tor Capital, Fjordline)"});
    row("legal seat", "Aerion has its legal seat in Leiden.", "Aerion=ORG|Leiden=LOC",
        {"headquartered_in(Aerion, Leiden)"});
    row("chairs the X's committee", "Lena Voss chairs the Bundestag's budget committee.", "Lena Voss=PER|Bundestag=ORG",
        {});
}

void TstRelationExtractor::typedRelations()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    QFETCH(QStringList, expected);
    const QList<Mention> list = mentionsIn(text, mentions);
    const QList<RelationMention> relations = RelationExtractor().extract(text, list);
    QCOMPARE(describeTyped(list, relations), expected);
    QVERIFY(noDuplicatesAndSorted(list, relations));
    for (const RelationMention &r : relations) {
        QCOMPARE(r.sentenceStart, 0);
        QCOMPARE(r.sentenceEnd, text.size());
        QCOMPARE(r.trigger.isEmpty(), r.type == RelationType::CoOccurs);
    }
}

void TstRelationExtractor::crossSentencePairsAreNeverRelated()
{
    const QString text = QStringLiteral("Grace Hopper was a pioneer. Remington Rand hired many people.");
    const QList<Mention> list = mentionsIn(text, QStringLiteral("Grace Hopper=PER|Remington Rand=ORG"));
    QVERIFY(RelationExtractor().extract(text, list).isEmpty());
}

void TstRelationExtractor::evidenceIsTheExactSentence()
{
    const QString text = QStringLiteral("Computing has a history.  Grace Hopper worked for Remington Rand.\n"
                                        "Microsoft acquired GitHub. Alan Turing was born in London.");
    const QList<Mention> list = mentionsIn(
        text,
        QStringLiteral("Grace Hopper=PER|Remington Rand=ORG|Microsoft=ORG|GitHub=ORG|Alan Turing=PER|London=LOC"));
    const QList<RelationMention> relations = RelationExtractor().extract(text, list);
    QCOMPARE(describeTyped(list, relations),
             QStringList({"works_for(Grace Hopper, Remington Rand)", "acquired(Microsoft, GitHub)",
                          "born_in(Alan Turing, London)"}));
    QCOMPARE(relations.size(), 3);
    const QStringList sentences = {QStringLiteral("Grace Hopper worked for Remington Rand."),
                                   QStringLiteral("Microsoft acquired GitHub."),
                                   QStringLiteral("Alan Turing was born in London.")};
    for (int i = 0; i < 3; ++i) {
        const RelationMention &r = relations.at(i);
        QCOMPARE(text.mid(r.sentenceStart, r.sentenceEnd - r.sentenceStart), sentences.at(i));
        QVERIFY(r.sentenceStart <= list.at(r.subject).start && list.at(r.object).end <= r.sentenceEnd);
    }
}

void TstRelationExtractor::titlesAndMentionsDoNotSplitSentences()
{
    const QString text = QStringLiteral("Dr. Grace M. Hopper worked for Remington Rand Inc. in 1949.");
    QCOMPARE(RelationExtractor::sentenceSpans(text, {}).size(), 1);
    const QList<Mention> list = mentionsIn(text, QStringLiteral("Grace M. Hopper=PER|Remington Rand Inc.=ORG"));
    const QList<RelationMention> relations = RelationExtractor().extract(text, list);
    QCOMPARE(describeTyped(list, relations), QStringList({"works_for(Grace M. Hopper, Remington Rand Inc.)"}));
    QCOMPARE(relations.first().sentenceEnd, text.size());
}

void TstRelationExtractor::coOccurrenceLinksEveryUnrelatedPair()
{
    const QString text = QStringLiteral("Alice Smith met Bob Jones and Carol White in Paris.");
    const QList<Mention> list =
        mentionsIn(text, QStringLiteral("Alice Smith=PER|Bob Jones=PER|Carol White=PER|Paris=LOC"));
    const QList<RelationMention> relations = RelationExtractor().extract(text, list);
    QCOMPARE(relations.size(), 6);
    QCOMPARE(countOf(relations, RelationType::CoOccurs), 6);
    std::set<std::pair<int, int>> pairs;
    for (const RelationMention &r : relations) {
        QVERIFY(list.at(r.subject).start < list.at(r.object).start); // subject is the earlier one
        QVERIFY(r.trigger.isEmpty());
        pairs.insert({r.subject, r.object});
    }
    QCOMPARE(pairs.size(), size_t(6));
    QVERIFY(noDuplicatesAndSorted(list, relations));
}

void TstRelationExtractor::coOccurrenceSkipsTypedPairsAndValues()
{
    const QString text = QStringLiteral("Microsoft acquired GitHub for $7.5 billion on June 4, 2018, in Redmond.");
    const QList<Mention> list =
        mentionsIn(text, QStringLiteral("Microsoft=ORG|GitHub=ORG|$7.5 billion=MONEY|June 4, 2018=DATE|Redmond=LOC"));
    const QList<RelationMention> relations = RelationExtractor().extract(text, list);
    // acquired(Microsoft, GitHub) is typed, so no co_occurs for it; money and date join nothing.
    QCOMPARE(describeTyped(list, relations), QStringList({"acquired(Microsoft, GitHub)"}));
    QCOMPARE(countOf(relations, RelationType::CoOccurs), 2); // Microsoft-Redmond, GitHub-Redmond
    for (const RelationMention &r : relations) {
        QVERIFY(list.at(r.subject).type != EntityType::Money && list.at(r.subject).type != EntityType::Date);
        QVERIFY(list.at(r.object).type != EntityType::Money && list.at(r.object).type != EntityType::Date);
    }
    // The same name twice is not a pair.
    const QString twice = QStringLiteral("Apple sued Apple.");
    QVERIFY(RelationExtractor().extract(twice, mentionsIn(twice, QStringLiteral("Apple=ORG|Apple=ORG"))).isEmpty());
}

void TstRelationExtractor::coOccurrenceIsCappedNearestFirst()
{
    QString text = QStringLiteral("The guests were ");
    QStringList spec;
    for (int i = 0; i < 200; ++i) {
        const QString name = QStringLiteral("Person%1").arg(i, 3, 10, QLatin1Char('0'));
        text += name + (i < 199 ? QStringLiteral(", ") : QStringLiteral("."));
        spec.append(name + QStringLiteral("=PER"));
    }
    text += QStringLiteral(" Alice Smith met Bob Jones.");
    spec.append(QStringLiteral("Alice Smith=PER|Bob Jones=PER"));
    const QList<Mention> list = mentionsIn(text, spec.join(u'|'));

    const QList<RelationMention> relations = RelationExtractor().extract(text, list);
    QCOMPARE(relations.size(), RelationExtractor::defaultMaxCoOccurrencesPerSentence + 1);
    QCOMPARE(describe(list, relations.last()), QStringLiteral("co_occurs(Alice Smith, Bob Jones)"));

    const QList<RelationMention> capped = RelationExtractor(3).extract(text, list);
    QCOMPARE(capped.size(), 4);
    for (int i = 0; i < 3; ++i) { // adjacent names first
        QCOMPARE(capped.at(i).subject, i);
        QCOMPARE(capped.at(i).object, i + 1);
    }
    QVERIFY(noDuplicatesAndSorted(list, relations));
}

void TstRelationExtractor::invalidMentionsAreIgnored()
{
    const QString text = QStringLiteral("Microsoft acquired GitHub.");
    QList<Mention> list = mentionsIn(text, QStringLiteral("Microsoft=ORG|GitHub=ORG"));
    list.append({EntityType::Organization, 20, 500, QStringLiteral("beyond"), 1.0});
    list.append({EntityType::Organization, 5, 5, QString(), 1.0});
    const QList<RelationMention> relations = RelationExtractor().extract(text, list);
    QCOMPARE(describeTyped(list, relations), QStringList({"acquired(Microsoft, GitHub)"}));
    QCOMPARE(relations.size(), 1);
    QVERIFY(RelationExtractor().extract(QString(), {}).isEmpty());
}

void TstRelationExtractor::cancelledTokenThrows()
{
    const QString text = QStringLiteral("Microsoft acquired GitHub.");
    const QList<Mention> list = mentionsIn(text, QStringLiteral("Microsoft=ORG|GitHub=ORG"));
    CancellationSource source;
    QCOMPARE(RelationExtractor().extract(text, list, source.token()).size(), 1);
    source.cancel();
    QVERIFY_THROWS_EXCEPTION(CancelledError, RelationExtractor().extract(text, list, source.token()));
}

void TstRelationExtractor::sharedAcrossThreads()
{
    const QString text =
        QStringLiteral("Steve Jobs co-founded Apple with Steve Wozniak. GitHub was acquired by Microsoft.");
    const QList<Mention> list =
        mentionsIn(text, QStringLiteral("Steve Jobs=PER|Apple=ORG|Steve Wozniak=PER|GitHub=ORG|Microsoft=ORG"));
    const RelationExtractor extractor;
    const QStringList expected = describeTyped(list, extractor.extract(text, list));
    QCOMPARE(expected.size(), 3);
    std::vector<std::thread> threads;
    std::atomic<int> mismatches = 0;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 100; ++i)
                if (describeTyped(list, extractor.extract(text, list)) != expected)
                    ++mismatches;
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(mismatches.load(), 0);
}

// "She" and "it" opening a sentence go on about the last sentence's person or organisation; the
// evidence is the pronoun's sentence.
void TstRelationExtractor::aPronounContinuesTheLastSubject()
{
    const QString text =
        QStringLiteral("Ewa Lis was born in Tarnow. She later founded Norvale. It was sold to Dunmore. "
                       "Ana Ruiz met Tom Reyes. He joined Kell.");
    const QList<Mention> list = mentionsIn(
        text, QStringLiteral("Ewa Lis=PER|Tarnow=LOC|Norvale=ORG|Dunmore=ORG|Ana Ruiz=PER|Tom Reyes=PER|Kell=ORG"));
    const QList<RelationMention> relations = RelationExtractor().extract(text, list);
    // "It" is not Ewa Lis (a person); "He" is Ana Ruiz, the last sentence's subject.
    QCOMPARE(describeTyped(list, relations),
             (QStringList{"born_in(Ewa Lis, Tarnow)", "founded(Ewa Lis, Norvale)", "works_for(Ana Ruiz, Kell)"}));
    for (const RelationMention &r : relations) {
        if (r.type == RelationType::Founded)
            QCOMPARE(text.mid(r.sentenceStart, r.sentenceEnd - r.sentenceStart),
                     QStringLiteral("She later founded Norvale."));
    }
}

// The table's patterns are asserted valid only in debug builds; a broken one would match nothing.
void TstRelationExtractor::everyPatternIsValid()
{
    QVERIFY(relationPatterns().size() > 40);
    for (const RelationPattern &pattern : relationPatterns())
        QVERIFY2(pattern.regex.isValid(), qPrintable(pattern.regex.errorString() + u' ' + pattern.regex.pattern()));
    QVERIFY(coordinationSeparator().isValid());
    QVERIFY(withPartner().isValid());
}

// A pattern skipped because its trigger words are not in the gap could not have matched there:
// every gap between annotated names of the evaluation sentences, against every pattern.
void TstRelationExtractor::triggerPrefilterNeverRejectsAMatch()
{
    int gaps = 0, matches = 0, skipped = 0;
    for (const char *name :
         {"data/extraction-eval.jsonl", "data/extraction-genres.jsonl", "data/extraction-fresh.jsonl",
          "data/extraction-unseen.jsonl", "data/extraction-round4.jsonl", "data/extraction-round5.jsonl",
          "data/extraction-round6.jsonl"}) {
        QFile file(QFINDTESTDATA(name));
        QVERIFY2(file.open(QIODevice::ReadOnly), name);
        while (!file.atEnd()) {
            const QJsonObject sample = QJsonDocument::fromJson(file.readLine()).object();
            const QString text = sample.value(u"text").toString();
            QList<std::pair<qsizetype, qsizetype>> spans;
            for (const QJsonValue &entity : sample.value(u"entities").toArray()) {
                const QString surface = entity.toArray().at(0).toString();
                for (qsizetype at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1))
                    spans.append({at, at + surface.size()});
            }
            std::sort(spans.begin(), spans.end());
            for (qsizetype i = 0; i < spans.size(); ++i) {
                for (qsizetype j = i + 1; j < spans.size() && j <= i + 4; ++j) {
                    if (spans[j].first < spans[i].second)
                        continue;
                    QString gap;
                    qsizetype cursor = spans[i].second;
                    for (qsizetype k = i + 1; k < j; ++k) {
                        if (spans[k].first < cursor)
                            continue;
                        gap += QStringView(text).mid(cursor, spans[k].first - cursor);
                        gap += nodePlaceholder;
                        cursor = spans[k].second;
                    }
                    gap += QStringView(text).mid(cursor, spans[j].first - cursor);
                    gap = gap.toLower();
                    ++gaps;
                    for (const RelationPattern &pattern : relationPatterns()) {
                        const bool matched = pattern.regex.match(gap).hasMatch();
                        const bool may = pattern.mayMatch(gap);
                        QVERIFY2(!matched || may, qPrintable(gap + QStringLiteral(" | ") + pattern.trigger.pattern()));
                        matches += matched ? 1 : 0;
                        skipped += may ? 0 : 1;
                    }
                }
            }
        }
    }
    QVERIFY(gaps > 3000);
    QVERIFY(matches > 200);  // the patterns do match these gaps
    QVERIFY(skipped > gaps); // and most patterns are skipped on most of them
}

GW_TEST_MAIN(TstRelationExtractor)
#include "tst_relationextractor.moc"
