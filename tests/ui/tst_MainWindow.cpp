// The main window over an in-process koodrive-sim, browsed as a person would: a folder opens with its
// thumbnails, the breadcrumb leads back, the viewer steps through photos and returns to the same place, the
// window comes back as it was left, select-all takes a whole folder, and the keyboard and a dark palette work.
#include "MainWindowTesting.h"
#include "models/AlbumContentsModel.h"
#include "models/FolderModel.h"
#include "viewer/PhotoViewer.h"
#include <QLabel>
#include <QScrollBar>

using namespace koodrive;
using koodrive::ServerConnection;
using koodrive::TokenStore;
using koodrive::test::SimFixture;

class TestMainWindow : public koodrive::test::MainWindowTestCase
{
    Q_OBJECT

private slots:
    void initTestCase() { useScratchSettings("tst_MainWindow"); }
    void init() { openFreshWindow(); }
    void cleanup() { closeAll(); }

    void aFolderOpensWithItsThumbnails()
    {
        openCamera();
        ui::ThumbnailGridView *grid = m_window->grid();
        // The first tile is on screen, where a person sees it, and its thumbnail arrives.
        const QRect first = grid->visualRect(grid->model()->index(0, 0));
        QVERIFY2(grid->viewport()->rect().contains(first), qPrintable(QStringLiteral("%1,%2 %3x%4")
                                                                          .arg(first.x())
                                                                          .arg(first.y())
                                                                          .arg(first.width())
                                                                          .arg(first.height())));
        QTRY_VERIFY_WITH_TIMEOUT(
            !grid->model()->index(0, 0).data(models::PagedFileModel::ThumbnailRole).value<QImage>().isNull(),
            10000);
        // And the rest of the screen follows (the view reports what it shows).
        int lastOnScreen = 0;
        for (int row = 0; row < grid->model()->rowCount(); ++row)
            if (grid->viewport()->rect().contains(grid->visualRect(grid->model()->index(row, 0))))
                lastOnScreen = row;
        QVERIFY(lastOnScreen > 5);
        QTRY_VERIFY_WITH_TIMEOUT(!grid->model()
                                      ->index(lastOnScreen, 0)
                                      .data(models::PagedFileModel::ThumbnailRole)
                                      .value<QImage>()
                                      .isNull(),
                                 10000);

        // The breadcrumb leads back up: "My drive" opens the drive's top again.
        QLabel *crumbs = nullptr;
        for (QLabel *label : m_window->findChildren<QLabel *>())
            if (label->accessibleName() == QLatin1String("Location"))
                crumbs = label;
        QVERIFY(crumbs && crumbs->text().contains(QLatin1String("<a href=\"0\"")));
        const QString camera = m_window->folder()->location().folderId;
        emit crumbs->linkActivated(QStringLiteral("0"));
        QTRY_VERIFY(m_window->folder()->location().folderId != camera);
        QCOMPARE(m_window->folderTree()->currentIndex(), m_window->folderTree()->model()->index(0, 0));
    }

    void theWindowComesBackAsItWasLeft()
    {
        openCamera();
        const QString camera = m_window->folder()->location().folderId;
        m_window->grid()->setTileSize(224);
        m_window->resize(1000, 700);
        m_window->close();
        openWindow();
        QCOMPARE(m_window->size(), QSize(1000, 700));
        QCOMPARE(m_window->grid()->tileSize(), 224);
        QCOMPARE(m_window->grid()->fileModel(), m_window->folder());
        QCOMPARE(m_window->folder()->location().folderId, camera); // the last place, not the drive's top
        QTRY_VERIFY(m_window->grid()->model()->rowCount() >= 100);

        // An album is a place too.
        QTRY_VERIFY(myAlbum(true).isValid());
        const QString albumId = myAlbum(true).data(models::AlbumListModel::IdRole).toString();
        m_window->myAlbumsView()->setCurrentIndex(myAlbum(true));
        QCOMPARE(m_window->grid()->fileModel(), m_window->albumContents());
        m_window->close();
        openWindow();
        QTRY_COMPARE(m_window->grid()->fileModel(), m_window->albumContents());
        QCOMPARE(m_window->albumContents()->albumId(), albumId);
        QCOMPARE(m_window->myAlbumsView()->currentIndex().data(models::AlbumListModel::IdRole).toString(),
                 albumId);
    }

