// The ASCII sentence splitter must report exactly QTextBoundaryFinder's Sentence boundaries:
// relation evidence spans depend on them. Every check compares the two paths on one text.
#include "testmain.h"

#include "extract/sentencesplitter.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <random>

using namespace gw;

class TstSentenceSplitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void trickyCases_data();
    void trickyCases();
    void everyAsciiCharacterInContext();
    void allShortStrings();
    void randomStrings();
    void sampleDocuments();
    void annotatedSentences();
    void nonAsciiFallsBack();
};

namespace {

// Empty when equal, else both lists and the text, for the failure message.
QString mismatch(const QString &text)
{
    QList<qsizetype> fast;
    if (!asciiSentenceBoundaries(text, fast))
        return QStringLiteral("fast path refused an ASCII text: %1").arg(text);
    const QList<qsizetype> reference = finderSentenceBoundaries(text);
    if (fast == reference && sentenceBoundaries(text) == reference)
        return QString();
    const auto join = [](const QList<qsizetype> &list) {
        QStringList parts;
        for (qsizetype p : list)
            parts.append(QString::number(p));
        return parts.join(u',');
    };
    return QStringLiteral("fast [%1] finder [%2] in \"%3\"").arg(join(fast), join(reference), text);
}

#define COMPARE_BOUNDARIES(text) \
    do { \
        const QString failure = mismatch(text); \
        QVERIFY2(failure.isEmpty(), qPrintable(failure)); \
    } while (false)

// Non-ASCII characters dropped, so that the fast path also sees the documents that have a few.
QString asciiOnly(const QString &text)
{
    QString result;
    result.reserve(text.size());
    for (QChar c : text)
        if (c.unicode() < 0x80)
            result.append(c);
    return result;
}

// The whole text, then windows of it starting anywhere (chunks start mid-sentence).
void compareWithWindows(const QString &text)
{
    COMPARE_BOUNDARIES(text);
    for (qsizetype from = 0; from < text.size(); from += 397)
        COMPARE_BOUNDARIES(text.mid(from, 1000));
}

// One character of each Sentence_Break class found in ASCII, two lower-case letters (the
// machine counts them), and a symbol of class Any.
const QString representatives = QStringLiteral("ab1.!,\" \n\r#X");

} // namespace

void TstSentenceSplitter::trickyCases_data()
{
    QTest::addColumn<QString>("text");
    const char *const cases[] = {
        "",
        ".",
        "Hello world.",
        "Hello world. Next one.",
        "Dr. Smith went home. He slept.",
        "Mr. and Mrs. Jones met Prof. X. Lee at St. Paul's.",
        "We use abbreviations, e.g. this one, and i.e. that one. Then more.",
        "e.g., the case. i.e.: the other",
        "Pi is 3.14 and e is 2.718. Next.",
        "Version 1.2.3 shipped. The next is 2.0.",
        "Wait... what? Really...  Yes.",
        "He said \"Stop.\" Then he left.",
        "He said \"Stop.\"  then he left.",
        "She asked 'why?' and left. Then 'no!' He ran.",
        "Really?! Yes!? No?? Fine!!",
        "Line one\nLine two\r\nLine three\rLine four\n\nParagraph.",
        "Ends with newline.\n",
        "Multiple   spaces.    Here.\t\tTabs.\fFormfeed.\vVtab.",
        "(Parenthesised sentence.) Another one. (And [nested {brackets}].) Done.",
        "The U.S. government and the U.K. agreed. A.B.C. Corp. was there.",
        "lowercase after period. like this. and this.",
        "Mixed Case. lower. UPPER. 123. (456) end.",
        "Numbers: 1. 2. 3. Items. a. b. c.",
        "URL www.example.com and mail a.b@c.d are here. Ok.",
        "Hyphen. - dash - and: colon. ; semi; Done.",
        "Odd ab. Cd. abc. Def. AB. Gh. A. Bc.",
        "Quote.\" Next. Quote.' next. Paren.) Next. Paren.)next.",
        "Term!) Next. Term!\" next. Term! 1 more. Term!, more.",
        ". . . ! ? ... ?!?",
        "Tail with dot and spaces.   ",
        "a.\n b.\r\nC.",
        "#hash. @at. $5. 100%. _under. ~tilde. `tick`. Next.",
        "End. 12 apples. End. 12 Apples. End. #1 fan.",
        "Start.\"(\" lower. Start.\"(\" Upper.",
        "Control\x01"
        "chars.\x02 Next.\x1f Last.\x7f Del.",
    };
    int row = 0;
    for (const char *text : cases)
        QTest::addRow("%d", row++) << QString::fromLatin1(text);
}

