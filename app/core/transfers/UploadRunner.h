#pragma once

#include "FileUpload.h"
#include "UploadQueue.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace koodrive::api {
class AlbumAddBatch;
}

namespace koodrive::transfers {

// Works through an UploadQueue: a few files at a time (FileUpload each), how far each got written to the
// queue after createFile and after every part, so that after a quit or a crash start() goes on at the
// part where each file stood (FileUpload::Resume) without asking. Files bound for an album are added to
// it once in the drive, gathered per album (one AlbumAddBatch for all that arrived within half a second).
// New entries of the queue start by themselves; nothing queued is ignored.
class UploadRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadRunner)

public:
    // `client` and `queue` must outlive the runner.
    UploadRunner(api::KooDriveClient *client, UploadQueue *queue, QObject *parent = nullptr);
    ~UploadRunner() override;

    void setConcurrency(int files) { m_concurrency = std::max(1, files); }
    void setPartSize(qint64 bytes) { m_partSize = bytes; }

    // Takes up what the queue holds: interrupted files go on at their part, pending album adds are made,
    // the waiting ones start.
    void start();

    void pause(qint64 id);
    void resume(qint64 id);
    void cancel(qint64 id);
    // A failed file again: from where it stood (or only its album add, when it is in the drive already).
    void retry(qint64 id);
    void pauseAll();
    void resumeAll();

    bool isRunning(qint64 id) const { return m_running.contains(id); }
    int runningCount() const { return int(m_running.size()); }
    // Bytes of a running file the storage took or is taking.
    qint64 bytesSent(qint64 id) const { return m_sent.value(id); }

signals:
    void progress(qint64 id, qint64 sent, qint64 total);
    // The file reached Done, AlreadyThere or Failed.
    void ended(qint64 id);
    // Nothing waiting, running or being added to an album.
    void idle();

private:
    void pump();
    void run(const QueuedUpload &upload);
    void onFinished(qint64 id, FileUpload *job);
    void stopRunning(qint64 id, QueuedUpload::State state);
    void scheduleAlbumAdds();
    void addToAlbums();
    void onAlbumAdded(api::AlbumAddBatch *batch, const QHash<QString, qint64> &ids);
    void checkIdle();

    api::KooDriveClient *m_client;
    UploadQueue *m_queue;
    int m_concurrency = 2;
    qint64 m_partSize = api::KooDriveClient::MinPartSize;
    bool m_started = false;
    QHash<qint64, FileUpload *> m_running;
    QHash<qint64, qint64> m_sent;
    QHash<qint64, int> m_restarts; // fresh starts after the server lost an unfinished upload
    QSet<QString> m_albumsAdding;  // an AlbumAddBatch is under way for these
    QTimer m_albumAddDelay;
};

} // namespace koodrive::transfers
