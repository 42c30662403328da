#include "SearchModel.h"

#include "text/DisplayText.h"

namespace koodrive::models {

SearchModel::SearchModel(api::KooDriveClient *client, thumbnails::ThumbnailScheduler *thumbnails,
                         QObject *parent)
    : PagedFileModel(client, thumbnails, parent)
{}

void SearchModel::search(const QString &containerId, const QString &keyWord)
{
    m_containerId = containerId;
    m_keyWord = keyWord.trimmed().left(255); // OPERATIONS.md §7: keyWord 1..255
    m_idPaths.clear();
    m_namePaths.clear();
    if (m_keyWord.isEmpty()) {
        clearRows();
        return;
    }
    restart();
}

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::ToolTipRole && index.isValid()) {
        // Where the file is: its folders' names are the server's text, shown as plain text.
        const QString path = namePath(index.data(IdRole).toString());
        const QString where = path.section(QLatin1Char('/'), 0, -2);
        if (!where.isEmpty())
            return text::toolTip(
                tr("%1\nIn %2").arg(index.data(Qt::DisplayRole).toString(), text::displayText(where.mid(1))));
    }
    return PagedFileModel::data(index, role);
}

api::CallHandle SearchModel::requestPage(const QString &cursor, int pageSize, const QString &imageProcess,
                                         PageCallback done)
{
    api::KooDriveClient::SearchQuery query;
    query.keyWord = m_keyWord;
    query.containerId = m_containerId;
    query.recursive = true; // the whole drive: every folder under its root
    query.pageSize = pageSize;
    query.cursor = cursor;
    query.imageProcess = imageProcess;
    return client()->search(query, this,
                            [this, done = std::move(done)](const api::Result<api::SearchPage> &result) {
                                if (!result.ok()) {
                                    done(result.error());
                                    return;
                                }
                                api::FilePage page;
                                page.nextCursor = result.value().nextCursor;
                                page.files.reserve(result.value().hits.size());
                                for (const api::SearchHit &hit : result.value().hits) {
                                    m_idPaths.insert(hit.file.id, hit.idPath);
                                    m_namePaths.insert(hit.file.id, hit.namePath);
                                    page.files << hit.file;
                                }
                                done(page);
                            });
}

} // namespace koodrive::models
