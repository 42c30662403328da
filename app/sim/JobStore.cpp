#include "JobStore.h"

#include "SimStore.h"

#include <QSqlQuery>

namespace koodrive::sim {

namespace {
constexpr auto JobColumns = "id, user_id, task_type, action_type, status, container_id, dst_container_id, "
                            "dst_folder_id, created_ms, begin_ms, end_ms";

JobRow readJob(const QSqlQuery &q)
{
    JobRow job;
    job.id = q.value(0).toString();
    job.userId = q.value(1).toString();
    job.taskType = q.value(2).toInt();
    job.actionType = q.value(3).toInt();
    job.status = q.value(4).toInt();
    job.containerId = q.value(5).toString();
    job.dstContainerId = q.value(6).toString();
    job.dstFolderId = q.value(7).toString();
    job.createdMs = q.value(8).toLongLong();
    job.beginMs = q.value(9).toLongLong();
    job.endMs = q.value(10).toLongLong();
    return job;
}

QVector<JobItem> readItems(QSqlQuery &q)
{
    QVector<JobItem> items;
    while (q.next())
        items.append({q.value(0).toInt(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt(),
                      q.value(4).toString(), q.value(5).toString(), q.value(6).toString()});
    return items;
}

constexpr auto ItemColumns = "seq, file_id, file_path, status, error_code, error_msg, new_file_id";
} // namespace

JobStore::JobStore(SimStore &store)
    : m_store(store)
{}

void JobStore::insert(const JobRow &j, const QVector<JobItem> &items)
{
    m_store.exec(QStringLiteral("INSERT INTO jobs(%1) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                     .arg(QLatin1String(JobColumns)),
                 {j.id, j.userId, j.taskType, j.actionType, j.status, j.containerId, j.dstContainerId,
                  j.dstFolderId, j.createdMs, j.beginMs, j.endMs});
    for (const JobItem &item : items)
        m_store.exec(
            QStringLiteral(
                "INSERT INTO job_items(job_id, seq, file_id, file_path, status) VALUES(?, ?, ?, ?, ?)"),
            {j.id, item.seq, item.fileId, item.filePath, item.status});
}

std::optional<JobRow> JobStore::job(const QString &jobId) const
{
    QSqlQuery q = m_store.exec(
        QStringLiteral("SELECT %1 FROM jobs WHERE id = ?").arg(QLatin1String(JobColumns)), {jobId});
    if (!q.next())
        return std::nullopt;
    return readJob(q);
}

QVector<JobItem> JobStore::items(const QString &jobId) const
{
    QSqlQuery q = m_store.exec(QStringLiteral("SELECT %1 FROM job_items WHERE job_id = ? ORDER BY seq")
                                   .arg(QLatin1String(ItemColumns)),
                               {jobId});
    return readItems(q);
}

QVector<JobItem> JobStore::waitingItems(const QString &jobId, int limit) const
{
    QSqlQuery q =
        m_store.exec(QStringLiteral("SELECT %1 FROM job_items WHERE job_id = ? AND status = 0 ORDER BY seq "
                                    "LIMIT ?")
                         .arg(QLatin1String(ItemColumns)),
                     {jobId, limit});
    return readItems(q);
}

void JobStore::finishItem(const QString &jobId, const JobItem &item)
{
    m_store.exec(
        QStringLiteral("UPDATE job_items SET status = ?, error_code = ?, error_msg = ?, new_file_id = ? "
                       "WHERE job_id = ? AND seq = ?"),
        {item.status, item.errorCode, item.errorMessage, item.newFileId, jobId, item.seq});
}

void JobStore::setStatus(const QString &jobId, int status, qint64 nowMs)
{
    if (status == JobStatus::Running)
        m_store.exec(QStringLiteral("UPDATE jobs SET status = ?, begin_ms = ? WHERE id = ?"),
                     {status, nowMs, jobId});
    else
        m_store.exec(QStringLiteral("UPDATE jobs SET status = ?, end_ms = ? WHERE id = ?"),
                     {status, nowMs, jobId});
}

void JobStore::cancel(const QString &jobId, qint64 nowMs)
{
    m_store.exec(
        QStringLiteral("UPDATE job_items SET status = ?, error_msg = 'cancelled' WHERE job_id = ? AND "
                       "status = 0"),
        {ItemStatus::Cancelled, jobId});
    setStatus(jobId, JobStatus::Cancelled, nowMs);
}

QStringList JobStore::active() const
{
    QSqlQuery q =
        m_store.exec(QStringLiteral("SELECT id FROM jobs WHERE status IN (0, 1) ORDER BY created_ms, id"));
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

JobStore::Tally JobStore::tally(const QString &jobId) const
{
    QSqlQuery q = m_store.exec(QStringLiteral("SELECT COUNT(*), SUM(status = 1), SUM(status IN (2, 3)) FROM "
                                              "job_items WHERE job_id = ?"),
                               {jobId});
    Tally tally;
    if (q.next())
        tally = {q.value(0).toInt(), q.value(1).toInt(), q.value(2).toInt()};
    return tally;
}

JobStore::ListPage JobStore::list(const QString &userId, int offset, int limit, int taskType,
                                  int status) const
{
    QString where = QStringLiteral("user_id = ?");
    QVariantList values{userId};
    if (taskType >= 0) {
        where += QStringLiteral(" AND task_type = ?");
        values << taskType;
    }
    if (status >= 0) {
        where += QStringLiteral(" AND status = ?");
        values << status;
    }
    ListPage page;
    QSqlQuery count = m_store.exec(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE ") + where, values);
    page.total = count.next() ? count.value(0).toLongLong() : 0;
    values << limit << offset;
    QSqlQuery q =
        m_store.exec(QStringLiteral("SELECT %1 FROM jobs WHERE %2 ORDER BY created_ms DESC, id DESC LIMIT ? "
                                    "OFFSET ?")
                         .arg(QLatin1String(JobColumns), where),
                     values);
    while (q.next())
        page.jobs.append(readJob(q));
    return page;
}

} // namespace koodrive::sim
