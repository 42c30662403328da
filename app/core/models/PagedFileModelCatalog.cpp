// PagedFileModel: places kept in the catalog (opened from it, saved into it).
#include "PagedFileModel.h"
#include "threads/WorkPools.h"

#include <QtConcurrent/QtConcurrentRun>

namespace koodrive::models {

PagedFileModel::Row PagedFileModel::rowFromCatalog(const catalog::CatalogRow &saved)
{
    Row row;
    row.id = saved.id;
    row.name = saved.name;
    row.mimeType = saved.mimeType;
    row.ownerId = saved.ownerId;
    row.containerId = saved.containerId;
    row.size = saved.size;
    row.createdMs = saved.createdMs;
    row.editedMs = saved.editedMs;
    row.takenMs = saved.takenMs;
    row.width = clampDimension(saved.width);
    row.height = clampDimension(saved.height);
    row.fileType = quint8(qBound(0, saved.fileType, 255));
    row.thumbnailRef = saved.thumbnailPath;
    return row;
}

// --- the catalog -----------------------------------------------------------------------------------------

void PagedFileModel::setCatalog(catalog::Catalog *catalog)
{
    if (catalog == m_catalog)
        return;
    saveToCatalog();
    m_catalog = catalog;
    m_placeKey.clear();
    m_catalogDirty = false;
}

namespace {
// The rows a saved place opens with, read on the GUI thread: more than a screen of the smallest tiles on a
// large screen. The rest comes from a worker (reading 10 000 rows would hold the first screen 40-60 ms).
constexpr int FirstSavedRows = 400;
} // namespace

bool PagedFileModel::openSaved()
{
    if (!m_catalog || m_placeKey.isEmpty())
        return false;
    const std::optional<catalog::PlaceSnapshot> saved = m_catalog->place(m_placeKey, FirstSavedRows);
    if (!saved)
        return false;
    appendSaved(saved->rows);
    // Nothing to fetch while the saved rows are shown: the refresh that follows reads the place again.
    m_complete = true;
    m_showsSaved = true;
    m_savedAtMs = saved->readAtMs;
    m_savedRestRows = saved->rowCount - int(saved->rows.size());
    if (m_savedRestRows > 0) {
        const quint64 generation = m_generation;
        m_savedRest = QtConcurrent::run(threads::longWork(), &catalog::Catalog::placeRows, m_catalog->path(),
                                        saved->id, int(saved->rows.size()), saved->readAtMs);
        m_savedRest.then(this, [this, generation](const std::optional<QVector<catalog::CatalogRow>> &) {
            if (generation == m_generation)
                takeSavedRest();
        });
    }
    return true;
}

void PagedFileModel::appendSaved(const QVector<catalog::CatalogRow> &rows)
{
    for (qsizetype first = 0; first < rows.size(); first += m_pageSize) {
        Page page;
        page.saved = true;
        page.firstRow = m_rowCount;
        const qsizetype end = qMin(rows.size(), first + m_pageSize);
        page.rows.reserve(size_t(end - first));
        for (qsizetype i = first; i < end; ++i) {
            Row row = rowFromCatalog(rows[i]);
            row.mimeType = intern(row.mimeType);
            row.ownerId = intern(row.ownerId);
            row.containerId = intern(row.containerId);
            page.rows.push_back(std::move(row));
        }
        m_rowCount += int(page.rows.size());
        m_pages.push_back(std::move(page));
    }
}

void PagedFileModel::takeSavedRest()
{
    if (m_savedRestRows == 0)
        return;
    m_savedRestRows = 0;
    const std::optional<QVector<catalog::CatalogRow>> rest = m_savedRest.result(); // waits if not read yet
    m_savedRest = {};
    // Stored again meanwhile (or unreadable): the first rows stay, and the refresh brings in the rest.
    if (rest && !rest->isEmpty()) {
        beginInsertRows({}, m_rowCount, m_rowCount + int(rest->size()) - 1);
        appendSaved(*rest);
        endInsertRows();
    }
    updateState();
    if (isComplete())
        emit completed();
}

void PagedFileModel::saveToCatalogSoon()
{
    if (m_catalog && !m_placeKey.isEmpty() && !m_showsSaved && m_catalogDirty)
        m_saveTimer.start(); // leaving the place, or the model going, writes it at once (saveToCatalog)
}

void PagedFileModel::saveToCatalog()
{
    m_saveTimer.stop();
    if (!m_catalog || m_placeKey.isEmpty() || m_showsSaved || !m_catalogDirty)
        return;
    m_catalogDirty = false;
    QVector<catalog::CatalogRow> rows;
    rows.reserve(m_rowCount);
    for (const Page &page : m_pages)
        for (const Row &row : page.rows)
            rows.append({row.id, row.name, row.mimeType, row.ownerId, row.containerId, row.thumbnailRef,
                         row.size, row.createdMs, row.editedMs, row.takenMs, row.width, row.height,
                         row.fileType});
    // Complete only with every page in: one still waiting for its turn would leave a gap marked complete.
    m_catalog->storePlace(m_placeKey, rows, isComplete(), m_readAtMs);
}

void PagedFileModel::setInsertWanted(bool wanted)
{
    if (m_insertWanted == wanted)
        return;
    m_insertWanted = wanted;
    emit loadingChanged(wanted);
}

} // namespace koodrive::models
