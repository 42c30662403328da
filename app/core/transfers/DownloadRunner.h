#pragma once

#include "UploadQueue.h"
#include "api/KooDriveClient.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

class QNetworkAccessManager;

namespace koodrive::transfers {

class FileDownload;

// Works through the downloads of an UploadQueue (Save to…), a few files at a time (FileDownload each):
// - download links are asked for up to 100 files at once (README.md "download links"), just before they
//   are used (their lifetime is not documented); a link answered 403 is asked for again, twice at most;
// - each file gets a free, safe name in its folder when it starts (LocalNames: the server's name is never a
//   path), kept in the queue with its hidden part file, so that after a quit or a crash start() goes on
//   at the byte where it stood (HTTP range), without asking;
// - a transfer cut short is taken up again after 1, 2 and 4 s, from where it stopped; then it fails, with
//   the reason, and Retry goes on from there.
class DownloadRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadRunner)

public:
    // The bytes one file may take: twice what it was listed with, and at least 256 MiB (a server that
    // lists a size is believed within that; one that sends more is stopped there).
    static qint64 budgetFor(qint64 listedSize);

    // `client`, `network` and `queue` must outlive the runner.
    DownloadRunner(api::KooDriveClient *client, QNetworkAccessManager *network, UploadQueue *queue,
                   QObject *parent = nullptr);
    ~DownloadRunner() override;

    void setConcurrency(int files) { m_concurrency = std::max(1, files); }
    void setRetryDelaysMs(QList<int> delays) { m_retryDelaysMs = std::move(delays); }

    void start();
    void pause(qint64 id);
    void resume(qint64 id);
    // Stops it for good; its part file is removed.
    void cancel(qint64 id);
    void retry(qint64 id);
    void pauseAll();
    void resumeAll();

    bool isRunning(qint64 id) const { return m_running.contains(id); }
    int runningCount() const { return int(m_running.size()); }

signals:
    void progress(qint64 id, qint64 received, qint64 total);
    // Done (savedPath() in the queue's localPath) or Failed.
    void ended(qint64 id);
    // Nothing waiting or running.
    void idle();

private:
    struct Link
    {
        QByteArray url;
        qint64 atMs = 0;
    };

    void pump();
    void askLinks(const QueuedUpload &first);
    bool chooseFiles(QueuedUpload &download);
    static QString partPathFor(const QueuedUpload &download);
    void run(const QueuedUpload &download, const QByteArray &url);
    void onFinished(qint64 id, FileDownload *job);
    void stopRunning(qint64 id, QueuedUpload::State state);
    void checkIdle();
    void flushEnds();
    std::optional<QueuedUpload> nextToStart() const;

    api::KooDriveClient *m_client;
    QNetworkAccessManager *m_network;
    UploadQueue *m_queue;
    int m_concurrency = 3;
    QList<int> m_retryDelaysMs{1000, 2000, 4000};
    bool m_started = false;
    QHash<qint64, FileDownload *> m_running;
    QHash<QString, Link> m_links; // by file id
    api::CallHandle m_linkCall;
    bool m_asking = false;
    int m_linkFailures = 0;
    QHash<qint64, int> m_attempts;          // transfers cut short, by queue id
    QHash<qint64, int> m_linkRenewals;      // links refused (403), by queue id
    QSet<qint64> m_delayed;                 // waiting for their retry delay
    QSet<QString> m_reserved;               // local paths of downloads not ended
    QHash<qint64, QueuedUpload> m_entries;  // running, as they were when they started
    QList<UploadQueue::DownloadEnd> m_ends; // ended, not written yet
    QSet<qint64> m_endsById;
    QTimer m_flush;
    QElapsedTimer m_clock;
};

} // namespace koodrive::transfers
