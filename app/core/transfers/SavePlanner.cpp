#include "SavePlanner.h"

#include "LocalNames.h"

#include <QDir>
#include <QFileInfo>

namespace koodrive::transfers {

SavePlanner::SavePlanner(api::KooDriveClient *client, UploadQueue *queue, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_queue(queue)
{}

QString SavePlanner::subFolder(const QString &parent, const QString &name)
{
    const QDir folder(parent);
    const QString free = LocalNames::firstFreeName(
        LocalNames::safeFileName(name, tr("Saved photos")),
        [&folder](const QString &candidate) { return QFileInfo::exists(folder.filePath(candidate)); });
    return free.isEmpty() ? QString() : folder.filePath(free);
}

void SavePlanner::take(const api::DriveFile &file, bool mediaOnly)
{
    if (file.isFolder() || file.recycled || (mediaOnly && !file.isImage() && !file.isVideo()))
        return;
    if (m_found.size() >= MaxFiles)
        return;
    m_found.append(downloadOf(file, m_localFolder));
}

QueuedUpload SavePlanner::downloadOf(const api::DriveFile &file, const QString &localFolder)
{
    QueuedUpload download;
    download.direction = QueuedUpload::Direction::Download;
    download.driveFileId = file.id;
    download.resume.containerId = file.containerId;
    download.fileName = file.name; // the server's word: made a safe file name when it starts
    download.localFolder = localFolder;
    download.size = std::max<qint64>(0, file.size);
    download.timeMs = file.takenMs > 0 ? file.takenMs : file.editedMs;
    return download;
}

void SavePlanner::saveFiles(const QVector<api::DriveFile> &files, const QString &localFolder)
{
    m_localFolder = localFolder;
    for (const api::DriveFile &file : files) {
        if (file.isFolder())
            m_folders.append({file.containerId, file.id});
        else
            take(file, false);
    }
    listNextFolder();
}

void SavePlanner::saveFolder(const QString &containerId, const QString &folderId, const QString &folderName,
                             const QString &localFolder)
{
    m_localFolder = subFolder(localFolder, folderName);
    m_folders.append({containerId, folderId});
    listNextFolder();
}

void SavePlanner::saveAlbum(const QString &albumId, const QString &albumName, const QString &localFolder)
{
    m_localFolder = subFolder(localFolder, albumName);
    m_albumId = albumId;
    listAlbum();
}

void SavePlanner::listNextFolder(const QString &cursor)
{
    if (m_ended)
        return;
    if (m_folders.isEmpty())
        return done();
    api::KooDriveClient::FileListQuery query;
    query.containerId = m_folders.constFirst().containerId;
    query.parentFileId = m_folders.constFirst().folderId;
    query.pageSize = 100;
    query.cursor = cursor;
    m_call = m_client->listFiles(query, this, [this](const api::Result<api::FilePage> &page) {
        if (!page.ok())
            return fail(page.error());
        for (const api::DriveFile &file : page.value().files)
            take(file, true);
        if (!page.value().nextCursor.isEmpty() && m_found.size() < MaxFiles)
            return listNextFolder(page.value().nextCursor);
        m_folders.removeFirst();
        listNextFolder();
    });
}

void SavePlanner::listAlbum(const QString &cursor)
{
    api::KooDriveClient::AlbumContentsQuery query;
    query.albumId = m_albumId;
    query.pageSize = 100;
    query.cursor = cursor;
    m_call =
        m_client->listAlbumContents(query, this, [this](const api::Result<api::AlbumContentsPage> &page) {
            if (!page.ok())
                return fail(page.error());
            for (const api::DriveFile &file : page.value().items)
                take(file, true);
            if (!page.value().nextCursor.isEmpty() && m_found.size() < MaxFiles)
                return listAlbum(page.value().nextCursor);
            done();
        });
}

void SavePlanner::cancel()
{
    m_ended = true;
    m_call.cancel();
}

void SavePlanner::fail(const api::ApiError &error)
{
    if (m_ended)
        return;
    m_ended = true;
    Outcome outcome;
    outcome.error = error;
    emit finished(outcome);
}

void SavePlanner::done()
{
    if (m_ended)
        return;
    m_ended = true;
    Outcome outcome;
    outcome.localFolder = m_localFolder;
    if (m_localFolder.isEmpty() || !QDir().mkpath(m_localFolder)) {
        outcome.error = api::ApiError::invalidInput(
            QString(), tr("The folder %1 cannot be made.").arg(QDir::toNativeSeparators(m_localFolder)));
        emit finished(outcome);
        return;
    }
    if (!m_found.isEmpty() && m_queue->add(m_found).isEmpty()) {
        outcome.error =
            api::ApiError::invalidInput(QString(), tr("The list of transfers cannot be written."));
        emit finished(outcome);
        return;
    }
    outcome.queued = int(m_found.size());
    emit finished(outcome);
}

} // namespace koodrive::transfers
