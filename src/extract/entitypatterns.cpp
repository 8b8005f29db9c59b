#include "entitypatterns.h"

#include "core/cancellation.h"

#include <QRegularExpression>

#include <algorithm>
#include <map>
#include <vector>

namespace gw {

namespace {

// Which texts a pattern can match at all: most chunks hold no '@', no URL and few digits, and
// running fourteen regexes over every character was half of the extractor's time.
enum class Needs { At, Url, Digit, Month };

struct Pattern
{
    EntityType type;
    QRegularExpression regex;
    int group = 0; // the captured group that is the mention ("in 1843": only the year)
    Needs needs = Needs::Digit;
};

#define GW_MONTH \
    "(?:January|February|March|April|May|June|July|August|September|October|November|December" \
    "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)"
#define GW_YEAR "(?:1\\d{3}|20\\d{2})"
#define GW_NUMBER "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?"
#define GW_SCALE "(?:\\s?(?:thousand|million|billion|trillion)|(?:bn|m|k))\\b"

std::vector<Pattern> compilePatterns()
{
    const auto re = [](const char *pattern) {
        QRegularExpression regex(QString::fromUtf8(pattern));
        Q_ASSERT_X(regex.isValid(), "EntityPatterns", qPrintable(regex.errorString()));
        regex.optimize(); // compile (and JIT) now, before threads share it
        return regex;
    };
    std::vector<Pattern> patterns;
    patterns.push_back({EntityType::Email,
                        re("\\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}\\b"), 0, Needs::At});
    patterns.push_back({EntityType::Url, re("\\b(?:https?://|www\\.)[^\\s<>\"'\\x{201C}\\x{201D}]+"), 0, Needs::Url});
    // $1,000  €5 million  £20  $3bn
    patterns.push_back(
        {EntityType::Money, re("(?:US\\$|[$\\x{20AC}\\x{00A3}\\x{00A5}])\\s?(?:" GW_NUMBER ")(?:" GW_SCALE ")?")});
    // USD 3.5 billion
    patterns.push_back({EntityType::Money,
                        re("\\b(?:USD|EUR|GBP|JPY|CHF|CNY|CAD|AUD)\\s?(?:" GW_NUMBER
                           ")(?:\\s(?:thousand|million|billion|trillion)\\b)?")});
    // 10 dollars, 3 million euros
    patterns.push_back({EntityType::Money,
                        re("\\b(?:" GW_NUMBER ")(?:\\s(?:thousand|million|billion|trillion))?\\s"
                           "(?:(?:US |Canadian |Australian )?dollars?|euros?|pounds(?: sterling)?|"
                           "yen|yuan|francs?|marks|guineas|shillings|rupees|roubles|rubles|cents|naira|"
                           "z\\x{0142}oty|zloty|kronor|krona|kroner|krone|rand|shekels|lira|lire|pesos|rupiah|ringgit|"
                           "baht|dirhams?|riyals?|forint|dinars?)\\b")});
    // 12%  3.5 percent  40 per cent
    patterns.push_back(
        {EntityType::Percent, re("\\b\\d+(?:[.,]\\d+)?(?:\\s?%|\\s?(?:percent|per cent|per\\x{00A0}cent)\\b)")});
    // 10 December 1815, 10th December, 1815
    patterns.push_back(
        {EntityType::Date, re("\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" GW_MONTH ",?\\s+\\d{3,4}\\b")});
    // "Mon Feb 17 01:15:06 1997" (a clock's date), "Tue, 4 Mar 2025": a weekday's name or
    // abbreviation opens the date, and is no name of its own ("Mon" is a state of Myanmar).
    patterns.push_back({EntityType::Date,
                        re("\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|"
                           "Thu(?:rs?)?|Fri|Sat|Sun)\\.?,?\\s+(?:" GW_MONTH "\\s+\\d{1,2}|\\d{1,2}\\s+" GW_MONTH
                           ")(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?(?:,?\\s+\\d{4})?\\b")});
    // December 10, 1815
    patterns.push_back({EntityType::Date, re("\\b" GW_MONTH "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{3,4}\\b")});
    // 10 December, December 10 (no year)
    patterns.push_back({EntityType::Date,
                        re("\\b(?:\\d{1,2}(?:st|nd|rd|th)?\\s+" GW_MONTH "|" GW_MONTH
                           "\\s+\\d{1,2}(?:st|nd|rd|th)?)(?![\\w.,]\\d)\\b")});
    // June 1948
    patterns.push_back({EntityType::Date, re("\\b" GW_MONTH "\\s+" GW_YEAR "\\b")});
    // 1815-12-10, 10/12/1815, 10.12.1815
    patterns.push_back({EntityType::Date, re("\\b\\d{4}-\\d{2}-\\d{2}\\b")});
    patterns.push_back({EntityType::Date, re("\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{4}\\b")});
    // the 1830s
    patterns.push_back({EntityType::Date, re("\\b(?:1\\d|20)\\d0s\\b")});
    // "in 1843": a bare year only after a preposition, so that counts are not read as years.
    patterns.push_back({EntityType::Date,
                        re("\\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Dd]uring|[Bb]efore|"
                           "[Aa]fter|[Cc]irca|c\\.|[Bb]etween|[Tt]hrough|[Aa]round|the year|[Cc]opyright|\\x{00A9})"
                           "\\s+(?:early |late "
                           "|mid-)?(" GW_YEAR ")\\b(?![.,]\\d|\\s?%)"),
                        1});
    // "in December", "since April": a month alone after a preposition (not "May" alone, nor a
    // month inside a longer date, which the patterns above take first).
    patterns.push_back({EntityType::Date,
                        re("\\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Dd]uring|[Ll]ast|[Nn]ext|[Ee]arly|[Ll]ate|"
                           "[Mm]id-)\\s*(January|February|March|April|June|July|August|September|October|November|"
                           "December)\\b(?!\\s+\\d)"),
                        1, Needs::Month});
    return patterns;
}

// URLs usually end before the punctuation that follows them in prose.
qsizetype trimUrlEnd(const QString &text, qsizetype start, qsizetype end)
{
    while (end > start) {
        const QChar last = text.at(end - 1);
        if (QStringLiteral(".,;:!?'\"").contains(last)) {
            --end;
        } else if (last == QLatin1Char(')')) {
            const QStringView url = QStringView(text).mid(start, end - start);
            if (url.count(QLatin1Char('(')) >= url.count(QLatin1Char(')')))
                break;
            --end;
        } else {
            break;
        }
    }
    return end;
}

// Every match of a Digit pattern holds a digit and is far shorter than this, so it lies within
// this many characters of one.
constexpr qsizetype digitReach = 64;

bool isSpace(QChar c)
{
    return c.unicode() < 0x80 ? c == QLatin1Char(' ') || (c.unicode() >= 9 && c.unicode() <= 13) : c.isSpace();
}

// The stretches of text around its digits where a Digit pattern may match: merged, and widened to
// white space (or the text's ends), so that \b and the look-aheads see there what they would see
// in the whole text.
std::vector<std::pair<qsizetype, qsizetype>> digitWindows(const QString &text)
{
    std::vector<std::pair<qsizetype, qsizetype>> windows;
    const qsizetype n = text.size();
    const QChar *data = text.constData();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = data[i].unicode();
        if (c > u'9' || c < u'0')
            continue;
        qsizetype start = std::max<qsizetype>(0, i - digitReach);
        while (start > 0 && !isSpace(data[start - 1]))
            --start;
        qsizetype end = std::min(n, i + digitReach);
        while (end < n && !isSpace(data[end]))
            ++end;
        if (!windows.empty() && start <= windows.back().second)
            windows.back().second = std::max(windows.back().second, end);
        else
            windows.emplace_back(start, end);
        i = std::max(i, end - digitReach); // digits before here are already covered
    }
    return windows;
}

} // namespace

