// The chunker on arbitrary UTF-8 text, with sizes taken from the first two bytes: every chunk is
// the text at its offsets, within the target, without surrounding white space, and the chunks
// cover every non-space character in order.
#include "fuzzharness.h"

#include "ingest/chunker.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const int target = 8 + data[0] * 4;             // 8 .. 1028
    const int overlap = data[1] % (target / 2 + 1); // 0 .. target / 2
    const QString text = gw::fuzz::text(data + 2, size - 2);
    const gw::Chunker chunker(target, overlap);
    const QList<gw::Chunk> chunks = chunker.chunk(text);
    qsizetype previousStart = -1;
    qsizetype covered = 0; // everything before this is inside some chunk or white space
    for (const gw::Chunk &chunk : chunks) {
        GW_FUZZ_CHECK(chunk.start >= 0 && chunk.start < chunk.end && chunk.end <= text.size());
        GW_FUZZ_CHECK(chunk.text == text.mid(chunk.start, chunk.end - chunk.start));
        GW_FUZZ_CHECK(!chunk.text.front().isSpace() && !chunk.text.back().isSpace());
        GW_FUZZ_CHECK(chunk.start > previousStart);
        for (qsizetype i = covered; i < chunk.start; ++i)
            GW_FUZZ_CHECK(text.at(i).isSpace());
        covered = std::max(covered, chunk.end);
        previousStart = chunk.start;
    }
    for (qsizetype i = covered; i < text.size(); ++i)
        GW_FUZZ_CHECK(text.at(i).isSpace());
    return 0;
}
