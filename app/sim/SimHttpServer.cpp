#include "SimHttpServer.h"

#include "RequestGuard.h"
#include "SimClock.h"
#include "SimError.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QTimeZone>
#include <QTimer>
#include <optional>

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

// Writes a stored file to the socket as the socket drains, a quarter MiB at a time, after a head that
// announces its length: a gigabyte original never sits in memory.
class FileStreamer final : public QObject
{
public:
    FileStreamer(QTcpSocket *socket, std::unique_ptr<QFile> file, const QByteArray &head, qint64 length,
                 int pieceDelayMs)
        : QObject(socket)
        , m_socket(socket)
        , m_file(std::move(file))
        , m_left(length)
        , m_pieceDelayMs(pieceDelayMs)
    {
        m_socket->write(head);
        if (m_pieceDelayMs > 0) {
            trickle();
            return;
        }
        connect(socket, &QTcpSocket::bytesWritten, this, &FileStreamer::pump);
        pump();
    }

private:
    static constexpr qint64 Chunk = 256 * 1024;

    void trickle()
    {
        const QByteArray chunk = m_file->read(std::min(Chunk, m_left));
        m_left -= chunk.size();
        if (chunk.isEmpty()) {
            deleteLater();
            return;
        }
        m_socket->write(chunk);
        QTimer::singleShot(m_pieceDelayMs, this, &FileStreamer::trickle);
    }

    void pump()
    {
        while (m_socket->bytesToWrite() < 4 * Chunk) {
            const QByteArray chunk = m_file->read(std::min(Chunk, m_left));
            m_left -= chunk.size();
            if (chunk.isEmpty()) {
                disconnect(m_socket, nullptr, this, nullptr);
                deleteLater();
                return;
            }
            m_socket->write(chunk);
        }
    }

    QTcpSocket *m_socket;
    std::unique_ptr<QFile> m_file;
    qint64 m_left;
    int m_pieceDelayMs;
};

// `Range: bytes=first-[last]` (RFC 9110 §14.1.2, one range only; suffix ranges are not taken): the
// bytes asked for within `size`, or nullopt when the header is absent or not that form (the whole
// answer then goes out, as the RFC allows). `unsatisfiable` is set for a range that starts past the end.
std::optional<std::pair<qint64, qint64>> byteRange(const QByteArray &header, qint64 size, bool *unsatisfiable)
{
    *unsatisfiable = false;
    const QByteArray spec = header.trimmed();
    if (!spec.startsWith("bytes=") || spec.contains(','))
        return std::nullopt;
    const QList<QByteArray> ends = spec.mid(6).split('-');
    bool firstOk = false;
    bool lastOk = true;
    if (ends.size() != 2)
        return std::nullopt;
    const qint64 first = ends.at(0).toLongLong(&firstOk);
    qint64 last = ends.at(1).isEmpty() ? size - 1 : ends.at(1).toLongLong(&lastOk);
    if (!firstOk || !lastOk || first < 0)
        return std::nullopt;
    if (first >= size) {
        *unsatisfiable = true;
        return std::nullopt;
    }
    if (last < first)
        return std::nullopt;
    last = std::min(last, size - 1);
    return std::pair{first, last};
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
    // "{name}" captures one path segment; "{name:regex}" only a segment that matches regex, so that a route
    // with nothing but a placeholder after the prefix (GET /koodrive/ose/v1/{jobId}, OPERATIONS.md §5) does
    // not answer for every other one-segment path.
    static const QRegularExpression placeholder(QStringLiteral(R"(\{([A-Za-z]+)(?::([^}]+))?\})"));
    QString regex;
    QString shown;
    qsizetype at = 0;
    QRegularExpressionMatchIterator it = placeholder.globalMatch(pattern);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString literal = pattern.mid(at, match.capturedStart() - at);
        regex += QRegularExpression::escape(literal);
        shown += literal;
        const QString constraint = match.captured(2);
        regex += QLatin1Char('(') + (constraint.isEmpty() ? QStringLiteral("[^/]+") : constraint) +
                 QLatin1Char(')');
        shown += QLatin1Char('{') + match.captured(1) + QLatin1Char('}');
        at = match.capturedEnd();
    }
    regex += QRegularExpression::escape(pattern.mid(at));
    shown += pattern.mid(at);
    m_routes.append({method, shown, QRegularExpression(QLatin1Char('^') + regex + QLatin1Char('$')), access,
                     std::move(handler)});
}

