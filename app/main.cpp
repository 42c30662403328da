// KooDrive Albums: wires the layers together and starts them. With no account configured it starts the
// embedded koodrive-sim on loopback with the demo library, so the app opens on a working library at once.
#include "SimThread.h"
#include "account/AccountSettings.h"
#include "account/ServerConnection.h"
#include "account/TokenStore.h"
#include "api/KooDriveClient.h"
#include "desktop/AppInstance.h"
#include "dialogs/SignInDialog.h"
#include "i18n/Language.h"
#include "mainwindow/MainWindow.h"
#include "models/FolderModel.h"
#include "thumbnails/ThumbnailDiskCache.h"
#include "thumbnails/ThumbnailScheduler.h"
#include "views/ThumbnailGridView.h"
#include "widgets/FileTypeIcons.h"
#include "widgets/MessageBar.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QFontMetrics>
#include <QIcon>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QStyle>
#include <QTimer>
#include <memory>

namespace {
Q_LOGGING_CATEGORY(lcStartup, "koodrive.startup", QtWarningMsg)

// --help and --version answer on the terminal, with no display needed (e.g. on a build machine).
bool onlyAsksForInformation(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version" || arg == "-v")
            return true;
    }
    return false;
}

// The command line, described in the app's language (the translators are installed first).
struct CommandLine
{
    QCommandLineOption demo{
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Open the demo library (N files when it is first made)."),
        QStringLiteral("N"), QStringLiteral("3000")};
    QCommandLineOption server{
        QStringLiteral("server"),
        QCoreApplication::translate("main",
                                    "Connect to the KooDrive server at URL (you are asked to sign in)."),
        QStringLiteral("URL")};
    QCommandLineOption open{
        QStringLiteral("open"),
        QCoreApplication::translate("main",
                                    "Open the drive's folder at PATH, by names (for example Pictures/2024)."),
        QStringLiteral("PATH")};
    QCommandLineOption album{
        QStringLiteral("album"),
        QCoreApplication::translate("main", "Upload the FILEs given into the manual album NAME."),
        QStringLiteral("NAME")};
    QCommandLineParser parser;

