#pragma once

#include "UploadQueue.h"

#include <QAbstractListModel>
#include <QHash>

namespace koodrive::transfers {

class UploadRunner;

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
        AlbumRole, // the album it goes into, or empty
    };

    // `queue` and `runner` (may be null) must outlive the model.
    UploadListModel(UploadQueue *queue, UploadRunner *runner, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(qint64 id) const;

    static QString stateText(const QueuedUpload &upload);

private:
    void onAdded(const QList<qint64> &ids);
    void onChanged(qint64 id);
    void onRemoved();
    void onProgress(qint64 id, qint64 sent);

    UploadQueue *m_queue;
    QList<QueuedUpload> m_rows;
};

} // namespace koodrive::transfers
