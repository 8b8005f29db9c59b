#include "relationpatterns.h"

#include <QStringList>

namespace gw {

namespace {

constexpr EntityTypeMask Per = entityTypeBit(EntityType::Person);
constexpr EntityTypeMask Org = entityTypeBit(EntityType::Organization);
constexpr EntityTypeMask Loc = entityTypeBit(EntityType::Location);
constexpr EntityTypeMask Misc = entityTypeBit(EntityType::Misc);

// "for six years", "for most of the years since"
#define GW_DURATION \
    R"(for\s+(?:(?:many|several|some|two|three|four|five|six|seven|eight|nine|ten|[0-9]+|a|the|next|last|)" \
    R"(first|most\s+of\s+(?:the|its|their|his|her))\s+)?(?:years|decades|months|seasons|terms|years\s+since|)" \
    R"(history|career|existence|life))"
// Short words that may sit between the subject and the trigger without changing its meaning:
// auxiliaries, adverbs, relative pronouns, and "in <date>". "not" and "never" are deliberately
// absent, so a negated sentence matches nothing.
const QString fill = QStringLiteral(
    R"((?:\s*\(\s*§\s*\)|\s+(?:also|later|then|soon|recently|formerly|previously|once|subsequently|eventually|)"
    R"(briefly|still|now|currently|officially|jointly|famously|originally|first|reportedly|)"
    R"(initially|finally|successfully|quietly|effectively|has|have|had|been|is|was|were|are|be|)"
    R"(being|who|which|that|did|does|will|would|all|both|together|he|she|they|)"
    // "agreed in 2024 to buy": what was agreed or planned is said as done
    R"((?:agreed|agrees|plans|planned|decided|voted|offered)(?:\s+(?:in|on)\s+§)?\s+to|among\s+(?:those|the\s+(?:people|men|women))\s+who|)"
    R"((?:in|on|during|around|since|until|from)\s+§(?:\s+(?:to|and|until)\s+§)?|)" GW_DURATION R"())*)");
// Before the fillers: nothing, or a comma-delimited apposition ("Ada Lovelace, daughter of Lord
// Byron, married ..."). A lone comma is allowed only before a participle or a noun (", founded
// by", ", daughter of"): before an active verb it usually closes an apposition the subject sits
// in ("..., daughter of Lord Byron, married William King" does not make Byron the spouse).
const QString pre =
    QStringLiteral(
        R"((?:\s*,[^,;]{1,80},|\s*,(?=\s+(?:who|which)\b)|(?:\s*,|\s+(?:is|was))\s*(?:a|an|the)(?:\s+[\w¤-]+){1,4}?(?=\s+who\b))?)")
    + fill;
const QString preComma = QStringLiteral(R"((?:\s*,[^,;]{1,80},|\s*,)?)") + fill;
// A participle may follow a head noun: "Trolltech, a company founded by", "The zlib library was
// written by", "The IEEE 754 standard, published by", "Kvarn is a Norwegian company based in".
// Up to four words, then a comma or an auxiliary.
const QString preParticiple =
    QStringLiteral(
        R"((?:(?:\s*,|\s+(?:is|was))\s*(?:a|an|the)(?:\s+[\w'¤-]+){1,3}?(?=\s+[a-z-]+ed\b|\s+(?:written|built|run|set|begun|)"
        R"(made|taken|known|born)\b)|(?:\s+(?!(?:and|or|but)\b)(?:[a-z][\w-]*|[0-9]+(?:\.[0-9]+)+)){1,4}?)"
        R"((?=\s*,|\s+(?:is|was|were|are|has|had)\b))?)")
    + preComma;
const QString det = QStringLiteral(R"((?:the|a|an|its|his|her|their|our|this|that))");
// A title the mention leaves out ("daughter of Mr. Bennet", "chairman, Mr. Grimsby").
const QString title =
    QStringLiteral(R"((?:(?:mr|mrs|ms|miss|dr|lord|lady|sir|king|queen|prince|princess|count|countess|captain|)"
                   R"(colonel|major|general|reverend|rev|president|professor|prof|baron|baroness|duke|duchess|earl|)"
                   R"(marquis|marquess|viscount|viscountess|archbishop|bishop|cardinal|pope|saint|st|emperor|)"
                   R"(empress|tsar|sultan|metropolitan|patriarch|abbot|abbess|rabbi|sheikh|admiral|)"
                   R"(lieutenant|commodore|mayor|governor|councillor|councilor|senator|chancellor|ambassador|judge|)"
                   R"(chief)\.?\s+)?)");
// Words that never name a kind of thing before a name: "married the daughter of X" is no marriage to X.
constexpr const char *notKindWord =
    "(?:of|in|at|on|to|for|by|with|from|and|or|but|who|whom|whose|which|that|the|a|an|his|her|its|their|"
    "against|into|onto|over|under|between|after|before|during|near|about|as|than|like|was|is|were|are|has|"
    "had|have|be|been|not|also|where|when|while|until|since|through|across|among|upon|without|within)";
// After the trigger: a determiner, a kind named before the name ("acquired by the investment group
// Vestor", "designed by the architect Alvar Aalto"), or a title.
const QString post =
    QStringLiteral(R"((?:\s+(?:both|either))?(?:\s+)")
    + det
    // "in Chile's Atacama Desert": a possessor before the name.
    + QStringLiteral(
        R"()?(?:\s+¤(?:'s|’s)(?=\s*$))?(?:(?<=\bthe|\ba|\ban|\bits|\bhis|\bher|\btheir)(?:\s+¤)?(?:\s+(?!)")
    + QString::fromUtf8(notKindWord)
    + QStringLiteral(
        R"(\b)[a-z][a-z-]*){1,2}(?=\s*$)|\s+(?:[a-z-]+\s+){0,2}?(?:group|company|firm|bank|fund|investor|conglomerate|maker|)"
        R"(giant|lender|insurer|retailer|publisher|broadcaster|start-?up|engineer|architect|painter|)"
        R"(writer|author|composer|physicist|chemist|entrepreneur|businessman|businesswoman|billionaire)"
        R"()(?=\s*$))?\s*)")
    + title;
const QString adj = QStringLiteral(
    R"((?:former|current|first|founding|longtime|long-time|then|new|interim|acting|senior|junior|original|main|)"
    R"(lead|principal|eldest|elder|younger|youngest|oldest|older|only|second|third|illegitimate|)"
    R"(adopted|late|executive|artistic|technical|scientific|creative|musical|female|male|woman|wholly[- ]owned|majority[- ]owned|[a-z]+-owned|full|honorary|active|[a-z]+ing|)"
    R"(two|three|four|five|six|several))");
// Between the subject and a relational noun: "is the", ", the", "became", "served as a".
const QString nounPre =
    QStringLiteral(
        R"((?:\s*,|(?:\s+the\s+(?:first|second|third|last|only|youngest|oldest)\s+[a-z]+\s+to)?)"
        R"(\s+(?:(?:to\s+)?(?:became|becomes|become)|remains|remained|re-?elected|(?:served|serves|serving|works|)"
        R"(worked|working|acts|acted)(?:\s+)" GW_DURATION
        R"()?\s+as|as|named|appointed|elected|(?:sworn\s+in|installed|inaugurated|)"
        R"(re-?elected|took\s+over|takes\s+over|stepped\s+(?:in|up)|returned|returns|continued|continues)\s+as|crowned|)"
        R"(made|(?:resigned|retired|stepped\s+down|stood\s+down)\s+as|(?:succeeded|succeeds|replaced|replaces)\s+¤\s+as))?)"
        R"((?:\s+(?:one\s+of|all|both|among))?(?:\s+)")
    + det + QStringLiteral(R"()?(?:\s+)") + adj + QStringLiteral(")*");

// The preposition of "a city in Y", "the largest city of northern Y", "a port on the island of
// Y": the region word before the place is no part of its name.
#define GW_PLACE_REGION \
    R"((?:\s+(?:the\s+)?(?:northern|southern|eastern|western|central|north|south|east|west|north-?eastern|)" \
    R"(north-?western|south-?eastern|south-?western)\b)?)"
constexpr const char *placeOfOrIn =
    R"((?:of|in|on\s+the\s+(?:island|isle|coast|shore|shores|banks)\s+of))" GW_PLACE_REGION;
constexpr const char *placeIn = R"((?:in|on\s+the\s+(?:island|isle|coast|shore|shores|banks)\s+of))" GW_PLACE_REGION;
#undef GW_PLACE_REGION
#undef GW_DURATION

constexpr const char *seatOf =
    R"((?:\s*,\s*|\s+(?:is|was|has\s+been|remains|remained|became|becomes)\s+(?:also\s+)?)(?:the\s+)?)"
    R"((?:(?:ancient|ancestral|family|episcopal|principal|traditional|official)\s+)?(?<t>seat)\s+of\s+(?:the\s+)?)";

enum class Form { Active, ActiveInverse, Participle, Passive, PassiveTo, Noun, Possessive, Exact, ExactInverse };

struct Spec
{
    RelationType type;
    EntityTypeMask subject;
    EntityTypeMask object;
    Form form;
    const char *words;
    const char *preposition = nullptr; // Noun form only
};

QString patternFor(const Spec &spec)
{
    const QString words = QString::fromUtf8(spec.words);
    switch (spec.form) {
    case Form::Active: // "X co-founded Y"
        return pre + QStringLiteral(R"(\s+(?<t>)") + words + QStringLiteral(")") + post;
    case Form::Participle: // "X, based in Y"
        return preParticiple + QStringLiteral(R"(\s+(?<t>)") + words + QStringLiteral(")") + post;
    case Form::Passive: // "X was founded in 1976 by Y", "X, founded by Y"
        return preParticiple + QStringLiteral(R"(\s+(?<t>)") + words + QStringLiteral(")") + fill
            + QStringLiteral(R"((?:\s+(?:at|in)\s+(?:the\s+)?¤)")
            + fill
            // "founded by young liberal students including X", "established on the orders of X"
            + QStringLiteral(R"()?\s+(?:by(?:\s+(?:[a-z-]+\s+){1,4}?(?:including|among\s+them|such\s+as))?|)"
                             R"(on\s+the\s+(?:orders?|instructions?|initiative)\s+of))")
            + post;
    case Form::PassiveTo: // "Kubernetes was donated in 2015 to the CNCF"
        return preParticiple + QStringLiteral(R"(\s+(?<t>)") + words + QStringLiteral(")") + fill
            + QStringLiteral(R"(\s+to)") + post;
    case Form::Noun: // "X is the co-founder and CEO of Y", "X, daughter of Y"
        return preComma + nounPre + QStringLiteral(R"(\s+(?:[a-z-]+\s+(?:and|&)\s+)?(?<t>)") + words
            + QStringLiteral(R"()(?:\s+(?:and|&)\s+[a-z-]+)?\s+(?:)") + QString::fromUtf8(spec.preposition)
            + QStringLiteral(R"()(?:\s+(?:the|a|an)\s+[a-z-]+\s*,)?)")
            // "a clerk at the banking house of Pelling and Grout": a merchant house is its firm
            + QStringLiteral(R"((?:\s+the\s+(?:[a-z]+\s+)?house\s+of)?)") + post;
    case Form::Possessive: // "Y's daughter, X", "Y CEO X", "the Company's chairman, Mr. X", "Halden's Swedish
                           // unit, X", "Lumo's founder and chairman, X"
        return QStringLiteral(R"((?:\s*(?:'s|’s|'))?(?:\s+)") + det + QStringLiteral(R"()?(?:\s+(?:)") + adj
            + QStringLiteral(R"(|¤))*\s+(?:[a-z-]+\s+(?:and|&)\s+)?(?<t>)") + words
            + QStringLiteral(R"()(?:\s+(?:and|&)\s+(?:chairman|chairwoman|chair|president|director|)"
                             R"(chief\s+executive|ceo|owner|co-owner|editor|publisher))?\s*,?\s*)")
            + title;
    case Form::Exact:
    case Form::ExactInverse: // the later mention is the subject
        return words + title;
    case Form::ActiveInverse: // "The Eclipse Foundation hosts Jakarta EE"
        return pre + QStringLiteral(R"(\s+(?<t>)") + words + QStringLiteral(")") + post;
    }
    return words;
}

const Spec specs[] = {
    // works_for
    {RelationType::WorksFor, Per, Org, Form::Active,
     R"((?:works|worked|work|working)\s+(?:for|at)|joined|rejoined|joins|joining|(?:employed|hired|recruited)\s+by|)"
     // a past employer counts: "left Siemens in 2019", "after retiring from Unilever"
     R"(left|quit|(?:retired|retiring|resigned|resigning)\s+from|)"
     // "was appointed to the Supreme Court of Ghana", "a surgeon appointed to Waikato Hospital"
     R"(appointed\s+to|)"
     R"((?:taught|teaches|teaching|lectured|lectures|lecturing)(?:\s+[a-z]+){0,3}?\s+at|)"
     R"(spent\s+(?:(?:most|much|all|part|the\s+rest)\s+of\s+)?(?:his|her|their)\s+(?:whole\s+|entire\s+)?(?:working\s+)?)"
     R"((?:life|career)\s+at|)"
     R"(coached|coaches|coaching|)"
     // "worked as an engineer at Ericsson", "spent eleven years at Ericsson"
     R"((?:works|worked|working)\s+as\s+(?:a|an|the)\s+(?:[a-z-]+\s+){1,3}?(?:at|for|with)|)"
     R"(spent\s+(?:[\w-]+\s+){1,3}?(?:years|decades|months|seasons)\s+(?:at|with|working\s+for))"},
    // "chief financial officer of X": every chief officer but the executive works for it.
    {RelationType::WorksFor, Per, Org, Form::Noun, R"(chief\s+(?!executive)[a-z]+(?:\s+[a-z]+)?\s+officer|cfo|coo|cto)",
     "of|at"},
    {RelationType::WorksFor, Per, Org, Form::Noun,
     R"((?:[a-z-]+\s+){0,2}?(?:engineer|employee|scientist|researcher|programmer|developer|)"
     R"(analyst|manager|professor|lecturer|consultant|designer|officer|executive|intern|staffer|)"
     R"(economist|mathematician|physicist|chemist|architect|editor|journalist|reporter|lawyer|)"
     R"(accountant|vice[- ]president|worker|fellow|clerk|teacher|nurse|surgeon|pilot|assistant|curator|)"
     R"(coach|spokesman|spokeswoman|spokesperson|counsel|commissioner|judge|[a-z]+ist|[a-z]+ician|[a-z]+arian)s?)"
     // "professor of economics at", "lecturer in law at"
     R"((?:\s+(?:of|in)\s+[a-z-]+(?:\s+(?:and|&)\s+[a-z-]+)?)?)",
     "at|for|with"},
// "Mr. Wemmick, Mr. Jaggers's clerk", "the housekeeper of Lord Grantham": a household's or a
// master's servants work for him.
#define GW_SERVANTS R"(clerk|apprentice|butler|valet|maid|housekeeper|governess|coachman|gardener|squire|page)"
    {RelationType::WorksFor, Per, Per, Form::Noun,
     R"((?:[a-z-]+\s+){0,2}?(?:officer|servant|steward|captain|adviser|advisor|secretary|minister|)" GW_SERVANTS R"())",
     "of|to"},
    {RelationType::WorksFor, Per, Per, Form::Possessive,
     R"(minister|servant|steward|adviser|advisor|secretary|chancellor|physician|ambassador|envoy|)" GW_SERVANTS},
#undef GW_SERVANTS
    {RelationType::WorksFor, Per, Per, Form::Active, R"((?:was|were|is|been)\s+apprenticed\s+to)"},
    {RelationType::WorksFor, Per, Org, Form::Possessive,
     R"(coach|head\s+coach|(?:[a-z]+\s+)?commissioner|general\s+counsel|chief\s+(?!executive)[a-z]+(?:\s+[a-z]+)?\s+officer|cfo|coo|cto|executive|employee|)"
     // (not "developer", "programmer", "manager": "Debian developer X", "the GNOME release manager"
     // name a project's members)
     R"(engineer|staffer|researcher|designer|professor|lecturer|consultant|journalist|physicist|chemist|)"
     R"(mathematician|astronaut|intern|nurse|surgeon|pilot|curator|photographer|)"
     R"((?:chief\s+)?(?:scientist|engineer|economist|spokesman|spokeswoman|spokesperson|analyst|lawyer|)"
     R"(architect|strategist|counsel|correspondent|reporter|editor)|)"
     R"((?:finance|financial|technology|technical|operating|marketing|legal|investment|commercial|security|)"
     R"(political|science|health|economics)\s+(?:chief|officer|director|editor|correspondent))"},
    {RelationType::WorksFor, Per, Org, Form::ActiveInverse, R"(employs|employed|hired|hires|recruited|recruits)"},
    // "ran the Chennai office of Larsen & Toubro": whoever runs a part of it works for the whole.
    {RelationType::WorksFor, Per, Org, Form::Active,
     R"((?:ran|runs|running|headed|heads|heading|led|leads|managed|manages|opened|set\s+up)\s+(?:the|its|a|an)\s+)"
     R"((?:¤\s+)?(?:[a-z-]+\s+){0,2}?(?:office|branch|unit|department|division|lab|laboratory|team|desk|bureau|)"
     R"(plant|business|operations)\s+)"
     R"((?:of|at|for))"},
    // "Ukraine's foreign minister, X", "Ghana's ambassador, X": a minister serves the country (a
    // prime minister leads it).
    {RelationType::WorksFor, Per, Loc, Form::Possessive,
     R"((?:(?!prime\b)[a-z-]+\s+)?(?:minister|ambassador|envoy|consul|attorney\s+general|chief\s+of\s+staff))"},
    // "Brendan Eich created JavaScript in 1995 while working at Netscape": the person before it.
    {RelationType::WorksFor, Per, Org, Form::Exact,
     R"([^;]*?\b(?:while|when|where)\s+(?:(?:he|she)\s+(?:was\s+)?)?(?<t>working|worked|employed|serving|)"
     R"(served|teaching|taught)\s+(?:at|for|by|with)\s+(?:the\s+)?)"},
    // "Daniel Veillard of Red Hat", "Ken Arnold at the University of California"
    {RelationType::WorksFor, Per, Org, Form::Exact, R"(\s+(?<t>of|at)\s+(?:the\s+)?)"},
    // founded
    {RelationType::Founded, Per | Org, Org, Form::Active,
     R"(founded|co-founded|cofounded|founding|co-founding|established|set\s+up|started|formed|opened|launched|co-launched|)"
     R"((?:helped|help|helps|went\s+on|left|moved\s+on|decided|agreed)\s+(?:to\s+)?(?:found|establish|start|set\s+up)|)"
     // "combined with the British firm X in 2024 to form", "completed its merger with X on Monday,
     // creating"
     R"((?:merged|combined|joined|united|amalgamated|(?:completed|announced|finalised|finalized)\s+)"
     R"((?:its|their|the)\s+merger)(?:\s+with\s+(?:[^¤,;]{0,40}?¤(?:\s+(?:in|on)\s+(?:§|[a-z]+day))*|[^¤,;]{1,60}?))?)"
     R"(\s*,?\s+(?:to\s+(?:form|create)|creating|forming))"},
    // The other party of a merger: "merged with X to form Y" (the words before X are checked where
    // the pattern matches: only after "merger with", "merged with" or "combined with").
    {RelationType::Founded, Org, Org, Form::Exact,
     R"((?:\s+(?:in|on)\s+(?:§|[a-z]+day))*\s*,?\s+(?<t>to\s+form|to\s+create|creating|forming)\s+(?:the\s+)?)"},
    // "X, itself formed by the merger of A and B", "X grew out of the 1987 merger of A and B"
    {RelationType::Founded, Org, Org, Form::ExactInverse,
     R"(\s*,?\s*(?:itself\s+|which\s+was\s+|was\s+)?(?<t>formed|created|born|grew\s+out|emerged)\s+(?:in\s+§\s+)?)"
     R"((?:by|through|from|of|out\s+of)\s+(?:the|a)\s+(?:§\s+)?merger\s+(?:of|between)\s+(?:the\s+)?)"},
    // "Tata Steel and PGGM have formed a joint venture, Hoogovens Renewables"
    {RelationType::Founded, Per | Org, Org, Form::Exact,
     R"(\s+(?:(?:has|have|had)\s+)?(?<t>formed|created|launched|set\s+up|founded|established)\s+(?:a|an)\s+)"
     R"((?:new\s+)?(?:joint\s+venture|company|firm|partnership|consortium|charity|foundation)\s*,\s*)"},
    {RelationType::Founded, Per | Org, Org, Form::Passive,
     R"(founded|co-founded|cofounded|established|set\s+up|started|formed|launched|organi[sz]ed|incorporated)"},
    {RelationType::Founded, Per | Org, Org, Form::Noun, R"(founders?|co-founders?|cofounders?)", "of"},
    {RelationType::Founded, Per | Org, Org, Form::Possessive, R"(founder|co-founder|cofounder)"},
    // leads
    {RelationType::Leads, Per, Org, Form::Active,
     R"(led|leads|heads|headed|directed|directs|runs|ran|chaired|chairs|manages|managed)"},
    // "took charge of the Ninth Army", "took the helm at Nokia", "commanded the Ninth Army"
    {RelationType::Leads, Per, Org, Form::Active,
     R"((?:took|takes|taking)\s+(?:charge|control|command)\s+of|(?:took|takes|taking)\s+(?:over\s+)?the\s+)"
     R"((?:helm|reins)\s+(?:of|at)|(?:is|was)\s+in\s+charge\s+of|commanded|commands)"},
    {RelationType::Leads, Per, Org, Form::Passive, R"(led|headed|run|directed|chaired|managed)"},
    {RelationType::Leads, Per, Org | Loc, Form::Active, R"((?:presides|presided)\s+over)"},
    {RelationType::Leads, Per, Loc, Form::Possessive,
     R"(king|queen|ruler|emperor|empress|sultan|president|governor|mayor|prime\s+minister|premier)"},
    {RelationType::Leads, Per, Org, Form::Active, R"(conducted|conducts)"},
    // A captain plays for the club: a member, not its leader (a ship's captain leads it, below).
    {RelationType::MemberOf, Per, Org, Form::Active, R"(captained|captains)"},
    {RelationType::MemberOf, Per, Org, Form::Passive, R"(captained)"},
    {RelationType::MemberOf, Per, Org, Form::Noun, R"(captain|vice-captain)", "of|at"},
    // A captain commanding a named ship leads it (ships are MISC).
    {RelationType::Leads, Per, Misc, Form::Noun, R"(captain|commander|skipper)", "of"},
    {RelationType::Leads, Per, Org, Form::Noun,
     R"(conductor|music\s+director|abbot|abbess|headmaster|headmistress|dean|rector|provost)", "of|at"},
    {RelationType::Leads, Per, Org, Form::Possessive, R"(conductor|music\s+director|founder-director)"},
    // "Galatasaray captain Arda Yılmazer", "Former Real Madrid defender X": a player is a member.
    {RelationType::MemberOf, Per, Org, Form::Possessive,
     R"((?:[a-z-]+\s+)?(?:captain|vice-captain|defender|striker|midfielder|forward|goalkeeper|keeper|winger|)"
     R"(player|full-back|centre-back|center-back|flanker|fly-half|scrum-half|hooker|batsman|batter|bowler|)"
     R"(pitcher|quarterback|point\s+guard|guard|rider|driver|cyclist|sprinter|skipper))"},
    // "Ahab reigned over Israel", "Herod ruled Judea", "David was king over Israel"
    {RelationType::Leads, Per, Loc, Form::Active,
     R"((?:reigned|reigns|ruled|rules|governed|governs)(?:\s+over)?|)"
     R"((?:(?:was|became|is)\s+)?(?:king|queen|ruler|governor)\s+over)"},
    {RelationType::Leads, Per, Org, Form::Noun,
     R"(ceo|chief\s+executive(?:\s+officer)?|president|director|head|secretary[- ]general|director[- ]general|)"
     R"(chairman|chairwoman|chair|leader|managing\s+director|general\s+manager|governor)",
     "of|at"},
    // "Melchizedek king of Salem", "Ron DeSantis, the governor of Florida", "Robert, Duke of
    // Normandy", "John Fisher, Bishop of Rochester": a ruler's or a prelate's title over a place.
    {RelationType::Leads, Per, Loc, Form::Noun,
     R"(king|queen|ruler|governor|mayor|prince|princess|emperor|empress|president|premier|prime\s+minister|)"
     R"(duke|duchess|grand\s+(?:prince|princess|duke|duchess)|tsar|czar|tsarina|khan|emir|sultan|shah|doge|)"
     R"(bishop|archbishop|prince-bishop|margrave|elector|count|countess|earl|viceroy)",
     "of"},
    {RelationType::Leads, Per, Org, Form::Possessive,
     R"(ceo|chief\s+executive|chief|president|chairman|chairwoman|chair|head|director|boss|leader|)"
     R"(secretary[- ]general|director[- ]general)"},
    // "Queen guitarist Brian May", "Labour MP Diane Abbott", "Brian May, Queen's guitarist": a band's
    // musician, a party's politician.
    {RelationType::MemberOf, Per, Org, Form::Possessive,
     R"((?:[a-z-]+\s+)?(?:guitarist|bassist|bass\s+player|drummer|singer|vocalist|lead\s+singer|frontman|frontwoman|)"
     R"(keyboardist|keyboard\s+player|pianist|violinist|cellist|violist|trumpeter|saxophonist|percussionist|rapper|)"
     R"(mp|mep|senator|deputy|politician|lawmaker|legislator|congressman|congresswoman|councillor|councilor|)"
     R"(activist|backbencher))"},
    // "X, the drummer of Y", "X, a guitarist with Y" (not a politician: "an MP for Leeds" names a seat).
    {RelationType::MemberOf, Per, Org, Form::Noun,
     R"((?:guitarist|bassist|bass\s+player|drummer|singer|vocalist|lead\s+singer|frontman|frontwoman|)"
     R"(keyboardist|keyboard\s+player|rapper))",
     "of|in|for|with"},
    // member_of
    {RelationType::MemberOf, Per | Org | Loc, Org, Form::Noun,
     R"((?:board\s+|council\s+|staff\s+|committee\s+)?(?:members?|fellows?))"
     // "a member of the board of X", "a member of the governing council of X"
     R"((?:\s+of\s+(?:the|its)\s+(?:[a-z-]+\s+)?(?:board|council|committee|faculty|senate|panel|presidium|)"
     R"(executive)(?:\s+of\s+(?:directors|trustees|governors))?)?)",
     "of"},
    // "an Augustinian friar at St Thomas's Abbey": a religious house's members.
    {RelationType::MemberOf, Per, Org, Form::Noun, R"((?:[a-z-]+\s+)?(?:friar|monk|nun|canon|novice|oblate)s?)",
     "at|of|in"},
    // "made up the line-up of Queen", "joined the line-up of": a band's or a team's members.
    {RelationType::MemberOf, Per, Org, Form::Active,
     R"((?:made|make|makes|formed|form|forms|completed|completes|joined|joins|rejoined)\s+up\s+the\s+)"
     R"((?:[a-z-]+\s+)?(?:line-?up|roster|squad|cast)\s+of|)"
     R"((?:formed|completed|joined|rejoined)\s+the\s+(?:[a-z-]+\s+)?(?:line-?up|roster|squad)\s+of)"},
    // "a graduate of Makerere University", "an alumna of", "a student at": studying is membership.
    {RelationType::MemberOf, Per, Org, Form::Noun,
     R"(graduates?|alumn(?:us|a|i|ae)|students?|undergraduates?|postgraduates?|scholars?)", "of|at|from"},
    {RelationType::MemberOf, Per, Org, Form::Active,
     R"((?:earned|received|obtained|completed|took)\s+(?:his|her|their|a|an)\s+(?:[a-z-]+\s+)?)"
     R"((?:degree|doctorate|phd|diploma|master's|bachelor's|training)\s+(?:[a-z-]+\s+){0,2}?(?:at|from))"},
    {RelationType::MemberOf, Per, Org, Form::Active,
     R"((?:enlisted|served|serves|serving|fought|enrolled|commissioned)\s+(?:in|into|with))"},
    {RelationType::MemberOf, Per, Org, Form::Noun,
     R"((?:ensign|soldier|private|sergeant|corporal|lieutenant|captain|major|colonel|officer|trooper|cornet|)"
     R"(midshipman|chaplain|surgeon|drummer)s?)",
     "in|of|with"},
    // "Bredband2 joined the consortium", "Denmark joined the Kalmar Union": a body or a country.
    {RelationType::MemberOf, Org | Loc, Org, Form::Active, R"(joined|rejoined)"},
    // "a clergyman of the Church of England", "a monk of the Order of Saint Benedict"
    {RelationType::MemberOf, Per, Org, Form::Noun,
     R"((?:clergyman|clergywoman|clergy|priest|monk|nun|friar|deacon|curate|canon|parishioner|novice)s?)", "of|in|at"},
    // "studied law at the University of Ibadan", "graduated from Makerere University": a student is
    // a member of the school.
    {RelationType::MemberOf, Per, Org, Form::Active,
     R"((?:studied|studies|studying)(?:\s+[a-z]+){0,2}?\s+at|graduated\s+(?:[a-z]+\s+)?from|enrolled\s+(?:at|in)|)"
     R"((?:was|were)\s+educated\s+at|attended)"},
    // "a paediatrician trained at the American University of Beirut"
    {RelationType::MemberOf, Per, Org, Form::Participle, R"((?:trained|educated|schooled)\s+at)"},
    // "made a partner in the house of Lippincott Brothers"
    {RelationType::MemberOf, Per, Org, Form::Noun, R"((?:senior\s+|junior\s+|managing\s+|name\s+)?partners?)",
     "in|at|of|with"},
    // "the firm's two partners, A and B", "Moreau Lévesque ... its partners, A and B"
    {RelationType::MemberOf, Per, Org, Form::Possessive, R"(partners?|members?|fellows?)"},
    {RelationType::MemberOf, Per, Org, Form::Active,
     // "danced in Diaghilev's Ballets Russes", "sang with the Kyiv Opera"; "broke with the AKP": a
     // past membership counts, as a past employer does
     R"((?:danced|dances|dancing|sang|sings|singing)\s+(?:in|with|for)|(?:broke|breaks|broken)\s+with|)"
     R"(belongs\s+to|belonged\s+to|signed\s+(?:for|with)|)"
     // "played seventy tests for the All Blacks", "played two seasons for"
     R"((?:plays|played|playing)(?:\s+(?:[\w-]+\s+)?(?:tests|games|matches|seasons|years|times|internationals))?\s+for)"},
    {RelationType::MemberOf, Per, Org, Form::Active,
     R"((?:elected|re-elected)\s+to|)"
     R"((?:joined|rejoined|sits\s+on|sat\s+on|served\s+on|elected\s+to)\s+(?:the|its)\s+(?:[a-z-]+\s+){0,2}?)"
     R"((?:committee|board|council|team|staff|faculty|panel|senate|parliament|academy|society)\s+(?:of|at))"},
    // located_in, headquartered_in
    {RelationType::LocatedIn, Org | Loc, Loc, Form::Participle,
     R"((?:(?:located|situated|founded|established|incorporated|formed|lies|lay|lying|sits|stands|stood|meets|)"
     R"(met|meet)\s+)"
     // "stands upon a rock in", "lies on a bend of the river in"
     R"((?:[a-z]+ly\s+)?(?:(?:in|on)\s+§\s+)?(?:(?:upon|on|atop|beside|above|below)\s+(?:a|an|the)\s+)"
     R"((?:[a-z-]+\s+){1,3}?)?)?(?:in(?:\s+the\s+(?:[a-z]+\s+)?(?:village|town|city|county|province|state|region|)"
     R"(district|quarter|suburb|borough|outskirts|north|south|east|)"
     R"(west|north-?east|north-?west|south-?east|south-?west|centre|center|heart|interior|island)\s+of)?|)"
     R"(on\s+the\s+(?:island|isle|coast|shore|shores|banks)\s+of))"
     R"((?:\s+(?:northern|southern|eastern|western|central|north|south|east|)"
     R"(west|north-?eastern|north-?western|south-?eastern|south-?western))?)"},
    // "Lake Ohrid, shared by North Macedonia and Albania": a lake, a range or an island on a border.
    {RelationType::LocatedIn, Loc, Loc, Form::Exact,
     R"(\s*,?\s+(?:which\s+|that\s+)?(?:is\s+|was\s+)?(?<t>shared|divided|split)\s+(?:by|between)\s+(?:the\s+)?)"},
    {RelationType::LocatedIn, Loc, Loc, Form::Exact, R"(\s*(?<t>,|\()\s*)"},
    // "the Oakes Ropewalk at Whitby", "the Albergo Gabbiano on Procida": an organisation's house
    // at its place (a place at a place is more often a journey: "in London at Heathrow").
    {RelationType::LocatedIn, Org, Loc, Form::Exact, R"(\s+(?<t>at|on)\s+)"},
    // "the Seychelles island of La Digue": the later place lies in the first (but "the Kadıköy
    // district of Istanbul" names the part first).
    {RelationType::LocatedIn, Loc, Loc, Form::ExactInverse, R"(\s+(?<t>island|city|town|village|port)\s+of\s+)"},
    // A club's home ground: "play their home matches at the X Stadium", "moved into X".
    {RelationType::LocatedIn, Org, Loc, Form::Active,
     R"((?:play|plays|played|playing)\s+(?:their|its)\s+home\s+(?:matches|games|fixtures)\s+(?:at|in)|)"
     R"((?:moved|moves)\s+into)"},
    {RelationType::LocatedIn, Loc, Loc, Form::Noun,
     R"(capital|(?:largest|biggest|second|third|oldest|main|chief)\s+city|city|town|village|port|suburb|district|)"
     R"(province|region|county|state|island|quarter|borough|municipality|neighbourhood|neighborhood)",
     placeOfOrIn},
    {RelationType::LocatedIn, Loc, Loc, Form::Possessive, R"(capital|largest\s+city|chief\s+city|main\s+port)"},
    // "Zanzibar's Stone Town", "New Zealand's North Island": a place owned by a place lies in it.
    {RelationType::LocatedIn, Loc, Loc, Form::ExactInverse, R"(\s*(?<t>'s|’s)\s+(?:the\s+)?)"},
    // "Hanwha Ocean's yard in Okpo", "Apple said it would open its first store in Riyadh",
    // "now has bases across Australia", "the Kotus institute in Helsinki"
    {RelationType::LocatedIn, Org, Loc, Form::Exact,
     R"((?:\s*(?:'s|’s)\s+(?:[a-z-]+\s+){0,2}?|[^¤;]{0,40}?\b(?:open|opened|opens|opening|build|built|building|)"
     R"(has|have|had|with|runs|operates|kept|keeps|maintains|maintained)\s+)"
     R"((?:(?:its|a|an|the|two|three|several|new)\s+)?(?:[a-z-]+\s+){0,2}?|)"
     R"(\s+(?:[a-z-]+\s+)?)(?<t>yards?|plants?|factory|factories|offices?|stores?|campus|mills?|mines?|refinery|)"
     R"(warehouses?|branch|branches|bases|hub|operations|institute|university|company|firm|bank|group|sites?|)"
     R"(stations?|facilit(?:y|ies)|centres?|centers?|laborator(?:y|ies)|observator(?:y|ies)|)"
     R"(foundation|society|museum|library|hospital|school|college|start-?up)\s+(?:in|at|across|throughout)\s+)"
     R"((?:the\s+)?)"},
    // The same as a predicate of its own, also after a clause break: "was founded by John Flynn at
    // Cloncurry in 1928 and now has bases across Australia", ", kept branches in Rome".
    {RelationType::LocatedIn, Org, Loc, Form::Active,
     R"((?:has|have|had|runs|ran|operates|operated|kept|keeps|maintains|maintained|opened|opens)\s+)"
     R"((?:(?:its|a|an|the|two|three|four|five|several|new|other)\s+)?(?:[a-z-]+\s+){0,2}?(?:offices?|branch(?:es)?|)"
     R"(bases|plants?|factor(?:y|ies)|stores?|sites?|yards?|mills?|mines?|studios?|warehouses?|hubs?|campus(?:es)?|)"
     R"(subsidiar(?:y|ies))\s+(?:in|at|across|throughout))"},
    {RelationType::LocatedIn, Org | Loc, Loc, Form::Noun,
     // "the oldest university in Portugal", "among the oldest universities in the Baltic states"
     R"((?:[\w-]+\s+){0,2}?(?:universit(?:y|ies)|colleges?|schools?|museums?|cit(?:y|ies)|towns?|villages?|)"
     R"(ports?|parks?|lakes?|rivers?|church(?:es)?|cathedrals?|hospitals?|compan(?:y|ies)|banks?|librar(?:y|ies)|)"
     R"(airports?|countr(?:y|ies)|states?|regions?|islands?|mountains?|monaster(?:y|ies)|abbeys?|castles?|)"
     R"(palaces?|markets?|stations?|harbou?rs?|institutions?|academ(?:y|ies)))",
     placeIn},
    // "The University of Coimbra, which moved permanently from Lisbon to Coimbra": where it was and
    // where it is.
    {RelationType::LocatedIn, Org, Loc, Form::Exact,
     R"(\s*,?\s+(?:which\s+|that\s+)?(?:later\s+|then\s+|eventually\s+)?(?<t>moved|relocated)\s+)"
     R"((?:[a-z]+ly\s+)?(?:from|to)\s+(?:the\s+)?)"},
    {RelationType::LocatedIn, Org, Loc, Form::Exact,
     R"(\s*,?\s+(?:which\s+|that\s+)?(?:later\s+|then\s+|eventually\s+)?(?<t>moved|relocated)\s+)"
     R"((?:[a-z]+ly\s+)?from\s+(?:the\s+)?¤\s+to\s+(?:the\s+)?)"},
    // "the Chennai office of Larsen & Toubro": a place names where a part of the organisation is.
    {RelationType::LocatedIn, Org, Loc, Form::ExactInverse,
     R"(\s+(?<t>office|offices|plant|factory|branch|yard|site|campus|store|bureau|studio|lab|laboratory|)"
     R"(headquarters)\s+of\s+(?:the\s+)?)"},
    // "Brightwater Systems of Toronto": an organisation and its place, read apart.
    {RelationType::LocatedIn, Org, Loc, Form::Exact, R"(\s+(?<t>of)\s+)"},
    // "founded by Pierre de Coubertin in Paris"
    {RelationType::LocatedIn, Org, Loc, Form::Exact,
     R"(\s*,?\s+(?:was\s+)?(?<t>founded|established|set\s+up|formed)\s+by\s+¤(?:\s+(?:in|on)\s+§)*\s+(?:in|at)\s+)"
     R"((?:the\s+)?)"},
    // "Paris, the largest city in France", "Harvard University, the oldest university in the
    // United States"
    {RelationType::LocatedIn, Org | Loc, Loc, Form::Exact,
     R"(\s*,\s*(?:a|an|the)(?:\s+(?!(?:of|and|or|with|by|for|to|at|on|from)\b|[a-z]+ed\b)[\w'-]+){1,4}?\s+)"
     R"((?<t>in)(?:\s+the)?\s*)"},
    // "Kilcarrig Castle, the seat of Lord Mountdrum", "Tarnów is the seat of the Diocese of
    // Tarnów": a person's seat is his house, an organisation's its headquarters.
    {RelationType::Owns, Per, Loc | Org, Form::ExactInverse, seatOf},
    {RelationType::HeadquarteredIn, Org, Loc, Form::ExactInverse, seatOf},
    // "Brakka's headquarters are in Gothenburg"
    {RelationType::HeadquarteredIn, Org, Loc, Form::Exact,
     R"(\s*(?:'s|’s)\s+(?:[a-z]+\s+)?(?<t>headquarters|head\s+office|registered\s+office)\s+)"
     R"((?:(?:is|are|was|were|remain|remains)\s+)?(?:in|at)\s+(?:the\s+)?)"},
    // "the Gothenburg company Brakka", "the Paris start-up Kitabu": the place named as an attribute.
    {RelationType::HeadquarteredIn, Org, Loc, Form::ExactInverse,
     R"(\s+(?:[a-z-]+\s+)?(?<t>company|firm|start-?up|bank|group|maker|manufacturer|retailer|lender|brewer|)"
     R"(publisher|carrier|airline|insurer|consultancy|developer|utility|shipbuilder|conglomerate|club|side|)"
     // "the Gothenburg ferry operators X", "the Guadalajara animation workshop X"
     R"(team|outfit|operators?|companies|firms|makers|workshop|studio|label|troupe|charity|printing\s+house)\s+)"},
    // "Kyoto's Tawaraya Ryokan", "India's Supreme Court": a place's organisation is at home there.
    {RelationType::HeadquarteredIn, Org, Loc, Form::ExactInverse, R"(\s*(?<t>'s|’s)\s+(?:the\s+)?)"},
    // "the Kenyan Premier League side Gor Mahia", "the Eredivisie club X": a club in its league.
    {RelationType::MemberOf, Org, Org, Form::ExactInverse, R"(\s+(?<t>side|club|team|outfit)\s+)"},
    // "Brandt & Söhne, wool merchants of Bremen": a trading house and its town.
    {RelationType::HeadquarteredIn, Org, Loc, Form::Exact,
     R"(\s*,\s*(?:the\s+)?(?:[a-z-]+\s+){0,2}?(?<t>merchants|bankers|clothiers|brewers|shipbuilders|)"
     R"(publishers|printers|booksellers|manufacturers|makers|solicitors|drapers|traders|shipowners)\s+(?:of|in|at)\s+)"},
    // "Moreau Lévesque, a Montréal consultancy", "Josiah Crane & Sons, the Leeds clothiers": a
    // place named as an organisation's attribute is its home.
    {RelationType::HeadquarteredIn, Org, Loc, Form::Exact,
     R"(\s*,\s*(?<t>a|an|the)\s+(?:(?:small|large|leading|major|)"
     R"(young|new|old|venerable|prominent|family|private)\s+)?)"},
    // "has its legal seat in the Dutch city of Leiden", "based in the port town of Arendal"
    {RelationType::HeadquarteredIn, Org, Loc, Form::Participle,
     R"((?:headquartered|based|registered|domiciled|(?:(?:has|had|with)\s+)?its\s+(?:legal\s+|registered\s+|main\s+)?)"
     R"((?:headquarters|head\s+office|seat))\s+(?:(?:is|are|was|were)\s+)?in\s+the\s+(?:¤\s+|[a-z-]+\s+)?)"
     R"((?:city|town|village|port|capital|municipality)\s+of)"},
    {RelationType::HeadquarteredIn, Org, Loc, Form::Participle,
     R"((?:headquartered|head-quartered|based|registered|domiciled)\s+in|based\s+at|)"
     // "The Kingdom of Kongo, ruled from Mbanza Kongo", "governed from the Muromachi district of"
     R"((?:ruled|governed|administered)\s+from(?:\s+the\s+[a-z]+\s+(?:district|quarter)\s+of)?|)"
     R"((?:(?:has|had|have|with)\s+)*(?:its\s+)?(?:legal\s+|registered\s+|main\s+)?(?:headquarters|head\s+office|seat)\s+)"
     R"((?:(?:is|are|was|were)\s+)?in|)"
     R"((?:moved|moves|relocated|relocates)\s+its\s+(?:[a-z]+\s+)?(?:headquarters|head\s+office|seat)\s+)"
     R"((?:from\s+(?:the\s+)?¤\s+)?to)"},
    // "Leaders of the Pacific Islands Forum, whose secretariat is in Suva": only the name before.
    {RelationType::HeadquarteredIn, Org, Loc, Form::Exact,
     R"(\s*,\s*(?<t>whose\s+(?:headquarters|head\s+office|seat|secretariat)\s+(?:is|are|was|were|remains?|sits?)\s+in)\s+)"
     R"((?:the\s+)?)"},
    {RelationType::HeadquarteredIn, Org, Loc, Form::Participle,
     R"((?:moved|moves|relocated|relocates)\s+its\s+(?:[a-z]+\s+)?(?:headquarters|head\s+office|seat)\s+from)"},
    // acquired, owns, part_of
    {RelationType::Acquired, Org | Misc, Org, Form::Active,
     R"(acquired|acquires|bought|buys|took\s+over|takes\s+over|purchased|purchases|absorbed|)"
     R"((?:agreed|agrees|announced|plans|planned|offered|decided)\s+to\s+(?:buy|acquire|purchase|take\s+over))"},
    // A company "was bought by" a person too ("by the property developer X"); the active form with a
    // person before it is more often a slip of typing ("Alan Turing acquired Google").
    {RelationType::Acquired, Org | Misc | Per, Org, Form::Passive,
     R"(acquired|bought|taken\s+over|purchased|absorbed)"},
    {RelationType::Acquired, Org | Misc, Org, Form::Exact,
     R"(\s*(?:'s|’s|\s+(?:completed|announced|agreed|finalised|finalized|closed)\s+(?:its|the))\s+)"
     R"((?:[\w§$.,-]+\s+){0,3}?(?<t>acquisition|purchase|takeover)\s+of\s+(?:the\s+)?)"},
    {RelationType::Acquired, Org | Misc, Org, Form::PassiveTo, R"(sold)"},
    // A place can be owned ("now owns Broadmere Hall", "Larry Ellison owns Lanai"), not operated.
    {RelationType::Owns, Per | Org, Org | Misc | Loc, Form::Active,
     R"((?:owns|owned|inherited)(?:\s+the\s+(?:[a-z]+\s+)?(?:estate|manor|house|farm|lands?|property)\s+of)?)"},
    {RelationType::Owns, Per | Org, Org | Misc, Form::Active, R"(operates|operated|controls|controlled)"},
    {RelationType::Owns, Per | Org, Org | Misc | Loc, Form::Passive, R"(owned)"},
    // "the ferry line controlled since 2015 by TDR Capital": a controlling investor owns it.
    {RelationType::Owns, Per | Org, Org, Form::Passive, R"(controlled)"},
    // What is inherited, left or goes to someone in a will is theirs ("Tom inherited Broadmere
    // Hall", "the Orwell Yard goes to Trinity House", "Broadmere Hall belongs to the Hartleys").
    {RelationType::Owns, Per | Org, Loc | Misc | Org, Form::Active, R"(inherited|inherits|inheriting)"},
    {RelationType::Owns, Per | Org, Loc | Misc | Org, Form::ExactInverse,
     R"(\s*,?\s+(?:now\s+|then\s+|will\s+)?(?<t>goes|go|went|passed|passes|pass|fell|falls|belongs|belonged)\s+to\s+)"
     R"((?:the\s+|his\s+|her\s+|their\s+)?)"},
    {RelationType::Owns, Per | Org, Loc | Misc | Org, Form::Noun, R"(owners?|proprietors?|proprietress)", "of"},
    {RelationType::Owns, Per, Loc | Misc | Org, Form::Possessive, R"(owners?|proprietors?|proprietress)"},
    // "Vestor holds a 30 percent stake in Kvarn": a stake of any size is owned.
    {RelationType::Owns, Per | Org, Org, Form::Exact,
     R"(\s+(?:now\s+)?(?:holds|held|has|had|owns|owned|took|takes|acquired|bought|built)\s+(?:a|an|its|the)\s+)"
     R"((?:§\s+|[a-z-]+\s+){0,2}?(?<t>stake|holding|shareholding)\s+in\s+(?:the\s+)?)"},
    // "took 41% of the Italian carrier ITA Airways": a share of it.
    {RelationType::Owns, Per | Org, Org, Form::Active,
     R"((?:take|takes|took|taken|taking|buy|buys|bought|acquire|acquires|acquired|hold|holds|held)\s+)"
     R"((?:a\s+|an\s+)?(?:further\s+|another\s+)?§\s+(?:stake\s+)?(?:of|in))"},
    // "Tomasz Wróbel's logistics group, Wróbel Trans": the owner first (a possessive form would
    // read it the other way round, as in "Y's daughter, X").
    {RelationType::Owns, Per, Org, Form::Exact,
     R"(\s*(?:'s|’s)\s+(?:[a-z-]+\s+){0,2}?(?<t>group|company|firm|business|empire|holding|holdings|chain|label|)"
     R"(studio|shop)\s*,?\s*(?:the\s+)?)"},
    // "Kubernetes was donated to the CNCF", "the estate passed to X": the new owner follows.
    {RelationType::Owns, Per | Org, Org | Misc | Loc, Form::PassiveTo, R"(donated|given|transferred|bequeathed)"},
    {RelationType::PartOf, Org | Loc, Org | Loc, Form::Noun,
     R"(part|division|subsidiary|unit|branch|department|arm|affiliate|subdivision|agency)", "of"},
    // "Liria Hospital, a teaching hospital of the University of Valencia"
    {RelationType::PartOf, Org, Org, Form::Noun,
     R"((?:[a-z-]+\s+){0,2}?(?:hospital|college|school|facult(?:y|ies)|institute|laborator(?:y|ies)|campus|)"
     R"(chapter|seminar(?:y|ies)|hospitals|colleges|schools|institutes|chapters))",
     "of"},
    // "Nordwall Bank will be absorbed into its parent, Hanse Kreditgruppe"
    {RelationType::PartOf, Org, Org, Form::Exact,
     R"(\s+(?:(?:will|would|is|was|has|had|have)\s+)?(?:(?:be|been|being)\s+)?(?<t>absorbed|merged|folded|)"
     R"(integrated)\s+into\s+(?:(?:its|the)\s+(?:parent(?:\s+company)?|owner)\s*,?\s*)?(?:the\s+)?)"},
    // "Node.js is hosted by the OpenJS Foundation", "a project of the Apache Software Foundation"
    {RelationType::PartOf, Misc | Org, Org, Form::Participle, R"((?:hosted|incubated|stewarded)\s+by)"},
    {RelationType::PartOf, Misc | Org, Org, Form::Noun, R"(project|programme|program)", "of"},
    {RelationType::PartOf, Misc | Org, Org, Form::ActiveInverse, R"(hosts|hosted|incubates|stewards)"},
    {RelationType::PartOf, Org, Org, Form::Possessive, R"(subsidiary|unit|division|affiliate|arm)"},
    {RelationType::PartOf, Org | Misc, Org, Form::Exact, R"(\s*(?:'s|’s)\s+(?<t>parent(?:\s+company)?|owner)\s*,?\s*)"},
    // born_in
    {RelationType::BornIn, Per, Loc, Form::Participle,
     R"((?:\(\s*)?born(?:\s+¤)?(?:\s+(?:(?:on|in)\s+)?§,?)*\s+(?:in|at)(?:\s+the\s+(?:village|town|city|hamlet)\s+of)?)"},
    {RelationType::BornIn, Per, Loc, Form::Noun, R"(native)", "of"},
    // "Isaac was born to Abraham and Sarah"
    {RelationType::ChildOf, Per, Per, Form::Active, R"(born\s+to)"},
    // family
    // (plural too: "Anders and Nils, sons of Olav", "Olav's sons, Anders and Nils": the list
    // shares the relation)
    {RelationType::ChildOf, Per, Per, Form::Noun, R"(sons?|daughters?|child|children|stepsons?|stepdaughters?)", "of"},
    {RelationType::ChildOf, Per, Per, Form::Possessive, R"(sons?|daughters?|child|children)"},
    {RelationType::ParentOf, Per, Per, Form::Noun, R"(father|mother|parent)", "of"},
    {RelationType::ParentOf, Per, Per, Form::Possessive, R"(father|mother)"},
    {RelationType::ParentOf, Per, Per, Form::Active, R"(begat|fathered)"},
    {RelationType::SpouseOf, Per, Per, Form::Active,
     R"((?:married(?:\s+to)?|marries|wed|weds)(?:\s+(?:his|her|the)(?:\s+(?!(?:of|to|and|in)\b)[a-z-]+){1,2}?|)"
     R"(\s+(?:young|old))?)"},
    // "Frederick wrote to his sister Bridget": his or her is the nearest person before, with no
    // other name between.
    {RelationType::SiblingOf, Per, Per, Form::Exact,
     R"([^¤;]*?\b(?:his|her)\s+(?:(?:elder|younger|older|little|big|twin|half-|two|three|four)\s*)?(?<t>sisters?|brothers?)\s*,?\s*)"},
    {RelationType::SpouseOf, Per, Per, Form::Exact, R"([^¤;]*?\b(?:his|her)\s+(?:late\s+)?(?<t>wife|husband)\s*,?\s*)"},
    {RelationType::ParentOf, Per, Per, Form::Exact,
     R"([^¤;]*?\b(?:his|her)\s+(?:(?:eldest|elder|younger|youngest|only|infant|two|three|four|five)\s+)?)"
     R"((?<t>sons?|daughters?|children)\s*,?\s*)"},
    {RelationType::ParentOf, Per, Per, Form::Active, R"(gave\s+birth\s+to)"},
    {RelationType::SpouseOf, Per, Per, Form::Noun, R"(wife|husband|spouse|widow|widower)", "of"},
    // A settled engagement counts as a marriage ("is to marry", "was engaged to").
    {RelationType::SpouseOf, Per, Per, Form::Active,
     R"((?:engaged|betrothed|affianced)\s+to|(?:is|was)\s+to\s+marry|)"
     // "took his first wife, Anastasia Romanovna"
     R"(took\s+(?:his|a)\s+(?:(?:first|second|third|fourth|new|young)\s+)?wife\s*,?)"},
    {RelationType::SpouseOf, Per, Per, Form::Possessive, R"(wife|husband|spouse|widow|widower)"},
    {RelationType::SiblingOf, Per, Per, Form::Noun,
     R"(brother|sister|sibling|half-brother|half-sister|twin(?:\s+(?:brother|sister))?)", "of"},
    {RelationType::SiblingOf, Per, Per, Form::Possessive, R"(brother|sister)"},
    // created
    {RelationType::Created, Per | Org, Misc | Org, Form::Active,
     R"(created|creates|co-created|designed|designs|co-designed|invented|invents|co-invented|)"
     R"(wrote|writes|co-wrote|authored|co-authored|built|builds|developed|develops|co-developed|drafted|)"
     R"(implemented|programmed|coded|)"
     R"(published|publishes|composed|released|)"
     R"((?:released|wrote|developed|designed|published|built)\s+the\s+(?:first|initial|original)\s+)"
     R"((?:public\s+)?(?:version|release|implementation|draft|prototype)\s+of|maintains|maintained)"},
    {RelationType::Created, Per | Org, Misc | Org, Form::Passive,
     R"(created|designed|invented|written|co-written|authored|co-authored|built|developed|)"
     R"(published|composed|maintained|standardi[sz]ed|specified)"},
    {RelationType::Created, Per | Org, Loc, Form::Passive, R"(built|constructed|designed|erected)"},
    // "Expat was started by James Clark": a work is started, an organisation founded.
    {RelationType::Created, Per | Org, Misc, Form::Passive, R"(started|launched|begun)"},
    {RelationType::Created, Per | Org, Misc | Org, Form::Noun,
     R"(creator|inventor|designer|author|co-author|developer|maintainer|co-maintainer)", "of"},
    {RelationType::Created, Per | Org, Misc | Org, Form::Possessive, R"(creator|inventor|author)"},
    // "Fortran designer John Backus"; but "Apple designer Jony Ive" works for Apple.
    {RelationType::Created, Per | Org, Misc, Form::Possessive, R"(designer)"},
    {RelationType::Created, Per | Org, Misc, Form::Active,
     R"(painted|sculpted|directed|produced|devised|coined|formulated|illustrated|recorded)"},
    {RelationType::Created, Per | Org, Misc, Form::Passive,
     R"(painted|sculpted|directed|produced|devised|coined|formulated|illustrated|recorded)"},
    // "Pride and Prejudice by Jane Austen", "Middlemarch, a novel by George Eliot": a work by its maker.
    {RelationType::Created, Per, Misc, Form::ExactInverse,
     R"((?:\s*\(\s*§\s*\))?\s*,?\s*(?:(?:a|an|the|his|her|their)\s+(?:[\w'-]+\s+){0,3}?(?:novel|book|play|poem|)"
     R"(opera|symphony|film|movie|album|song|painting|essay|sculpture|series|novella|musical|story|stories|memoir|)"
     R"(biography|ballet|cantata|concerto|sonata|portrait|mural|fresco|statue|treatise|work|works|collection|comedy|)"
     R"(tragedy|poems|songs|paintings|photograph|score|libretto|hymn|screenplay|game)\s*,?\s+)?(?<t>by)\s+)"
     R"((?:(?:the|a|an)\s+)?(?:(?:¤|[a-z-]+)\s+){0,3}?)"},
    // "forked the Brindle image viewer as Brindle-NG", "Kaito's fork of Jinja, named X": a fork is
    // its forker's work.
    {RelationType::Created, Per | Org, Misc, Form::Active,
     R"(forked\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:¤\s+)?(?:[a-z-]+\s+){0,2}?as|)"
     // "wrote eleven novels, among them A and B"
     R"((?:wrote|writes|published|composed|painted|recorded|released)\s+(?:[\w-]+\s+){0,2}?)"
     R"((?:novels|books|plays|poems|songs|operas|symphonies|works|albums|films|paintings|stories)\s*,\s*)"
     R"((?:among\s+them|including|such\s+as|notably))"},
    {RelationType::Created, Per | Org, Misc, Form::Exact,
     R"(\s*(?:'s|’s|')\s+(?<t>fork)\s+of\s+¤\s*,\s*(?:named|called|known\s+as)\s+)"},
    // "Dickens's novel Bleak House", "Knuth's typesetting system TeX": the maker's work.
    {RelationType::Created, Per | Org, Misc, Form::Exact,
     R"(\s*(?:'s|’s|')\s+(?:(?:first|last|second|third|latest|new|early|late|famous|best-known|)"
     R"(debut|final)\s+)?(?:[a-z-]+\s+)?(?<t>novel|book|poem|play|opera|symphony|film|album|song|painting|)"
     R"(essay|paper|treatise|memoir|library|language|framework|program|programme|system|tool|game|)"
     R"(sculpture|novella|musical)\s*,?\s*)"},
};

QRegularExpression compiled(const QString &pattern, bool anchored = true)
{
    QRegularExpression regex(anchored ? QRegularExpression::anchoredPattern(pattern) : pattern,
                             QRegularExpression::UseUnicodePropertiesOption);
    // Not compiled here: Qt compiles (and JIT-compiles) a pattern on its first match, under the
    // pattern's own mutex, so a pattern whose trigger never occurs costs nothing (compiling all
    // of them was half of a small ingest's CPU). tst_relationextractor checks every one is valid.
    return regex;
}

} // namespace

const QList<RelationPattern> &relationPatterns()
{
    // Never destroyed: freeing the JIT-compiled code of a hundred regexes at exit took some 40 ms.
    static const QList<RelationPattern> &patterns = *new QList<RelationPattern>([] {
        QList<RelationPattern> list;
        for (const Spec &spec : specs) {
            const bool swapped = spec.form == Form::Passive || spec.form == Form::PassiveTo
                || spec.form == Form::Possessive || spec.form == Form::ActiveInverse || spec.form == Form::ExactInverse;
            const bool exact = spec.form == Form::Exact || spec.form == Form::ExactInverse;
            // Every form but the exact ones wraps its words as the trigger: "(?<t>" + words + ")".
            const QRegularExpression trigger = exact
                ? QRegularExpression()
                : compiled(QStringLiteral("(?:") + QString::fromUtf8(spec.words) + QLatin1Char(')'), false);
            list.append({spec.type, spec.subject, spec.object, swapped, !exact && spec.form != Form::Possessive,
                         spec.form == Form::Noun, spec.form == Form::Possessive, compiled(patternFor(spec)), trigger});
        }
        return list;
    }());
    return patterns;
}

const QString &omittedTitle()
{
    return title;
}

const QRegularExpression &coordinationSeparator()
{
    // "Hayao Miyazaki, Isao Takahata and the producer Toshio Suzuki": a kind may come with the last.
    static const QRegularExpression regex = compiled(QStringLiteral(
        R"(\s*(?:(?:in|on)\s+§\s*)?(?:,\s*(?:and\s+)?(?:the\s+[a-z]+\s+)?|and\s+(?:(?:his|her|their|the)\s+[\w-]+\s+)?|&\s*))"));
    return regex;
}

const QRegularExpression &withPartner()
{
    static const QRegularExpression regex =
        compiled(QStringLiteral(R"(\s*,?(?:\s*(?:in|on|during)\s+[§¤])*\s*,?\s*(?:together\s+|along\s+)?with)"
                                R"((?:\s+(?:his|her|their)(?:\s+[\w-]+)?)?\s*)"));
    return regex;
}

bool isSymmetric(RelationType type)
{
    return type == RelationType::SpouseOf || type == RelationType::SiblingOf;
}

} // namespace gw
