#include "resourcepool.h"

namespace gw {

quint64 currentThreadSerial()
{
    static std::atomic<quint64> next{1};
    thread_local const quint64 serial = next.fetch_add(1);
    return serial;
}

} // namespace gw
