#pragma once

#include "api/KooDriveClient.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

namespace koodrive::edits {

// What a person does to the files of the drive (not to albums), as calls to the service: star and unstar
// (OPERATIONS.md §6), move to the recycle bin, restore, delete for good and empty the bin (§5, batch jobs
// followed to their end), rename and new folder (§4). Each reports which of the files asked for it did, and
// the first error, so that the window can say "3 moved, 1 failed: …" and undo exactly what happened.
class DriveEdits final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DriveEdits)

public:
    struct Outcome
    {
        QStringList done;                     // the ids of the files it did
        int failed = 0;                       // files it did not do
        std::optional<api::ApiError> error{}; // the first reason (a file's own, or the call's)
    };
    using Done = std::function<void(const Outcome &)>;

    explicit DriveEdits(api::KooDriveClient *client, QObject *parent = nullptr);
    ~DriveEdits() override;

    // Stars or unstars, 100 files per call (the page's limit).
    void star(const QVector<api::KooDriveClient::StarRef> &files, bool starred, Done done);
    // A batch job on these files of one space, 1000 per job (the page's limit), each followed to its end
    // (jobs::JobWatcher). ToRecycleBin needs each file's id path (JobFile::filePath).
    void runJob(api::KooDriveClient::JobAction action, const QString &containerId,
                const QVector<api::KooDriveClient::JobFile> &files, Done done);
    // Empties the recycle bin of a space and waits for the job doing it.
    void emptyRecycleBin(const QString &containerId, Done done);

    // How far the jobs under way are (files done of files asked): for a progress bar.
    int jobFilesDone() const { return m_jobDone; }
    int jobFilesAsked() const { return m_jobAsked; }
    bool jobsRunning() const { return m_jobsRunning > 0; }

    // For tests: how often jobs are polled.
    void setPollIntervalMs(int firstMs, int maxMs)
    {
        m_firstPollMs = firstMs;
        m_maxPollMs = maxMs;
    }

signals:
    void jobProgress(int filesDone, int filesAsked);

private:
    void watch(const QString &jobId, int files,
               std::function<void(const api::Result<api::JobDetail> &)> then);
    void jobEnded();

    QPointer<api::KooDriveClient> m_client;
    int m_jobDone = 0;
    int m_jobAsked = 0;
    int m_jobsRunning = 0;
    int m_firstPollMs = 250;
    int m_maxPollMs = 2000;
};

} // namespace koodrive::edits
