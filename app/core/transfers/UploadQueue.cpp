#include "UploadQueue.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <atomic>

Q_DECLARE_LOGGING_CATEGORY(lcTransfers)

namespace koodrive::transfers {

namespace {
// The states as stored: never renumbered (a queue written by an older app keeps its meaning).
static_assert(int(QueuedUpload::State::Waiting) == 0 && int(QueuedUpload::State::Cancelled) == 7);

const char *const Columns =
    "id, local_path, file_name, parent_folder_id, share_folder_id, album_id, size, state, bytes_sent, "
    "file_id, sha256, length, modified_ms, parts_sent, uploaded_file_id, error, trace_id, queued_ms, "
    "ended_ms, container_id, direction, local_folder, time_ms, part_path, etag";

QueuedUpload rowOf(const QSqlQuery &query)
{
    QueuedUpload upload;
    int column = 0;
    auto next = [&query, &column] { return query.value(column++); };
    upload.id = next().toLongLong();
    upload.localPath = next().toString();
    upload.fileName = next().toString();
    upload.parentFolderId = next().toString();
    upload.shareFolderId = next().toLongLong();
    upload.albumId = next().toString();
    upload.size = next().toLongLong();
    upload.state = QueuedUpload::State(std::clamp(next().toInt(), 0, int(QueuedUpload::State::Cancelled)));
    upload.bytesSent = next().toLongLong();
    upload.resume.fileId = next().toString();
    upload.resume.sha256Hex = next().toString().toLatin1();
    upload.resume.length = next().toLongLong();
    upload.resume.modifiedMs = next().toLongLong();
    upload.resume.partsSent = next().toInt();
    upload.driveFileId = next().toString();
    upload.error = next().toString();
    upload.traceId = next().toString();
    upload.queuedMs = next().toLongLong();
    upload.endedMs = next().toLongLong();
    upload.resume.containerId = next().toString();
    upload.direction =
        next().toInt() == 1 ? QueuedUpload::Direction::Download : QueuedUpload::Direction::Upload;
    upload.localFolder = next().toString();
    upload.timeMs = next().toLongLong();
    upload.partPath = next().toString();
    upload.etag = next().toString();
    return upload;
}

// A null QString binds as SQL NULL; the columns are NOT NULL with '' for "none".
QVariant bindable(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        return QString(QLatin1String(""));
    return value;
}

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

UploadQueue::UploadQueue(QString connection)
    : m_connection(std::move(connection))
{}

UploadQueue::~UploadQueue()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

std::unique_ptr<UploadQueue> UploadQueue::open(const QString &path, QString *error)
{
    static std::atomic<int> instances{0};
    const QString connection = QStringLiteral("koodrive-upload-queue-%1").arg(++instances);
    std::unique_ptr<UploadQueue> queue(new UploadQueue(connection));
    QDir().mkpath(QFileInfo(path).absolutePath());
    QString why;
    for (int attempt = 0; attempt < 2; ++attempt) {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(path);
            if (!db.open())
                why = db.lastError().text();
            else if (queue->prepareSchema(&why))
                return queue;
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
        if (attempt > 0 || !QFileInfo::exists(path))
            break;
        // Not a queue this app can read: kept aside for a look, and a new one begun.
        const QString stamp = path + QStringLiteral(".unreadable-") +
                              QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss"));
        QString aside = stamp;
        for (int n = 1; QFileInfo::exists(aside); ++n)
            aside = stamp + QStringLiteral("-%1").arg(n);
        if (!QFile::rename(path, aside)) {
            why = tr("%1, and it could not be moved aside").arg(why);
            break;
        }
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        queue->m_recoveryNote =
            tr("The list of uploads could not be read (%1). It was kept as %2 and a new list begun.")
                .arg(why, QFileInfo(aside).fileName());
        qCWarning(lcTransfers).noquote() << queue->m_recoveryNote;
    }
    if (error)
        *error = tr("The list of uploads cannot be kept in %1: %2").arg(QFileInfo(path).absolutePath(), why);
    return nullptr;
}

bool UploadQueue::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (!query.prepare(sql)) {
        qCWarning(lcTransfers).noquote() << "upload queue:" << query.lastError().text();
        return false;
    }
    for (const QVariant &value : values)
        query.addBindValue(bindable(value));
    if (!query.exec()) {
        qCWarning(lcTransfers).noquote() << "upload queue:" << query.lastError().text();
        return false;
    }
    return true;
}

bool UploadQueue::prepareSchema(QString *error)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    // The first statement reads the file: a damaged one fails here ("file is not a database").
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        *error = query.lastError().text();
        return false;
    }
    const int version = query.value(0).toInt();
    if (version > SchemaVersion) {
        *error = tr("it was written by a newer version of the app");
        return false;
    }
    if (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next() ||
        query.value(0).toString() != QLatin1String("ok")) {
        *error = query.lastError().isValid() ? query.lastError().text() : query.value(0).toString();
        return false;
    }
    // Durable at every commit, power cut included (WAL with synchronous=FULL syncs the log each time).
    query.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    query.exec(QStringLiteral("PRAGMA synchronous=FULL"));
    if (version == SchemaVersion)
        return true;
    // All the steps and the new version in one transaction: a crash part-way leaves the file as it was.
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    // Version 0: a new file. Later versions add their migrations here, one step each.
    const bool made =
        version >= 1 ||
        (query.exec(QStringLiteral(
             "CREATE TABLE uploads (id INTEGER PRIMARY KEY AUTOINCREMENT, local_path TEXT NOT NULL, "
             "file_name TEXT NOT NULL, parent_folder_id TEXT NOT NULL, share_folder_id INTEGER NOT NULL "
             "DEFAULT 0, album_id TEXT NOT NULL DEFAULT '', size INTEGER NOT NULL, state INTEGER NOT NULL, "
             "bytes_sent INTEGER NOT NULL DEFAULT 0, file_id TEXT NOT NULL DEFAULT '', sha256 TEXT NOT NULL "
             "DEFAULT '', length INTEGER NOT NULL DEFAULT 0, modified_ms INTEGER NOT NULL DEFAULT 0, "
             "parts_sent INTEGER NOT NULL DEFAULT 0, uploaded_file_id TEXT NOT NULL DEFAULT '', error TEXT "
             "NOT NULL DEFAULT '', trace_id TEXT NOT NULL DEFAULT '', queued_ms INTEGER NOT NULL, ended_ms "
             "INTEGER NOT NULL DEFAULT 0, container_id TEXT NOT NULL DEFAULT '')")) &&
         query.exec(QStringLiteral("CREATE INDEX uploads_state ON uploads (state, id)")));
    // 1 → 2: downloads (Save to…) share the queue.
    const bool migrated =
        made &&
        (version >= 2 ||
         (query.exec(QStringLiteral("ALTER TABLE uploads ADD COLUMN direction INTEGER NOT NULL DEFAULT 0")) &&
          query.exec(
              QStringLiteral("ALTER TABLE uploads ADD COLUMN local_folder TEXT NOT NULL DEFAULT ''")) &&
          query.exec(QStringLiteral("ALTER TABLE uploads ADD COLUMN time_ms INTEGER NOT NULL DEFAULT 0")) &&
          query.exec(QStringLiteral("ALTER TABLE uploads ADD COLUMN part_path TEXT NOT NULL DEFAULT ''")) &&
          query.exec(QStringLiteral("ALTER TABLE uploads ADD COLUMN etag TEXT NOT NULL DEFAULT ''"))));
    // 2 → 3: where each manual album's uploads go.
    const bool albums =
        migrated &&
        (version >= 3 || query.exec(QStringLiteral("CREATE TABLE album_folders (album_id TEXT PRIMARY "
                                                   "KEY, folder_id TEXT NOT NULL, path TEXT NOT NULL, "
                                                   "chosen INTEGER NOT NULL DEFAULT 0)")));
    const bool ok =
        albums && query.exec(QStringLiteral("PRAGMA user_version = %1").arg(SchemaVersion)) && db.commit();
    if (!ok) {
        *error = query.lastError().isValid() ? query.lastError().text() : db.lastError().text();
        db.rollback();
    }
    return ok;
}

