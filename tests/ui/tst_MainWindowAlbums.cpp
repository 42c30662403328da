// Albums through the main window: made and renamed through the dialog (manual and collection), photos
// dragged onto a manual album (checked on the server) while a collection refuses, and 250 files added with
// progress and a summary.
#include "MainWindowTesting.h"
#include "dialogs/AlbumDialog.h"
#include "models/AlbumContentsModel.h"
#include "models/FolderModel.h"
#include "models/FolderTreeModel.h"
#include "views/AlbumListView.h"
#include "widgets/MessageBar.h"

#include <QListView>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QSignalSpy>

using namespace koodrive;
using koodrive::ServerConnection;
using koodrive::TokenStore;
using koodrive::test::SimFixture;

class TestMainWindowAlbums : public koodrive::test::MainWindowTestCase
{
    Q_OBJECT

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

private slots:
    void initTestCase() { useScratchSettings("tst_MainWindowAlbums"); }
    void init() { openFreshWindow(); }
    void cleanup() { closeAll(); }

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
        {
            const QPoint overCollection = albums->visualRect(myAlbum(false)).center();
            QDragEnterEvent enter(overCollection, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(albums->viewport(), &enter);
            QDragMoveEvent move(overCollection, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(albums->viewport(), &move);
            QVERIFY(
                !qobject_cast<ui::AlbumListView *>(albums)->dropTarget().isValid()); // nothing highlighted
            QDragLeaveEvent leave;
            QCoreApplication::sendEvent(albums->viewport(), &leave);
        }
        QVERIFY(!dropOn(albums, albums->visualRect(myAlbum(false)).center(), mime.get(), &accepted));
        QVERIFY(!accepted);

        albums->scrollTo(manual);
        // While it hovers the manual album, that album is highlighted as the drop target; leaving clears it.
        auto *albumView = qobject_cast<ui::AlbumListView *>(albums);
        QVERIFY(albumView);
        const QPoint over = albums->visualRect(manual).center();
        QDragEnterEvent enter(over, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(albums->viewport(), &enter);
        QDragMoveEvent move(over, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(albums->viewport(), &move);
        QCOMPARE(albumView->dropTarget(), manual);
        QDragLeaveEvent leave;
        QCoreApplication::sendEvent(albums->viewport(), &leave);
        QVERIFY(!albumView->dropTarget().isValid());
        QVERIFY(dropOn(albums, albums->visualRect(manual).center(), mime.get(), &accepted));
        QVERIFY(accepted);
        QStringList expected = before + picked;
        expected.removeDuplicates();
        expected.sort();
        QTRY_COMPARE_WITH_TIMEOUT(m_sim->albumItems(albumId), expected, 10000);
    }

    // An album shown before shows, when chosen again, what was added to it while the window was elsewhere
    // (it kept its old rows: a new album from a selection looked empty when the add ended while a folder was
    // shown).
    void anAlbumChosenAgainShowsWhatWasAddedMeanwhile()
    {
        QTRY_VERIFY(myAlbum(true).isValid());
        QListView *albums = m_window->myAlbumsView();
        const QString albumId = myAlbum(true).data(models::AlbumListModel::IdRole).toString();
        albums->setCurrentIndex(myAlbum(true));
        QTRY_COMPARE(m_window->albumContents()->albumId(), albumId);
        QTRY_VERIFY(!m_window->albumContents()->isLoading() && !m_window->albumContents()->canFetchMore({}));

        openCamera();
        const QStringList inAlbum = m_sim->albumItems(albumId);
        QModelIndex photo;
        for (int row = 0; row < m_window->grid()->model()->rowCount() && !photo.isValid(); ++row) {
            const QModelIndex index = m_window->grid()->model()->index(row, 0);
            if (!inAlbum.contains(index.data(models::PagedFileModel::IdRole).toString()))
                photo = index;
        }
        QVERIFY(photo.isValid());
        const QString added = photo.data(models::PagedFileModel::IdRole).toString();
        std::unique_ptr<QMimeData> mime(m_window->grid()->model()->mimeData({photo}));
        albums->scrollTo(myAlbum(true));
        bool accepted = false;
        QVERIFY(dropOn(albums, albums->visualRect(myAlbum(true)).center(), mime.get(), &accepted));
        QTRY_VERIFY(m_sim->albumItems(albumId).contains(added));
        QTRY_VERIFY(!m_window->addProgress()->isVisible()); // the add is over, with the folder on screen

        albums->setCurrentIndex(myAlbum(true));
        albums->selectionModel()->select(myAlbum(true), QItemSelectionModel::ClearAndSelect);
        QCOMPARE(m_window->grid()->model(), static_cast<QAbstractItemModel *>(m_window->albumContents()));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto *contents = m_window->albumContents();
                if (contents->canFetchMore({}))
                    contents->fetchMore({});
                return contents->rowOfId(added) >= 0;
            }(),
            10000);
    }
};

QTEST_MAIN(TestMainWindowAlbums)
#include "tst_MainWindowAlbums.moc"
