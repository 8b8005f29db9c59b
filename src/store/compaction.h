#pragma once

#include <QtGlobal>

namespace gw {

// What compacting a project gave back (ProjectStore::compact): the file's bytes before and
// after, its WAL included.
struct Compaction
{
    qint64 bytesBefore = 0;
    qint64 bytesAfter = 0;
};

} // namespace gw
