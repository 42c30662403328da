#pragma once

#include "UploadQueue.h"
#include "api/KooDriveClient.h"

#include <QObject>
#include <QVector>
#include <optional>

namespace koodrive::transfers {

// Turns Save to… into queued downloads (DownloadRunner takes them from there):
// - files given as they are (a selection); folders among them give their photos and videos;
// - an album: all its items, page by page (README.md "List an album's contents"), into a sub-folder named
//   after the album (a safe, free name: LocalNames) inside the folder chosen;
// - a folder of the drive: its photos and videos (files list, page by page), likewise into a sub-folder.
// Each download keeps the server's name (made safe only when it starts) and the file's time: taken, else
// edited. Everything found is queued in one transaction at the end; nothing is queued when a listing fails.
class SavePlanner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SavePlanner)

public:
    struct Outcome
    {
        int queued = 0;
        QString localFolder; // where the files go (the sub-folder made for an album or a folder)
        std::optional<api::ApiError> error;
    };

    // `client` and `queue` must outlive the planner.
    SavePlanner(api::KooDriveClient *client, UploadQueue *queue, QObject *parent = nullptr);

    void saveFiles(const QVector<api::DriveFile> &files, const QString &localFolder);
    void saveAlbum(const QString &albumId, const QString &albumName, const QString &localFolder);
    void saveFolder(const QString &containerId, const QString &folderId, const QString &folderName,
                    const QString &localFolder);
    void cancel();

    // `file` as a download into `localFolder`: the server's name (made a safe file name only when it
    // starts), its space, its listed size and its time (taken, else edited).
    static QueuedUpload downloadOf(const api::DriveFile &file, const QString &localFolder);

    // The largest number of files one Save to… takes (a folder of a million is not saved by accident).
    static constexpr int MaxFiles = 100000;

signals:
    void finished(const koodrive::transfers::SavePlanner::Outcome &outcome);

private:
    struct FolderToList
    {
        QString containerId;
        QString folderId;
    };
    void listNextFolder(const QString &cursor = QString());
    void listAlbum(const QString &cursor = QString());
    void take(const api::DriveFile &file, bool mediaOnly);
    void fail(const api::ApiError &error);
    void done();
    static QString subFolder(const QString &parent, const QString &name);

    api::KooDriveClient *m_client;
    UploadQueue *m_queue;
    QString m_localFolder;
    QString m_albumId;
    QList<FolderToList> m_folders;
    QList<QueuedUpload> m_found;
    api::CallHandle m_call;
    bool m_ended = false;
};

} // namespace koodrive::transfers
