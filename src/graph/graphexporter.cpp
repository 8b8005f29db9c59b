#include "graphexporter.h"

#include "core/errors.h"
#include "graph/csvtableexporter.h"
#include "graph/gexfexporter.h"
#include "graph/graphmlexporter.h"
#include "graph/neo4jexporter.h"
#include "graph/nodelinkjsonexporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <stdexcept>

namespace gw {

ExportFormat GraphExporter::formatFromName(const QString &name)
{
    const QString wanted = name.trimmed().toLower();
    if (wanted == u"graphml")
        return ExportFormat::GraphMl;
    if (wanted == u"gexf")
        return ExportFormat::Gexf;
    if (wanted == u"json" || wanted == u"node-link" || wanted == u"nodelink")
        return ExportFormat::NodeLinkJson;
    if (wanted == u"csv")
        return ExportFormat::Csv;
    if (wanted == u"neo4j")
        return ExportFormat::Neo4j;
    throw Error(QCoreApplication::translate("gw::GraphExporter", "unknown export format \"%1\" (use one of: %2)")
                    .arg(name, formatNames().join(QStringLiteral(", "))));
}

QString GraphExporter::formatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::GraphMl:
        return QStringLiteral("graphml");
    case ExportFormat::Gexf:
        return QStringLiteral("gexf");
    case ExportFormat::NodeLinkJson:
        return QStringLiteral("json");
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    case ExportFormat::Neo4j:
        return QStringLiteral("neo4j");
    }
    return {};
}

QStringList GraphExporter::formatNames()
{
    return {QStringLiteral("graphml"), QStringLiteral("gexf"), QStringLiteral("json"), QStringLiteral("csv"),
            QStringLiteral("neo4j")};
}

bool GraphExporter::writesFolder(ExportFormat format)
{
    return format == ExportFormat::Csv || format == ExportFormat::Neo4j;
}

bool GraphExporter::carriesPositions(ExportFormat format)
{
    return format == ExportFormat::GraphMl || format == ExportFormat::Gexf;
}

void GraphExporter::exportGraph(const KnowledgeGraph &graph, const NodeMetrics &metrics, ExportFormat format,
                                const QString &outPath, const QList<QPointF> &positions)
{
    if (!positions.isEmpty() && positions.size() != graph.nodeCount())
        throw std::invalid_argument("GraphExporter::exportGraph: one position per node expected");
    if (outPath.trimmed().isEmpty())
        throw Error(QCoreApplication::translate("gw::GraphExporter", "no output path given for the export"));
    if (writesFolder(format)) {
        const QFileInfo info(outPath);
        if (info.exists() && !info.isDir())
            throw Error(
                QCoreApplication::translate("gw::GraphExporter",
                                            "cannot export to \"%1\": it is a file, and this format writes a folder")
                    .arg(QDir::toNativeSeparators(info.absoluteFilePath())));
        if (!QDir().mkpath(outPath))
            throw Error(QCoreApplication::translate("gw::GraphExporter", "cannot create the folder \"%1\"")
                            .arg(QDir::toNativeSeparators(info.absoluteFilePath())));
    }
    switch (format) {
    case ExportFormat::GraphMl:
        GraphMlExporter::write(graph, metrics, outPath, positions);
        return;
    case ExportFormat::Gexf:
        GexfExporter::write(graph, metrics, outPath, positions);
        return;
    case ExportFormat::NodeLinkJson:
        NodeLinkJsonExporter::write(graph, metrics, outPath);
        return;
    case ExportFormat::Csv:
        CsvTableExporter::write(graph, metrics, outPath);
        return;
    case ExportFormat::Neo4j:
        Neo4jExporter::write(graph, metrics, outPath);
        return;
    }
}

} // namespace gw
