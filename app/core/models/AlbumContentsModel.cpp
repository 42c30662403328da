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
    if (AlbumOutbox::isLocalId(m_albumId)) { // made here, not on the server yet: it holds nothing there
        QMetaObject::invokeMethod(
            this, [this, done = std::move(done)] { setTotal(0), done(api::FilePage{}); },
            Qt::QueuedConnection);
        return {};
    }
    return client()->listAlbumContents(
        query, this, [this, done = std::move(done)](const api::Result<api::AlbumContentsPage> &result) {
            if (!result.ok()) {
                done(result.error());
                return;
            }
            // Files taken out here whose removal still waits in the outbox stay out.
            QVector<api::DriveFile> items = result.value().items;
            int total = result.value().total;
            if (const QSet<QString> out = m_outbox ? m_outbox->pendingRemovals(m_albumId) : QSet<QString>();
                !out.isEmpty()) {
                items.removeIf([&out](const api::DriveFile &file) { return out.contains(file.id); });
                total -= int(out.size()); // they were in the album when taken out
            }
            setTotal(qMax(0, total));
            done(api::FilePage{items, result.value().nextCursor});
        });
}

void AlbumContentsModel::removeFromAlbum(const QList<int> &rows,
                                         std::function<void(const api::Result<api::Done> &)> done,
                                         const QString &albumName)
{
    QStringList ids;
    for (int row : rows)
        if (const QString id = itemAt(row).id; !id.isEmpty() && !ids.contains(id))
            ids << id;
    const QString albumId = m_albumId;
    if (m_outbox && (m_outbox->isHolding() || AlbumOutbox::isLocalId(albumId))) {
        queueRemoval(albumName, ids); // behind the edits that wait: the server sees them in order
        if (done)
            done(api::Done{});
        return;
    }
    // Written down as being sent: a crash meanwhile finds it (taking out is the same however often it is
    // sent), and edits made meanwhile wait behind it.
    const qint64 seq = m_outbox ? m_outbox->sending(AlbumOutbox::Kind::Remove, albumId, albumName,
                                                    AlbumOutbox::removePayload(ids))
                                : -1;
    // The remove call takes at most 1000 ids (../shared/koodrive-api/README.md, batchDelete); more go in
    // turns.
    auto remaining = std::make_shared<QStringList>(ids);
    auto stepFn = std::make_shared<std::function<void()>>();
    *stepFn = [this, albumId, seq, remaining, weak = std::weak_ptr(stepFn), done] {
        // Held by the call in flight, not by itself: a call dropped (its window gone) frees it.
        const auto step = weak.lock();
        if (!step)
            return;
        if (seq >= 0 && m_outbox && !m_outbox->isCurrent(seq)) { // signed out: the rest is not sent
            return;
        }
        if (remaining->isEmpty()) {
            if (seq >= 0 && m_outbox)
                m_outbox->sent(seq);
            if (done)
                done(api::Done{});
            return;
        }
        const QStringList chunk = remaining->mid(0, 1000);
        client()->removeFromAlbum(
            albumId, chunk, this,
            [this, albumId, seq, chunk, remaining, step, done](const api::Result<api::Done> &result) {
                if (!result.ok()) {
                    if (seq >= 0 && m_outbox && AlbumOutbox::mustWait(result.error())) {
                        // What is left waits; its rows leave now, as the person asked.
                        m_outbox->waitsAfterAll(seq, AlbumOutbox::removePayload(*remaining));
                        if (albumId == m_albumId)
                            removedHere(*remaining);
                        if (done)
                            done(api::Done{});
                    } else {
                        if (seq >= 0 && m_outbox)
                            m_outbox->sent(seq);
                        emit errorOccurred(result.error());
                        if (done)
                            done(result.error());
                    }
                    return;
                }
                if (albumId == m_albumId)
                    removedHere(chunk);
                remaining->erase(remaining->begin(), remaining->begin() + chunk.size());
                (*step)();
            });
    };
    (*stepFn)();
}

void AlbumContentsModel::queueRemoval(const QString &albumName, const QStringList &ids)
{
    if (ids.isEmpty() || !m_outbox->queueRemove(m_albumId, albumName, ids))
        return;
    removedHere(ids);
}

void AlbumContentsModel::removedHere(const QStringList &ids)
{
    const int before = rowCount();
    removeIds(QSet<QString>(ids.cbegin(), ids.cend()));
    if (m_total >= 0)
        setTotal(qMax(0, m_total - (before - rowCount())));
}

} // namespace koodrive::models
