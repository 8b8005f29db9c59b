#pragma once
// Helpers shared by the parser tests.

#include "ingest/documentparser.h"
#include "ingest/loaderror.h"

#include <QTest>

namespace gw::testing {

inline ParseContext contextFor(const QString &path)
{
    ParseContext context;
    context.path = path;
    return context;
}

// Runs call(), which must throw a LoadError; returns its kind (and message).
template<typename Call>
LoadError::Kind expectLoadError(Call call, QString *message = nullptr)
{
    try {
        call();
    } catch (const LoadError &error) {
        if (message)
            *message = error.message();
        return error.kind();
    }
    QTest::qFail("expected a LoadError", __FILE__, __LINE__);
    return LoadError::Kind::Unreadable;
}

} // namespace gw::testing
