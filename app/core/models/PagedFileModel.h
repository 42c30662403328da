#pragma once

#include "DriveItemsMime.h"
#include "api/KooDriveClient.h"
#include "catalog/Catalog.h"
#include "thumbnails/ThumbnailScheduler.h"

#include <QAbstractListModel>
#include <QCache>
#include <QElapsedTimer>
#include <QFuture>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace koodrive::models {

// The machinery shared by the models of drive files (a folder, an album's contents): rows arrive a page
// at a time through a cursor (Qt's canFetchMore/fetchMore), the next page is already on its way while the
// view shows this one, rows are kept compact (no JSON, no URL: ../shared/PERFORMANCE-FACTS.md), and
// thumbnails load only for rows a view shows or is about to show.
//
// With a catalog (setCatalog), what was read is kept per place (placeKey()): a place read before opens
// from the catalog at once, its thumbnails from the disk cache, and is then read again in the background
// and brought in line in place (refresh(): inserts, removals, dataChanged; no reset). When the server
// cannot be reached, the saved rows stay, showsSaved() and isUnreachable() say so, and the model asks
// again by itself after a while. With setReadToEnd, the rest of a listing is read in the background after
// the first page, so that the place is complete without the view scrolling to its end.
//
// Signed thumbnail URLs are kept for recently used pages only. They expire anyway (X-Amz-Expires), so a
// page whose URLs are gone, stale or for another size is read again through its cursor when a thumbnail
// of it is wanted; that is also how an expired URL is refreshed (once).
class PagedFileModel : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PagedFileModel)

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        FileTypeRole, // files-list.txt "fileType": 10 folder, 15 image, 20 video, ...
        MimeTypeRole,
        SizeRole,    // bytes
        CreatedRole, // QDateTime (UTC)
        EditedRole,
        TakenRole,      // the shooting time, invalid when unknown
        DimensionsRole, // QSize of the original, invalid when unknown
        IsFolderRole,
        OwnerRole,
        ContainerRole,
        ThumbnailRole,      // QImage, null until loaded; asking for it starts loading it
        ThumbnailStateRole, // int, a thumbnails::ThumbnailState
        FavoriteRole,       // bool: starred (OPERATIONS.md §6)
        DurationRole,       // qint64: a video's length in ms (to the second), 0 when unknown
    };

    PagedFileModel(api::KooDriveClient *client, thumbnails::ThumbnailScheduler *thumbnails, QObject *parent);
    ~PagedFileModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }

    // 1..100 (files-list.txt, "pageSize").
    void setPageSize(int rows) { m_pageSize = qBound(1, rows, 100); }
    int pageSize() const { return m_pageSize; }
    // How many rows a saved place opens with on the window's thread (the view's first screen, with some to
    // spare); the rest is read from the catalog on a worker meanwhile. Each row costs about 15 µs here.
    void setFirstSavedRows(int rows) { m_firstSavedRows = qMax(1, rows); }
    // The size thumbnails are painted at, in device pixels; the server is asked for that size (rounded up).
    void setThumbnailBox(int devicePixels);
    // The same from a tile's size in logical pixels on a screen of this device pixel ratio.
    void setThumbnailSize(int logicalPixels, qreal devicePixelRatio)
    {
        setThumbnailBox(int(std::ceil(logicalPixels * qMax(1.0, devicePixelRatio))));
    }
    int thumbnailBox() const { return m_box; }
    // The rows a view shows now: their thumbnails are asked for at once, and once the view rests, one screen
    // more in the direction it was scrolling; everything else this model asked for is cancelled. While the
    // view flings (fast moves in a row), nothing is asked for.
    void setViewport(int firstRow, int lastRow);

    DriveItem itemAt(int row) const;
    int rowOfId(const QString &id) const;
    bool isLoading() const { return m_insertWanted; }
    // Every page is read and every row is in (the last page may have arrived and still wait for its insert).
    bool isComplete() const { return m_complete && m_arrived.empty() && m_savedRestRows == 0; }
    // After a page failed, canFetchMore() is false (a view would ask again at once, forever) until this.
    void retry();
    // Reads everything again from the first page (a reset).
    void reload();
    // Reads again the rows loaded so far and brings the model in line with the server: rows that appeared
    // are inserted where the server lists them, rows that went are removed, changed rows are updated; no
    // reset (unless the server reordered rows the model holds). E.g. after files were added to an album.
    void refresh();
    bool isRefreshing() const { return m_refreshing; }

    // Where places are kept and opened from (none: the server only). The model does not own it.
    // Another catalog (another account's, or none): what the model holds is saved into the one it had, and
    // nothing is saved again until the next place is opened.
    void setCatalog(catalog::Catalog *catalog);
    // The same account's catalog begun again (the file was found damaged), or none while that happens:
    // nothing is written into the one left, and the place shown is kept in the new one.
    void moveToCatalog(catalog::Catalog *catalog);
    // After the first page, read the rest of the listing page after page (metadata only: thumbnails still
    // load for what is shown), each page inserted as it comes. Stops when the place changes.
    void setReadToEnd(bool readToEnd);
    bool readsToEnd() const { return m_readToEnd; }
    // The rows shown are the catalog's, saved at savedAtMs() (ms since the epoch), not yet confirmed.
    bool showsSaved() const { return m_showsSaved; }
    qint64 savedAtMs() const { return m_savedAtMs; }
    // The last read could not reach the server (no answer, a timeout, a server error). A saved place is
    // asked for again by itself, after reconnectDelayMs() and then twice as long each time, up to 30 s.
    bool isUnreachable() const { return m_unreachable; }
    void setReconnectDelayMs(int ms) { m_firstReconnectMs = qMax(10, ms); }
    int reconnectDelayMs() const { return m_firstReconnectMs; }
    // Rows are still being read in the background (a place read to its end, or a saved place checked).
    bool isReading() const;

    // Edits the window made on the server, shown at once without reading the place again
    // (PagedFileModelEdits.cpp). Rows that left the list (removed from an album, moved to the recycle bin):
    // removed in place.
    void removeIds(const QSet<QString> &ids);
    // These files were starred or unstarred.
    void setFavoriteHere(const QSet<QString> &ids, bool favorite);
    // This file has a new name (the sort may want it elsewhere: the next refresh moves it).
    void renameHere(const QString &id, const QString &name);
    // Names may be edited in place (a folder of the drive, not an album's contents nor the recycle bin).
    void setRenamable(bool renamable) { m_renamable = renamable; }
    bool isRenamable() const { return m_renamable; }
    // The ids of every row held.
    QSet<QString> heldIds() const;

    // How many bytes of row data the model holds (rows, their strings, the page index), for benchmarks.
    qint64 rowMemoryBytes() const;

