#include "FileRoutes.h"

#include "FileStore.h"
#include "JsonFields.h"
#include "JsonWriter.h"
#include "SimContext.h"
#include "SimError.h"
#include "SimHttpServer.h"

#include <QJsonArray>

namespace koodrive::sim {

namespace {
using Access = SimHttpServer::Access;

SimReply listFiles(SimContext &ctx, SimRequest &request)
{
    const QString type = request.args.at(0);
    if (type != QLatin1String("0") && type != QLatin1String("1"))
        throw SimError::parameter(QStringLiteral("type"),
                                  QStringLiteral("type must be 0 (space) or 1 (recycle bin)"));
    const QJsonObject body = request.json();
    const QJsonObject pageInfo = JsonFields::optionalObject(body, QStringLiteral("pageInfo"));
    const QJsonObject sortInfo = JsonFields::optionalObject(body, QStringLiteral("sortInfo"));

    FileStore::ListQuery query;
    query.recycleBin = type == QLatin1String("1");
    query.pageSize = int(JsonFields::integerIn(pageInfo.value(QStringLiteral("pageSize")),
                                               QStringLiteral("pageInfo.pageSize"), 1, 100, 100));
    const auto cursorText = JsonFields::string(pageInfo.value(QStringLiteral("pageCursor")),
                                               QStringLiteral("pageInfo.pageCursor"));
    query.sortType = int(JsonFields::integerIn(sortInfo.value(QStringLiteral("sortType")),
                                               QStringLiteral("sortInfo.sortType"), 1, 6, FileStore::ByName));
    query.descending = JsonFields::integerIn(sortInfo.value(QStringLiteral("sortDirection")),
                                             QStringLiteral("sortInfo.sortDirection"), 1, 2, 1) == 2;
    const QString containerId = JsonFields::requiredString(body.value(QStringLiteral("containerId")),
                                                           QStringLiteral("containerId"), 1, 64);
    const QString parentFileId = JsonFields::requiredString(body.value(QStringLiteral("parentFileId")),
                                                            QStringLiteral("parentFileId"), 1, 64);
    if (const auto fileType =
            JsonFields::integer(body.value(QStringLiteral("fileType")), QStringLiteral("fileType"))) {
        if (!FileType::isKnown(int(*fileType)))
            throw SimError::parameter(
                QStringLiteral("fileType"),
                QStringLiteral("fileType must be one of 10, 11, 15, 20, 26, 27, 28, 30, 35, 40, 45"));
        query.fileType = int(*fileType);
    }
    const QString process = SimContext::thumbnailProcess(body.value(QStringLiteral("imageProcess")),
                                                         QStringLiteral("imageProcess"));
    JsonFields::boolean(body.value(QStringLiteral("hidden")), QStringLiteral("hidden"));
    query.nameContains =
        JsonFields::string(body.value(QStringLiteral("fileName")), QStringLiteral("fileName"), 80)
            .value_or(QString());

    const SimContext::Space space = ctx.callSpace(request, containerId, QStringLiteral("containerId"));
    query.containerId = space.containerId;
    query.parentId = ctx.folder(space, parentFileId, QStringLiteral("parentFileId"));
    const QString listing =
        query.recycleBin ? QStringLiteral("recycle:") + space.containerId : query.parentId;
    if (cursorText) {
        query.after = FileCursor::decode(*cursorText);
        if (!query.after || query.after->listing != listing || query.after->sortType != query.sortType ||
            query.after->descending != query.descending)
            throw SimError::parameter(QStringLiteral("pageInfo.pageCursor"),
                                      QStringLiteral("pageCursor does not belong to this listing and order"));
    }

    FileStore::Page page = ctx.files.list(query);
    // files-list.txt, Table 6.
    JsonWriter out;
    out.reserve(2200 * (page.rows.size() + 1));
    out.beginObject().field("category", "drive#fileList");
    if (page.next) {
        page.next->listing = listing;
        out.field("nextCursor", page.next->encode());
    }
    out.field("searchCompleted", !page.next.has_value()).key("files").beginArray();
    const QSet<QString> favourites = ctx.favourites(request.userId, page.rows);
    for (const FileRow &row : std::as_const(page.rows))
        ctx.writeFile(out, row, request.userId, process, favourites.contains(row.id));
    out.endArray().field("code", 0).field("msg", "OK").endObject();
    return SimReply::jsonText(out.take());
}

SimReply fileDetail(SimContext &ctx, SimRequest &request)
{
    const QString fileId = request.args.at(0);
    if (JsonFields::characterCount(fileId) > 64)
        throw SimError::parameter(QStringLiteral("fileId"),
                                  QStringLiteral("fileId must be at most 64 characters"));
    const QJsonObject body = request.json();
    const QString containerId = JsonFields::requiredString(body.value(QStringLiteral("containerId")),
                                                           QStringLiteral("containerId"), 1, 64);
    const QString process = SimContext::thumbnailProcess(body.value(QStringLiteral("imageProcess")),
                                                         QStringLiteral("imageProcess"));
    const SimContext::Space space = ctx.callSpace(request, containerId, QStringLiteral("containerId"));
    const auto file = ctx.files.file(fileId);
    if (!file || file->containerId != space.containerId)
        throw SimError(400, QString::fromLatin1(ErrorCode::FileNotInSpace), QStringLiteral("fileId"),
                       QStringLiteral("the file is not in this space"));
    JsonWriter out;
    ctx.writeFile(out, *file, request.userId, process, !ctx.favourites(request.userId, {*file}).isEmpty());
    // The file's fields, then the pages' success fields.
    QByteArray text = out.take();
    text.chop(1);
    text.append(R"(,"code":0,"msg":"Success."})");
    return SimReply::jsonText(text);
}

SimReply downloadLinks(SimContext &ctx, SimRequest &request)
{
    const QJsonObject body = request.json();
    const QString containerId = JsonFields::requiredString(body.value(QStringLiteral("containerId")),
                                                           QStringLiteral("containerId"), 1, 64);
    const auto fileIds =
        JsonFields::stringList(body.value(QStringLiteral("fileIds")), QStringLiteral("fileIds"), 100, 64);
    if (!fileIds || fileIds->isEmpty())
        throw SimError::parameter(QStringLiteral("fileIds"),
                                  QStringLiteral("fileIds needs 1 to 100 file ids"));
    const SimContext::Space space = ctx.callSpace(request, containerId, QStringLiteral("containerId"));

    QJsonArray downloads;
    int succeeded = 0;
    for (const QString &id : *fileIds) {
        const auto file = ctx.files.file(id);
        QJsonObject entry{{QStringLiteral("fileId"), id}};
        if (!file || file->containerId != space.containerId) {
            entry.insert(QStringLiteral("code"), QString::fromLatin1(ErrorCode::FileNotInSpace));
            entry.insert(QStringLiteral("msg"), QStringLiteral("the file is not in this space"));
        } else if (file->isFolder()) {
            entry.insert(QStringLiteral("fileName"), file->name);
            entry.insert(QStringLiteral("code"), QString::fromLatin1(ErrorCode::ParameterInvalid));
            entry.insert(QStringLiteral("msg"), QStringLiteral("a folder has no download link"));
        } else {
            entry.insert(QStringLiteral("fileName"), file->name);
            entry.insert(QStringLiteral("url"), QString::fromLatin1(ctx.signedUrl(*file, QString())));
            entry.insert(QStringLiteral("code"), QStringLiteral("0"));
            entry.insert(QStringLiteral("msg"), QStringLiteral("Success."));
            ++succeeded;
        }
        downloads.append(entry);
    }
    // batchCode: 0 partly, 1 all succeeded, 2 all failed (../shared/koodrive-api/README.md).
    const int batchCode = succeeded == fileIds->size() ? 1 : succeeded == 0 ? 2 : 0;
    return SimReply::success(
        {{QStringLiteral("batchCode"), batchCode}, {QStringLiteral("downloads"), downloads}});
}
} // namespace

void FileRoutes::install(SimHttpServer &server, SimContext &ctx)
{
    server.route("POST", ApiRoot + QStringLiteral("/files/download"), Access::Session,
                 withContext(ctx, downloadLinks));
    server.route("POST", ApiRoot + QStringLiteral("/files/{fileId}/detail"), Access::Session,
                 withContext(ctx, fileDetail));
    server.route("POST", ApiRoot + QStringLiteral("/files/{type}"), Access::Session,
                 withContext(ctx, listFiles));
}

} // namespace koodrive::sim
