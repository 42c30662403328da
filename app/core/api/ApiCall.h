#pragma once

#include "ApiError.h"
#include "ApiRequest.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

namespace koodrive::api {

class KooDriveClient;

// One call in flight: sends, retries what may be retried, and finishes exactly once, through `deliver`,
// unless cancelled (then never). Owned by itself: it deletes itself when done.
class ApiCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiCall)

public:
    struct Answer
    {
        int httpStatus = 0;
        QByteArray body;
        QString traceId;
    };
    using Deliver = std::function<void(const Answer &answer, const ApiError *transportError)>;

    ApiCall(KooDriveClient *client, ApiRequest request, Deliver deliver);
    static bool looksLikeJsonObject(const QString &contentType, const QByteArray &body);
    ~ApiCall() override;

    void start();
    // Finishes with `error` on the next event-loop turn, sending nothing (a request refused before sending).
    void failSoon(const ApiError &error);
    void cancel();
    bool isFinished() const { return m_finished; }
    const ApiRequest &request() const { return m_request; }
    int attempts() const { return m_attempts; }

private:
    void send();
    void onReplyFinished();
    void retryLater(int delayMs);
    void finish(const Answer &answer, const ApiError *error);
    int backoffMs() const;

    KooDriveClient *m_client;
    ApiRequest m_request;
    Deliver m_deliver;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retryTimer;
    QElapsedTimer m_elapsed;
    QString m_traceId;
    int m_attempts = 0;
    bool m_skewCorrected = false;
    qint64 m_sentClockOffset = 0;
    bool m_sessionRenewed = false;
    bool m_finished = false;
};

// What a caller holds: a way to cancel a call. Cancelling a finished call does nothing.
class CallHandle final
{
public:
    CallHandle() = default;
    explicit CallHandle(ApiCall *call)
        : m_call(call)
    {}
    void cancel()
    {
        if (m_call)
            m_call->cancel();
    }
    bool isActive() const { return m_call && !m_call->isFinished(); }

private:
    QPointer<ApiCall> m_call;
};

} // namespace koodrive::api
