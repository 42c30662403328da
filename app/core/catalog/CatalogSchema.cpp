#include "CatalogSchema.h"

namespace koodrive::catalog::schema {

namespace {
// clang-format off
const char *const Version1[] = {
    // A place: one listing as the server gave it (a folder in a sort order and filter, an album's contents).
    // read_at: when it was read (ms, UTC); used_at: when it was last opened (least recently used go first).
    "CREATE TABLE places (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, read_at INTEGER NOT NULL, "
    "used_at INTEGER NOT NULL, complete INTEGER NOT NULL, row_count INTEGER NOT NULL)",
    "CREATE INDEX places_used ON places (used_at)",
    // Its rows, in the server's order (pos). The fields of files-list.txt Table 7 that the grid shows.
    "CREATE TABLE place_rows (place INTEGER NOT NULL REFERENCES places (id) ON DELETE CASCADE, "
    "pos INTEGER NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, mime TEXT NOT NULL, owner TEXT NOT NULL, "
    "container TEXT NOT NULL, thumb TEXT NOT NULL, size INTEGER NOT NULL, created INTEGER NOT NULL, "
    "edited INTEGER NOT NULL, taken INTEGER NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL, "
    "type INTEGER NOT NULL, PRIMARY KEY (place, pos)) WITHOUT ROWID",
};
const char *const Version2[] = {
    // The folder tree: the spaces (parent '') and each folder's sub-folders as last listed, by name. The
    // list is a place of its own ("tree|<parent>"): when it was read, and dropped with the least used.
    "CREATE TABLE tree_nodes (place INTEGER NOT NULL REFERENCES places (id) ON DELETE CASCADE, "
    "pos INTEGER NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, container TEXT NOT NULL, owner TEXT NOT NULL, "
    "group_id TEXT NOT NULL, share_folder_id INTEGER NOT NULL, shared INTEGER NOT NULL, "
    "PRIMARY KEY (place, pos)) WITHOUT ROWID",
    // The album lists (album-list.txt), one place per list ("albums|<list>"), newest first. The cover is
    // kept as its object path and process, never as a signed URL.
    "CREATE TABLE album_rows (place INTEGER NOT NULL REFERENCES places (id) ON DELETE CASCADE, "
    "pos INTEGER NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, cover TEXT NOT NULL, type INTEGER NOT NULL, "
    "kind INTEGER NOT NULL, scope_dirs TEXT NOT NULL, scope_kind TEXT NOT NULL, scope_parent TEXT NOT NULL, "
    "owner TEXT NOT NULL, group_id TEXT NOT NULL, created INTEGER NOT NULL, updated INTEGER NOT NULL, "
    "PRIMARY KEY (place, pos)) WITHOUT ROWID",
};
const char *const Version3[] = {
    // Album edits made while KooDrive could not be reached (or while a call failed for now), in the order
    // they were made, until the server has taken each (models::AlbumOutbox). Not a cache: never dropped with
    // the least used places. kind: AlbumOutbox::Kind; album: the album's id, or "pending:<seq>" for one
    // created here and not yet on the server; payload: the edit's details as JSON; sent: a call went out
    // (its answer may have been lost: replaying checks before sending again what is not idempotent).
    "CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind INTEGER NOT NULL, album TEXT NOT NULL, "
    "album_name TEXT NOT NULL, payload TEXT NOT NULL, created INTEGER NOT NULL, sent INTEGER NOT NULL)",
};
const char *const Version4[] = {
    // Whether a file is starred (OPERATIONS.md §6: every listing says "favorite"): the grid's heart.
    "ALTER TABLE place_rows ADD COLUMN favorite INTEGER NOT NULL DEFAULT 0",
};
const char *const Version5[] = {
    // A video's length in ms (properties.duration, README's decisions): the grid's badge, offline too.
    "ALTER TABLE place_rows ADD COLUMN duration INTEGER NOT NULL DEFAULT 0",
};
// clang-format on

template<size_t N>
QStringList list(const char *const (&steps)[N])
{
    QStringList out;
    for (const char *step : steps)
        out << QString::fromLatin1(step);
    return out;
}
} // namespace

int currentVersion()
{
    return 5;
}

QStringList stepTo(int version)
{
    switch (version) {
    case 1: return list(Version1);
    case 2: return list(Version2);
    case 3: return list(Version3);
    case 4: return list(Version4);
    case 5: return list(Version5);
    default: return {};
    }
}

} // namespace koodrive::catalog::schema
