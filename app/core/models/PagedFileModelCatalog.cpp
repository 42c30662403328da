// PagedFileModel: places kept in the catalog (opened from it, saved into it).
#include "PagedFileModel.h"

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

bool PagedFileModel::openSaved()
{
    if (!m_catalog || m_placeKey.isEmpty())
        return false;
    const std::optional<catalog::PlaceSnapshot> saved = m_catalog->place(m_placeKey);
    if (!saved)
        return false;
    for (qsizetype first = 0; first < saved->rows.size(); first += m_pageSize) {
        Page page;
        page.saved = true;
        page.firstRow = m_rowCount;
        const qsizetype end = qMin(saved->rows.size(), first + m_pageSize);
        page.rows.reserve(size_t(end - first));
        for (qsizetype i = first; i < end; ++i) {
            Row row = rowFromCatalog(saved->rows[i]);
            row.mimeType = intern(row.mimeType);
            row.ownerId = intern(row.ownerId);
            row.containerId = intern(row.containerId);
            page.rows.push_back(std::move(row));
        }
        m_rowCount += int(page.rows.size());
        m_pages.push_back(std::move(page));
    }
    // Nothing to fetch while the saved rows are shown: the refresh that follows reads the place again.
    m_complete = true;
    m_showsSaved = true;
    m_savedAtMs = saved->readAtMs;
    return true;
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
