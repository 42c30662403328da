// Drag and drop with the desktop, across processes, in a real X window (run under Xvfb by CTest): a second
// program (koodrive-file-manager-stand-in) plays the file manager and drags a local photo, with the mouse
// moved by xdotool as a person's hand, onto a manual album of the window; the photo is uploaded into the
// drive and added to the album. The other way, photos dragged out of the grid onto it arrive as the files
// themselves (fetched when the drop asks for them), equal to the server's originals. This is how a file
// manager talks to the app.
#include "../ui/MainWindowTesting.h"
#include "TestPhotos.h"
#include "models/PagedFileModel.h"
#include "transfers/UploadQueue.h"
#include "views/AlbumListView.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QListView>
#include <QProcess>
#include <QSignalSpy>

using namespace koodrive;
using transfers::QueuedUpload;

class TestDesktopDragDrop : public test::MainWindowTestCase
{
    Q_OBJECT

    QTemporaryDir m_local;

    static bool runXdotool(const QStringList &arguments)
    {
        QProcess xdotool;
        xdotool.start(QStringLiteral("xdotool"), arguments);
        QSignalSpy finished(&xdotool, &QProcess::finished); // the window's event loop runs meanwhile
        return xdotool.waitForStarted() && (finished.wait(30000) || !finished.isEmpty()) &&
               xdotool.exitCode() == 0;
    }

private slots:
    void initTestCase()
    {
        useScratchSettings("tst_DesktopDragDrop");
        QVERIFY2(QGuiApplication::platformName() == QLatin1String("xcb"),
                 "runs in a real X window: CTest starts it under xvfb-run with QT_QPA_PLATFORM=xcb");
    }
    void init()
    {
        makeLibrary();
        m_sim->addFolder(QStringLiteral("Small"), 6);
        openWindowOn(m_sim->server().url());
        m_window->move(0, 0);
    }
    void cleanup() { closeAll(); }

    void aPhotoDraggedFromTheFileManagerOntoAnAlbumIsUploadedIntoIt()
    {
        QTRY_VERIFY(myAlbum(true).isValid());
        QListView *albums = m_window->myAlbumsView();
        const QModelIndex album = myAlbum(true);
        const QString albumId = album.data(models::AlbumListModel::IdRole).toString();
        const QPoint target = albums->viewport()->mapToGlobal(albums->visualRect(album).center());
        const QString photo = test::writeTestFile(m_local.filePath(QStringLiteral("IMG_7001.jpg")),
                                                  test::jpegWithExif(640, 480, 400 * 1024));

        QProcess fileManager;
        fileManager.setProcessChannelMode(QProcess::SeparateChannels);
        fileManager.start(QStringLiteral(KOODRIVE_FILE_MANAGER_STAND_IN),
                          {QStringLiteral("--at"), QStringLiteral("1060,620"), photo});
        QVERIFY(fileManager.waitForStarted());
        QByteArray said;
        QTRY_VERIFY((said += fileManager.readAllStandardOutput()).contains("shown"));
        QTest::qWait(500); // mapped by the X server

        // Press on the file manager's window, move in steps over the album, hover, let go.
        const QString x = QString::number(target.x()), y = QString::number(target.y());
        QVERIFY(runXdotool({QStringLiteral("mousemove"),
                            QStringLiteral("1160"),
                            QStringLiteral("690"),
                            QStringLiteral("sleep"),
                            QStringLiteral("0.3"),
                            QStringLiteral("mousedown"),
                            QStringLiteral("1"),
                            QStringLiteral("sleep"),
                            QStringLiteral("0.3"),
                            QStringLiteral("mousemove"),
                            QStringLiteral("1100"),
                            QStringLiteral("650"),
                            QStringLiteral("sleep"),
                            QStringLiteral("0.2"),
                            QStringLiteral("mousemove"),
                            QStringLiteral("700"),
                            QStringLiteral("400"),
                            QStringLiteral("sleep"),
                            QStringLiteral("0.2"),
                            QStringLiteral("mousemove"),
                            x,
                            y,
                            QStringLiteral("sleep"),
                            QStringLiteral("0.4"),
                            QStringLiteral("mousemove_relative"),
                            QStringLiteral("--"),
                            QStringLiteral("2"),
                            QStringLiteral("2"),
                            QStringLiteral("sleep"),
                            QStringLiteral("0.6")}));
        // While it hovers, the album is highlighted as the drop's target.
        QTRY_COMPARE(qobject_cast<ui::AlbumListView *>(albums)->dropTarget(), album);
        QVERIFY(runXdotool({QStringLiteral("mouseup"), QStringLiteral("1")}));
        QTRY_VERIFY((said += fileManager.readAllStandardOutput()).contains("ended"));
        QVERIFY2(said.contains("ended copy"), said.constData());

        QTRY_VERIFY_WITH_TIMEOUT(!m_window->uploadQueue()->all().isEmpty() &&
                                     m_window->uploadQueue()->all().first().hasEnded(),
                                 30000);
        const QueuedUpload upload = m_window->uploadQueue()->all().first();
        QCOMPARE(upload.state, QueuedUpload::State::Done);
        QVERIFY(m_sim->albumItems(albumId).contains(upload.driveFileId));
        QFile local(photo);
        QVERIFY(local.open(QIODevice::ReadOnly));
        QCOMPARE(m_sim->column(QStringLiteral("SELECT sha256 FROM files WHERE id = ?"), {upload.driveFileId}),
                 QStringList{QString::fromLatin1(
                     QCryptographicHash::hash(local.readAll(), QCryptographicHash::Sha256).toHex())});
        fileManager.kill(); // it would stay a while, as a file manager does
        fileManager.waitForFinished();
    }