QList<qint64> UploadQueue::add(const QList<QueuedUpload> &uploads)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction())
        return {};
    QList<qint64> ids;
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO uploads (local_path, file_name, parent_folder_id, share_folder_id, album_id, size, "
        "state, queued_ms, direction, local_folder, time_ms, uploaded_file_id, container_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QueuedUpload &upload : uploads) {
        query.addBindValue(bindable(upload.localPath));
        query.addBindValue(bindable(upload.fileName));
        query.addBindValue(bindable(upload.parentFolderId));
        query.addBindValue(upload.shareFolderId);
        query.addBindValue(bindable(upload.albumId));
        query.addBindValue(upload.size);
        query.addBindValue(int(QueuedUpload::State::Waiting));
        query.addBindValue(now());
        query.addBindValue(upload.direction == QueuedUpload::Direction::Download ? 1 : 0);
        query.addBindValue(bindable(upload.localFolder));
        query.addBindValue(upload.timeMs);
        query.addBindValue(bindable(upload.driveFileId));
        query.addBindValue(bindable(upload.resume.containerId));
        if (!query.exec()) {
            qCWarning(lcTransfers).noquote() << "upload queue:" << query.lastError().text();
            db.rollback();
            return {};
        }
        ids.append(query.lastInsertId().toLongLong());
    }
    if (!db.commit())
        return {};
    emit added(ids);
    return ids;
}