QList<SimHttpServer::RouteInfo> SimHttpServer::routes() const
{
    QList<RouteInfo> infos;
    for (const Route &route : m_routes)
        infos.append({route.method, route.patternText, route.access});
    return infos;
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
            applyScript(request, route.access == Access::Open);
            const bool scripted = api && m_faults.failCalls.contains(++m_apiCalls);
            if (scripted ||
                (api && m_faults.failRate > 0 && m_faultRandom.generateDouble() < m_faults.failRate))
                throw SimError(503, QString::fromLatin1(ErrorCode::InternalCallFailed), QString(),
                               QStringLiteral("the service is unavailable (injected fault)"));
            ++m_routeCalls[QString::fromLatin1(route.method) + QLatin1Char(' ') + route.patternText];
            return route.handler(request);
        }
        if (pathKnown)
            throw SimError::methodNotAllowed(QString::fromLatin1(request.method), request.path);
        throw SimError::notFound(request.path);
    } catch (const SimError &error) {
        SimReply reply = SimReply::json(error.toJson(), error.httpStatus());
        if (error.retryAfter() >= 0)
            reply.setHeader("Retry-After", QByteArray::number(error.retryAfter()));
        return reply;
    }
}

QList<SimHttpServer::FaultStep> SimHttpServer::parseFaultScript(const QString &text, QString *error)
{
    QList<FaultStep> steps;
    const QRegularExpression form(QStringLiteral("^(\\d{3}|429|drop|truncate|malformed|html|slow|trickle)(?::"
                                                 "(\\d{1,6}))?(?:x(\\d{1,6}))?(?:@(/\\S*))?$"));
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QRegularExpressionMatch match = form.match(part.trimmed());
        if (!match.hasMatch()) {
            if (error)
                *error = QStringLiteral(
                             "not a fault step: \"%1\" (e.g. 503x3, 429:2, drop, truncate, "
                             "malformed, html, slow:3000, trickle:50, each with an optional @/path/prefix)")
                             .arg(part.trimmed());
            return {};
        }
        FaultStep step;
        const QString kind = match.captured(1);
        const int value = match.captured(2).isEmpty() ? -1 : match.captured(2).toInt();
        step.times = match.captured(3).isEmpty() ? 1 : qMax(1, match.captured(3).toInt());
        step.pathPrefix = match.captured(4);
        if (kind == QLatin1String("429")) {
            step.kind = FaultStep::Kind::RetryAfter;
            step.seconds = value < 0 ? 1 : value;
        } else if (kind == QLatin1String("drop"))
            step.kind = FaultStep::Kind::DropMidBody;
        else if (kind == QLatin1String("truncate"))
            step.kind = FaultStep::Kind::Truncated;
        else if (kind == QLatin1String("malformed"))
            step.kind = FaultStep::Kind::Malformed;
        else if (kind == QLatin1String("html"))
            step.kind = FaultStep::Kind::WrongContentType;
        else if (kind == QLatin1String("slow")) {
            step.kind = FaultStep::Kind::Slow;
            step.delayMs = value < 0 ? 3000 : value;
        } else if (kind == QLatin1String("trickle")) {
            step.kind = FaultStep::Kind::Trickle;
            step.delayMs = value < 0 ? 50 : value;
        } else {
            step.kind = FaultStep::Kind::Status;
            step.status = kind.toInt();
            if (step.status < 400 || step.status > 599) {
                if (error)
                    *error = QStringLiteral("a fault status is from 400 to 599: %1").arg(kind);
                return {};
            }
        }
        steps.append(step);
    }
    return steps;
}

