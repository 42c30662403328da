// Upload throughput of one 200 MiB file through the client (transfers::FileUpload: 5 MiB parts streamed from
// disk by net::PartSender on one kept connection) against `curl -T` of the same parts to fresh part URLs of
// the same server, a koodrive-sim process on loopback; against bare QNetworkAccessManager PUTs of the same
// parts from memory (what Qt itself does: the rest is the client's own cost); and the client's peak memory
// growth. Usage: bench_upload [ROUNDS=3] [MEBIBYTES=200]
#include "ProcessMemory.h"
#include "SimProcess.h"
#include "TestPhotos.h"
#include "Waiting.h"
#include "api/KooDriveClient.h"
#include "transfers/FileHasher.h"
#include "transfers/FileUpload.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <cstdio>

using namespace koodrive;
using koodrive::test::median;
using koodrive::test::ProcessMemory;
using koodrive::test::wait;
using koodrive::test::writeRandomFile;
using transfers::FileUpload;

namespace {
constexpr qint64 MiB = 1024 * 1024;

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const qint64 size = (argc > 2 ? std::max(6, std::atoi(argv[2])) : 200) * MiB;
    QTemporaryDir dir;
    QProcess sim;
    const auto started = test::startSimProcess(sim, dir.filePath(QStringLiteral("sim")), 20);
    if (!started) {
        std::fprintf(stderr, "koodrive-sim did not start\n");
        return 1;
    }
    QNetworkAccessManager network;
    api::KooDriveClient client(&network);
    client.setConnection({started->url, started->userId, started->token, true});

