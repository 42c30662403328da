// End in a 10 000-photo folder, in the real main window (a real X window when DISPLAY is set, e.g. under
// Xvfb; offscreen otherwise), 1280x800: the time from End pressed once to the last screen fully painted
// (the folder read to its end, its last item current, every tile of that screen with its thumbnail, and
// the grid repainted).
//  - cold: the folder never read (a new home): the listing and the last screen's thumbnails come from the
//    server, End pressed as soon as the first screen shows;
//  - warm: read before (the same home again, a new window): the catalog and the thumbnail disk cache.
// Baseline in the same run: the transport alone reading the whole listing (the client's raw loop), which
// no End can beat cold. Also the memory of the app (this process) and its server once the folder is
// complete.
//
//   build/default/bin/bench_end [runs=5]
//
// It starts koodrive-sim (beside this program) with a demo library whose camera folder has 10 000 files.
#include "ProcessMemory.h"
#include "Waiting.h"
#include "account/TokenStore.h"
#include "api/KooDriveClient.h"
#include "mainwindow/MainWindow.h"
#include "models/FolderModel.h"
#include "thumbnails/ThumbnailDiskCache.h"
#include "thumbnails/ThumbnailScheduler.h"
#include "views/ThumbnailGridView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QKeyEvent>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

using namespace koodrive;
using koodrive::test::median;
using koodrive::test::spinUntil;
using koodrive::test::wait;

namespace {

// One start of the app on a home: its network with the thumbnail disk cache, client, thumbnails, window.
struct Run
{
    QNetworkAccessManager network;
    api::KooDriveClient client{&network};
    thumbnails::ThumbnailScheduler thumbnails{&network};
    MemoryTokenStore tokens;
    std::unique_ptr<ui::MainWindow> window;

    Run(const ServerConnection &connection, const QString &home)
    {
        network.setCache(new thumbnails::ThumbnailDiskCache(home + QStringLiteral("/thumbnails")));
        client.setConnection(connection);
        window = std::make_unique<ui::MainWindow>(
            ui::MainWindow::Services{connection, &client, &thumbnails, &network, &tokens, home});
        window->resize(1280, 800);
        window->show();
    }
};

// The tiles of the grid's screen all painted with their picture (or marked unavailable).
bool screenPainted(ui::ThumbnailGridView *grid)
{
    QAbstractItemModel *model = grid->model();
    const QRect screen = grid->viewport()->rect();
    int shown = 0;
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        const QRect tile = grid->visualRect(model->index(row, 0));
        if (!tile.intersects(screen)) {
            if (shown > 0)
                break;
            continue;
        }
        ++shown;
        model->index(row, 0).data(models::PagedFileModel::ThumbnailRole); // as the delegate asks
        const auto state = thumbnails::ThumbnailState(
            model->index(row, 0).data(models::PagedFileModel::ThumbnailStateRole).toInt());
        if (state != thumbnails::ThumbnailState::Ready && state != thumbnails::ThumbnailState::Unavailable)
            return false;
    }
    return shown > 0;
}

