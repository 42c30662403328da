#pragma once
// How long the event loop went without running: what a person feels as a freeze.
#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QTimer>

namespace koodrive::test {
// The freeze a person would notice: 100 ms. Under AddressSanitizer everything runs two to three times
// slower, so the same code gets three times the budget there.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr qint64 StallBudgetMs = 300;
#else
inline constexpr qint64 StallBudgetMs = 100;
#endif

// The longest time the event loop went without running a 5 ms timer: what a person feels as a freeze,
// less the time the GUI thread stood ready to run while the machine ran something else (another test,
// a build: Linux counts it per thread in /proc/thread-self/schedstat, the run-queue wait). What the thread
// spent working, or blocked on its own I/O, counts; a busy machine's scheduling does not.
class StallWatch
{
public:
    StallWatch()
    {
        m_clock.start();
        m_lastWaitNs = runQueueWaitNs();
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.elapsed();
            const qint64 wait = runQueueWaitNs();
            const qint64 gap = now - m_last;
            m_worstWall = qMax(m_worstWall, gap);
            m_worst = qMax(m_worst, gap - (wait - m_lastWaitNs) / 1'000'000);
            m_last = now;
            m_lastWaitNs = wait;
        });
        m_timer.start();
    }
    qint64 worstMs() const { return m_worst; }
    qint64 worstWallMs() const { return m_worstWall; } // including the machine's scheduling

private:
    // The GUI thread's time waiting on a run queue, in ns (0 when the kernel does not say).
    static qint64 runQueueWaitNs()
    {
        QFile stat(QStringLiteral("/proc/thread-self/schedstat"));
        if (!stat.open(QIODevice::ReadOnly))
            return 0;
        return stat.readAll().split(' ').value(1).toLongLong();
    }

    QElapsedTimer m_clock;
    QTimer m_timer;
    qint64 m_last = 0;
    qint64 m_lastWaitNs = 0;
    qint64 m_worst = 0;
    qint64 m_worstWall = 0;
};

} // namespace koodrive::test
