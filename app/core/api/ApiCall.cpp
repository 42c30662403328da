#include "ApiCall.h"

#include "KooDriveClient.h"
#include "net/Transfer.h"
#include "threads/RunThen.h"
#include "threads/WorkPools.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QThreadPool>

// Calls log at debug level (QT_LOGGING_RULES="koodrive.api.debug=true"), retries at info.
Q_LOGGING_CATEGORY(lcApi, "koodrive.api", QtInfoMsg)

namespace koodrive::api {

namespace {
// An error body worth reading on the GUI thread is small; a larger one is not an X-Date refusal.
constexpr qsizetype MaxInspectedErrorBytes = 64 * 1024;

// The parameter a 400 names, for telling an X-Date refusal from the others.
QString refusedParameter(const QByteArray &body)
{
    if (body.size() > MaxInspectedErrorBytes)
        return {};
    const QJsonObject error =
        QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
    return error.value(QStringLiteral("errorDetail"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("errorParam"))
        .toString();
}

// Answers are parsed here, away from the GUI thread and from the pools that decode pictures
// (threads/WorkPools.h).
QThreadPool *parsers()
{
    static QThreadPool *pool = threads::newPool(QStringLiteral("koodrive answer parsers"), 2);
    return pool;
}
} // namespace

ApiCall::ApiCall(KooDriveClient *client, ApiRequest request, Parse parse, Deliver deliver)
    : QObject(client)
    , m_client(client)
    , m_request(std::move(request))
    , m_parse(std::move(parse))
    , m_deliver(std::move(deliver))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ApiCall::send);
}

ApiCall::~ApiCall() = default; // the transfer is a child: it aborts with us

void ApiCall::start()
{
    m_elapsed.start();
    send();
}

void ApiCall::failSoon(const ApiError &error)
{
    QTimer::singleShot(0, this, [this, error] { finish(error); });
}

void ApiCall::cancel()
{
    if (m_finished)
        return;
    m_finished = true;
    m_retryTimer.stop();
    if (m_transfer)
        m_transfer->abort();
    deleteLater();
}

void ApiCall::send()
{
    if (m_finished)
        return;
    // A token that has run out (or is about to, or is being renewed) is renewed before the call goes: one
    // renewal for all the calls waiting, and no 401 for each. Once per call: a renewal that could not be made
    // now (offline, 5xx) lets the call go with the token it has.
    if (m_request.authenticated && !m_request.renewal && !m_waitedForRenewal && m_client->renewalDue()) {
        m_waitedForRenewal = true;
        QPointer<ApiCall> self(this);
        m_client->renewSession([self](const ApiError *) {
            if (!self || self->m_finished)
                return;
            if (self->m_client->sessionEnded())
                self->finish(ApiError::sessionEnded(self->m_traceId));
            else
                self->send();
        });
        return;
    }
    ++m_attempts;
    m_traceId = KooDriveClient::newTraceId();
    m_sentClockOffset = m_client->clockOffsetSecs(); // the X-Date this attempt carries
    m_sentToken = m_client->connection().accessToken;
    ApiError refused;
    net::Transfer *transfer = m_client->send(m_request, m_traceId, this, &refused);
    if (!transfer) {
        refused.traceId = m_traceId;
        finish(refused);
        return;
    }
    m_transfer = transfer;
    connect(transfer, &net::Transfer::finished, this, &ApiCall::onTransferFinished);
}

int ApiCall::backoffMs() const
{
    // Bounded exponential backoff with jitter: base * 2^(attempt-1), at most the policy's ceiling.
    const KooDriveClient::RetryPolicy &policy = m_client->retryPolicy();
    const int exponential = std::min(policy.maxDelayMs, policy.baseDelayMs << std::min(m_attempts - 1, 16));
    return exponential / 2 + QRandomGenerator::global()->bounded(exponential / 2 + 1);
}

