#include "tableimporter.h"

#include "core/errors.h"
#include "extract/entityresolver.h"
#include "core/csvreader.h"
#include "store/projectstore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QStringDecoder>
#include <QtNumeric>

#include <algorithm>
#include <initializer_list>
#include <optional>

namespace gw {

namespace {

using Kind = TableImportOptions::Kind;

QString headerKey(const QString &cell)
{
    QString key = cell.trimmed().toLower();
    key.replace(u' ', u'_');
    key.replace(u'-', u'_');
    return key;
}

// The first of `names` (in priority order) among the header keys, not already taken.
int findColumn(const QStringList &keys, std::initializer_list<const char *> names,
               std::initializer_list<int> taken = {})
{
    for (const char *name : names) {
        const int index = int(keys.indexOf(QLatin1String(name)));
        if (index >= 0 && std::find(taken.begin(), taken.end(), index) == taken.end())
            return index;
    }
    return -1;
}

struct Columns
{
    int source = -1, target = -1, type = -1, weight = -1, sourceType = -1, targetType = -1; // edges
    int name = -1, entityType = -1;                                                         // entities
};

Columns edgeColumnsFromHeader(const QStringList &keys)
{
    Columns c;
    c.source = findColumn(keys, {"source_name", "source", "subject", "from", "head", "src"});
    c.target = findColumn(keys, {"target_name", "target", "object", "to", "tail", "dst"}, {c.source});
    c.type = findColumn(keys, {"type", "relation", "relationship", "predicate", "label", "edge_type", "relation_type"},
                        {c.source, c.target});
    c.weight = findColumn(keys, {"weight", "value"}, {c.source, c.target, c.type});
    c.sourceType = findColumn(keys, {"source_type", "subject_type", "from_type", "head_type"});
    c.targetType = findColumn(keys, {"target_type", "object_type", "to_type", "tail_type"});
    return c;
}

Columns entityColumnsFromHeader(const QStringList &keys)
{
    Columns c;
    c.name = findColumn(keys, {"name", "entity", "entity_name", "label"});
    c.entityType = findColumn(keys, {"type", "entity_type", "category", "kind"}, {c.name});
    return c;
}

QString trimmedValue(const CsvCell *cell)
{
    return cell ? cell->value.trimmed() : QString();
}

// The span of the trimmed value in the text.
std::pair<qint64, qint64> trimmedSpan(const CsvCell &cell)
{
    qsizetype lead = 0, trail = 0;
    const QString &v = cell.value;
    while (lead < v.size() && v.at(lead).isSpace())
        ++lead;
    while (trail < v.size() - lead && v.at(v.size() - 1 - trail).isSpace())
        ++trail;
    const qint64 start = qMin<qint64>(cell.start + lead, cell.end);
    return {start, qMax<qint64>(start, cell.end - trail)};
}

std::optional<double> parseNumber(QString text, QChar delimiter)
{
    bool ok = false;
    double value = QLocale::c().toDouble(text, &ok);
    if (!ok && delimiter != u',' && text.count(u',') == 1) {
        text.replace(u',', u'.'); // "2,5" in a semicolon-separated European file
        value = QLocale::c().toDouble(text, &ok);
    }
    if (!ok || !qIsFinite(value))
        return std::nullopt;
    return value;
}

bool looksNumeric(const QList<const CsvRecord *> &rows, int column, QChar delimiter)
{
    bool any = false;
    for (const CsvRecord *row : rows) {
        if (column >= row->cells.size())
            continue;
        const QString value = row->cells.at(column).value.trimmed();
        if (value.isEmpty())
            continue;
        if (!parseNumber(value, delimiter))
            return false;
        any = true;
    }
    return any;
}

bool looksLikeEntityTypes(const QList<const CsvRecord *> &rows, int column)
{
    bool any = false;
    for (const CsvRecord *row : rows) {
        if (column >= row->cells.size())
            return false;
        const QString value = row->cells.at(column).value.trimmed().toUpper();
        if (entityTypeFromName(value) == EntityType::Misc && value != u"MISC")
            return false;
        any = true;
    }
    return any;
}

QString optionsFingerprint(const TableImportOptions &options)
{
    static const char *const kinds[] = {"auto", "edges", "entities"};
    static const char *const headers[] = {"auto", "present", "absent"};
    return QStringLiteral("kind=%1;header=%2;delimiter=%3;default_type=%4;default_relation=%5")
        .arg(QLatin1String(kinds[int(options.kind)]), QLatin1String(headers[int(options.header)]),
             options.delimiter.isNull() ? QString() : QString(options.delimiter), entityTypeName(options.defaultType),
             options.defaultRelationType);
}

qint64 countWords(const QString &text)
{
    qint64 words = 0;
    bool inWord = false;
    for (const QChar c : text) {
        const bool wordChar = c.isLetterOrNumber();
        if (wordChar && !inWord)
            ++words;
        inWord = wordChar;
    }
    return words;
}

// Collects what the rows give: entities (merged by id, the longest name wins, as the store does),
// mentions and relations.
class RecordBuilder
{
public:
    RecordBuilder(DocumentRecord &record, TableImportResult &result, const TableImportOptions &options)
        : m_record(record), m_result(result), m_options(options)
    {}