    QVector<double> clientMiBs, curlMiBs, qnamMiBs, clientTotalMs;
    qint64 peakGrowth = 0;
    for (int round = 0; round < rounds; ++round) {
        // Other bytes each round: the same ones again would be a rapid upload.
        const QString path = dir.filePath(QStringLiteral("round%1.bin").arg(round));
        if (!writeRandomFile(path, size, quint32(QDateTime::currentMSecsSinceEpoch()) + round)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return 1;
        }
        // The client: everything FileUpload does (hash, create, parts, complete); the parts timed apart.
        ProcessMemory::resetPeak();
        const qint64 residentBefore = ProcessMemory::residentBytes();
        FileUpload upload(&client, {path, QStringLiteral("client-%1.bin").arg(round)});
        QElapsedTimer total, parts;
        qint64 partsMs = 0;
        QObject::connect(&upload, &FileUpload::stageChanged, &upload, [&](FileUpload::Stage stage) {
            if (stage == FileUpload::Stage::Sending)
                parts.start();
            else if (stage == FileUpload::Stage::Completing)
                partsMs = parts.elapsed();
        });
        bool done = false;
        QObject::connect(&upload, &FileUpload::finished, &upload, [&done] { done = true; });
        total.start();
        upload.start();
        test::spinUntil([&done] { return done; }, 600000);
        clientTotalMs << total.elapsed();
        peakGrowth = std::max(peakGrowth, ProcessMemory::peakResidentBytes() - residentBefore);
        if (!done || !upload.result().ok() || upload.result().value().partsSent == 0) {
            std::fprintf(stderr, "the client's upload failed: %s\n",
                         done && !upload.result().ok() ? qPrintable(upload.result().error().details())
                                                       : "no end");
            return 1;
        }
        const int partCount = upload.result().value().partsSent;
        clientMiBs << (size / double(MiB)) / (partsMs / 1000.0);

        // The baselines: a new upload of the same file each (no sha256 at create: not a rapid upload),
        // fresh URLs for every part through uploadUrl, completed afterwards (which checks the joined bytes).
        const auto digest = transfers::FileHasher::sha256Now(path);
        const auto plan = api::KooDriveClient::planParts(size, api::KooDriveClient::MinPartSize);
        auto freshUpload = [&](const QString &name, QString *fileId) -> QVector<api::UploadPart> {
            api::KooDriveClient::NewUpload asked;
            asked.fileName = name;
            asked.length = size;
            const auto created =
                wait<api::CreatedUpload>([&](QObject *c, auto d) { return client.createFile(asked, c, d); });
            if (!created.ok())
                return {};
            *fileId = created.value().fileId;
            const auto urls = wait<QVector<api::UploadPart>>([&](QObject *c, auto d) {
                return client.uploadUrls({*fileId, plan}, c, d);
            });
            return urls.ok() ? urls.value() : QVector<api::UploadPart>();
        };
        auto completed = [&](const QString &fileId) {
            return wait<api::Done>([&](QObject *c, auto d) {
                       return client.completeFile({fileId, digest.sha256Hex}, c, d);
                   })
                .ok();
        };

        // curl: the parts cut from the file beforehand, PUT on one connection.
        QString curlFile;
        const QVector<api::UploadPart> curlParts =
            freshUpload(QStringLiteral("curl-%1.bin").arg(round), &curlFile);
        if (curlParts.size() != plan.size()) {
            std::fprintf(stderr, "createFile or uploadUrl failed\n");
            return 1;
        }
        QFile whole(path);
        whole.open(QIODevice::ReadOnly);
        QByteArray config;
        for (const api::UploadPart &part : curlParts) {
            const QString partPath = dir.filePath(QStringLiteral("part%1").arg(part.number));
            QFile partFile(partPath);
            partFile.open(QIODevice::WriteOnly);
            whole.seek(part.offset);
            partFile.write(whole.read(part.size));
            if (!config.isEmpty())
                config += "next\n";
            config += "url = \"" + part.url + "\"\nupload-file = \"" + partPath.toUtf8() +
                      "\"\nheader = \"Expect:\"\nheader = \"Content-Type: application/octet-stream\"\n"
                      "output = \"/dev/null\"\nsilent\nfail\n";
        }
        QProcess curl;
        QElapsedTimer curlTimer;
        curlTimer.start();
        curl.start(QStringLiteral("curl"), {QStringLiteral("--config"), QStringLiteral("-")});
        curl.write(config);
        curl.closeWriteChannel();
        curl.waitForFinished(600000);
        const qint64 curlMs = curlTimer.elapsed();
        if (curl.exitCode() != 0 || !completed(curlFile)) {
            std::fprintf(stderr, "curl's parts did not make the file: %s\n",
                         curl.readAllStandardError().constData());
            return 1;
        }
        curlMiBs << (size / double(MiB)) / (curlMs / 1000.0);

        // Bare QNAM: each part read into memory, then PUT asynchronously; the PUTs alone are timed.
        QString qnamFile;
        const QVector<api::UploadPart> qnamParts =
            freshUpload(QStringLiteral("qnam-%1.bin").arg(round), &qnamFile);
        qint64 qnamNs = 0;
        for (const api::UploadPart &part : qnamParts) {
            whole.seek(part.offset);
            const QByteArray bytes = whole.read(part.size);
            QNetworkRequest request(QUrl::fromEncoded(part.url));
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/octet-stream"));
            QElapsedTimer put;
            put.start();
            QNetworkReply *reply = network.sendCustomRequest(request, "PUT", bytes);
            test::spinUntil([reply] { return reply->isFinished(); }, 600000);
            qnamNs += put.nsecsElapsed();
            reply->deleteLater();
        }
        if (qnamParts.size() != plan.size() || !completed(qnamFile)) {
            std::fprintf(stderr, "the bare QNAM parts did not make the file\n");
            return 1;
        }
        qnamMiBs << (size / double(MiB)) / (qnamNs / 1e9);
        std::printf(
            "round %d: %d parts; client %.0f MiB/s (the whole upload, hashing included, %.0f ms), curl "
            "%.0f MiB/s, bare QNAM %.0f MiB/s\n",
            round + 1, partCount, clientMiBs.constLast(), clientTotalMs.constLast(), curlMiBs.constLast(),
            qnamMiBs.constLast());
        QFile::remove(path);
    }
    sim.terminate();
    sim.waitForFinished();
    const double clientRate = median(clientMiBs), curlRate = median(curlMiBs);
    std::printf("\nuploading %lld MiB in 5 MiB parts to koodrive-sim on loopback, median of %d rounds\n",
                qlonglong(size / MiB), rounds);
    std::printf("client (FileUpload, parts streamed from disk): %.0f MiB/s\n", clientRate);
    std::printf("curl -T of the same parts, one connection:     %.0f MiB/s\n", curlRate);
    std::printf("bare QNAM PUTs of the same parts from memory:  %.0f MiB/s\n", median(qnamMiBs));
    std::printf("ratio client / curl (time): %.2f (goal <= 1.2)\n", curlRate / clientRate);
    std::printf("ratio client / bare QNAM (time): %.2f\n", median(qnamMiBs) / clientRate);
    std::printf(
        "client's peak memory growth during an upload: %.1f MiB (parts of 5 MiB; the file is %lld MiB)\n",
        peakGrowth / double(MiB), qlonglong(size / MiB));
    return 0;
}
