// The figures of the models and thumbnail pipeline, against koodrive-sim processes on loopback:
//  1. listing a 10 000-file folder to the end through FolderModel vs. the raw client loop (ratio);
//  2. memory per row with 100 000 rows loaded (thumbnails excluded);
//  3. a 48-tile viewport of 12-megapixel photos fully painted after a jump, cold (the server scales) and
//     warm (from the disk cache);
//  4. flinging through 100 000 items: thumbnail transfers started vs. tiles actually shown.
// Usage: bench_models [RUNS=5]
#include "Waiting.h"
#include "api/KooDriveClient.h"
#include "models/FolderModel.h"
#include "thumbnails/ThumbnailDiskCache.h"
#include "thumbnails/ThumbnailScheduler.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QGuiApplication>
#include <QNetworkAccessManager>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <malloc.h>

using namespace koodrive;
using models::FolderModel;
using models::PagedFileModel;
using thumbnails::ThumbnailScheduler;
using thumbnails::ThumbnailState;

namespace {
using koodrive::test::median;
using koodrive::test::spinUntil;
using koodrive::test::wait;
struct Sim
{
    QTemporaryDir dir;
    QProcess process;
    QUrl url;
    QString user;
    QString token;
    QString containerId;
    QString cameraId;

    explicit Sim(int demoFiles)
    {
        process.start(
            QCoreApplication::applicationDirPath() + QStringLiteral("/koodrive-sim"),
            {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--demo"), QString::number(demoFiles)});
        QByteArray out;
        while (out.count('\n') < 3 && process.waitForReadyRead(120000))
            out += process.readAllStandardOutput();
        const QList<QByteArray> lines = out.split('\n');
        url = QUrl(QString::fromLatin1(lines.value(0).mid(4)));
        user = QString::fromLatin1(lines.value(1).mid(5));
        token = QString::fromLatin1(lines.value(2).mid(6));
    }
    ~Sim()
    {
        process.terminate();
        process.waitForFinished(5000);
    }
};

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// A connected client on its own network (and disk cache when given).
struct Session
{
    std::unique_ptr<QNetworkAccessManager> network = std::make_unique<QNetworkAccessManager>();
    std::unique_ptr<api::KooDriveClient> client;
    std::unique_ptr<ThumbnailScheduler> thumbnails;

    Session(Sim &sim, const QString &cacheDir = {})
    {
        if (!cacheDir.isEmpty())
            network->setCache(new thumbnails::ThumbnailDiskCache(cacheDir));
        client = std::make_unique<api::KooDriveClient>(network.get());
        client->setConnection({sim.url, sim.user, sim.token, true});
        thumbnails = std::make_unique<ThumbnailScheduler>(network.get());
        if (sim.containerId.isEmpty()) {
            sim.containerId =
                wait<api::SpaceInfo>([&](QObject *c, auto d) { return client->spaceInfo(c, d); })
                    .value()
                    .containerId;
            api::KooDriveClient::FileListQuery query;
            query.containerId = sim.containerId;
            query.fileType = api::FileType::Folder;
            const auto root =
                wait<api::FilePage>([&](QObject *c, auto d) { return client->listFiles(query, c, d); });
            for (const auto &file : root.value().files)
                if (file.name == QLatin1String("Camera"))
                    sim.cameraId = file.id;
        }
    }
    std::unique_ptr<FolderModel> camera(Sim &sim, bool withThumbnails)
    {
        auto model = std::make_unique<FolderModel>(client.get(), withThumbnails ? thumbnails.get() : nullptr);
        model->setLocation({sim.containerId, sim.cameraId, false});
        return model;
    }
};

// As a view does: ask for more whenever rows arrive, until the end.
double loadToEnd(FolderModel &model)
{
    QElapsedTimer timer;
    timer.start();
    QEventLoop loop;
    QObject::connect(&model, &PagedFileModel::completed, &loop, &QEventLoop::quit);
    QObject::connect(&model, &PagedFileModel::errorOccurred, &loop, [&loop] {
        std::fprintf(stderr, "listing failed\n");
        loop.quit();
    });
    QObject::connect(&model, &QAbstractItemModel::rowsInserted, &model,
                     [&model] { QTimer::singleShot(0, &model, [&model] { model.fetchMore(); }); });
    model.fetchMore();
    loop.exec();
    return double(timer.nsecsElapsed()) / 1e6;
}

// As the window does: the model reads the place to its end by itself (setReadToEnd), asking for the next
// page as soon as an answer names it, while that answer is parsed on a worker.
double readToEnd(FolderModel &model)
{
    QElapsedTimer timer;
    timer.start();
    QEventLoop loop;
    QObject::connect(&model, &PagedFileModel::completed, &loop, &QEventLoop::quit);
    QObject::connect(&model, &PagedFileModel::errorOccurred, &loop, [&loop] {
        std::fprintf(stderr, "listing failed\n");
        loop.quit();
    });
    model.setReadToEnd(true);
    model.fetchMore();
    loop.exec();
    return double(timer.nsecsElapsed()) / 1e6;
}

double rawLoop(Sim &sim, api::KooDriveClient &client, int *files)
{
    api::KooDriveClient::FileListQuery query;
    query.containerId = sim.containerId;
    query.parentFileId = sim.cameraId;
    query.sortType = 1;
    query.sortDirection = 1;
    query.imageProcess = ThumbnailScheduler::imageProcess(128);
    QElapsedTimer timer;
    timer.start();
    *files = 0;
    do {
        const auto page =
            wait<api::FilePage>([&](QObject *c, auto d) { return client.listFiles(query, c, d); });
        if (!page.ok())
            return -1;
        *files += int(page.value().files.size());
        query.cursor = page.value().nextCursor;
    } while (!query.cursor.isEmpty());
    return double(timer.nsecsElapsed()) / 1e6;
}

bool allReady(const PagedFileModel &model, int first, int last)
{
    for (int row = first; row <= last; ++row)
        if (ThumbnailState(model.index(row).data(PagedFileModel::ThumbnailStateRole).toInt()) !=
            ThumbnailState::Ready)
            return false;
    return true;
}

// 48 tiles of 200x200 logical pixels in an 8x6 grid, painted as a delegate would.
void paintScreen(const PagedFileModel &model, int first)
{
    QImage screen(1600, 1200, QImage::Format_RGB32);
    screen.fill(Qt::white);
    QPainter painter(&screen);
    for (int i = 0; i < 48; ++i) {
        const QImage image = model.index(first + i).data(PagedFileModel::ThumbnailRole).value<QImage>();
        const QRect tile((i % 8) * 200, (i / 8) * 200, 200, 200);
        const QSize fitted = image.size().scaled(tile.size(), Qt::KeepAspectRatio);
        painter.drawImage(QRect(tile.center() - QPoint(fitted.width() / 2, fitted.height() / 2), fitted),
                          image);
    }
}

QVector<double> jumps(Session &session, FolderModel &model, const QVector<int> &positions)
{
    QVector<double> times;
    for (int first : positions) {
        QElapsedTimer timer;
        timer.start();
        model.setViewport(first, first + 47);
        if (!spinUntil([&] { return allReady(model, first, first + 47); }, 30000)) {
            std::fprintf(stderr, "tiles did not arrive\n");
            return {};
        }
        paintScreen(model, first);
        times << double(timer.nsecsElapsed()) / 1e6;
        spin(300); // the user looks; the prefetch runs
        spinUntil([&] { return session.thumbnails->pendingJobs() == 0; }, 30000);
    }
    return times;
}
} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    std::printf("models and thumbnails against koodrive-sim on loopback, %d runs each\n\n", runs);

