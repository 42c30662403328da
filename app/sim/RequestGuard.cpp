#include "RequestGuard.h"

#include "SimClock.h"
#include "SimError.h"
#include "SimHttp.h"
#include "SimStore.h"

#include <QTimeZone>

namespace koodrive::sim {

RequestGuard::RequestGuard(const SimStore &store, const SimClock &clock)
    : m_store(store)
    , m_clock(clock)
{}

void RequestGuard::checkTraceId(const SimRequest &request)
{
    const QByteArray traceId = request.header("X-Traceid");
    if (traceId.isEmpty())
        return;
    bool ok = traceId.size() == TraceIdLength;
    for (char c : traceId)
        ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
    if (!ok)
        throw SimError::parameter(QStringLiteral("X-Traceid"),
                                  QStringLiteral("X-Traceid must be 58 letters, digits or underscores"));
}

void RequestGuard::checkDate(const SimRequest &request) const
{
    const QByteArray text = request.header("X-Date");
    if (text.isEmpty())
        throw SimError::parameter(QStringLiteral("X-Date"), QStringLiteral("X-Date is required"));
    QDateTime date;
    if (text.size() == 16)
        date = QDateTime::fromString(QString::fromLatin1(text), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    if (!date.isValid())
        throw SimError::parameter(
            QStringLiteral("X-Date"),
            QStringLiteral("X-Date must be UTC as yyyyMMddTHHmmssZ, e.g. 20251103T070140Z"));
    date.setTimeZone(QTimeZone::utc());
    const qint64 sent = date.toSecsSinceEpoch();
    const qint64 now = m_clock.nowSecs();
    if (sent > now)
        throw SimError::parameter(QStringLiteral("X-Date"),
                                  QStringLiteral("X-Date is later than the server's time"));
    if (now - sent > DateWindowSecs)
        throw SimError::parameter(QStringLiteral("X-Date"),
                                  QStringLiteral("X-Date is more than 15 minutes before the server's time"));
}

QString RequestGuard::tokenFrom(const QByteArray &authorization)
{
    const QByteArray value = authorization.trimmed();
    QByteArray token;
    if (value.startsWith("Bearer ") || value.startsWith("Bearer+"))
        token = value.mid(7).trimmed();
    else if (value.startsWith("AT "))
        token = value.mid(3).trimmed();
    if (token.isEmpty() || token.contains(' '))
        return {};
    return QString::fromLatin1(token);
}

QString RequestGuard::authenticate(const SimRequest &request) const
{
    const QString userId = QString::fromUtf8(request.header("X-User-Id")).trimmed();
    if (userId.isEmpty())
        throw SimError::parameter(QStringLiteral("X-User-Id"), QStringLiteral("X-User-Id is required"));
    const QByteArray authorization = request.header("Authorization");
    if (authorization.isEmpty())
        throw SimError::unauthorized(QStringLiteral("Authorization"),
                                     QStringLiteral("Authorization is required"));
    const QString token = tokenFrom(authorization);
    if (token.isEmpty())
        throw SimError::unauthorized(QStringLiteral("Authorization"),
                                     QStringLiteral("Authorization must be \"Bearer <access token>\""));
    const auto session = m_store.sessionForAccessToken(token);
    if (!session)
        throw SimError::unauthorized(QStringLiteral("Authorization"),
                                     QStringLiteral("the access token is not valid"));
    if (session->expiresMs <= m_clock.nowMs())
        throw SimError::unauthorized(QStringLiteral("Authorization"),
                                     QStringLiteral("the access token has expired"));
    if (session->userId != userId)
        throw SimError::unauthorized(QStringLiteral("X-User-Id"),
                                     QStringLiteral("the access token does not belong to X-User-Id"));
    return userId;
}

} // namespace koodrive::sim
