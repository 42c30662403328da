// The viewer in the real main window, against koodrive-sim on loopback:
//  - a 12-megapixel photo (4000 × 3000): opened to the fitted picture painted, and 1 (100 %) to the full
//    resolution painted, cold (the first time: the server paints the original) and warm (the same photo
//    again); the baseline, in the same run, is the same original fetched by a bare QNetworkAccessManager
//    and decoded at full size, no window;
//  - a video: opened to its first frame painted, cold (the first video: GStreamer starts) and warm (the
//    others); the baseline is a bare QMediaPlayer with a QVideoSink given the same kind of link.
//
//   build/default/bin/bench_viewer [videos=5]
//
// Offscreen unless DISPLAY is set. Prints medians (ms) and ratios to the baselines.
#include "Waiting.h"
#include "account/TokenStore.h"
#include "api/KooDriveClient.h"
#include "mainwindow/MainWindow.h"
#include "models/FolderModel.h"
#include "models/PagedFileModel.h"
#include "thumbnails/ThumbnailScheduler.h"
#include "viewer/PhotoViewer.h"
#include "viewer/VideoPane.h"
#include "views/ThumbnailGridView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImageReader>
#include <QKeyEvent>
#include <QMediaPlayer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QVideoFrame>
#include <QVideoSink>
#include <cstdio>

using namespace koodrive;
using koodrive::test::median;
using koodrive::test::spinUntil;

