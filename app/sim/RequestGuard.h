#pragma once

#include <QString>

namespace koodrive::sim {

class SimClock;
class SimStore;
struct SimRequest;

// The common headers every call carries (../shared/koodrive-api/README.md, "Common headers"), checked as
// strictly as the pages state them. Each check throws the SimError the client gets.
class RequestGuard final
{
public:
    RequestGuard(const SimStore &store, const SimClock &clock);

    static constexpr int TraceIdLength = 58;
    static constexpr qint64 DateWindowSecs = 15 * 60;

    // X-Traceid: optional; when present, 58 letters, digits or '_'.
    static void checkTraceId(const SimRequest &request);
    // X-Date: required, yyyyMMdd'T'HHmmss'Z', within 15 minutes before the server's clock, never after it.
    void checkDate(const SimRequest &request) const;
    // X-User-Id and Authorization: a live session token of that user. Returns the user id.
    QString authenticate(const SimRequest &request) const;

    // The token of an Authorization value: "Bearer <t>", "Bearer+<t>" (as the pages write it) or "AT <t>".
    static QString tokenFrom(const QByteArray &authorization);

private:
    const SimStore &m_store;
    const SimClock &m_clock;
};

} // namespace koodrive::sim
