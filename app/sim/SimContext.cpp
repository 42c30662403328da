#include "SimContext.h"

#include "AlbumStore.h"
#include "DemoClips.h"
#include "FileStore.h"
#include "ImageProcess.h"
#include "JsonFields.h"
#include "JsonWriter.h"
#include "SimClock.h"
#include "SimError.h"
#include "SimStore.h"
#include "StarStore.h"
#include "UrlSigner.h"
#include "UtcTime.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTimeZone>
#include <QtEndian>

namespace koodrive::sim {

QString SimContext::isoTime(qint64 ms)
{
    return QString::fromLatin1(UtcTime::iso(ms)); // "2025-10-13T03:11:51.147Z"
}

SimContext::Space SimContext::personalSpace(const QString &userId) const
{
    const auto user = store.user(userId);
    if (!user)
        throw SimError(400, QString::fromLatin1(ErrorCode::SpaceMissing), QStringLiteral("X-User-Id"),
                       QStringLiteral("the user has no space"));
    return {user->containerId, user->rootFolderId, QString()};
}

SimContext::Space SimContext::space(const QString &userId, const QString &containerId,
                                    const QString &parameter) const
{
    const Space own = personalSpace(userId);
    if (containerId == own.containerId)
        return own;
    for (const GroupRow &group : store.groupsOf(userId)) {
        if (group.containerId == containerId)
            return {group.containerId, group.rootFolderId, group.groupId};
    }
    throw SimError(400, QString::fromLatin1(ErrorCode::SpaceMissing), parameter,
                   QStringLiteral("%1 is not a space of this user").arg(parameter));
}

SimContext::Space SimContext::callSpace(const SimRequest &request, const std::optional<QString> &containerId,
                                        const QString &parameter) const
{
    const QByteArray header = request.header(ShareFolderHeader).trimmed();
    if (header.isEmpty())
        return containerId ? space(request.userId, *containerId, parameter) : personalSpace(request.userId);
    const QString headerName = QString::fromLatin1(ShareFolderHeader);
    // A shared folder the user is not in answers like one that does not exist: they may not know of it.
    for (const GroupRow &group : store.groupsOf(request.userId)) {
        if (QByteArray::number(group.shareFolderId) != header)
            continue;
        if (containerId && *containerId != group.containerId)
            throw SimError(
                400, QString::fromLatin1(ErrorCode::SpaceMissing), parameter,
                QStringLiteral("%1 is not the space of the shared folder in %2").arg(parameter, headerName));
        return {group.containerId, group.rootFolderId, group.groupId};
    }
    throw SimError::forbidden(
        headerName, QStringLiteral("%1 is not a shared folder this user is a member of").arg(headerName));
}

qint64 SimContext::capacity(const Space &space) const
{
    QSqlQuery q =
        space.groupId.isEmpty()
            ? store.exec(QStringLiteral("SELECT capacity FROM users WHERE container_id = ?"),
                         {space.containerId})
            : store.exec(QStringLiteral("SELECT u.capacity FROM share_groups g JOIN users u ON u.id = "
                                        "g.owner_id WHERE g.group_id = ?"),
                         {space.groupId});
    return q.next() ? q.value(0).toLongLong() : 0;
}

std::optional<SimContext::Space> SimContext::spaceOfContainer(const QString &containerId) const
{
    QSqlQuery user =
        store.exec(QStringLiteral("SELECT root_id FROM users WHERE container_id = ?"), {containerId});
    if (user.next())
        return Space{containerId, user.value(0).toString(), QString()};
    QSqlQuery group = store.exec(
        QStringLiteral("SELECT root_id, group_id FROM share_groups WHERE container_id = ?"), {containerId});
    if (group.next())
        return Space{containerId, group.value(0).toString(), group.value(1).toString()};
    return std::nullopt;
}

QSet<QString> SimContext::favourites(const QString &userId, const QVector<FileRow> &rows) const
{
    QStringList ids;
    ids.reserve(rows.size());
    for (const FileRow &row : rows)
        ids.append(row.id);
    return StarStore(store).starredAmong(userId, ids);
}

QString SimContext::folder(const Space &space, const QString &folderId, const QString &parameter) const
{
    if (folderId == QLatin1String("root") || folderId == space.rootFolderId)
        return space.rootFolderId;
    const auto row = files.file(folderId);
    if (!row || row->containerId != space.containerId || !row->isFolder() || row->recycled)
        throw SimError::missing(parameter, QStringLiteral("%1 is not a folder of this space").arg(parameter));
    return row->id;
}

QString SimContext::targetFolder(const Space &space, const QString &folderId, const QString &parameter) const
{
    if (folderId != QLatin1String("root") && folderId != space.rootFolderId) {
        const auto row = files.file(folderId);
        if (row && row->containerId == space.containerId && row->isFolder() && row->recycled)
            throw SimError(400, QString::fromLatin1(ErrorCode::ParentRecycled), parameter,
                           QStringLiteral("%1 is in the recycle bin").arg(parameter));
    }
    return folder(space, folderId, parameter);
}

QString SimContext::firstParentFolder(const QJsonValue &value, const QString &parameter)
{
    if (value.isUndefined() || value.isNull())
        throw SimError::parameter(parameter, QStringLiteral("%1 is required").arg(parameter));
    if (!value.isArray())
        throw SimError::parameter(
            parameter, QStringLiteral("%1 must be an array of folder ids (a String array)").arg(parameter));
    const auto ids = JsonFields::stringList(value, parameter, 100, 64);
    if (!ids || ids->isEmpty())
        throw SimError::parameter(parameter, QStringLiteral("%1 needs a folder id").arg(parameter));
    return ids->constFirst();
}

AlbumRow SimContext::accessibleAlbum(const QString &userId, const QString &albumId) const
{
    const auto album = albums.album(albumId);
    const bool visible =
        album && (album->kind == AlbumKind::Personal ? album->ownerId == userId
                                                     : store.isMember(album->groupId, userId));
    // An album the user may not see answers exactly like one that does not exist.
    if (!visible)
        throw SimError::missing(QStringLiteral("albumId"), QStringLiteral("the album does not exist"));
    return *album;
}

QString SimContext::displayName(const QString &userId) const
{
    auto known = m_displayNames.constFind(userId);
    if (known == m_displayNames.constEnd())
        known = m_displayNames.insert(userId, store.displayName(userId));
    return *known;
}

QString SimContext::thumbnailProcess(const QJsonValue &value, const QString &name)
{
    // files-list.txt, Table 3: imageProcess, at most 300 characters.
    const auto text = JsonFields::string(value, name, 300);
    if (!text)
        return DefaultThumbnailProcess;
    QString error;
    // The same chain thumbnail URLs carry, without "x-image-process=" (../shared/koodrive-api/README.md).
    const auto process = ImageProcess::parse(*text, &error);
    if (!process)
        throw SimError::parameter(name,
                                  QStringLiteral("%1 is not a valid image process: %2").arg(name, error));
    return process->canonical();
}

QByteArray SimContext::signedUrl(const FileRow &file, const QString &process) const
{
    return signer.sign(m_origin, file.id, process, file.name, clock.nowSecs(), urlLifetimeSecs);
}

void SimContext::writeUser(JsonWriter &out, const QString &userId, const QString &callerId) const
{
    const QByteArray digest = QCryptographicHash::hash(userId.toUtf8(), QCryptographicHash::Md5);
    out.beginObject()
        .field("category", "drive#user")
        .field("userId", userId)
        .field("displayName", displayName(userId))
        .field("me", userId == callerId)
        .field("permissionId", QString::number(qFromBigEndian<quint64>(digest.constData()) >> 4))
        .endObject();
}

void SimContext::writeFile(JsonWriter &out, const FileRow &f, const QString &callerId,
                           const QString &thumbnailProcess, bool favorite) const
{
    // Field names and types of files-list.txt, Table 7.
    out.beginObject()
        .field("id", f.id)
        .field("fileName", f.name)
        .field("fileType", QString::number(f.fileType))
        .field("mimeType", f.mimeType)
        .field("favorite", favorite)
        .field("recycled", f.recycled);
    if (f.recycled)
        out.field("recycledTime", UtcTime::iso(f.recycledMs).constData())
            .field("directlyRecycled", f.recycledBy.isEmpty() || f.recycledBy == f.id);
    out.key("parentFolder").beginArray().value(f.parentId).endArray();
    out.key("containers").beginArray().value(f.containerId).endArray();
    out.field("createdTime", UtcTime::iso(f.createdMs).constData())
        .field("editedTime", UtcTime::iso(f.editedMs).constData())
        .field("fileSuffix", f.suffix)
        .field("hidden", false)
        .field("creatingUser", f.ownerId);
    out.key("owners").beginArray();
    writeUser(out, f.ownerId, callerId);
    out.endArray().key("lastEditor");
    writeUser(out, f.ownerId, callerId);
    out.key("properties").beginObject().field("createUser", f.ownerId).field("lastEditUser", f.ownerId);
    if (f.isImage() || f.isVideo())
        out.field("width", f.width)
            .field("height", f.height)
            .field("takeTime", UtcTime::iso(f.takenMs).constData());
    if (const qint64 duration = DemoClips::durationOf(f))
        out.field("duration", duration); // ms (README's decisions: the pages name no video length)
    out.endObject();
    if (!f.isFolder()) {
        // Uploaded files carry their bytes' hash; painted ones a stand-in made from the id.
        out.field("size", f.size)
            .field("sha256",
                   f.sha256.isEmpty()
                       ? QString::fromLatin1(
                             QCryptographicHash::hash(f.id.toUtf8(), QCryptographicHash::Sha256).toHex())
                       : f.sha256);
    }
    if (f.isImage() || f.isVideo()) {
        // The thumbnail sits where Tables 9 to 14 put it: attachments[].asset.resource.object.image[].
        out.key("attachments")
            .beginArray()
            .beginObject()
            .field("usage", "content")
            .key("asset")
            .beginObject();
        out.field("mimeType", f.mimeType).key("resource").beginObject().key("object").beginObject();
        out.field("id", f.id).field("start", 0);
        out.key("downloadUrl")
            .beginObject()
            .field("url", signedUrl(f, QString()).constData())
            .field("method", "GET")
            .endObject();
        out.key("image").beginArray().beginObject().field("process", thumbnailProcess);
        out.key("downloadUrl")
            .beginObject()
            .field("url", signedUrl(f, thumbnailProcess).constData())
            .field("method", "GET")
            .endObject();
        out.endObject().endArray();
        out.endObject().endObject().endObject().endObject().endArray();
    }
    out.endObject();
}

} // namespace koodrive::sim
