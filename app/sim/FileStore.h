#pragma once

#include "FileCursor.h"
#include "StoreTypes.h"

#include <QVector>
#include <optional>

class QSqlQuery;

namespace koodrive::sim {

class SimStore;

// The drive's files and folders: lookups and the keyset-paged listing behind files-list.txt.
class FileStore final
{
public:
    explicit FileStore(SimStore &store);

    // Sort types of files-list.txt, Table 5.
    enum SortType
    {
        ByName = 1,
        BySize = 2,
        ByCreated = 3,
        ByEdited = 4,
        ByRecycled = 5,
        ByFormat = 6
    };

    struct ListQuery
    {
        QString containerId;
        QString parentId; // a folder id; ignored for the recycle bin
        bool recycleBin = false;
        int sortType = ByName;
        bool descending = false;
        int fileType = 0;     // 0: any
        QString nameContains; // empty: any
        int pageSize = 100;
        std::optional<FileCursor> after;
    };
    struct Page
    {
        QVector<FileRow> rows;
        std::optional<FileCursor> next;
    };

    void insert(const QVector<FileRow> &rows);
    std::optional<FileRow> file(const QString &id) const;
    Page list(const ListQuery &query) const;
    qint64 usedBytes(const QString &containerId) const;

    static FileRow read(const QSqlQuery &query, int firstColumn = 0);
    static QString columns(const QString &alias = QString());
    static QVariant sortKey(const FileRow &row, int sortType);
    static QString sortColumn(int sortType);
    // "%text%" for LIKE … ESCAPE '\', with the text's own % _ and \ taken literally.
    static QString likePattern(const QString &text);

private:
    SimStore &m_store;
};

} // namespace koodrive::sim
