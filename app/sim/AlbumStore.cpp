#include "AlbumStore.h"

#include "FileStore.h"
#include "SimError.h"
#include "SimStore.h"

#include <QSqlQuery>

namespace koodrive::sim {

namespace {
constexpr auto AlbumColumns = "id, owner_id, kind, type, name, group_id, share_folder_id, container_id, "
                              "scope_parent, scope_kind, cover_url, created_ms, updated_ms";

AlbumRow readAlbum(const QSqlQuery &q)
{
    AlbumRow a;
    a.id = q.value(0).toString();
    a.ownerId = q.value(1).toString();
    a.kind = q.value(2).toInt();
    a.type = q.value(3).toInt();
    a.name = q.value(4).toString();
    a.groupId = q.value(5).toString();
    a.shareFolderId = q.value(6).toLongLong();
    a.containerId = q.value(7).toString();
    a.scopeParentFolderId = q.value(8).toString();
    a.scopeKind = q.value(9).toString();
    a.coverImageUrl = q.value(10).toString();
    a.createdMs = q.value(11).toLongLong();
    a.updatedMs = q.value(12).toLongLong();
    return a;
}

QString contentsSortColumn(int sortType)
{
    switch (sortType) {
    case 2: return QStringLiteral("f.created_ms");
    case 3: return QStringLiteral("f.edited_ms");
    default: return QStringLiteral("f.taken_ms");
    }
}
} // namespace

AlbumStore::AlbumStore(SimStore &store)
    : m_store(store)
{}

void AlbumStore::insert(const AlbumRow &a)
{
    m_store.exec(QStringLiteral("INSERT INTO albums(%1) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                     .arg(QLatin1String(AlbumColumns)),
                 {a.id, a.ownerId, a.kind, a.type, a.name, a.groupId, a.shareFolderId, a.containerId,
                  a.scopeParentFolderId, a.scopeKind, a.coverImageUrl, a.createdMs, a.updatedMs});
    for (int i = 0; i < a.scopeDirs.size(); ++i)
        m_store.exec(QStringLiteral("INSERT INTO album_scope(album_id, folder_id, position) VALUES(?, ?, ?)"),
                     {a.id, a.scopeDirs.at(i), i});
}

void AlbumStore::update(const AlbumRow &a)
{
    m_store.exec(
        QStringLiteral("UPDATE albums SET name = ?, scope_parent = ?, scope_kind = ?, cover_url = ?, "
                       "updated_ms = ? WHERE id = ?"),
        {a.name, a.scopeParentFolderId, a.scopeKind, a.coverImageUrl, a.updatedMs, a.id});
    m_store.exec(QStringLiteral("DELETE FROM album_scope WHERE album_id = ?"), {a.id});
    for (int i = 0; i < a.scopeDirs.size(); ++i)
        m_store.exec(QStringLiteral("INSERT INTO album_scope(album_id, folder_id, position) VALUES(?, ?, ?)"),
                     {a.id, a.scopeDirs.at(i), i});
}

void AlbumStore::remove(const QString &albumId)
{
    m_store.exec(QStringLiteral("DELETE FROM album_items WHERE album_id = ?"), {albumId});
    m_store.exec(QStringLiteral("DELETE FROM album_scope WHERE album_id = ?"), {albumId});
    m_store.exec(QStringLiteral("DELETE FROM albums WHERE id = ?"), {albumId});
}

std::optional<AlbumRow> AlbumStore::album(const QString &albumId) const
{
    QSqlQuery q = m_store.exec(
        QStringLiteral("SELECT %1 FROM albums WHERE id = ?").arg(QLatin1String(AlbumColumns)), {albumId});
    if (!q.next())
        return std::nullopt;
    AlbumRow album = readAlbum(q);
    QSqlQuery scope = m_store.exec(
        QStringLiteral("SELECT folder_id FROM album_scope WHERE album_id = ? ORDER BY position"), {albumId});
    while (scope.next())
        album.scopeDirs.append(scope.value(0).toString());
    return album;
}

AlbumStore::ListPage AlbumStore::list(const QString &userId, int kind, int type, const QString &groupId,
                                      int pageNum, int pageSize) const
{
    QString where = QStringLiteral("kind = ? AND type = ?");
    QVariantList values{kind, type};
    if (kind == AlbumKind::Personal) {
        where += QStringLiteral(" AND owner_id = ?");
        values << userId;
    } else {
        where += QStringLiteral(" AND group_id IN (SELECT group_id FROM group_members WHERE user_id = ?)");
        values << userId;
    }
    if (!groupId.isEmpty()) {
        where += QStringLiteral(" AND group_id = ?");
        values << groupId;
    }

    ListPage page;
    QSqlQuery count = m_store.exec(QStringLiteral("SELECT COUNT(*) FROM albums WHERE ") + where, values);
    page.total = count.next() ? count.value(0).toLongLong() : 0;

    QVariantList pageValues = values;
    pageValues << pageSize << qint64(pageNum - 1) * pageSize;
    QSqlQuery q =
        m_store.exec(QStringLiteral("SELECT id FROM albums WHERE %1 ORDER BY created_ms DESC, id DESC "
                                    "LIMIT ? OFFSET ?")
                         .arg(where),
                     pageValues);
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    for (const QString &id : ids) {
        if (auto album = this->album(id))
            page.albums.append(*album);
    }
    return page;
}

int AlbumStore::addItems(const QString &albumId, const QVector<AlbumItemRef> &items, qint64 nowMs)
{
    QSqlQuery seqQuery = m_store.exec(
        QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM album_items WHERE album_id = ?"), {albumId});
    qint64 seq = seqQuery.next() ? seqQuery.value(0).toLongLong() : 0;
    int added = 0;
    for (const AlbumItemRef &item : items) {
        QSqlQuery q =
            m_store.exec(QStringLiteral("INSERT OR IGNORE INTO album_items(album_id, file_id, owner_id, "
                                        "added_ms, seq) VALUES(?, ?, ?, ?, ?)"),
                         {albumId, item.fileId, item.ownerId, nowMs, seq + 1});
        if (q.numRowsAffected() > 0) {
            ++seq;
            ++added;
        }
    }
    return added;
}

int AlbumStore::removeItems(const QString &albumId, const QStringList &fileIds)
{
    int removed = 0;
    for (const QString &id : fileIds) {
        QSqlQuery q = m_store.exec(
            QStringLiteral("DELETE FROM album_items WHERE album_id = ? AND file_id = ?"), {albumId, id});
        removed += q.numRowsAffected();
    }
    return removed;
}

QString AlbumStore::contentsSource(const AlbumRow &album, QVariantList &values) const
{
    if (album.isManual()) {
        values << album.id;
        return QStringLiteral("files f JOIN album_items ai ON ai.file_id = f.id WHERE ai.album_id = ? AND "
                              "f.recycled = 0");
    }
    // A collection album gathers the images and/or videos directly inside its scope folders.
    QStringList types;
    for (int type : album.scopeFileTypes())
        types << QString::number(type);
    if (types.isEmpty())
        types << QString::number(FileType::Image) << QString::number(FileType::Video);
    values << album.id;
    return QStringLiteral(
               "files f WHERE f.parent_id IN (SELECT folder_id FROM album_scope WHERE album_id = ?) "
               "AND f.recycled = 0 AND f.file_type IN (%1)")
        .arg(types.join(QLatin1Char(',')));
}

AlbumStore::ContentsPage AlbumStore::contents(const AlbumRow &album, const ContentsQuery &query) const
{
    ContentsPage page;
    QVariantList values;
    const QString source = contentsSource(album, values);
    QSqlQuery count = m_store.exec(QStringLiteral("SELECT COUNT(*) FROM ") + source, values);
    page.total = count.next() ? count.value(0).toLongLong() : 0;

    const QString key = contentsSortColumn(query.sortType);
    const QString order = query.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    QString sql = QStringLiteral("SELECT %1 FROM %2").arg(FileStore::columns(QStringLiteral("f")), source);
    if (query.after) {
        sql += QStringLiteral(" AND (%1, f.id) %2 (?, ?)").arg(key, query.descending ? u"<" : u">");
        values << query.after->key << query.after->id;
    }
    sql += QStringLiteral(" ORDER BY %1 %2, f.id %2 LIMIT ?").arg(key, order);
    values << query.pageSize + 1;
    QSqlQuery q = m_store.exec(sql, values);
    while (q.next()) {
        if (page.rows.size() == query.pageSize) {
            const FileRow &last = page.rows.constLast();
            const qint64 lastKey = query.sortType == 2   ? last.createdMs
                                   : query.sortType == 3 ? last.editedMs
                                                         : last.takenMs;
            page.next = FileCursor{album.id, query.sortType, query.descending, 1, lastKey, last.id};
            break;
        }
        page.rows.append(FileStore::read(q));
    }
    return page;
}

std::optional<FileRow> AlbumStore::coverFile(const AlbumRow &album) const
{
    QVariantList values;
    const QString source = contentsSource(album, values);
    const QString order =
        album.isManual() ? QStringLiteral("ai.seq ASC") : QStringLiteral("f.taken_ms DESC, f.id");
    QSqlQuery q = m_store.exec(
        QStringLiteral("SELECT %1 FROM %2 AND f.file_type = %3 ORDER BY %4 LIMIT 1")
            .arg(FileStore::columns(QStringLiteral("f")), source, QString::number(FileType::Image), order),
        values);
    if (!q.next())
        return std::nullopt;
    return FileStore::read(q);
}

} // namespace koodrive::sim