bool ApiCall::retryLater(int delayMs)
{
    // Retries are bounded in count (the policy's attempts) and in time: none starts after the call's
    // whole budget is spent.
    const KooDriveClient::RetryPolicy &policy = m_client->retryPolicy();
    if (!m_request.idempotent || m_attempts >= policy.maxAttempts ||
        m_elapsed.elapsed() + delayMs > policy.callBudgetMs)
        return false;
    qCInfo(lcApi).noquote() << "retrying" << m_request.method << m_request.path << "in" << delayMs << "ms";
    m_retryTimer.start(delayMs);
    return true;
}

ApiError ApiCall::transferError(const net::Transfer &transfer) const
{
    using Failure = net::Transfer::Failure;
    ApiError error;
    error.traceId = m_traceId;
    error.httpStatus = transfer.httpStatus();
    const struct
    {
        qint64 maxMegabytes;
        int deadlineSecs;
    } figures{transfer.policy().maxBytes / (1024 * 1024), transfer.policy().deadlineMs / 1000};
    switch (transfer.failure()) {
    case Failure::IdleTimeout:
        error.kind = ApiError::Kind::Timeout;
        error.message = QCoreApplication::translate("ApiError", "KooDrive did not answer in time.");
        error.retryable = true;
        break;
    case Failure::Deadline:
        error.kind = ApiError::Kind::Timeout;
        error.message =
            QCoreApplication::translate(
                "ApiError", "KooDrive's answer was still arriving after %1 s; the app stopped waiting.")
                .arg(figures.deadlineSecs);
        break;
    case Failure::TooLarge:
        error.kind = ApiError::Kind::BadResponse;
        error.message =
            QCoreApplication::translate(
                "ApiError", "The server's answer is larger than any KooDrive answer (over %1 MiB); "
                            "the app stopped reading it.")
                .arg(figures.maxMegabytes);
        break;
    case Failure::CrossOriginRedirect:
        error.kind = ApiError::Kind::Insecure;
        error.message =
            QCoreApplication::translate(
                "ApiError", "The server sent the app on to another address (%1). It did not follow, "
                            "so that your session stays with KooDrive.")
                .arg(transfer.refusedUrl().host());
        break;
    case Failure::Undecodable:
        error.kind = ApiError::Kind::BadResponse;
        error.message = QCoreApplication::translate(
            "ApiError",
            "The server's answer could not be unpacked: it is broken, or far larger than it claims.");
        break;
    case Failure::TooManyRedirects:
        error.kind = ApiError::Kind::BadResponse;
        error.message = QCoreApplication::translate(
            "ApiError", "The server keeps sending the app from one address to another (a redirect loop).");
        break;
    case Failure::Insecure:
        error.kind = ApiError::Kind::Insecure;
        error.message =
            QCoreApplication::translate("ApiError",
                                        "The server sent the app on to an address that is not safe (%1).")
                .arg(transfer.refusedUrl().toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo));
        if (transfer.networkError() == QNetworkReply::SslHandshakeFailedError)
            error.message = QCoreApplication::translate(
                "ApiError", "The connection to KooDrive is not secure (its certificate was refused).");
        break;
    case Failure::LocalWrite: // API answers are never written to a sink
    case Failure::Network:
    case Failure::None:
        error.kind = ApiError::Kind::Network;
        error.message = QCoreApplication::translate("ApiError", "KooDrive cannot be reached: %1")
                            .arg(transfer.networkErrorString());
        error.retryable = true;
        if (transfer.networkError() == QNetworkReply::SslHandshakeFailedError) {
            error.kind = ApiError::Kind::Insecure;
            error.retryable = false;
            error.message = QCoreApplication::translate(
                "ApiError", "The connection to KooDrive is not secure (its certificate was refused).");
        }
        break;
    }
    return error;
}

