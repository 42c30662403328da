#include "PagedFileModel.h"

#include "ModelTimes.h"
#include "text/DisplayText.h"
#include "thumbnails/ThumbnailDiskCache.h"

#include <QDateTime>
#include <QMimeData>
#include <algorithm>

namespace koodrive::models {

using api::DriveFile;
using api::FilePage;
using thumbnails::ThumbnailScheduler;
using thumbnails::ThumbnailState;

namespace {
constexpr int RestMs = 80; // a view that has not moved for this long is looked at
// Reading to the end, pages go in together at most this often (m_arrived): 10 000 rows of 100-row pages in
// about 1 s are 5 insertions, not 100 layouts of the grid (bench_end).
constexpr int InsertEveryMs = 200;
constexpr int SaveAfterMs = 1000; // a place read to its end goes to the catalog this much later
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
        connect(m_thumbnails, &ThumbnailScheduler::notCached, this, &PagedFileModel::onThumbnailNotCached);
    }
    m_arrivedTimer.setSingleShot(true);
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(SaveAfterMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &PagedFileModel::saveToCatalog);
    connect(&m_arrivedTimer, &QTimer::timeout, this, &PagedFileModel::insertArrived);
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, [this] {
        if (m_showsSaved && !m_refreshing)
            refresh();
    });
}

PagedFileModel::~PagedFileModel()
{
    saveToCatalog();
    cancelAhead();
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
    row.thumbnailRef = thumbnails::ThumbnailDiskCache::cacheRef(file.thumbnailUrl);
    row.favorite = file.favorite;
    row.durationSecs = durationSecs(file.durationMs);
    return row;
}

QVariant PagedFileModel::data(const QModelIndex &index, int role) const
{
    const Row *row = index.isValid() && index.column() == 0 ? rowAt(index.row()) : nullptr;
    if (!row)
        return {};
    switch (role) {
    // Names are the server's text: see AlbumListModel::data().
    case Qt::DisplayRole: return text::displayText(row->name);
    case Qt::EditRole: return row->name;
    case Qt::ToolTipRole: {
        const bool folder =
            row->fileType == api::FileType::Folder || row->fileType == api::FileType::SmartFolder;
        if (folder)
            return text::toolTip(text::displayText(row->name));
        // Every date a sort may be by, each named (the grid's order may follow any of them).
        const auto date = [](qint64 ms) {
            return QLocale().toString(utcTime(ms).toLocalTime(), QLocale::ShortFormat);
        };
        QString said = tr("%1\n%2").arg(text::displayText(row->name), QLocale().formattedDataSize(row->size));
        if (row->durationSecs)
            said += QLatin1Char('\n') + tr("Length: %1").arg(text::durationText(row->durationSecs * 1000LL));
        if (row->takenMs)
            said += QLatin1Char('\n') + tr("Taken: %1").arg(date(row->takenMs));
        said += QLatin1Char('\n') + tr("Modified: %1").arg(date(row->editedMs));
        if (row->createdMs)
            said += QLatin1Char('\n') + tr("Created: %1").arg(date(row->createdMs));
        return text::toolTip(said);
    }
    case IdRole: return row->id;
    case FileTypeRole: return int(row->fileType);
    case MimeTypeRole: return row->mimeType;
    case SizeRole: return row->size;
    case CreatedRole: return utcTime(row->createdMs);
    case EditedRole: return utcTime(row->editedMs);
    case TakenRole: return utcTime(row->takenMs);
    case DimensionsRole: return row->width ? QSize(row->width, row->height) : QSize();
    case IsFolderRole:
        return row->fileType == api::FileType::Folder || row->fileType == api::FileType::SmartFolder;
    case OwnerRole: return row->ownerId;
    case FavoriteRole: return row->favorite;
    case DurationRole: return qint64(row->durationSecs) * 1000;
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
                  {FavoriteRole, "favorite"},
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
    const Qt::ItemFlags flags =
        Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
    // Editable: the name, edited in place (the window renames it on the server; setData changes nothing).
    return m_renamable ? flags | Qt::ItemIsEditable : flags;
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
            bytes += heap(row.id) + heap(row.name) + heap(row.thumbnailRef);
    }
    for (const QString &text : m_interned)
        bytes += heap(text);
    return bytes;
}

// --- paging ----------------------------------------------------------------------------------------------

bool PagedFileModel::canFetchMore(const QModelIndex &parent) const
{
    // The rest of a saved place, still being read from the catalog, is more to fetch too, and so are pages
    // that arrived and wait for their turn to go in (the last one of a place read to its end, say): a view
    // at its bottom, End, Ctrl+A take them at once, and nothing takes "no more" for "complete".
    return !parent.isValid() && ((!m_complete && !m_failed) || m_savedRestRows > 0 || !m_arrived.empty());
}

void PagedFileModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    if (m_savedRestRows > 0) {
        if (m_signallingReset) { // asked from a slot of modelReset: rows go in after the reset's signal
            QTimer::singleShot(0, this, [this, generation = m_generation] {
                if (generation == m_generation)
                    takeSavedRest();
            });
            return;
        }
        takeSavedRest();
        return;
    }
    if (!m_arrived.empty()) { // read ahead, waiting to go in together: wanted now
        insertArrived();
        if (m_readToEnd && !m_aheadInFlight)
            startAhead(); // after a failed page and retry(), nothing else asks for the next one
        return;
    }
    if (m_insertWanted)
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
    // Asked for already (its cursor was seen in the previous answer while that was being parsed)?
    auto it = m_fetches.find(m_aheadCursor);
    if (it == m_fetches.end()) {
        fetch(m_aheadCursor);
        it = m_fetches.find(m_aheadCursor);
    }
    if (it != m_fetches.end() && it->result) {
        // Here already (asked for on a cursor seen early): taken on the next turn, after the page before it
        // (already in m_arrived), and without one call nesting in the next page after page.
        const api::Result<FilePage> result = *it->result;
        m_fetches.erase(it);
        QMetaObject::invokeMethod(
            this,
            [this, generation, epoch = m_aheadEpoch, result] {
                if (generation == m_generation && epoch == m_aheadEpoch)
                    aheadArrived(result);
            },
            Qt::QueuedConnection);
    }
}

void PagedFileModel::fetch(const QString &cursor)
{
    const quint64 generation = m_generation;
    // Reading to the end, the page after this one is asked for as soon as this answer is in, while it is
    // parsed on a worker (FolderModel hands this to the query; at most three pages travel at once).
    if (m_readToEnd)
        m_cursorSeen = [this, generation](const QString &next) {
            if (generation == m_generation && !next.isEmpty() && !m_complete && !m_fetches.contains(next) &&
                m_fetches.size() < 3)
                fetch(next);
        };
    m_fetches.insert(cursor, {});
    api::CallHandle call = requestPage(cursor, m_pageSize, m_process,
                                       [this, generation, cursor](const api::Result<FilePage> &result) {
                                           fetched(generation, cursor, result);
                                       });
    m_cursorSeen = nullptr;
    if (auto it = m_fetches.find(cursor); it != m_fetches.end() && !it->result)
        it->call = call;
}

void PagedFileModel::fetched(quint64 generation, const QString &cursor, const api::Result<FilePage> &result)
{
    if (generation != m_generation)
        return;
    auto it = m_fetches.find(cursor);
    if (it == m_fetches.end())
        return;
    if (m_aheadInFlight && cursor == m_aheadCursor) {
        m_fetches.erase(it);
        aheadArrived(result);
    } else {
        it->result = result; // ahead of need: taken when the page before it names this cursor
        it->call = {};
    }
}

void PagedFileModel::discardAhead()
{
    cancelAhead();
    ++m_aheadEpoch; // what was queued of it is not taken in either
    if (!m_arrived.empty()) {
        // Pages that arrived and never went in are read again: the listing goes on from the first of them.
        m_nextCursor = m_arrived.front().cursor;
        m_complete = false;
    }
    m_arrived.clear();
    m_arrivedTimer.stop();
    m_aheadInFlight = false;
}

void PagedFileModel::cancelAhead()
{
    for (Fetch &fetch : m_fetches)
        fetch.call.cancel();
    m_fetches.clear();
}

void PagedFileModel::aheadArrived(const api::Result<FilePage> &result)
{
    m_aheadInFlight = false;
    if (!result.ok()) {
        cancelAhead(); // what was asked for after it is asked again with the retry
        pageFailed(result.error());
        return;
    }
    if (m_insertWanted || m_readToEnd) {
        // The next page is asked for first, and this one taken in on the next turn: QNAM sends a request
        // only when the event loop runs.
        m_nextCursor = result.value().nextCursor;
        m_complete = m_nextCursor.isEmpty();
        m_arrived.push_back({result.value(), m_aheadCursor});
        if (m_complete || !m_fetches.contains(m_nextCursor))
            cancelAhead(); // guesses that went past the end, or elsewhere than this page says
        startAhead();
        takeArrivedSoon();
    } else {
        m_ahead = result.value();
    }
}

void PagedFileModel::insertPage(const FilePage &page, QString cursor)
{
    m_nextCursor = page.nextCursor;
    m_complete = page.nextCursor.isEmpty();
    startAhead(); // the next page travels while this one is shown
    std::vector<Arrived> pages;
    pages.push_back({page, std::move(cursor)});
    insertRows(std::move(pages));
}

