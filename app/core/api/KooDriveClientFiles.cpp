// KooDriveClient: folders and names (OPERATIONS.md §4).
#include "ClientCall.h"

#include <QJsonArray>

namespace koodrive::api {

using namespace checks;

CallHandle KooDriveClient::createFolder(const NewFolder &folder, QObject *context,
                                        Callback<CreatedFolder> done)
{
    // OPERATIONS.md §4: POST /directory {fileName, fileType "10", parentFolder [id], containerId,
    // renameMode}.
    if (auto error = firstOf(
            {checkFileName("fileName", folder.name), checkText("parentFolder", folder.parentFolderId, 1, 64),
             checkText("containerId", folder.containerId, 0, 64), checkShareFolder(folder.shareFolderId)}))
        return reject(*error, context, std::move(done));
    QJsonObject body{{QStringLiteral("fileName"), folder.name},
                     {QStringLiteral("fileType"), QStringLiteral("10")},
                     {QStringLiteral("parentFolder"), QJsonArray{folder.parentFolderId}},
                     {QStringLiteral("renameMode"), int(folder.onClash)}};
    if (!folder.containerId.isEmpty())
        body.insert(QStringLiteral("containerId"), folder.containerId);
    ApiRequest request{"POST", Api + QStringLiteral("/directory"), {}, json(body), false};
    request.shareFolderId = folder.shareFolderId;
    // Failing on a clash, the folder has the name asked for when the answer does not repeat it.
    const QString asked = folder.onClash == OnNameClash::Fail ? folder.name : QString();
    return call<CreatedFolder>(
        std::move(request), context,
        [asked, done = std::move(done)](const Result<CreatedFolder> &result) {
            if (!result.ok() || !result.value().name.isEmpty())
                return done(result);
            done(CreatedFolder{result.value().id, asked});
        },
        &ResponseParsers::createdFolder);
}

CallHandle KooDriveClient::renameFile(const Rename &rename, QObject *context, Callback<QString> done)
{
    // OPERATIONS.md §4: POST /files/rename/{fileId} {containerId (<= 64), name (<= 250), renameMode}.
    if (auto error = firstOf({checkText("fileId", rename.fileId, 1, 64),
                              checkText("containerId", rename.containerId, 1, 64),
                              checkFileName("name", rename.name), checkShareFolder(rename.shareFolderId)}))
        return reject(*error, context, std::move(done));
    ApiRequest request{"POST",
                       Api + QStringLiteral("/files/rename/") + segment(rename.fileId),
                       {},
                       json({{QStringLiteral("containerId"), rename.containerId},
                             {QStringLiteral("name"), rename.name},
                             {QStringLiteral("renameMode"), int(rename.onClash)}}),
                       false};
    request.shareFolderId = rename.shareFolderId;
    const QString asked = rename.onClash == OnNameClash::Fail ? rename.name : QString();
    return call<QString>(
        std::move(request), context,
        [asked, done = std::move(done)](const Result<QString> &result) {
            if (!result.ok() || !result.value().isEmpty())
                return done(result);
            done(asked);
        },
        &ResponseParsers::renamedFileName);
}

} // namespace koodrive::api
