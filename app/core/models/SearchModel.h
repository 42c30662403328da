#pragma once

#include "PagedFileModel.h"

#include <QHash>

namespace koodrive::models {

// A search of the whole of a drive, sub-folders too (OPERATIONS.md §7, Search, "recursived"), by a part of
// the name, a page at a time: "Search all of My drive". Each file found is known with its id path, which
// moving it to the recycle bin needs (§5). Not kept in the catalog (a search is not a place to come back to).
class SearchModel final : public PagedFileModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchModel)

public:
    SearchModel(api::KooDriveClient *client, thumbnails::ThumbnailScheduler *thumbnails,
                QObject *parent = nullptr);

    // Searches `containerId` (a drive) for names holding `keyWord` (1..255 characters, trimmed); an empty
    // word holds nothing.
    void search(const QString &containerId, const QString &keyWord);
    void clear()
    {
        m_keyWord.clear();
        m_idPaths.clear();
        m_namePaths.clear();
        clearRows();
    }
    const QString &keyWord() const { return m_keyWord; }
    const QString &containerId() const { return m_containerId; }
    // "/<root id>/…/<id>" of a file found (empty: not known).
    QString idPath(const QString &fileId) const { return m_idPaths.value(fileId); }
    // "/Folder/…/name": where a file found is, for its tooltip and "Show in folder".
    QString namePath(const QString &fileId) const { return m_namePaths.value(fileId); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    api::CallHandle requestPage(const QString &cursor, int pageSize, const QString &imageProcess,
                                PageCallback done) override;

private:
    QString m_containerId;
    QString m_keyWord;
    QHash<QString, QString> m_idPaths;
    QHash<QString, QString> m_namePaths;
};

} // namespace koodrive::models
