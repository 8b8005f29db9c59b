#include "neo4jexporter.h"

#include "graph/csvrowwriter.h"
#include "graph/exportfile.h"
#include "graph/metriccolumns.h"

#include <QDir>
#include <QMap>

namespace gw {

namespace {

QString identifierFrom(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text)
        out += (c.isLetterOrNumber() || c == u'_') ? c : QChar(u'_');
    return out;
}

// A Cypher string literal.
QString cypherString(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + escaped + u'\'';
}

// A Cypher identifier in backticks (labels, types).
QString cypherName(const QString &name)
{
    QString escaped = name;
    escaped.replace(u'`', QStringLiteral("``"));
    return u'`' + escaped + u'`';
}

QString readme()
{
    return QStringLiteral(
        "Graphwright export for Neo4j\n"
        "============================\n"
        "\n"
        "nodes.csv          one row per entity (labels Entity and its type, e.g. PERSON)\n"
        "relationships.csv  one row per relation (type in upper case; the original in the `type` property)\n"
        "load.cypher        the same data through LOAD CSV, for a running database\n"
        "\n"
        "Way 1: neo4j-admin (fastest; into a new or stopped database)\n"
        "  Neo4j 5:\n"
        "    neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv \\\n"
        "        --multiline-fields=true --overwrite-destination neo4j\n"
        "  Neo4j 4.x:\n"
        "    neo4j-admin import --nodes=nodes.csv --relationships=relationships.csv --multiline-fields=true\n"
        "  Stop the database first; then start it (and on Neo4j 5 Enterprise run\n"
        "  CREATE DATABASE neo4j IF NOT EXISTS).\n"
        "\n"
        "Way 2: LOAD CSV (into a running database, merging with what is there)\n"
        "  Copy nodes.csv and relationships.csv into the database's import folder, then run\n"
        "    cypher-shell -u neo4j -p <password> -f load.cypher\n"
        "  (in Neo4j Browser, prefix each statement with :auto). Running it again changes nothing.\n"
        "\n"
        "Names may contain line breaks; both ways read them (hence --multiline-fields=true).\n");
}

} // namespace

QString Neo4jExporter::labelFor(const QString &entityType)
{
    const QString label = identifierFrom(entityType.trimmed());
    return label.isEmpty() ? QStringLiteral("MISC") : label;
}

QString Neo4jExporter::relationshipTypeFor(const QString &relationType)
{
    const QString type = identifierFrom(relationType.trimmed()).toUpper();
    return type.isEmpty() ? QStringLiteral("RELATED_TO") : type;
}