    {
        // 1. Listing a 10 000-file folder: the model against the client's own loop.
        Sim sim(23256); // the camera folder gets about 43 % of the demo library: 10 000 files
        Session session(sim);
        QVector<double> raw, model, background;
        int files = 0;
        int rows = 0;
        int backgroundRows = 0;
        for (int run = 0; run < runs + 1; ++run) {
            const double r = rawLoop(sim, *session.client, &files);
            auto folder = session.camera(sim, false);
            const double m = loadToEnd(*folder);
            rows = folder->rowCount();
            auto read = session.camera(sim, false);
            const double b = readToEnd(*read);
            backgroundRows = read->rowCount();
            if (run > 0) { // the first run warms up all three
                raw << r;
                model << m;
                background << b;
            }
        }
        std::printf("1. listing the %d-file camera folder to the end (100 a page)\n", files);
        std::printf("   raw client loop (fetch, parse, fetch...): median %.0f ms\n", median(raw));
        std::printf(
            "   FolderModel asked page by page, as a view scrolls (%d rows): median %.0f ms; ratio %.2f "
            "(goal <= 1.10)\n",
            rows, median(model), median(model) / median(raw));
        std::printf(
            "   FolderModel reading to the end by itself, as the window does (%d rows): median %.0f ms; "
            "ratio %.2f (goal <= 0.90)\n\n",
            backgroundRows, median(background), median(background) / median(raw));
        if (std::getenv("BENCH_MODELS_ONLY_LISTING"))
            return 0;

        // 3. A jump to a new screen of 12-megapixel photos (4000x3000 originals), tiles of 200 px at 1.25x.
        QTemporaryDir cache;
        const QVector<int> positions{1000, 3000, 5000, 7000, 9000};
        QVector<double> cold, warm;
        {
            Session first(sim, cache.path());
            auto folder = first.camera(sim, true);
            folder->setThumbnailBox(250);
            loadToEnd(*folder);
            cold = jumps(first, *folder, positions);
        }
        {
            Session next(sim, cache.path()); // a new start: empty memory, the same disk cache
            auto folder = next.camera(sim, true);
            folder->setThumbnailBox(250);
            loadToEnd(*folder);
            warm = jumps(next, *folder, positions);
            std::printf("3. 48 tiles fully painted after a jump (box %d px, %d jumps)\n",
                        folder->thumbnailBox(), int(positions.size()));
            std::printf("   cold (the server scales): median %.0f ms (goal <= 300); warm (disk cache): "
                        "median %.0f ms "
                        "(goal <= 60); disk-cache answers %lld\n\n",
                        median(cold), median(warm), next.thumbnails->stats().fromDiskCache);
        }
    }

