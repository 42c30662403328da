// KooDriveClient: folders and names (OPERATIONS.md §4), favourites (§6) and search (§7).
#include "ClientCall.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>
#include <QTimeZone>

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

namespace koodrive::api {

using namespace checks;

namespace {
// files-list.txt, Table 3 and OPERATIONS.md §3: the file types a filter can name (0: any).
std::optional<ApiError> checkFilterType(int fileType)
{
    static const QSet<int> known{
        0, FileType::Folder, FileType::SmartFolder, FileType::Image, FileType::Video, 26, 27, 28, 30, 35, 40,
        45};
    if (known.contains(fileType))
        return std::nullopt;
    return ApiError::invalidInput(
        QStringLiteral("fileType"),
        QCoreApplication::translate("KooDriveClient", "fileType is not a KooDrive file type."));
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}
} // namespace

CallHandle KooDriveClient::starFiles(bool starred, const QVector<StarRef> &files, QObject *context,
                                     Callback<StarBatch> done)
{
    // OPERATIONS.md §6: POST /star/batch {starred, subRequestList[{containerId, fileId}] (<= 100, no
    // repeats)}.
    std::optional<ApiError> error = checkRange("subRequestList", files.size(), 1, 100);
    QJsonArray list;
    QSet<QString> seen;
    for (const StarRef &file : files) {
        if (error)
            break;
        error = firstOf(
            {checkText("containerId", file.containerId, 1, 64), checkText("fileId", file.fileId, 1, 64)});
        if (!error && seen.contains(file.fileId))
            error = ApiError::invalidInput(
                QStringLiteral("fileId"),
                QCoreApplication::translate("KooDriveClient", "A file is asked for twice."));
        seen.insert(file.fileId);
        list.append(QJsonObject{{QStringLiteral("containerId"), file.containerId},
                                {QStringLiteral("fileId"), file.fileId}});
    }
    if (error)
        return reject(*error, context, std::move(done));
    return call<StarBatch>(
        {"POST",
         Api + QStringLiteral("/star/batch"),
         {},
         json({{QStringLiteral("starred"), starred}, {QStringLiteral("subRequestList"), list}}),
         false},
        context, std::move(done),
        atMost(int(files.size()), &ResponseParsers::starBatch,
               [](const StarBatch &batch) { return batch.files.size(); }));
}

CallHandle KooDriveClient::listStarred(const StarredQuery &query, QObject *context,
                                       Callback<StarredPage> done)
{
    // OPERATIONS.md §6: GET /star/files?pageSize=(<= 100)&pageCursor=&sortType=1&sortDirection=&fileType=
    // &imageProcess=.
    if (auto error =
            firstOf({checkRange("pageSize", query.pageSize, 1, 100),
                     checkRange("sortDirection", query.sortDirection, 0, 2), checkFilterType(query.fileType),
                     checkText("imageProcess", query.imageProcess, 0, 300),
                     checkText("pageCursor", query.cursor, 0, 2048)}))
        return reject(*error, context, std::move(done));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("pageSize"), QString::number(query.pageSize));
    if (!query.cursor.isEmpty())
        q.addQueryItem(QStringLiteral("pageCursor"), segment(query.cursor));
    q.addQueryItem(QStringLiteral("sortType"), QStringLiteral("1")); // the only one the page names
    if (query.sortDirection)
        q.addQueryItem(QStringLiteral("sortDirection"), QString::number(query.sortDirection));
    if (query.fileType)
        q.addQueryItem(QStringLiteral("fileType"), QString::number(query.fileType));
    if (!query.imageProcess.isEmpty())
        q.addQueryItem(QStringLiteral("imageProcess"), segment(query.imageProcess));
    return call<StarredPage>({"GET", Api + QStringLiteral("/star/files"), q, {}, true}, context,
                             std::move(done),
                             atMost(query.pageSize, &ResponseParsers::starredPage,
                                    [](const StarredPage &page) { return page.files.size(); }));
}

