#include "SimContext.h"

#include "AlbumStore.h"
#include "FileStore.h"
#include "ImageProcess.h"
#include "JsonFields.h"
#include "SimClock.h"
#include "SimError.h"
#include "SimStore.h"
#include "UrlSigner.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>
#include <QtEndian>

namespace koodrive::sim {

QString SimContext::isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs); // "2025-10-13T03:11:51.147Z"
}

SimContext::Space SimContext::personalSpace(const QString &userId) const
{
    const auto user = store.user(userId);
    if (!user)
        throw SimError(400, QString::fromLatin1(ErrorCode::SpaceMissing), QStringLiteral("X-User-Id"),
                       QStringLiteral("the user has no space"));
    return {user->containerId, user->rootFolderId, QString()};
}

SimContext::Space SimContext::space(const QString &userId, const QString &containerId, const QString &parameter) const
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

QString SimContext::folder(const Space &space, const QString &folderId, const QString &parameter) const
{
    if (folderId == QLatin1String("root") || folderId == space.rootFolderId)
        return space.rootFolderId;
    const auto row = files.file(folderId);
    if (!row || row->containerId != space.containerId || !row->isFolder() || row->recycled)
        throw SimError::missing(parameter, QStringLiteral("%1 is not a folder of this space").arg(parameter));
    return row->id;
}

AlbumRow SimContext::accessibleAlbum(const QString &userId, const QString &albumId) const
{
    const auto album = albums.album(albumId);
    const bool visible = album
                         && (album->kind == AlbumKind::Personal ? album->ownerId == userId
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
        throw SimError::parameter(name, QStringLiteral("%1 is not a valid image process: %2").arg(name, error));
    return process->canonical();
}

QUrl SimContext::signedUrl(const FileRow &file, const QString &process) const
{
    return signer.sign(baseUrl, file.id, process, file.name, clock.nowSecs(), urlLifetimeSecs);
}

QJsonObject SimContext::userJson(const QString &userId, const QString &callerId) const
{
    const QByteArray digest = QCryptographicHash::hash(userId.toUtf8(), QCryptographicHash::Md5);
    return {
        {QStringLiteral("category"), QStringLiteral("drive#user")},
        {QStringLiteral("userId"), userId},
        {QStringLiteral("displayName"), displayName(userId)},
        {QStringLiteral("me"), userId == callerId},
        {QStringLiteral("permissionId"), QString::number(qFromBigEndian<quint64>(digest.constData()) >> 4)},
    };
}

QJsonObject SimContext::fileJson(const FileRow &f, const QString &callerId, const QString &thumbnailProcess) const
{
    // Field names and types of files-list.txt, Table 7.
    QJsonObject json{
        {QStringLiteral("id"), f.id},
        {QStringLiteral("fileName"), f.name},
        {QStringLiteral("fileType"), QString::number(f.fileType)},
        {QStringLiteral("mimeType"), f.mimeType},
        {QStringLiteral("favorite"), false},
        {QStringLiteral("recycled"), f.recycled},
        {QStringLiteral("parentFolder"), QJsonArray{f.parentId}},
        {QStringLiteral("containers"), QJsonArray{f.containerId}},
        {QStringLiteral("createdTime"), isoTime(f.createdMs)},
        {QStringLiteral("editedTime"), isoTime(f.editedMs)},
        {QStringLiteral("fileSuffix"), f.suffix},
        {QStringLiteral("hidden"), false},
        {QStringLiteral("creatingUser"), f.ownerId},
    };
    const QJsonObject owner = userJson(f.ownerId, callerId);
    json.insert(QStringLiteral("owners"), QJsonArray{owner});
    json.insert(QStringLiteral("lastEditor"), owner);
    if (f.recycled) {
        json.insert(QStringLiteral("recycledTime"), isoTime(f.recycledMs));
        json.insert(QStringLiteral("directlyRecycled"), true);
    }
    QJsonObject properties{{QStringLiteral("createUser"), f.ownerId}, {QStringLiteral("lastEditUser"), f.ownerId}};
    if (!f.isFolder()) {
        json.insert(QStringLiteral("size"), f.size);
        json.insert(QStringLiteral("sha256"), QString::fromLatin1(QCryptographicHash::hash(f.id.toUtf8(),
                                                                                          QCryptographicHash::Sha256)
                                                                     .toHex()));
    }
    if (f.isImage() || f.isVideo()) {
        properties.insert(QStringLiteral("width"), f.width);
        properties.insert(QStringLiteral("height"), f.height);
        properties.insert(QStringLiteral("takeTime"), isoTime(f.takenMs));
        // The thumbnail sits where Tables 9 to 14 put it: attachments[].asset.resource.object.image[].
        const QJsonObject image{
            {QStringLiteral("process"), thumbnailProcess},
            {QStringLiteral("downloadUrl"),
             QJsonObject{{QStringLiteral("url"), signedUrl(f, thumbnailProcess).toString(QUrl::FullyEncoded)},
                         {QStringLiteral("method"), QStringLiteral("GET")}}},
        };
        const QJsonObject object{
            {QStringLiteral("id"), f.id},
            {QStringLiteral("start"), 0},
            {QStringLiteral("downloadUrl"),
             QJsonObject{{QStringLiteral("url"), signedUrl(f, QString()).toString(QUrl::FullyEncoded)},
                         {QStringLiteral("method"), QStringLiteral("GET")}}},
            {QStringLiteral("image"), QJsonArray{image}},
        };
        const QJsonObject asset{{QStringLiteral("resource"), QJsonObject{{QStringLiteral("object"), object}}},
                                {QStringLiteral("mimeType"), f.mimeType}};
        json.insert(QStringLiteral("attachments"),
                    QJsonArray{QJsonObject{{QStringLiteral("usage"), QStringLiteral("content")},
                                           {QStringLiteral("asset"), asset}}});
    }
    json.insert(QStringLiteral("properties"), properties);
    return json;
}

} // namespace koodrive::sim
