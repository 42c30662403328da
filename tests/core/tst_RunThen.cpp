// threads::runThen: work on a pool, then its continuation on the context's thread, once each, and never
// once the context is gone. (QtConcurrent::run(...).then(context, ...) ran a continuation twice now and then
// under Qt 6.4, the second time with its promise moved away: a crash in CI. That race needs the worker to
// be preempted between two calls of Qt's; these tests did not catch it with the old pattern in 60 000
// runs here, so they hold runThen to its contract, and RunThen.h says where the race is.)
#include "threads/RunThen.h"

#include <QTest>
#include <QThread>
#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

class TestRunThen : public QObject
{
    Q_OBJECT

private slots:
    void eachContinuationRunsOnceOnTheContextsThread()
    {
        // Work that ends at once, many times over: most of it ends while then() is being attached.
        QThreadPool pool;
        pool.setMaxThreadCount(2);
        QObject context;
        constexpr int Runs = 20000;
        int ran = 0;
        qint64 sum = 0;
        bool elsewhere = false;
        for (int i = 0; i < Runs; ++i)
            koodrive::threads::runThen(
                &pool, [i] { return i; }, &context,
                [&](int value) {
                    ++ran;
                    sum += value;
                    elsewhere = elsewhere || QThread::currentThread() != context.thread();
                });
        QTRY_COMPARE_WITH_TIMEOUT(ran, Runs, 60000);
        QCOMPARE(sum, qint64(Runs) * (Runs - 1) / 2);
        QVERIFY(!elsewhere);
        pool.waitForDone();
        QTest::qWait(20); // and none comes a second time
        QCOMPARE(ran, Runs);
    }

    void theWorksResultStaysInItsFuture()
    {
        QThreadPool pool;
        QObject context;
        bool ran = false;
        auto future = koodrive::threads::runThen(
            &pool, [] { return QStringLiteral("read"); }, &context, [&](const QString &) { ran = true; });
        QTRY_VERIFY(ran);
        QCOMPARE(future.takeResult(), QStringLiteral("read"));
    }

    void theResultIsWaitedForBeforeAWorkerHasTakenTheWork()
    {
        // The pool's one thread is busy: the work waits in its queue. Waiting on its future (as a model
        // takes the rest of a saved place at once when End is pressed) waits until it is done, and gets
        // its result; a future not yet started would not wait, and give what is not there.
        QThreadPool pool;
        pool.setMaxThreadCount(1);
        std::atomic<bool> release{false};
        struct ReleaseAtEnd // the pool's thread is let go however the test ends
        {
            std::atomic<bool> &flag;
            ~ReleaseAtEnd() { flag = true; }
        } releaseAtEnd{release};
        pool.start([&release] {
            while (!release)
                QThread::msleep(1);
        });
        QObject context;
        // The result is taken below, so the continuation takes the future, as PagedFileModel's does: one
        // that takes the value has Qt read it when it runs, which can be after the take (a heap overflow
        // in QtPrivate::ResultItem under ASan, seen in CI when it ran in the next test's event loop; here it
        // is waited for).
        bool ran = false;
        auto future = koodrive::threads::runThen(
            &pool, [] { return 42; }, &context, [&ran](const QFuture<int> &) { ran = true; });
        QVERIFY(future.isRunning());
        QVERIFY(!future.isFinished());
        std::jthread releaser([&release] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            release = true;
        });
        QCOMPARE(future.takeResult(), 42);
        QTRY_VERIFY(ran); // after the take, and nothing read of what was taken
    }

    void nothingRunsOnceTheContextIsGone()
    {
        QThreadPool pool;
        auto context = std::make_unique<QObject>();
        std::atomic<bool> release{false};
        int ran = 0;
        auto future = koodrive::threads::runThen(
            &pool,
            [&release] {
                while (!release)
                    QThread::msleep(1);
                return 1;
            },
            context.get(), [&](int) { ++ran; });
        context.reset(); // e.g. a thumbnail's model closed while its picture was decoded
        release = true;
        future.waitForFinished();
        QTest::qWait(20);
        QCOMPARE(ran, 0);
        QCOMPARE(future.result(), 1);
    }
};

QTEST_MAIN(TestRunThen)
#include "tst_RunThen.moc"
