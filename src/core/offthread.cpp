#include "offthread.h"

#include "taskgroup.h"

namespace gw {

QCoro::Task<> detail::runBodyOffThread(QString name, CancellationToken token,
                                       std::function<void(const CancellationToken &)> body)
{
    TaskGroup<> group({.maxParallel = 1, .parent = token, .name = name});
    group.spawn(name, std::move(body));
    co_await group.waitAll();
    try {
        group.throwIfFailed();
    } catch (const TaskFailedError &failure) {
        // The caller asked for one thing to run: its own error, not the group's label, is the
        // message a person should read.
        try {
            std::rethrow_exception(failure.cause());
        } catch (const Error &) {
            throw;
        } catch (...) {
            throw Error(failure.reason());
        }
    }
}

} // namespace gw
