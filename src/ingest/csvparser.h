#pragma once

#include "textformatparser.h"

namespace gw {

// .csv (and .tsv when built with a tab): RFC 4180 records (quoted fields with doubled quotes,
// delimiters and line breaks inside quotes), read tolerantly. The text keeps every value next to
// its column name, which is what an entity extractor needs, one "column: value" line per non-empty
// cell and a blank line between records:
//     name: Ada Lovelace
//     born: 1815
// When the first record does not look like a header (an empty or numeric cell) the records are
// written as tab-separated lines instead. Metadata: "columns" (the header) and "rows" (records
// after the header).
class CsvParser : public TextFormatParser
{
public:
    explicit CsvParser(char16_t delimiter = u',') : m_delimiter(delimiter) {}

    DocumentFormat format() const override { return m_delimiter == u'\t' ? DocumentFormat::Tsv : DocumentFormat::Csv; }
    char16_t delimiter() const { return m_delimiter; }

    QString extractText(const QByteArray &bytes, const ParseContext &context) const override;
    QVariantMap extractMetadata(const QByteArray &bytes, const ParseContext &context) const override;

private:
    char16_t m_delimiter;
};

} // namespace gw