int SimHttpServer::scriptedFaultsLeft() const
{
    int left = 0;
    for (const FaultStep &step : m_script)
        left += step.times;
    return left;
}

void SimHttpServer::applyScript(SimRequest &request, bool openRoute)
{
    for (FaultStep &step : m_script) {
        if (step.times <= 0 || !request.path.startsWith(step.pathPrefix))
            continue;
        if (openRoute && step.pathPrefix.isEmpty())
            continue; // signed object URLs and the like: only a step that names their path hits them
        --step.times;
        ++m_scriptServed;
        switch (step.kind) {
        case FaultStep::Kind::Status:
            throw SimError(step.status, QString::fromLatin1(ErrorCode::InternalCallFailed), QString(),
                           QStringLiteral("scripted fault: HTTP %1").arg(step.status));
        case FaultStep::Kind::RetryAfter:
            throw SimError(429, QString::fromLatin1(ErrorCode::InternalCallFailed), QString(),
                           QStringLiteral("too many requests (scripted fault)"))
                .withRetryAfter(step.seconds);
        case FaultStep::Kind::None: return;
        case FaultStep::Kind::Slow: request.delayMs = step.delayMs; return;
        case FaultStep::Kind::Trickle: request.trickleMs = step.delayMs; return;
        default: request.damage = int(step.kind); return;
        }
    }
}

void SimHttpServer::finish(SimReply &reply, const SimRequest &request) const
{
    // Scripted damage to an answer that was made (and whose change, if any, is done).
    switch (FaultStep::Kind(request.damage)) {
    case FaultStep::Kind::Truncated: reply.body.truncate(reply.body.size() / 2); break;
    case FaultStep::Kind::Malformed: reply.body = R"({"code":0,"msg":"Success.","data":[{"id":)"; break;
    case FaultStep::Kind::WrongContentType:
        reply.status = 200;
        reply.contentType = "text/html";
        reply.body =
            "<html><body><h1>502 Bad Gateway</h1><p>The proxy could not reach the server.</p></body></html>";
        break;
    case FaultStep::Kind::DropMidBody: reply.dropMidBody = true; break;
    default: break;
    }
    // Object storage answers ranges of what it marks `Accept-Ranges: bytes` (originals, for resumed
    // downloads); an `If-Range` that names another version gets the whole answer.
    const QByteArray range = request.header("Range");
    if (request.method == "GET" && reply.status == 200 && !range.isEmpty() &&
        reply.headerValue("Accept-Ranges") == "bytes" &&
        (request.header("If-Range").isEmpty() || request.header("If-Range") == reply.headerValue("ETag"))) {
        const qint64 size = reply.filePath.isEmpty() ? reply.body.size() : QFileInfo(reply.filePath).size();
        bool unsatisfiable = false;
        if (const auto bytes = byteRange(range, size, &unsatisfiable)) {
            reply.status = 206;
            reply.setHeader("Content-Range", "bytes " + QByteArray::number(bytes->first) + '-' +
                                                 QByteArray::number(bytes->second) + '/' +
                                                 QByteArray::number(size));
            if (reply.filePath.isEmpty()) {
                reply.body = reply.body.mid(bytes->first, bytes->second - bytes->first + 1);
            } else {
                reply.fileOffset = bytes->first;
                reply.fileLength = bytes->second - bytes->first + 1;
            }
        } else if (unsatisfiable) {
            reply = SimReply();
            reply.status = 416;
            reply.contentType = "text/plain";
            reply.setHeader("Content-Range", "bytes */" + QByteArray::number(size));
        }
    }
    reply.delayMs = qMax(reply.delayMs, request.delayMs);
    reply.pieceDelayMs = request.trickleMs;
    reply.setHeader("Date", httpDate(m_clock.nowMs()));
    reply.setHeader("X-Traceid", request.traceId.toLatin1());
    if (reply.contentType == "application/json")
        reply.setHeader("Cache-Control", "no-store");
}

