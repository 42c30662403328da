#include "JobRoutes.h"

#include "FileStore.h"
#include "FileTree.h"
#include "JobRunner.h"
#include "JobStore.h"
#include "JsonFields.h"
#include "SimClock.h"
#include "SimContext.h"
#include "SimError.h"
#include "SimHttpServer.h"
#include "SimIds.h"
#include "SimStore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTimeZone>

namespace koodrive::sim {

namespace {
using Access = SimHttpServer::Access;
constexpr int MaxFiles = 1000; // fileInfo's bound (README; the pages give none)

// Job times as GetJobDetail's example writes them: "20231212095227" (UTC).
QString jobTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(QStringLiteral("yyyyMMddHHmmss"));
}

QJsonObject jobInfo(const JobRow &job, const JobStore::Tally &tally)
{
    QJsonObject info{{QStringLiteral("taskId"), job.id},
                     {QStringLiteral("userId"), job.userId},
                     {QStringLiteral("taskType"), job.taskType},
                     {QStringLiteral("status"), job.status},
                     {QStringLiteral("progress"), job.status == JobStatus::Done || tally.total == 0
                                                      ? 100
                                                      : tally.done() * 100 / tally.total},
                     {QStringLiteral("contentNum"), tally.total},
                     {QStringLiteral("successNum"), tally.succeeded},
                     {QStringLiteral("failNum"), tally.failed},
                     {QStringLiteral("containerId"), job.containerId},
                     {QStringLiteral("createTime"), jobTime(job.createdMs)}};
    if (job.actionType != 0)
        info.insert(QStringLiteral("actionType"), job.actionType);
    if (!job.dstContainerId.isEmpty())
        info.insert(QStringLiteral("dstContainerId"), job.dstContainerId);
    if (job.beginMs)
        info.insert(QStringLiteral("beginTime"), jobTime(job.beginMs));
    if (job.endMs)
        info.insert(QStringLiteral("endTime"), jobTime(job.endMs));
    // taskResultCode: 1 all ok, 2 some failed, 3 all failed; over the files, once the job has ended (a
    // cancel's files not done count as failed).
    if (job.status == JobStatus::Done || job.status == JobStatus::Cancelled)
        info.insert(QStringLiteral("taskResultCode"), tally.failed == 0 ? 1 : tally.succeeded == 0 ? 3 : 2);
    return info;
}

JobRow ownJob(SimContext &ctx, const SimRequest &request, const QString &jobId)
{
    const auto job = JobStore(ctx.store).job(jobId);
    if (!job || job->userId != request.userId)
        throw SimError::missing(QStringLiteral("jobId"), QStringLiteral("there is no such job"));
    return *job;
}

// newFilePath: the destination folder's id path ("/<root id>/…/<folder id>", as idPath), or its id alone.
QString destinationFolder(SimContext &ctx, const SimContext::Space &space, const QString &path)
{
    const QString name = QStringLiteral("taskInfo.newFilePath");
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.isEmpty())
        throw SimError::parameter(name, QStringLiteral("%1 is required for a copy or a move").arg(name));
    const QString folder = ctx.targetFolder(space, segments.constLast(), name);
    if (segments.size() > 1) {
        const auto row = ctx.files.file(folder);
        const QString expected = folder == space.rootFolderId
                                     ? QLatin1Char('/') + folder
                                     : FileTree(ctx.store, ctx.files).paths(*row, space.rootFolderId).ids;
        if (QLatin1Char('/') + segments.join(QLatin1Char('/')) != expected)
            throw SimError::parameter(
                name, QStringLiteral("%1 is not the folder's id path (%2)").arg(name, expected));
    }
    return folder;
}

