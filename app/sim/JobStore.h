#pragma once

#include <QString>
#include <QVector>
#include <optional>

namespace koodrive::sim {

class SimStore;

// Batch jobs (OPERATIONS.md §5): taskType 1 copy (101), 2 delete (201 to the recycle bin, 202 for good),
// 3 move (301), 4 restore; 7/701 empties the bin (what POST /files/recycle starts; the vendor's enum).
namespace JobStatus {
inline constexpr int Waiting = 0;
inline constexpr int Running = 1;
inline constexpr int Done = 2;
inline constexpr int Cancelled = 3;
} // namespace JobStatus

// Each file's state in its job (taskInfos[].status).
namespace ItemStatus {
inline constexpr int Waiting = 0;
inline constexpr int Succeeded = 1;
inline constexpr int Failed = 2;
inline constexpr int Cancelled = 3;
} // namespace ItemStatus

struct JobRow
{
    QString id;
    QString userId;
    int taskType = 0;
    int actionType = 0; // 0: none (restore)
    int status = JobStatus::Waiting;
    QString containerId;    // the files' space (srcContainerId)
    QString dstContainerId; // copy and move
    QString dstFolderId;    // copy and move (newFilePath's folder)
    qint64 createdMs = 0;
    qint64 beginMs = 0;
    qint64 endMs = 0;
};

struct JobItem
{
    int seq = 0;
    QString fileId;
    QString filePath;
    int status = ItemStatus::Waiting;
    QString errorCode;
    QString errorMessage;
    QString newFileId; // of a copy
};

class JobStore final
{
public:
    explicit JobStore(SimStore &store);

    void insert(const JobRow &job, const QVector<JobItem> &items);
    std::optional<JobRow> job(const QString &jobId) const;
    QVector<JobItem> items(const QString &jobId) const;
    QVector<JobItem> waitingItems(const QString &jobId, int limit) const;
    void finishItem(const QString &jobId, const JobItem &item);
    void setStatus(const QString &jobId, int status, qint64 nowMs);
    // A cancel: what has not been done yet is not done.
    void cancel(const QString &jobId, qint64 nowMs);
    QStringList active() const; // waiting or running, oldest first

    struct Tally
    {
        int total = 0;
        int succeeded = 0;
        int failed = 0; // cancelled files count as failed
        int done() const { return succeeded + failed; }
    };
    Tally tally(const QString &jobId) const;

    struct ListPage
    {
        QVector<JobRow> jobs;
        qint64 total = 0;
    };
    // The user's jobs, newest first.
    ListPage list(const QString &userId, int offset, int limit, int taskType, int status) const;

private:
    SimStore &m_store;
};

} // namespace koodrive::sim
