// One files-list call (the camera folder's first 100 files) through KooDriveClient against the same call
// through curl on a kept-alive connection, both against a koodrive-sim process on loopback.
// Usage: bench_client_files_list [CALLS=200]
#include "api/KooDriveClient.h"
#include "api/ResponseParsers.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace koodrive::api;

namespace {
template<typename T, typename Start>
Result<T> wait(Start start)
{
    std::optional<Result<T>> result;
    QEventLoop loop;
    start(&loop, [&](const Result<T> &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    return *result;
}

double median(QVector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int calls = argc > 1 ? std::atoi(argv[1]) : 200;
    QTemporaryDir dir;
    QProcess sim;
    sim.start(QCoreApplication::applicationDirPath() + QStringLiteral("/koodrive-sim"),
              {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--demo"), QStringLiteral("10000")});
    QByteArray out;
    while (out.count('\n') < 3 && sim.waitForReadyRead(30000))
        out += sim.readAllStandardOutput();
    const QList<QByteArray> lines = out.split('\n');
    const QUrl url(QString::fromLatin1(lines.value(0).mid(4)));
    const QString user = QString::fromLatin1(lines.value(1).mid(5));
    const QString token = QString::fromLatin1(lines.value(2).mid(6));

    QNetworkAccessManager network;
    KooDriveClient client(&network);
    client.setConnection({url, user, token, true});
    const auto space = wait<SpaceInfo>([&](QObject *c, auto d) { return client.spaceInfo(c, d); });
    KooDriveClient::FileListQuery query;
    query.containerId = space.value().containerId;
    const auto root = wait<FilePage>([&](QObject *c, auto d) { return client.listFiles(query, c, d); });
    query.parentFileId = root.value().files.at(0).id; // Camera
    query.sortType = 3;
    query.sortDirection = 2;
    query.imageProcess = QStringLiteral("image/resize,m_lfit,h_256,w_256");

    QVector<double> clientMs;
    for (int i = 0; i < calls + 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        const auto page = wait<FilePage>([&](QObject *c, auto d) { return client.listFiles(query, c, d); });
        if (!page.ok() || page.value().files.size() != 100) {
            std::fprintf(stderr, "client call failed\n");
            return 1;
        }
        if (i >= 5) // after warming up
            clientMs << timer.nsecsElapsed() / 1e6;
    }

    // The same request, as the client sent it, through curl on one connection.
    const QByteArray body = QJsonDocument(QJsonObject{
        {QStringLiteral("containerId"), query.containerId}, {QStringLiteral("parentFileId"), query.parentFileId},
        {QStringLiteral("pageInfo"), QJsonObject{{QStringLiteral("pageSize"), 100}, {QStringLiteral("pageCursor"), QString()}}},
        {QStringLiteral("sortInfo"), QJsonObject{{QStringLiteral("sortType"), 3}, {QStringLiteral("sortDirection"), 2}}},
        {QStringLiteral("imageProcess"), query.imageProcess}}).toJson(QJsonDocument::Compact);
    QByteArray config;
    for (int i = 0; i < calls + 5; ++i) {
        if (i)
            config += "next\n";
        config += "url = \"" + url.toString().toLatin1() + "/koodrive/ose/v1/files/0\"\n"
                  + "header = \"Authorization: Bearer " + token.toLatin1() + "\"\n"
                  + "header = \"X-User-Id: " + user.toLatin1() + "\"\n"
                  + "header = \"X-Date: " + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1() + "\"\n"
                  + "header = \"Content-Type: application/json\"\n"
                  + "data = \"" + QByteArray(body).replace('"', "\\\"") + "\"\n"
                  + "output = \"/dev/null\"\nwrite-out = \"%{time_total}\\n\"\nsilent\n";
    }
    QProcess curl;
    curl.start(QStringLiteral("curl"), {QStringLiteral("--config"), QStringLiteral("-")});
    curl.write(config);
    curl.closeWriteChannel();
    curl.waitForFinished(120000);
    QVector<double> curlMs;
    const QList<QByteArray> times = curl.readAllStandardOutput().split('\n');
    for (int i = 5; i < times.size(); ++i)
        if (!times.at(i).isEmpty())
            curlMs << times.at(i).toDouble() * 1000;
    // Of the client's time, how much is parsing: the same page's body, parsed alone.
    QNetworkRequest raw(QUrl(url.toString() + QStringLiteral("/koodrive/ose/v1/files/0")));
    raw.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    raw.setRawHeader("X-User-Id", user.toLatin1());
    raw.setRawHeader("X-Date", QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1());
    raw.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network.post(raw, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray page = reply->readAll();
    QElapsedTimer parseTimer;
    parseTimer.start();
    for (int i = 0; i < calls; ++i)
        static_cast<void>(ResponseParsers::filePage(ResponseParsers::envelope(200, page, {}).value()));
    const double parseMs = parseTimer.nsecsElapsed() / 1e6 / calls;
    sim.terminate();
    sim.waitForFinished();
    if (curlMs.size() != calls) {
        std::fprintf(stderr, "curl made %lld calls, not %d\n", qlonglong(curlMs.size()), calls);
        return 1;
    }
    const double clientMean = std::accumulate(clientMs.cbegin(), clientMs.cend(), 0.0) / clientMs.size();
    const double curlMean = std::accumulate(curlMs.cbegin(), curlMs.cend(), 0.0) / curlMs.size();
    std::printf("files list, 100 files a page, %d calls each on loopback (koodrive-sim, 10 000-file library)\n", calls);
    std::printf("through KooDriveClient (request, transfer, parse into DriveFile): mean %.2f ms, median %.2f ms\n",
                clientMean, median(clientMs));
    std::printf("through curl (request and transfer only):                      mean %.2f ms, median %.2f ms\n",
                curlMean, median(curlMs));
    std::printf("of which parsing %lld bytes into 100 DriveFile values:         %.2f ms\n", qlonglong(page.size()), parseMs);
    std::printf("ratio client / curl: %.2f\n", clientMean / curlMean);
    return 0;
}