    void problem(qint64 line, const QString &message)
    {
        ++m_result.problemCount;
        if (m_result.problems.size() < TableImportResult::maxReported)
            m_result.problems.append({line, message});
    }

    void note(qint64 line, const QString &message)
    {
        ++m_result.noteCount;
        if (m_result.notes.size() < TableImportResult::maxReported)
            m_result.notes.append({line, message});
    }

    EntityType typeOf(const CsvCell *cell, qint64 line)
    {
        const QString value = trimmedValue(cell);
        if (value.isEmpty())
            return m_options.defaultType;
        const QString upper = value.toUpper();
        const EntityType type = entityTypeFromName(upper);
        if (type == EntityType::Misc && upper != u"MISC") {
            note(line,
                 QCoreApplication::translate("gw::TableImporter", "unknown entity type \"%1\", imported as %2")
                     .arg(value, entityTypeName(m_options.defaultType)));
            return m_options.defaultType;
        }
        return type;
    }

    // A mention of the entity named by `cell`, in chunk `chunk`; returns the entity id.
    QString mention(const CsvCell &cell, EntityType type, qint64 chunk)
    {
        const QString name = cell.value.trimmed();
        // Names repeat in edge lists (every edge names two): normalise each name once.
        const QString cacheKey = QString::number(int(type)) + u'\x1f' + name;
        QString id = m_idByName.value(cacheKey);
        if (id.isEmpty()) {
            const QString key = EntityResolver::normalizedKey(name, type);
            id = EntityResolver::entityId(type, key);
            m_idByName.insert(cacheKey, id);
            auto found = m_entities.find(id);
            if (found == m_entities.end())
                m_entities.insert(id, EntityRecord{id, entityTypeName(type), name, key});
            else if (name.size() > found->name.size())
                found->name = name;
        }
        const auto [start, end] = trimmedSpan(cell);
        m_record.mentions.append(MentionRecord{id, chunk, start, end, 1.0});
        return id;
    }

