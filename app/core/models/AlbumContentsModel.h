#pragma once

#include "AlbumOutbox.h"
#include "PagedFileModel.h"

#include <QPointer>

namespace koodrive::models {

// One album's photos and videos through the album contents call (../shared/koodrive-api/README.md), a page
// at a time, in its sort orders; items removed from the album leave in place.
class AlbumContentsModel final : public PagedFileModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlbumContentsModel)

public:
    // The album contents call's sortType.
    enum class SortField
    {
        Taken = 1,
        Created = 2,
        Updated = 3
    };
    Q_ENUM(SortField)

    AlbumContentsModel(api::KooDriveClient *client, thumbnails::ThumbnailScheduler *thumbnails,
                       QObject *parent = nullptr);

    void setAlbum(const QString &albumId);
    // No album: every row dropped, nothing read until an album is set (signing out).
    void clear()
    {
        m_albumId.clear();
        setTotal(-1);
        clearRows();
    }
    const QString &albumId() const { return m_albumId; }
    void setSortOrder(SortField field, Qt::SortOrder order);
    SortField sortField() const { return m_sortField; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    void sort(int column, Qt::SortOrder order) override;
    // How many items the album holds, as the server last said (-1 before the first page).
    int total() const { return m_total; }

    // Removes these rows' files from the album (not from the drive); the rows leave when the server agrees.
    // With an outbox, a removal the server cannot be reached for (or that waits behind other edits) is
    // written down, the rows leave at once, and `done` hears ok; `albumName` is for its report.
    void removeFromAlbum(const QList<int> &rows,
                         std::function<void(const api::Result<api::Done> &)> done = {},
                         const QString &albumName = {});
    // Where edits wait when the server cannot be reached (none: they fail). The model does not own it.
    void setOutbox(AlbumOutbox *outbox) { m_outbox = outbox; }

signals:
    void totalChanged(int total);

protected:
    QString placeKey() const override;
    api::CallHandle requestPage(const QString &cursor, int pageSize, const QString &imageProcess,
                                PageCallback done) override;

private:
    void setTotal(int total);
    void queueRemoval(const QString &albumName, const QStringList &ids);
    void removedHere(const QStringList &ids);

    QString m_albumId;
    SortField m_sortField = SortField::Taken;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    int m_total = -1;
    QPointer<AlbumOutbox> m_outbox;
};

} // namespace koodrive::models
