// Sentence boundaries on arbitrary text: strictly inside, ascending, and the hand-written ASCII
// state machine agrees with QTextBoundaryFinder wherever it answers.
#include "fuzzharness.h"

#include "extract/sentencesplitter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = gw::fuzz::text(data, size);
    const QList<qsizetype> boundaries = gw::sentenceBoundaries(text);
    qsizetype previous = 0;
    for (const qsizetype boundary : boundaries) {
        GW_FUZZ_CHECK(boundary > previous && boundary < text.size());
        previous = boundary;
    }
    QList<qsizetype> ascii;
    if (gw::asciiSentenceBoundaries(text, ascii))
        GW_FUZZ_CHECK(ascii == gw::finderSentenceBoundaries(text));
    return 0;
}
