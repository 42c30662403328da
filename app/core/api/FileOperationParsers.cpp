// The response parsers of OPERATIONS.md §3 to §7: upload, folders and names, jobs, favourites, search.
#include "JsonReader.h"
#include "ResponseParsers.h"

namespace koodrive::api::ResponseParsers {

namespace {
// multiParts[{partNumber, partSize, partOffset, uploadUrl, partId}] (OPERATIONS.md §3).
bool readParts(JsonReader &r, const QJsonArray &list, QVector<UploadPart> *parts)
{
    parts->reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        JsonReader p(list.at(i).toObject(), r.where() + QStringLiteral(".multiParts[%1]").arg(i));
        UploadPart part;
        part.number = int(p.integer("partNumber", true));
        part.size = p.integer("partSize", true);
        part.offset = p.integer("partOffset");
        part.url = p.url("uploadUrl");
        part.partId = p.string("partId");
        if (p.ok() && (part.number < 1 || part.number > 10000))
            p.fail("partNumber");
        if (p.ok() && part.size < 0)
            p.fail("partSize");
        if (p.ok() && part.url.isEmpty())
            p.fail("uploadUrl");
        if (!p.ok()) {
            r.takeFailure(p);
            return false;
        }
        parts->append(std::move(part));
    }
    return true;
}
// Job times as GetJobDetail's example writes them, "20231212095227" (UTC), or ISO 8601; 0 when absent.
qint64 jobTime(JsonReader &r, const char *name)
{
    const QString text = r.string(name);
    if (text.isEmpty())
        return 0;
    if (text.size() == 14) {
        QString iso = QStringLiteral("0000-00-00T00:00:00Z");
        for (int i = 0, j = 0; i < iso.size() - 1; ++i)
            if (iso.at(i) == u'0')
                iso[i] = text.at(j++);
        if (const qint64 ms = isoTime(iso); ms >= 0)
            return ms;
    } else if (const qint64 ms = isoTime(text); ms >= 0) {
        return ms;
    }
    r.fail(name);
    return 0;
}

JobInfo readJob(JsonReader &r)
{
    JobInfo job;
    job.jobId = r.string("taskId", true);
    job.taskType = int(r.integer("taskType"));
    job.actionType = int(r.integer("actionType"));
    job.status = int(r.integer("status", true, -1));
    job.progress = int(r.integer("progress"));
    job.resultCode = int(r.integer("taskResultCode"));
    job.files = int(r.integer("contentNum"));
    job.succeeded = int(r.integer("successNum"));
    job.failed = int(r.integer("failNum"));
    job.createdMs = jobTime(r, "createTime");
    job.beganMs = jobTime(r, "beginTime");
    job.endedMs = jobTime(r, "endTime");
    // OPERATIONS.md §5: 0 waiting, 1 running, 2 done, 3 cancelled; a percentage.
    if (r.ok() && (job.status < JobStatus::Waiting || job.status > JobStatus::Cancelled))
        r.fail("status");
    if (r.ok() && (job.progress < 0 || job.progress > 100))
        r.fail("progress");
    if (r.ok() && job.jobId.isEmpty())
        r.fail("taskId");
    return job;
}
} // namespace

Result<QString> jobId(const QJsonObject &json)
{
    // OPERATIONS.md §5: CreateJob answers data = the job id.
    JsonReader r(json, QStringLiteral("jobs"));
    const QString id = r.string("data", true);
    if (r.ok() && id.isEmpty())
        r.fail("data");
    if (!r.ok())
        return r.error();
    return id;
}

Result<JobDetail> jobDetail(const QJsonObject &json)
{
    // OPERATIONS.md §5: data.jobInfo{taskId, status, taskResultCode, progress, …}, data.taskInfos[].
    JsonReader r(json, QStringLiteral("job"));
    JsonReader data(r.object("data", true), QStringLiteral("job.data"));
    JsonReader info(data.object("jobInfo", true), QStringLiteral("job.data.jobInfo"));
    JobDetail detail;
    detail.job = readJob(info);
    const QJsonArray files = data.array("taskInfos");
    for (JsonReader *reader : {&r, &data, &info})
        if (!reader->ok())
            return reader->error();
    detail.files.reserve(files.size());
    for (qsizetype i = 0; i < files.size(); ++i) {
        JsonReader f(files.at(i).toObject(), QStringLiteral("job.data.taskInfos[%1]").arg(i));
        JobFileResult file{f.string("fileId", true), int(f.integer("status")), f.string("newFileId"),
                           f.string("errorCode"), f.string("errorMsg")};
        if (!f.ok())
            return f.error();
        detail.files.append(std::move(file));
    }
    return detail;
}

Result<JobPage> jobPage(const QJsonObject &json)
{
    // GET /jobs: data{total, jobs[jobInfo]} (koodrive-sim's reading; the page names no fields).
    JsonReader r(json, QStringLiteral("jobs"));
    JsonReader data(r.object("data", true), QStringLiteral("jobs.data"));
    const QJsonArray list = data.array("jobs", true);
    JobPage page;
    page.total = int(data.integer("total", false, list.size()));
    for (JsonReader *reader : {&r, &data})
        if (!reader->ok())
            return reader->error();
    page.jobs.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        JsonReader j(list.at(i).toObject(), QStringLiteral("jobs.data.jobs[%1]").arg(i));
        JobInfo job = readJob(j);
        if (!j.ok())
            return j.error();
        page.jobs.append(std::move(job));
    }
    return page;
}

