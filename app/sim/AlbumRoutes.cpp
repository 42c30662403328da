#include "AlbumRoutes.h"

#include "AlbumStore.h"
#include "DemoClips.h"
#include "FileStore.h"
#include "JsonFields.h"
#include "JsonWriter.h"
#include "SimClock.h"
#include "SimContext.h"
#include "SimError.h"
#include "SimHttpServer.h"
#include "SimStore.h"
#include "UtcTime.h"

#include <QJsonArray>
#include <QRandomGenerator>

namespace koodrive::sim {

namespace {
using Access = SimHttpServer::Access;

QString newAlbumId()
{
    QString id = QString::number(1 + QRandomGenerator::global()->bounded(9));
    while (id.size() < 19)
        id.append(QChar(u'0' + QRandomGenerator::global()->bounded(10)));
    return id;
}

// scopeKind: "1", "2" or "1,2" (album-create.txt, a String) or 1 / 2 (album-update.txt, an Integer).
QString scopeKind(const QJsonValue &value, const QString &name)
{
    QStringList parts;
    if (value.isDouble())
        parts << QString::number(value.toDouble());
    else if (value.isString())
        parts = value.toString().split(QLatin1Char(','));
    else if (!value.isUndefined() && !value.isNull())
        throw SimError::parameter(name, QStringLiteral("%1 must be 1, 2 or \"1,2\"").arg(name));
    bool image = false;
    bool video = false;
    for (const QString &part : std::as_const(parts)) {
        const QString kind = part.trimmed();
        if (kind == QLatin1String("1") && !image)
            image = true;
        else if (kind == QLatin1String("2") && !video)
            video = true;
        else if (!(kind.isEmpty() && parts.size() == 1))
            throw SimError::parameter(
                name, QStringLiteral("%1 must be 1 (images), 2 (videos) or \"1,2\"").arg(name));
    }
    return image && video ? QStringLiteral("1,2")
           : image        ? QStringLiteral("1")
           : video        ? QStringLiteral("2")
                          : QString();
}

// Scope folders: 1..30 distinct folders directly under the scope's parent (album-update.txt: "the collection
// scope must be a level-1 directory").
void checkScope(SimContext &ctx, const SimContext::Space &space, AlbumRow &album, const QString &dirsName,
                const QString &parentName)
{
    if (album.scopeDirs.isEmpty())
        throw SimError::parameter(dirsName, QStringLiteral("%1 needs 1 to 30 folders").arg(dirsName));
    if (album.scopeParentFolderId.isEmpty())
        throw SimError::parameter(parentName,
                                  QStringLiteral("%1 is required for a collection album").arg(parentName));
    album.scopeParentFolderId = ctx.folder(space, album.scopeParentFolderId, parentName);
    for (int i = 0; i < album.scopeDirs.size(); ++i) {
        const QString name = QStringLiteral("%1[%2]").arg(dirsName).arg(i);
        if (album.scopeDirs.indexOf(album.scopeDirs.at(i)) != i)
            throw SimError::parameter(name, QStringLiteral("%1 repeats a folder").arg(name));
        const QString folderId = ctx.folder(space, album.scopeDirs.at(i), name);
        const auto folder = ctx.files.file(folderId);
        if (!folder || folder->parentId != album.scopeParentFolderId)
            throw SimError::parameter(name,
                                      QStringLiteral("%1 is not directly inside %2").arg(name, parentName));
    }
}

// name: "A string of 1 to 20 characters" (album-create.txt, album-update.txt); an empty one is refused.
std::optional<QString> albumName(const QJsonObject &body)
{
    const QJsonValue value = body.value(QStringLiteral("name"));
    if (value.isString() && value.toString().isEmpty())
        throw SimError::parameter(QStringLiteral("name"), QStringLiteral("name must be 1 to 20 characters"));
    return JsonFields::string(value, QStringLiteral("name"), 20);
}

QJsonObject albumJson(SimContext &ctx, const AlbumRow &album)
{
    // album-list.txt, Table 4.
    QJsonObject json{
        {QStringLiteral("id"), album.id},
        {QStringLiteral("albumType"), album.type},
        {QStringLiteral("albumKind"), album.kind},
        {QStringLiteral("createTime"), SimContext::isoTime(album.createdMs)},
        {QStringLiteral("updateTime"), SimContext::isoTime(album.updatedMs)},
        {QStringLiteral("albumOwnerId"), album.ownerId},
    };
    if (!album.name.isEmpty())
        json.insert(QStringLiteral("name"), album.name);
    if (const auto cover = ctx.albums.coverFile(album))
        json.insert(QStringLiteral("coverImg"),
                    QString::fromLatin1(ctx.signedUrl(*cover, SimContext::DefaultThumbnailProcess)));
    if (!album.isManual()) {
        json.insert(QStringLiteral("scopeDir"), QJsonArray::fromStringList(album.scopeDirs));
        json.insert(QStringLiteral("scopeKind"), album.scopeKind);
        json.insert(QStringLiteral("scopeParentFolderId"), album.scopeParentFolderId);
    }
    if (album.kind == AlbumKind::Shared)
        json.insert(QStringLiteral("groupId"), album.groupId);
    return json;
}

SimReply listAlbums(SimContext &ctx, SimRequest &request)
{
    auto param = [&request](const char *name) { return QJsonValue(request.queryValue(QLatin1String(name))); };
    const int kind =
        int(JsonFields::requiredIntegerIn(param("albumKind"), QStringLiteral("albumKind"), 1, 2));
    const int type =
        int(JsonFields::requiredIntegerIn(param("albumType"), QStringLiteral("albumType"), 1, 2));
    const int pageSize =
        int(JsonFields::integerIn(param("pageSize"), QStringLiteral("pageSize"), 1, 100, 10));
    const qint64 pageNum = JsonFields::integerIn(param("pageNum"), QStringLiteral("pageNum"), 1,
                                                 std::numeric_limits<int>::max(), 1);
    const QString groupId =
        JsonFields::string(param("groupId"), QStringLiteral("groupId"), 64).value_or(QString());
    if (!groupId.isEmpty() && !ctx.store.isMember(groupId, request.userId))
        throw SimError::missing(QStringLiteral("groupId"),
                                QStringLiteral("groupId is not a group of this user"));

    const AlbumStore::ListPage page =
        ctx.albums.list(request.userId, kind, type, groupId, int(pageNum), pageSize);
    QJsonArray list;
    for (const AlbumRow &album : page.albums)
        list.append(albumJson(ctx, album));
    return SimReply::success({{QStringLiteral("albumList"), list}, {QStringLiteral("total"), page.total}});
}

SimReply createAlbum(SimContext &ctx, SimRequest &request)
{
    const QJsonObject body = request.json();
    AlbumRow album;
    album.type =
        int(JsonFields::requiredIntegerIn(body.value(QStringLiteral("type")), QStringLiteral("type"), 1, 2));
    album.kind = int(JsonFields::requiredIntegerIn(body.value(QStringLiteral("albumKind")),
                                                   QStringLiteral("albumKind"), 1, 2));
    // album-create.txt: name, 1 to 20 characters, mandatory for manual albums.
    const auto name = albumName(body);
    if (album.isManual() && !name)
        throw SimError::parameter(QStringLiteral("name"),
                                  QStringLiteral("name is required for a manual album"));
    album.name = name.value_or(QString());
    const auto containerId =
        JsonFields::string(body.value(QStringLiteral("containerId")), QStringLiteral("containerId"), 64);

    SimContext::Space space = ctx.personalSpace(request.userId);
    if (album.kind == AlbumKind::Shared) {
        // Required when albumKind is 2: groupId and shareFolderId.
        album.groupId =
            JsonFields::string(body.value(QStringLiteral("groupId")), QStringLiteral("groupId"), 64)
                .value_or(QString());
        if (album.groupId.isEmpty())
            throw SimError::parameter(QStringLiteral("groupId"),
                                      QStringLiteral("groupId is required for a shared album"));
        const auto shareFolderId =
            JsonFields::integer(body.value(QStringLiteral("shareFolderId")), QStringLiteral("shareFolderId"));
        if (!shareFolderId)
            throw SimError::parameter(QStringLiteral("shareFolderId"),
                                      QStringLiteral("shareFolderId is required for a shared album"));
        const auto group = ctx.store.group(album.groupId);
        if (!group)
            throw SimError::missing(QStringLiteral("groupId"), QStringLiteral("the group does not exist"));
        if (!ctx.store.isMember(group->groupId, request.userId))
            throw SimError::forbidden(QStringLiteral("groupId"),
                                      QStringLiteral("the user is not a member of the group"));
        if (group->shareFolderId != *shareFolderId)
            throw SimError::missing(QStringLiteral("shareFolderId"),
                                    QStringLiteral("shareFolderId is not the shared folder of the group"));
        album.shareFolderId = group->shareFolderId;
        space = {group->containerId, group->rootFolderId, group->groupId};
    }
    if (containerId && *containerId != space.containerId)
        throw SimError(400, QString::fromLatin1(ErrorCode::SpaceMissing), QStringLiteral("containerId"),
                       QStringLiteral("containerId is not the space of this album"));
    if (!album.isManual()) {
        // "The scope-related fields are required when the album type is 1."
        album.scopeDirs =
            JsonFields::stringList(body.value(QStringLiteral("scopeDir")), QStringLiteral("scopeDir"), 30, 64)
                .value_or(QStringList());
        album.scopeParentFolderId = JsonFields::string(body.value(QStringLiteral("scopeParentFolderId")),
                                                       QStringLiteral("scopeParentFolderId"), 64)
                                        .value_or(QString());
        album.scopeKind = scopeKind(body.value(QStringLiteral("scopeKind")), QStringLiteral("scopeKind"));
        if (album.scopeKind.isEmpty())
            throw SimError::parameter(QStringLiteral("scopeKind"),
                                      QStringLiteral("scopeKind is required for a collection album"));
        checkScope(ctx, space, album, QStringLiteral("scopeDir"), QStringLiteral("scopeParentFolderId"));
    }
    album.id = newAlbumId();
    album.ownerId = request.userId;
    album.containerId = space.containerId;
    album.createdMs = album.updatedMs = ctx.clock.nowMs();

    SimStore::Transaction transaction(ctx.store);
    ctx.albums.insert(album);
    transaction.commit();
    return SimReply::success({{QStringLiteral("albumId"), album.id}});
}

SimReply updateAlbum(SimContext &ctx, SimRequest &request)
{
    AlbumRow album = ctx.accessibleAlbum(request.userId, request.args.at(0));
    const QJsonObject body = request.json();
    const auto name = albumName(body);
    const auto dirs = JsonFields::stringList(body.value(QStringLiteral("scopeDirList")),
                                             QStringLiteral("scopeDirList"), 30, 64);
    const auto parent = JsonFields::string(body.value(QStringLiteral("scopeParentFolderId")),
                                           QStringLiteral("scopeParentFolderId"), 64);
    const QString kind = scopeKind(body.value(QStringLiteral("scopeKind")), QStringLiteral("scopeKind"));
    const auto cover = JsonFields::string(body.value(QStringLiteral("coverImageUrl")),
                                          QStringLiteral("coverImageUrl"), 2048);
    if (!name && !dirs && !parent && kind.isEmpty() && !cover)
        throw SimError::parameter(QStringLiteral("body"),
                                  QStringLiteral("nothing to update: give name or a scope"));

    // album-update.txt: a collection album changes its scope and type, a manual album its name.
    if (album.isManual() && (dirs || parent || !kind.isEmpty()))
        throw SimError::parameter(dirs     ? QStringLiteral("scopeDirList")
                                  : parent ? QStringLiteral("scopeParentFolderId")
                                           : QStringLiteral("scopeKind"),
                                  QStringLiteral("only a collection album has a scope"));
    if (name)
        album.name = *name;
    if (cover)
        album.coverImageUrl = *cover;
    if (!kind.isEmpty())
        album.scopeKind = kind;
    if (dirs || parent) {
        if (dirs)
            album.scopeDirs = *dirs;
        if (parent)
            album.scopeParentFolderId = *parent;
        SimContext::Space space = ctx.personalSpace(album.ownerId);
        if (album.kind == AlbumKind::Shared) {
            const auto group = ctx.store.group(album.groupId);
            space = {group->containerId, group->rootFolderId, group->groupId};
        }
        checkScope(ctx, space, album, QStringLiteral("scopeDirList"), QStringLiteral("scopeParentFolderId"));
    }
    album.updatedMs = ctx.clock.nowMs();
    SimStore::Transaction transaction(ctx.store);
    ctx.albums.update(album);
    transaction.commit();
    return SimReply::success();
}

// Only a manual album holds items (album-add-content.txt: "Add associated contents to a manual album").
AlbumRow manualAlbum(SimContext &ctx, const SimRequest &request)
{
    AlbumRow album = ctx.accessibleAlbum(request.userId, request.args.at(0));
    if (!album.isManual())
        throw SimError::parameter(QStringLiteral("albumId"),
                                  QStringLiteral("only a manual album has items to add or remove"));
    return album;
}

SimReply addContent(SimContext &ctx, SimRequest &request)
{
    const AlbumRow album = manualAlbum(ctx, request);
    const QJsonObject body = request.json();
    const QJsonValue list = body.value(QStringLiteral("fileIds"));
    // album-add-content.txt: fileIds, mandatory, at most 100 fileMap objects.
    if (!list.isArray() || list.toArray().isEmpty() || list.toArray().size() > 100)
        throw SimError::parameter(QStringLiteral("fileIds"),
                                  QStringLiteral("fileIds needs 1 to 100 {fileId, ownerId} objects"));
    const QJsonArray array = list.toArray();
    QVector<AlbumItemRef> items;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString prefix = QStringLiteral("fileIds[%1]").arg(i);
        if (!array.at(i).isObject())
            throw SimError::parameter(prefix,
                                      QStringLiteral("%1 must be an object {fileId, ownerId}").arg(prefix));
        const QJsonObject entry = array.at(i).toObject();
        const QString fileId = JsonFields::requiredString(entry.value(QStringLiteral("fileId")),
                                                          prefix + QStringLiteral(".fileId"), 1, 64);
        const QString ownerId = JsonFields::requiredString(entry.value(QStringLiteral("ownerId")),
                                                           prefix + QStringLiteral(".ownerId"), 1, 64);
        const auto file = ctx.files.file(fileId);
        if (!file || file->ownerId != ownerId || file->recycled)
            throw SimError::missing(prefix + QStringLiteral(".fileId"),
                                    QStringLiteral("%1 is not an existing file of that owner").arg(prefix));
        if (!file->isImage() && !file->isVideo())
            throw SimError::parameter(prefix + QStringLiteral(".fileId"),
                                      QStringLiteral("%1 is not an image or a video").arg(prefix));
        // A personal album takes the user's own files; a shared album also those in the group's space.
        const bool own = file->ownerId == request.userId;
        bool inGroupSpace = false;
        if (album.kind == AlbumKind::Shared) {
            const auto group = ctx.store.group(album.groupId);
            inGroupSpace = group && file->containerId == group->containerId;
        }
        if (!own && !inGroupSpace)
            throw SimError::forbidden(prefix + QStringLiteral(".fileId"),
                                      QStringLiteral("%1 cannot be added to this album").arg(prefix));
        items.append({fileId, ownerId});
    }
    SimStore::Transaction transaction(ctx.store);
    ctx.albums.addItems(album.id, items, ctx.clock.nowMs());
    transaction.commit();
    return SimReply::success();
}

SimReply albumContents(SimContext &ctx, SimRequest &request)
{
    const AlbumRow album = ctx.accessibleAlbum(request.userId, request.args.at(0));
    auto param = [&request](const char *name) { return QJsonValue(request.queryValue(QLatin1String(name))); };
    AlbumStore::ContentsQuery query;
    query.pageSize = int(JsonFields::integerIn(param("pageSize"), QStringLiteral("pageSize"), 1, 100, 100));
    query.sortType = int(JsonFields::integerIn(param("sortType"), QStringLiteral("sortType"), 1, 3, 1));
    query.descending =
        JsonFields::integerIn(param("sortDirection"), QStringLiteral("sortDirection"), 1, 2, 2) == 2;
    const QString process =
        SimContext::thumbnailProcess(param("imageProcess"), QStringLiteral("imageProcess"));
    if (const auto cursor = JsonFields::string(param("pageCursor"), QStringLiteral("pageCursor"))) {
        query.after = FileCursor::decode(*cursor);
        if (!query.after || query.after->listing != album.id || query.after->sortType != query.sortType ||
            query.after->descending != query.descending)
            throw SimError::parameter(QStringLiteral("pageCursor"),
                                      QStringLiteral("pageCursor does not belong to this album and order"));
    }
    const AlbumStore::ContentsPage page = ctx.albums.contents(album, query);
    JsonWriter out;
    out.reserve(900 * (page.rows.size() + 1));
    out.beginObject().key("contentList").beginArray();
    for (const FileRow &f : page.rows) {
        out.beginObject()
            .field("id", f.id)
            .field("ownerId", f.ownerId)
            .field("containerId", f.containerId)
            .field("fileName", f.name)
            .field("fileType", QString::number(f.fileType))
            .field("mimeType", f.mimeType)
            .field("size", f.size)
            .field("width", f.width)
            .field("height", f.height)
            .field("takeTime", UtcTime::iso(f.takenMs).constData());
        if (const qint64 duration = DemoClips::durationOf(f))
            out.field("duration", duration); // ms, as in files list's properties
        out.field("createdTime", UtcTime::iso(f.createdMs).constData())
            .field("editedTime", UtcTime::iso(f.editedMs).constData())
            .field("thumbnailUrl", ctx.signedUrl(f, process).constData())
            .endObject();
    }
    out.endArray().field("total", page.total);
    if (page.next)
        out.field("nextPageCursor", page.next->encode());
    out.field("code", 0).field("msg", "Success.").endObject();
    return SimReply::jsonText(out.take());
}

SimReply deleteAlbum(SimContext &ctx, SimRequest &request)
{
    const AlbumRow album = ctx.accessibleAlbum(request.userId, request.args.at(0));
    if (album.ownerId != request.userId)
        throw SimError::forbidden(QStringLiteral("albumId"),
                                  QStringLiteral("only the album's owner may delete it"));
    SimStore::Transaction transaction(ctx.store);
    ctx.albums.remove(album.id);
    transaction.commit();
    return SimReply::success();
}

SimReply removeItems(SimContext &ctx, SimRequest &request)
{
    const AlbumRow album = manualAlbum(ctx, request);
    const QJsonObject body = request.json();
    const auto ids =
        JsonFields::stringList(body.value(QStringLiteral("ids")), QStringLiteral("ids"), 1000, 64);
    if (!ids || ids->isEmpty())
        throw SimError::parameter(QStringLiteral("ids"), QStringLiteral("ids needs 1 to 1000 file ids"));
    SimStore::Transaction transaction(ctx.store);
    ctx.albums.removeItems(album.id, *ids);
    transaction.commit();
    return SimReply::success();
}
} // namespace

void AlbumRoutes::install(SimHttpServer &server, SimContext &ctx)
{
    server.route("GET", ApiRoot + QStringLiteral("/album/list"), Access::Session,
                 withContext(ctx, listAlbums));
    server.route("POST", ApiRoot + QStringLiteral("/album/create"), Access::Session,
                 withContext(ctx, createAlbum));
    server.route("POST", ApiRoot + QStringLiteral("/{albumId}/update"), Access::Session,
                 withContext(ctx, updateAlbum));
    server.route("POST", ApiRoot + QStringLiteral("/album/{albumId}/add"), Access::Session,
                 withContext(ctx, addContent));
    server.route("GET", ApiRoot + QStringLiteral("/album/{albumId}/list"), Access::Session,
                 withContext(ctx, albumContents));
    server.route("DELETE", ApiRoot + QStringLiteral("/album/{albumId}"), Access::Session,
                 withContext(ctx, deleteAlbum));
    server.route("DELETE", ApiRoot + QStringLiteral("/{albumId}/batchDelete"), Access::Session,
                 withContext(ctx, removeItems));
}

} // namespace koodrive::sim