    void photosDraggedOutOfTheGridArriveAsFiles()
    {
        openFolder(QStringLiteral("Small"), 6);
        QListView *grid = m_window->grid();
        QItemSelectionModel *selection = grid->selectionModel();
        selection->select(grid->model()->index(0, 0), QItemSelectionModel::ClearAndSelect);
        selection->select(grid->model()->index(1, 0), QItemSelectionModel::Select);
        const QStringList ids{grid->model()->index(0, 0).data(models::PagedFileModel::IdRole).toString(),
                              grid->model()->index(1, 0).data(models::PagedFileModel::IdRole).toString()};
        const QPoint from =
            grid->viewport()->mapToGlobal(grid->visualRect(grid->model()->index(1, 0)).center());

        QProcess fileManager;
        fileManager.setProcessChannelMode(QProcess::SeparateChannels);
        fileManager.start(QStringLiteral(KOODRIVE_FILE_MANAGER_STAND_IN),
                          {QStringLiteral("--receive"), QStringLiteral("--at"), QStringLiteral("1060,620")});
        QVERIFY(fileManager.waitForStarted());
        QByteArray said;
        QTRY_VERIFY((said += fileManager.readAllStandardOutput()).contains("shown"));
        QTest::qWait(500); // mapped by the X server

        // Press on a selected photo, move in steps onto the file manager's window, let go. The drag runs
        // in this process (QDrag::exec) while xdotool moves the mouse.
        QVERIFY(runXdotool({QStringLiteral("mousemove"),
                            QString::number(from.x()),
                            QString::number(from.y()),
                            QStringLiteral("sleep"),
                            QStringLiteral("0.3"),
                            QStringLiteral("mousedown"),
                            QStringLiteral("1"),
                            QStringLiteral("sleep"),
                            QStringLiteral("0.3"),
                            QStringLiteral("mousemove"),
                            QString::number(from.x() + 30),
                            QString::number(from.y() + 30),
                            QStringLiteral("sleep"),
                            QStringLiteral("0.2"),
                            QStringLiteral("mousemove"),
                            QStringLiteral("900"),
                            QStringLiteral("600"),
                            QStringLiteral("sleep"),
                            QStringLiteral("0.2"),
                            QStringLiteral("mousemove"),
                            QStringLiteral("1150"),
                            QStringLiteral("690"),
                            QStringLiteral("sleep"),
                            QStringLiteral("0.4"),
                            QStringLiteral("mousemove_relative"),
                            QStringLiteral("--"),
                            QStringLiteral("2"),
                            QStringLiteral("2"),
                            QStringLiteral("sleep"),
                            QStringLiteral("0.6"),
                            QStringLiteral("mouseup"),
                            QStringLiteral("1")}));
        QTRY_VERIFY_WITH_TIMEOUT((said += fileManager.readAllStandardOutput()).contains("drop done"), 60000);

        // Two local files, in the app's cache, equal to the server's originals.
        QList<QByteArray> arrived;
        for (const QByteArray &line : said.split('\n'))
            if (line.startsWith("dropped ")) {
                const QUrl url = QUrl::fromEncoded(line.mid(8).trimmed());
                QVERIFY2(url.isLocalFile(), line.constData());
                QVERIFY(url.toLocalFile().startsWith(m_window->fileCacheDir()));
                QFile file(url.toLocalFile());
                QVERIFY(file.open(QIODevice::ReadOnly));
                arrived << QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
            }
        const auto links = m_sim->post(QStringLiteral("/koodrive/ose/v1/files/download"),
                                       {{QStringLiteral("containerId"), m_sim->containerId()},
                                        {QStringLiteral("fileIds"), QJsonArray::fromStringList(ids)}});
        QList<QByteArray> originals;
        for (const QJsonValue &link : links.json.value(QStringLiteral("downloads")).toArray())
            originals << QCryptographicHash::hash(
                m_sim->fetch(QUrl(link.toObject().value(QStringLiteral("url")).toString())).body,
                QCryptographicHash::Sha256);
        std::sort(arrived.begin(), arrived.end());
        std::sort(originals.begin(), originals.end());
        QCOMPARE(arrived.size(), 2);
        QCOMPARE(arrived, originals);
        fileManager.kill();
        fileManager.waitForFinished();
    }
};

QTEST_MAIN(TestDesktopDragDrop)
#include "tst_DesktopDragDrop.moc"
