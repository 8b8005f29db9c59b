#pragma once

#include <QList>
#include <QStringView>

namespace gw {

// Text, not documents: in core because the chunker (ingest) and the relation extractor
// (extract) both split sentences, and neither layer may depend on the other.
//
// Sentence boundaries strictly inside text (0 < p < text.size()), ascending: exactly the positions
// QTextBoundaryFinder's Sentence mode reports. Pure ASCII text takes a hand-written state machine
// (about a tenth of the finder's cost); any other text is handed to QTextBoundaryFinder.
QList<qsizetype> sentenceBoundaries(QStringView text);

// The two paths, for tests that prove them equal. asciiSentenceBoundaries() returns false,
// leaving `out` unspecified, as soon as it meets a character outside ASCII.
bool asciiSentenceBoundaries(QStringView text, QList<qsizetype> &out);
QList<qsizetype> finderSentenceBoundaries(QStringView text);

} // namespace gw
