#include "StarredModel.h"

namespace koodrive::models {

StarredModel::StarredModel(api::KooDriveClient *client, thumbnails::ThumbnailScheduler *thumbnails,
                           QObject *parent)
    : PagedFileModel(client, thumbnails, parent)
{
    // Pages may be short, or empty, before the end (OPERATIONS.md §6): the list is read to its end in the
    // background rather than waiting for a view to scroll past rows that never came.
    setReadToEnd(true);
}

void StarredModel::open()
{
    m_open = true;
    restart();
}

QString StarredModel::placeKey() const
{
    return m_open ? QStringLiteral("starred") : QString();
}

api::CallHandle StarredModel::requestPage(const QString &cursor, int pageSize, const QString &imageProcess,
                                          PageCallback done)
{
    api::KooDriveClient::StarredQuery query;
    query.pageSize = pageSize;
    query.cursor = cursor;
    query.imageProcess = imageProcess;
    // OPERATIONS.md §6: a page may be short or empty before the end; only its nextCursor says whether more
    // follow, which is what a FilePage's nextCursor means too.
    return client()->listStarred(query, this,
                                 [done = std::move(done)](const api::Result<api::StarredPage> &result) {
                                     if (!result.ok()) {
                                         done(result.error());
                                         return;
                                     }
                                     done(api::FilePage{result.value().files, result.value().nextCursor});
                                 });
}

} // namespace koodrive::models
