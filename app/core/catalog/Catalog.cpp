#include "Catalog.h"

#include "CatalogSchema.h"
#include "CatalogSql.h"
#include "thumbnails/ThumbnailDiskCache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <atomic>

Q_LOGGING_CATEGORY(lcCatalog, "koodrive.catalog", QtInfoMsg)

namespace koodrive::catalog {

namespace {
using sql::lastError;
using sql::nowMs;
using sql::text;
} // namespace

Catalog::Catalog(QString connection, QString path)
    : m_connection(std::move(connection))
    , m_path(std::move(path))
{}

Catalog::~Catalog()
{
    settle(); // a place still being written is written whole
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

std::unique_ptr<Catalog> Catalog::open(const QString &path, QString *error)
{
    static std::atomic<int> instances{0};
    const QString connection = QStringLiteral("koodrive-catalog-%1").arg(++instances);
    std::unique_ptr<Catalog> catalog(new Catalog(connection, path));
    QDir().mkpath(QFileInfo(path).absolutePath());
    QString why;
    for (int attempt = 0; attempt < 2; ++attempt) {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(path);
            if (!db.open()) {
                why = db.lastError().text();
            } else if (catalog->prepare(&why)) {
                // A new file begun: the album edits that waited in the one set aside are not lost with it
                // (a newer app's file is left as it is: its edits are that app's to send).
                if (attempt > 0 && !catalog->m_fromNewerApp) {
                    if (const int edits = catalog->recoverEdits(path + QStringLiteral(".unreadable"));
                        edits > 0)
                        catalog->m_recoveryNote +=
                            QLatin1Char(' ') +
                            tr("%n album change(s) waiting to be sent were read back from it.", nullptr,
                               edits);
                }
                return catalog;
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
        if (attempt > 0 || !QFileInfo::exists(path))
            break;
        // Only a cache of the server's answers: one copy is kept aside for a look, and a new one begun.
        const QString aside = path + QStringLiteral(".unreadable");
        QFile::remove(aside);
        QFile::remove(aside + QStringLiteral("-wal"));
        QFile::remove(aside + QStringLiteral("-shm"));
        if (!QFile::rename(path, aside) && !QFile::remove(path)) {
            why = tr("%1, and it could not be moved aside").arg(why);
            break;
        }
        QFile::remove(damageMarkPath(path)); // said of the file now set aside
        // Its write-ahead log goes with it (it may hold the last edits written); never to the new file.
        if (!QFile::rename(path + QStringLiteral("-wal"), aside + QStringLiteral("-wal")))
            QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        catalog->m_recoveryNote =
            tr("The saved copy of your library could not be read (%1); a new one was begun.").arg(why);
        qCWarning(lcCatalog).noquote() << catalog->m_recoveryNote;
    }
    if (error)
        *error =
            tr("No copy of your library can be saved in %1: %2").arg(QFileInfo(path).absolutePath(), why);
    return nullptr;
}

bool Catalog::remove(const QString &path)
{
    // The copy set aside as unreadable too: it holds the same account's places and edits.
    bool ok = true;
    for (const QString &file : QStringList{path, path + QStringLiteral(".unreadable")})
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            if (QFileInfo::exists(file + suffix))
                ok = QFile::remove(file + suffix) && ok;
    if (QFileInfo::exists(damageMarkPath(path)))
        ok = QFile::remove(damageMarkPath(path)) && ok;
    return ok;
}

bool Catalog::prepare(QString *error)
{
    QSqlDatabase db = database();
    QSqlQuery query(db);
    // The first statement reads the file: a damaged one fails here ("file is not a database").
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        *error = lastError(query, db);
        return false;
    }
    const int version = query.value(0).toInt();
    if (version > schema::currentVersion()) {
        m_fromNewerApp = true;
        *error = tr("it was written by a newer version of the app");
        return false;
    }
    // A file cut short fails above: SQLite compares the pages its header counts with the file's (and its
    // log's) size on the first read. Damage inside the pages is found by check(), in the background, which
    // leaves a mark for the next open: looking at every page here took 17 ms of the first screen for a
    // place of 10 000 rows, and grows with the file.
    if (QFile marked(damageMarkPath(m_path)); marked.open(QIODevice::ReadOnly)) {
        *error = QString::fromUtf8(marked.read(1024)).trimmed();
        if (error->isEmpty())
            *error = tr("a check found it damaged");
        return false;
    }
    // A cache: a commit may be lost in a power cut (WAL, synchronous=NORMAL), never the file.
    query.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    query.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    query.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    if (version == schema::currentVersion())
        return true;
    // Every missing step and the new version in one transaction: a crash part-way leaves the file as it was.
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    bool ok = true;
    for (int step = version + 1; ok && step <= schema::currentVersion(); ++step)
        for (const QString &sql : schema::stepTo(step))
            if (ok && !query.exec(sql))
                ok = false;
    ok = ok && query.exec(QStringLiteral("PRAGMA user_version = %1").arg(schema::currentVersion())) &&
         db.commit();
    if (!ok) {
        *error = lastError(query, db);
        db.rollback();
    }
    return ok;
}

int Catalog::schemaVersion() const
{
    QSqlQuery query(database());
    return query.exec(QStringLiteral("PRAGMA user_version")) && query.next() ? query.value(0).toInt() : -1;
}

qint64 Catalog::usePlace(const QString &key, qint64 *readAtMs, bool *complete, int *rowCount)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT id, read_at, complete, row_count FROM places WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return -1;
    const qint64 placeId = query.value(0).toLongLong();
    if (readAtMs)
        *readAtMs = query.value(1).toLongLong();
    if (complete)
        *complete = query.value(2).toBool();
    if (rowCount)
        *rowCount = query.value(3).toInt();
    query.finish();
    query.prepare(QStringLiteral("UPDATE places SET used_at = ? WHERE id = ?"));
    query.addBindValue(nowMs());
    query.addBindValue(placeId);
    query.exec();
    return placeId;
}

namespace {
const QString PlaceRowColumns =
    QStringLiteral("id, name, mime, owner, container, thumb, size, created, edited, "
                   "taken, width, height, type, favorite, duration");

void readPlaceRows(QSqlQuery &query, QVector<CatalogRow> *rows)
{
    // Most rows share their type, owner and space: one string each, not one per row.
    QString mime, owner, container;
    const auto shared = [](QString &last, QString value) {
        if (value != last)
            last = std::move(value);
        return last;
    };
    while (query.next()) {
        CatalogRow row;
        row.id = query.value(0).toString();
        row.name = query.value(1).toString();
        row.mimeType = shared(mime, query.value(2).toString());
        row.ownerId = shared(owner, query.value(3).toString());
        row.containerId = shared(container, query.value(4).toString());
        row.thumbnailPath = query.value(5).toString();
        row.size = query.value(6).toLongLong();
        row.createdMs = query.value(7).toLongLong();
        row.editedMs = query.value(8).toLongLong();
        row.takenMs = query.value(9).toLongLong();
        row.width = query.value(10).toInt();
        row.height = query.value(11).toInt();
        row.fileType = query.value(12).toInt();
        row.favorite = query.value(13).toBool();
        row.durationMs = query.value(14).toLongLong();
        rows->append(std::move(row));
    }
}
} // namespace

std::optional<PlaceSnapshot> Catalog::place(const QString &key, int firstRows)
{
    PlaceSnapshot snapshot;
    snapshot.id = usePlace(key, &snapshot.readAtMs, &snapshot.complete, &snapshot.rowCount);
    if (snapshot.id < 0)
        return std::nullopt;
    const int wanted = firstRows < 0 ? snapshot.rowCount : qMin(firstRows, snapshot.rowCount);
    snapshot.rows.reserve(wanted);
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM place_rows WHERE place = ? ORDER BY pos LIMIT ?")
                      .arg(PlaceRowColumns));
    query.addBindValue(snapshot.id);
    query.addBindValue(firstRows < 0 ? -1 : firstRows); // SQLite: a negative LIMIT is none
    if (!query.exec())
        return std::nullopt;
    readPlaceRows(query, &snapshot.rows);
    return snapshot;
}

