#pragma once

#include "ApiCall.h"
#include "ApiTypes.h"
#include "Result.h"
#include "account/ServerConnection.h"
#include "net/TransferPolicy.h"

#include <QObject>
#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace koodrive::net {
class Transfer;
}

namespace koodrive::api {

template<typename T>
using Callback = std::function<void(const Result<T> &)>;

// The only place in the app that speaks HTTP to KooDrive (../shared/koodrive-api/). Every call is checked
// against the pages' ranges before it is sent, carries the common headers built in one place, and
// finishes exactly once through its callback, on `context`'s thread, unless cancelled or `context` is gone.
class KooDriveClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KooDriveClient)

public:
    struct RetryPolicy
    {
        int maxAttempts = 4; // for reads; mutations are sent once
        int baseDelayMs = 250;
        int maxDelayMs = 4000;
        int maxRetryAfterMs = 30000; // a Retry-After longer than this is cut to it
        int callBudgetMs = 60000;    // no retry starts after a call has taken this long
    };

    explicit KooDriveClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~KooDriveClient() override;

    void setConnection(const ServerConnection &connection);
    const ServerConnection &connection() const { return m_connection; }
    // The one QNAM, for what goes to object storage instead of the API (transfers::FileUpload's parts).
    QNetworkAccessManager *network() const { return m_network; }
    void setRefreshToken(const QString &refreshToken) { m_refreshToken = refreshToken; }
    const QString &refreshToken() const { return m_refreshToken; }
    // When the access token runs out (this computer's clock, epoch ms; 0: not known) and how long the server
    // gave it (OPERATIONS.md §1 expiresIn). A call about to go with a token that is out, or nearly, renews
    // the session first (once for all calls waiting), as the page asks: "renew before it runs out".
    void setAccessExpiry(qint64 expiresAtMs, qint64 lifetimeSecs);
    qint64 accessExpiresAtMs() const { return m_accessExpiresAtMs; }
    qint64 accessLifetimeSecs() const { return m_accessLifetimeSecs; }
    void setLanguage(const QString &language) { m_language = language; } // "en_us", "zh_cn"
    // x-hw-agentName of sign-in: the carrier's name (OPERATIONS.md §1).
    static inline const QString DefaultAgentName = QStringLiteral("KooDriveAlbums");
    void setAgentName(const QString &name) { m_agentName = name.isEmpty() ? DefaultAgentName : name; }
    // The byte and time budget of every API answer (net::TransferPolicy::api() by default).
    void setTransferPolicy(const net::TransferPolicy &policy) { m_policy = policy; }
    const net::TransferPolicy &transferPolicy() const { return m_policy; }
    void setTransferTimeoutMs(int ms) { m_policy.idleTimeoutMs = ms; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    const RetryPolicy &retryPolicy() const { return m_retryPolicy; }
    qint64 clockOffsetSecs() const { return m_clockOffsetSecs; }

    // --- album-list.txt, album-create.txt, album-update.txt, album-add-content.txt -------------------
    struct AlbumListQuery
    {
        AlbumKind kind = AlbumKind::Personal;
        AlbumType type = AlbumType::Manual;
        int pageNum = 1;    // > 0
        int pageSize = 100; // 1..100
        QString groupId{};
    };
    CallHandle listAlbums(const AlbumListQuery &query, QObject *context, Callback<AlbumPage> done);

    struct NewAlbum
    {
        AlbumType type = AlbumType::Manual;
        AlbumKind kind = AlbumKind::Personal;
        QString name{};          // 1..20 characters; required for manual albums
        QStringList scopeDirs{}; // collection albums: 1..30 folders under scopeParentFolderId
        QString scopeParentFolderId{};
        bool scopeImages = true;
        bool scopeVideos = true;
        QString groupId{};        // shared albums
        qint64 shareFolderId = 0; // shared albums
        QString containerId{};
    };
    CallHandle createAlbum(const NewAlbum &album, QObject *context, Callback<QString> done);

    struct AlbumChange
    {
        std::optional<QString> name{};
        std::optional<QStringList> scopeDirs{};
        std::optional<QString> scopeParentFolderId{};
        std::optional<std::pair<bool, bool>> scopeKinds{}; // images, videos
    };
    CallHandle updateAlbum(const QString &albumId, const AlbumChange &change, QObject *context,
                           Callback<Done> done);

    struct FileRef
    {
        QString fileId{};
        QString ownerId{};
    };
    CallHandle addToAlbum(const QString &albumId, const QVector<FileRef> &files, QObject *context,
                          Callback<Done> done);

    // --- files-list.txt ------------------------------------------------------------------------------
    struct FileListQuery
    {
        bool recycleBin = false;
        QString containerId{};
        QString parentFileId = QStringLiteral("root");
        int pageSize = 100;
        QString cursor{};
        int sortType = 0;      // 0: the server's default; 1..6
        int sortDirection = 0; // 0: default; 1 ascending, 2 descending
        int fileType = 0;      // 0: any
        QString fileName{};
        QString imageProcess{};   // e.g. "image/resize,m_lfit,h_256,w_256"
        qint64 shareFolderId = 0; // x-hw-share-folder-id: a family's shared folder (ShareFolder); 0: none
        // Told the next page's cursor as soon as the answer is in, before the page is parsed (a guess from
        // the raw body: the page's own nextCursor, when parsed, is what counts); empty when none was seen.
        std::function<void(const QString &cursor)> cursorSeen{};
    };
    // The next-page cursor of a files-list answer, found in its raw bytes without parsing them: the one
    // top-level-looking `"nextCursor": "..."`, or empty (none, more than one, or one with escapes).
    static QString peekNextCursor(const QByteArray &body);
    CallHandle listFiles(const FileListQuery &query, QObject *context, Callback<FilePage> done);

    // --- OPERATIONS.md §3: upload (the part PUTs are transfers::FileUpload's) ----------------------------
    enum class OnUploadClash // autoRename
    {
        AddTimestamp = 2,
        Fail = 3,       // 13000405
        SkipIfSame = 4, // the same name and SHA-256 there: nothing is made, `exist` says so
    };
    struct PartSize
    {
        int partNumber = 0; // 1..10000
        qint64 partSize = 0;
    };
    struct NewUpload
    {
        QString fileName{};
        int fileType = FileType::Other; // 15, 20, 26, 27, 28, 30, 35, 40 or 45
        QString parentFolderId = QStringLiteral("root");
        qint64 length = 0;
        OnUploadClash onClash = OnUploadClash::AddTimestamp;
        QByteArray sha256{}; // hex; needed for SkipIfSame and rapid upload
        QVector<PartSize> parts{};
        qint64 createdMs = 0; // optional
        QString mimeType{};   // optional
        QString description{};
        qint64 shareFolderId = 0;
    };
    CallHandle createFile(const NewUpload &upload, QObject *context, Callback<CreatedUpload> done);
    struct PartUrlsQuery
    {
        QString fileId{};
        QVector<PartSize> parts{};
        qint64 shareFolderId = 0;
    };
    // More parts' URLs, or fresh ones for parts whose URL expired.
    CallHandle uploadUrls(const PartUrlsQuery &query, QObject *context, Callback<QVector<UploadPart>> done);
    struct Completion
    {
        QString fileId{};
        QByteArray sha256{};
        qint64 shareFolderId = 0;
    };
    // A hash that does not match is ApiError::Kind::HashMismatch (13000402).
    CallHandle completeFile(const Completion &completion, QObject *context, Callback<Done> done);
    // Parts of `partSize` bytes (at least 5 MiB, more when the file needs over 10 000 of them), the last
    // one smaller; an empty file has one empty part.
    static QVector<PartSize> planParts(qint64 length, qint64 partSize);
    static constexpr qint64 MinPartSize = 5 * 1024 * 1024; // OPERATIONS.md §3
    static constexpr qint64 MaxPartSize = 5LL * 1024 * 1024 * 1024;
    static constexpr int MaxParts = 10000;
    static constexpr qint64 MaxUploadLength = 200LL * 1024 * 1024 * 1024; // "200 GB", read as GiB (README)

    // --- OPERATIONS.md §4: folders and names ---------------------------------------------------------
    // renameMode (and createDirectory's): what a name that is taken in the folder does.
    enum class OnNameClash
    {
        AddTimestamp = 2,
        Fail = 3, // 13000405
    };
    struct NewFolder
    {
        QString name{};
        QString parentFolderId = QStringLiteral("root");
        QString containerId{}; // optional: the personal space, or the shared folder's
        OnNameClash onClash = OnNameClash::Fail;
        qint64 shareFolderId = 0;
    };
    CallHandle createFolder(const NewFolder &folder, QObject *context, Callback<CreatedFolder> done);
    struct Rename
    {
        QString fileId{};
        QString containerId{};
        QString name{};
        OnNameClash onClash = OnNameClash::Fail;
        qint64 shareFolderId = 0;
    };
    // Gives the name the file has now: the one asked for, or (AddTimestamp, on a clash) the one the server
    // made. Empty when the answer does not say it (the page documents only {code, msg}).
    CallHandle renameFile(const Rename &rename, QObject *context, Callback<QString> done);

    // --- OPERATIONS.md §5: batch jobs (jobs::JobWatcher follows one to its end) --------------------------
    enum class JobAction
    {
        ToRecycleBin,  // taskType 2, actionType 201
        DeleteForGood, // 2 / 202
        Restore,       // 4 (from the recycle bin)
        Move,          // 3 / 301
        Copy,          // 1 / 101
    };
    struct JobFile
    {
        QString fileId{};
        // The file's full id path ("/<root id>/…/<file id>", as search's idPath): moving to the recycle bin
        // needs it, or the file cannot be restored later.
        QString filePath{};
    };
    struct NewJob
    {
        JobAction action = JobAction::ToRecycleBin;
        QVector<JobFile> files{}; // 1..1000, none twice
        QString srcContainerId{};
        QString dstContainerId{}; // move and copy
        QString newFilePath{};    // move and copy: the destination folder's id path, or its id
        qint64 shareFolderId = 0; // the source's shared folder
    };
    // Gives the job's id.
    CallHandle createJob(const NewJob &job, QObject *context, Callback<QString> done);
    CallHandle jobDetail(const QString &jobId, QObject *context, Callback<JobDetail> done);
    struct JobListQuery
    {
        int offset = 0;
        int limit = 100;  // 1..100
        int taskType = 0; // 0: any
        int status = -1;  // -1: any; JobStatus
    };
    CallHandle listJobs(const JobListQuery &query, QObject *context, Callback<JobPage> done);
    // Cancels a waiting or running job.
    CallHandle cancelJob(const QString &jobId, QObject *context, Callback<Done> done);
    struct RecycleBin
    {
        QString containerId{};
        qint64 shareFolderId = 0;
    };
    // Empties the recycle bin, asynchronously: gives the job doing it (empty when the answer names none).
    CallHandle emptyRecycleBin(const RecycleBin &bin, QObject *context, Callback<QString> done);

    // --- OPERATIONS.md §6: favourites ------------------------------------------------------------------
    struct StarRef
    {
        QString containerId{};
        QString fileId{};
    };
    // Stars (or unstars) 1..100 files, none twice; each file has its own result.
    CallHandle starFiles(bool starred, const QVector<StarRef> &files, QObject *context,
                         Callback<StarBatch> done);
    struct StarredQuery
    {
        int pageSize = 100; // 1..100
        QString cursor{};
        int sortDirection = 0; // 0: the server's (newest starred first); 1 ascending, 2 descending
        int fileType = 0;      // 0: any
        QString imageProcess{};
    };
    // One page: follow nextCursor to the end, whatever the page's count (pages may be short or empty).
    CallHandle listStarred(const StarredQuery &query, QObject *context, Callback<StarredPage> done);

    // --- OPERATIONS.md §7: search ----------------------------------------------------------------------
    struct SearchQuery
    {
        QString keyWord{};        // 1..255, fuzzy on names; empty: not a filter
        QString containerId{};    // required with parentFolderId
        QString parentFolderId{}; // empty: the root
        bool recursive = false;   // "recursived": sub-folders too
        int fileType = 0;         // 0: any
        qint64 updatedFromMs = 0; // 0: open
        qint64 updatedToMs = 0;   // 0: open
        QString ownerId{};
        int pageSize = 100; // 1..100
        QString cursor{};
        int sortType = 0;      // 0: the server's (update time); 1..6 as files list, but 5 (recycled)
        int sortDirection = 0; // 1 ascending, 2 descending
        QString imageProcess{};
        qint64 shareFolderId = 0;
    };
    CallHandle search(const SearchQuery &query, QObject *context, Callback<SearchPage> done);

    // --- the other documented calls (../shared/koodrive-api/README.md) -----------------------------
    struct AlbumContentsQuery
    {
        QString albumId{};
        int pageSize = 100;
        QString cursor{};
        int sortType = 0;      // 1 shooting, 2 creation, 3 update time
        int sortDirection = 0; // 1 ascending, 2 descending
        QString imageProcess{};
    };
    CallHandle listAlbumContents(const AlbumContentsQuery &query, QObject *context,
                                 Callback<AlbumContentsPage> done);
    CallHandle deleteAlbum(const QString &albumId, QObject *context, Callback<Done> done);
    CallHandle removeFromAlbum(const QString &albumId, const QStringList &fileIds, QObject *context,
                               Callback<Done> done);
    CallHandle fileDetail(const QString &fileId, const QString &containerId, const QString &imageProcess,
                          QObject *context, Callback<DriveFile> done);
    CallHandle downloadLinks(const QString &containerId, const QStringList &fileIds, QObject *context,
                             Callback<QVector<DownloadLink>> done);
    CallHandle spaceInfo(QObject *context, Callback<SpaceInfo> done);
    CallHandle shareFolders(QObject *context, Callback<QVector<ShareFolder>> done);
    CallHandle signIn(const QString &account, const QString &password, QObject *context,
                      Callback<Session> done);
    // Trades the refresh token for a new session and adopts it (sessionRenewed is emitted). Calls do this
    // by themselves on a 401; this is for a caller that wants a fresh token now (e.g. at start).
    CallHandle refreshSession(QObject *context, Callback<Session> done);
    CallHandle signOut(QObject *context, Callback<Done> done);

    // --- for ApiCall ------------------------------------------------------------------------------------
    static QString newTraceId();
    // Sends one attempt as a child of `owner`; nullptr (with *refused set) when it may not be sent at all.
    net::Transfer *send(const ApiRequest &request, const QString &traceId, QObject *owner, ApiError *refused);
    bool sessionEnded() const { return m_sessionEnded; }
    // From a refused X-Date's answer: the server's Date header. True when it could be read (the offset is
    // then the server's, whether this call or another one learnt it first).
    bool learnClockOffset(const QByteArray &httpDate);
    bool canRenewSession() const { return !m_refreshToken.isEmpty(); }
    // A renewal is under way, or the access token has run out or is about to: calls wait for a new one.
    bool renewalDue() const;
    // Renews the session once for all calls waiting on it; `error` is null when it was renewed.
    void renewSession(std::function<void(const ApiError *error)> whenDone);
    ApiRequest refreshRequest() const;
    void adoptSession(const Session &session);
    // `why`: the refusal of a renewal, when that is how it ended (sessionEndReason() gives it after).
    void reportSessionExpired(const ApiError *why = nullptr);
    // Why the session ended, for the person asked to sign in again (empty message when not said).
    const ApiError &sessionEndReason() const { return m_sessionEndReason; }

signals:
    // The session could not be renewed: the UI asks the user to sign in again, keeping what is on screen.
    void sessionExpired();
    void sessionRenewed(const koodrive::api::Session &session);

private:
    template<typename T>
    using Parser = std::function<Result<T>(const QJsonObject &)>;
    template<typename T>
    CallHandle call(ApiRequest request, QObject *context, Callback<T> done, Parser<T> parse);
    template<typename T>
    CallHandle reject(const ApiError &error, QObject *context, Callback<T> done);
    QByteArray xDate() const;

    QNetworkAccessManager *m_network;
    ServerConnection m_connection;
    QString m_refreshToken{};
    QString m_language;
    QString m_agentName = DefaultAgentName;
    net::TransferPolicy m_policy = net::TransferPolicy::api();
    // After a renewal failed (or a 401 with nothing to renew with), nothing authenticated is sent until
    // the person signs in again: a server that answers 401 to everything gets no storm of requests.
    bool m_sessionEnded = false;
    RetryPolicy m_retryPolicy;
    qint64 m_clockOffsetSecs = 0;
    bool m_renewing = false;
    qint64 m_accessExpiresAtMs = 0;
    qint64 m_noEarlyRenewalBeforeMs = 0; // after a renewal that could not be made (offline): not at once again
    ApiError m_sessionEndReason{};
    qint64 m_accessLifetimeSecs = 0;
    QVector<std::function<void(const ApiError *)>> m_renewWaiters;
};

} // namespace koodrive::api
