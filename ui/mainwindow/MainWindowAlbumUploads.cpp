// The main window's uploads into albums: where an album's files go (the folder chosen for it, the folder on
// screen, or its "Uploads/<album>", remembered in the account's queue), the upload summary's Change folder…
// and Album ▸ Where uploads go…, and the files named on the command line ("Send to").
#include "MainWindow.h"
#include "dialogs/FolderChooserDialog.h"
#include "models/AlbumListModel.h"
#include "models/FolderTreeModel.h"
#include "text/DisplayText.h"
#include "transfers/UploadPlanner.h"
#include "transfers/UploadQueue.h"
#include "widgets/MessageBar.h"

namespace koodrive::ui {

using models::FolderTreeModel;
using transfers::UploadPlanner;
using transfers::UploadQueue;
using transfers::UploadTarget;

void MainWindow::uploadAtStart(const QStringList &paths, const QString &albumName, bool intoOpenedFolder)
{
    m_startUploads = paths;
    m_startAlbum = albumName;
    m_startIntoOpened = intoOpenedFolder;
    takeStartUploads();
}

void MainWindow::takeStartUploads()
{
    if (m_startUploads.isEmpty() || !m_uploadQueue || !m_treeModel->isLoaded() || !m_openPath.isEmpty())
        return;
    const QModelIndex drive = ownDrive();
    if (!drive.isValid())
        return;
    if (!m_startAlbum.isEmpty()) {
        if (m_albums->isLoading() || !m_albums->isComplete())
            return;
        QString albumId;
        for (int row = 0; row < m_albums->rowCount() && albumId.isEmpty(); ++row) {
            const api::Album album = m_albums->albumAt(row);
            if (album.isManual() && album.name == m_startAlbum)
                albumId = album.id;
        }
        const QStringList paths = std::exchange(m_startUploads, {});
        if (albumId.isEmpty()) {
            m_messages->showNote(
                tr("There is no manual album “%1” to upload into.").arg(text::displayText(m_startAlbum)));
            return;
        }
        // The album is opened, and its photos go where that album's go (not into the drive's top, shown
        // at start).
        m_pendingAlbumId = albumId;
        selectAlbumWhenLoaded();
        uploadToAlbum(paths, albumId);
        return;
    }
    // Into the folder --open opened; otherwise the drive's top (not the place the window came back to).
    const QStringList paths = std::exchange(m_startUploads, {});
    if (!m_startIntoOpened || !uploadToShownPlace(paths))
        uploadToFolder(paths, drive.data(FolderTreeModel::ContainerRole).toString(),
                       drive.data(FolderTreeModel::IdRole).toString(), drive.data().toString());
}

void MainWindow::uploadToAlbum(const QStringList &paths, const QString &albumId)
{
    const api::Album album = m_albums->albumAt(m_albums->rowOfId(albumId));
    const QModelIndex drive = ownDrive();
    if (album.id.isEmpty() || !album.isManual() || !m_uploadQueue || !drive.isValid())
        return;
    if (models::AlbumOutbox::isLocalId(album.id)) { // made offline: its uploads would name no album
        m_messages->showNote(
            tr("“%1” is not on KooDrive yet: upload into it once it is.").arg(text::displayText(album.name)));
        return;
    }
    // Where an album's files go, first that applies:
    //  1. the folder the person chose for the album (the upload summary's "Change folder…");
    //  2. the folder on screen;
    //  3. the album's own "Uploads/<album>", found or made at the drive's top the first time and then
    //     remembered by id (it stays the album's folder when the album is renamed).
    // A remembered folder that has been deleted since is forgotten, and 3 is made again.
    UploadTarget target;
    target.albumId = album.id;
    target.mediaOnly = true;
    target.containerId = drive.data(FolderTreeModel::ContainerRole).toString();
    target.fallbackFolderId = drive.data(FolderTreeModel::IdRole).toString();
    target.fallbackSubfolders = {tr("Uploads"), album.name.isEmpty() ? tr("Album") : album.name};
    // As the drive will name it (a "/" in an album's name is not one in a folder's).
    QString fallbackPath =
        tr("Uploads") + QLatin1Char('/') + UploadPlanner::driveName(target.fallbackSubfolders.last());
    const std::optional<UploadQueue::AlbumFolder> remembered = m_uploadQueue->albumFolder(album.id);
    QString into;
    if (remembered && (remembered->chosen || !personalFolderShown())) {
        target.folderId = remembered->folderId;
        target.remembered = true;
        into = remembered->path;
        if (personalFolderShown()) { // the chosen one gone, the next rule: the folder on screen
            target.fallbackFolderId = m_pathIds.constLast().second;
            target.fallbackSubfolders.clear();
            fallbackPath = m_path.mid(1).join(QLatin1Char('/'));
        }
    } else if (personalFolderShown()) {
        target.containerId = m_pathIds.constLast().first;
        target.folderId = m_pathIds.constLast().second;
        into = m_path.mid(1).join(QLatin1Char('/'));
    } else {
        target.folderId = target.fallbackFolderId;
        target.subfolders = target.fallbackSubfolders;
        into = fallbackPath;
    }
    plan(paths, target, album.name, into, fallbackPath);
}

void MainWindow::chooseAlbumUploadFolder(const QString &albumId, const QList<qint64> &ids,
                                         const QString &fromFolderId)
{
    const api::Album album = m_albums->albumAt(m_albums->rowOfId(albumId));
    if (album.id.isEmpty() || !album.isManual() || !m_uploadQueue)
        return;
    const std::optional<UploadQueue::AlbumFolder> now = m_uploadQueue->albumFolder(album.id);
    auto *dialog = new FolderChooserDialog(
        m_treeModel,
        now ? tr("Photos dropped on the album “%1” are uploaded into %2. Choose where they go from now on:")
                  .arg(text::displayText(album.name),
                       now->path.isEmpty() ? tr("the top of your drive")
                                           : QStringLiteral("“%1”").arg(text::displayText(now->path)))
            : tr("Choose where photos dropped on the album “%1” are uploaded from now on:")
                  .arg(text::displayText(album.name)),
        this);
    dialog->setObjectName(QStringLiteral("albumUploadFolder"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (now)
        dialog->choose(m_treeModel->indexOfId(now->folderId));
    connect(dialog, &QDialog::accepted, this, [this, dialog, albumId, ids, fromFolderId] {
        setAlbumUploadFolder(albumId, dialog->folderId(), dialog->folderPath(), ids, fromFolderId);
    });
    dialog->open();
}

int MainWindow::setAlbumUploadFolder(const QString &albumId, const QString &folderId, const QString &path,
                                     const QList<qint64> &ids, const QString &fromFolderId)
{
    const api::Album album = m_albums->albumAt(m_albums->rowOfId(albumId));
    if (album.id.isEmpty() || folderId.isEmpty() || !m_uploadQueue)
        return 0;
    if (!m_uploadQueue->setAlbumFolder(album.id, {folderId, path, true})) {
        m_messages->showProblem(
            tr("Where uploads to “%1” go could not be kept.").arg(text::displayText(album.name)), QString(),
            QString(), {});
        return 0;
    }
    const int moved = fromFolderId.isEmpty() || fromFolderId == folderId
                          ? 0
                          : m_uploadQueue->moveWaiting(ids, fromFolderId, folderId);
    const QString into =
        path.isEmpty() ? tr("the top of your drive") : QStringLiteral("“%1”").arg(text::displayText(path));
    QString said =
        tr("Photos dropped on the album “%1” now go into %2.").arg(text::displayText(album.name), into);
    if (moved > 0)
        said += QLatin1Char(' ') + tr("%Ln file(s) not yet begun go there too.", nullptr, moved);
    m_messages->showNote(said, MessageBar::Reach::Window);
    return moved;
}

} // namespace koodrive::ui