    CommandLine()
    {
        parser.setApplicationDescription(
            QCoreApplication::translate("main", "Browse KooDrive photos and organise them in albums."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOption(demo);
        parser.addOption(server);
        parser.addOption(open);
        parser.addOption(album);
        parser.addPositionalArgument(
            QStringLiteral("FILE"),
            QCoreApplication::translate("main", "Files and folders to upload, as if dropped: into the album "
                                                "given with --album, else into the folder given with --open, "
                                                "else into the drive's top."),
            QStringLiteral("[FILE...]"));
    }
};

void nameTheApp()
{
    QCoreApplication::setOrganizationName(QStringLiteral("KooDrive Albums"));
    QCoreApplication::setApplicationName(QStringLiteral("koodrive-albums"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KOODRIVE_VERSION));
}
} // namespace

int main(int argc, char *argv[])
{
    if (onlyAsksForInformation(argc, argv)) {
        QCoreApplication info(argc, argv);
        nameTheApp();
        koodrive::i18n::install(&info, koodrive::i18n::resolve(koodrive::i18n::chosenLanguage()));
        CommandLine commandLine;
        commandLine.parser.process(info); // prints and exits
        return 0;
    }

    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    koodrive::ui::FileTypeIcons::useAnInstalledThemeAsFallback();
    nameTheApp();
    // The desktop entry and icon installed by packaging/ (the window is matched to its launcher).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.koodrive_albums.KooDriveAlbums"));
    // The language chosen in View ▸ Language, or the system's.
    const QString language = koodrive::i18n::resolve(koodrive::i18n::chosenLanguage());
    koodrive::i18n::install(&app, language);
    // In the person's language: the desktop shows it, and Qt adds it to titles that do not end with it.
    QApplication::setApplicationDisplayName(koodrive::ui::MainWindow::displayName());

    CommandLine commandLine;
    QCommandLineParser &parser = commandLine.parser;
    const QCommandLineOption &demo = commandLine.demo;
    const QCommandLineOption &server = commandLine.server;
    const QCommandLineOption &open = commandLine.open;
    parser.process(app);

    // One app per user and data location: a start while the app is open (a file manager's "Send to") hands
    // its files to it and ends. Signing in elsewhere (--server) is a start of its own.
    koodrive::desktop::StartRequest request;
    for (const QString &argument : parser.positionalArguments())
        request.files << QFileInfo(argument).absoluteFilePath();
    request.album = parser.value(commandLine.album);
    request.hasOpenPath = parser.isSet(open);
    request.openPath = parser.value(open);
    const QString instanceKey = koodrive::desktop::AppInstance::keyFor(
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    if (!parser.isSet(server) && koodrive::desktop::AppInstance::handOver(instanceKey, request))
        return 0;
    koodrive::desktop::AppInstance instance;
    if (!instance.listen(instanceKey))
        qCWarning(lcStartup, "a later start cannot hand its files to this one: %s", qPrintable(instanceKey));

    // One network for the app: the service layer and the thumbnail loader share it.
    QNetworkAccessManager network;
    koodrive::KeychainTokenStore tokens;
    koodrive::ServerConnection connection;
    koodrive::StoredSession session;
    // Which account: --server asks to sign in; otherwise the account of the last run, if its session is
    // still in the keychain; otherwise (or with --demo) the demo library.
    const auto remembered = koodrive::AccountSettings::remembered();
    // The demo library opens on a thread of its own while the window is made (the embedded koodrive-sim on
    // loopback; it answers there too, never on the window's thread).
    std::unique_ptr<koodrive::sim::SimThread> demoServer;
    const auto startDemo = [&] {
        koodrive::sim::SimOptions options;
        options.dataDir = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                              .filePath(QStringLiteral("demo-library"));
        options.demoFiles = qBound(0, parser.value(demo).toInt(), 100'000);
        demoServer = std::make_unique<koodrive::sim::SimThread>(options);
    };
    if (!parser.isSet(server) && (parser.isSet(demo) || !remembered))
        startDemo();
    // The icon theme is searched for the app's icon (5-10 ms) while the demo library opens.
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.koodrive_albums.KooDriveAlbums"),
                                                 QIcon(QStringLiteral(":/icons/app.svg"))));
    if (!parser.isSet(server) && !parser.isSet(demo) && remembered) {
        // The keychain answers asynchronously (a locked keyring may first show its unlock prompt): nothing
        // is shown before it does.
        std::optional<std::optional<koodrive::StoredSession>> stored;
        QEventLoop waiting;
        tokens.readSession(remembered->server, remembered->userId, remembered->displayName, remembered->email,
                           [&](const std::optional<koodrive::StoredSession> &found) {
                               stored = found;
                               waiting.quit();
                           });
        if (!stored)
            waiting.exec();
        if (stored && *stored) { // (no answer: the app was asked to quit while waiting)
            session = **stored;
            connection = {remembered->server, remembered->userId, session.accessToken, false};
            connection.displayName = remembered->displayName;
            connection.email = remembered->email;
        }
    }
    const bool askToSignIn =
        parser.isSet(server) || (!parser.isSet(demo) && remembered && connection.accessToken.isEmpty());
    if (askToSignIn) {
        koodrive::ui::SignInDialog signIn(
            &network, parser.isSet(server) ? QUrl::fromUserInput(parser.value(server)) : remembered->server);
        if (signIn.exec() == QDialog::Accepted) {
            connection = signIn.connection();
            session = signIn.session();
            tokens.keepSession(connection, session); // the keychain, never settings or logs
        } else if (parser.isSet(server)) {
            return 0;
        }
    }
    if (!connection.accessToken.isEmpty()) {
        koodrive::AccountSettings::remember(connection);
    } else {
        // No account: the demo library (a sign-in cancelled at start also ends here).
        if (!demoServer)
            startDemo();
        // While the library opens on its thread, this one loads what the window's first widgets need
        // anyway: the font database and the style (10-20 ms here) would otherwise follow the wait.
        QFontMetrics(QApplication::font()).boundingRect(QStringLiteral("KooDrive Albums"));
        QApplication::style()->polish(&app);
        const koodrive::sim::SimThread::Started &started = demoServer->waitStarted();
        if (!started.ok) {
            QMessageBox::critical(nullptr, QApplication::applicationDisplayName(),
                                  QApplication::translate("main", "The demo library could not be opened: %1")
                                      .arg(started.error));
            return 1;
        }
        connection = {started.url, started.userId, started.accessToken, true};
    }

    // The thumbnails' disk cache lives in the cache location, one per server and user.
    const QString cacheDir =
        QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
            .filePath(QStringLiteral("thumbnails/") +
                      (connection.demoLibrary
                           ? QStringLiteral("demo")
                           : QString::fromLatin1(QUrl::toPercentEncoding(
                                 connection.server.host() + QLatin1Char('-') + connection.userId))));
    network.setCache(new koodrive::thumbnails::ThumbnailDiskCache(cacheDir));
    koodrive::api::KooDriveClient client(&network);
    client.setConnection(connection);
    client.setLanguage(koodrive::i18n::apiLanguage(language)); // the `language` header follows the app's
    client.setRefreshToken(session.refreshToken);
    // A token that ran out since the last run (it lives 1800 s in the vendor's example) is renewed before the
    // first call goes, once, and the new pair is kept (MainWindow::keepRenewedSession).
    client.setAccessExpiry(session.expiresAtMs, session.lifetimeSecs);
    client.setAgentName(koodrive::AccountSettings::agentName());
    koodrive::thumbnails::ThumbnailScheduler thumbnails(&network);

    koodrive::ui::MainWindow window({connection, &client, &thumbnails, &network, &tokens});
    // The place asked for opens before the window shows: the window is laid out and painted once, with it
    // (opened after, it laid the window out again, 10-40 ms, before its first thumbnails could be painted).
    if (request.hasOpenPath)
        window.openPath(request.openPath);
    window.prepareFirstFrame(); // a saved place: its thumbnails on disk are in the first frame
    window.show();
    const auto take = [&window](const koodrive::desktop::StartRequest &asked) {
        if (asked.hasOpenPath)
            window.openPath(asked.openPath);
        if (!asked.files.isEmpty())
            window.uploadAtStart(asked.files, asked.album, asked.hasOpenPath);
    };
    if (!request.files.isEmpty())
        window.uploadAtStart(request.files, request.album, request.hasOpenPath);
    QObject::connect(&instance, &koodrive::desktop::AppInstance::requested, &window,
                     [&window, take](const koodrive::desktop::StartRequest &asked) {
                         take(asked);
                         window.setWindowState((window.windowState() & ~Qt::WindowMinimized) |
                                               Qt::WindowActive);
                         window.raise();
                         window.activateWindow();
                     });
    // How long a person waits (QT_LOGGING_RULES="koodrive.startup.info=true"; tests/bench/bench_startup).
    QTimer::singleShot(0, &window, [&sinceStart] {
        qCInfo(lcStartup, "window shown after %lld ms", static_cast<long long>(sinceStart.elapsed()));
    });
    QObject::connect(window.grid(), &koodrive::ui::ThumbnailGridView::screenFilled, &window, [&sinceStart] {
        static bool first = true;
        if (std::exchange(first, false))
            qCInfo(lcStartup, "first screen of thumbnails painted after %lld ms",
                   static_cast<long long>(sinceStart.elapsed()));
    });
    // The first place read to its end and brought in line with the server (from the catalog or not).
    const auto readToEnd = [&sinceStart, folder = window.folder()] {
        static bool first = true;
        if (folder->rowCount() > 0 && folder->isComplete() && !folder->isReading() && !folder->showsSaved() &&
            std::exchange(first, false))
            qCInfo(lcStartup, "first place read to its end after %lld ms",
                   static_cast<long long>(sinceStart.elapsed()));
    };
    QObject::connect(window.folder(), &koodrive::models::PagedFileModel::completed, &window, readToEnd);
    QObject::connect(window.folder(), &koodrive::models::PagedFileModel::stateChanged, &window, readToEnd);
    return app.exec();
}
