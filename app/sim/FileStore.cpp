#include "FileStore.h"

#include "SimError.h"
#include "SimStore.h"

#include <QSqlQuery>

namespace koodrive::sim {

namespace {
constexpr const char *ColumnNames[] = {"id",          "container_id", "owner_id", "parent_id", "name",
                                       "file_type",   "mime",         "suffix",   "size",      "created_ms",
                                       "edited_ms",   "taken_ms",     "width",    "height",    "recycled",
                                       "recycled_ms", "recycled_by",  "sha256",   "blob"};
} // namespace

QString FileStore::likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

FileStore::FileStore(SimStore &store)
    : m_store(store)
{}

QString FileStore::columns(const QString &alias)
{
    QStringList names;
    for (const char *name : ColumnNames)
        names.append(alias.isEmpty() ? QString::fromLatin1(name)
                                     : alias + QLatin1Char('.') + QLatin1String(name));
    return names.join(QLatin1String(", "));
}

FileRow FileStore::read(const QSqlQuery &q, int c)
{
    FileRow row;
    row.id = q.value(c + 0).toString();
    row.containerId = q.value(c + 1).toString();
    row.ownerId = q.value(c + 2).toString();
    row.parentId = q.value(c + 3).toString();
    row.name = q.value(c + 4).toString();
    row.fileType = q.value(c + 5).toInt();
    row.mimeType = q.value(c + 6).toString();
    row.suffix = q.value(c + 7).toString();
    row.size = q.value(c + 8).toLongLong();
    row.createdMs = q.value(c + 9).toLongLong();
    row.editedMs = q.value(c + 10).toLongLong();
    row.takenMs = q.value(c + 11).toLongLong();
    row.width = q.value(c + 12).toInt();
    row.height = q.value(c + 13).toInt();
    row.recycled = q.value(c + 14).toInt() != 0;
    row.recycledMs = q.value(c + 15).toLongLong();
    row.recycledBy = q.value(c + 16).toString();
    row.sha256 = q.value(c + 17).toString();
    row.blobKey = q.value(c + 18).toString();
    return row;
}

QString FileStore::sortColumn(int sortType)
{
    switch (sortType) {
    case BySize: return QStringLiteral("size");
    case ByCreated: return QStringLiteral("created_ms");
    case ByEdited: return QStringLiteral("edited_ms");
    case ByRecycled: return QStringLiteral("recycled_ms");
    case ByFormat: return QStringLiteral("suffix");
    default: return QStringLiteral("name");
    }
}

QVariant FileStore::sortKey(const FileRow &row, int sortType)
{
    switch (sortType) {
    case BySize: return row.size;
    case ByCreated: return row.createdMs;
    case ByEdited: return row.editedMs;
    case ByRecycled: return row.recycledMs;
    case ByFormat: return row.suffix;
    default: return row.name;
    }
}

void FileStore::insert(const QVector<FileRow> &rows)
{
    QSqlQuery q(m_store.database());
    const QString sql =
        QStringLiteral("INSERT INTO files(%1, is_folder) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                       "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .arg(columns());
    if (!q.prepare(sql))
        throw SimError::internal(QStringLiteral("cannot prepare the file insert"));
    for (const FileRow &r : rows) {
        q.addBindValue(r.id);
        q.addBindValue(r.containerId);
        q.addBindValue(r.ownerId);
        q.addBindValue(r.parentId);
        q.addBindValue(r.name);
        q.addBindValue(r.fileType);
        q.addBindValue(r.mimeType);
        q.addBindValue(r.suffix);
        q.addBindValue(r.size);
        q.addBindValue(r.createdMs);
        q.addBindValue(r.editedMs);
        q.addBindValue(r.takenMs);
        q.addBindValue(r.width);
        q.addBindValue(r.height);
        q.addBindValue(r.recycled ? 1 : 0);
        q.addBindValue(r.recycledMs);
        q.addBindValue(r.recycled ? (r.recycledBy.isEmpty() ? r.id : r.recycledBy) : QVariant());
        q.addBindValue(r.sha256.isEmpty() ? QVariant() : r.sha256);
        q.addBindValue(r.blobKey.isEmpty() ? QVariant() : r.blobKey);
        q.addBindValue(r.isFolder() ? 1 : 0);
        if (!q.exec())
            throw SimError::internal(QStringLiteral("cannot insert file %1").arg(r.id));
    }
}

std::optional<FileRow> FileStore::file(const QString &id) const
{
    QSqlQuery q = m_store.exec(QStringLiteral("SELECT %1 FROM files WHERE id = ?").arg(columns()), {id});
    if (!q.next())
        return std::nullopt;
    return read(q);
}

FileStore::Page FileStore::list(const ListQuery &query) const
{
    // Folders come first, then the other files, each in the requested order; a page may span both.
    const QString key = sortColumn(query.sortType);
    const QString order = query.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    const QString after = query.descending ? QStringLiteral("<") : QStringLiteral(">");

    Page page;
    int phase = query.after ? query.after->phase : 0;
    bool resume = query.after.has_value();
    while (phase <= 1) {
        const int wanted = query.pageSize - int(page.rows.size());
        QString sql = QStringLiteral("SELECT %1 FROM files WHERE ").arg(columns());
        QVariantList values;
        if (query.recycleBin) {
            // The bin lists what was recycled directly, not the contents of a recycled folder.
            sql += QStringLiteral("container_id = ? AND recycled = 1 AND recycled_by = id");
            values << query.containerId;
        } else {
            sql += QStringLiteral("parent_id = ? AND recycled = 0");
            values << query.parentId;
        }
        sql += QStringLiteral(" AND is_folder = ?");
        values << (phase == 0 ? 1 : 0);
        if (query.fileType != 0) {
            sql += QStringLiteral(" AND file_type = ?");
            values << query.fileType;
        }
        if (!query.nameContains.isEmpty()) {
            sql += QStringLiteral(" AND name LIKE ? ESCAPE '\\'");
            values << likePattern(query.nameContains);
        }
        if (resume) {
            sql += QStringLiteral(" AND (%1, id) %2 (?, ?)").arg(key, after);
            values << query.after->key << query.after->id;
        }
        sql += QStringLiteral(" ORDER BY %1 %2, id %2 LIMIT ?").arg(key, order);
        values << wanted + 1;

        QSqlQuery q = m_store.exec(sql, values);
        int fetched = 0;
        while (q.next()) {
            if (fetched++ == wanted) {
                // One row more than fits: the listing goes on after the last row kept.
                const FileRow &last = page.rows.constLast();
                page.next = FileCursor{QString(),
                                       query.sortType,
                                       query.descending,
                                       last.isFolder() ? 0 : 1,
                                       sortKey(last, query.sortType),
                                       last.id};
                return page;
            }
            page.rows.append(read(q));
        }
        resume = false;
        ++phase;
    }
    return page;
}

qint64 FileStore::usedBytes(const QString &containerId) const
{
    QSqlQuery q = m_store.exec(
        QStringLiteral("SELECT COALESCE(SUM(size), 0) FROM files WHERE container_id = ?"), {containerId});
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace koodrive::sim
