// One document parser (GW_FUZZ_FORMAT names it: PlainText, Markdown, Html, Pdf, Docx, Odt, Epub,
// Csv, Tsv, Json) on arbitrary bytes. Bad input may only end in LoadError; text, metadata and the
// preview must come back within the limits the product sets.
#include "fuzzharness.h"

#include "ingest/documentparser.h"
#include "ingest/loaderror.h"

namespace {

constexpr gw::DocumentFormat fuzzedFormat = gw::DocumentFormat::GW_FUZZ_FORMAT;

gw::ParseContext smallLimits()
{
    gw::ParseContext context;
    context.path = QStringLiteral("fuzz-input");
    // Small limits, so that a tiny input that inflates or nests deeply meets them quickly.
    context.limits.maxDecompressedBytes = 8LL * 1024 * 1024;
    context.limits.maxTextChars = 4LL * 1024 * 1024;
    context.limits.maxXmlDepth = 64;
    context.limits.thumbnailWidth = 32;
    return context;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gw::fuzz::ensureApplication();
    static const gw::ParseContext context = smallLimits();
    const gw::DocumentParser *parser = gw::DocumentParser::forFormat(fuzzedFormat);
    GW_FUZZ_CHECK(parser != nullptr && parser->format() == fuzzedFormat);
    const QByteArray input = gw::fuzz::bytes(data, size);
    try {
        const QString text = parser->extractText(input, context);
        GW_FUZZ_CHECK(text.size() <= context.limits.maxTextChars);
    } catch (const gw::LoadError &) {}
    try {
        parser->extractMetadata(input, context);
    } catch (const gw::LoadError &) {}
    try {
        const gw::DocumentPreview preview = parser->makePreview(input, context);
        GW_FUZZ_CHECK(preview.thumbnail.isNull() || preview.thumbnail.width() <= context.limits.thumbnailWidth);
    } catch (const gw::LoadError &) {}
    return 0;
}
