// Times the making of a demo library and a walk through its largest folder.
// Usage: bench_sim_seed [FILES=100000] [RUNS=3]
#include "DemoLibrary.h"
#include "FileStore.h"
#include "SimStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

using namespace koodrive::sim;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int files = argc > 1 ? std::atoi(argv[1]) : 100'000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
    QVector<qint64> seedMs, walkMs;
    qint64 walked = 0;
    for (int run = 0; run < runs; ++run) {
        QTemporaryDir dir;
        SimStore store(dir.filePath(QStringLiteral("bench.sqlite")));
        if (!store.open(nullptr))
            return 1;
        QElapsedTimer timer;
        timer.start();
        DemoLibrary(files, 20251101).seed(store);
        seedMs << timer.elapsed();

        QSqlQuery q = store.exec(
            QStringLiteral("SELECT id, container_id FROM files WHERE name = 'Camera' AND is_folder = 1"));
        q.next();
        FileStore fileStore(store);
        FileStore::ListQuery query;
        query.parentId = q.value(0).toString();
        query.containerId = q.value(1).toString();
        query.sortType = FileStore::ByCreated;
        timer.restart();
        walked = 0;
        do {
            const FileStore::Page page = fileStore.list(query);
            walked += page.rows.size();
            query.after = page.next;
        } while (query.after);
        walkMs << timer.elapsed();
    }
    std::sort(seedMs.begin(), seedMs.end());
    std::sort(walkMs.begin(), walkMs.end());
    std::printf("demo library of %d files: seeding median %lld ms (min %lld, max %lld, %d runs)\n", files,
                seedMs.at(seedMs.size() / 2), seedMs.first(), seedMs.last(), runs);
    std::printf("camera folder of %lld files, paged by 100 through the store: median %lld ms\n", walked,
                walkMs.at(walkMs.size() / 2));
    return 0;
}
