#include "filestamp.h"

#include <sys/stat.h>

#include <algorithm>
#include <ctime>

namespace gw {

namespace {
qint64 nanoseconds(const timespec &time)
{
    return qint64(time.tv_sec) * 1'000'000'000 + time.tv_nsec;
}
} // namespace

QString FileStamp::of(const struct stat &info)
{
    return QStringLiteral("%1:%2:%3:%4:%5")
        .arg(qint64(info.st_size))
        .arg(nanoseconds(info.st_mtim))
        .arg(nanoseconds(info.st_ctim))
        .arg(quint64(info.st_dev))
        .arg(quint64(info.st_ino));
}

QString FileStamp::trustedForRead(int fd)
{
    struct stat info
    {};
    timespec now{};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || ::clock_gettime(CLOCK_REALTIME, &now) != 0)
        return {};
    // File systems that keep sub-second times (ext4, XFS, Btrfs, tmpfs, NFS 3+) take them from
    // the kernel's tick, a few milliseconds; those with whole seconds (FAT: two) leave the
    // nanoseconds at 0 (a sub-second system does so once in a billion: that file is only read
    // again). The last change must be older than that granularity, with room for the tick the
    // kernel's clock lags behind.
    const bool subSecond = info.st_mtim.tv_nsec != 0;
    const qint64 granularityNs = subSecond ? 100'000'000 : 2'000'000'000;
    const qint64 lastChange = std::max(nanoseconds(info.st_mtim), nanoseconds(info.st_ctim));
    if (nanoseconds(now) - lastChange < granularityNs)
        return {};
    return of(info);
}

} // namespace gw