std::optional<QVector<CatalogRow>> Catalog::placeRows(const QString &path, qint64 placeId, int from,
                                                      qint64 readAtMs)
{
    static std::atomic<int> readers{0};
    const QString connection = QStringLiteral("koodrive-catalog-reader-%1").arg(++readers);
    std::optional<QVector<CatalogRow>> rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open() && db.transaction()) { // one snapshot: the place's row and its rows agree
            QSqlQuery query(db);
            query.setForwardOnly(true);
            query.prepare(QStringLiteral("SELECT read_at, row_count FROM places WHERE id = ?"));
            query.addBindValue(placeId);
            if (query.exec() && query.next() && query.value(0).toLongLong() == readAtMs) {
                const int count = query.value(1).toInt();
                query.finish();
                query.prepare(
                    QStringLiteral("SELECT %1 FROM place_rows WHERE place = ? AND pos >= ? ORDER BY pos")
                        .arg(PlaceRowColumns));
                query.addBindValue(placeId);
                query.addBindValue(from);
                if (query.exec()) {
                    rows.emplace();
                    rows->reserve(qMax(0, count - from));
                    readPlaceRows(query, &*rows);
                }
            }
            query.finish();
            db.rollback();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return rows;
}

bool Catalog::hasPlace(const QString &key)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT 1 FROM places WHERE key = ?"));
    query.addBindValue(key);
    return query.exec() && query.next();
}

std::optional<QVector<TreeNodeRow>> Catalog::treeChildren(const QString &parentKey)
{
    const qint64 placeId = usePlace(QStringLiteral("tree|") + parentKey);
    if (placeId < 0)
        return std::nullopt;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, name, container, owner, group_id, share_folder_id, shared FROM "
                                 "tree_nodes WHERE place = ? ORDER BY pos"));
    query.addBindValue(placeId);
    if (!query.exec())
        return std::nullopt;
    QVector<TreeNodeRow> children;
    while (query.next())
        children.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                         query.value(3).toString(), query.value(4).toString(), query.value(5).toLongLong(),
                         query.value(6).toBool()});
    return children;
}

