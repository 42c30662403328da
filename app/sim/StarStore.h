#pragma once

#include "FileCursor.h"
#include "StoreTypes.h"

#include <QSet>
#include <QVector>
#include <optional>

namespace koodrive::sim {

class SimStore;

// Favourites (OPERATIONS.md §6): each user's own starred files, by the time they were starred.
class StarStore final
{
public:
    explicit StarStore(SimStore &store);

    void star(const QString &userId, const QString &fileId, qint64 nowMs);
    void unstar(const QString &userId, const QString &fileId);
    // Which of these files the user has starred (the "favorite" field of every listing).
    QSet<QString> starredAmong(const QString &userId, const QStringList &fileIds) const;

    struct Query
    {
        int pageSize = 100;
        bool descending = true;
        int fileType = 0; // 0: any
        std::optional<FileCursor> after;
    };
    struct Page
    {
        QVector<FileRow> files;
        int leftOutInBin = 0; // starred files the page skipped because they are in the recycle bin
        std::optional<FileCursor> next;
    };
    // One page reads `pageSize` stars and answers the files among them that are listed and of the type
    // asked: a page may be short, even empty, before the end (listStarFile: "follow nextCursor").
    Page page(const QString &userId, const Query &query) const;

private:
    SimStore &m_store;
};

} // namespace koodrive::sim
