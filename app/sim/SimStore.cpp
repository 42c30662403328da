#include "SimStore.h"

#include "SimError.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace koodrive::sim {

bool FileType::isKnown(int type)
{
    switch (type) {
    case Folder:
    case SmartFolder:
    case Image:
    case Video:
    case Word:
    case Excel:
    case PowerPoint:
    case Audio:
    case Archive:
    case Application:
    case Other: return true;
    default: return false;
    }
}

QVector<int> AlbumRow::scopeFileTypes() const
{
    QVector<int> types;
    const auto parts = scopeKind.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (part.trimmed() == QLatin1String("1"))
            types.append(FileType::Image);
        else if (part.trimmed() == QLatin1String("2"))
            types.append(FileType::Video);
    }
    return types;
}

SimStore::SimStore(QString databasePath)
    : m_path(std::move(databasePath))
    , m_connectionName(QStringLiteral("koodrive-sim-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

SimStore::~SimStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool SimStore::open(QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    try {
        exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        exec(QStringLiteral("PRAGMA foreign_keys=ON"));
        createSchema();
    } catch (const SimError &e) {
        if (error)
            *error = e.description();
        return false;
    }
    return true;
}

QSqlDatabase SimStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QSqlQuery SimStore::exec(const QString &sql, const QVariantList &values) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        throw SimError::internal(QStringLiteral("SQL prepare failed: %1").arg(query.lastError().text()));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        throw SimError::internal(QStringLiteral("SQL failed: %1").arg(query.lastError().text()));
    return query;
}

void SimStore::createSchema()
{
    const char *statements[] = {
        "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT)",
        "CREATE TABLE IF NOT EXISTS users(id TEXT PRIMARY KEY, account TEXT UNIQUE, password_hash TEXT,"
        " display_name TEXT, container_id TEXT UNIQUE, root_id TEXT, capacity INTEGER)",
        "CREATE TABLE IF NOT EXISTS sessions(token_hash TEXT PRIMARY KEY, refresh_hash TEXT UNIQUE,"
        " user_id TEXT NOT NULL REFERENCES users(id), issued_ms INTEGER, expires_ms INTEGER,"
        " revoked INTEGER NOT NULL DEFAULT 0)",
        "CREATE TABLE IF NOT EXISTS share_groups(group_id TEXT PRIMARY KEY, share_folder_id INTEGER UNIQUE,"
        " name TEXT, owner_id TEXT, container_id TEXT UNIQUE, root_id TEXT, created_ms INTEGER)",
        "CREATE TABLE IF NOT EXISTS group_members(group_id TEXT REFERENCES share_groups(group_id),"
        " user_id TEXT REFERENCES users(id), PRIMARY KEY(group_id, user_id))",
        "CREATE TABLE IF NOT EXISTS files(id TEXT PRIMARY KEY, container_id TEXT NOT NULL,"
        " owner_id TEXT NOT NULL, parent_id TEXT, name TEXT NOT NULL COLLATE NOCASE,"
        " is_folder INTEGER NOT NULL, file_type INTEGER NOT NULL, mime TEXT, suffix TEXT COLLATE NOCASE,"
        " size INTEGER NOT NULL DEFAULT 0, created_ms INTEGER, edited_ms INTEGER, taken_ms INTEGER,"
        " width INTEGER, height INTEGER, recycled INTEGER NOT NULL DEFAULT 0,"
        " recycled_ms INTEGER NOT NULL DEFAULT 0, recycled_by TEXT, sha256 TEXT, blob TEXT)",
        "CREATE TABLE IF NOT EXISTS albums(id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, kind INTEGER NOT "
        "NULL,"
        " type INTEGER NOT NULL, name TEXT, group_id TEXT, share_folder_id INTEGER, container_id TEXT,"
        " scope_parent TEXT, scope_kind TEXT, cover_url TEXT, created_ms INTEGER, updated_ms INTEGER)",
        "CREATE INDEX IF NOT EXISTS albums_listing ON albums(kind, type, created_ms)",
        "CREATE TABLE IF NOT EXISTS album_scope(album_id TEXT NOT NULL REFERENCES albums(id) ON DELETE "
        "CASCADE,"
        " folder_id TEXT NOT NULL, position INTEGER, PRIMARY KEY(album_id, folder_id))",
        "CREATE TABLE IF NOT EXISTS album_items(album_id TEXT NOT NULL REFERENCES albums(id) ON DELETE "
        "CASCADE,"
        " file_id TEXT NOT NULL, owner_id TEXT NOT NULL, added_ms INTEGER, seq INTEGER,"
        " PRIMARY KEY(album_id, file_id))",
        "CREATE INDEX IF NOT EXISTS album_items_by_file ON album_items(file_id)",
        // Favourites are the user's own (OPERATIONS.md §6); listed by the time they were starred.
        "CREATE TABLE IF NOT EXISTS stars(user_id TEXT NOT NULL, file_id TEXT NOT NULL, starred_ms INTEGER,"
        " PRIMARY KEY(user_id, file_id))",
        "CREATE INDEX IF NOT EXISTS stars_by_time ON stars(user_id, starred_ms, file_id)",
        "CREATE INDEX IF NOT EXISTS stars_by_file ON stars(file_id)",
        // Uploads under way (OPERATIONS.md §3): not files yet, but their names are taken in their folder.
        "CREATE TABLE IF NOT EXISTS uploads(file_id TEXT PRIMARY KEY, upload_id TEXT NOT NULL,"
        " owner_id TEXT NOT NULL, container_id TEXT NOT NULL, parent_id TEXT NOT NULL,"
        " name TEXT NOT NULL COLLATE NOCASE, file_type INTEGER NOT NULL, mime TEXT, length INTEGER NOT NULL,"
        " sha256 TEXT, created_ms INTEGER, touched_ms INTEGER, description TEXT)",
        "CREATE INDEX IF NOT EXISTS uploads_by_parent ON uploads(parent_id, name)",
        "CREATE INDEX IF NOT EXISTS uploads_by_age ON uploads(touched_ms)",
        "CREATE TABLE IF NOT EXISTS upload_parts(file_id TEXT NOT NULL REFERENCES uploads(file_id) ON DELETE"
        " CASCADE, part_number INTEGER NOT NULL, part_size INTEGER NOT NULL, part_offset INTEGER NOT NULL,"
        " received INTEGER NOT NULL DEFAULT 0, etag TEXT, PRIMARY KEY(file_id, part_number))",
        // Batch jobs (OPERATIONS.md §5) and the files each one works through, in order.
        "CREATE TABLE IF NOT EXISTS jobs(id TEXT PRIMARY KEY, user_id TEXT NOT NULL, task_type INTEGER,"
        " action_type INTEGER, status INTEGER NOT NULL, container_id TEXT, dst_container_id TEXT,"
        " dst_folder_id TEXT, created_ms INTEGER, begin_ms INTEGER, end_ms INTEGER)",
        "CREATE INDEX IF NOT EXISTS jobs_by_user ON jobs(user_id, created_ms)",
        "CREATE TABLE IF NOT EXISTS job_items(job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,"
        " seq INTEGER NOT NULL, file_id TEXT NOT NULL, file_path TEXT, status INTEGER NOT NULL DEFAULT 0,"
        " error_code TEXT, error_msg TEXT, new_file_id TEXT, PRIMARY KEY(job_id, seq))",
    };
    for (const char *sql : statements)
        exec(QString::fromLatin1(sql));
    // Libraries made before these columns existed gain them; files already in the bin were put there
    // directly (the demo library recycles single photos).
    if (addColumnIfMissing(QStringLiteral("files"), QStringLiteral("recycled_by TEXT")))
        exec(QStringLiteral("UPDATE files SET recycled_by = id WHERE recycled = 1"));
    addColumnIfMissing(QStringLiteral("files"), QStringLiteral("sha256 TEXT"));
    addColumnIfMissing(QStringLiteral("files"), QStringLiteral("blob TEXT"));
    exec(
        QStringLiteral("CREATE INDEX IF NOT EXISTS files_by_recycler ON files(recycled_by) WHERE recycled_by "
                       "IS NOT NULL"));
    exec(QStringLiteral(
        "CREATE INDEX IF NOT EXISTS files_by_sha256 ON files(sha256) WHERE sha256 IS NOT NULL"));
    exec(QStringLiteral("CREATE INDEX IF NOT EXISTS files_by_blob ON files(blob) WHERE blob IS NOT NULL"));
    createFileIndexes();
}

bool SimStore::addColumnIfMissing(const QString &table, const QString &definition)
{
    const QString column = definition.section(QLatin1Char(' '), 0, 0);
    QSqlQuery info = exec(QStringLiteral("PRAGMA table_info(%1)").arg(table));
    while (info.next()) {
        if (info.value(1).toString() == column)
            return false;
    }
    exec(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2").arg(table, definition));
    return true;
}

namespace {
// One index per files-list sort type (files-list.txt, Table 5), so that each page is an index range.
const char *const FileIndexes[][2] = {
    {"files_by_name", "parent_id, recycled, is_folder, name, id"},
    {"files_by_size", "parent_id, recycled, is_folder, size, id"},
    {"files_by_created", "parent_id, recycled, is_folder, created_ms, id"},
    {"files_by_edited", "parent_id, recycled, is_folder, edited_ms, id"},
    {"files_by_suffix", "parent_id, recycled, is_folder, suffix, id"},
    {"files_recycled", "container_id, recycled, recycled_ms, id"},
    // The space used (FileStore::usedBytes) is summed from this index alone, not from every row's page.
    {"files_size_by_container", "container_id, size"},
};
} // namespace

void SimStore::createFileIndexes()
{
    for (const auto &index : FileIndexes)
        exec(QStringLiteral("CREATE INDEX IF NOT EXISTS %1 ON files(%2)")
                 .arg(QLatin1String(index[0]), QLatin1String(index[1])));
}

void SimStore::dropFileIndexes()
{
    for (const auto &index : FileIndexes)
        exec(QStringLiteral("DROP INDEX IF EXISTS %1").arg(QLatin1String(index[0])));
}

SimStore::Transaction::Transaction(SimStore &store)
    : m_store(store)
{
    if (!m_store.database().transaction())
        throw SimError::internal(QStringLiteral("could not begin a transaction"));
}

SimStore::Transaction::~Transaction()
{
    if (!m_done)
        m_store.database().rollback();
}

void SimStore::Transaction::commit()
{
    if (!m_store.database().commit())
        throw SimError::internal(QStringLiteral("commit failed"));
    m_done = true;
}

QString SimStore::meta(const QString &key) const
{
    QSqlQuery q = exec(QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key});
    return q.next() ? q.value(0).toString() : QString();
}

void SimStore::setMeta(const QString &key, const QString &value)
{
    exec(QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = "
                        "excluded.value"),
         {key, value});
}

