#pragma once

#include "FileUpload.h"

#include <QList>
#include <QObject>
#include <QString>
#include <memory>
#include <optional>

namespace koodrive::transfers {

// One file to upload, as the queue keeps it from the drop until it is in the drive (and its album); or
// one file to save (a download, Direction::Download), from Save to… until it is on disk. Both kinds share
// the queue, the Transfers panel and the status bar; each has its runner (UploadRunner, DownloadRunner).
struct QueuedUpload
{
    enum class Direction
    {
        Upload,
        Download,
    };

    enum class State
    {
        Waiting,      // to be sent when its turn comes
        Running,      // a FileUpload is on it (after a crash: sent again from where it stood)
        Uploaded,     // in the drive; its album add is still to do
        Done,         // in the drive (and its album)
        AlreadyThere, // the same name and bytes were in the folder: nothing was sent
        Paused,       // stopped by the person; it goes on from where it stood
        Failed,       // ended with `error` (and `traceId`); Retry makes it Waiting
        Cancelled,    // stopped for good by the person
    };

    qint64 id = 0;
    Direction direction = Direction::Upload;
    QString localPath; // an upload: the file sent; a download: the file made, once its name is chosen
    QString fileName;  // the name in the drive (a download's is the server's word: never a path as is)
    QString parentFolderId;
    qint64 shareFolderId = 0;
    QString albumId; // a manual album the file goes into once uploaded; empty: none
    qint64 size = 0; // the local file's, when it was queued
    State state = State::Waiting;
    qint64 bytesSent = 0;        // parts the storage took
    FileUpload::Resume resume{}; // fileId empty until the server made the file
    QString driveFileId;         // the file in the drive: once uploaded; or the one a download fetches
    // A download's: the folder it is saved into, the file's time (taken, else edited; ms since the
    // epoch, 0 unknown), the hidden file the bytes arrive in until it is whole, and the ETag of those bytes
    // (If-Range: a range of another version is never appended). resume.containerId is its space.
    QString localFolder;
    qint64 timeMs = 0;
    QString partPath;
    QString etag;
    QString error;
    QString traceId;
    qint64 queuedMs = 0;
    qint64 endedMs = 0;

    static bool hasEnded(State state)
    {
        return state == State::Done || state == State::AlreadyThere || state == State::Failed ||
               state == State::Cancelled;
    }
    bool hasEnded() const { return hasEnded(state); }
};

// The durable queue of uploads: an SQLite file in the app's data location, written in WAL mode with
// synchronous=FULL, so that what was queued, and how far each file got (the part, FileUpload::Resume),
// survives quitting, a crash and a power cut. Every change is one transaction. A file that is not a queue
// (damaged, or from a newer app) is moved aside and a new one begun; what the person sees is told.
class UploadQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadQueue)

public:
    static constexpr int SchemaVersion = 3; // 2: downloads; 3: albums' upload folders

    // Opens (or makes) the queue at `path`. Null, with `error` said, only when no queue can be kept there
    // at all (the folder cannot be written).
    static std::unique_ptr<UploadQueue> open(const QString &path, QString *error = nullptr);
    ~UploadQueue() override;

    // What open() found: empty, or why the old file was moved aside (and where).
    const QString &recoveryNote() const { return m_recoveryNote; }

    // Appends `uploads` in one transaction; their ids, in order (empty when it could not be written).
    QList<qint64> add(const QList<QueuedUpload> &uploads);
    std::optional<QueuedUpload> upload(qint64 id) const;
    // In the order they were queued.
    QList<QueuedUpload> all() const;
    // The oldest waiting one, and those uploaded whose album add is still to do.
    std::optional<QueuedUpload>
    nextWaiting(QueuedUpload::Direction direction = QueuedUpload::Direction::Upload) const;
    // The next few waiting downloads after the first (their links are asked for together).
    QList<QueuedUpload> waitingDownloads(int limit) const;
    QList<QueuedUpload> uploadedNotInAlbum() const;

    bool setState(qint64 id, QueuedUpload::State state, const QString &error = QString(),
                  const QString &traceId = QString());
    // How far it got: after createFile and after every part.
    bool setProgress(qint64 id, const FileUpload::Resume &resume, qint64 bytesSent);
    // Forgets how far it got (the server no longer has the unfinished upload): it starts again.
    bool clearProgress(qint64 id);
    bool setUploaded(qint64 id, const QString &fileId, QueuedUpload::State state);
    // A download begins: Running, with its file and part file (one transaction).
    bool startDownload(qint64 id, const QString &localPath, const QString &partPath);
    // A download ends, or stops for now (`state`), with what it got to: the file it made (Done: the part
    // file is gone), its bytes, the ETag and size the server announced (-1: unknown). Many in one
    // transaction (DownloadRunner gathers them: many small photos end every second).
    struct DownloadEnd
    {
        qint64 id = 0;
        QueuedUpload::State state = QueuedUpload::State::Done;
        QString localPath;
        qint64 bytes = 0;
        QString etag;
        qint64 total = -1;
        QString error{};
        QString traceId{};
    };
    bool endDownloads(const QList<DownloadEnd> &ends);
    // `total`: the size the server announced (replaces the listed one), or -1.
    bool setReceived(qint64 id, qint64 bytes, const QString &etag, qint64 total);
    // At start: what a crash left Running goes back to Waiting (to resume at its part).
    int recoverInterrupted(QueuedUpload::Direction direction = QueuedUpload::Direction::Upload);
    // Removes the ended ones (Clear finished); how many.
    int removeEnded();

    // Where a manual album's uploads go when files are dropped on it: the folder the person chose for it
    // (`chosen`), or the "Uploads/<album>" folder the app made for it. Kept per account with the queue, so
    // it outlives a restart and a rename of the album.
    struct AlbumFolder
    {
        QString folderId;
        QString path;        // the drive's names from the top, "Uploads/Trip", as shown to the person
        bool chosen = false; // chosen by the person: it wins over the folder on screen
    };
    std::optional<AlbumFolder> albumFolder(const QString &albumId) const;
    bool setAlbumFolder(const QString &albumId, const AlbumFolder &folder);
    bool forgetAlbumFolder(const QString &albumId);
    // The uploads among `ids` not begun yet (waiting or paused, nothing sent) that go into `fromFolderId`
    // go into `toFolderId` instead (one transaction); how many. Those already begun stay where they go.
    int moveWaiting(const QList<qint64> &ids, const QString &fromFolderId, const QString &toFolderId);

signals:
    void added(const QList<qint64> &ids);
    void changed(qint64 id);
    void removed();

private:
    explicit UploadQueue(QString connection);
    bool prepareSchema(QString *error);
    bool exec(const QString &sql, const QVariantList &values = {});

    QString m_connection;
    QString m_recoveryNote;
};

} // namespace koodrive::transfers
