// The places the grid shows: a folder (by the tree, the path or --open), the recycle bin, an album; and
// the viewer opened from the grid and closed back to it.
#include "MainWindow.h"
#include "models/AlbumContentsModel.h"
#include "models/AlbumListModel.h"
#include "models/FileLocator.h"
#include "models/FolderModel.h"
#include "models/FolderTreeModel.h"
#include "models/SearchModel.h"
#include "models/StarredModel.h"
#include "text/DisplayText.h"
#include "viewer/PhotoViewer.h"
#include "views/ThumbnailGridView.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QCryptographicHash>
#include <QEventLoop>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace koodrive::ui {

using models::AlbumContentsModel;
using models::AlbumListModel;
using models::FolderModel;
using models::FolderTreeModel;
using models::PagedFileModel;

void MainWindow::prepareFirstFrame(int waitMs)
{
    ensurePolished();
    if (layout())
        layout()->activate();
    auto *model = qobject_cast<PagedFileModel *>(m_grid->model());
    if (!model || !model->showsSaved())
        return; // read from the server: nothing is on screen soon enough to wait for
    // The grid's room: the window less the sidebar at its narrowest (the splitter places its sides only
    // once shown) and less its bars: an upper bound (a row more than shows is no matter).
    int height = this->height() - statusBar()->sizeHint().height();
    for (const QWidget *bar : {static_cast<QWidget *>(menuBar()), static_cast<QWidget *>(m_breadcrumb)})
        height -= bar->sizeHint().height();
    for (const QToolBar *bar : findChildren<QToolBar *>())
        height -= bar->sizeHint().height();
    const auto [first, last] = m_grid->askForFirstScreen(
        {width() - m_splitter->widget(0)->minimumSizeHint().width(), qMax(height, 1)});
    const auto loading = [model, first = first, last = last] {
        for (int row = first; row <= last; ++row)
            if (thumbnails::ThumbnailState(
                    model->index(row).data(PagedFileModel::ThumbnailStateRole).toInt()) ==
                thumbnails::ThumbnailState::Loading)
                return true;
        return false;
    };
    if (!loading())
        return;
    // Only what the thumbnails' decoders report is waited for; a person's input waits for the window.
    QEventLoop waiting;
    QTimer::singleShot(waitMs, &waiting, &QEventLoop::quit);
    const auto check = [&waiting, loading] {
        if (!loading())
            waiting.quit();
    };
    // Queued: the model hears of each picture first (its state is read from the model).
    for (auto signal : {&thumbnails::ThumbnailScheduler::ready, &thumbnails::ThumbnailScheduler::unavailable,
                        &thumbnails::ThumbnailScheduler::notCached})
        connect(m_services.thumbnails, signal, &waiting, check, Qt::QueuedConnection);
    waiting.exec(QEventLoop::ExcludeUserInputEvents);
}

void MainWindow::fitFirstSavedRows()
{
    // The screen's, not the window's: a window maximised after it opens shows more. A line and a column
    // more, for a grid that starts between two lines. The rest of the place comes from a worker meanwhile.
    const QSize cell = m_grid->gridSize();
    const QScreen *screen = this->screen();
    if (!cell.isValid() || !screen)
        return;
    const QSize room = screen->availableGeometry().size();
    const int rows = (room.width() / cell.width() + 1) * (room.height() / cell.height() + 2);
    for (PagedFileModel *model :
         {static_cast<PagedFileModel *>(m_folder), static_cast<PagedFileModel *>(m_albumContents),
          static_cast<PagedFileModel *>(m_starred), static_cast<PagedFileModel *>(m_driveSearch)})
        model->setFirstSavedRows(rows);
}

bool MainWindow::enterPlace(const QString &key)
{
    m_messages->setPlace(key);
    if (key == m_placeKey)
        return false;
    leavePlaceForHistory();
    m_placeKey = key;
    clearFilterBoxes(); // the search and the type filter were the last place's
    m_search->setPlaceholderText(tr("Search this folder"));
    m_renameWhenShown.clear();
    m_selectWhenShown.clear();
    return true;
}

