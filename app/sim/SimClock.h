#pragma once

#include <QDateTime>

namespace koodrive::sim {

// The server's clock, which may be set off the machine's (--clock-skew) so that clients can be tested
// against a server whose time differs from theirs.
class SimClock final
{
public:
    qint64 nowMs() const { return QDateTime::currentMSecsSinceEpoch() + m_skewMs; }
    qint64 nowSecs() const { return nowMs() / 1000; }
    void setSkewSeconds(qint64 seconds) { m_skewMs = seconds * 1000; }
    qint64 skewSeconds() const { return m_skewMs / 1000; }

private:
    qint64 m_skewMs = 0;
};

} // namespace koodrive::sim
