// The table importer (prepare: read and convert, no store) on an arbitrary file, as edges, as
// entities and detected: it either refuses the file with Error or accounts for every data row
// (imported, or a problem with a line inside the file).
#include "fuzzharness.h"

#include "core/errors.h"
#include "graph/tableimporter.h"

#include <QFile>
#include <QTemporaryDir>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gw::fuzz::ensureApplication();
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("table.csv"));
    {
        QFile file(path);
        GW_FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        GW_FUZZ_CHECK(file.write(reinterpret_cast<const char *>(data), qint64(size)) == qint64(size));
    }
    using Kind = gw::TableImportOptions::Kind;
    for (const Kind kind : {Kind::Auto, Kind::Edges, Kind::Entities}) {
        const gw::TableImporter importer({.kind = kind});
        gw::TableImportResult result;
        try {
            const gw::DocumentRecord record = importer.prepare(path, result);
            GW_FUZZ_CHECK(result.importedRows + result.problemCount == result.rows);
            GW_FUZZ_CHECK(result.problems.size() <= gw::TableImportResult::maxReported);
            for (const gw::TableImportProblem &problem : std::as_const(result.problems))
                GW_FUZZ_CHECK(problem.line >= 1);
            (void)record;
        } catch (const gw::Error &) {}
    }
    return 0;
}