    {
        Sim sim(232560); // camera: 100 000 files
        // 2. Memory per row.
        Session session(sim);
        const size_t before = mallinfo2().uordblks;
        auto folder = session.camera(sim, false);
        const double ms = loadToEnd(*folder);
        QCoreApplication::processEvents();
        const size_t after = mallinfo2().uordblks;
        const int rows = folder->rowCount();
        std::printf(
            "2. %d rows loaded in %.1f s: %.0f bytes per row allocated (malloc), of which row data %.0f "
            "(goal <= 400)\n\n",
            rows, ms / 1000, double(after - before) / rows, double(folder->rowMemoryBytes()) / rows);

        // 4. Flings through all of it: 8 columns, 6 rows of tiles; each fling starts at 6 000 items/s and
        // slows down (time constant 0.325 s) until it stops; the user looks for 0.4 s and flings again.
        auto view = session.camera(sim, true);
        loadToEnd(*view);
        QSet<int> shown;
        double position = 0;
        int flings = 0;
        while (position < rows - 48) {
            ++flings;
            double velocity = 6000;
            while (velocity > 20 && position < rows - 48) {
                position = std::min<double>(rows - 48, position + velocity * 0.016);
                velocity *= std::exp(-0.016 / 0.325);
                const int first = int(position) / 8 * 8;
                view->setViewport(first, first + 47);
                spin(16);
                for (int row = first; row < first + 48; ++row)
                    if (ThumbnailState(view->index(row).data(PagedFileModel::ThumbnailStateRole).toInt()) ==
                        ThumbnailState::Ready)
                        shown.insert(row);
            }
            spin(400);
            const int first = int(position) / 8 * 8;
            for (int row = first; row < first + 48; ++row)
                if (ThumbnailState(view->index(row).data(PagedFileModel::ThumbnailStateRole).toInt()) ==
                    ThumbnailState::Ready)
                    shown.insert(row);
        }
        const auto stats = session.thumbnails->stats();
        std::printf("4. %d flings through %d items: %lld transfers started (%lld aborted), %lld tiles shown: "
                    "ratio %.2f (goal <= 1.5)\n",
                    flings, rows, stats.started, stats.aborted, qint64(shown.size()),
                    double(stats.started) / qMax<qsizetype>(1, shown.size()));
    }
    return 0;
}