// Opens Camera, presses End once the first screen is there, and returns the ms to the last screen painted.
// `listedMs`: when the folder was read to its end.
double endPressed(Run &run, double *listedMs)
{
    *listedMs = -1;
    run.window->openPath(QStringLiteral("Camera"));
    ui::ThumbnailGridView *grid = run.window->grid();
    models::FolderModel *folder = run.window->folder();
    if (!spinUntil([&] { return grid->fileModel() == folder && folder->rowCount() > 0; }, 30000))
        return -1;
    grid->setFocus();
    QElapsedTimer timer;
    timer.start();
    QKeyEvent press(QEvent::KeyPress, Qt::Key_End, Qt::NoModifier);
    QApplication::sendEvent(grid, &press);
    const bool done = spinUntil(
        [&] {
            if (folder->isComplete() && *listedMs < 0)
                *listedMs = double(timer.nsecsElapsed()) / 1e6;
            return folder->isComplete() && grid->currentIndex().row() == folder->rowCount() - 1 &&
                   screenPainted(grid);
        },
        60000);
    grid->viewport()->repaint();
    return done ? double(timer.nsecsElapsed()) / 1e6 : -1;
}
} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the window's settings (its last place) go to a scratch place
    QApplication::setOrganizationName(QStringLiteral("KooDrive Albums benchmarks"));
    QApplication::setApplicationName(QStringLiteral("bench_end"));
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;

    // The demo library's camera folder gets about 43 % of its files: 23 256 give 10 000 there.
    QTemporaryDir data;
    QProcess sim;
    sim.start(QCoreApplication::applicationDirPath() + QStringLiteral("/koodrive-sim"),
              {QStringLiteral("--data-dir"), data.path(), QStringLiteral("--demo"), QStringLiteral("23256")});
    QByteArray out;
    while (out.count('\n') < 3 && sim.waitForReadyRead(120000))
        out += sim.readAllStandardOutput();
    const QList<QByteArray> lines = out.split('\n');
    const ServerConnection connection{QUrl(QString::fromLatin1(lines.value(0).mid(4))),
                                      QString::fromLatin1(lines.value(1).mid(5)),
                                      QString::fromLatin1(lines.value(2).mid(6)), true};

    QVector<double> raw, cold, coldListed, warm;
    qint64 memory = 0;
    int rows = 0;
    for (int i = 0; i < runs + 1; ++i) { // the first round warms the server up
        // The transport alone: the whole listing, page after page.
        {
            QNetworkAccessManager network;
            api::KooDriveClient client(&network);
            client.setConnection(connection);
            const auto space =
                wait<api::SpaceInfo>([&](QObject *c, auto d) { return client.spaceInfo(c, d); });
            api::KooDriveClient::FileListQuery query;
            query.containerId = space.value().containerId;
            query.fileType = api::FileType::Folder;
            const auto top =
                wait<api::FilePage>([&](QObject *c, auto d) { return client.listFiles(query, c, d); });
            query.fileType = 0;
            for (const auto &file : top.value().files)
                if (file.name == QLatin1String("Camera"))
                    query.parentFileId = file.id;
            query.sortType = 1;
            QElapsedTimer timer;
            timer.start();
            do {
                const auto page =
                    wait<api::FilePage>([&](QObject *c, auto d) { return client.listFiles(query, c, d); });
                query.cursor = page.ok() ? page.value().nextCursor : QString();
            } while (!query.cursor.isEmpty());
            if (i > 0)
                raw << double(timer.nsecsElapsed()) / 1e6;
        }
        QTemporaryDir home;
        {
            Run first(connection, home.path());
            double listed = -1;
            const double ms = endPressed(first, &listed);
            if (i > 0)
                coldListed << listed;
            rows = first.window->folder()->rowCount();
            spinUntil([] { return false; }, 300); // what the screen asked for settles
            memory =
                test::ProcessMemory::residentBytes() + test::ProcessMemory::residentBytesOf(sim.processId());
            if (i > 0)
                cold << ms;
        }
        {
            Run second(connection, home.path()); // the same home: the catalog and the thumbnails on disk
            double listed = -1;
            const double ms = endPressed(second, &listed);
            if (i > 0)
                warm << ms;
        }
    }
    std::printf("End in the %d-photo camera folder, main window 1280x800 on %s, %d runs\n", rows,
                qEnvironmentVariableIsEmpty("DISPLAY") ? "offscreen" : "a real X display", runs);
    std::printf("  the transport alone reading the listing (raw loop): median %.0f ms\n", median(raw));
    std::printf(
        "  End cold, to the last screen painted: median %.0f ms (%.2f of the raw listing; goal <= 800 ms)\n",
        median(cold), median(cold) / median(raw));
    std::printf("    of which the folder read to its end: median %.0f ms (%.2f of the raw listing)\n",
                median(coldListed), median(coldListed) / median(raw));
    std::printf(
        "  End warm (catalog and disk cache), to the last screen painted: median %.0f ms (goal <= 150 ms)\n",
        median(warm));
    std::printf("  memory with the folder complete, app and server: %.0f MB (goal <= 1.1 x 82 MB)\n",
                double(memory) / 1e6);
    sim.terminate();
    sim.waitForFinished(5000);
    return 0;
}
