#include "FolderModel.h"

namespace koodrive::models {

FolderModel::FolderModel(api::KooDriveClient *client, thumbnails::ThumbnailScheduler *thumbnails,
                         QObject *parent)
    : PagedFileModel(client, thumbnails, parent)
{}

void FolderModel::setLocation(const Location &location)
{
    if (location == m_location)
        return;
    m_location = location;
    if (!m_location.recycleBin && m_sortField == SortField::Recycled)
        m_sortField = SortField::Name;
    restart();
}

void FolderModel::openPlace(const Location &location)
{
    if (location == m_location && m_typeFilter == TypeFilter::All && m_nameFilter.isEmpty())
        return;
    m_typeFilter = TypeFilter::All;
    m_nameFilter.clear();
    if (location == m_location) {
        restart();
        return;
    }
    setLocation(location);
}

void FolderModel::setSortOrder(SortField field, Qt::SortOrder order)
{
    if (field == SortField::Recycled && !m_location.recycleBin)
        field = SortField::Modified; // only recycled files have a reclaim time
    if (field == m_sortField && order == m_sortOrder)
        return;
    m_sortField = field;
    m_sortOrder = order;
    restart();
}

void FolderModel::sort(int column, Qt::SortOrder order)
{
    if (column == 0)
        setSortOrder(m_sortField, order);
}

void FolderModel::setTypeFilter(TypeFilter filter)
{
    if (filter == m_typeFilter)
        return;
    m_typeFilter = filter;
    restart();
}

void FolderModel::setNameFilter(const QString &text)
{
    const QString trimmed = text.trimmed().left(80);
    if (trimmed == m_nameFilter)
        return;
    m_nameFilter = trimmed;
    restart();
}

QString FolderModel::placeKey() const
{
    // A search is not a place to come back to; everything else the rows depend on is in the key.
    if (!m_nameFilter.isEmpty())
        return {};
    return QStringLiteral("%1|%2|%3|%4|%5|%6")
        .arg(m_location.recycleBin ? QStringLiteral("bin") : QStringLiteral("folder"), m_location.containerId,
             m_location.folderId.isEmpty() ? QStringLiteral("root") : m_location.folderId)
        .arg(int(m_sortField))
        .arg(m_sortOrder == Qt::AscendingOrder ? 1 : 2)
        .arg(int(m_typeFilter));
}

api::CallHandle FolderModel::requestPage(const QString &cursor, int pageSize, const QString &imageProcess,
                                         PageCallback done)
{
    api::KooDriveClient::FileListQuery query;
    query.recycleBin = m_location.recycleBin;
    query.containerId = m_location.containerId;
    // The recycle bin lists every recycled file of the space under the root (files-list.txt, space 1).
    query.parentFileId = m_location.folderId.isEmpty() ? QStringLiteral("root") : m_location.folderId;
    query.pageSize = pageSize;
    query.cursor = cursor;
    query.sortType = int(m_sortField);
    query.sortDirection = m_sortOrder == Qt::AscendingOrder ? 1 : 2;
    switch (m_typeFilter) {
    case TypeFilter::All: break;
    case TypeFilter::Images: query.fileType = api::FileType::Image; break;
    case TypeFilter::Videos: query.fileType = api::FileType::Video; break;
    case TypeFilter::Folders: query.fileType = api::FileType::Folder; break;
    }
    query.fileName = m_nameFilter;
    query.imageProcess = imageProcess;
    query.cursorSeen = takeCursorSeen();
    return client()->listFiles(query, this, std::move(done));
}

} // namespace koodrive::models
