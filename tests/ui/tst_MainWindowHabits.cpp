// The everyday habits of a photo app (issue 16), in the real window (offscreen) over koodrive-sim, each
// checked on the server as well as on screen: favourites, the recycle bin and back, rename in place, new
// folder, undo, a search of the whole drive, and the grid's menu from the keyboard.
#include "MainWindowTesting.h"
#include "delegates/ThumbnailDelegate.h"
#include "dialogs/AlbumDialog.h"
#include "edits/DriveEdits.h"
#include "models/AlbumContentsModel.h"
#include "models/FolderModel.h"
#include "models/SearchModel.h"
#include "models/StarredModel.h"
#include "viewer/PhotoViewer.h"
#include "widgets/MessageBar.h"

#include <QApplication>
#include <QCollator>
#include <QContextMenuEvent>
#include <QInputDialog>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QToolButton>
#include <QTreeView>

using namespace koodrive;
using models::PagedFileModel;

class TestMainWindowHabits : public koodrive::test::MainWindowTestCase
{
    Q_OBJECT

    QString gridId(int row) const
    {
        return m_window->grid()->model()->index(row, 0).data(PagedFileModel::IdRole).toString();
    }

    void selectRows(const QList<int> &rows)
    {
        QItemSelectionModel *selection = m_window->grid()->selectionModel();
        selection->setCurrentIndex(m_window->grid()->model()->index(rows.first(), 0),
                                   QItemSelectionModel::NoUpdate);
        selection->clearSelection();
        for (int row : rows)
            selection->select(m_window->grid()->model()->index(row, 0), QItemSelectionModel::Select);
        m_window->grid()->setFocus();
    }

    QStringList starredOnServer()
    {
        return m_sim->column(QStringLiteral("SELECT file_id FROM stars WHERE user_id = ? ORDER BY file_id"),
                             {m_sim->userId()});
    }

    bool recycledOnServer(const QString &id)
    {
        return m_sim->column(QStringLiteral("SELECT recycled FROM files WHERE id = ?"), {id}).value(0) ==
               QLatin1String("1");
    }

    QString nameOnServer(const QString &id)
    {
        return m_sim->column(QStringLiteral("SELECT name FROM files WHERE id = ?"), {id}).value(0);
    }

    // The menu shown now (a context menu opened by the Menu key), its entry called `name` chosen with the
    // arrow keys and Enter, as a person without a mouse does.
    static bool chooseFromMenu(const QString &name)
    {
        QMenu *menu = nullptr;
        if (!test::spinUntil(
                [&] { return (menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())); }, 10000)) {
            qWarning("No menu opened to choose \"%s\" in", qPrintable(name));
            return false;
        }
        for (int i = 0; i < 40; ++i) {
            QTest::keyClick(menu, Qt::Key_Down);
            if (menu->activeAction() &&
                QString(menu->activeAction()->text()).remove(QLatin1Char('&')) == name) {
                QTest::keyClick(menu, Qt::Key_Return);
                return true;
            }
        }
        QStringList seen;
        for (QAction *action : menu->actions())
            seen << action->text();
        qWarning("The menu \"%s\" has no entry \"%s\"; it has: %s", qPrintable(menu->title()),
                 qPrintable(name), qPrintable(seen.join(QStringLiteral(", "))));
        menu->close();
        return false;
    }

    // Opens a view's menu with the Menu key (over its current item), and chooses `name` in it; `path` goes
    // through submenus first ("Add to album" then the album's name).
    bool chooseFromMenuOf(QAbstractItemView *view, const QStringList &path)
    {
        bool chosen = false;
        QTimer::singleShot(0, m_window.get(), [&chosen, path] {
            for (const QString &name : path) {
                QMenu *before = qobject_cast<QMenu *>(QApplication::activePopupWidget());
                chosen = chooseFromMenu(name);
                if (!chosen)
                    return;
                // A submenu opens on Enter: wait for it before choosing in it.
                if (name != path.last() &&
                    !test::spinUntil([&] { return QApplication::activePopupWidget() != before; }, 10000))
                    chosen = false;
            }
        });
        // A menu that opens only after the choosing above gave up is closed rather than left waiting.
        QTimer guard;
        guard.setSingleShot(true);
        connect(&guard, &QTimer::timeout, [] {
            while (QWidget *popup = QApplication::activePopupWidget())
                popup->close();
        });
        guard.start(15000);
        view->setFocus();
        // The Menu key, as the desktop's platform plugin turns it into a keyboard context menu event (xcb
        // does; the offscreen one does not).
        QContextMenuEvent keyboardMenu(QContextMenuEvent::Keyboard, QPoint(), QPoint());
        QCoreApplication::sendEvent(view->viewport(), &keyboardMenu);
        test::spinUntil([] { return !QApplication::activePopupWidget(); }, 5000);
        return chosen;
    }
    bool chooseFromGridMenu(const QString &name) { return chooseFromMenuOf(m_window->grid(), {name}); }

    // Reads the model on (as scrolling down would) until it holds `id`.
    static bool fetchUntilHeld(PagedFileModel *model, const QString &id)
    {
        return test::spinUntil(
            [&] {
                if (model->rowOfId(id) >= 0)
                    return true;
                if (model->canFetchMore())
                    model->fetchMore();
                return false;
            },
            10000);
    }

    QString lastNote() const { return m_window->messages()->text(); }

    // A manual album of "My albums" and one of its photos that is in Camera.
    std::pair<QString, QString> albumPhotoInCamera()
    {
        const QString camera = m_sim->folderNamed(QStringLiteral("Camera"));
        const QStringList inCamera = m_sim->childIds(camera);
        QAbstractItemModel *albums = m_window->myAlbumsView()->model();
        for (int row = 0; row < albums->rowCount(); ++row) {
            const QModelIndex album = albums->index(row, 0);
            if (!album.data(models::AlbumListModel::IsManualRole).toBool())
                continue;
            const QString id = album.data(models::AlbumListModel::IdRole).toString();
            for (const QString &file : m_sim->albumItems(id))
                if (inCamera.contains(file))
                    return {id, file};
        }
        return {};
    }

