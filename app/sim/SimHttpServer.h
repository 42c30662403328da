#pragma once

#include "SimHttp.h"

#include <QAbstractHttpServer>
#include <QFuture>
#include <QHash>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <functional>
#include <memory>
#include <variant>

class QHttpServerResponder;

namespace koodrive::sim {

class RequestGuard;
class SimClock;

// Where every route of the vendor's pages lives: "API Reference (Carrier)", paths under /koodrive/ose/v1
// (../shared/koodrive-api/README.md).
inline const QString ApiRoot = QStringLiteral("/koodrive/ose/v1");

// The HTTP front of koodrive-sim: routes by method and path, applies the header guard, turns SimErrors into
// the documented error body, stamps Date and X-Traceid on every answer, and injects the configured faults.
// Handlers run on the server's thread; one that returns a QFuture has its answer written when it is ready.
class SimHttpServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimHttpServer)

public:
    enum class Access
    {
        Session,  // the common headers and a live token of X-User-Id
        DateOnly, // the common headers but no token (sign-in, refresh)
        Open,     // nothing (signed object URLs carry their own proof)
    };
    using Result = std::variant<SimReply, QFuture<SimReply>>;
    using Handler = std::function<Result(SimRequest &)>;

    SimHttpServer(const RequestGuard &guard, const SimClock &clock, QObject *parent = nullptr);
    ~SimHttpServer() override;

    // pattern: a path with {name} for each captured segment, e.g. "/koodrive/ose/v1/album/{albumId}/add", or
    // {name:regex} for a segment that must match regex (no braces or capturing groups in it). Routes are
    // tried in the order they were added. routes() shows each placeholder as {name}.
    void route(const QByteArray &method, const QString &pattern, Access access, Handler handler);
    // Every route as registered (method, pattern with {placeholders}, access): what the tests walk to prove
    // that each one checks the token, and handles hostile ids.
    struct RouteInfo
    {
        QByteArray method;
        QString pattern;
        Access access;
    };
    QList<RouteInfo> routes() const;
    // How many requests reached the route's handler (signed in, past the faults): what the tests count to
    // prove an edit was sent exactly once. `pattern` as registered, e.g. "/koodrive/ose/v1/{albumId}/update".
    int callsTo(const QByteArray &method, const QString &pattern) const
    {
        return m_routeCalls.value(QString::fromLatin1(method) + QLatin1Char(' ') + pattern);
    }

    struct Faults
    {
        int latencyMs = 0;
        double failRate = 0.0;    // share of API calls answered 503
        QSet<qint64> failCalls{}; // these API calls (1 = the first since the faults were set) answer 503
        QString pathPrefix{}; // when set, only calls under it count and fail (e.g. "/koodrive/ose/v1/files")
    };
    void setFaults(const Faults &faults)
    {
        m_faults = faults;
        m_apiCalls = 0;
    }

    // Scripted faults: each API call (under the step's path prefix) takes the first step that has calls
    // left; routes open to all (object storage's signed URLs) only take steps that name a path prefix. Status
    // and RetryAfter answer instead of the handler, which does not run (nothing changes). The other kinds let
    // the handler run (a mutation is done) and then spoil its answer on the way out, as a failing proxy or
    // network would.
    struct FaultStep
    {
        enum class Kind
        {
            None,
            Status,           // an error status with the documented body (5xx bursts, 401, ...)
            RetryAfter,       // 429 with Retry-After: seconds
            DropMidBody,      // the headers and half the body, then the connection is closed
            Truncated,        // a complete response whose JSON body is cut in half
            Malformed,        // 200 with a body that is not valid JSON
            WrongContentType, // 200 text/html, as from a captive portal or a proxy's error page
            Slow,             // the right answer, after delayMs
            Trickle,          // a stored file's body in pieces of 256 KiB, delayMs apart (a slow line)
        };
        Kind kind = Kind::Status;
        int status = 503;
        int seconds = 1;
        int delayMs = 0;
        int times = 1;
        QString pathPrefix{};
    };
    void scriptFaults(QList<FaultStep> steps)
    {
        m_script = std::move(steps);
        m_scriptServed = 0;
    }
    int scriptedFaultsLeft() const;
    int scriptedFaultsServed() const { return m_scriptServed; }
    // "503x3,429:2,drop,truncate,malformed,html,slow:3000@/koodrive/ose/v1/files": comma-separated steps,
    // each KIND[:value][xTIMES][@PATH_PREFIX] (--fault-script of koodrive-sim). Empty on an error.
    static QList<FaultStep> parseFaultScript(const QString &text, QString *error);
    qint64 requestsServed() const { return m_requestsServed; }
    // Answers given with this HTTP status (e.g. how many 401s a client met), faults and errors included.
    int answersWith(int status) const { return m_answersByStatus.value(status); }
    // Requests for objects (/obs/...: originals and thumbnails), in all and per object and image process
    // ("/obs/<id>|<x-image-process>"): how tests see that a client fetched each thumbnail once.
    qint64 objectRequestsServed() const { return m_objectRequestsServed; }
    const QHash<QString, int> &objectRequests() const { return m_objectRequests; }
    // Body bytes of objects answered (what was meant to be sent: a dropped answer counts its half).
    qint64 objectBytesServed() const { return m_objectBytesServed; }

    // Runs the router on a request without a socket (used by tests of the dispatch itself).
    Result dispatch(SimRequest &request);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Route
    {
        QByteArray method;
        QString patternText;
        QRegularExpression pattern;
        Access access;
        Handler handler;
    };
    void finish(SimReply &reply, const SimRequest &request) const;
    void countObjectBytes(const SimReply &reply, const SimRequest &request);
    void applyScript(SimRequest &request, bool openRoute);
    void send(SimReply reply, const std::shared_ptr<QHttpServerResponder> &responder, QTcpSocket *socket);

    const RequestGuard &m_guard;
    const SimClock &m_clock;
    QVector<Route> m_routes;
    Faults m_faults;
    QList<FaultStep> m_script;
    int m_scriptServed = 0;
    QRandomGenerator m_faultRandom{20261122};
    qint64 m_requestsServed = 0;
    QHash<int, int> m_answersByStatus;
    qint64 m_apiCalls = 0;
    qint64 m_objectRequestsServed = 0;
    qint64 m_objectBytesServed = 0;
    QHash<QString, int> m_objectRequests;
    QHash<QString, int> m_routeCalls; // "METHOD pattern" -> requests that reached its handler
};

QString newTraceId();

} // namespace koodrive::sim
