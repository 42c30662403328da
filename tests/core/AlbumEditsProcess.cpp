// A process of its own that makes album edits as the app does (through AlbumListModel and
// AlbumContentsModel, with the account's catalog and its outbox), for tst_AlbumOutbox to kill for real
// (SIGKILL: no destructor, no last write) and start again, as the app would be after a crash.
// Usage, the access token on standard input (never on the command line):
//   koodrive-album-edits SERVER_URL USER_ID CATALOG_PATH read ALBUM_ID
//       reads the album lists and the album's contents into the catalog, then exits 0;
//   koodrive-album-edits SERVER_URL USER_ID CATALOG_PATH edit ALBUM_ID NEW_NAME REMOVE_ID ADD_ID...
//       opens the album from the catalog and, one after the other as a person would, adds each ADD_ID
//       (the last after the rest), takes REMOVE_ID out and renames the album; prints "queued N" once the
//       outbox holds N edits, then waits to be killed;
//   koodrive-album-edits SERVER_URL USER_ID CATALOG_PATH replay
//       sends what the outbox holds, printing a line per edit sent, and exits 0 once it is empty.
#include "api/KooDriveClient.h"
#include "catalog/Catalog.h"
#include "models/AlbumContentsModel.h"
#include "models/AlbumListModel.h"
#include "models/AlbumOutbox.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTextStream>
#include <QTimer>
#include <cstdio>
#include <functional>

using namespace koodrive;
using models::AlbumOutbox;

namespace {
void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 5) {
        std::fprintf(stderr,
                     "usage: koodrive-album-edits SERVER_URL USER_ID CATALOG_PATH MODE ... < token\n");
        return 2;
    }
    const QString token = QTextStream(stdin).readLine().trimmed();
    QNetworkAccessManager network;
    api::KooDriveClient client(&network);
    client.setConnection({QUrl(args.at(1)), args.at(2), token, true});
    QString error;
    auto catalog = catalog::Catalog::open(args.at(3), &error);
    if (!catalog) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const QString mode = args.at(4);
    AlbumOutbox outbox(&client);
    outbox.setRetryDelayMs(100);
    models::AlbumListModel albums(&client, nullptr);
    albums.setCatalog(catalog.get());
    models::AlbumContentsModel contents(&client, nullptr);
    contents.setCatalog(catalog.get());
    contents.setReconnectDelayMs(100);

    if (mode == QLatin1String("read") && args.size() == 6) {
        contents.setReadToEnd(true);
        albums.reload();
        albums.fetchMore();
        contents.setAlbum(args.at(5));
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &app, [&] {
            if (albums.isComplete() && contents.isComplete())
                app.quit();
            if (albums.canFetchMore())
                albums.fetchMore();
            if (contents.canFetchMore()) // as a view showing it asks
                contents.fetchMore();
        });
        poll.start(20);
        return app.exec();
    }

    if (mode == QLatin1String("edit") && args.size() >= 9) {
        outbox.setCatalog(catalog.get());
        albums.setOutbox(&outbox);
        contents.setOutbox(&outbox);
        const QString albumId = args.at(5);
        albums.reload(); // the lists as saved: the server is gone
        contents.setAlbum(albumId);
        const QString name = args.at(6);
        const QString removeId = args.at(7);
        const QStringList adds = args.mid(8);
        const auto file = [&args](const QString &id) {
            return QVector<models::DriveItem>{{id, args.at(2), QString(), QString(), false}};
        };
        // Each edit once the one before is written down.
        QList<std::function<void()>> steps;
        for (int i = 0; i + 1 < adds.size(); ++i)
            steps << [&, i] { albums.addToAlbum(albums.rowOfId(albumId), file(adds.at(i))); };
        steps << [&] {
            for (int row = 0; row < contents.rowCount(); ++row)
                if (contents.itemAt(row).id == removeId)
                    contents.removeFromAlbum({row}, {}, QStringLiteral("album"));
        };
        steps << [&] { albums.renameAlbum(albums.rowOfId(albumId), name); };
        steps << [&] { albums.addToAlbum(albums.rowOfId(albumId), file(adds.last())); };
        const int total = int(steps.size());
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &app, [&] {
            if (outbox.pendingCount() == total - int(steps.size()) && !steps.isEmpty()) {
                if (albums.rowOfId(albumId) < 0 || contents.rowCount() == 0)
                    return; // the saved rows are not shown yet
                steps.takeFirst()();
            } else if (steps.isEmpty() && outbox.pendingCount() == total) {
                say(QStringLiteral("queued %1").arg(total));
                poll.stop(); // and wait to be killed
            }
        });
        poll.start(20);
        return app.exec();
    }

    if (mode == QLatin1String("replay") && args.size() == 5) {
        QObject::connect(&outbox, &AlbumOutbox::reported, &app, [](const AlbumOutbox::Report &report) {
            say(QStringLiteral("sent %1 %2 %3")
                    .arg(int(report.kind))
                    .arg(int(report.outcome))
                    .arg(report.files));
        });
        QObject::connect(&outbox, &AlbumOutbox::drained, &app, [&] {
            if (outbox.pendingCount() == 0)
                app.quit();
        });
        outbox.setCatalog(catalog.get());
        if (outbox.pendingCount() == 0)
            return 0;
        outbox.replay();
        return app.exec();
    }
    std::fprintf(stderr, "koodrive-album-edits: unknown mode or arguments\n");
    return 2;
}
