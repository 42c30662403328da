// MainWindow: the sidebar's context menus — on an album (Open, Rename, Edit, Delete, Save to…, Slideshow)
// and on a folder of the tree (Open, Add to album, Upload here…, Save to…, New folder, Rename, Move to
// recycle bin) — by the mouse and by the keyboard (the Menu key, Shift+F10).
#include "MainWindow.h"
#include "edits/DriveEdits.h"
#include "models/AlbumListFilter.h"
#include "models/AlbumListModel.h"
#include "models/FileLocator.h"
#include "models/FolderModel.h"
#include "models/FolderTreeModel.h"
#include "text/DisplayText.h"
#include "viewer/PhotoViewer.h"
#include "views/ThumbnailGridView.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QListView>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

namespace koodrive::ui {

using models::AlbumListModel;
using models::FolderTreeModel;
using models::PagedFileModel;

namespace {
// A view's context menu, wanted over an item: under the pointer, or (from the keyboard) over the current
// item, where a person looking at the keyboard focus expects it.
class ItemMenuFilter final : public QObject
{
public:
    using Show = std::function<void(const QModelIndex &index, const QPoint &globalPos)>;
    ItemMenuFilter(QAbstractItemView *view, Show show)
        : QObject(view)
        , m_view(view)
        , m_show(std::move(show))
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::ContextMenu)
            return QObject::eventFilter(watched, event);
        auto *menu = static_cast<QContextMenuEvent *>(event);
        QModelIndex index;
        QPoint pos = menu->pos();
        if (menu->reason() == QContextMenuEvent::Keyboard) {
            index = m_view->currentIndex();
            const QRect rect = m_view->visualRect(index);
            pos = rect.isValid() ? QPoint(rect.left() + rect.width() / 3, rect.center().y())
                                 : m_view->viewport()->rect().center();
        } else {
            index = m_view->indexAt(pos);
        }
        if (index.isValid())
            m_show(index, m_view->viewport()->mapToGlobal(pos));
        return true;
    }

private:
    QAbstractItemView *m_view;
    Show m_show;
};
} // namespace

void MainWindow::makeSidebarMenus()
{
    for (auto [view, proxy] :
         {std::pair{m_myAlbums, m_myAlbumsProxy}, std::pair{m_sharedAlbums, m_sharedAlbumsProxy}}) {
        view->viewport()->installEventFilter(new ItemMenuFilter(
            view, [this, view = view, proxy = proxy](const QModelIndex &index, const QPoint &at) {
                showAlbumMenu(view, proxy->mapToSource(index), at);
            }));
    }
    m_tree->viewport()->installEventFilter(new ItemMenuFilter(
        m_tree, [this](const QModelIndex &index, const QPoint &at) { showFolderMenu(index, at); }));
}

void MainWindow::setAlbumOrder(int order)
{
    const auto chosen = models::AlbumListFilter::Order(order);
    m_myAlbumsProxy->setOrder(chosen);
    m_sharedAlbumsProxy->setOrder(chosen);
    for (QAction *choice : m_albumOrder->menu()->actions())
        choice->setChecked(choice->data().toInt() == order);
}

void MainWindow::selectAlbumInList(QListView *view, const QModelIndex &album)
{
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
    const QModelIndex shown = proxy ? proxy->mapFromSource(album) : QModelIndex();
    if (!shown.isValid())
        return;
    view->setCurrentIndex(shown);
    view->selectionModel()->select(shown, QItemSelectionModel::ClearAndSelect);
}

void MainWindow::showAlbumMenu(QListView *view, const QModelIndex &album, const QPoint &globalPos)
{
    const api::Album info = m_albums->albumAt(album.row());
    if (info.id.isEmpty())
        return;
    QMenu menu(this);
    menu.setAccessibleName(tr("Album menu"));
    const auto open = [this, view, id = info.id] {
        const int row = m_albums->rowOfId(id);
        if (row >= 0)
            selectAlbumInList(view, m_albums->index(row));
    };
    menu.addAction(tr("&Open"), this, open);
    menu.addAction(tr("&Slideshow"), this, [this, open, id = info.id] {
        open();
        startSlideshowWhenLoaded(id);
    });
    menu.addSeparator();
    // The name in place (the album list edits it), the scope of a collection through its dialog.
    menu.addAction(tr("Re&name"), this, [this, view, id = info.id] {
        const int row = m_albums->rowOfId(id);
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
        if (row < 0 || !proxy)
            return;
        const QModelIndex shown = proxy->mapFromSource(m_albums->index(row));
        view->setCurrentIndex(shown);
        view->edit(shown);
    });
    if (!info.isManual())
        menu.addAction(tr("&Edit album…"), this, [this, open] {
            open();
            editAlbum();
        });
    menu.addAction(tr("Save &to…"), this, [this, open] {
        open();
        m_grid->clearSelection(); // the album, not what was selected elsewhere
        chooseFolderToSaveTo();
    });
    menu.addSeparator();
    menu.addAction(tr("&Delete album"), this, [this, open] {
        open();
        deleteAlbum();
    });
    menu.exec(globalPos);
}

