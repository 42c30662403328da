// AlbumContentsModel over an in-process koodrive-sim: paging and sort orders as the server has them, items
// removed in place, and a refresh after an add that inserts rows where the server lists them.
#include "PagedModelTesting.h"
#include "SimFixture.h"
#include "SimHttpServer.h"
#include "api/AlbumAddBatch.h"
#include "models/AlbumContentsModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace koodrive;
using koodrive::models::AlbumContentsModel;
using koodrive::models::PagedFileModel;
using koodrive::test::loadAll;
using koodrive::test::rowIds;
using koodrive::test::SimFixture;

class TestAlbumContentsModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_sim;
    QNetworkAccessManager m_network;
    std::unique_ptr<api::KooDriveClient> m_client;
    QString m_album;
    QStringList m_files;

    QStringList serverOrder(int sortType, int direction)
    {
        QStringList ids;
        QString cursor;
        do {
            QString path =
                QStringLiteral("/koodrive/ose/v1/album/%1/list?pageSize=100&sortType=%2&sortDirection=%3")
                    .arg(m_album)
                    .arg(sortType)
                    .arg(direction);
            if (!cursor.isEmpty())
                path += QStringLiteral("&pageCursor=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
            const auto response = m_sim->get(path);
            if (response.status != 200)
                return {QStringLiteral("status %1").arg(response.status)};
            const QJsonArray items = response.json.value(QStringLiteral("contentList")).toArray();
            for (const auto &item : items)
                ids << item.toObject().value(QStringLiteral("id")).toString();
            cursor = response.json.value(QStringLiteral("nextPageCursor")).toString();
        } while (!cursor.isEmpty());
        return ids;
    }
    bool add(const QStringList &fileIds)
    {
        QVector<api::KooDriveClient::FileRef> refs;
        for (const QString &id : fileIds)
            refs.append({id, m_sim->userId()});
        api::AlbumAddBatch batch(m_client.get(), m_album, refs);
        QSignalSpy finished(&batch, &api::AlbumAddBatch::finished);
        batch.start();
        return finished.wait(20000) && batch.count(api::AlbumAddBatch::Outcome::Added) == fileIds.size();
    }

private slots:
    void init()
    {
        m_sim = std::make_unique<SimFixture>(100);
        m_client = std::make_unique<api::KooDriveClient>(&m_network);
        m_client->setConnection(
            {m_sim->server().url(), m_sim->userId(), m_sim->server().accessToken(), true});
        std::optional<api::Result<QString>> created;
        m_client->createAlbum({api::AlbumType::Manual, api::AlbumKind::Personal, QStringLiteral("Contents")},
                              this, [&created](const api::Result<QString> &r) { created = r; });
        QVERIFY(QTest::qWaitFor([&] { return created.has_value(); }, 10000) && created->ok());
        m_album = created->value();
        m_files = m_sim->childIds(m_sim->addFolder(QStringLiteral("Source"), 300));
        QVERIFY(add(m_files.mid(0, 250)));
    }
    void cleanup()
    {
        m_client.reset();
        m_sim.reset();
    }

    void pagesAndSortOrdersAreTheServers_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<int>("order");
        for (int field : {1, 2, 3})
            for (int order : {0, 1})
                QTest::addRow("sort %d %s", field, order ? "descending" : "ascending") << field << order;
    }
    void pagesAndSortOrdersAreTheServers()
    {
        QFETCH(int, field);
        QFETCH(int, order);
        AlbumContentsModel model(m_client.get(), nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(40);
        model.setAlbum(m_album);
        model.setSortOrder(AlbumContentsModel::SortField(field), Qt::SortOrder(order));
        QVERIFY(loadAll(model));
        QCOMPARE(model.rowCount(), 250);
        QCOMPARE(model.total(), 250);
        QCOMPARE(rowIds(model), serverOrder(field, order ? 2 : 1));
        QStringList sorted = rowIds(model);
        sorted.sort();
        QCOMPARE(sorted, m_sim->albumItems(m_album));
    }

    void removedItemsLeaveInPlace()
    {
        AlbumContentsModel model(m_client.get(), nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAlbum(m_album);
        QVERIFY(loadAll(model));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        const QStringList gone{rowIds(model)[3], rowIds(model)[4], rowIds(model)[120]};
        std::optional<api::Result<api::Done>> result;
        model.removeFromAlbum({3, 4, 120}, [&result](const api::Result<api::Done> &r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->ok());
        QCOMPARE(removed.count(), 2); // two runs: rows 3-4 and row 120
        QCOMPARE(resets.count(), 0);
        QCOMPARE(model.rowCount(), 247);
        QCOMPARE(model.total(), 247);
        for (const QString &id : gone) {
            QVERIFY(!m_sim->albumItems(m_album).contains(id));
            QCOMPARE(model.rowOfId(id), -1);
        }
        QCOMPARE(rowIds(model), serverOrder(1, 2));
    }

    void aRefreshAfterAnAddInsertsWhereTheServerListsThem()
    {
        AlbumContentsModel model(m_client.get(), nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAlbum(m_album);
        model.setSortOrder(AlbumContentsModel::SortField::Taken, Qt::AscendingOrder);
        QVERIFY(loadAll(model));
        QVERIFY(add(m_files.mid(250, 30)));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.refresh();
        QTRY_VERIFY(!model.isRefreshing());
        QVERIFY(inserted.count() > 0);
        QCOMPARE(resets.count(), 0);
        QVERIFY(loadAll(model));
        QCOMPARE(model.rowCount(), 280);
        QCOMPARE(rowIds(model), serverOrder(1, 1));
    }

    void aRefreshAskedForDuringARefreshReadsTheAlbumAgain()
    {
        AlbumContentsModel model(m_client.get(), nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAlbum(m_album);
        QVERIFY(loadAll(model));
        // The first page of the first refresh is read at once and answered 3 s late, so the photos added
        // meanwhile are not in it: the refresh asked for after the add must still bring them.
        using Kind = sim::SimHttpServer::FaultStep::Kind;
        m_sim->server().http().scriptFaults(
            {{Kind::Slow, 0, 0, 3000, 1, QStringLiteral("/koodrive/ose/v1/album/%1/list").arg(m_album)}});
        model.refresh();
        QTRY_COMPARE(m_sim->server().http().scriptedFaultsServed(), 1);
        QVERIFY(add(m_files.mid(250, 30)));
        QVERIFY(model.isRefreshing()); // the late answer has not come yet
        model.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!model.isRefreshing(), 15000);
        QVERIFY(loadAll(model));
        QCOMPARE(model.rowCount(), 280);
        QCOMPARE(rowIds(model), serverOrder(1, 2));
    }
};

QTEST_MAIN(TestAlbumContentsModel)
#include "tst_AlbumContentsModel.moc"
