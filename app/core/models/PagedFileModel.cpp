#include "PagedFileModel.h"

#include <QDateTime>
#include <QMimeData>
#include <QUrlQuery>
#include <algorithm>

namespace koodrive::models {

using api::DriveFile;
using api::FilePage;
using thumbnails::ThumbnailScheduler;
using thumbnails::ThumbnailState;

namespace {
constexpr qint64 UrlMarginMs = 60'000;
constexpr int RestMs = 80; // a view that has not moved for this long is looked at
constexpr qint64 DefaultUrlLifetimeMs = 30 * 60'000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QDateTime utc(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
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

quint16 clampDimension(int value)
{
    return quint16(qBound(0, value, 65535));
}
} // namespace

PagedFileModel::PagedFileModel(api::KooDriveClient *client, ThumbnailScheduler *thumbnails, QObject *parent)
    : QAbstractListModel(parent)
    , m_client(client)
    , m_thumbnails(thumbnails)
{
    m_process = ThumbnailScheduler::imageProcess(m_box);
    m_settleTimer.setSingleShot(true);
    m_settleTimer.setInterval(RestMs);
    connect(&m_settleTimer, &QTimer::timeout, this, &PagedFileModel::onViewRested);
    if (m_thumbnails) {
        connect(m_thumbnails, &ThumbnailScheduler::ready, this, &PagedFileModel::onThumbnailEvent);
        connect(m_thumbnails, &ThumbnailScheduler::unavailable, this, &PagedFileModel::onThumbnailEvent);
        connect(m_thumbnails, &ThumbnailScheduler::expired, this, &PagedFileModel::onThumbnailExpired);
    }
}

PagedFileModel::~PagedFileModel()
{
    m_aheadCall.cancel();
    for (auto &call : m_urlReads)
        call.cancel();
    if (m_thumbnails)
        m_thumbnails->cancelAll(this);
}

// --- rows ------------------------------------------------------------------------------------------------

int PagedFileModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int PagedFileModel::pageOf(int row) const
{
    auto it = std::upper_bound(m_pages.begin(), m_pages.end(), row,
                               [](int r, const Page &page) { return r < page.firstRow; });
    return int(std::distance(m_pages.begin(), it)) - 1;
}

const PagedFileModel::Row *PagedFileModel::rowAt(int row, int *pageIndex) const
{
    if (row < 0 || row >= m_rowCount)
        return nullptr;
    const int page = pageOf(row);
    if (pageIndex)
        *pageIndex = page;
    return &m_pages[size_t(page)].rows[size_t(row - m_pages[size_t(page)].firstRow)];
}

const QString &PagedFileModel::intern(const QString &text)
{
    return *m_interned.insert(text);
}

PagedFileModel::Row PagedFileModel::makeRow(const DriveFile &file)
{
    Row row;
    row.id = file.id;
    row.name = file.name;
    row.mimeType = intern(file.mimeType);
    row.ownerId = intern(file.ownerId);
    row.containerId = intern(file.containerId);
    row.size = file.size;
    row.createdMs = file.createdMs;
    row.editedMs = file.editedMs;
    row.takenMs = file.takenMs;
    row.width = clampDimension(file.dimensions.width());
    row.height = clampDimension(file.dimensions.height());
    row.fileType = quint8(qBound(0, file.fileType, 255));
    return row;
}

QVariant PagedFileModel::data(const QModelIndex &index, int role) const
{
    const Row *row = index.isValid() && index.column() == 0 ? rowAt(index.row()) : nullptr;
    if (!row)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return row->name;
    case Qt::ToolTipRole: {
        const bool folder =
            row->fileType == api::FileType::Folder || row->fileType == api::FileType::SmartFolder;
        if (folder)
            return row->name;
        const QDateTime when = utc(row->takenMs ? row->takenMs : row->editedMs).toLocalTime();
        return tr("%1\n%2, %3")
            .arg(row->name, QLocale().formattedDataSize(row->size),
                 QLocale().toString(when, QLocale::ShortFormat));
    }
    case IdRole: return row->id;
    case FileTypeRole: return int(row->fileType);
    case MimeTypeRole: return row->mimeType;
    case SizeRole: return row->size;
    case CreatedRole: return utc(row->createdMs);
    case EditedRole: return utc(row->editedMs);
    case TakenRole: return utc(row->takenMs);
    case DimensionsRole: return row->width ? QSize(row->width, row->height) : QSize();
    case IsFolderRole:
        return row->fileType == api::FileType::Folder || row->fileType == api::FileType::SmartFolder;
    case OwnerRole: return row->ownerId;
    case ContainerRole: return row->containerId;
    case ThumbnailRole: {
        if (!m_thumbnails || !wantsThumbnail(*row))
            return {};
        const QImage image = m_thumbnails->image(thumbnailKey(*row));
        if (image.isNull() && !m_flinging) // the delegate asks because the row is on screen: load it
            const_cast<PagedFileModel *>(this)->requestThumbnail(index.row(),
                                                                 ThumbnailScheduler::Priority::Visible);
        return image;
    }
    case ThumbnailStateRole: {
        if (!m_thumbnails || !wantsThumbnail(*row))
            return int(ThumbnailState::None);
        const ThumbnailState state = m_thumbnails->state(thumbnailKey(*row));
        if (state == ThumbnailState::None && m_wantedAfterUrls.contains(index.row()))
            return int(ThumbnailState::Loading);
        return int(state);
    }
    default: return {};
    }
}

