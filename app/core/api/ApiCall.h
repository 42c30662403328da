#pragma once

#include "ApiError.h"
#include "ApiRequest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <any>
#include <functional>

namespace koodrive::net {
class Transfer;
}

namespace koodrive::api {

class KooDriveClient;

// One call in flight: sends, retries what may be retried, and finishes exactly once, through `deliver`,
// unless cancelled (then never). Owned by itself: it deletes itself when done.
//
// An answer is read under net::TransferPolicy::api() (bounded in bytes and time, redirects kept on the
// origin) and parsed off the GUI thread: `parse` runs on a worker with a copy of the answer and returns
// what `deliver` gets back on the call's thread. No answer, however large or odd, can freeze the window.
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
        QString requestId; // X-request-id, which the job calls may answer with (OPERATIONS.md §5)
    };
    // On a worker thread: turns a whole answer into the value delivered (a Result<T>, type-erased).
    using Parse = std::function<std::any(const Answer &answer)>;
    // On the call's thread: the parsed value, or the error that stopped the call before an answer.
    using Deliver = std::function<void(const std::any &parsed, const ApiError *transportError)>;

    ApiCall(KooDriveClient *client, ApiRequest request, Parse parse, Deliver deliver);
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
    void onTransferFinished();
    bool retryLater(int delayMs);
    void finish(const ApiError &error);
    void finishWithAnswer(const Answer &answer);
    int backoffMs() const;
    ApiError transferError(const net::Transfer &transfer) const;

    KooDriveClient *m_client;
    ApiRequest m_request;
    Parse m_parse;
    Deliver m_deliver;
    QPointer<net::Transfer> m_transfer;
    QTimer m_retryTimer;
    QElapsedTimer m_elapsed;
    QString m_traceId;
    int m_attempts = 0;
    bool m_skewCorrected = false;
    qint64 m_sentClockOffset = 0;
    QString m_sentToken; // the access token this attempt carried (in memory only)
    bool m_sessionRenewed = false;
    bool m_waitedForRenewal = false;
    bool m_parsing = false;
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
