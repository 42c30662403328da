// PagedFileModel: bringing a place in line with the server in place (refresh): the rows read again, and
// the differences applied as removals, insertions and dataChanged, so that nothing jumps and the selection
// stays.
#include "PagedFileModel.h"

#include <QDateTime>
#include <limits>

namespace koodrive::models {

using api::DriveFile;
using api::FilePage;
using thumbnails::ThumbnailState;

namespace {
constexpr int MaxReconnectMs = 30'000;
} // namespace

void PagedFileModel::refresh()
{
    if (m_refreshing) {
        // What is in flight may have been read before the change that asks again: read once more after it.
        m_refreshAgain = true;
        return;
    }
    // What was fetched ahead may be stale now; it is read again after the refresh.
    discardAhead();
    m_ahead.reset();
    setInsertWanted(false);
    m_refreshing = true;
    m_refreshPages.clear();
    m_refreshFiles.clear();
    refreshFrom({}, m_readToEnd ? std::numeric_limits<int>::max() : qMax(m_rowCount + m_savedRestRows, 1));
    updateState();
}

bool PagedFileModel::nearView(int firstRow, int lastRow) const
{
    // As many pages around the rows shown as the model keeps URLs for (m_pageUrls), half on each side.
    const int reach = (m_pageUrls.maxCost() / 2) * m_pageSize;
    const int shownFirst = qMax(0, m_viewFirst);
    const int shownLast = qMax(shownFirst, m_viewLast);
    return lastRow >= shownFirst - reach && firstRow <= shownLast + reach;
}

void PagedFileModel::refreshFailed(const api::ApiError &error)
{
    m_refreshing = false;
    m_refreshAgain = false; // not again after an error
    m_unreachable = error.unreachable();
    if (m_showsSaved && m_unreachable) {
        // The saved rows stay; the window says so from the state. Asked again later, by itself.
        m_reconnect.start(m_nextReconnectMs);
        m_nextReconnectMs = qMin(MaxReconnectMs, m_nextReconnectMs * 2);
        updateState();
        return;
    }
    updateState();
    emit errorOccurred(error);
}

void PagedFileModel::refreshFrom(const QString &cursor, int rowsWanted)
{
    const quint64 generation = m_generation;
    m_refreshCall =
        requestPage(cursor, m_pageSize, m_process,
                    [this, generation, cursor, rowsWanted](const api::Result<FilePage> &result) {
                        if (generation != m_generation)
                            return;
                        if (!result.ok()) {
                            refreshFailed(result.error());
                            return;
                        }
                        Page page;
                        page.cursor = cursor;
                        page.firstRow = m_refreshPages.empty() ? 0
                                                               : m_refreshPages.back().firstRow +
                                                                     int(m_refreshPages.back().rows.size());
                        for (const DriveFile &file : result.value().files)
                            page.rows.push_back(makeRow(file));
                        const int covered = page.firstRow + int(page.rows.size());
                        if (!page.rows.empty()) {
                            // The files' signed URLs only for pages near what is shown:
                            // the model keeps 40 pages' worth, and asks again for a page
                            // shown later. All of a 10 000-row place: 9 MB at once.
                            const bool near = nearView(page.firstRow, covered - 1);
                            m_refreshPages.push_back(std::move(page));
                            m_refreshFiles.append(near ? result.value().files : QVector<DriveFile>());
                        }
                        if (result.value().nextCursor.isEmpty() || covered >= rowsWanted)
                            applyRefresh(result.value().nextCursor);
                        else
                            refreshFrom(result.value().nextCursor, rowsWanted);
                    });
}

void PagedFileModel::applyRefresh(const QString &nextCursor)
{
    takeSavedRest(); // the server's rows are compared with every saved row
    // Pages read ahead meanwhile (the view asked for more while the refresh was out) follow rows that
    // are replaced now: dropped, and read again after the refresh's own cursor.
    discardAhead();
    m_ahead.reset();
    m_refreshing = false;
    const bool wasSaved = m_showsSaved;
    bool rowsChanged = false; // anything the catalog keeps
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
        rowsChanged = true;
        i = first - 1;
    }
    // Rows that appeared, inserted in runs where the server lists them; the rest updated in place.
    bool reordered = false;
    size_t at = 0;
    for (size_t j = 0; j < fresh.size();) {
        if (at < rows.size() && rows[at].id == fresh[j].id) {
            const Row &was = rows[at];
            const bool changed = was.name != fresh[j].name || was.size != fresh[j].size ||
                                 was.editedMs != fresh[j].editedMs || was.takenMs != fresh[j].takenMs ||
                                 was.favorite != fresh[j].favorite ||
                                 was.durationSecs != fresh[j].durationSecs;
            rowsChanged = rowsChanged || changed || was.thumbnailRef != fresh[j].thumbnailRef;
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
        rowsChanged = true;
        at += end - j;
        j = end;
    }
    if (reordered) {
        rowsChanged = true;
        beginResetModel();
    }
    // The rows now equal the pages just read: keep those, with their cursors and URLs.
    m_pages = std::move(m_refreshPages);
    m_refreshPages.clear();
    m_rowCount = m_pages.empty() ? 0 : m_pages.back().firstRow + int(m_pages.back().rows.size());
    for (int p = 0; p < m_refreshFiles.size(); ++p)
        if (!m_refreshFiles[p].isEmpty())
            storePageUrls(p, m_refreshFiles[p]);
    m_refreshFiles.clear();
    m_nextCursor = nextCursor;
    m_complete = nextCursor.isEmpty();
    m_failed = false;
    m_showsSaved = false;
    m_unreachable = false;
    m_nextReconnectMs = m_firstReconnectMs;
    m_notOnDisk.clear();
    // A saved place found as it was is not written again (10 000 rows take tens of ms): only its time.
    m_catalogDirty = m_catalogDirty || rowsChanged || !wasSaved;
    m_readAtMs = QDateTime::currentMSecsSinceEpoch();
    if (reordered)
        endResetModel();
    else if (m_rowCount > 0)
        emit dataChanged(index(0), index(m_rowCount - 1), {ThumbnailRole, ThumbnailStateRole});
    if (m_complete && m_catalogDirty)
        saveToCatalogSoon();
    else if (m_complete && m_catalog && !m_placeKey.isEmpty())
        m_catalog->markRead(m_placeKey, m_readAtMs, true);
    if (m_refreshAgain) {
        m_refreshAgain = false;
        refresh();
    } else if (!m_complete) {
        startAhead();
    }
    updateState();
}

} // namespace koodrive::models