CallHandle KooDriveClient::search(const SearchQuery &query, QObject *context, Callback<SearchPage> done)
{
    // OPERATIONS.md §7: POST /files/search {searchType "personal", pageInfo{pageSize 1..100, pageCursor},
    // filter{keyWord (1..255), containerId, parentFolder, fileType, updateTimeRange, ownerId}, sortInfo,
    // recursived, imageProcess (<= 300)}.
    std::optional<ApiError> error = firstOf(
        {checkText("keyWord", query.keyWord, 0, 255), checkText("containerId", query.containerId, 0, 64),
         checkText("parentFolder", query.parentFolderId, 0, 64), checkFilterType(query.fileType),
         checkText("ownerId", query.ownerId, 0, 64), checkRange("pageSize", query.pageSize, 1, 100),
         checkText("pageCursor", query.cursor, 0, 2048), checkRange("sortType", query.sortType, 0, 6),
         checkRange("sortDirection", query.sortDirection, 0, 2),
         checkText("imageProcess", query.imageProcess, 0, 300), checkShareFolder(query.shareFolderId),
         checkRange("updatedFromMs", query.updatedFromMs, 0, 253402300799999),
         checkRange("updatedToMs", query.updatedToMs, 0, 253402300799999)});
    // The vendor's Search page: a parent folder needs its container.
    if (!error && !query.parentFolderId.isEmpty() && query.containerId.isEmpty())
        error = checkText("containerId", query.containerId, 1, 64);
    // koodrive-sim's reading (README): search finds nothing in the recycle bin, so sortType 5 orders nothing.
    if (!error && query.sortType == 5)
        error = ApiError::invalidInput(
            QStringLiteral("sortType"),
            QCoreApplication::translate("KooDriveClient",
                                        "Search finds nothing in the recycle bin to sort by."));
    if (!error && query.updatedFromMs && query.updatedToMs && query.updatedFromMs > query.updatedToMs)
        error = checkRange("updatedFromMs", query.updatedFromMs, 0, query.updatedToMs);
    if (error)
        return reject(*error, context, std::move(done));
    QJsonObject filter;
    if (!query.keyWord.isEmpty())
        filter.insert(QStringLiteral("keyWord"), query.keyWord);
    if (!query.containerId.isEmpty())
        filter.insert(QStringLiteral("containerId"), query.containerId);
    if (!query.parentFolderId.isEmpty())
        filter.insert(QStringLiteral("parentFolder"), query.parentFolderId);
    if (query.fileType)
        filter.insert(QStringLiteral("fileType"),
                      QString::number(query.fileType)); // a String, as in files list
    if (query.updatedFromMs || query.updatedToMs) // "from,to", either may be open (koodrive-sim's reading)
        filter.insert(QStringLiteral("updateTimeRange"),
                      QString((query.updatedFromMs ? isoTime(query.updatedFromMs) : QString()) +
                              QLatin1Char(',') +
                              (query.updatedToMs ? isoTime(query.updatedToMs) : QString())));
    if (!query.ownerId.isEmpty())
        filter.insert(QStringLiteral("ownerId"), query.ownerId);
    QJsonObject body{{QStringLiteral("searchType"), QStringLiteral("personal")},
                     {QStringLiteral("pageInfo"), QJsonObject{{QStringLiteral("pageSize"), query.pageSize},
                                                              {QStringLiteral("pageCursor"), query.cursor}}},
                     {QStringLiteral("filter"), filter},
                     {QStringLiteral("recursived"), query.recursive}};
    if (query.sortType)
        body.insert(QStringLiteral("sortInfo"), QJsonObject{{QStringLiteral("sortType"), query.sortType},
                                                            {QStringLiteral("sortDirection"),
                                                             query.sortDirection ? query.sortDirection : 2}});
    if (!query.imageProcess.isEmpty())
        body.insert(QStringLiteral("imageProcess"), query.imageProcess);
    ApiRequest request{"POST", Api + QStringLiteral("/files/search"), {}, json(body), true};
    request.shareFolderId = query.shareFolderId;
    return call<SearchPage>(std::move(request), context, std::move(done),
                            atMost(query.pageSize, &ResponseParsers::searchPage,
                                   [](const SearchPage &page) { return page.hits.size(); }));
}

} // namespace koodrive::api
