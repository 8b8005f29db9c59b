// The text decoder on arbitrary bytes: guessing the encoding, and with each charset a document
// may declare (the first input line is the declared charset).
#include "fuzzharness.h"

#include "ingest/textdecoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = gw::fuzz::bytes(data, size);
    QString encoding;
    const QString guessed = gw::TextDecoder::decode(input, &encoding);
    GW_FUZZ_CHECK(input.isEmpty() || !encoding.isEmpty());
    GW_FUZZ_CHECK(guessed.size() <= input.size()); // no encoding makes more characters than bytes

    const qsizetype newline = input.indexOf('\n');
    if (newline >= 0 && newline < 64) {
        const QByteArray declared = input.left(newline).trimmed();
        const QByteArray body = input.mid(newline + 1);
        const QString decoded = gw::TextDecoder::decode(body, declared, &encoding);
        GW_FUZZ_CHECK(decoded.size() <= body.size());
    }
    const QString windows1252 = gw::TextDecoder::decodeWindows1252(input);
    GW_FUZZ_CHECK(windows1252.size() == input.size());
    return 0;
}
