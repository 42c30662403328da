#pragma once
// How long the event loop went without running: what a person feels as a freeze.
#include <QElapsedTimer>
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

// The longest time the event loop went without running a 5 ms timer: what a person feels as a freeze.
class StallWatch
{
public:
    StallWatch()
    {
        m_clock.start();
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.elapsed();
            m_worst = qMax(m_worst, now - m_last);
            m_last = now;
        });
        m_timer.start();
    }
    qint64 worstMs() const { return m_worst; }

private:
    QElapsedTimer m_clock;
    QTimer m_timer;
    qint64 m_last = 0;
    qint64 m_worst = 0;
};

} // namespace koodrive::test
