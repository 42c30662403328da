#include "DownloadRunner.h"

#include "FileDownload.h"
#include "LocalNames.h"

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
    connect(m_queue, &UploadQueue::added, this, &DownloadRunner::pump);
}

// Running files stay Running in the queue, their part files on disk: the next start() goes on with them.
DownloadRunner::~DownloadRunner()
{
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
        std::optional<QueuedUpload> next = m_queue->nextWaiting(Direction::Download);
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
        if (entry.resume.containerId != containerId || ids.contains(entry.driveFileId))
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

bool DownloadRunner::chooseFiles(QueuedUpload &download)
{
    if (!download.localPath.isEmpty() && !download.partPath.isEmpty())
        return true; // chosen when it first started: it goes on there
    const QDir folder(download.localFolder);
    // The server's name, made a safe file name (LocalNames), and the first of "name (n).ext" that is free
    // on disk and not promised to another download.
    const QString name = LocalNames::firstFreeName(
        LocalNames::safeFileName(download.fileName), [this, &folder](const QString &candidate) {
            const QString path = folder.filePath(candidate);
            return m_reserved.contains(path) || QFileInfo::exists(path);
        });
    QString part;
    for (int attempt = 0; attempt < 100 && part.isEmpty(); ++attempt) {
        const QString candidate =
            folder.filePath(QStringLiteral(".koodrive-%1.part")
                                .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0')));
        if (!QFileInfo::exists(candidate))
            part = candidate;
    }
    if (name.isEmpty() || part.isEmpty()) {
        m_queue->setState(download.id, State::Failed, tr("No free name for it is left in that folder."));
        emit ended(download.id);
        return false;
    }
    download.localPath = folder.filePath(name);
    download.partPath = part;
    m_reserved.insert(download.localPath);
    m_queue->setDownloadFiles(download.id, download.localPath, download.partPath);
    return true;
}

void DownloadRunner::run(const QueuedUpload &download, const QByteArray &url)
{
    const qint64 id = download.id;
    auto *job = new FileDownload(m_network, download, url, budgetFor(download.size), this);
    m_running.insert(id, job);
    m_queue->setState(id, State::Running);
    connect(job, &FileDownload::progress, this,
            [this, id](qint64 received, qint64 total) { emit progress(id, received, total); });
    connect(job, &FileDownload::answered, this, [this, id, job](const QString &etag, qint64 total) {
        m_queue->setReceived(id, job->received(), etag, total);
    });
    connect(job, &FileDownload::finished, this, [this, id, job] { onFinished(id, job); });
    job->start();
}

void DownloadRunner::onFinished(qint64 id, FileDownload *job)
{
    m_running.remove(id);
    job->deleteLater();
    const std::optional<QueuedUpload> entry = m_queue->upload(id);
    if (!entry)
        return pump();
    m_queue->setReceived(id, job->received(), job->etag(), job->total());
    switch (job->outcome()) {
    case FileDownload::Outcome::Done:
        m_reserved.remove(entry->localPath);
        m_queue->setDownloadFiles(id, job->savedPath(), QString());
        m_queue->setState(id, State::Done);
        m_attempts.remove(id);
        m_linkRenewals.remove(id);
        emit ended(id);
        break;
    case FileDownload::Outcome::LinkRefused:
        if (m_linkRenewals.value(id) < MaxLinkRenewals) {
            m_linkRenewals[id] += 1;
            m_queue->setState(id, State::Waiting); // a new link is asked for
            break;
        }
        m_queue->setState(id, State::Failed, tr("The server refused the file's download link (HTTP 403)."));
        emit ended(id);
        break;
    case FileDownload::Outcome::Failed:
        if (job->error().retryable && m_attempts.value(id) < m_retryDelaysMs.size()) {
            const int delay = m_retryDelaysMs.at(m_attempts.value(id));
            m_attempts[id] += 1;
            m_delayed.insert(id); // stays Running: it goes on by itself
            QTimer::singleShot(delay, this, [this, id] {
                if (!m_delayed.remove(id))
                    return; // paused or cancelled meanwhile
                m_queue->setState(id, State::Waiting);
                pump();
            });
            break;
        }
        m_attempts.remove(id);
        m_queue->setState(id, State::Failed, job->error().message, job->error().traceId);
        emit ended(id);
        break;
    }
    pump();
    checkIdle();
}

void DownloadRunner::stopRunning(qint64 id, State state)
{
    if (FileDownload *job = m_running.take(id)) {
        disconnect(job, nullptr, this, nullptr);
        job->cancel();
        job->deleteLater();
    }
    m_delayed.remove(id);
    if (state == State::Cancelled) {
        if (const auto entry = m_queue->upload(id)) {
            if (!entry->partPath.isEmpty() && LocalNames::isInside(entry->localFolder, entry->partPath))
                QFile::remove(entry->partPath);
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

void DownloadRunner::checkIdle()
{
    if (!m_started || !m_running.isEmpty() || !m_delayed.isEmpty() || m_asking)
        return;
    if (m_queue->nextWaiting(Direction::Download))
        return;
    emit idle();
}

} // namespace koodrive::transfers
