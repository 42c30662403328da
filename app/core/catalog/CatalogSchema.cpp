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
    return 1;
}

QStringList stepTo(int version)
{
    switch (version) {
    case 1: return list(Version1);
    default: return {};
    }
}

} // namespace koodrive::catalog::schema
