#include "fuzzharness.h"

#include <QCoreApplication>
#include <QString>

namespace gw::fuzz {

QString text(const uint8_t *data, size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

void ensureApplication()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "graphwright-fuzz";
    static char *argv[] = {name, nullptr};
    new QCoreApplication(argc, argv); // lives as long as the process: harness calls never end it
}

} // namespace gw::fuzz
