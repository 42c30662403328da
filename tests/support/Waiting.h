#pragma once
// Waiting for asynchronous answers in tests and benchmarks, without a fixed sleep: a client call's result,
// a condition, and the median of timings.
#include "api/Result.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QVector>
#include <algorithm>
#include <functional>
#include <optional>

namespace koodrive::test {

// Runs `start(context, callback)` (a KooDriveClient call) and returns its result once the callback ran.
// Keep the result in a variable before reading members of its value: a member of a temporary dies with it.
template<typename T, typename Start>
api::Result<T> wait(Start start)
{
    std::optional<api::Result<T>> result;
    QEventLoop loop;
    start(&loop, [&](const api::Result<T> &r) {
        result = r;
        loop.quit();
    });
    if (!result)
        loop.exec();
    return *result;
}

// Runs the event loop until `done()` holds; false when `timeoutMs` passed first.
inline bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

inline double median(QVector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace koodrive::test
