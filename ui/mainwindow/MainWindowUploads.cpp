// The main window's uploads: drops of local files on the grid, the folder tree and the albums, File ▸ Upload
// photos… and Upload folder…, the durable queue of the account, the Transfers panel and the status bar's
// total; uploaded photos appear where they are shown.
#include "MainWindow.h"
#include "account/AccountFiles.h"
#include "models/AlbumContentsModel.h"
#include "models/AlbumListModel.h"
#include "models/FolderModel.h"
#include "models/FolderTreeModel.h"
#include "text/DisplayText.h"
#include "transfers/DownloadRunner.h"
#include "transfers/UploadListModel.h"
#include "transfers/UploadPlanner.h"
#include "transfers/UploadQueue.h"
#include "transfers/UploadRunner.h"
#include "views/AlbumListView.h"
#include "views/LocalFileDrop.h"
#include "views/ThumbnailGridView.h"
#include "widgets/MessageBar.h"
#include "widgets/TransfersPanel.h"

#include <QAction>
#include <QCryptographicHash>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QProgressBar>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

namespace koodrive::ui {

using models::AlbumListModel;
using models::FolderTreeModel;
using models::PagedFileModel;
using transfers::QueuedUpload;
using transfers::UploadListModel;
using transfers::UploadPlanner;
using transfers::UploadQueue;
using transfers::UploadRunner;
using transfers::UploadTarget;

void MainWindow::makeUploadActions()
{
    m_uploadPhotos =
        new QAction(QIcon::fromTheme(QStringLiteral("document-send")), tr("&Upload photos…"), this);
    m_uploadPhotos->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    m_uploadPhotos->setToolTip(tr("Upload photos and other files into the folder or album shown"));
    connect(m_uploadPhotos, &QAction::triggered, this, [this] { chooseFilesToUpload(false); });
    m_uploadFolder = new QAction(tr("Upload &folder…"), this);
    m_uploadFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    m_uploadFolder->setToolTip(tr("Upload a folder with its sub-folders into the folder or album shown"));
    connect(m_uploadFolder, &QAction::triggered, this, [this] { chooseFilesToUpload(true); });
    addActions({m_uploadPhotos, m_uploadFolder});
}

void MainWindow::makeTransfersPanel()
{
    m_transfersDock = new QDockWidget(tr("Transfers"), this);
    m_transfersDock->setObjectName(QStringLiteral("transfersDock"));
    m_transfersDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea);
    m_transfersDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::BottomDockWidgetArea, m_transfersDock);
    m_transfersDock->hide();

    m_uploadStatus = new QToolButton(this);
    m_uploadStatus->setObjectName(QStringLiteral("uploadStatus"));
    m_uploadStatus->setAutoRaise(true);
    m_uploadStatus->setAccessibleName(tr("Uploads"));
    m_uploadStatus->setToolTip(tr("Show the Transfers panel"));
    m_uploadStatus->setVisible(false);
    connect(m_uploadStatus, &QToolButton::clicked, this, [this] { m_transfersDock->show(); });
    m_uploadProgress = new QProgressBar(this);
    m_uploadProgress->setRange(0, 1000);
    m_uploadProgress->setMaximumWidth(160);
    m_uploadProgress->setTextVisible(false);
    m_uploadProgress->setAccessibleName(tr("Upload progress"));
    m_uploadProgress->setVisible(false);
    statusBar()->addPermanentWidget(m_uploadStatus);
    statusBar()->addPermanentWidget(m_uploadProgress);

    m_refreshAfterUpload = new QTimer(this);
    m_refreshAfterUpload->setSingleShot(true);
    m_refreshAfterUpload->setInterval(400);
    connect(m_refreshAfterUpload, &QTimer::timeout, this, [this] {
        // Read again where the uploaded files are shown: they are inserted in place (no reset).
        if (m_refreshFolderAfterUpload && m_place == Place::Folder)
            m_folder->refresh();
        if (m_refreshAlbumAfterUpload && m_place == Place::Album)
            m_albumContents->refresh();
        m_refreshFolderAfterUpload = m_refreshAlbumAfterUpload = false;
    });
}

