// The remote answer codec on arbitrary model output: the input up to the first NUL is the chunk,
// the rest the answer (a chat-completions response body, else the answer text itself). An answer
// is either refused with MalformedAnswerError or gives mentions that are real text of the chunk,
// sorted and disjoint, within the codec's bounds, and relations between two of them.
#include "fuzzharness.h"

#include "extract/chatextractioncodec.h"
#include "extract/remoteextractionerrors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = gw::fuzz::bytes(data, size);
    const qsizetype separator = input.indexOf('\0');
    const QString chunk = QString::fromUtf8(separator < 0 ? QByteArray() : input.left(separator));
    const QByteArray body = separator < 0 ? input : input.mid(separator + 1);
    QString content;
    try {
        content = gw::ChatExtractionCodec::answerContent(body);
    } catch (const gw::MalformedAnswerError &) {
        content = QString::fromUtf8(body);
    }
    try {
        const gw::ChatExtractionCodec::Answer answer = gw::ChatExtractionCodec::parseAnswer(content, chunk);
        GW_FUZZ_CHECK(answer.mentions.size() <= gw::ChatExtractionCodec::maxItemsBase * 16 + chunk.size());
        qsizetype previousEnd = 0;
        for (const gw::Mention &mention : answer.mentions) {
            GW_FUZZ_CHECK(mention.start >= previousEnd && mention.start < mention.end && mention.end <= chunk.size());
            GW_FUZZ_CHECK(mention.text == chunk.mid(mention.start, mention.end - mention.start));
            GW_FUZZ_CHECK(mention.text.size() <= gw::ChatExtractionCodec::maxNameChars);
            previousEnd = mention.end;
        }
        for (const gw::RelationMention &relation : answer.relations) {
            GW_FUZZ_CHECK(relation.subject >= 0 && relation.subject < answer.mentions.size());
            GW_FUZZ_CHECK(relation.object >= 0 && relation.object < answer.mentions.size());
        }
    } catch (const gw::MalformedAnswerError &) {}
    // The request for any chunk is valid JSON the codec itself would send.
    GW_FUZZ_CHECK(
        !gw::ChatExtractionCodec::requestBody(QStringLiteral("model"), chunk, gw::ExtractionSchema::standard(), true)
             .isEmpty());
    return 0;
}