namespace {
QByteArray linkOf(api::KooDriveClient &client, const QString &container, const QString &id)
{
    QByteArray url;
    bool done = false;
    QObject context;
    client.downloadLinks(container, {id}, &context,
                         [&](const api::Result<QVector<api::DownloadLink>> &links) {
                             if (links.ok() && !links.value().isEmpty())
                                 url = links.value().first().url;
                             done = true;
                         });
    spinUntil([&] { return done; }, 20000);
    return url;
}

bool openFolder(ui::MainWindow &window, const QString &path)
{
    window.openPath(path);
    return spinUntil(
        [&] { return window.grid()->fileModel() == window.folder() && window.folder()->rowCount() > 0; },
        30000);
}
} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("KooDrive Albums benchmarks"));
    const int videos = argc > 1 ? std::max(2, std::atoi(argv[1])) : 5;

    QTemporaryDir data;
    QProcess sim;
    sim.start(QCoreApplication::applicationDirPath() + QStringLiteral("/koodrive-sim"),
              {QStringLiteral("--data-dir"), data.path(), QStringLiteral("--demo"), QStringLiteral("3000")});
    QByteArray out;
    while (out.count('\n') < 3 && sim.waitForReadyRead(120000))
        out += sim.readAllStandardOutput();
    const QList<QByteArray> lines = out.split('\n');
    const ServerConnection connection{QUrl(QString::fromLatin1(lines.value(0).mid(4))),
                                      QString::fromLatin1(lines.value(1).mid(5)),
                                      QString::fromLatin1(lines.value(2).mid(6)), true};
    QNetworkAccessManager network;
    api::KooDriveClient client(&network);
    client.setConnection(connection);
    thumbnails::ThumbnailScheduler thumbnails(&network);
    MemoryTokenStore tokens;
    ui::MainWindow window({connection, &client, &thumbnails, &network, &tokens});
    window.resize(1280, 800);
    window.show();
    ui::PhotoViewer *viewer = window.viewer();

    // --- a 12-megapixel photo -------------------------------------------------------------------------
    if (!openFolder(window, QStringLiteral("Camera"))) {
        std::fprintf(stderr, "the camera folder did not open\n");
        return 1;
    }
    auto *folder = window.folder();
    int photoRow = -1;
    for (int row = 0; row < folder->rowCount() && photoRow < 0; ++row)
        if (folder->index(row).data(models::PagedFileModel::DimensionsRole).toSize() == QSize(4000, 3000))
            photoRow = row;
    if (photoRow < 0) {
        std::fprintf(stderr, "no 4000 x 3000 photo in Camera\n");
        return 1;
    }
    const QModelIndex photo = folder->index(photoRow);
    const QString container = photo.data(models::PagedFileModel::ContainerRole).toString();
    QVector<double> fitted, full;
    for (int pass = 0; pass < 2; ++pass) { // cold, then warm
        QElapsedTimer timer;
        timer.start();
        emit window.grid()->activated(photo);
        spinUntil([&] { return viewer->isLoaded() && viewer->fullSize().isValid(); }, 60000);
        viewer->repaint();
        fitted << double(timer.nsecsElapsed()) / 1e6;
        timer.restart();
        QKeyEvent one(QEvent::KeyPress, Qt::Key_1, Qt::NoModifier, QStringLiteral("1"));
        QApplication::sendEvent(viewer, &one);
        spinUntil([&] { return viewer->image().width() == viewer->fullSize().width(); }, 60000);
        viewer->repaint();
        full << double(timer.nsecsElapsed()) / 1e6;
        QKeyEvent escape(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
        QApplication::sendEvent(viewer, &escape);
        QApplication::processEvents();
    }
    // Baseline: the same original by a bare QNAM, decoded at full size.
    QVector<double> bare;
    for (int pass = 0; pass < 2; ++pass) {
        QElapsedTimer timer;
        timer.start();
        const QByteArray url =
            linkOf(client, container, photo.data(models::PagedFileModel::IdRole).toString());
        QNetworkAccessManager plain;
        QNetworkReply *reply = plain.get(QNetworkRequest(QUrl::fromEncoded(url)));
        spinUntil([&] { return reply->isFinished(); }, 60000);
        const QByteArray bytes = reply->readAll();
        reply->deleteLater();
        QImage decoded = QImage::fromData(bytes);
        bare << double(timer.nsecsElapsed()) / 1e6;
        if (decoded.width() != 4000)
            std::fprintf(stderr, "the baseline decoded %d px\n", decoded.width());
    }
    std::printf("12 MP photo, opened to fitted painted: cold %.0f ms, warm %.0f ms\n", fitted[0], fitted[1]);
    std::printf("12 MP photo, 1 (100 %%) to full resolution painted: cold %.0f ms, warm %.0f ms\n", full[0],
                full[1]);
    std::printf(
        "baseline, the original fetched and decoded whole by a bare QNAM: first %.0f ms, again %.0f ms\n",
        bare[0], bare[1]);
    std::printf("ratios to the baseline (again): fitted warm %.2f, 100 %% warm %.2f\n", fitted[1] / bare[1],
                full[1] / bare[1]);

    // --- videos ----------------------------------------------------------------------------------------
    if (!openFolder(window, QStringLiteral("Videos"))) {
        std::fprintf(stderr, "the Videos folder did not open\n");
        return 1;
    }
    folder = window.folder();
    QVector<double> firstFrames;
    for (int row = 0; row < videos && row < folder->rowCount(); ++row) {
        emit window.grid()->activated(folder->index(row));
        ui::VideoPane *pane = nullptr;
        spinUntil(
            [&] {
                pane = viewer->videoPane();
                return pane && pane->firstFrameMs() >= 0;
            },
            30000);
        if (!pane || pane->firstFrameMs() < 0) {
            std::fprintf(stderr, "video %d showed no frame%s\n", row,
                         pane ? qPrintable(QStringLiteral(": ") + pane->message()) : "");
            return 1;
        }
        firstFrames << double(pane->firstFrameMs());
        QKeyEvent escape(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
        QApplication::sendEvent(viewer, &escape);
        QApplication::processEvents();
    }
    // Baseline: a bare player and sink, given a fresh link of each video (the link's own call included).
    QVector<double> bareFrames;
    for (int row = 0; row < videos && row < folder->rowCount(); ++row) {
        QElapsedTimer timer;
        timer.start();
        const QByteArray url =
            linkOf(client, container, folder->index(row).data(models::PagedFileModel::IdRole).toString());
        QMediaPlayer player;
        QVideoSink sink;
        player.setVideoSink(&sink);
        bool shown = false;
        QObject::connect(&sink, &QVideoSink::videoFrameChanged, [&](const QVideoFrame &frame) {
            if (!shown && frame.isValid()) {
                (void)frame.toImage();
                shown = true;
            }
        });
        player.setSource(QUrl::fromEncoded(url));
        player.play();
        spinUntil([&] { return shown; }, 30000);
        bareFrames << double(timer.nsecsElapsed()) / 1e6;
        player.stop();
    }
    const QVector<double> warm = firstFrames.mid(1), bareWarm = bareFrames.mid(1);
    std::printf("video, opened to the first frame painted: cold %.0f ms, warm median %.0f ms (%lld videos)\n",
                firstFrames[0], median(warm), qint64(warm.size()));
    std::printf(
        "baseline, a bare QMediaPlayer + QVideoSink (link call included): median %.0f ms; ratio %.2f\n",
        median(bareWarm), median(warm) / median(bareWarm));
    sim.terminate();
    sim.waitForFinished(5000);
    return 0;
}