SimStore::Counts SimStore::counts() const
{
    auto count = [this](const char *table) {
        QSqlQuery q = exec(QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(table));
        return q.next() ? q.value(0).toLongLong() : 0;
    };
    return {count("users"),       count("files"),    count("albums"),  count("album_items"),
            count("album_scope"), count("stars"),    count("uploads"), count("upload_parts"),
            count("jobs"),        count("job_items")};
}

bool SimStore::hasUsers() const
{
    return exec(QStringLiteral("SELECT 1 FROM users LIMIT 1")).next();
}

void SimStore::insertUser(const UserRow &user)
{
    exec(QStringLiteral("INSERT INTO users(id, account, password_hash, display_name, container_id, root_id, "
                        "capacity) VALUES(?, ?, ?, ?, ?, ?, ?)"),
         {user.id, user.account, user.passwordHash, user.displayName, user.containerId, user.rootFolderId,
          user.capacity});
}

namespace {
constexpr auto UserColumns = "id, account, password_hash, display_name, container_id, root_id, capacity";

UserRow readUser(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),  q.value(3).toString(),
            q.value(4).toString(), q.value(5).toString(), q.value(6).toLongLong()};
}

constexpr auto GroupColumns = "g.group_id, g.share_folder_id, g.name, g.owner_id, g.container_id, g.root_id, "
                              "g.created_ms, (SELECT COUNT(*) FROM group_members m2 WHERE m2.group_id = "
                              "g.group_id)";

