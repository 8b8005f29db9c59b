#pragma once

#include <QString>

struct stat;

namespace gw {

// A file's size, identity (device, inode) and last changes (modification and status change, to
// the nanosecond) as one string. A stored document whose file still has the stamp it had when it
// was read is unchanged without reading it again; a re-ingest of a large folder then opens only
// the files that changed. The status-change time catches content written back with an old
// modification time (cp -p, rsync -t, touch -d).
class FileStamp
{
public:
    static QString of(const struct stat &info);
    // The stamp of the file open as `fd`, fit to be stored for the bytes just read from it, or an
    // empty string when it cannot be trusted: a change within the file system's timestamp
    // granularity after the read would leave the same stamp on other bytes ("racily clean", as
    // Git calls it). Such a file is read and hashed again next time.
    static QString trustedForRead(int fd);
};

} // namespace gw
