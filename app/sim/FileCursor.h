#pragma once

#include <QString>
#include <QVariant>
#include <optional>

namespace koodrive::sim {

// The position after the last row of a page, handed to the client as an opaque cursor
// (files-list.txt "nextCursor"; album contents "nextPageCursor"). Keyset paging on (sort key, id) keeps a
// cursor valid while rows are added or removed elsewhere in the listing.
struct FileCursor
{
    QString listing;  // what was listed (folder id, "recycle", album id): a cursor is valid only there
    int sortType = 0; // and only for the same order
    bool descending = false;
    int phase = 0; // files lists put folders first: 0 while listing folders, 1 for the other files
    QVariant key;  // sort value of the last row (string or integer)
    QString id;    // id of the last row (tie-break)

    QString encode() const;
    // nullopt when the text is not a cursor of ours.
    static std::optional<FileCursor> decode(const QString &text);
};

} // namespace koodrive::sim
