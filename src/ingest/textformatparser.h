#pragma once

#include "documentparser.h"

namespace gw {

// Shared ground of the parsers for text-based formats (plain text, Markdown, HTML, CSV/TSV,
// JSON): the same decoding, binary check, limits and error messages for all of them.
class TextFormatParser : public DocumentParser
{
public:
    // {"encoding": ...}; subclasses add their own keys.
    QVariantMap extractMetadata(const QByteArray &bytes, const ParseContext &context) const override;

    // Building blocks for the parsers' readers (public so helpers in their .cpp files can use them).
    // Rejects binary content and oversized files (LoadError), then decodes (TextDecoder) and
    // turns CRLF and lone CR line endings into LF.
    static QString decodeText(const QByteArray &bytes, const ParseContext &context, QString *encodingName = nullptr,
                              const QByteArray &declaredCharset = QByteArray());
    // Throws LoadError(TooLarge) when extracted text of this length exceeds limits.maxTextChars.
    static void checkTextLength(qsizetype length, const ParseContext &context);
    [[noreturn]] static void throwMalformed(const ParseContext &context, const QString &reason);

    // Polls the token every `interval` calls: cheap enough for per-element loops.
    class CancellationPoll
    {
    public:
        explicit CancellationPoll(const CancellationToken &token, int interval = 4096)
            : m_token(token), m_interval(interval)
        {}
        void operator()()
        {
            if (++m_count >= m_interval) {
                m_count = 0;
                m_token.throwIfCancelled();
            }
        }

    private:
        const CancellationToken &m_token;
        int m_interval;
        int m_count = 0;
    };
};

} // namespace gw
