#pragma once

#include "DriveItemsMime.h"
#include "api/KooDriveClient.h"
#include "catalog/Catalog.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace koodrive::models {

class AlbumAddJob;

// Album edits that could not reach KooDrive yet: creating, renaming and deleting albums, adding photos to
// and taking them out of manual albums, made while the server was gone (or while its call failed for
// now). Each is written to the account's catalog before anything shows it (nothing is lost when the app
// quits or is killed), shown as pending, and sent again in the order it was made once the server answers.
//
// Sending again is safe when an answer was lost: adding reads what the album holds first (AlbumAddBatch),
// renaming and taking out are the same however often they are sent, deleting an album already gone is done,
// and an album whose create call went out before a crash is looked for by its name before it is made again.
// An edit the server refuses (the album was deleted elsewhere, the name is not allowed) is reported and
// dropped: it would be refused again.
//
// Without a catalog the edits wait in memory only (tests, a catalog that could not be opened).
class AlbumOutbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlbumOutbox)

public:
    enum class Kind
    {
        Create = 1,
        Rename = 2,
        Delete = 3,
        Add = 4,
        Remove = 5,
    };
    enum class Outcome
    {
        Done,        // the server took it
        AlreadyDone, // it had been taken before (an answer lost): nothing changed twice
        Conflict,    // refused: the album was deleted elsewhere, or the edit is not allowed any more
    };
    struct Report
    {
        Kind kind = Kind::Rename;
        QString albumName;
        Outcome outcome = Outcome::Done;
        int files = 0;     // Add and Remove: how many files the edit named
        QString message{}; // Conflict: why, for a person (plain text)
        QString traceId{};
    };

    explicit AlbumOutbox(api::KooDriveClient *client, QObject *parent = nullptr);
    ~AlbumOutbox() override;

    // The edits left waiting in the catalog (a previous run's) are read; the outbox does not own it.
    void setCatalog(catalog::Catalog *catalog);
    // Clears what is held in memory (the catalog keeps it): signing out.
    void clear();

    // True while edits wait (or one is being sent by a model): a new edit then waits behind them, so that
    // the server sees them in the order they were made.
    bool isHolding() const { return !m_entries.isEmpty(); }
    // Edits waiting to be sent (not those a model is sending itself).
    int pendingCount() const { return int(m_entries.size() - m_direct.size()); }
    int pendingFor(const QString &albumId) const;
    static bool isLocalId(const QString &albumId);
    // The server could not be reached for the call, or the session must be renewed: the edit waits and
    // goes again. Anything else is the edit's own answer (done, or refused).
    static bool mustWait(const api::ApiError &error);

    // An edit a model sends itself (nothing waits before it) is written down first, as being sent: a
    // crash meanwhile finds it and sends it again (each kind checks before changing anything twice), and
    // edits made meanwhile wait behind it. A ticket for sent()/waitsAfterAll(), or -1 when it could not be
    // written (send it anyway). A ticket from before clear() (another account) is stale: ignored.
    qint64 sending(Kind kind, const QString &albumId, const QString &name, const QJsonObject &payload);
    // The call ended with the server's answer (done or refused: the model reports it): the edit leaves.
    void sent(qint64 ticket);
    // The call could not reach the server: the edit waits to be sent again, with what is left of it
    // (`payload`, when only part of it is), `mayHaveArrived` false when it surely did not arrive.
    void waitsAfterAll(qint64 ticket, const std::optional<QJsonObject> &payload = {},
                       bool mayHaveArrived = true);
    QString albumIdOf(qint64 ticket) const;
    // The ticket is this outbox's, since its last clear(): an edit's next step may go out.
    bool isCurrent(qint64 ticket) const { return ticket >= 0 && (ticket >> TicketBits) == m_epoch; }
    // The payloads the edits carry.
    static QJsonObject createPayload(const api::KooDriveClient::NewAlbum &album);
    static QJsonObject renamePayload(const QString &name);
    static QJsonObject addPayload(const QVector<DriveItem> &items);
    static QJsonObject removePayload(const QStringList &fileIds);
    // The album list's row of an album as it was asked to be made (before the server says more).
    static api::Album albumOf(const api::KooDriveClient::NewAlbum &made, const QString &albumId,
                              const QString &ownerId, qint64 createdMs);

    // Each writes the edit down (false when the catalog could not) and sends what waits when the server
    // can be reached. create returns the album's id until the server gives it one ("pending:<seq>").
    QString queueCreate(const api::KooDriveClient::NewAlbum &album);
    bool queueRename(const QString &albumId, const QString &oldName, const QString &newName);
    bool queueDelete(const QString &albumId, const QString &name);
    bool queueAdd(const QString &albumId, const QString &name, const QVector<DriveItem> &items);
    bool queueRemove(const QString &albumId, const QString &name, const QStringList &fileIds);

    // What the album list shows meanwhile: albums made here, the names given, the albums deleted.
    QVector<api::Album> createdAlbums() const;
    std::optional<QString> pendingName(const QString &albumId) const;
    bool isPendingDelete(const QString &albumId) const;
    QSet<QString> pendingRemovals(const QString &albumId) const;

    // Sends what waits, in order. Stops at the first edit that cannot reach the server and tries again by
    // itself after 2 s, then twice as long each time up to a minute (or at once on the next replay()).
    void replay();
    bool isReplaying() const { return m_sending; }
    void setRetryDelayMs(int ms) { m_firstRetryMs = m_retryMs = qMax(1, ms); }