    void finish()
    {
        m_record.entities = m_entities.values();
        std::sort(m_record.entities.begin(), m_record.entities.end(),
                  [](const EntityRecord &a, const EntityRecord &b) { return a.id < b.id; });
        m_result.entities = m_record.entities.size();
        m_result.relations = m_record.relations.size();
    }

private:
    DocumentRecord &m_record;
    TableImportResult &m_result;
    const TableImportOptions &m_options;
    QHash<QString, EntityRecord> m_entities;
    QHash<QString, QString> m_idByName; // "<type>\x1f<name>" -> entity id
};

} // namespace

TableImporter::TableImporter(TableImportOptions options) : m_options(std::move(options))
{
    if (m_options.defaultRelationType.trimmed().isEmpty())
        m_options.defaultRelationType = QStringLiteral("related_to");
}

QString TableImporter::readTableFile(const QString &path, QByteArray *rawBytes)
{
    const QString shown = QDir::toNativeSeparators(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
    const auto fail = [&shown](const QString &why) {
        throw Error(QCoreApplication::translate("gw::TableImporter", "cannot import \"%1\": %2").arg(shown, why));
    };
    QFile file(path);
    if (QFileInfo(path).isDir())
        fail(QCoreApplication::translate("gw::TableImporter", "it is a folder, not a CSV file"));
    if (!file.open(QIODevice::ReadOnly))
        fail(file.errorString());
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        fail(file.errorString());
    if (bytes.isEmpty())
        fail(QCoreApplication::translate("gw::TableImporter", "the file is empty"));

    // A byte-order mark decides the encoding; otherwise the text must be UTF-8.
    const std::optional<QStringConverter::Encoding> marked = QStringConverter::encodingForData(bytes);
    const QStringConverter::Encoding encoding = marked.value_or(QStringConverter::Utf8);
    if (encoding == QStringConverter::Utf8 && bytes.left(64 * 1024).contains('\0'))
        fail(QCoreApplication::translate("gw::TableImporter", "it is a binary file, not a CSV table"));
    QStringDecoder decoder(encoding);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        fail(QCoreApplication::translate("gw::TableImporter",
                                         "it is not UTF-8 text (save it as UTF-8 and import it again)"));
    if (text.trimmed().isEmpty())
        fail(QCoreApplication::translate("gw::TableImporter", "the file holds no rows"));
    if (rawBytes)
        *rawBytes = bytes;
    return text;
}

DocumentRecord TableImporter::prepare(const QString &path, TableImportResult &result) const
{
    result = TableImportResult{};
    result.path = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const QString shown = QDir::toNativeSeparators(result.path);
    const auto fail = [&shown](const QString &why) {
        throw Error(QCoreApplication::translate("gw::TableImporter", "cannot import \"%1\": %2").arg(shown, why));
    };

    DocumentRecord record;
    QByteArray bytes;
    record.text = readTableFile(result.path, &bytes);

    result.delimiter = m_options.delimiter.isNull() ? CsvReader::detectDelimiter(record.text) : m_options.delimiter;
    const QList<CsvRecord> records = CsvReader(result.delimiter).read(record.text);
    QList<const CsvRecord *> rows; // non-blank, header included
    for (const CsvRecord &csv : records)
        if (!csv.isBlank())
            rows.append(&csv);

    // The header, and from it (or from the positions) the columns.
    const QStringList firstKeys = [&] {
        QStringList keys;
        for (const CsvCell &cell : rows.front()->cells)
            keys.append(headerKey(cell.value));
        return keys;
    }();
    const Columns edgeHeader = edgeColumnsFromHeader(firstKeys);
    const Columns entityHeader = entityColumnsFromHeader(firstKeys);
    const bool edgeHeaderKnown = edgeHeader.source >= 0 && edgeHeader.target >= 0;
    const bool entityHeaderKnown = entityHeader.name >= 0;
    switch (m_options.header) {
    case TableImportOptions::Header::Present:
        result.header = true;
        break;
    case TableImportOptions::Header::Absent:
        result.header = false;
        break;
    case TableImportOptions::Header::Auto:
        result.header = (m_options.kind != Kind::Entities && edgeHeaderKnown)
            || (m_options.kind != Kind::Edges && entityHeaderKnown);
        break;
    }
    if (result.header)
        for (const CsvCell &cell : rows.front()->cells)
            result.columns.append(cell.value.trimmed());
    const QList<const CsvRecord *> data = result.header ? rows.mid(1) : rows;
    if (data.isEmpty())
        fail(result.header ? QCoreApplication::translate("gw::TableImporter", "the file has a header but no data rows")
                           : QCoreApplication::translate("gw::TableImporter", "the file holds no rows"));
    const QList<const CsvRecord *> sample = data.mid(0, 20);

    Kind kind = m_options.kind;
    if (kind == Kind::Auto) {
        if (result.header && (edgeHeaderKnown || entityHeaderKnown))
            kind = edgeHeaderKnown ? Kind::Edges : Kind::Entities;
        else if (data.front()->cells.size() < 2 || (data.front()->cells.size() == 2 && looksLikeEntityTypes(sample, 1)))
            kind = Kind::Entities; // "Ada Lovelace,PERSON" is an entity with its type, not an edge
        else
            kind = Kind::Edges;
    }
    result.kind = kind;
    Columns columns;
    if (kind == Kind::Edges) {
        if (result.header && edgeHeaderKnown) {
            columns = edgeHeader;
        } else {
            columns.source = 0;
            columns.target = 1;
            if (looksNumeric(sample, 2, result.delimiter)) {
                columns.weight = 2;
            } else {
                columns.type = 2;
                columns.weight = 3;
            }
        }
    } else {
        if (result.header && entityHeaderKnown) {
            columns = entityHeader;
        } else {
            columns.name = 0;
            columns.entityType = 1;
        }
    }

    // One chunk per data row; mentions per name cell; a relation per edge row.
    RecordBuilder builder(record, result, m_options);
    result.rows = data.size();
    for (const CsvRecord *row : data) {
        const qint64 chunk = record.chunks.size();
        record.chunks.append(ChunkRecord{row->start, row->end, record.text.mid(row->start, row->end - row->start)});
        const auto cell = [row](int column) -> const CsvCell * {
            return column >= 0 && column < row->cells.size() ? &row->cells.at(column) : nullptr;
        };
        if (row->unterminatedQuote) {
            builder.problem(
                row->line,
                QCoreApplication::translate(
                    "gw::TableImporter", "a quoted cell is never closed (the rest of the file was read as this row)"));
            continue;
        }
        if (kind == Kind::Entities) {
            const CsvCell *name = cell(columns.name);
            if (trimmedValue(name).isEmpty()) {
                builder.problem(row->line, QCoreApplication::translate("gw::TableImporter", "no name"));
                continue;
            }
            builder.mention(*name, builder.typeOf(cell(columns.entityType), row->line), chunk);
            ++result.importedRows;
            continue;
        }
        const CsvCell *source = cell(columns.source);
        const CsvCell *target = cell(columns.target);
        if (trimmedValue(source).isEmpty() || trimmedValue(target).isEmpty()) {
            builder.problem(row->line,
                            trimmedValue(source).isEmpty()
                                ? QCoreApplication::translate("gw::TableImporter", "no source")
                                : QCoreApplication::translate("gw::TableImporter", "no target"));
            continue;
        }
        QString trigger;
        double rowWeight = 1;
        const QString weightText = trimmedValue(cell(columns.weight));
        if (!weightText.isEmpty()) {
            const std::optional<double> weight = parseNumber(weightText, result.delimiter);
            if (!weight) {
                builder.problem(row->line,
                                QCoreApplication::translate("gw::TableImporter", "the weight \"%1\" is not a number")
                                    .arg(weightText));
                continue;
            }
            trigger = QStringLiteral("weight=") + QString::number(*weight, 'g', QLocale::FloatingPointShortest);
            rowWeight = *weight;
            ++result.weightedRows;
        }
        QString type = trimmedValue(cell(columns.type));
        if (type.isEmpty())
            type = m_options.defaultRelationType;
        const QString subject = builder.mention(*source, builder.typeOf(cell(columns.sourceType), row->line), chunk);
        const QString object = builder.mention(*target, builder.typeOf(cell(columns.targetType), row->line), chunk);
        record.relations.append(RelationRecord{type, subject, object, chunk, row->start, row->end, trigger, rowWeight});
        ++result.importedRows;
    }
    builder.finish();

    record.path = result.path;
    record.contentHash = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    record.format = QStringLiteral("table");
    record.sizeBytes = bytes.size();
    record.words = countWords(record.text);
    record.metadata = {
        {QStringLiteral("title"), QFileInfo(result.path).fileName()},
        {QStringLiteral("table"), kind == Kind::Edges ? QStringLiteral("edges") : QStringLiteral("entities")},
        {QStringLiteral("columns"), result.columns},
        {QStringLiteral("delimiter"), QString(result.delimiter)},
        {QStringLiteral("rows"), result.rows},
        {QStringLiteral("importedRows"), result.importedRows},
        {QStringLiteral("importOptions"), optionsFingerprint(m_options)},
    };
    return record;
}

TableImportResult TableImporter::importFile(ProjectStore &store, const QString &path) const
{
    TableImportResult result;
    DocumentRecord record = prepare(path, result);
    // The same bytes are Unchanged to the store. That is right only when they were imported as a
    // table with the same options; otherwise the earlier version must go first. (Not atomic: a
    // crash in between leaves the file out of the project until it is imported again.)
    bool removed = false;
    if (store.isUnchanged(record.path, record.contentHash, record.extractor)) {
        for (const StoredDocument &document : store.documents()) {
            if (document.path != record.path)
                continue;
            if (document.format != record.format
                || document.metadata.value(QStringLiteral("importOptions"))
                    != record.metadata.value(QStringLiteral("importOptions")))
                removed = store.removeDocumentBlocking(record.path);
            break;
        }
    }
    result.outcome = store.writeDocumentBlocking(std::move(record));
    if (removed && result.outcome == WriteOutcome::Inserted)
        result.outcome = WriteOutcome::Replaced;
    return result;
}

} // namespace gw
