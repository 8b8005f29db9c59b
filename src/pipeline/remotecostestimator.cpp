#include "remotecostestimator.h"

#include "core/errors.h"
#include "core/taskgroup.h"
#include "extract/extractionschema.h"
#include "ingest/chunker.h"
#include "ingest/documentparser.h"
#include "ingest/inputexpander.h"
#include "ingest/loaderror.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>

#include <cmath>

namespace gw {

namespace {

struct DocumentChunks
{
    QList<qint64> chunkChars;
    QString failure; // the reason it could not be read; empty when read
};

DocumentChunks chunkDocument(const InputDocument &input, const IngestOptions &options, const CancellationToken &token)
{
    DocumentChunks out;
    try {
        const DocumentParser *parser = DocumentParser::forFormat(input.format);
        if (!parser)
            throw LoadError(LoadError::Kind::Unsupported, input.path,
                            QCoreApplication::translate("gw::RemoteCostEstimator", "no reader for this format"));
        if (input.size > options.limits.maxFileBytes)
            throw LoadError(LoadError::Kind::TooLarge, input.path,
                            QCoreApplication::translate("gw::RemoteCostEstimator", "the file is over the size limit"));
        QFile file(input.path);
        if (!file.open(QIODevice::ReadOnly))
            throw LoadError(
                LoadError::Kind::Unreadable, input.path,
                QCoreApplication::translate("gw::RemoteCostEstimator", "cannot open: %1").arg(file.errorString()));
        const QByteArray bytes = file.read(options.limits.maxFileBytes + 1);
        token.throwIfCancelled();
        const QString text = parser->extractText(bytes, ParseContext{input.path, options.limits, token, nullptr});
        for (const Chunk &chunk : Chunker(options.chunkChars, options.chunkOverlap).chunk(text, token))
            out.chunkChars << chunk.text.size();
    } catch (const LoadError &error) {
        out.failure = error.reason();
    } catch (const CancelledError &) {
        throw;
    } catch (const Error &error) {
        out.failure = error.message(); // any other failure of one document is that document's
    }
    return out;
}

} // namespace

RemoteCostEstimator::RemoteCostEstimator(RemotePricing pricing)
{
    m_estimate.pricing = pricing;
}

qint64 RemoteCostEstimator::chunkTokens(qint64 chunkChars)
{
    return qint64(std::ceil(double(chunkChars) / charsPerToken));
}

qint64 RemoteCostEstimator::fixedPromptTokens()
{
    static const qint64 fixed =
        chunkTokens(ExtractionSchema::standard().systemPrompt(QString()).size()) + framingTokens;
    return fixed;
}

qint64 RemoteCostEstimator::completionTokens(qint64 chunkChars)
{
    return qint64(std::ceil(double(chunkTokens(chunkChars)) * completionShare));
}

void RemoteCostEstimator::addChunk(qint64 chunkChars)
{
    ++m_estimate.chunks;
    m_estimate.chunkChars += chunkChars;
    m_estimate.promptTokens += promptTokens(chunkChars);
    m_estimate.completionTokens += completionTokens(chunkChars);
}

void RemoteCostEstimator::addDocument(const QList<qint64> &chunkChars)
{
    ++m_estimate.documents;
    for (const qint64 chars : chunkChars)
        addChunk(chars);
}

RemoteCostEstimate RemoteCostEstimator::estimate() const
{
    RemoteCostEstimate out = m_estimate;
    out.cost = out.pricing.cost(out.promptTokens, out.completionTokens);
    return out;
}

RemoteCostEstimate RemoteCostEstimator::estimateInputs(const QStringList &inputs, const IngestOptions &options,
                                                       const RemotePricing &pricing, const CancellationToken &token)
{
    const ExpandedInputs expanded = InputExpander::expand(inputs, token);
    RemoteCostEstimator estimator(pricing);
    for (const SkippedInput &skipped : expanded.skipped)
        estimator.addSkipped({skipped.path, skipped.reason});

    TaskGroup<DocumentChunks> documents(
        {.maxParallel = options.jobs, .parent = token, .name = QStringLiteral("estimate remote extraction")});
    for (const InputDocument &input : expanded.documents) {
        documents.spawn(input.path,
                        [input, &options](const CancellationToken &t) { return chunkDocument(input, options, t); });
    }
    QList<DocumentChunks> results;
    try {
        results = documents.joinBlocking();
    } catch (const TaskFailedError &failure) {
        std::rethrow_exception(failure.cause()); // a cancellation, or a parser's own error
    }
    for (qsizetype i = 0; i < results.size(); ++i) {
        if (results.at(i).failure.isEmpty())
            estimator.addDocument(results.at(i).chunkChars);
        else
            estimator.addFailure({expanded.documents.at(i).path, results.at(i).failure});
    }
    return estimator.estimate();
}

QString remoteCostEstimateToText(const RemoteCostEstimate &estimate)
{
    const QLocale locale;
    QString text =
        QCoreApplication::translate("gw::RemoteCostEstimator", "≈ %1 calls, %2 prompt + %3 completion tokens")
            .arg(locale.toString(estimate.calls()), locale.toString(estimate.promptTokens),
                 locale.toString(estimate.completionTokens));
    if (estimate.pricing.isSet())
        text += QCoreApplication::translate("gw::RemoteCostEstimator", ", ≈ %1 at the set prices")
                    .arg(locale.toString(estimate.cost, 'f', 2));
    return text;
}

} // namespace gw