QHash<int, QByteArray> PagedFileModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "id"},
                  {FileTypeRole, "fileType"},
                  {MimeTypeRole, "mimeType"},
                  {SizeRole, "size"},
                  {CreatedRole, "createdTime"},
                  {EditedRole, "editedTime"},
                  {TakenRole, "takeTime"},
                  {DimensionsRole, "dimensions"},
                  {IsFolderRole, "isFolder"},
                  {OwnerRole, "ownerId"},
                  {ContainerRole, "containerId"},
                  {ThumbnailRole, "thumbnail"},
                  {ThumbnailStateRole, "thumbnailState"}});
    return names;
}

Qt::ItemFlags PagedFileModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
}

DriveItem PagedFileModel::itemAt(int row) const
{
    const Row *r = rowAt(row);
    if (!r)
        return {};
    return {r->id, r->ownerId, r->containerId, r->name,
            r->fileType == api::FileType::Folder || r->fileType == api::FileType::SmartFolder};
}

int PagedFileModel::rowOfId(const QString &id) const
{
    for (const Page &page : m_pages)
        for (size_t i = 0; i < page.rows.size(); ++i)
            if (page.rows[i].id == id)
                return page.firstRow + int(i);
    return -1;
}

QStringList PagedFileModel::mimeTypes() const
{
    return {QString::fromLatin1(DriveItemsMime::Type), QStringLiteral("text/plain")};
}

QMimeData *PagedFileModel::mimeData(const QModelIndexList &indexes) const
{
    QVector<int> rows;
    for (const QModelIndex &index : indexes)
        if (index.isValid() && index.model() == this)
            rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QVector<DriveItem> items;
    items.reserve(rows.size());
    for (int row : rows)
        items.append(itemAt(row));
    if (items.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    DriveItemsMime::write(mime, items);
    return mime;
}

qint64 PagedFileModel::rowMemoryBytes() const
{
    // What the allocator hands out for a string: its header and UTF-16 text, rounded up to 16 bytes, plus
    // the allocator's own 8 (glibc).
    auto heap = [](const QString &text) -> qint64 {
        return text.isEmpty() ? 0 : ((16 + (text.capacity() + 1) * 2 + 8 + 15) / 16) * 16;
    };
    qint64 bytes = qint64(m_pages.capacity() * sizeof(Page));
    for (const Page &page : m_pages) {
        bytes += qint64(page.rows.capacity() * sizeof(Row)) + heap(page.cursor);
        for (const Row &row : page.rows)
            bytes += heap(row.id) + heap(row.name);
    }
    for (const QString &text : m_interned)
        bytes += heap(text);
    return bytes;
}

// --- paging ----------------------------------------------------------------------------------------------

bool PagedFileModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_complete && !m_failed;
}

void PagedFileModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_insertWanted)
        return;
    if (m_ahead) {
        FilePage page = std::move(*m_ahead);
        m_ahead.reset();
        insertPage(page, m_aheadCursor);
        return;
    }
    setInsertWanted(true);
    if (!m_aheadInFlight)
        startAhead();
}

void PagedFileModel::startAhead()
{
    if (m_complete || m_aheadInFlight || m_ahead)
        return;
    m_aheadInFlight = true;
    m_aheadCursor = m_nextCursor;
    const quint64 generation = m_generation;
    m_aheadCall = requestPage(m_aheadCursor, m_pageSize, m_process,
                              [this, generation](const api::Result<FilePage> &result) {
                                  if (generation != m_generation)
                                      return;
                                  m_aheadInFlight = false;
                                  if (!result.ok()) {
                                      pageFailed(result.error());
                                      return;
                                  }
                                  if (m_insertWanted) {
                                      // The next page is asked for first, and this one taken in on the
                                      // next turn: QNAM sends a request only when the event loop runs.
                                      const QString cursor = m_aheadCursor;
                                      m_nextCursor = result.value().nextCursor;
                                      m_complete = m_nextCursor.isEmpty();
                                      startAhead();
                                      QMetaObject::invokeMethod(
                                          this,
                                          [this, generation, page = result.value(), cursor] {
                                              if (generation != m_generation)
                                                  return;
                                              setInsertWanted(false);
                                              insertRows(page, cursor);
                                          },
                                          Qt::QueuedConnection);
                                  } else {
                                      m_ahead = result.value();
                                  }
                              });
}

