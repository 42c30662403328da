#pragma once

#include "SimHttp.h"
#include "StoreTypes.h"

#include <QHash>
#include <QJsonObject>
#include <QUrl>

namespace koodrive::sim {

class AlbumStore;
class FileStore;
class SimClock;
class SimStore;
class JsonWriter;
class UrlSigner;

// What every route handler works with, and the rules they share: who may see which space, how ids
// resolve, and how files look in JSON.
struct SimContext
{
    SimContext(SimStore &theStore, FileStore &theFiles, AlbumStore &theAlbums, const UrlSigner &theSigner,
               const SimClock &theClock, QUrl objectStorage, qint64 urlLifetime, qint64 tokenLifetime)
        : store(theStore)
        , files(theFiles)
        , albums(theAlbums)
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
    const UrlSigner &signer;
    const SimClock &clock;
    QUrl objectStorageUrl; // the origin of every signed URL (SimServer::objectStorageUrl())
    qint64 urlLifetimeSecs;
    qint64 tokenLifetimeSecs;

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

    // A folder of the space: "root", the root's id, or a folder id. Throws 13000309 naming `parameter`.
    QString folder(const Space &space, const QString &folderId, const QString &parameter) const;

    // May the user read and change this album? (personal: its owner; shared: members of its group)
    AlbumRow accessibleAlbum(const QString &userId, const QString &albumId) const;

    QByteArray signedUrl(const FileRow &file, const QString &process) const;
    // One FileListMetadata object (files-list.txt, Table 7).
    void writeFile(JsonWriter &out, const FileRow &file, const QString &callerId,
                   const QString &thumbnailProcess) const;
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
