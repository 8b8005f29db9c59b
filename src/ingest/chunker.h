#pragma once

#include "core/cancellation.h"

#include <QList>
#include <QString>

namespace gw {

// A slice of a document's text. text == documentText.mid(start, end - start), so every entity
// found in a chunk maps back to its span in the document (provenance).
struct Chunk
{
    qsizetype start = 0;
    qsizetype end = 0;
    QString text;
};

// Cuts a document's text into overlapping chunks for extraction. Stateless, deterministic and
// thread-safe; linear in the text's length.
//
// targetChars is a maximum: a chunk ends at the last sentence boundary within the target, provided
// that keeps it at least half the target long; otherwise (a very long sentence) it ends at a word
// boundary, and a word longer than that is cut between grapheme clusters, never inside a
// surrogate pair or before a combining mark. The next chunk starts at the sentence boundary
// nearest to end - overlapChars (else a word boundary there), so consecutive chunks share about
// overlapChars of context, never more than twice that. Chunks never begin or end with whitespace;
// whitespace-only text gives no chunks.
class Chunker
{
public:
    explicit Chunker(int targetChars = 1000, int overlapChars = 100);

    int targetChars() const { return m_target; }
    int overlapChars() const { return m_overlap; }

    QList<Chunk> chunk(const QString &text, const CancellationToken &token = {}) const;

private:
    int m_target;
    int m_overlap;
};

} // namespace gw
