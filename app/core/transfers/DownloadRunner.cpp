#include "DownloadRunner.h"

#include "FileDownload.h"
#include "LocalNames.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>

namespace koodrive::transfers {

using State = QueuedUpload::State;
using Direction = QueuedUpload::Direction;

namespace {
// README.md: "urls are pre-signed and short-lived (their lifetime is not documented)": a link is used
// within this long of being given, once, and a 403 asks for a new one.
constexpr qint64 LinkFreshMs = 5 * 60 * 1000;
constexpr int MaxLinkRenewals = 2;
constexpr int MaxLinkCallFailures = 3;
// README.md: fileIds <= 100 per call.
constexpr int LinksPerCall = 100;
constexpr int KeepResumeAfterMs = 500;
constexpr int EndsWrittenAfterMs = 150;

bool isDownload(const std::optional<QueuedUpload> &entry)
{
    return entry && entry->direction == Direction::Download;
}
} // namespace

qint64 DownloadRunner::budgetFor(qint64 listedSize)
{
    constexpr qint64 Floor = 256LL * 1024 * 1024;
    return listedSize > Floor / 2 ? listedSize * 2 : Floor;
}

DownloadRunner::DownloadRunner(api::KooDriveClient *client, QNetworkAccessManager *network,
                               UploadQueue *queue, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_network(network)
    , m_queue(queue)
{
    m_clock.start();
    m_flush.setSingleShot(true);
    m_flush.setInterval(EndsWrittenAfterMs);
    connect(&m_flush, &QTimer::timeout, this, &DownloadRunner::flushEnds);
    connect(m_queue, &UploadQueue::added, this, &DownloadRunner::pump);
}

// Running files stay Running in the queue, their part files on disk: the next start() goes on with them.
DownloadRunner::~DownloadRunner()
{
    if (!m_ends.isEmpty())
        m_queue->endDownloads(m_ends);
    for (FileDownload *job : std::as_const(m_running)) {
        disconnect(job, nullptr, this, nullptr);
        job->cancel();
    }
}

void DownloadRunner::start()
{
    if (m_started)
        return;
    m_started = true;
    m_queue->recoverInterrupted(Direction::Download);
    for (const QueuedUpload &entry : m_queue->all())
        if (entry.direction == Direction::Download && !entry.hasEnded() && !entry.localPath.isEmpty())
            m_reserved.insert(entry.localPath);
    pump();
    checkIdle();
}

void DownloadRunner::pump()
{
    if (!m_started)
        return;
    while (m_running.size() + m_delayed.size() < m_concurrency) {
        std::optional<QueuedUpload> next = nextToStart();
        if (!next)
            break;
        const Link link = m_links.value(next->driveFileId);
        if (link.url.isEmpty() || m_clock.elapsed() - link.atMs > LinkFreshMs) {
            askLinks(*next);
            break;
        }
        m_links.remove(next->driveFileId); // a link is used once
        if (chooseFiles(*next))
            run(*next, link.url);
    }
}

std::optional<QueuedUpload> DownloadRunner::nextToStart() const
{
    // The queue says Waiting for those whose start or end is not written yet: they are skipped.
    const int busy = int(m_running.size() + m_delayed.size() + m_ends.size());
    for (const QueuedUpload &entry : m_queue->waitingDownloads(busy + 1))
        if (!m_running.contains(entry.id) && !m_delayed.contains(entry.id) && !m_endsById.contains(entry.id))
            return entry;
    return std::nullopt;
}

void DownloadRunner::askLinks(const QueuedUpload &first)
{
    if (m_asking)
        return;
    const QString containerId = first.resume.containerId;
    QStringList ids{first.driveFileId};
    QList<qint64> asked{first.id};
    for (const QueuedUpload &entry : m_queue->waitingDownloads(LinksPerCall * 2)) {
        if (ids.size() >= LinksPerCall)
            break;
        if (entry.resume.containerId != containerId || ids.contains(entry.driveFileId) ||
            m_running.contains(entry.id) || m_endsById.contains(entry.id))
            continue;
        const Link link = m_links.value(entry.driveFileId);
        if (!link.url.isEmpty() && m_clock.elapsed() - link.atMs <= LinkFreshMs)
            continue;
        ids.append(entry.driveFileId);
        asked.append(entry.id);
    }
    m_asking = true;
    m_linkCall = m_client->downloadLinks(
        containerId, ids, this,
        [this, ids, asked,
         firstId = first.driveFileId](const api::Result<QVector<api::DownloadLink>> &links) {
            m_asking = false;
            if (!links.ok()) {
                if (links.error().kind == api::ApiError::Kind::Cancelled)
                    return;
                if (links.error().retryable && ++m_linkFailures < MaxLinkCallFailures) {
                    QTimer::singleShot(m_retryDelaysMs.value(m_linkFailures - 1, 1000), this,
                                       &DownloadRunner::pump);
                    return;
                }
                m_linkFailures = 0;
                for (qint64 id : asked) {
                    const auto entry = m_queue->upload(id);
                    if (entry && entry->state == State::Waiting) {
                        m_queue->setState(id, State::Failed, links.error().message, links.error().traceId);
                        emit ended(id);
                    }
                }
                return checkIdle();
            }
            m_linkFailures = 0;
            QSet<QString> answered;
            QHash<QString, api::DownloadLink> refused;
            for (const api::DownloadLink &link : links.value()) {
                if (!ids.contains(link.fileId))
                    continue; // not asked for: not taken
                answered.insert(link.fileId);
                if (link.url.isEmpty())
                    refused.insert(link.fileId, link);
                else
                    m_links.insert(link.fileId, Link{link.url, m_clock.elapsed()});
            }
            // A file the server gave no link for (OPERATIONS.md §4: each file has its own code and msg).
            for (qint64 id : asked) {
                const auto entry = m_queue->upload(id);
                if (!entry || entry->state != State::Waiting)
                    continue;
                if (refused.contains(entry->driveFileId) ||
                    (!answered.contains(entry->driveFileId) && entry->driveFileId == firstId)) {
                    const api::DownloadLink link = refused.value(entry->driveFileId);
                    m_queue->setState(id, State::Failed,
                                      link.message.isEmpty() ? tr("The server gave no link to fetch it.")
                                                             : link.message);
                    emit ended(id);
                }
            }
            pump();
            checkIdle();
        });
}

QString DownloadRunner::partPathFor(const QueuedUpload &download)
{
    // Hidden, and the same whenever this download starts again: a part file never outlives the queue's
    // knowledge of it, even when the app went away before its name was written.
    const QByteArray key = (download.localFolder + u'|' + download.driveFileId + u'|' +
                            QString::number(download.queuedMs) + u'|' + QString::number(download.id))
                               .toUtf8();
    return QDir(download.localFolder)
        .filePath(QStringLiteral(".koodrive-%1.part")
                      .arg(QString::fromLatin1(
                          QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(16))));
}

bool DownloadRunner::chooseFiles(QueuedUpload &download)
{
    const QDir folder(download.localFolder);
    const QString part = partPathFor(download);
    if (!download.localPath.isEmpty()) {
        download.partPath = part;
        return true; // chosen when it first started: it goes on there
    }
    // The server's name, made a safe file name (LocalNames), and the first of "name (n).ext" that is free
    // on disk and not promised to another download.
    const QString name = LocalNames::firstFreeName(
        LocalNames::safeFileName(download.fileName), [this, &folder](const QString &candidate) {
            const QString path = folder.filePath(candidate);
            return m_reserved.contains(path) || QFileInfo::exists(path);
        });
    if (name.isEmpty()) {
        m_queue->setState(download.id, State::Failed, tr("No free name for it is left in that folder."));
        emit ended(download.id);
        return false;
    }
    download.localPath = folder.filePath(name);
    download.partPath = part;
    m_reserved.insert(download.localPath);
    return true; // written once it has been coming for a while (run())
}

void DownloadRunner::run(const QueuedUpload &download, const QByteArray &url)
{
    const qint64 id = download.id;
    auto *job = new FileDownload(m_network, download, url, budgetFor(download.size), this);
    m_running.insert(id, job);
    m_entries.insert(id, download);
    connect(job, &FileDownload::progress, this,
            [this, id](qint64 received, qint64 total) { emit progress(id, received, total); });
    // What it takes to go on after a crash (Running, its file names, the ETag of the bytes in the part
    // file) is written once the file has been coming for half a second: a photo that is whole by then
    // costs no write of its own, only its share of the ends written together (flushEnds()).
    auto keep = [this, id, job, download] {
        if (m_running.value(id) != job)
            return;
        m_queue->startDownload(id, download.localPath, download.partPath);
        if (!job->etag().isEmpty())
            m_queue->setReceived(id, job->received(), job->etag(), job->total());
    };
    QTimer::singleShot(KeepResumeAfterMs, job, keep);
    connect(job, &FileDownload::finished, this, [this, id, job] { onFinished(id, job); });
    job->start();
}

void DownloadRunner::onFinished(qint64 id, FileDownload *job)
{
    m_running.remove(id);
    job->deleteLater();
    const std::optional<QueuedUpload> entry = m_entries.take(id);
    if (!entry)
        return pump();
    // Ends are written together, a few times a second (one transaction for many small photos);
    // ended() follows the write.
    auto end = [&](State state, const QString &error = QString(), const QString &traceId = QString()) {
        m_endsById.insert(id);
        m_ends.append({id, state, state == State::Done ? job->savedPath() : entry->localPath, job->received(),
                       job->etag(), job->total(), error, traceId});
        if (!m_flush.isActive())
            m_flush.start();
    };
    switch (job->outcome()) {
    case FileDownload::Outcome::Done:
        m_reserved.remove(entry->localPath);
        end(State::Done);
        m_attempts.remove(id);
        m_linkRenewals.remove(id);
        break;
    case FileDownload::Outcome::LinkRefused:
        if (m_linkRenewals.value(id) < MaxLinkRenewals) {
            m_linkRenewals[id] += 1;
            m_queue->endDownloads(
                {{id, State::Waiting, entry->localPath, job->received(), job->etag(), job->total()}});
            break; // a new link is asked for
        }
        end(State::Failed, tr("The server refused the file's download link (HTTP 403)."));
        break;
    case FileDownload::Outcome::Failed:
        if (job->error().retryable && m_attempts.value(id) < m_retryDelaysMs.size()) {
            const int delay = m_retryDelaysMs.at(m_attempts.value(id));
            m_attempts[id] += 1;
            m_queue->startDownload(id, entry->localPath, entry->partPath); // it goes on there
            m_queue->setReceived(id, job->received(), job->etag(), job->total());
            m_delayed.insert(id); // it goes on by itself
            QTimer::singleShot(delay, this, [this, id] {
                if (!m_delayed.remove(id))
                    return; // paused or cancelled meanwhile
                m_queue->setState(id, State::Waiting);
                pump();
            });
            break;
        }
        m_attempts.remove(id);
        end(State::Failed, job->error().message, job->error().traceId);
        break;
    }
    pump();
    checkIdle();
}

void DownloadRunner::stopRunning(qint64 id, State state)
{
    m_entries.remove(id);
    if (FileDownload *job = m_running.take(id)) {
        if (!job->etag().isEmpty()) // paused: it goes on from these bytes
            m_queue->setReceived(id, job->received(), job->etag(), job->total());
        disconnect(job, nullptr, this, nullptr);
        job->cancel();
        job->deleteLater();
    }
    m_delayed.remove(id);
    if (state == State::Cancelled) {
        if (const auto entry = m_queue->upload(id)) {
            const QString part = partPathFor(*entry);
            if (LocalNames::isInside(entry->localFolder, part))
                QFile::remove(part);
            m_reserved.remove(entry->localPath);
        }
    }
    m_queue->setState(id, state);
}

void DownloadRunner::pause(qint64 id)
{
    const std::optional<QueuedUpload> entry = m_queue->upload(id);
    if (!isDownload(entry) || (entry->state != State::Running && entry->state != State::Waiting))
        return;
    stopRunning(id, State::Paused);
    pump();
    checkIdle();
}

void DownloadRunner::resume(qint64 id)
{
    const std::optional<QueuedUpload> entry = m_queue->upload(id);
    if (!isDownload(entry) || entry->state != State::Paused)
        return;
    m_queue->setState(id, State::Waiting);
    pump();
}

void DownloadRunner::cancel(qint64 id)
{
    const std::optional<QueuedUpload> entry = m_queue->upload(id);
    if (!isDownload(entry) || entry->hasEnded())
        return;
    stopRunning(id, State::Cancelled);
    pump();
    checkIdle();
}

void DownloadRunner::retry(qint64 id)
{
    const std::optional<QueuedUpload> entry = m_queue->upload(id);
    if (!isDownload(entry) || entry->state != State::Failed)
        return;
    m_attempts.remove(id);
    m_linkRenewals.remove(id);
    m_queue->setState(id, State::Waiting);
    pump();
}

void DownloadRunner::pauseAll()
{
    for (const QueuedUpload &entry : m_queue->all())
        if (entry.direction == Direction::Download &&
            (entry.state == State::Running || entry.state == State::Waiting))
            stopRunning(entry.id, State::Paused);
    checkIdle();
}

void DownloadRunner::resumeAll()
{
    for (const QueuedUpload &entry : m_queue->all())
        if (entry.direction == Direction::Download && entry.state == State::Paused)
            m_queue->setState(entry.id, State::Waiting);
    pump();
}

void DownloadRunner::flushEnds()
{
    m_flush.stop();
    if (m_ends.isEmpty())
        return;
    const QList<UploadQueue::DownloadEnd> ends = std::exchange(m_ends, {});
    m_queue->endDownloads(ends);
    m_endsById.clear();
    for (const UploadQueue::DownloadEnd &end : ends)
        emit ended(end.id);
    pump();
    checkIdle();
}

void DownloadRunner::checkIdle()
{
    if (!m_started || !m_running.isEmpty() || !m_delayed.isEmpty() || m_asking)
        return;
    if (nextToStart())
        return;
    if (!m_ends.isEmpty())
        return flushEnds(); // idle once they are written
    emit idle();
}

} // namespace koodrive::transfers