SimReply createJob(SimContext &ctx, JobRunner &runner, SimRequest &request)
{
    const QJsonObject body = request.json();
    JobRow job;
    job.taskType = int(JsonFields::requiredIntegerIn(body.value(QStringLiteral("taskType")),
                                                     QStringLiteral("taskType"), 1, 4));
    const auto action =
        JsonFields::integer(body.value(QStringLiteral("actionType")), QStringLiteral("actionType"));
    static const int actions[] = {0, 101, 0, 301, 0};
    if (job.taskType == 2) {
        if (action != 201 && action != 202)
            throw SimError::parameter(
                QStringLiteral("actionType"),
                QStringLiteral("taskType 2 needs actionType 201 (to the recycle bin) or 202 "
                               "(for good)"));
        job.actionType = int(*action);
    } else if (job.taskType == 4) {
        if (action)
            throw SimError::parameter(QStringLiteral("actionType"),
                                      QStringLiteral("actionType is for taskType 1, 2 and 3 only"));
    } else {
        job.actionType = actions[job.taskType];
        if (action && *action != job.actionType)
            throw SimError::parameter(
                QStringLiteral("actionType"),
                QStringLiteral("taskType %1 takes actionType %2").arg(job.taskType).arg(job.actionType));
    }
    const QJsonValue taskInfoValue = body.value(QStringLiteral("taskInfo"));
    if (!taskInfoValue.isObject())
        throw SimError::parameter(QStringLiteral("taskInfo"),
                                  QStringLiteral("taskInfo is required: an object"));
    const QJsonObject taskInfo = taskInfoValue.toObject();
    const QJsonValue fileInfo = taskInfo.value(QStringLiteral("fileInfo"));
    if (!fileInfo.isArray() || fileInfo.toArray().isEmpty() || fileInfo.toArray().size() > MaxFiles)
        throw SimError::parameter(QStringLiteral("taskInfo.fileInfo"),
                                  QStringLiteral("taskInfo.fileInfo needs 1 to 1000 {fileId, filePath}"));
    QVector<JobItem> items;
    const QJsonArray files = fileInfo.toArray();
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString entry = QStringLiteral("taskInfo.fileInfo[%1]").arg(i);
        if (!files.at(i).isObject())
            throw SimError::parameter(entry,
                                      QStringLiteral("%1 must be an object {fileId, filePath}").arg(entry));
        const QJsonObject file = files.at(i).toObject();
        JobItem item;
        item.seq = int(i);
        item.fileId = JsonFields::requiredString(file.value(QStringLiteral("fileId")),
                                                 entry + QStringLiteral(".fileId"), 1, 64);
        item.filePath = JsonFields::string(file.value(QStringLiteral("filePath")),
                                           entry + QStringLiteral(".filePath"), 4096)
                            .value_or(QString());
        // OPERATIONS.md §5: to the recycle bin needs filePath, or the file cannot be restored later.
        if (job.actionType == 201 && item.filePath.isEmpty())
            throw SimError::parameter(entry + QStringLiteral(".filePath"),
                                      QStringLiteral("moving to the recycle bin needs the file's id path"));
        for (const JobItem &earlier : std::as_const(items))
            if (earlier.fileId == item.fileId)
                throw SimError::parameter(entry + QStringLiteral(".fileId"),
                                          QStringLiteral("%1 repeats a file").arg(entry));
        items.append(item);
    }
    const QString srcContainerId = JsonFields::requiredString(
        taskInfo.value(QStringLiteral("srcContainerId")), QStringLiteral("taskInfo.srcContainerId"), 1, 64);
    const SimContext::Space space =
        ctx.callSpace(request, srcContainerId, QStringLiteral("taskInfo.srcContainerId"));
    const auto dstContainerId = JsonFields::string(body.value(QStringLiteral("dstContainerId")),
                                                   QStringLiteral("dstContainerId"), 64);
    const QString newFilePath = JsonFields::string(taskInfo.value(QStringLiteral("newFilePath")),
                                                   QStringLiteral("taskInfo.newFilePath"), 4096)
                                    .value_or(QString());
    if (job.taskType == 1 || job.taskType == 3) {
        if (!dstContainerId)
            throw SimError::parameter(QStringLiteral("dstContainerId"),
                                      QStringLiteral("dstContainerId is required for a copy or a move"));
        const SimContext::Space destination =
            ctx.space(request.userId, *dstContainerId, QStringLiteral("dstContainerId"));
        job.dstContainerId = destination.containerId;
        job.dstFolderId = destinationFolder(ctx, destination, newFilePath);
    } else if (dstContainerId) {
        ctx.space(request.userId, *dstContainerId, QStringLiteral("dstContainerId"));
        job.dstContainerId = *dstContainerId;
    }
    job.id = SimIds::numeric(19);
    job.userId = request.userId;
    job.containerId = space.containerId;
    job.createdMs = ctx.clock.nowMs();
    SimStore::Transaction transaction(ctx.store);
    JobStore(ctx.store).insert(job, items);
    transaction.commit();
    runner.wake();
    return SimReply::success({{QStringLiteral("data"), job.id}});
}

SimReply emptyRecycleBin(SimContext &ctx, JobRunner &runner, SimRequest &request)
{
    const QJsonObject body = request.json();
    const QString containerId = JsonFields::requiredString(body.value(QStringLiteral("containerId")),
                                                           QStringLiteral("containerId"), 1, 64);
    const SimContext::Space space = ctx.callSpace(request, containerId, QStringLiteral("containerId"));
    // What is in the bin now: later arrivals stay for the next emptying.
    QSqlQuery q =
        ctx.store.exec(QStringLiteral("SELECT id FROM files WHERE container_id = ? AND recycled = 1 AND "
                                      "recycled_by = id ORDER BY recycled_ms, id"),
                       {space.containerId});
    QVector<JobItem> items;
    while (q.next())
        items.append({int(items.size()), q.value(0).toString(), QString(), ItemStatus::Waiting, {}, {}, {}});
    JobRow job{SimIds::numeric(19),
               request.userId,
               7,
               701,
               JobStatus::Waiting,
               space.containerId,
               {},
               {},
               ctx.clock.nowMs(),
               0,
               0};
    SimStore::Transaction transaction(ctx.store);
    JobStore(ctx.store).insert(job, items);
    transaction.commit();
    runner.wake();
    return SimReply::success({{QStringLiteral("data"), job.id}});
}

