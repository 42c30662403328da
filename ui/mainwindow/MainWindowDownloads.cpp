// The main window's downloads: File ▸ Save to… (Ctrl+S) for the selection, the album or the folder shown;
// Open with the default application and Copy (to the clipboard as files) from the grid's menu, through
// originals fetched into the app's cache. All of them go through the account's durable queue, so they show
// in the Transfers panel with pause, resume and cancel, and go on after a restart.
#include "MainWindow.h"
#include "api/ApiTypes.h"
#include "models/AlbumListModel.h"
#include "models/FolderModel.h"
#include "models/PagedFileModel.h"
#include "transfers/DownloadRunner.h"
#include "transfers/LocalNames.h"
#include "transfers/SavePlanner.h"
#include "transfers/UploadQueue.h"
#include "views/ThumbnailGridView.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QFileDialog>
#include <QImageReader>
#include <QItemSelectionModel>
#include <QMimeData>
#include <QPointer>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>

namespace koodrive::ui {

using models::PagedFileModel;
using transfers::DownloadRunner;
using transfers::QueuedUpload;
using transfers::SavePlanner;

void MainWindow::makeDownloadActions()
{
    // Drags out of the grid carry the files themselves to other applications.
    m_grid->setLocalCopies([this](const QModelIndexList &rows) -> std::function<QStringList()> {
        const QVector<api::DriveFile> files = filesAt(rows);
        QPointer<MainWindow> window(this);
        return [window, files] { return window ? window->localCopiesNow(files) : QStringList(); };
    });
    m_saveTo = new QAction(QIcon::fromTheme(QStringLiteral("document-save-as")), tr("&Save to…"), this);
    m_saveTo->setShortcut(QKeySequence::Save);
    m_saveTo->setToolTip(
        tr("Save the originals of the selection, or of the album or folder shown, to a folder "
           "of this computer"));
    connect(m_saveTo, &QAction::triggered, this, &MainWindow::chooseFolderToSaveTo);
    m_openWith = new QAction(QIcon::fromTheme(QStringLiteral("document-open")),
                             tr("&Open with default application"), this);
    m_openWith->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    connect(m_openWith, &QAction::triggered, this, &MainWindow::openWithDefaultApp);
    m_copyFiles = new QAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("&Copy"), this);
    m_copyFiles->setShortcut(QKeySequence::Copy);
    m_copyFiles->setToolTip(tr("Copy the selected files, to paste them in a file manager or another app"));
    connect(m_copyFiles, &QAction::triggered, this, &MainWindow::copyAsFiles);
    addActions({m_saveTo, m_openWith, m_copyFiles});
}

QString MainWindow::fileCacheDir() const
{
    const QString base = m_services.dataDir.isEmpty()
                             ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
                             : QDir(m_services.dataDir).filePath(QStringLiteral("cache"));
    return QDir(base).filePath(QStringLiteral("originals"));
}

QVector<api::DriveFile> MainWindow::selectedFiles() const
{
    if (!m_grid->fileModel() || !m_grid->selectionModel())
        return {};
    return filesAt(m_grid->selectionModel()->selectedIndexes());
}

QVector<api::DriveFile> MainWindow::filesAt(QModelIndexList rows) const
{
    QVector<api::DriveFile> files;
    PagedFileModel *model = m_grid->fileModel();
    if (!model)
        return files;
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : std::as_const(rows)) {
        const models::DriveItem item = model->itemAt(index.row());
        if (item.id.isEmpty())
            continue;
        api::DriveFile file;
        file.id = item.id;
        file.name = item.name; // the server's: made a safe file name only when it is written
        file.containerId = item.containerId;
        file.ownerId = item.ownerId;
        file.fileType = index.data(PagedFileModel::FileTypeRole).toInt();
        file.size = index.data(PagedFileModel::SizeRole).toLongLong();
        auto msOf = [&index](int role) {
            const QDateTime time = index.data(role).toDateTime();
            return time.isValid() ? time.toMSecsSinceEpoch() : 0; // unknown
        };
        file.takenMs = msOf(PagedFileModel::TakenRole);
        file.editedMs = msOf(PagedFileModel::EditedRole);
        if (item.folder)
            file.fileType = api::FileType::Folder;
        files.append(file);
    }
    return files;
}

void MainWindow::chooseFolderToSaveTo()
{
    const QString start = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Save to"), start);
    if (!chosen.isEmpty())
        saveTo(chosen);
}

