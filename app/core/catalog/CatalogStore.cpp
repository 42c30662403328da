// Catalog: writing a place's rows, and keeping the catalog within its bound, through a connection named by
// the caller: the catalog's own on its thread (storePlace), or a writer's of its own on a worker
// (storePlaceLater), so that storing 10 000 rows (60 ms) does not hold the window.
#include "Catalog.h"
#include "CatalogSql.h"
#include "threads/WorkPools.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>

namespace koodrive::catalog {

namespace {
using sql::lastError;
using sql::nowMs;
using sql::text;
} // namespace

void Catalog::settle() const
{
    if (!m_write.isFinished())
        m_write.waitForFinished();
}

QSqlDatabase Catalog::database() const
{
    settle();
    return QSqlDatabase::database(m_connection);
}

const QString &Catalog::connection() const
{
    settle();
    return m_connection;
}

bool Catalog::storePlace(const QString &key, const QVector<CatalogRow> &rows, bool complete, qint64 readAtMs)
{
    return writePlace(connection(), key, rows, complete, readAtMs, m_rowLimit);
}

void Catalog::storePlaceLater(const QString &key, QVector<CatalogRow> rows, bool complete, qint64 readAtMs)
{
    settle(); // one write at a time, in the order asked for
    m_write = QtConcurrent::run(threads::longWork(), [path = m_path, key, rows = std::move(rows), complete,
                                                      readAtMs, limit = m_rowLimit] {
        return writePlaceApart(path, key, rows, complete, readAtMs, limit);
    });
}

bool Catalog::writePlaceApart(const QString &path, const QString &key, const QVector<CatalogRow> &rows,
                              bool complete, qint64 readAtMs, qint64 rowLimit)
{
    if (!QFileInfo::exists(path)) // opening would make an empty file: the catalog is gone (forgotten)
        return false;
    static std::atomic<int> writers{0};
    const QString connection = QStringLiteral("koodrive-catalog-writer-%1").arg(++writers);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        if (db.open()) {
            // As on the catalog's own connection (prepare()): the rows of a place dropped go with it.
            QSqlQuery pragmas(db);
            pragmas.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
            pragmas.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
            pragmas.finish();
            ok = writePlace(connection, key, rows, complete, readAtMs, rowLimit);
        } else {
            qCWarning(lcCatalog).noquote() << "catalog:" << db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

bool Catalog::writePlace(const QString &connection, const QString &key, const QVector<CatalogRow> &rows,
                         bool complete, qint64 readAtMs, qint64 rowLimit)
{
    QSqlDatabase db = QSqlDatabase::database(connection);
    if (!db.transaction())
        return false;
    const qint64 placeId = replacePlace(connection, key, rows.size(), complete, readAtMs);
    QSqlQuery query(db);
    bool ok = placeId >= 0;
    if (ok) {
        ok = query.prepare(QStringLiteral(
            "INSERT INTO place_rows (place, pos, id, name, mime, owner, container, thumb, size, created, "
            "edited, taken, width, height, type, favorite, duration) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, "
            "?, ?, ?, ?, ?, ?)"));
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
            query.bindValue(15, row.favorite ? 1 : 0);
            query.bindValue(16, row.durationMs);
            ok = query.exec();
        }
    }
    return finishStore(connection, ok, placeId, query, rowLimit);
}

qint64 Catalog::replacePlace(const QString &connection, const QString &key, qint64 rowCount, bool complete,
                             qint64 readAtMs)
{
    QSqlQuery query(QSqlDatabase::database(connection));
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

bool Catalog::finishStore(const QString &connection, bool ok, qint64 placeId, const QSqlQuery &query,
                          qint64 rowLimit)
{
    QSqlDatabase db = QSqlDatabase::database(connection);
    if (!ok) {
        qCWarning(lcCatalog).noquote() << "catalog:" << lastError(query, db);
        db.rollback();
        return false;
    }
    if (!db.commit())
        return false;
    dropLeastRecentlyUsed(connection, placeId, rowLimit);
    return true;
}

void Catalog::dropLeastRecentlyUsed(const QString &connection, qint64 keepPlaceId, qint64 rowLimit)
{
    qint64 total = rowsIn(connection);
    if (total <= rowLimit)
        return;
    QSqlDatabase db = QSqlDatabase::database(connection);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id, row_count FROM places WHERE id != ? ORDER BY used_at, id"));
    query.addBindValue(keepPlaceId);
    if (!query.exec())
        return;
    QList<qint64> dropped;
    while (total > rowLimit && query.next()) {
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
    return rowsIn(connection());
}

qint64 Catalog::rowsIn(const QString &connection)
{
    QSqlQuery query(QSqlDatabase::database(connection));
    return query.exec(QStringLiteral("SELECT COALESCE(SUM(row_count), 0) FROM places")) && query.next()
               ? query.value(0).toLongLong()
               : 0;
}

} // namespace koodrive::catalog