void MainWindow::placeShown()
{
    updateCounts();
    updateEmptyPlaceNote();
    noteHereForHistory();
}

void MainWindow::openPathLevel(int level)
{
    if (m_place != Place::Folder || level < 0 || level >= m_pathIds.size() - 1)
        return;
    const QModelIndex inTree = m_treeModel->indexOfId(m_pathIds[level].second);
    if (inTree.isValid()) {
        m_tree->setCurrentIndex(inTree);
        return;
    }
    m_pathIds = m_pathIds.mid(0, level + 1);
    showFolder(m_pathIds.last().first, m_pathIds.last().second, m_path.mid(0, level + 1));
}

void MainWindow::openParentFolder()
{
    openPathLevel(int(m_pathIds.size()) - 2);
}

void MainWindow::clearFilterBoxes()
{
    // The search box's own signals stay on: its clear button follows its text through them.
    m_search->clear();
    m_searchDelay->stop(); // started by the clearing
    m_typeFilter->blockSignals(true);
    m_typeFilter->setCurrentIndex(0);
    m_typeFilter->blockSignals(false);
}

void MainWindow::showFolder(const QString &containerId, const QString &folderId, const QStringList &path)
{
    const bool anotherPlace =
        enterPlace(QStringLiteral("folder:") + containerId + QLatin1Char('/') + folderId);
    m_place = Place::Folder;
    m_albumId.clear();
    m_pendingAlbumId.clear();
    m_path = path;
    // Each folder above this one is a link back to it.
    QStringList crumbs;
    for (int i = 0; i < path.size(); ++i)
        crumbs << (i + 1 < path.size() && i < m_pathIds.size()
                       ? QStringLiteral(
                             "<a href=\"%1\" style=\"text-decoration:none; color:palette(text)\">%2</a>")
                             .arg(i)
                             .arg(text::displayText(path[i]).toHtmlEscaped())
                       : text::displayText(path[i]).toHtmlEscaped());
    m_breadcrumb->setText(crumbs.join(QStringLiteral("&nbsp;&nbsp;›&nbsp;&nbsp;")));
    m_myAlbums->clearSelection();
    m_sharedAlbums->clearSelection();
    m_folder->setRenamable(true);
    m_grid->setFileModel(m_folder);
    watchSelection();
    if (anotherPlace)
        m_folder->openPlace({containerId, folderId, false});
    else
        m_folder->setLocation({containerId, folderId, false});
    m_sort->blockSignals(true);
    m_sort->clear();
    m_sort->addItem(tr("Name A–Z"), QVariantList{int(FolderModel::SortField::Name), int(Qt::AscendingOrder)});
    m_sort->addItem(tr("Name Z–A"),
                    QVariantList{int(FolderModel::SortField::Name), int(Qt::DescendingOrder)});
    // Each named for what it sorts by: the service sorts a folder by its files' times of change and of
    // making, not by when a photo was taken (a tile's tooltip shows each of those dates).
    m_sort->addItem(tr("Modified — newest first"),
                    QVariantList{int(FolderModel::SortField::Modified), int(Qt::DescendingOrder)});
    m_sort->addItem(tr("Modified — oldest first"),
                    QVariantList{int(FolderModel::SortField::Modified), int(Qt::AscendingOrder)});
    m_sort->addItem(tr("Created — newest first"),
                    QVariantList{int(FolderModel::SortField::Created), int(Qt::DescendingOrder)});
    m_sort->addItem(tr("Size — largest first"),
                    QVariantList{int(FolderModel::SortField::Size), int(Qt::DescendingOrder)});
    m_sort->addItem(tr("Size — smallest first"),
                    QVariantList{int(FolderModel::SortField::Size), int(Qt::AscendingOrder)});
    m_sort->addItem(tr("Type"), QVariantList{int(FolderModel::SortField::Format), int(Qt::AscendingOrder)});
    showCurrentSort(int(m_folder->sortField()), m_folder->sortOrder());
    m_typeFilter->setEnabled(true);
    m_search->setEnabled(true);
    placeShown();
}

