#pragma once

#include "core/cancellation.h"
#include "extract/remotepricing.h"
#include "ingestoptions.h"
#include "ingestsummary.h"

#include <QList>
#include <QStringList>

namespace gw {

// What remote extraction of some documents would cost, estimated before any request.
struct RemoteCostEstimate
{
    qint64 documents = 0;  // documents read and chunked
    qint64 chunks = 0;     // one request each (RemoteExtractor asks once per chunk, retries aside)
    qint64 chunkChars = 0; // characters of all chunks (overlaps counted in each chunk)
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    RemotePricing pricing; // the prices `cost` is at; not set: cost is 0
    double cost = 0;
    QList<PathReason> failures; // documents that could not be read (an ingest would fail them too)
    QList<PathReason> skipped;  // inputs no parser takes, special files

    qint64 calls() const { return chunks; }
    qint64 tokens() const { return promptTokens + completionTokens; }
};

// Estimates the tokens and cost of remote extraction from the chunks an ingest would send:
//   prompt tokens     = chunk characters / charsPerToken + fixedPromptTokens() per chunk
//   completion tokens = completionShare x the chunk's own tokens
// A rule of thumb, not a tokenizer: English prose runs about four characters per token in the
// tokenizers of Llama 3, Mistral and OpenAI's models; other languages and code take more tokens.
// The fixed part is the system prompt (ExtractionSchema::systemPrompt) by the same rule plus
// the chat template's framing of two messages. The answer lists the entities and relations with
// the evidence sentence of each relation copied, so it grows with the text; completionShare is
// an assumption (see README), to be replaced by the ratio a real run reports (ingest --json
// gives both token counts).
// It is an upper bound in one way: documents unchanged since the last ingest and chunks in the
// extraction cache cost nothing in a run, but are counted here.
class RemoteCostEstimator
{
public:
    static constexpr double charsPerToken = 4.0;
    static constexpr double completionShare = 0.5;
    static constexpr int framingTokens = 12; // role markers of the system and user messages, reply primer

    explicit RemoteCostEstimator(RemotePricing pricing = {});

    static qint64 fixedPromptTokens();
    static qint64 chunkTokens(qint64 chunkChars);
    static qint64 promptTokens(qint64 chunkChars) { return chunkTokens(chunkChars) + fixedPromptTokens(); }
    static qint64 completionTokens(qint64 chunkChars);

    void addChunk(qint64 chunkChars);
    void addDocument(const QList<qint64> &chunkChars);
    void addFailure(const PathReason &failure) { m_estimate.failures << failure; }
    void addSkipped(const PathReason &skipped) { m_estimate.skipped << skipped; }
    RemoteCostEstimate estimate() const;

    // Expands `inputs` (files and folders) and reads, parses and chunks every document as an
    // ingest with `options` would (same limits, chunk size and overlap), without extraction and
    // without a project. Blocks: call it off the GUI thread. Documents go `options.jobs` at a
    // time. Throws CancelledError when `token` is cancelled.
    static RemoteCostEstimate estimateInputs(const QStringList &inputs, const IngestOptions &options,
                                             const RemotePricing &pricing, const CancellationToken &token = {});

private:
    RemoteCostEstimate m_estimate;
};

// "≈ 12 calls, 3,400 prompt + 1,200 completion tokens" and ", ≈ 0.42 at the set prices" when
// the prices are set; for status lines and the CLI.
QString remoteCostEstimateToText(const RemoteCostEstimate &estimate);

} // namespace gw
