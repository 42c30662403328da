#include "ApiCall.h"

#include "KooDriveClient.h"
#include "ResponseParsers.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>

// Calls log at debug level (QT_LOGGING_RULES="koodrive.api.debug=true"), retries at info.
Q_LOGGING_CATEGORY(lcApi, "koodrive.api", QtInfoMsg)

namespace koodrive::api {

namespace {
// The parameter a 400 names, for telling an X-Date refusal from the others.
QString refusedParameter(const QByteArray &body)
{
    const QJsonObject error =
        QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
    return error.value(QStringLiteral("errorDetail"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("errorParam"))
        .toString();
}
} // namespace

ApiCall::ApiCall(KooDriveClient *client, ApiRequest request, Deliver deliver)
    : QObject(client)
    , m_client(client)
    , m_request(std::move(request))
    , m_deliver(std::move(deliver))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ApiCall::send);
}

ApiCall::~ApiCall()
{
    if (m_reply)
        m_reply->abort();
}

void ApiCall::start()
{
    m_elapsed.start();
    send();
}

void ApiCall::failSoon(const ApiError &error)
{
    QTimer::singleShot(0, this, [this, error] { finish({}, &error); });
}

void ApiCall::cancel()
{
    if (m_finished)
        return;
    m_finished = true;
    m_retryTimer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    deleteLater();
}

void ApiCall::send()
{
    if (m_finished)
        return;
    ++m_attempts;
    m_traceId = KooDriveClient::newTraceId();
    m_sentClockOffset = m_client->clockOffsetSecs(); // the X-Date this attempt carries
    ApiError refused;
    QNetworkReply *reply = m_client->send(m_request, m_traceId, &refused);
    if (!reply) {
        finish({}, &refused);
        return;
    }
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished);
}

int ApiCall::backoffMs() const
{
    // Bounded exponential backoff with jitter: base * 2^(attempt-1), at most the policy's ceiling.
    const KooDriveClient::RetryPolicy &policy = m_client->retryPolicy();
    const int exponential = std::min(policy.maxDelayMs, policy.baseDelayMs << std::min(m_attempts - 1, 16));
    return exponential / 2 + QRandomGenerator::global()->bounded(exponential / 2 + 1);
}

void ApiCall::retryLater(int delayMs)
{
    qCInfo(lcApi).noquote() << "retrying" << m_request.method << m_request.path << "in" << delayMs << "ms";
    m_retryTimer.start(delayMs);
}

void ApiCall::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    m_reply = nullptr;
    reply->deleteLater();

    Answer answer;
    answer.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen()) // an aborted reply (timeout, cancel) is closed and has nothing to read
        answer.body = reply->readAll();
    answer.traceId = m_traceId;
    const QNetworkReply::NetworkError networkError = reply->error();
    qCDebug(lcApi).noquote() << m_request.method << m_request.path << answer.httpStatus << m_elapsed.elapsed()
                             << "ms"
                             << "trace" << m_traceId;

    const bool mayRetry = m_request.idempotent && m_attempts < m_client->retryPolicy().maxAttempts;

    // Transport errors (QNetworkReply's 1..199: refused, closed mid-answer, timed out, proxy) leave no
    // complete answer, even when a status line had arrived.
    const bool transportFailed =
        networkError > QNetworkReply::NoError && networkError < QNetworkReply::ContentAccessDenied;
    if (answer.httpStatus == 0 || transportFailed) {
        // No complete HTTP answer: the network failed, or the transfer timed out.
        ApiError error;
        const bool timedOut = networkError == QNetworkReply::OperationCanceledError ||
                              networkError == QNetworkReply::TimeoutError;
        error.kind = timedOut ? ApiError::Kind::Timeout : ApiError::Kind::Network;
        error.message = timedOut ? QCoreApplication::translate("ApiError", "KooDrive did not answer in time.")
                                 : QCoreApplication::translate("ApiError", "KooDrive cannot be reached: %1")
                                       .arg(reply->errorString());
        error.traceId = m_traceId;
        error.retryable = true;
        if (networkError == QNetworkReply::SslHandshakeFailedError ||
            networkError == QNetworkReply::InsecureRedirectError) {
            error.kind = ApiError::Kind::Insecure;
            error.retryable = false;
        } else if (mayRetry) {
            retryLater(backoffMs());
            return;
        }
        finish(answer, &error);
        return;
    }

    // The server refused our X-Date: learn its clock from the Date header and try once more. Nothing was
    // done by the server, so this is safe for mutations too.
    // Several calls refused at once all try again: the first one to come back learns the offset, the
    // others see that it differs from the one they were sent with.
    if (answer.httpStatus == 400 && !m_skewCorrected &&
        refusedParameter(answer.body) == QLatin1String("X-Date") &&
        m_client->learnClockOffset(reply->rawHeader("Date")) &&
        m_client->clockOffsetSecs() != m_sentClockOffset) {
        m_skewCorrected = true;
        send();
        return;
    }

    if (answer.httpStatus == 401 && m_request.authenticated && !m_request.renewal && !m_sessionRenewed &&
        m_client->canRenewSession()) {
        m_sessionRenewed = true;
        QPointer<ApiCall> self(this);
        m_client->renewSession([self](bool renewed) {
            if (!self || self->m_finished)
                return;
            if (renewed) {
                self->send();
                return;
            }
            ApiError error;
            error.kind = ApiError::Kind::Unauthorized;
            error.httpStatus = 401;
            error.message =
                QCoreApplication::translate("ApiError", "Your KooDrive session has ended. Sign in again.");
            error.traceId = self->m_traceId;
            self->finish({}, &error);
        });
        return;
    }

    if ((answer.httpStatus >= 500 || answer.httpStatus == 429) && mayRetry) {
        bool ok = false;
        const int retryAfter = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
        const int delay =
            ok ? std::min(retryAfter * 1000, m_client->retryPolicy().maxRetryAfterMs) : backoffMs();
        retryLater(delay);
        return;
    }
    // A whole 2xx answer that cannot be the JSON object every page documents: cut short, spoiled, or a
    // proxy's HTML page. A read is tried again; the parsers refuse what still comes out wrong.
    if (answer.httpStatus >= 200 && answer.httpStatus < 300 && mayRetry &&
        !looksLikeJsonObject(reply->header(QNetworkRequest::ContentTypeHeader).toString(), answer.body)) {
        retryLater(backoffMs());
        return;
    }
    if (answer.httpStatus == 401 && m_request.authenticated && !m_request.renewal)
        m_client->reportSessionExpired(); // a failed renewal says so itself
    finish(answer, nullptr);
}

bool ApiCall::looksLikeJsonObject(const QString &contentType, const QByteArray &body)
{
    // Cheap on purpose (the parser reads the body once, later): the type, and the braces at both ends.
    if (!contentType.isEmpty() && !contentType.contains(QLatin1String("json"), Qt::CaseInsensitive))
        return false;
    const QByteArray trimmed = body.trimmed();
    return trimmed.startsWith('{') && trimmed.endsWith('}');
}

void ApiCall::finish(const Answer &answer, const ApiError *error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_deliver(answer, error);
    deleteLater();
}

} // namespace koodrive::api
