// KooDriveClient: the batch jobs of OPERATIONS.md §5 (CreateJob, GetJobDetail, GetJobList, CancelJob) and
// emptying the recycle bin.
#include "ClientCall.h"

#include <QJsonArray>
#include <QSet>

namespace koodrive::api {

using namespace checks;

namespace {
// The pages say nothing of a job id's form; they are numbers (the examples, koodrive-sim's 19 digits). A
// job's detail is GET /{jobId} with no "jobs/" before it, so an id that is not digits would be another
// call ("jobs", "album"): refused before sending.
std::optional<ApiError> checkJobId(const QString &jobId)
{
    if (auto error = checkText("jobId", jobId, 1, 64))
        return error;
    for (const QChar c : jobId)
        if (c < u'0' || c > u'9')
            return ApiError::invalidInput(
                QStringLiteral("jobId"),
                QCoreApplication::translate("KooDriveClient", "A job's id is a number."));
    return std::nullopt;
}

constexpr int MaxJobFiles = 1000; // fileInfo's bound as koodrive-sim reads it (README); the pages give none
} // namespace

CallHandle KooDriveClient::createJob(const NewJob &job, QObject *context, Callback<QString> done)
{
    // OPERATIONS.md §5: POST /jobs {taskType, actionType, taskInfo{fileInfo[{fileId, filePath}],
    // srcContainerId, newFilePath}, dstContainerId}.
    static const struct
    {
        int taskType;
        int actionType; // 0: none (restore takes none)
    } kinds[] = {{2, 201}, {2, 202}, {4, 0}, {3, 301}, {1, 101}};
    const auto kind = kinds[int(job.action)];
    const bool toFolder = job.action == JobAction::Move || job.action == JobAction::Copy;
    std::optional<ApiError> error = firstOf({checkRange("fileInfo", job.files.size(), 1, MaxJobFiles),
                                             checkText("srcContainerId", job.srcContainerId, 1, 64),
                                             checkShareFolder(job.shareFolderId)});
    if (!error && toFolder)
        error = firstOf({checkText("dstContainerId", job.dstContainerId, 1, 64),
                         checkText("newFilePath", job.newFilePath, 1, 4096)});
    QJsonArray files;
    QSet<QString> seen;
    for (const JobFile &file : job.files) {
        if (error)
            break;
        error = firstOf(
            {checkText("fileId", file.fileId, 1, 64),
             // "moving to the recycle bin needs it, or the file cannot be restored later"
             checkText("filePath", file.filePath, job.action == JobAction::ToRecycleBin ? 1 : 0, 4096)});
        if (!error && seen.contains(file.fileId))
            error = ApiError::invalidInput(
                QStringLiteral("fileId"),
                QCoreApplication::translate("KooDriveClient", "A file is in the job twice."));
        seen.insert(file.fileId);
        QJsonObject entry{{QStringLiteral("fileId"), file.fileId}};
        if (!file.filePath.isEmpty())
            entry.insert(QStringLiteral("filePath"), file.filePath);
        files.append(entry);
    }
    if (error)
        return reject(*error, context, std::move(done));
    QJsonObject taskInfo{{QStringLiteral("fileInfo"), files},
                         {QStringLiteral("srcContainerId"), job.srcContainerId}};
    QJsonObject body{{QStringLiteral("taskType"), kind.taskType}};
    if (kind.actionType)
        body.insert(QStringLiteral("actionType"), kind.actionType);
    if (toFolder) {
        taskInfo.insert(QStringLiteral("newFilePath"), job.newFilePath);
        body.insert(QStringLiteral("dstContainerId"), job.dstContainerId);
    }
    body.insert(QStringLiteral("taskInfo"), taskInfo);
    ApiRequest request{"POST", Api + QStringLiteral("/jobs"), {}, json(body), false};
    request.shareFolderId = job.shareFolderId;
    return call<QString>(std::move(request), context, std::move(done), &ResponseParsers::jobId);
}

CallHandle KooDriveClient::jobDetail(const QString &jobId, QObject *context, Callback<JobDetail> done)
{
    // OPERATIONS.md §5: GET /{jobId}, with no "jobs/" in the path.
    if (auto error = checkJobId(jobId))
        return reject(*error, context, std::move(done));
    return call<JobDetail>({"GET", Api + QLatin1Char('/') + jobId, {}, {}, true}, context, std::move(done),
                           &ResponseParsers::jobDetail);
}

CallHandle KooDriveClient::listJobs(const JobListQuery &query, QObject *context, Callback<JobPage> done)
{
    // OPERATIONS.md §5: GET /jobs?offset=&limit=(1..100)&type=&status=.
    if (auto error =
            firstOf({checkRange("offset", query.offset, 0, std::numeric_limits<int>::max()),
                     checkRange("limit", query.limit, 1, 100), checkRange("type", query.taskType, 0, 7),
                     checkRange("status", query.status, -1, JobStatus::Cancelled)}))
        return reject(*error, context, std::move(done));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("offset"), QString::number(query.offset));
    q.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    if (query.taskType)
        q.addQueryItem(QStringLiteral("type"), QString::number(query.taskType));
    if (query.status >= 0)
        q.addQueryItem(QStringLiteral("status"), QString::number(query.status));
    return call<JobPage>(
        {"GET", Api + QStringLiteral("/jobs"), q, {}, true}, context, std::move(done),
        atMost(query.limit, &ResponseParsers::jobPage, [](const JobPage &page) { return page.jobs.size(); }));
}

CallHandle KooDriveClient::cancelJob(const QString &jobId, QObject *context, Callback<Done> done)
{
    // OPERATIONS.md §5: POST /cancel {jobId}, for a waiting or running job.
    if (auto error = checkJobId(jobId))
        return reject(*error, context, std::move(done));
    return call<Done>(
        {"POST", Api + QStringLiteral("/cancel"), {}, json({{QStringLiteral("jobId"), jobId}}), false},
        context, std::move(done), &acknowledged);
}

CallHandle KooDriveClient::emptyRecycleBin(const RecycleBin &bin, QObject *context, Callback<QString> done)
{
    // OPERATIONS.md §5: POST /files/recycle {containerId}, asynchronously. The page names no answer but
    // {code, msg}; koodrive-sim answers the job's id in `data`, as CreateJob.
    if (auto error =
            firstOf({checkText("containerId", bin.containerId, 1, 64), checkShareFolder(bin.shareFolderId)}))
        return reject(*error, context, std::move(done));
    ApiRequest request{"POST",
                       Api + QStringLiteral("/files/recycle"),
                       {},
                       json({{QStringLiteral("containerId"), bin.containerId}}),
                       false};
    request.shareFolderId = bin.shareFolderId;
    return call<QString>(std::move(request), context, std::move(done),
                         [](const QJsonObject &answer) -> Result<QString> {
                             if (!answer.contains(QStringLiteral("data")))
                                 return QString();
                             return ResponseParsers::jobId(answer);
                         });
}

} // namespace koodrive::api
