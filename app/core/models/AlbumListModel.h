#pragma once

#include "AlbumAddJob.h"
#include "AlbumOutbox.h"
#include "api/KooDriveClient.h"
#include "catalog/Catalog.h"
#include "thumbnails/ThumbnailScheduler.h"

#include <QAbstractListModel>
#include <QPointer>
#include <array>

namespace koodrive::models {

// The user's albums: personal then shared, each manual then collection (album-list.txt needs a kind and a
// type per call, so the model gathers four lists), a page of 100 at a time. Creating, renaming, rescoping
// and deleting change rows in place. Drive files and folders dropped on a manual album are added to it;
// collection albums take no drops (album-add-content.txt: manual albums only).
class AlbumListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlbumListModel)

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        KindRole, // api::AlbumKind as int: 1 personal, 2 shared
        TypeRole, // api::AlbumType as int: 1 collection, 2 manual
        IsManualRole,
        CoverRole,       // QImage, null until loaded; asking for it loads it
        CoverStateRole,  // int, a thumbnails::ThumbnailState
        ScopeDirsRole,   // QStringList
        ScopeKindRole,   // "1", "2" or "1,2"
        ScopeParentRole, // QString
        OwnerRole,
        GroupRole,
        CreatedRole, // QDateTime (UTC)
        UpdatedRole,
        CountRole,   // int: how many items the album holds, -1 until known (read when first asked for)
        PendingRole, // int: edits of the album waiting in the outbox to be sent
    };

    AlbumListModel(api::KooDriveClient *client, thumbnails::ThumbnailScheduler *thumbnails,
                   QObject *parent = nullptr);
    ~AlbumListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QHash<int, QByteArray> roleNames() const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;
    QStringList mimeTypes() const override;
    Qt::DropActions supportedDropActions() const override { return Qt::CopyAction; }
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    api::Album albumAt(int row) const;
    int rowOfId(const QString &albumId) const;
    bool isLoading() const { return m_fetching.isActive(); }
    bool isComplete() const;
    // Reads the lists again from their first pages. With a catalog, the lists as last read are shown at
    // once (covers from the disk cache only) and brought in line as the pages come: albums changed are
    // updated, new ones inserted, and albums a list no longer has are removed once it is read to its end.
    void reload();
    // Every row dropped, nothing read until reload() (signing out).
    void clear();
    // Where the lists are kept (none: the server only). The model does not own it.
    void setCatalog(catalog::Catalog *catalog) { m_catalog = catalog; }
    // Some rows are the catalog's, not yet confirmed by the server.
    bool showsSaved() const;
    // Where edits wait when the server cannot be reached (none: they fail). Rows show the edits waiting
    // there (names given, albums made or deleted here). The model does not own it.
    void setOutbox(AlbumOutbox *outbox);
    // After a page failed, views ask for nothing more (no request storm behind an error) until this.
    void retry();
    bool hasFailed() const { return m_failed; }

    // Each finishes with `done` (ok or the error); the rows change when the server has agreed. With an
    // outbox, an edit the server cannot be reached for (or that waits behind others) is written down there,
    // the rows change at once, and `done` hears ok (an album made so has a pending id, "pending:<n>").
    using Done = std::function<void(const api::Result<QString> &)>; // the album's id
    void createAlbum(const api::KooDriveClient::NewAlbum &album, Done done = {});
    void renameAlbum(int row, const QString &name, Done done = {});
    void rescopeAlbum(int row, const QStringList &scopeDirs, const QString &scopeParentFolderId, bool images,
                      bool videos, Done done = {});
    void deleteAlbum(int row, Done done = {});
    // Adds drive files (and the images and videos of folders) to a manual album; the job is the model's
    // child and reports progress; the row is read again when it ends (its cover may change). Null when
    // nothing is sent now: nothing to add, or the addition waits in the outbox (`queued` says so).
    AlbumAddJob *addToAlbum(int row, const QVector<DriveItem> &items, bool *queued = nullptr);

    // Reads the album's row again (its count, scope and cover), e.g. after photos were added to it.
    void refreshAlbum(const QString &albumId);
    // Reads every page read so far again, in place (no reset: the selection and the scroll stay), and the
    // counts when next shown: after files left the drive or came back, which changes counts and covers.
    void refreshAll();

signals:
    void errorOccurred(const koodrive::api::ApiError &error);
    void addStarted(koodrive::models::AlbumAddJob *job);
    void loadingChanged(bool loading);

private:
    static constexpr int SectionCount = 4;
    struct Section
    {
        api::AlbumKind kind;
        api::AlbumType type;
        int nextPage = 1;
        int total = -1; // unknown until its first page
        int loaded = 0;
        bool complete() const { return total >= 0 && loaded >= total; }
    };
    struct Row
    {
        api::Album album;
        int section = 0;
        int page = 1;         // the page it came on, to read its cover URL again
        quint64 editedAt = 0; // m_edits when the model last changed it itself (a rename)
        bool saved = false;   // from the catalog: not seen in this reading of its list yet
    };
    void forgetReading(); // what is being read is not taken in
    void dropRows(int total);
    void showSaved();
    void showCreatedHere();
    bool applyPending(api::Album &album) const; // false: deleted here, not shown
    void insertCreated(const api::Album &album, int section);
    void removeRowOf(const QString &albumId);
    void uncount(int section); // an album counted in the section's pages left it
    void onAlbumCreated(const QString &pendingId, const QString &albumId);
    bool waits(const QString &albumId) const;
    // The answer to an edit this model sent itself, written down in the outbox as `seq` (-1: none). One
    // that could not reach the server waits there and is shown done (`apply`); otherwise it leaves the
    // outbox, and the error is reported or the edit applied.
    void settleDirect(qint64 seq, const api::Result<api::Done> &result, const Done &done,
                      const std::function<void()> &apply);
    void sectionRead(int section);
    void saveSection(int section);
    void onCoverNotCached(const QByteArray &key);

    static int sectionOf(api::AlbumKind kind, api::AlbumType type);
    int sectionEnd(int section) const; // the row after the section's last
    int sectionStart(int section) const;
    void fetchPage(int section, int page, bool refreshOnly);
    void mergePage(int section, int page, const api::AlbumPage &albums, bool refreshOnly, quint64 askedAt);
    QByteArray coverKey(const Row &row) const;
    void onCoverEvent(const QByteArray &key);
    void onCoverExpired(const QByteArray &key);
    void readCount(const QString &albumId) const;
    void fail(const api::ApiError &error, const Done &done);

    api::KooDriveClient *m_client;
    QPointer<thumbnails::ThumbnailScheduler> m_thumbnails;
    QPointer<catalog::Catalog> m_catalog;
    QPointer<AlbumOutbox> m_outbox;
    QHash<QString, int> m_hidden;       // albums the server lists but whose deletion waits -> their section
    QSet<QByteArray> m_coversNotOnDisk; // saved covers the disk cache does not have
    std::array<Section, SectionCount> m_sections;
    QVector<Row> m_rows;
    api::CallHandle m_fetching;
    bool m_failed = false;
    quint64 m_generation = 0;
    quint64 m_edits = 0;                  // changes made here; a page asked for before one does not undo it
    QSet<QString> m_refreshing;           // "<section>/<page>" being read again
    QSet<QString> m_refreshAgain;         // asked for again while being read: read once more when that ends
    mutable QHash<QString, int> m_counts; // album id -> items; -1 while being read
    mutable QHash<QByteArray, QStringList> m_pendingCovers; // cover key asked for -> albums showing it
};

} // namespace koodrive::models