void MainWindow::openUploads()
{
    closeUploads();
    const QString dir = m_services.dataDir.isEmpty()
                            ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                            : m_services.dataDir;
    QDir().mkpath(dir);
    QString error;
    m_uploadQueue = UploadQueue::open(
        QDir(dir).filePath(accountFileName(m_services.connection, QStringLiteral("uploads"))), &error);
    if (!m_uploadQueue) {
        m_messages->showProblem(tr("Uploads cannot be kept: %1").arg(error), QString(), error, {});
        m_uploadPhotos->setEnabled(false);
        m_uploadFolder->setEnabled(false);
        return;
    }
    if (!m_uploadQueue->recoveryNote().isEmpty())
        m_messages->queueNote(m_uploadQueue->recoveryNote());
    m_uploadRunner = new UploadRunner(m_services.client, m_uploadQueue.get(), this);
    m_downloadRunner =
        new transfers::DownloadRunner(m_services.client, m_services.network, m_uploadQueue.get(), this);
    m_uploadList = new UploadListModel(m_uploadQueue.get(), m_uploadRunner, this);
    m_uploadList->followDownloads(m_downloadRunner);
    m_transfers = new TransfersPanel(m_uploadList, m_uploadRunner, m_downloadRunner, m_uploadQueue.get(),
                                     m_transfersDock);
    m_transfersDock->setWidget(m_transfers);
    connect(m_uploadList, &UploadListModel::totalsChanged, this, &MainWindow::updateUploadStatus);
    connect(m_uploadRunner, &UploadRunner::ended, this, &MainWindow::onUploadEnded);
    connect(m_downloadRunner, &transfers::DownloadRunner::ended, this, &MainWindow::onDownloadEnded);
    // What was under way when the app last stopped goes on, at its part, without asking.
    m_uploadRunner->start();
    m_downloadRunner->start();
    updateUploadStatus();
}

void MainWindow::closeUploads()
{
    // The running files stay Running in the queue: the next open takes them up at their part.
    if (m_transfersDock)
        m_transfersDock->setWidget(nullptr);
    delete m_transfers;
    m_transfers = nullptr;
    delete m_uploadList;
    m_uploadList = nullptr;
    delete m_uploadRunner;
    m_uploadRunner = nullptr;
    delete m_downloadRunner;
    m_downloadRunner = nullptr;
    m_localCopies.clear();
    m_uploadQueue.reset();
}

void MainWindow::makeDropTargets()
{
    for (QAbstractItemView *view :
         {static_cast<QAbstractItemView *>(m_grid), static_cast<QAbstractItemView *>(m_tree),
          static_cast<QAbstractItemView *>(m_myAlbums), static_cast<QAbstractItemView *>(m_sharedAlbums)}) {
        auto *drop = new LocalFileDrop(
            view, [this, view](const QModelIndex &over) { return takesUploadsAt(view, over); },
            qobject_cast<AlbumListView *>(view) != nullptr); // photos dragged from the grid are added
        connect(
            drop, &LocalFileDrop::dropped, this,
            [this, view](const QStringList &paths, const QModelIndex &over) { dropped(view, paths, over); });
        if (auto *albums = qobject_cast<AlbumListView *>(view))
            connect(drop, &LocalFileDrop::hovering, albums, &AlbumListView::setDropTarget);
    }
}

// The space (the user's drive, or a family's shared space) of the folder shown; invalid when no folder is.
QModelIndex MainWindow::shownSpace() const
{
    if (m_place != Place::Folder || m_pathIds.isEmpty())
        return {};
    for (int row = 0; row < m_treeModel->rowCount(); ++row) {
        const QModelIndex space = m_treeModel->index(row, 0);
        if (space.data(FolderTreeModel::IdRole).toString() == m_pathIds.constFirst().second)
            return space;
    }
    return {};
}

QModelIndex MainWindow::ownDrive() const
{
    const QModelIndex first = m_treeModel->index(0, 0);
    return first.isValid() && !first.data(FolderTreeModel::IsSharedRole).toBool() ? first : QModelIndex();
}

// A folder of the user's own drive is shown: an album's files may go there (an album holds the user's own).
bool MainWindow::personalFolderShown() const
{
    const QModelIndex space = shownSpace();
    return space.isValid() && !space.data(FolderTreeModel::IsSharedRole).toBool();
}

bool MainWindow::manualAlbumShown() const
{
    return m_place == Place::Album && m_albums->albumAt(m_albums->rowOfId(m_albumId)).isManual();
}