// The sort box shows the model's order without telling the model (its signals are blocked meanwhile).
void MainWindow::showCurrentSort(int field, Qt::SortOrder order)
{
    for (int i = 0; i < m_sort->count(); ++i) {
        const QVariantList sort = m_sort->itemData(i).toList();
        if (sort.value(0).toInt() == field && sort.value(1).toInt() == int(order))
            m_sort->setCurrentIndex(i);
    }
    m_sort->blockSignals(false);
}

void MainWindow::showRecycleBin()
{
    const QModelIndex drive = m_treeModel->index(0, 0);
    m_tree->clearSelection();
    m_myAlbums->clearSelection();
    m_sharedAlbums->clearSelection();
    const bool anotherPlace = enterPlace(QStringLiteral("recycle-bin"));
    m_place = Place::RecycleBin;
    m_albumId.clear();
    m_path = {tr("Recycle bin")};
    m_pathIds.clear();
    m_breadcrumb->setText(m_path.constFirst().toHtmlEscaped());
    m_folder->setRenamable(false);
    m_grid->setFileModel(m_folder);
    watchSelection();
    const FolderModel::Location bin{drive.data(FolderTreeModel::ContainerRole).toString(), QString(), true};
    if (anotherPlace)
        m_folder->openPlace(bin);
    else
        m_folder->setLocation(bin);
    placeShown();
}

void MainWindow::showAlbum(const QModelIndex &albumIndex)
{
    const api::Album album = m_albums->albumAt(albumIndex.row());
    if (album.id.isEmpty())
        return;
    enterPlace(QStringLiteral("album:") + album.id);
    m_place = Place::Album;
    m_albumId = album.id;
    m_tree->clearSelection();
    (album.kind == api::AlbumKind::Personal ? m_sharedAlbums : m_myAlbums)->clearSelection();
    m_breadcrumb->setText(text::displayText(album.name).toHtmlEscaped());
    m_grid->setFileModel(m_albumContents);
    watchSelection();
    // The album shown last keeps its rows while the window is elsewhere, and nothing brings them up to date
    // meanwhile (an add that finishes then refreshes only the album on screen): coming back reads it again,
    // in place, as a refresh does.
    if (m_albumContents->albumId() == album.id)
        m_albumContents->refresh();
    else
        m_albumContents->setAlbum(album.id);
    m_sort->blockSignals(true);
    m_sort->clear();
    // The service sorts an album's contents by when each photo was taken (its shooting time), when it was
    // added, or when it changed.
    m_sort->addItem(tr("Date taken — newest first"),
                    QVariantList{int(AlbumContentsModel::SortField::Taken), int(Qt::DescendingOrder)});
    m_sort->addItem(tr("Date taken — oldest first"),
                    QVariantList{int(AlbumContentsModel::SortField::Taken), int(Qt::AscendingOrder)});
    m_sort->addItem(tr("Added — newest first"),
                    QVariantList{int(AlbumContentsModel::SortField::Created), int(Qt::DescendingOrder)});
    m_sort->addItem(tr("Changed — newest first"),
                    QVariantList{int(AlbumContentsModel::SortField::Updated), int(Qt::DescendingOrder)});
    showCurrentSort(int(m_albumContents->sortField()), m_albumContents->sortOrder());
    m_typeFilter->setEnabled(false); // the album contents call has no filter
    m_search->setEnabled(false);
    placeShown();
}

void MainWindow::openGridItem(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    if (!index.data(PagedFileModel::IsFolderRole).toBool()) {
        // A photo: the viewer, over the grid, which keeps its scroll position and selection meanwhile.
        m_centreStack->setCurrentWidget(m_viewer);
        m_viewer->setPlace(viewerPlace());
        m_viewer->open(m_grid->fileModel(), index.row());
        return;
    }
    if (m_grid->fileModel() != m_folder)
        return;
    // Into a folder: the tree follows when it has that folder loaded.
    const QString id = index.data(PagedFileModel::IdRole).toString();
    const QModelIndex inTree = m_treeModel->indexOfId(id);
    if (inTree.isValid()) {
        m_tree->expand(inTree.parent());
        m_tree->setCurrentIndex(inTree);
        return;
    }
    m_pathIds.append({index.data(PagedFileModel::ContainerRole).toString(), id});
    showFolder(m_pathIds.last().first, id, m_path + QStringList{index.data().toString()});
}

