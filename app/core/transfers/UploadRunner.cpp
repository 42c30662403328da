#include "UploadRunner.h"

#include "api/AlbumAddBatch.h"
#include "api/ApiError.h"

namespace koodrive::transfers {

using api::AlbumAddBatch;
using api::ApiError;
using State = QueuedUpload::State;

namespace {
// Fresh starts of one file after the server lost its unfinished upload (13000401), before it fails.
constexpr int MaxRestarts = 1;
constexpr int AlbumAddDelayMs = 500;

// Downloads share the queue; DownloadRunner works on those.
bool isUpload(const QueuedUpload &upload)
{
    return upload.direction == QueuedUpload::Direction::Upload;
}
bool isUpload(const std::optional<QueuedUpload> &upload)
{
    return upload && isUpload(*upload);
}
} // namespace

UploadRunner::UploadRunner(api::KooDriveClient *client, UploadQueue *queue, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_queue(queue)
{
    m_albumAddDelay.setSingleShot(true);
    connect(&m_albumAddDelay, &QTimer::timeout, this, &UploadRunner::addToAlbums);
    connect(m_queue, &UploadQueue::added, this, &UploadRunner::pump);
}

// Running files stay Running in the queue: the next start() takes them up at their part, as after a crash.
UploadRunner::~UploadRunner() = default;

void UploadRunner::start()
{
    if (m_started)
        return;
    m_started = true;
    m_queue->recoverInterrupted();
    if (!m_queue->uploadedNotInAlbum().isEmpty())
        scheduleAlbumAdds();
    pump();
    checkIdle();
}

void UploadRunner::pump()
{
    if (!m_started)
        return;
    while (m_running.size() < m_concurrency) {
        const std::optional<QueuedUpload> next = m_queue->nextWaiting();
        if (!next)
            break;
        run(*next);
    }
}

void UploadRunner::run(const QueuedUpload &upload)
{
    const qint64 id = upload.id;
    FileUpload::Options options{upload.localPath, upload.fileName, upload.parentFolderId};
    // Dropped twice, or resumed after its last part was taken: the same name and bytes are "already there".
    options.onClash = api::KooDriveClient::OnUploadClash::SkipIfSame;
    options.partSize = m_partSize;
    options.shareFolderId = upload.shareFolderId;
    if (!upload.resume.fileId.isEmpty())
        options.resume = upload.resume;
    auto *job = new FileUpload(m_client, options, this);
    m_running.insert(id, job);
    m_sent.insert(id, upload.bytesSent);
    m_queue->setState(id, State::Running);
    connect(job, &FileUpload::progress, this, [this, id](qint64 sent, qint64 total) {
        m_sent.insert(id, sent);
        emit progress(id, sent, total);
    });
    connect(job, &FileUpload::began, this,
            [this, id](const FileUpload::Resume &state) { m_queue->setProgress(id, state, 0); });
    connect(job, &FileUpload::partSent, this, [this, id](const FileUpload::Resume &state) {
        m_queue->setProgress(id, state, m_sent.value(id));
    });
    connect(job, &FileUpload::finished, this, [this, id, job] { onFinished(id, job); });
    job->start();
}

void UploadRunner::onFinished(qint64 id, FileUpload *job)
{
    m_running.remove(id);
    m_sent.remove(id);
    job->deleteLater();
    const std::optional<QueuedUpload> upload = m_queue->upload(id);
    if (!upload)
        return pump();
    const api::Result<UploadedFile> &result = job->result();
    if (result.ok()) {
        const UploadedFile &file = result.value();
        if (!upload->albumId.isEmpty()) {
            m_queue->setUploaded(id, file.fileId, State::Uploaded);
            scheduleAlbumAdds();
        } else {
            m_queue->setUploaded(id, file.fileId,
                                 file.outcome == UploadedFile::Outcome::AlreadyThere ? State::AlreadyThere
                                                                                     : State::Done);
            emit ended(id);
        }
    } else {
        const ApiError &error = result.error();
        if (error.kind == ApiError::Kind::Cancelled) {
            // pause() or cancel() set the state already
        } else if (error.code == api::ErrorCode::UploadMissing && m_restarts.value(id) < MaxRestarts) {
            // The server no longer has the unfinished upload (removed after a day): from the start again.
            m_restarts[id] += 1;
            m_queue->clearProgress(id);
            m_queue->setState(id, State::Waiting);
        } else {
            if (error.kind == ApiError::Kind::InvalidInput && !upload->resume.fileId.isEmpty())
                m_queue->clearProgress(id); // the file changed: Retry sends it whole, as it is now
            m_queue->setState(id, State::Failed, error.message, error.traceId);
            emit ended(id);
        }
    }
    pump();
    checkIdle();
}

void UploadRunner::stopRunning(qint64 id, State state)
{
    if (FileUpload *job = m_running.take(id)) {
        m_sent.remove(id);
        disconnect(job, nullptr, this, nullptr);
        job->cancel();
        job->deleteLater();
    }
    m_queue->setState(id, state);
}

void UploadRunner::pause(qint64 id)
{
    const std::optional<QueuedUpload> upload = m_queue->upload(id);
    if (!isUpload(upload) || (upload->state != State::Running && upload->state != State::Waiting))
        return;
    stopRunning(id, State::Paused);
    pump();
    checkIdle();
}

void UploadRunner::resume(qint64 id)
{
    const std::optional<QueuedUpload> upload = m_queue->upload(id);
    if (!isUpload(upload) || upload->state != State::Paused)
        return;
    m_queue->setState(id, State::Waiting);
    pump();
}

void UploadRunner::cancel(qint64 id)
{
    const std::optional<QueuedUpload> upload = m_queue->upload(id);
    if (!isUpload(upload) || upload->hasEnded())
        return;
    stopRunning(id, State::Cancelled);
    pump();
    checkIdle();
}

void UploadRunner::retry(qint64 id)
{
    const std::optional<QueuedUpload> upload = m_queue->upload(id);
    if (!isUpload(upload) || upload->state != State::Failed)
        return;
    m_restarts.remove(id);
    if (!upload->driveFileId.isEmpty() && !upload->albumId.isEmpty()) {
        m_queue->setState(id, State::Uploaded); // in the drive: only its album add failed
        scheduleAlbumAdds();
        return;
    }
    m_queue->setState(id, State::Waiting);
    pump();
}

void UploadRunner::pauseAll()
{
    for (const QueuedUpload &upload : m_queue->all())
        if (isUpload(upload) && (upload.state == State::Running || upload.state == State::Waiting))
            stopRunning(upload.id, State::Paused);
    checkIdle();
}

void UploadRunner::resumeAll()
{
    for (const QueuedUpload &upload : m_queue->all())
        if (isUpload(upload) && upload.state == State::Paused)
            m_queue->setState(upload.id, State::Waiting);
    pump();
}

void UploadRunner::scheduleAlbumAdds()
{
    // Gathered: the files that arrive within half a second go to their album in one batch.
    if (!m_albumAddDelay.isActive())
        m_albumAddDelay.start(AlbumAddDelayMs);
}

void UploadRunner::addToAlbums()
{
    QHash<QString, QVector<api::KooDriveClient::FileRef>> files;
    QHash<QString, QHash<QString, qint64>> ids; // album → file → queue id
    for (const QueuedUpload &upload : m_queue->uploadedNotInAlbum()) {
        if (m_albumsAdding.contains(upload.albumId) || ids[upload.albumId].contains(upload.driveFileId))
            continue;
        files[upload.albumId].append({upload.driveFileId, m_client->connection().userId});
        ids[upload.albumId].insert(upload.driveFileId, upload.id);
    }
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        auto *batch = new AlbumAddBatch(m_client, it.key(), it.value(), this);
        m_albumsAdding.insert(it.key());
        const QHash<QString, qint64> albumIds = ids.value(it.key());
        connect(batch, &AlbumAddBatch::finished, this,
                [this, batch, albumIds] { onAlbumAdded(batch, albumIds); });
        batch->start();
    }
    checkIdle();
}

void UploadRunner::onAlbumAdded(AlbumAddBatch *batch, const QHash<QString, qint64> &ids)
{
    batch->deleteLater();
    m_albumsAdding.remove(batch->albumId());
    for (const AlbumAddBatch::FileReport &report : batch->report()) {
        const qint64 id = ids.value(report.file.fileId);
        if (id == 0)
            continue;
        switch (report.outcome) {
        case AlbumAddBatch::Outcome::Added:
        case AlbumAddBatch::Outcome::AlreadyThere:
            m_queue->setState(id, State::Done);
            emit ended(id);
            break;
        case AlbumAddBatch::Outcome::Failed:
            m_queue->setState(id, State::Failed,
                              tr("In the drive, but not added to the album: %1").arg(report.error.message),
                              report.error.traceId);
            emit ended(id);
            break;
        case AlbumAddBatch::Outcome::Pending:
        case AlbumAddBatch::Outcome::Cancelled: break; // stays Uploaded: added at the next start
        }
    }
    // Files of this album that arrived while the batch ran.
    for (const QueuedUpload &upload : m_queue->uploadedNotInAlbum())
        if (upload.albumId == batch->albumId())
            scheduleAlbumAdds();
    checkIdle();
}

void UploadRunner::checkIdle()
{
    if (!m_started || !m_running.isEmpty() || !m_albumsAdding.isEmpty() || m_albumAddDelay.isActive())
        return;
    if (m_queue->nextWaiting() || !m_queue->uploadedNotInAlbum().isEmpty())
        return;
    emit idle();
}

} // namespace koodrive::transfers