void SimHttpServer::countObjectBytes(const SimReply &reply, const SimRequest &request)
{
    if (!request.path.startsWith(QLatin1String("/obs/")))
        return;
    qint64 bytes = reply.body.size();
    if (!reply.filePath.isEmpty())
        bytes =
            reply.fileLength >= 0 ? reply.fileLength : QFileInfo(reply.filePath).size() - reply.fileOffset;
    m_objectBytesServed += reply.dropMidBody ? bytes / 2 : bytes;
}

void SimHttpServer::send(SimReply reply, const std::shared_ptr<QHttpServerResponder> &responder,
                         QTcpSocket *socket)
{
    QPointer<QTcpSocket> alive(socket);
    const int delayMs = qMax(m_faults.latencyMs, reply.delayMs);
    auto write = [reply = std::move(reply), responder, alive]() mutable {
        if (!alive)
            return; // the client went away
        if (!reply.filePath.isEmpty()) {
            auto file = std::make_unique<QFile>(reply.filePath);
            if (file->open(QIODevice::ReadOnly) && file->seek(reply.fileOffset)) {
                const qint64 length =
                    reply.fileLength < 0 ? file->size() - reply.fileOffset : reply.fileLength;
                QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) +
                                  (reply.status == 206 ? " Partial Content" : " OK") +
                                  "\r\nContent-Type: " + reply.contentType +
                                  "\r\nContent-Length: " + QByteArray::number(length) + "\r\n";
                for (const auto &[name, value] : std::as_const(reply.headers))
                    head += name + ": " + value + "\r\n";
                if (reply.dropMidBody) {
                    // Scripted: half of it, and the connection closed.
                    alive->write(head + "\r\n" + file->read(length / 2));
                    alive->flush();
                    alive->abort();
                    return;
                }
                new FileStreamer(alive.data(), std::move(file), head + "\r\n", length, reply.pieceDelayMs);
                return;
            }
            reply = SimReply::json(
                SimError::internal(QStringLiteral("the stored file cannot be read")).toJson(), 500);
        }
        if (reply.dropMidBody) {
            // The status line, the headers announcing the whole body, half of it, and the end.
            QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) +
                              " OK\r\nContent-Type: " + reply.contentType +
                              "\r\nContent-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
            for (const auto &[name, value] : std::as_const(reply.headers))
                head += name + ": " + value + "\r\n";
            alive->write(head + "\r\n" + reply.body.left(reply.body.size() / 2));
            alive->flush();
            alive->abort();
            return;
        }
        QHttpServerResponse response(reply.contentType, reply.body,
                                     QHttpServerResponder::StatusCode(reply.status));
        for (const auto &[name, value] : std::as_const(reply.headers))
            response.addHeader(name, value);
        response.write(std::move(*responder));
    };
    if (delayMs > 0)
        QTimer::singleShot(delayMs, this, std::move(write));
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
        countObjectBytes(*ready, request);
        ++m_answersByStatus[ready->status];
        qCDebug(lcSimHttp).noquote() << request.method << request.path << ready->status
                                     << timer.nsecsElapsed() / 1000 << "us" << request.traceId;
        send(std::move(*ready), responder, socket);
    } else {
        QPointer<QTcpSocket> alive(socket);
        // A handler's future is a continuation on this thread (sim::runThen), not done before this turn
        // ends: attaching here cannot meet the Qt 6.4 double run that SimFutures.h tells of.
        std::get<QFuture<SimReply>>(result).then(this, [this, request, responder, alive](SimReply reply) {
            finish(reply, request);
            countObjectBytes(reply, request);
            ++m_answersByStatus[reply.status];
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
