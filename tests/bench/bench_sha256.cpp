// SHA-256 of a 1 GiB file by the client's hasher (transfers::FileHasher, as an upload runs it: off the
// calling thread, 1 MiB chunks) against `sha256sum` of the same file, both from the page cache; and
// QCryptographicHash for reference (what the hasher would be without libcrypto).
// Usage: bench_sha256 [RUNS=3] [MEBIBYTES=1024]
#include "Waiting.h"
#include "transfers/FileHasher.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <cstdio>

using koodrive::test::median;
using koodrive::transfers::FileHasher;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const qint64 mebibytes = argc > 2 ? std::max(1, std::atoi(argv[2])) : 1024;
    constexpr qint64 MiB = 1024 * 1024;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("one.bin"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return 1;
        }
        QRandomGenerator random(7);
        QByteArray chunk(MiB, Qt::Uninitialized);
        for (qint64 i = 0; i < mebibytes; ++i) {
            random.fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 4);
            file.write(chunk);
        }
    }
    FileHasher::sha256Now(path); // into the page cache, for both

    QVector<double> clientMs, sumMs;
    QByteArray clientHex, sumHex;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto future = FileHasher::sha256(path);
        future.waitForFinished();
        clientMs << timer.nsecsElapsed() / 1e6;
        clientHex = future.result().sha256Hex;

        QProcess sum;
        timer.start();
        sum.start(QStringLiteral("sha256sum"), {path});
        sum.waitForFinished(600000);
        sumMs << timer.nsecsElapsed() / 1e6;
        sumHex = sum.readAllStandardOutput().left(64);
    }
    QElapsedTimer timer;
    timer.start();
    QCryptographicHash qt(QCryptographicHash::Sha256);
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    qt.addData(&file);
    const double qtMs = timer.nsecsElapsed() / 1e6;
    if (clientHex != sumHex || clientHex != qt.result().toHex()) {
        std::fprintf(stderr, "the hashes differ: %s, %s\n", clientHex.constData(), sumHex.constData());
        return 1;
    }
    const double client = median(clientMs), sum = median(sumMs);
    std::printf("SHA-256 of a %lld MiB file from the page cache, median of %d runs\n", qlonglong(mebibytes),
                runs);
    std::printf("client (FileHasher, libcrypto):    %7.0f ms, %5.0f MiB/s\n", client,
                mebibytes / (client / 1000));
    std::printf("sha256sum (coreutils):             %7.0f ms, %5.0f MiB/s\n", sum, mebibytes / (sum / 1000));
    std::printf("QCryptographicHash, for reference: %7.0f ms, %5.0f MiB/s (one run)\n", qtMs,
                mebibytes / (qtMs / 1000));
    std::printf("ratio client / sha256sum (time): %.2f (goal <= 1.2)\n", client / sum);
    return 0;
}