SimReply jobDetail(SimContext &ctx, SimRequest &request)
{
    const JobRow job = ownJob(ctx, request, request.args.at(0));
    JobStore jobs(ctx.store);
    QJsonArray taskInfos;
    for (const JobItem &item : jobs.items(job.id)) {
        QJsonObject info{{QStringLiteral("fileId"), item.fileId},
                         {QStringLiteral("status"), QString::number(item.status)},
                         {QStringLiteral("srcContainerId"), job.containerId}};
        if (!item.filePath.isEmpty())
            info.insert(QStringLiteral("filePath"), item.filePath);
        if (!item.newFileId.isEmpty())
            info.insert(QStringLiteral("newFileId"), item.newFileId);
        if (!item.errorCode.isEmpty())
            info.insert(QStringLiteral("errorCode"), item.errorCode);
        if (!item.errorMessage.isEmpty())
            info.insert(QStringLiteral("errorMsg"), item.errorMessage);
        taskInfos.append(info);
    }
    return SimReply::success(
        {{QStringLiteral("data"), QJsonObject{{QStringLiteral("jobInfo"), jobInfo(job, jobs.tally(job.id))},
                                              {QStringLiteral("taskInfos"), taskInfos}}}});
}

SimReply listJobs(SimContext &ctx, SimRequest &request)
{
    auto param = [&request](const char *name) { return QJsonValue(request.queryValue(QLatin1String(name))); };
    const qint64 offset = JsonFields::requiredIntegerIn(param("offset"), QStringLiteral("offset"), 0,
                                                        std::numeric_limits<int>::max());
    const int limit = int(JsonFields::requiredIntegerIn(param("limit"), QStringLiteral("limit"), 1, 100));
    const int type = int(JsonFields::integerIn(param("type"), QStringLiteral("type"), 1, 7, -1));
    const int status = int(JsonFields::integerIn(param("status"), QStringLiteral("status"), 0, 3, -1));
    JobStore jobs(ctx.store);
    const JobStore::ListPage page = jobs.list(request.userId, int(offset), limit, type, status);
    QJsonArray list;
    for (const JobRow &job : page.jobs)
        list.append(jobInfo(job, jobs.tally(job.id)));
    return SimReply::success({{QStringLiteral("data"), QJsonObject{{QStringLiteral("total"), page.total},
                                                                   {QStringLiteral("jobs"), list}}}});
}

SimReply cancelJob(SimContext &ctx, SimRequest &request)
{
    const QJsonObject body = request.json();
    const QString jobId =
        JsonFields::requiredString(body.value(QStringLiteral("jobId")), QStringLiteral("jobId"), 1, 64);
    const JobRow job = ownJob(ctx, request, jobId);
    if (job.status == JobStatus::Done || job.status == JobStatus::Cancelled)
        throw SimError::parameter(
            QStringLiteral("jobId"),
            QStringLiteral("the job has ended: only a waiting or running job can be cancelled"));
    SimStore::Transaction transaction(ctx.store);
    JobStore(ctx.store).cancel(job.id, ctx.clock.nowMs());
    transaction.commit();
    return SimReply::success();
}
} // namespace

void JobRoutes::install(SimHttpServer &server, SimContext &ctx, JobRunner &runner)
{
    server.route("POST", ApiRoot + QStringLiteral("/jobs"), Access::Session,
                 [&ctx, &runner](SimRequest &request) { return createJob(ctx, runner, request); });
    server.route("GET", ApiRoot + QStringLiteral("/jobs"), Access::Session, withContext(ctx, listJobs));
    server.route("POST", ApiRoot + QStringLiteral("/cancel"), Access::Session, withContext(ctx, cancelJob));
    server.route("POST", ApiRoot + QStringLiteral("/files/recycle"), Access::Session,
                 [&ctx, &runner](SimRequest &request) { return emptyRecycleBin(ctx, runner, request); });
}

void JobRoutes::installLast(SimHttpServer &server, SimContext &ctx)
{
    server.route("GET", ApiRoot + QStringLiteral("/{jobId:[0-9]+}"), Access::Session,
                 withContext(ctx, jobDetail));
}

} // namespace koodrive::sim
