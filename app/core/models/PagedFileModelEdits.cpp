// PagedFileModel: the window's own edits (a star, a new name), shown in the rows held at once.
#include "PagedFileModel.h"

namespace koodrive::models {

void PagedFileModel::setFavoriteHere(const QSet<QString> &ids, bool favorite)
{
    for (Page &page : m_pages)
        for (size_t i = 0; i < page.rows.size(); ++i) {
            Row &row = page.rows[i];
            if (row.favorite == favorite || !ids.contains(row.id))
                continue;
            row.favorite = favorite;
            const QModelIndex at = index(page.firstRow + int(i));
            emit dataChanged(at, at, {FavoriteRole});
            m_catalogDirty = m_catalogDirty || !m_showsSaved;
        }
    if (m_catalogDirty && isComplete())
        saveToCatalogSoon();
}

void PagedFileModel::renameHere(const QString &id, const QString &name)
{
    for (Page &page : m_pages)
        for (size_t i = 0; i < page.rows.size(); ++i) {
            Row &row = page.rows[i];
            if (row.id != id || row.name == name)
                continue;
            row.name = name;
            const QModelIndex at = index(page.firstRow + int(i));
            emit dataChanged(at, at);
            m_catalogDirty = m_catalogDirty || !m_showsSaved;
        }
    if (m_catalogDirty && isComplete())
        saveToCatalogSoon();
}

QSet<QString> PagedFileModel::heldIds() const
{
    QSet<QString> ids;
    ids.reserve(m_rowCount);
    for (const Page &page : m_pages)
        for (const Row &row : page.rows)
            ids.insert(row.id);
    return ids;
}

} // namespace koodrive::models