void Neo4jExporter::write(const KnowledgeGraph &graph, const NodeMetrics &metrics, const QString &folder)
{
    const MetricColumns columns(graph, metrics);
    const QDir dir(folder);
    ExportFile nodesFile(dir.filePath(QStringLiteral("nodes.csv")));
    ExportFile relationshipsFile(dir.filePath(QStringLiteral("relationships.csv")));
    ExportFile cypherFile(dir.filePath(QStringLiteral("load.cypher")));
    ExportFile readmeFile(dir.filePath(QStringLiteral("README.txt")));

    // Property columns: header text, and how load.cypher converts the LOAD CSV string back.
    struct Property
    {
        QString name, header, conversion; // conversion: "toInteger", "toFloat" or empty
    };
    QList<Property> nodeProperties = {
        {QStringLiteral("name"), QStringLiteral("name"), {}},
        {QStringLiteral("type"), QStringLiteral("type"), {}},
        {QStringLiteral("mentions"), QStringLiteral("mentions:long"), QStringLiteral("toInteger")},
        {QStringLiteral("documents"), QStringLiteral("documents:long"), QStringLiteral("toInteger")},
    };
    for (const MetricColumns::Column &column : columns.columns())
        nodeProperties.append({column.name,
                               column.name + (column.isInteger ? QStringLiteral(":long") : QStringLiteral(":double")),
                               column.isInteger ? QStringLiteral("toInteger") : QStringLiteral("toFloat")});
    const QList<Property> relationshipProperties = {
        {QStringLiteral("weight"), QStringLiteral("weight:double"), QStringLiteral("toFloat")},
        {QStringLiteral("evidence_document"), QStringLiteral("evidence_document"), {}},
        {QStringLiteral("evidence_start"), QStringLiteral("evidence_start:long"), QStringLiteral("toInteger")},
        {QStringLiteral("evidence_end"), QStringLiteral("evidence_end:long"), QStringLiteral("toInteger")},
        {QStringLiteral("evidence_chunk"), QStringLiteral("evidence_chunk:long"), QStringLiteral("toInteger")},
        {QStringLiteral("evidence_trigger"), QStringLiteral("evidence_trigger"), {}},
    };

    QMap<QString, QString> labelsByType;                      // entity type -> label, for load.cypher
    CsvRowWriter nodes(nodesFile, CsvRowWriter::Cells::Data); // data for the importer, not formulas
    nodes.field(QStringLiteral("id:ID"));
    for (const Property &property : std::as_const(nodeProperties))
        nodes.field(property.header);
    nodes.field(QStringLiteral(":LABEL"));
    nodes.endRow();
    for (int i = 0; i < graph.nodeCount(); ++i) {
        const GraphNode &node = graph.node(i);
        nodes.field(node.id);
        nodes.field(node.name);
        nodes.field(node.type);
        nodes.field(node.mentions);
        nodes.field(node.documents);
        for (const MetricColumns::Column &column : columns.columns()) {
            if (column.isInteger)
                nodes.field(column.integerAt(i));
            else
                nodes.field(column.realAt(i));
        }
        auto label = labelsByType.constFind(node.type);
        if (label == labelsByType.constEnd())
            label = labelsByType.insert(node.type, labelFor(node.type));
        nodes.field(QStringLiteral("Entity;") + *label);
        nodes.endRow();
    }

    QMap<QString, QString> typesByRelation; // relationship type -> a relation type using it
    CsvRowWriter relationships(relationshipsFile, CsvRowWriter::Cells::Data);
    for (const QString &header :
         {QStringLiteral(":START_ID"), QStringLiteral(":END_ID"), QStringLiteral(":TYPE"), QStringLiteral("type")})
        relationships.field(header);
    for (const Property &property : relationshipProperties)
        relationships.field(property.header);
    relationships.endRow();
    for (const GraphEdge &edge : graph.edges()) {
        relationships.field(graph.node(edge.source).id);
        relationships.field(graph.node(edge.target).id);
        const QString type = relationshipTypeFor(edge.type);
        typesByRelation.insert(type, edge.type);
        relationships.field(type);
        relationships.field(edge.type);
        relationships.field(edge.weight);
        relationships.evidence(edge.evidence);
        relationships.endRow();
    }

    const auto assignments = [](const QString &variable, const QList<Property> &properties) {
        QStringList out;
        for (const Property &property : properties) {
            const QString value = QStringLiteral("row.") + cypherName(property.header);
            out.append(QStringLiteral("%1.%2 = %3")
                           .arg(variable, cypherName(property.name),
                                property.conversion.isEmpty() ? value : property.conversion + u'(' + value + u')'));
        }
        return out.join(QStringLiteral(", "));
    };
    QString cypher = QStringLiteral(
        "// Graphwright export: loads nodes.csv and relationships.csv (copied into the database's import\n"
        "// folder) into a running Neo4j 5 (or 4.4). Idempotent: MERGE on the entity id and relation type.\n"
        "CREATE CONSTRAINT graphwright_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n\n");
    cypher += QStringLiteral("LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row\n"
                             "CALL {\n  WITH row\n  MERGE (n:Entity {id: row.`id:ID`})\n  SET %1\n"
                             "} IN TRANSACTIONS OF 10000 ROWS;\n\n")
                  .arg(assignments(QStringLiteral("n"), nodeProperties));
    for (auto it = labelsByType.cbegin(); it != labelsByType.cend(); ++it)
        cypher += QStringLiteral("MATCH (n:Entity {type: %1}) SET n:%2;\n")
                      .arg(cypherString(it.key()), cypherName(it.value()));
    cypher += u'\n';
    for (auto it = typesByRelation.cbegin(); it != typesByRelation.cend(); ++it)
        cypher += QStringLiteral("LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row\n"
                                 "WITH row WHERE row.`:TYPE` = %1\n"
                                 "CALL {\n  WITH row\n"
                                 "  MATCH (s:Entity {id: row.`:START_ID`}), (t:Entity {id: row.`:END_ID`})\n"
                                 "  MERGE (s)-[r:%2 {type: row.type}]->(t)\n  SET %3\n"
                                 "} IN TRANSACTIONS OF 10000 ROWS;\n\n")
                      .arg(cypherString(it.key()), cypherName(it.key()),
                           assignments(QStringLiteral("r"), relationshipProperties));
    cypherFile.write(QStringView(cypher));
    readmeFile.write(QStringView(readme()));

    nodesFile.commit();
    relationshipsFile.commit();
    cypherFile.commit();
    readmeFile.commit();
}

} // namespace gw