bool MainWindow::saveTo(const QString &localFolder)
{
    if (!m_uploadQueue || !m_downloadRunner)
        return false;
    const QVector<api::DriveFile> selection = selectedFiles();
    std::function<void(SavePlanner *)> start;
    QString what;
    if (!selection.isEmpty()) {
        what = tr("%n item(s)", nullptr, int(selection.size()));
        start = [selection, localFolder](SavePlanner *planner) {
            planner->saveFiles(selection, localFolder);
        };
    } else if (m_place == Place::Album && !m_albumId.isEmpty()) {
        const api::Album album = m_albums->albumAt(m_albums->rowOfId(m_albumId));
        what = album.name;
        start = [album, localFolder](SavePlanner *planner) {
            planner->saveAlbum(album.id, album.name, localFolder);
        };
    } else if (m_place == Place::Folder && !m_pathIds.isEmpty()) {
        what = m_path.isEmpty() ? tr("the drive") : m_path.constLast();
        const auto [containerId, folderId] = m_pathIds.constLast();
        const QString name = m_path.isEmpty() ? tr("Drive") : m_path.constLast();
        start = [containerId, folderId, name, localFolder](SavePlanner *planner) {
            planner->saveFolder(containerId, folderId, name, localFolder);
        };
    } else {
        m_messages->showNote(tr("Select photos, or open an album or a folder, to save them."));
        return false;
    }
    auto *planner = new SavePlanner(m_services.client, m_uploadQueue.get(), this);
    connect(planner, &SavePlanner::finished, this,
            [this, planner, what](const SavePlanner::Outcome &outcome) {
                planner->deleteLater();
                if (outcome.error) {
                    api::ApiError error = *outcome.error;
                    error.message = tr("Nothing of “%1” was saved: %2").arg(what, error.message);
                    showError(error);
                    return;
                }
                if (outcome.queued == 0) {
                    m_messages->showNote(tr("“%1” has no photos or videos to save.").arg(what));
                    return;
                }
                m_transfersDock->show();
            });
    start(planner);
    return true;
}

void MainWindow::withLocalCopies(const QVector<api::DriveFile> &files,
                                 const std::function<void(const QStringList &)> &then)
{
    if (files.isEmpty() || !m_uploadQueue)
        return then({});
    auto copies = std::make_shared<LocalCopies>();
    copies->then = then;
    QList<QueuedUpload> fetch;
    QList<int> fetchOrder;
    for (const api::DriveFile &file : files) {
        if (file.isFolder())
            continue;
        // One folder per file and version (its edit time) in the cache: a copy fetched before is used again
        // as it is (a part file gets the name only once whole).
        const QString key = file.containerId + u'-' + file.id + u'-' + QString::number(file.editedMs);
        const QString folder = QDir(fileCacheDir()).filePath(transfers::LocalNames::safeFileName(key));
        const QString name = transfers::LocalNames::safeFileName(file.name);
        const QString cached = QDir(folder).filePath(name);
        copies->paths << cached;
        if (QFileInfo(cached).isFile())
            continue;
        QDir(folder).removeRecursively();
        QDir().mkpath(folder);
        fetch << SavePlanner::downloadOf(file, folder);
        fetchOrder << int(copies->paths.size() - 1);
    }
    if (copies->paths.isEmpty())
        return then({});
    if (fetch.isEmpty()) {
        then(copies->paths);
        return;
    }
    const QList<qint64> ids = m_uploadQueue->add(fetch);
    for (qsizetype i = 0; i < ids.size(); ++i) {
        copies->waiting.insert(ids.at(i));
        copies->order.insert(ids.at(i), fetchOrder.at(i));
    }
    m_localCopies.append(copies);
}

void MainWindow::onDownloadEnded(qint64 id)
{
    const std::optional<QueuedUpload> download = m_uploadQueue ? m_uploadQueue->upload(id) : std::nullopt;
    for (qsizetype i = 0; i < m_localCopies.size(); ++i) {
        const std::shared_ptr<LocalCopies> copies = m_localCopies.at(i);
        if (!copies->waiting.remove(id))
            continue;
        if (!download || download->state != QueuedUpload::State::Done) {
            m_localCopies.removeAt(i); // the Transfers panel says why
            m_transfersDock->show();
            copies->then({});
            return;
        }
        copies->paths[copies->order.value(id)] = download->localPath;
        if (copies->waiting.isEmpty()) {
            m_localCopies.removeAt(i);
            copies->then(copies->paths);
        }
        return;
    }
}

QStringList MainWindow::localCopiesNow(const QVector<api::DriveFile> &files)
{
    struct Wait
    {
        QStringList paths;
        bool ended = false;
        QEventLoop loop;
    };
    auto wait = std::make_shared<Wait>();
    withLocalCopies(files, [wait](const QStringList &paths) {
        wait->paths = paths;
        wait->ended = true;
        wait->loop.quit();
    });
    if (!wait->ended) {
        m_transfersDock->show(); // their progress
        QTimer::singleShot(120000, &wait->loop, &QEventLoop::quit);
        wait->loop.exec();
    }
    return wait->paths;
}

void MainWindow::openWithDefaultApp()
{
    withLocalCopies(selectedFiles(), [this](const QStringList &paths) {
        for (const QString &path : paths)
            if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
                m_messages->showNote(tr("No application opens %1.").arg(QFileInfo(path).fileName()));
    });
}

void MainWindow::copyAsFiles()
{
    withLocalCopies(selectedFiles(), [](const QStringList &paths) {
        if (paths.isEmpty())
            return;
        auto *mime = new QMimeData;
        QList<QUrl> urls;
        QByteArray gnome("copy");
        for (const QString &path : paths) {
            urls << QUrl::fromLocalFile(path);
            gnome += '\n' + QUrl::fromLocalFile(path).toEncoded();
        }
        mime->setUrls(urls); // text/uri-list: file managers paste the files themselves
        // GNOME Files and Nemo read this one for Paste; KDE's Dolphin takes the uri-list.
        mime->setData(QStringLiteral("x-special/gnome-copied-files"), gnome);
        if (paths.size() == 1) {
            QImageReader reader(paths.first());
            reader.setAllocationLimit(256);
            const QImage image = reader.read();
            if (!image.isNull())
                mime->setImageData(image); // for apps that paste a picture (an editor, a chat)
        }
        QApplication::clipboard()->setMimeData(mime);
    });
}

} // namespace koodrive::ui
