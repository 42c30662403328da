// FolderModel over an in-process koodrive-sim: paging to the end, the server's sort orders and filters,
// drag data, and thumbnails (lazy, once per picture, cancelled when scrolled away, bounded in memory,
// refreshed once when their URL has expired).
#include "PagedModelTesting.h"
#include "SimClock.h"
#include "SimFixture.h"
#include "SimHttpServer.h"
#include "models/FolderModel.h"
#include "thumbnails/ThumbnailDiskCache.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace koodrive;
using koodrive::models::FolderModel;
using koodrive::models::PagedFileModel;
using koodrive::test::loadAll;
using koodrive::test::rowIds;
using koodrive::test::SimFixture;
using koodrive::thumbnails::ThumbnailScheduler;
using koodrive::thumbnails::ThumbnailState;

// A paged model whose pages the test answers itself, one request at a time, in the order it chooses.
class ScriptedPages : public PagedFileModel
{
public:
    ScriptedPages()
        : PagedFileModel(nullptr, nullptr, nullptr)
    {}
    void start() { restart(); }
    void answer(int request, const QStringList &ids, const QString &nextCursor)
    {
        api::FilePage page;
        for (const QString &id : ids) {
            api::DriveFile file;
            file.id = id;
            file.name = id + QStringLiteral(".jpg");
            page.files.append(file);
        }
        page.nextCursor = nextCursor;
        m_asked.at(request).second(api::Result<api::FilePage>(page));
    }
    QString cursorAsked(int request) const { return m_asked.at(request).first; }
    qsizetype requests() const { return m_asked.size(); }

protected:
    api::CallHandle requestPage(const QString &cursor, int, const QString &, PageCallback done) override
    {
        m_asked.append({cursor, std::move(done)});
        return {};
    }

private:
    QList<std::pair<QString, PageCallback>> m_asked;
};

class TestFolderModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<api::KooDriveClient> m_client;
    std::unique_ptr<ThumbnailScheduler> m_thumbnails;
    QTemporaryDir m_cacheDir;
    QString m_big;
    QString m_camera;

    void connectClient()
    {
        m_network = std::make_unique<QNetworkAccessManager>();
        m_network->setCache(new thumbnails::ThumbnailDiskCache(m_cacheDir.path()));
        m_client = std::make_unique<api::KooDriveClient>(m_network.get());
        m_client->setConnection(
            {m_sim->server().url(), m_sim->userId(), m_sim->server().accessToken(), true});
        m_thumbnails = std::make_unique<ThumbnailScheduler>(m_network.get());
    }
    std::unique_ptr<FolderModel> folder(const QString &folderId, bool withThumbnails = false)
    {
        auto model =
            std::make_unique<FolderModel>(m_client.get(), withThumbnails ? m_thumbnails.get() : nullptr);
        model->setLocation({m_sim->containerId(), folderId, false});
        return model;
    }
    // The server's own order, walked page by page without the app's client.
    QStringList serverOrder(QJsonObject body, bool recycleBin = false)
    {
        QStringList list;
        QString cursor;
        body.insert(QStringLiteral("containerId"), m_sim->containerId());
        do {
            body.insert(QStringLiteral("pageInfo"), QJsonObject{{QStringLiteral("pageSize"), 100},
                                                                {QStringLiteral("pageCursor"), cursor}});
            const auto response = m_sim->post(recycleBin ? QStringLiteral("/koodrive/ose/v1/files/1")
                                                         : QStringLiteral("/koodrive/ose/v1/files/0"),
                                              body);
            if (response.status != 200)
                return {QStringLiteral("server said %1").arg(response.status)};
            for (const auto &file : response.json.value(QStringLiteral("files")).toArray())
                list << file.toObject().value(QStringLiteral("id")).toString();
            cursor = response.json.value(QStringLiteral("nextCursor")).toString();
        } while (!cursor.isEmpty());
        return list;
    }
    static ThumbnailState state(const PagedFileModel &model, int row)
    {
        return ThumbnailState(model.index(row).data(PagedFileModel::ThumbnailStateRole).toInt());
    }
    static bool allReady(const PagedFileModel &model, int first, int last)
    {
        for (int row = first; row <= last; ++row)
            if (state(model, row) != ThumbnailState::Ready)
                return false;
        return true;
    }
    qint64 objectHits() const { return m_sim->server().objects().objectRequestsServed(); }

