#pragma once

#include <QFuture>
#include <QFutureInterface>
#include <QObject>
#include <QThreadPool>
#include <memory>
#include <type_traits>

namespace koodrive::sim {

// Runs `work` on `pool`, then `then(result)` on `context`'s thread; returns the future of what `then`
// returns (a handler's answer, written by SimHttpServer once it is there).
//
// Not QtConcurrent::run(...).then(context, ...): in Qt 6.4 a continuation attached to a future whose work
// ended a moment before runs at once, is kept, and runs a second time from the worker with its promise
// already moved away, a SIGSEGV in QPromise::start (seen in CI). Here it is attached before the work
// starts. (The app has the same rule in app/core/threads/RunThen.h; the sim shares no code with it.)
template<typename Work, typename Then>
auto runThen(QThreadPool *pool, Work work, QObject *context, Then then)
{
    using Result = std::invoke_result_t<Work &>;
    // A QFutureInterface, as QtConcurrent::run keeps, not a QPromise: a QPromise whose result was taken
    // (takeResult() resets the state) cancels and runs the continuation again when it is destroyed.
    auto promise = std::make_shared<QFutureInterface<Result>>();
    promise->reportStarted(); // running from now: waiting on the future waits, even before a worker takes it
    auto answer = promise->future().then(context, std::move(then));
    pool->start([promise, work = std::move(work)]() mutable {
        promise->reportResult(work());
        promise->reportFinished();
    });
    return answer;
}

} // namespace koodrive::sim
