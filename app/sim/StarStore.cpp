#include "StarStore.h"

#include "FileStore.h"
#include "SimStore.h"

#include <QSqlQuery>

namespace koodrive::sim {

StarStore::StarStore(SimStore &store)
    : m_store(store)
{}

void StarStore::star(const QString &userId, const QString &fileId, qint64 nowMs)
{
    // Starring a starred file keeps its first time (its place in the list).
    m_store.exec(QStringLiteral("INSERT OR IGNORE INTO stars(user_id, file_id, starred_ms) VALUES(?, ?, ?)"),
                 {userId, fileId, nowMs});
}

void StarStore::unstar(const QString &userId, const QString &fileId)
{
    m_store.exec(QStringLiteral("DELETE FROM stars WHERE user_id = ? AND file_id = ?"), {userId, fileId});
}

QSet<QString> StarStore::starredAmong(const QString &userId, const QStringList &fileIds) const
{
    QSet<QString> starred;
    if (fileIds.isEmpty())
        return starred;
    QString marks = QStringLiteral("?");
    for (qsizetype i = 1; i < fileIds.size(); ++i)
        marks += QStringLiteral(", ?");
    QVariantList values{userId};
    for (const QString &id : fileIds)
        values.append(id);
    QSqlQuery q = m_store.exec(
        QStringLiteral("SELECT file_id FROM stars WHERE user_id = ? AND file_id IN (%1)").arg(marks), values);
    while (q.next())
        starred.insert(q.value(0).toString());
    return starred;
}

StarStore::Page StarStore::page(const QString &userId, const Query &query) const
{
    const QString order = query.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    QString sql = QStringLiteral("SELECT s.file_id, s.starred_ms, f.id, %1 FROM stars s LEFT JOIN files f ON "
                                 "f.id = s.file_id WHERE s.user_id = ?")
                      .arg(FileStore::columns(QStringLiteral("f")));
    QVariantList values{userId};
    if (query.after) {
        sql += QStringLiteral(" AND (s.starred_ms, s.file_id) %1 (?, ?)").arg(query.descending ? u"<" : u">");
        values << query.after->key << query.after->id;
    }
    sql += QStringLiteral(" ORDER BY s.starred_ms %1, s.file_id %1 LIMIT ?").arg(order);
    values << query.pageSize + 1;

    Page page;
    QSqlQuery q = m_store.exec(sql, values);
    int read = 0;
    QString lastId;
    qint64 lastMs = 0;
    while (q.next()) {
        if (read++ == query.pageSize) {
            page.next = FileCursor{QStringLiteral("star:") + userId, 1, query.descending, 1, lastMs, lastId};
            break;
        }
        lastId = q.value(0).toString();
        lastMs = q.value(1).toLongLong();
        if (q.value(2).isNull())
            continue; // (stars go with files deleted for good; this is a file another space took away)
        const FileRow file = FileStore::read(q, 3);
        if (file.recycled) {
            ++page.leftOutInBin;
            continue;
        }
        if (query.fileType != 0 && file.fileType != query.fileType)
            continue;
        page.files.append(file);
    }
    return page;
}

} // namespace koodrive::sim
