#pragma once

// What the catalog's parts (Catalog.cpp, CatalogStore.cpp) write with.
#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcCatalog)

namespace koodrive::catalog::sql {

inline qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// QtSql binds a null QString as NULL: the columns are NOT NULL, an empty text is "".
inline QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

inline QString lastError(const QSqlQuery &query, const QSqlDatabase &db)
{
    return query.lastError().isValid() ? query.lastError().text() : db.lastError().text();
}

} // namespace koodrive::catalog::sql
