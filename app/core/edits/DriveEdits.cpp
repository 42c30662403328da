#include "DriveEdits.h"

#include "jobs/JobWatcher.h"

#include <memory>

namespace koodrive::edits {

using api::ApiError;
using api::KooDriveClient;

namespace {
constexpr int StarsPerCall = 100; // OPERATIONS.md §6: subRequestList ≤ 100
constexpr int FilesPerJob = 1000; // OPERATIONS.md §5 (KooDriveClient checks it too)

// A file's own refusal in a batch answer, as an error the window can show.
ApiError fileError(const QString &code, const QString &message)
{
    ApiError error;
    error.kind = ApiError::Kind::Refused;
    error.code = code;
    error.message = message.isEmpty() ? DriveEdits::tr("KooDrive refused it (code %1).").arg(code) : message;
    return error;
}

template<typename Files>
QSet<QString> idsOf(const Files &files)
{
    QSet<QString> ids;
    for (const auto &file : files)
        ids.insert(file.fileId);
    return ids;
}

void noteFailure(DriveEdits::Outcome &outcome, int files, const ApiError &error)
{
    outcome.failed += files;
    if (!outcome.error)
        outcome.error = error;
}
// A batch's answer for the files of `chunk`, each by its own result; only the files asked about count, each
// once (an answer naming others, or one twice, changes nothing for them); a file it does not name is done
// only when the batch said that all were (`allDone`), else it failed with `unnamed`.
template<typename Chunk, typename Results, typename ErrorOf>
void countResults(DriveEdits::Outcome &outcome, const Chunk &chunk, const Results &results, bool allDone,
                  const ApiError &unnamed, ErrorOf errorOf)
{
    const QSet<QString> asked = idsOf(chunk);
    QSet<QString> named;
    for (const auto &file : results) {
        if (!asked.contains(file.fileId) || named.contains(file.fileId))
            continue;
        named.insert(file.fileId);
        if (file.succeeded())
            outcome.done << file.fileId;
        else
            noteFailure(outcome, 1, errorOf(file));
    }
    for (const auto &file : chunk)
        if (!named.contains(file.fileId)) {
            if (allDone)
                outcome.done << file.fileId;
            else
                noteFailure(outcome, 1, unnamed);
        }
}
} // namespace

DriveEdits::DriveEdits(KooDriveClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

DriveEdits::~DriveEdits() = default;

void DriveEdits::star(const QVector<KooDriveClient::StarRef> &files, bool starred, Done done)
{
    struct State
    {
        QVector<KooDriveClient::StarRef> files;
        qsizetype next = 0;
        Outcome outcome;
        Done done;
        bool starred = false;
    };
    auto state = std::make_shared<State>(State{files, 0, {}, std::move(done), starred});
    auto stepFn = std::make_shared<std::function<void()>>();
    *stepFn = [this, state, weak = std::weak_ptr(stepFn)] {
        // Held by the call in flight, not by itself: a call dropped (its window gone) frees it.
        const auto step = weak.lock();
        if (!step)
            return;
        if (state->next >= state->files.size() || !m_client) {
            if (state->next < state->files.size())
                noteFailure(state->outcome, int(state->files.size() - state->next),
                            ApiError::invalidInput(QString(), tr("The window was closed.")));
            if (state->done)
                state->done(state->outcome);
            return;
        }
        const auto chunk = state->files.mid(state->next, StarsPerCall);
        state->next += chunk.size();
        m_client->starFiles(
            state->starred, chunk, this, [state, step, chunk](const api::Result<api::StarBatch> &result) {
                if (!result.ok()) {
                    noteFailure(state->outcome, int(chunk.size()), result.error());
                } else {
                    // A batch that says "all succeeded" (status 0) may leave out naming each file.
                    countResults(
                        state->outcome, chunk, result.value().files, result.value().status == 0,
                        fileError(QString(), tr("KooDrive did not say.")),
                        [](const api::StarResult &file) { return fileError(file.code, file.message); });
                }
                (*step)();
            });
    };
    (*stepFn)(); // one call after the other; the last answer ends it
}

void DriveEdits::watch(const QString &jobId, int files,
                       std::function<void(const api::Result<api::JobDetail> &)> then)
{
    auto *watcher = new jobs::JobWatcher(m_client, jobId, {m_firstPollMs, m_maxPollMs, 10 * 60 * 1000}, this);
    auto seen = std::make_shared<int>(0);
    connect(watcher, &jobs::JobWatcher::progressed, this, [this, seen, files](const api::JobInfo &job) {
        const int now = qBound(0, job.succeeded + job.failed, files);
        m_jobDone += now - *seen;
        *seen = now;
        emit jobProgress(m_jobDone, m_jobAsked);
    });
    connect(watcher, &jobs::JobWatcher::finished, this, [this, watcher, seen, files, then = std::move(then)] {
        m_jobDone += files - *seen;
        const api::Result<api::JobDetail> result = watcher->result();
        watcher->deleteLater();
        jobEnded();
        then(result);
    });
    watcher->start();
}

void DriveEdits::jobEnded()
{
    if (--m_jobsRunning == 0) {
        m_jobDone = 0;
        m_jobAsked = 0;
    }
    emit jobProgress(m_jobDone, m_jobAsked);
}

void DriveEdits::runJob(KooDriveClient::JobAction action, const QString &containerId,
                        const QVector<KooDriveClient::JobFile> &files, Done done)
{
    struct State
    {
        QVector<KooDriveClient::JobFile> files;
        qsizetype next = 0;
        Outcome outcome;
        Done done;
    };
    auto state = std::make_shared<State>(State{files, 0, {}, std::move(done)});
    m_jobAsked += int(files.size());
    ++m_jobsRunning;
    emit jobProgress(m_jobDone, m_jobAsked);
    auto stepFn = std::make_shared<std::function<void()>>();
    *stepFn = [this, state, weak = std::weak_ptr(stepFn), action, containerId] {
        // Held by the call in flight, not by itself: a call dropped (its window gone) frees it.
        const auto step = weak.lock();
        if (!step)
            return;
        if (state->next >= state->files.size() || !m_client) {
            if (state->next < state->files.size())
                noteFailure(state->outcome, int(state->files.size() - state->next),
                            ApiError::invalidInput(QString(), tr("The window was closed.")));
            if (--m_jobsRunning == 0) {
                m_jobDone = 0;
                m_jobAsked = 0;
            }
            emit jobProgress(m_jobDone, m_jobAsked);
            if (state->done)
                state->done(state->outcome);
            return;
        }
        const auto chunk = state->files.mid(state->next, FilesPerJob);
        state->next += chunk.size();
        KooDriveClient::NewJob job;
        job.action = action;
        job.files = chunk;
        job.srcContainerId = containerId;
        m_client->createJob(job, this, [this, state, step, chunk](const api::Result<QString> &created) {
            if (!created.ok()) {
                noteFailure(state->outcome, int(chunk.size()), created.error());
                m_jobDone += int(chunk.size());
                (*step)();
                return;
            }
            ++m_jobsRunning;
            watch(created.value(), int(chunk.size()),
                  [state, step, chunk](const api::Result<api::JobDetail> &result) {
                      if (!result.ok()) {
                          noteFailure(state->outcome, int(chunk.size()), result.error());
                      } else {
                          // Files the detail does not list: the job's own result says (1: all ok).
                          const api::JobInfo &info = result.value().job;
                          countResults(state->outcome, chunk, result.value().files,
                                       info.status == api::JobStatus::Done && info.resultCode == 1,
                                       fileError(QString(), info.status == api::JobStatus::Cancelled
                                                                ? tr("The job was cancelled.")
                                                                : tr("KooDrive did not say.")),
                                       [](const api::JobFileResult &file) {
                                           return fileError(file.errorCode, file.errorMessage);
                                       });
                      }
                      (*step)();
                  });
        });
    };
    (*stepFn)();
}

void DriveEdits::emptyRecycleBin(const QString &containerId, Done done)
{
    if (!m_client)
        return;
    m_client->emptyRecycleBin(
        {containerId, 0}, this, [this, done = std::move(done)](const api::Result<QString> &created) {
            Outcome outcome;
            if (!created.ok()) {
                noteFailure(outcome, 1, created.error());
                done(outcome);
                return;
            }
            if (created.value().isEmpty()) { // emptied at once, or no job named
                done(outcome);
                return;
            }
            ++m_jobsRunning;
            watch(created.value(), 0, [done](const api::Result<api::JobDetail> &result) {
                Outcome ended;
                if (!result.ok())
                    noteFailure(ended, 1, result.error());
                else if (result.value().job.resultCode > 1)
                    noteFailure(ended, 1, fileError(QString(), tr("Some files could not be deleted.")));
                done(ended);
            });
        });
}

} // namespace koodrive::edits
