// Save to… of an album of 500 photos, from the command to all on disk, against curl fetching the same
// originals' URLs (one curl, --parallel with as many transfers at a time as the app runs), from a
// koodrive-sim process on loopback. The client's side is what File ▸ Save to… does for an album shown:
// transfers::SavePlanner lists the album page by page and queues every photo in the durable queue, and the
// DownloadRunner asks for links 100 at a time and streams each original to its part file, names it and
// sets its time. curl is given the URLs before its clock starts (the client asks for them on its own
// clock). The photos are uploaded first (stored bytes, served from disk to both). Both sides' files are
// compared byte for byte. Usage: bench_album_save [ROUNDS=3] [FILES=500] [KILOBYTES=1000]
#include "ProcessMemory.h"
#include "SimProcess.h"
#include "TestPhotos.h"
#include "Waiting.h"
#include "api/KooDriveClient.h"
#include "transfers/DownloadRunner.h"
#include "transfers/SavePlanner.h"
#include "transfers/UploadPlanner.h"
#include "transfers/UploadQueue.h"
#include "transfers/UploadRunner.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>

using namespace koodrive;
using koodrive::test::median;
using koodrive::test::ProcessMemory;
using koodrive::test::wait;
using transfers::QueuedUpload;

namespace {
QMap<QByteArray, int> hashesIn(const QString &folder)
{
    QMap<QByteArray, int> hashes;
    for (const QFileInfo &info : QDir(folder).entryInfoList(QDir::Files)) {
        QFile file(info.filePath());
        if (file.open(QIODevice::ReadOnly))
            hashes[QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)] += 1;
    }
    return hashes;
}

