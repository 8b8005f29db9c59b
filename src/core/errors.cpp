#include "errors.h"

namespace gw {

QString describeException(std::exception_ptr error)
{
    if (!error)
        return QStringLiteral("no error");
    try {
        std::rethrow_exception(error);
    } catch (const Error &e) {
        return e.message();
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    } catch (...) {
        return QStringLiteral("unknown exception");
    }
}

} // namespace gw