private slots:
    void initTestCase() { useScratchSettings("tst_MainWindowHabits"); }
    void cleanup() { closeAll(); }

    // S stars the selection (the tiles show a heart at once), the server has them, and the Favourites place
    // lists them; a click on a tile's heart stars it too; Ctrl+Z unstars what S starred.
    void favouritesToggledInTheGridAreInFavouritesAndOnTheServer()
    {
        openFreshWindow();
        openCamera();
        const QStringList before = starredOnServer();
        selectRows({3, 5});
        const QString a = gridId(3), b = gridId(5);
        QVERIFY(m_window->favoriteAction()->isEnabled());
        QTest::keyClick(m_window->grid(), Qt::Key_S);
        QVERIFY(m_window->grid()->model()->index(3, 0).data(PagedFileModel::FavoriteRole).toBool());
        QTRY_VERIFY2(starredOnServer().contains(a) && starredOnServer().contains(b), qPrintable(lastNote()));
        QTRY_VERIFY(lastNote().startsWith(QStringLiteral("Added 2 file")));

        // A click on the heart of another tile.
        const QModelIndex third = m_window->grid()->model()->index(8, 0);
        m_window->grid()->scrollTo(third);
        const QRect cell = m_window->grid()->visualRect(third);
        const QPoint heart = m_window->grid()->tileDelegate()->heartRect(cell).center();
        const int beforeHeart = m_window->undoSteps();
        QTest::mouseClick(m_window->grid()->viewport(), Qt::LeftButton, {}, heart);
        const QString c = gridId(8);
        QTRY_VERIFY(starredOnServer().contains(c));
        // Its answer is in (the server has the star a moment before the window hears of it): the viewer's
        // step below is counted from here.
        QTRY_COMPARE(m_window->undoSteps(), beforeHeart + 1);

        // In the viewer, S stars the photo shown.
        const QString viewed = gridId(10);
        doubleClick(m_window->grid(), m_window->grid()->model()->index(10, 0));
        QTRY_VERIFY(m_window->viewer()->isVisible());
        const int steps = m_window->undoSteps();
        QTest::keyClick(m_window->viewer(), Qt::Key_S);
        QTRY_VERIFY(starredOnServer().contains(viewed));
        QTRY_COMPARE(m_window->undoSteps(), steps + 1); // its answer is in
        QTest::keyClick(m_window->viewer(), Qt::Key_Escape);
        QTRY_VERIFY(!m_window->viewer()->isVisible());
        m_window->undoAction()->trigger(); // undone again (Ctrl+Z itself is pressed below)
        QTRY_VERIFY_WITH_TIMEOUT(!starredOnServer().contains(viewed), 15000);

        // The Favourites place lists the three, newest star first, and its tiles show the heart.
        QTest::mouseClick(m_window->favoritesButton(), Qt::LeftButton);
        QTRY_COMPARE(m_window->grid()->model(), static_cast<QAbstractItemModel *>(m_window->starred()));
        QTRY_COMPARE(m_window->grid()->model()->rowCount(), int(before.size()) + 3);
        QStringList listed;
        for (int row = 0; row < 3; ++row) {
            listed << gridId(row);
            QVERIFY(m_window->grid()->model()->index(row, 0).data(PagedFileModel::FavoriteRole).toBool());
        }
        QCOMPARE(listed.first(), c);
        QVERIFY(listed.contains(a) && listed.contains(b));

        // Ctrl+Z takes the heart click back, then S's two.
        QTest::keyClick(m_window->grid(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_VERIFY(!starredOnServer().contains(c));
        QTest::keyClick(m_window->grid(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(starredOnServer(), before);
    }

    // Del in a folder moves the selection to the recycle bin (on the server; out of the folder and its
    // album); the recycle bin lists it, offers no "Add to album", and Restore puts it back in both.
    void deleteThenRestoreFromTheRecycleBin()
    {
        openFreshWindow();
        QTRY_VERIFY(myAlbum(true).isValid());
        const auto [albumId, photo] = albumPhotoInCamera();
        QVERIFY(!photo.isEmpty());
        openCamera();
        models::FolderModel *camera = m_window->folder();
        QVERIFY(fetchUntilHeld(camera, photo));
        const int rowsBefore = camera->rowCount();
        selectRows({camera->rowOfId(photo)});
        QTest::keyClick(m_window->grid(), Qt::Key_Delete);
        QTRY_VERIFY(recycledOnServer(photo));
        QTRY_COMPARE(camera->rowOfId(photo), -1);
        QTRY_VERIFY(lastNote().startsWith(QStringLiteral("Moved 1 item")));

        // The recycle bin has it; nothing there goes into an album.
        QTest::mouseClick(m_window->recycleBinButton(), Qt::LeftButton);
        QTRY_VERIFY(camera->location().recycleBin);
        QVERIFY(fetchUntilHeld(camera, photo));
        selectRows({camera->rowOfId(photo)});
        QVERIFY(m_window->restoreAction()->isEnabled());
        QVERIFY(!m_window->toRecycleBinAction()->isEnabled());
        QVERIFY(!m_window->favoriteAction()->isEnabled());
        QVERIFY(!m_window->grid()->dragEnabled());
        QVERIFY(chooseFromGridMenu(QStringLiteral("Restore")));
        QTRY_VERIFY(!recycledOnServer(photo));
        QTRY_COMPARE(camera->rowOfId(photo), -1); // it left the bin
        QTRY_VERIFY(lastNote().contains(QStringLiteral("Restored 1 item")));

        // Back in its folder and in its album.
        openCamera();
        QTRY_COMPARE(camera->rowCount() >= rowsBefore || camera->canFetchMore(), true);
        QVERIFY(m_sim->childIds(m_sim->folderNamed(QStringLiteral("Camera"))).contains(photo));
        QVERIFY(m_sim->albumItems(albumId).contains(photo));
        const QModelIndex album = [&] {
            QAbstractItemModel *albums = m_window->myAlbumsView()->model();
            for (int row = 0; row < albums->rowCount(); ++row)
                if (albums->index(row, 0).data(models::AlbumListModel::IdRole).toString() == albumId)
                    return albums->index(row, 0);
            return QModelIndex();
        }();
        m_window->myAlbumsView()->setCurrentIndex(album);
        QTRY_COMPARE(m_window->albumContents()->albumId(), albumId);
        QVERIFY(fetchUntilHeld(m_window->albumContents(), photo));
    }

    // Ctrl+Z after adding to an album takes out what went in (not what was there); after Del, the files
    // come back from the recycle bin.
    void undoPutsTheServerBackAfterAnAddAndAfterADelete()
    {
        openFreshWindow();
        QTRY_VERIFY(manualAlbumWith(3).isValid());
        const QPersistentModelIndex album = manualAlbumWith(3);
        const QString albumId = album.data(models::AlbumListModel::IdRole).toString();
        const QStringList itemsBefore = m_sim->albumItems(albumId);
        openCamera();
        selectRows({0, 1, 2});
        m_window->addSelectionToAlbum(albumId);
        QTRY_VERIFY(lastNote().contains(QStringLiteral("added")));
        QVERIFY(m_sim->albumItems(albumId) != itemsBefore);
        QVERIFY(m_window->undoAction()->isEnabled());
        QTest::keyClick(m_window->grid(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(m_sim->albumItems(albumId), itemsBefore);

        // Taken out of the album (Del there), and put back by Ctrl+Z.
        m_window->myAlbumsView()->setCurrentIndex(album);
        QTRY_COMPARE(m_window->albumContents()->albumId(), albumId);
        QTRY_VERIFY(m_window->albumContents()->rowCount() >= 2);
        selectRows({0, 1});
        QTest::keyClick(m_window->grid(), Qt::Key_Delete);
        QTRY_COMPARE(m_sim->albumItems(albumId).size(), itemsBefore.size() - 2);
        // Undo offers the removal once its answer is in (the server may have it a moment before the window:
        // under ASan and load CI pressed Ctrl+Z in between).
        QTRY_VERIFY(m_window->undoAction()->isEnabled() &&
                    m_window->undoAction()->text().contains(QStringLiteral("Remove from album")));
        QTest::keyClick(m_window->grid(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(m_sim->albumItems(albumId), itemsBefore);
        openCamera();

        selectRows({4, 6});
        const QString a = gridId(4), b = gridId(6);
        QTest::keyClick(m_window->grid(), Qt::Key_Delete);
        QTRY_VERIFY(recycledOnServer(a) && recycledOnServer(b));
        // The note's own Undo button does the same as Ctrl+Z.
        QTRY_VERIFY(lastNote().contains(QStringLiteral("recycle bin")));
        QPushButton *undo = nullptr;
        for (QPushButton *button : m_window->messages()->findChildren<QPushButton *>())
            if (button->isVisible() && button->text().remove(QLatin1Char('&')) == QLatin1String("Undo"))
                undo = button;
        QVERIFY(undo);
        QTest::mouseClick(undo, Qt::LeftButton);
        QTRY_VERIFY(!recycledOnServer(a) && !recycledOnServer(b));
        QTRY_VERIFY(m_window->folder()->rowOfId(a) >= 0);
    }

    // Delete for good asks first, with Cancel the default; Cancel changes nothing.
    void deleteForGoodAsksFirst()
    {
        openFreshWindow();
        openCamera();
        selectRows({2});
        const QString id = gridId(2);
        QTest::keyClick(m_window->grid(), Qt::Key_Delete);
        QTRY_VERIFY(recycledOnServer(id));
        QTest::mouseClick(m_window->recycleBinButton(), Qt::LeftButton);
        QTRY_VERIFY(m_window->folder()->rowOfId(id) >= 0);
        selectRows({m_window->folder()->rowOfId(id)});
        QString asked;
        bool cancelIsDefault = false;
        m_window->setConfirmForGood([&](QMessageBox *box) {
            asked = box->text();
            cancelIsDefault = box->defaultButton() == box->button(QMessageBox::Cancel);
            return false;
        });
        QTest::keyClick(m_window->grid(), Qt::Key_Delete);
        QVERIFY2(asked.startsWith(QStringLiteral("Delete 1 item")), qPrintable(asked));
        QVERIFY(cancelIsDefault);
        QTest::qWait(300);
        QCOMPARE(m_sim->column(QStringLiteral("SELECT count(*) FROM files WHERE id = ?"), {id}).value(0),
                 QStringLiteral("1"));
        m_window->setConfirmForGood([](QMessageBox *) { return true; });
        QTest::keyClick(m_window->grid(), Qt::Key_Delete);
        QTRY_COMPARE(m_window->folder()->rowOfId(id), -1);
        QTRY_VERIFY(
            m_sim->column(QStringLiteral("SELECT recycled FROM files WHERE id = ?"), {id}).isEmpty() ||
            !m_sim->childIds(m_sim->folderNamed(QStringLiteral("Camera"))).contains(id));
        QVERIFY(!m_window->undoAction()->text().contains(QStringLiteral("Delete")));

        // Empty recycle bin (from the grid's menu) asks the same way, and leaves nothing in the bin.
        openCamera();
        selectRows({3, 4});
        QTest::keyClick(m_window->grid(), Qt::Key_Delete);
        QTRY_VERIFY(lastNote().startsWith(QStringLiteral("Moved 2")));
        QTest::mouseClick(m_window->recycleBinButton(), Qt::LeftButton);
        QTRY_VERIFY(m_window->folder()->rowCount() >= 2);
        selectRows({0});
        asked.clear();
        m_window->setConfirmForGood([&](QMessageBox *box) {
            asked = box->text();
            return true;
        });
        QVERIFY(chooseFromGridMenu(QStringLiteral("Empty recycle bin…")));
        QCOMPARE(asked, QStringLiteral("Delete everything in the recycle bin for good?"));
        const auto inBin = [this] {
            return m_sim->column(QStringLiteral("SELECT count(*) FROM files WHERE recycled = 1")).value(0);
        };
        QTRY_COMPARE(inBin(), QStringLiteral("0"));
        QTRY_COMPARE(m_window->folder()->rowCount(), 0);
        QTRY_VERIFY(m_window->grid()->shownEmptyText().contains(QStringLiteral("recycle bin is empty")));
    }

    // F2 edits the name in place; Enter renames on the server; Ctrl+Z gives the old name back.
    void renameInPlaceAndUndo()
    {
        openFreshWindow();
        openCamera();
        selectRows({1});
        const QString id = gridId(1);
        const QString was = nameOnServer(id);
        QTest::keyClick(m_window->grid(), Qt::Key_F2);
        QLineEdit *editor = nullptr;
        QTRY_VERIFY((editor = m_window->grid()->viewport()->findChild<QLineEdit *>()) && editor->isVisible());
        QCOMPARE(editor->text(), was);
        QTRY_COMPARE(editor->selectedText(),
                     was.section(QLatin1Char('.'), 0, -2)); // the name, not its extension
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("Harbour at dawn.jpg"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(nameOnServer(id), QStringLiteral("Harbour at dawn.jpg"), 5000);
        QVERIFY2(!m_window->messages()->showsError(), qPrintable(lastNote()));
        QTRY_COMPARE(m_window->folder()->index(m_window->folder()->rowOfId(id), 0).data().toString(),
                     QStringLiteral("Harbour at dawn.jpg"));
        QTest::keyClick(m_window->grid(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(nameOnServer(id), was);
    }

    // Ctrl+Shift+N makes a folder here and edits its name in place.
    void newFolderIsNamedInPlace()
    {
        openFreshWindow();
        openCamera();
        const QString camera = m_sim->folderNamed(QStringLiteral("Camera"));
        const QStringList foldersBefore = m_sim->childIds(camera, 10);
        QTest::keyClick(m_window->grid(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(m_sim->childIds(camera, 10).size(), foldersBefore.size() + 1);
        QLineEdit *editor = nullptr;
        QTRY_VERIFY((editor = m_window->grid()->viewport()->findChild<QLineEdit *>()) && editor->isVisible());
        QCOMPARE(editor->text(), QStringLiteral("New folder"));
        QTest::keyClicks(editor, QStringLiteral("Trips"));
        QTest::keyClick(editor, Qt::Key_Return);
        QString made;
        for (const QString &id : m_sim->childIds(camera, 10))
            if (!foldersBefore.contains(id))
                made = id;
        QTRY_COMPARE(nameOnServer(made), QStringLiteral("Trips"));
    }

    // Every menu's entries work from the keyboard: the grid's (Favourite, New album from selection, Move to
    // recycle bin), an album's (Rename in place), a tree folder's (Rename, Move to recycle bin, Add to
    // album).
    void contextMenusWorkFromTheKeyboard()
    {
        openFreshWindow();
        QTRY_VERIFY(myAlbum(true).isValid());
        openCamera();

        selectRows({2});
        const QString starred = gridId(2);
        QVERIFY(chooseFromGridMenu(QStringLiteral("Favourite")));
        QTRY_VERIFY(starredOnServer().contains(starred));

        selectRows({5, 6});
        QStringList chosen{gridId(5), gridId(6)};
        chosen.sort(); // as albumItems() gives them
        QVERIFY(chooseFromMenuOf(
            m_window->grid(), {QStringLiteral("Add to album"), QStringLiteral("New album from selection…")}));
        ui::AlbumDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ui::AlbumDialog *>()) && dialog->isVisible());
        dialog->setName(QStringLiteral("Picked"));
        pressOk(dialog);
        QStringList made;
        QTRY_COMPARE(
            (made = m_sim->column(QStringLiteral("SELECT id FROM albums WHERE name = 'Picked'"))).size(), 1);
        QTRY_COMPARE(m_sim->albumItems(made.first()), chosen);

        openCamera();
        selectRows({7});
        const QString binned = gridId(7);
        QSignalSpy albumListResets(m_window->albums(), &QAbstractItemModel::modelReset);
        QVERIFY(chooseFromGridMenu(QStringLiteral("Move to recycle bin")));
        QTRY_VERIFY(recycledOnServer(binned));
        QTRY_VERIFY(m_window->grid()
                        ->model()
                        ->match(m_window->grid()->model()->index(0, 0), PagedFileModel::IdRole, binned, 1,
                                Qt::MatchExactly)
                        .isEmpty());          // the job is over
        QCOMPARE(albumListResets.count(), 0); // the albums' counts and covers are read again in place

        // An album: Rename edits its name in place.
        QListView *albums = m_window->myAlbumsView();
        const QModelIndex album = myAlbum(true);
        const QString albumId = album.data(models::AlbumListModel::IdRole).toString();
        albums->selectionModel()->setCurrentIndex(album, QItemSelectionModel::NoUpdate);
        QVERIFY(chooseFromMenuOf(albums, {QStringLiteral("Rename")}));
        QLineEdit *editor = nullptr;
        QTRY_VERIFY((editor = albums->viewport()->findChild<QLineEdit *>()) && editor->isVisible());
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("Renamed here"));
        // The lists read again meanwhile (after a move to the recycle bin, say): what is typed stays.
        const QModelIndex row = m_window->albums()->index(m_window->albums()->rowOfId(albumId));
        emit m_window->albums()->dataChanged(row, row);
        QCOMPARE(editor->text(), QStringLiteral("Renamed here"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(
            m_sim->column(QStringLiteral("SELECT name FROM albums WHERE id = ?"), {albumId}).value(0),
            QStringLiteral("Renamed here"));
        // (The list has the server's answer too before a menu lists the album by its new name.)
        QTRY_COMPARE(m_window->albums()->albumAt(m_window->albums()->rowOfId(albumId)).name,
                     QStringLiteral("Renamed here"));

        // An album's slideshow starts from its menu. (The rename above may have moved rows: `album` is
        // stale.)
        const QModelIndex withPhotos = manualAlbumWith(2);
        QVERIFY(withPhotos.isValid());
        albums->selectionModel()->setCurrentIndex(withPhotos, QItemSelectionModel::NoUpdate);
        QVERIFY(chooseFromMenuOf(albums, {QStringLiteral("Slideshow")}));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->viewer()->isVisible() && m_window->viewer()->isSlideshowRunning(),
                                 15000);
        QTRY_VERIFY(m_window->isFullScreen()); // a slideshow is full screen: Esc leaves that, then the viewer
        QTest::keyClick(m_window->viewer(), Qt::Key_Escape);
        QTRY_VERIFY(!m_window->isFullScreen());
        QTest::keyClick(m_window->viewer(), Qt::Key_Escape);
        QTRY_VERIFY(!m_window->viewer()->isVisible());

        // A folder of the tree: renamed, its photos added to an album, then moved to the recycle bin.
        QTreeView *tree = m_window->folderTree();
        const QString partyId = m_sim->folderNamed(QStringLiteral("Party"));
        tree->selectionModel()->setCurrentIndex(treeFolder(QStringLiteral("Party")),
                                                QItemSelectionModel::NoUpdate);
        m_window->setAnswerRename([](QInputDialog *ask) {
            return ask->textValue() == QLatin1String("Party") ? QStringLiteral("Party 2026") : QString();
        });
        QVERIFY(chooseFromMenuOf(tree, {QStringLiteral("Rename…")}));
        QTRY_COMPARE(nameOnServer(partyId), QStringLiteral("Party 2026"));
        QTRY_VERIFY(treeFolder(QStringLiteral("Party 2026")).isValid());

        tree->selectionModel()->setCurrentIndex(treeFolder(QStringLiteral("Party 2026")),
                                                QItemSelectionModel::NoUpdate);
        QVERIFY(chooseFromMenuOf(tree, {QStringLiteral("Add to album"), QStringLiteral("Renamed here")}));
        QTRY_VERIFY(m_sim->albumItems(albumId).contains(m_sim->childIds(partyId).first()));

        tree->selectionModel()->setCurrentIndex(treeFolder(QStringLiteral("Party 2026")),
                                                QItemSelectionModel::NoUpdate);
        QVERIFY(chooseFromMenuOf(tree, {QStringLiteral("Move to recycle bin")}));
        QTRY_VERIFY(recycledOnServer(partyId));
        QTRY_VERIFY(!treeFolder(QStringLiteral("Party 2026")).isValid());
    }

    // "Show in folder" on an album's photo opens the folder it is in, with it selected.
    void showInFolderOpensTheFolderWithTheFileSelected()
    {
        openFreshWindow();
        QTRY_VERIFY(myAlbum(true).isValid());
        const auto [albumId, photo] = albumPhotoInCamera();
        QVERIFY(!photo.isEmpty());
        QAbstractItemModel *albums = m_window->myAlbumsView()->model();
        for (int row = 0; row < albums->rowCount(); ++row)
            if (albums->index(row, 0).data(models::AlbumListModel::IdRole).toString() == albumId)
                m_window->myAlbumsView()->setCurrentIndex(albums->index(row, 0));
        QTRY_COMPARE(m_window->albumContents()->albumId(), albumId);
        QVERIFY(fetchUntilHeld(m_window->albumContents(), photo));
        selectRows({m_window->albumContents()->rowOfId(photo)});
        QVERIFY(chooseFromGridMenu(QStringLiteral("Show in folder")));
        QTRY_VERIFY2(m_window->folder()->location().folderId == m_sim->folderNamed(QStringLiteral("Camera")),
                     qPrintable(lastNote()));
        QTRY_COMPARE(m_window->grid()->model(), static_cast<QAbstractItemModel *>(m_window->folder()));
        QTRY_COMPARE(m_window->grid()->currentIndex().data(PagedFileModel::IdRole).toString(), photo);
        QVERIFY(m_window->grid()->selectionModel()->isSelected(m_window->grid()->currentIndex()));
        QCOMPARE(m_window->folderTree()->currentIndex(),
                 treeFolder(QStringLiteral("Camera"))); // the tree follows
    }

    // The menus' other entries, from the keyboard too: View, New folder (the grid's); Open, Delete album
    // (an album's, which asks first); Open, New folder (a tree folder's).
    void theMenusOtherEntriesFromTheKeyboard()
    {
        openFreshWindow();
        QTRY_VERIFY(manualAlbumWith(1).isValid());
        openCamera();
        selectRows({0});
        QVERIFY(chooseFromGridMenu(QStringLiteral("View")));
        QTRY_VERIFY(m_window->viewer()->isVisible());
        QCOMPARE(m_window->viewer()->currentRow(), 0);
        QTest::keyClick(m_window->viewer(), Qt::Key_Escape);
        QTRY_VERIFY(!m_window->viewer()->isVisible());

        const QString camera = m_sim->folderNamed(QStringLiteral("Camera"));
        const qsizetype foldersInCamera = m_sim->childIds(camera, 10).size();
        QVERIFY(chooseFromGridMenu(QStringLiteral("New folder")));
        QTRY_COMPARE(m_sim->childIds(camera, 10).size(), foldersInCamera + 1);
        QLineEdit *editor = nullptr;
        QTRY_VERIFY((editor = m_window->grid()->viewport()->findChild<QLineEdit *>()) && editor->isVisible());
        QTest::keyClick(editor, Qt::Key_Escape); // keeps "New folder"

        QListView *albums = m_window->myAlbumsView();
        const QModelIndex album = manualAlbumWith(1);
        const QString albumId = album.data(models::AlbumListModel::IdRole).toString();
        albums->selectionModel()->setCurrentIndex(album, QItemSelectionModel::NoUpdate);
        QVERIFY(chooseFromMenuOf(albums, {QStringLiteral("Open")}));
        QTRY_COMPARE(m_window->albumContents()->albumId(), albumId);
        QVERIFY(chooseFromMenuOf(albums, {QStringLiteral("Delete album")}));
        QMessageBox *ask = nullptr;
        QTRY_VERIFY((ask = m_window->findChild<QMessageBox *>()) && ask->isVisible());
        QCOMPARE(ask->defaultButton(), ask->button(QMessageBox::Cancel));
        ask->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!m_window->findChild<QMessageBox *>());
        QCOMPARE(
            m_sim->column(QStringLiteral("SELECT count(*) FROM albums WHERE id = ?"), {albumId}).value(0),
            QStringLiteral("1"));

        QTreeView *tree = m_window->folderTree();
        const QString party = m_sim->folderNamed(QStringLiteral("Party"));
        tree->selectionModel()->setCurrentIndex(treeFolder(QStringLiteral("Party")),
                                                QItemSelectionModel::NoUpdate);
        QVERIFY(chooseFromMenuOf(tree, {QStringLiteral("Open")}));
        QTRY_COMPARE(m_window->folder()->location().folderId, party);
        const qsizetype foldersInParty = m_sim->childIds(party, 10).size();
        QVERIFY(chooseFromMenuOf(tree, {QStringLiteral("New folder")}));
        QTRY_COMPARE(m_sim->childIds(party, 10).size(), foldersInParty + 1);
    }

    // The album lists: a filter by name, newest first or by name (numbers in order), and never a sideways
    // scrollbar however long a name.
    void albumListsFilterAndSortByName()
    {
        openFreshWindow();
        QTRY_VERIFY(myAlbum(true).isValid());
        for (const QString &name :
             {QStringLiteral("Trip 10"), QStringLiteral("Trip 2"), QStringLiteral("trip 1")}) {
            // Made through the service, as another device would; read when the lists are read again.
            QCOMPARE(m_sim
                         ->post(QStringLiteral("/koodrive/ose/v1/album/create"),
                                {{QStringLiteral("name"), name},
                                 {QStringLiteral("type"), 2},
                                 {QStringLiteral("albumKind"), 1}})
                         .status,
                     200);
        }
        m_window->albums()->reload();
        QAbstractItemModel *mine = m_window->myAlbumsView()->model();
        const auto shownNames = [mine] {
            QStringList names;
            for (int row = 0; row < mine->rowCount(); ++row)
                names << mine->index(row, 0).data().toString();
            return names;
        };
        QTRY_VERIFY(shownNames().contains(QStringLiteral("Trip 10")));
        // Newest first: in the service's order, as the album list call gave them.
        QStringList served;
        for (int row = 0; row < m_window->albums()->rowCount(); ++row)
            if (m_window->albums()->albumAt(row).kind == api::AlbumKind::Personal)
                served << m_window->albums()->index(row).data().toString();
        QCOMPARE(shownNames(), served);

        QMenu *order = m_window->albumOrderButton()->menu();
        for (QAction *choice : order->actions())
            if (choice->text() == QLatin1String("By name"))
                choice->trigger();
        QStringList byName = shownNames();
        const int trip = int(byName.indexOf(QStringLiteral("trip 1")));
        QVERIFY(trip >= 0);
        QCOMPARE(byName.mid(trip, 3), (QStringList{QStringLiteral("trip 1"), QStringLiteral("Trip 2"),
                                                   QStringLiteral("Trip 10")}));
        QVERIFY(byName != served); // it did reorder

        QTest::keyClicks(m_window->albumFilterBox(), QStringLiteral("TRIP"));
        QTRY_COMPARE(shownNames(), (QStringList{QStringLiteral("trip 1"), QStringLiteral("Trip 2"),
                                                QStringLiteral("Trip 10")}));
        m_window->albumFilterBox()->clear();
        QTRY_COMPARE(shownNames().size(), byName.size());

        // A long name in a narrow sidebar: cut short, no sideways scrollbar.
        QCOMPARE(m_sim
                     ->post(QStringLiteral("/koodrive/ose/v1/album/create"),
                            {{QStringLiteral("name"), QStringLiteral("Summer holidays 2026")},
                             {QStringLiteral("type"), 2},
                             {QStringLiteral("albumKind"), 1}})
                     .status,
                 200);
        m_window->albums()->reload();
        QTRY_VERIFY(shownNames().contains(QStringLiteral("Summer holidays 2026")));
        for (QAbstractScrollArea *list : {static_cast<QAbstractScrollArea *>(m_window->myAlbumsView()),
                                          static_cast<QAbstractScrollArea *>(m_window->folderTree())}) {
            list->resize(120, list->height());
            QCoreApplication::processEvents();
            QVERIFY(!list->horizontalScrollBar()->isVisible());
        }
    }

    // "Search all of My drive" finds a file two folders deep, as a place to select from.
    void wholeDriveSearchFindsAFileTwoFoldersDeep()
    {
        makeLibrary();
        const QString trips = m_sim->addFolder(QStringLiteral("Trips"), 2);
        const QString year = m_sim->addFolder(QStringLiteral("2024"), 3, sim::FileType::Image, trips);
        const QString deep = m_sim->childIds(year).first();
        m_sim->column(QStringLiteral("UPDATE files SET name = 'lighthouse at dusk.jpg' WHERE id = ?"),
                      {deep});
        openWindowOn(m_sim->server().url());
        openCamera();
        QLineEdit *search = nullptr;
        for (QLineEdit *box : m_window->findChildren<QLineEdit *>())
            if (box->accessibleName() == QLatin1String("Search"))
                search = box;
        QVERIFY(search);
        QTest::keyClick(m_window->grid(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("lighthouse"));
        QTRY_COMPARE(m_window->grid()->model(), static_cast<QAbstractItemModel *>(m_window->driveSearch()));
        QTRY_COMPARE(m_window->driveSearch()->keyWord(), QStringLiteral("lighthouse"));
        QTRY_COMPARE(m_window->grid()->model()->rowCount(), 1);
        QCOMPARE(gridId(0), deep);
        QVERIFY(m_window->driveSearch()->namePath(deep).endsWith(
            QStringLiteral("/Trips/2024/lighthouse at dusk.jpg")));
        // A place like any other: its result is selected and starred from there.
        selectRows({0});
        QTest::keyClick(m_window->grid(), Qt::Key_S);
        QTRY_VERIFY(starredOnServer().contains(deep));
    }
};

QTEST_MAIN(TestMainWindowHabits)
#include "tst_MainWindowHabits.moc"