GroupRow readGroup(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString(),   q.value(3).toString(),
            q.value(4).toString(), q.value(5).toString(),   q.value(6).toLongLong(), q.value(7).toInt()};
}
} // namespace

std::optional<UserRow> SimStore::user(const QString &userId) const
{
    QSqlQuery q =
        exec(QStringLiteral("SELECT %1 FROM users WHERE id = ?").arg(QLatin1String(UserColumns)), {userId});
    if (!q.next())
        return std::nullopt;
    return readUser(q);
}

std::optional<UserRow> SimStore::userByAccount(const QString &account) const
{
    QSqlQuery q = exec(
        QStringLiteral("SELECT %1 FROM users WHERE account = ?").arg(QLatin1String(UserColumns)), {account});
    if (!q.next())
        return std::nullopt;
    return readUser(q);
}

QString SimStore::displayName(const QString &userId) const
{
    QSqlQuery q = exec(QStringLiteral("SELECT display_name FROM users WHERE id = ?"), {userId});
    return q.next() ? q.value(0).toString() : QString();
}

void SimStore::insertGroup(const GroupRow &group, const QStringList &memberIds)
{
    exec(QStringLiteral("INSERT INTO share_groups(group_id, share_folder_id, name, owner_id, container_id, "
                        "root_id, created_ms) VALUES(?, ?, ?, ?, ?, ?, ?)"),
         {group.groupId, group.shareFolderId, group.name, group.ownerId, group.containerId,
          group.rootFolderId, group.createdMs});
    for (const QString &member : memberIds)
        exec(QStringLiteral("INSERT INTO group_members(group_id, user_id) VALUES(?, ?)"),
             {group.groupId, member});
}

