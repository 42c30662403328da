#include "SearchRoutes.h"

#include "FileSearch.h"
#include "FileStore.h"
#include "FileTree.h"
#include "JsonFields.h"
#include "JsonWriter.h"
#include "SimContext.h"
#include "SimError.h"
#include "SimHttpServer.h"
#include "UtcTime.h"

#include <QCryptographicHash>
#include <QDateTime>

namespace koodrive::sim {

namespace {
using Access = SimHttpServer::Access;

// updateTimeRange, a String (the vendor's Search page): "from,to", each an ISO 8601 time or epoch
// milliseconds, either may be empty (README).
void readTimeRange(const QJsonObject &filter, FileSearch::Query &query)
{
    const QString name = QStringLiteral("filter.updateTimeRange");
    const auto text = JsonFields::string(filter.value(QStringLiteral("updateTimeRange")), name, 64);
    if (!text)
        return;
    const QStringList parts = text->split(QLatin1Char(','));
    if (parts.size() != 2)
        throw SimError::parameter(name,
                                  QStringLiteral("%1 is \"from,to\" (ISO 8601 or epoch ms, either may be "
                                                 "empty)")
                                      .arg(name));
    auto time = [&name](const QString &part) -> std::optional<qint64> {
        const QString trimmed = part.trimmed();
        if (trimmed.isEmpty())
            return std::nullopt;
        bool number = false;
        const qint64 ms = trimmed.toLongLong(&number);
        if (number)
            return ms;
        const QDateTime at = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
        if (!at.isValid())
            throw SimError::parameter(name, QStringLiteral("%1: \"%2\" is not a time").arg(name, trimmed));
        return at.toMSecsSinceEpoch();
    };
    query.updatedFromMs = time(parts.at(0));
    query.updatedToMs = time(parts.at(1));
}

void writeHit(JsonWriter &out, SimContext &ctx, const FileRow &f, const FileTree::Paths &paths, bool favorite,
              const QString &process)
{
    out.beginObject()
        .field("id", f.id)
        .field("fileName", f.name)
        .field("fileType", QString::number(f.fileType))
        .field("size", f.size)
        .field("updateTime", UtcTime::iso(f.editedMs).constData())
        .field("namePath", paths.names)
        .field("idPath", paths.ids)
        .field("containerId", f.containerId)
        .field("favorite", favorite)
        .key("downloadLinks")
        .beginArray();
    // The thumbnail (images and videos) at imageProcess, and the original (README).
    if (f.isImage() || f.isVideo())
        out.beginObject()
            .field("usage", "thumbnail")
            .field("process", process)
            .field("url", ctx.signedUrl(f, process).constData())
            .endObject();
    if (!f.isFolder())
        out.beginObject()
            .field("usage", "content")
            .field("url", ctx.signedUrl(f, QString()).constData())
            .endObject();
    out.endArray().endObject();
}

SimReply search(SimContext &ctx, SimRequest &request)
{
    const QJsonObject body = request.json();
    const QString searchType = JsonFields::requiredString(body.value(QStringLiteral("searchType")),
                                                          QStringLiteral("searchType"), 1, 32);
    if (searchType != QLatin1String("personal"))
        throw SimError::parameter(QStringLiteral("searchType"), QStringLiteral("searchType is \"personal\""));
    const QJsonValue pageInfoValue = body.value(QStringLiteral("pageInfo"));
    if (!pageInfoValue.isObject())
        throw SimError::parameter(QStringLiteral("pageInfo"),
                                  QStringLiteral("pageInfo is required: an object"));
    const QJsonObject pageInfo = pageInfoValue.toObject();
    const QJsonObject filter = JsonFields::optionalObject(body, QStringLiteral("filter"));
    const QJsonObject sortInfo = JsonFields::optionalObject(body, QStringLiteral("sortInfo"));

    FileSearch::Query query;
    query.pageSize = int(JsonFields::requiredIntegerIn(pageInfo.value(QStringLiteral("pageSize")),
                                                       QStringLiteral("pageInfo.pageSize"), 1, 100));
    const auto cursorText = JsonFields::string(pageInfo.value(QStringLiteral("pageCursor")),
                                               QStringLiteral("pageInfo.pageCursor"), 2048);
    query.keyWord =
        JsonFields::string(filter.value(QStringLiteral("keyWord")), QStringLiteral("filter.keyWord"), 255)
            .value_or(QString());
    const auto containerId = JsonFields::string(filter.value(QStringLiteral("containerId")),
                                                QStringLiteral("filter.containerId"), 64);
    const auto parentFolder = JsonFields::string(filter.value(QStringLiteral("parentFolder")),
                                                 QStringLiteral("filter.parentFolder"), 64);
    if (const auto fileType = JsonFields::integer(filter.value(QStringLiteral("fileType")),
                                                  QStringLiteral("filter.fileType"))) {
        if (!FileType::isKnown(int(*fileType)))
            throw SimError::parameter(
                QStringLiteral("filter.fileType"),
                QStringLiteral("filter.fileType must be one of 10, 11, 15, 20, 26, 27, 28, 30, "
                               "35, 40, 45"));
        query.fileType = int(*fileType);
    }
    readTimeRange(filter, query);
    query.ownerId =
        JsonFields::string(filter.value(QStringLiteral("ownerId")), QStringLiteral("filter.ownerId"), 64)
            .value_or(QString());
    query.sortType =
        int(JsonFields::integerIn(sortInfo.value(QStringLiteral("sortType")),
                                  QStringLiteral("sortInfo.sortType"), 1, 6, FileStore::ByEdited));
    if (query.sortType == FileStore::ByRecycled)
        throw SimError::parameter(
            QStringLiteral("sortInfo.sortType"),
            QStringLiteral("search finds no file of the recycle bin: sortType 5 has no order"));
    query.descending = JsonFields::integerIn(sortInfo.value(QStringLiteral("sortDirection")),
                                             QStringLiteral("sortInfo.sortDirection"), 1, 2, 2) == 2;
    query.recursive =
        JsonFields::boolean(body.value(QStringLiteral("recursived")), QStringLiteral("recursived"))
            .value_or(false);
    const QString process = SimContext::thumbnailProcess(body.value(QStringLiteral("imageProcess")),
                                                         QStringLiteral("imageProcess"));
    // The vendor's Search page: containerId is required when parentFolder is given.
    if (parentFolder && !containerId)
        throw SimError::parameter(QStringLiteral("filter.containerId"),
                                  QStringLiteral("filter.containerId is required with filter.parentFolder"));

    const SimContext::Space space = ctx.callSpace(request, containerId, QStringLiteral("filter.containerId"));
    query.containerId = space.containerId;
    query.folderId = ctx.folder(space, parentFolder.value_or(QStringLiteral("root")),
                                QStringLiteral("filter.parentFolder"));
    query.wholeSpace = query.recursive && query.folderId == space.rootFolderId;
    // A cursor is good for the same search in the same order only.
    const QString listing =
        QStringLiteral("search:") +
        QString::fromLatin1(
            QCryptographicHash::hash(QStringList{query.containerId, query.folderId,
                                                 QString::number(query.recursive), query.keyWord,
                                                 QString::number(query.fileType), query.ownerId,
                                                 QString::number(query.updatedFromMs.value_or(-1)),
                                                 QString::number(query.updatedToMs.value_or(-1))}
                                         .join(QChar(0))
                                         .toUtf8(),
                                     QCryptographicHash::Sha1)
                .toHex()
                .left(20));
    if (cursorText) {
        query.after = FileCursor::decode(*cursorText);
        if (!query.after || query.after->listing != listing || query.after->sortType != query.sortType ||
            query.after->descending != query.descending)
            throw SimError::parameter(QStringLiteral("pageInfo.pageCursor"),
                                      QStringLiteral("pageCursor does not belong to this search and order"));
    }

    FileSearch::Page page = FileSearch(ctx.store).run(query);
    FileTree tree(ctx.store, ctx.files);
    FileTree::PathCache paths;
    const QSet<QString> favourites = ctx.favourites(request.userId, page.rows);
    JsonWriter out;
    out.reserve(1200 * (page.rows.size() + 1));
    out.beginObject().key("files").beginArray();
    for (const FileRow &row : std::as_const(page.rows))
        writeHit(out, ctx, row, tree.paths(row, space.rootFolderId, &paths), favourites.contains(row.id),
                 process);
    out.endArray().field("total", page.total);
    if (page.next) {
        page.next->listing = listing;
        out.field("nextPageCursor", page.next->encode());
    }
    out.field("code", 0).field("msg", "Success.").endObject();
    return SimReply::jsonText(out.take());
}
} // namespace

void SearchRoutes::install(SimHttpServer &server, SimContext &ctx)
{
    server.route("POST", ApiRoot + QStringLiteral("/files/search"), Access::Session,
                 withContext(ctx, search));
}

} // namespace koodrive::sim
