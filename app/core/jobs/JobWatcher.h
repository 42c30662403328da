#pragma once

#include "api/ApiCall.h"
#include "api/KooDriveClient.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

namespace koodrive::jobs {

// Follows one batch job (OPERATIONS.md §5: recycle, delete, restore, move, copy, emptying the bin) until it
// ends: status 2 (done) or 3 (cancelled). It asks GET /{jobId} after 250 ms, then ever less often, up to
// every 2 s; it gives up after 10 minutes (the job may go on without it). progressed() reports each answer
// that changed; finished() comes once with the job's end and each file's result, or the error that stopped
// the watching. Nothing is asked once the job has ended, or once the watcher is gone.
class JobWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobWatcher)

public:
    struct Options
    {
        int firstIntervalMs = 250;
        int maxIntervalMs = 2000;
        int timeoutMs = 10 * 60 * 1000;
    };

    JobWatcher(api::KooDriveClient *client, QString jobId, QObject *parent = nullptr);
    JobWatcher(api::KooDriveClient *client, QString jobId, Options options, QObject *parent = nullptr);
    ~JobWatcher() override;

    void start();
    // Asks the server to cancel the job; the watching goes on until the job says it has ended (it may have
    // finished first: then it ends as done).
    void cancel();

    const QString &jobId() const { return m_jobId; }
    bool isFinished() const { return m_result.has_value(); }
    // Once finished(): the job as it ended (JobInfo::status says done or cancelled; files, each file's
    // result), or why the watching stopped.
    const api::Result<api::JobDetail> &result() const { return *m_result; }
    // The job as last seen.
    const api::JobInfo &job() const { return m_last; }
    int polls() const { return m_polls; }

signals:
    void progressed(const koodrive::api::JobInfo &job);
    void finished();

private:
    void poll();
    void schedule();
    void finish(api::Result<api::JobDetail> result);

    QPointer<api::KooDriveClient> m_client;
    QString m_jobId;
    Options m_options;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    int m_intervalMs = 0;
    int m_polls = 0;
    api::CallHandle m_call;
    api::CallHandle m_cancelCall;
    api::JobInfo m_last;
    bool m_started = false;
    std::optional<api::Result<api::JobDetail>> m_result;
};

} // namespace koodrive::jobs