QVector<GroupRow> SimStore::groupsOf(const QString &userId) const
{
    QSqlQuery q = exec(QStringLiteral("SELECT %1 FROM share_groups g JOIN group_members m ON m.group_id = "
                                      "g.group_id WHERE m.user_id = ? ORDER BY g.created_ms, g.group_id")
                           .arg(QLatin1String(GroupColumns)),
                       {userId});
    QVector<GroupRow> groups;
    while (q.next())
        groups.append(readGroup(q));
    return groups;
}

std::optional<GroupRow> SimStore::group(const QString &groupId) const
{
    QSqlQuery q = exec(
        QStringLiteral("SELECT %1 FROM share_groups g WHERE g.group_id = ?").arg(QLatin1String(GroupColumns)),
        {groupId});
    if (!q.next())
        return std::nullopt;
    return readGroup(q);
}

bool SimStore::isMember(const QString &groupId, const QString &userId) const
{
    QSqlQuery q = exec(QStringLiteral("SELECT 1 FROM group_members WHERE group_id = ? AND user_id = ?"),
                       {groupId, userId});
    return q.next();
}

QString SimStore::tokenDigest(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

void SimStore::insertSession(const QString &userId, const QString &accessToken, const QString &refreshToken,
                             qint64 issuedMs, qint64 expiresMs)
{
    exec(QStringLiteral("INSERT INTO sessions(token_hash, refresh_hash, user_id, issued_ms, expires_ms) "
                        "VALUES(?, ?, ?, ?, ?)"),
         {tokenDigest(accessToken), tokenDigest(refreshToken), userId, issuedMs, expiresMs});
}

std::optional<SimStore::Session> SimStore::sessionForAccessToken(const QString &accessToken) const
{
    QSqlQuery q =
        exec(QStringLiteral("SELECT user_id, expires_ms FROM sessions WHERE token_hash = ? AND revoked = 0"),
             {tokenDigest(accessToken)});
    if (!q.next())
        return std::nullopt;
    return Session{q.value(0).toString(), q.value(1).toLongLong()};
}

std::optional<SimStore::Session> SimStore::sessionForRefreshToken(const QString &refreshToken) const
{
    QSqlQuery q = exec(
        QStringLiteral("SELECT user_id, expires_ms FROM sessions WHERE refresh_hash = ? AND revoked = 0"),
        {tokenDigest(refreshToken)});
    if (!q.next())
        return std::nullopt;
    return Session{q.value(0).toString(), q.value(1).toLongLong()};
}

std::optional<SimStore::Session> SimStore::sessionForTokens(const QString &accessToken,
                                                            const QString &refreshToken) const
{
    QSqlQuery q = exec(QStringLiteral("SELECT user_id, expires_ms FROM sessions"
                                      " WHERE token_hash = ? AND refresh_hash = ? AND revoked = 0"),
                       {tokenDigest(accessToken), tokenDigest(refreshToken)});
    if (!q.next())
        return std::nullopt;
    return Session{q.value(0).toString(), q.value(1).toLongLong()};
}

void SimStore::renewSession(const QString &refreshToken, const QString &newAccessToken, qint64 issuedMs,
                            qint64 expiresMs)
{
    exec(QStringLiteral("UPDATE sessions SET token_hash = ?, issued_ms = ?, expires_ms = ?"
                        " WHERE refresh_hash = ? AND revoked = 0"),
         {tokenDigest(newAccessToken), issuedMs, expiresMs, tokenDigest(refreshToken)});
}

void SimStore::revokeByAccessToken(const QString &accessToken)
{
    exec(QStringLiteral("UPDATE sessions SET revoked = 1 WHERE token_hash = ?"), {tokenDigest(accessToken)});
}

void SimStore::revokeByRefreshToken(const QString &refreshToken)
{
    exec(QStringLiteral("UPDATE sessions SET revoked = 1 WHERE refresh_hash = ?"),
         {tokenDigest(refreshToken)});
}

} // namespace koodrive::sim