signals:
    void loadingChanged(bool loading);
    void errorOccurred(const koodrive::api::ApiError &error);
    void completed();
    // showsSaved(), isUnreachable() or isReading() changed.
    void stateChanged();

protected:
    using PageCallback = std::function<void(const api::Result<api::FilePage> &)>;
    // Reads one page of the model's list from `cursor` (empty: the first) with thumbnails of `imageProcess`.
    virtual api::CallHandle requestPage(const QString &cursor, int pageSize, const QString &imageProcess,
                                        PageCallback done) = 0;
    // requestPage() hands this to a files-list query (FileListQuery::cursorSeen), when it is set: the model
    // then asks for the next page while this one is parsed.
    std::function<void(const QString &)> takeCursorSeen() { return std::exchange(m_cursorSeen, {}); }
    // The query changed: drop every row (a reset) and start again from the first page.
    void restart();
    // Every row dropped (a reset), nothing read until the query is set again (signing out). What was read is
    // saved into the catalog first.
    void clearRows();
    api::KooDriveClient *client() const { return m_client; }
    // What names the place in the catalog: everything its rows depend on (folder, sort, order, filter).
    // Empty: the place is not kept (e.g. a search).
    virtual QString placeKey() const { return {}; }

private:
    void dropAll(bool clearOnly);
    void fetch(const QString &cursor);
    void fetched(quint64 generation, const QString &cursor, const api::Result<api::FilePage> &result);
    void aheadArrived(const api::Result<api::FilePage> &result);
    void cancelAhead();
    void discardAhead(); // and what was queued of it
    struct Row
    {
        QString id;
        QString name;
        QString mimeType;    // interned: shared by every row of the same type
        QString ownerId;     // interned
        QString containerId; // interned
        qint64 size = 0;
        qint64 createdMs = 0;
        qint64 editedMs = 0;
        qint64 takenMs = 0;
        quint16 width = 0;
        quint16 height = 0;
        quint8 fileType = 0;
        bool favorite = false;    // starred (OPERATIONS.md §6: "favorite" in every listing)
        quint16 durationSecs = 0; // a video's length, rounded (in the padding before thumbnailRef)
        // The thumbnail's object path and process ("/obs/…?x-image-process=…"): how the disk cache finds
        // it without a signed URL (ThumbnailDiskCache::cacheUrl). Empty when the server gave none.
        QString thumbnailRef;
    };
    struct Page
    {
        QString cursor; // what read this page
        int firstRow = 0;
        std::vector<Row> rows;
        bool saved = false; // from the catalog: no cursor, no URLs; thumbnails from the disk cache only
    };
    struct PageUrls
    {
        QVector<QByteArray> thumbnails; // by row within the page
        int box = 0;
        qint64 goodUntilMs = 0;
    };

    const Row *rowAt(int row, int *pageIndex = nullptr) const;
    int pageOf(int row) const;
    Row makeRow(const api::DriveFile &file);
    const QString &intern(const QString &text);
    void startAhead();
    void insertPage(const api::FilePage &page, QString cursor);
    struct Arrived
    {
        api::FilePage page;
        QString cursor;
    };
    void insertRows(std::vector<Arrived> pages);
    void takeArrivedSoon();
    void insertArrived();
    void pageFailed(const api::ApiError &error);
    void setInsertWanted(bool wanted);
    void refreshFrom(const QString &cursor, int rowsWanted);
    void applyRefresh(const QString &nextCursor);
    void refreshFailed(const api::ApiError &error);
    bool nearView(int firstRow, int lastRow) const;
    bool openSaved();
    void appendSaved(std::vector<Page> &&pages);
    // Saved rows in pages of `pageSize` (their firstRow from 0), for any thread: their repeated texts
    // (type, owner, space) are shared within the rows given.
    static std::vector<Page> savedPages(const QVector<catalog::CatalogRow> &rows, int pageSize);
    void takeSavedRest();
    void saveToCatalog();
    void saveToCatalogSoon();
    void updateState();
    static Row rowFromCatalog(const catalog::CatalogRow &saved);
    static quint16 clampDimension(int value) { return quint16(qBound(0, value, 65535)); }
    // To the nearest second (a badge shows no more); a video under half a second shows 0:01, not nothing.
    static quint16 durationSecs(qint64 ms)
    {
        return ms <= 0 ? 0 : quint16(std::clamp<qint64>((ms + 500) / 1000, 1, 65535));
    }

    QByteArray thumbnailKey(const Row &row) const;
    bool wantsThumbnail(const Row &row) const;
    // urlsJustRead: the page's URLs were read for this very request; use them even if short-lived.
    void requestThumbnail(int row, thumbnails::ThumbnailScheduler::Priority priority,
                          bool urlsJustRead = false);
    void readPageUrls(int pageIndex);
    void storePageUrls(int pageIndex, const QVector<api::DriveFile> &files);
    int takePendingRow(const QByteArray &key); // -1 when not this model's, or no longer at its row
    void onThumbnailEvent(const QByteArray &key);
    void onThumbnailExpired(const QByteArray &key);
    void onThumbnailNotCached(const QByteArray &key);
    void requestAround(bool withPrefetch);
    void onViewRested();
    void markDirty(int row);
    void flushDirty();

    api::KooDriveClient *m_client;
    QPointer<thumbnails::ThumbnailScheduler> m_thumbnails;
    std::vector<Page> m_pages;
    int m_rowCount = 0;
    QSet<QString> m_interned;
    int m_pageSize = 100;
    quint64 m_generation = 0;

    // Paging: the next page is fetched ahead; fetchMore() inserts it as soon as it is there.
    QString m_nextCursor;
    bool m_complete = false; // no page is left to ask for
    // Pages read ahead, in the order they arrived, waiting to go in together: each insertion lays out and
    // repaints the whole grid (2-3 ms at 10 000 rows), so while reading to the end they go in at most every
    // InsertEveryMs; at once when the view wants rows, or with the last page. Always on a next turn: QNAM
    // sends the request for the page after them only when the event loop runs.
    std::vector<Arrived> m_arrived;
    bool m_arrivedQueued = false;
    QTimer m_arrivedTimer;
    // A place read to its end is written to the catalog a little later (saveToCatalogSoon), not in the turn
    // that completes it: 10 000 rows take about 60 ms, which would hold up the screen End asked for.
    QTimer m_saveTimer;
    QElapsedTimer m_sinceInsert;
    bool m_failed = false;
    bool m_insertWanted = false;
    bool m_aheadInFlight = false;
    std::optional<api::FilePage> m_ahead;
    QString m_aheadCursor;
    // Pages asked for, by cursor: the one wanted next, and (reading to the end) those asked for as soon as
    // their cursor was seen in an answer still being parsed.
    struct Fetch
    {
        api::CallHandle call;
        std::optional<api::Result<api::FilePage>> result;
    };
    QHash<QString, Fetch> m_fetches;
    quint64 m_aheadEpoch = 0;                          // discardAhead() makes what was queued before it stale
    std::function<void(const QString &)> m_cursorSeen; // for the requestPage() being made

    // refresh(): the pages read again so far, and their URLs.
    bool m_refreshing = false;
    bool m_refreshAgain = false; // refresh() was called while refreshing: once more when that ends
    std::vector<Page> m_refreshPages;
    QVector<QVector<api::DriveFile>> m_refreshFiles;
    api::CallHandle m_refreshCall;

    // The catalog: the place the rows belong to (its key when they were read), whether they changed since
    // they were saved, and what the window says about them.
    QPointer<catalog::Catalog> m_catalog;
    QString m_placeKey;
    bool m_catalogDirty = false;
    qint64 m_readAtMs = 0;
    bool m_readToEnd = false;
    bool m_showsSaved = false;
    qint64 m_savedAtMs = 0;
    // A saved place opens with its first rows (m_firstSavedRows); the rest is read from the catalog on a
    // worker meanwhile, and goes in when it is there (or at once when wanted: fetchMore, a refresh).
    QFuture<std::optional<std::vector<Page>>> m_savedRest; // made on a worker (savedPages)
    int m_savedRestRows = 0;
    int m_firstSavedRows = 400;
    bool m_signallingReset = false; // modelReset is being emitted
    bool m_renamable = false;
    bool m_unreachable = false;
    int m_stateBits = 0; // showsSaved, isUnreachable, isReading when stateChanged() was last emitted
    QTimer m_reconnect;
    int m_firstReconnectMs = 2000;
    int m_nextReconnectMs = 2000;
    QSet<QByteArray> m_notOnDisk; // keys of saved rows whose thumbnail the disk cache does not have

    // Thumbnails.
    int m_box = 128;
    QString m_process;
    mutable QCache<int, PageUrls> m_pageUrls{40}; // pages, not bytes: about 4 000 URLs
    QHash<int, api::CallHandle> m_urlReads;       // pages being read again for their URLs
    mutable QSet<int> m_wantedAfterUrls;          // rows waiting for their page's URLs
    mutable QHash<QByteArray, int> m_pendingKeys; // thumbnail key -> row
    QVector<int> m_dirtyRows;
    bool m_flushPending = false;
    int m_viewFirst = -1;
    int m_viewLast = -1;
    int m_scrollDirection = 1;
    QElapsedTimer m_viewClock;
    qint64 m_lastViewMs = 0;
    bool m_lastMoveFast = false;
    bool m_flinging = false;
    QTimer m_settleTimer;
};

} // namespace koodrive::models