void PagedFileModel::takeArrivedSoon()
{
    const qint64 sinceInsert = m_sinceInsert.isValid() ? m_sinceInsert.elapsed() : InsertEveryMs;
    if (!m_insertWanted && !m_complete && sinceInsert < InsertEveryMs) {
        if (!m_arrivedTimer.isActive())
            m_arrivedTimer.start(int(InsertEveryMs - sinceInsert));
        return;
    }
    if (std::exchange(m_arrivedQueued, true))
        return;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_arrivedQueued = false;
            insertArrived();
        },
        Qt::QueuedConnection);
}

void PagedFileModel::insertArrived()
{
    m_arrivedTimer.stop();
    if (m_arrived.empty())
        return;
    std::vector<Arrived> pages = std::exchange(m_arrived, {});
    setInsertWanted(false);
    insertRows(std::move(pages));
}

void PagedFileModel::insertRows(std::vector<Arrived> pages)
{
    m_catalogDirty = true;
    m_readAtMs = QDateTime::currentMSecsSinceEpoch();
    m_unreachable = false;
    m_sinceInsert.start();
    qsizetype count = 0;
    for (const Arrived &arrived : pages)
        count += arrived.page.files.size();
    if (count > 0) {
        const int firstPage = int(m_pages.size());
        beginInsertRows({}, m_rowCount, m_rowCount + int(count) - 1);
        for (Arrived &arrived : pages) {
            if (arrived.page.files.isEmpty())
                continue;
            Page stored;
            stored.cursor = std::move(arrived.cursor);
            stored.firstRow = m_rowCount;
            stored.rows.reserve(size_t(arrived.page.files.size()));
            for (const DriveFile &file : std::as_const(arrived.page.files))
                stored.rows.push_back(makeRow(file));
            m_rowCount += int(stored.rows.size());
            m_pages.push_back(std::move(stored));
        }
        endInsertRows();
        int pageIndex = firstPage;
        for (const Arrived &arrived : pages)
            if (!arrived.page.files.isEmpty())
                storePageUrls(pageIndex++, arrived.page.files);
    }
    // Complete once the last page is in: a page read ahead may still wait for its turn to go in.
    if (isComplete())
        saveToCatalogSoon();
    updateState();
    if (isComplete())
        emit completed();
}

void PagedFileModel::pageFailed(const api::ApiError &error)
{
    m_failed = true;
    m_unreachable = error.unreachable();
    setInsertWanted(false);
    updateState();
    emit errorOccurred(error);
}

void PagedFileModel::setReadToEnd(bool readToEnd)
{
    if (m_readToEnd == readToEnd)
        return;
    m_readToEnd = readToEnd;
    if (m_readToEnd && m_rowCount > 0 && !m_complete && !m_failed && !m_refreshing)
        startAhead();
    updateState();
}

bool PagedFileModel::isReading() const
{
    return !m_failed && (m_refreshing || (m_readToEnd && !isComplete()));
}

void PagedFileModel::updateState()
{
    const int bits = (m_showsSaved ? 1 : 0) | (m_unreachable ? 2 : 0) | (isReading() ? 4 : 0);
    if (bits == m_stateBits)
        return;
    m_stateBits = bits;
    emit stateChanged();
}

void PagedFileModel::retry()
{
    if (m_showsSaved) {
        m_reconnect.stop();
        if (!m_refreshing)
            refresh();
        return;
    }
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
    dropAll(false);
}

void PagedFileModel::clearRows()
{
    dropAll(true);
}

void PagedFileModel::dropAll(bool clearOnly)
{
    saveToCatalog(); // what was read of the place being left (its key is the one it was read under)
    ++m_generation;
    m_reconnect.stop();
    m_nextReconnectMs = m_firstReconnectMs;
    cancelAhead();
    m_refreshCall.cancel();
    m_refreshing = false;
    m_refreshAgain = false;
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
    m_arrived.clear();
    m_arrivedTimer.stop();
    m_failed = false;
    m_aheadInFlight = false;
    m_ahead.reset();
    m_viewFirst = m_viewLast = -1;
    m_settleTimer.stop();
    m_flinging = m_lastMoveFast = false;
    m_catalogDirty = false;
    m_showsSaved = false;
    m_unreachable = false;
    m_savedAtMs = 0;
    m_savedRestRows = 0;
    m_savedRest = {};
    m_notOnDisk.clear();
    m_placeKey = clearOnly ? QString() : placeKey();
    m_complete = clearOnly; // nothing to read
    const bool saved = !clearOnly && openSaved();
    m_signallingReset = true;
    endResetModel();
    m_signallingReset = false;
    setInsertWanted(false);
    if (saved)
        refresh(); // the saved rows now, the server's in the background, brought in line in place
    updateState();
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
    if (!m_showsSaved) {
        m_catalogDirty = true;
        if (isComplete())
            saveToCatalog();
    }
}

} // namespace koodrive::models
