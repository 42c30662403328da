#include "Catalog.h"

#include "CatalogSchema.h"

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
            if (!db.open())
                why = db.lastError().text();
            else if (catalog->prepare(&why))
                return catalog;
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
        if (attempt > 0 || !QFileInfo::exists(path))
            break;
        // Only a cache of the server's answers: one copy is kept aside for a look, and a new one begun.
        const QString aside = path + QStringLiteral(".unreadable");
        QFile::remove(aside);
        if (!QFile::rename(path, aside) && !QFile::remove(path)) {
            why = tr("%1, and it could not be moved aside").arg(why);
            break;
        }
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
    bool ok = true;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        if (QFileInfo::exists(path + suffix))
            ok = QFile::remove(path + suffix) && ok;
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
        *error = tr("it was written by a newer version of the app");
        return false;
    }
    // A truncated file can still answer its header: every page is looked at once, at open (a few ms).
    if (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next() ||
        query.value(0).toString() != QLatin1String("ok")) {
        *error = query.lastError().isValid() ? query.lastError().text() : query.value(0).toString();
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

std::optional<PlaceSnapshot> Catalog::place(const QString &key)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, read_at, complete, row_count FROM places WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return std::nullopt;
    const qint64 placeId = query.value(0).toLongLong();
    PlaceSnapshot snapshot;
    snapshot.readAtMs = query.value(1).toLongLong();
    snapshot.complete = query.value(2).toBool();
    snapshot.rows.reserve(query.value(3).toInt());
    query.finish();

    query.prepare(
        QStringLiteral("SELECT id, name, mime, owner, container, thumb, size, created, edited, taken, "
                       "width, height, type FROM place_rows WHERE place = ? ORDER BY pos"));
    query.addBindValue(placeId);
    if (!query.exec())
        return std::nullopt;
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
        snapshot.rows.append(std::move(row));
    }
    query.finish();
    query.prepare(QStringLiteral("UPDATE places SET used_at = ? WHERE id = ?"));
    query.addBindValue(nowMs());
    query.addBindValue(placeId);
    query.exec();
    return snapshot;
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
    QSqlQuery query(db);
    bool ok = query.prepare(QStringLiteral(
        "INSERT INTO places (key, read_at, used_at, complete, row_count) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (key) DO UPDATE SET read_at = excluded.read_at, used_at = excluded.used_at, "
        "complete = excluded.complete, row_count = excluded.row_count"));
    query.addBindValue(key);
    query.addBindValue(readAtMs);
    query.addBindValue(nowMs());
    query.addBindValue(complete ? 1 : 0);
    query.addBindValue(qint64(rows.size()));
    ok = ok && query.exec();
    qint64 placeId = -1;
    if (ok) {
        query.prepare(QStringLiteral("SELECT id FROM places WHERE key = ?"));
        query.addBindValue(key);
        ok = query.exec() && query.next();
        if (ok)
            placeId = query.value(0).toLongLong();
    }
    if (ok) {
        query.prepare(QStringLiteral("DELETE FROM place_rows WHERE place = ?"));
        query.addBindValue(placeId);
        ok = query.exec();
    }
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
