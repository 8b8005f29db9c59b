#pragma once

#include <QCoroTask>

#include <exception>
#include <optional>
#include <type_traits>

namespace gw {

// Runs a coroutine to completion in a nested event loop and returns its result, rethrowing its
// exception. For the CLI, benchmarks and tests only: never on the GUI thread.
//
// Why not QCoro::waitFor: in QCoro 0.8 it never returns when the awaited task throws (the
// exception skips its loop.quit()), so a failing task hangs the caller for ever.
template<typename T>
T syncWait(QCoro::Task<T> task)
{
    using Stored = std::conditional_t<std::is_void_v<T>, bool, T>;
    struct Outcome
    {
        std::optional<Stored> value;
        std::exception_ptr error;
    };
    auto capture = [](QCoro::Task<T> inner) -> QCoro::Task<Outcome> {
        Outcome outcome;
        try {
            if constexpr (std::is_void_v<T>) {
                co_await std::move(inner);
                outcome.value = true;
            } else {
                outcome.value = co_await std::move(inner);
            }
        } catch (...) {
            outcome.error = std::current_exception();
        }
        co_return outcome;
    };
    Outcome outcome = QCoro::waitFor(capture(std::move(task)));
    if (outcome.error)
        std::rethrow_exception(outcome.error);
    if constexpr (!std::is_void_v<T>)
        return std::move(*outcome.value);
}

} // namespace gw
