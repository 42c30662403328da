// KooDrive Albums: wires the layers together and starts them. With no account configured it starts the
// embedded koodrive-sim on loopback with the demo library, so the app opens on a working library at once.
#include "SimServer.h"
#include "account/ServerConnection.h"
#include "api/KooDriveClient.h"
#include "mainwindow/MainWindow.h"
#include "thumbnails/ThumbnailDiskCache.h"
#include "thumbnails/ThumbnailScheduler.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QStandardPaths>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("KooDrive Albums"));
    QApplication::setApplicationName(QStringLiteral("koodrive-albums"));
    QApplication::setApplicationDisplayName(QStringLiteral("KooDrive Albums"));
    QApplication::setApplicationVersion(QStringLiteral(KOODRIVE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Browse KooDrive photos and organise them in albums."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QApplication::translate("main", "Open the demo library (N files when it is first made)."),
        QStringLiteral("N"), QStringLiteral("3000"));
    parser.addOption(demo);
    parser.process(app);

    koodrive::sim::SimOptions options;
    options.dataDir = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                          .filePath(QStringLiteral("demo-library"));
    options.demoFiles = qBound(0, parser.value(demo).toInt(), 100'000);
    koodrive::sim::SimServer demoServer(options);
    QString error;
    if (!demoServer.start(&error)) {
        QMessageBox::critical(
            nullptr, QApplication::applicationDisplayName(),
            QApplication::translate("main", "The demo library could not be opened: %1").arg(error));
        return 1;
    }
    const koodrive::ServerConnection connection{demoServer.url(), demoServer.userId(),
                                                demoServer.accessToken(), true};

    // One network for the app: the service layer and the thumbnail loader share it, with the thumbnails'
    // disk cache in the cache location (one per server and user).
    QNetworkAccessManager network;
    const QString cacheDir =
        QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
            .filePath(QStringLiteral("thumbnails/") +
                      (connection.demoLibrary ? QStringLiteral("demo") : connection.userId));
    network.setCache(new koodrive::thumbnails::ThumbnailDiskCache(cacheDir));
    koodrive::api::KooDriveClient client(&network);
    client.setConnection(connection);
    koodrive::thumbnails::ThumbnailScheduler thumbnails(&network);

    koodrive::ui::MainWindow window({connection, &client, &thumbnails, &network});
    window.show();
    return app.exec();
}
