// PagedFileModel: thumbnails for the rows a view shows, and the signed URLs they come from.
#include "PagedFileModel.h"
#include "thumbnails/ThumbnailDiskCache.h"

#include <QDateTime>
#include <QUrlQuery>
#include <algorithm>

namespace koodrive::models {

using api::DriveFile;
using api::FilePage;
using thumbnails::ThumbnailScheduler;
using thumbnails::ThumbnailState;

namespace {
constexpr qint64 UrlMarginMs = 60'000;
constexpr qint64 DefaultUrlLifetimeMs = 30 * 60'000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// When a page's signed URLs stop working: X-Amz-Expires seconds after they were handed out (files-list.txt
// shows 3600), less a margin for the trip.
qint64 urlsGoodUntil(const QByteArray &sampleUrl)
{
    const QUrlQuery query(QUrl::fromEncoded(sampleUrl));
    bool ok = false;
    const qint64 seconds = query.queryItemValue(QStringLiteral("X-Amz-Expires")).toLongLong(&ok);
    const qint64 lifetimeMs = ok && seconds > 0 ? seconds * 1000 : DefaultUrlLifetimeMs;
    return nowMs() + lifetimeMs - qMin(UrlMarginMs, lifetimeMs / 10);
}
} // namespace

// --- thumbnails ------------------------------------------------------------------------------------------

void PagedFileModel::setThumbnailBox(int devicePixels)
{
    const int box = ThumbnailScheduler::boxFor(devicePixels);
    if (box == m_box)
        return;
    m_box = box;
    m_process = ThumbnailScheduler::imageProcess(box);
    if (m_thumbnails)
        m_thumbnails->cancelAll(this);
    m_pendingKeys.clear();
    if (m_rowCount > 0)
        emit dataChanged(index(0), index(m_rowCount - 1), {ThumbnailRole, ThumbnailStateRole});
}

bool PagedFileModel::wantsThumbnail(const Row &row) const
{
    return row.fileType == api::FileType::Image || row.fileType == api::FileType::Video;
}

QByteArray PagedFileModel::thumbnailKey(const Row &row) const
{
    return row.id.toLatin1() + '|' + m_process.toLatin1();
}

void PagedFileModel::requestThumbnail(int row, ThumbnailScheduler::Priority priority, bool urlsJustRead)
{
    int pageIndex = -1;
    const Row *r = rowAt(row, &pageIndex);
    if (!r || !m_thumbnails || !wantsThumbnail(*r))
        return;
    const QByteArray key = thumbnailKey(*r);
    const ThumbnailState state = m_thumbnails->state(key);
    if (state == ThumbnailState::Ready || state == ThumbnailState::Unavailable)
        return;
    if (m_pages[size_t(pageIndex)].saved) {
        // A saved row has no URL: the disk cache has its thumbnail or nothing does until the place is read.
        if (r->thumbnailRef.isEmpty() || m_notOnDisk.contains(key))
            return;
        m_pendingKeys.insert(key, row);
        m_thumbnails->requestCached(this, key, thumbnails::ThumbnailDiskCache::cacheRefUrl(r->thumbnailRef),
                                    QSize(m_box, m_box), priority);
        return;
    }
    const PageUrls *urls = m_pageUrls.object(pageIndex);
    if (!urls || urls->box != m_box || (!urlsJustRead && urls->goodUntilMs < nowMs())) {
        m_wantedAfterUrls.insert(row);
        readPageUrls(pageIndex);
        return;
    }
    const int within = row - m_pages[size_t(pageIndex)].firstRow;
    const QByteArray url = within < urls->thumbnails.size() ? urls->thumbnails[within] : QByteArray();
    if (url.isEmpty())
        return;
    m_pendingKeys.insert(key, row);
    m_thumbnails->request(this, key, url, QSize(m_box, m_box), priority);
}

void PagedFileModel::storePageUrls(int pageIndex, const QVector<DriveFile> &files)
{
    const Page &page = m_pages[size_t(pageIndex)];
    auto *urls = new PageUrls;
    urls->box = m_box;
    urls->thumbnails.resize(qsizetype(page.rows.size()));
    QHash<QString, QByteArray> byId;
    for (const DriveFile &file : files)
        byId.insert(file.id, file.thumbnailUrl);
    QByteArray sample;
    for (size_t i = 0; i < page.rows.size(); ++i) {
        urls->thumbnails[qsizetype(i)] = byId.value(page.rows[i].id);
        if (sample.isEmpty())
            sample = urls->thumbnails[qsizetype(i)];
    }
    urls->goodUntilMs = urlsGoodUntil(sample);
    m_pageUrls.insert(pageIndex, urls);
}

void PagedFileModel::readPageUrls(int pageIndex)
{
    if (m_urlReads.contains(pageIndex))
        return;
    const Page &page = m_pages[size_t(pageIndex)];
    const quint64 generation = m_generation;
    const int box = m_box;
    // The page read again from its own cursor: the same rows (keyset paging), with fresh URLs.
    m_urlReads.insert(
        pageIndex, requestPage(page.cursor, qMax(1, int(page.rows.size())), m_process,
                               [this, generation, pageIndex, box](const api::Result<FilePage> &result) {
                                   if (generation != m_generation)
                                       return;
                                   m_urlReads.remove(pageIndex);
                                   QVector<int> waiting;
                                   for (auto it = m_wantedAfterUrls.begin(); it != m_wantedAfterUrls.end();) {
                                       if (pageOf(*it) == pageIndex) {
                                           waiting.append(*it);
                                           it = m_wantedAfterUrls.erase(it);
                                       } else {
                                           ++it;
                                       }
                                   }
                                   if (!result.ok()) {
                                       emit errorOccurred(result.error());
                                       for (int row : waiting)
                                           markDirty(row);
                                       return;
                                   }
                                   if (box != m_box)
                                       return; // the size changed meanwhile: the rows will ask again
                                   storePageUrls(pageIndex, result.value().files);
                                   std::sort(waiting.begin(), waiting.end(), std::greater<>());
                                   for (int row : waiting) {
                                       const bool visible = row >= m_viewFirst && row <= m_viewLast;
                                       requestThumbnail(row,
                                                        visible ? ThumbnailScheduler::Priority::Visible
                                                                : ThumbnailScheduler::Priority::Prefetch,
                                                        true);
                                   }
                               }));
}

void PagedFileModel::setViewport(int firstRow, int lastRow)
{
    if (m_rowCount == 0 || lastRow < firstRow) {
        m_viewFirst = m_viewLast = -1;
        m_settleTimer.stop();
        if (m_thumbnails)
            m_thumbnails->cancelAll(this);
        return;
    }
    firstRow = qBound(0, firstRow, m_rowCount - 1);
    lastRow = qBound(firstRow, lastRow, m_rowCount - 1);
    if (!m_viewClock.isValid())
        m_viewClock.start();
    const qint64 now = m_viewClock.elapsed();
    const int screen = lastRow - firstRow + 1;
    const int moved = m_viewFirst < 0 ? 0 : qAbs(firstRow - m_viewFirst);
    if (moved > 0)
        m_scrollDirection = firstRow > m_viewFirst ? 1 : -1;
    // A fling: two moves in a row faster than ten screens a second. Nothing it passes is worth fetching;
    // what it stops on is, as soon as it rests (Gwenview does the same).
    const bool fast =
        moved > 0 && qint64(moved) * 1000 > qint64(screen) * 10 * qMax<qint64>(1, now - m_lastViewMs);
    m_flinging = fast && m_lastMoveFast;
    m_lastMoveFast = fast;
    m_lastViewMs = now;
    m_viewFirst = firstRow;
    m_viewLast = lastRow;
    m_settleTimer.start(); // when the view rests: the screen, then one screen ahead
    if (!m_thumbnails)
        return;
    if (m_flinging) {
        m_pendingKeys.clear();
        m_wantedAfterUrls.clear();
        m_thumbnails->cancelAll(this);
        return;
    }
    requestAround(false);
}

void PagedFileModel::requestAround(bool withPrefetch)
{
    if (!m_thumbnails || m_viewFirst < 0)
        return;
    const int firstRow = m_viewFirst;
    const int lastRow = m_viewLast;
    const int screen = lastRow - firstRow + 1;
    int aheadFirst = lastRow + 1;
    int aheadLast = qMin(m_rowCount - 1, lastRow + screen);
    if (m_scrollDirection < 0) {
        aheadFirst = qMax(0, firstRow - screen);
        aheadLast = firstRow - 1;
    }
    if (!withPrefetch)
        aheadLast = aheadFirst - 1;
    // Prefetch first, farthest first, then the screen bottom-up: the newest request is served first, so
    // the top of the screen comes first and the screen beats what lies beyond it.
    if (m_scrollDirection < 0) {
        for (int row = aheadFirst; row <= aheadLast; ++row)
            requestThumbnail(row, ThumbnailScheduler::Priority::Prefetch);
    } else {
        for (int row = aheadLast; row >= aheadFirst; --row)
            requestThumbnail(row, ThumbnailScheduler::Priority::Prefetch);
    }
    for (int row = lastRow; row >= firstRow; --row)
        requestThumbnail(row, ThumbnailScheduler::Priority::Visible);

    auto wanted = [&](int row) {
        return (row >= firstRow && row <= lastRow) || (row >= aheadFirst && row <= aheadLast);
    };
    QSet<QByteArray> keep;
    for (auto it = m_pendingKeys.begin(); it != m_pendingKeys.end();) {
        if (wanted(*it)) {
            keep.insert(it.key());
            ++it;
        } else {
            it = m_pendingKeys.erase(it);
        }
    }
    for (auto it = m_wantedAfterUrls.begin(); it != m_wantedAfterUrls.end();)
        it = wanted(*it) ? std::next(it) : m_wantedAfterUrls.erase(it);
    m_thumbnails->retainOnly(this, keep);
}

void PagedFileModel::onViewRested()
{
    m_flinging = false;
    m_lastMoveFast = false;
    requestAround(true);
}

int PagedFileModel::takePendingRow(const QByteArray &key)
{
    const auto it = m_pendingKeys.constFind(key);
    if (it == m_pendingKeys.constEnd())
        return -1;
    const int row = *it;
    m_pendingKeys.erase(it);
    const Row *r = rowAt(row);
    return r && thumbnailKey(*r) == key ? row : -1; // rows may have moved since it was asked for
}

void PagedFileModel::onThumbnailEvent(const QByteArray &key)
{
    if (const int row = takePendingRow(key); row >= 0)
        markDirty(row);
}

void PagedFileModel::onThumbnailExpired(const QByteArray &key)
{
    const int row = takePendingRow(key);
    if (row < 0)
        return;
    const int pageIndex = pageOf(row);
    m_pageUrls.remove(pageIndex); // read the page again for fresh URLs, then ask once more
    m_wantedAfterUrls.insert(row);
    readPageUrls(pageIndex);
}

void PagedFileModel::onThumbnailNotCached(const QByteArray &key)
{
    const int row = takePendingRow(key);
    if (row < 0)
        return;
    m_notOnDisk.insert(key); // not asked for again until the place is read from the server
    markDirty(row);
}

void PagedFileModel::markDirty(int row)
{
    m_dirtyRows.append(row);
    if (m_flushPending)
        return;
    // Thumbnails arrive one by one; the view hears of them once per turn of the event loop.
    m_flushPending = true;
    QMetaObject::invokeMethod(this, &PagedFileModel::flushDirty, Qt::QueuedConnection);
}

void PagedFileModel::flushDirty()
{
    m_flushPending = false;
    QVector<int> rows = std::exchange(m_dirtyRows, {});
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (int i = 0; i < rows.size();) {
        int j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1)
            ++j;
        if (rows[j] < m_rowCount)
            emit dataChanged(index(rows[i]), index(qMin(rows[j], m_rowCount - 1)),
                             {ThumbnailRole, ThumbnailStateRole});
        i = j + 1;
    }
}

} // namespace koodrive::models