ViewerPlace MainWindow::viewerPlace()
{
    // A folder's files are all in it; elsewhere (an album, the favourites, a search) each file's folder is
    // looked for in the person's own drive when the info panel shows it.
    ViewerPlace place;
    switch (m_place) {
    case Place::Folder: place.folderPath = m_path; return place;
    case Place::RecycleBin: place.recycleBin = true; return place;
    case Place::Album: place.albumName = m_albums->albumAt(m_albums->rowOfId(m_albumId)).name; break;
    case Place::Favorites:
    case Place::DriveSearch: break;
    }
    if (const QModelIndex drive = ownDrive(); drive.isValid()) {
        m_locator->setDrive(drive.data(FolderTreeModel::ContainerRole).toString(),
                            drive.data(FolderTreeModel::IdRole).toString());
        place.driveName = drive.data().toString();
    }
    return place;
}

void MainWindow::closeViewer(int row)
{
    setViewerFullScreen(false);
    m_centreStack->setCurrentIndex(0);
    // Back where the user was; if they moved on in the viewer, the grid shows and selects that photo.
    const QModelIndex index = m_grid->model() ? m_grid->model()->index(row, 0) : QModelIndex();
    if (index.isValid() && index != m_grid->currentIndex()) {
        m_grid->setCurrentIndex(index);
        m_grid->scrollTo(index);
    }
    m_grid->setFocus();
}

void MainWindow::applySort()
{
    const QVariantList sort = m_sort->currentData().toList();
    if (sort.size() != 2)
        return;
    const auto order = Qt::SortOrder(sort.at(1).toInt());
    if (m_grid->fileModel() == m_folder)
        m_folder->setSortOrder(FolderModel::SortField(sort.at(0).toInt()), order);
    else if (m_grid->fileModel() == m_albumContents)
        m_albumContents->setSortOrder(AlbumContentsModel::SortField(sort.at(0).toInt()), order);
}

void MainWindow::openPath(const QString &path)
{
    m_openPath = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    m_openPathAt = QPersistentModelIndex();
    if (m_treeModel->isLoaded())
        continueOpenPath();
}

void MainWindow::continueOpenPath()
{
    if (m_openPath.isEmpty() || !m_treeModel->isLoaded())
        return;
    if (!m_openPathAt.isValid())
        m_openPathAt = m_treeModel->index(0, 0); // the user's drive
    while (!m_openPath.isEmpty()) {
        QModelIndex next;
        for (int row = 0; row < m_treeModel->rowCount(m_openPathAt) && !next.isValid(); ++row)
            if (m_treeModel->index(row, 0, m_openPathAt).data(Qt::EditRole).toString() == m_openPath.first())
                next = m_treeModel->index(row, 0, m_openPathAt);
        if (!next.isValid()) {
            if (m_treeModel->canFetchMore(m_openPathAt) || m_treeModel->isFetching(m_openPathAt)) {
                m_tree->expand(m_openPathAt); // its folders are read; rowsInserted brings us back here
                if (m_treeModel->canFetchMore(m_openPathAt))
                    m_treeModel->fetchMore(m_openPathAt);
                return;
            }
            QString said = tr("There is no folder “%1” in “%2”.")
                               .arg(text::displayText(m_openPath.first()), m_openPathAt.data().toString());
            // Files given to upload into it go nowhere else.
            if (!m_startUploads.isEmpty())
                said += QLatin1Char(' ') +
                        tr("The %Ln item(s) given were not uploaded.", nullptr, int(m_startUploads.size()));
            m_messages->showNote(said);
            m_openPath.clear();
            m_startUploads.clear();
            return;
        }
        m_openPath.removeFirst();
        m_openPathAt = next;
    }
    m_tree->expand(m_openPathAt.parent());
    m_tree->setCurrentIndex(m_openPathAt);
    m_tree->scrollTo(m_openPathAt);
    takeStartUploads();
}

