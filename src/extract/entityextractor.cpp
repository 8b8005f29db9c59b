#include "entityextractor.h"

#include "entitypatterns.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <iterator>
#include <vector>

namespace gw {

namespace {

constexpr qsizetype pollEvery = 4096; // characters between two looks at the cancellation token

bool isOtherWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing;
}

constexpr std::array<bool, 128> asciiWordChars()
{
    std::array<bool, 128> word{};
    for (int c = 0; c < 128; ++c)
        word[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return word;
}

// Called for every character: an inlined table for ASCII, Unicode properties for the rest.
inline bool isWordChar(QChar c)
{
    static constexpr std::array<bool, 128> ascii = asciiWordChars();
    return c.unicode() < 0x80 ? ascii[c.unicode()] : isOtherWordChar(c);
}

bool isApostrophe(QChar c)
{
    return c == QLatin1Char('\'') || c == QChar(0x2019);
}

bool onlyLetters(QStringView word)
{
    return std::all_of(word.begin(), word.end(), [](QChar c) { return c.isLetter(); });
}

// Lower-case particles that may sit inside a name: "Bank of England", "John von Neumann".
bool isConnector(QStringView word)
{
    // Constant views: no strlen per comparison, and most words fail on the length alone.
    static constexpr QLatin1StringView connectors[] = {
        QLatin1StringView("of"),    QLatin1StringView("de"),  QLatin1StringView("von"), QLatin1StringView("van"),
        QLatin1StringView("der"),   QLatin1StringView("den"), QLatin1StringView("the"), QLatin1StringView("du"),
        QLatin1StringView("da"),    QLatin1StringView("di"),  QLatin1StringView("del"), QLatin1StringView("della"),
        QLatin1StringView("la"),    QLatin1StringView("le"),  QLatin1StringView("y"),   QLatin1StringView("al"),
        QLatin1StringView("bin"),   QLatin1StringView("ibn"), QLatin1StringView("zu"),  QLatin1StringView("dos"),
        QLatin1StringView("das"),   QLatin1StringView("dei"), QLatin1StringView("des"), QLatin1StringView("degli"),
        QLatin1StringView("delle"), QLatin1StringView("am"),  QLatin1StringView("bint")};
    if (word.size() > 5)
        return false;
    for (const QLatin1StringView connector : connectors) {
        if (word == connector)
            return true;
    }
    return false;
}

// ASCII case-insensitive equality with a lower-case word, without Qt's general comparison.
bool isWord(QStringView word, const char *lower)
{
    qsizetype i = 0;
    for (; lower[i]; ++i) {
        if (i >= word.size())
            return false;
        char16_t c = word[i].unicode();
        if (c >= u'A' && c <= u'Z')
            c += 32;
        if (c != char16_t(lower[i]))
            return false;
    }
    return i == word.size();
}

// "I'm", "Don't", "You're", "I'll", "We've", "I'd": a pronoun or verb with its clitic, no name
// ("O'Brien", "D'Arcy" and "Ma'at" end otherwise).
bool isContraction(QStringView word)
{
    const qsizetype apostrophe = std::max(word.lastIndexOf(u'\''), word.lastIndexOf(QChar(0x2019)));
    if (apostrophe <= 0)
        return false;
    const QStringView clitic = word.mid(apostrophe + 1);
    return isWord(clitic, "m") || isWord(clitic, "ll") || isWord(clitic, "d") || isWord(clitic, "re")
        || isWord(clitic, "ve") || (isWord(clitic, "t") && word[apostrophe - 1].toLower() == u'n');
}

// "McDonald", "MacArthur", "DeShawn", "LeBron", "DiCaprio", "VanDyke": a name's own capital
// inside it, unlike code's "UseMethod" or "PQclear".
bool hasSurnamePrefix(QStringView word)
{
    for (const char *prefix : {"Mc", "Mac", "De", "Di", "Da", "Du", "Le", "La", "Van", "Von"}) {
        const qsizetype n = qsizetype(qstrlen(prefix));
        if (word.size() > n + 1 && word.startsWith(QLatin1String(prefix)) && word[n].isUpper()
            && std::all_of(word.begin() + n + 1, word.end(), [](QChar c) { return c.isLower(); }))
            return true;
    }
    return false;
}

bool isPlacePreposition(QStringView word)
{
    return isWord(word, "in") || isWord(word, "at") || isWord(word, "from");
}

bool isAnyWord(QStringView word, std::initializer_list<const char *> words)
{
    if (word.isEmpty())
        return std::any_of(words.begin(), words.end(), [](const char *w) { return *w == 0; });
    // The first letter, lowered once, rules out most candidates without a call (this runs for
    // nearly every name, with lists of up to fifty words).
    char16_t first = word.front().unicode();
    if (first >= u'A' && first <= u'Z')
        first += 32;
    for (const char *w : words)
        if (char16_t(*w) == first && isWord(word, w))
            return true;
    return false;
}

// What ends a file's name after a dot ("R.h", "main.cpp"), not a name's ("Node.js", "Socket.io").
bool isFileExtension(QStringView suffix)
{
    return isAnyWord(suffix,
                     {"h",   "c",   "cc",  "cpp", "hpp", "hh",  "o",   "so",  "a",   "app", "exe", "dll", "txt",
                      "md",  "csv", "pdf", "rds", "py",  "pl",  "sh",  "log", "dat", "ini", "cfg", "xml", "yml",
                      "in",  "am",  "ac",  "mk",  "bat", "tex", "dvi", "ps",  "png", "jpg", "gif", "svg", "htm",
                      "zip", "gz",  "tar", "xz",  "deb", "rpm", "lib", "sql", "db",  "win", "def", "f",   "rd"});
}

// "Tk 8.5.0", "Xlib 1.6": a name with a version is software, whatever preposition stood before it.
bool versionAfter(const QString &text, qsizetype end)
{
    qsizetype i = end;
    if (i + 3 >= text.size() || text.at(i) != u' ')
        return false;
    ++i;
    if (text.at(i) == u'v')
        ++i;
    const qsizetype digits = i;
    while (i < text.size() && text.at(i).isDigit())
        ++i;
    return i > digits && i + 1 < text.size() && text.at(i) == u'.' && text.at(i + 1).isDigit();
}

bool isQuote(QChar c)
{
    return c == u'"' || c == u'\'' || c == QChar(0x2018) || c == QChar(0x2019) || c == QChar(0x201C)
        || c == QChar(0x201D);
}

// The words rulers are known by ("Pepin the Short", "Yaroslav the Wise"): after a one-word name
// and "the", they make it a person's name.
bool isRulersEpithet(QStringView word)
{
    return isAnyWord(word, {"great",       "wise",      "brave",     "short",     "bald",       "fat",      "pious",
                            "good",        "bold",      "terrible",  "conqueror", "confessor",  "fair",     "lame",
                            "magnificent", "navigator", "lionheart", "unready",   "victorious", "builder",  "just",
                            "mad",         "cruel",     "tall",      "strong",    "peaceful",   "learned",  "venerable",
                            "elder",       "younger",   "red",       "black",     "simple",     "fearless", "hammer"});
}

// "St", "Saint", "Ste": a saint's title ("St Thomas's Abbey").
bool isSaintsTitle(QStringView word)
{
    return isAnyWord(word, {"st", "st.", "saint", "ste", "ste."});
}

bool isSpeechVerb(QStringView word)
{
    return isAnyWord(word, {"said", "saith", "saying", "says", "answered", "asked", "cried", "replied", "spake"});
}

// An office in a body, as written before "of" and the body's name ("Leader of the Debian Project").
bool isOfficeHeld(QStringView word)
{
    return isAnyWord(word,
                     {"leader", "founder", "co-founder", "cofounder", "member", "head", "treasurer", "manager",
                      "coordinator", "maintainer", "director", "president", "vice-president", "chairman", "chairwoman",
                      "chair", "secretary", "secretary-general", "director-general"});
}

// A person's calling, as written right before a name: "the cellist Yo-Yo Ma", "the Dutch
// astronomer Jan Oort". Not the kinds that name companies too ("producer", "retailer", "maker").
bool isPersonsCalling(QStringView word)
{
    if (word.size() >= 6 && (word.endsWith(QLatin1String("ist")) || word.endsWith(QLatin1String("ician"))))
        return !word.endsWith(QLatin1String("sist")) && !word.endsWith(QLatin1String("xist"))
            && !isAnyWord(word, {"playlist", "checklist", "shortlist", "blacklist", "whitelist", "wishlist"});
    return isAnyWord(word,
                     {"poet",         "painter",   "writer",        "author",       "composer",    "singer",
                      "actor",        "actress",   "architect",     "astronomer",   "philosopher", "sculptor",
                      "photographer", "puppeteer", "dancer",        "conductor",    "playwright",  "screenwriter",
                      "filmmaker",    "explorer",  "inventor",      "entrepreneur", "businessman", "businesswoman",
                      "lawyer",       "surgeon",   "teacher",       "professor",    "engineer",    "programmer",
                      "priest",       "monk",      "nun",           "abbess",       "abbot",       "soldier",
                      "sailor",       "merchant",  "banker",        "striker",      "midfielder",  "goalkeeper",
                      "defender",     "winger",    "sprinter",      "swimmer",      "boxer",       "jockey",
                      "rapper",       "drummer",   "historian",     "librarian",    "comedian",    "theologian",
                      "critic",       "designer",  "mathematician", "economist",    "scholar",     "poetess"});
}

// Adds `more` to `mentions`, keeping them sorted by start.
void addInOrder(QList<Mention> &mentions, const QList<Mention> &more)
{
    if (more.isEmpty())
        return;
    mentions.append(more);
    std::sort(mentions.begin(), mentions.end(), [](const Mention &a, const Mention &b) { return a.start < b.start; });
}

// Letters of a word, any script ("R." has one).
qsizetype letterCount(QStringView word)
{
    qsizetype letters = 0;
    for (QChar c : word)
        letters += c.isLetter() ? 1 : 0;
    return letters;
}

// Mathematical notation such as "Σij" or "Δx"; Greek words and Latin words are unaffected.
bool mixesGreekAndLatin(QStringView word)
{
    bool greek = false, latin = false;
    for (QChar c : word) {
        const char16_t u = c.unicode();
        greek = greek || (u >= 0x0370 && u <= 0x03ff);
        latin = latin || (u < 0x80 && c.isLetter());
    }
    return greek && latin;
}

// A pattern of this file, compiled now (matching from many threads must not race on lazy
// compilation); a broken pattern is a programming error that must not silently match nothing.
QRegularExpression checked(QRegularExpression regex)
{
    if (!regex.isValid())
        qFatal("EntityExtractor: invalid pattern %s: %s", qPrintable(regex.pattern()), qPrintable(regex.errorString()));
    regex.optimize();
    return regex;
}

// "a Tk-based GUI", "Xlib-based devices": a thing built on a technology, not a firm based in a
// town ("a Paris-based software company" goes on to the company).
bool basedTechnology(QStringView after)
{
    static const QRegularExpression technology = checked(QRegularExpression(QStringLiteral(
        R"(^-based\s+(?:GUIs?|APIs?|interfaces?|devices?|tools?|systems?|applications?|apps?|programs?|librar(?:y|ies)|)"
        R"(back-?ends?|front-?ends?|widgets?|toolkits?|consoles?|editors?|formats?|storage|versions?|)"
        R"(implementations?|engines?|parsers?|code|software|solutions?|methods?|models?|graphics|plots?|)"
        R"(displays?|servers?|clients?|builds?|packages?|viewers?|browsers?|terminals?|shells?|scripts?|)"
        R"(modules?|frameworks?|platforms?|distributions?|projects?|languages?|syntax|tests?|index|indexes|)"
        R"(indices|queries|functions?|extensions?)\b(?!\s+(?:company|companies|firm|firms|start-?ups?|group|maker|)"
        R"(makers|developer|developers|vendor|vendors|provider|providers|business|house)))")));
    return technology.match(after).hasMatch();
}

// "London: Chapman and Hall", "New York: Wiley", "Reading, MA: Addison-Wesley": in a list of
// references, the publisher after its town and a colon (the town is the last name found).
bool afterPublishersTown(const QString &text, qsizetype start, const QList<Mention> &found)
{
    if (found.isEmpty() || found.last().type != EntityType::Location || found.last().end >= start
        || start - found.last().end > 24)
        return false;
    static const QRegularExpression town = checked(QRegularExpression(
        QStringLiteral(R"(^(?:,\s*\p{Lu}{2}\.?)?:\s{1,16}$)"), QRegularExpression::UseUnicodePropertiesOption));
    return town.match(QStringView(text).mid(found.last().end, start - found.last().end)).hasMatch();
}

// Context that only a person takes, read around an unknown name: a speech verb after it ("Holmes
// said") or before it ("said Holmes", "said unto Moses"), a kinship or service noun before it
// ("the son of Nun", "an officer of Pharaoh"), an apposition after it (", the founder of",
// ", a spokeswoman", ", who"), "begat".
const QRegularExpression &personBefore()
{
    static const QRegularExpression regex = [] {
        QRegularExpression r(
            QStringLiteral(
                R"((?:\b(?:said|says|saith|asked|replied|answered|cried|spake|wrote|begat|married|wed)(?:\s+unto)?|)"
                R"(\b(?:sons?|daughters?|wife|wives|husband|brothers?|sisters?|father|mother|child|)"
                R"(children|servants?|officer|grandson|granddaughter|nephew|niece|uncle|aunt|widow|cousin|)"
                R"(heir|disciples?)\s+of|)"
                R"(\b(?:his|her|their)\s+(?:wife|husband|sons?|daughters?|brothers?|sisters?|father|mother|)"
                R"(cousin|uncle|aunt|nephew|niece|fianc[eé]e?)|)"
                // "My dear Kitty", "better known as Matz", "whom the parish called Jemmy"
                R"(\b(?:dear|dearest)|\b(?:better|best|widely)\s+known\s+as|\bnicknamed|\bwhom\s+[^,;]{0,30}\s+called)\s*,?\s*$)"),
            QRegularExpression::CaseInsensitiveOption);
        return checked(std::move(r));
    }();
    return regex;
}

const QRegularExpression &personAfter()
{
    static const QRegularExpression regex = [] {
        QRegularExpression r(
            QStringLiteral(
                R"(^(?:\s+(?:said|says|saith|spake|answered|replied|asked|told|cried|exclaimed|whispered|)"
                R"(shouted|sighed|smiled|laughed|nodded|wept|begat|married|composed|painted|taught|studied|)"
                R"(died|graduated|retired|(?:was|is)\s+survived|)"
                // what befalls only people: "Wemmick was apprenticed", "Kari was baptised"
                R"((?:was|were)\s+(?:born|apprenticed|baptized|baptised|knighted|ordained|)"
                R"(beheaded|widowed|christened)|)"
                R"(wrote(?=\s+(?:the|a|an|his|her)\b|\s+[A-Z]))\b|)"
                R"(\s+(?:king|queen|prince|priest|prophet)\s+of\b|)"
                // "Elisheba, daughter of Amminadab": a kinship apposition without "the"
                R"(\s*,\s+(?:son|daughter|wife|husband|widow|brother|sister|father|mother)\s+of\b|)"
                // "Zipporah, Moses' wife": a kinship apposition with its possessor
                R"(\s*,\s+\p{Lu}[\w-]*(?:\s+\p{Lu}[\w-]*)?(?:'s|’s|'|’)\s+(?:[a-z-]+\s+)?(?:son|daughter|wife|)"
                R"(husband|widow|brother|sister|father|mother|servant|nephew|niece)\b|)"
                R"(\s*,\s+who\b|\s*,?\s+(?:(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:son|daughter|wife|)"
                R"(husband|brother|sister|father|mother|grandson|granddaughter|widow|founder|co-founder|)"
                R"(author|creator|inventor|editor|professor|lecturer|spokeswoman|spokesman|spokesperson|)"
                R"(chief|president|chairman|chairwoman|governor|mayor|minister|chancellor|leader|)"
                R"(director|head|manager|engineer|scientist|researcher|officer|captain|king|queen|)"
                R"(prophet|priest|servant|lawyer|singer|writer|poet|novelist|painter|composer|)"
                R"(actor|actress|physicist|mathematician|economist|candidate|senator|judge)\b)))"),
            QRegularExpression::UseUnicodePropertiesOption);
        return checked(std::move(r));
    }();
    return regex;
}

// After an unknown name: an apposition that only an organisation takes ("Spotify, the
// Stockholm-based streaming service"), or its possessive officers ("Airbus's chief executive").
const QRegularExpression &organisationAfter()
{
    static const QRegularExpression regex = [] {
        QRegularExpression r(
            QStringLiteral(
                // The kind may follow up to three words, none a preposition: not "the president of
                // the club"; and it is the phrase's head: not "the company's founder".
                R"(^(?:\s*,\s+(?:the|a|an|its|\p{Lu}[\w-]*['’]s)\s+(?:(?!(?:of|for|at|in|on|to|with|by|from)\b)[\w'’-]+\s+){0,3}?)"
                R"((?:(?:ferry|shipping|cruise|bus|steamship)\s+line|company|firm|[a-z]*maker|)"
                R"(group|conglomerate|service|airline|carrier|bank|lender|miner|retailer|)"
                R"(publisher|broadcaster|manufacturer|giant|start-?up|corporation|organi[sz]ation|charity|)"
                R"(foundation|agency|insurer|operator|provider|studio|club|team|label|newspaper|)"
                R"(university|institute|non-profit|nonprofit|laboratory|lab|band|orchestra|choir|league|party|)"
                R"(council|committee|ministry|union|authority|regulator|watchdog|fund|grocer|shipbuilder|)"
                R"(supermarket|exchange|commission|broker|consultancy|subsidiary|parent|utility|producer|)"
                R"(exporter|importer|refiner|supplier|distributor|wholesaler|brewer|automaker|shipper|body|school|)"
                R"(college|academy|museum|gallery|hospital|troupe|ensemble|association|society|federation)\b(?!['’])|)"
                // "Nvidia's shares", "ABBA's four members": what a person has none of.
                R"(\s*['’]s\s+(?:[a-z]+\s+)?(?:chief|ceo|shares|headquarters|board|subsidiary|employees|members|)"
                R"(founders|co-?founders|shareholders|workforce|line-?up|squad|)"
                R"(founder|spokes\w+|merger|planned|purchase|acquisition|takeover|yard|plant|factory|stores?)\b|)"
                R"(\s+reported\b|\s*,\s+(?:founded|established)\s+(?:in|by)\b|)"
                // "Apple said it would", "Lindqvist Rederi has named its newest tanker": "it" and
                // "its" speak of an organisation; a person is "he" or "she".
                R"(\s+(?:said|says|announced|expects|expected|plans|planned|agreed|confirmed|hopes|warned)\s+)"
                R"((?:that\s+)?its?\b|\s+(?:has|had|have)\s+[a-z]+ed\s+its\b))"),
            QRegularExpression::UseUnicodePropertiesOption);
        return checked(std::move(r));
    }();
    return regex;
}

// After an unknown name: an apposition that only a place takes ("Gdańsk, a port city on").
const QRegularExpression &placeApposition()
{
    static const QRegularExpression regex = checked(QRegularExpression(
        // "Keswick is a market town in": said outright, too.
        QStringLiteral(
            R"(^(?:\s*,(?:\s+(?:once|now|formerly|today))?|\s+(?:is|was))\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?)"
            R"((?:city|town|village|capital|park|desert|forest|peninsula|oasis|archipelago|)"
            R"(port|island|river|region|province|county|suburb|district|state|country|kingdom|)"
            R"(municipality|commune|parish|hamlet|seaport|lake|mountain|palace|castle|fortress|)"
            R"(cathedral|basilica|abbey|monastery|mosque|temple|square|bridge|valley)(?![\w-]))"),
        QRegularExpression::UseUnicodePropertiesOption));
    return regex;
}

// Before an unknown name: a noun that takes a place ("the land of Canaan", "king of Salem",
// "the mayor of Lyon").
const QRegularExpression &placeBefore()
{
    static const QRegularExpression regex = [] {
        QRegularExpression r(
            QStringLiteral(
                R"(\b(?:(?:land|city|cities|town|village|plains?|kingdom|king|queen|province|region|county|)"
                R"(coasts?|borders?|wilderness|valley|mountains?|gates?|mayor|governor|inhabitants|)"
                R"(outskirts|suburbs?|capital|streets|river|port|island|state|republic|people|congregation|parish|)"
                R"(parishioners|citizens|residents|villagers|townspeople|diocese|bishop|archbishop|vicar|rector|)"
                R"(churchwardens|burghers|shores?|banks?|foot|summit|slopes?|mouth|source|estuary|estates?|)"
                R"(manor|lordship|prince|princess|duke|duchess|emperor|empress|sultan|tsar|earl|margrave|)"
                // "south of Dijon"
                R"(north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of|)"
                R"(toward|towards|near|(?:had\s+|have\s+|has\s+)?reached|arrived\s+in|via|)"
                // "Kraków lies on the Vistula", "a town situated on the Tees"
                R"(\b(?:lies|lay|lying|stands|stood|situated|located|sits|built)\s+on\s+(?:the\s+)?|)"
                // "the regional capital Kielce", "the market town Thirsk"
                R"(\b(?:regional|provincial|state|national|federal|ancient|old|royal|market|port|coastal)?\s*)"
                R"((?:capital|city|town|village|hamlet|seaport))\s*$)"),
            QRegularExpression::CaseInsensitiveOption);
        return checked(std::move(r));
    }();
    return regex;
}

// After a name: what only a place has ("Gdańsk's mayor", "Chile's capital").
const QRegularExpression &placePossessions()
{
    static const QRegularExpression regex = checked(QRegularExpression(
        QStringLiteral(R"(^(?:'s|’s)\s+(?:new\s+|former\s+|then\s+)?(?:mayor|prime\s+minister|premier|capital|)"
                       R"(largest\s+city|foreign\s+minister|ambassador|embassy|parliament|coastline|population)\b)")));
    return regex;
}

// Lower-case text before a position (at most `length` characters, not across a line break).
QStringView textBefore(const QString &text, qsizetype position, qsizetype length = 40)
{
    const qsizetype from = std::max<qsizetype>(0, position - length);
    QStringView view = QStringView(text).mid(from, position - from);
    if (const qsizetype newline = view.lastIndexOf(u'\n'); newline >= 0)
        view = view.mid(newline + 1);
    return view;
}

QStringView textAfter(const QString &text, qsizetype position, qsizetype length = 80)
{
    QStringView view = QStringView(text).mid(position, std::min(length, text.size() - position));
    if (const qsizetype newline = view.indexOf(u'\n'); newline >= 0)
        view = view.left(newline);
    return view;
}

// A reference's year after its authors' initials, at the end: "McNeil, D. R. (1977) ", "Bates, D.G.
// (1988), ", "Venables, W. N. et al. (2002)." (not "Tesla (2003), Elon Musk's company").
const QRegularExpression &referenceYear()
{
    static const QRegularExpression regex =
        checked(QRegularExpression(QStringLiteral(R"((?:\b\p{Lu}\.|\bal\.)\s*\(\d{4}[a-z]?\)[.,:]?\s*$)"),
                                   QRegularExpression::UseUnicodePropertiesOption));
    return regex;
}

// "McNeil, D. R. (1977) Interactive Data Analysis. Wiley.": the name right after a reference's year
// is its title, a work whatever its words ("Software for Data Analysis" is no organisation).
bool afterReferenceYear(const QString &text, qsizetype start)
{
    qsizetype i = start - 1;
    while (i >= 0 && start - i <= 8 && text.at(i).isSpace())
        --i;
    if (i < 0 || i == start - 1)
        return false;
    if (text.at(i) == u'.' || text.at(i) == u',' || text.at(i) == u':')
        --i;
    if (i < 0 || text.at(i) != u')')
        return false;
    const qsizetype from = std::max<qsizetype>(0, start - 32);
    return referenceYear().match(QStringView(text).mid(from, start - from)).hasMatch();
}

// "(1977) Interactive Data Analysis. Wiley.", "(1988), Nonlinear Regression Analysis and Its
// Applications, Wiley,": the name that closes a reference after its title is the publisher.
bool closesReference(const QString &text, qsizetype start, qsizetype end)
{
    if (end >= text.size()
        || !(QStringView(u".,;(/").contains(text.at(end)) || QStringView(text).mid(end).startsWith(u" & ")))
        return false;
    qsizetype i = start - 1;
    while (i >= 0 && start - i <= 8 && text.at(i).isSpace())
        --i;
    if (i < 0 || i == start - 1 || (text.at(i) != u'.' && text.at(i) != u','))
        return false;
    // The year at most 200 characters back, then the title: no parenthesis, no blank line.
    const qsizetype from = std::max<qsizetype>(0, i - 200);
    const QStringView window = QStringView(text).mid(from, i - from);
    const qsizetype close = window.lastIndexOf(u')');
    if (close < 0)
        return false;
    const QStringView title = window.mid(close + 1);
    static const QRegularExpression blankLine = checked(QRegularExpression(QStringLiteral(R"(\n\s*\n)")));
    if (title.contains(u'(') || title.size() < 4 || blankLine.match(title).hasMatch())
        return false;
    // One title, no sentence after it ("(1977) Regression Analysis. New York: Wiley.\nDobson"),
    // but an initial may end with a dot ("Statistical Models in S. Chapman & Hall.").
    for (qsizetype k = 1; k + 1 < title.size(); ++k)
        if ((title.at(k) == u'.' || title.at(k) == u':' || title.at(k) == u';') && title.at(k + 1).isSpace()
            && !(k >= 2 && title.at(k - 1).isUpper() && title.at(k - 2).isSpace()))
            return false;
    // Not the next reference's author ("Wiley. Dobson, A. J. (1990)"), not the publisher's town
    // ("Data. Monterey, CA: Wadsworth.").
    static const QRegularExpression authorOrTown = checked(QRegularExpression(
        QStringLiteral(R"(^(?:,\s*\p{Lu}\.|(?:,\s*\p{Lu}{2}\.?)?:))"), QRegularExpression::UseUnicodePropertiesOption));
    if (authorOrTown.match(QStringView(text).mid(end, 8)).hasMatch())
        return false;
    return referenceYear()
        .match(window.mid(std::max<qsizetype>(0, close - 23), std::min<qsizetype>(close + 1, 24)))
        .hasMatch();
}

// "Cleveland, W. S. (1985)", "Becker, R. A., Chambers, J. M. and Wilks, A. R. (1988)": a reference's
// author, surname first, then initials, co-authors and the year (not the town "Cleveland").
bool referenceAuthor(const QString &text, qsizetype end)
{
    if (end + 4 >= text.size() || text.at(end) != u',')
        return false;
    qsizetype i = end + 1; // an initial first: most commas after a name are followed by none
    while (i < text.size() && i - end <= 4 && text.at(i).isSpace())
        ++i;
    if (i + 1 >= text.size() || !text.at(i).isUpper() || text.at(i + 1) != u'.')
        return false;
    static const QRegularExpression authors = checked(QRegularExpression(
        QStringLiteral(R"(^,\s*(?:\p{Lu}\.\s*-?){1,3}(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)\p{Lu}[\p{L}'’-]+,\s*)"
                       R"((?:\p{Lu}\.\s*-?){1,3})*\s*(?:,?\s*et\s+al\.\s*)?(?:\(?eds?\.?\)?\s*)?\(\d{4}[a-z]?\))"),
        QRegularExpression::UseUnicodePropertiesOption));
    return authors.match(QStringView(text).mid(end, 160)).hasMatch();
}

// "the ‘R Installation and Administration’ manual", "the "Writing R Extensions" guide": a name
// quoted before a kind of document is that document's title.
bool quotedDocumentTitle(const QString &text, qsizetype start, qsizetype end)
{
    static constexpr QStringView opening = u"‘“'\"";
    static constexpr QStringView closing = u"’”'\"";
    if (start == 0 || end >= text.size() || !opening.contains(text.at(start - 1)) || !closing.contains(text.at(end)))
        return false;
    // "The ‘R Installation and Administration’ and ‘Writing R Extensions’ manuals"
    static const QRegularExpression document = checked(QRegularExpression(
        QStringLiteral(R"(^(?:\s*(?:,|and)\s+[‘“'"][^’”'"]{1,60}[’”'"])*\s+(?:manuals?|books?|guides?|chapters?|)"
                       R"(sections?|vignettes?|papers?|articles?|pages?|tutorials?|documentation|handbooks?|series|)"
                       R"(reference|FAQ|appendix|report)\b)")));
    // "see section ‘Configuration variables’ in ‘R Installation and Administration’"
    static const QRegularExpression partOf = checked(QRegularExpression(QStringLiteral(
        R"(\b(?:sections?|chapters?|appendix|part)\s+[‘“'"][^’”'"]{1,60}[’”'"]\s+(?:in|of)\s+[‘“'"]$)")));
    return document.match(QStringView(text).mid(end + 1, 120)).hasMatch()
        || partOf.match(QStringView(text).mid(std::max<qsizetype>(0, start - 80), std::min<qsizetype>(start, 80)))
               .hasMatch();
}

// "SQLite Archive files", "the Math group generic": a lower-case technical noun right after a
// name makes the name a kind of software part or format, not a body.
bool technicalNounAfter(const QString &text, qsizetype end)
{
    if (end >= text.size() || text.at(end) != u' ')
        return false;
    qsizetype stop = end + 1;
    while (stop < text.size() && text.at(stop).isLower())
        ++stop;
    return isAnyWord(QStringView(text).mid(end + 1, stop - end - 1),
                     {"file",       "files",    "format",    "formats", "command",  "commands",  "mode",    "extension",
                      "extensions", "utility",  "tool",      "tools",   "function", "functions", "method",  "methods",
                      "generic",    "generics", "class",     "classes", "option",   "options",   "table",   "tables",
                      "module",     "modules",  "interface", "type",    "types",    "object",    "objects", "syntax"});
}

} // namespace

struct EntityExtractor::Token
{
    qsizetype start = 0;
    qsizetype end = 0;        // without a possessive 's; with an abbreviation's dot
    bool capitalised = false; // starts with an upper-case letter
    bool acronym = false;     // two or more letters, all upper case ("IBM")
    bool mixedCase = false;   // a capital inside a word: "SQLite", "NaN", "McDonald"
    bool sentenceStart = false;
    bool joinsPrevious = false;  // only spaces (no punctuation, no paragraph break) before it
    bool closesRun = false;      // a possessive or a dotted legal form: no name goes on after it
    bool lineStart = false;      // a line break before it
    bool afterAmpersand = false; // " & " before it: "Chapman & Hall", "Josiah Crane & Sons"
    bool covered = false;        // inside a pattern mention
    unsigned flags = 0;          // Gazetteer::wordFlags, for capitalised tokens only

    QStringView view(const QString &text) const { return QStringView(text).mid(start, end - start); }
};

EntityExtractor::EntityExtractor(std::shared_ptr<const Gazetteer> gazetteer,
                                 std::shared_ptr<const Vocabulary> vocabulary)
    : m_gazetteer(std::move(gazetteer)), m_vocabulary(std::move(vocabulary))
{
    Q_ASSERT(m_gazetteer);
}

QList<Mention> EntityExtractor::extract(const QString &text, const CancellationToken &token) const
{
    token.throwIfCancelled();
    // Patterns first: a capitalised word inside a date or an address is not a name.
    const QList<Mention> patterns = EntityPatterns::find(text, token);
    const QList<Mention> names = capitalisedRuns(text, patterns, token);

    QList<Mention> all;
    all.reserve(patterns.size() + names.size());
    std::merge(patterns.begin(), patterns.end(), names.begin(), names.end(), std::back_inserter(all),
               [](const Mention &a, const Mention &b) { return a.start < b.start; });
    if (!m_vocabulary || m_vocabulary->isEmpty())
        return all;

    // The person's vocabulary knows better: its names replace every guess they overlap.
    const QList<Mention> known = m_vocabulary->find(text);
    if (known.isEmpty())
        return all;
    QList<Mention> out;
    out.reserve(all.size() + known.size());
    qsizetype k = 0;
    for (const Mention &m : std::as_const(all)) {
        while (k < known.size() && known.at(k).start < m.start)
            out.append(known.at(k++));
        const bool overlapsNext = k < known.size() && known.at(k).start < m.end;
        const bool overlapsLast = !out.isEmpty() && out.constLast().end > m.start;
        if (!overlapsNext && !overlapsLast)
            out.append(m);
    }
    while (k < known.size())
        out.append(known.at(k++));
    return out;
}

QList<Mention> EntityExtractor::capitalisedRuns(const QString &text, const QList<Mention> &patterns,
                                                const CancellationToken &token) const
{
    const Gazetteer &gz = *m_gazetteer;
    std::vector<Token> tokens;
    tokens.reserve(size_t(text.size() / 6));

    const qsizetype n = text.size();
    bool boundary = true;   // the next token starts a sentence
    bool onlySpace = false; // the gap since the previous token holds only spaces
    bool ampersand = false; // the gap holds one " & " and spaces
    int newlines = 0;
    qsizetype nextPoll = pollEvery;
    qsizetype nextPattern = 0;
    QString keyBuffer; // reused for every token's key
    for (qsizetype i = 0; i < n;) {
        if (i >= nextPoll) {
            token.throwIfCancelled();
            nextPoll = i + pollEvery;
        }
        const QChar c = text.at(i);
        if (!isWordChar(c)) {
            if (c == QLatin1Char('\n')) {
                if (++newlines >= 2)
                    boundary = true;
            } else if (c == QLatin1Char('.') || c == QLatin1Char('!') || c == QLatin1Char('?')) {
                boundary = true;
                onlySpace = false;
            } else if (c == QLatin1Char('&') && onlySpace && !ampersand && i > 0 && text.at(i - 1) == u' ' && i + 1 < n
                       && text.at(i + 1) == u' ' && !tokens.empty() && tokens.back().capitalised) {
                ampersand = true; // "Marks & Spencer": still one name
            } else if (isApostrophe(c) && onlySpace && !tokens.empty() && tokens.back().capitalised
                       && tokens.back().end == i && text.at(i - 1) == u's' && !tokens.back().closesRun && i + 2 < n
                       && text.at(i + 1) == u' ' && text.at(i + 2).isUpper()) {
                // "St Thomas' Hospital": a plural possessive, which like "'s" ends a name unless an
                // organisation word follows.
                tokens.back().closesRun = true;
            } else if (!c.isSpace() || c == QLatin1Char('\t')) {
                // A tab separates cells of a table or a navigation bar ("Embedded SQL in C\tHome"):
                // no name runs across it.
                onlySpace = false;
                // "said, Doth Job fear God": the words quoted after a speech verb start anew.
                if (c == QLatin1Char(',') && !tokens.empty() && isSpeechVerb(tokens.back().view(text)))
                    boundary = true;
            }
            ++i;
            continue;
        }

        Token t;
        t.start = i;
        qsizetype j = i + 1;
        bool innerDot = false;
        while (j < n) {
            const QChar d = text.at(j);
            if (isWordChar(d)) {
                ++j;
            } else if ((isApostrophe(d) || d == QLatin1Char('-') || d == QChar(0x2010) || d == QChar(0x2013))
                       && j + 1 < n && text.at(j + 1).isLetter() && text.at(j - 1).isLetter()) {
                // "London-based", "Paris-born": a hyphen before a lower-case word ends a name.
                // Not after a given name ("Jean-loup"), nor before a syllable no dictionary knows
                // ("Lee Byung-chul", "Moon Jae-in" keep theirs).
                if (!isApostrophe(d) && text.at(j + 1).isLower() && text.at(i).isUpper()
                    && !gz.isGivenName(QStringView(text).mid(i, j - i))) {
                    qsizetype end = j + 1;
                    while (end < n && text.at(end).isLetter())
                        ++end;
                    const unsigned suffix = gz.wordFlags(Gazetteer::key(QStringView(text).mid(j + 1, end - j - 1)));
                    if (suffix & (Gazetteer::LowerCaseWord | Gazetteer::Stopword) || end - j - 1 > 5)
                        break;
                }
                j += 2; // "O'Brien", "Jean-Luc", "Eckert–Mauchly""
            } else if (j - i == 1 && text.at(i).isUpper()
                       && ((d == QLatin1Char('+') && j + 1 < n && text.at(j + 1) == QLatin1Char('+'))
                           || d == QLatin1Char('#'))
                       && (j + (d == QLatin1Char('#') ? 1 : 2) >= n
                           || !isWordChar(text.at(j + (d == QLatin1Char('#') ? 1 : 2))))) {
                j += d == QLatin1Char('#') ? 1 : 2; // "C++", "C#", "F#": languages
                break;
            } else if (d == QLatin1Char('-') && j + 1 < n && text.at(j + 1).isDigit() && j - i >= 2
                       && std::all_of(text.begin() + i, text.begin() + j,
                                      [](QChar c) { return c.isUpper() || c == u'-'; })) {
                // "SHA-2", "COVID-19", "GPL-3.0", "BSD-3-Clause", "CC-BY-4.0": a name in capitals
                // with a number (and a licence's version and variant).
                j += 2;
                while (j < n && text.at(j).isDigit())
                    ++j;
                if (j + 1 < n && text.at(j) == u'.' && text.at(j + 1).isDigit()) {
                    j += 2;
                    while (j < n && text.at(j).isDigit())
                        ++j;
                }
                if (j + 1 < n && text.at(j) == u'-' && text.at(j + 1).isUpper()) {
                    j += 2;
                    while (j < n && text.at(j).isLetter())
                        ++j;
                }
            } else if (d == QLatin1Char('.') && j + 2 < n && j - i >= 2 && text.at(j - 1).isUpper()
                       && text.at(j + 1).isUpper() && text.at(j + 2).isUpper()) {
                j += 2; // "ASP.NET", "VB.NET": a dot inside a name in capitals
            } else if (d == QLatin1Char('.') && j + 1 < n && text.at(j + 1).isLetter()
                       && (j - 1 == i || text.at(j - 2) == QLatin1Char('.'))
                       && (text.at(j + 1).isUpper() || !text.at(i).isUpper())) { // not "R.h", "R.app": files
                j += 2; // "U.S", "S.A" (the final dot is handled below)
                innerDot = true;
            } else {
                break;
            }
        }
        t.end = j;
        if (j - i > 2 && isApostrophe(text.at(j - 2))
            && (text.at(j - 1) == QLatin1Char('s') || text.at(j - 1) == QLatin1Char('S'))) {
            t.end = j - 2; // "Babbage's" names "Babbage"
            t.closesRun = true;
        }

        const QChar first = text.at(i);
        // "Chasseurs d'Afrique", "Côte d'Ivoire", "Jeanne d'Arc": an elided particle before a name.
        const bool elided = (first == u'd' || first == u'l') && j - i > 3 && isApostrophe(text.at(i + 1))
            && text.at(i + 2).isUpper() && !tokens.empty() && tokens.back().capitalised;
        t.capitalised =
            (first.isUpper() || first.isTitleCase() || elided) && !isContraction(QStringView(text).mid(i, j - i));
        if (t.capitalised) {
            int upper = 0;
            bool lower = false;
            for (qsizetype k = t.start; k < t.end; ++k) {
                upper += text.at(k).isUpper() ? 1 : 0;
                lower = lower || text.at(k).isLower();
            }
            // "IJmuiden", "IJssel": the Dutch letter IJ is one capital.
            if (upper == 2 && t.end - t.start > 2 && text.at(t.start) == u'I' && text.at(t.start + 1) == u'J'
                && text.at(t.start + 2).isLower())
                upper = 1;
            t.acronym = (upper >= 2 && !lower) || text.at(t.end - 1) == u'+' || text.at(t.end - 1) == u'#';
            // "NaN", "McDonald"; "SQLite", "XPath", "IPv6" (rare: two capitals and a small letter)
            for (qsizetype k = t.start + 1; upper >= 2 && lower && k < t.end && !t.mixedCase; ++k) {
                const QChar c = text.at(k), previous = text.at(k - 1);
                t.mixedCase = (c.isUpper() && previous.isLower())
                    || (c.isLower() && previous.isUpper() && k - 1 > t.start && text.at(k - 2).isUpper());
            }
            Gazetteer::key(t.view(text), keyBuffer);
            t.flags = gz.wordFlags(keyBuffer);
            if (t.acronym || t.mixedCase) {
                // Case must match: "NULL" is no "Null" place, "NaN" no "Nan", "MAX" no "Max", "MS"
                // no "Ms" title. (Every one-word place, given name and title is listed as "Word".)
                // Scripture writes some names in capitals ("LORD"): those are listed so.
                const bool listedInCapitals = t.acronym && gz.isGivenNameInCapitals(t.view(text));
                t.flags &= ~unsigned(Gazetteer::Location | Gazetteer::PersonTitle
                                     | (listedInCapitals ? 0u : unsigned(Gazetteer::GivenName)));
                // A short ALL-CAPS keyword of code or SQL ("SELECT", "NULL", "WAL") names nothing.
                if (t.acronym && (t.flags & Gazetteer::CodeWord) && t.end - t.start <= 6)
                    t.capitalised = false;
            }
            // "the US", "in the U.S.": the country, not the pronoun "us" that a heading shouts.
            if (t.acronym && (t.flags & Gazetteer::Stopword) && keyBuffer == QLatin1String("us") && !tokens.empty()
                && isAnyWord(tokens.back().view(text), {"the", "in", "to", "from", "across", "throughout"}))
                t.flags &= ~unsigned(Gazetteer::Stopword);
            // "Jean-Philippe": a hyphenated given name is one when its first part is.
            if (!(t.flags & Gazetteer::GivenName) && !t.acronym) {
                const qsizetype hyphen = t.view(text).indexOf(u'-');
                if (hyphen > 0 && gz.isGivenName(t.view(text).left(hyphen)))
                    t.flags |= Gazetteer::GivenName;
            }
            // Part of an identifier ("SQLITE_ENABLE_WAL", "INT_MAX") or a path ("Europe/Paris",
            // "TCP/IP"): code, not a name.
            const auto codeChar = [](QChar c) { return c == QLatin1Char('_') || c == QLatin1Char('/') || c == u'|'; };
            if ((i > 0 && codeChar(text.at(i - 1))) || (j < n && codeChar(text.at(j))))
                t.capitalised = false;
            // A string or an argument of code: 'c("Male", "Female")', 'method = "Brent"',
            // 'list(Store = 1:7)'.
            if (t.capitalised && i > 0 && j < n) {
                qsizetype before = i - 1, after = j;
                const bool quoted = text.at(before) == u'"' && text.at(after) == u'"';
                before -= quoted ? 1 : 0;
                after += quoted ? 1 : 0;
                while (before >= 0 && text.at(before) == u' ')
                    --before;
                while (after < n && text.at(after) == u' ')
                    ++after;
                const QChar previous = before >= 0 ? text.at(before) : QChar(),
                            next = after < n ? text.at(after) : QChar();
                const bool argument = (previous == u'(' || previous == u',') && next == u'='
                    && !(after + 1 < n && text.at(after + 1) == u'=');
                // 'method "Brent" uses optimize', 'the "Arial" font family': a value a setting takes.
                const auto settingBefore = [&] {
                    qsizetype from = before;
                    while (from >= 0 && text.at(from).isLetter())
                        --from;
                    return from < before && (from < 0 || !isWordChar(text.at(from)))
                        && isAnyWord(QStringView(text).mid(from + 1, before - from),
                                     {"method", "methods", "type",      "option", "value", "class",
                                      "mode",   "engine",  "format",    "family", "kind",  "encoding",
                                      "driver", "backend", "algorithm", "style",  "units", "level",
                                      "locale", "font",    "argument",  "keyword"});
                };
                const bool literal = quoted
                    && (previous == u'(' || previous == u'[' || previous == u'{' || previous == u'=' || previous == u','
                        || next == u')' || next == u']' || next == u'}' || next == u',' || settingBefore());
                if (argument || literal)
                    t.capitalised = false;
            }
            // "Sys.time", "R.version", "Math.max": a dot between words without a space is code;
            // but "Node.js", "Socket.io": a name with a short suffix.
            if (j + 1 < n && text.at(j) == QLatin1Char('.') && text.at(j + 1).isLower() && !innerDot) {
                qsizetype suffix = j + 1;
                while (suffix < n && text.at(suffix).isLower())
                    ++suffix;
                const QStringView extension = QStringView(text).mid(j + 1, suffix - j - 1);
                if (suffix - j - 1 <= 3 && (suffix == n || !text.at(suffix).isLetterOrNumber()) && j - i > 1
                    && !isFileExtension(extension)) {
                    t.end = j = suffix;
                    t.mixedCase = true; // a software name, like "SQLite"
                } else {
                    // "R.h", "R.app", "main.cpp", "Makefile.in": a file, not a name
                    t.capitalised = false;
                }
            }
        }
        if (t.capitalised) {
            // An abbreviation keeps its dot, which then does not end the sentence: "Dr.", "Inc.",
            // an initial ("John F. Kennedy"), "U.S.".
            if (!t.closesRun && j < n && text.at(j) == QLatin1Char('.')) {
                if (innerDot || t.end - t.start == 1 || (t.flags & Gazetteer::Abbreviation)) {
                    t.end = ++j;
                    t.closesRun = (t.flags & Gazetteer::OrgSuffix) && !(t.flags & Gazetteer::PersonTitle);
                }
            }
        }

        while (nextPattern < patterns.size() && patterns.at(nextPattern).end <= t.start)
            ++nextPattern;
        t.covered = nextPattern < patterns.size() && patterns.at(nextPattern).start < j;
        t.sentenceStart = boundary;
        t.joinsPrevious = !tokens.empty() && onlySpace && !boundary && newlines < 2;
        t.lineStart = newlines > 0;
        t.afterAmpersand = ampersand && onlySpace;
        tokens.push_back(std::move(t));
        boundary = false;
        onlySpace = true;
        ampersand = false;
        newlines = 0;
        i = j;
    }
    // "Netflix CEO Reed Hastings": an officer's initials right before a name are that person's
    // title; elsewhere ("the CEO said", "CEO of Tesla") they are a common noun, no name.
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (!tokens[k].acronym || !isAnyWord(tokens[k].view(text), {"ceo", "cfo", "cto", "coo"}))
            continue;
        if (k + 1 < tokens.size() && tokens[k + 1].capitalised && tokens[k + 1].joinsPrevious && !tokens[k + 1].acronym)
            tokens[k].flags |= Gazetteer::PersonTitle;
        else
            tokens[k].capitalised = false;
    }

    QList<Mention> out;
    const qsizetype count = qsizetype(tokens.size());
    for (qsizetype k = 0; k < count;) {
        if (!tokens[k].capitalised || tokens[k].covered) {
            ++k;
            continue;
        }
        qsizetype last = k;
        bool organisation = tokens[k].flags & Gazetteer::OrgHead;
        bool sawOf = false; // an "of" joined the run: "Institute of Electrical and Electronics Engineers"
        // "Kennet and Avon Canal Company", "National Aeronautics and Space Administration": an
        // "and" between unknown words, then words that end in an organisation word, is inside
        // one name (not "Britain and France", not "GEICO and BNSF Railway": an acronym names a
        // whole organisation).
        const auto andJoinsOrganisation = [&](qsizetype from, qsizetype conjunction) {
            for (qsizetype m = from; m < conjunction; ++m) {
                // A given name that is also a common word is that word here ("Rose and Crown
                // Inn"); alone before "and", even an organisation word, a legal form or a title
                // ("Justice and Development Party").
                const bool commonWord = tokens[m].flags & Gazetteer::LowerCaseWord;
                bool alone = commonWord && m + 1 == conjunction; // after a sentence's "The" at most
                for (qsizetype before = from; alone && before < m; ++before)
                    alone = tokens[before].flags & Gazetteer::Stopword;
                if (tokens[m].capitalised
                    && (tokens[m].acronym || tokens[m].mixedCase
                        || tokens[m].flags
                            & (Gazetteer::Location
                               | (alone ? 0u
                                        : unsigned(Gazetteer::OrgHead | Gazetteer::PersonTitle | Gazetteer::OrgSuffix))
                               | (commonWord ? 0u : unsigned(Gazetteer::GivenName)))))
                    return false;
            }
            for (qsizetype m = conjunction + 1; m < count && m <= conjunction + 3; ++m) {
                if (!tokens[m].joinsPrevious || !tokens[m].capitalised || tokens[m].covered)
                    return false;
                if (tokens[m].flags & (Gazetteer::OrgHead | Gazetteer::OrgSuffix))
                    return m + 1 >= count || !tokens[m + 1].joinsPrevious || !tokens[m + 1].capitalised;
            }
            return false;
        };
        const auto orgHeadNext = [&](qsizetype m) {
            return m + 1 < count && tokens[m + 1].joinsPrevious && (tokens[m + 1].flags & Gazetteer::OrgHead);
        };
        // A possessive ends a name ("Babbage's engine") unless an organisation word follows
        // ("King's College").
        // "St Paul's Cathedral", "St James's Park": a saint's possessive names a place or a body.
        const auto saintsPossessive = [&](qsizetype m) {
            return m > k && isSaintsTitle(tokens[m - 1].view(text)) && tokens[m].end + 2 < text.size()
                && isApostrophe(text.at(tokens[m].end)) && m + 1 < count && tokens[m + 1].joinsPrevious
                && tokens[m + 1].capitalised && !tokens[m + 1].covered;
        };
        while (!tokens[last].closesRun || (!tokens[last].covered && (orgHeadNext(last) || saintsPossessive(last)))) {
            qsizetype m = last + 1;
            // Up to two particles may join two capitalised words: "Bank of the United States";
            // "for" only after an organisation word: "Institute for Advanced Study".
            // "the" only after "of": "Ruth the Moabitess" is a name and a people, not one name.
            // "and" only in an organisation named with "of": "Department of Trade and Industry".
            bool joinedOf = false;
            while (m < count && m - last <= 2 && tokens[m].joinsPrevious && !tokens[m].covered
                   && !tokens[m].capitalised) {
                const QStringView word = tokens[m].view(text);
                // "left Demokrat Partisi for the Partido Verde": a second organisation's name after
                // "for (the)" is no part of the first ("Society for the History of Science" is one).
                // After a bare "for", only a name that opens with an organisation word ("Alliance
                // for Open Media" is one).
                const auto anotherOrganisationAfter = [&](qsizetype from) {
                    qsizetype n = from + 1;
                    const bool article = n < count && isWord(tokens[n].view(text), "the");
                    if (article)
                        ++n;
                    for (const qsizetype first = n; n < count && n <= from + 5 && tokens[n].capitalised; ++n)
                        if ((tokens[n].flags & Gazetteer::OrgHead) && (article || n == first))
                            return true;
                    return false;
                };
                // The words rulers are known by join any one-word name: "Pepin the Short",
                // "Yaroslav the Wise".
                const auto rulersEpithet = [&] {
                    // one word, or after a sentence's opening word ("Later Bolesław the Brave")
                    return (last == k
                            || (last == k + 1 && tokens[k].sentenceStart && (tokens[k].flags & Gazetteer::CommonWord)))
                        && !(tokens[last].flags & Gazetteer::Stopword) && isRulersEpithet(tokens[m + 1].view(text));
                };
                // "William the Conqueror", "Pepin the Short": a given name, "the" and an epithet the
                // dictionary knows in lower case (not "Ruth the Moabitess", a name and a people).
                const auto epithet = [&] {
                    return m == last + 1 && m + 1 < count && tokens[m + 1].joinsPrevious && tokens[m + 1].capitalised
                        && (rulersEpithet()
                            || ((tokens[last].flags & Gazetteer::GivenName)
                                && (tokens[m + 1].flags & Gazetteer::CommonWord)))
                        && !(tokens[m + 1].flags
                             & (Gazetteer::OrgHead | Gazetteer::LocationHead | Gazetteer::PersonTitle))
                        && (m + 2 >= count || !tokens[m + 2].joinsPrevious || !tokens[m + 2].capitalised);
                };
                // "the" also after an organisation's "for": "Society for the History of Science".
                const bool connects = word == QLatin1String("the")
                    ? (m > last + 1
                       && (tokens[m - 1].view(text) == QLatin1String("of")
                           || (organisation && tokens[m - 1].view(text) == QLatin1String("for"))))
                        || epithet()
                    : isConnector(word)
                        // not "A Night at the Opera for EMI": a body named by initials stands alone
                        || (organisation && word == QLatin1String("for") && !(m + 1 < count && tokens[m + 1].acronym)
                            && !anotherOrganisationAfter(m))
                        || (organisation && sawOf && m == last + 1 && word == QLatin1String("and"))
                        // "J. Lyons and Co.", "Smith and Sons": a firm
                        || (word == QLatin1String("and") && m == last + 1 && m + 1 < count
                            && (tokens[m + 1].flags & Gazetteer::OrgSuffix) && tokens[m + 1].capitalised)
                        || (word == QLatin1String("and") && m == last + 1 && andJoinsOrganisation(k, m))
                        // "London: Chapman and Hall": one publisher
                        || (word == QLatin1String("and") && m == last + 1 && m + 1 < count && tokens[m + 1].capitalised
                            && afterPublishersTown(text, tokens[k].start, out));
                if (!connects)
                    break;
                joinedOf = joinedOf || word == QLatin1String("of");
                ++m;
            }
            // A line of capitalised common words alone is a heading, not the rest of a name:
            // "Paul Murrell\nSee Also\n" (but "the American\nStatistical Association, 74").
            const auto headingLine = [&](qsizetype from) {
                if (!tokens[from].lineStart || !(tokens[from].flags & Gazetteer::CommonWord))
                    return false;
                qsizetype to = from;
                while (to + 1 < count && tokens[to + 1].joinsPrevious && !tokens[to + 1].lineStart
                       && tokens[to + 1].capitalised)
                    ++to;
                const QStringView rest = textAfter(text, tokens[to].end);
                return rest.trimmed().isEmpty() && tokens[to].end + rest.size() < text.size();
            };
            // A run that fills a whole line is a title ("The Manchester Baby\nFrederic Williams and
            // Tom Kilburn built..."); a name wrapped by a line break leaves words before it.
            const bool wholeLineBefore = m < count && tokens[m].lineStart
                && (tokens[k].lineStart || QStringView(text).left(tokens[k].start).trimmed().isEmpty());
            const bool headingNext = wholeLineBefore || (m < count && headingLine(m));
            if (m < count && tokens[m].afterAmpersand && m > last + 1)
                break; // "&" only between two capitalised words
            if (m < count && tokens[m].joinsPrevious && tokens[m].capitalised && !tokens[m].covered && !headingNext) {
                sawOf = sawOf || joinedOf;
                last = m;
                organisation = organisation || (tokens[m].flags & Gazetteer::OrgHead);
            } else {
                break;
            }
        }
        const qsizetype typedBefore = out.size();
        typeRun(text, tokens, k, last, out);
        // "Codeberg e.V.", "Wikimedia Deutschland e. V.": a German registered association, whose
        // legal form starts in lower case.
        if (out.size() > typedBefore && out.last().end == tokens[last].end) {
            static const QRegularExpression registered =
                checked(QRegularExpression(QStringLiteral(R"(^ (?:e\.\s?V\.|gGmbH\b|eG\b))")));
            const QRegularExpressionMatch form = registered.match(QStringView(text).mid(tokens[last].end, 10));
            // "ISO 8601", "RFC 2616", "IEEE 754", "FTSE 100": a standard, an index or a product
            // named by an acronym and its number (a year is no part of a name: "the WHO 2019 report").
            static const QRegularExpression numbered = checked(QRegularExpression(
                QStringLiteral(R"(^ (?!(?:1\d{3}|20\d{2})\b)\d{2,5}(?:\.\d+)?(?![\w%.,-]\d|%|\w))")));
            const bool single = out.last().start == tokens[last].start && tokens[last].acronym;
            const QRegularExpressionMatch number = single && last + 1 < count && !tokens[last + 1].covered
                ? numbered.match(QStringView(text).mid(tokens[last].end, 12))
                : QRegularExpressionMatch();
            // The name typed last takes the words after it, and the tokens they cover are passed.
            const auto extendLast = [&](qsizetype length, EntityType type, double confidence) {
                Mention &m = out.last();
                m.end += length;
                m.text = text.mid(m.start, m.end - m.start);
                m.type = type;
                m.confidence = confidence;
                while (last + 1 < count && tokens[last + 1].start < m.end)
                    ++last;
            };
            if (number.hasMatch())
                extendLast(number.capturedLength(), EntityType::Misc, 0.8);
            else if (form.hasMatch())
                extendLast(form.capturedLength(), EntityType::Organization, 1.0);
        }
        k = last + 1;
    }
    recoverSentenceOpeners(text, tokens, out);
    lowerCaseSoftware(text, tokens, out);
    worksNamedByApposition(text, tokens, out);
    titlesOfWorks(text, tokens, out);
    typeFromNeighbours(text, out);
    // "the Levites", "the Egyptians", "the Pharisees": a people named by a plural demonym is
    // no person, place or organisation, whatever the context suggested ("the Levites said").
    for (Mention &m : out) {
        if ((m.type != EntityType::Person && m.type != EntityType::Location && m.type != EntityType::Organization)
            || m.confidence >= 1.0 || m.text.contains(QLatin1Char(' ')) || m.text.size() < 6)
            continue;
        static const char *const plurals[] = {"ites", "ians", "eans", "ines", "ees"};
        for (const char *plural : plurals) {
            if (m.text.endsWith(QLatin1String(plural))
                && !(gz.wordFlags(Gazetteer::key(m.text)) & (Gazetteer::Location | Gazetteer::GivenName))) {
                m.type = EntityType::Misc;
                break;
            }
        }
    }
    return out;
}

// "The zlib library was written by ...", "the timsort algorithm": software is often named in
// lower case, and then only its kind says so. A word no dictionary knows ("standard", "math" and
// "curses" are words) between "the" and a kind of software is its name.
void EntityExtractor::lowerCaseSoftware(const QString &text, const std::vector<Token> &tokens,
                                        QList<Mention> &mentions) const
{
    QList<Mention> found;
    QString key;
    const qsizetype count = qsizetype(tokens.size());
    for (qsizetype k = 1; k < count; ++k) {
        const Token &t = tokens[k];
        // "added to libvips", "linked against libpng": a library's name in lower case, whatever
        // follows it (the dictionary knows "library", "liberty", "libel").
        if (!t.capitalised && !t.covered && t.end - t.start >= 5 && text.at(t.start) == u'l'
            && QStringView(text).mid(t.start, 3) == QLatin1String("lib")) {
            const QStringView word = t.view(text);
            Gazetteer::key(word, key);
            if (!(m_gazetteer->wordFlags(key) & (Gazetteer::LowerCaseWord | Gazetteer::Stopword))
                && std::all_of(word.begin(), word.end(), [](QChar c) { return c.isLower() || c.isDigit(); }))
                found.append({EntityType::Misc, t.start, t.end, word.toString(), 0.6});
            continue;
        }
        if (k + 1 >= count)
            break;
        const Token &kind = tokens[k + 1];
        if (t.capitalised || t.covered || !t.joinsPrevious || !kind.joinsPrevious || kind.capitalised
            || !isWord(tokens[k - 1].view(text), "the"))
            continue;
        if (!isAnyWord(kind.view(text),
                       {"library", "parser", "algorithm", "package", "module", "toolkit", "framework", "compiler",
                        "editor", "utility", "daemon", "codec"}))
            continue;
        const QStringView word = t.view(text);
        if (word.size() < 3 || !word.front().isLetter())
            continue;
        // Nor a word's plural ("datasets") or a compound of words ("command-line", "top-level").
        bool known = true;
        for (QStringView part : word.split(u'-')) {
            if (part.size() > 3 && part.endsWith(u's'))
                part.chop(1);
            Gazetteer::key(part, key);
            known = known && (m_gazetteer->wordFlags(key) & (Gazetteer::LowerCaseWord | Gazetteer::Stopword));
        }
        Gazetteer::key(word, key);
        if (known || (m_gazetteer->wordFlags(key) & (Gazetteer::LowerCaseWord | Gazetteer::Stopword)))
            continue;
        found.append({EntityType::Misc, t.start, t.end, word.toString(), 0.6});
    }
    addInOrder(mentions, found);
}

// "Tessellate, a mesh-simplification library, is ...", "libuv, the event loop behind Node.js,",
// "Pandoc, John MacFarlane's universal document converter,": a word that names nothing by itself
// (it opens a sentence, or it is in lower case) names a work when an apposition says what kind.
void EntityExtractor::worksNamedByApposition(const QString &text, const std::vector<Token> &tokens,
                                             QList<Mention> &mentions) const
{
    static const QRegularExpression kindOfWork = checked(QRegularExpression(
        QStringLiteral(R"(^(?:,|\s+(?:is|was))\s+(?:(?:a|an|the)|\p{Lu}[\w.-]*(?:\s+\p{Lu}[\w.-]*){0,2}['’]s)\s+)"
                       R"((?:[\w'’.-]+\s+){0,3}?(?:library|utility|tool|protocol|format|framework|converter|editor|)"
                       R"(daemon|parser|compiler|toolkit|package|module|program|application|app|engine|database|)"
                       R"(server|client|browser|interpreter|shell|driver|plugin|extension|viewer|specification|)"
                       R"(event\s+loop|assistant|language|codec|fork|implementation|port)\b)"),
        QRegularExpression::UseUnicodePropertiesOption));
    QList<Mention> found;
    QString key;
    qsizetype next = 0; // first mention ending after the token
    const qsizetype count = qsizetype(tokens.size());
    for (qsizetype k = 0; k < count; ++k) {
        const Token &t = tokens[k];
        if (t.covered || t.end + 3 >= text.size())
            continue;
        // ", a", ", an", ", the" or ", Name's" after it, checked before any lookup; or "is a",
        // "was an" ("Frobnitz is a library for").
        const bool comma = text.at(t.end) == u',' && text.at(t.end + 1) == u' ';
        const bool copula = text.at(t.end) == u' ' && t.end + 3 < text.size()
            && ((text.at(t.end + 1) == u'i' && text.at(t.end + 2) == u's')
                || (text.at(t.end + 1) == u'w' && text.at(t.end + 2) == u'a'));
        if (!comma && !copula)
            continue;
        const QChar after = comma ? text.at(t.end + 2) : u'a';
        if (!(after == u'a' || after == u't' || after.isUpper()))
            continue;
        // One word alone: not the end of a longer name.
        if (k > 0 && t.joinsPrevious && tokens[k - 1].capitalised)
            continue;
        const bool opener = t.capitalised && t.sentenceStart;
        if (!opener && t.capitalised)
            continue; // a capitalised word inside a sentence was typed by the runs
        while (next < mentions.size() && mentions[next].end <= t.start)
            ++next;
        if (next < mentions.size() && mentions[next].start < t.end)
            continue; // part of a name already
        const QStringView word = t.view(text);
        if (word.size() < 3 || !word.front().isLetter())
            continue;
        if (!t.capitalised) { // "libuv", "frobctl"; not "data, a list" or "curses"
            Gazetteer::key(word, key);
            if (m_gazetteer->wordFlags(key) & (Gazetteer::LowerCaseWord | Gazetteer::Stopword))
                continue;
        } else if ((t.flags & Gazetteer::Stopword) || (copula && (t.flags & Gazetteer::LowerCaseWord))) {
            continue; // and "Durability is a property of": a common word opening a definition
        }
        if (!kindOfWork.match(textAfter(text, t.end, 100)).hasMatch())
            continue;
        found.append({EntityType::Misc, t.start, t.end, word.toString(), 0.8});
    }
    addInOrder(mentions, found);
}

// "Tolstoy wrote War and Peace and Anna Karenina", "published A Mathematical Theory of
// Communication", "the essay The Cathedral and the Bazaar": after a verb of authorship or a kind of
// work, capitalised words joined by small words are one title, whatever its words name alone.
void EntityExtractor::titlesOfWorks(const QString &text, const std::vector<Token> &tokens, QList<Mention> &mentions)
{
    const qsizetype count = qsizetype(tokens.size());
    const auto word = [&](qsizetype k) { return tokens[k].view(text); };
    const auto opensTitle = [&](qsizetype k) {
        return k < count && tokens[k].capitalised && !tokens[k].covered && !tokens[k].sentenceStart
            && tokens[k].joinsPrevious && !tokens[k].lineStart;
    };
    // A plural kind of work a few words before "including" / "among them" / "such as".
    const auto worksBefore = [&](qsizetype k) {
        for (qsizetype m = k - 1; m >= 0 && m >= k - 6; --m)
            if (isAnyWord(word(m),
                          {"novels", "books", "essays", "poems", "plays", "albums", "songs", "films", "movies",
                           "operas", "paintings", "symphonies", "stories", "records", "works"}))
                return true;
        return false;
    };
    const auto cueBefore = [&](qsizetype k) {
        if (k < 1 || tokens[k - 1].capitalised)
            return false;
        const QStringView cue = word(k - 1);
        if (isAnyWord(cue,
                      {"wrote", "co-wrote", "penned", "authored", "co-authored", "published", "composed", "recorded"}))
            return true;
        // A kind of work is a noun only after a determiner: "the novel X", "her third album X"
        // ("Don't play George Bush" is a verb).
        if (isAnyWord(cue,
                      {"novel", "novella", "essay", "poem", "play", "album", "song", "film", "movie", "opera",
                       "symphony", "treatise", "memoir", "ballet", "musical", "sonnet"}))
            for (qsizetype m = k - 2; m >= 0 && m >= k - 4; --m)
                if (isAnyWord(word(m), {"the", "a", "his", "her", "their", "its", "my", "our", "your"}))
                    return true;
        const bool listCue = isWord(cue, "including") || (k >= 2 && isWord(cue, "them") && isWord(word(k - 2), "among"))
            || (k >= 2 && isWord(cue, "as") && isWord(word(k - 2), "such"));
        return listCue && worksBefore(k - 1);
    };
    struct Span
    {
        qsizetype first, last;
        bool joined; // small words or an article in it: a title, not a name
    };
    QList<Span> titles;
    for (qsizetype k = 1; k < count; ++k) {
        // "wrote C++ and C#": languages, not titles
        if (!opensTitle(k) || tokens[k].acronym || !cueBefore(k))
            continue;
        // One title, or a list of them: "War and Peace and Anna Karenina", "Emma, Persuasion and ...".
        bool listOfTitles = false; // a title before it was joined: the rest of the list are titles too
        for (qsizetype first = k; first < count;) {
            const bool article = isAnyWord(word(first), {"the", "a", "an"});
            qsizetype last = first, next = first + 1;
            int ands = 0;
            while (next < count && tokens[next].joinsPrevious && !tokens[next].covered && !tokens[last].closesRun) {
                if (tokens[next].capitalised) {
                    last = next++;
                    continue;
                }
                // "of", "and", "of the", "and the"; "in", "at", "on" only in a title opening with
                // an article ("A Night at the Opera"), so "published Dubliners in London" ends at
                // the title.
                const QStringView small = word(next);
                if (!(isAnyWord(small, {"of", "and", "the"}) || (article && isAnyWord(small, {"in", "at", "on"}))))
                    break;
                // "and" joins one word to one word ("War and Peace", "The Cathedral and the
                // Bazaar"); after a longer title, or before another article's title, it starts
                // the next title ("The Man in the Iron Mask and Les Misérables").
                if (isWord(small, "and")
                    && (++ands > 1 || last != first + (article ? 1 : 0) || next + 1 >= count
                        || (tokens[next + 1].capitalised && isAnyWord(word(next + 1), {"the", "a", "an"}))))
                    break;
                qsizetype after = next + 1;
                if (after < count && tokens[after].joinsPrevious && !tokens[after].capitalised
                    && isAnyWord(word(after), {"the", "a", "an"}) && !isWord(small, "the"))
                    ++after;
                if (after >= count || !tokens[after].joinsPrevious || !tokens[after].capitalised
                    || tokens[after].covered)
                    break;
                // "A Night at the Opera", not "composed The Magic Flute in Vienna"
                if (isAnyWord(small, {"in", "at", "on"}) && after == next + 1)
                    break;
                next = after;
            }
            if (article && last == first)
                break; // "wrote The ..." with nothing after the article
            // The article belongs to a title that is a phrase ("The Cathedral and the Bazaar"), not
            // to a name's ("wrote The Hobbit" names "Hobbit").
            const bool phrase = std::any_of(tokens.begin() + first, tokens.begin() + last + 1,
                                            [](const Token &token) { return !token.capitalised; });
            const bool joined = article || phrase;
            titles.append({article && !phrase ? first + 1 : first, last, joined || listOfTitles});
            // The list goes on after ", " or " and " with another capitalised word.
            qsizetype n = last + 1;
            if (n >= count || tokens[n].covered)
                break;
            const QStringView gap = QStringView(text).mid(tokens[last].end, tokens[n].start - tokens[last].end);
            const bool comma = gap.trimmed() == QLatin1String(",");
            const bool conjunction = gap.trimmed().isEmpty() && isWord(word(n), "and");
            if (!comma && !conjunction)
                break;
            if (conjunction)
                ++n;
            if (!(n < count && tokens[n].capitalised && !tokens[n].covered
                  && (conjunction ? tokens[n].joinsPrevious : true)))
                break;
            listOfTitles = listOfTitles || joined;
            first = n;
        }
        k = titles.isEmpty() ? k : std::max(k, titles.last().last);
    }
    if (titles.isEmpty())
        return;
    // A title replaces the names found inside it when words or an article joined it; a lone name
    // after the cue keeps what it was typed as, unless it was only a guess.
    QList<Mention> added;
    for (const Span &span : std::as_const(titles)) {
        const qsizetype start = tokens[span.first].start, end = tokens[span.last].end;
        const auto from = std::lower_bound(mentions.begin(), mentions.end(), start,
                                           [](const Mention &m, qsizetype at) { return m.end <= at; });
        auto to = from;
        bool inside = true, known = false;
        for (; to != mentions.end() && to->start < end; ++to) {
            inside = inside && to->start >= start && to->end <= end;
            known = known || (to->type != EntityType::Misc && to->confidence >= 0.8);
        }
        if (!inside || (known && !span.joined))
            continue;
        mentions.erase(from, to);
        added.append({EntityType::Misc, start, end, text.mid(start, end - start), 0.8});
    }
    addInOrder(mentions, added);
}

// "Debian has sparked ...": one unknown word opening a sentence says nothing by itself and was
// dropped, but when the text names the same word elsewhere, it is that name again.
void EntityExtractor::recoverSentenceOpeners(const QString &text, const std::vector<Token> &tokens,
                                             QList<Mention> &mentions)
{
    QHash<QString, const Mention *> named;
    QHash<QString, const Mention *> surnames;
    const qsizetype count = qsizetype(tokens.size());
    QList<Mention> recovered;
    qsizetype next = 0; // first mention ending after the token
    for (qsizetype k = 0; k < count; ++k) {
        const Token &t = tokens[k];
        if (!t.sentenceStart || !t.capitalised || t.covered || t.acronym
            || (k + 1 < count && tokens[k + 1].joinsPrevious && tokens[k + 1].capitalised))
            continue;
        while (next < mentions.size() && mentions[next].end <= t.start)
            ++next;
        if (next < mentions.size() && mentions[next].start < t.end)
            continue; // part of a name already
        if (named.isEmpty()) {
            if (mentions.isEmpty())
                return;
            for (const Mention &m : std::as_const(mentions)) {
                if (m.type == EntityType::Person || m.type == EntityType::Organization
                    || m.type == EntityType::Location)
                    named.insert(m.text, &m);
                if (m.type == EntityType::Person && m.confidence >= 0.7) {
                    const qsizetype space = m.text.lastIndexOf(u' ');
                    if (space > 0 && space + 1 < m.text.size() && m.text.at(space + 1).isUpper())
                        surnames.insert(m.text.mid(space + 1), &m);
                }
            }
            if (named.isEmpty())
                return;
        }
        const Mention *same = named.value(t.view(text).toString());
        if (!same) {
            // "Wanjiru Mwangi ... Mwangi taught": a person's surname alone is that person again.
            same = surnames.value(t.view(text).toString());
            if (!same)
                continue;
        }
        Mention m = *same;
        m.start = t.start;
        m.end = t.end;
        m.text = t.view(text).toString();
        m.confidence = 0.6;
        recovered.append(std::move(m));
    }
    addInOrder(mentions, recovered);
}

// Names typed by the mentions next to them, after every run is typed: an acronym in parentheses
// after an organisation is one ("Python Software Foundation (PSF)"), a name in parentheses or
// after a comma before a known place is a place ("Toronto (Canada)"), and an unknown name listed
// with typed ones takes their type ("Tyre and Sidon", "Kohath; Amram, and Izhar").
void EntityExtractor::typeFromNeighbours(const QString &text, QList<Mention> &mentions)
{
    static const QRegularExpression listJoint =
        checked(QRegularExpression(QStringLiteral(R"(^\s*(?:[,;:]\s*)?(?:(?:and|or)\s+)?$)")));
    const auto gap = [&](qsizetype left) {
        return QStringView(text).mid(mentions[left].end, mentions[left + 1].start - mentions[left].end);
    };
    const auto guessed = [](const Mention &m) { return m.type == EntityType::Misc && m.confidence < 0.8; };
    const auto isAcronym = [](const QString &word) {
        return word.size() >= 2
            && std::all_of(word.cbegin(), word.cend(), [](QChar c) { return c.isUpper() || c.isDigit(); });
    };
    // "Alliance for Open Media (AOMedia)": the capitals of a short form in mixed case are the
    // initials of the long form's capitalised words.
    const auto abbreviates = [](const QString &shortForm, const QString &longForm) {
        QString capitals, initials;
        for (QChar c : shortForm)
            if (c.isUpper())
                capitals += c;
        for (const QString &word : longForm.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            if (word.front().isUpper())
                initials += word.front();
        return capitals.size() >= 2 && capitals == initials;
    };
    for (qsizetype k = 0; k + 1 < mentions.size(); ++k) {
        Mention &left = mentions[k];
        Mention &right = mentions[k + 1];
        const QStringView between = gap(k);
        if (between.trimmed() == QLatin1String("(") && right.end < text.size() && text.at(right.end) == u')') {
            if (left.type == EntityType::Organization && guessed(right)
                && (isAcronym(right.text) || abbreviates(right.text, left.text)))
                right.type = EntityType::Organization, right.confidence = 0.8;
            else if (right.type == EntityType::Location && right.confidence >= 1.0 && guessed(left))
                left.type = EntityType::Location, left.confidence = 0.7;
            // "Lambourne Cross (Berkshire)": the region of a place named before it.
            else if (left.type == EntityType::Location && guessed(right) && !right.text.contains(u' '))
                right.type = EntityType::Location, right.confidence = 0.7;
        }
    }
    // "The sons of Kohath were Amram, Izhar, Hebron and Uzziel": the people listed after a
    // parent's children are people, whatever a list of towns says of a name.
    static const QRegularExpression childrenOf = checked(QRegularExpression(
        QStringLiteral(R"(\b(?:sons|daughters|children)\s+of\s+$)"), QRegularExpression::CaseInsensitiveOption));
    static const QRegularExpression listOpens =
        checked(QRegularExpression(QStringLiteral(R"(^\s*(?:[;:]|,?\s*(?:were|are)\b\s*:?)\s*$)")));
    for (qsizetype p = 0; p + 1 < mentions.size(); ++p) {
        if (mentions[p].type != EntityType::Person || !listOpens.match(gap(p)).hasMatch()
            || !childrenOf.match(textBefore(text, mentions[p].start, 40)).hasMatch())
            continue;
        for (qsizetype k = p + 1; k < mentions.size() && (k == p + 1 || listJoint.match(gap(k - 1)).hasMatch()); ++k) {
            Mention &listed = mentions[k];
            if (listed.type == EntityType::Location || guessed(listed))
                listed.type = EntityType::Person, listed.confidence = 0.7;
            else if (listed.type != EntityType::Person)
                break;
        }
    }
    // Lists, both ways: a typed neighbour types each unknown one, which may type the next.
    for (int pass = 0; pass < 2; ++pass) {
        for (qsizetype step = 0; step + 1 < mentions.size(); ++step) {
            const qsizetype k = pass == 0 ? step : mentions.size() - 2 - step;
            Mention &left = mentions[k];
            Mention &right = mentions[k + 1];
            if (guessed(left) == guessed(right) || !listJoint.match(gap(k)).hasMatch())
                continue;
            Mention &unknown = guessed(left) ? left : right;
            const Mention &known = guessed(left) ? right : left;
            // "Ines Duarte, Kvarn's new chairwoman": a possessive is an apposition, not a list.
            if (unknown.end + 1 < text.size() && isApostrophe(text.at(unknown.end)) && &unknown == &right)
                continue;
            if (known.type == EntityType::Person || known.type == EntityType::Location
                || known.type == EntityType::Organization)
                unknown.type = known.type, unknown.confidence = 0.6;
        }
    }
}

// Words around an unknown name that only an organisation takes: "acquired X", "X acquired",
// "X is headquartered", "chief executive of X", "co-founded X". Lower-case words next to the run.
bool EntityExtractor::organisationContext(const QString &text, const std::vector<Token> &tokens, qsizetype first,
                                          qsizetype last, OrganisationCue cue)
{
    const qsizetype count = qsizetype(tokens.size());
    const auto word = [&](qsizetype k) { return k >= 0 && k < count ? tokens[k].view(text) : QStringView(); };
    qsizetype before = first - 1;
    if (before >= 0 && tokens[first].joinsPrevious && isAnyWord(word(before), {"the"}))
        --before; // "founded the Ford Motor Company"
    const QStringView previous = word(before);
    if (cue == OrganisationCue::Before && before >= 0 && !tokens[before].capitalised) {
        if (isAnyWord(previous,
                      {"acquired", "acquire", "acquires", "acquiring", "bought", "buy", "buys", "purchased", "founded",
                       "co-founded", "cofounded", "joined", "rejoined"}))
            return true;
        // "when he worked at Unisys", "employed by Bell Labs": a workplace, not a place. (Not
        // "for": "worked for Edison" is as often a person.)
        if (isWord(previous, "at") && before > 0
            && isAnyWord(word(before - 1), {"worked", "works", "work", "working", "employed", "interned", "hired"}))
            return true;
        if (isWord(previous, "by") && before > 0 && isAnyWord(word(before - 1), {"employed", "hired"}))
            return true; // not "works by Botticelli"
        // "Signed to Motown", "recorded for Decca", "played seventy tests for the All Blacks",
        // "scored 30 goals for Arsenal": a label or a team (a country keeps its own type).
        if (before > 0 && !(tokens[first].flags & Gazetteer::Location)
            && ((isWord(previous, "to") && isWord(word(before - 1), "signed"))
                || (isWord(previous, "for")
                    && isAnyWord(word(before - 1),
                                 {"played", "plays", "playing", "recorded", "records", "recording", "signed", "signs",
                                  "captained", "captains", "tests", "games", "matches", "appearances", "caps", "goals",
                                  "seasons", "starts"}))))
            return true;
        // "After retiring from Unilever", "resigned from Siemens": one retires from an employer.
        if (isWord(previous, "from") && before > 0
            && isAnyWord(word(before - 1), {"retiring", "retired", "retire", "retires", "resigned", "resigning"}))
            return true;
        // "developed at LinkedIn", "then researchers at PUC-Rio": where work is done.
        if (isWord(previous, "at") && before > 0
            && isAnyWord(word(before - 1),
                         {"developed",   "designed",    "created",  "written",   "built",     "invented",
                          "researcher",  "researchers", "engineer", "engineers", "scientist", "scientists",
                          "employee",    "employees",   "staff",    "professor", "lecturer",  "intern",
                          "executive",   "executives",  "analyst",  "analysts",  "economist", "economists",
                          "electrician", "technician",  "clerk",    "partner",   "manager",   "director",
                          "worker",      "workers"}))
            return true;
        // Not "on board of the Titanic": aboard a ship.
        if (isWord(previous, "of") && before > 0
            && !(isWord(word(before - 1), "board") && isWord(word(before - 2), "on"))
            && isAnyWord(word(before - 1),
                         {"ceo",        "cfo",     "cto",          "coo",        "executive",   "chairman",
                          "chairwoman", "chair",   "founder",      "co-founder", "cofounder",   "subsidiary",
                          "division",   "shares",  "shareholders", "employees",  "spokesman",   "spokeswoman",
                          "office",     "offices", "branch",       "board",      "spokesperson"}))
            return true;
        // "secretary general of NATO", "director-general of the WTO"; not "attorney general of Texas".
        if (isWord(previous, "of") && before > 0
            && (isAnyWord(word(before - 1), {"secretary-general", "director-general"})
                || (before > 1 && isWord(word(before - 1), "general")
                    && isAnyWord(word(before - 2), {"secretary", "director"}))))
            return true;
        // "chief executive officer of Amazon"; not "an officer of Pharaoh".
        if (isWord(previous, "of") && before > 1 && isWord(word(before - 1), "officer")
            && isAnyWord(word(before - 2), {"executive", "financial", "operating", "technology", "information"}))
            return true;
        // "Telia's merger with Bredband2", "the takeover of Ørsted": only organisations merge.
        if (before > 0
            && ((isWord(previous, "with") && isAnyWord(word(before - 1), {"merger", "merged", "merge", "merging"}))
                || (isWord(previous, "of") && isAnyWord(word(before - 1), {"takeover", "acquisition", "merger"}))))
            return true;
        // "will be sold to Vattenfall"; not "sold the farm to John Smith" (a given name decides).
        if (isWord(previous, "to") && before > 0 && isAnyWord(word(before - 1), {"sold", "sell", "sells", "selling"})
            && !(tokens[first].flags & Gazetteer::GivenName))
            return true;
        // "a spokeswoman for Airbus", "shares in Nvidia", "a unit of Alphabet".
        if (isAnyWord(previous, {"for", "in", "of"}) && before > 0
            && isAnyWord(word(before - 1),
                         {"spokesman", "spokeswoman", "spokesperson", "shares", "stake", "unit", "subsidiaries",
                          "shareholder", "investors"})
            && !(isWord(previous, "for") && !isAnyWord(word(before - 1), {"spokesman", "spokeswoman", "spokesperson"})))
            return true;
        // "Founded by the Jesuits", "run by the Mercers": a person is not named with "the" as the
        // agent of a deed (a people is: "the Philistines" is undone by the plural rule).
        if (isWord(previous, "by") && before == first - 2 && before > 0
            && (word(before - 1).endsWith(QLatin1String("ed"))
                || isAnyWord(word(before - 1), {"run", "held", "built", "made", "led", "owned", "taken", "kept"})))
            return true;
        // "absorbed into its parent, Hanse Kreditgruppe", "formed a joint venture, Hoogovens
        // Renewables", "his shipyard, the Orwell Yard": a kind of organisation, then its name.
        if (textBefore(text, tokens[before + 1].start, 3).contains(u',')) {
            static const QRegularExpression kindThenName = checked(QRegularExpression(
                QStringLiteral(
                    R"((?:\b(?:its|the|a|an|their|his|her|our)|\w(?:'s|’s))\s+(?:[\w-]+\s+){0,2}?(?:parent|venture|)"
                    R"(subsidiary|company|firm|employer|shipyard|publisher|bank|lender|carrier|rival|)"
                    R"(competitor|start-?up|brewery|charity|foundation|consultancy|agency|insurer|)"
                    R"(retailer|supplier|manufacturer|spin-?off|association|society|unit|division|arm|)"
                    R"(affiliate|regulator|watchdog|ministry|union|party|club|band|utility|federation|)"
                    R"(association|league|council|authority|commission|body|institute|academy|)"
                    R"(observatory|laboratory|journal|newspaper|broadcaster)\s*,\s*(?:the\s+)?$)"),
                QRegularExpression::CaseInsensitiveOption));
            if (kindThenName.match(textBefore(text, tokens[first].start, 60)).hasMatch())
                return true;
        }
        // "was acquired by Avast", "bought by Naver": what buys a company is one.
        if (isWord(previous, "by") && before > 0
            && isAnyWord(word(before - 1), {"acquired", "bought", "purchased", "absorbed"}))
            return true;
        // "also leads SpaceX", "who heads Zentrix": what a person leads is an organisation.
        if (isAnyWord(previous, {"leads", "heads", "chairs"}))
            return true;
        // "went on to found Adidas": what is founded is an organisation ("found" alone is also
        // the past of "find").
        if (isWord(previous, "found") && before > 0 && isWord(word(before - 1), "to"))
            return true;
        // "the broadcaster Radio Mitre", "the drugmaker Novartis", "the company X": a kind of
        // organisation named before the name.
        const auto determinerNear = [&] { // "the research firm X", "the Dutch pension fund X"
            for (qsizetype d = before - 1; d >= 0 && d >= before - 3; --d)
                if (isAnyWord(word(d), {"the", "a", "its", "their"}))
                    return true;
            return false;
        };
        if (tokens[first].joinsPrevious && before > 0 && determinerNear()
            && (previous.endsWith(QLatin1String("maker"))
                || isAnyWord(previous, {"broadcaster",  "company",     "firm",      "carrier",     "airline",
                                        "retailer",     "lender",      "insurer",   "publisher",   "manufacturer",
                                        "conglomerate", "startup",     "start-up",  "newspaper",   "charity",
                                        "club",         "label",       "chain",     "bank",        "group",
                                        "union",        "band",        "studio",    "agency",      "network",
                                        "fund",         "regulator",   "watchdog",  "grocer",      "shipbuilder",
                                        "supermarket",  "consultancy", "investor",  "institute",   "foundation",
                                        "developer",    "operator",    "producer",  "distributor", "miner",
                                        "brand",        "ensemble",    "orchestra", "streamer",    "magazine",
                                        "daily",        "museum",      "gallery",   "troupe",      "workshop",
                                        "school",       "college",     "academy"})))
            return true;
    }
    if (cue == OrganisationCue::Before)
        return false;
    const QStringView next = word(last + 1);
    // "the Lark project", "the Debian community": a project or community is an organisation.
    // "the Odebrecht construction group": a word may name the trade before the kind.
    const qsizetype kind = last + 2 < count && tokens[last + 2].joinsPrevious && !tokens[last + 1].capitalised
            && !tokens[last + 2].capitalised && text.at(tokens[last].end) == u' ' // not "the Raleigh-based company"
            && isAnyWord(word(last + 2), {"group", "company", "firm", "conglomerate", "giant", "empire", "house"})
        ? last + 2
        : last + 1;
    if (first > 0 && isWord(word(first - 1), "the") && kind < count && tokens[kind].joinsPrevious
        && !technicalNounAfter(text, tokens[kind].end) // "the Math group generic"
        && (isAnyWord(word(kind),
                      {"project", "community", "consortium", "foundation",   "institute",  "institution", "group",
                       "company", "firm",      "bank",       "agency",       "society",    "museum",      "university",
                       "plant",   "factory",   "refinery",   "headquarters", "subsidiary", "brand",       "workforce"})
            // "the Fugger trading house", "the Odebrecht construction giant": after a trade only.
            || (kind == last + 2 && isAnyWord(word(kind), {"house", "giant", "conglomerate", "empire"})))
        // "the Gothenburg company Brakka": a place named as the company's attribute, then its name.
        && !(kind + 1 < count && tokens[kind + 1].joinsPrevious && tokens[kind + 1].capitalised))
        return true;
    if (isAnyWord(next, {"acquired", "acquires", "bought", "buys", "purchased", "owns"}))
        return tokens[last + 1].joinsPrevious;
    // "Naver agreed to acquire", "Avast plans to buy": only an organisation buys a company.
    if (isAnyWord(next, {"agreed", "agrees", "plans", "planned", "offered", "offers", "wants"})
        && tokens[last + 1].joinsPrevious && isWord(word(last + 2), "to")
        && isAnyWord(word(last + 3), {"acquire", "buy", "purchase"}))
        return true;
    // "Wellcome Leap is a subsidiary of", "Datawise is a Czech start-up": a kind of organisation.
    if (isAnyWord(next, {"is", "was"}) && tokens[last + 1].joinsPrevious
        && isAnyWord(word(last + 2), {"a", "an", "the"})) {
        for (qsizetype k = last + 3; k < count && k <= last + 6 && !tokens[k].capitalised; ++k) {
            if (isAnyWord(word(k),
                          {"subsidiary", "company", "firm", "start-up", "startup", "bank", "lender", "charity",
                           "non-profit", "nonprofit", "consultancy", "manufacturer", "retailer", "publisher", "airline",
                           "insurer", "carmaker", "conglomerate", "corporation"}))
                return true;
            if (isAnyWord(word(k), {"of", "in", "and", "who", "that", "which"}))
                break;
        }
    }
    // "Novartis shares rose", "Nordlicht's finance chief", "Xiaomi's chief executive": what only
    // a company has, right after its name (a person's name was decided by its given name before).
    {
        qsizetype k = last + 1;
        const bool possessive = tokens[last].end + 1 < text.size() && isApostrophe(text.at(tokens[last].end))
            && (text.at(tokens[last].end + 1) == u's' || text.at(tokens[last].end + 1) == u' ');
        if (k < count && (tokens[k].joinsPrevious || possessive) && isWord(word(k), "s"))
            ++k; // the "s" of "'s" when it is a token of its own
        if (k < count && possessive
            && isAnyWord(word(k), {"new", "former", "outgoing", "incoming", "interim", "acting", "longtime"}))
            ++k; // "Kvarn's new chairwoman"
        if (k < count && (tokens[k].joinsPrevious || possessive)
            && isAnyWord(word(k),
                         {"shares",       "stock",        "shareholders", "employees", "spokesman",  "spokeswoman",
                          "spokesperson", "executive",    "executives",   "merger",    "takeover",   "acquisition",
                          "subsidiary",   "subsidiaries", "headquarters", "ceo",       "cfo",        "revenue",
                          "revenues",     "profits",      "earnings",     "chairman",  "chairwoman", "finance"})
            // "European stock indices": a market of a region, not a company's stock
            && !(isWord(word(k), "stock")
                 && isAnyWord(word(k + 1),
                              {"index", "indices", "indexes", "exchange", "exchanges", "market", "markets", "prices"})))
            return true;
    }
    if (isAnyWord(next, {"headquartered", "based"})) // "X, based in"; not "Teddington-based"
        return tokens[last].end < text.size() && text.at(tokens[last].end) == QLatin1Char(',');
    // "X, whose headquarters are in": what only an organisation has.
    if (isWord(next, "whose") && tokens[last].end < text.size() && text.at(tokens[last].end) == u',')
        return isAnyWord(word(last + 2), {"headquarters", "secretariat", "shareholders", "employees"});
    if (last + 1 >= count || !tokens[last + 1].joinsPrevious)
        return false;
    // "Galatasaray captain Arda Yılmazer", "Ajax coach Erik Bos": a body's role before a name (a
    // known place stands for its team: "Brazil coach Tite").
    if (!tokens[last + 1].capitalised && last + 2 < count && tokens[last + 2].joinsPrevious
        && tokens[last + 2].capitalised
        && !(tokens[last].flags & (Gazetteer::Location | Gazetteer::GivenName | Gazetteer::Language))
        && isAnyWord(next,
                     {"captain", "coach", "manager", "striker", "defender", "midfielder", "goalkeeper", "winger",
                      "chairman", "chairwoman", "spokesman", "spokeswoman", "spokesperson",
                      // "Google engineer Jeff Dean", "Siemens chief Roland Busch": a company's officers and staff
                      "chief", "boss", "executive", "employee", "engineer", "researcher", "scientist", "astronaut",
                      "analyst", "economist"}))
        return true;
    // "Kvarn employs 200 people", "Kvarn manufactures batteries": what only an organisation does.
    if (isAnyWord(next, {"employs", "manufactures", "merged"}))
        return true;
    // "Kvarn has offices in Oslo", "Kvarn is owned by", "Kvarn became part of Vestor".
    if (isAnyWord(next, {"has", "had", "have"})
        && isAnyWord(
            word(last + 2),
            {"offices", "plants", "factories", "stores", "branches", "subsidiaries", "employees", "shareholders"}))
        return true;
    if (isAnyWord(next, {"is", "was", "became", "becomes"})
        && (isAnyWord(word(last + 2), {"owned", "listed"})
            || (isWord(word(last + 2), "part") && isWord(word(last + 3), "of") && last + 4 < count
                && tokens[last + 4].capitalised)))
        return true;
    // "Vestor holds a 30 percent stake in", "Vestor sold its stake": a shareholder that says "its"
    // or holds a stake is an organisation (a person's stake is "his" or "her").
    if (isAnyWord(next, {"holds", "held", "sold", "bought", "took", "takes", "acquired"})) {
        for (qsizetype k = last + 2; k < count && k <= last + 6; ++k) {
            if (isAnyWord(word(k), {"stake", "stakes"}))
                return !isAnyWord(word(last + 2), {"his", "her", "their"});
            if (tokens[k].capitalised)
                break;
        }
    }
    // "Kaizer Chiefs were founded in 1970 by": what only an organisation is.
    if (isAnyWord(next, {"is", "was", "has", "had", "were", "are", "have"}))
        return isAnyWord(word(last + 2), {"headquartered", "based", "acquired", "bought", "founded"});
    return false;
}

bool EntityExtractor::gerundTitle(const QString &text, const std::vector<Token> &tokens, qsizetype a, qsizetype b) const
{
    const QStringView first = tokens[a].view(text);
    if (first.size() < 5 || !first.endsWith(QLatin1String("ing")) || !(tokens[a].flags & Gazetteer::CommonWord)
        || (tokens[a].flags
            & (Gazetteer::GivenName | Gazetteer::Location | Gazetteer::OrgHead | Gazetteer::LocationHead))
        || (tokens[b].flags & (Gazetteer::OrgHead | Gazetteer::OrgSuffix | Gazetteer::LocationHead)))
        return false;
    // At a sentence's start only in quotes: "Leaving Paris, he" opens with a verb.
    if (tokens[a].sentenceStart && !(tokens[a].start > 0 && isQuote(text.at(tokens[a].start - 1))))
        return false;
    for (qsizetype k = a + 1; k <= b; ++k)
        if (tokens[k].flags & (Gazetteer::GivenName | Gazetteer::Location))
            return false;
    // The verb is a word: "writ(e)", "extend", "run(n)"; not "sterl", "ceil" ("Evening Standard"
    // passes: "even" is a word, and a newspaper's name is read as a work).
    const QStringView stem = first.chopped(3);
    const Gazetteer &gz = *m_gazetteer;
    const auto isVerb = [&](const QString &word) {
        return word.size() >= 2 && (gz.wordFlags(Gazetteer::key(word)) & Gazetteer::LowerCaseWord);
    };
    const QString plain = stem.toString().toLower();
    return isVerb(plain) || isVerb(plain + QLatin1Char('e'))
        || (plain.size() >= 3 && plain.at(plain.size() - 1) == plain.at(plain.size() - 2) && isVerb(plain.chopped(1)));
}

void EntityExtractor::typeRun(const QString &text, const std::vector<Token> &tokens, qsizetype first, qsizetype last,
                              QList<Mention> &out) const
{
    const Gazetteer &gz = *m_gazetteer;
    const auto spanKey = [&](qsizetype a, qsizetype b) {
        return Gazetteer::key(QStringView(text).mid(tokens[a].start, tokens[b].end - tokens[a].start));
    };
    const auto add = [&](EntityType type, qsizetype a, qsizetype b, double confidence) {
        Mention m;
        m.type = type;
        m.start = tokens[a].start;
        m.end = tokens[b].end;
        m.text = text.mid(m.start, m.end - m.start);
        m.confidence = confidence;
        out.append(std::move(m));
    };
    const auto isOrgWord = [&](qsizetype k) { return tokens[k].capitalised && (tokens[k].flags & Gazetteer::OrgHead); };
    const auto has = [&](qsizetype k, unsigned flag) { return (tokens[k].flags & flag) != 0; };
    // A listed system or language anywhere in it, or one word in capitals or camel case.
    // "the AKP" after what one does to a body ("broke with", "joined", "left"), or a body's
    // possessive or deed after it ("the FAI's", "the EU ruled").
    const auto actsAsBody = [&](qsizetype k) {
        const qsizetype count = qsizetype(tokens.size());
        const bool possessive = tokens[k].end + 1 < text.size() && isApostrophe(text.at(tokens[k].end))
            && text.at(tokens[k].end + 1) == u's';
        if (possessive
            || (k + 1 < count && tokens[k + 1].joinsPrevious
                && isAnyWord(tokens[k + 1].view(text),
                             {"said", "says", "announced", "ruled", "voted", "fined", "approved", "agreed", "decided",
                              "elected", "appointed"})))
            return true;
        if (k < 2)
            return false;
        const QStringView verb = tokens[k - 2].view(text);
        return isAnyWord(verb,
                         {"joined", "joins", "left", "quit", "led", "leads", "headed", "heads", "chaired", "chairs",
                          "founded", "represented", "represents"})
            || (isWord(verb, "with") && k > 2 && isAnyWord(tokens[k - 3].view(text), {"broke", "split", "merged"}));
    };
    // "St Thomas's Abbey", "St James's Park", "St Patrick's Day": a saint's possessive and a head
    // word name a body, a place or a day, never the saint.
    if (last >= first + 2 && isSaintsTitle(tokens[first].view(text)) && tokens[first + 1].end < text.size()
        && isApostrophe(text.at(tokens[first + 1].end))) {
        const bool body = has(last, Gazetteer::OrgHead)
            || isAnyWord(tokens[last].view(text), {"abbey", "priory", "convent", "monastery", "college", "school"});
        add(body ? EntityType::Organization
                : has(last, Gazetteer::LocationHead)
                    || isAnyWord(tokens[last].view(text), {"cathedral", "basilica", "church", "chapel", "minster"})
                ? EntityType::Location
                : EntityType::Misc,
            first, last, 0.8);
        return;
    }
    const auto softwareName = [&](qsizetype first, qsizetype last) {
        for (qsizetype k = first; k <= last; ++k)
            if (has(k, Gazetteer::Software))
                return true;
        return first == last && (tokens[first].acronym || tokens[first].mixedCase);
    };

    bool afterPlacePreposition =
        first > 0 && tokens[first].joinsPrevious && isPlacePreposition(tokens[first - 1].view(text));
    // "from the Oder", "in the Algarve": one unknown word after "in the", "from the" or "into the"
    // (not a plural: "in the Balkans" is decided by the lists, "in the Olympics" is none).
    if (first == last && first > 1 && tokens[first].joinsPrevious && tokens[first - 1].joinsPrevious
        && isWord(tokens[first - 1].view(text), "the")
        && isAnyWord(tokens[first - 2].view(text), {"in", "from", "into"}) && !tokens[first].view(text).endsWith(u's')
        && !tokens[first].acronym
        && !tokens[first].mixedCase
        // the head of its phrase: not "in the Dedukti format", "in the Baltic states"
        && !(last + 1 < qsizetype(tokens.size()) && tokens[last + 1].joinsPrevious && !tokens[last + 1].capitalised
             && !isAnyWord(tokens[last + 1].view(text),
                           {"and",  "or",    "of",   "in",    "on",    "at",   "to",      "for",      "with",
                            "by",   "from",  "is",   "was",   "were",  "are",  "has",     "had",      "which",
                            "that", "where", "this", "since", "until", "near", "reached", "overnight"})))
        afterPlacePreposition = true;
    // "across the Sahara", "along the Wensum", "toward the Adriatic", "as far as Lenwade": a way
    // over land or water leads to a place.
    const auto wayWord = [&](qsizetype k) {
        return k >= 0
            && isAnyWord(tokens[k].view(text),
                         {"across", "along", "beyond", "toward", "towards", "throughout", "through"});
    };
    if (first > 0 && tokens[first].joinsPrevious
        && (wayWord(first - 1)
            || (first > 1 && isWord(tokens[first - 1].view(text), "the") && tokens[first - 1].joinsPrevious
                && wayWord(first - 2))
            || (first > 2 && isWord(tokens[first - 1].view(text), "as")
                && isWord(tokens[first - 2].view(text), "far"))))
        afterPlacePreposition = true;
    qsizetype a = first, b = last;
    // Leading and trailing words that are never names: "The", "However", "In", month names; but
    // "Very" inside a sentence starts one ("the Very Large Telescope").
    const auto veryInName = [&](qsizetype k) {
        return k < b && !tokens[k].sentenceStart && !tokens[k].lineStart && tokens[k + 1].joinsPrevious
            && tokens[k].view(text) == QLatin1String("Very");
    };
    while (a <= b && (!tokens[a].capitalised || (has(a, Gazetteer::Stopword) && !veryInName(a)))) {
        afterPlacePreposition = afterPlacePreposition || isPlacePreposition(tokens[a].view(text));
        ++a;
    }
    // "Margaret I", "Henry VIII", "Louis XIV": a regnal number after a given name is the name's.
    const auto regnalNumber = [&](qsizetype k) {
        static const QRegularExpression roman =
            checked(QRegularExpression(QStringLiteral(R"(^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$)")));
        return k > a && tokens[k].joinsPrevious && has(k - 1, Gazetteer::GivenName)
            && tokens[k].end - tokens[k].start <= 5 && roman.match(tokens[k].view(text)).hasMatch();
    };
    // "Theresa May", "Brian May": the month is a surname after a given name, unless a day or a
    // year follows ("Lucy May 5").
    const auto surnameMay = [&](qsizetype k) {
        const qsizetype end = tokens[k].end;
        return k > a && tokens[k].joinsPrevious && has(k - 1, Gazetteer::GivenName) && !tokens[k - 1].acronym
            && tokens[k].view(text) == QLatin1String("May")
            && !(end + 1 < text.size() && text.at(end) == u' ' && text.at(end + 1).isDigit());
    };
    while (b >= a && (!tokens[b].capitalised || (has(b, Gazetteer::Stopword) && !regnalNumber(b) && !surnameMay(b))))
        --b;
    if (a > b)
        return;
    // "the Leader of the Debian Project", "Executive Director of the Kvarn Foundation": an office
    // written with capitals, then "of", is no part of the name after it (two common words may
    // qualify the office: "Project Leader", "Managing Director").
    {
        qsizetype office = a;
        while (office < b && office < a + 2 && has(office, Gazetteer::CommonWord | Gazetteer::OrgHead)
               && !isOfficeHeld(tokens[office].view(text)) && !has(office, Gazetteer::GivenName | Gazetteer::Location))
            ++office;
        // Not before a person's name: "Secretary of State Antony Blinken" is titled.
        bool personAfter = false;
        for (qsizetype k = office + 2; k <= b && !personAfter; ++k)
            personAfter = has(k, Gazetteer::GivenName);
        if (office + 2 <= b && !personAfter && isOfficeHeld(tokens[office].view(text))
            && isWord(tokens[office + 1].view(text), "of")) {
            qsizetype name = office + 2;
            if (name < b && isWord(tokens[name].view(text), "the"))
                ++name;
            if (tokens[name].capitalised) {
                typeRun(text, tokens, name, b, out);
                return;
            }
        }
    }
    // Initials and symbols alone ("R.", "X.", "C", "R. the C.", "Ω."), and words mixing
    // Greek with Latin letters ("Σij"): notation, not names.
    bool notation = true;
    for (qsizetype k = a; k <= b && notation; ++k)
        notation = !tokens[k].capitalised
            || (tokens[k].end - tokens[k].start <= 3 && letterCount(tokens[k].view(text)) <= 1
                && !tokens[k].view(text).endsWith(u'+') && !tokens[k].view(text).endsWith(u'#'));
    if (notation || (a == b && mixesGreekAndLatin(tokens[a].view(text))))
        return;

    // "Matrices and Arrays in Oct-Files . . . . 1010": a table of contents' heading, not a name.
    {
        const QStringView after = QStringView(text).mid(tokens[b].end, 8);
        if (after.startsWith(u" . . .") || after.startsWith(u"....") || after.startsWith(u" ...."))
            return;
    }
    // "Oh, Maggie", "Oh yeah": an interjection, though some list it as a name.
    if (a == b && b + 1 < qsizetype(tokens.size()) && tokens[b].end < text.size()
        && isAnyWord(tokens[a].view(text),
                     {"oh", "ah", "alas", "hey", "hi", "hello", "yes", "no", "okay", "wow", "yeah", "hmm", "aye", "nay",
                      "oops", "ouch", "hurrah", "amen", "ahoy"})
        && (QStringView(u",!?.").contains(text.at(tokens[b].end)) || !tokens[b + 1].capitalised))
        return;
    // "Chambers, John M. (2008)": a reference names its author surname first; the given names
    // after the comma are that person's, and the two are one name (kept where the surname stands).
    if (has(a, Gazetteer::GivenName) && a > 0 && tokens[a - 1].capitalised && !tokens[a - 1].acronym
        && tokens[a - 1].end + 2 == tokens[a].start && text.at(tokens[a - 1].end) == u','
        && !has(a - 1, Gazetteer::Stopword | Gazetteer::CommonWord | Gazetteer::Location)) {
        bool givenNames = true;
        for (qsizetype k = a + 1; k <= b && givenNames; ++k)
            givenNames = has(k, Gazetteer::GivenName)
                || (tokens[k].end - tokens[k].start == 2 && text.at(tokens[k].end - 1) == u'.'); // "M."
        static const QRegularExpression year = checked(QRegularExpression(QStringLiteral(R"(^\s*\(\d{4}[a-z]?\))")));
        const Token &surname = tokens[a - 1];
        if (givenNames && year.match(textAfter(text, tokens[b].end, 12)).hasMatch()
            && (out.isEmpty() || out.last().end <= surname.start
                || (out.last().start == surname.start && out.last().end == surname.end))) {
            if (!out.isEmpty() && out.last().start == surname.start)
                out.removeLast();
            Mention m;
            m.type = EntityType::Person;
            m.start = surname.start;
            m.end = surname.end;
            m.text = text.mid(m.start, m.end - m.start);
            m.confidence = 0.8;
            m.name = text.mid(tokens[a].start, tokens[b].end - tokens[a].start) + u' ' + m.text;
            out.append(std::move(m));
            return;
        }
    }
    // "Inc." alone: a legal form names nothing by itself.
    if (a == b && has(a, Gazetteer::OrgSuffix)
        && !has(a, Gazetteer::OrgHead | Gazetteer::GivenName | Gazetteer::Location))
        return;
    // "the GNU General Public License", "the Clean Air Act", "the Treaty of Versailles": a law, a
    // treaty or a licence is a document, whatever organisation or place words it holds.
    if (a < b && !has(b, Gazetteer::OrgSuffix)
        && (isAnyWord(tokens[b].view(text),
                      {"license", "licence", "act", "treaty", "agreement", "protocol", "specification", "handbook",
                       "convention", "declaration", "constitution", "charter", "accord", "accords", "directive",
                       "statute"})
            || (isAnyWord(tokens[a].view(text),
                          {"treaty", "act", "statute", "edict", "peace", "convention", "declaration", "charter",
                           "constitution"})
                && isWord(tokens[a + 1].view(text), "of")))) {
        add(EntityType::Misc, a, b, 0.8);
        return;
    }
    // "SQLite Archive files", "libpq — C Library": an organisation's word names a software part or
    // format before a technical noun, a library after a language or a letter.
    if (isOrgWord(b) && !has(b, Gazetteer::OrgSuffix)
        && (technicalNounAfter(text, tokens[b].end)
            || (a < b && isAnyWord(tokens[b].view(text), {"library", "libraries"})
                && (has(b - 1, Gazetteer::Language | Gazetteer::Software)
                    || tokens[b - 1].end - tokens[b - 1].start == 1)))) {
        add(EntityType::Misc, a, b, 0.8);
        return;
    }
    // "BeOpen.com", "Amazon.com", "Booking.com": a company named by its web address.
    if (a == b && tokens[a].view(text).size() > 5 && tokens[a].view(text).endsWith(u".com", Qt::CaseInsensitive)) {
        add(EntityType::Organization, a, b, 0.8);
        return;
    }
    // A reference's author, title and publisher, a document's title in quotes.
    if (referenceAuthor(text, tokens[b].end) && !has(b, Gazetteer::Stopword)) {
        add(EntityType::Person, a, b, 0.8);
        return;
    }
    // (A one-word title or publisher that is a common word, "the ‘Details’ section", names nothing
    // new: the other rules decide it.)
    const bool commonWord = a == b && has(a, Gazetteer::CommonWord);
    if (!commonWord
        && (afterReferenceYear(text, tokens[a].start) || quotedDocumentTitle(text, tokens[a].start, tokens[b].end))) {
        add(EntityType::Misc, a, b, 0.8);
        return;
    }
    if (!commonWord && closesReference(text, tokens[a].start, tokens[b].end)) {
        add(EntityType::Organization, a, b, 0.9);
        return;
    }
    // "Statistical Models in S. Wadsworth & Brooks/Cole.": the title's last letter is no initial.
    if (a < b && tokens[a].end - tokens[a].start == 2 && text.at(tokens[a].end - 1) == u'.'
        && closesReference(text, tokens[a + 1].start, tokens[b].end)) {
        add(EntityType::Organization, a + 1, b, 0.9);
        return;
    }
    // "New York: Wiley.", "London: Chapman and Hall, 1990": a publisher, whatever its name spells
    // (not "Paris: Hugo wrote", a sentence after a colon).
    if (afterPublishersTown(text, tokens[a].start, out) && tokens[b].end < text.size()
        && QStringView(u".,;()\n").contains(text.at(tokens[b].end))) {
        add(EntityType::Organization, a, b, 0.9);
        return;
    }

    // Context read around the name, only when the dictionaries do not decide.
    // The regular expressions run only when the word before or after could start what they look
    // for: most unknown names have neither, and manuals have many.
    const qsizetype count = qsizetype(tokens.size());
    const auto wordBefore = [&](qsizetype from) { return from > 0 ? tokens[from - 1].view(text) : QStringView(); };
    const auto mayContinue = [&](qsizetype to) {
        const qsizetype end = tokens[to].end;
        if (end < text.size() && (text.at(end) == u',' || isApostrophe(text.at(end))))
            return true;
        return to + 1 < count && tokens[to + 1].joinsPrevious
            && isAnyWord(tokens[to + 1].view(text),
                         {"said", "says", "saith", "spake", "answered", "replied", "asked", "told", "cried",
                          "exclaimed", "whispered", "shouted", "sighed", "smiled", "laughed", "nodded", "wept", "begat",
                          "married", "king", "queen", "prince", "priest", "prophet", "the", "a", "an", "his", "her",
                          "their", "reported", "composed", "painted", "wrote",
                          // what organisationAfter() reads on: "Xiaomi had delivered its"
                          "has", "had", "have", "announced", "expects", "expected", "plans", "planned", "agreed",
                          "confirmed", "hopes", "warned",
                          // what personAfter() reads on: "Mwangi taught", "Mwangi was born"
                          "taught", "studied", "died", "graduated", "retired", "was", "is"});
    };
    // "the cellist Yo-Yo Ma", "a Kenyan sprinter Kip": a calling after a determiner, right before.
    const auto callingBefore = [&](qsizetype from) {
        if (from < 2 || !tokens[from].joinsPrevious || tokens[from - 1].capitalised
            || !isPersonsCalling(tokens[from - 1].view(text)))
            return false;
        for (qsizetype m = from - 2; m >= 0 && m >= from - 3; --m)
            if (isAnyWord(tokens[m].view(text), {"the", "a", "an", "his", "her", "their", "its", "our"}))
                return true;
        return false;
    };
    const auto personContext = [&](qsizetype from, qsizetype to) {
        const QStringView before = wordBefore(from);
        return (isAnyWord(before,
                          {"dear",      "dearest", "as",       "nicknamed", "called",  "said",    "says",   "saith",
                           "asked",     "replied", "answered", "cried",     "spake",   "wrote",   "begat",  "unto",
                           "of",        "married", "wed",      "wife",      "husband", "son",     "sons",   "daughter",
                           "daughters", "brother", "brothers", "sister",    "sisters", "father",  "mother", "cousin",
                           "uncle",     "aunt",    "nephew",   "niece",     "fiance",  "fiancee", "fiancé", "fiancée"})
                && personBefore().match(textBefore(text, tokens[from].start)).hasMatch())
            || (mayContinue(to) && personAfter().match(textAfter(text, tokens[to].end)).hasMatch())
            || callingBefore(from);
    };
    const auto organisationApposition = [&](qsizetype to) {
        // "Tesla opened its first factory": people have no "its".
        if (to + 2 < count && tokens[to + 1].joinsPrevious && tokens[to + 2].joinsPrevious
            && !tokens[to + 1].capitalised
            && (tokens[to + 1].view(text).endsWith(QLatin1String("ed"))
                || isAnyWord(tokens[to + 1].view(text),
                             {"kept",   "made",  "sold", "held", "cut",     "took",  "won",  "lost", "gave", "built",
                              "bought", "began", "set",  "shut", "brought", "spent", "sent", "paid", "grew", "led"}))
            && isWord(tokens[to + 2].view(text), "its"))
            return true;
        return mayContinue(to) && organisationAfter().match(textAfter(text, tokens[to].end)).hasMatch();
    };
    const auto placeContext = [&](qsizetype from, qsizetype to) {
        const QStringView after = textAfter(text, tokens[to].end, 16);
        // "from Devizes to Cheltenham": the end of a journey that began at a place.
        static const QRegularExpression fromTo(
            QStringLiteral(R"(\b[Ff]rom\s+\p{Lu}[\w'’.-]*(?:\s+\p{Lu}[\w'’.-]*){0,2}\s+to\s*$)"),
            QRegularExpression::UseUnicodePropertiesOption);
        // "on the Yorkshire coast", "the Douro valley": a stretch of land named by its place (not by
        // a people's adjective: "the Dalmatian coast").
        static const QRegularExpression stretch = checked(QRegularExpression(QStringLiteral(
            R"(^\s(?:coast|coastline|valley|peninsula|basin|delta|estuary|plateau|district|quarter|borough|suburb)\b)")));
        const QStringView last = tokens[to].view(text);
        // "the Gothenburg company Brakka", "the Paris start-up Kitabu": a town as a company's attribute.
        static const QRegularExpression townCompany = checked(QRegularExpression(
            QStringLiteral(R"(^\s(?:[a-z]+\s)?(?:company|firm|start-?up|bank|group|lender|brewer|publisher|retailer|)"
                           R"(maker|makers|operator|operators|developer|producer|miner|carrier|airline|club|side)\s+)"
                           R"((?:\p{Lu}|owned|based|that|which|whose))"),
            QRegularExpression::UseUnicodePropertiesOption));
        if (from > 0 && (isWord(wordBefore(from), "the") || isWord(wordBefore(from), "a"))
            && (stretch.match(after).hasMatch() || townCompany.match(textAfter(text, tokens[to].end, 40)).hasMatch())
            && !last.endsWith(u'n') && !last.endsWith(QLatin1String("ish")) && !last.endsWith(QLatin1String("ese")))
            return true;
        // "on" or "on the" before: only "lies on the" and its kin are read (most names after "the"
        // have no "on" before it).
        const bool afterOn = isWord(wordBefore(from), "on")
            || (isWord(wordBefore(from), "the") && from > 1 && isWord(tokens[from - 2].view(text), "on"));
        return ((afterOn
                 || isAnyWord(wordBefore(from),
                              {"of", "toward", "towards", "near", "reached", "in", "capital", "city", "town", "village",
                               "hamlet", "seaport"}))
                && placeBefore().match(textBefore(text, tokens[from].start)).hasMatch())
            || (isWord(wordBefore(from), "to") && fromTo.match(textBefore(text, tokens[from].start, 60)).hasMatch())
            || (after.startsWith(QLatin1String("-based")) && !basedTechnology(textAfter(text, tokens[to].end, 40)))
            || after.startsWith(QLatin1String("-born")) || after.startsWith(QLatin1String("-headquartered"))
            || after.startsWith(QLatin1String(" flows ")) || after.startsWith(QLatin1String(" flowed ")) // a river
            || placePossessions().match(textAfter(text, tokens[to].end, 30)).hasMatch()
            || placeApposition().match(textAfter(text, tokens[to].end)).hasMatch();
    };
    // A name cited with a year, as references cite authors: "Chambers (1992)", "Chambers and
    // Hastie (1992)", "Venables et al. (2002)".
    const auto citedAuthor = [&](qsizetype to) {
        static const QRegularExpression year =
            checked(QRegularExpression(QStringLiteral(R"(^(?:,\s*(?:\p{Lu}\.\s*)+)?(?:\s*(?:and|&)\s+\p{Lu}[\w'’-]+)"
                                                      R"((?:,\s*(?:\p{Lu}\.\s*)+)?|\s+et\s+al\.?)?\s*\(\d{4}[a-z]?\))"),
                                       QRegularExpression::UseUnicodePropertiesOption));
        // "Chambers (1992)", "Becker and Chambers (1988)", "Davison, A. C. and Snell, E. J. (1991)".
        const QStringView after = textAfter(text, tokens[to].end, 60);
        return !after.isEmpty() && (after.front() == u'(' || after.front() == u' ' || after.front() == u',')
            && year.match(after).hasMatch();
    };
    const auto initial = [&](qsizetype k) {
        return tokens[k].end - tokens[k].start == 2 && text.at(tokens[k].end - 1) == u'.';
    };

    // A work, said to be made: "Git was written by", "Lua was designed in 1993 by", "Apache
    // Kafka, originally developed at". People and organisations are founded, born or hired.
    const auto madeThing = [&](qsizetype to) {
        static const QRegularExpression made = checked(QRegularExpression(
            QStringLiteral(
                R"(^\s*,?\s+(?:(?:is|was|were|has\s+been|had\s+been)\s+)?(?:\w+ly\s+)?)"
                R"((?:designed|written|created|developed|invented|implemented|authored|composed|)"
                R"(co-designed|co-written|co-created|co-developed|maintained|forked|ported)\s+(?:by|at|in)\b)"),
            QRegularExpression::UseUnicodePropertiesOption));
        if (to + 1 >= count || !(tokens[to + 1].joinsPrevious || text.at(tokens[to].end) == u','))
            return false;
        return made.match(textAfter(text, tokens[to].end)).hasMatch();
    };
    // "Git was written by", "Ruby was created by": a work, whatever else its name spells.
    if (madeThing(b) && !has(b, Gazetteer::OrgHead) && !has(a, Gazetteer::PersonTitle)) {
        add(EntityType::Misc, a, b, 0.8); // evidence, not a guess a list may overrule
        return;
    }
    // "Mary Shelley wrote Frankenstein", "Brontë wrote Jane Eyre", "the novel Dracula": what is
    // written, composed or painted is a work, even when its name is a person's. Not a quotation's
    // speaker ('"Come," wrote Mrs. Ashdown'): there a quote stands before the verb.
    const auto madeWork = [&] {
        if (first == 0 || !tokens[first].joinsPrevious || has(a, Gazetteer::PersonTitle))
            return false;
        const qsizetype verb = first - 1;
        if (isAnyWord(tokens[verb].view(text),
                      {"wrote", "authored", "co-wrote", "co-authored", "composed", "painted", "penned", "writes",
                       "composes"})) {
            const QStringView before = textBefore(text, tokens[verb].start, 3).trimmed();
            return before.isEmpty() || !(before.endsWith(u'"') || before.endsWith(u'\u201D') || before.endsWith(u'\''));
        }
        return verb > 0 && tokens[verb].joinsPrevious && isAnyWord(tokens[verb - 1].view(text), {"the", "his", "her"})
            && isAnyWord(tokens[verb].view(text),
                         {"novel", "poem", "play", "opera", "symphony", "film", "album", "painting", "essay",
                          "treatise", "novella", "ballad", "sonnet"});
    };
    // "Winter Harbour, her first novel,", "Blue Lake, a 1998 film by": an apposition whose head is
    // a kind of work, over a place's or a person's words.
    static const QRegularExpression workApposition = checked(QRegularExpression(
        QStringLiteral(R"(^,\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?)"
                       R"((?:novel|novella|poem|play|opera|symphony|film|movie|album|painting|essay|memoir|)"
                       R"(musical|ballet|sonnet|ballad|song|single)\s*(?:by\b|,|\.|;|\)|about\b|that\b|which\b))")));
    const auto workNamedAfter = [&] {
        return b + 1 < qsizetype(tokens.size()) && text.at(tokens[b].end) == u','
            && workApposition.match(textAfter(text, tokens[b].end, 80)).hasMatch();
    };
    if ((madeWork() || workNamedAfter()) && !has(b, Gazetteer::OrgHead)) {
        add(EntityType::Misc, a, b, 0.8);
        return;
    }
    // "the river Tees", "the isle of Wight"... "the river X": a kind of place in lower case before
    // the name says what it is, even when the name is a common word.
    if (first >= 1 && tokens[first].joinsPrevious
        && isAnyWord(tokens[first - 1].view(text), {"river", "lake", "loch", "mount", "isle", "river's"})
        && !(tokens[first - 1].capitalised) && !has(a, Gazetteer::OrgHead)) {
        add(EntityType::Location, a, b, 0.9);
        return;
    }
    // "written in Haskell", "implemented in Go", "ported to Rust": after these, a language.
    if (a == b && first >= 2 && tokens[first].joinsPrevious && tokens[first - 1].joinsPrevious
        && isAnyWord(tokens[first - 1].view(text), {"in", "to"})
        && isAnyWord(tokens[first - 2].view(text),
                     {"written", "implemented", "coded", "programmed", "rewritten", "ported", "reimplemented"})
        && !has(a, Gazetteer::Location | Gazetteer::OrgHead)) {
        add(EntityType::Misc, a, b, 0.8);
        return;
    }
    // "The Carrow family", "the Ferrand family": a family is named by its people's name.
    if (a == b && a > 0 && tokens[a].joinsPrevious && isWord(tokens[a - 1].view(text), "the")
        && b + 1 < qsizetype(tokens.size()) && tokens[b + 1].joinsPrevious && isWord(tokens[b + 1].view(text), "family")
        && !has(a, Gazetteer::Location | Gazetteer::OrgHead) && !tokens[a].acronym
        && !tokens[a].mixedCase) { // not "the SHA-2 family of hash functions"
        add(EntityType::Person, a, b, 0.8);
        return;
    }
    // "his son Ferry", "her brother Will": a kinship noun after "his" or "her" names a person,
    // even one whose name is a common word.
    static const QRegularExpression kinBefore = checked(QRegularExpression(
        QStringLiteral(R"(\b(?:his|her|their)\s+(?:wife|husband|sons?|daughters?|brothers?|sisters?|father|mother|)"
                       R"(cousin|uncle|aunt|nephew|niece)\s*,?\s*$)"),
        QRegularExpression::CaseInsensitiveOption));
    bool allCapitalised = true; // not "Prince Albert of Saxe-Coburg": the rules below split that
    for (qsizetype k = a; k <= b && allCapitalised; ++k)
        allCapitalised = tokens[k].capitalised && !has(k, Gazetteer::PersonTitle);
    if (allCapitalised && !has(b, Gazetteer::OrgHead | Gazetteer::LocationHead) && tokens[first].joinsPrevious
        && kinBefore.match(textBefore(text, tokens[a].start, 40)).hasMatch()) {
        add(EntityType::Person, a, b, 0.8);
        return;
    }

    const QString whole = a == b ? QString() : spanKey(a, b);
    // "Monte Carlo simulation", "the Las Vegas algorithm", "Manhattan distance": a method named
    // after a place.
    if (b + 1 < qsizetype(tokens.size()) && tokens[b + 1].joinsPrevious && !tokens[b + 1].capitalised
        && isAnyWord(tokens[b + 1].view(text),
                     {"simulation", "simulations", "method", "methods", "test", "tests", "algorithm", "algorithms",
                      "sampling", "integration", "estimate", "estimates", "estimation", "estimator", "approximation",
                      "distance", "metric", "norm", "replicates"})
        && ((a == b ? has(a, Gazetteer::Location) : gz.locationKey(spanKey(a, b))) || has(a, Gazetteer::LocationHead)
            || gz.isWorldCity(QStringView(text).mid(tokens[a].start, tokens[b].end - tokens[a].start)))) {
        add(EntityType::Misc, a, b, 0.8);
        return;
    }
    // "\t\t-- Rich Hall, \"Sniglets\"", "— Lao Tse": a quotation's attribution names its author.
    if (a < b && !has(b, Gazetteer::OrgHead | Gazetteer::OrgSuffix) && !tokens[a].acronym
        && !(a == b ? has(a, Gazetteer::Location) : gz.locationKey(spanKey(a, b)))) {
        static const QRegularExpression attribution =
            checked(QRegularExpression(QStringLiteral(R"((?:^|\n)[ \t]*(?:--|\x{2014}|\x{2015})[ \t]*$)"),
                                       QRegularExpression::UseUnicodePropertiesOption));
        const QStringView after = textAfter(text, tokens[b].end, 2);
        if ((after.isEmpty() || after.front() == u',' || after.front() == u'\n')
            && attribution.match(textBefore(text, tokens[a].start, 12)).hasMatch()) {
            add(EntityType::Person, a, b, 0.8);
            return;
        }
    }
    // '-- Lao Tse, "Tao Te Ching"': the quoted title after a quotation's author is a work.
    {
        static const QRegularExpression attributedWork = checked(QRegularExpression(
            QStringLiteral(R"((?:^|\n)[ \t]*(?:--|\x{2014}|\x{2015})[ \t]*[^,\n]{2,40},\s*["\x{201C}]$)"),
            QRegularExpression::UseUnicodePropertiesOption));
        if (tokens[a].start > 0
            && (text.at(tokens[a].start - 1) == u'"' || text.at(tokens[a].start - 1) == QChar(0x201C))
            && attributedWork.match(textBefore(text, tokens[a].start, 60)).hasMatch()) {
            if (a == b && has(a, Gazetteer::CommonWord))
                return; // "Journey", "Fear": a one-word title that is a common word names nothing
            add(EntityType::Misc, a, b, 0.8);
            return;
        }
    }
    // "the 'Store' column", "Meta directory": a listed place that the dictionary knows only as a
    // lower-case word ("store", "split", "mobile") is that word unless something says place.
    const bool placeWord = a == b && has(a, Gazetteer::Location) && has(a, Gazetteer::CommonWord)
        && !has(a, Gazetteer::GivenName) && !tokens[a].acronym;
    if (placeWord && !afterPlacePreposition && !placeContext(a, b)) {
        add(EntityType::Misc, a, b, 0.5);
        return;
    }
    if (a == b ? has(a, Gazetteer::Location) : gz.locationKey(whole)) {
        // "Lot", "Paul", "Kent": a given name that is also a region is the person when the
        // context says so ("Paul said", "the son of Lot").
        if (a == b && has(a, Gazetteer::GivenName) && !afterPlacePreposition && personContext(a, b)) {
            add(EntityType::Person, a, b, 0.8);
            return;
        }
        // "Then Paul stood up": a given name that is only some country's region (no city, no
        // country) is far more often the person, unless it follows "in", "to", "from"...
        // ("Arlington, Virginia": after a place and a comma it is the region.)
        const bool afterPlaceAndComma = a > 0 && textBefore(text, tokens[a].start, 2).trimmed() == QLatin1String(",")
            && ((tokens[a - 1].flags & Gazetteer::Location)
                || (!out.isEmpty() && out.last().type == EntityType::Location && out.last().end == tokens[a - 1].end));
        // ("went to Virginia": a journey's end; "said to Paul" stays the person.)
        static const QRegularExpression journeyTo = checked(QRegularExpression(
            QStringLiteral(R"(\b(?:went|gone|going|moved|moving|returned|travell?ed|fled|sailed|flew|drove|)"
                           R"(relocated|emigrated|journeyed)\s+(?:back\s+)?to\s*$)"),
            QRegularExpression::CaseInsensitiveOption));
        if (a == b && has(a, Gazetteer::GivenName) && !afterPlacePreposition && !placeContext(a, b)
            && !afterPlaceAndComma
            && !(isWord(wordBefore(a), "to") && journeyTo.match(textBefore(text, tokens[a].start)).hasMatch())) {
            const QStringView word = tokens[a].view(text);
            if (!gz.isCity(word) && !gz.isCountry(word)) {
                add(EntityType::Person, a, b, 0.6);
                return;
            }
        }
        add(EntityType::Location, a, b, 1.0);
        return;
    }
    // "in English", "the Hebrew text": a language or its adjective (not a place, whatever the
    // preposition before it says; a listed place or given name was decided above or below).
    if (a == b && has(a, Gazetteer::Language) && !has(a, Gazetteer::GivenName | Gazetteer::CommonWord)
        && !tokens[a].acronym) {
        add(EntityType::Misc, a, b, 0.6);
        return;
    }
    // "user ID", "IT", "OR" shouted in a heading: a two-letter word in capitals alone is no name
    // ("MS Windows" is more than one word; "the US" is decided next).
    if (a == b && tokens[a].acronym && tokens[a].end - tokens[a].start == 2 && has(a, Gazetteer::LowerCaseWord)
        && !isWord(tokens[a].view(text), "us"))
        return;
    if (a == b && tokens[a].acronym) {
        // "UK", "U.S.A.", "the US" (not "US" alone: a heading may shout "CONTACT US").
        const QString k = spanKey(a, a);
        const bool dotted = text.at(tokens[a].end - 1) == u'.';
        const bool afterThe = a > 0 && tokens[a].joinsPrevious
            && isAnyWord(tokens[a - 1].view(text), {"the", "in", "to", "from", "across", "throughout"});
        if (k == QLatin1String("uk") || k == QLatin1String("usa") || k == QLatin1String("uae")
            || k == QLatin1String("ussr") || (k == QLatin1String("us") && (dotted || afterThe))) {
            add(EntityType::Location, a, b, 0.9);
            return;
        }
    }
    if (a == b ? has(a, Gazetteer::PersonTitle) : gz.personTitleKey(whole))
        return; // a title alone names nobody
    // "Real Madrid", "Borussia Dortmund", "Sporting Lisbon": a club named by a prefix and its town.
    if (a + 1 == b && has(b, Gazetteer::Location)
        && isAnyWord(tokens[a].view(text),
                     {"real", "atlético", "atletico", "sporting", "dynamo", "dinamo", "olympique", "borussia", "racing",
                      "deportivo"})) {
        add(EntityType::Organization, a, b, 0.9);
        return;
    }
    // "Frankfurt am Main", "Weil am Rhein": a place on its river.
    if (a + 1 < b && has(a, Gazetteer::Location) && isWord(tokens[a + 1].view(text), "am")) {
        add(EntityType::Location, a, b, 0.9);
        return;
    }
    // "Western Europe", "Southern Ukraine": a compass word before a place.
    if (a < b && isAnyWord(tokens[a].view(text), {"western", "eastern", "northern", "southern", "central"})
        && gz.locationKey(spanKey(a + 1, b))) {
        add(EntityType::Location, a, b, 0.9);
        return;
    }
    // "published by NIST", "a member of the PSF", "at the W3C": an acronym where an
    // organisation acts or is joined.
    if (a == b && tokens[a].acronym && !has(a, Gazetteer::CommonWord) && !has(a, Gazetteer::Software)
        && !has(a, Gazetteer::GivenName)) {
        static const QRegularExpression agentBefore = checked(
            QRegularExpression(QStringLiteral(R"(\b(?:by|at)(?:\s+the)?\s*$|\bof\s+the\s*$|)"
                                              R"(\b(?:part|member|division|subsidiary|arm|unit|agency)\s+of\s*$)"),
                               QRegularExpression::CaseInsensitiveOption));
        if (agentBefore.match(textBefore(text, tokens[a].start)).hasMatch()) {
            add(EntityType::Organization, a, b, 0.7);
            return;
        }
        // "The UN said", "the WHO warned": an acronym with "the" that speaks is an organisation;
        // "BYD overtook Tesla", "SAP acquired": one that does business, with or without "the".
        const bool speaks = a + 1 < count && tokens[a + 1].joinsPrevious
            && isAnyWord(tokens[a + 1].view(text),
                         {"said", "says", "announced", "reported", "warned", "stated", "estimated", "confirmed"});
        const bool trades = a + 1 < count && tokens[a + 1].joinsPrevious
            && isAnyWord(tokens[a + 1].view(text),
                         {"overtook", "acquired", "bought", "sold", "employs", "agreed", "plans", "reported"});
        if ((speaks && tokens[a].joinsPrevious && isWord(wordBefore(a), "the")) || trades) {
            add(EntityType::Organization, a, b, 0.7);
            return;
        }
    }
    // "Sisters of the Holy Cross", "Knights of Columbus", "Friends of the Earth": a body of
    // members named for what unites them.
    if (a + 1 < b && !tokens[a + 1].capitalised && isWord(tokens[a + 1].view(text), "of")
        && (isAnyWord(tokens[a].view(text),
                      {"sisters", "brothers", "brotherhood", "sisterhood", "knights", "friends", "congregation",
                       "fraternity"})
            // "the Order of Saint Benedict", "the Order of St. Clare": a religious order
            || (isWord(tokens[a].view(text), "order") && a + 2 <= b
                && isAnyWord(tokens[a + 2].view(text), {"saint", "st", "st.", "the"})))
        && !(a > 0 && tokens[a].joinsPrevious && !tokens[a - 1].capitalised
             && isAnyWord(tokens[a - 1].view(text), {"his", "her", "their", "two", "three", "four"}))) {
        add(EntityType::Organization, a, b, 0.8);
        return;
    }
    // "Kenyan President William Ruto": a word before a title is not part of the name.
    for (qsizetype k = a + 1; k < b; ++k) {
        if (has(k, Gazetteer::PersonTitle) && tokens[k + 1].capitalised && !has(k - 1, Gazetteer::PersonTitle)) {
            typeRun(text, tokens, a, k - 1, out);
            typeRun(text, tokens, k, b, out);
            return;
        }
    }

    // "O Zion", "O LORD": the vocative O calls a name and is no part of it.
    if (a < b && tokens[a].view(text) == QLatin1String("O")) {
        typeRun(text, tokens, a + 1, b, out);
        return;
    }
    // "Former Real Madrid defender", "Then Governor X": an adjective opening the sentence before a
    // name is not part of it.
    if (a < b && tokens[a].sentenceStart
        && isAnyWord(tokens[a].view(text),
                     {"former", "then", "current", "retired", "veteran", "legendary", "outgoing", "incoming", "interim",
                      "acting", "disgraced", "embattled"})) {
        typeRun(text, tokens, a + 1, b, out);
        return;
    }
    // "the Norwegian Jens Stoltenberg": a people's adjective, then a person's given name.
    if (a < b && has(a, Gazetteer::Language) && has(a + 1, Gazetteer::GivenName)
        && !has(a, Gazetteer::GivenName | Gazetteer::Location | Gazetteer::OrgHead)) {
        add(EntityType::Misc, a, a, 0.8);
        typeRun(text, tokens, a + 1, b, out);
        return;
    }
    // "Behold Moses", "Take Aaron": an imperative or interjection opening the sentence before a
    // name is not part of it ("Lake Ohrid", "Port Louis": a place's head word is).
    if (a < b && tokens[a].sentenceStart && has(a, Gazetteer::CommonWord)
        && !has(a, Gazetteer::GivenName | Gazetteer::LocationHead)
        && (tokens[a + 1].flags & (Gazetteer::GivenName | Gazetteer::Location | Gazetteer::PersonTitle))) {
        typeRun(text, tokens, a + 1, b, out);
        return;
    }
    // "said, Blessed of the LORD be his land": a common word opening the sentence, "of", then a
    // name: the name alone (not "Bank of America", "University of Oslo": their head words are
    // organisation or place words).
    if (a < b && tokens[a].sentenceStart && has(a, Gazetteer::CommonWord)
        && !has(a, Gazetteer::OrgHead | Gazetteer::LocationHead | Gazetteer::GivenName)
        && isWord(tokens[a + 1].view(text), "of")) {
        qsizetype name = a + 1;
        while (name <= b && !tokens[name].capitalised)
            ++name;
        // "Shares of Novartis": a plural common noun opens too, unless it names an office.
        const QStringView opener = tokens[a].view(text);
        const bool pluralNoun = opener.endsWith(u's') && has(a, Gazetteer::LowerCaseWord)
            && !has(a, Gazetteer::PersonTitle | Gazetteer::Stopword) && name <= b && tokens[name].capitalised;
        // "Development of Tessera", "Support for ...": one name no dictionary knows after the opener.
        const bool unknownName = name == b && tokens[b].capitalised && !has(a, Gazetteer::PersonTitle)
            && !(tokens[b].flags & (Gazetteer::LowerCaseWord | Gazetteer::Stopword));
        if (name <= b
            && ((tokens[b].flags & (Gazetteer::GivenName | Gazetteer::Location)) || pluralNoun || unknownName)) {
            typeRun(text, tokens, name, b, out);
            return;
        }
    }
    // "from Lachish Joshua passed": after a place preposition, an unknown word and a given name
    // are a place and a person, not one name.
    if (afterPlacePreposition && b == a + 1 && !has(a, Gazetteer::GivenName) && has(b, Gazetteer::GivenName)
        && !tokens[a].acronym) {
        typeRun(text, tokens, a, a, out);
        typeRun(text, tokens, b, b, out);
        return;
    }

    // "Writing R Extensions", "Extending R", "Learning Python": a name that opens with a verb's
    // -ing form is the title of a work (not "Reading Abbey", "Sterling Bank", "Visiting London"
    // at a sentence's start).
    if (a < b && gerundTitle(text, tokens, a, b)) {
        add(EntityType::Misc, a, b, 0.8);
        return;
    }

    // "Alan Turing of the National Physical Laboratory": a person, then an organisation or place.
    for (qsizetype k = a + 1; k < b; ++k) {
        if (tokens[k].capitalised || tokens[k].view(text) != QLatin1String("of"))
            continue;
        qsizetype next = k + 1;
        while (next <= b && !tokens[next].capitalised)
            ++next;
        bool orgWord = has(b, Gazetteer::OrgSuffix);
        for (qsizetype m = next; m <= b && !orgWord; ++m)
            orgWord = isOrgWord(m);
        const bool orgOrPlace = orgWord || (next <= b && gz.locationKey(spanKey(next, b)));
        // "Anne of Kiev", "Henry I of France", "Bernard of Clairvaux": a given name (and a regnal
        // number) with one place word is a by-name, one person (a title opens the run otherwise:
        // "Prince Albert of Saxe-Coburg" stays a person and a place).
        if (has(a, Gazetteer::GivenName) && !has(a, Gazetteer::PersonTitle)
            && (k == a + 1 || (k == a + 2 && regnalNumber(a + 1))) && !orgWord && next == b && next == k + 1
            && !tokens[b].acronym) {
            add(EntityType::Person, a, b, 0.9);
            return;
        }
        // A given name or two capitalised words before "of", no organisation word, not a title
        // alone ("Duke of Wellington" stays one name).
        bool personBefore = has(a, Gazetteer::GivenName) || k - a >= 2;
        bool onlyTitles = true;
        for (qsizetype m = a; m < k; ++m) {
            // "Democratic Republic of Congo": a place word before "of" is no person's name
            personBefore = personBefore && !isOrgWord(m) && !has(m, Gazetteer::LocationHead);
            onlyTitles = onlyTitles && (!tokens[m].capitalised || has(m, Gazetteer::PersonTitle));
        }
        // "the Democratic Republic of Congo", "the United Kingdom of Great Britain": a place word,
        // "of", a known place.
        bool placeWordBefore = false;
        for (qsizetype m = a; m < k && !placeWordBefore; ++m)
            placeWordBefore = has(m, Gazetteer::LocationHead) && !isOrgWord(m);
        if (placeWordBefore && !orgWord && next <= b && gz.locationKey(spanKey(next, b))) {
            add(EntityType::Location, a, b, 0.9);
            return;
        }
        // "President of the Royal Society": the office is no name, the organisation is.
        if (onlyTitles && orgWord && next <= b) {
            typeRun(text, tokens, next, b, out);
            return;
        }
        // "Brightwater Systems of Toronto": a company's name (a name word, then a company word)
        // and where it is; not "Bank of England" or "University of Toronto", whose organisation
        // word comes first, nor "Victoria University of Manchester", an institution's one name.
        if (k - a >= 2 && k == next - 1 && isOrgWord(k - 1) && !has(a, Gazetteer::CommonWord | Gazetteer::OrgHead)
            && tokens[a].capitalised && gz.locationKey(spanKey(next, b))
            && isAnyWord(tokens[k - 1].view(text),
                         {"systems",     "technologies", "technology",  "software",   "labs",      "group",
                          "holdings",    "industries",   "solutions",   "media",      "networks",  "partners",
                          "motors",      "electronics",  "enterprises", "consulting", "logistics", "pharmaceuticals",
                          "airlines",    "records",      "publishing",  "chemical",   "foods",     "energy",
                          "corporation", "company"})) {
            typeRun(text, tokens, a, k - 1, out);
            typeRun(text, tokens, next, b, out);
            return;
        }
        personBefore = personBefore && !onlyTitles;
        // "Daniel Veillard of Red Hat": a full name of a given name and a surname, then where the
        // person works, an organisation unless known as a place.
        const auto nameWord = [&](qsizetype m) {
            return tokens[m].capitalised && !tokens[m].acronym
                && !(tokens[m].flags
                     & (Gazetteer::CommonWord | Gazetteer::Stopword | Gazetteer::OrgHead | Gazetteer::Location));
        };
        const bool fullName = k - a == 2 && (has(a, Gazetteer::GivenName) || nameWord(a)) && nameWord(a + 1);
        // "Pieter de Wit of Haarlem": a given name, particles, a surname; where he is from stays
        // what its own words say.
        bool particleName = k - a >= 3 && has(a, Gazetteer::GivenName) && tokens[k - 1].capitalised
            && !(tokens[k - 1].flags & (Gazetteer::Stopword | Gazetteer::OrgHead | Gazetteer::Location));
        for (qsizetype m = a + 1; m < k - 1 && particleName; ++m)
            particleName = !tokens[m].capitalised && isConnector(tokens[m].view(text));
        if (particleName && personBefore && next <= b) {
            typeRun(text, tokens, a, k - 1, out);
            typeRun(text, tokens, next, b, out);
            return;
        }
        if ((orgOrPlace || fullName) && personBefore && next <= b) {
            typeRun(text, tokens, a, k - 1, out);
            const qsizetype before = out.size();
            typeRun(text, tokens, next, b, out);
            if (fullName && out.size() == before + 1 && out.back().type == EntityType::Misc)
                out.back().type = EntityType::Organization;
            return;
        }
        break;
    }

    // Titles: "Dr. Grace Hopper" names "Grace Hopper"; "Prime Minister" is two words.
    const qsizetype titled = a;
    bool hasTitle = false;
    for (bool found = true; found && a < b;) {
        found = false;
        for (qsizetype w = std::min<qsizetype>(gz.maxTitleWords(), b - a); w >= 1; --w) {
            if (w == 1 ? has(a, Gazetteer::PersonTitle) : gz.personTitleKey(spanKey(a, a + w - 1))) {
                a += w;
                hasTitle = found = true;
                break;
            }
        }
    }
    // "Mr. Quested", "Mrs. Baker", "Monsieur Bell": an honorific names a person, whatever the name.
    const auto honorific = [&](qsizetype k) {
        QStringView word = tokens[k].view(text);
        if (word.endsWith(u'.')) // "Mr.": the token keeps an abbreviation's dot
            word.chop(1);
        return isAnyWord(word, {"mr",           "mrs",    "ms",       "miss", "mister", "dr",    "monsieur", "madame",
                                "mademoiselle", "mme",    "mlle",     "herr", "frau",   "señor", "señora",   "signor",
                                "signora",      "pastor", "reverend", "rev",  "sir",    "dame"});
    };
    // "General Resolution", "Master Plan": a title before common words is no person.
    bool onlyCommonWords = true;
    for (qsizetype k = a; k <= b && onlyCommonWords; ++k)
        onlyCommonWords = !tokens[k].capitalised || has(k, Gazetteer::CommonWord);

    // A name of two or three capitalised words, none a common word, a title word, an
    // organisation or place word: "Jensen Huang", "Zooko Wilcox-O'Hearn", "Sherlock Holmes".
    const auto looksLikeFullName = [&] {
        if (b - a < 1 || b - a > 2)
            return false;
        // "UseMethod NextMethod", "TeX TeX": code and repeated words are no one's name.
        if (tokens[a].view(text) == tokens[b].view(text))
            return false;
        // "serves with the Chasseurs d'Afrique": a person is named without "the".
        if (a > 0 && tokens[a].joinsPrevious && isWord(tokens[a - 1].view(text), "the"))
            return false;
        // "Faith Kipyegon", "Spencer Gore": a word the dictionary also knows capitalised (a name)
        // may be part of one; a word it knows in lower case only ("Adobe", "Oracle", "Red Hat")
        // may not. "Magdalena Nowak": a region's name first, then an unknown word, is a person's.
        const bool regionThenUnknown = b == a + 1 && (tokens[a].flags & Gazetteer::Location)
            && !(tokens[a].flags & ~unsigned(Gazetteer::Location | Gazetteer::GivenName | Gazetteer::LowerCaseWord))
            && tokens[b].flags == 0 && !gz.isCity(tokens[a].view(text)) && !gz.isCountry(tokens[a].view(text));
        for (qsizetype k = a; k <= b; ++k) {
            const Token &t = tokens[k];
            const QStringView word = t.view(text);
            if (t.mixedCase && !hasSurnamePrefix(word))
                return false;
            const unsigned location = k == a && regionThenUnknown ? 0u : unsigned(Gazetteer::Location);
            // The surname is no dictionary word at all ("Red Cross", "Broadmere Hall", "Trinity
            // House" end in one), and the first word no colour or size ("Black Drin").
            const unsigned dictionary = k == b ? unsigned(Gazetteer::LowerCaseWord) : unsigned(Gazetteer::CommonWord);
            if (!t.capitalised || t.acronym || initial(k)
                || (t.flags
                    & (dictionary | Gazetteer::Stopword | Gazetteer::OrgHead | Gazetteer::OrgSuffix
                       | Gazetteer::LocationHead | Gazetteer::Software | location))
                || (k == a && (t.flags & Gazetteer::LowerCaseWord)
                    && isAnyWord(word, {"black", "white", "red",   "green",  "brown", "grey",  "gray",
                                        "new",   "old",   "great", "little", "upper", "lower", "north",
                                        "south", "east",  "west",  "saint",  "long",  "high"})))
                return false;
        }
        return true;
    };
    // "R. H. van Gent", "M. Matsumoto", "D. Richard Hipp": initials, then a name.
    const auto initialsThenName = [&] {
        qsizetype k = a;
        while (k < b && initial(k))
            ++k;
        const qsizetype initials = k - a;
        const qsizetype name = k;
        while (k < b && !tokens[k].capitalised) // "van", "de"
            ++k;
        // One initial before a common word may be a numbered heading ("A. Overview").
        return initials > 0 && k <= b && !initial(k) && tokens[k].capitalised
            && (initials >= 2 || k > name || !has(k, Gazetteer::CommonWord));
    };

    // A legal form at the end or an organisation word anywhere ("General Motors Corp."), or an
    // "&" inside ("Chapman & Hall").
    bool organisation = b > titled && has(b, Gazetteer::OrgSuffix);
    for (qsizetype k = titled + 1; k <= b && !organisation; ++k)
        organisation = tokens[k].afterAmpersand;
    for (qsizetype k = titled; k <= b && !organisation && b > titled; ++k)
        organisation = isOrgWord(k);
    const bool unknownWord = a == b && !tokens[a].acronym && !tokens[a].mixedCase;
    // "Bole International Airport", "Bank of America Stadium": a built place named after a body
    // or with a body's words is that place.
    const bool facility = a < b && !has(b, Gazetteer::OrgHead) && !tokens[b].acronym
        && isAnyWord(tokens[b].view(text),
                     {"airport", "stadium", "arena", "stadion", "estadio", "tunnel", "bridge", "canal", "dam"});
    if (organisation && facility) {
        add(EntityType::Location, a, b, 0.9);
    } else if (organisation) {
        add(EntityType::Organization, titled, b, 1.0);
    } else if (hasTitle && !tokens[a].capitalised) {
        add(EntityType::Person, titled, b, 0.8); // "Countess of Lovelace": a title of a place
    } else if (hasTitle && onlyCommonWords && !honorific(titled)) {
        add(EntityType::Misc, titled, b, 0.6);
    } else if (hasTitle) {
        add(EntityType::Person, a, b, 1.0);
    } else if (b == a + 2 && isWord(tokens[a + 1].view(text), "the") && isRulersEpithet(tokens[b].view(text))) {
        add(EntityType::Person, a, b, 0.9); // "Bolesław the Brave"
    } else if (organisationContext(text, tokens, a, b, OrganisationCue::Before)
               // "the property developer Vladislav Doronin", "the producer Toshio Suzuki": a kind
               // that is also a trade of people, before a given name and a surname, is a person.
               && !(a < b && has(a, Gazetteer::GivenName) && a > 0
                    && isAnyWord(tokens[a - 1].view(text),
                                 {"developer", "producer", "operator", "distributor", "investor", "miner"}))
               // "The broadcaster Huia Ngata, a founder of ...": what is said of it after is a person's.
               && !(a < b && mayContinue(b) && personAfter().match(textAfter(text, tokens[b].end)).hasMatch())) {
        // "founded Amazon", "joined Remington Rand": before the given names.
        add(EntityType::Organization, a, b, 0.8);
    } else if (a < b && has(b, Gazetteer::LocationHead)
               && !isAnyWord(
                   tokens[b].view(text),
                   {"park", "lane", "hill", "hills", "town", "city", "hall", "abbey", "priory", "grange", "cottage"})) {
        add(EntityType::Location, a, b, 0.9); // "Charlotte Square", "Hoover Dam": a given name first
    } else if (!hasTitle && b + 1 < qsizetype(tokens.size()) && !tokens[b + 1].capitalised
               && (text.at(tokens[b].end) == u',' || isWord(tokens[b + 1].view(text), "is")
                   || isWord(tokens[b + 1].view(text), "was"))
               && placeApposition().match(textAfter(text, tokens[b].end)).hasMatch()) {
        // "Petra, the rose-red city of the Nabataeans", "Sofia, the capital": said outright, over
        // a given name.
        add(EntityType::Location, a, b, 0.8);
    } else if (has(a, Gazetteer::GivenName)) {
        add(EntityType::Person, a, b, a < b ? 1.0 : 0.8);
    } else if (a < b && (has(b, Gazetteer::LocationHead) || has(a, Gazetteer::LocationHead))) {
        add(EntityType::Location, a, b, 0.9); // "Colorado River", "Lake Titicaca", "Gulf of Mexico"
    } else if (organisationContext(text, tokens, a, b, OrganisationCue::After)) {
        add(EntityType::Organization, a, b, 0.8); // "Oracle acquired", "X is headquartered"
    } else if (organisationApposition(b) && !has(a, Gazetteer::GivenName)) {
        // Said outright ("Berkshire Hathaway, the holding company"): before guessing from the
        // name's shape.
        add(EntityType::Organization, a, b, 0.7);
    } else if (initialsThenName() || looksLikeFullName()) {
        add(EntityType::Person, a, b, 0.7);
    } else if (gz.isWorldOrganization(QStringView(text).mid(tokens[a].start, tokens[b].end - tokens[a].start))
               && !((tokens[a].sentenceStart || tokens[a].lineStart) && has(a, Gazetteer::LowerCaseWord))
               && !citedAuthor(b)) {
        // "Netflix", "Unisys", "Samsung": a company or body of the world, nothing else known; over
        // "said X" (companies say things too) and "at X". "Apple" only inside a sentence, and not
        // a cited author ("Cox, D. R. and Snell, E. J. (1981)").
        add(EntityType::Organization, a, b, 0.6);
    } else if (personContext(a, b) && !onlyCommonWords && !(a == b && tokens[a].acronym)) {
        // "said Holmes", "the sons of Kohath", "Pip, the son of"; but "the Red Cross said" speaks
        // for many: a person is named without "the".
        const bool afterThe = tokens[a].joinsPrevious && isWord(wordBefore(a), "the");
        add(afterThe ? EntityType::Organization : EntityType::Person, a, b, 0.7);
    } else if (organisationApposition(b)) {
        add(EntityType::Organization, a, b, 0.7); // "Spotify, the Stockholm-based streaming service"
    } else if (placeContext(a, b) && !onlyCommonWords) {
        add(EntityType::Location, a, b, 0.7);             // "the land of Canaan", "Raleigh-based"
    } else if (!tokens[a].acronym && !tokens[a].mixedCase // not "ASan", "SIG"
               && gz.isWorldCity(QStringView(text).mid(tokens[a].start, tokens[b].end - tokens[a].start))) {
        add(EntityType::Location, a, b, 0.6); // "Leiden", "Thanjavur": a town of the world, nothing else known
    } else if (a >= 2 && isWord(wordBefore(a), "of") && tokens[a].joinsPrevious
               && isAnyWord(tokens[a - 2].view(text),
                            {"author", "authors", "creator", "creators", "inventor", "designer", "developer",
                             "developers", "maintainer", "maintainers"})) {
        add(EntityType::Misc, a, b, 0.6); // "the author of Vim": a work, though "vim" is a word
    } else if (onlyCommonWords && (tokens[a].sentenceStart || tokens[a].lineStart) && !tokens[a].acronym) {
        return; // "Returns True", "See Also": a heading or an imperative, not a name
    } else if (unknownWord && (tokens[a].sentenceStart || has(a, Gazetteer::CommonWord))) {
        // Any sentence starts with a capital: one unknown word there says nothing; and a word the
        // dictionary knows in lower case only ("Behold", "Contents", "Returns") is no name
        // without other evidence.
        return;
    } else if (a == b && tokens[a].acronym && has(a, Gazetteer::CommonWord)) {
        return; // "PRIMARY", "DISTINCT": a common word in capitals
    } else if (a == b && tokens[a].acronym && !has(a, Gazetteer::Software) && onlyLetters(tokens[a].view(text))
               && tokens[a].joinsPrevious && isWord(wordBefore(a), "the") && actsAsBody(a)) {
        // "broke with the AKP", "the FAI's player of the year": a body named by its initials (not
        // "the HTTP header", "the GEQO module": manuals name their parts by initials too).
        add(EntityType::Organization, a, b, 0.6);
    } else if (citedAuthor(b)) {
        add(EntityType::Person, a, b, 0.7); // "as in Chambers (1992)", "Becker and Chambers (1988)"
    } else if (afterPlacePreposition && !softwareName(a, b) && !onlyCommonWords && !versionAfter(text, tokens[b].end)
               && !std::any_of(text.begin() + tokens[a].start, text.begin() + tokens[b].end,
                               [](QChar c) { return c.isDigit(); })) { // not "in Postgres95"
        // "at Bletchford"; not "in SQL", "in Unix", "in MS Windows", "in PostgreSQL", "in Details".
        add(EntityType::Location, a, b, 0.6);
    } else {
        // 0.5 says "a name, no evidence of its kind"; a word in capitals or camel case or a
        // listed system is evidence of something named that is neither person, place nor
        // organisation (EntityResolver weighs the two apart).
        add(EntityType::Misc, a, b, a < b ? 0.7 : (softwareName(a, b) ? 0.6 : 0.5));
    }
}

} // namespace gw
