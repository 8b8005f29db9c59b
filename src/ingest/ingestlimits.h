#pragma once

#include <QtGlobal>

namespace gw {

// Guards against hostile or absurd input. Each limit produces a LoadError naming the file and the
// limit. All are configurable (CLI flags, preferences).
struct IngestLimits
{
    qint64 maxFileBytes = 256LL * 1024 * 1024;         // on-disk size
    qint64 maxDecompressedBytes = 512LL * 1024 * 1024; // total inflated size of a container (zip bombs)
    int maxXmlDepth = 256;                             // element nesting in XML/HTML
    qint64 maxTextChars = 64LL * 1024 * 1024;          // extracted text per document
    qint64 timeoutMs = 120'000;                        // per document, all stages together
    int previewLines = 12;                             // lines of text in a preview
    int thumbnailWidth = 256;                          // pixels, for PDF first-page thumbnails
};

} // namespace gw
