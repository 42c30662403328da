// A process of its own that works through an upload queue (its uploads and its downloads), for
// tst_UploadRunner and tst_DownloadRunner to kill for real in the middle (SIGKILL: no destructor, no last
// write) and start again, as the app would be after a crash.
// Usage: koodrive-upload-runner SERVER_URL USER_ID QUEUE_PATH, the access token on standard input (never on
// the command line, where other processes can read it). Exits 0 once the queue is worked through.
#include "api/KooDriveClient.h"
#include "transfers/DownloadRunner.h"
#include "transfers/UploadQueue.h"
#include "transfers/UploadRunner.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTextStream>
#include <cstdio>

using namespace koodrive;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: koodrive-upload-runner SERVER_URL USER_ID QUEUE_PATH < token\n");
        return 2;
    }
    const QString token = QTextStream(stdin).readLine().trimmed();
    QNetworkAccessManager network;
    api::KooDriveClient client(&network);
    client.setConnection({QUrl(args.at(1)), args.at(2), token, true});
    QString error;
    auto queue = transfers::UploadQueue::open(args.at(3), &error);
    if (!queue) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    transfers::UploadRunner runner(&client, queue.get());
    transfers::DownloadRunner downloads(&client, &network, queue.get());
    bool uploadsIdle = false;
    bool downloadsIdle = false;
    QObject::connect(&runner, &transfers::UploadRunner::idle, &app, [&] {
        uploadsIdle = true;
        if (downloadsIdle)
            QMetaObject::invokeMethod(&app, &QCoreApplication::quit, Qt::QueuedConnection);
    });
    QObject::connect(&downloads, &transfers::DownloadRunner::idle, &app, [&] {
        downloadsIdle = true;
        if (uploadsIdle)
            QMetaObject::invokeMethod(&app, &QCoreApplication::quit, Qt::QueuedConnection);
    });
    runner.start();
    downloads.start();
    return app.exec();
}