bool MainWindow::takesUploadsAt(QAbstractItemView *view, const QModelIndex &over) const
{
    if (!m_uploadQueue)
        return false;
    if (view == m_grid) // the folder shown (or a folder tile in it), or the manual album shown
        return shownSpace().isValid() || manualAlbumShown();
    if (view == m_tree) // any folder, of the user's drive or of a family's shared space (known by its id)
        return over.isValid() && (!over.data(FolderTreeModel::IsSharedRole).toBool() ||
                                  over.data(FolderTreeModel::ShareFolderIdRole).toLongLong() > 0);
    // An album list: a manual album takes photos and videos.
    return over.isValid() && over.data(AlbumListModel::IsManualRole).toBool();
}

void MainWindow::dropped(QAbstractItemView *view, const QStringList &paths, const QModelIndex &over)
{
    if (view == m_grid) {
        if (m_place == Place::Folder && over.isValid() && over.data(PagedFileModel::IsFolderRole).toBool())
            uploadToFolder(paths, over.data(PagedFileModel::ContainerRole).toString(),
                           over.data(PagedFileModel::IdRole).toString(), over.data().toString(),
                           shownSpace().data(FolderTreeModel::ShareFolderIdRole).toLongLong());
        else
            uploadToShownPlace(paths);
    } else if (view == m_tree) {
        uploadToFolder(paths, over.data(FolderTreeModel::ContainerRole).toString(),
                       over.data(FolderTreeModel::IdRole).toString(), over.data().toString(),
                       over.data(FolderTreeModel::ShareFolderIdRole).toLongLong());
    } else {
        uploadToAlbum(paths, over.data(AlbumListModel::IdRole).toString());
    }
}

bool MainWindow::uploadToShownPlace(const QStringList &paths)
{
    if (const QModelIndex space = shownSpace(); space.isValid()) {
        uploadToFolder(paths, m_pathIds.constLast().first, m_pathIds.constLast().second,
                       m_path.isEmpty() ? QString() : m_path.constLast(),
                       space.data(FolderTreeModel::ShareFolderIdRole).toLongLong());
        return true;
    }
    if (manualAlbumShown()) {
        uploadToAlbum(paths, m_albumId);
        return true;
    }
    return false;
}

void MainWindow::chooseFilesToUpload(bool folder)
{
    if (!shownSpace().isValid() && !manualAlbumShown()) {
        m_messages->showNote(tr("Open a folder of your drive or a manual album to upload into."));
        return;
    }
    const QString home = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    QStringList paths;
    if (folder) {
        const QString chosen = QFileDialog::getExistingDirectory(this, tr("Upload a folder"), home);
        if (!chosen.isEmpty())
            paths << chosen;
    } else {
        paths = QFileDialog::getOpenFileNames(this, tr("Upload photos"), home,
                                              tr("Photos and videos (*.jpg *.jpeg *.png *.heic *.heif *.webp "
                                                 "*.gif *.tif *.tiff *.dng *.mp4 *.mov *.m4v *.avi *.mkv);;"
                                                 "All files (*)"));
    }
    if (!paths.isEmpty())
        uploadToShownPlace(paths);
}

void MainWindow::uploadToFolder(const QStringList &paths, const QString &containerId, const QString &folderId,
                                const QString &name, qint64 shareFolderId)
{
    UploadTarget target{containerId, folderId};
    target.shareFolderId = shareFolderId;
    plan(paths, target, name);
}

