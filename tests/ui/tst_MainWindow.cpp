// The main window over an in-process koodrive-sim, driven as a person would: open a folder, see its
// thumbnails, drag photos onto a manual album (checked on the server), and see a collection album refuse.
#include "PagedModelTesting.h"
#include "SimFixture.h"
#include "SimHttpServer.h"
#include "account/AccountSettings.h"
#include "account/TokenStore.h"
#include "dialogs/AlbumDialog.h"
#include "dialogs/SignInDialog.h"
#include "mainwindow/MainWindow.h"
#include "models/AlbumContentsModel.h"
#include "models/AlbumListModel.h"
#include "models/FolderModel.h"
#include "models/FolderTreeModel.h"
#include "thumbnails/ThumbnailScheduler.h"
#include "viewer/PhotoViewer.h"
#include "views/ThumbnailGridView.h"
#include "widgets/MessageBar.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QTreeView>

using namespace koodrive;
using koodrive::ServerConnection;
using koodrive::TokenStore;
using koodrive::test::SimFixture;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_sim;
    QNetworkAccessManager m_network;
    std::unique_ptr<api::KooDriveClient> m_client;
    std::unique_ptr<thumbnails::ThumbnailScheduler> m_thumbnails;
    std::unique_ptr<koodrive::MemoryTokenStore> m_tokenStore;
    std::unique_ptr<ui::MainWindow> m_window;

    // The first album of a kind in "My albums", as the view shows it.
    QModelIndex myAlbum(bool manual)
    {
        QAbstractItemModel *model = m_window->myAlbumsView()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, 0).data(models::AlbumListModel::IsManualRole).toBool() == manual)
                return model->index(row, 0);
        return {};
    }
    void openCamera()
    {
        QTRY_VERIFY(treeFolder(QStringLiteral("Camera")).isValid());
        m_window->folderTree()->setCurrentIndex(treeFolder(QStringLiteral("Camera")));
        QTRY_VERIFY(m_window->grid()->model()->rowCount() >= 100);
    }
    // A drag from the grid's selection to `pos` in `view`, through the view's own drag-and-drop handling.
    static bool dropOn(QAbstractItemView *view, const QPoint &pos, QMimeData *mime,
                       bool *acceptedWhileHovering)
    {
        QDragEnterEvent enter(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &enter);
        QDragMoveEvent move(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &move);
        *acceptedWhileHovering = move.isAccepted() && move.dropAction() == Qt::CopyAction;
        if (!*acceptedWhileHovering) {
            QDragLeaveEvent leave;
            QCoreApplication::sendEvent(view->viewport(), &leave);
            return false;
        }
        QDropEvent drop(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &drop);
        return drop.isAccepted();
    }

    QModelIndex treeFolder(const QString &name)
    {
        QTreeView *tree = m_window->folderTree();
        const QModelIndex drive = tree->model()->index(0, 0);
        for (int row = 0; row < tree->model()->rowCount(drive); ++row)
            if (tree->model()->index(row, 0, drive).data().toString() == name)
                return tree->model()->index(row, 0, drive);
        return {};
    }

    void openWindow()
    {
        m_window = std::make_unique<ui::MainWindow>(
            ui::MainWindow::Services{{m_sim->server().url(), m_sim->userId(), QString(), true},
                                     m_client.get(),
                                     m_thumbnails.get(),
                                     &m_network,
                                     m_tokenStore.get()});
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings go to a scratch place
        QCoreApplication::setOrganizationName(QStringLiteral("KooDrive Albums tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_MainWindow"));
    }
    void init()
    {
        QSettings().clear();
        m_tokenStore = std::make_unique<koodrive::MemoryTokenStore>();
        m_sim = std::make_unique<SimFixture>(600);
        m_sim->addFolder(QStringLiteral("Party"), 250);
        m_client = std::make_unique<api::KooDriveClient>(&m_network);
        m_client->setConnection(
            {m_sim->server().url(), m_sim->userId(), m_sim->server().accessToken(), true});
        m_thumbnails = std::make_unique<thumbnails::ThumbnailScheduler>(&m_network);
        openWindow();
        m_window->resize(1200, 800);
    }
    void cleanup()
    {
        m_window.reset();
        m_thumbnails.reset();
        m_client.reset();
        m_sim.reset();
    }

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

    // A person's double-click: the first click presses the item, the second opens it.
    static void doubleClick(QAbstractItemView *view, const QModelIndex &index)
    {
        const QPoint at = view->visualRect(index).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, at);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    }

    static ui::AlbumDialog *openDialog(QAction *action, QWidget *window)
    {
        action->trigger();
        ui::AlbumDialog *dialog = nullptr;
        const bool shown = QTest::qWaitFor([&] {
            dialog = window->findChild<ui::AlbumDialog *>();
            return dialog && dialog->isVisible();
        });
        return shown ? dialog : nullptr;
    }
    static void pressOk(QDialog *dialog)
    {
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    }

    void albumsAreMadeAndRenamedThroughTheDialog()
    {
        QTRY_VERIFY(treeFolder(QStringLiteral("Pictures")).isValid() && myAlbum(true).isValid());
        QPointer<ui::AlbumDialog> dialog = openDialog(m_window->newAlbumAction(), m_window.get());
        QVERIFY(dialog);
        QVERIFY(!dialog->canAccept()); // no name yet
        dialog->setName(QStringLiteral("A name far too long for"));
        QVERIFY(!dialog->canAccept());
        QVERIFY(dialog->problem().contains(QLatin1String("20")));
        QVERIFY(!dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
        dialog->setName(QStringLiteral("Beach 2026"));
        QVERIFY(dialog->canAccept());
        pressOk(dialog);
        QTRY_VERIFY(!dialog);
        QStringList made =
            m_sim->column(QStringLiteral("SELECT id FROM albums WHERE name = 'Beach 2026' AND type = 2"));
        QCOMPARE(made.size(), 1);
        QTRY_COMPARE(m_window->albumContents()->albumId(), made.first()); // the new album is shown
        QCOMPARE(m_window->myAlbumsView()->currentIndex().data().toString(), QStringLiteral("Beach 2026"));

        // Renamed through the same dialog.
        dialog = openDialog(m_window->editAlbumAction(), m_window.get());
        QVERIFY(dialog && dialog->isEditing());
        dialog->setName(QStringLiteral("Beach, June 2026"));
        pressOk(dialog);
        QTRY_VERIFY(!dialog);
        QCOMPARE(m_sim->column(QStringLiteral("SELECT name FROM albums WHERE id = ?"), {made.first()}),
                 QStringList{QStringLiteral("Beach, June 2026")});
        QTRY_COMPARE(m_window->myAlbumsView()->currentIndex().data().toString(),
                     QStringLiteral("Beach, June 2026"));

        // A collection of two folders of the drive, photos only.
        dialog = openDialog(m_window->newAlbumAction(), m_window.get());
        QVERIFY(dialog);
        dialog->chooseCollection(true);
        dialog->setName(QStringLiteral("Pictures and trips"));
        const QModelIndex drive = m_window->folderTree()->model()->index(0, 0);
        dialog->chooseParent(drive);
        auto *choices = dialog->findChild<QListWidget *>();
        QTRY_VERIFY(choices->count() >= 2);
        QVERIFY(!dialog->canAccept()); // no folder ticked yet
        const QString pictures =
            treeFolder(QStringLiteral("Pictures")).data(models::FolderTreeModel::IdRole).toString();
        const QString trips =
            treeFolder(QStringLiteral("Trips")).data(models::FolderTreeModel::IdRole).toString();
        dialog->setFolderChecked(pictures, true);
        dialog->setFolderChecked(trips, true);
        QVERIFY2(dialog->canAccept(), qPrintable(dialog->problem()));
        pressOk(dialog);
        QTRY_VERIFY(!dialog);
        made = m_sim->column(
            QStringLiteral("SELECT id FROM albums WHERE name = 'Pictures and trips' AND type = 1"));
        QCOMPARE(made.size(), 1);
        QStringList scope = m_sim->column(
            QStringLiteral("SELECT folder_id FROM album_scope WHERE album_id = ?"), {made.first()});
        scope.sort();
        QStringList expected{pictures, trips};
        expected.sort();
        QCOMPARE(scope, expected);
    }

    void twoHundredFiftyFilesAreAddedWithProgressAndASummary()
    {
        QTRY_VERIFY(treeFolder(QStringLiteral("Party")).isValid() && myAlbum(true).isValid());
        m_window->folderTree()->setCurrentIndex(treeFolder(QStringLiteral("Party")));
        QTRY_VERIFY(m_window->folder()->rowCount() > 0);
        QVERIFY(koodrive::test::loadAll(*m_window->folder()));
        QCOMPARE(m_window->folder()->rowCount(), 250);
        m_window->grid()->selectAll(); // Ctrl+A
        const QString albumId = myAlbum(true).data(models::AlbumListModel::IdRole).toString();
        const QStringList before = m_sim->albumItems(albumId);
        QSignalSpy progress(m_window->addProgress(), &QProgressBar::valueChanged);
        m_window->addSelectionToAlbum(albumId); // "Add to album ▸ <album>" in the grid's menu
        QVERIFY(m_window->addProgress()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->addProgress()->isVisible(), 20000);
        QCOMPARE(m_sim->albumItems(albumId).size(), before.size() + 250);
        QCOMPARE(m_window->addProgress()->maximum(), 250);
        QVERIFY2(progress.count() >= 3, "progress moves batch by batch (at most 100 a call)");
        QVERIFY(m_window->messages()->isVisible());
        QVERIFY2(m_window->messages()->text().contains(QLatin1String("250 added")),
                 qPrintable(m_window->messages()->text()));
    }

    void anErrorShowsItsTraceIdAndRetryRecovers()
    {
        QTRY_VERIFY(treeFolder(QStringLiteral("Camera")).isValid());
        m_client->setRetryPolicy({1, 10, 10, 10}); // the failure reaches the window at once
        // The next files-list call answers 503 (the window's other calls, covers and counts, go on).
        m_sim->server().http().setFaults({0, 0.0, {1}, QStringLiteral("/koodrive/ose/v1/files/")});
        m_window->folderTree()->setCurrentIndex(treeFolder(QStringLiteral("Camera")));
        QTRY_VERIFY(m_window->messages()->isVisible());
        QVERIFY2(m_window->messages()->text().contains(QLatin1String("Trace id: ")),
                 qPrintable(m_window->messages()->text()));
        QVERIFY(m_window->messages()->details().contains(QLatin1String("503")) ||
                m_window->messages()->details().contains(QLatin1String("trace")));
        QVERIFY(m_window->messages()->canRetry());
        QCOMPARE(m_window->grid()->model()->rowCount(), 0);
        m_window->messages()->retry();
        QTRY_VERIFY(m_window->grid()->model()->rowCount() >= 100);
        QVERIFY(!m_window->messages()->isVisible());
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

    void anEndedSessionAsksToSignInAgainAndKeepsTheView()
    {
        openCamera();
        const QString camera = m_window->folder()->location().folderId;
        // The session ends on the server side (signed out elsewhere); there is no refresh token.
        QVERIFY(m_sim->server().store().exec(QStringLiteral("UPDATE sessions SET revoked = 1")).isActive());
        m_window->grid()->fileModel()->refresh();
        ui::SignInDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ui::SignInDialog *>()) && dialog->isVisible());
        dialog->setAccount(QStringLiteral("demo@koodrive.local"), QStringLiteral("wrong password"));
        dialog->submit();
        QTRY_VERIFY(!dialog->isBusy());
        QVERIFY2(dialog->problem().contains(QLatin1String("trace id")), qPrintable(dialog->problem()));
        QVERIFY(dialog->isVisible()); // refused: it stays, with what was typed
        QPointer<ui::SignInDialog> guard(dialog);
        dialog->setAccount(QStringLiteral("demo@koodrive.local"), QStringLiteral("demo"));
        dialog->submit();
        QTRY_VERIFY(!guard);
        QVERIFY2(m_client->connection().accessToken != m_sim->server().accessToken(),
                 "a new token is in use");
        QCOMPARE(m_window->folder()->location().folderId, camera); // the same place
        m_window->grid()->fileModel()->refresh();
        QTRY_VERIFY(!m_window->folder()->isRefreshing());
        QVERIFY(m_window->grid()->model()->rowCount() >= 100);
        QVERIFY(m_window->messages()->text().contains(QLatin1String("Signed in again")));
        // The new token is kept in the token store, never in the settings file.
        std::optional<QString> stored;
        m_tokenStore->read(
            TokenStore::key(m_sim->server().url().toString(), m_sim->userId(), QStringLiteral("access")),
            [&stored](bool ok, const QString &secret) { stored = ok ? secret : QString(); });
        // (Compared without QCOMPARE: a failure must not print a token.)
        QVERIFY2(stored.value_or(QString()) == m_client->connection().accessToken,
                 "the renewed token is stored");
        m_window->close(); // settings are written
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QVERIFY(!written.isEmpty());
        QVERIFY(!written.contains(m_client->connection().accessToken.toUtf8()));
        QVERIFY(!written.contains(m_sim->server().accessToken().toUtf8()));
    }

    void signingInAndOutSwitchesTheLibrary()
    {
        QTRY_VERIFY(treeFolder(QStringLiteral("Camera")).isValid());
        QVERIFY(m_window->showsDemoMarker());
        m_window->signInWithDialog(); // Account ▸ Sign in…
        ui::SignInDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ui::SignInDialog *>()) && dialog->isVisible());
        dialog->setServer(m_sim->server().url().toString());
        dialog->setAccount(QStringLiteral("mei@koodrive.local"), QStringLiteral("mei"));
        QPointer<ui::SignInDialog> guard(dialog);
        dialog->submit();
        QTRY_VERIFY(!guard);
        const QString mei = m_client->connection().userId;
        QVERIFY(mei != m_sim->userId());
        QVERIFY(!m_window->showsDemoMarker());
        // Mei's drive and albums, read anew.
        QTRY_VERIFY(m_window->folderTree()->model()->rowCount() > 0 &&
                    m_window->folderTree()->currentIndex().isValid());
        QVERIFY(m_window->folderTree()
                    ->model()
                    ->index(0, 0)
                    .data(models::FolderTreeModel::OwnerRole)
                    .toString() == mei);
        QCOMPARE(m_window->grid()->fileModel(), m_window->folder());
        QVERIFY(m_window->folder()->location().containerId != m_sim->containerId()); // Mei's own drive
        QTRY_VERIFY(m_window->folder()->isComplete()); // read (Mei keeps her photos in the shared space)
        QTRY_VERIFY(!m_window->albums()->canFetchMore());
        for (int row = 0; row < m_window->albums()->rowCount(); ++row) {
            const auto album = m_window->albums()->albumAt(row);
            QVERIFY(album.kind == api::AlbumKind::Shared || album.ownerId == mei);
        }
        std::optional<bool> stored;
        m_tokenStore->read(TokenStore::key(m_sim->server().url().toString(), mei, QStringLiteral("access")),
                           [&stored](bool ok, const QString &) { stored = ok; });
        QVERIFY(stored.value_or(false));
        // The next start signs in as Mei: the server and user are remembered (the token is not in settings).
        const auto remembered = koodrive::AccountSettings::remembered();
        QVERIFY(remembered && remembered->userId == mei && remembered->server == m_sim->server().url());

        // Sign out: the session ends on the server, its tokens are forgotten, and sign-in is offered.
        const QString token = m_client->connection().accessToken;
        m_window->signOutOfServer();
        QTRY_VERIFY((dialog = m_window->findChild<ui::SignInDialog *>()) && dialog->isVisible());
        m_tokenStore->read(TokenStore::key(m_sim->server().url().toString(), mei, QStringLiteral("access")),
                           [&stored](bool ok, const QString &) { stored = ok; });
        QVERIFY(!stored.value_or(true));
        QVERIFY(!koodrive::AccountSettings::remembered()); // the next start opens the demo library
        QCOMPARE(m_sim
                     ->send("GET",
                            QStringLiteral(
                                "/koodrive/ose/v1/album/list?albumKind=1&albumType=2&pageSize=10&pageNum=1"),
                            {},
                            {{"Authorization", "Bearer " + token.toUtf8()},
                             {"X-User-Id", mei.toUtf8()},
                             {"X-Date", SimFixture::xDate()}})
                     .status,
                 401);
        dialog->reject();
    }

    void beingOfflineIsSaidAndRecoversByItself()
    {
        QTRY_VERIFY(treeFolder(QStringLiteral("Camera")).isValid());
        m_window->messages()->setOfflineRetryDelaysMs({300});
        m_client->setRetryPolicy({1, 10, 10, 10});
        // Unreachable: a port where nothing listens any more.
        QTcpServer gone;
        QVERIFY(gone.listen(QHostAddress::LocalHost));
        const quint16 port = gone.serverPort();
        gone.close();
        const ServerConnection real = m_client->connection();
        m_client->setConnection(
            {QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), real.userId, real.accessToken, true});
        m_window->folderTree()->setCurrentIndex(treeFolder(QStringLiteral("Camera")));
        QTRY_VERIFY(m_window->messages()->isOffline());
        QVERIFY2(m_window->messages()->text().contains(QLatin1String("offline")),
                 qPrintable(m_window->messages()->text()));
        QTest::qWait(800); // it tries again by itself, and is still offline
        QVERIFY(m_window->messages()->isOffline());
        QCOMPARE(m_window->grid()->model()->rowCount(), 0);
        m_client->setConnection(real); // the network is back
        QTRY_VERIFY_WITH_TIMEOUT(m_window->grid()->model()->rowCount() >= 100, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->messages()->isOffline(), 10000);
        QVERIFY2(m_window->messages()->text().contains(QLatin1String("reached again")),
                 qPrintable(m_window->messages()->text()));
    }

    void aMultiSelectionDraggedOntoAManualAlbumIsAdded()
    {
        openCamera();
        ui::ThumbnailGridView *grid = m_window->grid();
        // Ctrl-click three photos, as a person selects them.
        QStringList picked;
        for (int row : {2, 5, 7}) {
            const QModelIndex index = grid->model()->index(row, 0);
            QTest::mouseClick(grid->viewport(), Qt::LeftButton, Qt::ControlModifier,
                              grid->visualRect(index).center());
            picked << index.data(models::PagedFileModel::IdRole).toString();
        }
        picked.sort();
        QCOMPARE(grid->selectionModel()->selectedIndexes().size(), 3);
        std::unique_ptr<QMimeData> mime(grid->model()->mimeData(grid->selectionModel()->selectedIndexes()));

        QTRY_VERIFY(myAlbum(true).isValid() && myAlbum(false).isValid());
        QListView *albums = m_window->myAlbumsView();
        const QModelIndex manual = myAlbum(true);
        const QString albumId = manual.data(models::AlbumListModel::IdRole).toString();
        const QStringList before = m_sim->albumItems(albumId);

        // Over a collection album the drag is refused while it hovers, and nothing changes.
        albums->scrollTo(myAlbum(false));
        bool accepted = true;
        QVERIFY(!dropOn(albums, albums->visualRect(myAlbum(false)).center(), mime.get(), &accepted));
        QVERIFY(!accepted);

        albums->scrollTo(manual);
        QVERIFY(dropOn(albums, albums->visualRect(manual).center(), mime.get(), &accepted));
        QVERIFY(accepted);
        QStringList expected = before + picked;
        expected.removeDuplicates();
        expected.sort();
        QTRY_COMPARE_WITH_TIMEOUT(m_sim->albumItems(albumId), expected, 10000);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_MainWindow.moc"
