// The main window's uploads: drops of local files on the grid, the folder tree and the albums, File ▸ Upload
// photos… and Upload folder…, the durable queue of the account, the Transfers panel and the status bar's
// total; uploaded photos appear where they are shown.
#include "MainWindow.h"
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

namespace {
// The queue's file for an account: uploads of one account never go to another's drive.
QString queueFileName(const ServerConnection &connection)
{
    const QByteArray key = (connection.server.host() + QLatin1Char('|') + connection.userId).toUtf8();
    return QStringLiteral("uploads-%1.sqlite")
        .arg(QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(16)));
}
} // namespace

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
    m_uploadQueue = UploadQueue::open(QDir(dir).filePath(queueFileName(m_services.connection)), &error);
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

// The drive's own folders take uploads; a family's shared space does not yet (its calls need the share
// folder's id, which uploads do not send).
bool MainWindow::personalFolderShown() const
{
    if (m_place != Place::Folder || m_pathIds.isEmpty())
        return false;
    const QModelIndex drive = m_treeModel->index(0, 0);
    return drive.isValid() && m_pathIds.constFirst().second == drive.data(FolderTreeModel::IdRole).toString();
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
        return personalFolderShown() || manualAlbumShown();
    if (view == m_tree)
        return over.isValid() && !over.data(FolderTreeModel::IsSharedRole).toBool() &&
               over.data(FolderTreeModel::ContainerRole).toString() ==
                   m_treeModel->index(0, 0).data(FolderTreeModel::ContainerRole).toString();
    // An album list: a manual album takes photos and videos.
    return over.isValid() && over.data(AlbumListModel::IsManualRole).toBool();
}

void MainWindow::dropped(QAbstractItemView *view, const QStringList &paths, const QModelIndex &over)
{
    if (view == m_grid) {
        if (m_place == Place::Folder && over.isValid() && over.data(PagedFileModel::IsFolderRole).toBool())
            uploadToFolder(paths, over.data(PagedFileModel::ContainerRole).toString(),
                           over.data(PagedFileModel::IdRole).toString(), over.data().toString());
        else
            uploadToShownPlace(paths);
    } else if (view == m_tree) {
        uploadToFolder(paths, over.data(FolderTreeModel::ContainerRole).toString(),
                       over.data(FolderTreeModel::IdRole).toString(), over.data().toString());
    } else {
        uploadToAlbum(paths, over.data(AlbumListModel::IdRole).toString());
    }
}

bool MainWindow::uploadToShownPlace(const QStringList &paths)
{
    if (personalFolderShown()) {
        uploadToFolder(paths, m_pathIds.constLast().first, m_pathIds.constLast().second,
                       m_path.isEmpty() ? QString() : m_path.constLast());
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
    if (!personalFolderShown() && !manualAlbumShown()) {
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
                                const QString &name)
{
    plan(paths, UploadTarget{containerId, folderId}, name);
}

void MainWindow::uploadToAlbum(const QStringList &paths, const QString &albumId)
{
    const api::Album album = m_albums->albumAt(m_albums->rowOfId(albumId));
    if (album.id.isEmpty() || !album.isManual())
        return;
    // Into the folder on screen when there is one, otherwise into "Uploads/<album>" at the drive's top.
    UploadTarget target;
    target.albumId = album.id;
    target.mediaOnly = true;
    if (personalFolderShown()) {
        target.containerId = m_pathIds.constLast().first;
        target.folderId = m_pathIds.constLast().second;
    } else {
        const QModelIndex drive = m_treeModel->index(0, 0);
        if (!drive.isValid())
            return;
        target.containerId = drive.data(FolderTreeModel::ContainerRole).toString();
        target.folderId = drive.data(FolderTreeModel::IdRole).toString();
        target.subfolders = {tr("Uploads"), album.name.isEmpty() ? tr("Album") : album.name};
    }
    plan(paths, target, album.name);
}

void MainWindow::plan(const QStringList &paths, const UploadTarget &target, const QString &where)
{
    if (!m_uploadQueue)
        return;
    auto *planner = new UploadPlanner(m_services.client, m_uploadQueue.get(), this);
    const bool album = !target.albumId.isEmpty();
    connect(planner, &UploadPlanner::finished, this,
            [this, planner, where, album](const UploadPlanner::Outcome &outcome) {
                planner->deleteLater();
                const QString shown = text::displayText(where);
                if (outcome.error) {
                    api::ApiError error = *outcome.error;
                    error.message = tr("Nothing was uploaded to “%1”: %2").arg(shown, error.message);
                    showError(error);
                    return;
                }
                QStringList said;
                if (outcome.queued > 0)
                    said << (album ? tr("Uploading %Ln file(s) to the album “%1”.", nullptr, outcome.queued)
                                   : tr("Uploading %Ln file(s) to “%1”.", nullptr, outcome.queued))
                                .arg(shown);
                else
                    said << tr("Nothing to upload to “%1”.").arg(shown);
                if (outcome.leftOut > 0)
                    said << tr("%Ln file(s) that are not photos or videos were left out.", nullptr,
                               outcome.leftOut);
                if (outcome.truncated)
                    said << tr("Only the first %L1 files were taken.").arg(UploadPlanner::MaxFiles);
                if (!outcome.unreadable.isEmpty()) {
                    said << tr("%Ln item(s) could not be read: %1", nullptr, int(outcome.unreadable.size()))
                                .arg(text::displayText(
                                    QDir::toNativeSeparators(outcome.unreadable.constFirst())));
                    m_messages->showProblem(said.join(QLatin1Char(' ')), QString(),
                                            outcome.unreadable.join(QLatin1Char('\n')), {});
                } else {
                    m_messages->showNote(said.join(QLatin1Char(' ')));
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