QList<Mention> EntityPatterns::find(const QString &text, const CancellationToken &token)
{
    // Never destroyed: freeing compiled regexes at exit only costs time.
    static const std::vector<Pattern> &patterns = *new std::vector<Pattern>(compilePatterns());
    constexpr qsizetype pollEvery = 4096;

    const std::vector<std::pair<qsizetype, qsizetype>> windows = digitWindows(text);
    const std::pair<qsizetype, qsizetype> whole{0, text.size()};
    // One scan for what the e-mail and URL patterns need (QString::contains(QLatin1String) was
    // slower than all the regexes together).
    bool hasAt = false, hasUrl = false;
    // A month's name ends in "ber", "ary", "ril", "une", "uly", "ust" or is "March": checked by the
    // scan below only where a capital letter starts one.
    bool hasMonth = false;
    const QChar *data = text.constData();
    for (qsizetype i = 0, n = text.size(); i < n && !(hasAt && hasUrl && hasMonth); ++i) {
        const char16_t c = data[i].unicode();
        if (c == u'@')
            hasAt = true;
        else if (c == u':' && i + 2 < n && data[i + 1] == u'/' && data[i + 2] == u'/')
            hasUrl = true;
        else if (c == u'w' && i + 3 < n && data[i + 1] == u'w' && data[i + 2] == u'w' && data[i + 3] == u'.')
            hasUrl = true;
        else if (!hasMonth
                 && (c == u'J' || c == u'F' || c == u'M' || c == u'A' || c == u'S' || c == u'O' || c == u'N'
                     || c == u'D')
                 && i + 3 < n && i > 0 && data[i - 1] == u' ') {
            const QStringView word = QStringView(text).mid(i, std::min<qsizetype>(9, n - i));
            static constexpr QLatin1StringView months[] = {
                QLatin1StringView("January"),  QLatin1StringView("February"),  QLatin1StringView("March"),
                QLatin1StringView("April"),    QLatin1StringView("June"),      QLatin1StringView("July"),
                QLatin1StringView("August"),   QLatin1StringView("September"), QLatin1StringView("October"),
                QLatin1StringView("November"), QLatin1StringView("December")};
            for (const QLatin1StringView month : months)
                hasMonth = hasMonth || word.startsWith(month);
        }
    }

    std::vector<Mention> found;
    for (const Pattern &pattern : patterns) {
        token.throwIfCancelled();
        if ((pattern.needs == Needs::At && !hasAt) || (pattern.needs == Needs::Url && !hasUrl)
            || (pattern.needs == Needs::Month && !hasMonth))
            continue;
        qsizetype lastPoll = 0;
        const auto *first = pattern.needs == Needs::Digit ? windows.data() : &whole;
        const auto *last = pattern.needs == Needs::Digit ? windows.data() + windows.size() : &whole + 1;
        for (const auto *window = first; window != last; ++window) {
            const qsizetype offset = window->first;
            auto it = pattern.regex.globalMatch(QStringView(text).mid(offset, window->second - offset));
            while (it.hasNext()) {
                const QRegularExpressionMatch match = it.next();
                Mention m;
                m.type = pattern.type;
                m.start = offset + match.capturedStart(pattern.group);
                m.end = offset + match.capturedEnd(pattern.group);
                if (m.start - lastPoll > pollEvery) {
                    token.throwIfCancelled();
                    lastPoll = m.start;
                }
                if (m.type == EntityType::Url)
                    m.end = trimUrlEnd(text, m.start, m.end);
                if (m.end > m.start)
                    found.push_back(m);
            }
        }
    }

    // Longest first; keep a match only where nothing longer (or earlier, on a tie) already is.
    std::stable_sort(found.begin(), found.end(), [](const Mention &a, const Mention &b) {
        const qsizetype la = a.end - a.start, lb = b.end - b.start;
        return la != lb ? la > lb : a.start < b.start;
    });
    std::map<qsizetype, qsizetype> taken; // start -> end
    QList<Mention> result;
    for (Mention &m : found) {
        auto next = taken.lower_bound(m.start);
        if (next != taken.end() && next->first < m.end)
            continue;
        if (next != taken.begin() && std::prev(next)->second > m.start)
            continue;
        taken.emplace(m.start, m.end);
        m.text = text.mid(m.start, m.end - m.start);
        result.append(std::move(m));
    }
    std::sort(result.begin(), result.end(), [](const Mention &a, const Mention &b) { return a.start < b.start; });
    return result;
}

} // namespace gw
