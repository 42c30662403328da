#include "FileSearch.h"

#include "FileStore.h"
#include "SimStore.h"

#include <QSqlQuery>

namespace koodrive::sim {

FileSearch::FileSearch(SimStore &store)
    : m_store(store)
{}

FileSearch::Page FileSearch::run(const Query &query) const
{
    QString with;
    QString where = QStringLiteral("container_id = ? AND recycled = 0");
    QVariantList values;
    if (!query.wholeSpace && query.recursive) {
        // The folder and every folder below it that is not in the bin.
        with = QStringLiteral(
            "WITH RECURSIVE tree(id) AS (SELECT ? UNION ALL SELECT f.id FROM files f JOIN tree t "
            "ON f.parent_id = t.id WHERE f.is_folder = 1 AND f.recycled = 0) ");
        values << query.folderId;
        where += QStringLiteral(" AND parent_id IN tree");
    } else if (!query.wholeSpace) {
        where += QStringLiteral(" AND parent_id = ?");
    }
    // The CTE's value first, then the WHERE's in order.
    QVariantList filters{query.containerId};
    if (!query.wholeSpace && !query.recursive)
        filters << query.folderId;
    if (!query.keyWord.isEmpty()) {
        where += QStringLiteral(" AND name LIKE ? ESCAPE '\\'");
        filters << FileStore::likePattern(query.keyWord);
    }
    if (query.fileType != 0) {
        where += QStringLiteral(" AND file_type = ?");
        filters << query.fileType;
    }
    if (!query.ownerId.isEmpty()) {
        where += QStringLiteral(" AND owner_id = ?");
        filters << query.ownerId;
    }
    if (query.updatedFromMs) {
        where += QStringLiteral(" AND edited_ms >= ?");
        filters << *query.updatedFromMs;
    }
    if (query.updatedToMs) {
        where += QStringLiteral(" AND edited_ms <= ?");
        filters << *query.updatedToMs;
    }
    values += filters;

    Page page;
    QSqlQuery count =
        m_store.exec(with + QStringLiteral("SELECT COUNT(*) FROM files WHERE ") + where, values);
    page.total = count.next() ? count.value(0).toLongLong() : 0;

    const QString key = FileStore::sortColumn(query.sortType);
    const QString order = query.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    QString sql = with + QStringLiteral("SELECT %1 FROM files WHERE %2").arg(FileStore::columns(), where);
    if (query.after) {
        sql += QStringLiteral(" AND (%1, id) %2 (?, ?)").arg(key, query.descending ? u"<" : u">");
        values << query.after->key << query.after->id;
    }
    sql += QStringLiteral(" ORDER BY %1 %2, id %2 LIMIT ?").arg(key, order);
    values << query.pageSize + 1;
    QSqlQuery q = m_store.exec(sql, values);
    while (q.next()) {
        if (page.rows.size() == query.pageSize) {
            const FileRow &last = page.rows.constLast();
            page.next = FileCursor{
                QString(), query.sortType, query.descending, 1, FileStore::sortKey(last, query.sortType),
                last.id};
            break;
        }
        page.rows.append(FileStore::read(q));
    }
    return page;
}

} // namespace koodrive::sim
