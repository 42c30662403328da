#pragma once

#include "api/ApiTypes.h"

#include <QFuture>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QVector>
#include <memory>
#include <optional>

class QSqlQuery;

namespace koodrive::catalog {

// One row of a place as the catalog keeps it: what a list call said about a file (files-list.txt, Table 7;
// the album contents call gives the same fields), without anything that expires (no signed URL).
struct CatalogRow
{
    QString id;
    QString name;
    QString mimeType;
    QString ownerId;
    QString containerId;
    // The path of the file's thumbnail object (its signed URL without host, signature and process): the
    // thumbnail disk cache finds the picture by it (ThumbnailDiskCache::cacheUrl) when the server is gone.
    QString thumbnailPath;
    qint64 size = 0;
    qint64 createdMs = 0;
    qint64 editedMs = 0;
    qint64 takenMs = 0;
    int width = 0;
    int height = 0;
    int fileType = 0;
    bool favorite = false; // starred (OPERATIONS.md §6)
    qint64 durationMs = 0; // a video's length (api::DriveFile::durationMs)
};

// A folder of the tree (or a space, at the top), as the tree shows it.
struct TreeNodeRow
{
    QString id;
    QString name;
    QString containerId;
    QString ownerId;
    QString groupId;
    qint64 shareFolderId = 0;
    bool shared = false;
};

// A place (a folder in one sort order and filter, an album's contents in one order) as last read.
struct PlaceSnapshot
{
    QVector<CatalogRow> rows; // from the first, all of them or as many as were asked for
    qint64 readAtMs = 0;      // when the server last gave these rows (ms since the epoch, UTC)
    bool complete = false;    // the listing was read to its end
    int rowCount = 0;         // how many rows the place holds (`rows` may hold fewer)
    qint64 id = -1;           // for Catalog::placeRows()
};

// An album edit waiting in the outbox (models::AlbumOutbox says what the kinds and payloads are).
struct OutboxEntry
{
    qint64 seq = 0; // the order the edits were made in
    int kind = 0;
    QString albumId;
    QString albumName; // as the person saw it, for the report
    QByteArray payload;
    qint64 createdMs = 0;
    bool sent = false;
};

// The per-account catalog of what the app has read: an SQLite file in the app's data location, one per
// server and user (AccountCatalog names it). Places are kept in full, keyed by what names them (the model
// says, e.g. "folder|<space>|<folder>|<sort>|<order>|<filter>"), with when they were read; the least
// recently used are dropped when the rows pass a bound. The file is a cache of the server's answers: one
// that cannot be read (truncated, not a database, from a newer app, or marked damaged by check()) is moved
// aside and a new one begun, and the app goes on. Schema and migrations: CatalogSchema.cpp.
//
// Everything runs on the thread that opened it (the GUI thread), but placeRows(), which reads through a
// connection of its own on any thread: reading a place of 10 000 rows takes 40-60 ms in the app, so a place
// opens with its first screens' worth and the rest follows from a worker; and storePlaceLater(), which
// writes a place on a worker (storing 10 000 rows takes 60 ms). Every other call waits for that write
// first (settle()): the catalog's own connection and its writer never write at once, and what a call
// reads is what the calls before it wrote.
class Catalog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Catalog)

