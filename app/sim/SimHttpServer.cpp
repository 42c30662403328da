#include "SimHttpServer.h"

#include "RequestGuard.h"
#include "SimClock.h"
#include "SimError.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QTimeZone>
#include <QTimer>

Q_LOGGING_CATEGORY(lcSimHttp, "koodrive.sim.http", QtWarningMsg)

namespace koodrive::sim {

QString newTraceId()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";
    QString id(RequestGuard::TraceIdLength, Qt::Uninitialized);
    for (QChar &c : id)
        c = QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet - 1))]);
    return id;
}

namespace {
QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    default: return "OTHER";
    }
}

QByteArray httpDate(qint64 ms)
{
    return QLocale::c()
        .toString(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()),
                  QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}
} // namespace

SimHttpServer::SimHttpServer(const RequestGuard &guard, const SimClock &clock, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_guard(guard)
    , m_clock(clock)
{}

SimHttpServer::~SimHttpServer() = default;

void SimHttpServer::route(const QByteArray &method, const QString &pattern, Access access, Handler handler)
{
    QString regex = QRegularExpression::escape(pattern);
    // escape() turned "{name}" into "\{name\}": make each a captured path segment.
    static const QRegularExpression placeholder(QStringLiteral(R"(\\\{[A-Za-z]+\\\})"));
    regex.replace(placeholder, QStringLiteral("([^/]+)"));
    m_routes.append({method, QRegularExpression(QLatin1Char('^') + regex + QLatin1Char('$')), access,
                     std::move(handler)});
}

SimHttpServer::Result SimHttpServer::dispatch(SimRequest &request)
{
    try {
        RequestGuard::checkTraceId(request);
        bool pathKnown = false;
        for (const Route &route : std::as_const(m_routes)) {
            const QRegularExpressionMatch match = route.pattern.match(request.path);
            if (!match.hasMatch())
                continue;
            pathKnown = true;
            if (route.method != request.method)
                continue;
            request.args = match.capturedTexts().mid(1);
            for (QString &arg : request.args)
                arg = QUrl::fromPercentEncoding(arg.toUtf8());
            if (route.access != Access::Open)
                m_guard.checkDate(request);
            if (route.access == Access::Session)
                request.userId = m_guard.authenticate(request);
            // Faults hit API calls, and only those under faults.pathPrefix when one is set.
            const bool api = route.access != Access::Open &&
                             (m_faults.pathPrefix.isEmpty() || request.path.startsWith(m_faults.pathPrefix));
            const bool scripted = api && m_faults.failCalls.contains(++m_apiCalls);
            if (scripted ||
                (api && m_faults.failRate > 0 && m_faultRandom.generateDouble() < m_faults.failRate))
                throw SimError(503, QString::fromLatin1(ErrorCode::InternalCallFailed), QString(),
                               QStringLiteral("the service is unavailable (injected fault)"));
            return route.handler(request);
        }
        if (pathKnown)
            throw SimError::methodNotAllowed(QString::fromLatin1(request.method), request.path);
        throw SimError::notFound(request.path);
    } catch (const SimError &error) {
        return SimReply::json(error.toJson(), error.httpStatus());
    }
}

void SimHttpServer::finish(SimReply &reply, const SimRequest &request) const
{
    reply.setHeader("Date", httpDate(m_clock.nowMs()));
    reply.setHeader("X-Traceid", request.traceId.toLatin1());
    if (reply.contentType == "application/json")
        reply.setHeader("Cache-Control", "no-store");
}

void SimHttpServer::send(SimReply reply, const std::shared_ptr<QHttpServerResponder> &responder,
                         QTcpSocket *socket)
{
    QPointer<QTcpSocket> alive(socket);
    auto write = [reply = std::move(reply), responder, alive]() mutable {
        if (!alive)
            return; // the client went away
        QHttpServerResponse response(reply.contentType, reply.body,
                                     QHttpServerResponder::StatusCode(reply.status));
        for (const auto &[name, value] : std::as_const(reply.headers))
            response.addHeader(name, value);
        response.write(std::move(*responder));
    };
    if (m_faults.latencyMs > 0)
        QTimer::singleShot(m_faults.latencyMs, this, std::move(write));
    else
        write();
}

bool SimHttpServer::handleRequest(const QHttpServerRequest &httpRequest, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    SimRequest request;
    request.method = methodName(httpRequest.method());
    request.path = httpRequest.url().path();
    request.query = httpRequest.query();
    request.body = httpRequest.body();
    request.headers = httpRequest.headers();
    const QByteArray givenTrace = request.header("X-Traceid");
    request.traceId = givenTrace.isEmpty() ? newTraceId() : QString::fromLatin1(givenTrace);

    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(httpRequest, socket));
    ++m_requestsServed;
    if (request.path.startsWith(QLatin1String("/obs/"))) {
        ++m_objectRequestsServed;
        ++m_objectRequests[request.path + QLatin1Char('|') +
                           request.queryValue(QStringLiteral("x-image-process"))];
    }
    Result result = dispatch(request);
    // The log names method, path, status, time and trace id: never a header value or a body.
    if (auto *ready = std::get_if<SimReply>(&result)) {
        finish(*ready, request);
        qCDebug(lcSimHttp).noquote() << request.method << request.path << ready->status
                                     << timer.nsecsElapsed() / 1000 << "us" << request.traceId;
        send(std::move(*ready), responder, socket);
    } else {
        QPointer<QTcpSocket> alive(socket);
        std::get<QFuture<SimReply>>(result).then(this, [this, request, responder, alive](SimReply reply) {
            finish(reply, request);
            qCDebug(lcSimHttp).noquote() << request.method << request.path << reply.status << request.traceId;
            if (alive)
                send(std::move(reply), responder, alive.data());
        });
    }
    return true;
}

void SimHttpServer::missingHandler(const QHttpServerRequest &httpRequest, QTcpSocket *socket)
{
    SimRequest request;
    request.traceId = newTraceId();
    SimReply reply = SimReply::json(SimError::notFound(httpRequest.url().path()).toJson(), 404);
    finish(reply, request);
    send(std::move(reply), std::make_shared<QHttpServerResponder>(makeResponder(httpRequest, socket)),
         socket);
}

} // namespace koodrive::sim
