#include "JobWatcher.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcJobs, "koodrive.jobs", QtInfoMsg)

namespace koodrive::jobs {

using api::ApiError;

JobWatcher::JobWatcher(api::KooDriveClient *client, QString jobId, QObject *parent)
    : JobWatcher(client, std::move(jobId), Options(), parent)
{}

JobWatcher::JobWatcher(api::KooDriveClient *client, QString jobId, Options options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_jobId(std::move(jobId))
    , m_options(options)
    , m_intervalMs(options.firstIntervalMs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &JobWatcher::poll);
}

JobWatcher::~JobWatcher()
{
    m_call.cancel(); // a poll under way answers no one
    m_cancelCall.cancel();
}

void JobWatcher::start()
{
    if (m_started)
        return;
    m_started = true;
    m_elapsed.start();
    // A job is asynchronous (OPERATIONS.md §5): the first look is worth a short wait.
    m_timer.start(m_intervalMs);
}

void JobWatcher::schedule()
{
    if (m_elapsed.elapsed() >= m_options.timeoutMs) {
        ApiError error;
        error.kind = ApiError::Kind::Timeout;
        error.message =
            tr("The job was still running after %1 s; it may still finish.").arg(m_elapsed.elapsed() / 1000);
        error.retryable = true;
        finish(error);
        return;
    }
    m_intervalMs = std::min(m_options.maxIntervalMs, m_intervalMs * 2);
    m_timer.start(std::min<qint64>(m_intervalMs, m_options.timeoutMs - m_elapsed.elapsed()));
}

void JobWatcher::poll()
{
    if (isFinished() || !m_client || m_call.isActive())
        return;
    ++m_polls;
    m_call = m_client->jobDetail(m_jobId, this, [this](const api::Result<api::JobDetail> &result) {
        if (!result.ok()) {
            // A read is retried by the client already: what comes back here stops the watching.
            finish(result.error());
            return;
        }
        const api::JobInfo &job = result.value().job;
        if (job.status != m_last.status || job.progress != m_last.progress || m_polls == 1) {
            m_last = job;
            emit progressed(job);
        }
        if (job.hasEnded()) {
            finish(result);
            return;
        }
        schedule();
    });
}

void JobWatcher::cancel()
{
    if (isFinished() || !m_client || m_cancelCall.isActive())
        return;
    m_cancelCall = m_client->cancelJob(m_jobId, this, [this](const api::Result<api::Done> &result) {
        // A job that ended meanwhile cannot be cancelled: the next look says how it ended.
        if (!result.ok())
            qCInfo(lcJobs).noquote() << "cancel of job" << m_jobId << "refused:" << result.error().details();
        if (!isFinished() && m_started && !m_call.isActive()) {
            m_timer.stop();
            m_intervalMs = m_options.firstIntervalMs;
            poll();
        }
    });
}

void JobWatcher::finish(api::Result<api::JobDetail> result)
{
    if (isFinished())
        return;
    m_timer.stop();
    m_result = std::move(result);
    if (m_result->ok())
        m_last = m_result->value().job;
    emit finished();
}

} // namespace koodrive::jobs
