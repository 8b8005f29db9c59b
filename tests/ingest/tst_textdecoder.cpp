#include "ingest/textdecoder.h"

#include "testmain.h"

#include <QStringEncoder>

using namespace gw;

namespace {
const QString sample = QStringLiteral("Café déjà vu – naïve “quotes”");
// Long enough for uchardet's statistics: French prose with accents and typographic quotes.
QString frenchProse()
{
    return QStringLiteral("Le café était déjà fermé quand nous sommes arrivés à la gare. « Quelle idée », "
                          "dit-elle, « de venir si tard ! » Nous avons marché le long des quais, près de "
                          "l’église Saint-Étienne, où un garçon jouait du violon. L’été touchait à sa fin ; "
                          "les feuilles des platanes commençaient à tomber, et l’on sentait déjà la fraîcheur "
                          "de l’automne. Elle m’a raconté son voyage en Grèce, les îles, la mer très bleue, "
                          "les dîners en plein air et les longues soirées sur la plage. ")
        .repeated(4);
}
QByteArray encode(const char *codec, const QString &text)
{
    QStringEncoder encoder(codec);
    Q_ASSERT(encoder.isValid());
    return encoder.encode(text);
}
} // namespace

class TestTextDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void utf8()
    {
        QString name;
        QCOMPARE(TextDecoder::decode(sample.toUtf8(), &name), sample);
        QCOMPARE(name, u"UTF-8"_qs);
        QCOMPARE(TextDecoder::decode("plain ascii", &name), u"plain ascii"_qs);
        QCOMPARE(name, u"UTF-8"_qs);
        QCOMPARE(TextDecoder::decode(QByteArray(), &name), QString());
    }

    void utf8Bom()
    {
        QString name;
        QCOMPARE(TextDecoder::decode("\xEF\xBB\xBF" + sample.toUtf8(), &name), sample);
        QCOMPARE(name, u"UTF-8"_qs);
    }

    void utf16WithBom()
    {
        QString name;
        QCOMPARE(TextDecoder::decode(encode("UTF-16LE", QChar(0xFEFF) + sample), &name), sample);
        QCOMPARE(name, u"UTF-16LE"_qs);
        QCOMPARE(TextDecoder::decode(encode("UTF-16BE", QChar(0xFEFF) + sample), &name), sample);
        QCOMPARE(name, u"UTF-16BE"_qs);
        const QString emoji = QStringLiteral("emoji \U0001F600 ok");
        QCOMPARE(TextDecoder::decode(encode("UTF-16LE", QChar(0xFEFF) + emoji)), emoji);
    }

    void utf32WithBom()
    {
        QString name;
        QCOMPARE(TextDecoder::decode(encode("UTF-32LE", QChar(0xFEFF) + sample), &name), sample);
        QCOMPARE(name, u"UTF-32LE"_qs);
        QCOMPARE(TextDecoder::decode(encode("UTF-32BE", QChar(0xFEFF) + sample), &name), sample);
        QCOMPARE(name, u"UTF-32BE"_qs);
    }

    void windows1252()
    {
        const QString text = sample + u' ' + frenchProse();
        QString name;
        QCOMPARE(TextDecoder::decode(encode("windows-1252", text), &name), text);
        QCOMPARE(name, u"windows-1252"_qs);
        // Short text: uchardet may not be sure, the fallback still reads it right.
        QCOMPARE(TextDecoder::decode(encode("windows-1252", sample)), sample);
    }

    void latin1()
    {
        // Latin-1 cannot hold the dash and curly quotes: an accent-only sample.
        const QString text = QStringLiteral("Café déjà vu, naïve garçon à l'été. ").repeated(20);
        QString name;
        QCOMPARE(TextDecoder::decode(text.toLatin1(), &name), text);
        QVERIFY2(!name.isEmpty(), qPrintable(name));
    }

    void otherEncodingsViaUchardet()
    {
        const QString russian =
            QStringLiteral("Съешь же ещё этих мягких французских булок да выпей чаю. Широкая электрификация "
                           "южных губерний даст мощный толчок подъёму сельского хозяйства. ")
                .repeated(6);
        QString name;
        QCOMPARE(TextDecoder::decode(encode("windows-1251", russian), &name), russian);
        QVERIFY2(name.contains(u"1251"), qPrintable(name));
    }

    void declaredCharsetWhenNotUtf8()
    {
        const QByteArray bytes = encode("windows-1252", sample);
        QString name;
        QCOMPARE(TextDecoder::decode(bytes, "iso-8859-1", &name), sample); // read as its superset
        QCOMPARE(name, u"windows-1252"_qs);
        // Valid UTF-8 wins over a wrong declaration.
        QCOMPARE(TextDecoder::decode(sample.toUtf8(), "windows-1252", &name), sample);
        QCOMPARE(name, u"UTF-8"_qs);
        // An unknown declaration is ignored.
        QCOMPARE(TextDecoder::decode(bytes, "no-such-charset", &name), sample);
    }

    void windows1252Table()
    {
        QCOMPARE(TextDecoder::decodeWindows1252("\x80\x93\x94\x96\xE9\x81"),
                 QString::fromUtf16(u"\u20AC\u201C\u201D\u2013\u00E9\u0081"));
    }

    void invalidUtf8NeverFails()
    {
        const QByteArray truncated = QByteArray("abc \xE2\x82", 6); // cut inside a sequence
        QVERIFY(!TextDecoder::decode(truncated).isEmpty());
    }
};

GW_TEST_MAIN(TestTextDecoder)
#include "tst_textdecoder.moc"
