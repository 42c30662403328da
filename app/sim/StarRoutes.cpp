#include "StarRoutes.h"

#include "FileStore.h"
#include "JsonFields.h"
#include "JsonWriter.h"
#include "SimClock.h"
#include "SimContext.h"
#include "SimError.h"
#include "SimHttpServer.h"
#include "SimStore.h"
#include "StarStore.h"

#include <QJsonArray>

namespace koodrive::sim {

namespace {
using Access = SimHttpServer::Access;
constexpr int MaxBatch = 100;

SimReply batchStar(SimContext &ctx, SimRequest &request)
{
    const QJsonObject body = request.json();
    const auto starred =
        JsonFields::boolean(body.value(QStringLiteral("starred")), QStringLiteral("starred"));
    if (!starred)
        throw SimError::parameter(QStringLiteral("starred"),
                                  QStringLiteral("starred is required: true or false"));
    const QJsonValue list = body.value(QStringLiteral("subRequestList"));
    if (!list.isArray() || list.toArray().isEmpty() || list.toArray().size() > MaxBatch)
        throw SimError::parameter(QStringLiteral("subRequestList"),
                                  QStringLiteral("subRequestList needs 1 to 100 {containerId, fileId}"));
    struct Entry
    {
        QString containerId;
        QString fileId;
    };
    QVector<Entry> entries;
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString prefix = QStringLiteral("subRequestList[%1]").arg(i);
        if (!array.at(i).isObject())
            throw SimError::parameter(
                prefix, QStringLiteral("%1 must be an object {containerId, fileId}").arg(prefix));
        const QJsonObject item = array.at(i).toObject();
        Entry entry{JsonFields::requiredString(item.value(QStringLiteral("containerId")),
                                               prefix + QStringLiteral(".containerId"), 1, 64),
                    JsonFields::requiredString(item.value(QStringLiteral("fileId")),
                                               prefix + QStringLiteral(".fileId"), 1, 64)};
        for (const Entry &earlier : std::as_const(entries))
            if (earlier.fileId == entry.fileId)
                throw SimError::parameter(prefix + QStringLiteral(".fileId"),
                                          QStringLiteral("%1 repeats a file").arg(prefix));
        entries.append(entry);
    }

    // Each file has its own result (OPERATIONS.md §6); the batch is one change.
    StarStore stars(ctx.store);
    const qint64 now = ctx.clock.nowMs();
    QJsonArray responses;
    int succeeded = 0;
    SimStore::Transaction transaction(ctx.store);
    for (const Entry &entry : std::as_const(entries)) {
        QString code = QStringLiteral("0");
        QString message = QStringLiteral("Success.");
        try {
            const SimContext::Space space =
                ctx.space(request.userId, entry.containerId, QStringLiteral("containerId"));
            const auto file = ctx.files.file(entry.fileId);
            if (!file || file->containerId != space.containerId || file->recycled)
                throw SimError(400, QString::fromLatin1(ErrorCode::FileNotInSpace), QStringLiteral("fileId"),
                               QStringLiteral("the file is not in this space"));
            if (*starred)
                stars.star(request.userId, file->id, now);
            else
                stars.unstar(request.userId, file->id);
            ++succeeded;
        } catch (const SimError &error) {
            code = error.errorCode();
            message = error.description();
        }
        responses.append(QJsonObject{{QStringLiteral("fileId"), entry.fileId},
                                     {QStringLiteral("code"), code},
                                     {QStringLiteral("message"), message}});
    }
    transaction.commit();
    // status: 0 all succeeded, 1 some, 2 none.
    const int status = succeeded == entries.size() ? 0 : succeeded == 0 ? 2 : 1;
    return SimReply::success(
        {{QStringLiteral("status"), status}, {QStringLiteral("subResponseList"), responses}});
}

SimReply listStars(SimContext &ctx, SimRequest &request)
{
    auto param = [&request](const char *name) { return QJsonValue(request.queryValue(QLatin1String(name))); };
    // listStarFile: pageSize ≤ 100 (default 100), sortType 1 (time starred), sortDirection 1 up, 2 down
    // (default).
    StarStore::Query query;
    query.pageSize = int(JsonFields::integerIn(param("pageSize"), QStringLiteral("pageSize"), 1, 100, 100));
    JsonFields::integerIn(param("sortType"), QStringLiteral("sortType"), 1, 1, 1);
    query.descending =
        JsonFields::integerIn(param("sortDirection"), QStringLiteral("sortDirection"), 1, 2, 2) == 2;
    if (const auto fileType = JsonFields::integer(param("fileType"), QStringLiteral("fileType"))) {
        if (!FileType::isKnown(int(*fileType)))
            throw SimError::parameter(
                QStringLiteral("fileType"),
                QStringLiteral("fileType must be one of 10, 11, 15, 20, 26, 27, 28, 30, 35, 40, "
                               "45"));
        query.fileType = int(*fileType);
    }
    const QString process =
        SimContext::thumbnailProcess(param("imageProcess"), QStringLiteral("imageProcess"));
    const QString listing = QStringLiteral("star:") + request.userId;
    if (const auto cursor = JsonFields::string(param("pageCursor"), QStringLiteral("pageCursor"), 2048)) {
        query.after = FileCursor::decode(*cursor);
        if (!query.after || query.after->listing != listing || query.after->descending != query.descending)
            throw SimError::parameter(QStringLiteral("pageCursor"),
                                      QStringLiteral("pageCursor does not belong to this list and order"));
    }
    const StarStore::Page page = StarStore(ctx.store).page(request.userId, query);
    JsonWriter out;
    out.reserve(2200 * (page.files.size() + 1));
    out.beginObject().key("starFiles").beginArray();
    for (const FileRow &file : page.files)
        ctx.writeFile(out, file, request.userId, process, true);
    out.endArray();
    if (page.next)
        out.field("nextCursor", page.next->encode());
    // autoDeleted: this page left out starred files that are in the recycle bin (README).
    out.field("autoDeleted", page.leftOutInBin > 0).field("code", 0).field("msg", "Success.").endObject();
    return SimReply::jsonText(out.take());
}
} // namespace

void StarRoutes::install(SimHttpServer &server, SimContext &ctx)
{
    server.route("POST", ApiRoot + QStringLiteral("/star/batch"), Access::Session,
                 withContext(ctx, batchStar));
    server.route("GET", ApiRoot + QStringLiteral("/star/files"), Access::Session,
                 withContext(ctx, listStars));
}

} // namespace koodrive::sim
