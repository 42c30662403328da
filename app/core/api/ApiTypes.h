#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QVector>

namespace koodrive::api {

// Values the service layer hands out, in the pages' terms. Times are milliseconds since the epoch (UTC),
// 0 when absent; URLs stay QByteArray (ASCII, half the size of a QString: ../shared/PERFORMANCE-FACTS.md).

enum class AlbumType
{
    Collection = 1,
    Manual = 2
}; // album-list.txt, Table 4
enum class AlbumKind
{
    Personal = 1,
    Shared = 2
};

struct Album
{
    QString id;
    QString name;
    QByteArray coverUrl;
    AlbumType type = AlbumType::Manual;
    AlbumKind kind = AlbumKind::Personal;
    QStringList scopeDirs;
    QString scopeKind; // "1", "2" or "1,2"
    QString scopeParentFolderId;
    QString ownerId;
    QString groupId;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;

    bool isManual() const { return type == AlbumType::Manual; }
};

struct AlbumPage
{
    QVector<Album> albums;
    int total = 0;
};

// files-list.txt, Table 3 "fileType"; OPERATIONS.md §3 names the others.
namespace FileType {
inline constexpr int Folder = 10;
inline constexpr int SmartFolder = 11;
inline constexpr int Image = 15;
inline constexpr int Video = 20;
inline constexpr int Word = 26;
inline constexpr int Excel = 27;
inline constexpr int Presentation = 28;
inline constexpr int Audio = 30;
inline constexpr int Archive = 35;
inline constexpr int App = 40;
inline constexpr int Other = 45;
} // namespace FileType

// The longest video length kept (18 h): past it a "duration" is not believed.
inline constexpr qint64 MaxDurationMs = 65535LL * 1000;

struct DriveFile
{
    QString id;
    QString name;
    int fileType = 0;
    QString mimeType;
    QString suffix;
    qint64 size = 0;
    QString parentId;
    QString containerId;
    QString ownerId;
    qint64 createdMs = 0;
    qint64 editedMs = 0;
    qint64 takenMs = 0;
    QSize dimensions;
    qint64 durationMs = 0; // a video's length; 0 when the server does not say (README's decisions)
    bool recycled = false;
    qint64 recycledMs = 0;
    QByteArray thumbnailUrl;
    QByteArray originalUrl;
    bool favorite = false; // OPERATIONS.md §6: every listing says so

    bool isFolder() const { return fileType == FileType::Folder || fileType == FileType::SmartFolder; }
    bool isImage() const { return fileType == FileType::Image; }
    bool isVideo() const { return fileType == FileType::Video; }
};

struct FilePage
{
    QVector<DriveFile> files;
    QString nextCursor; // empty: the last page
};

struct AlbumContentsPage
{
    QVector<DriveFile> items;
    int total = 0;
    QString nextCursor;
};

struct SpaceInfo
{
    QString containerId;
    QString rootFolderId;
    qint64 capacity = 0;
    qint64 used = 0;
};

// OPERATIONS.md §2: an entry of the share-folder list ("folders"), with GetShareFolderMetadata's fields.
struct ShareFolder
{
    QString groupId;
    qint64 shareFolderId = 0; // "id"; a Long where album-create.txt takes it
    QString name;
    QString ownerId;
    QString containerId;
    QString rootFolderId; // "shareFolderFileId"
    int maxMembers = 0;
};

struct DownloadLink
{
    QString fileId;
    QString fileName;
    QByteArray url; // empty when this file failed
    QString code;
    QString message;
};

// OPERATIONS.md §3: a part of an upload and where to PUT it (pre-signed object storage, another origin).
struct UploadPart
{
    int number = 0;
    qint64 size = 0;
    qint64 offset = 0;
    QByteArray url; // carries its own credential: never logged
    QString partId;
};

// OPERATIONS.md §3: createFile's answer.
struct CreatedUpload
{
    QString fileId;
    QString fileName; // the final name (a timestamp added on a clash)
    QString containerId;
    QString parentFolderId;
    QString uploadId;
    bool rapidUpload = false; // the server holds these bytes already: the file exists, nothing is sent
    bool exist = false;       // autoRename 4: the same name and bytes are there; nothing was made
    QVector<UploadPart> parts;
};

// OPERATIONS.md §4: createDirectory's answer.
struct CreatedFolder
{
    QString id;
    QString name; // the folder's name; with a timestamp added when asked to on a clash
};

// OPERATIONS.md §5: a batch job (recycle, delete, restore, move, copy, emptying the bin).
namespace JobStatus {
inline constexpr int Waiting = 0;
inline constexpr int Running = 1;
inline constexpr int Done = 2;
inline constexpr int Cancelled = 3;
} // namespace JobStatus

struct JobInfo
{
    QString jobId; // taskId
    int taskType = 0;
    int actionType = 0;
    int status = JobStatus::Waiting;
    int progress = 0;   // percent
    int resultCode = 0; // taskResultCode: 1 all ok, 2 some failed, 3 all failed; 0 while it runs
    int files = 0;      // contentNum
    int succeeded = 0;  // successNum
    int failed = 0;     // failNum
    qint64 createdMs = 0;
    qint64 beganMs = 0;
    qint64 endedMs = 0;

    bool hasEnded() const { return status == JobStatus::Done || status == JobStatus::Cancelled; }
};

// One file of a job (taskInfos[]); its status as koodrive-sim reads it (README): 0 waiting, 1 done,
// 2 failed, 3 cancelled.
struct JobFileResult
{
    QString fileId;
    int status = 0;
    QString newFileId; // a copy's
    QString errorCode;
    QString errorMessage;

    bool succeeded() const { return status == 1; }
};

struct JobDetail
{
    JobInfo job;
    QVector<JobFileResult> files;
};

struct JobPage
{
    QVector<JobInfo> jobs;
    int total = 0;
};

// OPERATIONS.md §6: batchStarFile's answer, each file's own result.
struct StarResult
{
    QString fileId;
    QString code; // "0" (or none) for success
    QString message;

    bool succeeded() const { return code.isEmpty() || code == QLatin1String("0"); }
};

struct StarBatch
{
    int status = 0; // 0 all succeeded, 1 some, 2 none
    QVector<StarResult> files;
};

// OPERATIONS.md §6: a page of listStarFile. It may be short, or empty, before the end: only an empty
// nextCursor ends the list.
struct StarredPage
{
    QVector<DriveFile> files;
    QString nextCursor;
    bool autoDeleted = false; // files of the recycle bin were left out of this page
};

// OPERATIONS.md §7: a file found, with where it is.
struct SearchHit
{
    DriveFile file;
    QString namePath; // "/Folder/…/name"
    QString idPath;   // "/<root id>/…/<id>": what a recycle job's filePath wants
};

struct SearchPage
{
    QVector<SearchHit> hits;
    qint64 total = 0; // every match, not this page's
    QString nextCursor;
};

// OPERATIONS.md §1: data.userInfo and data.sessionInfo of sign-in and renewal.
struct Session
{
    QString userId;
    QString accessToken;
    QString refreshToken;
    qint64 expiresInSecs = 0;
    qint64 issuedAtMs = 0;
    QString displayName; // userInfo's firstname and surname; empty on a renewal
    QString email;
};

} // namespace koodrive::api
