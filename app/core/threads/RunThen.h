#pragma once

#include <QFuture>
#include <QFutureInterface>
#include <QObject>
#include <QThreadPool>
#include <memory>
#include <type_traits>

namespace koodrive::threads {

// Runs `work` on `pool`; then `then(result)` on `context`'s thread, unless `context` is gone by then.
// Returns the work's future (its result stays there, e.g. for takeResult()). Whoever may take the result
// gives a `then` that takes the future (const QFuture<Result> &), not the value: Qt reads the value for
// such a continuation when it runs, and it may run after the take (a read past the results' store).
//
// Use this, not QtConcurrent::run(...).then(context, ...), which Qt 6.4 makes crash now and then: a
// continuation attached to a future whose work ended a moment before runs at once in then(), is kept,
// and runs a second time from the worker's runContinuation(), with its promise already moved away
// (QFutureInterfaceBase::setContinuation in 6.4; a SIGSEGV in QPromise::start, seen in CI in
// tst_DownloadRunner). Here the continuation is attached before the work starts, so it runs once.
template<typename Work, typename Then>
auto runThen(QThreadPool *pool, Work work, QObject *context, Then then)
{
    using Result = std::invoke_result_t<Work &>;
    // A QFutureInterface, as QtConcurrent::run keeps, not a QPromise: a QPromise whose result was taken
    // (takeResult() resets the state) cancels and runs the continuation again when it is destroyed.
    auto promise = std::make_shared<QFutureInterface<Result>>();
    promise->reportStarted(); // running from now: waiting on the future waits, even before a worker takes it
    QFuture<Result> future = promise->future();
    future.then(context, std::move(then));
    pool->start([promise, work = std::move(work)]() mutable {
        if constexpr (std::is_void_v<Result>)
            work();
        else
            promise->reportResult(work());
        promise->reportFinished();
    });
    return future;
}

} // namespace koodrive::threads
