#include "FolderRoutes.h"

#include "FileNames.h"
#include "FileStore.h"
#include "FileTree.h"
#include "JsonFields.h"
#include "JsonWriter.h"
#include "SimClock.h"
#include "SimContext.h"
#include "SimError.h"
#include "SimHttpServer.h"
#include "SimIds.h"
#include "SimStore.h"

namespace koodrive::sim {

namespace {
using Access = SimHttpServer::Access;

// renameMode: 2 or 3; not given means 3, so that no name is changed without being asked (README).
int renameMode(const QJsonObject &body)
{
    return int(JsonFields::integerIn(body.value(QStringLiteral("renameMode")), QStringLiteral("renameMode"),
                                     FolderRoutes::AddTimestamp, FolderRoutes::FailOnClash,
                                     FolderRoutes::FailOnClash));
}

// The name to use in the folder under the clash rule, or 13000405 naming `parameter`.
QString nameUnder(const FileTree &tree, const QString &parentId, const QString &name, bool isFolder, int mode,
                  qint64 nowMs, const QString &parameter, const QString &exceptId = {})
{
    if (!tree.nameTaken(parentId, name, exceptId))
        return name;
    if (mode == FolderRoutes::FailOnClash)
        throw SimError(400, QString::fromLatin1(ErrorCode::NameTaken), parameter,
                       QStringLiteral("the folder already holds \"%1\"").arg(name));
    return tree.freeName(parentId, name, isFolder, nowMs, exceptId);
}

SimReply createDirectory(SimContext &ctx, SimRequest &request)
{
    const QJsonObject body = request.json();
    const QString name =
        FileNames::checked(body.value(QStringLiteral("fileName")), QStringLiteral("fileName"));
    const auto fileType =
        JsonFields::integer(body.value(QStringLiteral("fileType")), QStringLiteral("fileType"));
    if (fileType != FileType::Folder)
        throw SimError::parameter(QStringLiteral("fileType"),
                                  QStringLiteral("fileType of a folder is \"10\""));
    const QString parentId = SimContext::firstParentFolder(body.value(QStringLiteral("parentFolder")),
                                                           QStringLiteral("parentFolder"));
    const auto containerId =
        JsonFields::string(body.value(QStringLiteral("containerId")), QStringLiteral("containerId"), 64);
    const int mode = renameMode(body);
    const SimContext::Space space = ctx.callSpace(request, containerId, QStringLiteral("containerId"));
    const QString parent = ctx.targetFolder(space, parentId, QStringLiteral("parentFolder"));

    FileTree tree(ctx.store, ctx.files);
    const qint64 now = ctx.clock.nowMs();
    FileRow folder;
    folder.id = SimIds::fileId();
    folder.containerId = space.containerId;
    folder.ownerId = request.userId;
    folder.parentId = parent;
    folder.name = nameUnder(tree, parent, name, true, mode, now, QStringLiteral("fileName"));
    folder.fileType = FileType::Folder;
    folder.mimeType = QStringLiteral("application/vnd.huawei-apps.folder");
    folder.createdMs = folder.editedMs = now;

    SimStore::Transaction transaction(ctx.store);
    ctx.files.insert({folder});
    transaction.commit();
    // The new folder's metadata as files list shows it (its "id" is what OPERATIONS.md §4 promises).
    JsonWriter out;
    ctx.writeFile(out, folder, request.userId, SimContext::DefaultThumbnailProcess, false);
    QByteArray text = out.take();
    text.chop(1);
    text.append(R"(,"code":0,"msg":"Success."})");
    return SimReply::jsonText(text);
}

SimReply renameFile(SimContext &ctx, SimRequest &request)
{
    const QString fileId = request.args.at(0);
    if (JsonFields::characterCount(fileId) > 64)
        throw SimError::parameter(QStringLiteral("fileId"),
                                  QStringLiteral("fileId must be at most 64 characters"));
    const QJsonObject body = request.json();
    const QString containerId = JsonFields::requiredString(body.value(QStringLiteral("containerId")),
                                                           QStringLiteral("containerId"), 1, 64);
    const QString name = FileNames::checked(body.value(QStringLiteral("name")), QStringLiteral("name"));
    const int mode = renameMode(body);
    const SimContext::Space space = ctx.callSpace(request, containerId, QStringLiteral("containerId"));
    const auto file = ctx.files.file(fileId);
    if (!file || file->containerId != space.containerId)
        throw SimError(400, QString::fromLatin1(ErrorCode::FileNotInSpace), QStringLiteral("fileId"),
                       QStringLiteral("the file is not in this space"));
    if (file->recycled)
        throw SimError::missing(QStringLiteral("fileId"),
                                QStringLiteral("the file is in the recycle bin: restore it first"));

    QString finalName = name;
    if (name != file->name) {
        FileTree tree(ctx.store, ctx.files);
        const qint64 now = ctx.clock.nowMs();
        finalName = nameUnder(tree, file->parentId, name, file->isFolder(), mode, now, QStringLiteral("name"),
                              file->id);
        SimStore::Transaction transaction(ctx.store);
        tree.rename(file->id, finalName, now);
        transaction.commit();
    }
    // {code, msg} as documented, and the name the file now has (it differs on a clash under renameMode 2).
    return SimReply::success({{QStringLiteral("fileName"), finalName}});
}
} // namespace

void FolderRoutes::install(SimHttpServer &server, SimContext &ctx)
{
    server.route("POST", ApiRoot + QStringLiteral("/directory"), Access::Session,
                 withContext(ctx, createDirectory));
    server.route("POST", ApiRoot + QStringLiteral("/files/rename/{fileId}"), Access::Session,
                 withContext(ctx, renameFile));
}

} // namespace koodrive::sim
