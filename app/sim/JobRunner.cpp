#include "JobRunner.h"

#include "FileStore.h"
#include "FileTree.h"
#include "JobStore.h"
#include "ObjectStorage.h"
#include "SimClock.h"
#include "SimContext.h"
#include "SimError.h"
#include "SimStore.h"

#include <QSqlQuery>

namespace koodrive::sim {

namespace {
SimError itemError(const char *code, const QString &message)
{
    return {400, QString::fromLatin1(code), QStringLiteral("fileId"), message};
}

qint64 subtreeBytes(const SimStore &store, const QString &fileId)
{
    QSqlQuery q =
        store.exec(QStringLiteral("WITH RECURSIVE tree(id) AS (SELECT ? UNION ALL SELECT f.id FROM files f "
                                  "JOIN tree t ON f.parent_id = t.id WHERE f.recycled = 0) "
                                  "SELECT COALESCE(SUM(size), 0) FROM files WHERE id IN tree"),
                   {fileId});
    return q.next() ? q.value(0).toLongLong() : 0;
}
} // namespace

JobRunner::JobRunner(SimContext &context, int stepMs, int filesPerStep, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_filesPerStep(qMax(1, filesPerStep))
{
    m_timer.setInterval(qMax(1, stepMs));
    connect(&m_timer, &QTimer::timeout, this, &JobRunner::step);
    wake();
}

void JobRunner::wake()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void JobRunner::step()
{
    JobStore jobs(m_context.store);
    const QStringList active = jobs.active();
    if (active.isEmpty()) {
        m_timer.stop();
        return;
    }
    const qint64 now = m_context.clock.nowMs();
    for (const QString &jobId : active) {
        QStringList freedBlobs;
        try {
            const auto job = jobs.job(jobId);
            if (!job)
                continue;
            SimStore::Transaction transaction(m_context.store);
            if (job->status == JobStatus::Waiting)
                jobs.setStatus(jobId, JobStatus::Running, now);
            QVector<JobItem> items = jobs.waitingItems(jobId, m_filesPerStep);
            for (JobItem &item : items) {
                run(*job, item, freedBlobs);
                jobs.finishItem(jobId, item);
            }
            if (jobs.waitingItems(jobId, 1).isEmpty())
                jobs.setStatus(jobId, JobStatus::Done, now);
            transaction.commit();
        } catch (const SimError &error) {
            // (the step is rolled back; the next tick tries again)
            qWarning("koodrive-sim: job %s: %s", qPrintable(jobId), qPrintable(error.description()));
            continue;
        }
        // Bytes no file refers to any more go once the change is committed.
        for (const QString &blob : std::as_const(freedBlobs))
            m_context.storage.removeBlob(blob);
    }
}

void JobRunner::run(const JobRow &job, JobItem &item, QStringList &freedBlobs)
{
    FileTree tree(m_context.store, m_context.files);
    const qint64 now = m_context.clock.nowMs();
    try {
        const auto file = m_context.files.file(item.fileId);
        if (!file || file->containerId != job.containerId)
            throw itemError(ErrorCode::FileNotInSpace, QStringLiteral("the file is not in the job's space"));
        const auto space = m_context.spaceOfContainer(file->containerId);
        if (!item.filePath.isEmpty() && space) {
            // filePath is the file's id path (the one search's idPath gives).
            const QString path = tree.paths(*file, space->rootFolderId).ids;
            if (item.filePath != path && item.filePath != path.mid(1))
                throw itemError(ErrorCode::ParameterInvalid,
                                QStringLiteral("filePath is not the file's id path (%1)").arg(path));
        }
        switch (job.taskType * 1000 + job.actionType) {
        case 2201: // to the recycle bin
            if (file->recycled)
                throw itemError(ErrorCode::ResourceMissing,
                                QStringLiteral("the file is in the recycle bin already"));
            tree.recycle(*file, now);
            break;
        case 2202: // for good
            freedBlobs += tree.purge(*file);
            break;
        case 7701: // emptying the bin: what is still in it
            if (!file->recycled || file->recycledBy != file->id)
                throw itemError(ErrorCode::ResourceMissing, QStringLiteral("the file left the recycle bin"));
            freedBlobs += tree.purge(*file);
            break;
        case 4000: { // restore: to its folder, or to the root when that folder is gone or in the bin too
            if (!file->recycled || file->recycledBy != file->id)
                throw itemError(ErrorCode::ResourceMissing,
                                QStringLiteral("the file is not in the recycle bin"));
            QString parent = space ? space->rootFolderId : file->parentId;
            if (const auto folder = m_context.files.file(file->parentId); folder && !folder->recycled)
                parent = folder->id;
            else if (space && file->parentId == space->rootFolderId)
                parent = file->parentId;
            tree.restore(*file, parent, tree.freeName(parent, file->name, file->isFolder(), now, file->id));
            break;
        }
        case 3301:
        case 1101: {
            if (file->recycled)
                throw itemError(ErrorCode::ResourceMissing, QStringLiteral("the file is in the recycle bin"));
            const auto destination = m_context.files.file(job.dstFolderId);
            const auto dstSpace = m_context.spaceOfContainer(job.dstContainerId);
            const bool rootDestination = dstSpace && dstSpace->rootFolderId == job.dstFolderId;
            if (!rootDestination && (!destination || destination->recycled))
                throw itemError(ErrorCode::ParentRecycled, QStringLiteral("the destination folder is gone"));
            if (file->isFolder() && tree.isWithin(job.dstFolderId, file->id))
                throw itemError(ErrorCode::ParameterInvalid,
                                QStringLiteral("a folder cannot go inside itself"));
            if (job.taskType == 3) {
                if (file->parentId == job.dstFolderId && file->containerId == job.dstContainerId)
                    break; // already there
                tree.move(*file, job.dstContainerId, job.dstFolderId,
                          tree.freeName(job.dstFolderId, file->name, file->isFolder(), now, file->id));
            } else {
                const qint64 bytes = subtreeBytes(m_context.store, file->id);
                if (dstSpace &&
                    m_context.files.usedBytes(dstSpace->containerId) + bytes > m_context.capacity(*dstSpace))
                    throw itemError(ErrorCode::NotEnoughSpace,
                                    QStringLiteral("the space has no room for the copy"));
                item.newFileId =
                    tree.copy(*file, job.dstContainerId, job.userId, job.dstFolderId,
                              tree.freeName(job.dstFolderId, file->name, file->isFolder(), now), now);
            }
            break;
        }
        default: throw itemError(ErrorCode::ParameterInvalid, QStringLiteral("not a job koodrive-sim runs"));
        }
        item.status = ItemStatus::Succeeded;
    } catch (const SimError &error) {
        item.status = ItemStatus::Failed;
        item.errorCode = error.errorCode();
        item.errorMessage = error.description();
    }
}

} // namespace koodrive::sim
