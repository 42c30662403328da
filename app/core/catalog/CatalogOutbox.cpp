// Catalog: the outbox of album edits (schema version 3). The rows are written durably: the catalog runs
// with synchronous=NORMAL (a cache may lose its last commit in a power cut), these with FULL.
#include "Catalog.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace koodrive::catalog {

namespace {
// Runs `sql` with `values` under synchronous=FULL; the number of rows changed, -1 on failure.
int durably(const QString &connection, const QString &sql, const QVariantList &values,
            QVariant *lastId = nullptr)
{
    QSqlDatabase db = QSqlDatabase::database(connection);
    QSqlQuery query(db);
    query.exec(QStringLiteral("PRAGMA synchronous=FULL"));
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    const bool ok = query.exec();
    const int changed = ok ? query.numRowsAffected() : -1;
    if (ok && lastId)
        *lastId = query.lastInsertId();
    if (!ok)
        qWarning("catalog outbox: %s", qPrintable(query.lastError().text()));
    QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    return changed;
}
} // namespace

qint64 Catalog::enqueueEdit(const OutboxEntry &entry)
{
    QVariant seq;
    const int changed =
        durably(connection(),
                QStringLiteral("INSERT INTO outbox (kind, album, album_name, payload, created, sent) "
                               "VALUES (?, ?, ?, ?, ?, ?)"),
                {entry.kind, entry.albumId.isNull() ? QStringLiteral("") : entry.albumId,
                 entry.albumName.isNull() ? QStringLiteral("") : entry.albumName,
                 QString::fromUtf8(entry.payload), entry.createdMs, entry.sent ? 1 : 0},
                &seq);
    return changed == 1 ? seq.toLongLong() : -1;
}

bool Catalog::setEditAlbum(qint64 seq, const QString &albumId)
{
    return durably(connection(), QStringLiteral("UPDATE outbox SET album = ? WHERE seq = ?"),
                   {albumId, seq}) >= 0;
}

bool Catalog::rewriteEdit(qint64 seq, const QByteArray &payload, bool sent)
{
    return durably(connection(), QStringLiteral("UPDATE outbox SET payload = ?, sent = ? WHERE seq = ?"),
                   {QString::fromUtf8(payload), sent ? 1 : 0, seq}) >= 0;
}

int Catalog::recoverEdits(const QString &asidePath)
{
    if (!QFileInfo::exists(asidePath))
        return 0;
    // Read as far as the damaged file allows: rows before a page that cannot be read are kept.
    QVector<OutboxEntry> found;
    const QString connection = m_connection + QStringLiteral("-recovery");
    {
        QSqlDatabase aside = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        aside.setDatabaseName(asidePath);
        // Only read: the copy kept for a look stays as it was (no checkpoint of its log into it).
        aside.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (aside.open()) {
            QSqlQuery query(aside);
            // A file cut short says it has more pages than it has: SQLite refuses it whole unless
            // writable_schema is on, and then reads the pages that are there.
            query.exec(QStringLiteral("PRAGMA writable_schema=ON"));
            query.setForwardOnly(true);
            if (query.exec(QStringLiteral(
                    "SELECT seq, kind, album, album_name, payload, created, sent FROM outbox ORDER BY seq")))
                while (query.next())
                    found.append({query.value(0).toLongLong(), query.value(1).toInt(),
                                  query.value(2).toString(), query.value(3).toString(),
                                  query.value(4).toString().toUtf8(), query.value(5).toLongLong(),
                                  query.value(6).toInt() != 0});
            aside.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    if (found.isEmpty())
        return 0;
    // With their own numbers (the new outbox is empty): an album made offline is named by its create's
    // number ("pending:<seq>"), and its edits by that name. All in one durable transaction.
    QSqlDatabase db = database();
    QSqlQuery query(db);
    query.exec(QStringLiteral("PRAGMA synchronous=FULL"));
    bool ok =
        db.transaction() &&
        query.prepare(QStringLiteral("INSERT INTO outbox (seq, kind, album, album_name, payload, created, "
                                     "sent) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const OutboxEntry &entry : std::as_const(found)) {
        if (!ok)
            break;
        query.addBindValue(entry.seq);
        query.addBindValue(entry.kind);
        query.addBindValue(entry.albumId.isNull() ? QStringLiteral("") : entry.albumId);
        query.addBindValue(entry.albumName.isNull() ? QStringLiteral("") : entry.albumName);
        query.addBindValue(QString::fromUtf8(entry.payload));
        query.addBindValue(entry.createdMs);
        query.addBindValue(entry.sent ? 1 : 0);
        ok = query.exec();
    }
    ok = ok && db.commit();
    if (!ok) {
        qWarning("catalog outbox: the edits of the file set aside could not be kept: %s",
                 qPrintable(query.lastError().text()));
        db.rollback();
    }
    QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    return ok ? int(found.size()) : 0;
}

QVector<OutboxEntry> Catalog::pendingEdits()
{
    QVector<OutboxEntry> entries;
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral(
            "SELECT seq, kind, album, album_name, payload, created, sent FROM outbox ORDER BY seq")))
        return entries;
    while (query.next())
        entries.append({query.value(0).toLongLong(), query.value(1).toInt(), query.value(2).toString(),
                        query.value(3).toString(), query.value(4).toString().toUtf8(),
                        query.value(5).toLongLong(), query.value(6).toInt() != 0});
    return entries;
}

bool Catalog::markEditSent(qint64 seq)
{
    return durably(connection(), QStringLiteral("UPDATE outbox SET sent = 1 WHERE seq = ?"), {seq}) >= 0;
}

bool Catalog::finishEdit(qint64 seq)
{
    return durably(connection(), QStringLiteral("DELETE FROM outbox WHERE seq = ?"), {seq}) >= 0;
}

bool Catalog::retargetEdits(const QString &fromAlbumId, const QString &toAlbumId)
{
    // An empty id is "" in the table (a null QString would bind as NULL and match nothing).
    const auto text = [](const QString &id) { return id.isNull() ? QStringLiteral("") : id; };
    return durably(connection(), QStringLiteral("UPDATE outbox SET album = ? WHERE album = ?"),
                   {text(toAlbumId), text(fromAlbumId)}) >= 0;
}

} // namespace koodrive::catalog