Result<CreatedUpload> createdUpload(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("files create"));
    CreatedUpload upload;
    upload.fileId = r.string("fileId", true);
    upload.fileName = r.string("fileName", true);
    upload.containerId = r.string("containerId");
    // A String array as in files list (koodrive-sim), or a plain String.
    upload.parentFolderId = json.value(QStringLiteral("parentFolder")).isArray()
                                ? r.strings("parentFolder").value(0)
                                : r.string("parentFolder");
    upload.uploadId = r.string("uploadId");
    upload.rapidUpload = r.boolean("rapidUpload");
    upload.exist = r.boolean("exist");
    // Nothing is sent for a rapid upload or a file already there: they need no parts.
    const QJsonArray parts = r.array("multiParts", !upload.rapidUpload && !upload.exist);
    if (r.ok() && upload.fileId.isEmpty())
        r.fail("fileId");
    if (r.ok() && upload.fileName.isEmpty())
        r.fail("fileName");
    if (!r.ok() || !readParts(r, parts, &upload.parts))
        return r.error();
    return upload;
}

Result<QVector<UploadPart>> partUrls(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("uploadUrl"));
    QVector<UploadPart> parts;
    const QJsonArray list = r.array("multiParts", true);
    if (!r.ok() || !readParts(r, list, &parts))
        return r.error();
    return parts;
}

Result<StarBatch> starBatch(const QJsonObject &json)
{
    // OPERATIONS.md §6: {status (0 all ok, 1 some, 2 none), subResponseList[{fileId, code, message}]}.
    JsonReader r(json, QStringLiteral("star batch"));
    StarBatch batch;
    batch.status = int(r.integer("status", true, -1));
    const QJsonArray list = r.array("subResponseList", true);
    if (r.ok() && (batch.status < 0 || batch.status > 2))
        r.fail("status");
    if (!r.ok())
        return r.error();
    for (qsizetype i = 0; i < list.size(); ++i) {
        JsonReader f(list.at(i).toObject(), QStringLiteral("star batch.subResponseList[%1]").arg(i));
        StarResult result{f.string("fileId", true), f.string("code"), f.string("message")};
        if (!f.ok())
            return f.error();
        batch.files.append(std::move(result));
    }
    return batch;
}

Result<StarredPage> starredPage(const QJsonObject &json)
{
    // OPERATIONS.md §6: {starFiles[… file metadata …], nextCursor (absent on the last page), autoDeleted}.
    JsonReader r(json, QStringLiteral("star files"));
    StarredPage page;
    const QJsonArray files = r.array("starFiles", true);
    page.nextCursor = r.string("nextCursor");
    page.autoDeleted = r.boolean("autoDeleted");
    if (!r.ok())
        return r.error();
    page.files.reserve(files.size());
    for (qsizetype i = 0; i < files.size(); ++i) {
        JsonReader f(files.at(i).toObject(), QStringLiteral("star files.starFiles[%1]").arg(i));
        page.files.append(readDriveFile(f));
        if (!f.ok())
            return f.error();
    }
    return page;
}

Result<SearchPage> searchPage(const QJsonObject &json)
{
    // OPERATIONS.md §7: {files[{id, fileName, fileType, size, updateTime, namePath, idPath, containerId,
    // favorite, downloadLinks[thumbnails]}], total, nextPageCursor}.
    JsonReader r(json, QStringLiteral("search"));
    SearchPage page;
    const QJsonArray files = r.array("files", true);
    page.total = r.integer("total", false, files.size());
    page.nextCursor = r.string("nextPageCursor");
    if (!r.ok())
        return r.error();
    page.hits.reserve(files.size());
    for (qsizetype i = 0; i < files.size(); ++i) {
        JsonReader f(files.at(i).toObject(), QStringLiteral("search.files[%1]").arg(i));
        SearchHit hit;
        hit.file.id = f.string("id", true);
        hit.file.name = f.string("fileName", true);
        hit.file.fileType = int(f.integer("fileType", true));
        hit.file.size = f.integer("size");
        hit.file.editedMs = f.time("updateTime");
        hit.file.containerId = f.string("containerId");
        hit.file.favorite = f.boolean("favorite");
        hit.namePath = f.string("namePath");
        hit.idPath = f.string("idPath");
        // The page calls them thumbnails; koodrive-sim adds the original as usage "content" (README).
        const QJsonArray links = f.array("downloadLinks");
        for (qsizetype l = 0; l < links.size(); ++l) {
            JsonReader link(links.at(l).toObject(),
                            QStringLiteral("search.files[%1].downloadLinks[%2]").arg(i).arg(l));
            const QString usage = link.string("usage");
            const QByteArray url = link.url("url");
            if (!link.ok()) {
                f.takeFailure(link);
                break;
            }
            if (usage == QLatin1String("content")) {
                if (hit.file.originalUrl.isEmpty())
                    hit.file.originalUrl = url;
            } else if (hit.file.thumbnailUrl.isEmpty()) {
                hit.file.thumbnailUrl = url;
            }
        }
        if (f.ok() && hit.file.id.isEmpty())
            f.fail("id");
        if (!f.ok())
            return f.error();
        const QStringList ids = hit.idPath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (ids.size() >= 2)
            hit.file.parentId = ids.at(ids.size() - 2);
        page.hits.append(std::move(hit));
    }
    return page;
}

Result<CreatedFolder> createdFolder(const QJsonObject &json)
{
    // OPERATIONS.md §4: "→ the new folder's id"; koodrive-sim answers its whole metadata.
    JsonReader r(json, QStringLiteral("directory"));
    CreatedFolder folder{r.string("id", true), r.string("fileName")};
    if (r.ok() && folder.id.isEmpty())
        r.fail("id");
    if (!r.ok())
        return r.error();
    return folder;
}

Result<QString> renamedFileName(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("rename"));
    const QString name = r.string("fileName");
    if (!r.ok())
        return r.error();
    return name;
}

} // namespace koodrive::api::ResponseParsers
