#include "Catalog.h"

#include "CatalogSchema.h"
#include "thumbnails/ThumbnailDiskCache.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <atomic>

Q_LOGGING_CATEGORY(lcCatalog, "koodrive.catalog", QtInfoMsg)

namespace koodrive::catalog {

namespace {
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// QtSql binds a null QString as NULL: the columns are NOT NULL, an empty text is "".
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString lastError(const QSqlQuery &query, const QSqlDatabase &db)
{
    return query.lastError().isValid() ? query.lastError().text() : db.lastError().text();
}
} // namespace

Catalog::Catalog(QString connection, QString path)
    : m_connection(std::move(connection))
    , m_path(std::move(path))
{}

Catalog::~Catalog()
{
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
    QSqlDatabase db = QSqlDatabase::database(m_connection);
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
    QSqlQuery query(QSqlDatabase::database(m_connection));
    return query.exec(QStringLiteral("PRAGMA user_version")) && query.next() ? query.value(0).toInt() : -1;
}

qint64 Catalog::usePlace(const QString &key, qint64 *readAtMs, bool *complete, int *rowCount)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
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

qint64 Catalog::replacePlace(const QString &key, qint64 rowCount, bool complete, qint64 readAtMs)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    bool ok = query.prepare(QStringLiteral(
        "INSERT INTO places (key, read_at, used_at, complete, row_count) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (key) DO UPDATE SET read_at = excluded.read_at, used_at = excluded.used_at, "
        "complete = excluded.complete, row_count = excluded.row_count"));
    query.addBindValue(key);
    query.addBindValue(readAtMs);
    query.addBindValue(nowMs());
    query.addBindValue(complete ? 1 : 0);
    query.addBindValue(rowCount);
    ok = ok && query.exec();
    qint64 placeId = -1;
    if (ok) {
        query.prepare(QStringLiteral("SELECT id FROM places WHERE key = ?"));
        query.addBindValue(key);
        ok = query.exec() && query.next();
        if (ok)
            placeId = query.value(0).toLongLong();
        query.finish();
    }
    for (const char *table : {"place_rows", "tree_nodes", "album_rows"}) {
        if (!ok)
            break;
        query.prepare(QStringLiteral("DELETE FROM %1 WHERE place = ?").arg(QLatin1String(table)));
        query.addBindValue(placeId);
        ok = query.exec();
    }
    if (!ok)
        qCWarning(lcCatalog).noquote() << "catalog:" << query.lastError().text();
    return ok ? placeId : -1;
}

namespace {
const QString PlaceRowColumns =
    QStringLiteral("id, name, mime, owner, container, thumb, size, created, edited, "
                   "taken, width, height, type");

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
    QSqlQuery query(QSqlDatabase::database(m_connection));
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
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("SELECT 1 FROM places WHERE key = ?"));
    query.addBindValue(key);
    return query.exec() && query.next();
}

bool Catalog::storePlace(const QString &key, const QVector<CatalogRow> &rows, bool complete, qint64 readAtMs)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction())
        return false;
    const qint64 placeId = replacePlace(key, rows.size(), complete, readAtMs);
    QSqlQuery query(db);
    bool ok = placeId >= 0;
    if (ok) {
        ok = query.prepare(QStringLiteral(
            "INSERT INTO place_rows (place, pos, id, name, mime, owner, container, thumb, size, created, "
            "edited, taken, width, height, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (qsizetype i = 0; ok && i < rows.size(); ++i) {
            const CatalogRow &row = rows[i];
            query.bindValue(0, placeId);
            query.bindValue(1, qint64(i));
            query.bindValue(2, text(row.id));
            query.bindValue(3, text(row.name));
            query.bindValue(4, text(row.mimeType));
            query.bindValue(5, text(row.ownerId));
            query.bindValue(6, text(row.containerId));
            query.bindValue(7, text(row.thumbnailPath));
            query.bindValue(8, row.size);
            query.bindValue(9, row.createdMs);
            query.bindValue(10, row.editedMs);
            query.bindValue(11, row.takenMs);
            query.bindValue(12, row.width);
            query.bindValue(13, row.height);
            query.bindValue(14, row.fileType);
            ok = query.exec();
        }
    }
    return finishStore(ok, placeId, query);
}

std::optional<QVector<TreeNodeRow>> Catalog::treeChildren(const QString &parentKey)
{
    const qint64 placeId = usePlace(QStringLiteral("tree|") + parentKey);
    if (placeId < 0)
        return std::nullopt;
    QSqlQuery query(QSqlDatabase::database(m_connection));
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
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction())
        return false;
    const qint64 placeId = replacePlace(QStringLiteral("tree|") + parentKey, children.size(), true, nowMs());
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
    return finishStore(ok, placeId, query);
}

std::optional<QVector<api::Album>> Catalog::albums(int list)
{
    const qint64 placeId = usePlace(QStringLiteral("albums|%1").arg(list));
    if (placeId < 0)
        return std::nullopt;
    QSqlQuery query(QSqlDatabase::database(m_connection));
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
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction())
        return false;
    const qint64 placeId = replacePlace(QStringLiteral("albums|%1").arg(list), albums.size(), true, nowMs());
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
    return finishStore(ok, placeId, query);
}

bool Catalog::finishStore(bool ok, qint64 placeId, const QSqlQuery &query)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!ok) {
        qCWarning(lcCatalog).noquote() << "catalog:" << lastError(query, db);
        db.rollback();
        return false;
    }
    if (!db.commit())
        return false;
    dropLeastRecentlyUsed(placeId);
    return true;
}

void Catalog::markRead(const QString &key, qint64 readAtMs, bool complete)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("UPDATE places SET read_at = ?, complete = ? WHERE key = ?"));
    query.addBindValue(readAtMs);
    query.addBindValue(complete ? 1 : 0);
    query.addBindValue(key);
    query.exec();
}

void Catalog::forgetPlace(const QString &key)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("DELETE FROM places WHERE key = ?"));
    query.addBindValue(key);
    query.exec();
}

void Catalog::dropLeastRecentlyUsed(qint64 keepPlaceId)
{
    qint64 total = rowCount();
    if (total <= m_rowLimit)
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id, row_count FROM places WHERE id != ? ORDER BY used_at, id"));
    query.addBindValue(keepPlaceId);
    if (!query.exec())
        return;
    QList<qint64> dropped;
    while (total > m_rowLimit && query.next()) {
        dropped << query.value(0).toLongLong();
        total -= query.value(1).toLongLong();
    }
    query.finish();
    db.transaction();
    for (qint64 id : dropped) {
        query.prepare(QStringLiteral("DELETE FROM places WHERE id = ?"));
        query.addBindValue(id);
        query.exec();
    }
    db.commit();
    qCDebug(lcCatalog) << "dropped" << dropped.size() << "least recently used places";
}

qint64 Catalog::rowCount() const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    return query.exec(QStringLiteral("SELECT COALESCE(SUM(row_count), 0) FROM places")) && query.next()
               ? query.value(0).toLongLong()
               : 0;
}

int Catalog::placeCount() const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    return query.exec(QStringLiteral("SELECT COUNT(*) FROM places")) && query.next() ? query.value(0).toInt()
                                                                                     : 0;
}

} // namespace koodrive::catalog
