#pragma once

#include "PagedFileModel.h"

namespace koodrive::models {

// One drive folder, or the recycle bin (files-list.txt, space 0 and 1), a page at a time: the six sort
// orders of the page, a type filter and a name search, all done by the server.
class FolderModel final : public PagedFileModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FolderModel)

public:
    // files-list.txt, "sortType".
    enum class SortField
    {
        Name = 1,
        Size = 2,
        Created = 3,
        Modified = 4,
        Recycled = 5, // the recycle bin only
        Format = 6
    };
    Q_ENUM(SortField)
    enum class TypeFilter
    {
        All,
        Images,
        Videos,
        Folders
    };
    Q_ENUM(TypeFilter)

    struct Location
    {
        QString containerId{};
        QString folderId{}; // empty in the recycle bin
        bool recycleBin = false;
        bool operator==(const Location &other) const = default;
    };

    FolderModel(api::KooDriveClient *client, thumbnails::ThumbnailScheduler *thumbnails,
                QObject *parent = nullptr);

    void setLocation(const Location &location);
    // Another place: its location, without the type and name filters set in the last one (a filter belongs
    // to the place it was set in), read once.
    void openPlace(const Location &location);
    // No folder: every row dropped, nothing read until a location is set (signing out).
    void clear()
    {
        m_location = {};
        clearRows();
    }
    const Location &location() const { return m_location; }
    void setSortOrder(SortField field, Qt::SortOrder order);
    SortField sortField() const { return m_sortField; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    void sort(int column, Qt::SortOrder order) override;
    void setTypeFilter(TypeFilter filter);
    TypeFilter typeFilter() const { return m_typeFilter; }
    // A case-insensitive part of the name (files-list.txt "fileName": at most 80 characters); empty: all.
    void setNameFilter(const QString &text);
    const QString &nameFilter() const { return m_nameFilter; }

protected:
    QString placeKey() const override;
    api::CallHandle requestPage(const QString &cursor, int pageSize, const QString &imageProcess,
                                PageCallback done) override;

private:
    Location m_location;
    SortField m_sortField = SortField::Name;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    TypeFilter m_typeFilter = TypeFilter::All;
    QString m_nameFilter;
};

} // namespace koodrive::models
