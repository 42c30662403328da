// What a walkthrough of the window found wrong (issue 16), each checked as a person meets it, in the real
// window (offscreen), in English and where it matters in Chinese.
#include "MainWindowTesting.h"
#include "dialogs/AlbumDialog.h"
#include "i18n/Language.h"
#include "models/AlbumContentsModel.h"
#include "models/FolderModel.h"
#include "models/FolderTreeModel.h"
#include "widgets/MessageBar.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QScopeGuard>
#include <QScreen>
#include <QScrollBar>
#include <QStatusBar>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>
#include <QWheelEvent>

using namespace koodrive;
using Step = sim::SimHttpServer::FaultStep;

namespace {

// The app's display name as main() sets it (in the language installed), for as long as a test runs.
auto useDisplayNameAsMainDoes()
{
    QGuiApplication::setApplicationDisplayName(ui::MainWindow::displayName());
    return qScopeGuard([] { QGuiApplication::setApplicationDisplayName(QString()); });
}

} // namespace

class TestMainWindowWalkthrough : public koodrive::test::MainWindowTestCase
{
    Q_OBJECT

    // The rows of Help ▸ Keyboard shortcuts (the dialog is modal: it is read and closed from inside).
    QStringList shortcutNames()
    {
        QAction *keys = nullptr;
        const QList<QAction *> menus = m_window->menuBar()->actions();
        for (QAction *action : menus.last()->menu()->actions())
            if (!action->isSeparator() && !keys)
                keys = action; // the Help menu's first entry
        QStringList names;
        QTimer::singleShot(0, m_window.get(), [this, &names] {
            QTableWidget *table = nullptr;
            QTRY_VERIFY((table = m_window->findChild<QTableWidget *>()) && table->isVisible());
            for (int row = 0; row < table->rowCount(); ++row)
                names << table->item(row, 0)->text();
            qobject_cast<QDialog *>(table->window())->reject();
        });
        keys->trigger();
        return names;
    }

    // The label of the window's given accessible name (the status bar's counts, the place's header).
    QLabel *label(const QString &accessibleName) const
    {
        for (QLabel *label : m_window->findChildren<QLabel *>())
            if (label->accessibleName() == accessibleName)
                return label;
        return nullptr;
    }

    // The toolbar's box of the given accessible name ("Search", "Show").
    template<typename Box>
    Box *box(const QString &accessibleName) const
    {
        for (Box *box : m_window->findChildren<Box *>())
            if (box->accessibleName() == accessibleName)
                return box;
        return nullptr;
    }

    void showAlbum(const QModelIndex &album)
    {
        m_window->myAlbumsView()->setCurrentIndex(album);
        m_window->myAlbumsView()->selectionModel()->select(album, QItemSelectionModel::ClearAndSelect);
        QTRY_COMPARE(m_window->albumContents()->albumId(),
                     album.data(models::AlbumListModel::IdRole).toString());
    }

private slots:
    void initTestCase() { useScratchSettings("tst_MainWindowWalkthrough"); }
    void cleanup()
    {
        closeAll();
        test::removeTranslators();
    }

