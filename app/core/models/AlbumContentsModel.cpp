#include "AlbumContentsModel.h"

namespace koodrive::models {

AlbumContentsModel::AlbumContentsModel(api::KooDriveClient *client,
                                       thumbnails::ThumbnailScheduler *thumbnails, QObject *parent)
    : PagedFileModel(client, thumbnails, parent)
{}

void AlbumContentsModel::setAlbum(const QString &albumId)
{
    if (albumId == m_albumId)
        return;
    m_albumId = albumId;
    setTotal(-1);
    restart();
}

void AlbumContentsModel::setSortOrder(SortField field, Qt::SortOrder order)
{
    if (field == m_sortField && order == m_sortOrder)
        return;
    m_sortField = field;
    m_sortOrder = order;
    restart();
}

void AlbumContentsModel::sort(int column, Qt::SortOrder order)
{
    if (column == 0)
        setSortOrder(m_sortField, order);
}

void AlbumContentsModel::setTotal(int total)
{
    if (total == m_total)
        return;
    m_total = total;
    emit totalChanged(total);
}

QString AlbumContentsModel::placeKey() const
{
    if (m_albumId.isEmpty())
        return {};
    return QStringLiteral("album|%1|%2|%3")
        .arg(m_albumId)
        .arg(int(m_sortField))
        .arg(m_sortOrder == Qt::AscendingOrder ? 1 : 2);
}

api::CallHandle AlbumContentsModel::requestPage(const QString &cursor, int pageSize,
                                                const QString &imageProcess, PageCallback done)
{
    api::KooDriveClient::AlbumContentsQuery query;
    query.albumId = m_albumId;
    query.pageSize = pageSize;
    query.cursor = cursor;
    query.sortType = int(m_sortField);
    query.sortDirection = m_sortOrder == Qt::AscendingOrder ? 1 : 2;
    query.imageProcess = imageProcess;
    return client()->listAlbumContents(
        query, this, [this, done = std::move(done)](const api::Result<api::AlbumContentsPage> &result) {
            if (!result.ok()) {
                done(result.error());
                return;
            }
            setTotal(result.value().total);
            done(api::FilePage{result.value().items, result.value().nextCursor});
        });
}

void AlbumContentsModel::removeFromAlbum(const QList<int> &rows,
                                         std::function<void(const api::Result<api::Done> &)> done)
{
    QStringList ids;
    for (int row : rows)
        if (const QString id = itemAt(row).id; !id.isEmpty() && !ids.contains(id))
            ids << id;
    const QString albumId = m_albumId;
    // The remove call takes at most 1000 ids (../shared/koodrive-api/README.md, batchDelete); more go in
    // turns.
    auto remaining = std::make_shared<QStringList>(ids);
    auto step = std::make_shared<std::function<void()>>();
    *step = [this, albumId, remaining, step, done] {
        if (remaining->isEmpty()) {
            if (done)
                done(api::Done{});
            *step = nullptr; // break the cycle
            return;
        }
        const QStringList chunk = remaining->mid(0, 1000);
        client()->removeFromAlbum(
            albumId, chunk, this,
            [this, albumId, chunk, remaining, step, done](const api::Result<api::Done> &result) {
                if (!result.ok()) {
                    emit errorOccurred(result.error());
                    if (done)
                        done(result.error());
                    *step = nullptr;
                    return;
                }
                if (albumId == m_albumId) {
                    removeIds(QSet<QString>(chunk.cbegin(), chunk.cend()));
                    if (m_total >= 0)
                        setTotal(qMax(0, m_total - int(chunk.size())));
                }
                remaining->erase(remaining->begin(), remaining->begin() + chunk.size());
                (*step)();
            });
    };
    (*step)();
}

} // namespace koodrive::models
