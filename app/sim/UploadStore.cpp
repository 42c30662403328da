#include "UploadStore.h"

#include "SimStore.h"

#include <QSqlQuery>

namespace koodrive::sim {

namespace {
constexpr auto UploadColumns =
    "file_id, upload_id, owner_id, container_id, parent_id, name, file_type, mime, length, "
    "sha256, created_ms, touched_ms, description";
} // namespace

UploadStore::UploadStore(SimStore &store)
    : m_store(store)
{}

void UploadStore::insert(const UploadRow &u)
{
    m_store.exec(QStringLiteral("INSERT INTO uploads(%1) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                     .arg(QLatin1String(UploadColumns)),
                 {u.fileId, u.uploadId, u.ownerId, u.containerId, u.parentId, u.name, u.fileType, u.mimeType,
                  u.length, u.sha256, u.createdMs, u.touchedMs, u.description});
}

std::optional<UploadRow> UploadStore::upload(const QString &fileId) const
{
    QSqlQuery q = m_store.exec(
        QStringLiteral("SELECT %1 FROM uploads WHERE file_id = ?").arg(QLatin1String(UploadColumns)),
        {fileId});
    if (!q.next())
        return std::nullopt;
    UploadRow u;
    u.fileId = q.value(0).toString();
    u.uploadId = q.value(1).toString();
    u.ownerId = q.value(2).toString();
    u.containerId = q.value(3).toString();
    u.parentId = q.value(4).toString();
    u.name = q.value(5).toString();
    u.fileType = q.value(6).toInt();
    u.mimeType = q.value(7).toString();
    u.length = q.value(8).toLongLong();
    u.sha256 = q.value(9).toString();
    u.createdMs = q.value(10).toLongLong();
    u.touchedMs = q.value(11).toLongLong();
    u.description = q.value(12).toString();
    return u;
}

void UploadStore::remove(const QString &fileId)
{
    m_store.exec(QStringLiteral("DELETE FROM upload_parts WHERE file_id = ?"), {fileId});
    m_store.exec(QStringLiteral("DELETE FROM uploads WHERE file_id = ?"), {fileId});
}

void UploadStore::touch(const QString &fileId, qint64 nowMs)
{
    m_store.exec(QStringLiteral("UPDATE uploads SET touched_ms = ? WHERE file_id = ?"), {nowMs, fileId});
}

QVector<UploadPart> UploadStore::parts(const QString &fileId) const
{
    QSqlQuery q =
        m_store.exec(QStringLiteral("SELECT part_number, part_size, part_offset, received, etag FROM "
                                    "upload_parts WHERE file_id = ? ORDER BY part_number"),
                     {fileId});
    QVector<UploadPart> parts;
    while (q.next())
        parts.append({q.value(0).toInt(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                      q.value(3).toInt() != 0, q.value(4).toByteArray()});
    return parts;
}

void UploadStore::addPart(const QString &fileId, const UploadPart &part)
{
    m_store.exec(
        QStringLiteral("INSERT OR IGNORE INTO upload_parts(file_id, part_number, part_size, part_offset) "
                       "VALUES(?, ?, ?, ?)"),
        {fileId, part.number, part.size, part.offset});
}

void UploadStore::markReceived(const QString &fileId, int partNumber, const QByteArray &etag)
{
    m_store.exec(QStringLiteral(
                     "UPDATE upload_parts SET received = 1, etag = ? WHERE file_id = ? AND part_number = ?"),
                 {QString::fromLatin1(etag), fileId, partNumber});
    // Every part stored, kept across restarts: how tests see that a client killed and started again sends
    // no part twice that the storage had (the client may be a process that also ran this server).
    m_store.exec(QStringLiteral("INSERT INTO meta(key, value) VALUES('parts_stored', 1) ON CONFLICT(key) DO "
                                "UPDATE SET value = CAST(value AS INTEGER) + 1"));
}

QStringList UploadStore::untouchedSince(qint64 cutoffMs) const
{
    QSqlQuery q =
        m_store.exec(QStringLiteral("SELECT file_id FROM uploads WHERE touched_ms < ?"), {cutoffMs});
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

qint64 UploadStore::pendingBytes(const QString &containerId) const
{
    QSqlQuery q = m_store.exec(
        QStringLiteral("SELECT COALESCE(SUM(length), 0) FROM uploads WHERE container_id = ?"), {containerId});
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace koodrive::sim