    // 1. Signing out (and cancelling the sign-in that follows) left the account on screen, with Edit and
    // Delete album offered; signed in again, an album opened as "0 items so far".
    void signingOutLeavesASignedOutWindow()
    {
        openFreshWindow();
        QTRY_VERIFY(treeFolder(QStringLiteral("Camera")).isValid());
        m_window->signInWithDialog();
        signInAs(QStringLiteral("demo@koodrive.local"), QStringLiteral("demo"));
        QTRY_VERIFY(manualAlbumWith(1).isValid());
        showAlbum(manualAlbumWith(1));
        QTRY_VERIFY(m_window->grid()->model()->rowCount() > 0);
        QVERIFY(m_window->editAlbumAction()->isEnabled());

        m_window->signOutOfServer();
        QVERIFY(answerForgetQuestion(QStringLiteral("Keep")));
        ui::SignInDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ui::SignInDialog *>()) && dialog->isVisible());
        dialog->reject();
        QTRY_VERIFY(!m_window->findChild<ui::SignInDialog *>());

        // A signed-out window: it says so, offers to sign in, and nothing of the account is left.
        QVERIFY(m_window->signedOutPage() && m_window->signedOutPage()->isVisible());
        QCOMPARE(m_window->myAlbumsView()->model()->rowCount(), 0);
        QCOMPARE(m_window->folderTree()->model()->rowCount(), 0);
        for (QAction *action :
             {m_window->newAlbumAction(), m_window->editAlbumAction(), m_window->deleteAlbumAction(),
              m_window->removeFromAlbumAction(), m_window->uploadPhotosAction()})
            QVERIFY2(!action->isEnabled(), qPrintable(action->text()));
        for (const char *name : {"Search", "Show", "Sort order", "Thumbnail size"})
            QVERIFY2(!box<QWidget>(QString::fromLatin1(name))->isEnabled(), name);

        // Its Sign in button signs in again: the albums open with what they hold.
        QPushButton *signIn = m_window->signedOutPage()->findChild<QPushButton *>();
        QVERIFY(signIn);
        signIn->click();
        signInAs(QStringLiteral("demo@koodrive.local"), QStringLiteral("demo"));
        QVERIFY(!m_window->signedOutPage()->isVisible());
        QTRY_VERIFY(manualAlbumWith(1).isValid());
        const QString albumId = manualAlbumWith(1).data(models::AlbumListModel::IdRole).toString();
        showAlbum(manualAlbumWith(1));
        QTRY_COMPARE(m_window->grid()->model()->rowCount(), int(m_sim->albumItems(albumId).size()));
        QLabel *counts = label(QStringLiteral("Items"));
        QTRY_VERIFY2(!counts->text().contains(QLatin1String("so far")), qPrintable(counts->text()));
        QVERIFY(m_window->newAlbumAction()->isEnabled());
        QVERIFY(box<QWidget>(QStringLiteral("Sort order"))->isEnabled());
    }

    // 2. Taking photos out of an album left the sidebar and the status bar at the old count, and renaming the
    // album shown left its old name in the header.
    void theCountsAndTheNameFollowTheAlbum()
    {
        openFreshWindow();
        QTRY_VERIFY(manualAlbumWith(3).isValid());
        const QPersistentModelIndex album = manualAlbumWith(3);
        const QString albumId = album.data(models::AlbumListModel::IdRole).toString();
        const int before = int(m_sim->albumItems(albumId).size());
        showAlbum(album);
        QLabel *counts = label(QStringLiteral("Items"));
        QLabel *header = label(QStringLiteral("Location"));
        QVERIFY(counts && header);
        QTRY_COMPARE(album.data(models::AlbumListModel::CountRole).toInt(), before);
        QTRY_VERIFY2(counts->text().startsWith(QStringLiteral("%1 item").arg(before)),
                     qPrintable(counts->text()));
        QTRY_VERIFY(m_window->grid()->model()->rowCount() >= 2);

        QItemSelectionModel *selection = m_window->grid()->selectionModel();
        selection->select(m_window->grid()->model()->index(0, 0), QItemSelectionModel::ClearAndSelect);
        selection->select(m_window->grid()->model()->index(1, 0), QItemSelectionModel::Select);
        QTRY_VERIFY(m_window->removeFromAlbumAction()->isEnabled());
        m_window->removeFromAlbumAction()->trigger();
        QTRY_COMPARE(int(m_sim->albumItems(albumId).size()), before - 2);
        QTRY_COMPARE(album.data(models::AlbumListModel::CountRole).toInt(), before - 2);
        QTRY_VERIFY2(counts->text().startsWith(QStringLiteral("%1 item").arg(before - 2)),
                     qPrintable(counts->text()));

        m_window->editAlbumAction()->trigger();
        QPointer<ui::AlbumDialog> dialog;
        QTRY_VERIFY((dialog = m_window->findChild<ui::AlbumDialog *>()) && dialog->isVisible());
        dialog->setName(QStringLiteral("Renamed here"));
        pressOk(dialog);
        QTRY_COMPARE(m_sim->column(QStringLiteral("SELECT name FROM albums WHERE id = ?"), {albumId}),
                     QStringList{QStringLiteral("Renamed here")});
        QTRY_COMPARE(header->text(), QStringLiteral("Renamed here"));
    }

    // 3. A message stayed after moving to another place: "2 added" over the next folder, an error of the last
    // one over this. A note goes with its place; an error is kept in a list that shows it again.
    void aMessageStaysWithItsPlace()
    {
        openFreshWindow();
        m_client->setRetryPolicy({4, 40, 200, 1500}); // a failure is final within a second
        openCamera();
        ui::ThumbnailGridView *grid = m_window->grid();
        grid->selectionModel()->select(grid->model()->index(0, 0), QItemSelectionModel::ClearAndSelect);
        grid->selectionModel()->select(grid->model()->index(1, 0), QItemSelectionModel::Select);
        std::unique_ptr<QMimeData> mime(grid->model()->mimeData(grid->selectionModel()->selectedIndexes()));
        QTRY_VERIFY(manualAlbumWith(0).isValid());
        QListView *albums = m_window->myAlbumsView();
        bool accepted = false;
        QVERIFY(dropOn(albums, albums->visualRect(manualAlbumWith(0)).center(), mime.get(), &accepted));
        ui::MessageBar *messages = m_window->messages();
        QTRY_VERIFY2(messages->isVisible() && messages->text().contains(QLatin1String("added")),
                     qPrintable(messages->text()));

        // Another folder: the note about Camera's photos goes.
        openFolder(QStringLiteral("Party"));
        QVERIFY2(!messages->isVisible(), qPrintable(messages->text()));

        // A folder that cannot be read: its error, with the trace id and Retry ... (Party read to its end
        // first, and every listing refused until the error shows: no other call takes the faults meant for
        // it)
        QTRY_VERIFY(m_window->folder()->isComplete() && !m_window->folder()->isReading());
        m_sim->server().http().scriptFaults(
            {{Step::Kind::Status, 503, 1, 0, 1000, QStringLiteral("/koodrive/ose/v1/files/")}});
        m_window->folderTree()->setCurrentIndex(treeFolder(QStringLiteral("Pictures")));
        QTRY_VERIFY_WITH_TIMEOUT(messages->isVisible() && messages->showsError(), 15000);
        m_sim->server().http().scriptFaults({});
        const QString problem = messages->text();
        QVERIFY2(problem.contains(QLatin1String("Trace id: ")), qPrintable(problem));
        QToolButton *earlier = m_window->earlierProblemsButton();
        QVERIFY(!earlier->isVisible());

        // ... goes when the person moves on, and is kept among the earlier problems.
        openCamera();
        QVERIFY2(!messages->isVisible(), qPrintable(messages->text()));
        QVERIFY(earlier->isVisible());
        QCOMPARE(earlier->text(), QStringLiteral("1 earlier problem(s)"));
        QMenu *menu = earlier->menu();
        QMetaObject::invokeMethod(menu, "aboutToShow");
        const QList<QAction *> entries = menu->actions();
        QVERIFY(entries.size() >= 2);
        QVERIFY2(problem.startsWith(entries.first()->text().remove(QStringLiteral("…"))),
                 qPrintable(entries.first()->text()));
        entries.first()->trigger();
        QVERIFY(messages->isVisible());
        QCOMPARE(messages->text(), problem); // as it was said, trace id and all
        QVERIFY(!messages->canRetry());      // its place is gone

        // Shown again and left again, it goes, and is listed once.
        openFolder(QStringLiteral("Party"));
        QVERIFY(!messages->isVisible());
        QCOMPARE(m_window->messages()->earlierProblems().size(), 1);

        // A note about the whole window (View ▸ Language) stays wherever the person goes.
        auto keepLanguage = qScopeGuard([] { i18n::setChosenLanguage(QString()); });
        QAction *chinese = nullptr;
        for (QAction *action : m_window->findChildren<QAction *>())
            if (action->data().toString() == QLatin1String("zh_CN"))
                chinese = action;
        QVERIFY(chinese);
        chinese->trigger();
        QVERIFY(messages->isVisible());
        const QString note = messages->text();
        openCamera();
        QVERIFY(messages->isVisible());
        QCOMPARE(messages->text(), note);
    }

    // 4. "Newest first" sorted by the time of change while the date seen was the date taken. Each sort is
    // named for what it sorts by, the tile's tooltip shows that date, and an album offers its photos' date
    // taken.
    void eachSortSaysWhatItSortsBy()
    {
        openFreshWindow();
        openCamera();
        auto *sort = box<QComboBox>(QStringLiteral("Sort order"));
        QVERIFY(sort);
        for (int i = 0; i < sort->count(); ++i)
            QVERIFY2(
                !sort->itemText(i).contains(QRegularExpression(QStringLiteral("^(Newest|Oldest|Recently)"))),
                qPrintable(sort->itemText(i)));
        const int modified = sort->findText(QStringLiteral("Modified — newest first"));
        QVERIFY(modified >= 0);
        sort->setCurrentIndex(modified);
        QTRY_COMPARE(m_window->folder()->sortField(), models::FolderModel::SortField::Modified);
        QCOMPARE(m_window->folder()->sortOrder(), Qt::DescendingOrder);
        QTRY_VERIFY(m_window->grid()->model()->rowCount() >= 50);
        QAbstractItemModel *model = m_window->grid()->model();
        for (int row = 1; row < 50; ++row)
            QVERIFY(model->index(row - 1, 0).data(models::PagedFileModel::EditedRole).toDateTime() >=
                    model->index(row, 0).data(models::PagedFileModel::EditedRole).toDateTime());
        const QModelIndex first = model->index(0, 0);
        const QString when = QLocale().toString(
            first.data(models::PagedFileModel::EditedRole).toDateTime().toLocalTime(), QLocale::ShortFormat);
        QVERIFY2(first.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Modified: ") + when),
                 qPrintable(first.data(Qt::ToolTipRole).toString()));

        QTRY_VERIFY(manualAlbumWith(2).isValid());
        showAlbum(manualAlbumWith(2));
        const int taken = sort->findText(QStringLiteral("Date taken — oldest first"));
        QVERIFY(taken >= 0);
        sort->setCurrentIndex(taken);
        QTRY_COMPARE(m_window->albumContents()->sortField(), models::AlbumContentsModel::SortField::Taken);
        QCOMPARE(m_window->albumContents()->sortOrder(), Qt::AscendingOrder);
    }

    // 5. The search and the type filter of one place emptied the next (Camera filtered to videos and
    // searched, then Party showed "0 items" with no hint); Esc in the search box did nothing.
    void theSearchAndTheFilterBelongToTheirPlace()
    {
        openFreshWindow();
        openCamera();
        auto *search = box<QLineEdit>(QStringLiteral("Search"));
        auto *show = box<QComboBox>(QStringLiteral("Show"));
        QVERIFY(search && show);
        show->setCurrentIndex(show->findData(int(models::FolderModel::TypeFilter::Videos)));
        QTest::keyClicks(search, QStringLiteral("2023"));
        QTRY_COMPARE(m_window->folder()->nameFilter(), QStringLiteral("2023"));
        QCOMPARE(m_window->folder()->typeFilter(), models::FolderModel::TypeFilter::Videos);

        // Another folder shows all it holds, and the boxes say so.
        openFolder(QStringLiteral("Party"), 250);
        QVERIFY(search->text().isEmpty());
        QCOMPARE(show->currentData().toInt(), int(models::FolderModel::TypeFilter::All));
        QVERIFY(m_window->folder()->nameFilter().isEmpty());
        QCOMPARE(m_window->folder()->typeFilter(), models::FolderModel::TypeFilter::All);

        // Esc clears a search at once.
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("no such photo"));
        QTRY_COMPARE(m_window->grid()->model()->rowCount(), 0);
        QTest::keyClick(search, Qt::Key_Escape);
        QVERIFY(search->text().isEmpty());
        QVERIFY(m_window->folder()->nameFilter().isEmpty());
        QTRY_VERIFY(m_window->grid()->model()->rowCount() >= 250);
    }

    // 14. Dragging a folder from the tree opened it (a press opened it, and a drag begins with a press); the
    // breadcrumb took a Tab between the tree and the grid; no key went to the parent folder.
    void aFolderOpensOnAClickAndTheKeyboardGoesAround()
    {
        openFreshWindow();
        openCamera();
        const QString camera = m_window->folder()->location().folderId;
        QTreeView *tree = m_window->folderTree();
        QTRY_VERIFY(treeFolder(QStringLiteral("Party")).isValid());
        const QModelIndex party = treeFolder(QStringLiteral("Party"));
        const QPoint at = tree->visualRect(party).center();
        QTest::mousePress(tree->viewport(), Qt::LeftButton, Qt::NoModifier, at);
        QCOMPARE(m_window->folder()->location().folderId, camera); // pressed: a drag may begin
        QTest::mouseRelease(tree->viewport(), Qt::LeftButton, Qt::NoModifier, at);
        QTRY_COMPARE(m_window->folder()->location().folderId,
                     party.data(models::FolderTreeModel::IdRole).toString());

        // From the tree, Tab reaches the grid past the recycle bin only.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        tree->setFocus(Qt::TabFocusReason);
        QTest::keyClick(tree, Qt::Key_Tab);
        QVERIFY(qobject_cast<QPushButton *>(QApplication::focusWidget()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), m_window->grid());

        // Alt+Up: the folder above (the drive's top).
        QTest::keyClick(m_window->grid(), Qt::Key_Up, Qt::AltModifier);
        QTRY_COMPARE(m_window->folder()->location().folderId,
                     tree->model()->index(0, 0).data(models::FolderTreeModel::IdRole).toString());
    }

    // 15. An empty folder, an empty album and a search that found nothing were blank: each says so, with what
    // can be done.
    void anEmptyPlaceSaysSoAndWhatToDo()
    {
        makeLibrary();
        m_sim->addFolder(QStringLiteral("Nothing yet"), 0);
        openWindowOn(m_sim->server().url());
        ui::ThumbnailGridView *grid = m_window->grid();
        QTRY_VERIFY(treeFolder(QStringLiteral("Nothing yet")).isValid());
        m_window->folderTree()->setCurrentIndex(treeFolder(QStringLiteral("Nothing yet")));
        QTRY_COMPARE(grid->shownEmptyText(), QStringLiteral("This folder is empty."));
        QVERIFY(grid->emptyStateAction()->isVisibleTo(grid));
        QCOMPARE(grid->emptyStateAction()->text(), QStringLiteral("Upload photos…"));

        // A place with photos says nothing of the kind ...
        openCamera();
        QVERIFY(grid->shownEmptyText().isEmpty());
        // ... until a search finds nothing there; one click brings everything back.
        auto *search = box<QLineEdit>(QStringLiteral("Search"));
        QTest::keyClicks(search, QStringLiteral("no such photo"));
        QTRY_COMPARE(grid->shownEmptyText(), QStringLiteral("Nothing here matches “no such photo”."));
        grid->emptyStateAction()->click();
        QVERIFY(search->text().isEmpty());
        QTRY_VERIFY(grid->model()->rowCount() >= 100);
        QVERIFY(grid->shownEmptyText().isEmpty());

        // A new album has nothing in it yet: said, with how photos go in.
        m_window->newAlbumAction()->trigger();
        QPointer<ui::AlbumDialog> dialog;
        QTRY_VERIFY((dialog = m_window->findChild<ui::AlbumDialog *>()) && dialog->isVisible());
        dialog->setName(QStringLiteral("Nothing in it"));
        pressOk(dialog);
        QTRY_COMPARE(m_window->myAlbumsView()->currentIndex().data().toString(),
                     QStringLiteral("Nothing in it"));
        QTRY_VERIFY2(grid->shownEmptyText().startsWith(QLatin1String("This album is empty.")),
                     qPrintable(grid->shownEmptyText()));
    }

    // 6. Zooming (Ctrl+wheel, Ctrl++) sent the grid elsewhere: the tile under the pointer, or in the middle,
    // must stay where it was.
    void zoomingKeepsThePlace()
    {
        openFreshWindow();
        openCamera();
        QVERIFY(test::loadAll(*m_window->folder()));
        ui::ThumbnailGridView *grid = m_window->grid();
        QAbstractItemModel *model = grid->model();
        QVERIFY(model->rowCount() >= 200);
        grid->scrollTo(model->index(model->rowCount() / 2, 0), QAbstractItemView::PositionAtCenter);
        QVERIFY(grid->verticalScrollBar()->value() > 0);

        // Ctrl+wheel under the pointer, a little below the middle.
        const QPoint pointer = grid->viewport()->rect().center() + QPoint(0, 40);
        const QPersistentModelIndex under = grid->indexAt(pointer);
        QVERIFY(under.isValid());
        const int tile = grid->tileSize();
        QWheelEvent wheel(pointer, grid->viewport()->mapToGlobal(pointer), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(grid->viewport(), &wheel);
        QCOMPARE(grid->tileSize(), tile + 16);
        QRect now = grid->visualRect(under);
        QVERIFY2(now.top() <= pointer.y() && now.bottom() >= pointer.y(),
                 qPrintable(QStringLiteral("row %1 is at %2-%3, the pointer at %4")
                                .arg(under.row())
                                .arg(now.top())
                                .arg(now.bottom())
                                .arg(pointer.y())));

        // Ctrl++ keeps the middle.
        const QPoint middle = grid->viewport()->rect().center();
        const QPersistentModelIndex centre = grid->indexAt(middle);
        QVERIFY(centre.isValid());
        for (QAction *action : m_window->findChildren<QAction *>())
            if (action->shortcuts().contains(QKeySequence(QKeySequence::ZoomIn)))
                action->trigger();
        QCOMPARE(grid->tileSize(), tile + 32);
        now = grid->visualRect(centre);
        QVERIFY2(now.top() <= middle.y() && now.bottom() >= middle.y(),
                 qPrintable(QStringLiteral("row %1 is at %2-%3, the middle at %4")
                                .arg(centre.row())
                                .arg(now.top())
                                .arg(now.bottom())
                                .arg(middle.y())));
    }

    // 8. Photos dropped on a collection album were refused in silence: why is said while they hover it, and
    // once the drag ends there.
    void aRefusedDropSaysWhy()
    {
        openFreshWindow();
        openCamera();
        ui::ThumbnailGridView *grid = m_window->grid();
        grid->selectionModel()->select(grid->model()->index(0, 0), QItemSelectionModel::ClearAndSelect);
        std::unique_ptr<QMimeData> mime(grid->model()->mimeData(grid->selectionModel()->selectedIndexes()));
        QTRY_VERIFY(myAlbum(false).isValid());
        QListView *albums = m_window->myAlbumsView();
        albums->scrollTo(myAlbum(false));
        const QPoint over = albums->visualRect(myAlbum(false)).center();
        QDragEnterEvent enter(over, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(albums->viewport(), &enter);
        QDragMoveEvent move(over, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(albums->viewport(), &move);
        QVERIFY(!move.isAccepted() || move.dropAction() != Qt::CopyAction); // still refused
        const QString said = m_window->statusBar()->currentMessage();
        QVERIFY2(said.contains(QLatin1String("is a collection")) &&
                     said.contains(myAlbum(false).data(Qt::EditRole).toString()),
                 qPrintable(said));
        QVERIFY(!m_window->messages()->isVisible());

        // Let go there (a refused drop ends as a leave): the message bar says it too.
        QDragLeaveEvent leave;
        QCoreApplication::sendEvent(albums->viewport(), &leave);
        QVERIFY(m_window->messages()->isVisible());
        QCOMPARE(m_window->messages()->text(), said);
    }

    // Back and Forward (Alt+Left and Alt+Right, the toolbar's arrows, the mouse's side buttons) walk the
    // places shown; the tree follows; a place opened after going back drops the ones ahead.
    void backAndForwardWalkThePlacesShown()
    {
        openFreshWindow();
        openCamera();
        const QString camera = m_window->folder()->location().folderId;
        openFolder(QStringLiteral("Party"), 250);
        const QString party = m_window->folder()->location().folderId;
        QTRY_VERIFY(manualAlbumWith(1).isValid());
        const QString albumId = manualAlbumWith(1).data(models::AlbumListModel::IdRole).toString();
        showAlbum(manualAlbumWith(1));
        QAction *back = nullptr;
        QAction *forward = nullptr;
        for (QAction *action : m_window->findChildren<QAction *>()) {
            if (action->shortcuts().contains(QKeySequence(Qt::ALT | Qt::Key_Left)))
                back = action;
            if (action->shortcuts().contains(QKeySequence(Qt::ALT | Qt::Key_Right)))
                forward = action;
        }
        QVERIFY(back && forward);
        QVERIFY(back->isEnabled() && !forward->isEnabled());

        back->trigger();
        QCOMPARE(m_window->grid()->fileModel(), m_window->folder());
        QCOMPARE(m_window->folder()->location().folderId, party);
        QCOMPARE(m_window->folderTree()->currentIndex(), treeFolder(QStringLiteral("Party")));
        QVERIFY(m_window->folderTree()->selectionModel()->isSelected(treeFolder(QStringLiteral("Party"))));
        // The mouse's back button, anywhere over the window.
        QTest::mouseClick(m_window->grid()->viewport(), Qt::BackButton, Qt::NoModifier,
                          m_window->grid()->viewport()->rect().center());
        QCOMPARE(m_window->folder()->location().folderId, camera);
        QVERIFY(back->isEnabled()); // the drive's top, shown first, is behind

        forward->trigger();
        QCOMPARE(m_window->folder()->location().folderId, party);
        QTest::mouseClick(m_window->myAlbumsView()->viewport(), Qt::ForwardButton, Qt::NoModifier,
                          QPoint(5, 5));
        QCOMPARE(m_window->grid()->fileModel(), m_window->albumContents());
        QCOMPARE(m_window->albumContents()->albumId(), albumId);
        QVERIFY(!forward->isEnabled());

        // Back to Party, then Camera opened: nothing is ahead any more.
        back->trigger();
        QCOMPARE(m_window->folder()->location().folderId, party);
        QVERIFY(forward->isEnabled());
        openCamera();
        QVERIFY(!forward->isEnabled());
        back->trigger();
        QCOMPARE(m_window->folder()->location().folderId, party);
    }

    // 11. The title named the app twice on the desktop ("KooDrive Albums — Demo library — KooDrive Albums"):
    // Qt adds the display name to a title that does not end with it. And the Chinese list of shortcuts
    // showed mnemonics ("新建相册(N)…").
    void theTitleNamesTheAppOnceAndTheShortcutListHasNoMnemonics_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QString();
        QTest::newRow("Chinese") << QStringLiteral("zh_CN");
    }
    void theTitleNamesTheAppOnceAndTheShortcutListHasNoMnemonics()
    {
        QFETCH(QString, language);
        if (!language.isEmpty())
            QVERIFY(i18n::install(qApp, language));
        const auto displayName = useDisplayNameAsMainDoes();
        openFreshWindow();
        const QString app = QGuiApplication::applicationDisplayName();
        QCOMPARE(app,
                 language.isEmpty() ? QStringLiteral("KooDrive Albums") : QStringLiteral("KooDrive 相册"));
        const QString title = m_window->windowTitle();
        QVERIFY2(title.endsWith(app), qPrintable(title)); // shown as it is
        QCOMPARE(title.count(app), 1);
        QVERIFY2(
            title.contains(language.isEmpty() ? QStringLiteral("Demo library") : QStringLiteral("演示图库")),
            qPrintable(title));

        const QStringList names = shortcutNames();
        QVERIFY(names.size() > 10);
        for (const QString &name : names)
            QVERIFY2(!name.contains(QLatin1Char('&')) &&
                         !name.contains(QRegularExpression(QStringLiteral("\\([A-Z]\\)"))),
                     qPrintable(name));
        QVERIFY(
            names.contains(language.isEmpty() ? QStringLiteral("New album…") : QStringLiteral("新建相册…")));
    }

    // 12. At 2× on a 1280×800 screen the first window was 2400×1560 pixels: larger than the screen.
    void theFirstWindowFitsTheScreen()
    {
        makeLibrary();
        m_server = m_sim->server().url();
        m_client = std::make_unique<api::KooDriveClient>(&m_network);
        m_client->setConnection({m_server, m_sim->userId(), m_sim->server().accessToken(), true});
        m_thumbnails = std::make_unique<thumbnails::ThumbnailScheduler>(&m_network);
        openWindow(false); // as it first comes, with no size saved
        const QSize room = m_window->screen()->availableGeometry().size();
        QVERIFY2(room.width() < 1200, "the offscreen screen is smaller than the window's usual size");
        QVERIFY2(m_window->width() <= room.width() && m_window->height() <= room.height(),
                 qPrintable(QStringLiteral("%1×%2 on %3×%4")
                                .arg(m_window->width())
                                .arg(m_window->height())
                                .arg(room.width())
                                .arg(room.height())));
        // Still as large as the room allows, for the first screen of thumbnails.
        QVERIFY(m_window->width() >= room.width() * 3 / 4);
    }

    // 13. The question before deleting an album had Delete as its default button: Enter deleted the album.
    void enterDoesNotDeleteAnAlbum()
    {
        openFreshWindow();
        QTRY_VERIFY(myAlbum(true).isValid());
        const QString albumId = myAlbum(true).data(models::AlbumListModel::IdRole).toString();
        m_window->myAlbumsView()->setCurrentIndex(myAlbum(true));
        m_window->myAlbumsView()->selectionModel()->select(myAlbum(true),
                                                           QItemSelectionModel::ClearAndSelect);
        QTRY_VERIFY(m_window->deleteAlbumAction()->isEnabled());
        m_window->deleteAlbumAction()->trigger();
        QPointer<QMessageBox> ask;
        QTRY_VERIFY((ask = m_window->findChild<QMessageBox *>()) && ask->isVisible());
        QTest::keyClick(ask, Qt::Key_Return);
        QTRY_VERIFY(!ask || !ask->isVisible()); // Enter answered it ...
        QTest::qWait(300);                      // ... and any delete would have reached the server by now
        QCOMPARE(m_sim->column(QStringLiteral("SELECT id FROM albums WHERE id = ?"), {albumId}),
                 QStringList{albumId});
        QCOMPARE(m_window->myAlbumsView()->currentIndex().data(models::AlbumListModel::IdRole).toString(),
                 albumId);
    }
};

QTEST_MAIN(TestMainWindowWalkthrough)
#include "tst_MainWindowWalkthrough.moc"
