// koodrive-sim's request handling under libFuzzer: any request a client could send (method, path, query,
// headers, body) goes through the router, the header guard and each route's validation, and must come back
// as an answer: a success, or an error with the documented body. Never a crash, a hang, undefined
// behaviour, or an error that is not documented.
//
// Input: "METHOD PATH[?QUERY]\n" then "Name: value" lines, an empty line, and the body. When the first
// byte of the input is even, the request also carries a valid session (token, user id and a fresh X-Date),
// so that the fuzzer reaches each route's own validation and not only the guard.
#include "SimHttpServer.h"
#include "SimServer.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace koodrive::sim;

namespace {
QGuiApplication *app = nullptr;
QTemporaryDir *dataDir = nullptr;
SimServer *server = nullptr;
} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen"); // the sim draws its demo photos with QPainter
    app = new QGuiApplication(*argc, *argv);
    dataDir = new QTemporaryDir;
    SimOptions options;
    options.dataDir = dataDir->path();
    options.demoFiles = 60;
    server = new SimServer(options);
    QString error;
    if (!server->start(&error)) {
        std::fprintf(stderr, "koodrive-sim did not start: %s\n", qPrintable(error));
        std::abort();
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const bool withSession = data[0] % 2 == 0;
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const qsizetype headEnd = input.indexOf("\n\n");
    const QByteArray head = headEnd < 0 ? input : input.left(headEnd);
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray requestLine = lines.value(0);
    const qsizetype space = requestLine.indexOf(' ');

    SimRequest request;
    request.method = space < 0 ? requestLine : requestLine.left(space);
    const QByteArray target = space < 0 ? QByteArray("/") : requestLine.mid(space + 1);
    const qsizetype question = target.indexOf('?');
    request.path = QString::fromUtf8(question < 0 ? target : target.left(question));
    if (question >= 0)
        request.query = QUrlQuery(QString::fromUtf8(target.mid(question + 1)));
    if (withSession)
        request.headers = {
            {"Authorization", "Bearer " + server->accessToken().toUtf8()},
            {"X-User-Id", server->userId().toUtf8()},
            {"X-Date",
             QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1()}};
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
    }
    request.body = headEnd < 0 ? QByteArray() : input.mid(headEnd + 2);
    request.traceId = QStringLiteral("fuzz");

    // Object storage (/obs/...) answers on its own listener.
    SimHttpServer &listener = request.path.startsWith(QLatin1String("/obs/")) ? server->objects() : server->http();
    SimHttpServer::Result result = listener.dispatch(request);
    SimReply reply;
    if (auto *ready = std::get_if<SimReply>(&result)) {
        reply = *ready;
    } else {
        // (continuations run on the server's thread: let its events through while waiting)
        auto future = std::get<QFuture<SimReply>>(result);
        while (!future.isFinished())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        reply = future.result();
    }
    // The contract: a status the pages use, and an error body of the documented shape.
    if (reply.status < 200 || reply.status > 599)
        std::abort();
    if (reply.status >= 400) {
        const QJsonObject body = QJsonDocument::fromJson(reply.body).object();
        if (!body.value(QStringLiteral("error")).isObject() || reply.status == 500) {
            std::fprintf(stderr, "undocumented error %d: %s\n", reply.status,
                         reply.body.left(300).constData());
            std::abort();
        }
    }
    return 0;
}