    void theViewerStepsThroughPhotosAndReturnsToTheGrid()
    {
        openCamera();
        ui::ThumbnailGridView *grid = m_window->grid();
        QTRY_VERIFY(grid->model()->rowCount() >= 100);
        // Scroll down, pick photo 30, and open it as a person does: a double-click.
        const QModelIndex photo = grid->model()->index(30, 0);
        grid->scrollTo(photo, QAbstractItemView::PositionAtCenter);
        grid->setCurrentIndex(photo);
        const int scrolled = grid->verticalScrollBar()->value();
        QVERIFY(scrolled > 0);
        doubleClick(grid, photo);
        ui::PhotoViewer *viewer = m_window->viewer();
        QTRY_VERIFY(viewer->isVisible());
        QCOMPARE(viewer->currentRow(), 30);
        QTRY_VERIFY_WITH_TIMEOUT(viewer->isLoaded(), 20000);
        // The original, decoded to fit the viewer (not a thumbnail of 128 or 256 pixels).
        QVERIFY2(
            viewer->image().width() > 256 || viewer->image().height() > 256,
            qPrintable(QStringLiteral("%1x%2").arg(viewer->image().width()).arg(viewer->image().height())));
        QVERIFY(viewer->image().width() <= viewer->width() * viewer->devicePixelRatioF() + 1);

        QTest::keyClick(viewer, Qt::Key_Right);
        QTest::keyClick(viewer, Qt::Key_Right);
        QCOMPARE(viewer->currentRow(), 32);
        QTest::keyClick(viewer, Qt::Key_Left);
        QCOMPARE(viewer->currentRow(), 31);
        QTest::keyClick(viewer, Qt::Key_1); // 100 %
        QVERIFY(!viewer->isFitting());
        QTRY_VERIFY_WITH_TIMEOUT(viewer->isLoaded() && viewer->image().width() >= 1000, 20000);
        QTest::keyClick(viewer, Qt::Key_F);
        QVERIFY(viewer->isFitting());
        QTest::keyClick(viewer, Qt::Key_F5);
        QVERIFY(viewer->isSlideshowRunning());
        QTest::keyClick(viewer, Qt::Key_F5);
        QVERIFY(!viewer->isSlideshowRunning());

        // Esc: the grid again, with the photo the viewer showed last selected and on screen.
        QTest::keyClick(viewer, Qt::Key_Escape);
        QTRY_VERIFY(grid->isVisible());
        QVERIFY(!viewer->isVisible());
        QCOMPARE(grid->currentIndex().row(), 31);
        QVERIFY(grid->viewport()->rect().intersects(grid->visualRect(grid->currentIndex())));

        // Opened and closed without moving on: the grid is exactly where it was.
        const int before = grid->verticalScrollBar()->value();
        doubleClick(grid, grid->currentIndex());
        QTRY_VERIFY(viewer->isVisible());
        QTest::keyClick(viewer, Qt::Key_Escape);
        QTRY_VERIFY(grid->isVisible());
        QCOMPARE(grid->verticalScrollBar()->value(), before);
        QCOMPARE(grid->currentIndex().row(), 31);

        // Home and End go to the first and last photo.
        doubleClick(grid, grid->currentIndex());
        QTRY_VERIFY(viewer->isVisible());
        QTest::keyClick(viewer, Qt::Key_End);
        QCOMPARE(viewer->currentRow(), grid->model()->rowCount() - 1);
        QTest::keyClick(viewer, Qt::Key_Home);
        QCOMPARE(viewer->currentRow(), 0);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_MainWindow.moc"
