#include "htmlentities.h"

#include "textdecoder.h"

#include <QHash>

namespace gw {

namespace {

// Code points 160..255 in order: the Latin-1 entities.
constexpr const char *latin1Names[96] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",   "ordf",
    "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",
    "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave",
    "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",
    "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",
    "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute",
    "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave",
    "iacute", "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml",
};

// Greek capitals from 913 (930 is unassigned) and small letters from 945.
constexpr const char *greekNames[25] = {
    "alpha", "beta",   "gamma",   "delta", "epsilon", "zeta",    "eta",   "theta", "iota",
    "kappa", "lambda", "mu",      "nu",    "xi",      "omicron", "pi",    "rho",   "sigmaf",
    "sigma", "tau",    "upsilon", "phi",   "chi",     "psi",     "omega",
};

struct NamedEntity
{
    const char *name;
    char32_t codePoint;
};
constexpr NamedEntity otherNames[] = {
    {"quot", 34},     {"amp", 38},      {"apos", 39},     {"lt", 60},       {"gt", 62},       {"OElig", 338},
    {"oelig", 339},   {"Scaron", 352},  {"scaron", 353},  {"Yuml", 376},    {"fnof", 402},    {"circ", 710},
    {"tilde", 732},   {"ensp", 8194},   {"emsp", 8195},   {"thinsp", 8201}, {"zwnj", 8204},   {"zwj", 8205},
    {"lrm", 8206},    {"rlm", 8207},    {"ndash", 8211},  {"mdash", 8212},  {"lsquo", 8216},  {"rsquo", 8217},
    {"sbquo", 8218},  {"ldquo", 8220},  {"rdquo", 8221},  {"bdquo", 8222},  {"dagger", 8224}, {"Dagger", 8225},
    {"bull", 8226},   {"hellip", 8230}, {"permil", 8240}, {"prime", 8242},  {"Prime", 8243},  {"lsaquo", 8249},
    {"rsaquo", 8250}, {"oline", 8254},  {"frasl", 8260},  {"euro", 8364},   {"trade", 8482},  {"larr", 8592},
    {"uarr", 8593},   {"rarr", 8594},   {"darr", 8595},   {"harr", 8596},   {"rArr", 8658},   {"hArr", 8660},
    {"forall", 8704}, {"part", 8706},   {"exist", 8707},  {"empty", 8709},  {"nabla", 8711},  {"isin", 8712},
    {"notin", 8713},  {"prod", 8719},   {"sum", 8721},    {"minus", 8722},  {"radic", 8730},  {"infin", 8734},
    {"and", 8743},    {"or", 8744},     {"cap", 8745},    {"cup", 8746},    {"int", 8747},    {"asymp", 8776},
    {"ne", 8800},     {"equiv", 8801},  {"le", 8804},     {"ge", 8805},     {"sub", 8834},    {"sup", 8835},
    {"loz", 9674},    {"spades", 9824}, {"clubs", 9827},  {"hearts", 9829}, {"diams", 9830},  {"check", 10003},
};

const QHash<QString, char32_t> &entityTable()
{
    static const QHash<QString, char32_t> table = [] {
        QHash<QString, char32_t> names;
        for (int i = 0; i < 96; ++i)
            names.insert(QString::fromLatin1(latin1Names[i]), char32_t(160 + i));
        for (int i = 0; i < 25; ++i) {
            const QString small = QString::fromLatin1(greekNames[i]);
            names.insert(small, char32_t(945 + i));
            if (small != QLatin1String("sigmaf")) // no capital final sigma
                names.insert(small.left(1).toUpper() + small.mid(1), char32_t(913 + i));
        }
        for (const auto &entry : otherNames)
            names.insert(QString::fromLatin1(entry.name), entry.codePoint);
        return names;
    }();
    return table;
}

constexpr qsizetype maxReferenceLength = 12; // "&thetasym;" and "&#x10FFFF;" fit

void appendCodePoint(QString &out, char32_t codePoint)
{
    // HTML maps C1 numeric references to Windows-1252, as browsers always did.
    if (codePoint >= 0x80 && codePoint < 0xA0) {
        const char byte = char(codePoint);
        out += TextDecoder::decodeWindows1252(QByteArrayView(&byte, 1));
        return;
    }
    if (codePoint == 0 || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint < 0xE000))
        codePoint = 0xFFFD;
    const char32_t units[1] = {codePoint};
    out += QString::fromUcs4(units, 1);
}

} // namespace

qsizetype HtmlEntities::decodeAt(QStringView text, qsizetype pos, QString &out)
{
    if (pos >= text.size() || text.at(pos) != QLatin1Char('&'))
        return 0;
    const qsizetype limit = std::min(text.size(), pos + maxReferenceLength);
    qsizetype semicolon = -1;
    for (qsizetype i = pos + 1; i < limit; ++i) {
        if (text.at(i) == QLatin1Char(';')) {
            semicolon = i;
            break;
        }
        if (!text.at(i).isLetterOrNumber() && text.at(i) != QLatin1Char('#'))
            return 0;
    }
    if (semicolon < 0 || semicolon == pos + 1)
        return 0;
    const QStringView body = text.mid(pos + 1, semicolon - pos - 1);
    if (body.startsWith(QLatin1Char('#'))) {
        const bool hex = body.size() > 1 && (body.at(1) == QLatin1Char('x') || body.at(1) == QLatin1Char('X'));
        bool ok = false;
        const uint value = body.mid(hex ? 2 : 1).toUInt(&ok, hex ? 16 : 10);
        if (!ok)
            return 0;
        appendCodePoint(out, value);
        return semicolon - pos + 1;
    }
    const auto found = entityTable().constFind(body.toString());
    if (found == entityTable().cend())
        return 0;
    appendCodePoint(out, found.value());
    return semicolon - pos + 1;
}

QString HtmlEntities::decode(QStringView text)
{
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype amp = text.indexOf(QLatin1Char('&'), i);
        if (amp < 0) {
            out += text.mid(i);
            break;
        }
        out += text.mid(i, amp - i);
        const qsizetype used = decodeAt(text, amp, out);
        if (used == 0)
            out += QLatin1Char('&');
        i = amp + std::max<qsizetype>(used, 1);
    }
    return out;
}

} // namespace gw
