#include "AlbumAddJob.h"

namespace koodrive::models {

using api::AlbumAddBatch;

AlbumAddJob::AlbumAddJob(api::KooDriveClient *client, QString albumId, QVector<DriveItem> items,
                         QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_albumId(std::move(albumId))
{
    for (const DriveItem &item : items) {
        if (item.folder)
            m_folders.append(item);
        else if (!m_seen.contains(item.id)) {
            m_seen.insert(item.id);
            m_files.append({item.id, item.ownerId});
        }
    }
}

void AlbumAddJob::start()
{
    openNextFolder({});
}

void AlbumAddJob::cancel()
{
    m_cancelled = true;
    m_listing.cancel();
    if (m_batch)
        m_batch->cancel();
    else
        finish();
}

void AlbumAddJob::openNextFolder(const QString &cursor)
{
    if (m_cancelled)
        return;
    if (m_folders.isEmpty()) {
        startBatch();
        return;
    }
    const DriveItem &folder = m_folders.constFirst();
    api::KooDriveClient::FileListQuery query;
    query.containerId = folder.containerId;
    query.parentFileId = folder.id;
    query.cursor = cursor;
    query.imageProcess = QStringLiteral("image/resize,m_lfit,h_64,w_64"); // small: only the ids are wanted
    m_listing = m_client->listFiles(query, this, [this](const api::Result<api::FilePage> &result) {
        if (!result.ok()) {
            m_folderError = result.error();
            finish();
            return;
        }
        for (const api::DriveFile &file : result.value().files) {
            if ((file.isImage() || file.isVideo()) && !m_seen.contains(file.id)) {
                m_seen.insert(file.id);
                m_files.append(
                    {file.id, file.ownerId.isEmpty() ? m_folders.constFirst().ownerId : file.ownerId});
            }
        }
        emit progress(0, int(m_files.size()));
        if (result.value().nextCursor.isEmpty()) {
            m_folders.removeFirst();
            openNextFolder({});
        } else {
            openNextFolder(result.value().nextCursor);
        }
    });
}

void AlbumAddJob::startBatch()
{
    if (m_files.isEmpty()) {
        finish();
        return;
    }
    m_batch = new AlbumAddBatch(m_client, m_albumId, m_files, this);
    connect(m_batch, &AlbumAddBatch::progress, this, &AlbumAddJob::progress);
    connect(m_batch, &AlbumAddBatch::finished, this, &AlbumAddJob::finish);
    m_batch->start();
}

void AlbumAddJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished();
}

QVector<AlbumAddBatch::FileReport> AlbumAddJob::report() const
{
    return m_batch ? m_batch->report() : QVector<AlbumAddBatch::FileReport>();
}

int AlbumAddJob::count(AlbumAddBatch::Outcome outcome) const
{
    return m_batch ? m_batch->count(outcome) : 0;
}

} // namespace koodrive::models