std::optional<QueuedUpload> UploadQueue::upload(qint64 id) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("SELECT %1 FROM uploads WHERE id = ?").arg(QLatin1String(Columns)));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return rowOf(query);
}

QList<QueuedUpload> UploadQueue::all() const
{
    QList<QueuedUpload> uploads;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.exec(QStringLiteral("SELECT %1 FROM uploads ORDER BY id").arg(QLatin1String(Columns)));
    while (query.next())
        uploads.append(rowOf(query));
    return uploads;
}

std::optional<QueuedUpload> UploadQueue::nextWaiting(QueuedUpload::Direction direction) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(
        QStringLiteral("SELECT %1 FROM uploads WHERE state = ? AND direction = ? ORDER BY id LIMIT 1")
            .arg(QLatin1String(Columns)));
    query.addBindValue(int(QueuedUpload::State::Waiting));
    query.addBindValue(direction == QueuedUpload::Direction::Download ? 1 : 0);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return rowOf(query);
}

QList<QueuedUpload> UploadQueue::waitingDownloads(int limit) const
{
    QList<QueuedUpload> downloads;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(
        QStringLiteral("SELECT %1 FROM uploads WHERE state = ? AND direction = 1 ORDER BY id LIMIT ?")
            .arg(QLatin1String(Columns)));
    query.addBindValue(int(QueuedUpload::State::Waiting));
    query.addBindValue(limit);
    if (query.exec())
        while (query.next())
            downloads.append(rowOf(query));
    return downloads;
}

bool UploadQueue::startDownload(qint64 id, const QString &localPath, const QString &partPath)
{
    const bool ok =
        exec(QStringLiteral("UPDATE uploads SET state = ?, local_path = ?, part_path = ? WHERE id = ?"),
             {int(QueuedUpload::State::Running), localPath, partPath, id});
    if (ok)
        emit changed(id);
    return ok;
}

bool UploadQueue::endDownloads(const QList<DownloadEnd> &ends)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    // A download's ends need not wait for the disk (synchronous=NORMAL: safe from an app crash; a power cut
    // may take the last few back, and the next FULL commit makes them durable too): the files themselves
    // are on disk, and a file renamed into place counts as done when it starts again (FileDownload).
    // Two syncs a photo made saving an album of small photos several times slower (bench_album_save).
    QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    bool ok = db.transaction();
    QSqlQuery query(db);
    ok = ok &&
         query.prepare(QStringLiteral(
             "UPDATE uploads SET state = ?, local_path = ?, part_path = CASE WHEN ? THEN '' ELSE part_path "
             "END, bytes_sent = ?, etag = ?, size = CASE WHEN ? >= 0 THEN ? ELSE size END, error = ?, "
             "trace_id = ?, ended_ms = ? WHERE id = ?"));
    for (const DownloadEnd &end : ends) {
        if (!ok)
            break;
        for (const QVariant &value :
             QVariantList{int(end.state), end.localPath, end.state == QueuedUpload::State::Done, end.bytes,
                          end.etag, end.total, end.total, end.error, end.traceId,
                          QueuedUpload::hasEnded(end.state) ? now() : 0, end.id})
            query.addBindValue(bindable(value));
        ok = query.exec();
    }
    ok = ok ? db.commit() : (db.rollback(), false);
    QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous=FULL"));
    if (!ok)
        qCWarning(lcTransfers).noquote() << "upload queue:" << query.lastError().text();
    for (const DownloadEnd &end : ends)
        emit changed(end.id);
    return ok;
}

bool UploadQueue::setReceived(qint64 id, qint64 bytes, const QString &etag, qint64 total)
{
    const bool ok =
        exec(QStringLiteral("UPDATE uploads SET bytes_sent = ?, etag = ?, size = CASE WHEN ? >= 0 "
                            "THEN ? ELSE size END WHERE id = ?"),
             {bytes, etag, total, total, id});
    if (ok)
        emit changed(id);
    return ok;
}

QList<QueuedUpload> UploadQueue::uploadedNotInAlbum() const
{
    QList<QueuedUpload> uploads;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(
        QStringLiteral("SELECT %1 FROM uploads WHERE state = ? ORDER BY id").arg(QLatin1String(Columns)));
    query.addBindValue(int(QueuedUpload::State::Uploaded));
    if (query.exec())
        while (query.next())
            uploads.append(rowOf(query));
    return uploads;
}