void MainWindow::applyFilter()
{
    if (m_place == Place::DriveSearch) {
        searchWholeDrive();
        return;
    }
    if (m_grid->fileModel() != m_folder)
        return;
    m_folder->setTypeFilter(FolderModel::TypeFilter(m_typeFilter->currentData().toInt()));
    m_folder->setNameFilter(m_search->text());
    updateEmptyPlaceNote();
}

void MainWindow::searchWholeDrive()
{
    const QModelIndex drive = ownDrive();
    if (!isSignedIn() || !drive.isValid())
        return;
    const QString words = m_search->text();
    const bool anotherPlace = enterPlace(QStringLiteral("drive-search"));
    if (anotherPlace) { // the words typed come along into the search of the drive
        m_search->setText(words);
        m_searchDelay->stop();
        m_place = Place::DriveSearch;
        m_albumId.clear();
        m_pathIds.clear();
        m_path = {tr("Search all of My drive")};
        m_tree->clearSelection();
        m_myAlbums->clearSelection();
        m_sharedAlbums->clearSelection();
        m_grid->setFileModel(m_driveSearch);
        watchSelection();
        // The service sorts what it finds by when it changed, and filters it by name only.
        m_sort->blockSignals(true);
        m_sort->clear();
        m_sort->addItem(tr("Modified — newest first"));
        m_sort->blockSignals(false);
        m_typeFilter->setEnabled(false);
        m_search->setEnabled(true);
    }
    m_search->setPlaceholderText(tr("Search all of My drive"));
    m_breadcrumb->setText((words.trimmed().isEmpty()
                               ? tr("Search all of My drive")
                               : tr("My drive: “%1”").arg(text::displayText(words.trimmed())))
                              .toHtmlEscaped());
    if (anotherPlace || m_driveSearch->keyWord() != words.trimmed())
        m_driveSearch->search(drive.data(FolderTreeModel::ContainerRole).toString(), words);
    if (anotherPlace)
        m_search->setFocus(Qt::ShortcutFocusReason);
    placeShown();
}

void MainWindow::updateEmptyPlaceNote()
{
    const bool filtered =
        (m_place == Place::Folder || m_place == Place::RecycleBin) &&
        (!m_folder->nameFilter().isEmpty() || m_folder->typeFilter() != FolderModel::TypeFilter::All);
    if (filtered) {
        const QString said =
            m_folder->nameFilter().isEmpty()
                ? tr("Nothing here is of the kind chosen in “Show”.")
                : tr("Nothing here matches “%1”.").arg(text::displayText(m_folder->nameFilter()));
        m_grid->setEmptyState(said, tr("Clear the search and the filter"), [this] {
            clearFilterBoxes();
            applyFilter();
            m_grid->setFocus(Qt::OtherFocusReason); // where the photos come back (the button goes)
        });
        return;
    }
    switch (m_place) {
    case Place::Folder:
        m_grid->setEmptyState(tr("This folder is empty."), tr("Upload photos…"),
                              [this] { m_uploadPhotos->trigger(); });
        break;
    case Place::RecycleBin: m_grid->setEmptyState(tr("The recycle bin is empty.")); break;
    case Place::Favorites:
        m_grid->setEmptyState(
            tr("No favourites yet. Click the heart on a photo, or select photos and press S, "
               "to keep them here."));
        break;
    case Place::DriveSearch:
        m_grid->setEmptyState(m_driveSearch->keyWord().isEmpty()
                                  ? tr("Type a part of a name to search every folder of your drive.")
                                  : tr("Nothing in your drive is named with “%1”.")
                                        .arg(text::displayText(m_driveSearch->keyWord())));
        break;
    case Place::Album: {
        const api::Album album = m_albums->albumAt(m_albums->rowOfId(m_albumId));
        m_grid->setEmptyState(
            album.isManual() || album.id.isEmpty()
                ? tr("This album is empty. Drag photos onto it from a folder, or drop them "
                     "here from your computer.")
                : tr("The folders of this collection hold no photos or videos of its kind."));
        break;
    }
    }
}

} // namespace koodrive::ui
