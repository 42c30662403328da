#include "FileTree.h"

#include "FileNames.h"
#include "FileStore.h"
#include "SimError.h"
#include "SimIds.h"
#include "SimStore.h"

#include <QSqlQuery>

namespace koodrive::sim {

namespace {
// The file and every file below it (through folders of any state), as a common table expression "tree".
constexpr auto Subtree =
    "WITH RECURSIVE tree(id) AS (SELECT ? UNION ALL SELECT f.id FROM files f JOIN tree t "
    "ON f.parent_id = t.id) ";
// The same, leaving out what was already in the bin before (it went there on its own and stays).
constexpr auto LiveSubtree =
    "WITH RECURSIVE tree(id) AS (SELECT ? UNION ALL SELECT f.id FROM files f JOIN tree t "
    "ON f.parent_id = t.id WHERE f.recycled = 0) ";
constexpr int MaxDepth = 1000;
} // namespace

FileTree::FileTree(SimStore &store, FileStore &files)
    : m_store(store)
    , m_files(files)
{}

bool FileTree::nameTaken(const QString &parentId, const QString &name, const QString &except) const
{
    // (A null QString binds as SQL NULL, and "id <> NULL" is never true.)
    const QString exceptId = except.isNull() ? QStringLiteral("") : except;
    QSqlQuery listed = m_store.exec(
        QStringLiteral(
            "SELECT 1 FROM files WHERE parent_id = ? AND recycled = 0 AND name = ? AND id <> ? LIMIT 1"),
        {parentId, name, exceptId});
    if (listed.next())
        return true;
    QSqlQuery uploading = m_store.exec(
        QStringLiteral("SELECT 1 FROM uploads WHERE parent_id = ? AND name = ? AND file_id <> ? LIMIT 1"),
        {parentId, name, exceptId});
    return uploading.next();
}

QString FileTree::freeName(const QString &parentId, const QString &name, bool isFolder, qint64 nowMs,
                           const QString &exceptId) const
{
    if (!nameTaken(parentId, name, exceptId))
        return name;
    for (int attempt = 0; attempt < 1000; ++attempt) {
        const QString candidate = FileNames::withTimestamp(name, isFolder, nowMs, attempt);
        if (!nameTaken(parentId, candidate, exceptId))
            return candidate;
    }
    throw SimError::internal(QStringLiteral("no free name for %1").arg(name));
}

QStringList FileTree::subtree(const QString &fileId) const
{
    QSqlQuery q = m_store.exec(QLatin1String(Subtree) + QStringLiteral("SELECT id FROM tree"), {fileId});
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

bool FileTree::isWithin(const QString &folderId, const QString &ancestorId) const
{
    QString at = folderId;
    for (int depth = 0; depth < MaxDepth && !at.isEmpty(); ++depth) {
        if (at == ancestorId)
            return true;
        const auto row = m_files.file(at);
        at = row ? row->parentId : QString();
    }
    return false;
}

void FileTree::rename(const QString &fileId, const QString &name, qint64 nowMs)
{
    const auto row = m_files.file(fileId);
    const QString suffix = row && !row->isFolder() ? FileNames::suffix(name) : QString();
    m_store.exec(QStringLiteral("UPDATE files SET name = ?, suffix = ?, edited_ms = ? WHERE id = ?"),
                 {name, suffix, nowMs, fileId});
}

void FileTree::recycle(const FileRow &file, qint64 nowMs)
{
    m_store.exec(QLatin1String(LiveSubtree) +
                     QStringLiteral("UPDATE files SET recycled = 1, recycled_ms = ?, recycled_by = ? "
                                    "WHERE id IN tree AND recycled = 0"),
                 {file.id, nowMs, file.id});
}

void FileTree::restore(const FileRow &file, const QString &parentId, const QString &name)
{
    m_store.exec(
        QStringLiteral(
            "UPDATE files SET recycled = 0, recycled_ms = 0, recycled_by = NULL WHERE recycled_by = ?"),
        {file.id});
    if (parentId != file.parentId || name != file.name)
        m_store.exec(QStringLiteral("UPDATE files SET parent_id = ?, name = ? WHERE id = ?"),
                     {parentId, name, file.id});
}

QStringList FileTree::purge(const FileRow &file)
{
    QStringList blobs;
    QSqlQuery stored = m_store.exec(QLatin1String(Subtree) +
                                        QStringLiteral("SELECT DISTINCT blob FROM files WHERE id IN tree AND "
                                                       "blob IS NOT NULL"),
                                    {file.id});
    while (stored.next())
        blobs.append(stored.value(0).toString());
    m_store.exec(QLatin1String(Subtree) + QStringLiteral("DELETE FROM album_items WHERE file_id IN tree"),
                 {file.id});
    m_store.exec(QLatin1String(Subtree) + QStringLiteral("DELETE FROM stars WHERE file_id IN tree"),
                 {file.id});
    m_store.exec(QLatin1String(Subtree) + QStringLiteral("DELETE FROM files WHERE id IN tree"), {file.id});
    // Bytes shared with a copy, or with a rapid upload of the same content, stay for the others.
    QStringList freed;
    for (const QString &blob : std::as_const(blobs)) {
        QSqlQuery used = m_store.exec(QStringLiteral("SELECT 1 FROM files WHERE blob = ? LIMIT 1"), {blob});
        if (!used.next())
            freed.append(blob);
    }
    return freed;
}

void FileTree::move(const FileRow &file, const QString &containerId, const QString &parentId,
                    const QString &name)
{
    m_store.exec(QStringLiteral("UPDATE files SET parent_id = ?, name = ? WHERE id = ?"),
                 {parentId, name, file.id});
    if (containerId != file.containerId)
        m_store.exec(QLatin1String(Subtree) +
                         QStringLiteral("UPDATE files SET container_id = ? WHERE id IN tree"),
                     {file.id, containerId});
}

QString FileTree::copy(const FileRow &file, const QString &containerId, const QString &ownerId,
                       const QString &parentId, const QString &name, qint64 nowMs)
{
    FileRow copied = file;
    copied.id = SimIds::fileId();
    copied.containerId = containerId;
    copied.ownerId = ownerId;
    copied.parentId = parentId;
    copied.name = name;
    copied.createdMs = nowMs;
    copied.recycled = false;
    copied.recycledMs = 0;
    copied.recycledBy.clear();
    m_files.insert({copied});
    if (file.isFolder()) {
        QSqlQuery children =
            m_store.exec(QStringLiteral("SELECT %1 FROM files WHERE parent_id = ? AND recycled = 0")
                             .arg(FileStore::columns()),
                         {file.id});
        QVector<FileRow> rows;
        while (children.next())
            rows.append(FileStore::read(children));
        for (const FileRow &child : std::as_const(rows))
            copy(child, containerId, ownerId, copied.id, child.name, nowMs);
    }
    return copied.id;
}

FileTree::Paths FileTree::folderPaths(const QString &folderId, const QString &rootFolderId, PathCache &cache,
                                      int depth) const
{
    if (folderId == rootFolderId)
        return {QLatin1Char('/') + rootFolderId, QString()};
    if (const auto known = cache.constFind(folderId); known != cache.constEnd())
        return *known;
    const auto row = m_files.file(folderId);
    if (!row || depth > MaxDepth)
        return {};
    const Paths parent = folderPaths(row->parentId, rootFolderId, cache, depth + 1);
    const Paths paths = parent.ids.isEmpty() ? Paths{}
                                             : Paths{parent.ids + QLatin1Char('/') + row->id,
                                                     parent.names + QLatin1Char('/') + row->name};
    cache.insert(folderId, paths);
    return paths;
}

FileTree::Paths FileTree::paths(const FileRow &file, const QString &rootFolderId, PathCache *cache) const
{
    PathCache local;
    const Paths parent = folderPaths(file.parentId, rootFolderId, cache ? *cache : local, 0);
    if (parent.ids.isEmpty())
        return {};
    return {parent.ids + QLatin1Char('/') + file.id, parent.names + QLatin1Char('/') + file.name};
}

} // namespace koodrive::sim