void TstSentenceSplitter::trickyCases()
{
    QFETCH(QString, text);
    COMPARE_BOUNDARIES(text);
}

// Every ASCII character, between and after the characters whose rules differ: proves each
// character's class, not only the classes of the letters and punctuation used elsewhere.
void TstSentenceSplitter::everyAsciiCharacterInContext()
{
    const QStringList prefixes = {QString(), QStringLiteral("Ab."), QStringLiteral("x! "), QStringLiteral("ab.) ")};
    const QStringList suffixes = {QString(), QStringLiteral(" b"), QStringLiteral("Z")};
    for (char16_t c = 0; c < 0x80; ++c) {
        const QString alphabet = representatives + QChar(c);
        const qsizetype k = alphabet.size();
        for (qsizetype i = 0; i < k * k * k; ++i) {
            QString middle;
            for (qsizetype v = i; middle.size() < 3; v /= k)
                middle.append(alphabet.at(v % k));
            if (!middle.contains(QChar(c)))
                continue;
            for (const QString &prefix : prefixes)
                for (const QString &suffix : suffixes)
                    COMPARE_BOUNDARIES(prefix + middle + suffix);
        }
    }
}

// Every string of up to five representatives: all short sequences of the rules' classes.
void TstSentenceSplitter::allShortStrings()
{
    const qsizetype k = representatives.size();
    qsizetype total = 1;
    for (int length = 1; length <= 5; ++length) {
        total *= k;
        for (qsizetype i = 0; i < total; ++i) {
            QString text;
            for (qsizetype v = i; text.size() < length; v /= k)
                text.append(representatives.at(v % k));
            COMPARE_BOUNDARIES(text);
        }
    }
}

void TstSentenceSplitter::randomStrings()
{
    std::mt19937 random(20240611); // fixed: a failure must reproduce
    // Mostly letters, spaces and sentence punctuation, sometimes any ASCII character.
    const QString common = QStringLiteral("aaaeeiotnsBCDTMX  ..!?,:-\"'()[]{}\n\r\t0123456789;#&/");
    std::uniform_int_distribution<int> length(1, 80);
    std::uniform_int_distribution<int> percent(0, 99);
    std::uniform_int_distribution<int> pickCommon(0, int(common.size()) - 1);
    std::uniform_int_distribution<int> pickAscii(0, 0x7f);
    for (int n = 0; n < 200000; ++n) {
        QString text;
        for (int i = length(random); i > 0; --i)
            text.append(percent(random) < 90 ? common.at(pickCommon(random)) : QChar(char16_t(pickAscii(random))));
        COMPARE_BOUNDARIES(text);
    }
}

void TstSentenceSplitter::sampleDocuments()
{
    const QDir folder(QFINDTESTDATA("../../resources/samples"));
    QVERIFY(folder.exists());
    const QStringList names =
        folder.entryList({QStringLiteral("*.txt"), QStringLiteral("*.md"), QStringLiteral("*.html"),
                          QStringLiteral("*.csv"), QStringLiteral("*.json")},
                         QDir::Files);
    QVERIFY(names.size() >= 5);
    for (const QString &name : names) {
        QFile file(folder.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = asciiOnly(QString::fromUtf8(file.readAll()));
        QVERIFY(text.size() > 100);
        compareWithWindows(text);
    }
}

void TstSentenceSplitter::annotatedSentences()
{
    QFile file(QFINDTESTDATA("data/extraction-eval.jsonl"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString all;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QString text = asciiOnly(QJsonDocument::fromJson(line).object().value(QLatin1String("text")).toString());
        COMPARE_BOUNDARIES(text);
        all += text + u' ';
    }
    QVERIFY(all.size() > 1000);
    compareWithWindows(all);
}

void TstSentenceSplitter::nonAsciiFallsBack()
{
    const QStringList texts = {QStringLiteral("Caf\u00e9. Na\u00efve."),
                               QStringLiteral("He said \u201cStop.\u201d Then left."),
                               QStringLiteral("One\u2029Two. Three\u2026 four."), QStringLiteral("Ends in \u00e9")};
    for (const QString &text : texts) {
        QList<qsizetype> fast;
        QVERIFY(!asciiSentenceBoundaries(text, fast));
        QCOMPARE(sentenceBoundaries(text), finderSentenceBoundaries(text));
    }
}

GW_TEST_MAIN(TstSentenceSplitter)
#include "tst_sentencesplitter.moc"
