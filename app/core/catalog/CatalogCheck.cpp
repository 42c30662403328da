// Catalog: damage inside the file, looked for in the background (the open only sees a file cut short).
#include "Catalog.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <atomic>

namespace koodrive::catalog {

QString Catalog::damageMarkPath(const QString &path)
{
    return path + QStringLiteral(".damaged");
}

QString Catalog::check(const QString &path)
{
    static std::atomic<int> checkers{0};
    const QString connection = QStringLiteral("koodrive-catalog-check-%1").arg(++checkers);
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            problem = db.lastError().text();
        } else {
            // Every page and index looked at (not the rows' own constraints): "ok" or what is wrong, in
            // the words of SQLite (https://www.sqlite.org/pragma.html#pragma_quick_check).
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("PRAGMA quick_check")))
                problem = query.lastError().text();
            else if (query.next() && query.value(0).toString() != QLatin1String("ok"))
                problem = query.value(0).toString();
            query.finish();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return problem;
}

bool Catalog::markDamaged(const QString &path, const QString &problem)
{
    QFile mark(damageMarkPath(path));
    if (!mark.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QString said = problem.left(200).simplified();
    return mark.write(said.isEmpty() ? QByteArray("damaged") : said.toUtf8()) > 0 && mark.flush();
}

} // namespace koodrive::catalog