void PagedFileModel::insertPage(const FilePage &page, QString cursor)
{
    m_nextCursor = page.nextCursor;
    m_complete = page.nextCursor.isEmpty();
    startAhead(); // the next page travels while this one is shown
    insertRows(page, std::move(cursor));
}

void PagedFileModel::insertRows(const FilePage &page, QString cursor)
{
    if (!page.files.isEmpty()) {
        Page stored;
        stored.cursor = std::move(cursor);
        stored.firstRow = m_rowCount;
        stored.rows.reserve(size_t(page.files.size()));
        for (const DriveFile &file : page.files)
            stored.rows.push_back(makeRow(file));
        const int count = int(stored.rows.size());
        beginInsertRows({}, m_rowCount, m_rowCount + count - 1);
        m_pages.push_back(std::move(stored));
        m_rowCount += count;
        endInsertRows();
        storePageUrls(int(m_pages.size()) - 1, page.files);
    }
    if (m_complete)
        emit completed();
}

void PagedFileModel::pageFailed(const api::ApiError &error)
{
    m_failed = true;
    setInsertWanted(false);
    emit errorOccurred(error);
}

void PagedFileModel::setInsertWanted(bool wanted)
{
    if (m_insertWanted == wanted)
        return;
    m_insertWanted = wanted;
    emit loadingChanged(wanted);
}

void PagedFileModel::retry()
{
    if (!m_failed)
        return;
    m_failed = false;
    fetchMore({});
}

void PagedFileModel::reload()
{
    restart();
}

void PagedFileModel::restart()
{
    ++m_generation;
    m_aheadCall.cancel();
    m_refreshCall.cancel();
    m_refreshing = false;
    m_refreshPages.clear();
    m_refreshFiles.clear();
    for (auto &call : m_urlReads)
        call.cancel();
    m_urlReads.clear();
    if (m_thumbnails)
        m_thumbnails->cancelAll(this);
    beginResetModel();
    m_pages.clear();
    m_pages.shrink_to_fit();
    m_rowCount = 0;
    m_interned.clear();
    m_pageUrls.clear();
    m_wantedAfterUrls.clear();
    m_pendingKeys.clear();
    m_dirtyRows.clear();
    m_nextCursor.clear();
    m_complete = false;
    m_failed = false;
    m_aheadInFlight = false;
    m_ahead.reset();
    m_viewFirst = m_viewLast = -1;
    m_settleTimer.stop();
    m_flinging = m_lastMoveFast = false;
    endResetModel();
    setInsertWanted(false);
}

void PagedFileModel::refresh()
{
    if (m_refreshing)
        return;
    // What was fetched ahead may be stale now; it is read again after the refresh.
    m_aheadCall.cancel();
    m_aheadInFlight = false;
    m_ahead.reset();
    setInsertWanted(false);
    m_refreshing = true;
    m_refreshPages.clear();
    m_refreshFiles.clear();
    refreshFrom({}, qMax(m_rowCount, 1));
}

void PagedFileModel::refreshFrom(const QString &cursor, int rowsWanted)
{
    const quint64 generation = m_generation;
    m_refreshCall = requestPage(cursor, m_pageSize, m_process,
                                [this, generation, cursor, rowsWanted](const api::Result<FilePage> &result) {
                                    if (generation != m_generation)
                                        return;
                                    if (!result.ok()) {
                                        m_refreshing = false;
                                        emit errorOccurred(result.error());
                                        return;
                                    }
                                    Page page;
                                    page.cursor = cursor;
                                    page.firstRow = m_refreshPages.empty()
                                                        ? 0
                                                        : m_refreshPages.back().firstRow +
                                                              int(m_refreshPages.back().rows.size());
                                    for (const DriveFile &file : result.value().files)
                                        page.rows.push_back(makeRow(file));
                                    const int covered = page.firstRow + int(page.rows.size());
                                    if (!page.rows.empty()) {
                                        m_refreshPages.push_back(std::move(page));
                                        m_refreshFiles.append(result.value().files);
                                    }
                                    if (result.value().nextCursor.isEmpty() || covered >= rowsWanted)
                                        applyRefresh(result.value().nextCursor);
                                    else
                                        refreshFrom(result.value().nextCursor, rowsWanted);
                                });
}

