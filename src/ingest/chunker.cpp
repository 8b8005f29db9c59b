#include "chunker.h"

#include "core/sentencesplitter.h"

#include <QTextBoundaryFinder>

#include <algorithm>

namespace gw {

namespace {

// Sentence boundaries (including 0 and text.size()), sorted. The text is fed to the boundary
// finder in windows cut after a line break, where the sentence rules always break anyway: this
// bounds the finder's memory and lets a cancel request in between windows.
QList<qsizetype> sentenceBoundaries(const QString &text, const CancellationToken &token)
{
    constexpr qsizetype window = 64 * 1024;
    const qsizetype n = text.size();
    QList<qsizetype> boundaries{0};
    QList<qsizetype> inside; // one window's, strictly inside it
    qsizetype pos = 0;
    while (pos < n) {
        token.throwIfCancelled();
        qsizetype cut = n;
        if (n - pos > window) {
            // Search the window only: a search of the whole text would make a file without line
            // breaks quadratic (minutes for 60 MB).
            const qsizetype newlineInWindow = QStringView(text).sliced(pos, window).lastIndexOf(u'\n');
            const qsizetype newline = newlineInWindow < 0 ? -1 : pos + newlineInWindow;
            cut = newline > pos + window / 2 ? newline + 1 : pos + window;
            if (text.at(cut - 1).isHighSurrogate())
                ++cut;
        }
        // The same boundaries as QTextBoundaryFinder's, the window's end included; ASCII text
        // through the splitter's state machine, a tenth of the finder's cost.
        const QStringView window(text.constData() + pos, cut - pos);
        inside.clear();
        if (!asciiSentenceBoundaries(window, inside))
            inside = finderSentenceBoundaries(window);
        for (const qsizetype b : std::as_const(inside))
            boundaries.append(pos + b);
        boundaries.append(cut);
        pos = cut;
    }
    return boundaries;
}

// The last boundary of `type` in (lo, hi], or -1. The finder sees a window a little wider than
// the range, so the rules have context, and the window's own edges are not taken as boundaries.
qsizetype lastBoundaryIn(const QString &text, QTextBoundaryFinder::BoundaryType type, qsizetype lo, qsizetype hi)
{
    constexpr qsizetype margin = 32;
    const qsizetype n = text.size();
    qsizetype from = std::max<qsizetype>(0, lo - margin);
    qsizetype to = std::min(n, hi + margin);
    if (from > 0 && text.at(from).isLowSurrogate())
        --from;
    if (to < n && text.at(to).isLowSurrogate())
        ++to;
    QTextBoundaryFinder finder(type, text.constData() + from, to - from);
    finder.setPosition(hi - from);
    for (qsizetype p = finder.isAtBoundary() ? hi - from : finder.toPreviousBoundary(); p >= 0;
         p = finder.toPreviousBoundary()) {
        const qsizetype at = from + p;
        if (at <= lo)
            return -1;
        const bool windowEdge = (p == 0 && from > 0) || (at == to && to < n);
        if (!windowEdge)
            return at;
    }
    return -1;
}

bool isSpaceAt(const QString &text, qsizetype i)
{
    return text.at(i).isSpace();
}

class ChunkBuilder
{
public:
    ChunkBuilder(const QString &text, int target, int overlap, const CancellationToken &token)
        : m_text(text), m_target(target), m_overlap(overlap), m_token(token)
    {}

    QList<Chunk> build()
    {
        QList<Chunk> chunks;
        qsizetype last = m_text.size();
        while (last > 0 && isSpaceAt(m_text, last - 1))
            --last;
        qsizetype start = 0;
        while (start < last && isSpaceAt(m_text, start))
            ++start;
        if (start >= last)
            return chunks;
        m_sentences = sentenceBoundaries(m_text, m_token);

        qsizetype previousEnd = start;
        while (true) {
            m_token.throwIfCancelled();
            // The new chunk must reach past the previous one: `fresh` is its first new character.
            qsizetype fresh = previousEnd;
            while (fresh < last && isSpaceAt(m_text, fresh))
                ++fresh;
            if (fresh - start >= m_target)
                start = fresh; // a whitespace gap wider than a chunk: no overlap across it
            while (start < last && isSpaceAt(m_text, start))
                ++start;
            const qsizetype end = last - start <= m_target ? last : findEnd(start, fresh);
            qsizetype trimmedEnd = end;
            while (trimmedEnd > start && isSpaceAt(m_text, trimmedEnd - 1))
                --trimmedEnd;
            chunks.append({start, trimmedEnd, m_text.mid(start, trimmedEnd - start)});
            if (end >= last)
                break;
            previousEnd = end;
            start = nextStart(start, end);
        }
        return chunks;
    }

private:
    // Where a chunk starting at `start` ends: in (max(fresh, start + target/2), start + target].
    qsizetype findEnd(qsizetype start, qsizetype fresh) const
    {
        const qsizetype hi = start + m_target;
        const qsizetype lo = std::max(fresh, start + m_target / 2);
        const auto after = std::upper_bound(m_sentences.cbegin(), m_sentences.cend(), hi);
        if (after != m_sentences.cbegin() && *(after - 1) > lo)
            return *(after - 1);
        if (const qsizetype word = lastBoundaryIn(m_text, QTextBoundaryFinder::Word, lo, hi); word > 0)
            return word;
        if (const qsizetype grapheme = lastBoundaryIn(m_text, QTextBoundaryFinder::Grapheme, lo, hi); grapheme > 0)
            return grapheme;
        // One grapheme cluster longer than the range (pathological combining marks): still never
        // split a surrogate pair.
        if (m_text.at(hi - 1).isHighSurrogate())
            return hi - 1 > lo ? hi - 1 : hi + 1;
        return hi;
    }

    // Where the chunk after [start, end) begins: near end - overlap, in (start, end].
    qsizetype nextStart(qsizetype start, qsizetype end) const
    {
        const qsizetype aim = end - m_overlap;
        if (m_overlap == 0 || aim <= start)
            return end;
        const qsizetype lo = std::max(start, aim - m_overlap);
        const qsizetype hi = std::min(end, aim + m_overlap);
        // The sentence boundary nearest to the aim within [lo, hi].
        const auto at = std::lower_bound(m_sentences.cbegin(), m_sentences.cend(), aim);
        qsizetype best = -1;
        if (at != m_sentences.cend() && *at <= hi && *at > start)
            best = *at;
        if (at != m_sentences.cbegin() && *(at - 1) > lo && *(at - 1) > start
            && (best < 0 || aim - *(at - 1) < best - aim))
            best = *(at - 1);
        if (best > 0)
            return best;
        if (const qsizetype word = lastBoundaryIn(m_text, QTextBoundaryFinder::Word, lo, aim); word > 0)
            return word;
        if (const qsizetype grapheme = lastBoundaryIn(m_text, QTextBoundaryFinder::Grapheme, start, aim); grapheme > 0)
            return grapheme;
        return end;
    }

    const QString &m_text;
    const int m_target;
    const int m_overlap;
    const CancellationToken &m_token;
    QList<qsizetype> m_sentences;
};

} // namespace

Chunker::Chunker(int targetChars, int overlapChars)
    // A target under a few characters could not hold a grapheme cluster; an overlap of half the
    // target or more would stall progress.
    : m_target(std::max(targetChars, 8)), m_overlap(std::clamp(overlapChars, 0, m_target / 2 - 1))
{}

QList<Chunk> Chunker::chunk(const QString &text, const CancellationToken &token) const
{
    return ChunkBuilder(text, m_target, m_overlap, token).build();
}

} // namespace gw
