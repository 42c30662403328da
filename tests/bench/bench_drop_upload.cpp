// A drop of 100 photos of 5 MB, from the drop to all done, against curl doing the same three calls per file
// (createFile, the part's PUT, complete) to the same server, a koodrive-sim process on loopback, two files at
// a time as the app does; and the client's peak memory growth meanwhile. The client's side is what a drop
// on the window does: transfers::UploadPlanner walks the dropped folder and makes it in the drive, the files
// go into the durable UploadQueue, and the UploadRunner hashes and sends them. curl is given the SHA-256 of
// its files before its clock starts (the client hashes on its own clock). The two upload other bytes (the
// same ones would be a rapid upload). Usage: bench_drop_upload [ROUNDS=3] [FILES=100] [KILOBYTES=5000]
#include "ProcessMemory.h"
#include "SimProcess.h"
#include "TestPhotos.h"
#include "Waiting.h"
#include "api/KooDriveClient.h"
#include "transfers/FileHasher.h"
#include "transfers/UploadPlanner.h"
#include "transfers/UploadQueue.h"
#include "transfers/UploadRunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <atomic>
#include <cstdio>
#include <thread>

using namespace koodrive;
using koodrive::test::median;
using koodrive::test::ProcessMemory;
using koodrive::test::wait;
using koodrive::test::writeRandomFile;
using transfers::QueuedUpload;