bool UploadQueue::setState(qint64 id, QueuedUpload::State state, const QString &error, const QString &traceId)
{
    const bool ok = exec(QStringLiteral("UPDATE uploads SET state = ?, error = ?, trace_id = ?, ended_ms = ? "
                                        "WHERE id = ?"),
                         {int(state), error, traceId, QueuedUpload::hasEnded(state) ? now() : 0, id});
    if (ok)
        emit changed(id);
    return ok;
}

bool UploadQueue::setProgress(qint64 id, const FileUpload::Resume &resume, qint64 bytesSent)
{
    const bool ok =
        exec(QStringLiteral("UPDATE uploads SET file_id = ?, sha256 = ?, length = ?, modified_ms = ?, "
                            "parts_sent = ?, bytes_sent = ?, container_id = ? WHERE id = ?"),
             {resume.fileId, QString::fromLatin1(resume.sha256Hex), resume.length, resume.modifiedMs,
              resume.partsSent, bytesSent, resume.containerId, id});
    if (ok)
        emit changed(id);
    return ok;
}

bool UploadQueue::clearProgress(qint64 id)
{
    return setProgress(id, {}, 0);
}

bool UploadQueue::setUploaded(qint64 id, const QString &fileId, QueuedUpload::State state)
{
    const bool ok =
        exec(QStringLiteral("UPDATE uploads SET uploaded_file_id = ?, state = ?, error = '', trace_id = '', "
                            "ended_ms = ? WHERE id = ?"),
             {fileId, int(state), QueuedUpload::hasEnded(state) ? now() : 0, id});
    if (ok)
        emit changed(id);
    return ok;
}

int UploadQueue::recoverInterrupted(QueuedUpload::Direction direction)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("UPDATE uploads SET state = ? WHERE state = ? AND direction = ?"));
    query.addBindValue(int(QueuedUpload::State::Waiting));
    query.addBindValue(int(QueuedUpload::State::Running));
    query.addBindValue(direction == QueuedUpload::Direction::Download ? 1 : 0);
    return query.exec() ? query.numRowsAffected() : 0;
}

int UploadQueue::removeEnded()
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("DELETE FROM uploads WHERE state IN (?, ?, ?, ?)"));
    for (auto state : {QueuedUpload::State::Done, QueuedUpload::State::AlreadyThere,
                       QueuedUpload::State::Failed, QueuedUpload::State::Cancelled})
        query.addBindValue(int(state));
    const int removedRows = query.exec() ? query.numRowsAffected() : 0;
    if (removedRows > 0)
        emit removed();
    return removedRows;
}

std::optional<UploadQueue::AlbumFolder> UploadQueue::albumFolder(const QString &albumId) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("SELECT folder_id, path, chosen FROM album_folders WHERE album_id = ?"));
    query.addBindValue(bindable(albumId));
    if (!query.exec() || !query.next())
        return std::nullopt;
    return AlbumFolder{query.value(0).toString(), query.value(1).toString(), query.value(2).toBool()};
}

bool UploadQueue::setAlbumFolder(const QString &albumId, const AlbumFolder &folder)
{
    return exec(QStringLiteral("INSERT OR REPLACE INTO album_folders (album_id, folder_id, path, chosen) "
                               "VALUES (?, ?, ?, ?)"),
                {albumId, folder.folderId, folder.path, folder.chosen ? 1 : 0});
}

bool UploadQueue::forgetAlbumFolder(const QString &albumId)
{
    return exec(QStringLiteral("DELETE FROM album_folders WHERE album_id = ?"), {albumId});
}

int UploadQueue::moveWaiting(const QList<qint64> &ids, const QString &fromFolderId, const QString &toFolderId)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (ids.isEmpty() || !db.transaction())
        return 0;
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("UPDATE uploads SET parent_folder_id = ? WHERE id = ? AND state IN (?, ?) AND "
                       "direction = 0 AND parent_folder_id = ? AND bytes_sent = 0 AND file_id = ''"));
    QList<qint64> moved;
    for (const qint64 id : ids) {
        query.addBindValue(bindable(toFolderId));
        query.addBindValue(id);
        query.addBindValue(int(QueuedUpload::State::Waiting));
        query.addBindValue(int(QueuedUpload::State::Paused));
        query.addBindValue(bindable(fromFolderId));
        if (!query.exec()) {
            db.rollback();
            return 0;
        }
        if (query.numRowsAffected() > 0)
            moved.append(id);
    }
    if (!db.commit())
        return 0;
    for (const qint64 id : std::as_const(moved))
        emit changed(id);
    return int(moved.size());
}

} // namespace koodrive::transfers