void ApiCall::onTransferFinished()
{
    net::Transfer *transfer = m_transfer;
    if (!transfer || m_finished)
        return;
    m_transfer = nullptr;
    transfer->deleteLater();

    Answer answer;
    answer.httpStatus = transfer->httpStatus();
    answer.body = transfer->takeBody();
    answer.traceId = m_traceId;
    answer.requestId = QString::fromLatin1(transfer->rawHeader("X-request-id"));
    qCDebug(lcApi).noquote() << m_request.method << m_request.path << answer.httpStatus << m_elapsed.elapsed()
                             << "ms"
                             << "trace" << m_traceId;

    if (transfer->failure() != net::Transfer::Failure::None) {
        const ApiError error = transferError(*transfer);
        if (error.retryable && retryLater(backoffMs()))
            return;
        finish(error);
        return;
    }

    // The server refused our X-Date: learn its clock from the Date header and try once more. Nothing was
    // done by the server, so this is safe for mutations too.
    // Several calls refused at once all try again: the first one to come back learns the offset, the
    // others see that it differs from the one they were sent with.
    if (answer.httpStatus == 400 && !m_skewCorrected &&
        refusedParameter(answer.body) == QLatin1String("X-Date") &&
        m_client->learnClockOffset(transfer->rawHeader("Date")) &&
        m_client->clockOffsetSecs() != m_sentClockOffset) {
        m_skewCorrected = true;
        send();
        return;
    }

    // A 401 renews the session once per call (one renewal for every call waiting on it). A call sent with
    // a token that has been renewed since only goes again with the new one.
    if (answer.httpStatus == 401 && m_request.authenticated && !m_request.renewal && !m_sessionRenewed &&
        !m_client->sessionEnded()) {
        m_sessionRenewed = true;
        if (m_client->connection().accessToken != m_sentToken) {
            send();
            return;
        }
        if (m_client->canRenewSession()) {
            QPointer<ApiCall> self(this);
            m_client->renewSession([self](const ApiError *error) {
                if (!self || self->m_finished)
                    return;
                if (!error)
                    self->send();
                else if (self->m_client->sessionEnded())
                    self->finish(ApiError::sessionEnded(self->m_traceId));
                else
                    self->finish(*error); // the renewal could not be made now (offline, 5xx)
            });
            return;
        }
    }

    if (answer.httpStatus >= 500 || answer.httpStatus == 429) {
        bool ok = false;
        const int retryAfter = transfer->rawHeader("Retry-After").trimmed().toInt(&ok);
        const int delay = ok && retryAfter >= 0
                              ? std::min(retryAfter, m_client->retryPolicy().maxRetryAfterMs / 1000) * 1000
                              : backoffMs();
        if (retryLater(delay))
            return;
    }
    // A whole 2xx answer that cannot be the JSON object every page documents: cut short, spoiled, or a
    // proxy's HTML page. A read is tried again; the parsers refuse what still comes out wrong.
    if (answer.httpStatus >= 200 && answer.httpStatus < 300 &&
        !looksLikeJsonObject(transfer->contentType(), answer.body) && retryLater(backoffMs()))
        return;
    // A failed renewal says so itself; a 401 for a token replaced since is no news about the session in use.
    if (answer.httpStatus == 401 && m_request.authenticated && !m_request.renewal &&
        m_sentToken == m_client->connection().accessToken)
        m_client->reportSessionExpired();
    finishWithAnswer(answer);
}

bool ApiCall::looksLikeJsonObject(const QString &contentType, const QByteArray &body)
{
    // Cheap on purpose (the parser reads the body once, later): the type, and the braces at both ends.
    if (!contentType.isEmpty() && !contentType.contains(QLatin1String("json"), Qt::CaseInsensitive))
        return false;
    const QByteArray trimmed = body.trimmed();
    return trimmed.startsWith('{') && trimmed.endsWith('}');
}

void ApiCall::finish(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_deliver({}, &error);
    deleteLater();
}

void ApiCall::finishWithAnswer(const Answer &answer)
{
    if (m_finished || m_parsing)
        return;
    m_parsing = true;
    if (m_request.peek && answer.httpStatus == 200)
        m_request.peek(answer.body);
    // The worker gets only the answer and the parse function (plain data and pure code); what it returns
    // comes back here, unless the call was cancelled or is gone by then.
    threads::runThen(
        parsers(),
        [parse = m_parse, answer] {
            threads::lowerThisThreadsPriority(); // nothing waits for it: the window and the network go first
            return parse(answer);
        },
        this,
        [this](const std::any &parsed) {
            if (m_finished)
                return;
            m_finished = true;
            m_deliver(parsed, nullptr);
            deleteLater();
        });
}

} // namespace koodrive::api
