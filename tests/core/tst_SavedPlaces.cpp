// Places kept in the catalog, over an in-process koodrive-sim: a place read once opens from the catalog
// with the server stopped (rows, order and thumbnails as before, and the model says it shows what was
// saved), is brought in line in place when the server is back, and a large folder is read to its end by
// itself.
#include "PagedModelTesting.h"
#include "SimFixture.h"
#include "SimHttpServer.h"
#include "catalog/Catalog.h"
#include "models/AlbumContentsModel.h"
#include "models/FolderModel.h"
#include "thumbnails/ThumbnailDiskCache.h"

#include <QAbstractItemModelTester>
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

class TestSavedPlaces : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_sim;
    QTemporaryDir m_dir;
    ServerConnection m_connection;
    QString m_space;
    // One "app run": its network, disk cache, client, thumbnails and catalog.
    struct Run
    {
        std::unique_ptr<QNetworkAccessManager> network;
        std::unique_ptr<api::KooDriveClient> client;
        std::unique_ptr<ThumbnailScheduler> thumbnails;
        std::unique_ptr<catalog::Catalog> catalog;
    };
    Run start()
    {
        Run run;
        run.network = std::make_unique<QNetworkAccessManager>();
        run.network->setCache(new thumbnails::ThumbnailDiskCache(m_dir.filePath(QStringLiteral("thumbs"))));
        run.client = std::make_unique<api::KooDriveClient>(run.network.get());
        run.client->setConnection(m_connection); // the same when the server is stopped
        run.thumbnails = std::make_unique<ThumbnailScheduler>(run.network.get());
        run.catalog = catalog::Catalog::open(m_dir.filePath(QStringLiteral("catalog.sqlite")));
        return run;
    }
    std::unique_ptr<FolderModel> folder(Run &run, const QString &folderId)
    {
        auto model = std::make_unique<FolderModel>(run.client.get(), run.thumbnails.get());
        model->setCatalog(run.catalog.get());
        model->setReconnectDelayMs(50);
        model->setLocation({m_space, folderId, false});
        return model;
    }
    // The ids of the place the catalog holds under `key`, in order (none when it holds nothing).
    static QStringList savedIds(Run &run, const QString &key)
    {
        QStringList ids;
        if (const auto saved = run.catalog->place(key))
            for (const catalog::CatalogRow &row : saved->rows)
                ids << row.id;
        return ids;
    }
    static ThumbnailState state(const PagedFileModel &model, int row)
    {
        return ThumbnailState(model.index(row).data(PagedFileModel::ThumbnailStateRole).toInt());
    }
    static bool thumbnailsReady(const PagedFileModel &model, int first, int last)
    {
        bool all = true;
        for (int row = first; row <= last; ++row) {
            model.index(row).data(PagedFileModel::ThumbnailRole); // as a delegate painting the row asks
            all = all && state(model, row) == ThumbnailState::Ready;
        }
        return all;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sim = std::make_unique<SimFixture>(0);
        m_connection = {m_sim->server().url(), m_sim->userId(), m_sim->server().accessToken(), true};
        m_space = m_sim->containerId();
    }

    void aPlaceReadOnceOpensWithTheServerGoneAndIsBroughtInLineWhenItIsBack()
    {
        const QString trip = m_sim->addFolder(QStringLiteral("Trip"), 150);
        QStringList firstIds;
        {
            // Run 1: the folder is read, and its first thumbnails are seen.
            Run run = start();
            auto model = folder(run, trip);
            QVERIFY(loadAll(*model));
            firstIds = rowIds(*model);
            QCOMPARE(firstIds.size(), 150);
            QVERIFY(!model->showsSaved());
            QTRY_VERIFY_WITH_TIMEOUT(thumbnailsReady(*model, 0, 29), 20000);
        }

        // Run 2, with the server gone: the same rows in the same order, the same thumbnails, from disk.
        m_sim->stop();
        Run run = start();
        auto model = std::make_unique<FolderModel>(run.client.get(), run.thumbnails.get());
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        model->setCatalog(run.catalog.get());
        model->setReconnectDelayMs(50);
        QSignalSpy errors(model.get(), &PagedFileModel::errorOccurred);
        model->setLocation({m_space, trip, false});
        QCOMPARE(rowIds(*model), firstIds); // at once: no event loop has run
        QVERIFY(model->showsSaved());
        QVERIFY(model->savedAtMs() > 0);
        QTRY_VERIFY_WITH_TIMEOUT(model->isUnreachable(), 10000);
        QVERIFY2(errors.isEmpty(), "a saved place shown offline is a state, not an error message");
        QTRY_VERIFY_WITH_TIMEOUT(thumbnailsReady(*model, 0, 29), 10000);
        QCOMPARE(run.thumbnails->stats().started, 0); // no transfer: the disk cache only
        QCOMPARE(rowIds(*model), firstIds);

        // Meanwhile on the server: a file recycled, a folder made. Then the server is back.
        m_sim->resume();
        const QString gone = firstIds[7];
        m_sim->column(QStringLiteral("UPDATE files SET recycled = 1, recycled_ms = 1 WHERE id = ?"), {gone});
        const QString added = m_sim->addFolder(QStringLiteral("A new folder"), 0, 15, trip);
        QSignalSpy resets(model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(model.get(), &QAbstractItemModel::rowsRemoved);
        // The model asks again by itself (every reconnect delay, doubling).
        QTRY_VERIFY_WITH_TIMEOUT(!model->showsSaved(), 20000);
        QVERIFY(!model->isUnreachable());
        QCOMPARE(resets.size(), 0); // in place: no reset, no jump
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QStringList expected = firstIds;
        expected.removeOne(gone);
        QVERIFY(rowIds(*model).contains(added));
        QStringList now = rowIds(*model);
        now.removeOne(added);
        QCOMPARE(now, expected);
        QCOMPARE(model->rowCount(), 150);
        // Folders come first in the name order: the new folder is the first row.
        QCOMPARE(rowIds(*model).first(), added);

        // And what was brought in line is what the catalog holds a moment later (written a second after, not
        // in the turn that completes it).
        const QString key = QStringLiteral("folder|%1|%2|1|1|0").arg(m_space, trip);
        QTRY_COMPARE_WITH_TIMEOUT(savedIds(run, key), rowIds(*model), 5000);
        QVERIFY(run.catalog->place(key)->complete);
    }

    void aPlaceNeverReadSaysSoWhenTheServerIsGone()
    {
        const QString unseen = m_sim->addFolder(QStringLiteral("Never opened"), 10);
        m_sim->stop();
        Run run = start();
        auto model = std::make_unique<FolderModel>(run.client.get(), run.thumbnails.get());
        model->setCatalog(run.catalog.get());
        QSignalSpy errors(model.get(), &PagedFileModel::errorOccurred);
        model->setLocation({m_space, unseen, false});
        QVERIFY(!model->showsSaved());
        model->fetchMore();
        QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 10000);
        QVERIFY(model->isUnreachable());
        QCOMPARE(model->rowCount(), 0);
        m_sim->resume();
        model->retry();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 10, 10000);
        QVERIFY(!model->isUnreachable());
    }

    void aLargeFolderIsReadToItsEndByItself()
    {
        const QString big = m_sim->addFolder(QStringLiteral("Ten thousand"), 10'000);
        Run run = start();
        auto model = std::make_unique<FolderModel>(run.client.get(), nullptr);
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::Warning);
        model->setCatalog(run.catalog.get());
        model->setReadToEnd(true);
        QSignalSpy completed(model.get(), &PagedFileModel::completed);
        // Completed means every row is in: a view goes to the end on it (a page read ahead still waiting
        // for its turn would leave End one page short).
        QList<int> rowsAtCompletion;
        connect(model.get(), &PagedFileModel::completed, this,
                [&] { rowsAtCompletion << model->rowCount(); });
        model->setLocation({m_space, big, false});
        model->fetchMore(); // what a view does once, when it is shown
        QVERIFY(model->isReading());
        QTRY_VERIFY_WITH_TIMEOUT(model->isComplete(), 60000);
        QCOMPARE(completed.size(), 1);
        QCOMPARE(rowsAtCompletion, QList<int>{10'000});
        QCOMPARE(model->rowCount(), 10'000);
        QVERIFY(!model->isReading());
        const QStringList all = rowIds(*model);
        QCOMPARE(QSet<QString>(all.cbegin(), all.cend()).size(), 10'000);

        // Written to the catalog a moment later, not in the turn that completed it (that turn goes to End).
        const QString key = QStringLiteral("folder|%1|%2|1|1|0").arg(m_space, big);
        QVERIFY(savedIds(run, key).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(savedIds(run, key).size(), 10'000, 5000);

        // Opened again later, the server gone: its first rows at once, from the catalog (a screen's worth, as
        // the window asks: not 10 000 rows read before the first screen is painted), and the rest a moment
        // later, read from the catalog on a worker and inserted at the end: every row, in order, no reset.
        m_sim->stop();
        // (No QAbstractItemModelTester: it asks for more rows at every change, and so would take the rest at
        // once, as a view does at its bottom.)
        auto again = std::make_unique<FolderModel>(run.client.get(), nullptr);
        again->setCatalog(run.catalog.get());
        again->setReadToEnd(true);
        again->setReconnectDelayMs(50);
        again->setFirstSavedRows(60);
        QSignalSpy againResets(again.get(), &QAbstractItemModel::modelReset);
        QSignalSpy againCompleted(again.get(), &PagedFileModel::completed);
        again->setLocation({m_space, big, false});
        againResets.clear(); // the place's own reset, as it opens
        QCOMPARE(again->rowCount(), 60);
        QCOMPARE(rowIds(*again), rowIds(*model).mid(0, again->rowCount()));
        QVERIFY(again->showsSaved());
        QVERIFY(!again->isComplete());
        QVERIFY(again->isReading()); // End waits for the true end
        QTRY_COMPARE_WITH_TIMEOUT(again->rowCount(), 10'000, 10000);
        QVERIFY(again->isComplete());
        QCOMPARE(againCompleted.size(), 1);
        QCOMPARE(rowIds(*again), rowIds(*model));
        QCOMPARE(againResets.size(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(again->isUnreachable(), 10000);
        QVERIFY(again->showsSaved());

        // The server back: the check reads the place to its end again and finds it as saved.
        m_sim->resume();
        QTRY_VERIFY_WITH_TIMEOUT(!again->showsSaved(), 60000);
        QCOMPARE(rowIds(*again), rowIds(*model));
        QCOMPARE(againResets.size(), 0);

        // Opened with the server there: the check may answer before or after the rest is in; either way
        // the rows are the server's, each once.
        auto third = std::make_unique<FolderModel>(run.client.get(), nullptr);
        third->setCatalog(run.catalog.get());
        third->setReadToEnd(true);
        third->setLocation({m_space, big, false});
        QVERIFY(third->rowCount() < 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(!third->showsSaved() && third->isComplete(), 60000);
        QCOMPARE(rowIds(*third), rowIds(*model));

        // Under QAbstractItemModelTester, which asks for more at every change: the rest is taken at once
        // (right after the reset that opens the place).
        auto fourth = std::make_unique<FolderModel>(run.client.get(), nullptr);
        QAbstractItemModelTester tester4(fourth.get(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
        fourth->setCatalog(run.catalog.get());
        fourth->setReadToEnd(true);
        fourth->setLocation({m_space, big, false});
        QTRY_COMPARE(fourth->rowCount(), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(!fourth->showsSaved() && fourth->isComplete(), 60000);
        QCOMPARE(rowIds(*fourth), rowIds(*model));

        // Read again, the place keeps the signed URLs of the pages near what is shown only; far from
        // there, thumbnails still come (the page's URLs are read again when it is shown).
        auto fifth = std::make_unique<FolderModel>(run.client.get(), run.thumbnails.get());
        fifth->setCatalog(run.catalog.get());
        fifth->setReadToEnd(true);
        fifth->setLocation({m_space, big, false});
        fifth->setViewport(0, 29);
        QTRY_VERIFY_WITH_TIMEOUT(!fifth->showsSaved() && fifth->isComplete(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(thumbnailsReady(*fifth, 0, 29), 20000);
        fifth->setViewport(9'950, 9'979);
        QTRY_VERIFY_WITH_TIMEOUT(thumbnailsReady(*fifth, 9'950, 9'979), 20000);
    }

    void aRefreshThatFailsWhileReadingLeavesNoGap()
    {
        // Reading to the end, pages wait to go in together; a refresh asked for then (a file uploaded,
        // F5) drops them. When that refresh fails, reading goes on from the first page that never went
        // in: every row comes, once, in the server's order.
        const QString big = m_sim->addFolder(QStringLiteral("Ten thousand again"), 10'000);
        Run run = start();
        run.client->setRetryPolicy({1, 10, 10, 10}); // no retries: the failure reaches the model
        auto model = std::make_unique<FolderModel>(run.client.get(), nullptr);
        // No QAbstractItemModelTester here: it asks for more rows on every insertion, and so would take in
        // each page as it comes, where a view lets them wait to go in together.
        model->setCatalog(run.catalog.get());
        model->setReadToEnd(true);
        QSignalSpy errors(model.get(), &PagedFileModel::errorOccurred);
        model->setLocation({m_space, big, false});
        model->fetchMore();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 500, 30000);
        QTest::qWait(100); // pages arrive meanwhile, and wait for the next insertion (every 200 ms)
        QVERIFY(!model->isComplete());
        m_sim->server().http().setFaults({0, 1.0, {}}); // every call answers 503
        model->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, 10000);
        m_sim->server().http().setFaults({});
        // What a view does when it reaches the bottom, or the window's Retry.
        QTRY_VERIFY_WITH_TIMEOUT((model->fetchMore(), model->isComplete()), 60000);
        QCOMPARE(model->rowCount(), 10'000);
        const QStringList all = rowIds(*model);
        QCOMPARE(QSet<QString>(all.cbegin(), all.cend()).size(), 10'000);
        auto again = std::make_unique<FolderModel>(run.client.get(), nullptr); // no catalog: the server's
        again->setLocation({m_space, big, false});
        QVERIFY(loadAll(*again, 60000));
        QCOMPARE(rowIds(*again), all);
    }

    void leavingAPlaceStopsItsReading()
    {
        const QString big = m_sim->addFolder(QStringLiteral("Left early"), 3000);
        const QString small = m_sim->addFolder(QStringLiteral("Small"), 5);
        Run run = start();
        auto model = std::make_unique<FolderModel>(run.client.get(), nullptr);
        model->setCatalog(run.catalog.get());
        model->setReadToEnd(true);
        model->setLocation({m_space, big, false});
        model->fetchMore();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 100, 10000);
        model->setLocation({m_space, small, false});
        model->fetchMore();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 5, 10000);
        QVERIFY(model->isComplete());
        QTest::qWait(300);
        QCOMPARE(model->rowCount(), 5); // nothing of the big folder arrives after it was left
        // What was read of it is kept, marked as not complete.
        const auto saved = run.catalog->place(QStringLiteral("folder|%1|%2|1|1|0").arg(m_space, big));
        QVERIFY(saved);
        QVERIFY(!saved->complete);
        QVERIFY(saved->rows.size() >= 100);
    }
};

QTEST_GUILESS_MAIN(TestSavedPlaces)
#include "tst_SavedPlaces.moc"
