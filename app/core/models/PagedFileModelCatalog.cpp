// PagedFileModel: places kept in the catalog (opened from it, saved into it).
#include "PagedFileModel.h"
#include "threads/RunThen.h"
#include "threads/WorkPools.h"

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
    row.favorite = saved.favorite;
    row.durationSecs = durationSecs(saved.durationMs);
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

void PagedFileModel::moveToCatalog(catalog::Catalog *catalog)
{
    m_saveTimer.stop();
    m_catalog = catalog;
    if (m_placeKey.isEmpty())
        return;
    m_catalogDirty = true; // the new file has nothing of it: written whole once read (not only its time)
    saveToCatalogSoon();
}

bool PagedFileModel::openSaved()
{
    if (!m_catalog || m_placeKey.isEmpty())
        return false;
    const std::optional<catalog::PlaceSnapshot> saved = m_catalog->place(m_placeKey, m_firstSavedRows);
    if (!saved)
        return false;
    appendSaved(savedPages(saved->rows, m_pageSize));
    // Nothing to fetch while the saved rows are shown: the refresh that follows reads the place again.
    m_complete = true;
    m_showsSaved = true;
    m_savedAtMs = saved->readAtMs;
    m_savedRestRows = saved->rowCount - int(saved->rows.size());
    if (m_savedRestRows > 0) {
        const quint64 generation = m_generation;
        // Read and made into rows on a worker: the window's thread only splices the pages in.
        m_savedRest = threads::runThen(
            threads::longWork(),
            [path = m_catalog->path(), id = saved->id, from = int(saved->rows.size()),
             readAtMs = saved->readAtMs, pageSize = m_pageSize] {
                std::optional<std::vector<Page>> pages;
                if (const auto rows = catalog::Catalog::placeRows(path, id, from, readAtMs))
                    pages = savedPages(*rows, pageSize);
                return pages;
            },
            this,
            [this, generation](const QFuture<std::optional<std::vector<Page>>> &) {
                if (generation == m_generation)
                    takeSavedRest();
            });
    }
    return true;
}

std::vector<PagedFileModel::Page> PagedFileModel::savedPages(const QVector<catalog::CatalogRow> &rows,
                                                             int pageSize)
{
    QSet<QString> shared;
    const auto intern = [&shared](const QString &text) -> const QString & { return *shared.insert(text); };
    std::vector<Page> pages;
    pages.reserve(size_t((rows.size() + pageSize - 1) / pageSize));
    for (qsizetype first = 0; first < rows.size(); first += pageSize) {
        Page page;
        page.saved = true;
        page.firstRow = int(first);
        const qsizetype end = qMin(rows.size(), first + pageSize);
        page.rows.reserve(size_t(end - first));
        for (qsizetype i = first; i < end; ++i) {
            Row row = rowFromCatalog(rows[i]);
            row.mimeType = intern(row.mimeType);
            row.ownerId = intern(row.ownerId);
            row.containerId = intern(row.containerId);
            page.rows.push_back(std::move(row));
        }
        pages.push_back(std::move(page));
    }
    return pages;
}

void PagedFileModel::appendSaved(std::vector<Page> &&pages)
{
    for (Page &page : pages) {
        page.firstRow = m_rowCount;
        m_rowCount += int(page.rows.size());
        m_pages.push_back(std::move(page));
    }
}

void PagedFileModel::takeSavedRest()
{
    if (m_savedRestRows == 0)
        return;
    m_savedRestRows = 0;
    std::optional<std::vector<Page>> rest = m_savedRest.takeResult(); // waits if not read yet
    m_savedRest = {};
    // Stored again meanwhile (or unreadable): the first rows stay, and the refresh brings in the rest.
    if (rest && !rest->empty()) {
        int rows = 0;
        for (const Page &page : *rest)
            rows += int(page.rows.size());
        beginInsertRows({}, m_rowCount, m_rowCount + rows - 1);
        appendSaved(std::move(*rest));
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
                         row.fileType, row.favorite, qint64(row.durationSecs) * 1000});
    // Complete only with every page in: one still waiting for its turn would leave a gap marked complete.
    // Written on a worker (10 000 rows: 60 ms): the next place opened from the catalog waits for it.
    m_catalog->storePlaceLater(m_placeKey, std::move(rows), isComplete(), m_readAtMs);
}

void PagedFileModel::setInsertWanted(bool wanted)
{
    if (m_insertWanted == wanted)
        return;
    m_insertWanted = wanted;
    emit loadingChanged(wanted);
}

} // namespace koodrive::models
