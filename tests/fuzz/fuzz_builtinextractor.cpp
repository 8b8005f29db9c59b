// The built-in extractor (entities, then relations) on arbitrary text: mentions sorted, never
// overlapping, each the text at its offsets; relations between two distinct mentions, with an
// evidence sentence inside the text.
#include "fuzzharness.h"

#include "extract/entityextractor.h"
#include "extract/relationextractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const gw::EntityExtractor entities;
    static const gw::RelationExtractor relations;
    const QString text = gw::fuzz::text(data, size);
    const QList<gw::Mention> mentions = entities.extract(text);
    qsizetype previousEnd = 0;
    for (const gw::Mention &mention : mentions) {
        GW_FUZZ_CHECK(mention.start >= previousEnd && mention.start < mention.end && mention.end <= text.size());
        GW_FUZZ_CHECK(mention.text == text.mid(mention.start, mention.end - mention.start));
        previousEnd = mention.end;
    }
    for (const gw::RelationMention &relation : relations.extract(text, mentions)) {
        GW_FUZZ_CHECK(relation.subject >= 0 && relation.subject < mentions.size());
        GW_FUZZ_CHECK(relation.object >= 0 && relation.object < mentions.size());
        GW_FUZZ_CHECK(relation.subject != relation.object);
        GW_FUZZ_CHECK(relation.sentenceStart >= 0 && relation.sentenceStart < relation.sentenceEnd
                      && relation.sentenceEnd <= text.size());
    }
    return 0;
}