void PagedFileModel::applyRefresh(const QString &nextCursor)
{
    m_refreshing = false;
    std::vector<Row> fresh;
    for (const Page &page : m_refreshPages)
        fresh.insert(fresh.end(), page.rows.begin(), page.rows.end());
    QSet<QString> freshIds;
    for (const Row &row : fresh)
        freshIds.insert(row.id);

    // While rows move, the model is one flat page; the paged form is put back at the end.
    std::vector<Row> current;
    current.reserve(size_t(m_rowCount));
    for (Page &page : m_pages)
        std::move(page.rows.begin(), page.rows.end(), std::back_inserter(current));
    m_pages.clear();
    m_pages.push_back(Page{QString(), 0, std::move(current)});
    for (auto &call : m_urlReads)
        call.cancel();
    m_urlReads.clear();
    m_pageUrls.clear();
    m_pendingKeys.clear();
    m_wantedAfterUrls.clear();
    std::vector<Row> &rows = m_pages.front().rows;
    QSet<QString> oldIds;

    // Rows the server no longer lists (among the first rows), removed in runs from the end.
    for (int i = int(rows.size()) - 1; i >= 0;) {
        if (freshIds.contains(rows[size_t(i)].id)) {
            oldIds.insert(rows[size_t(i)].id);
            --i;
            continue;
        }
        int first = i;
        while (first > 0 && !freshIds.contains(rows[size_t(first - 1)].id))
            --first;
        beginRemoveRows({}, first, i);
        rows.erase(rows.begin() + first, rows.begin() + i + 1);
        m_rowCount = int(rows.size());
        endRemoveRows();
        i = first - 1;
    }
    // Rows that appeared, inserted in runs where the server lists them; the rest updated in place.
    bool reordered = false;
    size_t at = 0;
    for (size_t j = 0; j < fresh.size();) {
        if (at < rows.size() && rows[at].id == fresh[j].id) {
            const Row &was = rows[at];
            const bool changed = was.name != fresh[j].name || was.size != fresh[j].size ||
                                 was.editedMs != fresh[j].editedMs || was.takenMs != fresh[j].takenMs;
            rows[at] = fresh[j];
            if (changed)
                emit dataChanged(index(int(at)), index(int(at)));
            ++at;
            ++j;
            continue;
        }
        if (oldIds.contains(fresh[j].id)) {
            reordered = true; // a row the model holds moved: no cheap way to say it
            break;
        }
        size_t end = j;
        while (end < fresh.size() && !oldIds.contains(fresh[end].id))
            ++end;
        beginInsertRows({}, int(at), int(at + (end - j)) - 1);
        rows.insert(rows.begin() + qsizetype(at), fresh.begin() + qsizetype(j),
                    fresh.begin() + qsizetype(end));
        m_rowCount = int(rows.size());
        endInsertRows();
        at += end - j;
        j = end;
    }
    if (reordered)
        beginResetModel();
    // The rows now equal the pages just read: keep those, with their cursors and URLs.
    m_pages = std::move(m_refreshPages);
    m_refreshPages.clear();
    m_rowCount = m_pages.empty() ? 0 : m_pages.back().firstRow + int(m_pages.back().rows.size());
    for (int p = 0; p < m_refreshFiles.size(); ++p)
        storePageUrls(p, m_refreshFiles[p]);
    m_refreshFiles.clear();
    m_nextCursor = nextCursor;
    m_complete = nextCursor.isEmpty();
    m_failed = false;
    if (reordered)
        endResetModel();
    else if (m_rowCount > 0)
        emit dataChanged(index(0), index(m_rowCount - 1), {ThumbnailRole, ThumbnailStateRole});
    if (!m_complete)
        startAhead();
}

void PagedFileModel::removeIds(const QSet<QString> &ids)
{
    // From the end, so that earlier row numbers stay right; each contiguous run is one removal.
    for (int p = int(m_pages.size()) - 1; p >= 0; --p) {
        Page &page = m_pages[size_t(p)];
        for (int i = int(page.rows.size()) - 1; i >= 0;) {
            if (!ids.contains(page.rows[size_t(i)].id)) {
                --i;
                continue;
            }
            int first = i;
            while (first > 0 && ids.contains(page.rows[size_t(first - 1)].id))
                --first;
            beginRemoveRows({}, page.firstRow + first, page.firstRow + i);
            page.rows.erase(page.rows.begin() + first, page.rows.begin() + i + 1);
            const int removed = i - first + 1;
            for (size_t later = size_t(p) + 1; later < m_pages.size(); ++later)
                m_pages[later].firstRow -= removed;
            m_rowCount -= removed;
            m_pageUrls.remove(p); // its URLs no longer line up with its rows
            endRemoveRows();
            i = first - 1;
        }
    }
    m_pendingKeys.clear();
    m_wantedAfterUrls.clear();
}

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
