#pragma once

#include "PagedFileModel.h"

namespace koodrive::models {

// The files the person starred, newest star first (OPERATIONS.md §6, listStarFile), a page at a time: the
// sidebar's "Favourites" place. Kept in the catalog like a folder.
class StarredModel final : public PagedFileModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StarredModel)

public:
    StarredModel(api::KooDriveClient *client, thumbnails::ThumbnailScheduler *thumbnails,
                 QObject *parent = nullptr);

    // Read from the first page (the first time, or again when shown anew).
    void open();
    // Nothing held, nothing read until open() (signing out).
    void clear()
    {
        m_open = false;
        clearRows();
    }
    bool isOpen() const { return m_open; }

protected:
    QString placeKey() const override;
    api::CallHandle requestPage(const QString &cursor, int pageSize, const QString &imageProcess,
                                PageCallback done) override;

private:
    bool m_open = false;
};

} // namespace koodrive::models