public:
    static constexpr qint64 DefaultRowLimit = 500'000;

    // Opens (or makes) the catalog at `path`. Null only when no catalog can be kept there at all (`error`
    // says why); the app then works without one.
    static std::unique_ptr<Catalog> open(const QString &path, QString *error = nullptr);
    ~Catalog() override;
    // Deletes the catalog file at `path` with its journal, and any copy of it set aside as unreadable
    // (signing out and forgetting the account).
    static bool remove(const QString &path);

    // Looks at every page of the catalog at `path` (damage inside the file that opening it does not see)
    // through a connection of its own, read-only: for any thread, while the catalog is in use. Empty when
    // it is whole; otherwise what is wrong (SQLite's words).
    static QString check(const QString &path);
    // The catalog at `path` was found damaged: the next open() sets it aside and begins a new one, its
    // waiting album edits read back into it. False when the mark cannot be written.
    static bool markDamaged(const QString &path, const QString &problem);

    QString path() const { return m_path; }
    // Set when the file found could not be used and a new one was begun; empty otherwise.
    QString recoveryNote() const { return m_recoveryNote; }
    int schemaVersion() const;

    // The place as last stored, or nothing when it never was (or was dropped). Marks it as used now.
    // With firstRows >= 0, only that many rows from the first (rowCount says how many there are).
    std::optional<PlaceSnapshot> place(const QString &key, int firstRows = -1);
    // The rows of the place `placeId` of the catalog at `path` from position `from` on, as stored when the
    // place was read at `readAtMs`; nothing when it was stored again since (or cannot be read). For any
    // thread: it opens a connection of its own, read-only (the write-ahead log lets it read while the
    // catalog's thread writes).
    static std::optional<QVector<CatalogRow>> placeRows(const QString &path, qint64 placeId, int from,
                                                        qint64 readAtMs);
    // Replaces the place's rows with `rows` (in the server's order), read at `readAtMs`. Then, if the
    // catalog holds more rows than its limit, drops the least recently used other places.
    bool storePlace(const QString &key, const QVector<CatalogRow> &rows, bool complete, qint64 readAtMs);
    // The same on a worker, through a connection of its own (CatalogStore.cpp): the calling thread goes on.
    // The next call of this catalog's (or its end) waits for it to be written.
    void storePlaceLater(const QString &key, QVector<CatalogRow> rows, bool complete, qint64 readAtMs);
    // Waits for a storePlaceLater() still being written.
    void settle() const;
    // The place was read again and found as stored: only when, and whether it is complete, change.
    void markRead(const QString &key, qint64 readAtMs, bool complete);
    void forgetPlace(const QString &key);

    // The folder tree: the children of `parentKey` ("" for the spaces) as last listed, or nothing.
    std::optional<QVector<TreeNodeRow>> treeChildren(const QString &parentKey);
    bool storeTreeChildren(const QString &parentKey, const QVector<TreeNodeRow> &children);
    // An album list (`list`: the model's section) as last read in full. Covers come back as a URL of the
    // disk cache's (ThumbnailDiskCache::cacheRefUrl), not the server's.
    std::optional<QVector<api::Album>> albums(int list);
    bool storeAlbums(int list, const QVector<api::Album> &albums);
    bool hasPlace(const QString &key);

    // The outbox of album edits (CatalogOutbox.cpp). Every change is committed before it returns, with
    // synchronous=FULL: an edit written down survives the app killed and the machine's power cut.
    qint64 enqueueEdit(const OutboxEntry &entry); // the entry's seq, or -1 when it could not be written
    QVector<OutboxEntry> pendingEdits();
    bool markEditSent(qint64 seq);
    bool finishEdit(qint64 seq);
    // Edits of an album created here, once the server has given it its id.
    bool retargetEdits(const QString &fromAlbumId, const QString &toAlbumId);
    // One edit's album (a create's pending id), or its details and whether its call may have gone out.
    bool setEditAlbum(qint64 seq, const QString &albumId);
    bool rewriteEdit(qint64 seq, const QByteArray &payload, bool sent);

    void setRowLimit(qint64 rows) { m_rowLimit = qMax<qint64>(1, rows); }
    qint64 rowLimit() const { return m_rowLimit; }
    qint64 rowCount() const;
    int placeCount() const;

private:
    explicit Catalog(QString connection, QString path);
    bool prepare(QString *error);
    static QString damageMarkPath(const QString &path);
    // Edits that waited in a catalog file set aside as unreadable, read from it as far as it can be read
    // and written into this one in their order (CatalogOutbox.cpp); how many.
    int recoverEdits(const QString &asidePath);
    // The catalog's own connection, for this thread, once a place being written on a worker is written.
    QSqlDatabase database() const;
    const QString &connection() const;
    // Writing places through the connection named (the catalog's own, or a writer's on a worker:
    // CatalogStore.cpp).
    static bool writePlace(const QString &connection, const QString &key, const QVector<CatalogRow> &rows,
                           bool complete, qint64 readAtMs, qint64 rowLimit);
    static bool writePlaceApart(const QString &path, const QString &key, const QVector<CatalogRow> &rows,
                                bool complete, qint64 readAtMs, qint64 rowLimit);
    static void dropLeastRecentlyUsed(const QString &connection, qint64 keepPlaceId, qint64 rowLimit);
    static qint64 rowsIn(const QString &connection);
    // Commits the store (or rolls it back when !ok), then keeps the catalog within its bound.
    static bool finishStore(const QString &connection, bool ok, qint64 placeId, const QSqlQuery &query,
                            qint64 rowLimit);
    // The place's row in `places` made or updated, and its old rows of every kind gone; -1 on failure.
    static qint64 replacePlace(const QString &connection, const QString &key, qint64 rowCount, bool complete,
                               qint64 readAtMs);
    // The place's id and when it was read, marked as used now; -1 when it is not kept.
    qint64 usePlace(const QString &key, qint64 *readAtMs = nullptr, bool *complete = nullptr,
                    int *rowCount = nullptr);

    QString m_connection;
    QString m_path;
    QString m_recoveryNote;
    bool m_fromNewerApp = false; // the file found was written by a newer app (prepare())
    qint64 m_rowLimit = DefaultRowLimit;
    mutable QFuture<bool> m_write; // storePlaceLater()'s
};

} // namespace koodrive::catalog
