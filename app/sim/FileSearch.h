#pragma once

#include "FileCursor.h"
#include "StoreTypes.h"

#include <QVector>
#include <optional>

namespace koodrive::sim {

class SimStore;

// The file search behind POST /files/search (OPERATIONS.md §7): within a folder (recursived: and every
// folder below it) of one space, names containing the keyword (case-insensitively for ASCII letters, as
// SQLite's LIKE), by type, owner and update time; keyset pages in a files-list sort order.
class FileSearch final
{
public:
    explicit FileSearch(SimStore &store);

    struct Query
    {
        QString containerId;
        QString folderId;
        bool wholeSpace = false; // the root, recursively: every file of the space that is not in the bin
        bool recursive = false;
        QString keyWord;
        int fileType = 0;
        QString ownerId;
        std::optional<qint64> updatedFromMs;
        std::optional<qint64> updatedToMs;
        int sortType = 4; // files-list.txt, Table 5
        bool descending = true;
        int pageSize = 100;
        std::optional<FileCursor> after;
    };
    struct Page
    {
        QVector<FileRow> rows;
        qint64 total = 0;
        std::optional<FileCursor> next;
    };
    Page run(const Query &query) const;

private:
    SimStore &m_store;
};

} // namespace koodrive::sim