namespace {

// One curl call with the pages' common headers; its answer's body, or empty on a failure.
QByteArray curlCall(const test::SimAccount &server, const QString &path, const QJsonObject &body)
{
    QProcess curl;
    const QString date =
        QDateTime::currentDateTimeUtc().addSecs(-1).toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    curl.start(QStringLiteral("curl"),
               {QStringLiteral("-sS"), QStringLiteral("--fail"), QStringLiteral("-X"), QStringLiteral("POST"),
                server.url.toString() + path, QStringLiteral("-H"),
                QStringLiteral("Authorization: Bearer ") + server.token, QStringLiteral("-H"),
                QStringLiteral("X-User-Id: ") + server.userId, QStringLiteral("-H"),
                QStringLiteral("X-Date: ") + date, QStringLiteral("-H"),
                QStringLiteral("X-Traceid: ") + api::KooDriveClient::newTraceId(), QStringLiteral("-H"),
                QStringLiteral("language: en_us"), QStringLiteral("-H"),
                QStringLiteral("Content-Type: application/json"), QStringLiteral("--data-binary"),
                QStringLiteral("@-")});
    curl.write(QJsonDocument(body).toJson(QJsonDocument::Compact));
    curl.closeWriteChannel();
    curl.waitForFinished(60000);
    return curl.exitCode() == 0 ? curl.readAllStandardOutput() : QByteArray();
}

// createFile, curl -T of the one part to its URL, complete: what the client does for one file.
bool curlUpload(const test::SimAccount &server, const QString &folderId, const QString &path,
                const QByteArray &sha256)
{
    const qint64 size = QFileInfo(path).size();
    const QJsonObject created =
        QJsonDocument::fromJson(curlCall(server, QStringLiteral("/koodrive/ose/v1/files/create"),
                                         {{QStringLiteral("fileName"), QFileInfo(path).fileName()},
                                          {QStringLiteral("fileType"), QStringLiteral("15")},
                                          {QStringLiteral("parentFolder"), QJsonArray{folderId}},
                                          {QStringLiteral("length"), size},
                                          {QStringLiteral("uploadMode"), QStringLiteral("multipart")},
                                          {QStringLiteral("uploadType"), 1},
                                          {QStringLiteral("autoRename"), 4},
                                          {QStringLiteral("sha256"), QString::fromLatin1(sha256)},
                                          {QStringLiteral("multiParts"),
                                           QJsonArray{QJsonObject{{QStringLiteral("partNumber"), 1},
                                                                  {QStringLiteral("partSize"), size}}}}}))
            .object();
    const QString fileId = created.value(QStringLiteral("fileId")).toString();
    const QString url = created.value(QStringLiteral("multiParts"))
                            .toArray()
                            .at(0)
                            .toObject()
                            .value(QStringLiteral("uploadUrl"))
                            .toString();
    if (fileId.isEmpty() || url.isEmpty())
        return false;
    QProcess put;
    put.start(QStringLiteral("curl"),
              {QStringLiteral("-sS"), QStringLiteral("--fail"), QStringLiteral("-o"),
               QStringLiteral("/dev/null"), QStringLiteral("-H"), QStringLiteral("Expect:"),
               QStringLiteral("-T"), path, url}); // no 1 s wait for "100 Continue"
    put.waitForFinished(60000);
    if (put.exitCode() != 0)
        return false;
    return !curlCall(
                server, QStringLiteral("/koodrive/ose/v1/files/complete"),
                {{QStringLiteral("fileId"), fileId}, {QStringLiteral("sha256"), QString::fromLatin1(sha256)}})
                .isNull();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const int files = argc > 2 ? std::max(2, std::atoi(argv[2])) : 100;
    const qint64 size = (argc > 3 ? std::max(1, std::atoi(argv[3])) : 5000) * qint64(1000);
    if (size > api::KooDriveClient::MinPartSize) {
        std::fprintf(stderr, "at most %lld bytes a file: curl sends one part\n",
                     api::KooDriveClient::MinPartSize);
        return 2;
    }
    QTemporaryDir dir;
    QProcess sim;
    const auto started = test::startSimProcess(sim, dir.filePath(QStringLiteral("sim")), 20);
    if (!started) {
        std::fprintf(stderr, "koodrive-sim did not start\n");
        return 1;
    }
    const test::SimAccount &server = *started;
    QNetworkAccessManager network;
    api::KooDriveClient client(&network);
    client.setConnection({server.url, server.userId, server.token, true});
    auto newFolder = [&](const QString &name) {
        const auto made = wait<api::CreatedFolder>([&](QObject *c, auto d) {
            return client.createFolder({name, QStringLiteral("root")}, c, d);
        });
        return made.ok() ? made.value().id : QString();
    };

    QVector<double> clientMs, curlMs;
    qint64 peakGrowth = 0;
    for (int round = 0; round < rounds; ++round) {
        // Fresh bytes each round and for each side.
        const QString appDir = dir.filePath(QStringLiteral("drop-%1").arg(round));
        const QString curlDir = dir.filePath(QStringLiteral("curl-%1").arg(round));
        QDir().mkpath(appDir);
        QDir().mkpath(curlDir);
        const quint32 seed = quint32(QDateTime::currentMSecsSinceEpoch()) + quint32(round) * 100000u;
        QStringList curlFiles;
        QList<QByteArray> curlHashes;
        for (int i = 0; i < files; ++i) {
            const QString name = QStringLiteral("IMG_%1.jpg").arg(i, 4, 10, QLatin1Char('0'));
            if (!writeRandomFile(QDir(appDir).filePath(name), size, seed + quint32(i)) ||
                !writeRandomFile(QDir(curlDir).filePath(name), size, seed + 50000u + quint32(i))) {
                std::fprintf(stderr, "cannot write the files\n");
                return 1;
            }
            curlFiles << QDir(curlDir).filePath(name);
            curlHashes << transfers::FileHasher::sha256Now(curlFiles.last()).sha256Hex;
        }
        const QString appTarget = newFolder(QStringLiteral("app-%1").arg(round));
        const QString curlTarget = newFolder(QStringLiteral("curl-%1").arg(round));
        if (appTarget.isEmpty() || curlTarget.isEmpty()) {
            std::fprintf(stderr, "cannot make the folders\n");
            return 1;
        }

        // The client: the drop of the folder, walked, made in the drive, queued, hashed and sent.
        auto queue = transfers::UploadQueue::open(dir.filePath(QStringLiteral("queue-%1.sqlite").arg(round)));
        transfers::UploadRunner runner(&client, queue.get());
        runner.start();
        transfers::UploadPlanner planner(&client, queue.get());
        bool planned = false;
        QObject::connect(
            &planner, &transfers::UploadPlanner::finished, &planner,
            [&planned](const transfers::UploadPlanner::Outcome &o) { planned = !o.error && o.queued > 0; });
        ProcessMemory::resetPeak();
        const qint64 residentBefore = ProcessMemory::residentBytes();
        QElapsedTimer timer;
        timer.start();
        planner.start({appDir}, transfers::UploadTarget{QString(), appTarget});
        const bool allDone = test::spinUntil(
            [&] {
                if (!planned)
                    return false;
                const QList<QueuedUpload> all = queue->all();
                return all.size() == files && std::all_of(all.begin(), all.end(),
                                                          [](const QueuedUpload &u) { return u.hasEnded(); });
            },
            600000);
        clientMs << double(timer.elapsed());
        peakGrowth = std::max(peakGrowth, ProcessMemory::peakResidentBytes() - residentBefore);
        int done = 0;
        for (const QueuedUpload &upload : queue->all())
            done += upload.state == QueuedUpload::State::Done;
        if (!allDone || done != files) {
            std::fprintf(stderr, "the client's uploads did not all end done (%d of %d)\n", done, files);
            return 1;
        }

        // curl: two workers, each file's three calls in turn.
        QElapsedTimer curlTimer;
        curlTimer.start();
        std::atomic<int> next{0};
        std::atomic<bool> failed{false};
        auto worker = [&] {
            for (int i = next++; i < files && !failed; i = next++)
                if (!curlUpload(server, curlTarget, curlFiles.at(i), curlHashes.at(i)))
                    failed = true;
        };
        std::thread first(worker), second(worker);
        first.join();
        second.join();
        curlMs << double(curlTimer.elapsed());
        if (failed) {
            std::fprintf(stderr, "curl's uploads failed\n");
            return 1;
        }
        std::printf("round %d: %d files of %lld bytes; client %.0f ms, curl %.0f ms\n", round + 1, files,
                    size, clientMs.constLast(), curlMs.constLast());
        std::fflush(stdout);
    }
    const double clientTime = median(clientMs), curlTime = median(curlMs);
    const double mb = files * size / 1e6;
    std::printf("client (drop → all done, hashing included):  %.0f ms, %.0f MB/s\n", clientTime,
                mb / (clientTime / 1000));
    std::printf("curl, three calls per file, two at a time:   %.0f ms, %.0f MB/s\n", curlTime,
                mb / (curlTime / 1000));
    std::printf("ratio client / curl (time): %.2f (goal <= 1.3)\n", clientTime / curlTime);
    std::printf("client's peak memory growth: %.1f MiB\n", double(peakGrowth) / (1024.0 * 1024.0));
    sim.kill();
    sim.waitForFinished();
    return 0;
}
