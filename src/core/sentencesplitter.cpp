#include "sentencesplitter.h"

#include <QTextBoundaryFinder>

#include <array>

namespace gw {

namespace {

// Sentence_Break classes (UAX #29) of the ASCII characters; ASCII has no Sep, Extend, Format or
// OLetter character.
enum Class : unsigned char { Any, CR, LF, Sp, Lower, Upper, Numeric, ATerm, SContinue, STerm, Close, Classes };

constexpr std::array<unsigned char, 128> asciiClasses()
{
    std::array<unsigned char, 128> c{}; // Any
    c['\r'] = CR;
    c['\n'] = LF;
    c['\t'] = c['\v'] = c['\f'] = c[' '] = Sp;
    for (int ch = 'a'; ch <= 'z'; ++ch)
        c[ch] = Lower;
    for (int ch = 'A'; ch <= 'Z'; ++ch)
        c[ch] = Upper;
    for (int ch = '0'; ch <= '9'; ++ch)
        c[ch] = Numeric;
    c['.'] = ATerm;
    c[','] = c['-'] = c[':'] = SContinue;
    c['!'] = c['?'] = STerm;
    c['"'] = c['\''] = c['('] = c[')'] = c['['] = c[']'] = c['{'] = c['}'] = Close;
    return c;
}
constexpr std::array<unsigned char, 128> classOf = asciiClasses();

// What was last seen. Qt's machine (qunicodetools.cpp, getSentenceBreaks) is reproduced state for
// state, quirks included: a lower-case letter after another one forgets the letter ("ab." is a
// plain Dot, "b." a LetterDot), and a comma, hyphen or colon after a period acts like "!".
enum State : unsigned char {
    Start,
    AfterLower,
    AfterUpper,
    LetterDot, // a period after a letter: "U.S" does not break (SB7)
    Dot,
    DotClose,      // period, then closing punctuation
    DotCloseSpace, // ... then spaces
    Term,          // "!" or "?" (or a period then , - :)
    TermClose,
    TermCloseSpace,
    AfterCR,
    AfterLF,
    Break,  // a boundary before the current character
    Lookup, // SB8: no boundary if a lower-case letter comes next, past digits, spaces, ...
};

constexpr State next[AfterLF + 1][Classes] = {
    //  Any      CR       LF       Sp             Lower       Upper       Numeric  ATerm      SContinue STerm  Close
    {Start, AfterCR, AfterLF, Start, AfterLower, AfterUpper, Start, Dot, Start, Term, Start},       // Start
    {Start, AfterCR, AfterLF, Start, Start, Start, Start, LetterDot, Start, Term, Start},           // AfterLower
    {Start, AfterCR, AfterLF, Start, Start, AfterUpper, Start, LetterDot, Start, Term, Start},      // AfterUpper
    {Lookup, AfterCR, AfterLF, DotCloseSpace, Start, AfterUpper, Start, Dot, Term, Term, DotClose}, // LetterDot
    {Lookup, AfterCR, AfterLF, DotCloseSpace, Start, Break, Start, Dot, Term, Term, DotClose},      // Dot
    {Lookup, AfterCR, AfterLF, DotCloseSpace, Start, Break, Lookup, Dot, Term, Term, DotClose},     // DotClose
    {Lookup, AfterCR, AfterLF, DotCloseSpace, Start, Break, Lookup, Dot, Term, Term, Lookup},       // DotCloseSpace
    {Break, AfterCR, AfterLF, TermCloseSpace, Break, Break, Break, Dot, Term, Term, TermClose},     // Term
    {Break, AfterCR, AfterLF, TermCloseSpace, Break, Break, Break, Dot, Term, Term, TermClose},     // TermClose
    {Break, AfterCR, AfterLF, TermCloseSpace, Break, Break, Break, Dot, Term, Term, Break},         // TermCloseSpace
    {Break, Break, AfterLF, Break, Break, Break, Break, Break, Break, Break, Break},                // AfterCR
    {Break, Break, Break, Break, Break, Break, Break, Break, Break, Break, Break},                  // AfterLF
};

// The table above indexed by character instead of class: one load per character.
constexpr std::array<std::array<State, 128>, AfterLF + 1> makeSteps()
{
    std::array<std::array<State, 128>, AfterLF + 1> steps{};
    for (int state = 0; state <= AfterLF; ++state)
        for (int ch = 0; ch < 128; ++ch)
            steps[state][ch] = next[state][classOf[ch]];
    return steps;
}
constexpr auto steps = makeSteps();

// SB8's look-ahead: these classes are skipped on the way to a possible lower-case letter.
constexpr bool skippedByLookup(unsigned char cls)
{
    return cls == Any || cls == Sp || cls == Numeric || cls == SContinue || cls == Close;
}

} // namespace

bool asciiSentenceBoundaries(QStringView text, QList<qsizetype> &out)
{
    const char16_t *s = text.utf16();
    const qsizetype n = text.size();
    State state = Start; // position 0 is a boundary, and not reported
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t ch = s[i];
        if (ch >= 0x80)
            return false;
        state = steps[state][ch];
        if (state < Break) [[likely]]
            continue;
        const qsizetype pos = i;
        if (state == Lookup) {
            state = Break;
            for (qsizetype k = i + 1; k < n; ++k) {
                if (s[k] >= 0x80)
                    return false;
                const unsigned char ahead = classOf[s[k]];
                if (skippedByLookup(ahead))
                    continue;
                if (ahead == Lower) {
                    i = k; // the characters in between are skipped, as Qt does
                    state = Start;
                }
                break;
            }
        }
        if (state == Break) {
            out.append(pos);
            state = steps[Start][ch];
        }
    }
    return true;
}

QList<qsizetype> finderSentenceBoundaries(QStringView text)
{
    QList<qsizetype> out;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Sentence, text.data(), text.size());
    for (qsizetype p = finder.toNextBoundary(); p > 0 && p < text.size(); p = finder.toNextBoundary())
        out.append(p);
    return out;
}

QList<qsizetype> sentenceBoundaries(QStringView text)
{
    QList<qsizetype> out;
    if (asciiSentenceBoundaries(text, out))
        return out;
    return finderSentenceBoundaries(text);
}

} // namespace gw
