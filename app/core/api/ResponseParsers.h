#pragma once

#include "ApiTypes.h"
#include "Result.h"

#include <QJsonObject>

namespace koodrive::api::ResponseParsers {

// The pages' two error shapes and the success envelope (../shared/koodrive-api/README.md): a 2xx answer
// whose JSON "code" is 0 (integer or string) is a success; a 2xx with another code, or a 4xx with
// {"error":{...,"errorDetail":[...]}}, is a refusal; anything that is not JSON is a bad response. The job
// calls may also answer {error_code, error_msg} with an X-request-id header (OPERATIONS.md §5): a refusal
// too, carrying `requestId`.
Result<QJsonObject> envelope(int httpStatus, const QByteArray &body, const QString &traceId,
                             const QString &requestId = {});

Result<AlbumPage> albumPage(const QJsonObject &json);
Result<QString> createdAlbumId(const QJsonObject &json);
Result<FilePage> filePage(const QJsonObject &json);
Result<DriveFile> file(const QJsonObject &json);
Result<AlbumContentsPage> albumContents(const QJsonObject &json);
Result<QVector<DownloadLink>> downloadLinks(const QJsonObject &json);
Result<SpaceInfo> space(const QJsonObject &json);
Result<QVector<ShareFolder>> shareFolders(const QJsonObject &json);
Result<Session> session(const QJsonObject &json);

// OPERATIONS.md §3: createFile's answer, and uploadUrl's parts.
Result<CreatedUpload> createdUpload(const QJsonObject &json);
Result<QVector<UploadPart>> partUrls(const QJsonObject &json);
// OPERATIONS.md §5: CreateJob's (and emptying the bin's) `data`, GetJobDetail, GetJobList.
Result<QString> jobId(const QJsonObject &json);
Result<JobDetail> jobDetail(const QJsonObject &json);
Result<JobPage> jobPage(const QJsonObject &json);
// OPERATIONS.md §6 and §7.
Result<StarBatch> starBatch(const QJsonObject &json);
Result<StarredPage> starredPage(const QJsonObject &json);
Result<SearchPage> searchPage(const QJsonObject &json);
// OPERATIONS.md §4.
Result<CreatedFolder> createdFolder(const QJsonObject &json);
// renameFile answers {code, msg}; koodrive-sim adds the name the file now has. Empty when not said.
Result<QString> renamedFileName(const QJsonObject &json);

// "2025-10-13T03:11:51.147Z" (also without milliseconds) to milliseconds since the epoch; -1 if malformed.
qint64 isoTime(QStringView text);

} // namespace koodrive::api::ResponseParsers