signals:
    void changed(); // an edit was queued or has left the outbox
    // An edit was written down to be sent later (files: for Add and Remove, how many it names).
    void queued(koodrive::models::AlbumOutbox::Kind kind, const QString &albumName, int files);
    void reported(const koodrive::models::AlbumOutbox::Report &report);
    // Nothing is left: every edit of this round was sent or refused (each reported by reported()).
    void drained(const QVector<koodrive::models::AlbumOutbox::Report> &reports);
    // The album made here has its server id now: rows and places showing the pending id take this one.
    void albumCreated(const QString &pendingId, const QString &albumId);
    // A round stopped: the server could not be reached (it goes on by itself later).
    void stalled(const koodrive::api::ApiError &error);

private:
    qint64 enqueue(Kind kind, const QString &albumId, const QString &name, const QJsonObject &payload,
                   bool direct);
    static int filesOf(const catalog::OutboxEntry &entry);
    static constexpr int TicketBits = 40; // a ticket: the epoch above, the entry's seq below
    qint64 seqOf(qint64 ticket) const
    {
        return isCurrent(ticket) ? (ticket & ((qint64(1) << TicketBits) - 1)) : -1;
    }
    void sendFirst();
    void settle(Outcome outcome, int files = 0, const api::ApiError *error = nullptr);
    void stall(const api::ApiError &error);
    void sendCreate(const catalog::OutboxEntry &entry);
    void findCreated(const catalog::OutboxEntry &entry);
    void created(const catalog::OutboxEntry &entry, const QString &albumId);
    void sendAdd(const catalog::OutboxEntry &entry);
    void sendRemove(const catalog::OutboxEntry &entry, QStringList remaining);
    static api::KooDriveClient::NewAlbum newAlbumOf(const QByteArray &payload);

    api::KooDriveClient *m_client;
    QPointer<catalog::Catalog> m_catalog;
    QVector<catalog::OutboxEntry> m_entries; // in order; the first is the one being sent
    QSet<qint64> m_direct;                   // entries a model is sending itself
    QVector<Report> m_reports;               // of this round
    qint64 m_memorySeq = 0;                  // without a catalog
    qint64 m_epoch = 0;                      // clear() counts: tickets of an earlier epoch are stale
    api::CallHandle m_call;
    QPointer<AlbumAddJob> m_addJob;
    QTimer m_retry;
    int m_firstRetryMs = 2000;
    int m_retryMs = 2000;
    bool m_sending = false;
};

} // namespace koodrive::models
