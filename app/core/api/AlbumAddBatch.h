#pragma once

#include "KooDriveClient.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace koodrive::api {

// Adds any number of files to a manual album: first reads what the album already holds, then sends the
// rest in calls of at most 100 (album-add-content.txt), a few at a time, and ends with a report for every
// file. A call that is refused because of one file (the service names it, e.g. fileIds[7].fileId) is sent
// again without that file; a call that fails otherwise fails its files, and is not replayed blindly.
class AlbumAddBatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlbumAddBatch)

public:
    static constexpr int MaxFilesPerCall = 100;

    enum class Outcome
    {
        Pending,
        Added,
        AlreadyThere,
        Failed,
        Cancelled
    };
    struct FileReport
    {
        KooDriveClient::FileRef file;
        Outcome outcome = Outcome::Pending;
        ApiError error; // for Failed
    };

    AlbumAddBatch(KooDriveClient *client, QString albumId, const QVector<KooDriveClient::FileRef> &files,
                  QObject *parent = nullptr);

    void setConcurrency(int calls) { m_concurrency = qMax(1, calls); }
    void start();
    void cancel();

    const QString &albumId() const { return m_albumId; }
    const QVector<FileReport> &report() const { return m_report; }
    int count(Outcome outcome) const;
    int callsSent() const { return m_callsSent; }
    bool isFinished() const { return m_finished; }

signals:
    void progress(int filesDone, int filesTotal);
    void finished();

private:
    void readExisting(const QString &cursor);
    void planChunks();
    void sendMore();
    void send(QVector<int> chunk);
    void settle(const QVector<int> &chunk, Outcome outcome, const ApiError &error = {});
    void finishIfDone();
    int done() const;

    KooDriveClient *m_client;
    QString m_albumId;
    QVector<FileReport> m_report;
    QSet<QString> m_existing;
    QVector<QVector<int>> m_pending; // indexes into m_report, at most 100 each
    QVector<CallHandle> m_calls;
    int m_inFlight = 0;
    int m_concurrency = 3;
    int m_callsSent = 0;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace koodrive::api
