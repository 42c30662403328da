#pragma once

#include "FileCursor.h"
#include "StoreTypes.h"

#include <QVector>
#include <optional>

namespace koodrive::sim {

class SimStore;

// Albums, their collection scopes and their items.
class AlbumStore final
{
public:
    explicit AlbumStore(SimStore &store);

    void insert(const AlbumRow &album);
    void update(const AlbumRow &album);
    void remove(const QString &albumId);
    std::optional<AlbumRow> album(const QString &albumId) const;

    // Albums of one kind and type the user may see: personal ones they own, shared ones of their groups.
    struct ListPage
    {
        QVector<AlbumRow> albums;
        qint64 total = 0;
    };
    ListPage list(const QString &userId, int kind, int type, const QString &groupId, int pageNum,
                  int pageSize) const;

    // Adds the files not yet in the album, in order; returns how many were new.
    int addItems(const QString &albumId, const QVector<AlbumItemRef> &items, qint64 nowMs);
    int removeItems(const QString &albumId, const QStringList &fileIds);

    // Album contents sort types (../shared/koodrive-api/README.md): 1 shooting, 2 creation, 3 update time.
    struct ContentsQuery
    {
        int sortType = 1;
        bool descending = true;
        int pageSize = 100;
        std::optional<FileCursor> after;
    };
    struct ContentsPage
    {
        QVector<FileRow> rows;
        qint64 total = 0;
        std::optional<FileCursor> next;
    };
    ContentsPage contents(const AlbumRow &album, const ContentsQuery &query) const;

    // The thumbnail source of an album: the first image of a manual album (album-update.txt), the newest
    // image a collection album gathers.
    std::optional<FileRow> coverFile(const AlbumRow &album) const;

private:
    QString contentsSource(const AlbumRow &album, QVariantList &values) const;

    SimStore &m_store;
};

} // namespace koodrive::sim
