#pragma once

#include "SimHttp.h"
#include "StoreTypes.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QThreadPool>
#include <QUrl>
#include <optional>

namespace koodrive::sim {

class AlbumStore;
class FileStore;
class SimClock;
class SimStore;
class JsonWriter;
class ObjectStorage;
class UrlSigner;

// What every route handler works with, and the rules they share: who may see which space, how ids
// resolve, and how files look in JSON.
struct SimContext
{
    SimContext(SimStore &theStore, FileStore &theFiles, AlbumStore &theAlbums, ObjectStorage &theStorage,
               const UrlSigner &theSigner, const SimClock &theClock, QUrl objectStorage, qint64 urlLifetime,
               qint64 tokenLifetime)
        : store(theStore)
        , files(theFiles)
        , albums(theAlbums)
        , storage(theStorage)
        , signer(theSigner)
        , clock(theClock)
        , objectStorageUrl(std::move(objectStorage))
        , urlLifetimeSecs(urlLifetime)
        , tokenLifetimeSecs(tokenLifetime)
        , m_origin(objectStorageUrl.toString(QUrl::RemovePath | QUrl::RemoveQuery).toLatin1())
    {}

    SimStore &store;
    FileStore &files;
    AlbumStore &albums;
    ObjectStorage &storage; // uploaded bytes on disk
    const UrlSigner &signer;
    const SimClock &clock;
    QUrl objectStorageUrl; // the origin of every signed URL (SimServer::objectStorageUrl())
    qint64 urlLifetimeSecs;
    qint64 tokenLifetimeSecs;
    // Answers that take long (a picture rendered, uploaded parts joined) are made here, not on
    // QThreadPool::globalInstance(): a window in the same process paints large areas with that pool's
    // threads and waits for them (threads/WorkPools.h in the app's core).
    QThreadPool workers;

    static inline const QString DefaultThumbnailProcess = QStringLiteral("image/resize,m_lfit,h_128,w_128");

    static QString isoTime(qint64 ms);
    // An imageProcess parameter in canonical form; the default thumbnail when it is not given.
    static QString thumbnailProcess(const QJsonValue &value, const QString &name);

    // The user's own space or a shared space of one of their groups; throws 13000301 otherwise.
    struct Space
    {
        QString containerId;
        QString rootFolderId;
        QString groupId; // empty for the personal space
    };
    Space space(const QString &userId, const QString &containerId, const QString &parameter) const;
    Space personalSpace(const QString &userId) const;
    // The space a call acts in (OPERATIONS.md, "x-hw-share-folder-id"): with that header, the shared
    // folder's space, when the user is one of its members (13000410 naming the header otherwise); a
    // containerId given as well must be that space's (13000301 naming `parameter`). Without it, the space
    // of `containerId`, or the personal space when none is given.
    Space callSpace(const SimRequest &request, const std::optional<QString> &containerId,
                    const QString &parameter) const;
    static constexpr auto ShareFolderHeader = "x-hw-share-folder-id";
    // The room a space has: its user's capacity; a shared folder's space has its owner's (README).
    qint64 capacity(const Space &space) const;
    // The space holding `containerId`, whoever's it is (jobs and search need its root folder).
    std::optional<Space> spaceOfContainer(const QString &containerId) const;

    // A folder of the space: "root", the root's id, or a folder id. Throws 13000309 naming `parameter`.
    QString folder(const Space &space, const QString &folderId, const QString &parameter) const;
    // A folder to put something new in: as folder(), but one in the recycle bin answers 13000404
    // (OPERATIONS.md §3, "parent folder is in the recycle bin").
    QString targetFolder(const Space &space, const QString &folderId, const QString &parameter) const;
    // parentFolder of createFile and createDirectory: a String array, of which only the first is used.
    static QString firstParentFolder(const QJsonValue &value, const QString &parameter);

    // May the user read and change this album? (personal: its owner; shared: members of its group)
    AlbumRow accessibleAlbum(const QString &userId, const QString &albumId) const;

    QByteArray signedUrl(const FileRow &file, const QString &process) const;
    QByteArray origin() const { return m_origin; }
    // One FileListMetadata object (files-list.txt, Table 7); `favorite` as the caller starred it (§6).
    void writeFile(JsonWriter &out, const FileRow &file, const QString &callerId,
                   const QString &thumbnailProcess, bool favorite) const;
    // The files of `rows` the user has starred.
    QSet<QString> favourites(const QString &userId, const QVector<FileRow> &rows) const;
    void writeUser(JsonWriter &out, const QString &userId, const QString &callerId) const;
    QString displayName(const QString &userId) const;

private:
    QByteArray m_origin; // "http://127.0.0.1:PORT" of object storage, the start of every signed URL
    mutable QHash<QString, QString> m_displayNames; // users never rename in the simulator
};

using ContextHandler = SimReply (*)(SimContext &, SimRequest &);

// A route handler that calls `handler` with the context.
inline auto withContext(SimContext &context, ContextHandler handler)
{
    return [&context, handler](SimRequest &request) { return handler(context, request); };
}

} // namespace koodrive::sim
