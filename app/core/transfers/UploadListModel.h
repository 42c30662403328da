#pragma once

#include "UploadQueue.h"

#include <QAbstractListModel>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>

namespace koodrive::transfers {

class UploadRunner;
class DownloadRunner;

// The uploads of an UploadQueue as rows, for the Transfers panel: in the order they were queued, kept in
// line with the queue as it changes (rows inserted, changed and removed in place, never reset) and with
// the runner's progress while a file is sent.
class UploadListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadListModel)

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        StateRole,     // QueuedUpload::State as int
        StateTextRole, // what a person reads: "Waiting", "Uploading", "Failed: …"
        SentRole,      // bytes the storage took (live while running)
        SizeRole,      // bytes of the file
        ProgressRole,  // 0..1000
        ErrorRole,     // the reason of a failure, as the server or the app said it (plain text)
        TraceIdRole,
        LocalPathRole,
        AlbumRole,     // the album it goes into, or empty
        SpeedRole,     // bytes per second while it is sent (an average over the last seconds); 0 otherwise
        DirectionRole, // QueuedUpload::Direction as int: an upload, or a download (Save to…)
    };

    // The uploads of the current batch, for the status bar: those not ended, and those that ended since
    // the queue last had nothing to do.
    struct Totals
    {
        int files = 0;
        int ended = 0; // done, already there, failed or cancelled
        int failed = 0;
        int paused = 0;
        int downloads = 0; // of `files`, those saved to disk (Save to…)
        qint64 bytes = 0;  // of the files not cancelled
        qint64 sent = 0;
        qint64 bytesPerSecond = 0;
        // -1 while unknown (nothing is moving)
        qint64 secondsLeft() const { return bytesPerSecond > 0 ? (bytes - sent) / bytesPerSecond : -1; }
        bool active() const { return ended < files; }
    };

    // `queue` and `runner` (may be null) must outlive the model.
    UploadListModel(UploadQueue *queue, UploadRunner *runner, QObject *parent = nullptr);
    // The progress of downloads too (they share the queue).
    void followDownloads(DownloadRunner *runner);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(qint64 id) const;

    static QString stateText(const QueuedUpload &upload);
    Totals totals() const;

signals:
    // What totals() says changed (at most a few times a second while bytes move).
    void totalsChanged();

private:
    void onAdded(const QList<qint64> &ids);
    void onChanged(qint64 id);
    void onRemoved();
    void onProgress(qint64 id, qint64 sent);

    void reindex();
    void noteBytes(qint64 id, qint64 sent);

    struct Rate
    {
        qint64 atMs = 0;
        qint64 bytes = 0;
        double bytesPerSecond = 0;
    };

    UploadQueue *m_queue;
    QList<QueuedUpload> m_rows;
    QHash<qint64, int> m_rowOfId;
    QHash<qint64, Rate> m_rates; // running files
    QSet<qint64> m_batch;
    QElapsedTimer m_clock;
};

} // namespace koodrive::transfers
