// The main window over an in-process koodrive-sim, browsed as a person would: a folder opens with its
// thumbnails, the breadcrumb leads back, the viewer steps through photos and returns to the same place, the
// window comes back as it was left, select-all takes a whole folder, and the keyboard and a dark palette
// work.
#include "MainWindowTesting.h"
#include "models/AlbumContentsModel.h"
#include "models/FolderModel.h"
#include "models/FolderTreeModel.h"
#include "viewer/PhotoViewer.h"
#include "widgets/MessageBar.h"

#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSlider>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QWidgetAction>

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
        QTRY_VERIFY_WITH_TIMEOUT(hasThumbnail(0), 10000);
        // And the rest of the screen follows (the view reports what it shows).
        int lastOnScreen = 0;
        for (int row = 0; row < grid->model()->rowCount(); ++row)
            if (grid->viewport()->rect().contains(grid->visualRect(grid->model()->index(row, 0))))
                lastOnScreen = row;
        QVERIFY(lastOnScreen > 5);
        QTRY_VERIFY_WITH_TIMEOUT(hasThumbnail(lastOnScreen), 10000);

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

    void theDemoLibrarysLastPlaceComesBackThoughItsPortChanges()
    {
        // The embedded demo server listens on a new port at every start: the place is the library's, not
        // the port's, and the settings do not gain a group per start.
        openCamera();
        const QString camera = m_window->folder()->location().folderId;
        m_window->close();
        m_window.reset();
        const QUrl before = m_server;
        m_sim->restart(); // any free port
        QVERIFY(m_sim->server().url() != before);
        openWindowOn(m_sim->server().url());
        QCOMPARE(m_window->folder()->location().folderId, camera);
        QTRY_VERIFY(m_window->grid()->model()->rowCount() >= 100);
        m_window->close();
        QSettings settings;
        settings.beginGroup(QStringLiteral("MainWindow"));
        int places = 0;
        for (const QString &group : settings.childGroups())
            places += group.startsWith(QLatin1String("place-")) ? 1 : 0;
        QCOMPARE(places, 1);
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

    void selectAllTakesTheWholeFolderAsItLoads()
    {
        // Folders of 1 500 and 3 000 photos: 15 and 30 pages, read in the background once opened; Ctrl+A
        // comes while they are still being read.
        m_window.reset();
        m_sim->addFolder(QStringLiteral("Big"), 1500);
        m_sim->addFolder(QStringLiteral("Bigger"), 3000);
        openWindow();
        openFolder(QStringLiteral("Big"));
        ui::ThumbnailGridView *grid = m_window->grid();
        grid->setFocus();
        QTest::keyClick(grid, Qt::Key_A, Qt::ControlModifier);
        QVERIFY(grid->isSelectingAll() || m_window->folder()->isComplete());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->folder()->isComplete(), 20000);
        QCOMPARE(m_window->folder()->rowCount(), 1500);
        QTRY_VERIFY(!grid->isSelectingAll());
        QCOMPARE(grid->selectedCount(), 1500);
        QCOMPARE(grid->selectionModel()->selectedIndexes().size(), 1500); // what a drag would carry

        // A click on a photo while the rest is being read ends "all": the rows that arrive stay unselected.
        m_window->folderTree()->setCurrentIndex(treeFolder(QStringLiteral("Bigger")));
        QTRY_VERIFY(grid->model()->rowCount() >= 100);
        QTest::keyClick(grid, Qt::Key_A, Qt::ControlModifier);
        QTest::mouseClick(grid->viewport(), Qt::LeftButton, Qt::NoModifier,
                          grid->visualRect(grid->model()->index(3, 0)).center());
        QVERIFY(!grid->isSelectingAll());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->folder()->isComplete(), 20000);
        QCOMPARE(m_window->folder()->rowCount(), 3000);
        QCOMPARE(grid->selectedCount(), 1);
    }

    void endReachesTheTrueEndOfALargeFolderAndItsTotalIsShown()
    {
        // 10 000 photos: one press of End, as soon as the first page shows, lands on the very last one
        // once the folder is read (in the background), and the status bar gives the total.
        m_window.reset();
        m_sim->addFolder(QStringLiteral("Ten thousand"), 10'000);
        openWindow();
        openFolder(QStringLiteral("Ten thousand"));
        ui::ThumbnailGridView *grid = m_window->grid();
        grid->setFocus();
        QTest::keyClick(grid, Qt::Key_End);
        QTRY_COMPARE_WITH_TIMEOUT(grid->currentIndex().row(), 9999, 30000);
        QVERIFY(m_window->folder()->isComplete());
        QTRY_VERIFY(grid->viewport()->rect().contains(grid->visualRect(grid->currentIndex())));
        QLabel *counts = nullptr;
        for (QLabel *label : m_window->findChildren<QLabel *>())
            if (label->accessibleName() == QLatin1String("Items"))
                counts = label;
        QVERIFY(counts);
        // (No translation is loaded here: the plural reads "item(s)".)
        QTRY_COMPARE(counts->text().section(QStringLiteral(" · "), 0, 0),
                     QStringLiteral("%1 item(s)").arg(QLocale().toString(10'000)));

        // Opened again: at once, from what was saved (its first rows in the turn that opens it, the rest
        // read from the catalog on a worker meanwhile); End goes to the end without waiting.
        m_window->folderTree()->setCurrentIndex(treeFolder(QStringLiteral("Camera")));
        QTRY_VERIFY(m_window->folder()->location().folderId != QString());
        m_window->folderTree()->setCurrentIndex(treeFolder(QStringLiteral("Ten thousand")));
        QVERIFY(m_window->folder()->rowCount() > 0);
        QVERIFY(m_window->folder()->showsSaved());
        QTest::keyClick(grid, Qt::Key_End);
        QCOMPARE(m_window->folder()->rowCount(), 10'000);
        QCOMPARE(grid->currentIndex().row(), 9999);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->folder()->showsSaved(), 30000); // checked with the server
        QCOMPARE(grid->currentIndex().row(), 9999);                         // and nothing moved
    }

    void everyControlHasANameAndTheKeyboardReachesIt()
    {
        openCamera();
        // What a screen reader says for each control: never nothing.
        QStringList unnamed;
        for (QWidget *widget : m_window->findChildren<QWidget *>()) {
            const bool control =
                qobject_cast<QAbstractButton *>(widget) || qobject_cast<QComboBox *>(widget) ||
                qobject_cast<QLineEdit *>(widget) || qobject_cast<QSlider *>(widget) ||
                qobject_cast<QAbstractItemView *>(widget) || qobject_cast<QProgressBar *>(widget);
            if (!control || !widget->isVisibleTo(m_window.get()) ||
                widget->objectName().startsWith(QLatin1String("qt_")))
                continue;
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
            if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
                unnamed << QString::fromLatin1(widget->metaObject()->className()) + QLatin1Char(' ') +
                               widget->objectName();
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));

        // Every toolbar action is also in the menu bar, where Alt and the arrows reach it.
        QSet<QAction *> inMenus;
        for (QAction *top : m_window->menuBar()->actions())
            if (top->menu())
                for (QAction *action : top->menu()->actions())
                    inMenus.insert(action);
        for (QToolBar *bar : m_window->findChildren<QToolBar *>())
            for (QAction *action : bar->actions())
                if (!action->isSeparator() && !qobject_cast<QWidgetAction *>(action))
                    QVERIFY2(inMenus.contains(action), qPrintable(action->text()));

        // Tab goes round the window and passes every pane and field, and moving into the album list does not
        // open an album by itself.
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->myAlbumsView()->setFocus(Qt::TabFocusReason);
        QSet<QWidget *> reached;
        for (int i = 0; i < 30 && QApplication::focusWidget(); ++i) {
            reached.insert(QApplication::focusWidget());
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        }
        for (QWidget *pane :
             {static_cast<QWidget *>(m_window->myAlbumsView()),
              static_cast<QWidget *>(m_window->folderTree()), static_cast<QWidget *>(m_window->grid())})
            QVERIFY2(reached.contains(pane), qPrintable(pane->accessibleName()));
        for (const QString &name :
             {QStringLiteral("Search"), QStringLiteral("Sort order"), QStringLiteral("Thumbnail size")}) {
            bool found = false;
            for (QWidget *widget : std::as_const(reached))
                found = found || widget->accessibleName() == name;
            QVERIFY2(found, qPrintable(name));
        }
        QCOMPARE(m_window->grid()->fileModel(), m_window->folder());

        // The Menu key opens the grid's menu over the current photo, with "Add to album" in it.
        m_window->grid()->setFocus();
        m_window->grid()->setCurrentIndex(m_window->grid()->model()->index(4, 0));
        QStringList entries;
        QPoint menuAt;
        QTimer::singleShot(0, this, [&entries, &menuAt] {
            QMenu *menu = nullptr;
            QTRY_VERIFY((menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())));
            menuAt = menu->pos();
            for (QAction *action : menu->actions())
                entries << QString(action->text()).remove(QLatin1Char('&'));
            menu->close();
        });
        QContextMenuEvent keyboardMenu(QContextMenuEvent::Keyboard, QPoint(), QPoint());
        QCoreApplication::sendEvent(m_window->grid()->viewport(), &keyboardMenu);
        const QRect tile = m_window->grid()->visualRect(m_window->grid()->currentIndex());
        // (Over the tile's middle; the screen's edge may push it left.)
        QCOMPARE(menuAt.y(), m_window->grid()->viewport()->mapToGlobal(tile.center()).y());
        QVERIFY(menuAt.x() <= m_window->grid()->viewport()->mapToGlobal(tile.center()).x());
        QVERIFY2(entries.contains(QStringLiteral("Add to album")),
                 qPrintable(entries.join(QLatin1Char('|'))));
    }

    void aDarkPaletteIsFollowed()
    {
        // The system's dark mode reaches Qt as a palette: every panel of the window must take it.
        const QPalette light = QApplication::palette();
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2e));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x21));
        dark.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x37));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x39));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe6));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0xa0));
        dark.setColor(QPalette::Midlight, QColor(0x3a, 0x3a, 0x3e));
        QApplication::setPalette(dark);
        auto restore = qScopeGuard([&light] { QApplication::setPalette(light); });
        m_window.reset();
        openWindow();
        openCamera();
        QTRY_VERIFY_WITH_TIMEOUT(hasThumbnail(0), 10000);
        QTest::qWait(100);
        // The colour that covers most of each panel: its background.
        auto background = [](QWidget *widget) {
            const QImage image = widget->grab().toImage().convertToFormat(QImage::Format_RGB32);
            QHash<QRgb, int> counts;
            for (int y = 0; y < image.height(); y += 2)
                for (int x = 0; x < image.width(); x += 2)
                    ++counts[image.pixel(x, y)];
            QRgb most = 0;
            int best = -1;
            for (auto it = counts.cbegin(); it != counts.cend(); ++it)
                if (it.value() > best)
                    best = it.value(), most = it.key();
            return QColor(most);
        };
        auto lightest = [](QWidget *widget) {
            const QImage image = widget->grab().toImage().convertToFormat(QImage::Format_RGB32);
            int lightness = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    lightness = qMax(lightness, QColor(image.pixel(x, y)).lightness());
            return lightness;
        };
        const QList<QWidget *> panels{m_window->myAlbumsView()->viewport(),
                                      m_window->folderTree()->viewport(),
                                      m_window->grid()->viewport(),
                                      m_window->statusBar(),
                                      m_window->menuBar(),
                                      m_window->findChild<QToolBar *>()};
        for (QWidget *panel : panels) {
            const QColor colour = background(panel);
            QVERIFY2(
                colour.lightness() < 80,
                qPrintable(QStringLiteral("%1 is %2")
                               .arg(QString::fromLatin1(panel->metaObject()->className()), colour.name())));
        }
        // And the names on it are light, so they can be read.
        QVERIFY(lightest(m_window->myAlbumsView()->viewport()) > 200);
        QVERIFY(lightest(m_window->folderTree()->viewport()) > 200);
    }

    void aFolderOpensByItsPath()
    {
        // koodrive-albums --open Pictures/2024: the tree reads its way down, the grid shows the folder.
        m_window->openPath(QStringLiteral("Pictures/2024"));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->folderTree()->currentIndex().data().toString(),
                                  QStringLiteral("2024"), 10000);
        QCOMPARE(m_window->folderTree()->currentIndex().parent().data().toString(),
                 QStringLiteral("Pictures"));
        QCOMPARE(m_window->folder()->location().folderId,
                 m_window->folderTree()->currentIndex().data(models::FolderTreeModel::IdRole).toString());
        QTRY_VERIFY(m_window->grid()->model()->rowCount() > 0);

        // A name that is not there is said, and the window stays where it is.
        m_window->openPath(QStringLiteral("Pictures/1999"));
        QTRY_VERIFY(m_window->messages()->isVisible());
        QVERIFY2(m_window->messages()->text().contains(QLatin1String("1999")),
                 qPrintable(m_window->messages()->text()));
        QCOMPARE(m_window->folderTree()->currentIndex().data().toString(), QStringLiteral("2024"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_MainWindow.moc"