private slots:
    void initTestCase()
    {
        m_sim = std::make_unique<SimFixture>(600);
        m_big = m_sim->addFolder(QStringLiteral("Big"), 5000);
        m_camera = m_sim->folderNamed(QStringLiteral("Camera"));
        QVERIFY(!m_camera.isEmpty());
    }
    void init() { connectClient(); }
    void cleanup()
    {
        m_thumbnails.reset();
        m_client.reset();
        m_network.reset();
    }

    void pagingAFiveThousandFileFolderGivesEveryFileOnce()
    {
        auto model = folder(m_big);
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy inserts(model.get(), &QAbstractItemModel::rowsInserted);
        QVERIFY(loadAll(*model));
        const QStringList list = rowIds(*model);
        QCOMPARE(list.size(), 5000);
        QCOMPARE(QSet<QString>(list.cbegin(), list.cend()).size(), 5000);
        QStringList expected = m_sim->childIds(m_big);
        QStringList got = list;
        expected.sort();
        got.sort();
        QCOMPARE(got, expected);
        QCOMPARE(inserts.count(), 50); // a page at a time, never a reset
        QCOMPARE(resets.count(), 0);
        QVERIFY(!model->canFetchMore());
    }

    void aFailedPageIsReportedAndTheModelStaysWhole()
    {
        auto model = folder(m_big);
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_client->setRetryPolicy({1, 10, 10, 10}); // no retries: the failure reaches the model
        QSignalSpy errors(model.get(), &PagedFileModel::errorOccurred);
        m_sim->server().http().setFaults({0, 0.0, {3}}); // the third call from now answers 503
        model->fetchMore();
        QTRY_VERIFY(errors.count() == 1 || model->rowCount() > 200);
        QTRY_COMPARE(errors.count(), 1);
        const auto error = errors.first().first().value<api::ApiError>();
        QCOMPARE(error.httpStatus, 503);
        QVERIFY(!error.traceId.isEmpty());
        QVERIFY(error.retryable);
        QVERIFY(!model->canFetchMore()); // a view would otherwise ask again at once, forever
        QVERIFY(!model->isLoading());
        const int rowsBefore = model->rowCount();
        QVERIFY(rowsBefore >= 100);
        m_sim->server().http().setFaults({});
        model->retry();
        QVERIFY(loadAll(*model));
        QCOMPARE(model->rowCount(), 5000);
        const QStringList list = rowIds(*model);
        QCOMPARE(QSet<QString>(list.cbegin(), list.cend()).size(), 5000);
    }

    void sortOrdersAgreeWithTheServer_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<int>("order");
        for (int field : {1, 2, 3, 4, 6})
            for (int order : {0, 1})
                QTest::addRow("sort %d %s", field, order ? "descending" : "ascending") << field << order;
    }
    void sortOrdersAgreeWithTheServer()
    {
        QFETCH(int, field);
        QFETCH(int, order);
        auto model = folder(m_camera);
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        model->setPageSize(37); // pages that do not divide the folder evenly
        QVERIFY(loadAll(*model));
        const bool changes =
            model->sortField() != FolderModel::SortField(field) || model->sortOrder() != order;
        model->setSortOrder(FolderModel::SortField(field), Qt::SortOrder(order));
        QCOMPARE(model->rowCount(), changes ? 0 : model->rowCount()); // a new order starts from the top
        QVERIFY(loadAll(*model));
        const QStringList expected = serverOrder(
            {{QStringLiteral("parentFileId"), m_camera},
             {QStringLiteral("sortInfo"), QJsonObject{{QStringLiteral("sortType"), field},
                                                      {QStringLiteral("sortDirection"), order ? 2 : 1}}}});
        QVERIFY(expected.size() > 100);
        QCOMPARE(rowIds(*model), expected);
    }

    void filtersAndSearchAgreeWithTheServer()
    {
        auto model = folder(m_camera);
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QJsonObject byName{
            {QStringLiteral("parentFileId"), m_camera},
            {QStringLiteral("sortInfo"),
             QJsonObject{{QStringLiteral("sortType"), 1}, {QStringLiteral("sortDirection"), 1}}}};
        model->setTypeFilter(FolderModel::TypeFilter::Videos);
        QVERIFY(loadAll(*model));
        QJsonObject videos = byName;
        videos.insert(QStringLiteral("fileType"), QStringLiteral("20"));
        QVERIFY(model->rowCount() > 0);
        QCOMPARE(rowIds(*model), serverOrder(videos));
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->index(row).data(PagedFileModel::FileTypeRole).toInt(), api::FileType::Video);

        model->setTypeFilter(FolderModel::TypeFilter::All);
        model->setNameFilter(QStringLiteral("img_2022"));
        QVERIFY(loadAll(*model));
        QJsonObject named = byName;
        named.insert(QStringLiteral("fileName"), QStringLiteral("img_2022"));
        QVERIFY(model->rowCount() > 0);
        QCOMPARE(rowIds(*model), serverOrder(named));
        for (int row = 0; row < model->rowCount(); ++row)
            QVERIFY(
                model->index(row).data().toString().contains(QLatin1String("IMG_2022"), Qt::CaseInsensitive));

        auto root = folder(QStringLiteral("root"));
        root->setTypeFilter(FolderModel::TypeFilter::Folders);
        QVERIFY(loadAll(*root));
        QVERIFY(root->rowCount() >= 3);
        for (int row = 0; row < root->rowCount(); ++row)
            QVERIFY(root->index(row).data(PagedFileModel::IsFolderRole).toBool());
    }

    void theRecycleBinListsWhatWasRecycled()
    {
        auto bin = std::make_unique<FolderModel>(m_client.get(), nullptr);
        QAbstractItemModelTester tester(bin.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        bin->setLocation({m_sim->containerId(), QString(), true});
        bin->setSortOrder(FolderModel::SortField::Recycled, Qt::DescendingOrder);
        QVERIFY(loadAll(*bin));
        const QStringList expected =
            serverOrder({{QStringLiteral("parentFileId"), QStringLiteral("root")},
                         {QStringLiteral("sortInfo"), QJsonObject{{QStringLiteral("sortType"), 5},
                                                                  {QStringLiteral("sortDirection"), 2}}}},
                        true);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(rowIds(*bin), expected);
    }

    void videosCarryTheirLengthToTheSecond()
    {
        // The grid's badge: each video's length as the server lists it (properties.duration, ms), to the
        // nearest second; pictures have none.
        auto videos = std::make_unique<FolderModel>(m_client.get(), nullptr);
        videos->setLocation({m_sim->containerId(), m_sim->folderNamed(QStringLiteral("Videos"))});
        QVERIFY(loadAll(*videos));
        QVERIFY(videos->rowCount() >= 3);
        const QJsonArray listed =
            m_sim
                ->post(QStringLiteral("/koodrive/ose/v1/files/0"),
                       {{QStringLiteral("containerId"), m_sim->containerId()},
                        {QStringLiteral("parentFileId"), m_sim->folderNamed(QStringLiteral("Videos"))},
                        {QStringLiteral("pageInfo"), QJsonObject{{QStringLiteral("pageSize"), 100}}}})
                .json.value(QStringLiteral("files"))
                .toArray();
        QHash<QString, qint64> lengths;
        for (const QJsonValue &file : listed)
            lengths.insert(file[QStringLiteral("id")].toString(),
                           file[QStringLiteral("properties")][QStringLiteral("duration")].toInteger());
        for (int i = 0; i < videos->rowCount(); ++i) {
            const QModelIndex row = videos->index(i);
            const qint64 server = lengths.value(row.data(PagedFileModel::IdRole).toString(), -1);
            QVERIFY(server > 0);
            QCOMPARE(row.data(PagedFileModel::DurationRole).toLongLong(), (server + 500) / 1000 * 1000);
        }
        auto camera = std::make_unique<FolderModel>(m_client.get(), nullptr);
        camera->setLocation({m_sim->containerId(), m_sim->folderNamed(QStringLiteral("Camera"))});
        QVERIFY(loadAll(*camera));
        int pictures = 0;
        for (int i = 0; i < camera->rowCount(); ++i)
            if (camera->index(i).data(PagedFileModel::FileTypeRole).toInt() == 15) {
                ++pictures;
                QCOMPARE(camera->index(i).data(PagedFileModel::DurationRole).toLongLong(), 0);
            }
        QVERIFY(pictures > 0);
    }

    void aDragCarriesIdsOwnersAndNames()
    {
        auto model = folder(m_camera);
        QVERIFY(loadAll(*model));
        const QModelIndexList selection{model->index(3), model->index(1), model->index(7)};
        std::unique_ptr<QMimeData> mime(model->mimeData(selection));
        QVERIFY(mime);
        const auto items = models::DriveItemsMime::read(mime.get());
        QCOMPARE(items.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const int row = QList<int>{1, 3, 7}[i];
            QCOMPARE(items[i].id, model->index(row).data(PagedFileModel::IdRole).toString());
            QCOMPARE(items[i].ownerId, m_sim->userId());
            QCOMPARE(items[i].containerId, m_sim->containerId());
        }
        QCOMPARE(mime->text().split(QLatin1Char('\n')).size(), 3);
        QCOMPARE(mime->text().split(QLatin1Char('\n')).first(), model->index(1).data().toString());
        QVERIFY(model->mimeTypes().contains(QString::fromLatin1(models::DriveItemsMime::Type)));
        QVERIFY(model->flags(model->index(0)).testFlag(Qt::ItemIsDragEnabled));
    }

    void thumbnailsLoadForWhatIsShownOnceEach()
    {
        auto model = folder(m_big, true);
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        model->fetchMore();
        QTRY_VERIFY(model->rowCount() >= 100);
        QVERIFY(model->index(0).data(PagedFileModel::ThumbnailRole).value<QImage>().isNull()); // not yet
        QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
        const qint64 before = objectHits();
        model->setViewport(0, 47);
        QTRY_VERIFY_WITH_TIMEOUT(allReady(*model, 0, 95), 20000); // the screen, then one screen below
        QCOMPARE(state(*model, 96), ThumbnailState::None);        // and no further
        QCOMPARE(objectHits() - before, 96);
        for (auto it = m_sim->server().objects().objectRequests().cbegin();
             it != m_sim->server().objects().objectRequests().cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
        QVERIFY2(changed.count() < 96,
                 "arriving thumbnails are announced together, once per event-loop turn");
        const QImage first = model->index(0).data(PagedFileModel::ThumbnailRole).value<QImage>();
        QVERIFY(!first.isNull());
        QVERIFY(first.width() <= 128 && first.height() <= 128);

        // Another view of the same folder: from memory.
        auto again = folder(m_big, true);
        again->fetchMore();
        QTRY_VERIFY(again->rowCount() >= 100);
        again->setViewport(0, 47);
        QTRY_VERIFY(allReady(*again, 0, 47));
        QCOMPARE(objectHits() - before, 96);

        // The next start (new network, loader and client): from the disk cache, although the URLs are new.
        model.reset();
        again.reset();
        cleanup();
        connectClient();
        auto restarted = folder(m_big, true);
        restarted->fetchMore();
        QTRY_VERIFY(restarted->rowCount() >= 100);
        restarted->setViewport(0, 47);
        QTRY_VERIFY_WITH_TIMEOUT(allReady(*restarted, 0, 95), 20000);
        QCOMPARE(objectHits() - before, 96);
        QCOMPARE(m_thumbnails->stats().fromDiskCache, 96);
    }

    void thumbnailsAreAskedForAtTheSizeThatIsPainted()
    {
        auto model = folder(m_camera, true);
        model->setThumbnailSize(160, 2.0); // a 160 px tile on a 2x screen: 320 device pixels, asked as 384
        QCOMPARE(model->thumbnailBox(), 384);
        model->setTypeFilter(FolderModel::TypeFilter::Images);
        model->fetchMore();
        QTRY_VERIFY(model->rowCount() > 10);
        model->setViewport(0, 3);
        QTRY_VERIFY_WITH_TIMEOUT(allReady(*model, 0, 3), 10000);
        const QImage image = model->index(0).data(PagedFileModel::ThumbnailRole).value<QImage>();
        const QSize original = model->index(0).data(PagedFileModel::DimensionsRole).toSize();
        QCOMPARE(image.size(), original.scaled(384, 384, Qt::KeepAspectRatio));
        const QString id = model->index(0).data(PagedFileModel::IdRole).toString();
        QCOMPARE(m_sim->server().objects().objectRequests().value(
                     QStringLiteral("/obs/%1|image/resize,m_lfit,h_384,w_384").arg(id)),
                 1);
    }

    void whatScrollsAwayIsCancelled()
    {
        auto model = folder(m_big, true);
        model->setThumbnailBox(192); // not in any cache yet
        QVERIFY(loadAll(*model));
        m_sim->server().objects().setFaults({150, 0.0, {}}); // slow thumbnails
        model->setViewport(0, 47);
        // The screen and, once the view rests, one more screen: six on the wire, the rest queued.
        QTRY_VERIFY(m_thumbnails->transfersInFlight() == m_thumbnails->maxConcurrent() &&
                    m_thumbnails->pendingJobs() == 96);
        model->setViewport(3000, 3047); // a jump
        const auto stats = m_thumbnails->stats();
        QCOMPARE(stats.aborted, m_thumbnails->maxConcurrent());
        QCOMPARE(stats.dropped, 96 - m_thumbnails->maxConcurrent());
        QTRY_VERIFY_WITH_TIMEOUT(allReady(*model, 3000, 3047), 30000);
        m_sim->server().objects().setFaults({});
        for (int row = 0; row < 96; ++row)
            QVERIFY(state(*model, row) != ThumbnailState::Ready);
        QVERIFY(m_thumbnails->stats().started <= m_thumbnails->maxConcurrent() + 96);
    }

    void aFlingFetchesOnlyWhereItStops()
    {
        auto model = folder(m_big, true);
        model->setThumbnailBox(96);
        QVERIFY(loadAll(*model));
        QTest::qWait(200);
        int first = 100;
        for (int frame = 0; frame < 30; ++frame, first += 120) { // 120 rows every 16 ms
            model->setViewport(first, first + 47);
            QTest::qWait(16);
        }
        model->setViewport(first, first + 47); // it stops here
        QTRY_VERIFY_WITH_TIMEOUT(allReady(*model, first, first + 47 + 48), 20000);
        const auto stats = m_thumbnails->stats();
        // The two first frames are not yet known to be a fling: at most two screens' worth of transfers
        // start for them, and the place where it stops gets its screen and one screen ahead.
        QVERIFY2(stats.started <= 96 + 2 * m_thumbnails->maxConcurrent(),
                 qPrintable(QString::number(stats.started)));
        for (int row = 100 + 3 * 120; row < first - 48; row += 7)
            QVERIFY(state(*model, row) != ThumbnailState::Ready); // what it passed was never fetched
    }

    void memoryStaysUnderTheBoundWhileScrollingThrough20000Items()
    {
        const QString huge = m_sim->addFolder(QStringLiteral("Huge"), 20000);
        auto model = folder(huge, true);
        model->setThumbnailBox(64);
        const qint64 limit = 2 << 20;
        m_thumbnails->setMemoryLimitBytes(limit);
        QVERIFY(loadAll(*model));
        QCOMPARE(model->rowCount(), 20000);
        qint64 highest = 0;
        int first = 0;
        for (int step = 0; first + 48 <= 20000; first += 48, ++step) {
            model->setViewport(first, first + 47);
            if (step % 40 == 0) // now and then the user stops and looks
                QTRY_VERIFY_WITH_TIMEOUT(allReady(*model, first, first + 47), 20000);
            else
                QTest::qWait(1);
            highest = qMax(highest, m_thumbnails->memoryUsedBytes());
            QVERIFY(m_thumbnails->memoryUsedBytes() <= limit);
        }
        first -= 48; // the last screen
        QTRY_VERIFY_WITH_TIMEOUT(allReady(*model, first, first + 47), 20000);
        QVERIFY(m_thumbnails->memoryUsedBytes() <= limit);
        QVERIFY(highest > limit / 2); // the bound was reached, and held
    }

    void anExpiredUrlIsRefreshedOnceThroughTheModel()
    {
        auto model = folder(m_camera, true);
        model->setThumbnailBox(256);
        QVERIFY(loadAll(*model));
        // Two hours pass on the server: every URL the model holds is refused (403) ...
        m_sim->server().clock().setSkewSeconds(2 * 3600);
        model->setViewport(0, 9);
        // ... and the model reads the page again for fresh ones: every tile arrives.
        QTRY_VERIFY_WITH_TIMEOUT(allReady(*model, 0, 9), 20000);
        m_sim->server().clock().setSkewSeconds(0);
        QVERIFY(m_thumbnails->stats().expired >= 10);
        QCOMPARE(m_thumbnails->stats().unavailable, 0);
    }
    void theLastPageReadAheadIsMoreToFetchUntilItIsIn()
    {
        // A folder read to its end (as the window reads it): its last page arrives while nothing asked for
        // it and goes in on the next turn. Until then the model is not complete, so it must still have more
        // to fetch: Ctrl+A or End at that moment takes it at once, and nothing (a view, loadAll) stops short.
        ScriptedPages model;
        model.start();
        model.setReadToEnd(true);
        QVERIFY(model.canFetchMore());
        model.fetchMore();
        QCOMPARE(model.requests(), 1);
        model.answer(0, {QStringLiteral("a1"), QStringLiteral("a2")}, QStringLiteral("c2"));
        QCOMPARE(model.requests(), 2); // the next page travels while this one goes in
        QCOMPARE(model.cursorAsked(1), QStringLiteral("c2"));
        QTRY_COMPARE(model.rowCount(), 2);
        model.answer(1, {QStringLiteral("b1")}, QString()); // the last page
        QVERIFY(!model.isComplete());
        QVERIFY2(model.canFetchMore(), "rows waiting to go in are more to fetch");
        model.fetchMore();
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.isComplete());
        QVERIFY(!model.canFetchMore());
        QCOMPARE(model.requests(), 2);
    }
};

QTEST_MAIN(TestFolderModel)
#include "tst_FolderModel.moc"