void MainWindow::startSlideshowWhenLoaded(const QString &albumId)
{
    // The album's first photo in the viewer, running, as soon as the album's first page is there.
    auto start = [this, albumId] {
        if (m_place != Place::Album || m_albumId != albumId || !m_grid->fileModel() ||
            m_grid->fileModel()->rowCount() == 0)
            return false;
        openGridItem(m_grid->fileModel()->index(0, 0));
        if (!m_viewer->isSlideshowRunning())
            m_viewer->toggleSlideshow();
        return true;
    };
    if (start())
        return;
    // Its rows come in pages (rowsInserted), or at once from the catalog (modelReset).
    auto *once = new QObject(this);
    const auto tryAgain = [once, start] {
        if (once->property("started").toBool()) // a second signal queued before the first was taken
            return;
        if (start()) {
            once->setProperty("started", true);
            once->deleteLater();
        }
    };
    connect(m_grid->fileModel(), &QAbstractItemModel::rowsInserted, once, tryAgain, Qt::QueuedConnection);
    connect(m_grid->fileModel(), &QAbstractItemModel::modelReset, once, tryAgain, Qt::QueuedConnection);
    QTimer::singleShot(30'000, once, &QObject::deleteLater); // an album that stays empty starts nothing
}

void MainWindow::showFolderMenu(const QModelIndex &folder, const QPoint &globalPos)
{
    const bool space = folder.data(FolderTreeModel::IsSpaceRole).toBool();
    const bool shared = folder.data(FolderTreeModel::IsSharedRole).toBool();
    const QPersistentModelIndex at(folder);
    const auto open = [this, at] {
        if (!at.isValid())
            return false;
        m_tree->setCurrentIndex(at);
        m_tree->selectionModel()->select(at, QItemSelectionModel::ClearAndSelect);
        return true;
    };
    QMenu menu(this);
    menu.setAccessibleName(tr("Folder menu"));
    menu.addAction(tr("&Open"), this, open);
    if (!space) {
        // The folder's photos and videos into a manual album (as dropping the folder on it does).
        QMenu *add = menu.addMenu(tr("Add to al&bum"));
        const models::DriveItem item = m_treeModel->itemAt(folder);
        for (int row = 0; row < m_albums->rowCount(); ++row) {
            const api::Album album = m_albums->albumAt(row);
            if (!album.isManual())
                continue;
            const QString name =
                text::displayText(album.name).replace(QLatin1Char('&'), QStringLiteral("&&"));
            add->addAction(name.isEmpty() ? tr("(no name)") : name, this, [this, item, id = album.id] {
                m_albums->addToAlbum(m_albums->rowOfId(id), {item});
            });
        }
        add->setEnabled(!add->isEmpty());
    }
    menu.addSeparator();
    menu.addAction(tr("&Upload here…"), this,
                   [this, open] {
                       if (open())
                           m_uploadPhotos->trigger();
                   })
        ->setEnabled(m_uploadPhotos->isEnabled());
    menu.addAction(tr("Save &to…"), this, [this, open] {
        if (!open())
            return;
        m_grid->clearSelection(); // the folder, not what was selected in it
        chooseFolderToSaveTo();
    });
    menu.addSeparator();
    if (!shared) {
        menu.addAction(tr("New &folder"), this, [this, open] {
            if (open())
                newFolder();
        });
    }
    if (!space && !shared) {
        menu.addAction(tr("Re&name…"), this, [this, at] { renameTreeFolder(at); });
        menu.addAction(tr("&Move to recycle bin"), this, [this, at] { treeFolderToRecycleBin(at); });
    }
    menu.exec(globalPos);
}

void MainWindow::renameTreeFolder(const QPersistentModelIndex &folder)
{
    if (!folder.isValid())
        return;
    const QString was = folder.data(Qt::EditRole).toString();
    QInputDialog ask(this);
    ask.setWindowTitle(tr("Rename folder"));
    ask.setLabelText(tr("New name:"));
    ask.setTextValue(was);
    if (m_answerRename) // tests answer for the person
        ask.setTextValue(m_answerRename(&ask));
    else if (ask.exec() != QDialog::Accepted)
        return;
    if (!folder.isValid())
        return;
    renameById(folder.data(FolderTreeModel::IdRole).toString(),
               folder.data(FolderTreeModel::ContainerRole).toString(), was, ask.textValue().trimmed(), true,
               true);
}

void MainWindow::treeFolderToRecycleBin(const QPersistentModelIndex &folder)
{
    if (!folder.isValid())
        return;
    // Its id path ("/<root id>/…/<id>", OPERATIONS.md §5), from the tree's own ancestry.
    QString path;
    QStringList ids;
    for (QModelIndex at = folder; at.isValid(); at = at.parent())
        ids.prepend(at.data(FolderTreeModel::IdRole).toString());
    for (const QString &id : std::as_const(ids))
        path += QLatin1Char('/') + id;
    const QString id = folder.data(FolderTreeModel::IdRole).toString();
    const QString container = folder.data(FolderTreeModel::ContainerRole).toString();
    const QString name = folder.data().toString();
    // Showing it (or a folder in it): the window goes to its parent first.
    if (m_place == Place::Folder && std::any_of(m_pathIds.cbegin(), m_pathIds.cend(),
                                                [&id](const auto &step) { return step.second == id; })) {
        const QModelIndex parent = folder.parent();
        m_tree->setCurrentIndex(parent);
        m_tree->selectionModel()->select(parent, QItemSelectionModel::ClearAndSelect);
    }
    m_edits->runJob(
        api::KooDriveClient::JobAction::ToRecycleBin, container, {{id, path}},
        [this, id, container, name](const edits::DriveEdits::Outcome &outcome) {
            m_treeModel->readAgain();
            m_folder->removeIds({id});
            if (outcome.error) {
                m_messages->showProblem(
                    tr("“%1” could not be moved to the recycle bin: %2").arg(name, outcome.error->message),
                    outcome.error->traceId, outcome.error->details(), {});
                return;
            }
            m_albums->refreshAll();
            const int undoId = pushUndo(tr("Move to recycle bin"), [this, id, container] {
                restoreFiles(container, {{id, QString()}});
            });
            showDone(tr("Moved the folder “%1” to the recycle bin.").arg(name), undoId);
        });
}

void MainWindow::showInFolder(const QString &fileId, const QString &containerId)
{
    // Where a file of an album, of the favourites or of a search is: its folders, read up from the file
    // (FileLocator), then that folder shown with the file selected. Only the person's own drive.
    const QModelIndex drive = ownDrive();
    if (!drive.isValid() || drive.data(FolderTreeModel::ContainerRole).toString() != containerId) {
        m_messages->showNote(tr("This file is not in your drive: its folder cannot be shown."));
        return;
    }
    const QString rootId = drive.data(FolderTreeModel::IdRole).toString();
    const QString driveName = drive.data().toString();
    m_locator->setDrive(containerId, rootId);
    m_locator->locate(fileId, containerId, this,
                      [this, rootId, driveName, containerId,
                       fileId](const api::Result<models::FileLocator::Location> &found) {
                          if (!found.ok()) {
                              showError(found.error());
                              return;
                          }
                          if (!found.value().inDrive) {
                              m_messages->showNote(
                                  tr("This file is not in your drive: its folder cannot be shown."));
                              return;
                          }
                          m_pathIds = {{containerId, rootId}};
                          for (const QString &id : found.value().ids)
                              m_pathIds.append({containerId, id});
                          const QModelIndex inTree = m_treeModel->indexOfId(m_pathIds.constLast().second);
                          if (inTree.isValid()) {
                              m_tree->expand(inTree.parent());
                              m_tree->setCurrentIndex(inTree);
                              m_tree->selectionModel()->select(inTree, QItemSelectionModel::ClearAndSelect);
                          } else {
                              showFolder(containerId, m_pathIds.constLast().second,
                                         QStringList{driveName} + found.value().names);
                          }
                          m_selectWhenShown = fileId;
                          selectWhenShown();
                      });
}

void MainWindow::selectWhenShown()
{
    if (m_selectWhenShown.isEmpty() || m_grid->fileModel() != m_folder)
        return;
    const int row = m_folder->rowOfId(m_selectWhenShown);
    if (row < 0) {
        if (m_folder->canFetchMore())
            m_folder->fetchMore(); // further down the folder
        return;
    }
    m_selectWhenShown.clear();
    const QModelIndex index = m_folder->index(row);
    m_grid->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_grid->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_grid->setFocus(Qt::OtherFocusReason);
}

} // namespace koodrive::ui
