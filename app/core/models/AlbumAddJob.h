#pragma once

#include "DriveItemsMime.h"
#include "api/AlbumAddBatch.h"

#include <QObject>
#include <QPointer>

namespace koodrive::models {

// What a drop on a manual album sets going: folders are opened for their images and videos (the ones
// directly inside, as a collection album gathers them), then everything goes in through AlbumAddBatch
// (calls of at most 100, a report per file).
class AlbumAddJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlbumAddJob)

public:
    AlbumAddJob(api::KooDriveClient *client, QString albumId, QVector<DriveItem> items,
                QObject *parent = nullptr);

    void start();
    void cancel();

    const QString &albumId() const { return m_albumId; }
    bool isFinished() const { return m_finished; }
    // The per-file report once finished (files found in folders included); empty when nothing was added.
    QVector<api::AlbumAddBatch::FileReport> report() const;
    int count(api::AlbumAddBatch::Outcome outcome) const;
    // Set when reading a folder failed: nothing was sent.
    const std::optional<api::ApiError> &folderError() const { return m_folderError; }

    // Files (or folders) that could not reach the server and wait in the outbox (AlbumListModel says).
    void setQueuedForLater(int items) { m_queuedForLater = items; }
    int queuedForLater() const { return m_queuedForLater; }

signals:
    void progress(int filesDone, int filesTotal);
    void finished();

private:
    void openNextFolder(const QString &cursor);
    void startBatch();
    void finish();

    api::KooDriveClient *m_client;
    QString m_albumId;
    QVector<DriveItem> m_folders;
    QVector<api::KooDriveClient::FileRef> m_files;
    QSet<QString> m_seen;
    api::CallHandle m_listing;
    QPointer<api::AlbumAddBatch> m_batch;
    std::optional<api::ApiError> m_folderError;
    bool m_cancelled = false;
    bool m_finished = false;
    int m_queuedForLater = 0;
};

} // namespace koodrive::models