bool Catalog::storeTreeChildren(const QString &parentKey, const QVector<TreeNodeRow> &children)
{
    QSqlDatabase db = database();
    if (!db.transaction())
        return false;
    const qint64 placeId =
        replacePlace(connection(), QStringLiteral("tree|") + parentKey, children.size(), true, nowMs());
    QSqlQuery query(db);
    bool ok = placeId >= 0 && query.prepare(QStringLiteral(
                                  "INSERT INTO tree_nodes (place, pos, id, name, container, owner, "
                                  "group_id, share_folder_id, shared) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; ok && i < children.size(); ++i) {
        const TreeNodeRow &node = children[i];
        query.bindValue(0, placeId);
        query.bindValue(1, qint64(i));
        query.bindValue(2, text(node.id));
        query.bindValue(3, text(node.name));
        query.bindValue(4, text(node.containerId));
        query.bindValue(5, text(node.ownerId));
        query.bindValue(6, text(node.groupId));
        query.bindValue(7, node.shareFolderId);
        query.bindValue(8, node.shared ? 1 : 0);
        ok = query.exec();
    }
    return finishStore(connection(), ok, placeId, query, m_rowLimit);
}

std::optional<QVector<api::Album>> Catalog::albums(int list)
{
    const qint64 placeId = usePlace(QStringLiteral("albums|%1").arg(list));
    if (placeId < 0)
        return std::nullopt;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT id, name, cover, type, kind, scope_dirs, scope_kind, scope_parent, "
                       "owner, group_id, created, updated FROM album_rows WHERE place = ? ORDER BY pos"));
    query.addBindValue(placeId);
    if (!query.exec())
        return std::nullopt;
    QVector<api::Album> albums;
    while (query.next()) {
        api::Album album;
        album.id = query.value(0).toString();
        album.name = query.value(1).toString();
        album.coverUrl = query.value(2).toString().toLatin1();
        album.type = query.value(3).toInt() == int(api::AlbumType::Collection) ? api::AlbumType::Collection
                                                                               : api::AlbumType::Manual;
        album.kind = query.value(4).toInt() == int(api::AlbumKind::Shared) ? api::AlbumKind::Shared
                                                                           : api::AlbumKind::Personal;
        const QString scope = query.value(5).toString();
        album.scopeDirs = scope.isEmpty() ? QStringList() : scope.split(QLatin1Char('\n'));
        album.scopeKind = query.value(6).toString();
        album.scopeParentFolderId = query.value(7).toString();
        album.ownerId = query.value(8).toString();
        album.groupId = query.value(9).toString();
        album.createdMs = query.value(10).toLongLong();
        album.updatedMs = query.value(11).toLongLong();
        albums.append(album);
    }
    return albums;
}

bool Catalog::storeAlbums(int list, const QVector<api::Album> &albums)
{
    QSqlDatabase db = database();
    if (!db.transaction())
        return false;
    const qint64 placeId =
        replacePlace(connection(), QStringLiteral("albums|%1").arg(list), albums.size(), true, nowMs());
    QSqlQuery query(db);
    bool ok = placeId >= 0 &&
              query.prepare(QStringLiteral("INSERT INTO album_rows (place, pos, id, name, cover, type, kind, "
                                           "scope_dirs, scope_kind, scope_parent, owner, group_id, created, "
                                           "updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; ok && i < albums.size(); ++i) {
        const api::Album &album = albums[i];
        query.bindValue(0, placeId);
        query.bindValue(1, qint64(i));
        query.bindValue(2, text(album.id));
        query.bindValue(3, text(album.name));
        query.bindValue(4, text(thumbnails::ThumbnailDiskCache::cacheRef(album.coverUrl)));
        query.bindValue(5, int(album.type));
        query.bindValue(6, int(album.kind));
        query.bindValue(7, text(album.scopeDirs.join(QLatin1Char('\n'))));
        query.bindValue(8, text(album.scopeKind));
        query.bindValue(9, text(album.scopeParentFolderId));
        query.bindValue(10, text(album.ownerId));
        query.bindValue(11, text(album.groupId));
        query.bindValue(12, album.createdMs);
        query.bindValue(13, album.updatedMs);
        ok = query.exec();
    }
    return finishStore(connection(), ok, placeId, query, m_rowLimit);
}

void Catalog::markRead(const QString &key, qint64 readAtMs, bool complete)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("UPDATE places SET read_at = ?, complete = ? WHERE key = ?"));
    query.addBindValue(readAtMs);
    query.addBindValue(complete ? 1 : 0);
    query.addBindValue(key);
    query.exec();
}

void Catalog::forgetPlace(const QString &key)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("DELETE FROM places WHERE key = ?"));
    query.addBindValue(key);
    query.exec();
}

int Catalog::placeCount() const
{
    QSqlQuery query(database());
    return query.exec(QStringLiteral("SELECT COUNT(*) FROM places")) && query.next() ? query.value(0).toInt()
                                                                                     : 0;
}

} // namespace koodrive::catalog