void MainWindow::plan(const QStringList &paths, const UploadTarget &target, const QString &where,
                      const QString &intoPath, const QString &fallbackPath)
{
    if (!m_uploadQueue)
        return;
    // The queue's child: it goes with the queue (another account's, after a switch, is never written).
    auto *planner = new UploadPlanner(m_services.client, m_uploadQueue.get(), m_uploadQueue.get());
    connect(
        planner, &UploadPlanner::finished, this,
        [this, planner, where, target, intoPath, fallbackPath](const UploadPlanner::Outcome &outcome) {
            planner->deleteLater();
            const bool album = !target.albumId.isEmpty();
            const QString shown = text::displayText(where);
            if (outcome.error) {
                api::ApiError error = *outcome.error;
                error.message = tr("Nothing was uploaded to “%1”: %2").arg(shown, error.message);
                showError(error);
                return;
            }
            // The album's "Uploads/<album>" is remembered once it is made (or found); a chosen folder
            // that is gone is forgotten.
            const QString into = outcome.rememberedGone ? fallbackPath : intoPath;
            const bool madeUploads = album && !outcome.folderId.isEmpty() &&
                                     (outcome.rememberedGone ? !target.fallbackSubfolders.isEmpty()
                                                             : !target.subfolders.isEmpty());
            if (madeUploads)
                m_uploadQueue->setAlbumFolder(target.albumId, {outcome.folderId, fallbackPath, false});
            else if (album && outcome.rememberedGone)
                m_uploadQueue->forgetAlbumFolder(target.albumId);
            QStringList said;
            if (outcome.rememberedGone)
                said << tr("The folder “%1” is no longer in your drive.").arg(text::displayText(intoPath));
            if (outcome.queued > 0 && album)
                said << (into.isEmpty()
                             ? tr("Uploading %Ln file(s) to the album “%1”, into the top of your drive.",
                                  nullptr, outcome.queued)
                                   .arg(shown)
                             : tr("Uploading %Ln file(s) to the album “%1”, into “%2”.", nullptr,
                                  outcome.queued)
                                   .arg(shown, text::displayText(into)));
            else if (outcome.queued > 0)
                said << tr("Uploading %Ln file(s) to “%1”.", nullptr, outcome.queued).arg(shown);
            else
                said << tr("Nothing to upload to “%1”.").arg(shown);
            if (outcome.leftOut > 0)
                said << tr("%Ln file(s) that are not photos or videos were left out.", nullptr,
                           outcome.leftOut);
            if (outcome.truncated)
                said << tr("Only the first %L1 files were taken.").arg(UploadPlanner::MaxFiles);
            if (!outcome.unreadable.isEmpty()) {
                said << tr("%Ln item(s) could not be read: %1", nullptr, int(outcome.unreadable.size()))
                            .arg(
                                text::displayText(QDir::toNativeSeparators(outcome.unreadable.constFirst())));
                m_messages->showProblem(said.join(QLatin1Char(' ')), QString(),
                                        outcome.unreadable.join(QLatin1Char('\n')), {},
                                        MessageBar::Reach::Window);
            } else if (album && outcome.queued > 0) {
                // The upload summary: where they go, and a way to send them (and the next ones)
                // elsewhere.
                m_messages->showNote(
                    said.join(QLatin1Char(' ')), tr("Change folder…"),
                    [this, albumId = target.albumId, ids = outcome.ids, from = outcome.folderId] {
                        chooseAlbumUploadFolder(albumId, ids, from);
                    },
                    MessageBar::Reach::Window);
            } else {
                m_messages->showNote(said.join(QLatin1Char(' ')), MessageBar::Reach::Window);
            }
            if (outcome.queued > 0)
                m_transfersDock->show();
            bool madeHere = false;
            for (const UploadPlanner::Outcome::Folder &folder : outcome.made) {
                m_treeModel->insertFolder(folder.parentId, folder.id, folder.name);
                madeHere |= m_place == Place::Folder && folder.parentId == m_folder->location().folderId;
            }
            if (madeHere)
                m_folder->refresh(); // the new folders, in the grid
        });
    planner->start(paths, target);
}

void MainWindow::onUploadEnded(qint64 id)
{
    const std::optional<QueuedUpload> upload = m_uploadQueue ? m_uploadQueue->upload(id) : std::nullopt;
    if (!upload ||
        (upload->state != QueuedUpload::State::Done && upload->state != QueuedUpload::State::AlreadyThere))
        return;
    if (m_place == Place::Folder && m_folder->location().folderId == upload->parentFolderId)
        m_refreshFolderAfterUpload = true;
    if (!upload->albumId.isEmpty()) {
        m_albums->refreshAlbum(upload->albumId); // its count and cover
        if (m_place == Place::Album && m_albumId == upload->albumId)
            m_refreshAlbumAfterUpload = true;
    }
    if (m_refreshFolderAfterUpload || m_refreshAlbumAfterUpload)
        m_refreshAfterUpload->start();
}

void MainWindow::updateUploadStatus()
{
    if (!m_uploadList)
        return;
    const UploadListModel::Totals totals = m_uploadList->totals();
    m_uploadStatus->setVisible(totals.files > 0);
    m_uploadStatus->setText(TransfersPanel::summaryText(m_uploadList));
    m_uploadProgress->setVisible(totals.active());
    m_uploadProgress->setValue(totals.bytes > 0 ? int(totals.sent * 1000 / totals.bytes) : 0);
}

} // namespace koodrive::ui
