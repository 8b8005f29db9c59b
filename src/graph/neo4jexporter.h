#pragma once
// A folder Neo4j can load in two ways (README.txt in it says how):
//   nodes.csv, relationships.csv  with the header conventions of `neo4j-admin database import
//       full` (id:ID, :LABEL, :START_ID, :END_ID, :TYPE, typed properties such as mentions:long);
//       nodes get the labels Entity and their type (PERSON, ...), relationships the relation type
//       in upper case (works_for -> WORKS_FOR) with the original in the `type` property;
//   load.cypher  the same files through LOAD CSV + MERGE, for a database that is already running
//       (idempotent: running it twice changes nothing).
// All four files are committed together at the end.
#include "graph/knowledgegraph.h"
#include "graph/nodemetrics.h"

namespace gw {

class Neo4jExporter
{
public:
    // `folder` must exist.
    static void write(const KnowledgeGraph &graph, const NodeMetrics &metrics, const QString &folder);

    // Neo4j's naming conventions, applied to labels and relationship types: letters, digits and
    // '_' kept, anything else '_'; relationship types in upper case; never empty.
    static QString labelFor(const QString &entityType);
    static QString relationshipTypeFor(const QString &relationType);
};

} // namespace gw
