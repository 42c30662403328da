// The catalog's costs for a place of 10 000 rows (fields and lengths as koodrive-sim lists them): storing
// it (one transaction), reading it back whole (what opening a saved place costs on the GUI thread), and a
// bare SELECT of the same rows without making CatalogRows (the baseline in the same run); then the file's
// size per 100 000 rows.
// Usage: bench_catalog [RUNS=5] [ROWS=10000]
#include "Waiting.h"
#include "catalog/Catalog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <cstdio>

using koodrive::catalog::Catalog;
using koodrive::catalog::CatalogRow;
using koodrive::test::median;

namespace {
QVector<CatalogRow> makeRows(int count, int seed)
{
    QVector<CatalogRow> rows;
    rows.reserve(count);
    for (int i = 0; i < count; ++i) {
        CatalogRow row;
        row.id =
            QStringLiteral("Ft%1x%2").arg(i, 6, 10, QLatin1Char('0')).arg(quint64(seed) * 7919 + i, 0, 36);
        row.name = QStringLiteral("IMG_2024%1_%2.jpg").arg(i % 1231, 4, 10, QLatin1Char('0')).arg(i);
        row.mimeType = QStringLiteral("image/jpeg");
        row.ownerId = QStringLiteral("U0123456789abcdef");
        row.containerId = QStringLiteral("C0123456789abcdef0123");
        row.thumbnailPath =
            QStringLiteral("/obs/%1?x-image-process=image%2Fresize%2Cm_lfit%2Ch_256%2Cw_256").arg(row.id);
        row.size = 2'000'000 + i * 37;
        row.createdMs = 1'700'000'000'000 + i * 1000LL;
        row.editedMs = row.createdMs + 5;
        row.takenMs = row.createdMs - 60'000;
        row.width = 4000;
        row.height = 3000;
        row.fileType = 15;
        rows << row;
    }
    return rows;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const int count = argc > 2 ? std::max(1, std::atoi(argv[2])) : 10'000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.sqlite"));
    auto catalog = Catalog::open(path);
    if (!catalog) {
        std::fprintf(stderr, "no catalog at %s\n", qPrintable(path));
        return 1;
    }
    const QVector<CatalogRow> rows = makeRows(count, 1);
    QVector<double> store, later, read, bare;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        catalog->storePlace(QStringLiteral("folder|bench"), rows, true, 1);
        store << double(timer.nsecsElapsed());

        // As a model stores its place: on a worker, the calling thread held only to hand the rows over.
        timer.restart();
        catalog->storePlaceLater(QStringLiteral("folder|later"), rows, true, 1);
        later << double(timer.nsecsElapsed());
        catalog->settle();
        catalog->forgetPlace(QStringLiteral("folder|later"));

        timer.restart();
        const auto place = catalog->place(QStringLiteral("folder|bench"));
        read << double(timer.nsecsElapsed());
        if (!place || place->rows.size() != count) {
            std::fprintf(stderr, "read back %lld rows\n", place ? qint64(place->rows.size()) : -1LL);
            return 1;
        }

        // The baseline: the same rows through the same driver, their values touched, nothing made of them.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bare"));
            db.setDatabaseName(path);
            db.open();
            QSqlQuery query(db);
            query.setForwardOnly(true);
            timer.restart();
            query.exec(
                QStringLiteral("SELECT id, name, mime, owner, container, thumb, size, created, edited, "
                               "taken, width, height, type FROM place_rows ORDER BY place, pos"));
            qint64 sum = 0;
            while (query.next())
                for (int c = 0; c < 13; ++c)
                    sum += query.value(c).isNull() ? 0 : 1;
            bare << double(timer.nsecsElapsed());
            if (sum != qint64(count) * 13)
                std::fprintf(stderr, "baseline saw %lld values\n", sum);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bare"));
    }
    const double storeMs = median(store) / 1e6;
    const double readMs = median(read) / 1e6;
    const double bareMs = median(bare) / 1e6;
    std::printf("place of %d rows, median of %d:\n", count, runs);
    std::printf("  store (one transaction): %.1f ms\n", storeMs);
    std::printf("  store on a worker (storePlaceLater): the calling thread held %.2f ms, %.4f of that\n",
                median(later) / 1e6, median(later) / 1e6 / storeMs);
    std::printf("  read back whole: %.1f ms vs. a bare SELECT of the same rows %.1f ms: ratio %.2f\n", readMs,
                bareMs, readMs / bareMs);

    // Size on disk per 100 000 rows: ten places of 10 000 (the WAL checkpointed into the file).
    for (int p = 0; p < 10; ++p)
        catalog->storePlace(QStringLiteral("size|%1").arg(p), makeRows(10'000, p + 2), true, 1);
    catalog->forgetPlace(QStringLiteral("folder|bench"));
    catalog.reset(); // closing checkpoints the WAL
    const qint64 bytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    std::printf("  on disk: %.1f MB per 100 000 rows (%lld bytes, ten places of 10 000)\n", bytes / 1e6,
                bytes);
    return 0;
}
