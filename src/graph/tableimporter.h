#pragma once
// Table -> graph: imports a CSV edge list (source,target[,type][,weight][,source_type,target_type])
// or an entity table (name[,type]) into a project, as a document like any other:
//  - the CSV file is the document (path = its absolute path, format "table", text = the file
//    decoded as UTF-8 or as its byte-order mark says, one chunk per data row);
//  - each name cell is a mention (offsets = the cell's span in the text) of the entity
//    EntityResolver::entityId(type, normalizedKey(name, type)): the id extraction would give it,
//    so imported and extracted entities merge;
//  - each edge row is a relation whose evidence is the row's span;
//  - it is written with ProjectStore::writeDocumentBlocking, so removing the document removes what
//    it brought, importing the same file again changes nothing (Unchanged) and importing a
//    changed file replaces the old version (Replaced).
//
// Weights. The store has no weight per relation: a relation's weight is its number of evidence
// rows. A row's weight cell is therefore kept exactly in the relation's trigger ("weight=2.5")
// and the row counts as one piece of evidence; two rows with the same source, target and type
// make weight 2. (Storing real weights needs a weight column in the relations table.)
//
// Columns are found by header name, case-insensitively (spaces and '-' count as '_'):
//   source: source_name, source, subject, from, head, src    target: target_name, target,
//   object, to, tail, dst    type: type, relation, relationship, predicate, label, edge_type,
//   relation_type    weight: weight, value    source_type: source_type, subject_type, from_type,
//   head_type    target_type: target_type, object_type, to_type, tail_type
//   entity name: name, entity, entity_name, label    entity type: type, entity_type, category, kind
// The *_name columns win over source/target, so the edges.csv of CsvTableExporter (whose source
// and target are ids) reads back by name. Without a recognised header the columns are positional:
// source, target, then type and weight (a numeric third column is the weight); or name, type.
#include "extract/entitytype.h"
#include "store/documentrecord.h"

#include <QList>
#include <QString>

namespace gw {

class ProjectStore;

struct TableImportOptions
{
    enum class Kind { Auto, Edges, Entities };
    enum class Header { Auto, Present, Absent };

    Kind kind = Kind::Auto;                    // Auto: by the header, else edges when rows have 2+ cells
    Header header = Header::Auto;              // Auto: a first row naming a known column is a header
    QChar delimiter;                           // null: detected among ',', ';' and tab
    EntityType defaultType = EntityType::Misc; // for empty or unknown type cells
    QString defaultRelationType = QStringLiteral("related_to");
};

struct TableImportProblem
{
    qint64 line = 0; // 1-based line of the file where the row starts
    QString message;
};

struct TableImportResult
{
    QString path; // the absolute path: the document's identity in the project
    WriteOutcome outcome = WriteOutcome::Unchanged;
    TableImportOptions::Kind kind = TableImportOptions::Kind::Edges; // what it was read as
    QChar delimiter;
    bool header = false;
    QStringList columns; // the header's cells, when there is one
    qint64 rows = 0;     // data rows (blank lines not counted)
    qint64 importedRows = 0;
    qint64 entities = 0;                // distinct entities in the file
    qint64 relations = 0;               // relation rows
    qint64 weightedRows = 0;            // rows whose weight went into the trigger (see the class comment)
    QList<TableImportProblem> problems; // rows left out, in file order (at most maxReported)
    qint64 problemCount = 0;            // all of them
    QList<TableImportProblem> notes;    // rows imported with a change, e.g. an unknown type
    qint64 noteCount = 0;

    static constexpr qsizetype maxReported = 1000;
};

class TableImporter
{
public:
    explicit TableImporter(TableImportOptions options = {});

    // Reads and converts the file without writing anything (a preview, a dry run). Throws Error
    // when the file cannot be read, is empty, is binary or not UTF-8 text, or has no data rows.
    DocumentRecord prepare(const QString &path, TableImportResult &result) const;

    // prepare() and write the document. Blocks: call it off the GUI thread. Throws Error (as
    // prepare) and StoreError. Importing the same file with other options replaces the earlier
    // import, and so does importing a file the project had ingested as an ordinary document.
    TableImportResult importFile(ProjectStore &store, const QString &path) const;

    // The text of a table file (UTF-8, or as its byte-order mark says). Throws Error naming the
    // file when it cannot be read, is a folder, is empty, binary or not UTF-8 text. `rawBytes`:
    // the file's bytes.
    static QString readTableFile(const QString &path, QByteArray *rawBytes = nullptr);

private:
    TableImportOptions m_options;
};

} // namespace gw