bool allEnded(transfers::UploadQueue &queue, int count, QueuedUpload::Direction direction)
{
    int ended = 0;
    for (const QueuedUpload &entry : queue.all())
        ended += entry.direction == direction && entry.hasEnded();
    return ended >= count;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const int files = argc > 2 ? std::max(2, std::atoi(argv[2])) : 500;
    const qint64 size = (argc > 3 ? std::max(1, std::atoi(argv[3])) : 1000) * qint64(1000);
    constexpr int AtATime = 3; // DownloadRunner's concurrency
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

    // The album: `files` photos uploaded into a folder and added to it.
    const auto album = wait<QString>([&](QObject *c, auto d) {
        return client.createAlbum({api::AlbumType::Manual, api::AlbumKind::Personal, QStringLiteral("Trip")},
                                  c, d);
    });
    if (!album.ok()) {
        std::fprintf(stderr, "cannot make the album\n");
        return 1;
    }
    const QString local = dir.filePath(QStringLiteral("photos"));
    QDir().mkpath(local);
    for (int i = 0; i < files; ++i)
        if (!test::writeRandomFile(
                QDir(local).filePath(QStringLiteral("IMG_%1.jpg").arg(i, 4, 10, QLatin1Char('0'))), size,
                quint32(i + 1))) {
            std::fprintf(stderr, "cannot write the photos\n");
            return 1;
        }
    auto queue = transfers::UploadQueue::open(dir.filePath(QStringLiteral("queue.sqlite")));
    {
        transfers::UploadRunner uploads(&client, queue.get());
        uploads.start();
        transfers::UploadPlanner planner(&client, queue.get());
        planner.start({local},
                      transfers::UploadTarget{QString(), QStringLiteral("root"), {}, album.value(), true});
        if (!test::spinUntil([&] { return allEnded(*queue, files, QueuedUpload::Direction::Upload); },
                             900000)) {
            std::fprintf(stderr, "the photos were not all uploaded\n");
            return 1;
        }
    }
    const QMap<QByteArray, int> expected = hashesIn(QDir(local).filePath(QString()));

    QVector<double> clientMs, curlMs;
    qint64 peakGrowth = 0;
    for (int round = 0; round < rounds; ++round) {
        // The client: Save to… of the album.
        const QString appDir = dir.filePath(QStringLiteral("app-%1").arg(round));
        QDir().mkpath(appDir);
        transfers::DownloadRunner downloads(&client, &network, queue.get());
        downloads.setConcurrency(qEnvironmentVariableIntValue("CLIENT_AT_A_TIME") > 0 ? qEnvironmentVariableIntValue("CLIENT_AT_A_TIME") : AtATime);
        downloads.start();
        transfers::SavePlanner planner(&client, queue.get());
        QString savedInto;
        QObject::connect(
            &planner, &transfers::SavePlanner::finished, &planner,
            [&savedInto](const transfers::SavePlanner::Outcome &o) { savedInto = o.localFolder; });
        const int before = int(queue->all().size());
        ProcessMemory::resetPeak();
        const qint64 residentBefore = ProcessMemory::residentBytes();
        QElapsedTimer timer;
        timer.start();
        planner.saveAlbum(album.value(), QStringLiteral("Trip"), appDir);
        // Waited for on the runner's word (idle once the plan is queued), not by reading the queue over and
        // over.
        QEventLoop loop;
        bool planned = false;
        QObject::connect(&planner, &transfers::SavePlanner::finished, &loop, [&] { planned = true; });
        QObject::connect(&downloads, &transfers::DownloadRunner::idle, &loop, [&] {
            if (planned)
                loop.quit();
        });
        QTimer::singleShot(900000, &loop, &QEventLoop::quit);
        loop.exec();
        const QList<QueuedUpload> all = queue->all();
        const bool saved =
            all.size() == before + files &&
            std::all_of(all.begin(), all.end(), [](const QueuedUpload &e) { return e.hasEnded(); });
        clientMs << double(timer.elapsed());
        peakGrowth = std::max(peakGrowth, ProcessMemory::peakResidentBytes() - residentBefore);
        if (!saved || hashesIn(savedInto) != expected) {
            std::fprintf(stderr, "the client's save is not the album's photos (%d files in %s)\n",
                         int(QDir(savedInto).entryList(QDir::Files).size()), qPrintable(savedInto));
            return 1;
        }

        // curl: the same originals' URLs (asked for before its clock), AtATime transfers at a time.
        QStringList ids;
        QString containerId;
        for (QString cursor;;) {
            const auto page = wait<api::AlbumContentsPage>([&](QObject *c, auto d) {
                return client.listAlbumContents({album.value(), 100, cursor}, c, d);
            });
            if (!page.ok()) {
                std::fprintf(stderr, "album contents: %s\n", qPrintable(page.error().details()));
                return 1;
            }
            for (const api::DriveFile &file : page.value().items) {
                ids << file.id;
                containerId = file.containerId;
            }
            cursor = page.value().nextCursor;
            if (cursor.isEmpty())
                break;
        }
        const QString curlDir = dir.filePath(QStringLiteral("curl-%1").arg(round));
        QDir().mkpath(curlDir);
        QByteArray config;
        for (int first = 0; first < ids.size(); first += 100) {
            const auto links = wait<QVector<api::DownloadLink>>([&](QObject *c, auto d) {
                return client.downloadLinks(containerId, ids.mid(first, 100), c, d);
            });
            if (!links.ok()) {
                std::fprintf(stderr, "download links: %s\n", qPrintable(links.error().details()));
                return 1;
            }
            for (const api::DownloadLink &link : links.value())
                config += "url = \"" + link.url + "\"\noutput = \"" +
                          QDir(curlDir).filePath(link.fileId).toUtf8() + "\"\n";
        }
        QFile configFile(dir.filePath(QStringLiteral("curl-%1.conf").arg(round)));
        if (!configFile.open(QIODevice::WriteOnly) || configFile.write(config) != config.size())
            return 1;
        configFile.close();
        QProcess curl;
        QElapsedTimer curlTimer;
        curlTimer.start();
        curl.start(QStringLiteral("curl"),
                   {QStringLiteral("-sS"), QStringLiteral("--fail"), QStringLiteral("--parallel"),
                    QStringLiteral("--parallel-max"), QString::number(AtATime), QStringLiteral("-K"),
                    configFile.fileName()});
        curl.waitForFinished(900000);
        curlMs << double(curlTimer.elapsed());
        if (curl.exitCode() != 0 || hashesIn(curlDir) != expected) {
            std::fprintf(stderr, "curl's fetch failed: %s\n", curl.readAllStandardError().constData());
            return 1;
        }
        std::printf("round %d: %d photos of %lld bytes; client %.0f ms, curl %.0f ms\n", round + 1, files,
                    size, clientMs.constLast(), curlMs.constLast());
        std::fflush(stdout);
    }
    const double clientTime = median(clientMs), curlTime = median(curlMs);
    const double mb = files * size / 1e6;
    std::printf("client (Save to… of the album → all on disk): %.0f ms, %.0f MB/s\n", clientTime,
                mb / (clientTime / 1000));
    std::printf("curl --parallel-max %d, the same URLs given:   %.0f ms, %.0f MB/s\n", AtATime, curlTime,
                mb / (curlTime / 1000));
    std::printf("ratio client / curl (time): %.2f (goal <= 1.3)\n", clientTime / curlTime);
    std::printf("client's peak memory growth: %.1f MiB\n", double(peakGrowth) / (1024.0 * 1024.0));
    sim.kill();
    sim.waitForFinished();
    return 0;
}
