#include "relationextractor.h"

#include "gazetteer.h"
#include "relationpatterns.h"
#include "sentencesplitter.h"

#include <QRegularExpression>

#include <algorithm>
#include <set>
#include <tuple>
#include <vector>

namespace gw {

namespace {

constexpr EntityTypeMask nodeTypes = entityTypeBit(EntityType::Person) | entityTypeBit(EntityType::Organization)
    | entityTypeBit(EntityType::Location) | entityTypeBit(EntityType::Misc);
// A typed pattern only looks this far: relations between mentions further apart are left to
// co-occurrence, and the regexes never see long strings.
constexpr int maxPairSpan = 160;
constexpr int maxMentionsBetween = 8;

bool isNode(const Mention &m)
{
    return entityTypeBit(m.type) & nodeTypes;
}

// The built-in dictionaries, for what relations read of a name's kind (never destroyed).
const Gazetteer &dictionaries()
{
    static const Gazetteer &instance = *Gazetteer::builtIn();
    return instance;
}

// "a Dominican friar at", "the Italian carrier": a people's or an order's adjective after an
// article and before a noun is a word of the phrase, not a name. `before` is the text since the
// previous mention.
bool adjectiveInPhrase(const Mention &m, const QString &text, QStringView before)
{
    return m.type == EntityType::Misc && m.end + 1 < text.size() && text.at(m.end) == u' '
        && text.at(m.end + 1).isLower() && !m.text.contains(u' ')
        && (before.endsWith(QLatin1String(" a ")) || before.endsWith(QLatin1String(" an "))
            || before.endsWith(QLatin1String(" the ")))
        && ((dictionaries().wordFlags(Gazetteer::key(m.text)) & Gazetteer::Language)
            || m.text.endsWith(QLatin1String("ian")) || m.text.endsWith(QLatin1String("ese"))
            || m.text.endsWith(QLatin1String("ish")));
}

bool isValid(const Mention &m, qsizetype textSize)
{
    return m.start >= 0 && m.start < m.end && m.end <= textSize;
}

// A sentence boundary after "Dr." or "J." is most likely not one (the Unicode rules break there),
// nor one after a period and a comma ("Codeberg e.V., a non-profit": Unicode breaks there too).
bool endsWithTitleOrInitial(const QString &text, qsizetype boundary)
{
    qsizetype i = boundary;
    while (i > 0 && text.at(i - 1).isSpace())
        --i;
    if (i > 1 && (text.at(i - 1) == u',' || text.at(i - 1) == u';') && text.at(i - 2) == u'.')
        return true;
    if (i == 0 || text.at(i - 1) != u'.')
        return false;
    const qsizetype dot = i - 1;
    qsizetype begin = dot;
    while (begin > 0 && text.at(begin - 1).isLetter())
        --begin;
    const QStringView word = QStringView(text).mid(begin, dot - begin);
    if (word.size() == 1 && word.at(0).isUpper())
        return true;
    // Case-insensitive equality needs equal lengths: most words are rejected here, before 18
    // comparisons that each measured a C string.
    if (word.size() < 2 || word.size() > 4)
        return false;
    static constexpr QLatin1StringView titles[] = {
        QLatin1StringView("mr"),   QLatin1StringView("mrs"),  QLatin1StringView("ms"),  QLatin1StringView("dr"),
        QLatin1StringView("prof"), QLatin1StringView("st"),   QLatin1StringView("mt"),  QLatin1StringView("sen"),
        QLatin1StringView("rep"),  QLatin1StringView("gen"),  QLatin1StringView("gov"), QLatin1StringView("rev"),
        QLatin1StringView("hon"),  QLatin1StringView("capt"), QLatin1StringView("col"), QLatin1StringView("lt"),
        QLatin1StringView("sgt"),  QLatin1StringView("sir")};
    for (const QLatin1StringView title : titles)
        if (title.size() == word.size() && word.compare(title, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

// Everything one sentence needs: its span and its valid mentions (indices into the caller's
// list) sorted by position.
struct Sentence
{
    qsizetype start;
    qsizetype end;
    QList<int> mentions;
};

class SentenceRelations
{
public:
    SentenceRelations(const QString &text, const QList<Mention> &mentions, const Sentence &sentence,
                      QList<RelationMention> &out, std::set<std::tuple<int, int, int>> &seen)
        : m_text(text), m_mentions(mentions), m_sentence(sentence), m_out(out), m_seen(seen)
    {}

    void findTyped();
    void findAfterClauseBreaks();
    void findOfficeAppositions();
    void findFrontedBirth();
    void findFrontedPassive();
    void findItsRole();
    void findWorkOfPerson();
    void findKinAfterName();
    void findKinAcrossMentions();
    void findAfterPronoun(qsizetype pronounEnd);
    void findBasedAppositions();
    void findGenealogies();
    void findBirths();
    int personCount() const; // people named in the sentence
    void findNamedInsideAppositions();
    void addCoordinated();
    void addCoOccurrences(int cap);
    int clauseSubject() const;

private:
    const Mention &at(int pos) const { return m_mentions.at(m_sentence.mentions.at(pos)); }
    QString between(int from, int to) const;
    QString between(qsizetype cursor, int from, int to) const;
    bool titleOfNameBefore(int pos) const;
    void add(RelationType type, int subjectPos, int objectPos, const QString &trigger);
    QList<int> coordinatedWith(int pos, bool agents = false) const;
    bool inListOfPlaces(int first, int second) const;
    bool textBeforeEndsWithComma(int pos) const;
    bool onlyCommaBetween(int first, int second) const;
    QString textAfter(int pos) const;
    QString restOfSentence(int pos) const;
    QString textBefore(int pos) const;
    bool closesSubjectApposition(int pos, const QString &gap) const;
    int subjectPhraseEnd(int subject) const;
    enum class Attribute { None, OfNoun, OfName };
    Attribute namesAnAttribute(int pos) const;
    enum class Patterns { All, AfterBreak, Nouns, Possessives, Anchored };
    void matchPatterns(int first, int second, const QString &gap, Patterns which = Patterns::All);

    const QString &m_text;
    const QList<Mention> &m_mentions;
    const Sentence &m_sentence;
    QList<RelationMention> &m_out;
    std::set<std::tuple<int, int, int>> &m_seen;                // (type, subject, object) within this sentence
    QList<std::tuple<RelationType, int, int, QString>> m_typed; // positions, for coordination
    std::set<std::pair<int, int>> m_linked;                     // mention index pairs, smaller first
    mutable int m_clauseSubject = -2;                           // -2: not decided yet
};

// Lower-cased text between two mentions, with the mentions lying between them replaced by a
// placeholder. Empty QString() when the two overlap.
QString SentenceRelations::between(int from, int to) const
{
    return between(at(from).end, from, to);
}

// The same from a text position `cursor` on, after the mention at `from` (-1: none).
QString SentenceRelations::between(qsizetype cursor, int from, int to) const
{
    const Mention &b = at(to);
    if (cursor > b.start)
        return QString();
    QString result;
    for (int k = from + 1; k < to; ++k) {
        const Mention &m = at(k);
        if (m.start < cursor || m.end > b.start)
            continue; // overlapping mentions (two extractors): keep the text
        const QStringView before = QStringView(m_text).mid(cursor, m.start - cursor);
        result += before;
        result += adjectiveInPhrase(m, m_text, before) ? m.text : isNode(m) ? nodePlaceholder : valuePlaceholder;
        cursor = m.end;
    }
    result += QStringView(m_text).mid(cursor, b.start - cursor);
    return result.toLower();
}

void SentenceRelations::add(RelationType type, int subjectPos, int objectPos, const QString &trigger)
{
    if (isSymmetric(type) && subjectPos > objectPos)
        std::swap(subjectPos, objectPos);
    const int subject = m_sentence.mentions.at(subjectPos);
    const int object = m_sentence.mentions.at(objectPos);
    // "Lieutenant Mabberley of the Royal Marines": a soldier is a member of a unit, not its employee.
    static const QRegularExpression militaryUnit(
        QStringLiteral(R"(\b(?:regiment|rangers|marines|army|navy|guards|fusiliers|dragoons|hussars|brigade|battalion|)"
                       R"(corps|squadron|fleet|artillery|infantry|cavalry|militia|legion)\b)"),
        QRegularExpression::CaseInsensitiveOption);
    if (type == RelationType::WorksFor && militaryUnit.match(m_mentions.at(object).text).hasMatch())
        type = RelationType::MemberOf;
    if (subject == object || !m_seen.insert({int(type), subject, object}).second)
        return;
    // "The Société géologique de France was founded in Paris": a country lies in no town; the
    // words before it named something else.
    if (type == RelationType::LocatedIn || type == RelationType::HeadquarteredIn) {
        const Gazetteer &places = dictionaries();
        const QString &inner = m_mentions.at(subject).text, &outer = m_mentions.at(object).text;
        if (places.isCountry(inner) && !places.isCountry(outer) && places.isCity(outer))
            return;
    }
    if (type != RelationType::CoOccurs) {
        m_linked.insert(std::minmax(subject, object));
        m_typed.append({type, subjectPos, objectPos, trigger});
    }
    m_out.append({type, subject, object, m_sentence.start, m_sentence.end, trigger});
}

// Two places joined by a comma are "City, Region" unless they belong to a list: a run of places
// joined by commas that ends with "and"/"or" ("Brazil, Iran and Syria"), or more than three long
// (a chain "Springfield, Illinois, USA" has three at most).
bool SentenceRelations::inListOfPlaces(int first, int second) const
{
    static const QRegularExpression comma(QStringLiteral(R"(^\s*,\s*$)"));
    static const QRegularExpression conjunction(QStringLiteral(R"(^\s*,?\s*(?:and|or|&)\s+$)"));
    const auto place = [&](int pos) { return at(pos).type == EntityType::Location; };
    int from = first, to = second;
    bool conjoined = false;
    const auto joint = [&](int a, int b) {
        const QString gap = between(a, b);
        if (gap.isNull())
            return false;
        if (conjunction.match(gap).hasMatch())
            return conjoined = true;
        return comma.match(gap).hasMatch();
    };
    while (from > 0 && place(from - 1) && joint(from - 1, from))
        --from;
    while (to + 1 < m_sentence.mentions.size() && place(to + 1) && joint(to, to + 1))
        ++to;
    return conjoined || to - from + 1 > 3;
}

void SentenceRelations::findTyped()
{
    // "Saul the son of Kish reigned over Israel", "Elisheba, daughter of Amminadab, sister of
    // Naashon": a person named as the kin of the one before sits in that one's apposition, and the
    // verb or the next apposition after it is the first one's.
    static const QRegularExpression kinApposition(QStringLiteral(
        R"(^\s*,?\s*(?:the\s+)?(?:(?:eldest|elder|younger|youngest|only)\s+)?(?:son|daughter|wife|husband|)"
        R"(brother|sister|father|mother|servant)\s+of\s*$)"));
    const int count = int(m_sentence.mentions.size());
    for (int i = 0; i < count; ++i) {
        if (!isNode(at(i)))
            continue;
        int head = -1;
        if (i > 0 && at(i).type == EntityType::Person && at(i - 1).type == EntityType::Person) {
            const QString before = between(i - 1, i);
            if (!before.isNull() && kinApposition.match(before).hasMatch())
                head = i - 1;
        }
        for (int j = i + 1; j < count && j <= i + maxMentionsBetween + 1; ++j) {
            if (!isNode(at(j)))
                continue;
            if (at(j).start - at(i).end > maxPairSpan)
                break;
            const QString gap = between(i, j);
            if (gap.isNull() || closesSubjectApposition(i, gap))
                continue;
            if (head >= 0 && j == i + 1 && titleOfNameBefore(j)) {
                matchPatterns(i, j, gap); // "the son of Robert, Duke of Normandy": Robert's title
                continue;
            }
            if (head >= 0) {
                matchPatterns(i, j, gap, Patterns::Anchored); // "Kish and his wife X" stays Kish's
                matchPatterns(head, j, gap, Patterns::AfterBreak);
                continue;
            }
            matchPatterns(i, j, gap);
            // "Tern's release manager, Hiroshi Kawaguchi, works for X": a name set off by commas
            // after a noun is the subject of the verb after it.
            if (gap.startsWith(u',') && textBeforeEndsWithComma(i))
                matchPatterns(i, j, gap.mid(1), Patterns::AfterBreak);
        }
    }
}

// Whether the mention at pos only describes what follows it: a possessor ("chairs the Dáil's
// ethics committee", "married Kish's daughter") or a place as an organisation's attribute
// ("inherited the Leiden printing house Bakker & Zonen"). A verb before it acts on that thing.
// OfName: a possessor of the next name ("on Cerro Paranal in Chile's Atacama Desert"), where not
// even "in" relates to it.
SentenceRelations::Attribute SentenceRelations::namesAnAttribute(int pos) const
{
    static const QRegularExpression possessor(QStringLiteral(R"(^(?:'s|’s|')\s+(?:[a-z]|$))"));
    static const QRegularExpression kindBeforeName(QStringLiteral(R"(^\s+(?:[a-z-]+\s+){1,3}$)"));
    const Mention &m = at(pos);
    const qsizetype to = pos + 1 < m_sentence.mentions.size() ? at(pos + 1).start : m_sentence.end;
    const QStringView after = QStringView(m_text).mid(m.end, std::min<qsizetype>(to - m.end, 40));
    if (after.isEmpty())
        return Attribute::None;
    if ((after.front() == u'\'' || after.front() == u'’')) {
        const QRegularExpressionMatch owner = possessor.match(after);
        if (owner.hasMatch())
            return owner.capturedEnd() == after.size() && to - m.end <= 40 ? Attribute::OfName : Attribute::OfNoun;
    }
    return m.type == EntityType::Location && pos + 1 < m_sentence.mentions.size()
            && at(pos + 1).type == EntityType::Organization && to - m.end <= 40
            && kindBeforeName.match(after).hasMatch()
        ? Attribute::OfNoun
        : Attribute::None;
}

// Every pattern whose types fit, on the text between the mentions at first and second.
void SentenceRelations::matchPatterns(int first, int second, const QString &gap, Patterns which)
{
    const Attribute attribute = namesAnAttribute(second);
    if (attribute == Attribute::OfName)
        return;
    // "the Seychelles island of La Digue": La Digue lies in the Seychelles, not the reverse (an
    // inverse pattern reads it); the noun patterns ("Leiden, a city of Holland") stay out.
    static const QRegularExpression bareKindOf(QStringLiteral(R"(^\s+(?:island|city|town|village|port)\s+of\s+$)"));
    const bool kindOfAttribute = gap.endsWith(QLatin1String(" of ")) && bareKindOf.match(gap).hasMatch();
    for (const RelationPattern &pattern : relationPatterns()) {
        if (attribute == Attribute::OfNoun && pattern.type != RelationType::LocatedIn
            && pattern.type != RelationType::HeadquarteredIn && pattern.type != RelationType::BornIn)
            continue;
        if (kindOfAttribute && pattern.noun && pattern.type == RelationType::LocatedIn)
            continue;
        if ((which == Patterns::AfterBreak && !pattern.afterClauseBreak)
            || (which == Patterns::Anchored && pattern.afterClauseBreak) || (which == Patterns::Nouns && !pattern.noun)
            || (which == Patterns::Possessives && !pattern.possessive))
            continue;
        const int subject = pattern.swapped ? second : first;
        const int object = pattern.swapped ? first : second;
        if (!(entityTypeBit(at(subject).type) & pattern.subjectTypes)
            || !(entityTypeBit(at(object).type) & pattern.objectTypes))
            continue;
        if (!pattern.mayMatch(gap))
            continue;
        const QRegularExpressionMatch match = pattern.regex.match(gap);
        if (!match.hasMatch())
            continue;
        const QString trigger = match.captured(u"t").simplified();
        if (pattern.type == RelationType::LocatedIn && trigger == u',' && inListOfPlaces(first, second))
            continue; // "Italy, Spain and Portugal" is a list, not a place in another
        // "beat Arsenal at Wembley", "played against Ajax on Tuesday": a team where it played, not
        // where it is.
        static const QRegularExpression contest(QStringLiteral(
            R"(\b(?:beat|beats|defeated|defeats|faced|faces|played|plays|hosted|hosts|against|versus|vs\.?|v\.?|)"
            R"(drew\s+with|lost\s+to|losing\s+to|won\s+against)\s+(?:the\s+)?$)"));
        // "merged with Allkem to form X": the other party of a merger, named after "with".
        static const QRegularExpression mergerWith(QStringLiteral(
            R"(\b(?:merger|merged|merging|merges|merge|combined|combining|combines)\s+with\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$)"));
        if (pattern.type == RelationType::Founded && !pattern.swapped
            && (trigger.startsWith(u"to ") || trigger == u"creating" || trigger == u"forming")
            && !mergerWith.match(textBefore(first)).hasMatch())
            continue;
        // "Zanzibar's Stone Town": a place of a place has a name of its own words (not "in
        // Mulcahey's Bar", a misread possessor and a common word).
        if (pattern.type == RelationType::LocatedIn && pattern.swapped && (trigger == u"'s" || trigger == u"’s")
            && !m_text.mid(at(subject).start, at(subject).end - at(subject).start).contains(u' '))
            continue;
        if (pattern.type == RelationType::LocatedIn && (trigger == u"at" || trigger == u"on")
            && contest.match(textBefore(first)).hasMatch())
            continue;
        // "Written in OCaml by X", "added to libvips by X": a bare "by" after a work that is the
        // object of a preposition names who did the verb before it, not the work's maker.
        static const QRegularExpression prepositionBefore(QStringLiteral(
            R"(\b(?:in|into|to|for|with|on|at|from|about|under|via|onto|over)\s+(?:the\s+|a\s+|an\s+)?$)"));
        if (pattern.type == RelationType::Created && pattern.swapped && trigger == u"by"
            && prepositionBefore.match(textBefore(first)).hasMatch())
            continue;
        // "William, the son of Robert, Duke of Normandy": a capitalised title after the name just
        // before the object is that name's ("Robert, Duke of Normandy"), not an earlier one's
        // (a lower-case apposition may be: "Elisheba, daughter of Amminadab, sister of Naashon").
        if (pattern.noun && object - subject > 1 && !pattern.swapped && titleOfNameBefore(object))
            continue;
        // "an independent agency created by Richard Nixon": an organisation created is founded.
        const bool founding = pattern.type == RelationType::Created && at(object).type == EntityType::Organization
            && (trigger == u"created" || trigger == u"creates" || trigger == u"co-created");
        // "the club's marketing director": a director or head of one function works for the
        // organisation; a plain director leads it.
        static const QRegularExpression functionHead(
            QStringLiteral(R"(\b(?:marketing|sales|technical|finance|financial|commercial|sporting|football|creative|)"
                           R"(communications|research|medical|legal|operations|regional|deputy|assistant|associate|)"
                           R"(programme|program|project|youth|academy|design)\s+(?:director|head|manager)\b)"));
        const bool functionLead = pattern.type == RelationType::Leads
            && (trigger == u"director" || trigger == u"head" || trigger == u"manager")
            && functionHead.match(gap).hasMatch();
        add(founding ? RelationType::Founded : (functionLead ? RelationType::WorksFor : pattern.type), subject, object,
            trigger);
    }
}

// Whether a capitalised title in apposition to the person just before the mention at pos leads
// to it: "Robert, Duke of Normandy", "John Fisher, Bishop of Rochester".
int SentenceRelations::personCount() const
{
    return int(std::count_if(m_sentence.mentions.cbegin(), m_sentence.mentions.cend(),
                             [this](int m) { return m_mentions.at(m).type == EntityType::Person; }));
}

bool SentenceRelations::titleOfNameBefore(int pos) const
{
    static const QRegularExpression title(
        QStringLiteral(R"(^\s*,\s*(?:the\s+)?\p{Lu}[\p{Ll}-]+(?:\s+\p{Lu}?[\p{Ll}-]+)?\s+of\s+(?:the\s+)?$)"),
        QRegularExpression::UseUnicodePropertiesOption);
    if (pos < 1 || at(pos - 1).type != EntityType::Person || at(pos).start < at(pos - 1).end)
        return false;
    return title.match(QStringView(m_text).mid(at(pos - 1).end, at(pos).start - at(pos - 1).end)).hasMatch();
}

// Whether only a comma stands between two neighbouring mentions ("Ealing, London").
bool SentenceRelations::onlyCommaBetween(int first, int second) const
{
    static const QRegularExpression comma(QStringLiteral(R"(^\s*,\s*$)"));
    if (at(second).start - at(first).end > 3 || at(second).start < at(first).end)
        return false;
    const QString gap = between(first, second);
    return !gap.isNull() && comma.match(gap).hasMatch();
}

// Lower-cased text from the end of the mention at pos to the next mention (or the sentence's end).
QString SentenceRelations::textAfter(int pos) const
{
    const qsizetype to = pos + 1 < m_sentence.mentions.size() ? at(pos + 1).start : m_sentence.end;
    return QStringView(m_text).mid(at(pos).end, std::max<qsizetype>(0, to - at(pos).end)).toString().toLower();
}

// Lower-cased text from the mention at pos to the sentence's end (at most about maxPairSpan
// characters), the later mentions replaced by placeholders.
QString SentenceRelations::restOfSentence(int pos) const
{
    QString after;
    qsizetype cursor = at(pos).end;
    for (int k = pos + 1; k < m_sentence.mentions.size() && after.size() < maxPairSpan; ++k) {
        if (at(k).start < cursor)
            continue;
        after += QStringView(m_text).mid(cursor, at(k).start - cursor);
        after += nodePlaceholder;
        cursor = at(k).end;
    }
    if (after.size() < maxPairSpan)
        after += QStringView(m_text).mid(cursor, std::max<qsizetype>(0, m_sentence.end - cursor));
    return std::move(after).toLower();
}

// Lower-cased text from the previous mention's end (or the sentence's start) to the mention at pos.
QString SentenceRelations::textBefore(int pos) const
{
    const qsizetype from = pos > 0 ? std::max(at(pos - 1).end, m_sentence.start) : m_sentence.start;
    return QStringView(m_text).mid(from, std::max<qsizetype>(0, at(pos).start - from)).toString().toLower();
}

// Whether a comma (and spaces) stand right before the mention at pos, after a word.
bool SentenceRelations::textBeforeEndsWithComma(int pos) const
{
    qsizetype k = at(pos).start;
    while (k > m_sentence.start && m_text.at(k - 1).isSpace())
        --k;
    if (k <= m_sentence.start || m_text.at(k - 1) != u',')
        return false;
    return pos == 0 || at(pos - 1).end < k - 1; // not "City, Country": a mention ends at that comma
}

// "He founded Acme in 1990.": the sentence opens with a pronoun for the one the sentence before
// was about, here the mention at position 0 (outside this sentence's span); what the pronoun does
// is read from its end to each mention of the sentence.
void SentenceRelations::findAfterPronoun(qsizetype pronounEnd)
{
    const int count = int(m_sentence.mentions.size());
    for (int j = 1; j < count && j <= maxMentionsBetween + 1; ++j) {
        if (!isNode(at(j)) || at(j).start < pronounEnd)
            continue;
        if (at(j).start - pronounEnd > maxPairSpan)
            break;
        const QString gap = between(pronounEnd, 0, j);
        if (!gap.isNull() && !gap.contains(u';'))
            matchPatterns(0, j, gap, Patterns::AfterBreak);
    }
}

// "Jacob sent messengers to Esau his brother", "Abram took Sarai his wife": a person, then his
// or her kin named right after, of the nearest person before.
void SentenceRelations::findKinAfterName()
{
    static const QRegularExpression kinAfter(
        QStringLiteral(R"(^\s*,?\s+(?:his|her)\s+(?:(?:elder|younger|eldest|youngest|only|late|twin)\s+)?)"
                       R"((brother|sister|wife|husband|son|daughter|father|mother)\b)"),
        QRegularExpression::CaseInsensitiveOption);
    const int count = int(m_sentence.mentions.size());
    std::set<int> kinned;
    for (int j = 1; j < count; ++j) {
        if (at(j).type != EntityType::Person)
            continue;
        const qsizetype to = j + 1 < count ? at(j + 1).start : m_sentence.end;
        const QStringView next = QStringView(m_text).mid(at(j).end, std::min<qsizetype>(6, to - at(j).end));
        if (!next.contains(QLatin1String("his"), Qt::CaseInsensitive)
            && !next.contains(QLatin1String("her"), Qt::CaseInsensitive))
            continue;
        const QRegularExpressionMatch kin =
            kinAfter.match(QStringView(m_text).mid(at(j).end, std::max<qsizetype>(0, to - at(j).end)));
        if (!kin.hasMatch())
            continue;
        kinned.insert(j);
        int i = j - 1; // "his" is not a person named as someone's kin ("Zebah his brother ... Milcah his wife")
        while (i >= 0 && (at(i).type != EntityType::Person || kinned.count(i)))
            --i;
        if (i < 0)
            continue;
        const QString noun = kin.captured(1).toLower();
        if (noun == u"brother" || noun == u"sister")
            add(RelationType::SiblingOf, i, j, noun);
        else if (noun == u"wife" || noun == u"husband")
            add(RelationType::SpouseOf, i, j, noun);
        else if (noun == u"son" || noun == u"daughter")
            add(RelationType::ChildOf, j, i, noun);
        else
            add(RelationType::ParentOf, j, i, noun);
    }
}

// "Samuel Oakes founded the Oakes Ropewalk at Whitby in 1764 and left it to his two sons, Thomas
// and Reuben": his or her is the nearest person before, whatever places, dates and organisations
// lie between (the kinship patterns themselves allow no other name between).
void SentenceRelations::findKinAcrossMentions()
{
    // "his wife, the chemist Nadia El-Sayed": a kind may stand between the kin and the name.
    static const QRegularExpression kinBefore(QStringLiteral(
        R"(\b(his|her|whose|their)\s+(?:(?:two|three|four|five|elder|younger|eldest|youngest|only|late|twin|infant)\s+)*)"
        R"((brothers?|sisters?|wife|husband|sons?|daughters?)\s*,?\s*(?:the\s+(?:[a-z-]+\s+){1,2})?$)"));
    // "Kaizer Motaung, whose daughter Jessica ... and whose son Bobby": whose is the name before it.
    static const QRegularExpression whoseAfter(QStringLiteral(R"(^\s*,\s*whose\b)"));
    if (personCount() < 2)
        return; // kin of a person is a person
    const int count = int(m_sentence.mentions.size());
    for (int j = 1; j < count; ++j) {
        if (at(j).type != EntityType::Person)
            continue;
        const qsizetype from = std::max(j > 0 ? at(j - 1).end : m_sentence.start, m_sentence.start);
        const QStringView raw = QStringView(m_text).mid(from, std::max<qsizetype>(0, at(j).start - from));
        if (!raw.contains(QLatin1String("his "), Qt::CaseInsensitive)
            && !raw.contains(QLatin1String("her "), Qt::CaseInsensitive)
            && !raw.contains(QLatin1String("whose "), Qt::CaseInsensitive)
            && !raw.contains(QLatin1String("their "), Qt::CaseInsensitive))
            continue; // most people: no string is built
        const QString before = textBefore(j);
        const QRegularExpressionMatch kin = kinBefore.match(before);
        if (!kin.hasMatch())
            continue;
        const QString owner = kin.captured(1);
        int i = j - 1;
        while (i >= 0 && at(i).type != EntityType::Person)
            --i;
        if (owner == u"whose") {
            while (i >= 0 && !(at(i).type == EntityType::Person && whoseAfter.match(textAfter(i)).hasMatch()))
                --i;
            if (i < 0)
                continue;
        } else if (i < 0 || (i == j - 1 && owner != u"their")) { // next to it: the patterns decided
            continue;
        }
        const QString gap = between(i, j);
        // "...; their daughter Mereana" goes on about the couple across the semicolon.
        if (gap.isNull() || (gap.contains(u';') && owner != u"their") || gap.size() > maxPairSpan)
            continue;
        // "their daughter Mereana": a child of both parents, named together or married before.
        int otherParent = -1;
        if (owner == u"their") {
            const auto isCouple = [&](int a) {
                if (at(a).type != EntityType::Person)
                    return false;
                const int x = m_sentence.mentions.at(std::min(a, i));
                const int y = m_sentence.mentions.at(std::max(a, i));
                return m_seen.count({int(RelationType::SpouseOf), x, y}) > 0
                    || coordinationSeparator().match(between(std::min(a, i), std::max(a, i))).hasMatch();
            };
            for (int a = i - 1; a >= 0 && otherParent < 0; --a)
                if (isCouple(a))
                    otherParent = a;
            if (otherParent < 0)
                continue;
        }
        const QString noun = kin.captured(2);
        if (owner == u"their" && !noun.startsWith(QLatin1String("son")) && !noun.startsWith(QLatin1String("daughter")))
            continue;
        QList<int> kinsfolk{j};
        if (noun.endsWith(u's'))
            for (int other : coordinatedWith(j))
                if (other > j)
                    kinsfolk.append(other);
        const qsizetype typedBefore = m_typed.size();
        for (int k : kinsfolk) {
            if (noun.startsWith(QLatin1String("brother")) || noun.startsWith(QLatin1String("sister")))
                add(RelationType::SiblingOf, i, k, noun);
            else if (noun == u"wife" || noun == u"husband")
                add(RelationType::SpouseOf, i, k, noun);
            else
                add(RelationType::ChildOf, k, i, noun);
            if (otherParent >= 0
                && (noun.startsWith(QLatin1String("son")) || noun.startsWith(QLatin1String("daughter"))))
                add(RelationType::ChildOf, k, otherParent, noun);
        }
        // The list was read here (a plural noun only): "his wife Mumeno and her brother Toshio"
        // is no list of wives for addCoordinated().
        m_typed.resize(typedBefore);
    }
}

// "Written in OCaml by Haruto Mizuno, Shiori is ...", "Founded by the Jesuits in 1891, the Colegio
// de San Rafael is ...": a sentence that opens with a participle and its agent says what the
// agent did to the first name after the phrase. "A son of the shipowner Avraham Levi, the
// diplomat Daniel Levi ...": a fronted kinship says whose kin that name is.
void SentenceRelations::findFrontedPassive()
{
#define GW_FRONTED_PARTICIPLE \
    R"((?:co-)?(?:written|designed|developed|created|founded|built|established|published|)" \
    R"(started|maintained|invented|composed|set\s+up|led|headed|run|owned|chaired|coached|managed|acquired|bought))"
#define GW_FRONTED_KIN \
    R"((?:a|an|the)\s+(?:[a-z-]+\s+)?(son|daughter|child|grandson|granddaughter|nephew|niece|brother|sister|)" \
    R"(wife|husband|widow))"
    static const QRegularExpression fronted(
        QStringLiteral(R"(^\s*()" GW_FRONTED_PARTICIPLE R"()\b[^,;]*?\bby\s+(?:(?:the|a|an)\s+(?:[a-z-]+\s+){0,2})?$)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression frontedKin(
        QStringLiteral(R"(^\s*)" GW_FRONTED_KIN R"(\s+of\s+(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+){0,2}?$)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression participleFirst(
        QStringLiteral(R"(^\s*(?:)" GW_FRONTED_PARTICIPLE R"(|)" GW_FRONTED_KIN R"(\s+of)\b)"),
        QRegularExpression::CaseInsensitiveOption);
#undef GW_FRONTED_PARTICIPLE
#undef GW_FRONTED_KIN
    if (!participleFirst
             .match(
                 QStringView(m_text).mid(m_sentence.start, std::min<qsizetype>(30, m_sentence.end - m_sentence.start)))
             .hasMatch())
        return;
    const int count = int(m_sentence.mentions.size());
    // The agent: the first name after "by" ("Developed at CERN by Tim Berners-Lee").
    int agent = 0;
    QRegularExpressionMatch participle;
    bool kin = false; // "A son of X, Y", not "Founded by X, Y"
    for (; agent + 1 < count; ++agent) {
        if (!isNode(at(agent)) || at(agent).start <= m_sentence.start)
            continue;
        const QString opening = between(m_sentence.start, -1, agent);
        if (opening.isNull() || opening.contains(u','))
            return;
        participle = fronted.match(opening);
        if (participle.hasMatch())
            break;
        participle = frontedKin.match(opening);
        if (participle.hasMatch()) {
            kin = true;
            // "A son of the Haifa shipowner Avraham Levi": a place naming the kin's trade first.
            static const QRegularExpression kindOnly(QStringLiteral(R"(^\s+(?:[a-z-]+\s+){1,2}$)"));
            if (at(agent).type != EntityType::Person && agent + 2 < count && at(agent + 1).type == EntityType::Person
                && kindOnly.match(QStringView(m_text).mid(at(agent).end, at(agent + 1).start - at(agent).end))
                       .hasMatch())
                ++agent;
            break;
        }
    }
    if (!participle.hasMatch())
        return;
    // The phrase ends at the first comma after the agent (and the agents listed with it).
    const qsizetype comma = m_text.indexOf(u',', at(agent).end);
    if (comma < 0 || comma >= m_sentence.end)
        return;
    int object = agent + 1;
    while (object < count && (at(object).start < comma || !isNode(at(object))))
        ++object;
    if (object >= count || at(object).start - comma > 60)
        return;
    const QString gap = kin ? QStringLiteral(", ") + participle.captured(1).toLower() + QStringLiteral(" of ")
                            : QStringLiteral(" was ") + participle.captured(1).toLower() + QStringLiteral(" by ");
    matchPatterns(object, agent, gap, Patterns::AfterBreak);
    for (int place = 0; place < agent; ++place) // "Developed at CERN by Tim Berners-Lee"
        if (at(place).type == EntityType::Organization && at(agent).type == EntityType::Person
            && QStringView(m_text)
                    .mid(std::max(m_sentence.start, at(place).start - 4), 4)
                    .trimmed()
                    .compare(QLatin1String("at"), Qt::CaseInsensitive)
                == 0)
            add(RelationType::WorksFor, agent, place, QStringLiteral("at"));
    for (int other : coordinatedWith(agent, true))
        if (at(other).start < comma)
            matchPatterns(object, other, gap, Patterns::AfterBreak);
}

// "Samsung Biologics ... its chief executive, John Rim, told reporters", "Pembury Foods named
// Rajesh Venkataraman as its new chairman": "its" is the organisation or work named last before.
void SentenceRelations::findItsRole()
{
    // "the club's marketing director" is "its": the organisation named by its kind.
#define GW_ITS \
    R"((?:its|the\s+(?:club|company|firm|party|team|group|bank|society|university|orchestra|band|)" \
    R"(federation|league|council|institute|agency|charity|foundation|museum|newspaper|academy|court|hotel)(?:'s|’s)))"
    static const QRegularExpression roleBefore(
        QStringLiteral(R"(\b)" GW_ITS R"(\s+((?:[a-z-]+\s+){0,3}?[a-z-]+)\s*,?\s*$)"));
    // "named X as its new chairman", "X served twice as its president", "X became its chairman",
    // "X, an electrician at the Lenin Shipyard, became its chairman" (an apposition between)
    static const QRegularExpression roleAfter(QStringLiteral(
        R"(^\s*(?:,\s+(?:a|an|the)\s+[^,;]{1,80}?,)?)"
        R"(\s*,?(?:\s+(?:served|serves|acted|acts|was|is|became|becomes|remained|remains)(?:\s+(?:[a-z]+ly|twice|once|later|then))*)?)"
        R"(\s+(?:as\s+)?)" GW_ITS
        R"(\s+((?:[a-z-]+\s+){0,3}?[a-z-]+)(?=\s*[,.;]|\s+(?:and|from|in|on|after|until|for)\b))"));
#undef GW_ITS
    // "its early fellows included James Hutton and Joseph Black"
    static const QRegularExpression membersBefore(
        QStringLiteral(R"(\bits\s+(?:[a-z-]+\s+){0,2}?(?:members|fellows)\s+(?:included|include|were|are)\s*$)"));
    // "counted Galileo Galilei among its members", "X was one of its founding fellows"
    static const QRegularExpression membersAfter(QStringLiteral(
        R"(^\s+(?:(?:was|is|were|are)\s+)?(?:among|one\s+of)\s+its\s+(?:[a-z-]+\s+){0,2}?(?:members|fellows)\b)"));
    const int count = int(m_sentence.mentions.size());
    // Most sentences have no "its" (or "the club's"): nothing to read then.
    const QStringView sentenceText = QStringView(m_text).mid(m_sentence.start, m_sentence.end - m_sentence.start);
    static const QRegularExpression kindPossessive(QStringLiteral(R"(\bthe\s+[a-z]+(?:'s|’s)\s)"));
    if (!sentenceText.contains(QLatin1String("its "), Qt::CaseInsensitive)
        && !((sentenceText.contains(QLatin1String("'s ")) || sentenceText.contains(QStringLiteral("’s ")))
             && kindPossessive.match(sentenceText).hasMatch()))
        return;
    for (int j = 1; j < count; ++j) {
        if (at(j).type != EntityType::Person)
            continue;
        // The sentence's subject when it is an organisation or a work, else the nearest before.
        const int subject = clauseSubject();
        int owner = j - 1;
        while (owner >= 0 && at(owner).type != EntityType::Organization && at(owner).type != EntityType::Misc)
            --owner;
        // A place only as the subject ("The Kingdom of Kongo ... its king, X"): a place named on the
        // way is too often only where something happened.
        if (subject >= 0 && subject < j
            && (at(subject).type == EntityType::Organization || at(subject).type == EntityType::Misc
                || at(subject).type == EntityType::Location))
            owner = subject;
        if (owner < 0)
            continue;
        const QString before = textBefore(j);
        const QString after = restOfSentence(j); // an apposition after the person may name another
        if (membersBefore.match(before).hasMatch() || membersAfter.match(after).hasMatch()) {
            add(RelationType::MemberOf, j, owner, QStringLiteral("members"));
            for (int other : coordinatedWith(j))
                if (other > j)
                    add(RelationType::MemberOf, other, owner, QStringLiteral("members"));
            continue;
        }
        QRegularExpressionMatch role = roleBefore.match(before);
        if (!role.hasMatch())
            role = roleAfter.match(after);
        if (role.hasMatch())
            matchPatterns(owner, j, QStringLiteral("'s ") + role.captured(1) + QStringLiteral(", "),
                          Patterns::Possessives);
    }
}

// "Pandoc, John MacFarlane's universal document converter,": a work, then its maker's possessive.
void SentenceRelations::findWorkOfPerson()
{
    static const QRegularExpression workAfter(QStringLiteral(
        R"(^(?:'s|’s)\s+(?:[a-z-]+\s+){0,3}?(?:novel|book|poem|play|opera|symphony|film|album|song|painting|essay|)"
        R"(treatise|library|language|framework|program|programme|system|tool|game|converter|editor|compiler|)"
        R"(database|parser|browser|engine|protocol|format|toolkit|application|app)\b)"));
    const int count = int(m_sentence.mentions.size());
    for (int i = 0; i + 1 < count; ++i) {
        const int j = i + 1;
        if (at(i).type != EntityType::Misc || at(j).type != EntityType::Person)
            continue;
        if (!onlyCommaBetween(i, j))
            continue;
        const QString after = textAfter(j);
        if (workAfter.match(after).hasMatch())
            add(RelationType::Created, j, i, QStringLiteral("'s"));
    }
}

// "Born in Kraków in 1968, the bank's new chief executive, Magdalena Wróbel-Nowak, ...": a
// sentence that opens with a birthplace names the person born after the comma.
void SentenceRelations::findFrontedBirth()
{
    static const QRegularExpression born(QStringLiteral(R"(^\s*born\s+(?:in|at)\s+$)"),
                                         QRegularExpression::CaseInsensitiveOption);
    const int count = int(m_sentence.mentions.size());
    if (count < 2 || at(0).type != EntityType::Location)
        return;
    if (!born.match(QStringView(m_text).mid(m_sentence.start, at(0).start - m_sentence.start).toString()).hasMatch())
        return;
    for (int k = 1; k < count; ++k) {
        if (at(k).type == EntityType::Person) {
            add(RelationType::BornIn, k, 0, QStringLiteral("born in"));
            return;
        }
        if (at(k).type != EntityType::Location && isNode(at(k)))
            return; // another name comes first
    }
}

// The position of the sentence's subject: its first mention when only a determiner, perhaps with
// a noun ("The novel Dracula"), or a date ("In 1902 the") stands before it; -1 otherwise.
int SentenceRelations::clauseSubject() const
{
    if (m_clauseSubject != -2)
        return m_clauseSubject;
    m_clauseSubject = -1;
    static const QRegularExpression opening(
        QStringLiteral(R"(^(?:(?:in|on|by|during)\s+§\s*,?\s*)?(?:(?:the|a|an)(?:\s+[a-z-]+)?\s+)?$)"),
        QRegularExpression::CaseInsensitiveOption);
    for (int k = 0; k < m_sentence.mentions.size(); ++k) {
        if (!isNode(at(k)))
            continue;
        QString before;
        qsizetype cursor = m_sentence.start;
        for (int v = 0; v < k; ++v) { // a date before the subject becomes a placeholder
            if (at(v).start < cursor)
                continue;
            before += QStringView(m_text).mid(cursor, at(v).start - cursor);
            before += valuePlaceholder;
            cursor = at(v).end;
        }
        before += QStringView(m_text).mid(cursor, at(k).start - cursor);
        m_clauseSubject = before.size() <= 40 && opening.match(before).hasMatch() ? k : -1;
        // "Mexico's football federation, the FMF, has elected ...": the name of what the place has.
        static const QRegularExpression possessedNamed(
            QStringLiteral(R"(^(?:'s|’s)(?:\s+[a-z-]+){1,3}\s*,\s*(?:the\s+)?$)"));
        if (m_clauseSubject == k && k + 1 < m_sentence.mentions.size() && isNode(at(k + 1))
            && possessedNamed.match(between(k, k + 1)).hasMatch())
            m_clauseSubject = k + 1;
        return m_clauseSubject;
    }
    return m_clauseSubject;
}

// "Red Hat, headquartered in Raleigh, North Carolina, is now a subsidiary of IBM": a comma and a
// verb after a mention inside the subject's apposition close the apposition; the verb is the
// subject's, not that mention's.
bool SentenceRelations::closesSubjectApposition(int pos, const QString &gap) const
{
    static const QRegularExpression closing(
        QStringLiteral(R"(^\s*,(?:[^,;]{1,80},)?\s*(?:[a-z]+ly\s+)?(?:is|was|are|were|has|had|have|lies|lay|)"
                       R"(became|remains)\b)"));
    if (!closing.match(gap).hasMatch())
        return false;
    const int subject = clauseSubject();
    if (subject < 0 || subject >= pos)
        return false;
    const int last = subjectPhraseEnd(subject);
    if (last > pos)
        return false;
    const qsizetype end = at(last).end;
    return end < m_text.size() && m_text.at(end) == u',';
}

// "The Raffles Hotel in Singapore, named after ..., is owned by X": the place that locates the
// subject belongs to its phrase, and the apposition after it is the subject's. The last mention
// of the subject's phrase.
int SentenceRelations::subjectPhraseEnd(int subject) const
{
    static const QRegularExpression locative(QStringLiteral(R"(^\s+(?:in|at)\s+(?:the\s+)?$)"));
    if (subject + 1 < m_sentence.mentions.size() && at(subject + 1).type == EntityType::Location
        && locative.match(between(subject, subject + 1)).hasMatch())
        return subject + 1;
    return subject;
}

// The subject takes a verb after an apposition that names others ("Mary Shelley, the daughter of
// Mary Wollstonecraft and William Godwin, wrote Frankenstein") and a second verb after "and"
// ("Galileo was born in Pisa and taught mathematics at the University of Padua"): the text from
// such a break to a later mention is matched as if it followed the subject.
void SentenceRelations::findAfterClauseBreaks()
{
    const int subject = clauseSubject();
    if (subject < 0)
        return;
    const int count = int(m_sentence.mentions.size());
    const qsizetype phraseEnd = at(subjectPhraseEnd(subject)).end;
    const bool apposition = phraseEnd < m_text.size() && m_text.at(phraseEnd) == u',';
    for (int j = subject + 2; j < count && j <= subject + maxMentionsBetween + 1; ++j) {
        if (!isNode(at(j)))
            continue;
        if (at(j).start - at(subject).end > 2 * maxPairSpan)
            break;
        const QString gap = between(subject, j);
        if (gap.isNull() || gap.contains(u';'))
            continue;
        QList<qsizetype> breaks;
        for (qsizetype p = gap.indexOf(u','); apposition && p >= 0; p = gap.indexOf(u',', p + 1))
            if (p > 0)
                breaks.append(p + 1);
        for (qsizetype p = gap.indexOf(QLatin1String(" and ")); p >= 0; p = gap.indexOf(QLatin1String(" and "), p + 1))
            breaks.append(p + 4);
        // "left Lexvia in 2019 to become general counsel at Vale": the purpose has the same subject.
        static const QRegularExpression purpose(
            QStringLiteral(R"(\sto(?=\s+(?:become|join|found|lead|head|run|set\s+up|start|form|work)\b))"));
        for (auto it = gap.contains(QLatin1String(" to ")) ? purpose.globalMatch(gap)
                                                           : QRegularExpressionMatchIterator();
             it.hasNext();)
            breaks.append(it.next().capturedEnd());
        // "was mayor of Istanbul before founding the X party", ", then broke with the AKP": a
        // participle after "before/after/since" and a predicate after ", then" are the subject's.
        static const QRegularExpression sameSubject(
            QStringLiteral(R"(\s(?:before|after|since)(?=\s+[a-z]+ing\s)|,\s+(?:and\s+)?then(?=\s+[a-z]+\s))"));
        if (gap.contains(QLatin1String("ing ")) || gap.contains(QLatin1String("then ")))
            for (auto it = sameSubject.globalMatch(gap); it.hasNext();)
                breaks.append(it.next().capturedEnd());
        // "Lieutenant Mabberley of the Royal Marines had been born at Deal"
        static const QRegularExpression attached(QStringLiteral(R"(^\s+(?:of|from)\s+(?:the\s+)?¤)"));
        if (const QRegularExpressionMatch m = attached.match(gap); m.hasMatch())
            breaks.append(m.capturedEnd());
        static const QRegularExpression relativeOfName(QStringLiteral(R"(^\s+(?:whose|who|which)\b)"));
        for (const qsizetype from : breaks) {
            const QString rest = gap.mid(from);
            // "..., is now published by Springer Nature, whose headquarters are in Berlin": a
            // relative clause after a name is that name's.
            if (from >= 2 && gap.at(from - 2) == nodePlaceholder && relativeOfName.match(rest).hasMatch())
                continue;
            if (!rest.isEmpty() && rest.at(0).isSpace() && !rest.trimmed().startsWith(nodePlaceholder))
                matchPatterns(subject, j, rest, Patterns::AfterBreak);
        }
    }
}

// "Spotify, the Stockholm-based streaming service" and "the London-based Acme": the
// place sits inside a compound the pair patterns cannot see past.
void SentenceRelations::findBasedAppositions()
{
    static const QRegularExpression apposition(QStringLiteral(R"(^\s*,\s*(?:the|a|an)(?:\s+[\w'’-]+){0,3}?\s*$)"),
                                               QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression compound(QStringLiteral(R"(^-based(?:\s+[\w-]+){0,3}?\s*$)"),
                                             QRegularExpression::UseUnicodePropertiesOption);
    // "a Nairobi start-up", "its London headquarters": a place before a kind of organisation.
    static const QRegularExpression kindAfter(
        QStringLiteral(R"(^\s+(?:[a-z-]+\s+){0,1}?(?:start-?up|company|firm|bank|lender|group|retailer|insurer|)"
                       R"(publisher|carmaker|maker|headquarters|head\s+office)\b)"));
    static const QRegularExpression placeBeforeKind(
        QStringLiteral(R"(^(?:\s*,\s*(?:a|an|the)|[^¤;]{0,60}?\b(?:its|their))\s*$)"));
    const auto placeKindAfter = [&](int pos) {
        const qsizetype to = pos + 1 < m_sentence.mentions.size() ? at(pos + 1).start : m_sentence.end;
        return kindAfter
            .match(QStringView(m_text).mid(at(pos).end, std::max<qsizetype>(0, to - at(pos).end)).toString().toLower())
            .hasMatch();
    };
    const auto basedAfter = [&](int pos) {
        return QStringView(m_text).mid(at(pos).end, 6).compare(QLatin1String("-based"), Qt::CaseInsensitive) == 0;
    };
    const int count = int(m_sentence.mentions.size());
    // "the company said in a statement from its London headquarters": the sentence's subject.
    static const QRegularExpression itsBefore(QStringLiteral(R"(\bits\s+$)"));
    static const QRegularExpression headquartersAfter(QStringLiteral(R"(^\s+(?:headquarters|head\s+office)\b)"));
    const int subject = clauseSubject();
    for (int j = subject + 1; subject >= 0 && at(subject).type == EntityType::Organization && j < count; ++j) {
        if (at(j).type != EntityType::Location)
            continue;
        if (itsBefore.match(textBefore(j)).hasMatch() && headquartersAfter.match(textAfter(j)).hasMatch())
            add(RelationType::HeadquarteredIn, subject, j, QStringLiteral("headquarters"));
    }
    for (int i = 0; i + 1 < count; ++i) {
        const int j = i + 1;
        const EntityType first = at(i).type, second = at(j).type;
        if (first == EntityType::Organization && second == EntityType::Location && basedAfter(j)) {
            const QString gap = between(i, j);
            if (!gap.isNull() && apposition.match(gap).hasMatch())
                add(RelationType::HeadquarteredIn, i, j, QStringLiteral("-based"));
        } else if (first == EntityType::Location && second == EntityType::Organization && basedAfter(i)) {
            const QString gap = between(i, j);
            if (!gap.isNull() && compound.match(gap).hasMatch())
                add(RelationType::HeadquarteredIn, j, i, QStringLiteral("-based"));
        } else if (first == EntityType::Organization && second == EntityType::Location && placeKindAfter(j)) {
            // "Kitabu, a Nairobi start-up", "from its London headquarters"
            const QString gap = between(i, j);
            if (!gap.isNull() && placeBeforeKind.match(gap).hasMatch())
                add(RelationType::HeadquarteredIn, i, j, QStringLiteral("start-up"));
        } else if ((first == EntityType::Organization || first == EntityType::Person) && isNode(at(j))
                   && QStringView(m_text).mid(at(i).end, 7).compare(QLatin1String("-owned "), Qt::CaseInsensitive)
                       == 0) {
            // "Google-owned YouTube", "the Getty-owned museum X"
            static const QRegularExpression owned(QStringLiteral(R"(^-owned(?:\s+[a-z-]+){0,2}?\s*$)"));
            const QString gap = between(i, j);
            if (!gap.isNull() && owned.match(gap).hasMatch())
                add(RelationType::Owns, i, j, QStringLiteral("-owned"));
        }
    }
}

// "the mayor of Lyon, Grégory Doucet", "the eldest son of Mukesh Ambani, Anant": an office or a
// kinship of the earlier mention, then the person who holds it.
void SentenceRelations::findOfficeAppositions()
{
    static const QRegularExpression nounBefore(QStringLiteral(
        R"((?:^|[\s,;(])((?:the|a|an|its|his|her|their)(?:\s+[a-z-]+){1,4}?\s+(?:of|at|for))\s+(?:the\s+)?$)"));
    const int count = int(m_sentence.mentions.size());
    for (int i = 0; i + 1 < count; ++i) {
        const int j = i + 1;
        if (!isNode(at(i)) || at(j).type != EntityType::Person)
            continue;
        if (!onlyCommaBetween(i, j))
            continue;
        const QRegularExpressionMatch noun = nounBefore.match(textBefore(i));
        if (noun.hasMatch())
            matchPatterns(j, i, QStringLiteral(", ") + noun.captured(1) + QLatin1Char(' '), Patterns::Nouns);
    }
    // "BaFin, Germany's financial regulator": an organisation, then a place's kind of organisation.
    static const QRegularExpression kindOfPlace(
        QStringLiteral(R"(^(?:'s|’s)\s+(?:[a-z-]+\s+){0,3}?(?:regulator|authority|watchdog|agency|bank|lender|insurer|)"
                       R"(carrier|airline|company|firm|group|academy|university|broadcaster|newspaper|ministry|)"
                       R"(council|exchange|fund|retailer|carmaker|maker|union|party)\b)"));
    for (int i = 0; i + 1 < count; ++i) {
        const int j = i + 1;
        if (at(i).type != EntityType::Organization || at(j).type != EntityType::Location)
            continue;
        if (!onlyCommaBetween(i, j))
            continue;
        if (kindOfPlace.match(textAfter(j)).hasMatch())
            add(RelationType::HeadquarteredIn, i, j, QStringLiteral("'s"));
    }
    // "Hungary's ruling party, Fidesz", "Mexico's football federation, the FMF": a place's own
    // kind of organisation, then its name.
    static const QRegularExpression placesKindNamed(
        QStringLiteral(R"(^(?:'s|’s)\s+(?:[a-z-]+\s+){0,2}?(?:regulator|authority|watchdog|agency|bank|lender|insurer|)"
                       R"(carrier|airline|company|firm|group|academy|university|broadcaster|newspaper|ministry|)"
                       R"(council|exchange|fund|retailer|carmaker|maker|union|party|federation|association|)"
                       R"(league|utility|commission|court|parliament|assembly|army|navy|police)\s*,\s*(?:the\s+)?$)"));
    for (int i = 0; i + 1 < count; ++i) {
        const int j = i + 1;
        if (at(i).type == EntityType::Location && at(j).type == EntityType::Organization
            && placesKindNamed.match(between(i, j)).hasMatch())
            add(RelationType::HeadquarteredIn, j, i, QStringLiteral("'s"));
    }
    // "Ingrid Solberg-Haugen, Nordlicht's finance chief,", "X served as Turkey's prime minister
    // from 2014": the person, then whose office.
    static const QRegularExpression possessiveAfter(QStringLiteral(
        R"(^(?:'s|’s|['’](?=\s))(?:\s+[a-z-]+){1,3}?(?=\s*[,.;)]|\s+(?:and|who|said|says|has|had|is|was|from|)"
        R"(until|between|since|in|on|for|to)\b))"));
    // ", then the EU's competition commissioner": a time word before the office changes nothing.
    static const QRegularExpression servedAs(QStringLiteral(
        R"(^\s*,\s*(?:then|now|formerly|currently|previously)\s+(?:the\s+)?$|)"
        R"(^\s*(?:,\s*who\s+)?(?:(?:twice|once|later|then|also|briefly|previously|formerly|still|now)\s+)*)"
        R"((?:served|serves|serving|was|is|became|becomes|remained|remains|acted|acts|has\s+been|)"
        R"(had\s+been)(?:\s+(?:twice|once|briefly|also))*\s+(?:as\s+)?$)"));
    for (int i = 0; i + 1 < count; ++i) {
        const int j = i + 1;
        if (at(i).type != EntityType::Person || !isNode(at(j)))
            continue;
        if (!onlyCommaBetween(i, j) && !servedAs.match(between(i, j)).hasMatch())
            continue;
        const QString after = textAfter(j);
        const QRegularExpressionMatch role = possessiveAfter.match(after);
        if (role.hasMatch())
            matchPatterns(j, i, role.captured(0) + QStringLiteral(", "), Patterns::Possessives);
    }
}

// "the sons of Kohath; Amram, and Izhar, and Hebron": each listed person is a child of the first.
void SentenceRelations::findGenealogies()
{
    static const QRegularExpression parentBefore(QStringLiteral(R"((?:sons|daughters|children)\s+of\s+$)"));
    static const QRegularExpression listJoint(QStringLiteral(R"(^\s*[;:,]?\s*(?:and\s+)?$)"));
    const int count = int(m_sentence.mentions.size());
    for (int p = 0; p + 1 < count; ++p) {
        if (at(p).type != EntityType::Person)
            continue;
        if (!parentBefore.match(textBefore(p)).hasMatch())
            continue;
        static const QRegularExpression listOpens(QStringLiteral(R"(^\s*(?:[;:,]|(?:were|are|was)\b\s*:?)\s*$)"));
        const QString first = between(p, p + 1);
        if (first.isNull()
            || !(first.contains(u';') || first.contains(u':') || first.contains(u',')
                 || listOpens.match(first).hasMatch()))
            continue;
        for (int k = p + 1; k < count && at(k).type == EntityType::Person; ++k) {
            const QString gap = between(k - 1, k);
            if (k > p + 1 && (gap.isNull() || !listJoint.match(gap).hasMatch()))
                break;
            add(RelationType::ChildOf, k, p, QStringLiteral("sons of"));
        }
    }
    // "the brothers Juan Padrós and Carlos Padrós": the people listed are siblings.
    static const QRegularExpression siblingsBefore(QStringLiteral(R"(\b(?:brothers|sisters|siblings|twins)\s*,?\s*$)"));
    for (int p = 0; p + 1 < count; ++p) {
        if (at(p).type != EntityType::Person || (p > 0 && at(p - 1).type == EntityType::Person))
            continue;
        if (!siblingsBefore.match(textBefore(p)).hasMatch())
            continue;
        const QList<int> others = coordinatedWith(p);
        for (int k : others)
            if (k > p)
                add(RelationType::SiblingOf, p, k, QStringLiteral("brothers"));
    }
}

// "Kim Soo-jin, a former Samsung engineer,": the employer named as an attribute of the role;
// "Hanbit Labs, which Kim Soo-jin started in 2015,": the founder inside a relative clause.
void SentenceRelations::findNamedInsideAppositions()
{
    static const QRegularExpression roleOpens(
        QStringLiteral(R"(^\s*,\s*(?:a|an|the)\s+(?:(?:former|senior|longtime|long-time|veteran|retired)\s+)?$)"));
    static const QRegularExpression roleAfter(QStringLiteral(
        R"(^\s+(?:[a-z-]+\s+)?(?:engineer|employee|executive|researcher|scientist|analyst|lawyer|manager|)"
        R"(designer|developer|programmer|economist|official|spokesman|spokeswoman|spokesperson|staffer|worker|)"
        R"(banker|trader|consultant|accountant|editor|reporter|journalist|correspondent|chemist|physicist)\b)"));
    static const QRegularExpression relativeOpens(QStringLiteral(R"(^\s*,?\s*(?:which|that)\s+$)"));
    static const QRegularExpression foundedAfter(
        QStringLiteral(R"(^\s+(?:had\s+)?(?:co-founded|cofounded|founded|started|set\s+up|established|launched)\b)"));
    // "Per Holm, Kvarn's chief technology officer,", "Ines Duarte, Kvarn's new chairwoman,": the
    // possessive apposition read as "Kvarn's chairwoman, Ines Duarte".
    static const QRegularExpression possessiveRole(
        QStringLiteral(R"(^(?:'s|’s|['’](?=\s))\s+((?:[a-z-]+\s+){0,3}?[a-z-]+)\s*(?:[,;.]|$))"));
    const int count = int(m_sentence.mentions.size());
    for (int i = 0; i + 1 < count; ++i) {
        const int j = i + 1;
        const EntityType first = at(i).type, second = at(j).type;
        const bool personFirst = first == EntityType::Person
            && (second == EntityType::Organization || second == EntityType::Location || second == EntityType::Person);
        const bool organisationFirst = first == EntityType::Organization && second == EntityType::Person;
        if (!personFirst && !organisationFirst)
            continue; // most pairs: no string is built
        const QString gap = between(i, j);
        if (gap.isNull())
            continue;
        // "Mr. Wemmick, Mr. Jaggers's clerk": the possessor may keep its title.
        static const QRegularExpression commaThenTitle(QStringLiteral(R"(^\s*,\s*)") + omittedTitle() + u'$',
                                                       QRegularExpression::CaseInsensitiveOption);
        if (at(i).type == EntityType::Person && at(j).type != EntityType::Misc
            && (onlyCommaBetween(i, j) || (gap.size() <= 14 && commaThenTitle.match(gap).hasMatch()))) {
            const QRegularExpressionMatch role = possessiveRole.match(textAfter(j));
            if (role.hasMatch())
                matchPatterns(j, i, QStringLiteral("'s ") + role.captured(1) + QStringLiteral(", "),
                              Patterns::Possessives);
        }
        if (at(i).type == EntityType::Person && at(j).type == EntityType::Organization
            && roleOpens.match(gap).hasMatch() && roleAfter.match(textAfter(j)).hasMatch())
            add(RelationType::WorksFor, i, j, QStringLiteral("former"));
        else if (at(i).type == EntityType::Organization && at(j).type == EntityType::Person
                 && relativeOpens.match(gap).hasMatch() && foundedAfter.match(textAfter(j)).hasMatch())
            add(RelationType::Founded, j, i, QStringLiteral("which"));
    }
}

// Births told the old way: "Adah bare Jabal", "And Zillah, she also bare Tubalcain", "Leah
// conceived, and bare a son, and she called his name Reuben", "and she conceived, and bare Cain"
// (she: the nearest person before), "unto Seth was born Enos", "Unto Joseph were born Manasseh and
// Ephraim", "Jesse had eight sons: Eliab, Abinadab and David". The child is child_of the parent;
// a list after it is read by addCoordinated().
void SentenceRelations::findBirths()
{
    if (personCount() < 2)
        return; // every rule below relates two people: no text is searched then
    const QStringView sentence = QStringView(m_text).mid(m_sentence.start, m_sentence.end - m_sentence.start);
    if (!sentence.contains(QLatin1String("bare "), Qt::CaseInsensitive)
        && !sentence.contains(QLatin1String("bore "), Qt::CaseInsensitive)
        && !sentence.contains(QLatin1String(" born"), Qt::CaseInsensitive)
        && !sentence.contains(QLatin1String("had "), Qt::CaseInsensitive)
        && !sentence.contains(QLatin1String("took "), Qt::CaseInsensitive))
        return;
    static const QRegularExpression bare(
        QStringLiteral(R"(^\s*(?:,\s*(?:she|he)\s+(?:also\s+)?)?(?:\s*conceived(?:\s+again)?\s*,?\s*and)?\s+)"
                       R"((?:bare|bore|beareth)\s+(?:unto\s+¤\s+)?$)"));
    // "bare Abram a son": the man named is the father, not the child.
    static const QRegularExpression notChild(
        QStringLiteral(R"(^\s+(?:a\s+son|a\s+daughter|sons|daughters|children|no\s+children)\b)"));
    static const QRegularExpression named(QStringLiteral(
        R"(^\s+(?:conceived(?:\s+again)?\s*,?\s*and\s+)?(?:bare|bore)\s+(?:him\s+|¤\s+|unto\s+¤\s+)?)"
        R"((?:a\s+son|a\s+daughter|sons|twins)\s*[,;:]?\s*(?:and\s+)?(?:she|he)\s+called\s+(?:his|her|their)\s+names?\s+$)"));
    static const QRegularExpression sheBare(
        QStringLiteral(R"(\bshe\s+(?:also\s+)?(?:conceived(?:\s+again)?\s*,?\s*and\s+)?(?:bare|bore)\s+(?:him\s+)?$)"));
    static const QRegularExpression unto(QStringLiteral(R"(\b(?:unto|to)\s+$)"));
    static const QRegularExpression wasBorn(QStringLiteral(
        R"(^\s*,?\s*(?:to\s+him\s+(?:also\s+)?)?(?:there\s+)?(?:was|were)\s+born\s+)"
        R"((?:(?:a\s+son|a\s+daughter|sons|children)\s*[,;:]?\s*(?:and\s+(?:he|she)\s+called\s+(?:his|her)\s+name\s+)?)?$)"));
    // "Aaron took him Elisheba, daughter of Amminadab, to wife", "Boaz took Ruth, and she was his wife"
    static const QRegularExpression took(QStringLiteral(R"(^\s+took\s+(?:him\s+|unto\s+him\s+)?$)"));
    static const QRegularExpression toWife(QStringLiteral(
        R"(^(?:\s*,[^;.]{0,80}?,)?\s+(?:to\s+wife|to\s+be\s+his\s+wife)\b|^\s*,\s*and\s+she\s+(?:was|became)\s+his\s+wife\b)"));
    static const QRegularExpression hadSons(
        QStringLiteral(R"(^\s+had\s+(?:[a-z]+\s+)?(?:sons?|daughters?|children|child)\s*[:;,]\s*$)"));
    const int count = int(m_sentence.mentions.size());
    const auto person = [&](int k) { return at(k).type == EntityType::Person; };
    for (int j = 1; j < count; ++j) {
        if (!person(j))
            continue;
        const QString before = textBefore(j);
        if (sheBare.match(before).hasMatch() && !notChild.match(textAfter(j)).hasMatch()) {
            int mother = j - 1;
            while (mother >= 0 && !person(mother))
                --mother;
            if (mother >= 0)
                add(RelationType::ChildOf, j, mother, QStringLiteral("bare"));
        }
        for (int i = j - 1; i >= 0 && j - i <= maxMentionsBetween; --i) {
            if (!person(i))
                continue;
            const QString gap = between(i, j);
            if (gap.isNull() || gap.size() > maxPairSpan)
                break;
            if ((bare.match(gap).hasMatch() && !notChild.match(textAfter(j)).hasMatch()) || named.match(gap).hasMatch())
                add(RelationType::ChildOf, j, i, QStringLiteral("bare"));
            else if (unto.match(textBefore(i)).hasMatch() && wasBorn.match(gap).hasMatch())
                add(RelationType::ChildOf, j, i, QStringLiteral("born"));
            else if (hadSons.match(gap).hasMatch())
                add(RelationType::ChildOf, j, i, QStringLiteral("sons"));
            else if (j == i + 1 && took.match(gap).hasMatch()) {
                if (toWife.match(restOfSentence(j)).hasMatch())
                    add(RelationType::SpouseOf, i, j, QStringLiteral("took to wife"));
            }
        }
    }
}

// Mentions of the same type listed with the one at pos ("Larry Page and Sergey Brin"): a run of
// neighbours joined by commas and "and", accepted only when some joint is an "and" (a bare comma
// is as likely an apposition or "City, Country").
QList<int> SentenceRelations::coordinatedWith(int pos, bool agents) const
{
    const QRegularExpression &separator = coordinationSeparator();
    const auto agent = [&](int k) {
        return at(k).type == EntityType::Person || at(k).type == EntityType::Organization;
    };
    auto joined = [&](int a, int b, bool &hasAnd) {
        if (at(a).type != at(b).type && !(agents && agent(a) && agent(b)))
            return false;
        const QString gap = between(a, b);
        if (gap.isNull() || !separator.match(gap).hasMatch())
            return false;
        hasAnd = hasAnd || gap.contains(u"and") || gap.contains(u'&');
        return true;
    };
    // The neighbouring name, past dates and numbers ("Pixar in 2006 and Marvel Entertainment").
    const int count = int(m_sentence.mentions.size());
    const auto previous = [&](int k) {
        do
            --k;
        while (k >= 0 && !isNode(at(k)));
        return k;
    };
    const auto next = [&](int k) {
        do
            ++k;
        while (k < count && !isNode(at(k)));
        return k;
    };
    bool hasAnd = false;
    int first = pos;
    while (previous(first) >= 0 && joined(previous(first), first, hasAnd))
        first = previous(first);
    int last = pos;
    while (next(last) < count && joined(last, next(last), hasAnd))
        last = next(last);
    QList<int> result;
    if (hasAnd) {
        for (int k = first; k <= last; ++k)
            if (k != pos && isNode(at(k)))
                result.append(k);
    }
    return result;
}

// A relation found for one member of a list holds for the others ("Larry Page and Sergey Brin
// founded Google"), and "X co-founded Y with Z" makes Z a founder too.
void SentenceRelations::addCoordinated()
{
    const auto typed = m_typed; // add() appends to m_typed
    for (const auto &[type, subject, object, trigger] : typed) {
        // "founded by the American Baptist Education Society and John D. Rockefeller": people and
        // organisations found and create together.
        const bool agents = type == RelationType::Founded || type == RelationType::Created;
        // "her brother Toshio Iue, who later founded Sanyo": a relative clause speaks of one.
        static const QRegularExpression relative(QStringLiteral(R"(^\s*,\s*who\b(?!\s+(?:both|all|together)\b))"));
        const bool ofOneOnly = subject < object && relative.match(between(subject, object)).hasMatch();
        for (int other : ofOneOnly ? QList<int>() : coordinatedWith(subject, agents))
            if (other != object)
                add(type, other, object, trigger);
        for (int other : coordinatedWith(object))
            if (other != subject)
                add(type, subject, other, trigger);
        int partner = object + 1; // the next person or organisation ("started X in Osaka with his wife Y")
        while (partner < m_sentence.mentions.size()
               && (!isNode(at(partner)) || at(partner).type == EntityType::Location))
            ++partner;
        if ((type == RelationType::Founded || type == RelationType::Created) && subject < object
            && partner < m_sentence.mentions.size()) {
            const EntityType partnerType = at(partner).type;
            const QString gap = between(object, partner);
            if ((partnerType == EntityType::Person || partnerType == EntityType::Organization) && !gap.isNull()
                && withPartner().match(gap).hasMatch()) {
                add(type, partner, object, trigger);
                // "started X in Osaka with his wife Mumeno"
                static const QRegularExpression spouse(
                    QStringLiteral(R"(\bwith\s+(?:his|her)\s+(?:wife|husband)\s*$)"));
                if (partnerType == EntityType::Person && at(subject).type == EntityType::Person
                    && spouse.match(gap).hasMatch())
                    add(RelationType::SpouseOf, subject, partner, QStringLiteral("wife"));
                for (int other : coordinatedWith(partner)) // "with Chris Malachowsky and Curtis Priem"
                    if (other > partner)
                        add(type, other, object, trigger);
            }
        }
    }
}

// Every pair of distinct entity mentions not already linked, nearest pairs first, up to cap.
void SentenceRelations::addCoOccurrences(int cap)
{
    QList<int> nodes;
    for (int k = 0; k < m_sentence.mentions.size(); ++k)
        if (isNode(at(k)))
            nodes.append(k);
    int added = 0;
    for (int distance = 1; distance < nodes.size() && added < cap; ++distance) {
        for (int i = 0; i + distance < nodes.size() && added < cap; ++i) {
            const int a = nodes.at(i);
            const int b = nodes.at(i + distance);
            const Mention &first = at(a);
            const Mention &second = at(b);
            if (first.end > second.start
                || (first.type == second.type && first.text.compare(second.text, Qt::CaseInsensitive) == 0)
                || m_linked.count(std::minmax(m_sentence.mentions.at(a), m_sentence.mentions.at(b))))
                continue;
            const qsizetype before = m_out.size();
            add(RelationType::CoOccurs, a, b, QString());
            added += int(m_out.size() - before);
        }
    }
}

} // namespace

RelationExtractor::RelationExtractor(int maxCoOccurrencesPerSentence)
    : m_maxCoOccurrences(std::max(0, maxCoOccurrencesPerSentence))
{}

QList<std::pair<qsizetype, qsizetype>> RelationExtractor::sentenceSpans(const QString &text,
                                                                        const QList<Mention> &mentions)
{
    // Mention spans by start, so that one forward sweep answers "is p inside a mention?" for the
    // increasing boundaries (a scan of every mention per boundary was quadratic).
    std::vector<std::pair<qsizetype, qsizetype>> spansByStart;
    spansByStart.reserve(size_t(mentions.size()));
    for (const Mention &m : mentions)
        if (isValid(m, text.size()))
            spansByStart.emplace_back(m.start, m.end);
    std::sort(spansByStart.begin(), spansByStart.end());
    size_t nextSpan = 0;
    qsizetype reach = 0; // the furthest end of the mentions starting before p

    QList<qsizetype> cuts;
    for (const qsizetype p : sentenceBoundaries(text)) {
        while (nextSpan < spansByStart.size() && spansByStart[nextSpan].first < p)
            reach = std::max(reach, spansByStart[nextSpan++].second);
        const bool insideMention = p < reach;
        if (!insideMention && !endsWithTitleOrInitial(text, p))
            cuts.append(p);
    }
    cuts.append(text.size());
    QList<std::pair<qsizetype, qsizetype>> spans;
    qsizetype from = 0;
    for (qsizetype to : cuts) {
        qsizetype start = from;
        qsizetype end = to;
        while (start < end && text.at(start).isSpace())
            ++start;
        while (end > start && text.at(end - 1).isSpace())
            --end;
        if (start < end)
            spans.append({start, end});
        from = to;
    }
    return spans;
}

QList<RelationMention> RelationExtractor::extract(const QString &text, const QList<Mention> &mentions,
                                                  const CancellationToken &token) const
{
    token.throwIfCancelled();
    QList<int> order;
    int nodes = 0;
    for (int i = 0; i < mentions.size(); ++i) {
        if (isValid(mentions.at(i), text.size())) {
            order.append(i);
            nodes += isNode(mentions.at(i)) ? 1 : 0;
        }
    }
    if (nodes < 2)
        return {}; // every relation links two entity mentions: no need to find the sentences
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return std::pair(mentions.at(a).start, mentions.at(a).end)
            < std::pair(mentions.at(b).start, mentions.at(b).end);
    });

    QList<RelationMention> result;
    qsizetype next = 0; // first mention of `order` not yet placed in a sentence
    int about = -1;     // the person or organisation the last sentence was about (its subject)
    for (const auto &[start, end] : sentenceSpans(text, mentions)) {
        token.throwIfCancelled();
        Sentence sentence{start, end, {}};
        while (next < order.size() && mentions.at(order.at(next)).start < end) {
            const Mention &m = mentions.at(order.at(next));
            if (m.start >= start && m.end <= end)
                sentence.mentions.append(order.at(next));
            ++next;
        }
        // "Ada Byron married William King. She later worked with Babbage.": a sentence that opens
        // with "he" or "she" ("it") goes on about the person (organisation) the last one was about.
        static const QRegularExpression pronoun(
            QStringLiteral(R"(^(?:(?:and|but|then|later|in\s+\d{4}),?\s+)?(he|she|it)\b)"),
            QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch opening = about >= 0
            ? pronoun.match(QStringView(text).mid(start, std::min<qsizetype>(40, end - start)))
            : QRegularExpressionMatch();
        const bool continues = opening.hasMatch()
            && (opening.captured(1).compare(QLatin1String("it"), Qt::CaseInsensitive) == 0)
                == (mentions.at(about).type != EntityType::Person);
        if (continues && !sentence.mentions.isEmpty()) {
            Sentence withSubject{start, end, QList<int>{about} + sentence.mentions};
            std::set<std::tuple<int, int, int>> seenHere;
            SentenceRelations(text, mentions, withSubject, result, seenHere)
                .findAfterPronoun(start + opening.capturedEnd(1));
        }
        if (!continues)
            about = -1;
        if (sentence.mentions.isEmpty())
            continue;
        {
            std::set<std::tuple<int, int, int>> none;
            const SentenceRelations subjectOf(text, mentions, sentence, result, none);
            const int subject = subjectOf.clauseSubject();
            const EntityType type = subject >= 0 ? mentions.at(sentence.mentions.at(subject)).type : EntityType::Misc;
            if (subject >= 0 && (type == EntityType::Person || type == EntityType::Organization))
                about = sentence.mentions.at(subject);
        }
        if (sentence.mentions.size() < 2)
            continue;
        std::set<std::tuple<int, int, int>> seen;
        SentenceRelations relations(text, mentions, sentence, result, seen);
        relations.findTyped();
        relations.findAfterClauseBreaks();
        relations.findOfficeAppositions();
        relations.findFrontedBirth();
        relations.findFrontedPassive();
        relations.findItsRole();
        relations.findWorkOfPerson();
        relations.findKinAfterName();
        relations.findKinAcrossMentions();
        relations.findBasedAppositions();
        relations.findGenealogies();
        relations.findBirths();
        relations.findNamedInsideAppositions();
        relations.addCoordinated();
        relations.addCoOccurrences(m_maxCoOccurrences);
    }
    token.throwIfCancelled();

    std::stable_sort(result.begin(), result.end(), [&](const RelationMention &a, const RelationMention &b) {
        return std::tuple(a.sentenceStart, mentions.at(a.subject).start, mentions.at(a.object).start, int(a.type))
            < std::tuple(b.sentenceStart, mentions.at(b.subject).start, mentions.at(b.object).start, int(b.type));
    });
    return result;
}

} // namespace gw
